"""Amounts shared out in one article sentence: a share of a whole the summary gives, an amount per
unit or per period. Worked out right they are derived; worked out wrong, or from figures the article
does not tie together, they are flagged."""

from __future__ import annotations

import pytest
from figure_cases import flagged, status

_HOMES = "Norsea council has approved plans for 3,200 homes at Brinton Quay, of which 25% will be affordable."
_GRANT = "The Colne Trust will receive £240m from the research council over the next six years, it said on Monday."
_BUYING = "Oxcombe council plans to buy 250 flats over three years at a cost of £85m to house homeless families."


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_HOMES, "About 800 of the 3,200 Brinton Quay homes will be affordable.", "About 800"),
        (_GRANT, "The Colne Trust's grant works out at £40m a year.", "£40m"),
        (_BUYING, "Oxcombe will buy 250 flats for £85m, about £340,000 each.", "about £340,000"),
    ],
)
def test_an_amount_shared_out_right_is_derived(article: str, summary: str, figure: str) -> None:
    assert status(article, summary, figure) == "derived"


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_HOMES, "About 1,100 of the 3,200 Brinton Quay homes will be affordable.", "About 1,100"),
        (_GRANT, "The Colne Trust's grant works out at £60m a year.", "£60m"),
        (_BUYING, "Oxcombe will buy 250 flats for £85m, about £280,000 each.", "about £280,000"),
    ],
)
def test_an_amount_shared_out_wrong_is_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


def test_a_share_of_a_whole_the_summary_does_not_give_is_not_worked_out() -> None:
    # 25% of 3,200 is 800, but the summary says nothing of the 3,200 homes it would be a part of
    assert flagged(_HOMES, "Brinton Quay will have 800 new parking spaces.", "800")


_APPEALS = "Some 3,600 appeals were lodged at Colne College last year, of which about one in nine succeeded."


def test_a_part_told_beside_its_whole_and_share_is_derived() -> None:
    summary = "About one in nine of Colne College's 3,600 appeals last year, roughly 400, succeeded."
    assert status(_APPEALS, summary, "roughly 400") == "derived"
    assert flagged(_APPEALS, summary.replace("roughly 400", "roughly 600"), "roughly 600")
