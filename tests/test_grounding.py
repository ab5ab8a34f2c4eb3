"""Tests for checking a summary's figures and claims against its article."""

from __future__ import annotations

import pytest

from summarizer.grounding import GroundingReport, quote_in_article, verify
from summarizer.schemas import ArticleSummary, Claim, KeyFigure


def statuses(article: str, summary: str) -> list[tuple[str, str]]:
    return [(check.text, check.status) for check in verify(article, summary).figures]


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The regulator imposed a fine of €4.2m on the lender.", "The lender was fined €4.2m."),
        ("The lender paid US$250 million in damages.", "The lender paid $250m in damages."),
        ("Sales reached 320 million US dollars last year.", "Sales reached US$320 million."),
        ("Turnout was 40 per cent in the north.", "Turnout in the north was 40%."),
        ("Seven workers were injured in the blast.", "The blast injured 7 workers."),
        ("The festival drew 65,000 visitors.", "The festival drew 65K visitors."),
        ("Four in ten voters backed the plan.", "40% of voters backed the plan."),
        ("The bridge opened on March 3, 2021.", "The bridge opened in 2021."),
        ("The bridge opened on March 3, 2021.", "The bridge opened on 3 March."),
        ("Chart sales peaked in 1994.", "Chart sales peaked in the 1990s."),
        ("The company employs more than 2,000 staff.", "The company employs 2,000 staff."),
        ("The company employs about 2,000 staff.", "The company employs 2,000 staff."),
        ("The fund raised half a billion euros.", "The fund raised €500m."),
    ],
)
def test_equivalent_figures_are_accepted(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert report.figures, "the summary figure must be found"
    assert all(check.status in {"supported", "rounded"} for check in report.figures), report.render_text()
    assert report.ok
    assert report.problems() == []


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The regulator imposed a fine of €4.2m on the lender.", "The lender was fined €4.5m."),
        ("The lender paid US$250 million in damages.", "The lender paid $250bn in damages."),
        ("The lender paid US$250 million in damages.", "The lender paid €250m in damages."),
        ("Turnout was 40 per cent in the north.", "Turnout in the north was 50%."),
        ("Seven workers were injured in the blast.", "The blast injured 9 workers."),
        ("The project could cost up to €2 billion.", "The project will cost more than €2bn."),
        ("He served three months in prison.", "He served three years in prison."),
        ("The bridge opened on March 3, 2021.", "The bridge opened in 2020."),
        ("Hundreds of homes were flooded.", "Thousands of homes were flooded."),
    ],
)
def test_changed_figures_are_flagged(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert [check.status for check in report.figures] == ["unsupported"], report.render_text()
    assert not report.ok
    assert len(report.problems()) == 1


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("About 2.35 million people voted.", "About 2.4 million people voted."),
        ("The deal was worth $1.62 billion.", "The deal was worth $1.6bn."),
        ("The company employs 2,000 staff.", "The company employs more than 1,900 staff."),
        ("Two-thirds of members agreed.", "67% of members agreed."),
    ],
)
def test_rounded_figures(article: str, summary: str) -> None:
    assert [check.status for check in verify(article, summary).figures] == ["rounded"]


