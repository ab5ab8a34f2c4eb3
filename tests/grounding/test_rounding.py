"""Class 2: a rounding holds only to the nearest step, and only of a figure that measures the same thing."""

from __future__ import annotations

import pytest
from figure_cases import flagged, status

from summarizer.grounding import verify

VALUATION = "Buyers valued the supermarket chain at $3.8bn, according to the filing."


@pytest.mark.parametrize(
    "summary",
    [
        "The chain was valued at $3bn.",
        "The chain was valued at $5bn.",
    ],
)
def test_a_wrong_rounding_is_flagged(summary: str) -> None:
    assert flagged(VALUATION, summary, "$")


@pytest.mark.parametrize(
    "summary",
    [
        "The chain was valued at $4bn.",
        "The chain was valued at about $3.8bn.",
        "The chain was valued at almost $4bn.",
        "The chain was valued at more than $3bn.",
        "The chain was valued at $3.8 billion.",
    ],
)
def test_a_fair_rounding_is_not_flagged(summary: str) -> None:
    assert not flagged(VALUATION, summary, "$")


def test_roundings_of_figures_about_other_things_are_flagged() -> None:
    # Each sentence names its subject: the check does not resolve "its" to the port of the sentence before.
    article = "Debt at the port stands at $4.2bn. The port's revenue was $3.1bn last year, and profit $0.4bn."
    swapped = "The port's revenue was $4bn last year and its debt $3bn."
    assert flagged(article, swapped, "$4bn")
    assert flagged(article, swapped, "$3bn")
    assert not flagged(article, "The port's debt is about $4bn.", "$4bn")
    assert not flagged(article, "The port's revenue was $3bn last year and its debt $4bn.", "$3bn")


def test_a_percentage_rounds_to_the_nearest_point() -> None:
    article = "Support for the plan stood at 47.6% in the latest poll."
    assert status(article, "Support for the plan stood at 48%.", "48%") == "rounded"
    assert flagged(article, "Support for the plan stood at 47%.", "47%")


def test_about_is_never_finer_than_the_article() -> None:
    # "About" rounds: it may make 43 "about 40", never "about 40" into "about 41" or 2,000 into "about 2,010".
    herd = "Wardens counted about 40 deer on the estate this winter, and exactly 2,000 visitors came in January."
    assert flagged(herd, "Wardens counted about 41 deer on the estate.", "41")
    assert flagged(herd, "About 2,010 visitors came in January.", "2,010")
    assert not flagged(herd, "About 2,000 visitors came in January.", "2,000")
    assert not flagged(herd, "Wardens counted roughly 40 deer on the estate.", "40")
    assert not flagged("Wardens counted 43 deer on the estate.", "Wardens counted about 40 deer.", "40")


def test_two_approximations_alike_must_agree() -> None:
    crowd = "Organisers put the crowd at about 350 people, and some 45 stalls sold food."
    assert flagged(crowd, "Some 46 stalls sold food.", "46")
    assert flagged(crowd, "The crowd was about 360 people.", "360")
    assert not flagged(crowd, "The crowd was about 400 people.", "400")
    assert not flagged(crowd, "Some 45 stalls sold food.", "45")


def test_about_in_words_rounds_like_about_in_digits() -> None:
    assert not flagged("Some 48 walkers were caught in the storm.", "About fifty walkers were caught.", "fifty")
    assert flagged("About 40 deer were counted.", "About forty-one deer were counted.", "forty-one")


def test_percentage_points_are_not_per_cent() -> None:
    article = "The jobless rate rose by 0.4 percentage points to 7.1%, and wages grew 2.5%."
    assert flagged(article, "The jobless rate rose 0.4% to 7.1%.", "0.4%")
    assert flagged(article, "Wages grew 2.5 percentage points.", "2.5")
    assert not flagged(article, "The jobless rate rose 0.4 percentage points.", "0.4")
    assert not flagged(article, "Wages grew 2.5 per cent.", "2.5")


def test_a_dropped_minus_sign_is_flagged() -> None:
    article = "Prices fell to -0.4% in March, the statistics office said."
    assert flagged(article, "Prices fell to 0.4% in March.", "0.4%")
    assert not flagged(article, "Prices fell to -0.4% in March.", "-0.4%")
    assert not flagged("Prices fell to -0.43% in March.", "Prices fell to about -0.4% in March.", "-0.4%")


_PIER = (
    "The ferry will carry 2 million passengers a year, about a third of whom would otherwise have flown. "
    "So far 62% of the new pier is complete."
)


def test_a_rounding_of_a_value_about_something_else_is_flagged() -> None:
    assert flagged(_PIER, "About two thirds of passengers would otherwise have flown.", "two thirds")


@pytest.mark.parametrize(
    ("summary", "figure"),
    [("About 60% of the new pier is complete.", "60%"), ("Nearly Two-Thirds of New Pier Complete", "Two-Thirds")],
)
def test_a_rounding_of_the_same_thing_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(_PIER, summary, figure)


