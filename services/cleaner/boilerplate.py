"""Second pass over trafilatura's paragraphs: drop what it keeps but readers do not want.

trafilatura drops boilerplate in its own containers, but keeps the same text
when a site writes it as plain paragraphs inside the article body. This pass
classifies each paragraph and records every removal (kind, hash, length) so
that decisions can be audited. The rules, in order:

1. blocks with a start and an end (a donation appeal from "Dear readers" to
   "Remind me later"), and single paragraphs whose whole form is boilerplate
   (``patterns.LINE``: a credit, a prompt, a stamp, a label);
2. paragraphs that are the text of a link to another page, give or take a
   label ("Read more: ...") -- promotions of other stories;
3. a paragraph that is only the site's name;
3a. a press release's trailer below the story: an "About <Company>" heading
   over a description of that company, and the name, phone and e-mail lines
   under a "Media contact" label;
4. the edges: walking in from the start and from the end, lines that are
   boilerplate only there (``patterns.EDGE``: bylines, datelines, bios,
   "contributed to this report", the headline repeated, and above the story a
   section label of a word or three) until the first paragraph of prose;
5. a "Related"/"Most read"-style heading in the second half of the body: the
   heading and the short lines of the list after it, up to the first paragraph
   of prose or the first statement;
6. a place dateline ("LYON, France —") opening the first paragraph kept:
   the dateline goes, the sentence stays. A dateline of one word
   ("KYIV —") goes only when the story names the place again in ordinary
   case ("Kyiv"): "UNICEF — The agency said ..." keeps its subject.

No single-paragraph rule removes a paragraph of reporting (see ``_reporting``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from newsflow.ids import content_hash
from newsflow.messages import RemovedBlock
from services.cleaner.markup import LinkIndex, text_key, words
from services.cleaner.patterns import (
    ABOUT_HEADING,
    APPEAL,
    ATTRIBUTION,
    BLOCK_END,
    BLOCK_INSIDE,
    BLOCK_MAX_PARAGRAPHS,
    BLOCK_START,
    CONTACT_LABEL,
    DATELINE_PREFIX,
    EDGE,
    LINE,
    ORG_DESCRIPTION,
    SPEAKS_TO_READER,
    TAIL_MARKERS,
    UNLESS_ATTRIBUTED,
    Rule,
)

#: A paragraph with at least this many words reads as prose, not as a label.
PROSE_WORDS = 12
#: Lines of at most this many words at the top of the body are labels ("World", "Politics").
LABEL_WORDS = 3
#: "The top of the body": this many paragraphs not yet judged boilerplate.
TOP_PARAGRAPHS = 3
#: Paragraphs of a company description kept together under its "About" heading.
ABOUT_PARAGRAPHS = 3
#: Lines under a "Media contact" label that can be the contact's name, phone or e-mail.
CONTACT_LINES = 4
#: A rule's match removes a paragraph longer than this only when the paragraph speaks to the
#: reader or for the outlet. The forms the rules describe -- a label, a credit, a stamp, a
#: one-line prompt -- fit in fifteen words; a paragraph of reporting that happens to contain
#: one ("Copyright in the videos expired in 2019, which let ...") runs longer and is written
#: in the third person.
GUARD_WORDS = 15
#: Kinds whose rules end on the credit's own shape (a label or a name to the paragraph's
#: end), so a caption of any length with a credit under it is still a caption.
UNGUARDED = frozenset({"photo_credit"})
#: At the edges of the body an author's bio is as long as its writer likes, in the third
#: person ("Lena Ortiz is a reporter who ..."): its place there is its evidence.
EDGE_UNGUARDED = frozenset({"author_bio", "photo_credit"})
#: Link-text paragraphs longer than this are prose that happens to be linked.
MAX_LINK_WORDS = 60
_SENTENCE_END = re.compile(r"[.!?…。！？」』\"”’»)]\s*$")
# quoted or attributed words are reporting, even when they ask for support or to subscribe
_ATTRIBUTED = ATTRIBUTION
_QUOTED = re.compile(r"[\"“”„«»]")
# a quotation, or an aside between two dashes: words the paragraph reports, not its own voice
_QUOTATION = re.compile(r"[\"“„«][^\"“”„«»]{0,400}[\"”“»]|\s[—–]\s[^—–]{0,300}\s[—–]\s")
_DASH = re.compile(r"\s[—–]\s")
# what a company is, now: "X is a ...", "X provides ..."
_PRESENT = re.compile(r"\b(is|are|es|son|é|são|est|sont|ist|sind|provides|operates|serves|"
                      r"offers|employs|makes)\b", re.IGNORECASE)
# an e-mail address, a web address or a telephone number
_CONTACT_DETAIL = re.compile(r"\S+@\S+\.\w+|\bwww\.|https?://|\+?\d[\d ()./-]{6,}\d")
_AUTHOR_VERB = re.compile(r"^[\s,]*(is|was|has|had|covers|writes|joined|reports|previously|"
                          r"also|lives|holds|became|'s (book|latest|new))\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the page says about itself, used to recognise repeats of it in the body."""

    site_names: frozenset[str] = frozenset()
    headings: frozenset[str] = frozenset()
    authors: tuple[str, ...] = ()
    links: LinkIndex = field(default_factory=lambda: LinkIndex.of(set()))


