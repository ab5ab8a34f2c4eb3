"""A time of day told by its part of the day ("three o'clock in the morning", "at 11 at night") is the
time a summary gives as "3am" or "11pm"; and a whole the summary gives as the name of the whole
("the £7.4m Skelwith ferry terminal") is not moved to the part's party (whole-for-part)."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status

from summarizer.figures import find_figures

_BLAZE = "Crews were called to the Collerbay boatyard at two o'clock in the morning and fought the fire for five hours."
_CRASH = "A lorry left the road near Orlestone at about 10 at night on Tuesday, police said."


@pytest.mark.parametrize(
    ("text", "figure_text", "value"),
    [
        ("The alarm sounded at four o'clock in the morning.", "four o'clock in the morning", 4.0),
        ("The vigil began at seven o'clock in the evening.", "seven o'clock in the evening", 19.0),
        ("The road reopened at 3 in the afternoon.", "3 in the afternoon", 15.0),
        ("Music is banned after 11 at night.", "11 at night", 23.0),
        ("The shelter closes by 12 at night.", "12 at night", 0.0),
    ],
)
def test_an_hour_told_by_its_part_of_the_day_is_a_time(text: str, figure_text: str, value: float) -> None:
    (figure,) = find_figures(text)
    assert (figure.text, figure.kind) == (figure_text, "time")
    assert figure.value == pytest.approx(value)


def test_a_count_before_a_part_of_the_day_stays_a_count() -> None:
    # no word that leads a time before it: "sold 4 in the morning session" counts four
    found = [(figure.kind, figure.value) for figure in find_figures("The stall sold 4 in the morning session.")]
    assert found == [("count", 4.0)]


def test_an_hour_told_by_its_part_of_the_day_supports_the_time() -> None:
    assert nothing_flagged(_BLAZE, "The Collerbay boatyard fire was reported at 2am and burned for five hours.")
    assert nothing_flagged(_CRASH, "The Orlestone lorry crash happened at about 10pm on Tuesday.")


def test_an_hour_told_by_its_part_of_the_day_blocks_another_half() -> None:
    assert flagged(_BLAZE, "The Collerbay boatyard fire was reported at 2pm and burned for five hours.", "2pm")
    assert flagged(_CRASH, "The Orlestone lorry crash happened at about 10am on Tuesday.", "10am")


_TERMINAL = "The new ferry terminal at Skelwith cost £7.4 million, of which £1.9 million came from the Wrenmouth Trust."
_SURGERY = "The Collerbay surgery treated 5,300 patients last year, with 1,200 of them sent by care homes."


def test_a_whole_named_as_the_whole_beside_the_parts_party_is_not_flagged() -> None:
    assert nothing_flagged(_TERMINAL, "The Wrenmouth Trust helped pay for the £7.4 million Skelwith ferry terminal.")
    assert nothing_flagged(_TERMINAL, "Skelwith's £7.4 million terminal was part-funded by the Wrenmouth Trust.")
    assert nothing_flagged(_SURGERY, "Care homes use the 5,300-patient Collerbay surgery.")


def test_a_whole_given_to_the_parts_party_is_still_flagged() -> None:
    assert status(_TERMINAL, "The Wrenmouth Trust paid the £7.4 million cost of the terminal.", "£7.4") == (
        "misattributed"
    )
    assert flagged(_TERMINAL, "The Wrenmouth Trust gave a £7.4 million grant for the terminal.", "£7.4")
    assert flagged(_SURGERY, "Care homes sent the 5,300 patients the Collerbay surgery treated.", "5,300")


# a change only asked for or offered is told by its size where a word of the figure's own stretch asks
# for it; a word of another clause or of the sentence's other end does not
_BUS_CLAIM = "Drivers at Tressick Buses are demanding a pay rise of 8.5%. Their pay is now £29,500 a year."
_BOWMERE_OFFER = "The Bowmere water board has offered an increase of 3.5%, and its profit was £41 million."


def test_a_rise_asked_for_in_the_figures_own_words_is_not_flagged() -> None:
    assert nothing_flagged(_BUS_CLAIM, "Tressick drivers are demanding 8.5%.")
    assert nothing_flagged(_BUS_CLAIM, "The drivers' 8.5% pay claim follows a year of talks.")
    assert nothing_flagged(_BOWMERE_OFFER, "Bowmere offered its staff 3.5%, with profit at £41 million.")


def test_a_rise_asked_for_told_as_a_level_is_flagged_whatever_the_sentence_says_elsewhere() -> None:
    assert flagged(_BUS_CLAIM, "Tressick drivers' pay is 8.5%, the union claims.", "8.5%")
    assert flagged(_BOWMERE_OFFER, "The Bowmere offer came as its profit margin reached 3.5%.", "3.5%")
    assert flagged(_BOWMERE_OFFER, "Bowmere's bid: profit margins of 3.5% and profit of £41 million.", "3.5%")


# time-relative: a value the article gives for a second year in the clause after it
_ROADS = "Bowmere council will spend £6 million on roads next year, the same as this year."


def test_a_value_told_the_same_as_another_year_is_that_years_too() -> None:
    assert nothing_flagged(_ROADS, "Bowmere council is spending £6 million on roads this year.")
    assert nothing_flagged(
        "Tressick will train 80 apprentices next year, unchanged from this year.",
        "Tressick trained 80 apprentices this year.",
    )


def test_a_value_the_same_as_a_third_year_is_still_moved() -> None:
    assert status(
        _ROADS.replace("this year", "last year"), "Bowmere is spending £6 million on roads this year.", "£6"
    ) == ("misattributed")


# "several" has no value: the readings that compare the summary's other figures with the article's
# leave it out rather than fail
_SCHOOL_FUNDS = "The city got £5 million for 14 schools. The county got £8 million for 26 schools."


def test_several_beside_a_swapped_pair_is_read_not_failed() -> None:
    assert flagged(_SCHOOL_FUNDS, "£5 million went on 26 schools and several more.", "26")
    assert flagged(_SCHOOL_FUNDS, "The city got £5 million for 26 schools; several schools got £8 million.", "26")


def test_several_as_a_level_or_a_party_is_read_not_failed() -> None:
    article = "The Bowmere trust backed several charities last year, up 15% on 2024."
    assert not flagged(article, "The Bowmere trust backed 40 charities, up 15%.", "15%")
    assert status(_TERMINAL, "The Wrenmouth Trust and several councils paid £7.4 million.", "£7.4") == "misattributed"
