"""Tests for reading which way a figure moved, and for catching a summary that reverses it."""

from __future__ import annotations

import pytest

from summarizer.figures import find_figures
from summarizer.grounding import verify
from summarizer.grounding.direction import movement_of, told_as_size


def direction(text: str) -> str | None:
    figure = next(f for f in find_figures(text) if f.value is not None)
    movement = movement_of(text, figure)
    return movement.direction if movement else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ticket sales rose 12% in June.", "up"),
        ("Ticket sales rose by an estimated 12% in June.", "up"),
        ("Ticket sales rose sharply by 12% in June.", "up"),
        ("River levels could rise again by up to half a metre.", "up"),
        ("The jobless rate fell further to 4.1%.", None),
        ("The harbour authority reported a 12% fall in cargo.", "down"),
        ("The ferry line lost nearly $5m last winter.", "down"),
        ("The bakery chain made $2m in its first year.", "up"),
        ("The council cut 300 posts.", "down"),
        ("New pumps will cut the pier's power bill by £6,300.", "down"),
        ("The ferry firm raised its fares by 4% in May.", "up"),
        ("The Velloch mill cut 90 more posts this year than last.", "up"),
        ("The Velloch mill cut 90 fewer posts this year than last.", "down"),
        ("The Velloch board aims to cut its emissions by 2030.", None),
        ("The storm was followed by 30 hours of rain.", None),
        ("Turnout showed an increase of 4 points.", "up"),
        ("The port reported a fall of about 12% in cargo.", "down"),
        ("The brewer made a profit of £9m.", None),
        ("Share prices were down 3% by noon.", "down"),
        ("The index gave up 174 points.", "down"),
        ("The co-operative shed 40 jobs.", "down"),
        ("Visitor numbers were 8% higher than in spring.", "up"),
        ("The new runway is 300 metres longer than the old one.", "up"),
        ("The reservoir is 2 metres below its usual level.", "down"),
        ("The pier is now 40 metres shorter than in 1950.", "down"),
        ("Nights were 3C colder than usual.", "down"),
        ("The sea was 2C warmer than the August average.", "up"),
    ],
)
def test_words_beside_a_figure_give_its_direction(text: str, expected: str) -> None:
    assert direction(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The striker made 40 appearances for the club.",  # earning is a rise only of money
        "Losses rose to $5m.",  # a rise of losses is not a gain
        "Fares will go up to 20% next year.",  # "up to" is a bound, not a rise
        "The pair set up 12 firms in a decade.",
        "The survey asked 2,000 adults in June.",
        "Sales rose in March, and 40 shops opened.",  # the verb belongs to another clause
    ],
)
def test_no_direction_where_the_words_give_none(text: str) -> None:
    assert direction(text) is None


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("Quarterly profit at the brewer fell 12% to $40m.", "The brewer's profit rose 12%."),
        ("The café group, which lost millions of dollars, closed in May.", "The café group made millions of dollars."),
        ("Rail passenger numbers dropped by 3,000 a day.", "Rail passenger numbers rose by 3,000 a day."),
        ("The tech index gained 2.5% on Monday.", "The tech index lost 2.5% on Monday."),
        ("Orders rose 5%, while costs fell 3%.", "Costs rose 3%."),
    ],
)
def test_a_figure_turned_round_is_misattributed(article: str, summary: str) -> None:
    check = verify(article, summary).figures[0]
    assert check.status == "misattributed", check
    assert check.note is not None and "not" in check.note
    assert check.article_sentence is not None


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("Quarterly profit at the brewer fell 12% to $40m.", "The brewer's profit dropped 12%."),
        ("The index gave up 174 points, or 1%.", "Index ends the day down 174."),
        ("Orders rose 5%, while costs fell 3%.", "Costs fell 3%."),
        ("Losses at the airline rose to $5m.", "The airline lost $5m."),
        ("The store shed 40 jobs.", "40 jobs go at the store."),  # no direction in the summary
        # one fact seen from its other side: the subjects differ
        ("The Greens lost 48 seats to the Liberals.", "The Liberals gained 48 seats from the Greens."),
        ("The peso fell 2% against the rand.", "The rand rose 2% against the peso."),
        ("Okafor beat Lind, winning by 312 votes.", "Lind lost by 312 votes."),
        # another occurrence of the value went the summary's way
        ("The mill cut 300 jobs in Leeds and added 300 in Hull.", "The mill added 300 jobs in Hull."),
        # a level after "to" is not a movement
        ("Annual profit at the brewer fell 20% to $5m.", "The brewer made $5m last year."),
        # an occurrence of the value moved the summary's way (the other one is about fares)
        ("Fares rose 4% in May. Wages fell 4% in June.", "Wages fell 4% in June."),
    ],
)
def test_the_same_direction_or_none_is_accepted(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert report.figures
    assert all(check.status in {"supported", "rounded"} for check in report.figures), report.render_text()


def test_a_comparison_turned_round_is_flagged() -> None:
    article = "The pier is 410 metres long, 40 metres shorter than in 1950, after storms took its end."
    report = verify(article, "The pier is 410 metres long, 40 metres longer than in 1950.")
    assert [check.rule for check in report.figures if check.text == "40 metres"] == ["direction"]


# What moved may be bad in itself: a rise of debt is compared with other moves of bad things only.
def test_a_bad_things_move_has_a_direction_of_its_own() -> None:
    text = "The port's net debt fell by £40m over the year."
    movement = movement_of(text, find_figures(text)[0])
    assert movement is not None and movement.direction == "down" and movement.bad


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The port's net debt fell by £40m over the year.", "The port's net debt rose by £40m."),
        # what moved may stand after the noun: "an 8% rise in winter bookings"
        (
            "The ferry company reported an 8% rise in winter bookings, while summer bookings were flat.",
            "Winter bookings at the ferry company fell 8%.",
        ),
        ("The gap between the two parties narrowed by 3 points.", "The gap between the parties widened by 3 points."),
    ],
)
def test_moves_of_bad_things_and_of_things_named_after_the_noun_are_turned_round(article: str, summary: str) -> None:
    assert verify(article, summary).figures[0].status == "misattributed"


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The charity's deficit grew by £2m last year.", "The charity lost £2m last year."),
        ("The ferry company reported an 8% rise in winter bookings.", "The ferry company's winter bookings rose 8%."),
    ],
)
def test_moves_told_alike_or_of_unlike_things_are_accepted(article: str, summary: str) -> None:
    assert all(check.status in {"supported", "rounded"} for check in verify(article, summary).figures)