def test_rounding_must_respect_the_stated_precision() -> None:
    assert statuses("The deal was worth $1.62 billion.", "The deal was worth $1.5bn.") == [("$1.5bn", "unsupported")]


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The plant closed in 2009. It reopened in 2012.", "It reopened three years after closing."),
        ("Imports were 450 tonnes and exports 150 tonnes in total.", "Imports exceeded exports by 300 tonnes."),
        ("The council hired 12 nurses and 8 doctors in total.", "The council hired 20 nurses and doctors."),
        ("Police said 21 days had passed since she vanished.", "She vanished 3 weeks ago."),
    ],
)
def test_derived_figures_have_their_own_status(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert "derived" in [check.status for check in report.figures], report.render_text()
    assert report.verdict == "review"  # derived is neither an error nor a plain pass: someone confirms it
    assert not report.ok


def test_misattributed_figure_names_the_article_sentence() -> None:
    article = "Trade data came out on Monday. Imports rose 12%, while exports fell 3%. Analysts were surprised."
    report = verify(article, "Exports rose 12% last quarter.")
    (check,) = report.figures
    assert check.status == "misattributed"
    assert check.article_sentence == "Imports rose 12%, while exports fell 3%."
    assert "wrong thing" in report.problems()[0]


def test_paraphrase_is_not_misattributed() -> None:
    article = "Officials said 30 people were hurt. Riots entered their 3rd day in the capital."
    assert statuses(article, "30 injured as riots go on") == [("30", "supported")]


def test_unsupported_message_quotes_the_article_figure() -> None:
    report = verify("The regulator imposed a fine of €4.2m on the lender.", "A €4.5m fine was imposed.")
    assert report.problems() == [
        "'€4.5m' is not in the article; the closest figure there is '€4.2m', "
        'in: "The regulator imposed a fine of €4.2m on the lender.".'
    ]


def test_word_ordinals_and_fraction_words_are_not_flagged_without_a_numeric_reading() -> None:
    article = "The hosts scored twice in the second half."
    assert verify(article, "A third party scored in the first half.").ok


def summary_with(claim: Claim, figure: KeyFigure) -> ArticleSummary:
    return ArticleSummary(
        summary="The regulator fined the lender. The lender will appeal.",
        key_points=["The lender was fined €4.2m."],
        key_figures=[figure],
        claims=[claim],
    )


ARTICLE = (
    "The regulator imposed a fine of €4.2m on the lender on Tuesday. "
    "“We will appeal,” the lender’s chief executive said."
)


def test_structured_summary_with_faithful_claims_is_ok() -> None:
    summary = summary_with(
        Claim(
            statement="The lender was fined €4.2m.",
            source=None,
            figures=["€4.2m"],
            evidence='the regulator imposed a fine of  €4.2m on the lender on tuesday. "We will appeal,"',
        ),
        KeyFigure(figure="€4.2m", measures="fine", sentence="The regulator imposed a fine of €4.2m on the lender"),
    )
    report = verify(ARTICLE, summary)
    assert report.ok, report.render_text()
    assert all(claim.evidence_found and claim.figures_consistent for claim in report.claims)


def test_claim_with_invented_evidence_and_wrong_figure_fails() -> None:
    summary = summary_with(
        Claim(
            statement="The lender was fined €4.5m.",
            source=None,
            figures=["€4.5m"],
            evidence="The regulator imposed a fine of €4.2m on the bank.",
        ),
        KeyFigure(figure="€4.2m", measures="fine", sentence="A fine of €4.2m was imposed."),
    )
    report = verify(ARTICLE, summary)
    assert not report.ok
    key_figure, claim = report.claims
    assert not key_figure.evidence_found
    assert (claim.evidence_found, claim.figures_consistent) == (False, False)
    assert any("€4.5m" in problem for problem in report.problems())
    assert "FAIL" in report.render_text()


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("“WE WILL APPEAL,” the lender's", True),
        ("the regulator imposed a fine ... on the lender", True),
        ("the regulator imposed a fine of €5m", False),
    ],
)
def test_quote_search_is_tolerant_of_case_quotes_whitespace_and_ellipses(quote: str, found: bool) -> None:
    assert quote_in_article(quote, ARTICLE) is found


def test_report_serialises_and_round_trips() -> None:
    report = verify("Seven workers were injured.", "9 workers were injured.")
    assert GroundingReport.model_validate_json(report.model_dump_json()) == report


def test_tokenised_score_matches_the_article_score() -> None:
    article = "United won 4-2 at home. City are four points behind."
    assert statuses(article, "United beat City 4 - 2 .") == [("4", "supported"), ("2", "supported")]
    # A score the article does not give is wrong as a whole: its "4" is not the article's "four points".
    assert [status for _, status in statuses(article, "United beat City 4 - 3 .")] == ["unsupported", "unsupported"]
    assert [status for _, status in statuses(article, "City lost 2-4 at United.")] == ["supported", "supported"]


def test_a_range_the_article_writes_out_is_not_a_wrong_score() -> None:
    article = "The home side won 3-1. Tickets cost 10 to 12 pounds."
    assert [status for _, status in statuses(article, "Tickets cost 10-12 pounds.")] == ["supported", "supported"]


