"""A difference told against something ("19 points ahead of Colne", "12 fewer seats than the
Greens"): turned round against the same thing it is flagged; told from the other side it is not."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED, flagged, nothing_flagged

from summarizer.grounding import verify

_TABLE = (
    "Quenby Rovers won the Norsea League on 88 points, 14 points ahead of second-placed Colne Athletic, "
    "and scored 23 more goals than any other side."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Quenby Rovers finished 14 points behind Colne Athletic in the Norsea League.", "14"),
        ("Quenby Rovers scored 23 fewer goals than any other side in the Norsea League.", "23"),
    ],
)
def test_a_difference_turned_round_against_the_same_side_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_TABLE, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "Quenby Rovers won the Norsea League, finishing 14 points ahead of Colne Athletic.",
        "Colne Athletic finished 14 points behind Quenby Rovers in the Norsea League.",
        "Quenby Rovers scored 23 more goals than any other Norsea League side.",
    ],
)
def test_a_difference_told_either_way_from_its_own_side_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_TABLE, summary)


_BIDS = (
    "Brinton is offering 530p in cash for each Quenby share, a premium of 40% to the closing price of 379p "
    "on 2 May. The new offer is 45p higher than Brinton's second proposal of 485p, made on 3 June, and 80p "
    "above its opening bid of 450p."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Brinton's latest 530p offer is 80p higher than its 485p second proposal.", "80p"),
        ("Brinton's 530p offer is 45p above its 450p opening bid.", "45p"),
        ("Brinton's 530p offer is about 25% above its 450p opening bid.", "about 25%"),
    ],
)
def test_a_difference_the_summary_s_own_figures_do_not_make_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_BIDS, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "Brinton's latest 530p offer is 45p higher than its 485p second proposal.",
        "Brinton's 530p offer is 80p above its 450p opening bid.",
        "Brinton's 530p offer is about 18% above its 450p opening bid.",
        "Opening 25 shops and closing nine larger ones will leave Brinton with 812.",
    ],
)
def test_a_difference_the_summary_s_own_figures_make_is_not_flagged(summary: str) -> None:
    article = _BIDS + " Brinton will open 25 shops and close nine larger ones, leaving it with 812."
    checks = verify(article, summary).figures
    assert not [f.text for f in checks if f.status in FLAGGED and f.rule in {"own-working", None}], checks