# The summary's own change goes against the way its two ends go.
@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "The port handled 5.3 million tonnes of cargo, up from 4.8 million tonnes.",
            "The port handled 5.3 million tonnes of cargo, down from 4.8 million tonnes.",
        ),
        ("Average rents climbed to £1,140 from £1,090.", "Average rents fell to £1,140 from £1,090."),
        ("The jobless rate edged up to 4.1% from 3.9%.", "The jobless rate eased to 4.1% from 3.9%."),
    ],
)
def test_a_change_told_against_the_way_of_its_own_ends_is_flagged(article: str, summary: str) -> None:
    checks = verify(article, summary).figures
    assert checks[0].status == "misattributed" and checks[0].rule == "change-way", checks


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "The port handled 5.3 million tonnes of cargo, up from 4.8 million tonnes.",
            "The port handled 5.3 million tonnes of cargo, up from 4.8 million tonnes.",
        ),
        ("Average rents climbed to £1,140 from £1,090.", "Rents rose to £1,140 from £1,090."),
        # a rank rises as its number falls
        ("The club climbed to 3rd from 7th.", "The club rose to 3rd from 7th."),
        # the article itself tells it so: the summary copies it
        ("Average rents fell to £1,140 from £1,090.", "Average rents fell to £1,140 from £1,090."),
    ],
)
def test_a_change_told_the_way_of_its_ends_or_as_the_article_tells_it_is_accepted(article: str, summary: str) -> None:
    assert all(check.status in {"supported", "rounded"} for check in verify(article, summary).figures)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        # a decimal point ends no clause: the debt is still what moved
        ("The port's net debt of £1.2bn fell by 3% over the year.", "The port's net debt rose by 3%."),
        # the bad thing may follow the noun
        ("The ferry line reported a 12% rise in losses.", "The ferry line's losses fell 12%."),
    ],
)
def test_a_bad_thing_is_read_past_decimals_and_after_the_noun(article: str, summary: str) -> None:
    assert verify(article, summary).figures[0].status == "misattributed"


