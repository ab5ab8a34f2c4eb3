"""The ends and the size of a change: a level is not the size of a change, nor its start the level of now."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status


def test_a_part_with_its_whole_is_still_the_end_of_its_change() -> None:
    article = "The Reform Bloc held 27 of the 60 seats after the vote, down from 33, and lost its majority."
    assert flagged(article, "The Reform Bloc lost 27 seats and its majority.", "27")
    assert nothing_flagged(article, "The Reform Bloc now holds 27 of the 60 seats, down from 33.")


def test_a_level_with_its_own_change_is_no_change_s_size() -> None:
    article = (
        "Harbourline carried 2.8 million passengers in March, up 6.1% on the same month last year, "
        "the ferry operator said."
    )
    assert flagged(article, "Harbourline's passenger numbers rose by 2.8 million in March.", "2.8 million")
    assert nothing_flagged(article, "Harbourline carried 2.8 million passengers in March, up 6.1%.")


def test_a_flow_with_its_own_change_is_what_was_added() -> None:
    article = "The hospice hired 35 nurses last year, up 10% on the year before, its report said."
    assert nothing_flagged(article, "The hospice added 35 nurses last year.")


def test_a_level_in_per_cent_is_no_rise_in_points() -> None:
    # (8.0% - 1.8% is 6.2 too, for other things: no derivation excuses it)
    article = (
        "Annual rent inflation in the city edged up to 6.2% from 5.9% in March, the survey said. "
        "Vacancies were 8.0% in the north and 1.8% in the south."
    )
    assert flagged(article, "Annual rent inflation rose by 6.2 percentage points in March.", "6.2 percentage points")
    assert nothing_flagged(article, "Annual rent inflation rose by 0.3 percentage points to 6.2% in March.")


def test_a_size_and_the_level_it_reached_swapped_are_flagged() -> None:
    article = "Shares in Tolland Mining closed up 14p at 286p on Friday after the results."
    assert flagged(article, "Tolland Mining shares closed up 286p at 14p on Friday.", "286p")
    assert nothing_flagged(article, "Tolland Mining shares closed up 14p at 286p on Friday.")
    assert nothing_flagged(article, "Tolland Mining shares ended the week at 286p.")


def test_a_rise_in_points_is_not_taken_for_another_thing_s_level() -> None:
    # the 6% is unemployment's level; the vote rose from 12% to 18%
    article = "The Liberal share of the vote was 18%, up from 12% in 2019. Unemployment in the region has fallen to 6%."
    assert not flagged(article, "The Liberal vote rose by 6 percentage points since 2019.", "6 percentage points")


# A part told with its whole, then its change: "27 of the 60 ..., up from 20" is the part's change
# (the whole stays), so the part's size of change is derived and the earlier end is no level now.
_CHOIR = (
    "Of the choirs at the Lorrin festival, 23 of the 40 that entered won a medal, up from 17 last year. "
    "Judges heard 212 songs."
)
_WARD = "The Harbour Alliance holds 19 of the 52 seats on Oxcombe's council, down from 26 after the last vote."


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_CHOIR, "Medal-winning choirs at Lorrin rose by six to 23.", "six"),
        (_WARD, "The Harbour Alliance lost seven seats on Oxcombe council, leaving it with 19.", "seven"),
    ],
)
def test_the_size_of_a_parts_change_is_derived_past_its_whole(article: str, summary: str, figure: str) -> None:
    assert status(article, summary, figure) == "derived"


def test_a_parts_earlier_end_told_with_the_whole_of_now_is_flagged() -> None:
    assert flagged(_WARD, "The Harbour Alliance holds 26 of Oxcombe council's 52 seats.", "26")
    assert flagged(_WARD, "The Harbour Alliance holds 26 of the 52 seats.", "26")


@pytest.mark.parametrize(
    "summary",
    [
        "The Harbour Alliance holds 19 of Oxcombe council's 52 seats, down from 26.",
        "The Harbour Alliance had 26 seats before the last vote.",
        "The Alliance's seats fell from 26 to 19.",
    ],
)
def test_a_parts_change_told_as_a_change_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_WARD, summary)


_QUENBY = (
    "The Quenby Party won 26 seats on Colne council, down from 31, and its share of the vote fell to 28.4% "
    "from 33.6%, its lowest since the council was formed in 1974."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The Quenby Party won 31 seats on Colne council.", "31"),
        ("The Quenby Party took 33.6% of the vote in Colne, its lowest since 1974.", "33.6%"),
    ],
)
def test_where_a_change_started_told_as_the_level_with_no_time_is_flagged(summary: str, figure: str) -> None:
    assert flagged(_QUENBY, summary, figure)


@pytest.mark.parametrize(
    "summary",
    [
        "The Quenby Party won 26 seats on Colne council.",
        "The Quenby Party had held 31 seats on Colne council.",
        "The Quenby Party won 31 seats on Colne council at the previous election.",
        "In May, the Quenby Party won 31 seats on Colne council.",
        "The Quenby Party won 31 seats on Colne council at the last election.",
        "Quenby's 31 seats on Colne council shrank to 26.",
        "The Quenby Party lost five of its 31 seats on Colne council.",
        "The Quenby Party's share of the Colne vote fell to 28.4% from 33.6%.",
    ],
)
def test_where_a_change_started_told_as_such_is_not_flagged(summary: str) -> None:
    assert nothing_flagged(_QUENBY, summary)


def test_where_a_change_still_to_come_starts_is_the_level_of_now() -> None:
    article = "The Brinton toll will rise by 8% to £5.40 from 1 June, up from £5.00, the operator said."
    assert nothing_flagged(article, "Cars pay £5.00 to cross at Brinton.")
    assert nothing_flagged(article, "The current Brinton toll is £5.00.")


# --- a change's size told with the end it reached, where no link joins the article's two ends -----
# (a part between the end and a start told in the next sentence; a share told between them, and a
# sum of two other amounts that gives the same size earlier in the article)
_DRUMLEVY = (
    "Drumlevy council said 1,930 families were in emergency housing in May, including 2,640 children. "
    "That is up from 1,580 families a year earlier. Some 9,800 families are on its waiting list."
)
_CORRISDALE = (
    "Corrisdale council faces a £24m gap, to be closed with £9m of savings. "
    "Its roads budget will be £86m, or 14% of spending, up from £71m last year."
)


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_DRUMLEVY, "Families in emergency housing in Drumlevy rose by 350 to 1,930.", "350"),
        (_CORRISDALE, "Corrisdale's roads budget rises by £15m to £86m.", "£15m"),
    ],
)
def test_a_size_told_with_its_end_is_derived_from_an_unlinked_start(article: str, summary: str, figure: str) -> None:
    assert status(article, summary, figure) == "derived"


def test_a_wrong_size_told_with_its_end_is_still_flagged() -> None:
    assert flagged(_DRUMLEVY, "Families in emergency housing in Drumlevy rose by 450 to 1,930.", "450")
    assert flagged(_DRUMLEVY, "Families in emergency housing in Drumlevy rose by 350 to 2,280.", "2,280")
    assert flagged(_CORRISDALE, "Corrisdale's roads budget rises by £17m to £86m.", "£17m")


# --- an end moved on by the change's size again -------------------------------------------------
_SAFFERY = "Saffery Rowing Club's membership has grown by 260 to 1,480 this season. Its boathouse opened in 1994."
_HAVERLOCK = "A Haverlock season ticket will cost £640 next year, an increase of £35. Parking stays free."


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        (_SAFFERY, "Saffery Rowing Club's membership grew by 260 to 1,740.", "1,740"),
        (_HAVERLOCK, "Haverlock season tickets will rise by £35 to £675.", "£675"),
    ],
)
def test_an_end_moved_on_by_the_size_again_is_flagged(article: str, summary: str, figure: str) -> None:
    assert status(article, summary, figure) == "misattributed"


@pytest.mark.parametrize(
    "summary",
    [
        "Saffery Rowing Club's membership grew by 260 to 1,480.",
        "Saffery Rowing Club's membership grew from 1,220 to 1,480.",
        "Haverlock season tickets will rise by £35 to £640.",
        "Haverlock season tickets will rise from £605 to £640.",
    ],
)
def test_an_end_and_its_start_worked_out_are_not_flagged(summary: str) -> None:
    article = _SAFFERY if "Saffery" in summary else _HAVERLOCK
    assert nothing_flagged(article, summary)


_RESERVOIRS = (
    "Reservoirs in the Colne valley stood at 58% on Monday, compared with 77% at the same time last year. "
    "The Brinton reservoir, the smallest, was at 41%."
)


def test_a_level_against_the_same_time_last_year_is_one_change() -> None:
    assert flagged(_RESERVOIRS, "Colne valley reservoirs are at 41%, down from 77% a year ago.", "77%")
    assert nothing_flagged(_RESERVOIRS, "Colne valley reservoirs are at 58%, down from 77% a year ago.")


# "to X from Y" tells a change whatever the verb and however long its noun phrase: Y is where it
# started, and a summary that gives Y as the new level is flagged.
_CAVERDALE = (
    "Caverdale Leisure Trust said on Monday that it had lifted the adult entry price at its Fernhythe "
    "pools to £7.40 from £6.90, and cut the annual grant to its Gristow sports hall to £180,000 from "
    "£240,000. Visits to the pools rose to 312,000."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Caverdale Leisure Trust has raised adult entry at its pools to £6.90.", "£6.90"),
        ("The trust has cut the grant to its Gristow sports hall to £240,000.", "£240,000"),
        ("Adult entry at the Fernhythe pools now costs £6.90.", "£6.90"),
    ],
)
def test_a_start_told_after_to_then_from_as_the_level_is_flagged(summary: str, figure: str) -> None:
    assert status(_CAVERDALE, summary, figure) == "misattributed"


@pytest.mark.parametrize(
    "summary",
    [
        "Caverdale Leisure Trust has raised adult entry at its pools to £7.40 from £6.90.",
        "Adult entry at the Fernhythe pools now costs £7.40, up from £6.90.",
        "The trust cut the Gristow sports hall's grant from £240,000 to £180,000.",
        "The Gristow sports hall's grant is now £180,000.",
    ],
)
def test_the_ends_of_to_then_from_told_rightly_are_not_flagged(summary: str) -> None:
    assert nothing_flagged(_CAVERDALE, summary)


def test_up_to_a_value_from_another_is_the_end_of_a_change() -> None:
    article = "Bike thefts in Brinmoor rose to 412 last year from 280 the year before, police said."
    # "up to 412 from 280" tells a change, not a cap of 412: the value is the article's
    assert nothing_flagged(article, "Bike thefts in Brinmoor were up to 412 from 280.")
    assert flagged(article, "Bike thefts in Brinmoor were up to 432 from 280.", "432")


@pytest.mark.parametrize(
    "article",
    [
        "The Velloch food bank handed out 5,400 parcels in 2031, up from 1,800 in 2030. "
        "Its 2,600 volunteers work in 12 depots.",
        "The Velloch food bank has handed out 5,400 parcels since 4 January, up from 1,800 a year earlier. "
        "Its 2,600 volunteers work in 12 depots.",
    ],
)
def test_a_change_is_read_past_the_year_or_date_of_its_end(article: str) -> None:
    # the two ends are one change: another start is flagged at the end it is given to
    assert flagged(article, "The Velloch food bank handed out 5,400 parcels, up from 2,600 a year earlier.", "5,400")
    assert status(article, "The food bank handed out 3,600 more parcels than a year earlier.", "3,600") == "derived"


def test_more_cuts_than_a_year_before_rise_with_the_cuts() -> None:
    article = "The Velloch mill cut 270 of its 1,900 posts in 2031, up from 180 cuts in 2030, its report shows."
    assert status(article, "The Velloch mill cut 90 more posts in 2031 than in 2030.", "90") == "derived"
    assert flagged(article, "The Velloch mill cut 90 fewer posts in 2031 than in 2030.", "90")


def test_a_changes_bare_start_keeps_its_unit_past_the_rate_s_period() -> None:
    article = (
        "Sulphur output at the Velloch vent rose to 2,100 tonnes a week from 700 tonnes. About 5,100 people "
        "live within 8 kilometres of it, of whom 1,300 have been told to be ready to leave."
    )
    summary = (
        "Sulphur output rose to 2,100 tonnes a week from 700, while 1,300 people have been told to be ready to leave."
    )
    assert nothing_flagged(article, summary)


_SEATS = "The Greens won 14 of 61 seats in March, down from 19."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # "won" is a total however many words stand between it and the figure: no change's size
        ("The Greens won only 14 of 61 seats in March.", "14", False),
        ("The Greens won just 14 seats in March.", "14", False),
        ("The Greens won only 19 of 61 seats in March.", "19", True),
        ("The Greens gained only 14 seats in March.", "14", True),
    ],
)
def test_a_total_won_with_a_word_before_it_is_a_level(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_SEATS, summary, figure) is wrong


_GALLERY = (
    "Visitor numbers at the Harlow Gallery rose to 7.2 million in 2024. The gallery made a profit of "
    "€31 million, compared with €24 million a year earlier."
)


def test_an_amount_worked_out_in_its_currency_beats_a_rounding_of_a_bare_number() -> None:
    # "€7 million" is no rounding of the 7.2 million visitors, the end of their rise: it is 31 - 24
    assert status(_GALLERY, "Its profit rose by €7 million to €31 million.", "€7 million") == "derived"
    assert flagged(_GALLERY, "Its profit rose by €8 million to €31 million.", "€8 million")


_HEAT_PUMPS = "Heat pumps accounted for about 14% of new heating systems, compared with 9% a year earlier."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # "making up" is a part of a whole, no rise
        ("Heat pumps are making up 14% of new heating systems.", "14%", False),
        ("Heat pumps made up 9% of new heating systems.", "9%", True),  # the value a year before
        ("Heat pump sales were up 14%.", "14%", True),  # the level told as a rise
    ],
)
def test_a_share_that_makes_up_a_whole_is_a_level(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_HEAT_PUMPS, summary, figure) is wrong


_FREIGHT = (
    "The cost of shipping a container from Asia to northern Europe fell to $3,120 this week, down 58% from a peak "
    "of $7,430 in July, the freight index showed."
)


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        # "from July peak to $3,120": the words between "from" and "to" are the start's
        ("Asia-Europe container rate drops from July peak to $3,120", "$3,120", False),
        ("Asia-Europe container rate drops from July peak to $7,430", "$7,430", True),
    ],
)
def test_a_change_s_start_told_in_words_is_not_the_end_s_subject(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_FREIGHT, summary, figure) is wrong
