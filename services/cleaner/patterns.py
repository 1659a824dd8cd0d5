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


# month names in English, German, Spanish, Portuguese and French ("März", "marzo", "août")
_MONTH = (r"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|märz|mai|okt\w*|dez\w*|"
          r"enero|ene|dic\w*|março|fevereiro|janvier|février|avril|juin|juillet|août|"
          r"décembre)\.?")
_WEEKDAY = r"((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+)"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*([ap]\.?\s?m\.?)?(\s*[A-Z]{1,5}([+-]\d{1,2})?)?"
# "March 3, 2026", "3 March 2026", "3. März 2026", "3 de marzo de 2026", "2026-03-03", "03.03.2026"
# how a notice says the audio was made: automatically, or by a machine's voice
_AUTOMATICALLY = r" (automatically|automáticamente|automaticamente|automatiquement)"
_BY_MACHINE = (r" (by|with|using|with the help of|por|con|com|par) (an? |la |una? |une? )?"
               r"(ai|a\.i\.|ia|ki|artificial intelligence|inteligencia artificial|"
               r"inteligência artificial|intelligence artificielle|synthetic|synthétique|"
               r"sintética|computer|automated|machine|text-to-speech)([- ](voice|voz|voix|"
               r"narrator|narration|technology|software|tools?|models?|system))?")
# a player's button and what it plays, in five languages
_LISTEN = (r"(listen( now| here)?|listen to|escuchar?|escuche|ouvir|ouça|oiça|écouter|ecouter|"
           r"écoutez|lecture audio|hören sie|anhören|vorlesen)")
_THIS_ARTICLE = (r"(to )?((this|the|este|esta|el|la|o|a|cet|cette|l['’]|diesen|den)\s*)?"
                 r"(article|story|audio|artículo|nota|noticia|artigo|matéria|notícia|reportagem|"
                 r"texto|artikel|beitrag|text)")
_LISTEN_DE = r"((diesen |den )?(artikel|beitrag|text) (anhören|vorlesen))"
_DURATION = r"(\d{1,2}:\d{2}|\d{1,3}\s*(min(ute|uto|uten)?s?|mins?)\b\.?)"
# the stamp's word in German, Spanish, Portuguese and French
_STAMP_WORDS = (r"aktualisiert|zuletzt aktualisiert|veröffentlicht|stand|actualizado|actualizada|"
                r"publicado|publicada|atualizado|atualizada|actualización|atualização|"
                r"mis à jour|mise à jour|publié|publiée|modifié")
_DATE = (r"(" + _WEEKDAY + r"?(\d{1,2}(st|nd|rd|th|er|º|\.)?\s+(de\s+)?" + _MONTH + r"|"
         + _MONTH + r"\s+\d{1,2}(st|nd|rd|th)?),?\s+(de\s+)?\d{4}|\d{4}-\d{2}-\d{2}|"
         r"\d{1,2}[./]\d{1,2}[./]\d{2,4})")
# what may follow a stamp's date: a time, a zone, a second stamp ("| Updated 10:20"), but no
# clause: "Published on March 3, the report lists ..." is the story's sentence
_STAMP_TAIL = (r"([\s,|·•–—-]*((at|um|a las|às|à|h)\s*)?(" + _CLOCK
               + r"|\d{1,2}\s?h\s?\d{0,2}|[A-Z]{2,5}|\d{4}|"
               r"(updated|" + _STAMP_WORDS + r")\b[^,;]{0,40}|\(\w+\)))*\W{0,3}")
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
               r"more on|click here|leggi anche|lesen sie auch|(à |a )?lire aussi|leia também|"
               r"lea también|lee también|veja também|ver también|mehr zum thema)")
_LABELS = (r"(related topics|related (articles|stories|content|coverage|news|links)|"
           r"most read|most popular|most viewed|read more|more on this story|more stories|"
           r"more from [\w .'-]{1,40}|top stories|recommended( for you)?|trending( now)?|"
           r"you may also like|you might also like|editor'?s picks|popular (now|stories)|"
           r"don'?t miss|most read (in|on) [\w ]{1,30}|"
           r"latest (news|stories)|related|see also|further reading|partner news|tags|topics|"
           r"leggi anche|lesen sie auch|(à |a )?lire aussi|leia também|veja também|"
           r"(das )?könnte (sie|dich) auch interessieren|mehr zum thema|weitere artikel|"
           r"(también )?te (puede|podría) interesar|(también )?le (puede|podría) interesar|"
           r"lee también|lea también|ver también|vous aimerez aussi|"
           r"você (também )?pode gostar|pode (também )?te interessar)")