# The summary gives one end of a change and its way; the article gives the change with both ends.
CLINIC_ARTICLE = (
    "The clinic said 2,340 patients were on its waiting list, down from 2,910 in spring, and that "
    "the number seen each week rose to 640 from 580."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The clinic's waiting list rose to 2,340 patients.", "2,340"),
        ("Patients seen each week fell to 640.", "640"),
    ],
)
def test_an_end_told_going_the_other_way_is_flagged(summary: str, figure: str) -> None:
    check = next(f for f in verify(CLINIC_ARTICLE, summary).figures if f.text == figure)
    assert check.status == "misattributed"
    assert check.rule == "change-way"


@pytest.mark.parametrize(
    "summary",
    [
        "The clinic's waiting list fell to 2,340 patients.",
        "Patients seen each week rose to 640.",
        "The number seen each week is now 640.",
    ],
)
def test_an_end_told_the_articles_way_or_with_no_way_is_accepted(summary: str) -> None:
    assert verify(CLINIC_ARTICLE, summary).ok


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        # the article tells the summary's way itself, though its ends go the other way
        (
            "Shares in the chain rose 3% on Tuesday to 240p, down from 310p at the start of the year.",
            "Shares in the chain rose to 240p on Tuesday.",
        ),
        (
            "The jobless rate edged up to 4.3% in March, down from 5.1% a year earlier.",
            "The jobless rate edged up to 4.3% in March.",
        ),
    ],
)
def test_an_end_the_article_tells_the_summarys_way_is_accepted(article: str, summary: str) -> None:
    assert verify(article, summary).ok


def test_an_adverb_between_a_verb_and_its_figure_keeps_the_way() -> None:
    article = "Forecasters warned that river levels could rise again by up to half a metre on Wednesday."
    check = verify(article, "River levels could fall by up to half a metre on Wednesday.").figures[0]
    assert check.status == "misattributed"
    assert verify(article, "River levels could rise by up to half a metre on Wednesday.").ok


def test_a_summary_change_against_its_own_ends_is_flagged_where_the_article_ties_none() -> None:
    article = "The county has recorded 212 road accidents so far this year, almost twice the 118 of last year."
    summary = "The county recorded 212 road accidents this year, down from 118 last year."
    check = next(f for f in verify(article, summary).figures if f.text == "212")
    assert (check.status, check.rule) == ("misattributed", "change-way")
    assert verify(article, "The county recorded 212 road accidents this year, up from 118 last year.").ok


def test_a_change_of_the_sentences_first_figure_is_not_read_as_a_later_ones() -> None:
    # "up from 60" is the fleet's change, not the 35 bought this year
    article = (
        "The county has 120 electric buses in service. It bought 35 this year. Five years ago the fleet numbered 60."
    )
    summary = "The county now runs 120 electric buses, 35 of them bought this year, up from 60 five years ago."
    assert verify(article, summary).ok


def test_a_size_written_short_is_still_checked_for_its_way() -> None:
    article = "The Harbour Party took 44.2% of the vote, an increase of 6.1 percentage points."
    report = verify(article, "The Harbour Party's vote share fell 6.1 points.")
    assert [(f.text, f.status, f.rule) for f in report.figures] == [("6.1", "misattributed", "direction")]
    assert verify(article, "The Harbour Party's vote share rose 6.1 points.").ok


def test_a_difference_told_with_a_verb_and_its_object_is_a_change_of_that_object() -> None:
    # a change's size, told "cut <object> by <size>", is the difference of the change's ends even
    # where the summary's words also fit another amount ("the pier" of its £7.2m rebuild)
    article = (
        "Rebuilding the Dunmarra pier will cost £7.2 million. New pumps will cut the pier's power bill "
        "from £9,400 to about £3,100 a year."
    )
    report = verify(article, "New pumps will cut the Dunmarra pier's power bill by about £6,300.")
    assert [(check.text, check.status) for check in report.figures] == [("about £6,300", "derived")]


def test_a_loss_told_with_only_is_a_level_not_a_change() -> None:
    for text in ("The airline lost $5m last year.", "The airline lost only $5m last year."):
        (figure,) = find_figures(text)
        assert not told_as_size(text, figure), text
