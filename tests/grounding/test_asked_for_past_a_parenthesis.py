"""A figure told as asked for keeps that reading when a parenthesis stands between the asking noun and
its verb ("the union's claim, lodged on Friday, is 7%"): the words before the first comma are the
stretch's subject."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged

_CLAIM = "Nurses at Pomberry General are seeking a pay rise of 7%, their union said."


def test_a_claim_told_past_a_parenthesis_is_the_asked_change() -> None:
    assert nothing_flagged(_CLAIM, "The Pomberry nurses' claim, lodged on Friday, is 7%.")
    assert nothing_flagged(_CLAIM, "Their demand, put to Pomberry General on Friday, is 7%.")


def test_a_level_told_past_a_parenthesis_is_still_no_asked_change() -> None:
    assert flagged(_CLAIM, "Pay for Pomberry nurses, set on Friday, is 7%.", "7%")
