"""What a figure measures, in the text's own words (`Frame.label`): the key figures' "measures" of
the extractive engine come from the same binding the check uses."""

from __future__ import annotations

import pytest

from summarizer.figures import find_figures
from summarizer.grounding.frames import FrameReader


def label(sentence: str, figure: str) -> str:
    figures = find_figures(sentence)
    found = [f for f in figures if figure in f.text]
    assert found, f"{figure!r} not read in {sentence!r}"
    return FrameReader(sentence, figures).frame(found[0]).label


@pytest.mark.parametrize(
    ("sentence", "figure", "measures"),
    [
        # the noun phrase after the figure, up to a preposition or a verb
        ("Last year the navy tested more than 30 cruise missiles at sea.", "30", "cruise missiles"),
        ("The agency says 25 percent of the weapons budget is wasted.", "25", "weapons budget"),
        ("About 4,000 seasonal workers working on farms were not paid.", "4,000", "seasonal workers"),
        # no noun of its own: the noun phrase a preposition ties it to
        ("The insurer puts the damage at $40 million.", "$40 million", "damage"),
        ("The council raised the parking fee to $5.", "$5", "parking fee"),
        # the end of a range measures what its start does
        ("Inflation rose from 5% of household income to 12%.", "12%", "household income"),
    ],
)
def test_a_figure_is_labelled_with_what_it_measures(sentence: str, figure: str, measures: str) -> None:
    assert label(sentence, figure) == measures


def test_a_figure_after_another_is_not_given_its_label_unless_it_ends_its_range() -> None:
    sentence = "The deal pairs a £90m lottery grant with £40m from two local banks."
    assert label(sentence, "£90m") == "lottery grant"
    assert "grant" not in label(sentence, "£40m")


def _context(sentence: str, figure: str) -> frozenset[str]:
    figures = find_figures(sentence)
    (found,) = [f for f in figures if f.text == figure]
    return FrameReader(sentence, figures).frame(found).context


def test_a_figure_after_an_aside_keeps_the_subject_before_the_aside() -> None:
    # ", 12 miles west," stands between the reservoir and its verb: the eight years are the reservoir's
    context = _context("The reservoir at Brenna, 12 miles west, took eight years to fill.", "eight years")
    assert {"reser", "brenn", "took"} <= context


def test_an_item_of_a_list_is_no_aside() -> None:
    context = _context("The storm flattened 12 homes, 30 sheds, and 4 barns in the valley.", "4")
    assert "home" not in context
