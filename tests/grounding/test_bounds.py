"""Class 1: a bound turned round ("fewer than 200" from "more than 200") is flagged; a bound kept is not."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

ARTICLE = (
    "The charity said more than 200 staff had left since March. At least 3,000 homes in the valley lost "
    "power on Sunday, and up to 40 schools may stay shut. Fewer than 90 buses ran on the route."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Fewer than 200 staff have left the charity since March.", "200"),
        ("Under 200 staff have left the charity.", "200"),
        ("Up to 3,000 homes in the valley lost power.", "3,000"),
        ("At least 40 schools may stay shut.", "40"),
        ("More than 90 buses ran on the route.", "90"),
    ],
)
def test_a_bound_turned_round_is_flagged(summary: str, figure: str) -> None:
    assert flagged(ARTICLE, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Over 200 staff have left the charity since March.", "200"),
        ("More than 200 staff have left.", "200"),
        ("At least 3,000 homes lost power.", "3,000"),
        ("As many as 40 schools may stay shut.", "40"),
        ("Fewer than 90 buses ran on the route.", "90"),
        ("Less than 90 buses ran.", "90"),
    ],
)
def test_the_same_bound_in_other_words_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(ARTICLE, summary, figure)


def test_a_lower_bound_that_an_exact_figure_breaks_is_flagged() -> None:
    article = "The hospital treated 230 patients over the weekend."
    assert not flagged(article, "More than 200 patients were treated.", "200")
    assert flagged(article, "Fewer than 200 patients were treated.", "200")


def test_nearing_and_approaching_are_bounds_from_below() -> None:
    article = "The 49-year-old singer said she would keep touring. Some 980 fans waited outside."
    assert not flagged(article, "Nearing 50, singer vows to keep touring", "50")
    assert flagged(article, "Nearing 60, singer vows to keep touring", "60")
    assert not flagged(article, "Approaching 1,000 fans waited outside.", "1,000")
    assert flagged(article, "Approaching 2,000 fans waited outside.", "2,000")


def test_a_round_bound_from_below_reaches_a_fifth_of_its_value_at_most() -> None:
    article = "The flood death toll rose to 47 on Tuesday, officials said."
    assert not flagged(article, "Flood toll nears 50", "50")
    assert flagged(article, "Flood toll nears 1,000", "1,000")
    assert flagged(article, "Up to 100 people died in the floods.", "100")
    # from above, a round bound keeps its step: "more than 40" holds for 47
    assert not flagged(article, "More than 40 people died in the floods.", "40")


_ESTIMATES = (
    "Fraud losses could reach up to £2bn a year, the report's title says. The regulator puts the "
    "losses at £1.4bn, while an insurers' trade body estimates more than £2bn a year."
)


def test_a_bound_turned_round_is_flagged_beside_an_occurrence_about_something_else() -> None:
    # "up to £2bn" agrees with "less than £2bn", but the trade body's own estimate is "more than"
    assert flagged(_ESTIMATES, "An insurers' trade body estimates less than £2bn a year.", "£2bn")
    assert not flagged(_ESTIMATES, "An insurers' trade body estimates more than £2bn a year.", "£2bn")
    assert not flagged(_ESTIMATES, "Losses could reach up to £2bn a year.", "£2bn")


_DAMAGE = "Insurers estimate the damage at between €800m and €1.1bn."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Insurers put the damage at more than €1.1bn.", "more than €1.1bn"),
        ("Insurers put the damage at less than €800m.", "less than €800m"),
    ],
)
def test_a_bound_pointing_out_of_the_articles_range_is_unsupported(summary: str, figure: str) -> None:
    assert flagged(_DAMAGE, summary, figure)


@pytest.mark.parametrize(
    "summary", ["Insurers put the damage at up to €1.1bn.", "Insurers put the damage at no less than €800m."]
)
def test_a_bound_inside_the_articles_range_holds(summary: str) -> None:
    assert nothing_flagged(_DAMAGE, summary)


def test_a_change_by_an_amount_to_a_level_is_no_range() -> None:
    article = "Turnover fell by £1m to just over £100m in the year."
    assert nothing_flagged(article, "Turnover fell by £1m to just over £100m in the year.")


def test_a_bound_rounded_towards_the_way_it_points_holds() -> None:
    article = "Gusts of more than 110km/h hit the headland, and fewer than 1,950 households kept their power."
    assert not flagged(article, "Gusts of more than 100km/h hit the headland.", "more than 100km/h")
    assert not flagged(article, "Fewer than 2,000 households kept their power.", "Fewer than 2,000")


def test_a_bound_already_as_round_as_the_summary_is_another_claim() -> None:
    article = "More than 50 climbers were stranded on the ridge, and nearly $900m was pledged for repairs."
    assert flagged(article, "More than 40 climbers were stranded on the ridge.", "More than 40")
    assert flagged(article, "Nearly $1bn was pledged for repairs.", "Nearly $1bn")
    assert flagged(article, "Fewer than 40 climbers were stranded on the ridge.", "Fewer than 40")


# A lower bound on a share is worked out from the summary's own whole, and a gap in points is no
# share of two counts.
CLUB = (
    "Pelsworth have won 19 of their 30 matches under coach Amberlode, who arrived in 2022. The club "
    "has 25 senior players and 16 juniors. Its ground, Cranmoor, holds 9,000. Pelsworth's pass rate "
    "was 58.6% this season, against a league average of 57.1%; 44 of its 1,250 tickets went unsold."
)


def test_a_bound_over_the_share_of_the_summarys_own_whole_is_flagged() -> None:
    # 19 of 30 is 63%, not more than two-thirds (19 of the 25 senior players would be 76%)
    assert flagged(CLUB, "Pelsworth have won more than two-thirds of their 30 matches.", "two-thirds")


def test_a_gap_in_points_is_no_share_of_two_counts() -> None:
    # 58.6% - 57.1% is 1.5 points; 44 of 1,250 tickets (3.5%) is no gap
    assert flagged(CLUB, "Pelsworth's pass rate beat the league average by more than three percentage points.", "three")


def test_a_bound_the_share_of_the_summarys_whole_keeps_is_not_flagged() -> None:
    assert nothing_flagged(CLUB, "Pelsworth have won more than half of their 30 matches.")
    assert nothing_flagged(CLUB, "Pelsworth have won more than 60% of their 30 matches.")
    assert nothing_flagged(CLUB, "Pelsworth's pass rate beat the league average by 1.5 percentage points.")
