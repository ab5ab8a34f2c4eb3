"""Tests for finding and normalising figures in English text."""

from __future__ import annotations

import pytest

from summarizer.figures import Figure, find_figures


def only(text: str) -> Figure:
    """The single figure of `text`; fails when there is not exactly one."""
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit", "scale"),
    [
        ("The fund raised US$250 million last year.", "US$250 million", 250e6, "USD", "million"),
        ("Thieves took $480m in crypto.", "$480m", 480e6, "USD", "million"),
        ("The club spent £2.5bn on wages.", "£2.5bn", 2.5e9, "GBP", "billion"),
        ("It costs US$2b to build.", "US$2b", 2e9, "USD", "billion"),
        ("Sales hit 320 million US dollars.", "320 million US dollars", 320e6, "USD", "million"),
        ("They lost half a billion euros.", "half a billion euros", 0.5e9, "EUR", "billion"),
        ("A fine of €4.2m was imposed.", "€4.2m", 4.2e6, "EUR", "million"),
        ("Debt reached 1.5 trillion yen.", "1.5 trillion yen", 1.5e12, "JPY", "trillion"),
        ("a # 1m training ground", "# 1m", 1e6, "GBP", "million"),
        ("it sold for $ 5 million .", "$ 5 million", 5e6, "USD", "million"),
    ],
)
def test_money_is_normalised_with_currency_and_scale(
    text: str, figure_text: str, value: float, unit: str, scale: str
) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value, figure.unit, figure.scale) == (
        figure_text,
        "money",
        pytest.approx(value),
        unit,
        scale,
    )
    assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Turnout was 40% this time.", "percent", 40.0),
        ("Turnout was 40 per cent this time.", "percent", 40.0),
        ("Turnout was 40 percent this time.", "percent", 40.0),
        ("Turnout fell 4 %", "percent", 4.0),
        ("Four in ten adults agree.", "fraction", 40.0),
        ("four in five adults agree.", "fraction", 80.0),
        ("Half of the staff left.", "fraction", 50.0),
        ("A third of the staff left.", "fraction", 100 / 3),
        ("Two-thirds of the staff left.", "fraction", 200 / 3),
        ("Costs were cut by half.", "fraction", 50.0),
    ],
)
def test_shares_are_percent_values(text: str, kind: str, value: float) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == (kind, pytest.approx(value), "%")


@pytest.mark.parametrize(
    ("text", "value", "scale", "vague"),
    [
        ("About 2.35 million people voted.", 2.35e6, "million", False),
        ("The stadium holds 40,000 fans.", 40_000, None, False),
        ("Twelve ships sank.", 12, None, False),
        ("He owns twenty-five cars.", 25, None, False),
        ("The plant employs 65K workers.", 65_000, "thousand", False),
        ("They bought a dozen eggs.", 12, "dozen", False),
        ("Dozens of homes flooded.", 24, None, True),
        ("Hundreds of homes flooded.", 200, None, True),
    ],
)
def test_counts_are_scaled(text: str, value: float, scale: str | None, vague: bool) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.scale, figure.vague) == ("count", value, scale, vague)


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("The law passed in 2023.", "year", 2023, None),
        ("It opened on March 3, 2021.", "date", 20210303, "date"),
        ("It opened on 3 March.", "date", 303, "date"),
        ("It was built in the 1990s.", "decade", 1990, "decade"),
        ("He served three years in prison.", "duration", 3, "year"),
        ("She signed a two - year deal .", "duration", 2, "year"),
        ("A 45-year-old man was arrested.", "age", 45, "year"),
        ("The man, aged 45, was arrested.", "age", 45, "year"),
        ("She finished 21st overall.", "ordinal", 21, None),
        ("It happened a decade ago.", "duration", 10, "year"),
    ],
)
def test_dates_durations_ages_and_ordinals(text: str, kind: str, value: float, unit: str | None) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("text", "figure_text", "qualifier"),
    [
        ("It raised more than €2bn.", "more than €2bn", "more_than"),
        ("It raised over 50 votes.", "over 50", "more_than"),
        ("It could cost up to €2 billion.", "up to €2 billion", "up_to"),
        ("It could cost as much as $3m.", "as much as $3m", "up_to"),
        ("It has about 2.4 million users.", "about 2.4 million", "about"),
        ("It has around 300 users.", "around 300", "about"),
        ("It has approximately 300 users.", "approximately 300", "about"),
        ("It has nearly 7 users.", "nearly 7", "nearly"),
        ("It has almost 7 users.", "almost 7", "nearly"),
        ("It has at least 12 users.", "at least 12", "at_least"),
        ("It has fewer than 9 users.", "fewer than 9", "less_than"),
        ("It has less than 9% share.", "less than 9%", "less_than"),
        ("Turnout hit a record 40%.", "a record 40%", "record"),
        ("It has 300 users.", "300", None),
    ],
)
def test_qualifiers_are_folded_into_the_text(text: str, figure_text: str, qualifier: str | None) -> None:
    figure = only(text)
    assert (figure.text, figure.qualifier) == (figure_text, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "No one came to the meeting.",
        "One of them spoke to reporters.",
        "He scored in the second half.",
        "The first minister resigned.",
        "A third party was involved.",
        "It may rain tomorrow.",
    ],
)
def test_words_that_are_not_figures(text: str) -> None:
    assert [f for f in find_figures(text) if f.kind not in {"ordinal"}] == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("One in five adults agree.", 20.0), ("a one-year deal", 1.0), ("They were number one", 1.0)],
)
def test_one_counts_in_numeric_context(text: str, value: float) -> None:
    assert only(text).value == value


