"""Three ways news states figures that the check misread: the other end of a change after a few
words that finish the clause ("waited 14 weeks for a test, up from 9"), the items of a comma list
("£18,000 on a roof, £7,500 on laptops"), each of which owns the words after it, and figures a
summary joins from two sentences, each with its own words ("£21m went in dividends and the chief
executive received £2.2m")."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

WAITS = (
    "Learner drivers in the county waited longer for a practical test last year. The average wait "
    "rose from 9 weeks to 14 weeks, the licensing agency said, and 11 test centres cut their opening hours."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Learners waited 14 weeks for a test, up from 9.",
        "Learners now wait 14 weeks on average, up from 9 a year before.",
        "The wait reached 14 weeks last year, compared with 9.",
    ],
)
def test_the_other_end_after_a_few_words_keeps_the_unit(summary: str) -> None:
    assert not flagged(WAITS, summary, "9")


def test_a_bare_other_end_equal_to_a_count_of_something_else_is_flagged() -> None:
    # the 11 is a count of weeks here, not the article's 11 test centres
    assert flagged(WAITS, "Learners waited 14 weeks for a test, up from 11.", "11")


def test_a_bare_count_after_a_count_keeps_its_own_reading() -> None:
    # a count has no unit to pass on: "11 centres ..., up from 9" is not read as weeks
    assert flagged(WAITS, "Some 14 centres cut their hours, up from 11.", "14")


SPENDING = (
    "Detectives say the fraud ran for four years. The court heard that Dorran had spent £52,000 on a "
    "holiday flat in Lisbon, £31,000 on racehorses and £6,000 on watches. The museum spent $3.1m on "
    "restoring the east wing galleries, $800,000 on security and $150,000 on signs."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Dorran spent £52,000 on a holiday flat in Lisbon and £31,000 on racehorses.",
        "The museum spent $3.1m on restoring the east wing galleries and $800,000 on security.",
    ],
)
def test_each_item_of_a_comma_list_owns_the_words_after_it(summary: str) -> None:
    assert nothing_flagged(SPENDING, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Dorran spent £31,000 on a holiday flat in Lisbon and £52,000 on racehorses.", "£31,000"),
        ("The museum spent $800,000 on restoring the east wing galleries and $3.1m on security.", "$800,000"),
    ],
)
def test_items_of_a_comma_list_exchanged_are_flagged(summary: str, figure: str) -> None:
    assert flagged(SPENDING, summary, figure)


DIVIDENDS = (
    "Harbury Rail reported an operating profit of £84m for the year to March, and paid £21m in dividends "
    "to its parent, Colvane Holdings. Its chief executive, Mira Stenholt, received a total of £2.2m, "
    "including a bonus of £640,000."
)


def test_figures_joined_from_two_sentences_keep_their_own_words() -> None:
    summary = "Profit was £84m, while £21m went in dividends and the chief executive received £2.2m."
    assert nothing_flagged(DIVIDENDS, summary)


def test_figures_exchanged_between_two_sentences_are_flagged() -> None:
    summary = "Profit was £84m, while £2.2m went in dividends and the chief executive received £21m."
    assert flagged(DIVIDENDS, summary, "£2.2m")


GAPS = (
    "Penlow council faces a funding gap of £7.2m next year and will cut 40 posts. "
    "Neighbouring Ardcastle faces a gap of £12.5m, the council's finance chief said."
)


def test_another_partys_value_with_its_words_is_still_flagged() -> None:
    summary = "Penlow council approved its budget. Its funding gap is £12.5m and it will cut 40 posts."
    assert flagged(GAPS, summary, "£12.5m")
