"""What a number is, told apart by the parser: vague amounts, ranks, ordinals, ages, magnitudes,
durations; and figures in text with terminal escapes or invisible characters (issue 8, classes 5-6).

Every case is a pair: a sentence where the figure must be read as such, and one where it must not.
"""

from __future__ import annotations

import pytest

from summarizer.figures import Figure, find_figures


def figure_at(text: str, word: str) -> Figure | None:
    """The figure whose text contains `word`, or None."""
    return next((f for f in find_figures(text) if word in f.text), None)


# --- vague amounts: a capitalised word, or a verb, is no amount ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Scores of fishing boats stayed in the harbour.",
        "The storm damaged scores of fishing boats.",
        "Dozens of volunteers cleared the beach.",
        "Dozens were evacuated from the tower block.",
        "The ferry carried hundreds of passengers.",
        "Thousands gathered outside the town hall.",
    ],
)
def test_a_vague_plural_that_counts_something_is_an_amount(text: str) -> None:
    figures = find_figures(text)
    assert len(figures) == 1 and figures[0].vague and figures[0].value is not None


@pytest.mark.parametrize(
    "text",
    [
        "The striker scores in almost every home game.",
        "She scores highly on every test the school sets.",
        "Reading scores rose across the county.",
        "The bakery chain Dozens opened a branch in Leeds.",
        "Tickets for the Hundreds tournament sold out.",
    ],
)
def test_a_verb_a_noun_or_a_name_is_no_vague_amount(text: str) -> None:
    assert find_figures(text) == []


# --- ranks and ordinals -----------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The seed ranked No. 4 lost.", "The seed ranked No 4 lost.", "She is number four."])
def test_a_rank_is_a_rank_however_it_is_written(text: str) -> None:
    figure = find_figures(text)[0]
    assert (figure.kind, figure.unit, figure.value, figure.role) == ("name", "number 4", 4.0, "rank")


def test_no_in_lower_case_before_a_number_is_no_rank() -> None:
    figure = figure_at("there were no 4 wheel drives left", "4")
    assert figure is None or figure.role != "rank"


@pytest.mark.parametrize(
    ("text", "value"),
    [("The town marked the 60th anniversary of the flood.", 60.0), ("She celebrated her ninetieth birthday.", 90.0)],
)
def test_an_anniversary_is_an_ordinal_with_the_role_anniversary(text: str, value: float) -> None:
    figure = find_figures(text)[0]
    assert (figure.kind, figure.value, figure.role) == ("ordinal", value, "anniversary")


def test_an_ordinal_place_is_no_anniversary() -> None:
    figure = find_figures("The team finished 60th in the table.")[0]
    assert (figure.kind, figure.role) == ("ordinal", None)


# --- money: a suffix scale is the scale word -------------------------------------------------


@pytest.mark.parametrize(
    ("short", "long"), [("$14M", "$14 million"), ("€3B", "€3 billion"), ("£250K", "£250 thousand")]
)
def test_a_capital_suffix_scale_reads_as_the_scale_word(short: str, long: str) -> None:
    a = find_figures(f"The start-up raised {short} last spring.")[0]
    b = find_figures(f"The start-up raised {long} last spring.")[0]
    assert a.kind == "money"
    assert (a.kind, a.value, a.unit, a.scale) == (b.kind, b.value, b.unit, b.scale)


# --- ages ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The poet died at 83 in a hospice.",
        "The poet, who died aged 83, left no will.",
        "Her father, Tomas Berg, 83, still rides a bicycle.",
        "The poet dies at 83 in the final chapter.",
        "She retired at the age of 83.",
        "The winners were Ana Ruiz, 41, and her uncle Tomas Berg, 83.",
    ],
)
def test_an_age_is_an_age(text: str) -> None:
    figure = figure_at(text, "83")
    assert figure is not None and (figure.kind, figure.value, figure.unit, figure.role) == ("age", 83.0, "year", "age")


@pytest.mark.parametrize(
    "text",
    [
        "The bus arrived at 83 stops that day.",
        "In Cardiff, 83 homes lost power.",
        "Of the 200 seats, 83, or about 40%, went to the opposition.",
        "The votes were counted in Oldbridge, 83.",
        "Seats won by the party: Labour, 83.",
        "The table has Castlemere top, ahead of Harbour City, 83.",
    ],
)
def test_a_count_beside_at_or_a_comma_is_no_age(text: str) -> None:
    figure = figure_at(text, "83")
    assert figure is not None and figure.kind == "count" and figure.role is None


