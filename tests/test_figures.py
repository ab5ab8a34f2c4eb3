"""Tests for finding and normalising figures in English text."""

from __future__ import annotations

import dataclasses
import inspect
import itertools

import pytest

from summarizer.figures import Figure, extract, find_figures


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
    ("text", "unit"),
    [
        ("Crossings take 25 minutes instead of 40.", "minute"),
        ("Crossings fell to 25 minutes, down from 40.", "minute"),
        ("Crossings fell to 25 minutes from 40.", "minute"),
        ("Crossings fell to about 25 minutes from 40.", "minute"),
        ("Shipments rose to 2,100 tonnes a week from 700.", "tonne"),
        ("Queues fell to 25 minutes a day, down from 40.", "minute"),
        ("Crossings rose 6% from 40 a year earlier.", None),  # a change's size: 40 is a level of its own
    ],
)
def test_the_other_end_of_a_change_keeps_the_unit(text: str, unit: str | None) -> None:
    assert find_figures(text)[-1].unit == unit


def test_an_age_group_is_an_age_not_a_decade() -> None:
    assert [(f.text, f.kind, f.value) for f in find_figures("Over-70s and under-18s ride free, as in the 1990s.")] == [
        ("70s", "age", 70),
        ("18", "age", 18),
        ("the 1990s", "decade", 1990),
    ]


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
        ("The poet died at the age of 81.", "age", 81, "year"),
        ("She finished 21st overall.", "ordinal", 21, None),
        ("It happened a decade ago.", "duration", 10, "year"),
        ("The relay team finished in 58min.", "duration", 58, "minute"),
        ("The ferry was held up for 2hrs.", "duration", 2, "hour"),
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
        # "up" after a verb of moving, told as done, is where something went, not a ceiling
        ("The jobless rate edged up to 4.1%.", "4.1%", None),
        ("Membership crept up to 900.", "900", None),
        ("Fines could go up to £500.", "up to £500", "up_to"),
        ("Prices moved upwards of 3%.", "upwards of 3%", "more_than"),
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
        "Top Gear returns tonight.",
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


def test_clock_times_are_times_and_short_years_are_years() -> None:
    assert [(figure.kind, figure.value) for figure in find_figures("The blast came at 11:15 AM.")] == [("time", 11.25)]


@pytest.mark.parametrize(
    ("text", "figure_text", "value"),
    [
        ("The ferry left Calder Quay at 6am.", "6am", 6.0),
        ("Polls close at 10 p.m. on Thursday.", "10 p.m.", 22.0),
        ("The shop shuts at 5.30pm on Sundays.", "5.30pm", 17.5),
        ("Crews were called at about 4 AM.", "about 4 AM", 4.0),
        ("The night bus leaves at 12.15am.", "12.15am", 0.25),
        ("The market opens at 12pm.", "12pm", 12.0),
    ],
)
def test_a_time_of_day_is_a_time_not_a_count(text: str, figure_text: str, value: float) -> None:
    figure = only(text)
    assert (figure.text, figure.kind) == (figure_text, "time")
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure_text", "qualifier"),
    [
        ("Bike thefts in Brinmoor were up to 412 from 280 a year before.", "412", None),  # a change's end
        ("The levy is up to £3.20 from £2.90.", "£3.20", None),
        ("Grants of up to £5,000 from the Orlen fund are open.", "up to £5,000", "up_to"),  # no start: a cap
        ("The repairs could cost up to £40m, from £25m forecast in May.", "up to £40m", "up_to"),
    ],
)
def test_up_to_a_value_from_another_is_a_change_not_a_cap(text: str, figure_text: str, qualifier: str | None) -> None:
    figure = find_figures(text)[0]
    assert (figure.text, figure.qualifier) == (figure_text, qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ilsa Tolle retired at the age of 71 in 1682.", [("71", "age"), ("1682", "year")]),  # no 71 in every 1,682
        ("The fault shows up in 1 in 1500 engines.", [("1 in 1500", "fraction")]),
        ("Damp was found in 3 in 1000 homes.", [("3 in 1000", "fraction")]),
        ("Output fell by 578 in 2023.", [("578", "count"), ("2023", "year")]),
    ],
)
def test_a_number_in_an_older_year_is_no_ratio(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(figure.text, figure.kind) for figure in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "shares"),
    [
        ("Holtmere paid the second half of its €60m grant in May.", [50.0]),
        ("Tolvern scored twice in the second half of the match.", []),  # a period, not a share
        ("Output rose in the first half of the year.", []),
    ],
)
def test_an_ordinal_half_of_an_amount_is_a_share(text: str, shares: list[float]) -> None:
    assert [figure.value for figure in find_figures(text) if figure.kind == "fraction"] == shares


