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