@dataclass(frozen=True, slots=True)
class Result:
    """Paragraphs kept and blocks removed; ``stamps`` are removed date lines, for metadata."""

    kept: list[str]
    removed: list[RemovedBlock]
    stamps: list[str] = field(default_factory=list)


class _Rules:
    """One kind's rules, arranged for speed: ungated rules merged into one pattern."""

    __slots__ = ("gated", "merged")

    def __init__(self, rules: Sequence[Rule]) -> None:
        ungated = [r.pattern for r in rules if not r.needs]
        self.merged = re.compile("|".join(
            f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
            for p in ungated)) if ungated else None
        self.gated = [(r.needs, r.pattern) for r in rules if r.needs]

    def match(self, paragraph: str, lowered: str) -> bool:
        """True when one of the rules matches; ``lowered`` is the paragraph in lower case."""
        if self.merged is not None and self.merged.match(paragraph):
            return True
        for needs, pattern in self.gated:
            for needed in needs:
                if needed in lowered:
                    if pattern.match(paragraph):
                        return True
                    break
        return False


_LINE = {kind: _Rules(rules) for kind, rules in LINE.items()}
_EDGE = {kind: _Rules(rules) for kind, rules in EDGE.items()}
_APPEAL = _Rules(APPEAL)


def _reporting(paragraph: str) -> bool:
    """True for a paragraph of reporting, which no single phrase in it makes boilerplate.

    Boilerplate that runs past :data:`GUARD_WORDS` words (an appeal, a disclaimer,
    a bio's contact line) speaks to the reader or for the outlet in its own words:
    "you", "our", "this article". Words in quotation marks or in an aside between
    dashes are someone else's; an attributed paragraph reports what was said; and
    when one dash splits the paragraph, both sides must speak so: "Become a member
    -- so read the scammers' message" reports the appeal it quotes.
    """
    if _words(paragraph) <= GUARD_WORDS:
        return False
    if _ATTRIBUTED.search(paragraph):
        return True
    own = _QUOTATION.sub(" ", paragraph)
    return not all(SPEAKS_TO_READER.search(part) for part in _DASH.split(own)
                   if _words(part) > 3)


def _line_kind(paragraph: str, disabled: Collection[str]) -> str | None:
    lowered = paragraph.lower()
    reporting: bool | None = None  # computed once, only when a rule matches
    for kind, rules in _LINE.items():
        if kind not in disabled and rules.match(paragraph, lowered):
            if kind in UNLESS_ATTRIBUTED and _ATTRIBUTED.search(paragraph):
                continue
            if kind not in UNGUARDED:
                reporting = _reporting(paragraph) if reporting is None else reporting
                if reporting:
                    continue
            return kind
    if ("donation_appeal" not in disabled and _APPEAL.match(paragraph, lowered)
            and not _QUOTED.search(paragraph) and not _ATTRIBUTED.search(paragraph)
            and not (_reporting(paragraph) if reporting is None else reporting)):
        return "donation_appeal"
    return None


def _edge_kind(paragraph: str, context: PageContext, disabled: Collection[str]) -> str | None:
    lowered = paragraph.lower()
    for kind, rules in _EDGE.items():
        if (kind not in disabled and rules.match(paragraph, lowered)
                and (kind in EDGE_UNGUARDED or not _reporting(paragraph))):
            return kind
    if "author_bio" not in disabled:
        for author in context.authors:
            if paragraph.startswith(author) and _AUTHOR_VERB.match(paragraph[len(author):]):
                return "author_bio"
    return None