@pytest.mark.parametrize(
    ("text", "figure_text", "value"),
    [
        ("The ferry left at 16:25 on Sunday.", "16:25", 16 + 25 / 60),
        ("By 09:30, crews had cleared the road.", "09:30", 9.5),
        ("The alarm sounded at about 11:05pm.", "about 11:05pm", 23 + 5 / 60),
    ],
)
def test_an_hour_and_its_minutes_after_a_time_word_are_a_time(text: str, figure_text: str, value: float) -> None:
    figure = only(text)
    assert (figure.text, figure.kind) == (figure_text, "time")
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure_text", "value"),
    [("The count began at midnight.", "midnight", 0.0), ("Polls closed by noon.", "noon", 12.0)],
)
def test_noon_and_midnight_after_a_time_word_are_times(text: str, figure_text: str, value: float) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value) == (figure_text, "time", value)


def test_noon_as_a_name_is_no_time() -> None:
    assert find_figures("The noon deadline passed; a midnight feast followed.") == []


@pytest.mark.parametrize(
    "text", ["She won in 2:08:35.", "He ran the mile in 3:59.4.", "Boys outnumber girls 3:1.", "The 16:25 left late."]
)
def test_a_race_time_a_ratio_or_a_timetable_name_is_no_time_of_day(text: str) -> None:
    assert [figure for figure in find_figures(text) if figure.kind == "time"] == []


@pytest.mark.parametrize("text", ["The bells rang at nine o'clock.", "It was 10.75pm.", "The talk ran to 14:30."])
def test_an_hour_that_says_no_half_of_the_day_is_no_figure(text: str) -> None:
    assert find_figures(text) == []


def test_a_count_beside_a_time_of_day_stays_a_count() -> None:
    found = [(figure.text, figure.kind) for figure in find_figures("By 9pm, 40 people had been rescued from 12 flats.")]
    assert found == [("9pm", "time"), ("40", "count"), ("12", "count")]
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
        ("Orlesk retreat: 46 m.", "46 m", "metre"),
        ("Crop: 8,300 t.", "8,300 t", "tonne"),
    ],
)
def test_physical_measures_carry_their_unit(text: str, figure_text: str, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "measure", unit)


@pytest.mark.parametrize(
    ("text", "figure_text", "kind", "value", "unit"),
    [
        ("The striker agreed a three-and-a-half-year contract.", "three-and-a-half-year", "duration", 3.5, "year"),
        ("The siege dragged on for four and a half months.", "four and a half months", "duration", 4.5, "month"),
        ("Polls stayed open for six-and-a-half hours.", "six-and-a-half hours", "duration", 6.5, "hour"),
        ("Two and a half million tickets were printed.", "Two and a half million", "count", 2.5e6, None),
        ("The ferry crossing takes 1½ hours.", "1½ hours", "duration", 1.5, "hour"),
        ("The audit took a year and a half.", "a year and a half", "duration", 1.5, "year"),
        ("Repairs dragged on for a decade and a half.", "a decade and a half", "duration", 15, "year"),
    ],
)
def test_and_a_half_belongs_to_its_number(
    text: str, figure_text: str, kind: str, value: float, unit: str | None
) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value, figure.unit) == (figure_text, kind, value, unit)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("She bought two loaves and a half-price cake.", [2.0]),
        ("He has two sons and a half-sister.", [2.0]),
        ("It took two years and a half-hearted apology.", [2.0]),
    ],
)
def test_a_half_that_is_not_part_of_the_number(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


@pytest.mark.parametrize(
    ("text", "figure_text", "kind", "value", "unit"),
    [
        ("The mill stood idle for half a century.", "half a century", "duration", 50, "year"),
        ("The pier reopened almost half a decade later.", "almost half a decade", "duration", 5, "year"),
        ("Queues at the border lasted half a day.", "half a day", "duration", 0.5, "day"),
        ("The fire drill took half an hour.", "half an hour", "duration", 0.5, "hour"),
        ("The bus came after half-an-hour.", "half-an-hour", "duration", 0.5, "hour"),
        ("She baked half a dozen pies.", "half a dozen", "count", 6, None),
        ("Half a million saplings were planted.", "Half a million", "count", 5e5, None),
        ("The bank cut its rate by half a percentage point.", "half a percentage point", "percent", 0.5, "%"),
        ("The hut sits half a mile uphill.", "half a mile", "measure", 0.5, "mile"),
    ],
)
def test_half_a_unit_is_one_figure(text: str, figure_text: str, kind: str, value: float, unit: str | None) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.value, figure.unit) == (figure_text, kind, value, unit)


