"""Mends from a code review of 3.163-3.176, each with an invented pair that showed the fault."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged, status

from summarizer.grounding import verify

_TABLE = "Quenby Rovers finished the season 14 points ahead of Colne Athletic in the Norsea League table."


def test_a_difference_told_from_the_other_side_with_the_same_place_is_not_turned() -> None:
    # "in the Norsea League table" follows both sides' comparisons: it is where, not against whom
    assert nothing_flagged(_TABLE, "Colne Athletic finished 14 points behind Quenby Rovers in the Norsea League table.")
    assert flagged(_TABLE, "Quenby Rovers finished 14 points behind Colne Athletic in the Norsea League table.", "14")


def test_a_percentage_change_in_the_wholes_sentence_is_no_share_of_it() -> None:
    article = "Norsea council approved 3,200 homes at Brinton Quay this year, 25% more than last year."
    assert flagged(article, "About 800 of the 3,200 Brinton Quay homes will be affordable.", "About 800")


def test_an_amount_is_shared_out_only_over_its_own_span() -> None:
    article = "The mayor, who has served five years, said the £186m road budget was the largest yet."
    assert flagged(article, "Oxcombe's road spending is about £37m a year.", "about £37m")


def test_a_share_of_a_budget_may_be_the_change_of_the_budget() -> None:
    article = "Colne council cut its library budget from £20m to £17m."
    assert status(article, "Colne council cut 15% of its library budget.", "15%") == "derived"


def test_a_when_clause_does_not_date_a_value_told_after_a_turn_back_to_now() -> None:
    article = (
        "At the last town elections in 2021, when Labour held the council, turnout was 29.8%, "
        "but this year it reached 41%."
    )
    assert nothing_flagged(article, "Turnout in the Norsea town elections reached 41%.")


def test_due_to_a_cause_is_no_change_still_to_come() -> None:
    article = "Turnout in the Norsea by-election fell to 34% from 39%, due to heavy rain."
    assert flagged(article, "Turnout in the Norsea by-election was 39%.", "39%")
    ahead = "The Colne wage will rise to £12.21 an hour from 1 April, up from £11.44."
    assert nothing_flagged(ahead, "The current Colne wage is £11.44 an hour.")


def test_a_passive_led_by_tells_no_margin() -> None:
    # "led by Ann Hale" names who leads; the "by 12" after it is a change the article does not give
    article = "The Colne Players, led by Ann Hale, have 12 trustees. Their membership was 60 in 2023 and 48 in 2024."
    assert flagged(article, "The Colne Players, led by Ann Hale, grew by 12 members.", "12")


def test_an_amount_per_year_is_no_amount_per_unit() -> None:
    article = "Colne council will give £240m to its 6 schools."
    assert status(article, "Colne's 6 schools will get £40m each.", "£40m") == "derived"
    per_year = verify(article, "Colne's 6 schools will get £40m per year.").figures
    assert all(figure.rule != "apportioned" for figure in per_year)


def test_a_span_the_parser_reads_with_its_preposition_is_the_amounts() -> None:
    article = "Project Colne at Brinton will cost £186m over 5 years."
    assert status(article, "Project Colne costs about £37m a year.", "about £37m") == "derived"


# Review of 3.177-3.182
# referred_party: "The company" after a sentence that names two parties tells of either
_FINED = (
    "Regulator Ofwex fined Aldmoor Water £3m on Monday. Aldmoor serves 900,000 customers. "
    "Ofwex oversees firms that serve 2,000,000 customers."
)
_LENT = "Nash Bank lent £3bn to Orrin Group. Orrin employs 2,000 people. Nash employs 9,000 people."


def test_the_company_after_two_parties_is_either() -> None:
    assert nothing_flagged(_FINED, "Ofwex fined Aldmoor Water £3m. The company serves 900,000 customers.")


def test_the_group_is_the_party_whose_name_holds_group() -> None:
    assert nothing_flagged(_LENT, "Nash Bank lent £3bn to Orrin Group. The group employs 2,000 people.")
    assert flagged(_LENT, "Nash Bank lent £3bn to Orrin Group. The group employs 9,000 people.", "9,000")


def test_a_pronoun_still_tells_of_the_first_party() -> None:
    article = (
        "Wrenlow Athletic moved three points clear at the top with a 2-0 win over Pimbury on Saturday. "
        "Athletic now have 61 points from 30 games, while Pimbury have 44 points and sit ninth."
    )
    assert flagged(article, "Pimbury beat Wrenlow. They now have 61 points from 30 games.", "61")


# own-working: a relative change between two percentages, and a figure that counts another thing
def test_a_relative_change_between_two_rates_is_no_wrong_working() -> None:
    article = "Turnout rose to 41% from 29%, a rise of 41%."
    assert nothing_flagged(article, "Turnout of 41% was 41% higher than the 29% of last time.")
    rates = "Lenton's rate is 6.5%. Mawby's rate is 4.0%."
    assert status(rates, "Lenton's 6.5% rate is 62.5% higher than Mawby's 4.0%.", "62.5%") == "derived"


def test_a_figure_of_another_thing_is_no_end_of_the_working() -> None:
    article = "Kerr Ltd's 200 staff made 9,000 units, 1,000 more than the 8,000 made in 2023."
    assert nothing_flagged(article, "Kerr Ltd's 200 staff made 1,000 more units than the 8,000 of 2023.")
    article = "The stadium's 3 stands hold 30,000, 5,000 more than the 25,000 at Orbury."
    assert nothing_flagged(article, "The three stands hold 5,000 more fans than the 25,000 at Orbury.")


def test_wrong_own_working_is_still_caught() -> None:
    article = (
        "The Corbin board backed a 530p offer from Varn, 80p more than its 450p opening bid. "
        "The earlier offer was 485p."
    )
    assert flagged(article, "Varn's 530p offer is 80p higher than the 485p proposal.", "80p")


# rank-owner: a party named in an aside between commas owns no place after it
def test_a_party_in_an_aside_owns_no_place() -> None:
    article = "Zane Town sit fourth after beating Abel Rovers 2-0 on Saturday. Abel Rovers stay ninth."
    assert nothing_flagged(article, "Zane Town, who beat Abel Rovers 2-0, sit fourth. Abel Rovers stay ninth.")
    article = "Eira Hale finished third. Her club, Ferns, finished fifth in the team event."
    assert nothing_flagged(article, "Eira Hale, whose club Ferns came fifth in the team event, finished third.")


def test_a_place_in_a_relative_clause_is_its_partys() -> None:
    article = "Zane Town sit fourth after beating Abel Rovers 2-0 on Saturday. Abel Rovers stay ninth."
    assert flagged(article, "Zane Town beat Abel Rovers, who sit fourth.", "fourth")
