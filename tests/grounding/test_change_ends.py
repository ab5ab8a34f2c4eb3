"""The ends and the size of a change: a level is not the size of a change, nor its start the level of now."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged


def test_a_part_with_its_whole_is_still_the_end_of_its_change() -> None:
    article = "The Reform Bloc held 27 of the 60 seats after the vote, down from 33, and lost its majority."
    assert flagged(article, "The Reform Bloc lost 27 seats and its majority.", "27")
    assert nothing_flagged(article, "The Reform Bloc now holds 27 of the 60 seats, down from 33.")


def test_a_level_with_its_own_change_is_no_change_s_size() -> None:
    article = (
        "Harbourline carried 2.8 million passengers in March, up 6.1% on the same month last year, "
        "the ferry operator said."
    )
    assert flagged(article, "Harbourline's passenger numbers rose by 2.8 million in March.", "2.8 million")
    assert nothing_flagged(article, "Harbourline carried 2.8 million passengers in March, up 6.1%.")


def test_a_flow_with_its_own_change_is_what_was_added() -> None:
    article = "The hospice hired 35 nurses last year, up 10% on the year before, its report said."
    assert nothing_flagged(article, "The hospice added 35 nurses last year.")


def test_a_level_in_per_cent_is_no_rise_in_points() -> None:
    # (8.0% - 1.8% is 6.2 too, for other things: no derivation excuses it)
    article = (
        "Annual rent inflation in the city edged up to 6.2% from 5.9% in March, the survey said. "
        "Vacancies were 8.0% in the north and 1.8% in the south."
    )
    assert flagged(article, "Annual rent inflation rose by 6.2 percentage points in March.", "6.2 percentage points")
    assert nothing_flagged(article, "Annual rent inflation rose by 0.3 percentage points to 6.2% in March.")


def test_a_size_and_the_level_it_reached_swapped_are_flagged() -> None:
    article = "Shares in Tolland Mining closed up 14p at 286p on Friday after the results."
    assert flagged(article, "Tolland Mining shares closed up 286p at 14p on Friday.", "286p")
    assert nothing_flagged(article, "Tolland Mining shares closed up 14p at 286p on Friday.")
    assert nothing_flagged(article, "Tolland Mining shares ended the week at 286p.")


def test_a_rise_in_points_is_not_taken_for_another_thing_s_level() -> None:
    # the 6% is unemployment's level; the vote rose from 12% to 18%
    article = "The Liberal share of the vote was 18%, up from 12% in 2019. Unemployment in the region has fallen to 6%."
    assert not flagged(article, "The Liberal vote rose by 6 percentage points since 2019.", "6 percentage points")
