"""The project's one stemmer (`summarizer.text.stem`): words that say one thing compare equal."""

from __future__ import annotations

import pytest

from summarizer.text import stem


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("boys", "boys'", "boy's", "boy"), True),
        (("firms", "firms'", "firm's"), True),
        (("boss", "boss's"), True),
        (("boys'", "girls'"), False),
    ],
)
def test_possessives_stem_as_their_nouns(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(word) for word in words}) == 1) == same


def test_a_possessive_keeps_the_letters_of_its_noun() -> None:
    # only the possessive goes: "boss's" is not "bo" (a two-letter stem, read as no word at all)
    assert stem("boss's") == stem("boss") != ""


def test_stop_words_and_short_words_have_no_stem() -> None:
    assert stem("the") == stem("of") == ""
