"""Faithful summaries that merge and compress: two changes joined in one clause ("rose to A from B
while C fell to D from E"), a comparison whose earlier time is left off ("£8.4m against £7.9m"), and
two amounts each told with its giver after it ("£35,000 from the council and £22,000 from firms"),
and "number" as a verb ("the crews number 46 volunteers"), not a rank."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

from summarizer.figures import find_figures

_THEFTS = (
    "Police in Marrowby recorded 312 burglaries last year, up from 270. Car thefts fell slightly, to 188 "
    "from 205, and reports of criminal damage were unchanged at 940."
)
_GATE = (
    "The Kessock Arena's ticket income came to £8.4m, against £7.9m a year earlier. Catering brought in "
    "£2.6m, and the arena staged 61 concerts, against 54 the year before."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Burglaries rose to 312 from 270 while car thefts fell to 188 from 205.",
        "Burglaries went up to 312 from 270 and car thefts fell to 188 from 205.",
    ],
)
def test_two_changes_joined_in_one_clause_keep_their_own_ends(summary: str) -> None:
    assert nothing_flagged(_THEFTS, summary)


def test_a_change_whose_end_is_moved_across_the_join_is_still_flagged() -> None:
    assert flagged(_THEFTS, "Burglaries rose to 312 from 205 while car thefts fell to 188.", "205")


@pytest.mark.parametrize(
    "summary",
    [
        "Ticket income came to £8.4m against £7.9m, and the arena staged 61 concerts.",
        "The arena staged 61 concerts against 54, with ticket income of £8.4m.",
    ],
)
def test_a_comparison_with_its_earlier_time_left_off_keeps_its_order(summary: str) -> None:
    assert nothing_flagged(_GATE, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Ticket income came to £7.9m against £8.4m.", "£7.9m"),
        ("The arena staged 54 concerts against 61.", "54"),
    ],
)
def test_a_comparison_told_the_other_way_round_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_GATE, summary, figure)


_FESTIVAL = (
    "The Harwick folk festival cost £90,000 to stage this year. The town council paid £35,000 and local "
    "firms gave £22,000, while ticket sales raised the rest."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Organisers received £35,000 from the council and £22,000 from local firms.",
        "The festival got £35,000 from the council as well as £22,000 from local firms.",
    ],
)
def test_who_gave_the_figure_before_is_not_the_next_figures_subject(summary: str) -> None:
    assert nothing_flagged(_FESTIVAL, summary)


def test_two_givers_exchanged_by_name_are_still_flagged() -> None:
    assert flagged(_FESTIVAL, "Local firms gave £35,000 and the council £22,000.", "£35,000")


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "The island's lifeboat crews number 46 volunteers, and 12 of them are women.",
            "The island has 46 lifeboat volunteers, 12 of them women.",
        ),
        (
            "Orchard Lane's allotment holders now number 1,150, the society said.",
            "The society has 1,150 allotment holders.",
        ),
    ],
)
def test_number_as_a_verb_gives_a_count_not_a_rank(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The world number 3 lost in the second round.", "number 3"),
        ("This number 7 bus runs every hour.", "number 7"),
        ("The single reached number 2 in the charts.", "number 2"),
    ],
)
def test_a_rank_after_number_stays_a_name(text: str, figure: str) -> None:
    assert next((found.text, found.kind) for found in find_figures(text)) == (figure, "name")
