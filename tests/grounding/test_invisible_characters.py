"""Class 6: terminal escapes and invisible characters neither split nor invent figures."""

from __future__ import annotations

from figure_cases import flagged

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
