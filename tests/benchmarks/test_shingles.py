"""The 4-word shingle scorer of the cleaner benchmark."""

from __future__ import annotations

import pytest

from benchmarks.shingles import PageScore, aggregate, score_page, shingles, tokens


def test_tokens_are_lower_cased_words() -> None:
    assert tokens("Kyiv's 2 strikes, Nov. 19!") == ["kyiv", "s", "2", "strikes", "nov", "19"]


def test_shingles_overlap_and_count_repeats() -> None:
    assert shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles("a b c d a b c d")[("a", "b", "c", "d")] == 2
    assert shingles("one two") == {("one", "two"): 1}
    assert shingles("  ") == {}


def test_a_perfect_extraction_scores_one() -> None:
    text = "The council voted on Thursday to rebuild the bridge."
    score = score_page(text, text.upper())
    assert (score.precision, score.recall) == (1.0, 1.0)


def test_extra_text_costs_precision_and_missing_text_recall() -> None:
    truth = "one two three four five six"  # 3 shingles
    extra = score_page(truth, truth + " seven")  # 4 predicted, 3 right
    assert extra.precision == pytest.approx(3 / 4) and extra.recall == 1.0
    missing = score_page(truth, "one two three four five")  # 2 predicted, both right
    assert missing.precision == 1.0 and missing.recall == pytest.approx(2 / 3)


def test_page_counts_are_normalised() -> None:
    score = score_page("a b c d e f", "a b c d e f g h")
    assert score.tp + score.fp + score.fn == pytest.approx(1.0)


def test_averages_over_pages_then_f1_of_the_averages() -> None:
    pages = [PageScore(0.5, 0.5, 0.0), PageScore(1.0, 0.0, 0.0)]  # P 0.5 and 1, R 1 and 1
    score = aggregate(pages)
    assert score.precision == pytest.approx(0.75) and score.recall == 1.0
    assert score.f1 == pytest.approx(2 * 0.75 / 1.75) and score.pages == 2


def test_an_empty_prediction_counts_for_recall_only() -> None:
    pages = [score_page("a b c d e", ""), score_page("a b c d e", "a b c d e")]
    score = aggregate(pages)
    assert score.precision == 1.0 and score.recall == pytest.approx(0.5)
