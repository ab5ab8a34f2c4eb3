"""A letter or word beside a number that belongs to a unit or a span, not to the number: "7.1 t/ha" is
no 7.1 trillion, "stage 14 minutes" no "Stage 14"."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

from summarizer.figures import find_figures

_HARVEST = "Wheat yields on the Carrowdale estate averaged 7.1 t/ha, against 6.4 t/ha last year, in winds of 30 m/s."
_LAUNCH = (
    "The rocket's upper stage 14 minutes after lift-off released two weather satellites; "
    "stage 2 of the mission begins in May."
)


def test_a_scale_letter_before_a_slash_is_a_units() -> None:
    readings = {figure.text: figure.value for figure in find_figures(_HARVEST)}
    assert readings["7.1"] == 7.1
    assert readings["30"] == 30.0
    assert nothing_flagged(_HARVEST, "Yields rose to 7.1 t/ha from 6.4 t/ha.")
    assert flagged(_HARVEST, "Yields rose to 8.1 t/ha from 6.4 t/ha.", "8.1")
    # a scale before a slash and a word that is no unit is still a scale
    assert [figure.value for figure in find_figures("costs of £4m/year")] == [4_000_000.0]


@pytest.mark.parametrize(
    "summary",
    [
        "The upper stage released two satellites 14 minutes after lift-off.",
        "Stage 2 of the mission begins in May.",
    ],
)
def test_a_span_after_a_stage_word_is_no_name(summary: str) -> None:
    assert nothing_flagged(_LAUNCH, summary)


def test_a_wrong_span_after_a_stage_word_is_flagged() -> None:
    assert flagged(_LAUNCH, "The upper stage released two satellites 18 minutes after lift-off.", "18 minutes")
