"""A figure turned round: a loss told as a gain, a fall as a rise, read from the words of change
beside it (a verb, "up"/"down", or a change's noun: "a loss of four")."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

_COUNCIL = (
    "In the Colne council elections, the Brinton Party won 31 of the 55 seats, a loss of four, while the "
    "Quenby Party gained six to reach 17."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Brinton Party won 31 seats on Colne council, a gain of four.", "four"),
        ("The Quenby Party lost six seats on Colne council and now holds 17.", "six"),
    ],
)
def test_a_loss_of_seats_told_as_a_gain_and_back_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_COUNCIL, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "The Brinton Party won 31 seats on Colne council, a loss of four.",
        "The Quenby Party gained six seats on Colne council to reach 17.",
    ],
)
def test_a_loss_of_seats_told_as_one_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_COUNCIL, summary)


def test_a_loss_of_money_is_a_deficit_not_a_fall() -> None:
    article = "Oxcombe Rovers made a loss of £4.2m last season, against a loss of £2.9m the year before."
    assert nothing_flagged(article, "Oxcombe Rovers' loss grew to £4.2m last season.")
