"""The second pass drops boilerplate trafilatura keeps, and keeps reporting that looks similar."""

import pytest

from services.cleaner.boilerplate import strip_boilerplate

BODY = [
    "The regional council voted on Thursday to rebuild the flooded bridge by spring.",
    "Engineers said the work would cost about 40 million euros.",
]


@pytest.mark.parametrize(
    ("boilerplate", "kind"),
    [
        ("🎙️ Voice is AI-generated. Inconsistencies may occur.", "audio_notice"),
        ("Skip to main content", "navigation"),
        ("Related Topics", "related"),
        ("Updated: 14:05 GMT, March 3, 2026", "stamp"),
        ("April 8, 2026 11:00am", "stamp"),
        ("Tuesday, 3 March 2026 14:05 GMT", "stamp"),
        ("Source: Harbour Herald and news agencies", "source_line"),
        ("Volunteers clear debris near the old mill on March 2, 2026. "
         "JOHN SMITH/AFP via Getty Images", "photo_credit"),
        ("A flooded street in the lower town on Monday [File: Ana Ruiz/Reuters]", "photo_credit"),
        ("About the writer", "author_bio"),
        ("Maria Lind is a senior reporter covering local government and transport. Read more",
         "author_bio"),
        ("Sign up for our morning newsletter to get the day's top stories.", "subscription"),
        ("Share this article", "share_prompt"),
        ("We use cookies to improve your experience on our site.", "cookie_notice"),
    ],
)
def test_each_kind_of_line_is_removed_and_recorded(boilerplate: str, kind: str) -> None:
    result = strip_boilerplate([BODY[0], boilerplate, BODY[1]])
    assert result.kept == BODY
    assert [r.kind for r in result.removed] == [kind]
    assert result.removed[0].length == len(boilerplate)


def test_donation_appeal_block_is_removed_whole() -> None:
    appeal = [
        "A Message from The Harbour Herald:",
        "Dear readers, independent reporting costs money and we rely on you.",
        "Every contribution, however small, keeps our newsroom open.",
        "Support us from just $2. Remind me later.",
    ]
    result = strip_boilerplate([BODY[0], *appeal, BODY[1]])
    assert result.kept == BODY
    assert [r.kind for r in result.removed] == ["donation_appeal"]
    assert result.removed[0].length == len("\n".join(appeal))


def test_reporting_about_support_and_donations_is_kept() -> None:
    reporting = [
        "Dear readers of the council's newsletter were told the bridge would reopen in May.",
        "Residents pledged to support the rebuilding effort and donate materials.",
        "The charity said donations had reached 2 million euros since the flood.",
    ]
    result = strip_boilerplate(reporting)
    assert result.kept == reporting and result.removed == []


@pytest.mark.parametrize("tail", ["The Harbour Herald", "Herald", "harbourherald.example"])
def test_trailing_site_name_is_removed(tail: str) -> None:
    names = {"The Harbour Herald", "harbourherald.example"}
    result = strip_boilerplate([*BODY, tail], site_names=names)
    assert result.kept == BODY and [r.kind for r in result.removed] == ["site_name"]


def test_a_sentence_naming_the_site_is_kept() -> None:
    line = "The Herald reported the closure first."
    assert strip_boilerplate([line], site_names={"The Harbour Herald"}).kept == [line]


def test_a_kind_can_be_switched_off() -> None:
    result = strip_boilerplate([BODY[0], "Related Topics"], disabled={"related"})
    assert result.kept == [BODY[0], "Related Topics"] and result.removed == []
