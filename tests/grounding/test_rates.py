"""A rate's total over its span (rule rate-over-span): "about 310,000 ounces a year over a 14-year
life" make "roughly 4.3 million ounces in all"; another total, a total of another rate's thing, or
the rate itself told as a total are not."""

from __future__ import annotations

import pytest
from figure_cases import flagged, status

_QUARRY = (
    "The Brenmoor quarry is expected to produce about 410,000 tonnes of slate a year over a 12-year life. "
    "It will employ 260 people and pay £3.1m a year in rates."
)


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("The Brenmoor quarry should yield roughly 4.9 million tonnes of slate in all.", "4.9 million", False),
        ("The Brenmoor quarry should yield roughly 6.9 million tonnes of slate in all.", "6.9 million", True),
        # the rate's thing is what the total counts: no 37 million of slate from the rates it pays
        ("The Brenmoor quarry should yield about 37 million tonnes of slate in all.", "37 million", True),
    ],
)
def test_a_total_of_a_rate_over_its_span(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_QUARRY, summary, figure) is wrong


def test_the_total_shows_its_working() -> None:
    summary = "The Brenmoor quarry should yield roughly 4.9 million tonnes of slate in all."
    assert status(_QUARRY, summary, "4.9 million") == "derived"
