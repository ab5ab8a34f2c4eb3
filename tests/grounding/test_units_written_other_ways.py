"""Class 5, false alarms on figures copied or restated: a unit written short or in another metric
unit, a level after a percentage change, and a span in seconds that is no one's age."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

from summarizer.figures import find_figures
from summarizer.grounding import verify

_RIVER = "The Tamsey peaked at 4.93m at Colby weir on Monday, 36cm above the record of 4.57m set in 2019."
_LOADS = "The barge carried 2,400kg of grain and 350kg of seed."
_VISITS = "Visits to the museum rose to 18,420 in May, up 6% on a year earlier."
_RACE = "Ines Mora, 31, finished second, 12 seconds down; Lea Ostby, 29, was third, 43 seconds down."


@pytest.mark.parametrize(
    "summary",
    [
        "The Tamsey peaked at 4.93 metres at Colby weir.",
        "The Tamsey rose 0.36 metres above its 2019 record.",
        "The barge carried 2.4 tonnes of grain.",
        "The barge carried 0.35 tonnes of seed.",
        "Museum visits rose 6% to 18,420 in May.",
        "Museum visits rose by six per cent to 18,420 in May.",
    ],
)
def test_a_value_in_another_unit_or_after_a_change_is_not_flagged(summary: str) -> None:
    article = {"Tamsey": _RIVER, "barge": _LOADS, "Museum": _VISITS}
    assert nothing_flagged(next(text for key, text in article.items() if key in summary), summary)


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_RIVER, "The Tamsey peaked at 4.39 metres at Colby weir.", "4.39"),
        (_RIVER, "The Tamsey rose 0.63 metres above its record.", "0.63"),
        (_LOADS, "The barge carried 3.4 tonnes of grain.", "3.4"),
        (_VISITS, "Museum visits rose 6% to 18,240 in May.", "18,240"),
    ],
)
def test_another_value_in_another_unit_is_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


def test_a_bare_level_after_a_percentage_is_a_count() -> None:
    kinds = [(figure.text, figure.kind) for figure in find_figures("Visits rose 6% to 18,420.")]
    assert kinds == [("6%", "percent"), ("18,420", "count")]
    # a change's size, then the level it reached, whatever the level's size
    assert [f.kind for f in find_figures("Membership fell 2.5% to 78.")] == ["percent", "count"]
    assert nothing_flagged("The club's membership fell 2.5% to 78 this year.", "The club now has 78 members.")
    # ... while the bare end of a range of shares is still a share
    assert [figure.kind for figure in find_figures("Support rose from 41% to 47.")] == ["percent", "percent"]


def test_a_span_in_seconds_is_no_persons_age() -> None:
    # 43 - 12 = 31 seconds, and Ines Mora is 31: the span is the gap, not her age
    checked = next(c for c in verify(_RACE, "Lea Ostby finished 31 seconds behind Ines Mora.").figures)
    assert checked.rule != "age-of-person"
    assert nothing_flagged(_RACE, "Ines Mora, 31, finished 12 seconds down.")
    assert flagged(_RACE, "Lea Ostby, 31, was third.", "31")


_DEPOT = "The new depot will cover 4,200 square metres, and the yard beside it 900 square metres."
_FAIR = "An estimated 58,000 people visited the fair over the four days, up from 49,000 last year."


def test_an_area_keeps_its_unit() -> None:
    assert [(f.text, f.unit) for f in find_figures("a hall of 4,200 square feet")] == [("4,200 square feet", "sq ft")]
    assert nothing_flagged(_DEPOT, "The depot will cover 4,200 square metres.")
    assert flagged(_DEPOT, "The depot will cover 4,200 square feet.", "4,200")


def test_a_level_after_a_span_that_says_when_is_a_count() -> None:
    kinds = [(f.text, f.kind) for f in find_figures(_FAIR)]
    assert ("49,000", "count") in kinds
    assert flagged(_FAIR, "Visitors to the fair rose by 58,000 on last year.", "58,000")
    assert nothing_flagged(_FAIR, "Visitors to the fair rose to 58,000 from 49,000.")


# A value in another unit is the article's only where it measures what the summary's measures.
_BRIDGE = "The footbridge is 2m wide. Inspectors found a crack 41cm long in its deck, and 15cm of snow lay on it."
_TOWER = "Visitor numbers at Garth Castle reached 4.1m last year. Its keep is 22m tall."


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_BRIDGE, "The footbridge is 0.41 metres wide.", "0.41"),
        (_TOWER, "Garth Castle's keep is 4.1 metres tall.", "4.1"),
    ],
)
def test_a_value_in_another_unit_that_measures_another_thing_is_flagged(
    article: str, summary: str, figure: str
) -> None:
    assert flagged(article, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (_BRIDGE, "Inspectors found a 0.41 metre crack in the footbridge's deck."),
        (_TOWER, "Garth Castle's keep is 22 metres tall."),
    ],
)
def test_a_value_in_another_unit_that_measures_the_same_thing_is_not_flagged(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


def test_an_infants_age_in_months_is_a_span() -> None:
    article = "A 14-month-old boy and his sister, 6, were rescued from the flat."
    assert [(f.text, f.kind) for f in find_figures("a boy aged 14 months")] == [("14 months", "duration")]
    assert nothing_flagged(article, "A boy aged 14 months was rescued from the flat.")
    assert flagged(article, "A boy aged 16 months was rescued from the flat.", "16 months")


def test_an_area_is_bound_to_what_it_measures() -> None:
    article = "The hall covers 1,200 sq ft. The largest flats in the block are 950 square feet."
    assert flagged(article, "The largest flats in the block are 1,200 square feet.", "1,200")
    assert nothing_flagged(article, "The largest flats are 950 square feet.")


def test_a_period_hyphened_on_is_the_article_s_every_so_often() -> None:
    article = "Bin collections in Norsea will move to every three weeks from October, saving £2.1m a year."
    assert nothing_flagged(article, "Three-weekly bin collections in Norsea will save £2.1m a year.")
    assert flagged(article, "Four-weekly bin collections in Norsea will save £2.1m a year.", "Four-weekly")


_SHORT_UNITS = "The Orlesk glacier retreated 46 metres last year, and the valley's farms cut 8,300 tonnes of hay."


def test_a_unit_written_as_one_letter_apart_from_its_number_is_that_unit() -> None:
    assert nothing_flagged(_SHORT_UNITS, "Orlesk retreat: 46 m. Hay: 8,300 t.")
    assert flagged(_SHORT_UNITS, "Orlesk retreat: 64 m.", "64 m")
    assert flagged(_SHORT_UNITS, "Hay: 3,800 t.", "3,800 t")
    # with a currency, or joined to its number, the letter is still a scale
    assert flagged(_SHORT_UNITS, "The farms earned £46 m.", "£46 m")


def test_a_letter_before_the_noun_it_counts_is_still_a_scale() -> None:
    found = find_figures("The Velloch app has 4.6 m users and sold 2 m shares; its mast is 46 m high.")
    assert [(figure.kind, figure.value) for figure in found] == [("count", 4.6e6), ("count", 2e6), ("measure", 46.0)]


_GAUGE = "The Pellan gauge logged 212 millimetres of rain in a day, and the new culvert is 45 centimetres wide."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("The gauge at Pellan logged 212 mm of rain in a day.", "212 mm", False),
        ("Pellan had 212mm of rain in one day.", "212mm", False),
        ("The new culvert at Pellan is 45cm wide.", "45cm", False),
        ("Pellan had 221 mm of rain in one day.", "221 mm", True),
        ("Pellan had 212 metres of rain in one day.", "212 metres", True),
        ("The new culvert at Pellan is 45 mm wide.", "45 mm", True),
    ],
)
def test_millimetres_and_centimetres_written_out_are_those_units(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_GAUGE, summary, figure) is wrong


_SENTENCE = "A court sentenced the former director of Pellan Mills to four years and six months in prison."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("The former Pellan Mills director was jailed for four and a half years.", "four and a half years", False),
        ("The former Pellan Mills director was jailed for 4.5 years.", "4.5 years", False),
        ("The former Pellan Mills director was jailed for six months.", "six months", True),
        ("The former Pellan Mills director was jailed for five and a half years.", "five and a half years", True),
    ],
)
def test_years_and_months_are_one_term(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_SENTENCE, summary, figure) is wrong
