"""A compact line's bare label names the whole of what it counts: an article figure that says the
label's noun only as an addition ("a further 80 jobs") or narrowed by a phrase ("income from
tickets was £2m") is no better home for the line's value than the value's own words."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged, status

_PLANT = "The Gorlowe bottling plant employs 640 people, and a further 80 jobs will follow next spring."
_THEATRE = "The Skelvane Playhouse took £5.5m last season; income from tickets was £2m."
_ORCHARD = "The Wendrith orchard shipped 7,400 crates of apples and 2,900 crates of pears."


def test_a_bare_label_beside_an_addition_of_its_noun_is_not_flagged() -> None:
    assert nothing_flagged(_PLANT, "Gorlowe bottling plant. Jobs: 640.")


def test_a_bare_label_beside_a_narrowed_use_of_its_noun_is_not_flagged() -> None:
    assert nothing_flagged(_THEATRE, "Skelvane Playhouse. Income: £5.5m.")


def test_a_value_under_another_items_label_is_still_flagged() -> None:
    assert status(_ORCHARD, "Wendrith orchard. Pears: 7,400.", "7,400") == "misattributed"
    assert flagged(_ORCHARD, "Wendrith orchard. Apples: 2,900. Crates in all: 10,300.", "2,900")


def test_values_under_their_own_labels_stay_unflagged() -> None:
    assert nothing_flagged(_ORCHARD, "Wendrith orchard. Apples: 7,400. Pears: 2,900.")