# a press release's contact label: "Media contact:", "Contacto de prensa", "Pressekontakt"
_PRESS_CONTACT = (r"((media|press|investor|news|pr|public) (relations )?(and (media|investor) "
                  r"(relations )?)?(contacts?|inquiries|enquiries)|contactos? de prensa|"
                  r"contactos? (para|con) (los )?medios|contatos? (para|com) a imprensa|"
                  r"assessoria de imprensa|contacts? presse|contacts? médias?|pressekontakt|"
                  r"medienkontakt|kontakt für medien)")
# a question put to the reader: "Do you have a story to share?", "¿Tienes una pregunta?"
_ASK_READER = (r"(do you have|have you got|got|have|¿?\s*(tienes|tiene|tenés|tem|você tem)|"
               r"(vous )?avez(-vous)?|haben sie|hast du) (a|an|any|una?|alguna?|uma?|alguma|une?|"
               r"des|eine?n?) (story|tip|news tip|question|questions|information|photos?|videos?|"
               r"experience|story idea|historia|pregunta|denuncia|información|dato|história|"
               r"pergunta|sugestão|denúncia|informação|histoire|témoignage|frage|hinweis|"
               r"geschichte|tipp)\b")

#: Paragraphs that are boilerplate on their own, by kind, wherever they stand.
LINE: Final[dict[str, tuple[Rule, ...]]] = {
    "audio_notice": (
        _r(r"^\W*voice is ai[- ]generated(\s*[.!·|•]\s*.{0,80})?\W{0,3}$", "voice"),
        _r(r"^\W*(listen to (this|the) (article|story|episode)|audio is not supported|"
           r"your browser does not support the audio|this (article|story) is also "
           r"available as audio|hear this story|press play to listen)\b.{0,100}$",
           "listen", "audio", "hear this"),
        # a player's button, in five languages, perhaps with its duration: "Listen · 4 min",
        # "Artikel anhören (3 Min.)", "Vorlesen", "Escuchar este artículo", "Écouter cet article"
        _r(r"^\W{0,3}(" + _LISTEN + r"(\s+" + _THIS_ARTICLE + r")?|" + _LISTEN_DE + r"|audio)"
           r"\s*[·|•:,–—-]?\s*(\(?\s*" + _DURATION + r"\s*\)?)?\W{0,3}$"),
        _r(r"^\W{0,3}(" + _LISTEN + r")\s+" + _THIS_ARTICLE + r"\b.{0,100}$"),
        # the page saying it can be heard: "This article is available to listen to"
        _r(r"^\W{0,3}(this|the) (article|story|report|piece|interview) is (also |now )?"
           r"(available (to listen to|to listen|in audio( form(at)?)?|as (an )?audio( version)?|"
           r"as a podcast)|read aloud by)\b.{0,160}$", "available", "aloud"),
        _r(r"^\W{0,3}(cet article est (aussi |également )?disponible en (version )?audio|"
           r"este (artículo|artigo) (también |também )?(está|esta) disponible en audio|"
           r"este artigo (também )?está disponível em áudio|"
           r"(dieser|den) (artikel|beitrag) (ist|gibt es) (auch )?(als audio|zum anhören))\b"
           r".{0,160}$", "disponible", "disponível", "audio"),
        # how the audio was made, as the sentence's whole point: "Audio is generated
        # automatically", "An audio version generated by a synthetic voice"; a report on a
        # faked recording goes on to say what the audio did, so it does not end there
        _r(r"^\W{0,3}(the |this |an? )?(audio( version)?|narration|voice|reading|áudio|"
           r"versión de audio|version audio)( of this (article|story))?( is| has been| was)?"
           r"( automatically)? (generated|produced|created|read|narrated|voiced|gerad[ao]|"
           r"generad[ao]|générée?)(" + _AUTOMATICALLY + r"(" + _BY_MACHINE + r")?|"
           + _BY_MACHINE + r")\W{0,3}([.!]\s+.{0,200})?$",
           "genera", "produced", "created", "read", "narrat", "voiced", "gerad", "générée"),
        _r(r"^\W{0,3}(dieser (artikel|beitrag|text) wurde|die audioversion (dieses artikels )?"
           r"wurde|der (artikel|text) wird)\b.{0,80}\b(vertont|vorgelesen|erzeugt|generiert)\b"
           r".{0,120}$", "vertont", "vorgelesen", "erzeugt", "generiert"),
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
           r"advertisement|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|"
           r"sponsored( content)?|story continues below|continue reading|"
           r"scroll to continue|continue reading (the|this) (main )?(story|article)|"
           r"article continues (below|after)( (this )?(ad|advertisement))?)\s*\W?\s*$"),
        # a live page's controls: "This page will update automatically", "Refresh for the latest"
        _r(r"^\W{0,3}((this|the) (page|blog|live blog|feed|story) (will )?(update|refresh)(s)? "
           r"automatically|(please )?refresh (this page |the page )?(for|to see|to get) (the )?"
           r"(latest|new|more)\b|auto-?refresh( is)?( on| off)?|"
           r"esta página se actualiza automáticamente|esta página é atualizada automaticamente|"
           r"cette page (est mise à jour|s'actualise|s’actualise) automatiquement|"
           r"diese seite wird automatisch aktualisiert)\b.{0,80}$",
           "automat", "automát", "refresh"),
    ),
    "related": (
        _r(r"^\s*" + _LABELS + r"\s*\W{0,3}\s*$"),
        # a label and the headline it links to, which opens with a capital and, being a
        # headline, does not end in a full stop: "Watch: the rings are best seen ..." is prose
        _r(r"^\W{0,3}" + _LINK_LABEL + r"\s*[:|»>–—-]\s*(?-i:[A-Z0-9\"'“‘¿¡]).{2,200}(?<!\.)$"),
        _r(r"^\W{0,3}(?i:read more|read also|also read|read next|see more|see also|"
           r"don'?t miss|must read|more from [\w.-]+)\s+[A-Z\"'“‘].{3,160}(?<!\.)$",
           flags=0),
        # a headline marked as a link to a gallery or a video: "Flood waters recede [PHOTOS]"
        _r(r"^.{5,200}\s\[(video|watch|pictures|photos|gallery)\]\W{0,3}$", "["),
    ),
    "stamp": (
        _r(r"^(?=.{0,100}$)\W{0,3}(updated|published|last updated|last modified|posted|"
           r"first published|modified|originally published|" + _STAMP_WORDS + r")"
           r"( on| at| am| el| em| le| à)?\s*:?\s*"
           r"(.{0,30}" + _DATE + r"|.{0,30}" + _CLOCK + r"|\d+ \w+ ago)" + _STAMP_TAIL + r"$"),
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
        # a note that the story itself changed: "This story was updated at 4:30 p.m. to ...",
        # "Dieser Artikel wurde am Montag aktualisiert"; "this", as the story never speaks of
        # itself so otherwise, and "the report was updated in March" is news. The newsroom
        # does not name itself as the one who changed it: "This article was corrected by the
        # foundation" reports what someone else did
        _r(r"^\W{0,3}((editor['’]?s note|note|update|updated|correction|clarification)\s*[:,.—–-]?"
           r"\s*)?this (story|article|post|piece|blog post) (was|has been|had "
           r"been|is being|will be) (updated|corrected|amended|revised|changed)\b(?! by\b)"
           r".{0,300}$",
           "updated", "corrected", "amended", "revised", "changed"),
        _r(r"^\W{0,3}(este (artículo|texto|artigo|post) (fue|ha sido|foi) (actualizado|"
           r"atualizado)|esta (nota|noticia|matéria|notícia|reportagem|información) (fue|ha sido|"
           r"foi) (actualizada|atualizada)|cet article a été (mis à jour|modifié|corrigé)|"
           r"dieser (artikel|beitrag|text) wurde\b(?!.{0,80}\b(von|vom)\b).{0,80}\b(aktualisiert|"
           r"korrigiert|ergänzt))\b(?! (por|par|pelo|pela)\b)"
           r".{0,300}$", "actualiz", "atualiz", "mis à jour", "modifié", "corrigé",
           "aktualisiert", "korrigiert", "ergänzt"),
    ),
    "source_line": (
        _r(r"^\s*sources?\s*:\s*[\w .,'&/()-]{2,80}(and|&) (news )?agencies\.?\s*$"),
        _r(r"^\s*sources?\s*:\s*[\w .,'&/()-]{2,60}\.?\s*$"),
        # a republication notice: "This article is republished from X under a Creative
        # Commons license. Read the original article."
        _r(r"^\W{0,3}((this (article|story|piece|post) (is|was|has been) )?(republished|"
           r"reprinted|published)|(this (article|story|piece|post) )?(first|originally) "
           r"(appeared|published))\b.{0,120}\b(creative commons|under an? [\w -]{0,20}"
           r"licen[cs]e|with (the )?permission)\b.{0,120}$", "creative commons", "licen",
           "permission"),
    ),
    "legal": (
        # "(c)" is a copyright sign only before a year or a name; before a noun it is a list item
        _r(r"^\W{0,3}(copyright\s*(©|ⓒ|\(c\))?|©|ⓒ|\(c\))(?=\s*(?-i:[\dA-Z]))\s*.{0,120}"
           r"\b(all rights reserved|\d{4})\b.{0,120}$"),
        _r(r"^\W{0,3}(copyright\s*)?(©|ⓒ|\(c\)(?=\s*(?-i:[\dA-Z]))).{0,150}$"),
        _r(r"^.{0,40}\bif you (buy|purchase) (something|anything|a product)\b.{0,80}\b(may|might|"
           r"will) (get|earn|receive)\b.{0,160}$", "if you"),
        # an affiliate disclosure: the publisher, not a third party, earns on what readers buy
        _r(r"^.{0,80}\b(we|[\w.]+) (may|might) (earn|get|receive) (a )?(small )?(affiliate )?"
           r"commission\b(.{0,120}\b(links?|purchases?|products?|page|post|buy)\b)?\W{0,3}$",
           "commission"),
        _r(r"^.{0,120}\ball rights reserved\b.{0,120}$", "rights reserved"),
        # the outlet's policy linked under the story: "Our Standards: The Trust Principles."
        _r(r"^\W{0,3}(our (editorial )?(standards|ethics|principles|policies)|(editorial|ethics|"
           r"journalism) (standards|policy|policies|guidelines|code))\s*(:\s*[^.!?:]{2,60}\.?)?"
           r"\W{0,3}$", "standards", "ethics", "principles", "polic", "guidelines", "code"),
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
        _r(r"^(?:.{0,400}?[.!?;:)\]|]\s*)?\W{0,3}(?:" + _CREDIT_LABEL
           + r"\s+(?i:by|courtesy(?: of)?)|(?i:courtesy(?: of)?|file photo))\s+" + _NAME
           + r"[\s.)\]]*$", "photo", "image", "picture", "credit", "foto", "video", "illustration",
           "courtesy", flags=0),
        # a photographer and an agency joined by a slash, after the caption or in brackets:
        # "[Marek Hill/AFP]", "(AP Photo/Jae C. Hong)", "JOHN SMITH/AFP via Getty Images"
        _r(r"^(?:.{0,400}?(?:[.!?]\s+|\s*[(\[]))?(?:(?i:file|photo|image)\s*:\s*)?"
           r"(?![A-Z0-9&-]+\s*/\s*[A-Z0-9&-]+\s*[)\]]?[\s.]*$)"
           r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4}\s*/\s*" + _NAME + r"\s*[)\]]?[\s.]*$",
           "/", flags=0),
        # a caption ending in an agency's name alone: "... on Tuesday. Getty Images"
        _r(r"^.{3,400}?(?:[.!?]\s+|\s[|–—-]\s+)" + _AGENCIES + r"\W{0,2}$", flags=0),
        _r(r"^(?:.{3,400}?[.!?]\s+)?\W{0,3}(?:" + _NAME + r"\s+)?via\s+" + _AGENCIES
           + r"\W{0,2}$", "via", flags=0),
        _r(r"^.{0,300}[\[(](photo|image|file|picture|credit|foto|source|사진|写真|фото)"
           r"[^\])]{0,120}[\])][\s|]*$",
           "photo", "image", "file", "picture", "credit", "foto", "source", "사진", "写真", "фото"),
        # a copyright sign and a name: "(a) fees, (b) fines and (c) penalties." is a list
        _r(r"^.{3,200}\s(?:©|\([cC]\))\s*(?:\d{4},?\s*)?" + _NAME + r"(?:,? \d{4})?[\s.]*$",
           "©", "(c)", flags=0),
        _r(r"^\s*(image|photo|picture) (caption|copyright|source)\b.{0,300}$"),
        # a credit label alone on its line, the agency perhaps in lower case: "Foto: dpa",
        # "Bild: picture alliance / dpa", "Imagen: EFE"; a sentence ends, a credit does not
        _r(r"^\W{0,3}(fotos?|bild(er)?|imagen|imagem|imágenes|photos?|images?|crédits? photos?)"
           r"\s*:\s*[\w'’&().,/ -]{2,60}(?<![.!?])$", "foto", "bild", "imag", "photo", "crédit"),
    ),
    "author_bio": (
        _r(r"^\s*about the (writer|author|reporter)s?\s*:?\s*$"),
        _r(r"^.{20,600}(\.\.\.|…)\s*read more\s*$", "read more"),
        _r(r"^(.{0,120}[.!?]\s+)?\W{0,3}(you can |please )?(write to|email|e-mail|contact|reach)"
           r"\b.{0,80}\bat\s+\S+@\S+\.\w+.{0,200}$", "@"),
        _r(r"^(.{0,120}[.!?]\s+)?\W{0,3}(?!(?i:the|a|an|this|that|its|it)\b)(he|she|they|I|we|"
           r"(?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3})) (may|can) be (reached|contacted) at\b"
           r".{0,200}$", "reached at", "contacted at"),
        _r(r"^\s*(have a (news )?tip|got a (news )?tip)\b.{0,300}$"),
        # the newsroom asking readers to write in: "Do you have a story to share? Email ...",
        # "Have a question about the repairs? Write to ..."
        _r(r"^\W{0,3}" + _ASK_READER + r"[^?]{0,120}\?\s*.{0,200}\b(e-?mail|contact|write|send|"
           r"tell us|let us know|get in touch|reach|message|call|text|whatsapp|escr[ií]b|"
           r"env[ií]\w+|cont[aá]\w+|écrivez|contactez|schreiben|kontaktieren|melden)\w*\b"
           r".{0,200}$", "?"),
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
        _r(r"^\W{0,3}(subscribers?|members) only\b.{0,200}$", "only"),
        _r(r"^.{0,80}\b(already a subscriber|subscribe now|subscribe today|"
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
        # an app prompt opens a sentence: "Download our free app", "Get the Ledger app for
        # iPhone and Android"; "users were told to download the app" is reporting
        _r(r"^(.{0,160}[.!?:]\s+)?\W{0,3}(download|get|install|try|descarga|descargá|descargue|"
           r"baixe|baixa|instale|téléchargez|telechargez|installez|laden sie|holen sie sich) "
           r"(our|the|nuestra|nuestro|la|el|o|a|nosso|nossa|notre|l['’]|unsere|die) ?.{0,40}"
           r"\b(app|aplicación|aplicativo|application|appli)\b.{0,100}$", "app", "aplica"),
        _r(r"^.{0,80}\bclick here\b.{0,80}\b(app|newsletter|subscribe|subscription|sign up|"
           r"alerts)\b.{0,40}$", "click here"),
        _r(r"^.{0,40}\b(app|newsletter|alerts)\b.{0,60}\bclick(ing)? here\W{0,3}$", "click"),
        _r(r"^\s*(thanks|thank you) for (signing up|subscribing|registering)\b.{0,120}$"),
        # "Abonnieren Sie unseren Newsletter und ...", "Suscríbete a nuestro boletín y ..."
        _r(r"^\W{0,3}(abonnieren sie|abonniere|bestellen sie|melden sie sich|suscríbete|"
           r"suscribite|suscríbase|suscríbanse|inscríbete|regístrate|assine|inscreva-se|"
           r"cadastre-se|abonnez-vous|inscrivez-vous)\b.{0,60}\b(newsletters?|boletín|"
           r"boletines|boletim|lettre d['’]information|infolettre)\b.{0,200}$",
           "abonn", "bestellen", "melden", "suscr", "inscr", "regístr", "assine", "cadastre"),
        # a question to the reader, then a briefing offered: "Want more from Harlow? Get the
        # Morning Brief every weekday at 6 a.m."
        _r(r"^([^.!?]{3,80}\?\s+)?\W{0,3}(get|receive|try) (the|our) .{0,50}\b(brief|briefing|"
           r"newsletter|digest|bulletin|round-?up|e-?mail)s?\b.{0,20}\b(every|each|daily|weekly)"
           r"\b.{0,60}$", "brief", "newsletter", "digest", "bulletin", "round", "mail"),
        _r(r"^\W{0,3}(want|looking for|need|hungry for) (more|the latest)\b[^.!?]{0,60}\?\s+"
           r"(get|sign up|subscribe|receive|join|try)\b.{0,120}$", "more", "latest"),
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
        # "Síguenos en Instagram", "Siga-nos", "Suivez-nous sur", "Folgen Sie uns auf"
        _r(r"^\W{0,3}(síguenos|siguenos|seguinos|síganos|siganos|sígannos|siga-nos|sigam-nos|"
           r"segue-nos|acompanhe-nos|suivez-nous|retrouvez-nous|folgen sie uns|folge uns)\b"
           r".{0,200}$", "nos", "nous", "uns"),
        # the reader asked to pass the page on: "Share this story with a friend"
        _r(r"^\W{0,3}(please )?(share|forward|send) (this|the) (story|article|page|post|"
           r"newsletter|email)\b.{0,80}$", "share", "forward", "send"),
        _r(r"^\W{0,3}(share|follow)(?=\s).{0,25}\b(on|via|with) " + _SOCIAL + r".{0,60}$"),
        # a share button's label, with the note a screen reader gets: "Click to share on
        # WhatsApp (Opens in new window)", "Artikel teilen", "Partager cet article"
        _r(r"^\W{0,3}(click to (share|print|email|e-mail)( this)?( on [\w. ]{1,20})?|"
           r"(artikel|beitrag|seite|text) (teilen|drucken|versenden|verschicken)|teilen|"
           r"compart(e|a|ir|ilhe|ilhar)( esta| este| essa| esse| la| el| a| o)?"
           r"( noticia| nota| artículo| matéria| notícia| artigo| reportagem| página)?|"
           r"partager( cet article| cette page| l['’]article| sur \w+)?|partagez( cet article)?)"
           r"\s*(\(opens in (a )?new (window|tab)\))?\W{0,3}$"),
        # a question to the reader, then the ask: "Enjoying local news? Share this story with a
        # neighbour."
        _r(r"^[^.!?]{3,80}\?\s+(please )?(share|forward|send|pass) (this|the|it|on)\b.{0,80}$",
           "?"),
        # a pointer to the site's running coverage: "Follow our live coverage here"
        _r(r"^\W{0,3}(follow|read|watch|get) (all )?(of )?our (latest |full )?(live )?"
           r"(coverage|updates|blog)\b.{0,60}$", "our"),
    ),
    # a press release's standing matter: the forward-looking-statements disclaimer, the media
    # contact, the wire's "News provided by" and "SOURCE Company" lines (the "About" block is
    # found by ``boilerplate._Pass.press``)
    "press_boilerplate": (
        _r(r"^\W{0,3}(cautionary (note|statement|language)s? (regarding|about|concerning|on) )?"
           r"(forward[- ]looking (statements?|information)|safe harbou?r statement|"
           r"declaraciones (prospectivas|a futuro)|declarações prospectivas|"
           r"déclarations prospectives|zukunftsgerichtete aussagen)\W{0,3}$",
           "forward", "safe harb", "prospectiv", "futuro", "zukunft"),
        # the disclaimer speaks of this release and what readers should not rely on; a story
        # about a company's outlook does neither
        _r(r"^(?=.{0,4000}$)(?=.*\bforward[- ]looking (statements?|information)\b)(?=.*\b("
           r"this (press |news )?release|this (announcement|communication|document|presentation)|"
           r"undue reliance|undertakes? no (obligation|duty)|disclaims? any (obligation|intention)|"
           r"(does|do) not undertake|safe harbou?r|within the meaning of|private securities "
           r"litigation reform act)\b).*$", "forward"),
        _r(r"^\W{0,3}" + _PRESS_CONTACT + r"\s*(:.{0,300}|\W{0,3})$", "contact", "inquir",
           "enquir", "imprensa", "presse", "kontakt"),
        _r(r"^\W{0,3}for (media|press|investor) (inquiries|enquiries|information)\b[\s,:]*"
           r"((please )?(contact|call|email|e-mail|write to|reach|visit)\b|"
           r".{0,80}(@|\+?\d[\d ()./-]{6,}\d))"
           r".{0,200}$",
           "inquir", "enquir", "information"),
        _r(r"^\W{0,3}news provided by\b.{2,100}$", "news provided"),
        _r(r"^\s*SOURCE:?\s+[A-Z][\w.,&'’ ()-]{1,80}$", "source", flags=0),
    ),
    "cookie_notice": (
        _r(r"^.{0,200}\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|"
           r"cookie (policy|settings|preferences)|by (continuing|using) (to (use|browse) )?"
           r"(this|our) (site|website))\b.{0,300}$", "cookie", "by continuing", "by using"),
    ),
}

