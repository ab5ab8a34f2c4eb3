"""Ages belong to people (rule age-of-person): an age given to someone the article gives another age
is flagged; an age the article may give that person, or a team's or a nation's, is not."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED, flagged, nothing_flagged, status

from summarizer.figures import find_figures

AGES = (
    "The two skippers, Ines Vidal, 58, and Marco Lind, 34, finished the race. Lind's brother, aged 29, sailed with him."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The skippers were Ines Vidal, 34, and Marco Lind, 58.", "34"),
        ("The skippers were Ines Vidal, 34, and Marco Lind, 58.", "58"),
        ("Marco Lind, 29, finished the race.", "29"),
        ("The 58-year-old Marco Lind finished the race.", "58"),
    ],
)
def test_an_age_given_to_another_person_is_flagged(summary: str, figure: str) -> None:
    assert status(AGES, summary, figure) in FLAGGED


@pytest.mark.parametrize(
    "summary",
    [
        "The skippers were Ines Vidal, 58, and Marco Lind, 34.",
        "Vidal, 58, finished the race.",
        "The 34-year-old Marco Lind finished the race.",
        "A 29-year-old sailed with Lind.",
    ],
)
def test_an_age_given_to_its_person_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(AGES, summary)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "Winger Jo Park, 23, scored twice for the club. The 31-year-old Kelvane Town captain was sent off.",
            "The 23-year-old Kelvane Town winger scored twice.",
        ),
        (
            "Kim Lee, 19, won gold for the hosts. The 35-year-old Welsh rider Ann Moss took silver.",
            "The 19-year-old Welsh rider Kim Lee won gold.",
        ),
        (
            "Marco Lind was 34 when he took the title in 2010. Now Marco Lind, 45, coaches the crew.",
            "Marco Lind, 34, took the title in 2010.",
        ),
    ],
)
def test_an_age_that_may_be_the_person_s_is_not_flagged(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


def test_an_age_closing_a_list_of_people_is_an_age() -> None:
    figures = find_figures("The crew were named as Ines Vidal, 58, and Marco Lind, 34.")
    assert [(figure.text, figure.kind) for figure in figures] == [("58", "age"), ("34", "age")]


_SENTENCED = (
    "Ola Brandt was jailed for 11 years. His cousin Nils Brandt, 29, received six years, "
    "and Tomas Eker, 41, who kept the stolen bikes, got four years."
)


def test_a_span_is_not_a_persons_age() -> None:
    assert flagged(_SENTENCED, "The three men were jailed for a total of 29 years.", "29 years")


def test_a_sentence_given_beside_another_persons_age_is_a_swap() -> None:
    assert flagged(_SENTENCED, "Tomas Eker, 41, was jailed for 11 years.", "11 years")
    assert nothing_flagged(_SENTENCED, "Tomas Eker, 41, got four years.")


def test_a_span_told_as_an_age_is_that_age() -> None:
    article = "Shane Pollard, 33, was jailed for 12 years for the robbery."
    assert nothing_flagged(article, "At 33 years of age, Shane Pollard was jailed for 12 years.")


def test_only_the_age_right_before_a_clause_is_its_companion() -> None:
    article = (
        "Ann Roe, 33, was jailed for 14 years at Bristol Crown Court. "
        "Her co-defendant Mark Tull, 41, was jailed for 9 years."
    )
    assert nothing_flagged(article, "Ann Roe, 33, received 14 years, while her co-defendant got 9 years.")
    assert flagged(article, "Ann Roe, 33, was jailed for 9 years.", "9 years")


def test_a_figure_beside_a_persons_told_age_is_not_their_age() -> None:
    article = "Ines Varga, 52, wants free swimming lessons for every child under 11."
    assert flagged(article, "Varga, 11, wants free swimming lessons.", "11")
    assert not flagged(article, "Varga, 52, wants free swimming lessons for children under 11.", "52")


# The article names a person by surname alone; the summary adds a first name, or a word before it.
_RELAY = "Tobin, 27, anchored the relay and held off Okafor. Their coach, Brennan, 61, called it the team's best run."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Record-breaking Sam Tobin, 61, held off Okafor.", "61"),
        ("Coach Lucy Brennan, 27, praised the team.", "27"),
    ],
)
def test_an_age_given_to_a_person_named_more_fully_than_in_the_article_is_checked(summary: str, figure: str) -> None:
    assert status(_RELAY, summary, figure) in FLAGGED


@pytest.mark.parametrize(
    "summary",
    ["Record-breaking Sam Tobin, 27, held off Okafor.", "Coach Lucy Brennan, 61, praised the team."],
)
def test_the_same_person_named_more_fully_keeps_their_age(summary: str) -> None:
    assert nothing_flagged(_RELAY, summary)


def test_a_person_named_by_first_name_alone_keeps_the_articles_age_for_them() -> None:
    article = "Rescuers reached Lena Holm, 7, and Marco Berg, 45, after two days."
    assert flagged(article, "Lena, 45, was rescued after two days.", "45")
    assert nothing_flagged(article, "Lena, 7, was rescued after two days.")


def test_an_age_the_article_names_for_someone_else_is_not_another_persons() -> None:
    # the article gives Vesna Brook's age only as "the 41-year-old"; its 36 is Ilse Marr's
    article = (
        "Vesna Brook won the hill race in record time. The 41-year-old broke clear of Ilse Marr, 36, "
        "on the final climb."
    )
    assert flagged(article, "Winner Vesna Brook, 36, broke clear on the final climb.", "36")
    assert not flagged(article, "Runner-up Ilse Marr, 36, was dropped on the final climb.", "36")


def test_an_age_whose_value_the_article_also_gives_as_a_count_is_read_without_fault() -> None:
    # one occurrence is an age with a name, the other a count with none: no owner for every one
    article = "Rita Vale, 19, was rescued from the cliff path along with 19 other walkers."
    assert not flagged(article, "Tom Vale, 19, was rescued from the cliff path.", "19")


def test_an_age_named_for_a_namesake_is_checked_only_when_the_article_names_the_first_name() -> None:
    article = (
        "Samuel Kiprono, 24, won the Lisberg marathon. His cousin Joseph Kiprono finished ninth, "
        "and Tom Reed was tenth."
    )
    assert not flagged(article, "Sam Kiprono, 24, won the Lisberg marathon.", "24")
    assert flagged(article, "Joseph Kiprono, 24, finished ninth in the Lisberg marathon.", "24")
