"""Class 4, misattribution: a unit is no subject. "rose 9 points to 41%" and "fell by 12 points to
30%" share the word "points" whatever each is about; it must not move a value to the other."""

from __future__ import annotations

from figure_cases import flagged

ARTICLE = "The Greens took 18% of the vote, a rise of 4 points, while the Liberals' share fell by 6 points to 11%."


def test_a_change_in_points_keeps_its_own_level() -> None:
    assert not flagged(ARTICLE, "The Greens' vote share rose 4 points to 18%.", "18%")


def test_the_other_change_keeps_its_own_level_too() -> None:
    assert not flagged(ARTICLE, "The Liberals' share dropped 6 percentage points to 11%.", "11%")