#: Signs that a paragraph speaks to the reader or for the outlet, in the five languages:
#: the second person, the first person plural, and the page naming itself ("this article").
#: Case matters: "US" is a country, "Sie" in German is "you" where "sie" is "they".
SPEAKS_TO_READER: Final = re.compile(
    r"\b((?i:you|your|yours|yourself|we|our|ours|ourselves|uns|unser\w*|dich|dir|dein\w*|euch|"
    r"euer|eure\w*|tú|usted(es)?|vosotros|nuestr[oa]s?|vous|votre|vos|nous|notre|nos|você|vocês|"
    r"nosso|nossa|nossos|nossas)|us|Sie|Ihr|Ihre\w*|Ihnen|te|tu|tus|tuy[oa]s?)\b|"
    r"(?i:\b(this|these) (article|story|post|piece|page|site|website|release|press release|"
    r"news release|announcement|communication|document|material|content|newsletter|"
    r"forward-looking statements)\b|\b(este|esta) (artículo|nota|noticia|comunicado|texto|"
    r"artigo|matéria|notícia|reportagem)\b|\b(dieser|diesen|diese) (artikel|beitrag|text|"
    r"pressemitteilung)\b|\b(cet|ce|cette) (article|communiqué|texte|page)\b|"
    # a call to act now, the reader's part in it understood: "... a local foundation: donate now"
    r"\b(donate|give|chip in|subscribe|sign up|join|jetzt spenden|dona|doe|donnez|faites un don)"
    r" (now|today|here|ahora|hoy|agora|hoje|maintenant|aujourd['’]hui)\b)")
