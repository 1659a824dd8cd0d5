"""Extractor benchmark: quality on the hand-coded gold set, and speed against the cleaner.

Quality: the articles of ``benchmarks/gold/`` go through ``services.extractor.extract``;
the events it emits are compared with the events coded by hand, article by article.
``articles.json`` is the development set (its errors guided the rules);
``heldout.json`` was coded and committed before the extractor ever ran on it and is
never tuned on, so its scores estimate quality on unseen text; ``fresh.json`` is a
second such set (four reports on other conflicts, committed before its first run), so
that a rule fitted to the first held-out set shows up as a gap between the two. Scores,
per file and for all together, each as precision and recall:

- triples: (actor country, CAMEO root, target country); an event with several
  actor or target countries counts once per pair; matched as multisets;
- full code: (actor country, full CAMEO code, target country);
- location country and location within 50 km, on the events matched as triples
  (precision over the matched events the extractor placed, recall over the gold
  events that have a place; distance only for populated places);
- date: exact day (month for month-precision gold dates), on the matched events
  (precision over matched events, recall over all gold events).

Reported history (gold ``historical``, or an event the extractor marks historical),
negated events and hypothetical ones (what a threat threatens, a future or
conditional act: events that did not happen) are left out of these scores and
counted apart. An offer or a threat that was made is an event, however
conditional its content; the gold set marks those ``conditional``.

Speed: per-article CPU time of ``services.cleaner.clean`` and of ``extract`` on the
same articles in the same run: the scrapinghub benchmark pages (cleaned, then
extracted) and the gold articles rendered as simple HTML pages. Each stage runs in
its own fresh process, warmed up first, so that its peak RSS (VmHWM) is its own; the
two are driven in lockstep, article by article, so that both see the same load on a
shared machine, and the ratio is the median over several rounds. Run with
``make bench-extract``.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import math
import multiprocessing
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from statistics import median
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "articles.json"
HELDOUT = ROOT / "benchmarks" / "gold" / "heldout.json"
FRESH = ROOT / "benchmarks" / "gold" / "fresh.json"
SCRAPINGHUB = Path("/work/shared/benchmarks/scrapinghub/html")
NEAR_KM = 50.0
EXTRACTED_AT = datetime(2026, 10, 1, tzinfo=UTC)

Triple = tuple[str | None, str, str | None]


# --------------------------------------------------------------------------- gold and events


@dataclass(frozen=True, slots=True)
class GoldPlace:
    """Where a gold event happened."""

    name: str
    country: str
    lat: float
    lon: float
    populated: bool


@dataclass(frozen=True, slots=True)
class Unit:
    """One (actor, code, target) pair of an event, with what is scored beside it."""

    actor: str | None
    code: str
    target: str | None
    date: date | None
    month_only: bool
    place: GoldPlace | None = None
    place_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    alleged: bool = False
    sentence: str = ""

    @property
    def root(self) -> str:
        """The CAMEO root ("19"), or the extension code itself ("EVAC")."""
        return self.code if not self.code.isdigit() else self.code[:2]

    @property
    def triple(self) -> Triple:
        """(actor country, root, target country)."""
        return self.actor, self.root, self.target

    @property
    def full(self) -> Triple:
        """(actor country, full code, target country)."""
        return self.actor, self.code, self.target


@dataclass(slots=True)
class GoldArticle:
    """A gold article: its text and the events coded by hand."""

    id: str
    title: str
    published_at: datetime
    paragraphs: list[str]
    units: list[Unit] = field(default_factory=list)
    historical: list[str] = field(default_factory=list)
    """Evidence snippets of the reported history in the article."""

    @property
    def text(self) -> str:
        """The body, paragraphs joined by newlines."""
        return "\n".join(self.paragraphs)


def load_gold(path: Path = GOLD) -> list[GoldArticle]:
    """Read the gold set."""
    data = json.loads(path.read_text(encoding="utf-8"))
    articles: list[GoldArticle] = []
    for a in data["articles"]:
        article = GoldArticle(a["id"], a["title"], datetime.fromisoformat(a["published_at"]),
                              list(a["paragraphs"]))
        for e in a["events"]:
            if e.get("historical"):
                article.historical.append(e["sentence"])
                continue
            raw_place = e.get("place")
            place = None
            if raw_place is not None:
                place = GoldPlace(raw_place["name"], raw_place["country"], raw_place["lat"],
                                  raw_place["lon"], raw_place["kind"] == "populated")
            targets = e["target"] if isinstance(e["target"], list) else [e["target"]]
            for target in targets:
                article.units.append(Unit(
                    actor=e["actor"], code=e["code"], target=target,
                    date=date.fromisoformat(e["date"]) if e.get("date") else None,
                    month_only=e.get("precision") == "month", place=place,
                    alleged=bool(e.get("alleged_by")), sentence=e["sentence"],
                ))
        articles.append(article)
    return articles


def event_units(event: dict[str, Any]) -> list[Unit]:
    """The (actor, code, target) pairs of one extracted event (as JSON)."""
    actors = _countries(event["actor"])
    targets = _countries(event["target"])
    loc = event.get("location") or {}
    return [
        Unit(actor=a, code=event["cameo_code"], target=t,
             date=date.fromisoformat(event["event_date"]),
             month_only=event["date_precision"] == "month",
             place_country=loc.get("country"), lat=loc.get("lat"), lon=loc.get("lon"),
             alleged=event["modality"]["claim"] == "alleged",
             sentence=event["evidence"]["sentence"])
        for a in actors for t in targets
    ]


def _countries(parties: list[dict[str, Any]]) -> list[str | None]:
    found = list(dict.fromkeys(p.get("country") for p in parties if p.get("country")))
    return found or [None]


# --------------------------------------------------------------------------- scoring


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _date_ok(gold: Unit, pred: Unit) -> bool:
    if gold.date is None or pred.date is None:
        return False
    if gold.month_only:
        return (gold.date.year, gold.date.month) == (pred.date.year, pred.date.month)
    return gold.date == pred.date


def _affinity(gold: Unit, pred: Unit) -> tuple[int, int, int, int]:
    """Which of several same-triple predictions is this gold event's: same sentence first."""
    return (int(gold.sentence in pred.sentence), int(gold.code == pred.code),
            int(gold.place is not None and gold.place.country == pred.place_country),
            int(_date_ok(gold, pred)))


