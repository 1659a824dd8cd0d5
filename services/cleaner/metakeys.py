"""Where pages keep their metadata, and how they write dates: data only.

Read by :mod:`services.cleaner.metadata` and :mod:`services.cleaner.dates`.
Keys are lower-cased ``property``/``name``/``itemprop`` values of ``<meta>``
elements, in order of preference within each field.
"""

from __future__ import annotations

from typing import Final

PUBLISHED_KEYS: Final = (
    "article:published_time", "article:published", "og:published_time", "datepublished",
    "published_time", "publish-date", "publish_date", "publishdate", "pubdate",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date",
    "dcterms.created", "dcterms.date", "cxenseparse:recs:publishtime", "article.published",
    "rnews:datepublished", "originalpublicationdate", "date", "article_date_original",
    "og:article:published_time", "bt:pubdate", "datecreated",
)
UPDATED_KEYS: Final = (
    "article:modified_time", "article:modified", "og:updated_time", "datemodified",
    "modified_time", "last-modified", "dcterms.modified", "dc.date.modified",
    "article.updated", "lastmod", "og:article:modified_time", "bt:moddate", "updated",
)
AUTHOR_KEYS: Final = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "citation_author", "cxenseparse:author",
)
TITLE_KEYS: Final = ("og:title", "twitter:title", "headline", "parsely-title", "dc.title")
SITE_KEYS: Final = ("og:site_name", "application-name", "apple-mobile-web-app-title",
                    "publisher", "dc.publisher", "cxenseparse:recs:publisher")
LANGUAGE_KEYS: Final = ("content-language", "og:locale", "language", "dc.language",
                        "inlanguage")
DESCRIPTION_KEYS: Final = ("og:description", "description", "twitter:description")

#: Words that make an author candidate a desk, an agency or a role wherever they stand:
#: no one is called "Staff" or "Reuters".
AUTHOR_ROLE_WORDS: Final = (
    "staff", "desk", "bureau", "team", "editors?", "editorial", "newsroom", "agency",
    "agencies", "reuters", "afp", "ap", "upi", "pti", "ians", "dpa", "efe", "tass", "xinhua",
    "wires?", "contributors?", "correspondents?", "reporters?", "reports", "writers?",
    "columnists?", "admin", "administrator", "updated", "published", "posted", "photos?",
    "video", "getty", "images", "inc", "ltd", "llc",
)
#: Words of publication names that are also surnames ("Bill Press", "Emily Post"): one of
#: them is a surname only as the last word of a short name (see ``metadata._is_junk``).
AUTHOR_PUBLICATION_WORDS: Final = (
    "the", "of", "and", "by", "press", "post", "daily", "weekly", "times", "journal", "herald",
    "tribune", "magazine", "today", "news", "media", "service", "international", "business",
    "insider", "radio", "tv", "channel", "network", "group", "online", "web", "sports?",
    "guest", "analysis", "opinion", "usa", "us", "uk", "eu", "un", "telegraph", "gazette",
    "chronicle", "guardian", "observer", "courier", "express", "standard", "bulletin",
)
#: Agencies named in more than one word, rejected wherever they stand in a candidate.
AGENCY_PHRASES: Final = (
    "associated press", "press association", "canadian press", "united press",
    "press trust", "agence france", "deutsche presse", "news agenc(?:y|ies)",
)
#: A byline's link labels, glued to the name in the page's text ("Ann LeeView More
#: Articles", "More articles by Ann Lee"): a verb or "more/all", then what is listed.
AUTHOR_LINK_VERBS: Final = ("view", "see", "read", "show", "browse", "more", "all", "latest")
AUTHOR_LINK_NOUNS: Final = ("articles?", "stories", "story", "posts?", "news", "columns?",
                            "content", "coverage", "work", "reporting", "opinions?")

#: JSON-LD ``@type`` values of the article itself, best first.
ARTICLE_TYPES: Final = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting", "article", "blogposting",
    "socialmediaposting", "report", "scholarlyarticle", "techarticle", "webpage",
)

#: Month names and abbreviations in the languages the cleaner sees most.
MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "janvier", "janv", "januar", "jän", "enero", "ene", "janeiro",
             "gennaio", "gen", "januari"),
            ("february", "feb", "février", "févr", "fevrier", "februar", "febrero", "fevereiro",
             "fev", "febbraio", "februari"),
            ("march", "mar", "mars", "märz", "marzo", "março", "marco", "maart"),
            ("april", "apr", "avril", "avr", "abril", "abr", "aprile"),
            ("may", "mai", "mayo", "maio", "maggio", "mag", "mei"),
            ("june", "jun", "juin", "juni", "junio", "junho", "giugno", "giu"),
            ("july", "jul", "juillet", "juil", "juli", "julio", "julho", "luglio", "lug"),
            ("august", "aug", "août", "aout", "agosto", "ago", "augustus"),
            ("september", "sep", "sept", "septembre", "septiembre", "setembro", "set",
             "settembre"),
            ("october", "oct", "octobre", "oktober", "okt", "octubre", "outubro", "out",
             "ottobre", "ott"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre",
             "dic", "dezembro", "dicembre"),
        ),
        start=1,
    )
    for name in names
}

#: Zone abbreviations with one fixed offset, in minutes east of UTC.
ZONE_OFFSETS: Final[dict[str, int]] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120,
    "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480,
    "PKT": 300, "WIB": 420, "SAST": 120, "CAT": 120, "EAT": 180, "WAT": 60, "AEST": 600,
    "AEDT": 660, "NZST": 720, "NZDT": 780, "TRT": 180,
}
#: Abbreviations whose offset depends on the date (daylight saving), as IANA zones.
ZONE_NAMES: Final[dict[str, str]] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles", "UK": "Europe/London",
}

#: The commonest function words of languages written in Latin script, for
#: pages that do not declare their language.
STOPWORDS: Final[dict[str, frozenset[str]]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it was on with as are be at by this have from "
              "not but they his her said has were will which their would been",
        "de": "der die und das ist nicht sich mit den auf ein eine dem des auch es im für "
              "von zu wird sind wurde nach bei aus einer",
        "fr": "le la les et des est une un pas que dans pour qui sur au du avec ce il elle "
              "sont aux par plus ont été cette",
        "es": "el la los las y que de en un una por con para es del se no al lo como más "
              "pero sus fue ha son este esta",
        "pt": "o a os as e que de do da em um uma para com não no na por se dos das mais "
              "ao é foi são como está",
        "it": "il la le di che e è un una per non del della in con si sono gli da al nel "
              "anche come più dei alla",
        "nl": "de het een en van is dat op te in niet zijn voor met die aan er ook als "
              "maar bij werd wordt heeft",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada "
              "oleh karena bisa sudah mereka",
        "pl": "i w na z że się nie do to jest jak o po ale od przez dla za są był była",
        "tr": "ve bir bu da de için ile olarak çok daha ne gibi olan en ama kadar sonra",
        "sv": "och att det som en på är av för med till den har inte om ett var jag men",
    }.items()
}

#: Scripts that name their language well enough, as (first, last) code points.
SCRIPTS: Final = (
    ("ja", 0x3040, 0x30FF),  # kana first: Japanese also writes Han characters
    ("ko", 0xAC00, 0xD7AF),
    ("zh", 0x4E00, 0x9FFF),
    ("ar", 0x0600, 0x06FF),
    ("he", 0x0590, 0x05FF),
    ("el", 0x0370, 0x03FF),
    ("th", 0x0E00, 0x0E7F),
    ("hi", 0x0900, 0x097F),
    ("ru", 0x0400, 0x04FF),
)