@pytest.mark.parametrize(
    ("text", "figure_text", "kind", "value", "unit"),
    [
        ("A quarter of a million fans saw the parade.", "A quarter of a million", "count", 250_000, None),
        (
            "Nearly three-quarters of a million homes lost power.",
            "Nearly three-quarters of a million",
            "count",
            750_000,
            None,
        ),
        ("The scheme has cost a third of a billion dollars.", "a third of a billion dollars", "money", 1e9 / 3, "USD"),
        (
            "The mine produced a quarter of a million tonnes.",
            "a quarter of a million tonnes",
            "measure",
            250_000,
            "tonne",
        ),
    ],
)
def test_a_fraction_of_an_amount_is_one_figure(
    text: str, figure_text: str, kind: str, value: float, unit: str | None
) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, kind, unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit"),
    [
        ("The lead was cut to 2 minutes 48 seconds.", "2 minutes 48 seconds", 2.8, "minute"),
        ("She trails by 4min 35sec.", "4min 35sec", 4 + 35 / 60, "minute"),
        ("The crossing took 3 hours and 20 minutes.", "3 hours and 20 minutes", 3 + 20 / 60, "hour"),
        (
            "He finished in four hours, 51 minutes and 9 seconds.",
            "four hours, 51 minutes and 9 seconds",
            4.8525,
            "hour",
        ),
        ("She was jailed for four years and six months.", "four years and six months", 4.5, "year"),
        ("The lease ran for a year and three months.", "a year and three months", 1.25, "year"),
    ],
)
def test_a_time_in_two_or_three_units_is_one_duration(text: str, figure_text: str, value: float, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "duration", unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("She won in 4 hours 12 minutes, 38 seconds ahead of her rival.", ["4 hours 12 minutes", "38 seconds"]),
        ("Play stopped after 65 minutes and 30 seconds later the teams left.", ["65 minutes", "30 seconds"]),
        ("Porters work 12 hours and 30-minute breaks are rare.", ["12 hours", "30-minute"]),
        ("Staff do 37.5 hours and 20 minutes of unpaid overtime.", ["37.5 hours", "20 minutes"]),
    ],
)
def test_two_times_side_by_side_stay_apart(text: str, texts: list[str]) -> None:
    assert [f.text for f in find_figures(text)] == texts


def test_a_time_in_words_keeps_the_figure_before_it_whole() -> None:
    figures = find_figures("The wait was half an hour and 20 minutes more at the border.")
    assert [f.text for f in figures] == ["half an hour", "20 minutes"]
    assert all(first.end <= second.start for first, second in itertools.pairwise(figures))


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit"),
    [
        ("The drive took 2 hours, 30 minutes.", "2 hours, 30 minutes", 2.5, "hour"),
        ("The drive took an hour and 20 minutes.", "an hour and 20 minutes", 1 + 20 / 60, "hour"),
        ("The gap was a minute and 10 seconds.", "a minute and 10 seconds", 1 + 10 / 60, "minute"),
        ("She leads by 2 minutes 14 seconds after 15 stages.", "2 minutes 14 seconds", 2 + 14 / 60, "minute"),
    ],
)
def test_a_time_in_two_units_told_other_ways_is_one_duration(
    text: str, figure_text: str, value: float, unit: str
) -> None:
    figure = find_figures(text)[0]
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "duration", unit)
    assert figure.value == pytest.approx(value)


@pytest.mark.parametrize(
    "text",
    ["A quarter of the million visitors came by train.", "A third of a £3m grant went on fees."],
)
def test_a_fraction_of_a_given_amount_stays_a_share(text: str) -> None:
    assert find_figures(text)[0].kind == "fraction"


