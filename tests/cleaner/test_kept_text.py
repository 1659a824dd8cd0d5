"""Article sentences that look like boilerplate in one word or two stay in the text.

Each sentence here is reporting with a phrase that boilerplate uses too
("register for", "become a member", "credit:", "Published", "(c)", "may not
be published", "Follow-"); an earlier version of the rules removed sentences
like these. The rules now
judge the form around the phrase (who is addressed, what follows a label,
whether a time follows a stamp's word), so the sentence is kept wherever it
stands, including as the last paragraph of the body, where the edge rules
look for stamps and bios.
"""

from __future__ import annotations

import pytest

from services.cleaner.boilerplate import strip_boilerplate

STORY = [
    "Flood waters reached the first floor of forty homes in Alder Creek on Saturday, the "
    "county's emergency office said.",
    "The creek rose nearly two metres in six hours after a storm stalled over the hills west "
    "of the town, according to the regional weather service.",
    "Crews worked through the night to shore up a levee near the water treatment plant, and "
    "by Sunday morning the river had begun to fall.",
]

KEPT = [
    "Farmers in the lower valley can register for frost alerts by text message from the "
    "agriculture office.",
    "The town council voted to apply to become a member of the regional water cooperative, "
    "which would share the cost of new pumps.",
    "Moldova has long wanted to become a member of the European grid operators' network, "
    "which would steady its power supply.",
    "Owners of flooded shops will be offered a tax credit: 30 percent of their repair bills.",
    "Season-ticket holders get unlimited access to the ice rink, which is serving as a relief "
    "centre this week.",
    "The new bylaw bans (a) open fires, (b) fireworks and (c) sky lanterns in the park during "
    "the dry season.",
    "Under the settlement, the report may not be published until both sides have read it.",
    "Follow-on checks with X-ray cameras showed the dam's spillway was sound.",
]

LAST = [
    "Published accounts differ on how the fire started.",
    "Updated forecasts will be issued on Friday.",
    "Produced by the regional planning office, the study recommends raising the levee by a "
    "metre.",
]


@pytest.mark.parametrize("sentence", KEPT, ids=lambda s: s[:30])
@pytest.mark.parametrize("where", [1, 3])  # inside the story, and as its last paragraph
def test_reporting_with_a_boilerplate_phrase_is_kept(sentence: str, where: int) -> None:
    body = [*STORY[:where], sentence, *STORY[where:]]
    result = strip_boilerplate(body)
    assert result.kept == body, [r.kind for r in result.removed]


@pytest.mark.parametrize("sentence", LAST, ids=lambda s: s[:30])
def test_the_story_s_last_sentence_is_not_a_stamp_or_a_credit(sentence: str) -> None:
    body = [*STORY, sentence]
    result = strip_boilerplate(body)
    assert result.kept == body, [r.kind for r in result.removed]


def test_a_quoted_call_for_help_does_not_swallow_the_story_after_it() -> None:
    reporting = [
        "Three hikers have been missing in the Alder Range since Thursday, and the sheriff's "
        "office said the search would widen to the northern ridges.",
        "Two helicopters from the state police joined the search on Saturday, flying grids over "
        "the valley until the cloud came down in the afternoon.",
        "The hikers, two brothers and a friend from the coast, had planned a three-day trip and "
        "left a route with a ranger before they set out.",
    ]
    body = [STORY[0], "We need your help finding them before the weather turns.", *reporting,
            "Those who cannot join the search can still contribute today.", STORY[1]]
    result = strip_boilerplate(body)
    for paragraph in reporting:
        assert paragraph in result.kept
    assert STORY[0] in result.kept and STORY[1] in result.kept


def test_an_appeal_block_written_to_the_reader_is_still_removed_whole() -> None:
    appeal = [
        "We need your help.",
        "Our reporters were the first at the levee on Saturday night, and we will stay with "
        "the story as long as you need us.",
        "Every gift from readers like you keeps that reporting free for everyone.",
        "Support us today.",
    ]
    result = strip_boilerplate([STORY[0], *appeal, STORY[1]])
    assert result.kept == STORY[:2]
    assert [r.kind for r in result.removed] == ["donation_appeal"]
