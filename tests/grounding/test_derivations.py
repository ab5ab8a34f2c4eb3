"""Class 3: a derivation counts only when its operands measure what the summary figure measures, and
never when the article states another value for that very thing."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED, flagged, nothing_flagged, status

from summarizer.grounding import verify


def test_a_year_the_article_states_otherwise_is_not_derived() -> None:
    article = "The bottling plant opened in 2012 with 40 workers. Two years later it doubled its staff."
    assert flagged(article, "The bottling plant opened in 2014.", "2014")
    assert not flagged(article, "The bottling plant opened in 2012.", "2012")


def test_a_count_the_article_states_otherwise_is_not_derived() -> None:
    article = "Blight has been confirmed in 15 regions, officials said, and samples from four more are being tested."
    assert flagged(article, "Blight has been confirmed in 19 regions.", "19")
    assert not flagged(article, "Blight has been confirmed in 15 regions.", "15")


def test_a_sum_of_the_same_thing_is_derived() -> None:
    article = "The mill cut 120 jobs in March. It cut another 80 jobs in June, the union said."
    assert status(article, "The mill cut 200 jobs this year.", "200") == "derived"


def test_a_year_counted_from_an_event_is_derived() -> None:
    article = "The river bridge closed in 2019 after a flood. It reopened three years later."
    assert status(article, "The river bridge reopened in 2022.", "2022") == "derived"


def test_a_year_counted_by_one_span_is_derived_when_another_span_does_not_bind() -> None:
    article = (
        "HAVENPORT, 2 May 2031 - The old timber pier had stood for 20 years before the storm. "
        "The ferry terminal opened in 2008 and doubled its traffic three years later."
    )
    # 2031 - 20 is 2011 too, but the pier's span says nothing of the terminal's traffic
    assert "2008" in _note(article, "The terminal doubled its traffic in 2011.")


def test_a_span_that_looks_forward_does_not_count_back() -> None:
    article = "HAVENPORT, 2 May 2031 - Planners expect freight at the port to triple over the next 20 years."
    assert flagged(article, "Freight at the port tripled in 2011.", "2011")
    assert status(article, "Planners expect freight at the port to triple by 2051.", "2051") == "derived"


def test_arithmetic_over_unrelated_numbers_is_not_a_derivation() -> None:
    article = (
        "The club signed 7 players this summer. Its stadium holds 30,000 fans, "
        "and season tickets went on sale for 5 days."
    )
    assert flagged(article, "The club signed 12 players this summer.", "12")


def test_a_derived_figure_shows_its_working() -> None:
    article = "The mill cut 120 jobs in March. It cut another 80 jobs in June, the union said."
    report_note = _note(article, "The mill cut 200 jobs this year.")
    assert "120" in report_note and "80" in report_note


def _note(article: str, summary: str) -> str:
    (check,) = [c for c in verify(article, summary).figures if c.status == "derived"]
    return check.note or ""


_DATED = "(Mar 30, 2024) The ferry, which ran aground on March 9, was refloated by salvage crews on Friday."


@pytest.mark.parametrize(
    "summary", ["Ferry refloated after 3 weeks aground", "Ferry refloated 21 days after it ran aground"]
)
def test_time_from_a_date_to_the_dateline_is_derived(summary: str) -> None:
    assert status(_DATED, summary, "3 weeks" if "weeks" in summary else "21 days") == "derived"


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_DATED, "Ferry refloated after 5 weeks aground", "5 weeks"),
        (_DATED, "Ferry refloated 19 days after it ran aground", "19 days"),
        # no dateline: nothing to count to
        (
            "The ferry, which ran aground on March 9, was refloated by salvage crews.",
            "Refloated after 3 weeks",
            "3 weeks",
        ),
    ],
)
def test_a_wrong_time_to_the_dateline_is_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


def test_a_date_a_little_ahead_of_the_dateline_is_not_time_gone_by() -> None:
    article = "(Nov 24, 2023) The council will vote on the harbour plan on 28 November."
    assert flagged(article, "The council has debated the harbour plan for 12 months.", "12 months")


def test_years_apart_count_years_never_months() -> None:
    article = "The lighthouse keeper took the post in 1998 and retired in 2015, the trust said."
    assert status(article, "The keeper served for 17 years.", "17 years") == "derived"
    assert flagged(article, "The keeper served for 17 months.", "17 months")
    assert flagged(article, "The keeper, who served 17 weeks, has retired.", "17 weeks")


def test_others_are_not_the_others_plus_one() -> None:
    # "Two other guards" and the one they are other than make three; the summary's "three other guards" are not them.
    article = "The night watchman and two other guards gave statements to the inquiry on Monday."
    assert status(article, "Three guards gave statements to the inquiry.", "Three") == "derived"
    assert flagged(article, "The night watchman and three other guards gave statements.", "three")


def test_a_plain_count_is_a_sum_to_the_unit() -> None:
    article = "The clinic opened 5 wards in spring and 3 wards in autumn, with 1.4 wards' worth of beds kept spare."
    assert status(article, "The clinic opened 8 wards.", "8") == "derived"
    assert flagged(article, "The clinic opened 6 wards.", "6")


def test_years_apart_are_no_derivation_where_the_article_gives_the_span() -> None:
    article = "The bakery opened in 2001. The Moreau family has run it for nine years, and in 2013 it won a prize."
    assert flagged(article, "The Moreau family has run the bakery for twelve years.", "twelve")
    assert not flagged(article, "The Moreau family has run the bakery for nine years.", "nine")


def test_a_share_is_no_derivation_where_the_article_gives_the_value() -> None:
    article = (
        "The nine members of the rowing club raised $4,500 for the lifeboat; each member also gave $300 of their own."
    )
    assert flagged(article, "Each member of the rowing club gave $500 of their own.", "$500")
    assert not flagged(article, "Each member of the rowing club gave $300 of their own.", "$300")


def test_a_year_is_not_counted_from_its_own_event() -> None:
    article = "The dye works opened in 2012. The dye works doubled its staff two years later."
    assert flagged(article, "The dye works opened in 2014.", "2014")
    assert status(article, "The dye works doubled its staff in 2014.", "2014") == "derived"


def test_parts_of_a_result_are_not_other_values_of_it() -> None:
    club = "The nine members of the rowing club raised $4,500 for the lifeboat."
    assert status(club, "Each member of the rowing club raised $500 for the lifeboat.", "$500") == "derived"
    cuts = "The firm cut 1,240 jobs in Wales and 770 in Ireland this year."
    assert status(cuts, "The firm cut 2,000 jobs this year.", "2,000") == "derived"


def test_the_ends_of_a_range_make_no_share() -> None:
    article = "Between 30 and 60 homes were flooded, and 240 homes lost power."
    assert flagged(article, "Half of the flooded homes were in the old town.", "Half")
    assert status("Rents rose from 30% to 60% of pay.", "Rents rose 30 percentage points.", "30") == "derived"


def test_a_span_later_counts_forward_from_a_year_told_before_it() -> None:
    article = (
        "In 2010, the choir toured Norway. Its best-known tour came three years later, to Peru. In 2016 it disbanded."
    )
    assert status(article, "The choir toured Peru in 2013.", "2013") == "derived"
    assert flagged(article, "The choir toured Peru in 2007.", "2007")  # 2010 - 3: the wrong way
    assert flagged(article, "The choir toured Peru in 2019.", "2019")  # 2016 + 3: a year told after the span


def test_the_share_left_of_a_whole_is_derived() -> None:
    article = "Of the 600 members polled, 58% want the merger, 30% oppose it and the rest have not decided."
    assert status(article, "Some 12% of members have not decided.", "12%") == "derived"
    assert flagged(article, "Some 22% of members have not decided.", "22%")


def test_shares_that_add_up_to_a_whole_by_chance_make_no_rest() -> None:
    article = "In the new poll of likely voters, Ruiz has 48% and Moy has 45%."
    assert flagged(article, "A third candidate, Kell, polls 7% among likely voters.", "7%")


def test_a_year_counted_back_in_one_sentence_belongs_to_the_span_s_event() -> None:
    article = "Tove Lind became head coach in 2022 after six years as the club's goalkeeping coach."
    assert flagged(article, "Tove Lind has been head coach since 2016.", "2016")
    assert status(article, "Tove Lind became the club's goalkeeping coach in 2016.", "2016") == "derived"


def test_a_difference_from_a_value_is_not_added_to_it() -> None:
    article = "The new lifeboat station cost £3.6m, £0.8m more than the trust had budgeted."
    assert flagged(article, "The new lifeboat station cost £4.4m.", "£4.4m")
    assert status(article, "The trust had budgeted £2.8m for the lifeboat station.", "£2.8m") == "derived"


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        ("Police arrested 12 people on Friday and 30 over the weekend.", "Police arrested 42 people.", "42"),
        ("Police charged 20 adults and 12 under the age of 16.", "Police charged 32 people.", "32"),
        (
            "The storm dropped 40mm of rain, 15mm less than forecast.",
            "Forecasters had expected 55mm of rain.",
            "55mm",
        ),
    ],
)
def test_words_of_comparison_in_other_senses_leave_a_sum_alone(article: str, summary: str, figure: str) -> None:
    assert status(article, summary, figure) == "derived"


def test_the_rest_is_derived_even_when_its_parts_are_about_other_things() -> None:
    article = "Wind supplied 42% of the power and gas 35%, with the remaining share from nuclear and solar."
    assert status(article, "Nuclear and solar supplied 23% of the power.", "23%") == "derived"


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (
            "Sales at the flagship store rose 40%, while the remaining shops were flat.",
            "Sales at the remaining shops rose 60%.",
            "60%",
        ),
        (
            "The bank raised its rate to 5.5% and the rest of the lenders held theirs.",
            "Other lenders charge 94.5%.",
            "94.5%",
        ),
        ("Inflation was 3% in May and the rest of the year is expected to be calm.", "Prices rose 97% in May.", "97%"),
    ],
)
def test_a_change_or_a_level_leaves_no_rest(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


_RUNNING_TOTAL = "The trust gave a further £2m this spring, bringing its total support since 2019 to £17m."


def test_a_running_total_plus_the_part_it_holds_is_not_derived() -> None:
    assert flagged(_RUNNING_TOTAL, "The trust's support since 2019 has reached £19m.", "£19m")
    assert not flagged(_RUNNING_TOTAL, "The trust has given £17m since 2019.", "£17m")


def test_two_amounts_given_apart_still_add_up() -> None:
    assert status("The trust gave £2m to schools and £17m to hospitals.", "The trust gave £19m in all.", "£19m") == (
        "derived"
    )


_AGO = "(Mar 3, 2025) The pier reopened in 2009 after a fire. Six years ago the council sold it to a trust."


def test_years_ago_count_back_from_the_articles_own_year_only() -> None:
    assert status(_AGO, "The council sold the pier to a trust in 2019.", "2019") == "derived"
    assert flagged(_AGO, "The pier burned down in 2003.", "2003")  # 2009 less six years: no event of 2003


_SPANS = "Repairs to the roof of the pool took 13 weeks. Swimmers have asked the council for a second pool."


def test_a_span_in_other_units_is_derived_only_for_what_it_measures() -> None:
    assert status(_SPANS, "Roof repairs took three months.", "three months") == "derived"
    assert flagged(_SPANS, "Swimmers have campaigned for three months.", "three months")


def test_years_ago_count_from_the_articles_time_not_a_year_it_looks_ahead_to() -> None:
    article = (
        "The 2026 fair at Ollerby opened on Friday with 9,000 visitors. The fair was started 30 years ago "
        "by local farmers. Organisers hope to add a second weekend by 2029."
    )
    assert status(article, "The Ollerby fair was started in 1996.", "1996") == "derived"


# A sum or difference of figures from two neighbouring sentences needs sentences about one thing.
_BOX_OFFICE = (
    "Takings at the box office climbed to £3.4m from £2.9m a year earlier. "
    "The café made £500,000, below the £600,000 its managers expected."
)


def test_amounts_of_neighbouring_sentences_about_different_things_make_no_sum() -> None:
    assert flagged(_BOX_OFFICE, "The theatre's ticket revenue rose to £3.5m.", "£3.5m")


def test_amounts_of_neighbouring_sentences_about_one_thing_still_add_up() -> None:
    article = "Of the injured, 12 were taken to hospital. Another 5 injured people were treated at the scene."
    assert status(article, "In all, 17 people were injured.", "17") == "derived"


def test_a_share_in_words_is_not_derived_where_the_article_states_the_share_in_digits() -> None:
    article = (
        "Repairs after the fire will cost £8m, roughly double the £3.9m bill of 2015. "
        "The insurers said only about 30% of the damage was insured."
    )
    assert flagged(article, "The insurers said around half of the damage was insured.", "half")
    assert not flagged(article, "The insurers said under a third of the damage was insured.", "third")


ARREARS_ARTICLE = (
    "A charity said 2.4 million homes were behind on rent and that tenants owed landlords a record "
    "£2.6bn in arrears, up from £2.1bn a year ago."
)


def test_the_size_of_a_change_is_derived_from_its_two_ends() -> None:
    # Each end states what tenants owe; together they are the parts of the rise, not rival values.
    assert status(ARREARS_ARTICLE, "Tenant arrears have risen by £500m in a year.", "£500m") == "derived"


def test_the_size_of_a_change_is_no_end_of_it() -> None:
    assert flagged(ARREARS_ARTICLE, "Tenant arrears rose from £500m to £2.6bn.", "£500m")


def test_a_change_whose_ends_the_summary_gives_is_derived_whatever_a_rival_states() -> None:
    # the rival's "passenger numbers" share the summary's words, but the summary shows its working
    article = (
        "Passenger numbers at Corran Air rose from 4.1 million to 5.3 million, while the average fare "
        "increased by 6% to £64. Rival Wexjet said last week that its passenger numbers rose 9% to "
        "3.2 million in the same period."
    )
    summary = "Passenger numbers climbed from 4.1m to 5.3m, an increase of 1.2m."
    assert status(article, summary, "1.2m") == "derived"


# The two ends of one change count one thing, though only one of them names it.
KENNEL_ARTICLE = "The shelter now houses 160 dogs, down from 185 in the spring, and has 12 staff."


def test_the_ends_of_one_change_make_its_size_though_one_names_no_thing() -> None:
    assert not flagged(KENNEL_ARTICLE, "The shelter houses 160 dogs, 25 fewer than in the spring.", "25")
    assert flagged(KENNEL_ARTICLE, "The shelter houses 160 dogs, 35 fewer than in the spring.", "35")


# A level of the same thing is no other value of a change's size.
MUSEUM_ARTICLE = (
    "The museum's running costs have risen from £4.1m to £5.3m over three years, but remain less than "
    "half of the regional average of £9m."
)


def test_a_level_of_the_same_thing_does_not_undo_a_changes_size() -> None:
    assert not flagged(MUSEUM_ARTICLE, "The museum's running costs have grown by £1.2m over three years.", "£1.2m")
    assert flagged(MUSEUM_ARTICLE, "The museum's running costs have grown by £2.2m over three years.", "£2.2m")


def test_another_changes_size_still_undoes_a_derivation() -> None:
    article = (
        "The museum's running costs rose from £4.1m to £5.3m over three years. Its running costs for "
        "security alone rose by £0.4m."
    )
    assert flagged(article, "The museum's running costs for security rose by £1.2m.", "£1.2m")


def test_the_size_of_a_change_told_the_other_way_is_flagged() -> None:
    summary = "The shelter houses 25 more dogs than in the spring."
    assert status(KENNEL_ARTICLE, summary, "25") == "misattributed"
    assert not flagged(KENNEL_ARTICLE, "The number of dogs at the shelter fell by 25 since the spring.", "25")


def test_a_changes_size_is_undone_by_another_value_where_the_summary_tells_no_movement() -> None:
    # "13 seats" is a level here, not a gain: the 13 seats the Red Party gained say nothing of the Blue Party
    article = "The Red Party won 68 seats, up from 55, while the Blue Party took 4.6% of the vote and 11 seats."
    assert flagged(article, "The Blue Party took 4.6% of the vote and 13 seats.", "13")


# Two parties' changes in one passage: each change's size comes from its own two ends.
ASSEMBLY_ARTICLE = (
    "The Liberals will have 40 seats in the new assembly, compared with 25 in the outgoing assembly. "
    "The Reds took 19% and 30 seats, down from 33, and the Whites 8% and 12 seats, up from 9."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Liberals gained 15 seats.", "15"),
        ("The Reds lost three seats, ending with 30.", "three"),
        ("The Whites gained three seats to reach 12.", "three"),
        ("The Whites gained three seats.", "three"),
        ("The Reds lost three seats.", "three"),
    ],
)
def test_a_changes_size_comes_from_its_own_two_ends(summary: str, figure: str) -> None:
    assert not flagged(ASSEMBLY_ARTICLE, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Liberals gained 17 seats.", "17"),
        ("The Liberals lost 15 seats.", "15"),
        ("The Reds gained three seats, ending with 30.", "three"),
        ("The Reds gained three seats.", "three"),
        ("The Whites lost three seats.", "three"),
    ],
)
def test_a_wrong_size_or_way_of_a_change_is_flagged(summary: str, figure: str) -> None:
    assert flagged(ASSEMBLY_ARTICLE, summary, figure)


def test_a_change_the_summary_tells_nothing_of_is_not_preferred() -> None:
    # inflation's 3.1% to 3.4% is near "half a point" too, but the summary speaks of the rate
    article = (
        "The central bank held its main rate at 4.75% on Thursday, as inflation rose to 3.4% in May from "
        "3.1% in April. The rate peaked at 5.25% last summer, and the bank has cut it twice since."
    )
    summary = "The rate has come down half a percentage point since peaking at 5.25% last summer."
    assert not flagged(article, summary, "half a percentage point")


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        # two changes give the value, going opposite ways: the one the summary's clause tells of
        (
            "Rents in the city rose to £1,450 a month from £1,300, while wages fell to £2,100 from £2,250.",
            "Rents rose by £150 a month while wages fell to £2,100.",
            "£150",
        ),
        (
            "The Greens won 48 seats, up from 35. Labour won 120 seats, down from 133.",
            "Labour fell to 120 seats from 133, while the Greens gained 13.",
            "13",
        ),
        # a comparison with the present, told from the past, says no way over time
        (KENNEL_ARTICLE, "In the spring the shelter had 25 more dogs than it has now.", "25"),
    ],
)
def test_a_changes_size_is_judged_against_the_change_it_tells_of(article: str, summary: str, figure: str) -> None:
    assert not flagged(article, summary, figure)


# A change whose ends carry their years: "from £4.1m in 2014 to £900,000 in 2021".
RESERVES_ARTICLE = "The club's reserves fell from £4.1m in 2014 to £900,000 in 2021, its accounts show."


def test_the_ends_of_a_change_may_carry_their_years() -> None:
    assert not flagged(RESERVES_ARTICLE, "The club's reserves fell by £3.2m between 2014 and 2021.", "£3.2m")
    assert status(RESERVES_ARTICLE, "The club's reserves rose by £3.2m between 2014 and 2021.", "£3.2m") == (
        "misattributed"
    )


def test_the_size_of_a_change_told_as_its_end_is_flagged() -> None:
    check = next(f for f in verify(RESERVES_ARTICLE, "The club's reserves had dropped to £3.2m by 2021.").figures)
    assert (check.status, check.rule) == ("misattributed", "change-end")
    assert not flagged(RESERVES_ARTICLE, "The club's reserves had dropped to £900,000 by 2021.", "£900,000")


# A loss is below zero: a swing from a loss to a profit is their sum.
SWING_ARTICLE = "The ferry line made a pre-tax profit of £84m this year, against a loss of £32m a year earlier."


def test_a_swing_from_a_loss_is_the_sum_not_the_difference() -> None:
    assert status(SWING_ARTICLE, "Profit improved by £116m on the year before.", "£116m") == "derived"
    assert flagged(SWING_ARTICLE, "Profit improved by £52m on the year before.", "£52m")
    # two profits still differ by their difference
    article = "The ferry line made a pre-tax profit of £84m this year, against £32m a year earlier."
    assert status(article, "Profit grew by £52m on the year before.", "£52m") == "derived"


# A percentage change worked out from two counts: a whole percentage rounds, decimals are held.
BOOKINGS_ARTICLE = "Bookings at the campsite rose to 2,550 this summer from 2,400 a year earlier."


@pytest.mark.parametrize("summary", ["Bookings rose 6% on the year.", "Bookings rose 6.3% on the year."])
def test_a_percentage_change_from_two_counts_is_derived_to_its_precision(summary: str) -> None:
    assert nothing_flagged(BOOKINGS_ARTICLE, summary)


def test_a_percentage_change_with_a_wrong_decimal_is_flagged() -> None:
    assert flagged(BOOKINGS_ARTICLE, "Bookings rose 6.6% on the year.", "6.6%")


def test_two_losses_told_once_as_losses_differ_by_their_difference() -> None:
    article = "The airline lost £62m last year and £40m this year."
    assert status(article, "The airline's losses narrowed by £22m this year.", "£22m") == "derived"


def test_a_decimal_percentage_is_held_to_its_last_digit_both_ways() -> None:
    article = "Bookings at the campsite rose to 2,126 this summer from 2,000 a year earlier."
    assert status(article, "Bookings rose 6.3% on the year.", "6.3%") == "derived"
    assert flagged(article, "Bookings rose 6.2% on the year.", "6.2%")
    assert flagged(article, "Bookings rose 6.4% on the year.", "6.4%")


MARKETS_ARTICLE = (
    "Harbour Lane market drew 1.65 million shoppers last year, the most of any market in the county. "
    "Second was the Quayside market, with 1.2 million shoppers. The organisers hope Harbour Lane will "
    "pass 2 million shoppers by 2030."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Harbour Lane had about 450,000 more shoppers than the Quayside market.",
        "The Quayside market drew 450,000 fewer shoppers than Harbour Lane.",
    ],
)
def test_a_difference_told_as_a_comparison_is_not_undone_by_a_level_of_the_thing(summary: str) -> None:
    assert status(MARKETS_ARTICLE, summary, "450,000") == "derived"


def test_a_wrong_difference_told_as_a_comparison_is_flagged() -> None:
    assert flagged(MARKETS_ARTICLE, "Harbour Lane had about 550,000 more shoppers than the Quayside market.", "550,000")


def test_a_level_still_undoes_a_derivation_told_as_a_level() -> None:
    article = (
        "The county's markets drew 1.65 million shoppers in spring and 1.2 million in autumn. "
        "They hope for 2 million shoppers a year by 2030."
    )
    # 1.65m + 1.2m is 2.85m, but the article's own figure for the markets' shoppers a year is no sum
    assert flagged(article, "The county's markets hope for 2.85 million shoppers a year by 2030.", "2.85 million")


PER_SHARE_ARTICLE = (
    "Net profit for the half-year climbed to $84 million, or $1.12 a share, from $61 million, or $0.81 a "
    "share, a year earlier."
)


def test_an_amount_per_share_is_no_value_of_the_whole_amount() -> None:
    assert status(PER_SHARE_ARTICLE, "Half-year net profit rose by $23 million to $84 million.", "$23 million") == (
        "derived"
    )
    assert flagged(PER_SHARE_ARTICLE, "Half-year net profit rose by $25 million to $84 million.", "$25 million")


BORROWING = (
    "The finance minister set out a £1.1tn spending plan on Tuesday, pledging £4bn for schools, while "
    "forecasting that government borrowing would fall to £87.3bn {} from £114.2bn in the current "
    "financial year, which ends in April."
)


@pytest.mark.parametrize("between", ["in 2026-27", "in the coming year"])
def test_an_end_may_carry_its_year_or_a_few_words_before_from(between: str) -> None:
    article = BORROWING.format(between)
    assert status(article, "Borrowing is forecast to fall by £26.9bn to £87.3bn.", "£26.9bn") == "derived"
    assert flagged(article, "Borrowing is forecast to fall by £28.9bn to £87.3bn.", "£28.9bn")


def test_a_from_after_and_starts_a_change_of_another_thing() -> None:
    article = "The power rate will fall to 24.1p from 25.8p, while the gas rate will drop to 5.9p from 6.3p."
    summary = "Power rates drop from 25.8p to 24.1p per kWh and gas from 6.3p to 5.9p."
    assert nothing_flagged(article, summary)


SEATS_ARTICLE = (
    "The Harbour Party came third with 26 seats, up from 18. The Farmers' League fell to eight seats "
    "from 13, and the council voted 7 to 4 on Tuesday to keep the old ward boundaries. Three of the "
    "town's water pumps have failed since March."
)


def test_the_size_of_a_change_the_summary_gives_an_end_of_is_derived_whatever_else_its_value_counts() -> None:
    assert status(SEATS_ARTICLE, "The Harbour Party gained eight seats, winning 26.", "eight") == "derived"
    assert flagged(SEATS_ARTICLE, "The Harbour Party gained nine seats, winning 26.", "nine")


def test_a_tally_has_no_size() -> None:
    # (the article's "three" counts pumps; a tally's two sides make no change of size 3)
    assert flagged(SEATS_ARTICLE, "The council voted 7 to 3 on Tuesday to keep the old ward boundaries.", "3")


def test_a_side_of_a_tally_is_never_the_margin_of_another() -> None:
    article = "The council voted 7 to 4 on Tuesday to keep the old ward boundaries."
    assert flagged(article, "The council voted 7 to 3 on Tuesday to keep the old ward boundaries.", "3")
    assert status(article, "The motion to keep the old ward boundaries passed by three votes.", "three") == "derived"


ELECTION_ARTICLE = (
    "The Harbour Party came third with 26 seats, up from 18. The Quay Alliance fell to 41 seats from "
    "55, and the Greens will have 33 seats, compared with 14 in the outgoing council."
)


_FLOWS = (
    "New hires at the airline totalled 1,100 last year, up from 700, and job cuts came to 240. "
    "The union's membership stands at 4,300, up from 3,900."
)


def test_a_total_held_is_a_level_and_a_total_to_come_a_flow() -> None:
    article = "Labour's total on the council is 26 seats, up from 18. The bank said redundancies would total 1,200."
    assert flagged(article, "Labour gained 26 seats.", "26")
    assert nothing_flagged(article, "The bank will cut 1,200 jobs.")


def test_a_flow_the_article_tells_as_a_total_is_no_level() -> None:
    assert nothing_flagged(_FLOWS, "The airline added 1,100 staff last year.")
    assert nothing_flagged(_FLOWS, "The airline cut 240 jobs.")
    assert flagged(_FLOWS, "The union gained 4,300 members.", "4,300")
    assert status(_FLOWS, "The union gained 400 members, to 4,300.", "400") == "derived"


def test_an_end_of_a_change_told_as_its_size_is_flagged() -> None:
    # the article tells the 26 as a level ("came third with 26 seats, up from 18")
    assert flagged(ELECTION_ARTICLE, "The Harbour Party gained 26 seats.", "26")
    assert flagged(ELECTION_ARTICLE, "The Greens added 33 seats.", "33")
    assert flagged("The firm has 1,200 staff, up from 900.", "The firm added 1,200 staff.", "1,200")


@pytest.mark.parametrize(
    "summary",
    [
        "The Harbour Party won 26 seats.",
        "The Harbour Party rose to 26 seats.",
        "The Quay Alliance lost 14 seats.",  # 55 - 41, whatever the article's own 14 ends
    ],
)
def test_a_total_or_a_true_size_is_no_end_told_as_a_size(summary: str) -> None:
    assert nothing_flagged(ELECTION_ARTICLE, summary)


def test_the_end_of_a_range_after_a_verb_of_change_is_no_size() -> None:
    article = "Bills fell by 6% in April, and the regulator expects them to drop by another 3-4% in July."
    assert nothing_flagged(article, "Bills could drop by another 3-4% in July.")


RENTS_ARTICLE = "Rents rose 4.4% over the year as vacancies fell from 3.1% to 2.6%, the agency said."


def test_a_from_after_another_clause_s_verb_starts_its_own_change() -> None:
    assert nothing_flagged(RENTS_ARTICLE, "Vacancies fell from 3.1% to 2.6% while rents rose 4.4%.")
    assert flagged(RENTS_ARTICLE, "Rents rose to 4.4% from 3.1%.", "3.1%")


def test_a_size_after_a_verb_of_change_then_to_is_no_start() -> None:
    assert nothing_flagged(ELECTION_ARTICLE, "The Harbour Party gained eight seats to 26.")
    assert flagged(ELECTION_ARTICLE, "The Harbour Party went from 17 to 26 seats.", "17")


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "Employers added 250,000 jobs in March, up from 180,000 in February.",
            "Employers added 250,000 jobs in March.",
        ),
        (
            "House prices rose 4.2% in the year to June, up from 3.1% in May.",
            "House prices rose 4.2% in the year to June.",
        ),
        ("The side lost 12 games this season, up from nine.", "The side lost 12 games this season."),
        ("Sales grew 8% in the quarter, down from 11%.", "Sales grew 8% in the quarter."),
    ],
)
def test_a_flow_compared_with_an_earlier_flow_is_no_end_told_as_a_size(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


OUTPUT_ARTICLE = "Output at the field rose to 310,000 barrels a day from 280,000 in March, the operator said."


def test_the_ends_of_a_change_may_have_a_few_words_of_their_own_before_from() -> None:
    assert status(OUTPUT_ARTICLE, "Output at the field rose by 30,000 barrels a day.", "30,000") == "derived"
    assert flagged(OUTPUT_ARTICLE, "Output at the field fell by 30,000 barrels a day.", "30,000")


_CAP = (
    "The regulator will cut its price cap from April, taking the typical annual bill from £1,690 to £1,571. "
    "The saving of £119 a year follows a rise in January."
)


def test_a_change_s_size_the_article_gives_fits_the_change_s_ends() -> None:
    assert nothing_flagged(_CAP, "The typical bill will fall by £119 a year.")
    assert flagged(_CAP, "The typical bill will rise by £119 a year.", "£119")
    assert flagged(_CAP, "The typical bill will fall by £1,571.", "£1,571")
    assert flagged(_CAP, "Households will save £119 a month.", "£119")


def test_the_size_of_one_change_is_not_another_s_when_the_summary_names_whose() -> None:
    article = (
        "From today the cap cuts the yearly bill for a typical direct-debit home from £1,690 to £1,571, a "
        "reduction of £119, and the prepayment bill from £1,640 to £1,540."
    )
    assert flagged(article, "Prepayment bills fall by £119.", "£119")
    assert status(article, "Prepayment bills fall by £100.", "£100") == "derived"


_REGATTA = (
    "Of the 140 boats that set out from the harbour on Friday, 123 finished the regatta. The winner took six hours."
)


def test_the_rest_of_a_whole_that_opens_a_sentence_is_derived() -> None:
    assert status(_REGATTA, "Seventeen boats failed to finish the regatta.", "Seventeen") == "derived"
    assert status(_REGATTA, "17 of the boats that set out did not finish.", "17") == "derived"
    assert flagged(_REGATTA, "Sixteen boats failed to finish the regatta.", "Sixteen")


def test_a_change_told_far_from_its_start_gives_its_size() -> None:
    # "down from" ties the end to its start across the words the end carries
    article = (
        "Some 52,000 households were waiting for a council home at the close of the financial year, "
        "down from 55,500 a year before, while 3,100 families were in hostels."
    )
    assert status(article, "The council housing queue shrank by 3,500 households over the year.", "3,500") == "derived"
    assert flagged(article, "The council housing queue shrank by 4,500 households over the year.", "4,500")


def test_a_change_whose_end_carries_its_time_gives_its_size() -> None:
    article = (
        "Rent arrears fell to £88m at the end of the year from £104m, "
        "after a £9m write-off of old debts, the housing body said."
    )
    assert status(article, "Rent arrears were cut by £16m to £88m.", "£16m") == "derived"
    assert flagged(article, "Rent arrears were cut by £26m to £88m.", "£26m")


def test_a_summary_that_shows_its_working_gives_a_change_start() -> None:
    # the article gives the end and the size; the summary adds the start they make
    article = (
        "Parks services will receive £42m, an increase of £5m, while spending on roads and bridges rises by 8% to £31m."
    )
    assert not flagged(article, "Parks services funding rises by £5m to £42m, from £37m.", "£37m")
    assert flagged(article, "Parks services funding rises by £5m to £42m, from £35m.", "£35m")


def test_a_difference_told_with_a_comparative_is_worked_out_from_its_two_ends() -> None:
    article = (
        "The average commute in the east took 41.5 minutes, while in the west it took 29.2 minutes. "
        "Ten years ago the average commute in the east was 33.1 minutes."
    )
    assert status(
        article, "Commuters in the east travel 12.3 minutes longer than those in the west.", "12.3 minutes"
    ) == ("derived")
    assert flagged(article, "Commuters in the east travel 9.4 minutes longer than those in the west.", "9.4 minutes")


def test_a_difference_told_as_a_gap_is_derived_whatever_else_the_article_counts_with_its_value() -> None:
    article = (
        "Ashcombe won the league with 64 points. Brindle Vale were fourth on 52 points. "
        "Ashcombe's captain played in 12 of the 30 matches."
    )
    assert status(article, "Fourth-placed Brindle Vale finished 12 points behind the champions.", "12") == "derived"
    assert flagged(article, "Fourth-placed Brindle Vale finished 10 points behind the champions.", "10")


def test_figures_late_in_a_long_article_can_still_be_worked_out() -> None:
    filler = " ".join(f"Depot {n} handled {n * 7} parcels and {n + 2} vans on day {n}." for n in range(1, 30))
    article = filler + " The new depot will cost £61m, against £48m for the one it replaces."
    assert status(article, "The new depot will cost £13m more than the one it replaces.", "£13m") == "derived"


def test_a_total_the_summary_adds_up_itself_is_derived() -> None:
    article = "The motion was carried by 29 votes to 12, with three abstentions, after a long debate."
    assert status(article, "In all 44 members voted: 29 for, 12 against and three abstaining.", "44") == "derived"
    assert flagged(article, "In all 46 members voted: 29 for, 12 against and three abstaining.", "46")


def test_a_list_of_figures_with_no_total_words_works_nothing_out() -> None:
    article = "Points this season: Okafor 71, Lund 53, Sayer 88, Brandt 64."
    assert flagged(article, "Points this season: Okafor 71, Lund 53, Sayer 88, Brandt 212.", "212")


def test_a_change_compared_with_the_same_month_a_year_before_gives_its_size() -> None:
    article = (
        "Some 4,620 households applied for hardship grants from the county welfare fund in March, "
        "compared with 3,910 in the same month last year, officials said. In all 5,200 households applied "
        "for winter fuel grants."
    )
    assert status(article, "Hardship grant applications rose by 710 to 4,620 in March.", "710") == "derived"
    assert flagged(article, "Hardship grant applications rose by 910 to 4,620 in March.", "910")


def test_a_change_and_its_size_told_together_are_read_apart() -> None:
    # "down from 31 to 26" is a change of its own; the five before it is its size, not its end
    article = "The Progress Party won 26 seats, down from 31, while its share of the vote fell to 14.6%."
    summary = "The Progress Party lost five seats, down from 31 to 26, as its vote fell to 14.6%."
    assert nothing_flagged(article, summary)
    assert flagged(article, "The Progress Party lost five seats, down from 31 to 24.", "24")


def test_a_count_told_by_its_verb_counts_what_the_count_before_it_counts() -> None:
    # "and 2,847 finished": the verb counts the same swimmers, it names no other thing
    article = "Organisers said 3,012 swimmers started the estuary race and 2,847 finished, a record."
    assert status(article, "Of the 3,012 swimmers who started, 165 did not finish.", "165") == "derived"
    assert flagged(article, "Of the 3,012 swimmers who started, 185 did not finish.", "185")


def test_a_change_s_size_the_summary_tells_is_derived_over_an_equal_count_of_something_else() -> None:
    article = (
        "The Forest Party gained four seats in the vote. Turnout was 61%, against 65% at the previous "
        "election, the returning officer said."
    )
    assert status(article, "Turnout fell four points to 61%.", "four") == "derived"
    assert flagged(article, "Turnout fell three points to 61%.", "three")


def test_a_gap_the_summary_works_out_from_its_own_figures_is_derived() -> None:
    article = "Carrow Town scored 71 goals and conceded 48 over the season, finishing fourth."
    assert status(article, "Carrow Town had a goal difference of 23 after scoring 71 and conceding 48.", "23") == (
        "derived"
    )
    assert flagged(article, "Carrow Town had a goal difference of 25 after scoring 71 and conceding 48.", "25")


def test_a_word_ending_in_ed_that_names_a_thing_keeps_counts_apart() -> None:
    # "40 red cards" and "46 registered clubs" count different things: no difference of six
    article = "The league handed out 40 red cards this season, and it has 46 registered clubs."
    assert flagged(article, "The league handed out six more red cards than last season.", "six")


def test_a_count_told_by_its_verb_and_an_adverb_counts_what_the_count_before_it_counts() -> None:
    article = "Of the 5,400 candidates who sat the test, 4,104 passed outright and the rest resat."
    assert status(article, "Some 1,296 candidates did not pass the test outright.", "1,296") == "derived"


# A lower bound on a share, told from two counts: "more than half" for 344 of 612 (56%).
_FINISHERS = "Of the 212 boats that started the Kell regatta, 171 finished the course. Eight capsized."


@pytest.mark.parametrize(
    "summary",
    [
        "More than three-quarters of the boats that started the Kell regatta finished.",
        "Over 80% of the boats finished the course.",
        "At least 80% of the starters finished the Kell regatta.",
    ],
)
def test_a_lower_bound_on_a_share_of_two_counts_is_derived(summary: str) -> None:
    assert nothing_flagged(_FINISHERS, summary)


@pytest.mark.parametrize(
    "summary",
    [
        "More than 85% of the boats finished the course.",
        "Fewer than three-quarters of the boats finished the course.",
    ],
)
def test_a_bound_the_share_does_not_meet_is_flagged(summary: str) -> None:
    assert not nothing_flagged(_FINISHERS, summary)


# A lower bound on a share stands only on a part and its whole: not on the two ends of a change,
# nor on two items of one list, nor over a count that is itself a part of another.
_POLL = "Some 3,140 residents backed the harbour plan and 2,260 opposed it. Turnout was 41%."
_SEATS = "The Quenby Alliance now holds 47 seats, up from 39 at the last election."


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_POLL, "More than 70% of residents opposed the harbour plan.", "70%"),
        (_SEATS, "The Quenby Alliance holds more than three-quarters of the seats.", "three-quarters"),
    ],
)
def test_a_bound_on_a_share_of_two_unrelated_counts_is_not_derived(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


def test_a_level_and_its_change_in_points_give_the_change_s_other_end() -> None:
    article = (
        "The Brinton Party had its best night in a decade. Its vote share rose by 6.4 percentage points "
        "to 27.9%, and it won 14 seats."
    )
    assert status(article, "The Brinton Party won 27.9% of the vote, up from 21.5%.", "21.5%") == "derived"
    assert flagged(article, "The Brinton Party won 27.9% of the vote, up from 22.5%.", "22.5%")


def test_a_margin_of_error_in_points_is_no_change_of_a_level() -> None:
    article = (
        "In the Oxcombe survey, 9% of those asked had no view on the bypass. "
        "The survey of 1,240 residents has a margin of error of 4 percentage points."
    )
    assert flagged(article, "The Oxcombe survey found 5% had no view on the bypass.", "5%")


def test_a_share_of_a_group_is_not_the_change_between_two_counts() -> None:
    article = (
        "At the height of the storm 48,000 homes in Norsea lost power. By Tuesday 6,200 were still "
        "waiting to be reconnected. The county's fire crews pumped out 800 cellars, against 1,000 "
        "in the storm of 2019."
    )
    # 800 to 1,000 is a rise of a quarter; 6,200 of 48,000 is about 13%
    assert flagged(article, "By Tuesday about a quarter of the homes that lost power were still cut off.", "a quarter")
    lido = "Ticket sales at the Colne lido rose from 3,200 in May to 4,000 in June."
    assert status(lido, "Ticket sales at the Colne lido rose by a quarter from May to June.", "a quarter") == "derived"


def test_a_share_of_a_value_lost_is_a_change() -> None:
    article = "The Oxcombe Trust's portfolio was worth £50m in January and £40m in June, its report said."
    summary = "The Oxcombe Trust's portfolio lost a fifth of its value between January and June."
    assert status(article, summary, "a fifth") == "derived"


def test_people_and_homes_make_no_difference() -> None:
    article = (
        "The Colne scheme will build 1,400 new homes by 2035, and in the consultation 5,100 people (58%) said "
        "they were against it."
    )
    # 5,100 - 1,400 is 3,700 of nothing: people are not homes
    assert flagged(article, "3,700 Colne residents opposed the scheme.", "3,700")
    assert flagged(article, "The scheme was opposed by 3,700 residents.", "3,700")


def test_people_and_others_of_one_sort_still_add_up() -> None:
    article = "Masked raiders attacked a depot outside Oxcombe at dawn, killing 17 guards and two people in a van."
    assert status(article, "Raiders killed 19 people at a depot near Oxcombe.", "19") == "derived"


_POLL = "The Brinton Alliance is on 34% in the Quenby poll, up three points in a month."


def test_a_level_up_some_points_was_that_much_lower_before() -> None:
    assert status(_POLL, "The Brinton Alliance was on 31% in the Quenby poll a month ago.", "31%") == "derived"
    assert flagged(_POLL, "The Brinton Alliance was on 30% in the Quenby poll a month ago.", "30%")


def test_a_level_is_not_moved_on_by_its_own_change_again() -> None:
    # 34% + 3 is no value of anything: the three points led to the 34%
    assert flagged(_POLL, "The Brinton Alliance is on 37% in the Quenby poll.", "37%")


def test_where_a_change_in_points_started_is_not_where_it_ended() -> None:
    article = "The Colne pass rate of 76% was up 3 points on last year. Some 48 examiners worked there."
    assert flagged(article, "The Colne pass rate rose 3 points to 73%.", "73%")
    assert nothing_flagged(article, "The Colne pass rate rose 3 points from 73% to 76%.")


_VACCINE = (
    "Only 84.7% of five-year-olds in Colne had both doses of the vaccine in the year to March, well below "
    "the 95% needed to prevent outbreaks. The Brinton rate was 91.2%."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Colne coverage is more than 10 points below the 95% needed to stop outbreaks.",
        "Colne coverage is about 10 points below the 95% needed.",
    ],
)
def test_a_gap_to_a_level_the_summary_gives_is_derived_within_its_bound(summary: str) -> None:
    assert nothing_flagged(_VACCINE, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Colne coverage is more than 11 points below the 95% needed to stop outbreaks.", "more than 11"),
        ("Colne coverage is 12 points below the 95% needed.", "12"),
    ],
)
def test_a_gap_to_a_level_the_summary_gives_that_the_article_does_not_make_is_flagged(
    summary: str, figure: str
) -> None:
    assert flagged(_VACCINE, summary, figure)


def test_a_margin_over_a_level_the_summary_gives_is_derived_across_sentences() -> None:
    article = (
        "Pupils at Oxcombe Academy had their best results yet, with 81% passing English and maths. "
        "Of those, 40 pupils sat early and 13 took an extra subject. "
        "The county average was 68%."
    )
    assert status(article, "Oxcombe Academy beat the county average of 68% by 13 points.", "13") == "derived"
    assert flagged(article, "Oxcombe Academy beat the county average of 68% by 15 points.", "15")


def test_a_span_to_a_year_counts_from_last_year_when_the_event_was_last_year() -> None:
    article = (
        "ALDERPORT, 14 January 2031 - The Marrowdale ferry company made a loss last year, its first since "
        "2008, the owners said. It carried 41 million passengers."
    )
    assert status(article, "The Marrowdale ferry company made its first loss in 22 years.", "22") == "derived"
    assert flagged(article, "The Marrowdale ferry company made its first loss in 21 years.", "21")


def test_the_second_half_of_an_amount_is_half_of_it() -> None:
    article = "Holtmere council has now paid the museum the second half of its €60m building grant."
    assert status(article, "The museum received €30m of its grant this month.", "€30m") == "derived"
    assert flagged(article, "The museum received €35m of its grant this month.", "€35m")


def test_a_worked_out_value_rounds_to_the_nearest_step_a_half_up() -> None:
    article = "Tolvern Water will spend £200m on pipes and £150m on reservoirs over the next decade."
    # £350m to the hundred million is £400m: never £300m
    assert flagged(article, "Tolvern Water will spend £300m on its network over the next decade.", "£300m")


def test_months_from_the_date_to_a_coming_month_are_derived() -> None:
    article = (
        "HOLTMERE, 29 July 2031 - The Dunsk road bridge stays closed until March while its deck is relaid, "
        "the council said."
    )
    assert status(article, "The bridge will be closed for 8 months.", "8 months") == "derived"
    assert flagged(article, "The bridge will be closed for 9 months.", "9 months")


def test_a_year_counted_back_from_an_older_year_told_with_an_age() -> None:
    article = (
        "Master mason Ilsa Tolle, who retired at the age of 71 in 1682, finished the Dunsk chapel. "
        "Her brother had begun its tower nine years earlier."
    )
    assert status(article, "Her brother began the tower in 1673.", "1673") == "derived"
    assert flagged(article, "Her brother began the tower in 1675.", "1675")


_SLEEPER = (
    "Each Velloch sleeper train will carry 380 passengers, of which 84 will be in cabins and 150 in "
    "couchettes. The operator expects 90,000 passengers in its first year."
)


def test_what_a_whole_leaves_after_the_parts_a_summary_gives_is_its_own_working() -> None:
    summary = "Each train carries 380 passengers, with 84 in cabins and 150 in couchettes, leaving 146 seats."
    assert status(_SLEEPER, summary, "146") == "derived"
    wrong = "Each train carries 380 passengers, with 84 in cabins and 150 in couchettes, leaving 164 seats."
    assert status(_SLEEPER, wrong, "164") in FLAGGED


_BRANCHES = (
    "WRAYHOLT, 3 May 2031 - Wrayholt Council has proposed closing six of its 17 branch libraries to save "
    "£1.1m a year. Under the plan, 38 posts would go, of which 11 are vacant."
)


def test_what_is_left_is_a_difference_whatever_else_the_equal_value_counts() -> None:
    # "leaving 11" is 17 - 6 branches; the article's other 11 (vacant posts) does not undo it
    assert status(_BRANCHES, "Wrayholt to shut six libraries, leaving 11 branches", "11") == "derived"
    assert status(_BRANCHES, "Wrayholt to shut six libraries, leaving 12 branches", "12") in FLAGGED


_BALLOT = "Ines Varga took 5,842 votes, against 4,956 for Olav Brekke."
_PLEDGES = "The fund set aside 500 places for Arland and 600 for Bexmoor."


def test_a_margin_between_two_parties_counts_is_derived() -> None:
    # "4,956 for Olav Brekke" says whose count it is, not what it counts: the two count one thing
    assert status(_BALLOT, "Varga beat Brekke by 886 votes.", "886") == "derived"
    assert flagged(_BALLOT, "Varga beat Brekke by 868 votes.", "868")


def test_a_count_given_to_a_party_is_no_gap_between_two_parties() -> None:
    assert flagged(_PLEDGES, "The fund set aside 100 places for Arland and 600 for Bexmoor.", "100")
    assert not flagged(_PLEDGES, "The fund set aside 500 places for Arland and 600 for Bexmoor.", "500")


_WAITS = "The waiting list fell to 4,312 in June, down from 6,087 a year earlier."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("The waiting list fell by nearly 1,800 to 4,312.", "nearly 1,800", False),  # 1,775
        ("The waiting list shrank by almost 1,800 in a year.", "almost 1,800", False),
        ("The waiting list fell by nearly 1,700 to 4,312.", "nearly 1,700", True),  # 1,775 is past it
        ("The waiting list fell by nearly 1,750 to 4,312.", "nearly 1,750", True),
    ],
)
def test_a_difference_told_as_nearly_a_value_is_a_little_below_it(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_WAITS, summary, figure) is wrong


_HERONS = "The heron colony fell to 1,310 nests this spring from 3,020 nests in 2009."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # a fall of 56.6%: a fraction is a coarse bound, told of a share up to ten points past it
        ("The heron colony has shrunk by more than half since 2009.", "more than half", False),
        ("The heron colony has shrunk by more than two-thirds since 2009.", "more than two-thirds", True),
        ("The heron colony has shrunk by more than a third since 2009.", "more than a third", True),
        # "nearly" tells a change a little below the value
        ("The heron colony has shrunk by nearly 57% since 2009.", "nearly 57%", False),
        ("The heron colony has shrunk by nearly 56% since 2009.", "nearly 56%", True),
    ],
)
def test_a_bound_on_a_change_worked_out(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_HERONS, summary, figure) is wrong


_EVACUEES = "Evacuees numbered 2,300 on Tuesday evening and 14,500 by Thursday, the regional office said."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # 14,500 - 2,300 = 12,200: a lower bound on a difference holds a little below it
        ("Evacuees rose by more than 12,000 between Tuesday and Thursday.", "more than 12,000", False),
        ("Evacuees rose by more than 13,000 between Tuesday and Thursday.", "more than 13,000", True),
        ("Evacuees rose by more than 9,000 between Tuesday and Thursday.", "more than 9,000", True),
    ],
)
def test_a_lower_bound_on_a_difference_worked_out(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_EVACUEES, summary, figure) is wrong


_LINE = "The Corran line carried 2.1 million passengers in its first year, against the 3 million forecast."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # "the 3 million forecast" says what was expected of the 3 million, not what it counts
        ("The Corran line carried around 900,000 fewer passengers than forecast.", "around 900,000", False),
        ("The Corran line carried around 600,000 fewer passengers than forecast.", "around 600,000", True),
    ],
)
def test_a_count_and_its_forecast_count_one_thing(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_LINE, summary, figure) is wrong


_SAVINGS = "Shutting the depot will save £4.6 million a year. The council faces a £9.1 million gap next year."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("Shutting the depot saves £4.6 million a year, roughly half of next year's £9.1 million gap.", "half", False),
        ("Shutting the depot saves £4.6 million a year, about 51% of the £9.1 million gap.", "51%", False),
        (
            "Shutting the depot saves £4.6 million a year, roughly a third of next year's £9.1 million gap.",
            "third",
            True,
        ),
        ("Shutting the depot saves £4.6 million a year, about 60% of the £9.1 million gap.", "60%", True),
    ],
)
def test_a_share_the_summary_works_out_of_its_own_amounts(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_SAVINGS, summary, figure) is wrong


@pytest.mark.parametrize(
    ("article", "summary", "figure", "wrong"),
    [
        # pence worked out of pounds
        (
            "Fares will be capped at £1.80, down from £2.65.",
            "Fares will be capped at £1.80, 85p less than now.",
            "85p",
            False,
        ),
        (
            "Fares will be capped at £1.80, down from £2.65.",
            "Fares will be capped at £1.80, 95p less than now.",
            "95p",
            True,
        ),
        # a gap in points told as "nearly" a value
        (
            "Walkers lost 14.9% of their weight, against 5.2% for the others.",
            "Walkers lost nearly 10 percentage points more of their weight than the others.",
            "10 percentage points",
            False,
        ),
        (
            "Walkers lost 14.9% of their weight, against 5.2% for the others.",
            "Walkers lost nearly 9 percentage points more of their weight than the others.",
            "9 percentage points",
            True,
        ),
        # a measure's change told as a share
        (
            "Bus speeds on the ring road rose from 18 km/h to 24 km/h.",
            "Bus speeds rose by a third to 24 km/h.",
            "third",
            False,
        ),
        (
            "Bus speeds on the ring road rose from 18 km/h to 24 km/h.",
            "Bus speeds rose by a half to 24 km/h.",
            "half",
            True,
        ),
    ],
)
def test_working_in_other_units(article: str, summary: str, figure: str, wrong: bool) -> None:
    assert flagged(article, summary, figure) is wrong


_EARNINGS = (
    "Harwell Insurance said new premiums grew 18% to 3.6 billion rand. Core earnings climbed to 1.42 billion rand "
    "from 1.18 billion, and the board declared a dividend of 96 cents a share, up 20% from 80 cents."
)
_TICKETS = (
    "Cinemas in Varnland sold 11.8 million tickets last year, up 9% from 10.8 million, but still about 20% below "
    "the 14.7 million sold in 2019, the film institute said."
)


@pytest.mark.parametrize(
    ("article", "summary", "figure", "wrong"),
    [
        # the start of a change in money keeps the currency of its end ("to 1.42 billion rand from 1.18 billion")
        (_EARNINGS, "Core earnings rose by 240 million rand to 1.42 billion.", "240 million", False),
        (_EARNINGS, "Core earnings rose by 260 million rand to 1.42 billion.", "260 million", True),
        # "the 14.7 million sold" counts the tickets: a verb after a count names no other thing
        (
            _TICKETS,
            "Varnland's cinemas sold 11.8 million tickets last year, about 2.9 million short of 2019.",
            "2.9",
            False,
        ),
        (
            _TICKETS,
            "Varnland's cinemas sold 11.8 million tickets last year, about 4.5 million short of 2019.",
            "4.5",
            True,
        ),
    ],
)
def test_differences_of_a_change_s_ends(article: str, summary: str, figure: str, wrong: bool) -> None:
    assert flagged(article, summary, figure) is wrong


@pytest.mark.parametrize(
    ("article", "summary", "figure", "wrong"),
    [
        # "at least 13%" never holds 12.6%, "nearly 13%" never 13.2%
        ("Sales rose from 1,000 to 1,126 units.", "Sales rose at least 13%.", "13%", True),
        ("Sales rose from 1,000 to 1,126 units.", "Sales rose at least 12%.", "12%", False),
        ("Sales rose from 1,000 to 1,132 units.", "Sales rose nearly 13%.", "13%", True),
        ("Sales rose from 1,000 to 1,132 units.", "Sales rose nearly 14%.", "14%", False),
    ],
)
def test_a_bound_on_a_share_worked_out_keeps_its_side(article: str, summary: str, figure: str, wrong: bool) -> None:
    assert flagged(article, summary, figure) is wrong


_FJORDBANK = "Fjordbank will close 14 of its 58 branches next year. It employs 1,900 people and 410 advisers."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("Fjordbank will shut almost a quarter of its branches.", "quarter", False),  # 14 of its 58: 24.1%
        ("Fjordbank will shut almost a third of its branches.", "third", True),
        # "nearly" holds only of the whole the article tells the part of, not of any two counts
        ("Advisers make up almost a quarter of the bank's staff.", "quarter", True),  # 410 / 1,900 = 21.6%
    ],
)
def test_nearly_a_share_of_a_stated_whole(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_FJORDBANK, summary, figure) is wrong