# "About" rounds to the step its own digits state: "about 620,000" is to the 10,000, so 612,400
# is "about 610,000"; a five is a step of five ("about 45" for 47).
@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        ("The library holds 612,400 books.", "The library holds around 620,000 books.", "620,000"),
        ("The choir has 43 members.", "The choir has about 41 members.", "41"),
        ("The survey asked 47.6% of members.", "The survey asked about 45% of members.", "45%"),
        ("The tunnel is 3.18km long.", "The tunnel is about 3.5km long.", "3.5km"),
    ],
)
def test_about_is_no_looser_than_the_step_of_its_own_digits(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The choir has 47 members.", "The choir has about 45 members."),
        ("The survey asked 47.4% of members.", "The survey asked about 45% of members."),
        ("Bookings rose 27%.", "Bookings rose about 30%."),
        ("The library holds 612,400 books.", "The library holds about 610,000 books."),
        ("The bridge cost £1.83bn.", "The bridge cost about £2bn."),
        ("Inflation was 4.3%.", "Inflation was about 4.5%."),
    ],
)
def test_about_within_half_a_step_of_its_own_digits_holds(article: str, summary: str) -> None:
    assert not any(check.status in {"unsupported", "misattributed"} for check in verify(article, summary).figures)


SALES_ARTICLE = "Sales at the chain rose from £4.8bn to £5.6bn last year, the company said."


@pytest.mark.parametrize(
    ("summary", "figure", "expected"),
    [
        # a rounding keeps its end of the change: £4.8bn is what sales rose from
        ("Sales climbed to about £5bn last year.", "£5bn", "misattributed"),
        ("Sales rose to about £6bn last year.", "£6bn", "rounded"),
        ("Sales rose from about £5bn to £5.6bn.", "£5bn", "rounded"),
    ],
)
def test_a_rounding_keeps_its_end_of_a_change(summary: str, figure: str, expected: str) -> None:
    assert status(SALES_ARTICLE, summary, figure) == expected


def test_about_rounds_to_the_nearest_step_and_is_no_cut() -> None:
    article = "The museum's new wing cost £5.6bn, the council said."
    assert flagged(article, "The new wing cost about £5bn.", "£5bn")
    assert not flagged(article, "The new wing cost about £6bn.", "£6bn")
    # a bare figure cut to its leading digit, as headlines write "$26M" for $26.5m, still passes
    assert not flagged(article, "The new wing cost £5bn.", "£5bn")


# A share told in words is bound like a percentage: the article's percentage for what it measures is
# its rival, and a percentage of another thing that it happens to round is no support.
FERRY_ARTICLE = (
    "Fuel made up 38% of the ferry firm's total costs last year, and its shares have risen 51% since January."
)


def test_a_share_in_words_rounding_a_percentage_of_something_else_is_flagged() -> None:
    assert status(FERRY_ARTICLE, "Fuel made up about half of the firm's total costs.", "about half") == "misattributed"
    assert not flagged(FERRY_ARTICLE, "The firm's shares have risen about 50% since January.", "about 50%")


def test_a_loose_word_share_of_the_article_is_no_rival_of_a_percentage() -> None:
    article = (
        "At the top grades, 31.8% of girls' entries received an A, compared with 26.5% for boys. "
        "However, a quarter of schools saw their top-grade results fall."
    )
    assert not flagged(article, "Girls' top-grade rate of 31.8% was 5.3 points higher than boys' 26.5%.", "26.5%")


@pytest.mark.parametrize(("figure", "caught"), [("Nearly 900,000", True), ("Nearly 850,000", False)])
def test_nearly_is_close_below_not_only_below(figure: str, caught: bool) -> None:
    article = "Some 812,000 people in the region were out of work in March, the statistics office said."
    assert flagged(article, f"{figure} people in the region were out of work in March.", figure) == caught


_SHIFT = "A gas blast at the Orvik colliery killed 14 miners and injured 27 of the 153 workers underground."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # 153 is 200 to the nearest hundred, but a round number a fifth off the value is no rounding of it
        ("The blast injured 27 of the roughly 200 workers underground.", "roughly 200", True),
        ("The blast injured 27 of the roughly 150 workers underground.", "roughly 150", False),
        ("The blast injured 27 of the more than 150 workers underground.", "more than 150", False),
    ],
)
def test_a_round_number_far_off_the_value_is_no_rounding(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_SHIFT, summary, figure) is wrong


_OPERA = "The state subsidy of 410 million crowns covered 58% of the Karsholm opera's budget."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # a fraction is a coarse bound: "more than half" is told of 58%
        ("A state subsidy covered more than half of the Karsholm opera's budget.", "half", False),
        ("A state subsidy covered more than two-thirds of the Karsholm opera's budget.", "two-thirds", True),
        ("A state subsidy covered more than a third of the Karsholm opera's budget.", "third", True),
    ],
)
def test_a_fraction_s_lower_bound_holds_ten_points_past_it(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_OPERA, summary, figure) is wrong
