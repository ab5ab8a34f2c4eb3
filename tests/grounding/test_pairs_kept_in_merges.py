"""A summary that joins two article sentences may keep one sentence's pair of figures whole and add a
figure from the other: the pair's value is then told twice over, beside its own companion, and was
exchanged with nothing. A swap gives the other value beside another party's figure instead, or puts
the figure between the pair."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged

from summarizer.text import stem

_GRANTS = (
    "The Quarrendon orchestra received £520,000 from the arts board this year, a cut of 9%, "
    "and £180,000 from the county. Ticket sales brought in £260,000."
)
_LAMBS = (
    "TARNBY, 4 May 2026 - On Osterhay the number of lambs born fell from 41,200 in 2020 to 36,800 in 2025, "
    "and the lambing rate dropped to 1.62 lambs per ewe from 1.79. Farm incomes rose 4%."
)
_SEIZURES = (
    "Customs officers at Harlow Ness seized 14 boats carrying goods worth £7m. "
    "A further 25 lorries were stopped, with goods worth £3m."
)


def test_a_pair_kept_whole_beside_a_figure_from_the_next_sentence_is_no_swap() -> None:
    summary = (
        "The orchestra received £520,000 from the arts board after a 9% cut, "
        "with £180,000 from the county and £260,000 from tickets."
    )
    assert nothing_flagged(_GRANTS, summary)


def test_a_pair_kept_whole_beside_a_figure_from_the_next_clause_is_no_swap() -> None:
    summary = "Lambs born on Osterhay fell from 41,200 in 2020 to 36,800 and the lambing rate dropped to 1.62."
    assert not flagged(_LAMBS, summary, "1.62")


def test_a_figure_put_between_the_kept_pair_is_still_a_swap() -> None:
    summary = (
        "The orchestra received £520,000 from the arts board after a 9% cut, "
        "with £260,000 from the county and £180,000 from tickets."
    )
    assert flagged(_GRANTS, summary, "£260,000")


def test_a_value_moved_beside_another_partys_figure_is_still_a_swap() -> None:
    summary = "The 14 boats seized carried £3m worth of goods, while the 25 lorries stopped carried £7m."
    assert flagged(_SEIZURES, summary, "£3m")
    assert flagged(_SEIZURES, summary, "£7m")


# --- a result participle is no word of a subject, on either side ------------------------------------
_COLLEGE = (
    "Inspectors at Tamberley College found progress in one area: the share of students leaving with a "
    "job offer rose to 81% from 74%. Attendance was 88%."
)
_APPRENTICES = (
    "Inspectors at Tamberley College found progress in one area: the share of students leaving with a "
    "job offer rose to 81%, while the share of apprentices leaving early fell to 9%."
)


def test_a_changes_other_end_is_no_rival_by_a_participle_both_subjects_hold() -> None:
    summary = "The share of students leaving with a job offer rose to 81% from 74%, while attendance was 88%."
    assert nothing_flagged(_COLLEGE, summary)


def test_a_value_told_of_anothers_subject_is_still_flagged_beside_a_participle() -> None:
    assert flagged(_APPRENTICES, "The share of apprentices leaving early fell to 81%.", "81%")
    assert flagged(
        _COLLEGE, "The share of students leaving with a job offer rose to 88%, while attendance was 81%.", "88%"
    )


# --- a change only asked for is told by its size ------------------------------------------------------
_PAY_CLAIM = (
    "The Ellisby nurses' union is seeking a pay rise of 7.5% for 2027. "
    "The trust says average pay rose 2.9% last year to £38,400."
)


def test_a_rise_asked_for_is_told_by_its_size_as_a_claim() -> None:
    assert nothing_flagged(_PAY_CLAIM, "The union wants 7.5%.")
    assert nothing_flagged(_PAY_CLAIM, "Claim: 7.5%. Average pay: £38,400.")


def test_a_rise_asked_for_is_still_no_level() -> None:
    assert flagged(_PAY_CLAIM, "Nurses' pay is now 7.5%.", "7.5%")


# --- a short noun keeps its letters: "bed" is what "beds" are -----------------------------------------
_HOSPICE = (
    "Work has begun on the Pellick Road hospice, which replaces buildings dating from 1924. "
    "A respite wing with 24 beds will open in the second phase, costing a further £9m. "
    "The hospice will have 14 day rooms."
)
_ANNEXE = "The Tamberley shelter now houses 31 families. Its new annexe has 12 beds and 4 kitchens."


def test_a_short_noun_stems_as_its_plural() -> None:
    assert stem("bed") == stem("beds") != ""
    assert stem("killing") == stem("killed") == stem("kills")


def test_a_count_told_in_a_hyphened_noun_counts_what_the_article_counts() -> None:
    assert nothing_flagged(_HOSPICE, "A 24-bed respite wing costing £9m will open in the second phase.")
    assert nothing_flagged(_ANNEXE, "Its new 12-bed annexe has 4 kitchens.")


def test_a_count_told_in_a_hyphened_noun_of_another_thing_is_still_flagged() -> None:
    assert flagged(_HOSPICE, "The hospice will have a 24-room day wing.", "24")


_DEFENCES = (
    "KESTERBY, 3 June 2031 - Work on a £52m sea wall for the Kesterby Sands will begin in March. "
    "The coast agency will pay £36m, of which £8m comes from a storm fund. "
    "The borough council will give £11m and harbour firms £5m through a levy."
)


def test_each_partys_amount_in_a_list_is_told_with_its_own_party() -> None:
    # the sentence names the sands, but each item names its own payer: nothing was exchanged
    opening = "The £52m Kesterby Sands sea wall will begin in March, with the coast agency paying"
    assert nothing_flagged(_DEFENCES, f"{opening} £36m and the council £11m.")
    swapped = f"{opening} £11m and the council £36m."
    assert flagged(_DEFENCES, swapped, "£11m")