def match(gold: Sequence[Unit], pred: Sequence[Unit]) -> list[tuple[Unit, Unit]]:
    """Pairs of gold and predicted units with equal triples (a maximum matching)."""
    free = list(pred)
    pairs: list[tuple[Unit, Unit]] = []
    for g in gold:
        candidates = [p for p in free if p.triple == g.triple]
        if candidates:
            best = max(candidates, key=lambda p: _affinity(g, p))
            free.remove(best)
            pairs.append((g, best))
    return pairs


@dataclass(slots=True)
class Score:
    """Hits over a precision base and a recall base."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Hits over what the extractor offered."""
        return self.hits / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Hits over what the gold set holds."""
        return self.hits / self.gold if self.gold else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """Figures for the JSON report."""
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "hits": self.hits, "predicted": self.predicted, "gold": self.gold}


@dataclass(slots=True)
class Quality:
    """All quality figures over the gold set."""

    triples: Score = field(default_factory=Score)
    full_code: Score = field(default_factory=Score)
    location_country: Score = field(default_factory=Score)
    location_50km: Score = field(default_factory=Score)
    date: Score = field(default_factory=Score)
    alleged: Score = field(default_factory=Score)
    historical_flagged: int = 0
    historical_total: int = 0
    historical_leaked: int = 0
    negated_left_out: int = 0
    hypothetical_left_out: int = 0
    roots: Counter[str] = field(default_factory=Counter)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, article: GoldArticle, events: list[dict[str, Any]]) -> None:
        """Score one article's extracted events (as JSON) against its gold events."""
        current = []
        for e in events:
            m = e["modality"]
            if m["historical"]:
                if any(s in e["evidence"]["sentence"] for s in article.historical):
                    self.historical_flagged += 1
                continue
            if m["negated"]:
                self.negated_left_out += 1
                continue
            if m["hypothetical"]:
                self.hypothetical_left_out += 1
                continue
            if any(s in e["evidence"]["sentence"] for s in article.historical):
                self.historical_leaked += 1
            current.append(e)
        self.historical_total += len(article.historical)
        pred = [u for e in current for u in event_units(e)]
        gold = article.units
        self.roots.update(g.root for g in gold)
        pairs = match(gold, pred)
        self.triples.hits += len(pairs)
        self.triples.predicted += len(pred)
        self.triples.gold += len(gold)
        full = Counter(g.full for g in gold) & Counter(p.full for p in pred)
        self.full_code.hits += sum(full.values())
        self.full_code.predicted += len(pred)
        self.full_code.gold += len(gold)
        for g, p in pairs:
            if g.place is not None:
                self.location_country.gold += 1
                if p.place_country is not None:
                    self.location_country.predicted += 1
                    self.location_country.hits += int(p.place_country == g.place.country)
                if g.place.populated:
                    self.location_50km.gold += 1
                    if p.lat is not None and p.lon is not None:
                        self.location_50km.predicted += 1
                        self.location_50km.hits += int(
                            km(g.place.lat, g.place.lon, p.lat, p.lon) <= NEAR_KM)
            self.date.predicted += 1
            self.date.hits += int(_date_ok(g, p))
            self.alleged.gold += int(g.alleged)
            self.alleged.predicted += int(p.alleged)
            self.alleged.hits += int(g.alleged and p.alleged)
        self.date.gold += len(gold)
        matched_gold = [id(g) for g, _ in pairs]
        matched_pred = [id(p) for _, p in pairs]
        for g in gold:
            if id(g) not in matched_gold:
                self.errors.append({"article": article.id, "kind": "missed",
                                    "event": _show(g), "sentence": g.sentence})
        for p in pred:
            if id(p) not in matched_pred:
                self.errors.append({"article": article.id, "kind": "spurious",
                                    "event": _show(p), "sentence": p.sentence})

    def as_dict(self) -> dict[str, Any]:
        """Figures for the JSON report."""
        return {
            "triples": self.triples.as_dict(),
            "full_code": self.full_code.as_dict(),
            "location_country": self.location_country.as_dict(),
            "location_within_50km": self.location_50km.as_dict(),
            "date_exact_day": self.date.as_dict(),
            "alleged": self.alleged.as_dict(),
            "historical": {"gold": self.historical_total, "flagged": self.historical_flagged,
                           "leaked_as_current": self.historical_leaked},
            "negated_left_out": self.negated_left_out,
            "hypothetical_left_out": self.hypothetical_left_out,
            "gold_roots": dict(sorted(self.roots.items())),
            "errors": self.errors,
        }


