"""Clause breaks: `clause_breaks` finds exactly what the pattern that defines them finds."""

from __future__ import annotations

import random
import re

import pytest

from summarizer.grounding.words import TextLayout, clause_breaks

# The definition (see `summarizer.grounding.words`): a clause ends at these, read by `finditer`.
CLAUSE_BREAK = re.compile(
    r"[;:()\u2014\u2013]|,\s|\s-\s|\b(?:while|whereas|but|although|though|compared)\b", re.IGNORECASE
)


def _reference(text: str) -> list[tuple[int, int]]:
    return [match.span() for match in CLAUSE_BREAK.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Costs rose 12%, while revenue fell 3%.",
        "Exports grew (by 4%) - imports did not; the deficit widened: to £3bn \u2014 a record \u2013 again.",
        "A, - B",  # the comma's break takes the space the spaced hyphen would start with
        " - - ",
        "-x - y -",
        "BUT Whereas ALTHOUGH though compared",
        "butter, whilest, thoughtful, uncompared",  # no break word inside another word
        "Wh\u0131le it grew, wh\u0130le it fell",  # case-free matching pairs "\u0131" and "\u0130" with "i"
        ",\u00a0x ,\u2009y -\u2003z",  # any white space
        "\u00e9but but\u00e9 _but but_ 1but",
    ],
)
def test_clause_breaks_are_the_patterns_matches(text: str) -> None:
    assert clause_breaks(text) == _reference(text)


def test_clause_breaks_match_the_pattern_on_random_text() -> None:
    rng = random.Random(5)
    letters = "wWhHiIlLeErRaAsSbBuUtTgGoOcCmMpPdD\u0131\u0130\u017f\u00e9"
    pieces = [*letters, *" ,;:()-\t\n\u00a0\u2013\u20141", "while", "but"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert clause_breaks(text) == _reference(text), text


def test_a_layout_cuts_a_sentence_at_its_clause_breaks() -> None:
    text = "Sales rose 12% in March, while costs fell 3%; profit doubled."
    layout = TextLayout.of(text)
    assert layout.clause_of(text.index("12%")) == (0, text.index(","))
    # (the break word is the break: the clause starts after it)
    assert layout.clause_of(text.index("3%")) == (text.index("while") + len("while"), text.index(";"))