@pytest.mark.parametrize(
    "text",
    [
        "Half of the orchard burned.",
        "Rents fell by half over the winter.",
        "Half the village turned out for the vote.",
    ],
)
def test_half_without_a_unit_stays_a_share(text: str) -> None:
    figure = only(text)
    assert (figure.kind, figure.value, figure.unit) == ("fraction", 50.0, "%")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delays grew from six hours to 12.", [("six hours", 6, "hour"), ("12", 12, "hour")]),
        ("Shifts went from six hours to 12 last winter.", [("six hours", 6, "hour"), ("12", 12, "hour")]),
        ("Sentences of between 10 and 15 years are likely.", [("10", 10, "year"), ("15 years", 15, "year")]),
        ("The repairs need 3 to 4 weeks.", [("3", 3, "week"), ("4 weeks", 4, "week")]),
        ("Delivery takes 5-7 days.", [("5", 5, "day"), ("7 days", 7, "day")]),
        ("The course lasts one to two years.", [("one", 1, "year"), ("two years", 2, "year")]),
        ("Inflation is seen at 2 to 3 per cent.", [("2", 2, "%"), ("3 per cent", 3, "%")]),
        ("Prices rose from 4% to 6 in a year.", [("4%", 4, "%"), ("6", 6, "%")]),
        ("Hail fell between 20 and 40 miles inland.", [("20", 20, "mile"), ("40 miles", 40, "mile")]),
    ],
)
def test_the_bare_end_of_a_range_takes_the_unit_of_the_other(text: str, expected: list[tuple[str, float, str]]) -> None:
    figures = find_figures(text)
    assert [(f.text, f.value, f.unit) for f in figures] == expected
    assert len({f.kind for f in figures}) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staffing went from six hours to 12 nurses.", [("six hours", "duration"), ("12", "count")]),
        ("They won 3-1 after 90 minutes.", [("3", "count"), ("1", "count"), ("90 minutes", "duration")]),
        ("The judge gave 5 years to 3 of the men.", [("5 years", "duration"), ("3", "count")]),
        ("The league ran from 1998 to 2004.", [("1998", "year"), ("2004", "year")]),
        ("Apes split off between 6 and 7 million years ago.", [("6", "count"), ("7 million years", "duration")]),
        ("Ten and 12 years on, the case is open.", [("Ten", "count"), ("12 years", "duration")]),
    ],
)
def test_a_number_beside_a_unit_but_not_in_a_range_keeps_its_kind(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.text, f.kind) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "figure_text", "unit"),
    [
        ("The club chased a top-six finish.", "top-six", "top 6"),
        ("She ended the season in the top 10.", "top 10", "top 10"),
        ("A top-10 single made him famous.", "top-10", "top 10"),
        ("The side stayed in the top four until March.", "top four", "top 4"),
        ("They clinched a top three place.", "top three", "top 3"),
    ],
)
def test_top_n_is_a_rank(text: str, figure_text: str, unit: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind, figure.unit) == (figure_text, "name", unit)


@pytest.mark.parametrize(
    ("text", "figure_text", "kind"),
    [
        ("The top three officials resigned.", "three", "count"),
        ("The top 1% of earners pay more.", "1%", "percent"),
        ("The top 10 per cent of pupils won awards.", "10 per cent", "percent"),
        ("The bus made a stop 5 minutes later.", "5 minutes", "duration"),
    ],
)
def test_top_before_a_counted_noun_or_a_share_is_no_rank(text: str, figure_text: str, kind: str) -> None:
    figure = only(text)
    assert (figure.text, figure.kind) == (figure_text, kind)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("on day two of the trial", "day 2"),
        ("knocked out in round three", "round 3"),
        ("Stage 4 of the race", "stage 4"),
    ],
)
def test_days_rounds_and_stages_are_names(text: str, unit: str) -> None:
    (figure,) = find_figures(text)
    assert (figure.kind, figure.unit) == ("name", unit)


def test_a_day_is_not_a_name_when_the_number_counts_something_else() -> None:
    assert [(f.text, f.kind) for f in find_figures("two days later")] == [("two days", "duration")]


@pytest.mark.parametrize(
    ("text", "figures"),
    [("the", []), ("Prices rose 4% over the", ["4%"]), ("a 10-year plan, not the", ["10-year"])],
)
def test_a_text_that_ends_in_the_is_read(text: str, figures: list[str]) -> None:
    # "the" as the last word used to look past the end of the token list (IndexError).
    assert [f.text for f in find_figures(text)] == figures