def _block_end(paragraphs: Sequence[str], start: int, kind: str) -> int | None:
    """Index of the last paragraph of the block of ``kind`` starting at ``start``.

    The block ends at the first paragraph matching its end pattern, and takes
    along short ones right after that match it too ("Support us", "Maybe later").
    Every paragraph up to the end must read like the block (``BLOCK_INSIDE``,
    or a button's few words) and none may be attributed: a story that quotes
    "we need your help" is not swallowed up to the next appeal-like line.
    """
    end_pattern, inside = BLOCK_END[kind], BLOCK_INSIDE[kind]
    for i in range(start, min(len(paragraphs), start + BLOCK_MAX_PARAGRAPHS)):
        para = paragraphs[i]
        if _ATTRIBUTED.search(para) or (_words(para) > 6 and not inside.search(para)):
            return None
        if end_pattern.search(para):
            while (i + 1 < len(paragraphs) and _words(paragraphs[i + 1]) <= 6
                   and end_pattern.search(paragraphs[i + 1])):
                i += 1
            return i
    return None


_SITE_NAME_FILLER = frozenset({"the", "a", "an", "news", "com", "www", "©"})


def _is_site_name(paragraph: str, site_names: Collection[str]) -> bool:
    """True when the paragraph is the site's name or a short form of it ("Courier")."""
    if len(paragraph) > 80:
        return False
    words = {w for w in re.split(r"[\s.|\-–—©]+", paragraph.casefold()) if w}
    if not words or len(words) > 6:
        return False
    for site in site_names:
        site_words = {w for w in re.split(r"[\s.|\-–—©]+", site.casefold()) if w}
        if words <= site_words and words - _SITE_NAME_FILLER:
            return True
    return False


_words = words


_LABEL_END = re.compile(r"[.!?…。！？:;,\"“”’»)]\s*$")


def _is_label(paragraph: str) -> bool:
    """A section label or tag above or below the story: a word or three, not a sentence."""
    return _words(paragraph) <= LABEL_WORDS and not _LABEL_END.search(paragraph)


_STATEMENT_END = re.compile(r"[.!…。！][\"”’»)]?\s*$")


def _is_list_item(paragraph: str) -> bool:
    """An entry of a list of tags or headlines: short, and not a statement ("Saturn",
    "Will the bridge open by May?"); "The council meets again in May." is the story's."""
    return not _is_prose(paragraph) and not _STATEMENT_END.search(paragraph)


def _is_prose(paragraph: str) -> bool:
    words = _words(paragraph)
    return words >= PROSE_WORDS and (words >= 2 * PROSE_WORDS or
                                     bool(_SENTENCE_END.search(paragraph)))


