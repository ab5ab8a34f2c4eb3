"""Headlines that copy, round or work out figures: mends from a review of 3.184, each with invented pairs."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged, status

_MUSEUM = (
    "(Jun 3, 2025  10:00 AM) – The Ostrel Museum, which opened in 1982, will close for two years of repairs. "
    "Its architect, Ilka Brandt, was born in 1950 and still lives in the town."
)


def test_years_ago_count_back_from_the_articles_own_time() -> None:
    # 32 is 1982 - 1950, two years of the past: "ago" counts from now (2025), so only 43 is derived
    assert flagged(_MUSEUM, "Ostrel Museum, Opened 32 Years Ago, to Close for Repairs", "32 Years")
    assert status(_MUSEUM, "Ostrel Museum, Opened 43 Years Ago, to Close for Repairs", "43 Years") == "derived"


_RUN = "Kessbury Town beat Orlan Vale 2-0 on Saturday for their sixth straight win and have kept four clean sheets."


def test_events_in_a_row_are_counted_by_the_ordinal_of_the_last() -> None:
    assert nothing_flagged(_RUN, "Kessbury Town Make It Six Straight Wins")
    assert nothing_flagged(_RUN, "Kessbury Town have six wins in a row after beating Orlan Vale 2-0.")
    assert flagged(_RUN, "Kessbury Town Make It Seven Straight Wins", "Seven")
    # the run is of wins, not of clean sheets
    assert flagged(_RUN, "Kessbury Town Keep Six Clean Sheets in a Row", "Six")


_SAVINGS = (
    "The chain has 140 shops. Tarvel Foods said the closures would cost $90 million in redundancy pay, "
    "and would save about $220 million a year from 2027."
)


def test_a_headlines_opening_name_is_the_coordinated_values_subject_too() -> None:
    assert nothing_flagged(_SAVINGS, "Tarvel Closures to Save $220M a Year")
    # a value told of another party by name is still that party's
    seats = (
        "The 40 seats on Quillbrae council were contested; Dunwhistle's party won 22, Varden's 14 and independents 4."
    )
    assert flagged(seats, "Dunwhistle's Party Takes 14 of 40 Quillbrae Seats", "14")
    assert nothing_flagged(seats, "Dunwhistle's Party Takes 22 of 40 Quillbrae Seats")


def test_the_whole_a_headline_tells_its_part_of_is_no_rival() -> None:
    article = "A survey of 1,800 drivers in the Harl valley found that 640 had been fined for speeding."
    assert nothing_flagged(article, "Survey Finds 640 of 1,800 Harl Drivers Fined for Speeding")
    assert flagged(article, "Survey Finds 460 of 1,800 Harl Drivers Fined for Speeding", "460")


_DEPOTS = (
    "Greywater Haulage will close depots at Harnley, Oswick and Frayne Cross, and move 80 drivers to its Lorne site."
)


def test_a_count_of_the_names_a_list_gives() -> None:
    assert status(_DEPOTS, "Greywater to Close Three Depots", "Three") == "derived"
    assert flagged(_DEPOTS, "Greywater to Close Four Depots", "Four")
    # the list is of depots, not of sites or plants
    assert flagged(_DEPOTS, "Greywater to Close Three Plants", "Three")


_RIDGE = (
    "The climbers were stranded on the Skelder ridge for 58 hours before a helicopter reached them; one had been hurt."
)


def test_a_lower_bound_in_another_unit_is_met_by_a_longer_time_within_its_step() -> None:
    assert status(_RIDGE, "Climbers Stranded for More Than Two Days on Skelder Ridge", "Two Days") == "derived"
    assert flagged(_RIDGE, "Climbers Stranded for More Than Three Days on Skelder Ridge", "Three Days")
    short = _RIDGE.replace("58 hours", "46 hours")
    assert flagged(short, "Climbers Stranded for More Than Two Days on Skelder Ridge", "Two Days")
    long = _RIDGE.replace("58 hours", "80 hours")
    assert flagged(long, "Climbers Stranded for More Than Two Days on Skelder Ridge", "Two Days")


_BAKERY = (
    "The Mossley bakery chain has 9 shops and will close 2 of them. Its profit rose to £4.6m from £4.0m last year."
)


def test_a_percentage_told_as_a_rise_is_no_share_of_a_whole() -> None:
    # two of nine shops are 22%: no rise of 22%; the profit rose 15%
    assert flagged(_BAKERY, "Mossley Profit Rises 22%", "22%")
    assert status(_BAKERY, "Mossley Profit Rises 15%", "15%") == "derived"
    assert status(_BAKERY, "Mossley to Close 22% of Its Shops", "22%") == "derived"


_VANS = "Orbey Motors sold 2,140 vans last year, up from 1,890, and now has 40 dealers; 12 joined in May."


def test_a_lower_bound_on_a_change_worked_out_is_met_just_above_it() -> None:
    # 1,890 to 2,140 vans is a rise of 13.2%
    assert status(_VANS, "Orbey Van Sales Up More Than 13%", "13%") == "derived"
    assert flagged(_VANS, "Orbey Van Sales Up More Than 14%", "14%")
    assert flagged(_VANS, "Orbey Van Sales Up More Than 15%", "15%")
    # 12 of 40 dealers are 30%, not more
    assert flagged(_VANS, "More Than 30% of Orbey Dealers Joined in May", "30%")