#: Reporting verbs and phrases that attribute words to someone, in the five languages.
ATTRIBUTION: Final = re.compile(
    r"\b(said|says|told|according to|urged|asked|warned|wrote|added|explained|stated|"
    r"sagte|sagt|sagten|erklärte|erklärt|betonte|schrieb|laut|zufolge|"
    r"dijo|dice|afirmó|declaró|explicó|aseguró|según|"
    r"a déclaré|a dit|a affirmé|selon|"
    r"disse|afirmou|declarou|segundo)\b", _I)

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
#: A byline standing as a paragraph: "By Jane Doe and Li Wei", "Von Jana Müller und ...", perhaps
#: with a role after the names ("By Jane Doe | Staff Writer") but not a clause. Case-sensitive for
#: the names; the small words are written case-insensitive. An edge rule of ``author_bio``, and
#: the cleaner's last source of authors when the markup names none.
BYLINE: Final = re.compile(
    r"^\s*(?i:by|von|par|por|door)\s+[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4}"
    r"((,| (?i:and|und|y|et|e|en)| &) [A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,4})*"
    r"(\s*[,|·•-]\s*[^.!?]{0,60})?\s*$")


EDGE: Final[dict[str, tuple[Rule, ...]]] = {
    "stamp": (
        # a dateline standing alone: "BAAR, SWITZERLAND", "WASHINGTON —"
        _r(r"^\s*[A-Z][A-Z .'-]{2,30}(,\s*[A-Z][A-Za-z .'-]{2,30})?\s*[—–-]?\s*$", flags=0),
        _r(r"^(?=.{0,110}$)\W{0,3}" + _DATE + r"(?!.*[.!?]\s*$).*$"),
        # a short label with a numeric date in it, as a page's template prints the date
        _r(r"^(?=.{0,60}$).{0,25}\d{4}[-./]\d{1,2}[-./]\d{1,2}\b.{0,25}$"),
        # "Updated 3 hours ago", "Posted by the news desk on Monday": the word and then a
        # time; "Published accounts differ on the cause" is the story's last sentence
        _r(r"^\W{0,3}(updated|posted|published|" + _STAMP_WORDS + r")( by [\w .'-]{1,40}?)?"
           r"( on| at| am| el| em| le| à)?\s*:?\s*\W{0,3}"
           r"(\d|" + _MONTH + r"\s|" + _WEEKDAY + r"|(today|yesterday|just now)\b)"
           # and no clause after the date: three lower-case words in a row are a sentence
           r"(?-i:(?!.*\b[a-zß-ÿ]{2,} [a-zß-ÿ]{2,} [a-zß-ÿ]{2,}\b)).{0,60}$"),
    ),
    "navigation": (
        # a bare link list rendered as text: "News | Sport | Weather"
        _r(r"^\s*([\w'’&.-]+( [\w'’&.-]+){0,2}\s*[|•·>»/]\s*){2,}[\w'’&.-]+"
           r"( [\w'’&.-]+){0,2}\s*$", "|", "•", "·", ">", "»", "/"),
    ),
    "press_boilerplate": (
        # below the story: where to learn more about the company
        _r(r"^\W{0,3}(for (more|further|additional) information|to learn more|learn more)\b"
           r".{0,60}\b(visit|see|go to|contact|please visit)\b.{0,120}$", "information", "learn"),
    ),
    "author_bio": (
        _r(r"^\W{0,3}" + _ASK_READER + r"[^?]{0,120}\?\W{0,3}$", "?"),
        # a line of contact details: "tips@ledger.example", "Tel.: +44 20 7946 0000"; a number
        # alone is a phone number only with a plus sign or a label, and a bare web address
        # below a story is often its content (a list of links it recommends)
        _r(r"^\W{0,3}(((e-?mail|contact|tips?|write( to)?|send|reach)( us| me| them)?( at)?"
           r"\s*:?\s*)?\S+@\S+\.\w+|"
           r"((tel|phone|telephone|mobile|cell|fax|t|p|m|tél|teléfono|telefone|telefon)\.?\s*:?\s*"
           r"\+?|\+)\(?\d[\d ()./-]{6,}\d)\W{0,3}$", "@", "+", "tel", "phone", "mobile", "cell",
           "fax", "t", "p", "m"),
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
        Rule(BYLINE, ()),
    ),
}