class _Pass:
    """One run of the rules over one page's paragraphs."""

    def __init__(self, paragraphs: Sequence[str], context: PageContext,
                 disabled: Collection[str]) -> None:
        self.paragraphs = paragraphs
        self.context = context
        self.disabled = disabled
        self.kinds: list[str | None] = [None] * len(paragraphs)
        self.blocks: dict[int, int] = {}  # first index -> last index of a multi-paragraph block
        self.datelines: dict[int, str] = {}  # index -> the dateline cut from its start

    def enabled(self, kind: str) -> bool:
        """True unless the user switched ``kind`` off."""
        return kind not in self.disabled

    def lines(self) -> None:
        """Rules 1-3: blocks, whole-paragraph forms, links, the site's name."""
        paragraphs, i = self.paragraphs, 0
        while i < len(paragraphs):
            para = paragraphs[i]
            block_kind = next((k for k, p in BLOCK_START.items()
                               if self.enabled(k) and p.match(para)), None)
            if block_kind is not None:
                end = _block_end(paragraphs, i, block_kind)
                if end is not None:
                    self.blocks[i] = end
                    self.kinds[i : end + 1] = [block_kind] * (end + 1 - i)
                    i = end + 1
                    continue
            kind = _line_kind(para, self.disabled)
            if (kind is None and self.enabled("related") and _words(para) <= MAX_LINK_WORDS
                    and self._linked(para)):
                kind = "related"
            if (kind is None and self.enabled("site_name")
                    and _is_site_name(para, self.context.site_names)):
                kind = "site_name"
            self.kinds[i] = kind
            i += 1

    def _linked(self, para: str) -> bool:
        """A promotion of another story: the paragraph is (nearly all) a link's text.

        A sentence that ends with a full stop must be the link's text almost
        word for word; a sentence with a link in it is reporting.
        """
        if para.startswith("|"):
            return False  # a table row: its linked cells are the table's content
        if para.rstrip().endswith((".", "。")):
            return self.context.links.covers(para, slack=1, share=0.85)
        return self.context.links.covers(para)

    def press(self) -> None:
        """Rule 3a: a press release's "About" block and contact lines, below the story.

        The heading counts only past the first third of the text not yet judged
        boilerplate, and only over a paragraph that describes the company it
        names (its first word in the description's opening, and "is a",
        "founded", "provides" ...): a story's subheading "About Harlow" over
        reporting stays. The description runs to the next heading, a paragraph
        already judged, or :data:`ABOUT_PARAGRAPHS` paragraphs.
        """
        if not self.enabled("press_boilerplate"):
            return
        paragraphs, kinds = self.paragraphs, self.kinds
        total = sum(len(p) for p, k in zip(paragraphs, kinds, strict=True) if k is None)
        before = 0
        i = 0
        while i < len(paragraphs):
            para = paragraphs[i]
            if kinds[i] == "press_boilerplate" and CONTACT_LABEL.match(para):
                i = self._contact_lines(i)
                continue
            if kinds[i] is None:
                heading = ABOUT_HEADING.match(para) if i >= TOP_PARAGRAPHS else None
                if heading and before > total / 3 and self._describes(i + 1, heading["name"]):
                    i = self._about_block(i, heading["name"])
                    continue
                before += len(para)
            i += 1

    def _contact_lines(self, label: int) -> int:
        """Mark the short name, phone and e-mail lines under a contact label; return the next."""
        paragraphs, kinds = self.paragraphs, self.kinds
        j = label + 1
        while (j < len(paragraphs) and j <= label + CONTACT_LINES and kinds[j] is None
               and _words(paragraphs[j]) <= 8 and not _SENTENCE_END.search(paragraphs[j])
               and not ABOUT_HEADING.match(paragraphs[j])):  # the next block's heading
            kinds[j] = "press_boilerplate"
            j += 1
        return j

    def _about_block(self, heading: int, name: str) -> int:
        """Mark an "About <name>" heading and its description; return the paragraph after."""
        paragraphs, kinds = self.paragraphs, self.kinds
        kinds[heading] = "press_boilerplate"
        j = heading + 1
        while (j < len(paragraphs) and j <= heading + ABOUT_PARAGRAPHS and kinds[j] is None
               and not ABOUT_HEADING.match(paragraphs[j])
               and (j == heading + 1 or self._about(j, name))):
            kinds[j] = "press_boilerplate"
            j += 1
        return j

    def _describes(self, i: int, name: str) -> bool:
        """True when paragraph ``i`` is a description of the company called ``name``.

        A description says what the company is, in the present tense: "Northwind was
        founded in 1998 as a DVD company and only moved into streaming in 2011" is its
        history, told by a story under a subheading.
        """
        if i >= len(self.paragraphs) or self.kinds[i] is not None:
            return False
        opening = self.paragraphs[i][:200]
        return (name.casefold() in opening.casefold() and bool(ORG_DESCRIPTION.search(opening))
                and bool(_PRESENT.search(opening)))

    def _about(self, j: int, name: str) -> bool:
        """True when paragraph ``j`` still belongs to the "About" block: it names the company
        and describes it, or it is a contact line; the first that does neither ends it."""
        para = self.paragraphs[j]
        return ((name.casefold() in para.casefold() and bool(ORG_DESCRIPTION.search(para)))
                or (_words(para) <= 8 and not _SENTENCE_END.search(para))
                or bool(_CONTACT_DETAIL.search(para)) and _words(para) <= GUARD_WORDS)

    def edges(self) -> None:
        """Rule 4: walk in from both ends until the first paragraph of prose."""
        n = len(self.paragraphs)
        seen = 0
        for i in range(n):
            if self._peel(i, top=seen < TOP_PARAGRAPHS):
                break
            if self.kinds[i] is None:
                seen += 1
        for i in reversed(range(n)):
            if self._peel(i, top=False):
                break

    def _peel(self, i: int, *, top: bool) -> bool:
        """Judge paragraph ``i`` at an edge; True when it is prose and the walk stops there.

        ``top`` is true among the first few paragraphs of the body, where the
        headline, the standfirst and a section label stand.
        """
        if self.kinds[i] is not None:
            return False
        para = self.paragraphs[i]
        if top and self.enabled("headline") and text_key(para) in self.context.headings:
            self.kinds[i] = "headline"
            return False
        kind = _edge_kind(para, self.context, self.disabled)
        if kind is None and top and self.enabled("navigation") and _is_label(para):
            kind = "navigation"  # a section label above the story; below it, it may be a tag
        if kind is not None:
            self.kinds[i] = kind
            return False
        return _is_prose(para)

    def tail(self) -> None:
        """Rule 5: a "Related"-style heading in the second half, and the list under it.

        The heading counts whichever rule labelled it first (the line rule takes
        "Related Topics" alone as a label), since the list under it is made of
        short lines that no line rule can judge on their own: "Banking",
        "Saturn". The list runs to the first paragraph not yet judged that is
        prose or a statement, which is the story again and stays.
        """
        if not self.enabled("related"):
            return
        total = sum(len(p) for p in self.paragraphs)
        before = 0
        i = 0
        while i < len(self.paragraphs):
            para = self.paragraphs[i]
            if (before > total / 2 and self.kinds[i] in (None, "related")
                    and TAIL_MARKERS.match(para)):
                j = i + 1
                while j < len(self.paragraphs) and (self.kinds[j] is not None
                                                    or _is_list_item(self.paragraphs[j])):
                    j += 1
                if j > i + 1 or self.kinds[i] is not None:  # "Comments" over prose is a subhead
                    for k in range(i, j):
                        self.kinds[k] = self.kinds[k] or "related"
                before += sum(len(p) for p in self.paragraphs[i:j])
                i = j
                continue
            before += len(para)
            i += 1

    def dateline(self) -> None:
        """Rule 6: a place dateline opening the first paragraph kept, cut from the sentence."""
        if not self.enabled("stamp"):
            return
        for i in range(min(len(self.paragraphs), TOP_PARAGRAPHS + 1)):
            if self.kinds[i] is None:
                found = DATELINE_PREFIX.match(self.paragraphs[i])
                if (found and _is_prose(self.paragraphs[i][found.end():])
                        and self._a_place(found.group(), i)):
                    self.datelines[i] = found.group()
                return

    def _a_place(self, dateline: str, first: int) -> bool:
        """False for one capitalised word that the story never writes in ordinary case.

        A dateline with a region or an agency, or of several words, is a place.
        One word may be an acronym opening the sentence, however long ("NATO —",
        "UNICEF — The agency ..."); a city's name is written again in the story
        as a name ("Kyiv"), an acronym never is.
        """
        word = dateline.strip(" —–-")
        if any(c in word for c in ", ("):
            return True
        as_name = re.compile(r"\b" + re.escape(word.capitalize()) + r"\b")
        rest = [self.paragraphs[first][len(dateline):], *self.paragraphs[first + 1:]]
        return any(as_name.search(p) for p in rest)

    def result(self) -> Result:
        """Paragraphs kept, and one record per removed paragraph or block."""
        kept: list[str] = []
        removed: list[RemovedBlock] = []
        stamps: list[str] = []
        i = 0
        while i < len(self.paragraphs):
            kind = self.kinds[i]
            end = self.blocks.get(i, i)
            if kind is None and i in self.datelines:
                cut = self.datelines[i]
                kept.append(self.paragraphs[i][len(cut):])
                removed.append(RemovedBlock(kind="stamp", sha256=content_hash(cut.strip()),
                                            length=len(cut.strip())))
            elif kind is None:
                kept.append(self.paragraphs[i])
            else:
                text = "\n".join(self.paragraphs[i : end + 1])
                removed.append(RemovedBlock(kind=kind, sha256=content_hash(text),
                                            length=len(text)))
                if kind == "stamp":
                    stamps.append(text)
            i = end + 1
        return Result(kept, removed, stamps)


def strip_boilerplate(
    paragraphs: Sequence[str],
    *,
    site_names: Collection[str] = (),
    disabled: Collection[str] = (),
    context: PageContext | None = None,
) -> Result:
    """Remove boilerplate paragraphs; ``disabled`` names kinds to leave in place."""
    if context is None:
        context = PageContext(site_names=frozenset(site_names))
    elif site_names:
        context = PageContext(site_names=context.site_names | frozenset(site_names),
                              headings=context.headings, authors=context.authors,
                              links=context.links)
    run = _Pass(paragraphs, context, disabled)
    run.lines()
    run.press()
    run.edges()
    run.tail()
    run.dateline()
    return run.result()