def _show(u: Unit) -> str:
    when = u.date.isoformat() if u.date else "-"
    return f"{u.actor or '-'} {u.code} {u.target or '-'} @{u.place_country or '-'} {when}"


# --------------------------------------------------------------------------- workers


def _clean_article(article_id: str, title: str, published: datetime, paragraphs: list[str]
                   ) -> Any:
    from newsflow.messages import CleanArticle

    text = "\n".join(paragraphs)
    return CleanArticle(article_id=article_id, url=f"https://gold.example/{article_id}",
                        feed_id="gold", title=title, published_at=published, language="en",
                        text=text, paragraphs=paragraphs, fetched_at=EXTRACTED_AT,
                        cleaned_at=EXTRACTED_AT, cleaner="gold")


def peak_rss_mb() -> float:
    """This process's peak resident set (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _clean_loop(conn: Connection) -> None:
    """Cleaner process: clean each batch of (key, url, html) pages sent; answer, per page,
    its CPU time and the clean article as JSON (``None`` and the reason when the cleaner
    rejects the page)."""
    from newsflow.messages import RawArticle
    from services.cleaner import clean

    while (pages := conn.recv()) is not None:
        answers: list[tuple[float, str | None, str | None]] = []
        for key, url, body in pages:
            raw = RawArticle(article_id=key[:32], url=url, final_url=url, feed_id="bench",
                             fetched_at=EXTRACTED_AT, status=200, html=body)
            start = time.process_time()
            result = _try_clean(clean, raw)
            cpu = time.process_time() - start
            if isinstance(result, str):
                answers.append((cpu, None, result))
            else:
                answers.append((cpu, result.model_dump_json(by_alias=True), None))
        conn.send(answers)
    conn.send(peak_rss_mb())


def _try_clean(clean: Any, raw: Any) -> Any:
    """The clean article, or the reason the cleaner gave for rejecting the page."""
    try:
        return clean(raw, now=EXTRACTED_AT)
    except Exception as exc:  # a page the cleaner rejects is timed, not extracted
        return str(getattr(exc, "reason", None) or type(exc).__name__)


def _extract_loop(conn: Connection) -> None:
    """Extractor process: extract each batch of clean articles (JSON) sent; answer, per
    article, its CPU time and how many events it gave. Parsing the JSON is not timed (the
    cleaner's is not either)."""
    from newsflow.messages import CleanArticle
    from services.extractor import extract

    while (texts := conn.recv()) is not None:
        answers: list[tuple[float, int]] = []
        for text in texts:
            article = CleanArticle.model_validate_json(text)
            start = time.process_time()
            result = extract(article, extracted_at=EXTRACTED_AT)
            answers.append((time.process_time() - start, len(result.events)))
        conn.send(answers)
    conn.send(peak_rss_mb())


#: Pages per lockstep batch.
_BATCH = 13


class Stage:
    """One stage in its own fresh process (so its imports and peak RSS are its own),
    driven one request at a time."""

    def __init__(self, loop: Any) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=loop, args=(child,), daemon=True)
        self._process.start()

    def ask(self, request: Any) -> Any:
        """Send one request and wait for its answer."""
        self._conn.send(request)
        return self._conn.recv()

    def close(self) -> float:
        """Stop the process; its peak RSS in MB."""
        self._conn.send(None)
        rss: float = self._conn.recv()
        self._process.join(30)
        return rss


