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
