"""A time unit glued to an ordinal compound is no unit: "36 second-hand buses" counts buses."""

from __future__ import annotations

from figure_cases import nothing_flagged


def test_second_hand_is_no_span_of_seconds() -> None:
    # "36 second-hand buses" counts buses; "a 30-second advert" is a span
    article = "The depot took delivery of 36 second-hand buses and ran a 30-second advert for drivers."
    assert nothing_flagged(article, "The depot took 36 buses.")
    assert nothing_flagged(article, "Its advert for drivers lasted 30 seconds.")