#: A place dateline opening the story's first paragraph: the place in capitals,
#: perhaps its region and the agency, then a dash ("LYON, France —", "CITY
#: (Agency) —"). Only the dateline goes; the sentence after it stays.
DATELINE_PREFIX: Final = re.compile(
    r"^\s*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:,\s*[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})?"
    r"(?:\s*\([A-Z][\w .&-]{0,24}\))?(?:\s*[—–]\s*|\s+-{1,2}\s+)(?=[\"“‘'A-Z0-9])")

#: A heading over a press release's company description: "About Harlow Water Ltd",
#: "Acerca de ...", "À propos de ...", "Über ..."; "About the plan" is a story's subheading.
ABOUT_HEADING: Final = re.compile(
    r"^\s*(?i:about|acerca de|sobre|à propos de|a propos de|über)\s+"
    r"(?!(the|this|us|our|el|la|los|las|o|a|os|as|le|les|l['’]|die|der|das|den)\b)"
    r"(?P<name>[A-Z0-9][\w.&'’,-]*)( [\w&.'’,()-]+){0,6}\s*:?\s*$")
#: The company description under such a heading: the company is a company (or a firm, a
#: provider, a nonprofit ...), was founded or is headquartered somewhere, or is listed; checked
#: with the heading's first word in the description's opening. "Harlow is a market town" is not.
ORG_DESCRIPTION: Final = re.compile(
    r"\b(is|are|es|é|est|ist) (a|an|the|one of|una?|uma?|une?|l['’]une?|eine?r?|der|die|das)\b"
    r".{0,100}\b(company|companies|firm|provider|leader|organi[sz]ation|non-?profit|group|maker|"
    r"manufacturer|developer|agency|bank|fund|platform|publisher|corporation|business|start-?up|"
    r"supplier|operator|brand|association|foundation|charity|empresa|compañía|organización|"
    r"fundación|organização|fundação|entreprise|société|organisation|unternehmen|konzern|"
    r"anbieter|hersteller|stiftung)\b|"
    r"\b(founded|headquartered|incorporated|fundad[ao]|fundée?|gegründet|nasdaq|nyse|"
    r"listed on)\b", _I)
