"""A multiple ("three times as many parcels as a year earlier") is the ratio of the two figures it
compares, rounded as the summary rounds it, and only of figures that count what it counts."""

from __future__ import annotations

import pytest
from figure_cases import status

_FOOD_BANK = (
    "The Oskerby food bank handed out 4,900 parcels this winter, up from 1,500 a year earlier, and "
    "its 60 volunteers worked 3,100 hours."
)


@pytest.mark.parametrize(
    "summary",
    [
        "The Oskerby food bank handed out more than three times as many parcels as a year earlier.",
        "The food bank gave out about three times as many parcels as last winter.",
        "Parcels handed out this winter: 3 times more than a year earlier.",
    ],
)
def test_a_multiple_of_a_changes_ends_is_derived(summary: str) -> None:
    assert status(_FOOD_BANK, summary, "three" if "three" in summary else "3") == "derived"


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Oskerby food bank handed out five times as many parcels as a year earlier.", "five"),
        ("The Oskerby food bank has three times as many volunteers as a year earlier.", "three"),
    ],
)
def test_a_wrong_multiple_or_one_of_another_thing_is_flagged(summary: str, figure: str) -> None:
    assert status(_FOOD_BANK, summary, figure) == "unsupported"


def test_how_often_is_no_multiple() -> None:
    assert status(_FOOD_BANK, "Volunteers met three times a week this winter.", "three") != "derived"
