"""Class 6: terminal escapes and invisible characters neither split nor invent figures."""

from __future__ import annotations

import pytest
from figure_cases import flagged

from summarizer import text as text_module
from summarizer.figures import find_figures
from summarizer.grounding import verify
from summarizer.text import clean_text

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


def test_ascii_text_is_cleaned_of_every_character_the_full_search_finds() -> None:
    """ASCII text is tested for characters to clean by its bytes, other text by the regex search:
    each ASCII character the search finds is cleaned from ASCII text too, and the others are kept."""
    for code in range(128):
        char = chr(code)
        text = f"Sales rose{char}4% to 480m."
        unclean = text_module._ANY_UNCLEAN.search(char) is not None
        assert (clean_text(text) != text) == unclean, repr(char)
        assert (clean_text(text + "\u00a3") != text + "\u00a3") == unclean, repr(char)  # (not ASCII)