def extract_worker(articles: list[str]) -> dict[str, Any]:
    """Extract events from each clean article (JSON); per-article CPU times and the events."""
    from newsflow.messages import CleanArticle
    from services.extractor import extract

    parsed = [CleanArticle.model_validate_json(a) for a in articles]
    start = time.process_time()
    if parsed:
        extract(parsed[0], extracted_at=EXTRACTED_AT)  # warm-up: gazetteer and lexicon
    warmup = time.process_time() - start
    cpu: list[float] = []
    events: list[list[dict[str, Any]]] = []
    for article in parsed:
        start = time.process_time()
        result = extract(article, extracted_at=EXTRACTED_AT)
        cpu.append(time.process_time() - start)
        events.append([e.model_dump(mode="json", by_alias=True) for e in result.events])
    return {"cpu": cpu, "events": events, "warmup_s": warmup, "peak_rss_mb": peak_rss_mb()}


def in_fresh_process(func: Any, arg: Any) -> dict[str, Any]:
    """Run ``func(arg)`` in a new interpreter, so its memory and imports are its own."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result: dict[str, Any] = pool.apply(func, (arg,))
    return result


# --------------------------------------------------------------------------- pages


def render(article: GoldArticle) -> str:
    """A gold article as a plain news page."""
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article.paragraphs)
    return (
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(article.title)}</title>"
        f"<meta property=\"article:published_time\" content=\"{article.published_at.isoformat()}\">"
        "</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        f"</header><main><article><h1>{html.escape(article.title)}</h1>{paragraphs}</article>"
        "</main><footer><p>© Gold Gazette</p></footer></body></html>"
    )


def scrapinghub_pages(limit: int | None) -> list[tuple[str, str, str]]:
    """(key, url, html) of the scrapinghub benchmark pages, when present."""
    truth_file = SCRAPINGHUB.parent / "ground-truth.json"
    if not SCRAPINGHUB.is_dir() or not truth_file.exists():
        return []
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages: list[tuple[str, str, str]] = []
    for path in sorted(SCRAPINGHUB.glob("*.html.gz"))[:limit]:
        key = path.name.split(".")[0]
        with gzip.open(path, "rb") as fh:
            page = fh.read().decode("utf-8", errors="replace")
        pages.append((key, truth.get(key, {}).get("url", f"https://bench.example/{key}"), page))
    return pages


# --------------------------------------------------------------------------- run


def compiled() -> bool:
    """Whether the extractor's rules run as mypyc-compiled modules (``make compile``)."""
    from services.extractor import coder

    return not (coder.__file__ or "").endswith(".py")


