"""A difference told against something ("19 points ahead of Colne", "12 fewer seats than the
Greens"): turned round against the same thing it is flagged; told from the other side it is not."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

_TABLE = (
    "Quenby Rovers won the Norsea League on 88 points, 14 points ahead of second-placed Colne Athletic, "
    "and scored 23 more goals than any other side."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Quenby Rovers finished 14 points behind Colne Athletic in the Norsea League.", "14"),
        ("Quenby Rovers scored 23 fewer goals than any other side in the Norsea League.", "23"),
    ],
)
def test_a_difference_turned_round_against_the_same_side_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_TABLE, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "Quenby Rovers won the Norsea League, finishing 14 points ahead of Colne Athletic.",
        "Colne Athletic finished 14 points behind Quenby Rovers in the Norsea League.",
        "Quenby Rovers scored 23 more goals than any other Norsea League side.",
    ],
)
def test_a_difference_told_either_way_from_its_own_side_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_TABLE, summary)
