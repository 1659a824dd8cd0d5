"""Template learning: what recurs across a site's pages is dropped, on that site only."""

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsflow.messages import CleanArticle, RawArticle
from services.cleaner import CleanerStage, CleanOptions
from services.cleaner.template_store import TemplateStore
from services.cleaner.templates import TemplateMemory, TemplateRule, fingerprint
from services.store import make_engine

NOW = datetime(2026, 3, 1, tzinfo=UTC)
FOOTER = "The Valley Ledger is published by Ledger Media Group, 12 River Street, Millbrook."


WORDS = ("alder", "birch", "cedar", "dogwood", "elm", "fir", "ginkgo", "hazel", "ironwood",
         "juniper", "kapok", "larch", "maple", "nutmeg", "oak", "pine")


def body(n: int) -> list[str]:
    """Two paragraphs that differ from page to page in words, not only in numbers."""
    a, b = WORDS[n % len(WORDS)], WORDS[(n * 3 + 1) % len(WORDS)]
    c = WORDS[(n * 5 + 2) % len(WORDS)]
    return [f"The county board met at the {a} hall and approved the {b} plan ({n}).",
            f"Residents of the {c} ward, page {n}, asked for a hearing on the {a} {b} road."]


def article(n: int, host: str = "ledger.example", extra: tuple[str, ...] = (FOOTER,)
            ) -> CleanArticle:
    paragraphs = [*body(n), *extra]
    return CleanArticle(article_id=f"{host}-{n}", url=f"https://{host}/story/{n}", feed_id="f",
                        text="\n".join(paragraphs), paragraphs=paragraphs, fetched_at=NOW,
                        cleaned_at=NOW, cleaner="test")


def test_fingerprint_ignores_case_spacing_and_digits() -> None:
    assert fingerprint("Updated  14:05 GMT") == fingerprint("updated 9:30 gmt")
    assert fingerprint("Updated 14:05 GMT") != fingerprint("Published 14:05 GMT")


def test_recurring_paragraph_is_removed_once_seen_on_enough_pages() -> None:
    memory = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3))
    kept = [memory.apply(article(n))[0] for n in range(1, 7)]
    assert [FOOTER in a.paragraphs for a in kept] == [True, True, True, False, False, False]
    fourth = kept[3]
    assert fourth.paragraphs == body(4)
    assert [r.kind for r in fourth.removed] == ["template"]
    assert fourth.removed[0].length == len(FOOTER)


def test_the_same_paragraph_on_another_site_is_kept() -> None:
    memory = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3))
    for n in range(1, 8):
        memory.apply(article(n))
    other, _ = memory.apply(article(1, host="other.example"))
    assert FOOTER in other.paragraphs and other.removed == []


def test_a_quote_repeated_in_a_few_articles_is_not_template() -> None:
    quote = "“We will not accept this decision,” the mayor said on Tuesday."
    memory = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3))
    results = [memory.apply(article(n, extra=(quote,) if n % 5 == 0 else ()))[0]
               for n in range(1, 41)]  # on 8 of 40 pages: 20% < 30%
    assert all(r.removed == [] for r in results)


def test_a_background_paragraph_in_a_young_site_s_series_is_kept() -> None:
    background = ("The Harlow reservoir supplies drinking water to about 40,000 people in "
                  "Millbrook and the villages along the river.")
    memory = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3))
    in_series = {1, 2, 4, 6}  # the background paragraph on 4 of the site's first 6 stories
    results = [memory.apply(article(n, extra=(background, FOOTER) if n in in_series
                                    else (FOOTER,)))[0] for n in range(1, 7)]
    for n, result in enumerate(results, start=1):
        assert (background in result.paragraphs) == (n in in_series)
    assert [FOOTER in r.paragraphs for r in results] == [True, True, True, False, False, False]


def test_the_share_asked_for_falls_from_every_page_to_the_mature_share() -> None:
    rule = TemplateRule(min_pages=4, min_share=0.3, mature_pages=50)
    assert rule.share(0) == 1.0
    assert rule.share(50) == rule.share(500) == 0.3
    assert 0.3 < rule.share(25) < rule.share(6) < 1.0
    assert not rule.is_template(4, 6) and rule.is_template(6, 6)
    assert rule.is_template(150, 500) and not rule.is_template(100, 500)