def test_count_used_for_something_else_is_misattributed() -> None:
    article = (
        "The storm killed at least two people near the coast. "
        "Rescuers pulled three people from a collapsed barn, all of them unhurt."
    )
    (check,) = verify(article, "The storm killed three people near the coast.").figures
    assert check.status == "misattributed"


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("The side won the Six Nations last spring.", "The side won the Six Nations.", "supported"),
        ("Six players were injured in the match.", "The side won the Six Nations.", "unsupported"),
        ("The lorry crashed on the M5 near the bridge.", "The lorry crashed on the M4.", "unsupported"),
        ("The League Two club sacked its manager.", "Two managers were sacked.", "unsupported"),
        ("Debris from Flight 117 was recovered.", "BA117 debris was recovered.", "supported"),
    ],
)
def test_names_match_only_the_same_name(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


def test_a_count_is_not_read_from_an_ordinal() -> None:
    assert statuses("He finished second in the race.", "He won 2 races.") == [("2", "unsupported")]


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("Officials said 37 climbers were still unaccounted for.", "Over 40 climbers are unaccounted for."),
        ("The new line may carry up to 45 trains a day.", "The line may carry up to 40 trains a day."),
        ("The library lends 38 bicycles.", "The library lends over 20 bicycles."),
    ],
)
def test_bounds_must_hold_for_the_article_value(article: str, summary: str) -> None:
    assert [status for _, status in statuses(article, summary)] == ["unsupported"]


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        ("The club paid €18 million up front and €7 million in bonuses.", "A €25M transfer."),
        ("The ferry carried 41 tourists and one guide.", "Ferry with 42 aboard"),
        ("(Jun 3, 2019) The mayor says the tunnel will open next year.", "Tunnel to open in 2020"),
        ("The ship sank almost 60 years ago.", "Wreck found 58 years on"),
    ],
)
def test_headline_arithmetic_is_derived_or_rounded(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert report.verdict != "fail", report.render_text()


def test_more_than_is_not_derived_from_a_total_that_equals_it() -> None:
    article = "The fire destroyed at least four barns. Officials put the damaged barns at 26."
    assert [s for _, s in statuses(article, "Over 30 barns were hit.")] == ["unsupported"]


def test_share_bound_to_another_subject_is_misattributed() -> None:
    article = (
        "The cartel earns about 50% of its export revenue from timber. "
        "Auditors say as much as 40% of the fleet budget is paid for by fraud."
    )
    (check,) = verify(article, "Fraud pays for as much as 50% of the fleet budget.").figures
    assert check.status == "misattributed", check
    assert check.article_text == "about 50%"


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        # the same subject, reworded: the value is bound to what the summary says
        ("The cartel earns about 50% of its export revenue from timber.", "Timber gives the cartel 50% of revenue."),
        # nothing else in the article competes for the summary's words
        ("He was 90.", "Author dead at 90"),
    ],
)
def test_share_with_its_own_subject_is_supported(article: str, summary: str) -> None:
    assert [status for _, status in statuses(article, summary)] == ["supported"]


def test_count_of_other_things_is_misattributed() -> None:
    article = (
        "Engineers counted two bridges that had collapsed. "
        "The quake killed at least 12 people in the valley, officials said."
    )
    (check,) = verify(article, "The quake killed two people in the valley.").figures
    assert check.status == "misattributed", check


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        # a product or ratio of two counts is a coincidence, not a derivation
        ("The choir sang 14 songs on each of 5 evenings.", "The choir sang 70 songs."),
        ("Seven players and seven coaches travelled.", "Only 1 player travelled."),
        # counts do not add up to a duration
        ("He met 6 agents and 4 lawyers.", "He gave a 10-minute speech."),
        # a rounding keeps what is counted
        ("It was one of 50 vases in the auction.", "It was lost more than 40 years ago."),
    ],
)
def test_coincidental_arithmetic_is_not_derived(article: str, summary: str) -> None:
    assert [status for _, status in statuses(article, summary)] == ["unsupported"]


def test_pounds_without_a_sign_may_be_a_weight() -> None:
    assert statuses("The boxer has shed 14 pounds since May.", "Boxer drops 14 lbs") == [("14 lbs", "supported")]
    assert statuses("The fine was £14.", "The fine was 14 pounds.") == [("14 pounds", "supported")]