def _ms(values: Iterable[float]) -> float:
    items = list(values)
    return 1000 * sum(items) / len(items) if items else 0.0


def speed(label: str, pages: list[tuple[str, str, str]], rounds: int) -> dict[str, Any]:
    """CPU per article of the cleaner and of the extractor on ``pages``, in lockstep.

    Each stage runs in its own process, as in production. A round sends a batch of pages
    to the cleaner, then their clean articles to the extractor, then the next batch: both
    stages see the same stretch of a shared, noisy machine, so their ratio holds even when
    absolute times swing, while each still runs a batch at a time with its own working set
    in the CPU caches, as a stage does. ``rounds`` passes over all pages; the figures are
    the medians over rounds.
    """
    batches = [pages[i:i + _BATCH] for i in range(0, len(pages), _BATCH)]
    cleaner, extractor = Stage(_clean_loop), Stage(_extract_loop)
    try:
        warm = next((a for _, a, _ in cleaner.ask(pages[:5]) if a), None)
        start = time.monotonic()
        if warm is not None:
            extractor.ask([warm])  # warm-up: gazetteer and lexicon
        warmup = time.monotonic() - start
        clean_ms: list[float] = []
        extract_ms: list[float] = []
        ratios: list[float] = []
        slowest = 0.0
        rejected: Counter[str] = Counter()
        events = articles = 0
        for round_ in range(rounds):
            c_cpu: list[float] = []
            e_cpu: list[float] = []
            for batch in batches:
                cleaned = cleaner.ask(batch)
                if round_ == 0:
                    rejected.update(reason for _, _, reason in cleaned if reason is not None)
                extracted = extractor.ask([a for _, a, _ in cleaned if a is not None])
                c_cpu += [c for c, a, _ in cleaned if a is not None]
                e_cpu += [e for e, _ in extracted]
                events += sum(found for _, found in extracted) if round_ == 0 else 0
            articles = len(e_cpu)
            slowest = max(slowest, *e_cpu, 0.0)
            if c_cpu:
                clean_ms.append(_ms(c_cpu))
                extract_ms.append(_ms(e_cpu))
                ratios.append(sum(e_cpu) / sum(c_cpu))
    finally:
        cleaner_rss, extractor_rss = cleaner.close(), extractor.close()
    return {
        "pages": len(pages),
        "articles": articles,
        "rounds": rounds,
        "rejected_by_cleaner": dict(rejected),
        "cleaner_cpu_ms_per_article": round(median(clean_ms), 2) if clean_ms else None,
        "extractor_cpu_ms_per_article": round(median(extract_ms), 2) if extract_ms else None,
        "extractor_to_cleaner": round(median(ratios), 3) if ratios else None,
        "extractor_to_cleaner_by_round": [round(r, 3) for r in ratios],
        "extractor_max_cpu_ms": round(1000 * slowest, 2),
        "extractor_warmup_s": round(warmup, 3),
        "events": events,
        "cleaner_peak_rss_mb": round(cleaner_rss, 1),
        "extractor_peak_rss_mb": round(extractor_rss, 1),
        "label": label,
    }


def quality(sets: dict[str, list[GoldArticle]]) -> tuple[dict[str, Quality], dict[str, Any]]:
    """Extract the articles of every gold file (in one fresh process) and score them, per
    file and all together."""
    gold = [a for articles in sets.values() for a in articles]
    clean = [
        _clean_article(a.id, a.title, a.published_at, a.paragraphs).model_dump_json(by_alias=True)
        for a in gold
    ]
    extracted = in_fresh_process(extract_worker, clean)
    scores = {name: Quality() for name in ("all", *sets)}
    by_id = dict(zip((a.id for a in gold), extracted["events"], strict=True))
    for name, articles in sets.items():
        for article in articles:
            scores[name].add(article, by_id[article.id])
            scores["all"].add(article, by_id[article.id])
    return scores, extracted


