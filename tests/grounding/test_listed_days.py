"""Days counted from listed dates (rule days-listed): "on 14 and 15 March" is two days, "from 3 to 5
June" three; another count of days, or days of dates not listed together, are not."""

from __future__ import annotations

import pytest
from figure_cases import flagged, status

_STRIKE = "Train drivers at Corran Rail will strike on 14 and 15 March after 81% voted for action."
_FAIR = "The Wexcombe fair runs from 3 to 5 June in the town park. A second fair opens on 20 August."


@pytest.mark.parametrize(
    ("article", "summary", "figure", "wrong"),
    [
        (_STRIKE, "Corran Rail drivers will strike for two days in March.", "two days", False),
        (_STRIKE, "Corran Rail drivers will strike for three days in March.", "three days", True),
        (_FAIR, "The Wexcombe fair lasts three days.", "three days", False),
        (_FAIR, "The Wexcombe fair lasts four days.", "four days", True),
    ],
)
def test_days_counted_from_listed_dates(article: str, summary: str, figure: str, wrong: bool) -> None:
    assert flagged(article, summary, figure) is wrong


def test_the_count_shows_its_dates() -> None:
    assert status(_STRIKE, "Corran Rail drivers will strike for two days in March.", "two days") == "derived"
