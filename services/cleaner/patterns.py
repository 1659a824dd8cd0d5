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
_SOCIAL = (r"(twitter|x|facebook|instagram|linkedin|youtube|tiktok|threads|bluesky|telegram|"
           r"whatsapp)")
_LINK_LABEL = (r"(read more|read also|also read|read next|related|see more|see also|more|watch|"
               r"listen|also on [\w.-]+|recommended|must read|don'?t miss|trending|more from|"
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
        _r(r"^\W{0,3}(listen (to (the|this|our) (full )?(podcast|episode|interview|show|story|"
           r"article|programme|program|broadcast|audio)|to [\w ]{1,30} live|live|again|back|now)|"
           r"how to listen)\b.{0,120}$", "listen"),
    ),
    "navigation": (
        _r(r"^\s*skip to (main )?(content|navigation|article)\s*$", "skip"),
        # a rule or a lone symbol: "* * *", "•"
        _r(r"^\W+$"),
        # shortcodes a page failed to render: "[button link=...]Send us...[/button]"
        _r(r"^.{0,200}\[/?[a-z_]+( [a-z_-]+=.{0,200})?\].{0,200}\[/[a-z_]+\].{0,80}$", "[/"),
        _r(r"^\s*(home|menu|search|close|back to top|next article|previous article|"
           r"advertisement|sponsored( content)?|story continues below|continue reading|"
           r"scroll to continue|continue reading (the|this) (main )?(story|article)|"
           r"article continues (below|after)( (this )?(ad|advertisement))?)\s*\W?\s*$"),
    ),
    "related": (
        _r(r"^\s*" + _LABELS + r"\s*\W{0,3}\s*$"),
        _r(r"^\W{0,3}" + _LINK_LABEL + r"\s*[:|»>–—-]\s*.{3,200}$"),
        _r(r"^\W{0,3}(?i:read more|read also|also read|read next|see more|see also|"
           r"also on [\w.-]+|don'?t miss|must read|more from [\w.-]+)\s+[A-Z\"'“‘].{3,160}$",
           flags=0),
        _r(r"^\W{0,3}[\w' ]{1,30}:\s*(https?://|www\.)\S+\s*$", "http", "www."),
        _r(r"^.{5,200}\s\[(video|watch|insight|pics|pictures|photos|gallery|latest|reaction|"
           r"poll|live|analysis|explained|read more)\]\W{0,3}$", "["),
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
        _r(r"^\W{0,3}(copyright|©|ⓒ|\(c\))\s*.{0,120}\b(all rights reserved|\d{4})\b.{0,200}$"),
        _r(r"^\W{0,3}(copyright\s*)?(©|ⓒ|\(c\)).{0,150}$"),
        _r(r"^.{0,40}\bif you (buy|purchase) (something|anything|a product)\b.{0,80}\b(may|might|"
           r"will) (get|earn|receive)\b.{0,160}$", "if you"),
        _r(r"^.{0,80}\b(we|[\w.]+) (may|might) (earn|get|receive) (a )?(small )?(commission|share "
           r"of the sale|affiliate commission)\b(.{0,120}\b(links?|purchases?|products?|page|post|"
           r"buy)\b)?\W{0,3}$", "commission", "share of the sale", "affiliate"),
        _r(r"^.{0,120}\ball rights reserved\b.{0,120}$", "rights reserved"),
        _r(r"^.{0,40}\bthis (copy|material|article) is for your personal,? "
           r"non-?commercial use\b.{0,400}$", "personal"),
        _r(r"^.{0,80}\b(this|the) (material|article|content|story|report) may not be "
           r"(published|reproduced|redistributed|copied)\b.{0,120}$", "may not be"),
    ),
    "photo_credit": (
        _r(r"^.{0,400}\b(via getty images|getty images|/afp|/reuters|/ap photo|/ap|/epa|"
           r"/shutterstock|/bloomberg|/anadolu|photo:|photograph:|photos?:|image:|credit:|"
           r"photo by|photos by|file photo|image source|picture:|pictured:|foto:)"
           r"\W{0,3}[\w .,'&/-]{0,60}\]?\)?\s*$",
           "getty", "/", "photo", "image", "credit", "picture", "foto"),
        _r(r"^.{0,300}[\[(](photo|image|file|picture|credit|foto|source|사진|写真|фото)"
           r"[^\])]{0,120}[\])][\s|]*$",
           "photo", "image", "file", "picture", "credit", "foto", "source", "사진", "写真", "фото"),
        _r(r"^.{0,300}[\[(][\w .'-]{2,60}/(AFP|Reuters|AP|EPA|Getty Images|Anadolu|"
           r"Al Jazeera|Bloomberg|Shutterstock)[^\])]{0,40}[\])]\s*$", "/"),
        _r(r"^[A-Z][A-Z .'-]{3,60}/(AFP|REUTERS|AP|GETTY IMAGES|EPA|ANADOLU)\b.{0,80}$",
           flags=0),
        _r(r"^.{3,200}\s(©|\(c\))\s*[\w .,'&/-]{2,60}(,? \d{4})?\s*$", "©", "(c)"),
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
        _r(r"^.{0,120}\b(sign up|subscribe|register|signing up)( now| today| here)? (for|to) "
           r".{0,80}(emails|newsletter|briefing|digest|alert|update|edition|podcast|"
           r"channel|video)s?\b.{0,200}$", "sign up", "subscribe", "register", "signing up"),
        _r(r"^.{0,120}\b(delivered|sent|straight|direct(ly)?|right) (to|in(to)?) your inbox\b"
           r".{0,160}$", "inbox"),
        _r(r"^.{0,40}\b(check|keep an eye on) your inbox\b.{0,100}$", "inbox"),
        _r(r"^\W{0,3}([\w'’&.-]+ ){0,3}newsletters?\W{0,3}$", "newsletter"),
        _r(r"^.{0,20}\bif you (enjoyed|liked|value|appreciate|found) (this|our|the) (article|story|"
           r"journalism|reporting|piece|content)\b.{0,400}$", "if you"),
        _r(r"^.{0,200}\b\d+ issues for [£$€]\s?\d.{0,120}$", "issues for"),
        _r(r"^.{0,120}\b(newsletter|briefing|headlines|top stories|stories)\b.{0,60}"
           r"\b(delivered|straight|direct(ly)?|right) (to|in(to)?) your inbox\b.{0,120}$",
           "inbox"),
        _r(r"^.{0,80}\b(subscribers? only|already a subscriber|subscribe now|subscribe today|"
           r"log ?in to continue|sign in to continue|subscribe to (continue|read|keep reading)|"
           r"become a (subscriber|member)|start your (free )?trial|unlimited (digital )?access|"
           r"this (article|content) is (for|available to) (subscribers|members))\b.{0,200}$",
           "subscri", "log in", "login", "sign in", "become a", "trial", "unlimited",
           "this article is", "this content is"),
        _r(r"^\W{0,3}(download|get|install|try) (our|the) .{0,40}\bapp\b.{0,100}$", "app"),
        _r(r"^.{0,80}\bclick here\b.{0,80}\b(app|newsletter|subscribe|subscription|sign up|"
           r"alerts)\b.{0,40}$", "click here"),
        _r(r"^.{0,40}\b(app|newsletter|alerts)\b.{0,60}\bclick(ing)? here\W{0,3}$", "click"),
        _r(r"^\s*(thanks|thank you) for (signing up|subscribing|registering)\b.{0,120}$"),
        _r(r"^.{0,60}\b(there was an error processing|an error has occurred|"
           r"please try again later|enter your email( address)? (to|below|here))\b.{0,100}$",
           "error", "try again", "enter your email"),
    ),
    "share_prompt": (
        _r(r"^\W{0,3}(share|share this( article| story| page)?|share on " + _SOCIAL
           + r"|follow us|tweet|email|print|print article|order reprints|reprints|copy link|"
           r"link copied|comments?|\d+ comments?|view comments|show comments|leave a comment|"
           r"post a comment|add a comment|join the conversation|tell us what you think\W*)"
           r"\s*\W{0,3}\s*$"),
        _r(r"^\W{0,3}follow (us|him|her|them|[\w.@'’]+( [\w.'’]+){0,6}) (on " + _SOCIAL
           + r"\b|at (@|https?://|www\.))\b.{0,200}$"),
        _r(r"^\W{0,3}follow @\w+.{0,200}$"),
        _r(r"^.{0,60}\b(like|enjoy(ed)?) this (story|article)\b.{0,20}\bshare\b.{0,80}$",
           "share"),
        _r(r"^\W{0,3}(share|follow)\b.{0,25}\b(on|via|with) " + _SOCIAL + r"\b.{0,60}$"),
        _r(r"^(?=.{0,300}$)(?=.*\b(comments?|commentaires|comentários|comentarios|kommentare)\b)"
           r"(?=.*\bmodera(tor|dor|teur|ted|tion|ção|ción)\b).*$", "modera"),
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

#: Paragraphs that are boilerplate only at the edges of the body: labels and
#: lines that could be a short sentence of the story elsewhere.
EDGE: Final[dict[str, tuple[Rule, ...]]] = {
    "stamp": (
        # a dateline standing alone: "BAAR, SWITZERLAND", "WASHINGTON —"
        _r(r"^\s*[A-Z][A-Z .'-]{2,30}(,\s*[A-Z][A-Za-z .'-]{2,30})?\s*[—–-]?\s*$", flags=0),
        _r(r"^(?=.{0,110}$)\W{0,3}" + _DATE + r"(?!.*[.!?]\s*$).*$"),
        # a label and a date: "Article posted :[ 2018-09-28 17:32 ]"
        _r(r"^(?=.{0,60}$).{0,25}\d{4}[-./]\d{1,2}[-./]\d{1,2}\b.{0,25}$"),
        _r(r"^\W{0,3}(updated|posted|published)\b.{0,60}$"),
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
           r"curator|critic|analyst)\b.{0,900}$", flags=0),
        _r(r"^.{0,300}\bcontributed (reporting )?to this (report|article|story)\.?\s*$",
           "contributed"),
        _r(r"^\W{0,3}(additional )?(reporting|editing|writing|compiled|produced) by\b.{0,300}$"),
        _r(r"^\W{0,3}reach (me|us|him|her|them|the reporters?|the authors?|the writers?)\b"
           r".{0,200}$"),
        _r(r"^.{0,300}\bfollow (us|him|her|them|[A-Z][\w.]+( [A-Z][\w.]+){0,3}) on "
           + _SOCIAL + r"\b.{0,200}$", "follow", flags=0),
        _r(r"^\s*(by|von|par|por|door)\s+[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4}"
           r"((,| and| &) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4})*(\s*[,|·•-]\s*.{0,60})?\s*$",
           flags=0),
    ),
}

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
        r"(remind me later|(support|donate|contribute)( to)? (us|now|today)|"
        r"just \W?[$€£]?\d+|maybe later|thank you for (your support|standing with us|"
        r"reading)|(make|become) a (donation|contribution|supporter|member))\W*$", _I),
}
#: A block that finds no end within this many paragraphs is not a block.
BLOCK_MAX_PARAGRAPHS: Final = 12

#: Appeals that need no block around them: a short paragraph asking for money.
APPEAL: Final[tuple[Rule, ...]] = (
    _r(r"^.{0,200}\b(support|donate to|contribute to|fund) (us|our (work|journalism|"
       r"reporting|newsroom)|independent journalism)\b.{0,200}\b(today|now|from just|monthly|"
       r"one-?off|\$|€|£|donat\w+|contribut\w+|subscri\w+|member\w*)\b.{0,200}$",
       "support", "donate", "contribute", "fund"),
    _r(r"^\W{0,3}(please )?(make|give) a (donation|contribution|gift)\b.{0,80}$"),
    _r(r"^\s*(donate|support us|become a (supporter|member|patron))\s*\W?\s*$"),
)

#: Headings after which the rest of the body is lists of other stories, when
#: nothing after them reads like the story (see ``boilerplate._Pass.tail``).
TAIL_MARKERS: Final = re.compile(r"^\s*(" + _LABELS[1:-1] + r"|comments)\s*\W{0,3}\s*$", _I)

#: Every kind a user can switch off.
KINDS: Final = tuple(sorted({*LINE, *EDGE, *BLOCK_START, "site_name", "template", "headline",
                             "related", "navigation"}))