def _report(title: str, q: Quality, errors: bool) -> None:
    print(title)
    print(_line("triples (actor,root,tgt)", q.triples))
    print(_line("full code", q.full_code))
    print(_line("location country", q.location_country, "  [on matched events]"))
    print(_line("location <= 50 km", q.location_50km, "  [populated places]"))
    print(_line("date (exact day)", q.date, "  [precision over matched]"))
    print(_line("alleged", q.alleged, "  [on matched events]"))
    print(f"  historical: {q.historical_flagged} flagged events on {q.historical_total} "
          f"historical passages, {q.historical_leaked} emitted as current; "
          f"{q.negated_left_out} negated and {q.hypothetical_left_out} hypothetical events "
          "left out")
    if errors:
        for err in q.errors:
            print(f"    {err['kind']:<8} {err['article']:<36} {err['event']:<34} "
                  f"| {err['sentence'][:90]}")


def _line(name: str, s: Score, note: str = "") -> str:
    return (f"  {name:<22} precision {s.precision:5.3f}  recall {s.recall:5.3f}"
            f"   ({s.hits} hits / {s.predicted} predicted / {s.gold} gold){note}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the figures and write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench-results" / "extract.json")
    parser.add_argument("--pages", type=int, default=None,
                        help="scrapinghub pages to time (default: all)")
    parser.add_argument("--rounds", type=int, default=100,
                        help="lockstep timing passes over the gold pages (default: 100)")
    parser.add_argument("--real-rounds", type=int, default=3,
                        help="lockstep timing passes over the scrapinghub pages (default: 3)")
    parser.add_argument("--errors", action="store_true", help="print every missed or "
                        "spurious event")
    args = parser.parse_args(argv)

    files = {"development": GOLD, "held-out": HELDOUT, "fresh": FRESH}
    sets = {name: load_gold(path) for name, path in files.items()}
    gold = [a for articles in sets.values() for a in articles]
    scores, extracted = quality(sets)
    q = scores["all"]
    gold_pages = [(a.id, f"https://gold.example/{a.id}", render(a)) for a in gold]
    timings = [speed("gold articles as HTML pages", gold_pages, args.rounds)]
    real = scrapinghub_pages(args.pages)
    if real:
        timings.append(speed("scrapinghub benchmark pages", real, args.real_rounds))

    events = sum(len(a.units) for a in gold)
    print(f"gold set: {len(gold)} articles, {events} event pairs "
          f"(+{q.historical_total} historical), roots {dict(sorted(q.roots.items()))}")
    _report("quality, all gold articles (historical, negated and hypothetical events left "
            "out):", q, False)
    for name, articles in sets.items():
        units = sum(len(a.units) for a in articles)
        _report(f"  {name} ({files[name].name}: "
                f"{len(articles)} articles, {units} event pairs):", scores[name], args.errors)
    print("speed (CPU per article, each stage in its own process, in lockstep; medians over "
          f"rounds; extractor {'compiled with mypyc' if compiled() else 'interpreted'}):")
    for t in timings:
        rejected = f" ({sum(t['rejected_by_cleaner'].values())} pages rejected by the cleaner: " \
            f"{t['rejected_by_cleaner']})" if t["rejected_by_cleaner"] else ""
        print(f"  {t['label']}: {t['articles']} articles, {t['rounds']} rounds{rejected}; cleaner "
              f"{t['cleaner_cpu_ms_per_article']:.2f} ms, extractor "
              f"{t['extractor_cpu_ms_per_article']:.2f} ms, ratio extractor/cleaner "
              f"{t['extractor_to_cleaner']} (rounds {min(t['extractor_to_cleaner_by_round'])}-"
              f"{max(t['extractor_to_cleaner_by_round'])}); "
              f"extractor max {t['extractor_max_cpu_ms']:.1f} ms, "
              f"warm-up {t['extractor_warmup_s']:.2f} s")
        print(f"    peak RSS: extractor {t['extractor_peak_rss_mb']:.0f} MB, cleaner "
              f"{t['cleaner_peak_rss_mb']:.0f} MB")
    report = {
        "generated_at": datetime.now(UTC).isoformat(),
        "gold": {"articles": len(gold), "event_pairs": events,
                 "files": {name: [a.id for a in articles] for name, articles in sets.items()}},
        "quality": q.as_dict(),
        "quality_by_file": {name: scores[name].as_dict() for name in sets},
        "speed": timings,
        "extractor_compiled": compiled(),
        "quality_run_extractor_peak_rss_mb": round(extracted["peak_rss_mb"], 1),
        "python": sys.version.split()[0],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
