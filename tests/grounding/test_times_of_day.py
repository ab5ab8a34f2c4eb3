"""A time of day ("3am", "10.30pm") is a time, compared with times only: never a count of three, and a
changed hour is flagged."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged, status

ARTICLE = (
    "Fire crews were called to the Thurnby Lane warehouse at 4am on Sunday. They rescued 12 workers and "
    "two dogs, and the blaze was out by 7.30am."
)


@pytest.mark.parametrize(
    "summary",
    [
        "Crews reached the Thurnby Lane warehouse at 4am and rescued 12 workers.",
        "The blaze, reported at 4 a.m., was out by 7.30am.",
    ],
)
def test_a_time_of_day_copied_passes(summary: str) -> None:
    assert nothing_flagged(ARTICLE, summary)


@pytest.mark.parametrize(
    ("summary", "figure"), [("Crews were called at 5am.", "5am"), ("It was out by 9.30am.", "9.30am")]
)
def test_a_changed_time_of_day_is_flagged(summary: str, figure: str) -> None:
    assert flagged(ARTICLE, summary, figure)


def test_a_count_found_only_as_an_hour_is_unsupported() -> None:
    # nothing in the article counts four of anything: unsupported, not a four told of something else
    assert status(ARTICLE, "Crews rescued 4 workers.", "4") == "unsupported"


@pytest.mark.parametrize(
    "article",
    [
        "Rebels stormed a barracks in Odessia at about 2am, killing 17 soldiers and one guard.",
        "Rebels stormed a barracks in Odessia, killing 17 soldiers and one guard. The raid began at 2 a.m.",
    ],
)
def test_an_hour_is_no_count_that_blocks_a_total(article: str) -> None:
    # the count with the one beside it (17 soldiers and one guard) is the total; "2am" counts nothing
    assert status(article, "Rebels killed 18 at a barracks in Odessia.", "18") == "derived"


def test_a_time_in_hours_and_minutes_is_compared_with_times() -> None:
    article = "The Thurnby Lane ferry left its berth at 16:52 on Saturday, 40 minutes late."
    assert nothing_flagged(article, "The ferry left at 16:52, 40 minutes late.")
    assert nothing_flagged(article, "The ferry left at 4:52pm.")
    assert flagged(article, "The ferry left at 16:25.", "16:25")


def test_noon_is_twelve_oclock() -> None:
    article = "The Thurnby Lane rally began at noon on Sunday and 4,000 people marched."
    assert nothing_flagged(article, "The rally began at 12pm and 4,000 people marched.")
    assert flagged(article, "The rally began at 2pm.", "2pm")


HOURS = (
    "The Stoyle Street baths open from 06:45 to 21:15 on weekdays and 08:00-18:30 at weekends. Wardens "
    "check the boilers at 05:30 and 22:40, and from Monday the first bus will leave at 06:10 instead of 06:35."
)


@pytest.mark.parametrize(
    "summary",
    [
        "The baths open 06:45 to 21:15 on weekdays and 08:00 to 18:30 at weekends.",
        "Boilers are checked at 05:30 and 22:40; the first bus leaves at 06:10 instead of 06:35.",
    ],
)
def test_the_second_hour_of_a_pair_passes_when_copied(summary: str) -> None:
    assert nothing_flagged(HOURS, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The baths open from 06:45 to 22:15 on weekdays.", "22:15"),
        ("At weekends the baths open 08:00 to 19:30.", "19:30"),
        ("At weekends the baths open 09:00-18:30.", "09:00"),
        ("Wardens check the boilers at 05:30 and 23:40.", "23:40"),
        ("The first bus will leave at 06:10 instead of 06:55.", "06:55"),
    ],
)
def test_a_changed_second_hour_of_a_pair_is_flagged(summary: str, figure: str) -> None:
    assert flagged(HOURS, summary, figure)


def test_an_hour_and_minutes_joined_to_an_hour_told_another_way_is_a_time() -> None:
    article = "The Stoyle Street ferry adds two sailings a day, at 6.10am and 22:40."
    assert nothing_flagged(article, "The ferry adds sailings at 06:10 and 10.40pm.")
    assert flagged(article, "The ferry adds sailings at 6.10am and 23:40.", "23:40")


def test_race_times_joined_by_and_are_still_no_hours() -> None:
    article = "Hessock Bessel won the hill race in 2:41 and her sister finished in 2:47, ahead of 90 runners."
    assert nothing_flagged(article, "Hessock Bessel won in 2:41, ahead of 90 runners.")
