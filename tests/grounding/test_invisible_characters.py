"""Class 6: terminal escapes and invisible characters neither split nor invent figures."""

from __future__ import annotations

import pytest
from figure_cases import flagged

from summarizer.figures import find_figures
from summarizer.grounding import verify

ESCAPED = "The \x1b[31mport\x1b[0m will receive £480m over ten years."
ZERO_WIDTH = "The port will receive £480\u200bm over ten years."


def test_an_escape_sequence_is_not_a_figure() -> None:
    report = verify(ESCAPED, "The port will receive £480m.")
    assert [c.text for c in report.figures] == ["£480m"]
    assert report.ok


def test_an_escape_in_the_summary_is_not_a_figure() -> None:
    report = verify("The port will receive £480m.", "The \x1b[1;31mport\x1b[0m will receive £480m.")
    assert [c.text for c in report.figures] == ["£480m"]


def test_a_zero_width_space_does_not_split_a_figure() -> None:
    assert not flagged(ZERO_WIDTH, "The port will receive £480m.", "480")
    assert not flagged("The port will receive £480m.", "The port gets £480\u200bm.", "480")


def test_a_changed_figure_behind_invisible_characters_is_still_flagged() -> None:
    assert flagged(ZERO_WIDTH, "The port will receive £580m.", "580")
    assert flagged(ESCAPED, "The port will receive £480bn.", "480")


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The fund lost 5 b\u0131ll\u0131on dollars.", "5 b\u0131ll\u0131on dollars"),
        ("Le\u017f\u017f than 40 people came.", "Le\u017f\u017f than 40"),
        ("A max\u0131mum of 5 boats sank.", "A max\u0131mum of 5"),
        ("It was 7 \u212am long.", "7 \u212am"),
    ],
)
def test_letters_that_case_free_matching_takes_for_ascii_ones_are_read_as_them(text: str, figure: str) -> None:
    found = find_figures(text)
    assert figure in [f.text for f in found]
    assert all(text[f.start : f.end] == f.text for f in found)
    assert verify(text, text).ok
