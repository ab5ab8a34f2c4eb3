"""False alarms on compact and reworded summaries: a percentage's sign told as its change ("(-9%)",
"(+4%)"), and a measure's unit, once told, left off (or put back) on a precise number."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status

_DAIRY = (
    "The Ottery creamery sold 6,820 wheels of cheese last year, 9% fewer than in 2024, while its butter "
    "sales rose 4% to £3.6m and its yoghurt sales slipped 2% to £1.9m."
)
_QUARRY = (
    "The Brenlow quarry shipped 2.45 million tonnes of limestone in 2025. Its gravel output went from "
    "318,000 tonnes to 296,500, and sand from 141,200 to 150,800."
)
_DIVERS = "The median age of the club's 212 divers rose to 38.6 years, and its youngest member is 12."


@pytest.mark.parametrize(
    "summary",
    [
        "Cheese: 6,820 wheels (-9%). Butter: £3.6m (+4%). Yoghurt: £1.9m (-2%).",
        "The creamery's butter sales reached £3.6m (+4%), while cheese fell to 6,820 wheels (-9%).",
    ],
)
def test_a_signed_percentage_is_the_size_of_its_change(summary: str) -> None:
    assert nothing_flagged(_DAIRY, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Cheese: 6,820 wheels (-4%). Butter: £3.6m (+9%).", "-4%"),
        ("Cheese: 6,820 wheels (-9%). Butter sales: £3.6m (-4%).", "-4%"),
        ("Cheese: 6,820 wheels (-9%). Yoghurt sales: £1.9m (+2%).", "2%"),
        ("Cheese: 6,820 wheels (-11%). Butter: £3.6m (+4%).", "-11%"),
    ],
)
def test_a_signed_percentage_of_another_change_or_way_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_DAIRY, summary, figure)


def test_a_minus_sign_the_article_also_gives_is_a_value_below_zero() -> None:
    article = "Output changed by -0.4% in the third quarter, after 1.2% growth in the second."
    assert status(article, "Output: -0.4% in the third quarter.", "-0.4%") == "supported"
    assert flagged(article, "Output: -1.2% in the third quarter.", "-1.2%")


@pytest.mark.parametrize(
    "summary",
    [
        "Brenlow shipped 2.45 million of limestone last year.",
        "Limestone: 2.45 million. Gravel: 296,500, from 318,000.",
        "Sand output rose to 150,800 tonnes from 141,200 tonnes.",
        "Median age: 38.6. Divers: 212.",
    ],
)
def test_a_precise_number_keeps_its_unit_told_once(summary: str) -> None:
    article = _DIVERS if "Median" in summary else _QUARRY
    assert nothing_flagged(article, summary)


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_QUARRY, "Gravel: 296,500, from 381,000.", "381,000"),
        (_QUARRY, "Sand output rose to 150,800 tonnes from 296,500 tonnes.", "296,500"),
        (_DIVERS, "Median age: 36.8. Divers: 212.", "36.8"),
        # a small round number is no unit left off: "12" is not the youngest member's 12 years
        (_DIVERS, "The club has 12 divers.", "12"),
    ],
)
def test_a_precise_number_of_another_value_is_still_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)