def test_the_parser_builds_each_figure_as_the_dataclass_would() -> None:
    """The parser sets a figure's slots itself (`extract._figure`, for speed): it must take every
    field of `Figure`, in order, and build an equal, equally frozen object."""
    assert list(inspect.signature(extract._figure).parameters) == [field.name for field in dataclasses.fields(Figure)]
    values = ("about 12", 3, 11, "count", 12.0, None, None, "about", False, None)
    built = extract._figure(*values)
    assert built == Figure(*values)
    assert hash(built) == hash(Figure(*values))
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 13.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Each lap took under 30s.", ["count"]),  # seconds written short, not an age group
        ("Trains arrive by a quarter to six.", ["count"]),  # a clock time, not a fraction
        ("Fares rose by a quarter to £5.", ["fraction", "money"]),
    ],
)
def test_age_groups_and_fractions_need_their_own_shape(text: str, kinds: list[str]) -> None:
    assert [figure.kind for figure in find_figures(text)] == kinds


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("Ticket sales fell by almost a third over the winter.", 100 / 3, "nearly"),
        ("The river saw a drop of a quarter in its flow since May.", 25.0, None),
        ("Bus use showed a rise of roughly a fifth over two years.", 20.0, "about"),
    ],
)
def test_a_fraction_that_sizes_a_change_is_a_share_not_a_rank(text: str, value: float, qualifier: str | None) -> None:
    (figure,) = [figure for figure in find_figures(text) if figure.kind in {"fraction", "ordinal"}]
    assert (figure.kind, figure.qualifier) == ("fraction", qualifier)
    assert figure.value == pytest.approx(value)


def test_a_rank_after_of_stays_a_rank() -> None:
    assert [figure.kind for figure in find_figures("She is the leader of a third party in the chamber.")] == ["ordinal"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The stamp rose by 5p to 85p.", [("5p", "measure", "pence"), ("85p", "measure", "pence")]),
        ("A loaf costs 95 pence.", [("95 pence", "measure", "pence")]),
        ("Doors open at 7 p.m. sharp.", [("7 p.m.", "time", None)]),  # a time of day, not pence
        ("The fine was 3m Swiss francs.", [("3m Swiss francs", "money", "CHF")]),
        ("Shares closed at CHF212.", [("CHF212", "money", "CHF")]),
        ("Traffic on the M25 was light.", [("M25", "name", "m25")]),
    ],
)
def test_pence_and_currency_codes(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert [(figure.text, figure.kind, figure.unit) for figure in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The judge gave her a one-third discount.", [("one-third", "fraction")]),
        ("The fund bought a one-quarter stake.", [("one-quarter", "fraction")]),
        ("It became a Category 4 hurricane.", [("Category 4", "name")]),
        ("Category two calls took longer.", [("Category two", "name")]),
    ],
)
def test_hyphenated_parts_are_shares_and_categories_are_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(figure.text, figure.kind) for figure in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vigil began at 7p.m. on Friday.", [("7p.m.", "time")]),  # a time of day, not pence
        ("The Fleur2 model costs more.", []),  # letters before a number are no currency code
        ("Sales slowed at the end of a quarter in which prices rose 4%.", [("4%", "percent")]),
        ("Prices saw a drop of a fifth since May.", [("a fifth", "fraction")]),
    ],
)
def test_pence_codes_and_quarters_need_their_own_shape(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(figure.text, figure.kind) for figure in find_figures(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["Shares suffered a loss of a third since January.", "Prices saw a slide of a fifth since May."],
)
def test_a_fraction_after_any_change_noun_is_a_share(text: str) -> None:
    assert [figure.kind for figure in find_figures(text)] == ["fraction"]


def test_the_cheap_test_for_hidden_characters_misses_none() -> None:
    """`extract._may_hide` stands before the search for hidden characters: it may say yes where
    there are none, never no where there are some. It relies on every such character being
    unprintable, and on its table of the ASCII ones."""
    hidden = [chr(code) for code in range(0x110000) if extract.patterns.HIDDEN_START_RE.match(chr(code))]
    assert hidden
    assert not any(char.isprintable() for char in hidden)
    for char in hidden:
        for text in (f"£480{char}m", f"480{char}m", f"{char}", f"Line one\nline two\t{char}"):
            assert extract._may_hide(text), repr(text)
    assert not extract._may_hide("Sales rose 4%\nto £480m\tin 2023.")
    assert not extract._may_hide("Sales rose 4%\r\nto 480m in 2023.")


def test_a_time_written_short_and_run_on_is_one_duration() -> None:
    figures = find_figures("She trails the leader by 4min 35sec after the ninth stage.")
    durations = [(f.text, f.kind, f.unit) for f in figures if f.kind == "duration"]
    assert durations == [("4min 35sec", "duration", "minute")]
    assert find_figures("Her lead is 2hrs.")[0].unit == "hour"


def test_a_time_written_short_in_hours_and_minutes_is_one_duration() -> None:
    figures = find_figures("The last walker finished in 7h 45m, and the winner in 2h 03m 20s.")
    assert [(f.text, f.kind, f.unit) for f in figures] == [
        ("7h 45m", "duration", "hour"),
        ("2h 03m 20s", "duration", "hour"),
    ]
    assert figures[0].value == pytest.approx(7.75)
    assert figures[1].value == pytest.approx(2 + 3 / 60 + 20 / 3600)


def test_a_letter_m_after_a_number_alone_is_still_millions() -> None:
    assert [(f.text, f.value) for f in find_figures("The fund raised 12m last year.")] == [("12m", 12_000_000)]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        ("The Quenby poll has a margin of error of plus or minus 3.1 percentage points.", "3.1 percentage points", 3.1),
        ("Its margin of error is plus-or-minus 4%.", "4%", 4.0),
        ("Output growth slowed to minus 1.5% in the third quarter.", "minus 1.5%", -1.5),
    ],
)
def test_plus_or_minus_is_a_margin_not_a_value_below_zero(text: str, figure: str, value: float) -> None:
    found = {f.text: f.value for f in find_figures(text)}
    assert found.get(figure) == value, found


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Norsea will move to three-weekly bin collections.", "three-weekly", "week"),
        ("The Colne bridge gets a two-yearly inspection.", "two-yearly", "year"),
        ("Buses to Oxcombe will run two-hourly on Sundays.", "two-hourly", "hour"),
    ],
)
def test_a_period_hyphened_on_is_a_span(text: str, figure: str, unit: str) -> None:
    found = {f.text: (f.kind, f.unit) for f in find_figures(text)}
    assert found.get(figure) == ("duration", unit), found