def test_a_vague_amount_does_not_compete_for_a_count() -> None:
    article = "Some 8 of the clubs that earned millions from the cup still owe their players wages."
    assert statuses(article, "8 cup clubs owe players wages") == [("8", "supported")]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # a floor plus a count is a floor: "at least 20 villagers and three soldiers"
        ("Four guards and at least 30 inmates escaped.", "At least 34 escape", "derived"),
        # an exact total is "at least" it, never "more than" it
        ("Three boats sank and 44 are adrift.", "More than 47 boats were lost or adrift.", "unsupported"),
        # a floor does not survive a difference
        ("At least 30 sheep died. Four were found alive.", "At least 26 sheep died.", "unsupported"),
        # years apart, given in one passage
        ("She opened the shop in 1998. It closed in 2009.", "Shop ran for 11 years", "derived"),
        # short gaps between nearby years are everywhere, and say nothing
        ("He joined in 2013. The deal ran to 2015. He left in 2019.", "He signed a two-year deal.", "unsupported"),
    ],
)
def test_derivations_respect_bounds_and_distance(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


def test_a_small_count_is_derived_only_from_one_sentence() -> None:
    article = "The museum has 5 halls. It opened 4 new rooms in May."
    assert statuses(article, "The museum shut 1 hall.") == [("1", "unsupported")]
    assert statuses("The museum has 5 halls and 4 annexes.", "The museum has 9 buildings.") == [("9", "derived")]


def test_digits_after_a_thousands_comma_are_not_a_ratio() -> None:
    assert statuses("Fraudsters took £ 12,000 in two scams.", "Fraudsters took £12,000.") == [("£12,000", "supported")]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("The depot is 30km (19 miles) from the town.", "19 workers were hurt.", "unsupported"),
        ("The depot is 30km (19 miles) from the town.", "The depot is 19 miles out.", "supported"),
        ("The river hit 21.6C on Sunday.", "River reaches 22 degrees", "rounded"),
    ],
)
def test_measures_match_only_their_unit(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("Some 640 pupils sat the exam.", "Hundreds of pupils sat the exam.", "rounded"),
        ("Some 6,400 pupils sat the exam.", "Hundreds of pupils sat the exam.", "unsupported"),
    ],
)
def test_vague_amounts_span_one_order_of_magnitude(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


def test_a_rank_matches_only_the_same_rank() -> None:
    article = "The world number two won one match and lost two."
    assert statuses(article, "The world number two lost twice.") == [("number two", "supported")]
    assert statuses(article, "The world number one lost.") == [("number one", "unsupported")]


def test_a_count_is_not_a_duration() -> None:
    article = "The farmer said the fence had been down for two weeks."
    assert statuses(article, "Two cows escaped through the fence.") == [("Two", "unsupported")]
    assert statuses(article, "The fence was down for two weeks.") == [("two weeks", "supported")]


def test_a_bound_added_to_a_count_of_something_else_is_misattributed() -> None:
    article = "Engineers inspected two bridges on Monday. The flood killed 14 people in the valley."
    (check,) = verify(article, "The flood killed at least two people.").figures
    assert check.status == "misattributed", check
    # the same bound on the right count is loose but true
    assert statuses(article, "The flood killed at least 14 people.") == [("at least 14", "rounded")]


def test_a_percentage_change_is_derived() -> None:
    article = "The shares were priced at $20 and closed at $23 on their first day."
    assert statuses(article, "Shares jump 15% on debut") == [("15%", "derived")]
    assert statuses(article, "Shares jump 25% on debut") == [("25%", "unsupported")]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # a dated article speaks of the year after its date without naming it
        ("(Mar 2, 2031  9:10 AM) The senator will not stand in the coming race.", "No run in 2032", "derived"),
        # an undated article must say "next year"
        ("The senator, first elected in 2031, will not stand in the coming race.", "No run in 2032", "unsupported"),
        # the year before needs "last year", even in a dated article
        ("(Mar 2, 2031  9:10 AM) The senator will not stand in the coming race.", "He ran in 2030", "unsupported"),
        ("(Mar 2, 2031  9:10 AM) The senator, who ran last year, will not stand again.", "He ran in 2030", "derived"),
        # two years on is no longer "the year after"
        ("(Mar 2, 2031  9:10 AM) The senator will not stand in the coming race.", "No run in 2033", "unsupported"),
        # a year counted from the article's date by a span it gives
        ("(Jun 5, 2030  8:00 AM) The keeper was found 41 years after he fled.", "Fled in 1989", "derived"),
        ("(Jun 5, 2030  8:00 AM) The keeper was found 41 years after he fled.", "Fled in 1987", "unsupported"),
        # or from a year in the same passage
        ("The abbey burned in 1702. The bells had been cast nine years earlier.", "Bells cast in 1693", "derived"),
        ("The abbey burned in 1702. The bells had been cast nine years earlier.", "Bells cast in 1695", "unsupported"),
        # years apart counted from the article's date, not only from the latest year it names
        ("(Apr 9, 2030  8:00 AM) The 1911 bridge will shut; a 2040 study may reopen it.", "After 119 years", "derived"),
    ],
)
def test_years_counted_from_the_articles_date(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # "N others" are N besides the one already named
        ("The fox bit one hen and frightened 31 others into the pond.", "Fox scatters 32 hens", "derived"),
        ("A ranger was hurt and two other hikers are missing after the rockfall.", "3 hurt or missing", "derived"),
        # a count and a single one beside it
        ("Police found three students and a teacher in the flooded basement.", "4 rescued from basement", "derived"),
        ("The raid freed one nurse and a dozen villagers.", "13 freed in raid", "derived"),
        ("Inspectors found a couple and four of their children in the house.", "Family of 6 found", "derived"),
        # the summary's "N other" against the article's total
        ("Nine founders signed the charter on Monday.", "Okafor and 8 other founders sign charter", "derived"),
        # without a word that adds one, N + 1 is just a different number
        ("Police found three students in the flooded basement.", "4 rescued from basement", "unsupported"),
        ("Nine founders signed the charter on Monday.", "Okafor and 8 founders sign charter", "unsupported"),
        ("The fox bit 31 hens.", "Fox bites 32 hens", "unsupported"),
    ],
)
def test_a_count_with_the_one_beside_it(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)][:1] == [expected]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("The poll puts Ruiz on 46% and Okoro on 39% in the north.", "Ruiz opens 7-point lead", "derived"),
        ("The poll puts Ruiz on 46% and Okoro on 39% in the north.", "Ruiz opens 9-point lead", "unsupported"),
        # a gap between shares far apart in the article is no lead
        (
            "Ruiz has 46% in the north. The weather was mild. Turnout was high. Okoro won 39% of the south.",
            "Ruiz opens 7-point lead",
            "unsupported",
        ),
        # only a count written as points is a gap between shares
        ("The poll puts Ruiz on 46% and Okoro on 39% in the north.", "Ruiz wins 7 districts", "unsupported"),
    ],
)
def test_a_lead_in_points_is_a_gap_between_shares(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("Dock workers began a 72-hour stoppage at dawn.", "Dockers start 3-day strike", "derived"),
        ("Dock workers began a 72-hour stoppage at dawn.", "Dockers start 4-day strike", "unsupported"),
        ("Half of the €900 million fund is still unspent, the council said.", "€450M unspent", "derived"),
        ("Half of the €900 million fund is still unspent, the council said.", "€300M unspent", "unsupported"),
    ],
)
def test_hours_as_days_and_a_fraction_of_an_amount(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


def test_a_small_count_is_not_the_gap_between_unrelated_numbers() -> None:
    # any two numbers of a sentence differ by some small count
    article = "The estate has 24 flats and 26 houses, the council said."
    assert statuses(article, "Inspectors condemned two towers.") == [("two", "unsupported")]
    # but a gap between the things the summary speaks of is derived
    article = "The club had 14 coaches in May and 11 coaches in June."
    assert statuses(article, "The club lost 3 coaches.") == [("3", "derived")]


def test_a_count_made_of_its_parts_beats_an_equal_count_of_something_else() -> None:
    booked = "A lodge had booked four skiers onto the pass. "
    with_parts = booked + "An instructor and three porters were killed when the slope gave way."
    assert statuses(with_parts, "4 killed as slope gives way") == [("4", "derived")]
    # without parts that add up, the equal count of other things is still misattributed
    without = booked + "Three porters were killed when the slope gave way."
    assert statuses(without, "4 killed as slope gives way") == [("4", "misattributed")]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # a half is stated to the half: "two and a half years" is not a rounding of two or three
        ("He signed a three-year contract.", "He signed a two-and-a-half-year deal.", "unsupported"),
        ("The crossing took two hours.", "The crossing took 2½ hours.", "unsupported"),
        ("The crossing took 2.5 hours.", "The crossing took two and a half hours.", "supported"),
        ("He signed a two-and-a-half-year contract.", "He signed a 2½-year deal.", "supported"),
    ],
)
def test_halves_are_stated_to_the_half(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)] == [expected]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        ("Rain washed out the second day of the final.", "Rain ruined day two of the final.", "supported"),
        ("The cyclist crashed on Stage 4 near the coast.", "The cyclist crashed on stage four.", "supported"),
        # a day of an event is not any "two" of the article
        ("Those two catches cost the side the final.", "Rain ruined day two of the final.", "unsupported"),
        ("The champion lost in round three.", "The champion lost in round two.", "unsupported"),
    ],
)
def test_days_and_rounds_of_an_event_match_only_themselves(article: str, summary: str, expected: str) -> None:
    assert [status for _, status in statuses(article, summary)][:1] == [expected]


