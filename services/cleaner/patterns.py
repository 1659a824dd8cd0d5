"""Boilerplate patterns: data only, applied by :mod:`services.cleaner.boilerplate`.

Each kind maps to rules that match a whole paragraph. ``LINE`` rules hold
anywhere in the body; ``EDGE`` rules only among the paragraphs met walking in
from the start or the end of the body before the first paragraph of prose,
where a short line is a label, a stamp or a prompt and not part of the story;
``BLOCK_START``/``BLOCK_END`` bound multi-paragraph blocks. Rules describe the
*form* of boilerplate (a short paragraph that is only a credit, a prompt, a
stamp), so that article text which merely mentions "support" or "donate" is not
matched. Nothing here names a site.

A rule's ``needs`` lists lower-case substrings one of which any paragraph it
matches must contain: a cheap test that spares the regular expression on most
paragraphs of prose. It is a speed-up only and must never narrow the pattern.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

_I = re.IGNORECASE


class Rule(NamedTuple):
    """A pattern that must match a whole paragraph, and substrings it cannot match without."""

    pattern: re.Pattern[str]
    needs: tuple[str, ...] = ()


def _r(pattern: str, *needs: str, flags: int = _I) -> Rule:
    return Rule(re.compile(pattern, flags), needs)


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+)"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*([ap]\.?\s?m\.?)?(\s*[A-Z]{1,5}([+-]\d{1,2})?)?"
_DATE = (r"(" + _WEEKDAY + r"?(\d{1,2}(st|nd|rd|th)?\s+" + _MONTH + r"|" + _MONTH
         + r"\s+\d{1,2}(st|nd|rd|th)?),?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})")
# a social network's name, and not the start of a longer word ("X-rays")
_SOCIAL = (r"(twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|telegram|"
           r"whatsapp)(?![\w-])")
# a credit's name: capitalised words joined by the small words and marks of a
# credit line ("Lena Ortiz/Valley Ledger", "Jane Doe for The Ledger"); a run
# of lower-case words is a sentence, not a name
_NAME = (r"(?:[A-Z][\w.'’&-]*|the)(?:(?:\s+|\s*/\s*|,\s*)(?:[A-Z][\w.'’&-]*|"
         r"(?:of|for|via|and|the|de|da|del|van|von)\b|&)){0,8}")
# what a photo credit is introduced by
_CREDIT_LABEL = (r"(?i:(?:photo(?:graph)?s?|images?|pictures?|fotos?|video|illustrations?)"
                 r"(?: credits?)?|credits?)")
# wire and photo agencies whose credits run under pictures on every kind of news site
_AGENCIES = r"(?:Getty Images|AFP|Reuters|AP|EPA|Shutterstock|Alamy|Anadolu|Xinhua)"
_LINK_LABEL = (r"(read more|read also|also read|read next|related|see more|see also|more|watch|"
               r"listen|recommended|must read|don'?t miss|trending|more from|"
               r"more on|click here|leggi anche|lesen sie auch|lire aussi|leia também|"
               r"lea también|veja também|ver también)")
_LABELS = (r"(related topics|related (articles|stories|content|coverage|news|links)|"
           r"most read|most popular|most viewed|read more|more on this story|more stories|"
           r"more from [\w .'-]{1,40}|top stories|recommended( for you)?|trending( now)?|"
           r"you may also like|you might also like|editor'?s picks|popular (now|stories)|"
           r"don'?t miss|most read (in|on) [\w ]{1,30}|"
           r"latest (news|stories)|related|see also|further reading|partner news|tags|topics|"
           r"leggi anche|lesen sie auch|lire aussi|leia também)")

#: Paragraphs that are boilerplate on their own, by kind, wherever they stand.
LINE: Final[dict[str, tuple[Rule, ...]]] = {
    "audio_notice": (
        _r(r"^\W*voice is ai[- ]generated\b.{0,120}$", "voice"),
        _r(r"^\W*(listen to (this|the) (article|story|episode)|audio is not supported|"
           r"your browser does not support the audio|this (article|story) is also "
           r"available as audio|hear this story|press play to listen)\b.{0,100}$",
           "listen", "audio", "hear this"),
        _r(r"^\W*(listen|audio)\s*(\(\d+ min(ute)?s?\))?\s*$", "listen", "audio"),
        # a player's label: "Listen to the full interview", "Listen live"
        _r(r"^\W{0,3}listen (to (the|this|our) (full )?(podcast|episode|interview|show|story|"
           r"article|programme|program|broadcast|audio)\b.{0,120}|(live|again|now))\W{0,3}$",
           "listen"),
    ),
    "navigation": (
        _r(r"^\s*skip to (main )?(content|navigation|article)\s*$", "skip"),
        # a rule or a lone symbol: "* * *", "•"
        _r(r"^\W+$"),
        _r(r"^\s*(home|menu|search|close|back to top|next article|previous article|"
           r"advertisement|sponsored( content)?|story continues below|continue reading|"
           r"scroll to continue|continue reading (the|this) (main )?(story|article)|"
           r"article continues (below|after)( (this )?(ad|advertisement))?)\s*\W?\s*$"),
    ),
    "related": (
        _r(r"^\s*" + _LABELS + r"\s*\W{0,3}\s*$"),
        _r(r"^\W{0,3}" + _LINK_LABEL + r"\s*[:|»>–—-]\s*.{3,200}$"),
        _r(r"^\W{0,3}(?i:read more|read also|also read|read next|see more|see also|"
           r"don'?t miss|must read|more from [\w.-]+)\s+[A-Z\"'“‘].{3,160}$",
           flags=0),
        # a headline marked as a link to a gallery or a video: "Flood waters recede [PHOTOS]"
        _r(r"^.{5,200}\s\[(video|watch|pictures|photos|gallery)\]\W{0,3}$", "["),
    ),
    "stamp": (
        _r(r"^(?=.{0,100}$)\W{0,3}(updated|published|last updated|last modified|posted|"
           r"first published|modified|originally published)( on| at)?\s*:?\s*"
           r"(.{0,30}" + _DATE + r"|.{0,30}" + _CLOCK + r"|\d+ \w+ ago).{0,50}$"),
        _r(r"^\W{0,3}" + _WEEKDAY + r"?" + _DATE + r"((,|\s|\s*[|·•-]\s*|\s+at\s+)+"
           + _CLOCK + r")?\W{0,3}$"),
        _r(r"^\W{0,3}" + _CLOCK + r"\s*[,|·•-]?\s*" + _DATE + r"\W{0,3}$"),
        _r(r"^\s*\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$"),
        _r(r"^\W{0,3}\d+\s+(min(ute)?s?|hours?|days?)\s+(read|ago)\W{0,3}$"),
        # an estimated reading time, in the languages of the news the cleaner meets most
        _r(r"^\W{0,3}(reading time|read time|lesezeit|temps de lecture|tempo de leitura|"
           r"tiempo de lectura|tempo di lettura)\s*:?\s*\d+.{0,20}$"),
        _r(r"^\W{0,3}\d+\s*(min(ute)?s?|minutos?|minuti)\.?\s+(read|de leitura|de lectura|"
           r"di lettura|lesezeit)\W{0,3}$"),
    ),
    "source_line": (
        _r(r"^\s*sources?\s*:\s*[\w .,'&/()-]{2,80}(and|&) (news )?agencies\.?\s*$"),
        _r(r"^\s*sources?\s*:\s*[\w .,'&/()-]{2,60}\.?\s*$"),
    ),
    "legal": (
        # "(c)" is a copyright sign only before a year or a name; before a noun it is a list item
        _r(r"^\W{0,3}(copyright|©|ⓒ|\(c\)(?=\s*(?-i:[\dA-Z])))\s*.{0,120}"
           r"\b(all rights reserved|\d{4})\b.{0,200}$"),
        _r(r"^\W{0,3}(copyright\s*)?(©|ⓒ|\(c\)(?=\s*(?-i:[\dA-Z]))).{0,150}$"),
        _r(r"^.{0,40}\bif you (buy|purchase) (something|anything|a product)\b.{0,80}\b(may|might|"
           r"will) (get|earn|receive)\b.{0,160}$", "if you"),
        # an affiliate disclosure: the publisher, not a third party, earns on what readers buy
        _r(r"^.{0,80}\b(we|[\w.]+) (may|might) (earn|get|receive) (a )?(small )?(affiliate )?"
           r"commission\b(.{0,120}\b(links?|purchases?|products?|page|post|buy)\b)?\W{0,3}$",
           "commission"),
        _r(r"^.{0,120}\ball rights reserved\b.{0,120}$", "rights reserved"),
        # a reproduction notice speaks of *this* material and lists the uses it forbids or
        # asks for permission; a court's ban on publishing a report is news
        _r(r"^.{0,40}\b(this|our) (material|article|content|story|site'?s content) may not be "
           r"(((published|reproduced|redistributed|copied|broadcast|rewritten|distributed|"
           r"transmitted|stored),?\s+(or\s+|and\s+)?){2,}|.{0,80}\bwithout (the )?(prior )?"
           r"(written )?permission\b).{0,120}$", "may not be"),
    ),
    "photo_credit": (
        # a caption ending in a labelled credit: "... in August. Photo: Lena Ortiz/Ledger"
        _r(r"^.{0,400}?(?:^|\s|[(\[])" + _CREDIT_LABEL + r"\s*:\s*" + _NAME
           + r"[\s.)\]]*$", "photo", "image", "picture", "credit", "foto", "video", "illustration",
           flags=0),
        # "Photo by ...", "Photograph by X for Y", "Courtesy of ...", alone or after the caption
        _r(r"^(?:.{0,400}?[.!?;:)\]|–—-]\s*)?\W{0,3}(?:" + _CREDIT_LABEL
           + r"\s+(?i:by|courtesy(?: of)?)|(?i:courtesy(?: of)?|file photo))\s+" + _NAME
           + r"[\s.)\]]*$", "photo", "image", "picture", "credit", "foto", "video", "illustration",
           "courtesy", flags=0),
        # a photographer and an agency joined by a slash, after the caption or in brackets:
        # "[Marek Hill/AFP]", "(AP Photo/Jae C. Hong)", "JOHN SMITH/AFP via Getty Images"
        _r(r"^(?:.{0,400}?(?:[.!?]\s+|\s*[(\[]))?(?:(?i:file|photo|image)\s*:\s*)?"
           r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}\s*/\s*" + _NAME + r"\s*[)\]]?[\s.]*$",
           "/", flags=0),
        # a caption ending in an agency's name alone: "... on Tuesday. Getty Images"
        _r(r"^.{3,400}?(?:[.!?]\s+|\s+via\s+|\s[|–—-]\s+)" + _AGENCIES + r"\W{0,2}$", flags=0),
        _r(r"^.{0,300}[\[(](photo|image|file|picture|credit|foto|source|사진|写真|фото)"
           r"[^\])]{0,120}[\])][\s|]*$",
           "photo", "image", "file", "picture", "credit", "foto", "source", "사진", "写真", "фото"),
        # a copyright sign and a name: "(a) fees, (b) fines and (c) penalties." is a list
        _r(r"^.{3,200}\s(?:©|\([cC]\))\s*(?:\d{4},?\s*)?" + _NAME + r"(?:,? \d{4})?[\s.]*$",
           "©", "(c)", flags=0),
        _r(r"^\s*(image|photo|picture) (caption|copyright|source)\b.{0,300}$"),
    ),
    "author_bio": (
        _r(r"^\s*about the (writer|author|reporter)s?\s*:?\s*$"),
        _r(r"^.{20,600}(\.\.\.|…)\s*read more\s*$", "read more"),
        _r(r"^.{0,80}\b(write to|email|e-mail|contact|reach)\b.{0,80}\bat\s+\S+@\S+\.\w+.{0,200}$",
           "@"),
        _r(r"^.{0,60}\b(may|can) be (reached|contacted) at\b.{0,200}$",
           "reached at", "contacted at"),
        _r(r"^\s*(have a (news )?tip|got a (news )?tip)\b.{0,300}$"),
    ),
    "subscription": (
        # a sign-up prompt speaks to the reader: an imperative opening a sentence, or "you",
        # "your", "our"; "Voters can register for postal ballots" is a fact about voters
        _r(r"^(.{0,120}[.!?:]\s+)?\W{0,3}(please )?(sign up|subscribe|register)"
           r"( now| today| here)? (for|to) .{0,80}(emails|newsletter|briefing|digest|alert|"
           r"update|edition|podcast|"
           r"channel|video)s?\b.{0,200}$", "sign up", "subscribe", "register"),
        _r(r"^(?=.{0,120}\b(you|your|our)\b).{0,120}\b(sign up|subscribe|register|signing up)"
           r"( now| today| here)? (for|to) (our|the|my) .{0,80}(emails|newsletter|briefing|digest|"
           r"alert|update|edition|podcast|channel)s?\b.{0,200}$",
           "sign up", "subscribe", "register", "signing up"),
        _r(r"^.{0,120}\b(delivered|sent|straight|direct(ly)?|right) (to|in(to)?) your inbox\b"
           r".{0,160}$", "inbox"),
        # "Get our free evening digest in your inbox"
        _r(r"^\W{0,3}(get|receive|have)\b.{0,100}\b(in|to|into) your inbox\b.{0,80}$", "inbox"),
        _r(r"^\W{0,3}([\w'’&.-]+ ){0,3}newsletters?\W{0,3}$", "newsletter"),
        _r(r"^.{0,20}\bif you (enjoyed|liked|value|appreciate|found) (this|our|the) (article|story|"
           r"journalism|reporting|piece|content)\b.{0,400}$", "if you"),
        _r(r"^.{0,120}\b(newsletter|briefing|headlines|top stories|stories)\b.{0,60}"
           r"\b(delivered|straight|direct(ly)?|right) (to|in(to)?) your inbox\b.{0,120}$",
           "inbox"),
        _r(r"^.{0,80}\b(subscribers? only|already a subscriber|subscribe now|subscribe today|"
           r"log ?in to continue|sign in to continue|subscribe to (continue|read|keep reading)|"
           r"start your (free )?trial|"
           r"this (article|content) is (for|available to) (subscribers|members))\b.{0,200}$",
           "subscri", "log in", "login", "sign in", "trial", "this article is", "this content is"),
        # the paywall's offers, addressed to the reader: "Become a member today", "Get
        # unlimited digital access"; "applied to become a member of the alliance" is not one
        _r(r"^(.{0,120}[.!?:]\s+)?\W{0,3}(please )?(become a (subscriber|member|supporter)|"
           r"(get|enjoy|unlock) unlimited (digital )?access)\b.{0,200}$",
           "become a", "unlimited"),
        _r(r"^(?=.{0,300}\b(you|your|our)\b).{0,80}\bunlimited (digital )?access to "
           r"(our|all (of )?our|every|the site|the website)\b.{0,200}$", "unlimited"),
        _r(r"^\W{0,3}(download|get|install|try) (our|the) .{0,40}\bapp\b.{0,100}$", "app"),
        _r(r"^.{0,80}\bclick here\b.{0,80}\b(app|newsletter|subscribe|subscription|sign up|"
           r"alerts)\b.{0,40}$", "click here"),
        _r(r"^.{0,40}\b(app|newsletter|alerts)\b.{0,60}\bclick(ing)? here\W{0,3}$", "click"),
        _r(r"^\s*(thanks|thank you) for (signing up|subscribing|registering)\b.{0,120}$"),
        # what is left of a sign-up form in the text
        _r(r"^.{0,60}\benter your email( address)? (to|below|here)\b.{0,100}$",
           "enter your email"),
    ),
    "share_prompt": (
        _r(r"^\W{0,3}(share|share this( article| story| page)?|share on " + _SOCIAL
           + r"|follow us|tweet|email|print|print article|order reprints|reprints|copy link|"
           r"link copied|comments?|\d+ comments?|view comments|show comments|leave a comment|"
           r"post a comment|add a comment|join the conversation|tell us what you think\W*)"
           r"\s*\W{0,3}\s*$"),
        _r(r"^\W{0,3}follow (us|him|her|them|[\w.@'’]+( [\w.'’]+){0,6}) (on " + _SOCIAL
           + r"|at (@|https?://|www\.))\b.{0,200}$"),
        _r(r"^\W{0,3}follow @\w+.{0,200}$"),
        # the reader asked to pass the page on: "Share this story with a friend"
        _r(r"^\W{0,3}(please )?(share|forward|send) (this|the) (story|article|page|post|"
           r"newsletter|email)\b.{0,80}$", "share", "forward", "send"),
        _r(r"^\W{0,3}(share|follow)(?=\s).{0,25}\b(on|via|with) " + _SOCIAL + r".{0,60}$"),
        # a pointer to the site's running coverage: "Follow our live coverage here"
        _r(r"^\W{0,3}(follow|read|watch|get) (all )?(of )?our (latest |full )?(live )?"
           r"(coverage|updates|blog)\b.{0,60}$", "our"),
    ),
    "cookie_notice": (
        _r(r"^.{0,200}\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|"
           r"cookie (policy|settings|preferences)|by (continuing|using) (to (use|browse) )?"
           r"(this|our) (site|website))\b.{0,300}$", "cookie", "by continuing", "by using"),
    ),
}

#: Kinds whose lines are reporting, not boilerplate, when someone is quoted saying them.
UNLESS_ATTRIBUTED: Final = frozenset({"donation_appeal", "subscription", "share_prompt",
                                      "audio_notice", "cookie_notice", "legal"})

# names and the words that join them in a credit line, to the end of the paragraph
_CREDIT_WORDS = (r"(?:[A-Z][\w.'’-]*|(?i:by|and|in|from|for|with|of|at|the|additional|reporting|"
                 r"editing|writing|compiled|produced|research|graphics|photography)\b)"
                 r"(?:[\s,;&/]+(?:[A-Z][\w.'’-]*|(?i:by|and|in|from|for|with|of|at|the|"
                 r"additional|reporting|editing|writing|compiled|produced|research|graphics|"
                 r"photography)\b))*\W*$")

#: Paragraphs that are boilerplate only at the edges of the body: labels and
#: lines that could be a short sentence of the story elsewhere.
EDGE: Final[dict[str, tuple[Rule, ...]]] = {
    "stamp": (
        # a dateline standing alone: "BAAR, SWITZERLAND", "WASHINGTON —"
        _r(r"^\s*[A-Z][A-Z .'-]{2,30}(,\s*[A-Z][A-Za-z .'-]{2,30})?\s*[—–-]?\s*$", flags=0),
        _r(r"^(?=.{0,110}$)\W{0,3}" + _DATE + r"(?!.*[.!?]\s*$).*$"),
        # a short label with a numeric date in it, as a page's template prints the date
        _r(r"^(?=.{0,60}$).{0,25}\d{4}[-./]\d{1,2}[-./]\d{1,2}\b.{0,25}$"),
        # "Updated 3 hours ago", "Posted by the news desk on Monday": the word and then a
        # time; "Published accounts differ on the cause" is the story's last sentence
        _r(r"^\W{0,3}(updated|posted|published)( by [\w .'-]{1,40}?)?( on| at)?\s*:?\s*\W{0,3}"
           r"(\d|" + _MONTH + r"\s|" + _WEEKDAY + r"|(today|yesterday|just now)\b).{0,60}$"),
    ),
    "navigation": (
        # a bare link list rendered as text: "News | Sport | Weather"
        _r(r"^\s*([\w'’&.-]+( [\w'’&.-]+){0,2}\s*[|•·>»/]\s*){2,}[\w'’&.-]+"
           r"( [\w'’&.-]+){0,2}\s*$", "|", "•", "·", ">", "»", "/"),
    ),
    "author_bio": (
        _r(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3} is (an? |the |[A-Z][\w.&-]*['’]s )"
           r"(senior |staff |freelance |contributing |deputy |chief |[A-Z][\w.'-]+ ){0,3}"
           r"(reporter|writer|journalist|correspondent|editor|contributor|columnist|producer|"
           r"curator|critic|analyst|photographer|photojournalist|videographer|illustrator|"
           r"filmmaker)\b.{0,900}$", flags=0),
        _r(r"^.{0,300}\bcontributed (reporting )?to this (report|article|story)\.?\s*$",
           "contributed"),
        # a credit line is names and the words that join them: "Reporting by A in Kyiv;
        # Editing by B"; "Produced by the regulator, the study found..." is prose
        _r(r"^\W{0,3}(?i:(additional )?(reporting|editing|writing|compiled|produced|research|"
           r"graphics|photography) by)\s+(?=.{0,300}$)" + _CREDIT_WORDS, flags=0),
        _r(r"^\W{0,3}reach (me|us|him|her|them|the reporters?|the authors?|the writers?)\b"
           r".{0,200}$"),
        _r(r"^.{0,300}\bfollow (us|him|her|them|[A-Z][\w.]+( [A-Z][\w.]+){0,3}) on "
           + _SOCIAL + r"\b.{0,200}$", "follow", flags=0),
        _r(r"^\s*(by|von|par|por|door)\s+[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4}"
           r"((,| and| &) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4})*(\s*[,|·•-]\s*.{0,60})?\s*$",
           flags=0),
    ),
}

#: A place dateline opening the story's first paragraph: the place in capitals,
#: perhaps its region and the agency, then a dash ("LYON, France —", "CITY
#: (Agency) —"). Only the dateline goes; the sentence after it stays.
DATELINE_PREFIX: Final = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})?"
    r"(?:\s*\([A-Z][\w .&-]{0,24}\))?(?:\s*[—–]\s*|\s+-{1,2}\s+)(?=[\"“‘'A-Z0-9])")

#: Multi-paragraph blocks: a start, then everything up to and including the end.
BLOCK_START: Final[dict[str, re.Pattern[str]]] = {
    "donation_appeal": re.compile(
        r"^\s*(a message from .{2,60}|dear (readers?|friends)\b.*|"
        r"(please )?support (independent|our|quality|local) (journalism|reporting|news)\b.*|"
        r"(we|this newsroom) (need|rely on|depend on) (your|readers'?) (help|support)\b.*)$",
        _I),
}
BLOCK_END: Final[dict[str, re.Pattern[str]]] = {
    "donation_appeal": re.compile(
        r"(remind me later|(support|donate|contribute|give)( to)? (us|now|today)( now| today)?|"
        r"just \W?[$€£]?\d+|maybe later|thank you for (your support|standing with us|"
        r"reading)|(make|become) a (donation|contribution|supporter|member))\W*$", _I),
}
#: A block that finds no end within this many paragraphs is not a block.
BLOCK_MAX_PARAGRAPHS: Final = 8
#: Every paragraph inside a block speaks to the reader or for the newsroom: an
#: appeal is written in the first and second person, the story it may quote is not.
BLOCK_INSIDE: Final[dict[str, re.Pattern[str]]] = {
    "donation_appeal": re.compile(r"\b(you|your|we|our|us)\b", _I),
}

#: Appeals that need no block around them: a short paragraph asking for money.
APPEAL: Final[tuple[Rule, ...]] = (
    _r(r"^.{0,200}\b(support|donate to|contribute to|fund) (us|our (work|journalism|"
       r"reporting|newsroom)|independent journalism)\b.{0,200}\b(today|now|from just|monthly|"
       r"one-?off|\$|€|£|donat\w+|contribut\w+|subscri\w+|member\w*)\b.{0,200}$",
       "support", "donate", "contribute", "fund"),
    _r(r"^\W{0,3}(please )?(make|give) a (donation|contribution|gift)\b.{0,80}$"),
    # a donation button's label
    _r(r"^\s*(donate|give|support us|chip in|donate (now|today)|give (now|today)|"
       r"become a (supporter|member|patron))\s*\W?\s*$"),
    # a reader-funded newsroom asking its readers to pay: the funding model and the ask
    _r(r"^(?=.{0,1200}$)(?=.*\b(non-?profit|reader-(funded|supported)|member-supported|"
       r"listener-supported|independent)\b).*\b(donate (now|today|here)|chip in|give (now|today)|"
       r"your (tax-deductible )?(gift|donation|support|contribution)|readers like you|"
       r"support (us|our (work|journalism|newsroom|reporting)))\b.*$",
       "profit", "reader-", "supported", "independent"),
    # an appeal introduced as a parting word: "Before you go: ... readers like you chip in"
    _r(r"^\W{0,3}(before you go|before you (leave|scroll|move on)|one (last|more) thing)\b"
       r".{0,800}\b(donat\w*|support|chip in|contribut\w*|give|gift|member\w*|subscri\w*)\b"
       r".{0,400}$", "before you", "one last", "one more"),
)

#: Headings after which the rest of the body is lists of other stories, when
#: nothing after them reads like the story (see ``boilerplate._Pass.tail``).
TAIL_MARKERS: Final = re.compile(r"^\s*(" + _LABELS[1:-1] + r"|comments)\s*\W{0,3}\s*$", _I)

#: Every kind a user can switch off.
KINDS: Final = tuple(sorted({*LINE, *EDGE, *BLOCK_START, "site_name", "template", "headline",
                             "related", "navigation"}))
