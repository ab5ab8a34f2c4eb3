"""Class 7: a figure tied to a time in the summary must have that time in the article."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status

from summarizer.grounding import index_article

REQUESTS = "In 2021, 60% of requests came from abroad, up from 35% in 2019, the agency said."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("In 2019, 60% of requests came from abroad.", "60%"),
        ("60% of requests came from abroad in 2019.", "60%"),
        ("In 2021, 35% of requests came from abroad.", "35%"),
    ],
)
def test_a_value_moved_to_another_year_is_flagged(summary: str, figure: str) -> None:
    assert flagged(REQUESTS, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("In 2021, 60% of requests came from abroad.", "60%"),
        ("60% of requests came from abroad in 2021, against 35% in 2019.", "35%"),
        ("The share of requests from abroad rose to 60%.", "60%"),
    ],
)
def test_a_value_with_its_own_year_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(REQUESTS, summary, figure)


def test_the_past_decade_is_not_the_next() -> None:
    article = "Rents in the city rose 40% over the past decade, the survey found."
    assert flagged(article, "Rents will rise 40% over the next decade.", "40%")
    assert not flagged(article, "Rents rose 40% over the last decade.", "40%")


def test_a_start_year_is_not_a_completion_year() -> None:
    article = "Work on the tunnel began in 2018 and is due to finish in 2025."
    assert flagged(article, "The tunnel was finished in 2018.", "2018")
    assert not flagged(article, "Work on the tunnel began in 2018.", "2018")


FERRY = (
    "The ferry service between the islands was launched in 2009. "
    "In 2016 the harbour board sold its last tugboat to a salvage firm, and a new pier was built nearby. "
    "Passenger numbers have doubled since then."
)


@pytest.mark.parametrize(
    "summary",
    [
        "The ferry service between the islands was launched in 2016.",
        "In 2016 a ferry service was launched between the two islands.",
    ],
)
def test_a_year_taken_from_another_event_is_flagged(summary: str) -> None:
    assert status(FERRY, summary, "2016") == "misattributed"


@pytest.mark.parametrize(
    "summary",
    [
        "The harbour board sold its last tugboat in 2016.",
        "A new pier went up in 2016.",
        "The ferry service was launched in 2009.",
        "Since 2016 the islands have had a new pier.",
    ],
)
def test_a_year_of_its_own_event_is_not_flagged(summary: str) -> None:
    year = "2009" if "2009" in summary else "2016"
    assert not flagged(FERRY, summary, year)


def test_an_aside_between_event_and_year_keeps_them_together() -> None:
    article = (
        "The council wants to end rough sleeping - now at 400 people a night - by 2030, its leader said. "
        "A hostel for rough sleepers opened in 2021."
    )
    assert not flagged(article, "Council aims to end rough sleeping by 2030", "2030")


def test_a_name_shared_with_another_year_is_no_evidence_of_its_event() -> None:
    article = "Wilson took charge of the club in 2016. He was sacked in 2019 after a run of defeats."
    assert not flagged(article, "The club dismissed Wilson in 2019.", "2019")
    assert not flagged(article, "Wilson's spell at the club ended in 2019.", "2019")
    assert flagged(article, "Wilson took charge of the club in 2019.", "2019")


def test_the_end_of_a_range_of_years_dates_the_range_s_event() -> None:
    article = (
        "The mill, first opened in 1881, made paper from 1902 to 1968 before it closed. "
        "A museum took over the buildings in 1990."
    )
    assert not flagged(article, "The mill made paper from 1902 to 1968.", "1968")
    assert flagged(article, "A museum took over the mill's buildings in 1968.", "1968")
    assert flagged(article, "The mill made paper from 1902 to 1990.", "1990")


_SHOPS = "The charity's shops took £3.2m, against £2.7m in 2021. It opened six new shops last year."


def test_the_year_of_a_compared_figure_is_not_the_year_of_the_figure_it_is_compared_with() -> None:
    assert flagged(_SHOPS, "In 2021 the charity's shops took £3.2m.", "£3.2m")
    assert not flagged(_SHOPS, "In 2021 the charity's shops took £2.7m.", "£2.7m")
    assert nothing_flagged(_SHOPS, "The shops took £3.2m, up from £2.7m in 2021.")
    assert nothing_flagged(_SHOPS, "The charity's shops took £3.2m, £500,000 more than in 2021.")
    assert nothing_flagged(_SHOPS, "The charity's shops took £3.2m, beating 2021's £2.7m.")
    assert nothing_flagged(_SHOPS, "Since 2021 the takings of the charity's shops have risen to £3.2m.")
    assert nothing_flagged(_SHOPS, "The charity's shops have grown their takings to £3.2m from 2021's level.")
    assert nothing_flagged(_SHOPS, "Opened in 2021, the charity's shops took £3.2m.")


_TURNOUT = (
    "VALDA, 10 March 2025 - Voters re-elected the mayor on Sunday. Turnout was 71.4%, up from 64.9% "
    "four years ago. The city's shops took £3.2m, against £2.7m a year ago."
)


def test_a_year_counted_back_from_the_dateline_dates_the_compared_figure_only() -> None:
    assert flagged(_TURNOUT, "In 2021, turnout was 71.4%.", "71.4%")
    assert flagged(_TURNOUT, "In the 2021 election, turnout was 71.4%.", "71.4%")
    assert flagged(_TURNOUT, "In 2024 the city's shops took £3.2m.", "£3.2m")
    assert not flagged(_TURNOUT, "In the 2021 election, turnout was 64.9%.", "64.9%")
    assert nothing_flagged(_TURNOUT, "Turnout rose to 71.4% from 64.9% in 2021.")


def test_a_time_counted_back_from_the_event_told_is_not_counted_from_the_dateline() -> None:
    article = (
        "VALDA, 10 March 2025 - The city last went to the polls in 2021. Turnout was 68.2%, up from "
        "61.5% four years earlier. Harlow Foods made a pre-tax profit of £3.2m in 2024, up from £2.7m a "
        "year earlier."
    )
    assert nothing_flagged(article, "In 2021, turnout was 68.2%.")
    assert nothing_flagged(article, "In 2024, Harlow Foods made a pre-tax profit of £3.2m.")


_BLAZE = "The blaze was 35% contained as of Sunday, up from 10% on Friday. The toll rose to 212 on Thursday."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [("By Sunday the blaze was only 10% contained.", "10%"), ("By Wednesday the toll had reached 212.", "212")],
)
def test_a_value_moved_to_another_day_of_the_week_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_BLAZE, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "By Sunday the blaze was 35% contained.",
        "On Friday the blaze was 10% contained.",
        "The toll rose to 212 on Thursday.",
    ],
)
def test_a_value_told_for_its_own_day_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_BLAZE, summary)


_HACKS = (
    "In 2014, the group hacked a film studio in revenge for a comedy about its leader. "
    "Its boldest raid came two years later, when it tried to rob a central bank of $1bn."
)


def test_a_year_that_opens_its_sentence_dates_the_clause_after_it() -> None:
    # 2016 is 2014 and "two years later", but the article dates the studio hack 2014
    assert flagged(_HACKS, "In 2016, the group hacked a film studio in revenge for a comedy.", "2016")
    assert not flagged(_HACKS, "In 2014, the group hacked a film studio.", "2014")
    assert not flagged(_HACKS, "In 2016, the group tried to rob a central bank.", "2016")


def test_a_year_after_a_count_dates_the_whole_clause() -> None:
    article = (
        "In 2014 the group hacked a film studio. In 2017 a ransomware worm locked 300,000 computers in 150 countries."
    )
    assert flagged(article, "A ransomware worm locked 300,000 computers in 2014.", "2014")
    assert not flagged(article, "A ransomware worm locked 300,000 computers in 2017.", "2017")


DATED = (
    "(Jun 4, 2021 10:15 AM) The county's new ferry terminal opened in 2019 after long delays. "
    "Its cafe now serves about 300 travellers a day, the operator says."
)


def test_the_dateline_is_not_the_year_of_an_event_the_article_dates() -> None:
    assert flagged(DATED, "The county's new ferry terminal opened in 2021 after long delays.", "2021")
    assert not flagged(DATED, "The county's new ferry terminal opened in 2019.", "2019")
    assert not flagged(DATED, "In 2021 the terminal's cafe serves about 300 travellers a day.", "2021")


def test_the_year_after_the_dateline_is_not_derived_for_an_event_the_article_dates() -> None:
    assert flagged(DATED, "The county's new ferry terminal opened in 2022 after long delays.", "2022")
    coming = "(Jun 4, 2021 10:15 AM) The county plans a second ferry terminal, its council said on Friday."
    assert status(coming, "The county's second ferry terminal is planned for 2022.", "2022") == "derived"


def test_a_year_counted_from_an_event_is_not_that_event_s_year() -> None:
    article = (
        "In 2015, the gang settled an old score with a rival crew by breaking into a museum in Namur. "
        "Its boldest raid came three years later, when it emptied a jeweller's vault in Ghent."
    )
    assert flagged(article, "The gang broke into the Namur museum in 2018.", "2018")
    assert status(article, "The gang emptied a jeweller's vault in Ghent in 2018.", "2018") == "derived"


RATES = "The toll bridge brings the county about £2m every year, and its cafe takes £4,000 a week."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The toll bridge earns the county about £2m a month.", "£2m"),
        ("The bridge cafe takes £4,000 a day.", "£4,000"),
        ("The bridge cafe takes £4,000 annually.", "£4,000"),
    ],
)
def test_a_rate_given_per_another_period_is_flagged(summary: str, figure: str) -> None:
    assert flagged(RATES, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The toll bridge earns the county about £2m a year.", "£2m"),
        ("The toll bridge earns the county about £2m annually.", "£2m"),
        ("The bridge cafe takes £4,000 per week.", "£4,000"),
        ("The toll bridge has earned the county about £2m.", "£2m"),
    ],
)
def test_a_rate_given_per_its_period_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(RATES, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary", "year"),
    [
        (
            "(Jun 4, 2021 10:15 AM) The ferry terminal opened on Friday. "
            "The old terminal opened in 1965 and shut in 2015.",
            "The new ferry terminal opened in 2021.",
            "2021",
        ),
        (
            "(Mar 2, 2020) Council tax will rise by 4% in April, the council said. It rose by 3% in 2019.",
            "Council tax will rise by 4% in 2020.",
            "2020",
        ),
        (
            "(Jun 4, 2021 10:15 AM) The first ferry terminal opened in 2019. "
            "A second ferry terminal will open next year.",
            "A second ferry terminal will open in 2022.",
            "2022",
        ),
    ],
)
def test_the_dateline_dates_an_event_told_without_a_year(article: str, summary: str, year: str) -> None:
    assert not flagged(article, summary, year)


def test_a_rate_s_period_is_read_after_its_noun_phrase() -> None:
    article = "The quarry ships 90 tonnes of slate a week, and a £30 ticket and a day pass are sold."
    assert flagged(article, "The quarry ships 90 tonnes of slate a month.", "90 tonnes")
    assert not flagged(article, "The quarry ships 90 tonnes of slate every week.", "90 tonnes")


def test_a_span_the_article_gives_for_something_else_is_misattributed() -> None:
    article = (
        "The harbour master said the deal ended twelve years of wrangling over berths. "
        "Engineers expect the new sea wall to stand for 20 years."
    )
    assert flagged(article, "The harbour master said the deal ended 20 years of wrangling over berths.", "20 years")
    assert not flagged(article, "Engineers expect the new sea wall to stand for twenty years.", "twenty years")


def test_a_value_told_over_another_span_is_misattributed() -> None:
    article = (
        "Passenger numbers at the airport rose 4% in March. "
        "They have climbed 22% over the past three years as new routes opened."
    )
    assert flagged(article, "Passenger numbers have climbed 4% over the past three years.", "4%")
    assert not flagged(article, "Passenger numbers have climbed 22% over the past three years.", "22%")
    assert not flagged(article, "Passenger numbers rose 4% in March.", "4%")


_COMPARED = "The ferry line carried 3.4 million passengers, against 2.9 million passengers in 2023."


def test_a_year_that_dates_the_compared_value_is_not_the_figures_year() -> None:
    assert flagged(_COMPARED, "The ferry line carried 3.4 million passengers in 2023.", "2023")
    assert not flagged(_COMPARED, "The ferry line carried 2.9 million passengers in 2023.", "2023")


def test_a_year_that_dates_the_compared_value_is_no_evidence_against_another_year() -> None:
    article = "The ferry line made a profit of €40m for 2024. " + _COMPARED
    summary = "The ferry line carried 3.4 million passengers in 2024, up from 2.9 million."
    assert not flagged(article, summary, "2024")


_STORM = (
    "At least 16 islanders died when the gale struck on Tuesday. "
    "It was the worst gale since 1999, when 40 islanders died."
)


def test_a_value_told_without_a_year_is_not_the_value_another_figure_gives_for_that_year() -> None:
    assert flagged(_STORM, "It was the worst gale since 1999, when 16 islanders died.", "16")
    assert nothing_flagged(_STORM, "At least 16 islanders died, the worst toll since 1999, when 40 died.")


def test_a_rounded_figure_keeps_the_year_that_dates_it() -> None:
    article = "The port handled 45.3 million tonnes in 2024."
    assert nothing_flagged(article, "The port handled about 45 million tonnes in 2024.")


def test_a_span_in_other_units_is_the_same_span() -> None:
    article = "The reservoir fell 18% in 14 days; the one at Kelby fell 25% in two weeks."
    assert nothing_flagged(article, "The reservoir fell 18% in two weeks.")


_RALLY = "Shares in Holt Energy rose 14% on Tuesday. Holt shares rose 9% in 2018 after a takeover bid."


@pytest.mark.parametrize(
    "summary",
    [
        "In a rally not seen since 2018, Holt Energy shares rose 14% on Tuesday.",
        "Holt Energy shares rose 14% on Tuesday, their best day since 2018.",
    ],
)
def test_a_year_compared_with_does_not_date_the_figure(summary: str) -> None:
    assert nothing_flagged(_RALLY, summary)


def test_a_value_told_in_the_sentence_after_a_dated_one_takes_its_year() -> None:
    article = "In 2023 the council's deficit was forecast at £12m. The final deficit came in at £9m, the council said."
    assert nothing_flagged(article, "In 2023 the council's final deficit was £9m.")


def test_a_year_whose_own_clause_tells_another_event_is_misattributed() -> None:
    article = (
        "The pottery firm collapsed in 2009 with its pension debts unpaid. In 2010 its museum went into "
        "administration, and in 2011 a judge ruled that the museum's collection could pay the pension debts."
    )
    assert flagged(article, "The pottery firm collapsed in 2011 with its pension debts unpaid.", "2011")
    assert nothing_flagged(article, "A judge ruled in 2011 that the museum's collection could pay the pension debts.")


_SURVEY = (
    "MARLOW, 20 May 2026 - The union has asked its members twice. "
    "In a survey in April, 58% of members backed the merger. A similar vote in 2021 drew only 300 members."
)


def test_a_month_told_without_its_year_is_the_datelines_year() -> None:
    assert flagged(_SURVEY, "In 2021, 58% of members backed the merger.", "58%")
    assert nothing_flagged(_SURVEY, "In 2026, 58% of members backed the merger.")
    assert nothing_flagged(_SURVEY, "In April, 58% of members backed the merger.")


_SPAN_TOTALS = "The grant gives the museum £300,000 over four years, and its shop made £12,000 in six weeks."


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The grant gives the museum £300,000 a year.", "£300,000"),
        ("The museum shop makes £12,000 a week.", "£12,000"),
    ],
)
def test_a_total_over_a_span_is_no_rate_per_period(summary: str, figure: str) -> None:
    assert flagged(_SPAN_TOTALS, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The grant gives the museum £300,000 over four years.", "£300,000"),
        ("The museum shop made £12,000 in 42 days.", "£12,000"),  # the same span in other units
        ("The grant is worth £300,000.", "£300,000"),
    ],
)
def test_a_total_over_its_span_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(_SPAN_TOTALS, summary, figure)


_MONTHS = (
    "Airport traffic up in August\n"
    "Passenger numbers at the airport rose 8% in August, and cargo volumes fell 3% in July. "
    "In the year to June, revenue grew 12%."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Passenger numbers at the airport rose 8% in July.", "8%"),
        ("Revenue grew 12% in the year to May.", "12%"),
    ],
)
def test_a_value_moved_to_another_month_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_MONTHS, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Passenger numbers at the airport rose 8% in August.", "8%"),
        ("Revenue grew 12% in the year to June.", "12%"),
        ("Revenue grew 12%.", "12%"),
        ("Airport cargo volumes fell 3% in July.", "3%"),
    ],
)
def test_a_value_told_for_its_month_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(_MONTHS, summary, figure)


_PRICES = "Prices in Velmar rose 3.1% in March, from 3.5% in February. Rents rose 6%. The bank meets in April."


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        # the month belongs to the value after the change, not to where it started
        (_PRICES, "In March, price growth slowed to 3.1% from 3.5%."),
        (_PRICES, "Prices rose 3.1% in March, down from 3.5% a month earlier."),
        # "since" is a starting point; a month in a clause without the figure is no month of it
        (
            "Prices in Velmar rose 3.1% in March, from 3.5% in February, the slowest since June 2023.",
            "Price growth slowed to its lowest since June 2023, at 3.1%.",
        ),
        (
            "Figures published on 9 April showed prices in Velmar rose 3.1% in March.",
            "Figures published in April showed prices rose 3.1%.",
        ),
    ],
)
def test_a_month_that_is_not_the_values_own_is_no_evidence(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


_RENT = "The cafe pays £9,000 a year in rent under a lease worth £45,000 over five years. It seats 40."


def test_a_rate_is_no_total_over_a_span() -> None:
    assert flagged(_RENT, "The cafe pays £9,000 in rent over five years.", "£9,000")
    assert not flagged(_RENT, "The cafe's lease is worth £45,000 in all over five years.", "£45,000")


# The other end of a change is told for the change's time.
_FORECAST = "The water board cut its forecast for leaks in 2027 to 8% from 11%. Leaks were 14% in 2023."


def test_the_other_end_of_a_change_is_told_for_the_changes_year() -> None:
    assert not flagged(_FORECAST, "The board lowered its 2027 leak forecast from 11% to 8%.", "11%")
    assert flagged(_FORECAST, "The board's 2023 leak forecast was 11%.", "11%")


# A month and year the article gives only as a bare year, for another event, is that year moved.
_PIER = "The Harbour Trust was set up in 2011. The pier's new café opened in June 2019 and serves 400 visitors a day."


def test_a_month_and_year_the_article_gives_only_for_another_event_is_flagged() -> None:
    assert flagged(_PIER, "The pier's new café opened in June 2011.", "June 2011")
    assert not flagged(_PIER, "The pier's new café opened in June 2019.", "June 2019")


SPAN_ARTICLE = (
    "The town's new ice rink, which opened in March, drew 85,000 skaters in its first four months. "
    "About 9,000 households joined its family scheme in the past month. "
    "The council will put £2m into repairs over the next 12 months."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The new ice rink drew 85,000 skaters in its first month.", "85,000"),
        ("About 9,000 households joined the family scheme over the past year.", "9,000"),
    ],
)
def test_a_value_told_over_a_span_of_one_unit_keeps_its_span(summary: str, figure: str) -> None:
    assert status(SPAN_ARTICLE, summary, figure) == "misattributed"


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The new ice rink drew 85,000 skaters in its first four months.", "85,000"),
        ("About 9,000 households joined the family scheme in the past month.", "9,000"),
        ("The council will spend £2m on repairs over the coming year.", "£2m"),  # 12 months is a year
    ],
)
def test_a_value_told_over_the_same_span_passes(summary: str, figure: str) -> None:
    assert not flagged(SPAN_ARTICLE, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary", "figure", "expected"),
    [
        # a conjunction starts another clause: the month is the demand's, not the sales'
        (
            "Sales rose 8% in the past three months, and orders doubled as demand picked up in the last month.",
            "Sales rose 8% as online demand picked up in the last month.",
            "8%",
            False,
        ),
        # four weeks is a month
        (
            "The food bank handed out 2,300 parcels over the past four weeks, volunteers said.",
            "The food bank handed out 2,300 parcels in the past month.",
            "2,300",
            False,
        ),
        # a quarter is no year
        (
            "The firm made £40m in its first year. It made £12m in its first quarter.",
            "The firm made £12m in its first year.",
            "£12m",
            True,
        ),
    ],
)
def test_spans_of_one_unit(article: str, summary: str, figure: str, expected: bool) -> None:
    assert flagged(article, summary, figure) == expected


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The appeal raised £3m in eight days.", "The appeal raised £3m in nine days."),
        ("The bridge repairs cost £60m over nine years.", "The bridge repairs cost £60m over a decade."),
    ],
)
def test_spans_a_tenth_apart_are_different_spans(article: str, summary: str) -> None:
    assert flagged(article, summary, "£")


# A month that opens a sentence with no comma after it places the whole clause.
FERRY_TIMES_ARTICLE = (
    "The island ferry ran late on 14 days in March, against a target of three days. "
    "In July the ferry ran late on 22 days."
)


def test_a_month_opening_a_sentence_without_a_comma_places_its_figure() -> None:
    assert status(FERRY_TIMES_ARTICLE, "In March the ferry ran late on 22 days.", "22 days") == "misattributed"
    assert not flagged(FERRY_TIMES_ARTICLE, "In July the island ferry ran late on 22 days.", "22 days")
    assert not flagged(FERRY_TIMES_ARTICLE, "The ferry ran late on 22 days in July.", "22 days")


# A span that opens the sentence is what its figures are told over.
@pytest.mark.parametrize(
    "article",
    [
        "Over six years, the club sold 420 season tickets to overseas fans.",
        "In the past six years, the club sold 420 season tickets to overseas fans.",
    ],
)
def test_a_span_opening_the_sentence_is_the_period_of_its_figures(article: str) -> None:
    assert status(article, "The club sells 420 season tickets a year to overseas fans.", "420") == "misattributed"
    assert not flagged(article, "The club sold 420 season tickets to overseas fans over six years.", "420")


def test_a_month_the_article_never_gives_is_not_supported_by_its_year() -> None:
    article = "The charity was founded in 2012 and moved its offices to the city in 2019."
    assert flagged(article, "The charity was founded in January 2012.", "January 2012")
    assert not flagged(article, "The charity was founded in 2012.", "2012")


FERRY_SERVICE_ARTICLE = (
    "On Tuesday 4 June 2024 the ferry operator said its island service, launched in March last year, "
    "had carried 80,000 passengers. A second route opens in May next year."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The island service was launched in March 2023.", "March 2023"),
        ("A second route opens in May 2025.", "May 2025"),
    ],
)
def test_a_month_placed_by_the_articles_year_is_derived(summary: str, figure: str) -> None:
    assert status(FERRY_SERVICE_ARTICLE, summary, figure) == "derived"


def test_a_month_placed_in_another_year_is_flagged() -> None:
    assert flagged(FERRY_SERVICE_ARTICLE, "The island service was launched in March 2024.", "March 2024")


def test_a_month_opening_a_sentence_that_names_another_places_nothing_alone() -> None:
    article = "In December the ward had 40 beds open, the same number it had in November."
    assert not flagged(article, "The ward had 40 beds open in November.", "40")


def test_a_point_in_time_opening_a_sentence_is_no_span() -> None:
    article = "Ten years ago, the ferry carried 80,000 passengers. Last year it carried 120,000 passengers."
    assert not flagged(article, "Ten years ago the ferry carried 80,000 passengers a year.", "80,000")


def test_already_in_the_summary_does_not_date_the_figure() -> None:
    article = "The bypass, expected to cost £2.4bn, is over budget and running two years late."
    assert not flagged(article, "The £2.4bn bypass is already over budget.", "£2.4bn")


def test_the_time_of_a_change_start_is_no_word_of_its_end() -> None:
    # "a year earlier" dates the 88.4%; the 90.2% gets its partner's words, not its partner's time
    index = index_article(
        "The occupancy rate, the share of beds filled, was 90.2% on the ward, compared with 88.4% a year earlier."
    )
    end, start = (next(i for i, f in enumerate(index.figures) if f.text == text) for text in ("90.2%", "88.4%"))
    assert index.partner(index.figures[end]) is index.figures[start]
    assert "ward" in index.context(start)  # the end's own words reach its start
    assert not any(word.startswith("earl") for word in index.context(end))


def test_a_value_of_an_earlier_year_moved_to_the_summary_s_own_time_is_flagged() -> None:
    article = (
        "Brackley Foods said on Tuesday that it now runs 540 shops in 2030. In 2024, before the merger, "
        "Brackley had just 355 shops and sold little online."
    )
    assert flagged(article, "Brackley had 355 shops at the end of March.", "355")
    assert flagged(article, "Last year Brackley had 355 shops.", "355")
    assert not flagged(article, "In 2024 Brackley had 355 shops.", "355")
    assert not flagged(article, "Brackley had 355 shops before its merger, up from none since the 1990s.", "355")


def test_the_start_of_a_change_told_far_from_its_end_is_no_level_of_now() -> None:
    article = (
        "ESTERBY, 4 July 2030 - Some 46,200 patients were on the county's hip operation waiting list at "
        "the end of June, down from 48,900 on the list a year earlier, the health board said."
    )
    assert flagged(article, "The hip operation waiting list stood at 48,900 at the end of June.", "48,900")
    assert not flagged(article, "The hip operation waiting list stood at 46,200 at the end of June.", "46,200")


def test_the_time_nearest_before_a_value_dates_it() -> None:
    article = (
        "ORRIN, 2 May 2031 - The Orrin book fair drew 61,000 visitors this spring. In 2019 it had drawn "
        "48,000, and in 2022, after the lockdowns, just 7,500."
    )
    assert not flagged(article, "Just 7,500 people visited the Orrin book fair in 2022.", "7,500")
    assert flagged(article, "Just 7,500 people visited the Orrin book fair in 2019.", "7,500")


def test_a_month_that_is_a_name_places_nothing_in_time() -> None:
    article = "ORRIN, 2 May 2031 - The chain now has 262 shops. In 2019 it had 410 shops."
    assert not flagged(article, "Chief executive June Harrow said the chain once had 410 shops.", "410")
    assert flagged(article, "The chain had 410 shops at the end of April.", "410")


def test_a_value_with_its_own_year_moved_to_the_summary_s_year_is_flagged() -> None:
    article = (
        "TARN, 6 March 2031 - Joblessness in Tarn fell to 4.1% last year, down from 6.2% in 2027, "
        "the statistics office said."
    )
    assert flagged(article, "Joblessness in Tarn was 6.2% last year.", "6.2%")
    assert not flagged(article, "Joblessness in Tarn was 6.2% in 2027.", "6.2%")
    assert not flagged(article, "Joblessness in Tarn has fallen from 6.2%.", "6.2%")


def test_last_year_in_an_undated_article_may_be_its_latest_year() -> None:
    article = "The old mill closed in 1994. The museum on its site drew 41,000 visitors in 2030."
    assert not flagged(article, "The mill museum drew 41,000 visitors last year.", "41,000")


def test_the_verb_may_is_no_month() -> None:
    article = "ORRIN, 2 May 2031 - The chain now has 262 shops. In 2019 it had 410 shops."
    assert flagged(article, "The chain has 410 shops, and the number may rise.", "410")


# Two dated clauses in one sentence: each date dates the clause it leads, not the one before it.
TWO_CLAUSES = (
    "In 2014 the mill at Harlow Bridge stopped weaving, and in 2017 a housing trust bought the site for flats."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("In 2017 the mill at Harlow Bridge stopped weaving, and in 2014 a housing trust bought the site.", "2017"),
        ("In 2017 the mill at Harlow Bridge stopped weaving, and in 2014 a housing trust bought the site.", "2014"),
        ("The Harlow Bridge mill stopped weaving in 2017.", "2017"),
        ("A housing trust bought the site in 2014.", "2014"),
    ],
)
def test_a_year_moved_between_two_dated_clauses_is_flagged(summary: str, figure: str) -> None:
    assert flagged(TWO_CLAUSES, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "The Harlow Bridge mill stopped weaving in 2014 and a housing trust bought the site in 2017.",
        "A housing trust bought the old mill site in 2017.",
        "In 2014 the Harlow Bridge mill stopped weaving.",
    ],
)
def test_years_kept_with_their_own_clauses_are_not_flagged(summary: str) -> None:
    assert nothing_flagged(TWO_CLAUSES, summary)


# The person a sentence names says who, not what happened: a year of another event of the same
# person's is no year of the summary's event. A date after a span dates the span's event.
_RECORD = (
    "The court heard that Dorran had two earlier convictions for theft, in 2003 and 2008, "
    "and had been barred from running a company for five years in 2011."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Dorran was barred from running a company in 2008.", "2008"),
        ("Dorran was barred from running a company in 2003.", "2003"),
        ("Dorran was convicted of theft in 2011.", "2011"),
    ],
)
def test_a_year_of_the_same_persons_other_event_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_RECORD, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "Dorran was barred from running a company in 2011.",
        "Dorran had convictions for theft in 2003 and 2008.",
        "In 2011 Dorran was barred from running a company for five years.",
    ],
)
def test_a_year_of_the_persons_own_event_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_RECORD, summary)


# A list of dates is no clause each date leads; a clause with nothing but names ("and from 2016 by
# Ruth Ames") tells the event of the clause before it.
_TITLES = "Marden Rovers won the county cup in 2007, in 2012 and in 2019, and reached the final in 2015."
_CHOIR_LEADERS = (
    "From 1998 the Norsea choir was led by Ole Brandt, and from 2016 by Ruth Ames. Since 2022 it has toured abroad."
)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (_TITLES, "Marden Rovers won the county cup in 2012."),
        (_TITLES, "Marden Rovers won the county cup in 2019."),
        (_CHOIR_LEADERS, "Ruth Ames has led the Norsea choir since 2016."),
    ],
)
def test_a_year_of_a_list_or_of_an_elided_clause_is_its_events(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_TITLES, "Marden Rovers reached the final in 2012.", "2012"),
        (_CHOIR_LEADERS, "The Norsea choir has toured abroad since 2016.", "2016"),
    ],
)
def test_a_year_of_a_list_moved_to_another_event_is_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


# A year that dates a figure ("the 2.6 million it carried in 2023") tells of what that figure counts.
_FERRIES = (
    "The port handled 3.1 million passengers last year, an increase of 19% on the 2.6 million it served "
    "in 2023 and its best year since 2018. It aims to handle 4 million passengers a year by 2030."
)


def test_a_year_dating_a_compared_figure_is_the_summarys_comparison_year() -> None:
    assert nothing_flagged(_FERRIES, "The port handled 3.1 million passengers last year, an increase of 19% on 2023.")
    assert flagged(_FERRIES, "It aims to handle 4 million passengers a year by 2023.", "2023")


def test_a_span_after_a_value_does_not_take_the_values_month() -> None:
    article = "The clinic saw 71.2% of patients within two hours last month, down from 74.6% in May."
    assert flagged(article, "The clinic saw 74.6% of patients within two hours in June.", "74.6%")
    assert nothing_flagged(article, "The clinic saw 74.6% of patients within two hours in May.")


def test_a_target_year_after_the_dateline_is_no_year_of_a_past_event() -> None:
    article = (
        "HARWICK, 3 February 2026 - The port handled 2.1 million tonnes last year. "
        "Its new crane was delivered in 2025. It aims to handle 3 million tonnes a year by 2032."
    )
    assert nothing_flagged(article, "The port handled 2.1 million tonnes in 2025.")
    assert flagged(article, "The port aims to handle 3 million tonnes a year by 2025.", "2025")


# "against 61% in March" is the same measure a month earlier, and a span that defines a measure
# ("seen within two hours") is told for no month of its own.
_CLINIC = (
    "At Quenby Clinic, 63.4% of patients in April had waited less than six weeks, against 61.9% in March. "
    "In May, 80.2% of callers were seen within two hours, down from 82.5% in April."
)


@pytest.mark.parametrize(
    "summary",
    [
        "In March, 61.9% of Quenby Clinic patients had waited less than six weeks.",
        "In April, 82.5% of callers to Quenby Clinic were seen within two hours.",
    ],
)
def test_an_earlier_month_of_the_same_measure_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_CLINIC, summary)


def test_a_value_moved_to_the_other_month_is_still_flagged() -> None:
    assert flagged(_CLINIC, "In April, 61.9% of Quenby Clinic patients had waited less than six weeks.", "61.9%")


_FERRY = (
    "The Colne ferry carried 412,000 passengers this year. The service has grown steadily since the last "
    "rebuild of the Colne pier in 2019, when the ferry carried 288,000 passengers."
)


def test_a_value_of_the_last_event_told_with_when_is_of_that_year() -> None:
    # the article's own year is nowhere: "the last rebuild" alone says 2019 is past
    assert flagged(_FERRY, "The Colne ferry carried 288,000 passengers.", "288,000")
    assert nothing_flagged(_FERRY, "The Colne ferry carried 288,000 passengers in 2019.")


@pytest.mark.parametrize(
    "summary",
    [
        "The Colne ferry carried 412,000 passengers this year, up from 288,000.",
        "Colne ferry traffic has grown from 288,000 passengers to 412,000.",
    ],
)
def test_an_earlier_value_told_as_a_change_s_start_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_FERRY, summary)
    dated = "The Colne ferry carried 412,000 passengers in 2024. In 2019, the ferry carried 288,000 passengers."
    assert nothing_flagged(dated, summary.replace("this year", "in 2024"))


ORCHARD = (
    "The Tillbrook orchard co-operative picked 5,200 tonnes of apples this autumn, its members said. "
    "A year earlier, the co-operative had picked 6,900 tonnes. "
    "Two years ago, it employed 140 seasonal pickers."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Tillbrook co-operative picked 6,900 tonnes of apples this autumn.", "6,900 tonnes"),
        ("Tillbrook's apple harvest came to 6,900 tonnes.", "6,900 tonnes"),
        ("The co-operative employs 140 seasonal pickers.", "140"),
    ],
)
def test_a_value_the_article_opens_as_an_earlier_one_told_as_now_is_flagged(summary: str, figure: str) -> None:
    assert flagged(ORCHARD, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The co-operative picked 5,200 tonnes, down from 6,900 tonnes.", "6,900 tonnes"),
        ("It picked 6,900 tonnes the previous autumn.", "6,900 tonnes"),
        ("A year earlier it had picked 6,900 tonnes.", "6,900 tonnes"),
        ("It employed 140 pickers two years ago.", "140"),
        ("Tillbrook picked 5,200 tonnes of apples.", "5,200 tonnes"),
    ],
)
def test_an_earlier_value_told_as_earlier_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(ORCHARD, summary, figure)


def test_a_change_told_against_an_earlier_time_dates_no_value() -> None:
    article = "Harbour traffic rose 7% on a year earlier to 3,100 ships, the port said."
    assert not flagged(article, "The port handled 3,100 ships, up 7%.", "7%")
    assert not flagged(article, "Harbour traffic rose 7% to 3,100 ships.", "3,100")


_LAUNCHES = (
    "A record 512 lifeboat launches were carried out in Varnland in 2024, up from 470 the previous year, the "
    "rescue agency said on Monday. The agency said the volunteer crew rate rose to 72%, from 66% in 2023."
)


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # the year after "than in" dates the value compared with, not the summary's event
        ("Varnland carried out a record 512 lifeboat launches last year, 42 more than in 2023.", "2023", False),
        ("Varnland carried out a record 512 lifeboat launches in 2023.", "2023", True),
    ],
)
def test_a_year_compared_with_is_not_the_event_s_year(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_LAUNCHES, summary, figure) is wrong


_STRIKE = "Train drivers at Corran Rail will strike on 14 and 15 March after 81% voted for action."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("Corran Rail drivers will walk out on 14 March.", "14 March", False),
        ("Corran Rail drivers will walk out on 13 March.", "13 March", True),
    ],
)
def test_a_day_listed_before_a_date_is_a_date(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_STRIKE, summary, figure) is wrong
