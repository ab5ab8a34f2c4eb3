"""A summary sentence that tells one article sentence again in words of its own: the noun a count is
told with, the party named after a change, the far end of a change the article reads past a nearer
figure, and a delay counted between two months. Told again, it is no swap; a swap keeps the
article's own words beside the other value."""

from __future__ import annotations

import pytest
from figure_cases import flagged, status

# --- other-thing: a count told again beside another figure of its article sentence --------------

STOPPAGE = (
    "Ossiford Buses said 2,480 drivers joined the stoppage on Monday: 1,900 on the coast routes and 580 "
    "at the depots. Gusts had already cut power to 5,200 homes and shut 14 harbours."
)

# (summary, figure): the article's sentence, told with another noun for the count
TOLD_AGAIN = [
    ("Ossiford's 2,480 strikers included 1,900 on the coast routes and 580 at the depots.", "2,480"),
]

# (summary, figure): a noun changed beside a figure that keeps its own, or two values exchanged
CHANGED = [
    ("Gusts cut power to 5,200 homes and shut 14 schools.", "14"),
    ("Of the 2,480 strikers, 580 were on the coast routes and 1,900 at the depots.", "580"),
]


@pytest.mark.parametrize(("summary", "figure"), TOLD_AGAIN)
def test_a_count_told_again_with_its_sentence_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(STOPPAGE, summary, figure)


def test_an_amount_told_again_with_its_sentence_is_not_flagged() -> None:
    article = (
        "Fenwhistle Foods said sales rose 12% to £520m. Its borrowings reached £310m by June, against £240m "
        "in March, because of its £95m acquisition of Hemmingsey Dairies."
    )
    assert not flagged(article, "Borrowings rose to £310m from £240m after the £95m takeover.", "£95m")


@pytest.mark.parametrize(("summary", "figure"), CHANGED)
def test_a_count_of_something_else_beside_its_sentence_is_still_misattributed(summary: str, figure: str) -> None:
    assert status(STOPPAGE, summary, figure) == "misattributed"


# --- name-swap: a place named after its change owns it ---------------------------------------------

RATINGS = (
    "Riders gave the Pellowick bus network a rating of 54%. Darrowby riders rated their buses at 61%, "
    "down from 66%, while Ketterholm's rating rose to 72% from 70%."
)


def test_places_named_after_their_changes_own_them() -> None:
    summary = "Bus ratings fell to 61% from 66% in Darrowby but rose to 72% from 70% in Ketterholm."
    assert not flagged(RATINGS, summary, "72%")


def test_two_places_values_exchanged_are_still_a_swap() -> None:
    summary = "Darrowby riders rated their buses at 72%, while Ketterholm's rating was 61%."
    assert status(RATINGS, summary, "72%") == "misattributed"


# --- name-elsewhere: a month is no party ----------------------------------------------------------

ACCOUNTS = (
    "Tarnvale Water will raise bills by 6.1% from April. Tarnvale earned £148m before tax in the year to "
    "March, against £171m, and paid £62m in dividends to Mardle Capital. Chief executive Idrena Kestevin "
    "was paid £1.4m, with a bonus of £290,000."
)


# --- change-partner: the far end of a change, read past a nearer figure ----------------------------

PLAYERS = (
    "The league said 3,150 players took part at its 14 clubs this season, compared with 2,980 a year "
    "earlier. Crowds at the Fenwhistle ground rose to 31,250 at the 32,000-seat stadium, up from 27,900."
)


def test_a_changes_far_end_in_its_sentence_is_its_partner() -> None:
    assert not flagged(PLAYERS, "In all, 3,150 players took part, up from 2,980.", "2,980")


def test_an_end_on_the_other_side_of_the_value_is_another_change() -> None:
    assert status(PLAYERS, "Crowds rose to 31,250 from 32,000.", "31,250") == "misattributed"


# --- years-counted: a delay in months between two months of one sentence ---------------------------

BRIDGE = (
    "The Tollowen footbridge, promised for May 2026, will now be finished in February 2027, the county "
    "said. Its 12 new lamps will cost £61,000."
)


def test_a_delay_in_months_between_two_months_of_a_sentence_is_derived() -> None:
    summary = "The Tollowen footbridge will be finished in February 2027, nine months late."
    assert status(BRIDGE, summary, "nine months") == "derived"


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The footbridge will be finished ten months late.", "ten months"),
        ("The footbridge will be finished nine years late.", "nine years"),
        # a span of something else is no gap between the two months
        ("The footbridge will need nine months of repairs.", "nine months"),
    ],
)
def test_a_delay_the_months_do_not_give_is_unsupported(summary: str, figure: str) -> None:
    assert flagged(BRIDGE, summary, figure)
