"""Three readings mended in review: a count after "rose from" or "fell by" before a part of the day is a
level or a change, not an hour ("grew from 6 in the morning to 55"); a bare "as" before a year's own
thing gives a reason, not the value for that year (", as this year's reserve runs out"); and a delay
told at a sentence's start ("Delayed by seven months, ...") is the gap between the article's two
months as much as "seven months late" is."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status

from summarizer.figures import find_figures


@pytest.mark.parametrize(
    "text",
    [
        "The line at the Quenbarrow food bank grew from 6 in the morning to 55 by lunchtime.",
        "The Wexholt index fell by 3 in the afternoon after the vote.",
        "Bookings rose from about 8 in the morning to 30 at midday.",
    ],
)
def test_a_level_or_change_before_a_part_of_the_day_is_a_count(text: str) -> None:
    # ("at midday" is a time of its own since 3.208: only the numbers are asked about)
    kinds = {figure.kind for figure in find_figures(text) if figure.text[0].isdigit()}
    assert kinds == {"count"}


def test_an_hour_after_from_is_still_a_time() -> None:
    (figure,) = find_figures("The Ellowick market runs from 7 in the morning.")
    assert (figure.kind, figure.value) == ("time", 7.0)


_QUEUE = "The line at the Quenbarrow food bank grew from 6 in the morning to 55 by lunchtime, volunteers said."


def test_a_level_before_a_part_of_the_day_supports_the_summarys_count() -> None:
    assert nothing_flagged(_QUEUE, "The Quenbarrow food bank line grew from 6 to 55 by lunchtime.")


def test_a_changed_level_before_a_part_of_the_day_is_still_checked() -> None:
    assert flagged(_QUEUE, "The Quenbarrow food bank line grew from 9 to 55 by lunchtime.", "9")


_RESERVE = "The Harrowgill trust will spend £4m on grants next year, as this year's reserve runs out."
_SAME = "The Harrowgill trust will spend £4m on grants next year, the same as this year."


def test_a_value_for_next_year_with_a_reason_about_this_year_is_not_this_years() -> None:
    assert status(_RESERVE, "The Harrowgill trust spends £4m on grants this year.", "£4m") == "misattributed"


def test_a_value_told_the_same_as_this_year_is_still_this_years() -> None:
    assert nothing_flagged(_SAME, "The Harrowgill trust spends £4m on grants this year.")
    assert nothing_flagged(_RESERVE, "The Harrowgill trust will spend £4m on grants next year.")


_VIADUCT = "The Pelstone viaduct was due to reopen in March 2026 but is now expected in October 2026."


def test_a_delay_told_at_the_sentences_start_is_the_gap_between_two_months() -> None:
    assert nothing_flagged(_VIADUCT, "Delayed by seven months, the Pelstone viaduct is still shut.")


def test_a_wrong_delay_at_the_sentences_start_is_still_flagged() -> None:
    assert flagged(_VIADUCT, "Delayed by five months, the Pelstone viaduct is still shut.", "five months")
