"""A value moved within its sentence: a whole told as what one of its parts' parties paid or got
(whole-for-part), and one level's change told of a parallel level (change-owner)."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged, status

# whole-for-part: "the bridge cost £8.6m, of which £2.4m came from the Pellwick Trust"
_BRIDGE = (
    "ORRINBY, May 9 - The new footbridge at Orrinby cost £8.6 million, of which £2.4 million came from the "
    "Pellwick Trust. It opened on Friday."
)
_CLINIC = "The Castrelle clinic saw 4,100 patients last year, with 950 of them referred by local schools."
_FARMS = (
    "Vennagh's farm grants rose 9% to £14.2 million. Of that, £5.1 million went on hedgerows and the rest on drainage."
)
_COACH = "The coach trip cost 640 euros a head, with the museum visit accounting for 85 euros of that."


def test_a_whole_told_as_its_parts_party_is_flagged() -> None:
    assert status(_BRIDGE, "The Pellwick Trust paid £8.6 million for the Orrinby footbridge.", "£8.6") == (
        "misattributed"
    )
    assert flagged(_CLINIC, "Local schools referred 4,100 patients to the Castrelle clinic.", "4,100")
    assert flagged(_COACH, "The museum visit cost 640 euros a head.", "640")


def test_a_whole_told_as_the_part_of_the_next_sentence_is_flagged() -> None:
    assert flagged(_FARMS, "Vennagh spent £14.2 million of its farm grants on hedgerows.", "£14.2")


def test_a_whole_told_as_the_whole_is_not_flagged() -> None:
    assert nothing_flagged(_BRIDGE, "The Orrinby footbridge cost £8.6 million and opened on Friday.")
    assert nothing_flagged(_CLINIC, "The Castrelle clinic saw 4,100 patients last year.")
    assert nothing_flagged(_FARMS, "Vennagh's farm grants rose 9% to £14.2 million.")


def test_a_whole_told_with_its_part_is_not_flagged() -> None:
    assert nothing_flagged(
        _BRIDGE, "The footbridge cost £8.6 million, with £2.4 million of it from the Pellwick Trust."
    )
    assert nothing_flagged(_CLINIC, "Of 4,100 patients at the Castrelle clinic, local schools referred 950.")
    # the article's bare "£2.4 million" after the whole may be read as a count: the summary's part is its
    assert nothing_flagged(_BRIDGE, "The Pellwick Trust gave £2.4 million of the £8.6 million cost.")


def test_a_companion_told_with_the_whole_is_no_part() -> None:
    # the words after the companion's own clause are the whole's ("to close the depot"), not the companion's
    article = "Members of Tolverran council voted by 38 to 11, with four abstentions, to close the Brisgate depot."
    assert nothing_flagged(article, "Tolverran councillors backed the Brisgate depot closure 38 to 11.")


def test_a_part_of_them_names_its_own_words_after_the_comma() -> None:
    article = "There were 6 fires at the Hasketh works, 4 of them started deliberately."
    assert nothing_flagged(article, "The Hasketh works had 6 fires, and the inquiry continues.")


def test_a_headline_is_left_alone() -> None:
    # a headline names things in words of its own
    assert not flagged(_CLINIC, "LOCAL SCHOOLS AND 4,100 PATIENTS", "4,100")


# change-owner: "lent 1.26 million books, up 7%, while e-book loans rose 31% to 410,000"
_LIBRARIES = "Quelling's libraries lent 830,000 books last year, up 4%, while audiobook loans rose 27% to 96,000."
_REGIONS = "Sales in Orrinby reached £312 million, up 8%, and Hasketh £141 million, up 19%."


def test_a_change_told_of_another_level_is_flagged() -> None:
    assert status(_LIBRARIES, "Quelling's libraries lent 830,000 books, up 27%.", "27%") == "misattributed"
    assert flagged(_REGIONS, "Sales in Orrinby reached £312 million, up 19%.", "19%")
    assert flagged(_LIBRARIES, "Quelling library loans: 830,000 (+27%).", "27%")


def test_a_change_told_of_its_own_level_is_not_flagged() -> None:
    assert nothing_flagged(_LIBRARIES, "Quelling lent 830,000 books, up 4%, and audiobook loans rose 27% to 96,000.")
    assert nothing_flagged(_REGIONS, "Hasketh sales were £141 million, up 19%.")
    assert nothing_flagged(_LIBRARIES, "Audiobook loans: 96,000 (+27%).")


def test_a_rank_before_a_change_is_no_level() -> None:
    # "for the fourth year running, up 26% to 6,240": the change is the 6,240's, not the fourth's
    article = "Thefts fell 18% to 2,870, but arson rose for the fourth year running, up 26% to 640 cases."
    assert nothing_flagged(article, "Arson rose 26% to 640 cases, while thefts fell 18% to 2,870.")


def test_a_level_read_as_a_count_after_money_is_the_same_level() -> None:
    article = "Orrinby Toys made $512 million. Brisgate kites rose 41% to $97 million."
    assert nothing_flagged(article, "Orrinby Toys made $512 million, and Brisgate kites rose 41% to 97 million.")


# list-owner: an item's name in commas before its verb, and two items that share a name
_SHIPS = "The newest ferry, the Ottersby Lanthorne, sailed 94% full, while the oldest, the Ottersby Tresk, managed 78%."
_ROUTES = (
    "The busiest line, Sallowby to Pindle, carries about 6,300 riders a day; the Sallowby to Quarrow line "
    "carries about 2,100."
)


def test_a_listed_value_of_an_item_named_in_commas_is_not_the_first_items() -> None:
    assert flagged(_SHIPS, "Fleet loads were high, with the Lanthorne at 78% and the Tresk lower.", "78%")
    assert nothing_flagged(_SHIPS, "The Lanthorne sailed 94% full and the Tresk 78%.")


def test_a_listed_value_of_an_item_that_shares_a_name_is_not_the_other_items() -> None:
    assert flagged(_ROUTES, "The Sallowby to Pindle line carries about 2,100 riders a day.", "2,100")
    assert nothing_flagged(_ROUTES, "The Sallowby to Quarrow line carries about 2,100 riders a day.")


def test_a_value_after_a_place_is_that_places_not_the_next_items() -> None:
    # the first piece after the value before is that value's own: "in Bexmire" is the 41%'s
    article = "Turnout was 41% in Bexmire and 38% in the other wards, Wrexholt said."
    assert nothing_flagged(article, "Turnout reached 41% in Bexmire, Wrexholt said.")


# time-relative: a value moved between "this year", "next year" and "last year"
_OFFER = "Bexmire Buses has offered drivers 5.5% this year and 2% next year; the union wants 8%."
_PLANS = "Pindle Foods will open 42 shops next year, against 30 this year."


def test_a_value_moved_to_another_relative_year_is_flagged() -> None:
    assert status(_OFFER, "Bexmire Buses offered drivers 2% this year.", "2%") == "misattributed"
    assert flagged(_PLANS, "Pindle Foods will open 30 shops next year.", "30")


def test_a_value_told_for_its_own_relative_year_is_not_flagged() -> None:
    assert nothing_flagged(_OFFER, "Bexmire Buses offered 5.5% this year and 2% next year.")
    assert nothing_flagged(_PLANS, "Pindle Foods will open 42 shops next year, up from 30 this year.")
    # told with no year of its own: not moved
    assert nothing_flagged(_PLANS, "Pindle Foods plans 42 new shops.")