def test_a_count_before_a_spaced_weekly_is_a_count() -> None:
    found = {f.text: f.kind for f in find_figures("The Brinton fund makes three weekly payments.")}
    assert found == {"three": "count"}


@pytest.mark.parametrize(
    ("text", "figure", "qualifier"),
    [
        ("The Colne grants add up to £7.2m between them.", "£7.2m", None),
        ("Brinton's repair bills added up to £410,000 last year.", "£410,000", None),
        ("Fines in Norsea could go up to £500.", "up to £500", "up_to"),
    ],
)
def test_parts_that_add_up_to_a_total_give_no_ceiling(text: str, figure: str, qualifier: str | None) -> None:
    found = {f.text: f.qualifier for f in find_figures(text)}
    assert figure in found and found[figure] == qualifier, found


def test_a_rate_s_period_is_no_part_of_a_time_after_it() -> None:
    # "£40,000 a year and six months of paid leave": the "a year" is the salary's period
    texts = [
        (figure.text, figure.kind) for figure in find_figures("Staff get £40,000 a year and six months of paid leave.")
    ]
    assert texts == [("£40,000", "money"), ("six months", "duration")]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("The ferries cut 3,800 tonnes of CO2 a year.", ["3,800 tonnes"]),
        ("NO2 levels fell 12% in the city centre.", ["12%"]),
        ("PM2.5 readings peaked at 180.", ["180"]),
        ("Traffic on the M4 rose 3%.", ["M4", "3%"]),  # a road's number is a name's
    ],
)
def test_a_chemical_formula_holds_no_figure(text: str, texts: list[str]) -> None:
    assert [figure.text for figure in find_figures(text)] == texts


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Drivers will strike on 14 and 15 March.", [("14", 314.0), ("15 March", 315.0)]),
        ("The fair runs on 14, 15 and 16 April.", [("14", 414.0), ("15", 415.0), ("16 April", 416.0)]),
        ("The vote is on March 14 and 15.", [("March 14", 314.0), ("15", 315.0)]),
        ("Two died on 3 May and 12 were hurt.", [("3 May", 503.0)]),  # a count after a day-first date
    ],
)
def test_days_listed_beside_a_date_take_its_month(text: str, dates: list[tuple[str, float]]) -> None:
    found = [(figure.text.rstrip("."), figure.value) for figure in find_figures(text) if figure.kind == "date"]
    assert found == dates