def test_figures_come_in_text_order_with_exact_spans() -> None:
    text = "In 2020 the firm had 40 staff; by March 3, 2021 it had 55% more.community.Dr Lee said 12."
    figures = find_figures(text)
    assert [f.text for f in figures] == ["2020", "40", "March 3, 2021", "55%", "12"]
    assert all(text[f.start : f.end] == f.text for f in figures)


def test_tokenised_score_gives_two_counts() -> None:
    assert [f.value for f in find_figures("they won 3 - 1 at home")] == [3, 1]


@pytest.mark.parametrize(
    ("text", "figure_text", "unit"),
    [
        ("Wales won the Six Nations in style.", "Six Nations", "nations 6"),
        ("They qualified for Euro 2016 at last.", "Euro 2016", "euro 2016"),
        ("A lorry shed its load on the M4 overnight.", "M4", "m4"),
        ("He drove in Formula One for years.", "Formula One", "formula 1"),
        ("A World War Two bomber was found.", "World War Two", "world war 2"),
        ("The League Two side were relegated.", "League Two", "league 2"),
        ("Covid-19 closed the schools.", "Covid-19", "covid19"),
        ("Leaders met at the G20 summit.", "G20", "g20"),
        ("He fought in the Second World War.", "Second World War", "world war 2"),
        ("A WWII bomber was found.", "WWII", "world war 2"),
        ("The F1 season opens today.", "F1", "formula 1"),
        ("The world number two withdrew.", "number two", "number 2"),
        ("The single went to No. 1 in May.", "No. 1", "number 1"),
        ("The S&P 500 closed higher.", "S&P 500", "s&p 500"),
    ],
)
def test_numbers_inside_names_are_names(text: str, figure_text: str, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "name", unit)


def test_clock_times_are_not_figures_and_short_years_are_years() -> None:
    assert find_figures("The blast came at 11:14 AM.") == []
    figure = only("Survivor of the '85 fire speaks out.")
    assert (figure.kind, figure.value) == ("year", 1985.0)


@pytest.mark.parametrize(
    ("text", "figure_text", "unit"),
    [
        ("The depot is 30km away.", "30km", "km"),
        ("Gusts reached 65mph overnight.", "65mph", "mph"),
        ("It sits on 14 acres of parkland.", "14 acres", "acre"),
        ("The climbers scaled a 900-foot wall.", "900-foot", "foot"),
        ("The river hit 21.5C on Sunday.", "21.5C", "degree"),
        ("Each bag holds 250g of flour.", "250g", "g"),
    ],
)
def test_physical_measures_carry_their_unit(text: str, figure_text: str, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "measure", unit)
