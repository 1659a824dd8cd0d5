"""Sentence splitting keeps offsets into the text and respects abbreviations and quotes."""

from services.extractor.sentences import split_sentences


def test_offsets_point_into_the_text() -> None:
    text = (
        "Army spokesman Maj. Gen. Pavel Orlov spoke on Feb. 24 in the U.S. capital. "
        "He said U.S. officials agreed.\n"
        "A headline without a period\n"
        '"We are ready." The talks resumed on Monday! Did they end? Nobody knows.'
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Army spokesman Maj. Gen. Pavel Orlov spoke on Feb. 24 in the U.S. capital.",
        "He said U.S. officials agreed.",
        "A headline without a period",
        '"We are ready."',
        "The talks resumed on Monday!",
        "Did they end?",
        "Nobody knows.",
    ]
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert [s.id for s in sentences] == list(range(1, 8))
    assert [s.in_lead for s in sentences] == [True, True, True, False, False, False, False]


def test_acronym_at_the_end_of_a_sentence() -> None:
    sentences = split_sentences("The envoy flew to the U.S. The visit lasted two days.")
    assert [s.text for s in sentences] == ["The envoy flew to the U.S.",
                                           "The visit lasted two days."]


def test_quote_closing_after_the_period() -> None:
    text = 'She said: "It is over." Then she left. “Never again.” He agreed.'
    assert [s.text for s in split_sentences(text)] == [
        'She said: "It is over."', "Then she left.", "“Never again.”", "He agreed.",
    ]


def test_initials_do_not_end_a_sentence() -> None:
    text = "John F. Kennedy spoke at 5 p.m. Moscow time on Friday."
    assert len(split_sentences(text)) == 1


def test_tokens_carry_absolute_offsets() -> None:
    text = "First one. Ukraine’s Gen. Ivanenko spoke."
    second = split_sentences(text)[1]
    words = [t.text for t in second.tokens]
    assert words == ["Ukraine", "’s", "Gen.", "Ivanenko", "spoke", "."]
    for t in second.tokens:
        assert text[t.start:t.end] == t.text