def test_redelivered_page_is_counted_once() -> None:
    memory = TemplateMemory(TemplateRule(min_pages=2, min_share=0.1))
    first, obs = memory.apply(article(1))
    again, obs_again = memory.apply(article(1))
    assert obs is not None and obs_again is None
    assert FOOTER in again.paragraphs


def test_an_article_is_never_emptied_and_removal_can_be_switched_off() -> None:
    memory = TemplateMemory(TemplateRule(min_pages=2, min_share=0.1))
    same = [FOOTER, "Subscribe to the Ledger's print edition at the front desk."]
    for n in range(1, 5):
        memory.apply(CleanArticle(**{**article(n).model_dump(), "paragraphs": same}))
    whole, _ = memory.apply(CleanArticle(**{**article(9).model_dump(), "paragraphs": same}))
    assert whole.paragraphs == same
    kept, _ = memory.apply(article(10), remove=False)
    assert FOOTER in kept.paragraphs


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
def state_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'templates.sqlite'}"
    url: str = request.getfixturevalue("pg_database_url")
    return url


@pytest.fixture
def store(state_url: str) -> Iterator[TemplateStore]:
    engine = make_engine(state_url)
    store = TemplateStore(engine, window=10)
    store.open()
    yield store
    engine.dispose()


def test_memory_survives_a_restart_through_the_store(store: TemplateStore) -> None:
    before = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3), window=10)
    store.save(obs for n in range(1, 4) if (obs := before.apply(article(n))[1]) is not None)
    after = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3), window=10)
    after.load("ledger.example", store.load("ledger.example"))
    cleaned, _ = after.apply(article(4))
    assert FOOTER not in cleaned.paragraphs


def test_store_keeps_a_window_per_site_and_ignores_redelivery(store: TemplateStore) -> None:
    memory = TemplateMemory(window=10)
    observations = [memory.apply(article(n))[1] for n in range(1, 16)]
    store.save(o for o in observations if o is not None)
    store.save(o for o in observations[-3:] if o is not None)  # redelivered
    loaded = store.load("ledger.example")
    assert [o.article_id for o in loaded] == [f"ledger.example-{n}" for n in range(6, 16)]
    assert store.load("other.example") == []


def page(n: int) -> RawArticle:
    paragraphs = "".join(f"<p>{p}</p>" for p in [*body(n), FOOTER])
    html = (f"<html><head><title>Board meeting {n}</title></head><body><article>"
            f"<h1>Board meeting {n}</h1>{paragraphs}</article></body></html>")
    return RawArticle(article_id=f"p{n}", url=f"https://ledger.example/story/{n}",
                      final_url=f"https://ledger.example/story/{n}", feed_id="f",
                      fetched_at=NOW, status=200, html=html)


async def test_cleaner_stage_learns_templates_and_remembers_them_after_restart(
        tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'state.sqlite'}")
    rule = TemplateRule(min_pages=3, min_share=0.3)

    async def run(pages: list[RawArticle]) -> list[CleanArticle]:
        stage = CleanerStage(CleanOptions(min_text_chars=50),
                             memory=TemplateMemory(rule), store=TemplateStore(engine, 500))
        await stage.start()
        try:
            results = await stage.process_batch([("news.articles.raw.v1", p) for p in pages])
        finally:
            await stage.stop()
        out = []
        for result in results:
            assert isinstance(result, list)
            value = result[0].value
            assert isinstance(value, CleanArticle)
            out.append(value)
        return out

    first = await run([page(n) for n in range(1, 4)])
    assert [FOOTER in a.paragraphs for a in first] == [True, True, False]
    [after_restart] = await run([page(4)])
    assert FOOTER not in after_restart.paragraphs
    assert "template" in {r.kind for r in after_restart.removed}
    engine.dispose()


def test_forget_drops_memory_and_the_store_restores_it(store: TemplateStore) -> None:
    memory = TemplateMemory(TemplateRule(min_pages=4, min_share=0.3), window=10)
    store.save(obs for n in range(1, 5) if (obs := memory.apply(article(n))[1]) is not None)
    memory.clear()
    assert "ledger.example" not in memory
    memory.load("ledger.example", store.load("ledger.example"))
    cleaned, _ = memory.apply(article(5))
    assert FOOTER not in cleaned.paragraphs
