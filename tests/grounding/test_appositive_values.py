"""A value told between commas after its noun ("The contract, worth $27 million, was awarded") is that
noun's: a summary that puts it before the noun ("the $27 million contract") is not flagged for the
words of another amount nearby."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged

_DREDGING = (
    "The Tolvane dredging contract, worth $31 million, has gone to Oskerby Marine. The port board will "
    "pay $19 million and the state $12 million."
)


def test_a_value_told_between_commas_is_its_nouns() -> None:
    assert nothing_flagged(
        _DREDGING, "The $31 million Tolvane dredging contract is paid for by the port board and the state."
    )
    assert nothing_flagged(
        _DREDGING, "The $31 million contract is funded by the port board ($19 million) and the state."
    )


def test_a_changed_value_between_commas_is_still_flagged() -> None:
    assert flagged(_DREDGING, "The $13 million contract went to Oskerby Marine.", "$13 million")