# --- magnitudes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A 6.3 quake shook the coast at dawn.",
        "A magnitude-6.3 earthquake shook the coast.",
        "A 6.3-magnitude tremor shook the coast.",
        "The tremor measured magnitude 6.3.",
        "The quake registered 6.3 on the Richter scale.",
    ],
)
def test_an_earthquake_magnitude_is_a_magnitude(text: str) -> None:
    figure = figure_at(text, "6.3")
    assert figure is not None
    assert (figure.kind, figure.value, figure.unit, figure.role) == ("measure", 6.3, "magnitude", "magnitude")


@pytest.mark.parametrize("text", ["Rents rose 6.3 points in the index.", "The quake damaged 63 houses."])
def test_a_number_near_quake_words_is_no_magnitude_unless_it_measures_one(text: str) -> None:
    figure = find_figures(text)[0]
    assert figure.role != "magnitude" and figure.unit != "magnitude"


# --- durations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The drought lasted 11 consecutive years.", 11.0, "year"),
        ("The lift stayed broken for three more weeks.", 3.0, "week"),
        ("Talks ran for 14 straight hours.", 14.0, "hour"),
        ("The road is shut for 48 hrs.", 48.0, "hour"),
        ("The repair took 25 mins.", 25.0, "minute"),
        ("The lease runs for 5 yrs.", 5.0, "year"),
    ],
)
def test_a_duration_is_a_duration_with_a_word_between_or_an_abbreviation(text: str, value: float, unit: str) -> None:
    figure = find_figures(text)[0]
    assert (figure.kind, figure.value, figure.unit) == ("duration", value, unit)


@pytest.mark.parametrize(
    "text", ["The 11 consecutive winners shared the prize.", "She bought three more tickets for next year."]
)
def test_a_count_before_a_non_time_word_stays_a_count(text: str) -> None:
    figure = find_figures(text)[0]
    assert figure.kind == "count"


# --- terminal escapes and invisible characters -----------------------------------------------


def test_a_terminal_colour_escape_yields_no_figure() -> None:
    text = "\x1b[32mThe vote passed\x1b[0m without debate."
    assert find_figures(text) == []


def test_a_figure_inside_colour_escapes_is_read_and_its_positions_fit_the_original_text() -> None:
    text = "Turnout was \x1b[1m\x1b[33m62%\x1b[0m this time."
    figure = find_figures(text)[0]
    assert (figure.kind, figure.value) == ("percent", 62.0)
    assert text[figure.start : figure.end] == figure.text == "62%"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_inside_a_figure_does_not_split_it(invisible: str) -> None:
    text = f"The council borrowed £7{invisible}35m for the bridge."
    figures = find_figures(text)
    assert len(figures) == 1
    figure = figures[0]
    assert (figure.kind, figure.value, figure.unit) == ("money", 735e6, "GBP")
    assert text[figure.start : figure.end] == figure.text == f"£7{invisible}35m"


def test_an_invisible_character_between_figures_leaves_both() -> None:
    text = "Of 90 staff,\u200b 12 left."
    assert [(f.text, f.value) for f in find_figures(text)] == [("90", 90.0), ("12", 12.0)]


def test_without_hidden_characters_positions_are_unchanged() -> None:
    text = "The council borrowed £735m for the bridge."
    figure = find_figures(text)[0]
    assert (figure.start, figure.end, figure.text) == (21, 26, "£735m")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Burglaries dropped by 578 in 2023, to 4,812.", [("578", "count"), ("2023", "year"), ("4,812", "count")]),
        ("Sales rose by 360 in 2024.", [("360", "count"), ("2024", "year")]),
        (
            "One in five adults and 3 in 10 children were affected.",
            [("One in five", "fraction"), ("3 in 10", "fraction")],
        ),
    ],
)
def test_a_count_followed_by_in_and_a_year_is_not_a_ratio(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(figure.text, figure.kind) for figure in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The hall seats no  fewer than 200 guests.", "at_least"),
        ("The hall seats more  than 200 guests.", "more_than"),
        ("Repairs take up  to 30 days.", "up_to"),
        ("The hall seats not more than 200 guests.", "up_to"),
        ("The hall seats not fewer than 200 guests.", "at_least"),
    ],
)
def test_a_qualifier_is_read_whole(text: str, qualifier: str) -> None:
    figure = find_figures(text)[0]
    assert figure.qualifier == qualifier and text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    ("text", "figure_text", "value"),
    [
        ("Prices fell to -0.4% in March.", "-0.4%", -0.4),
        ("The lake froze at −8C overnight.", "−8C", -8.0),
        ("Output shrank by minus 1.5% (revised).", "minus 1.5%", -1.5),
        ("Rents rose 5-10% last year.", "10%", 10.0),
    ],
)
def test_a_minus_sign_makes_a_percentage_or_a_measure_negative(text: str, figure_text: str, value: float) -> None:
    figure = figure_at(text, figure_text)
    assert figure is not None and (figure.text, figure.value) == (figure_text, value)
