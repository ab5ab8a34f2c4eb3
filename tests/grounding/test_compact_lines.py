"""Compact labelled lines ("Revenue: £412m. Staff: 2,340."): the label binds its value as the noun
after a count does, so a value moved under another figure's label is flagged (label-elsewhere),
and a label that paraphrases its own value's words is not."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged, status

_CANAL = "ILVERBY, June 3 - Divers cleared the Ilverby canal basin of 86 bicycles, 41 prams and 7 safes on Saturday."
_AVIARY = (
    "Cradlow Zoo's income rose to £4.8m last year, the trust said. It spent £1.3m on a new aviary, "
    "which now houses 60 birds."
)
_SIXTH_FORM = "At Ludgarth Sixth Form, 91% of pupils passed maths, while attendance stood at 88%."


def test_a_list_items_value_under_another_items_label_is_flagged() -> None:
    summary = "Ilverby canal clean-up. Prams: 86. Safes: 7."
    assert status(_CANAL, summary, "86") == "misattributed"
    assert not flagged(_CANAL, summary, "7")


def test_a_value_under_the_label_of_a_figure_in_another_sentence_is_flagged() -> None:
    assert flagged(_AVIARY, "Cradlow Zoo. Income: £1.3m. Birds: 60.", "£1.3m")


def test_a_share_under_the_label_of_the_next_clauses_share_is_flagged() -> None:
    assert flagged(_SIXTH_FORM, "Ludgarth Sixth Form. Attendance: 91%.", "91%")


def test_values_under_their_own_labels_are_not_flagged() -> None:
    assert nothing_flagged(_CANAL, "Ilverby canal clean-up. Bicycles: 86. Prams: 41. Safes: 7.")
    assert nothing_flagged(_AVIARY, "Cradlow Zoo. Income: £4.8m. Aviary: £1.3m. Birds: 60.")
    assert nothing_flagged(_SIXTH_FORM, "Ludgarth Sixth Form. Maths passes: 91%. Attendance: 88%.")


def test_a_label_for_people_told_as_people_is_not_flagged() -> None:
    article = "Brindlecombe Brewery employs 420 people at its two sites, and 35 staff joined it this year."
    assert nothing_flagged(article, "Brindlecombe Brewery. Staff: 420.")


def test_a_label_told_by_the_verb_of_its_value_is_not_flagged() -> None:
    article = "Oxtelby Cycles sold 58,000 bicycles last year, while sales of its electric models reached 9,000."
    assert nothing_flagged(article, "Oxtelby Cycles. Sales: 58,000.")


def test_a_rival_the_summary_gives_on_another_line_is_no_rival() -> None:
    article = "Brindlecombe Brewery employs 420 people, and 35 new staff were taken on this spring."
    assert nothing_flagged(article, "Brindlecombe Brewery. Workforce: 420. New staff: 35.")


def test_a_rival_told_of_another_party_is_no_rival() -> None:
    article = (
        "Brindlecombe Brewery sold 31% of the beer drunk in the county last year. "
        "Its rival Ollerbeck Ales had a market share of 22%, down from 25%."
    )
    assert nothing_flagged(article, "Brindlecombe Brewery. Market share: 31%.")


def test_a_measure_under_a_looser_label_is_not_flagged() -> None:
    article = (
        "Boats landing at Quenhithe brought in 9,300 tonnes of fish, and hake, the biggest catch, made up 2,100 tonnes."
    )
    assert nothing_flagged(article, "Quenhithe harbour. Catch: 9,300 tonnes.")


_FERRY_TRIAL = (
    "The Velloch ferry trial cost 3.4 million kroner, of which a regional transport fund paid 2.2 million "
    "and the port 1.2 million. Each crossing cost about 90 kroner."
)


def test_a_label_says_what_its_value_counts_to_every_rule() -> None:
    # the colon ends the clause, but the label is the value's noun: "Transport fund: 2.2m" is the
    # fund's 2.2 million, not a value with no words beside a currency
    assert nothing_flagged(_FERRY_TRIAL, "Trial cost: 3.4m kroner. Transport fund: 2.2m kroner. Port: 1.2m kroner.")
    assert flagged(_FERRY_TRIAL, "Trial cost: 3.4m kroner. Transport fund: 1.2m kroner.", "1.2m")