def test_a_score_at_the_end_of_a_sentence_is_read_as_a_score() -> None:
    # read as loose numbers, the 3 and the 2 would each be found in the article
    article = "Rovers won 3-1 at home. Okafor scored 2 goals on Saturday."
    assert statuses(article, "Rovers won 3-2.") == [("3", "unsupported"), ("2", "unsupported")]
    assert statuses(article, "Rovers won 3-1.") == [("3", "supported"), ("1", "supported")]


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # a difference of two counts of the same thing
        (
            "Seven Welsh inmates broke out of the annex. Six of the inmates were caught by noon.",
            "1 inmate still at large",
            "derived",
        ),
        # no difference of counts of different things: 22 schools and 24 towns
        (
            "Inspectors visited the county's 22 schools. Floods closed roads in 24 towns.",
            "Two schools closed",
            "unsupported",
        ),
        # the numbers of a score are not amounts to add up
        (
            "The visitors slumped to 9-2 and later lost three quick wickets.",
            "The hosts won by seven wickets.",
            "unsupported",
        ),
    ],
)
def test_derivations_take_only_counts_of_the_same_things(article: str, summary: str, expected: str) -> None:
    assert statuses(article, summary)[0][1] == expected


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # a person's age is counted from a birth year...
        ("The painter was born in 1931. She died in 2012 at her studio.", "She died aged 81.", "derived"),
        ("The singer Ada Moss (1950-2024) died at home.", "Moss died aged 74.", "derived"),
        # ...not from any two years the article gives
        (
            "A flood hit the valley in 1931. The dam opened in 2012.",
            "The engineer died at the age of 81.",
            "unsupported",
        ),
        # the age of a thing may run between the years it was made and found
        ("The bottle was sealed in 1897 and found under the ice in 2011.", "A 114-year-old bottle", "derived"),
    ],
)
def test_ages_counted_from_years(article: str, summary: str, expected: str) -> None:
    assert statuses(article, summary)[0][1] == expected