#: A contact label standing alone, with the name, phone and e-mail lines under it.
CONTACT_LABEL: Final = re.compile(r"^\W{0,3}" + _PRESS_CONTACT + r"\s*:?\s*$", _I)

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
    # the reader named as the one who pays: "nobody pays for it except readers like you"
    _r(r"^(?=.{0,1200}$).*\b((readers|members|supporters|listeners|viewers|donors) like you|"
       r"(lectores|lectoras|socios|socias) como (tú|tu|vos|usted)|leitores como você|"
       r"lecteurs comme vous|(leser|leserinnen) wie (sie|du))\b.*$",
       "like you", "como", "comme vous", "wie"),
    _r(r"^.{0,300}\b((buy|get) (me|us) a (coffee|cup of coffee)|ko-fi|invít(ame|anos) a un café|"
       r"invitame un café|paga-me um café|offrez-(moi|nous) un café|"
       r"spendier(e|en sie)? (mir|uns) einen kaffee)\b.{0,300}$",
       "coffee", "ko-fi", "café", "kaffee"),
    # membership asked for in an imperative: "Hazte socio y apoya el periodismo local",
    # "Become a member today", "Devenez membre"; "hopes to become a member of" is reporting
    _r(r"^(.{0,200}[.!?:¡¿]\s*)?\W{0,3}(hazte|hacete|házte|hágase|háganse|sé|seja|torne-se|"
       r"torna-te|devenez|deviens|werden sie|werde) (socio|socia|socios|miembro|membro|sócio|"
       r"sócia|assinante|suscriptora?|membre|abonnée?|mitglied|unterstützer(in)?|förder\w+|"
       r"mecenas)\b.{0,300}$"),
    _r(r"^(.{0,200}[.!?:¡¿]\s*)?\W{0,3}(apoya|apoyá|apoye|apoyen|apoie|apoiem|soutenez|soutiens|"
       r"unterstützen sie|unterstütze) (a |al |el |la |o |le |den )?\w*\s*\w*\s*(periodismo|"
       r"jornalismo|journalisme|journalismus|redacción|redação|rédaction)\b.{0,300}$",
       "periodismo", "jornalismo", "journalism", "redac", "redaç", "rédac"),
    # the reader invited to join: "You can become a member today"; "by becoming a member of
    # NATO", "could become a member now" and "will consider becoming a member" are reporting
    _r(r"^.{0,300}\b(you can|why not|please) (become|join( us)?( as)?) (a )?(member|supporter|"
       r"subscriber|patron)s?\b.{0,300}$", "member", "supporter", "subscriber", "patron"),
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