_QUAKE = (
    "June 3, 2024 - A magnitude-5 quake shook the hill towns of Umbria on Sunday. There were no reports of injuries. "
    "Last May, two quakes in the same valley left more than 20 people dead. In 2009 about 300 died at L'Aquila."
)


@pytest.mark.parametrize(
    ("article", "summary", "expected"),
    [
        # the value is given only for an earlier event, and the summary says nothing of when
        (_QUAKE, "A quake in Umbria has killed more than 20 people.", "misattributed"),
        # the summary says when
        (_QUAKE, "Quakes in the same valley killed more than 20 people last May.", "supported"),
        # the year of the article's own events is not an earlier event
        ("In 2021 the storm killed 40 people across the islands.", "The storm killed 40 people.", "supported"),
        # "1995's Friday" names a film, not a time
        (
            "(Dec 11, 2020) Tiny Lister, in 1995's Friday the neighbourhood bully, has died at 62.",
            "Friday actor dead at 62",
            "supported",
        ),
    ],
)
def test_a_value_given_only_for_an_earlier_event(article: str, summary: str, expected: str) -> None:
    check = verify(article, summary).figures[0]
    assert check.status == expected, check
    if expected == "misattributed":
        assert check.note == "the article gives this value for an earlier event"


def test_a_year_ahead_is_not_the_article_s_own_year() -> None:
    article = "In 2021 the storm killed 40 people on the coast. Rebuilding should be done by 2026."
    assert statuses(article, "The storm killed 40 people.") == [("40", "supported")]


def test_a_later_ordinal_of_the_same_thing_is_not_flagged_as_a_word() -> None:
    # a count that goes on ("added another") makes "second" right where the article says "first"
    article = "The sprinter won her first Olympic gold in Rio in 2016 and added another in Tokyo five years later."
    assert verify(article, "The sprinter won her second Olympic gold in Tokyo.").ok
