"""Class 5: figures copied verbatim (or in an equivalent notation) are never flagged; words that only
look like amounts, ranks, ages and magnitudes are read for what they are."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED, flagged, nothing_flagged

from summarizer.grounding import verify
from summarizer.grounding.words import is_headline

COPIES = [
    ("The Dozens, a folk band from Galway, sold out the hall on Friday.", "The Dozens sold out the hall."),
    ("Kane scores twice as the visitors win 3-1 away.", "Kane scores twice in a 3-1 away win."),
    ("Her debut album entered the chart at No. 3 last week.", "Debut album enters the chart at No. 3"),
    ("The folk festival marks its 50th anniversary this weekend.", "Folk festival marks 50 years"),
    ("The startup raised $12 million from investors in its first round.", "Startup raises $12M"),
    ("The poet, who died at 77 on Tuesday, wrote 14 collections.", "Poet dies at 77"),
    ("The poet died on Tuesday aged 77.", "Poet dies at 77"),
    ("A magnitude 5.1 earthquake shook the island before dawn.", "A 5.1 quake shakes the island"),
    ("Workers at the depot ended a strike that lasted 12 days.", "12-day depot strike ends"),
    ("Police said 17 people were hurt when the stand collapsed.", "17 hurt as stand collapses"),
    ("The studio agreed a $500M deal with the streaming service.", "Studio in $500M streaming deal"),
    ("Scores of residents queued for water on Monday.", "Scores of residents queue for water"),
    # "m" is metres as well as millions: the article says which
    (
        "The lake rose 2.4 metres overnight, above its 1987 peak of 2.1 metres.",
        "The lake rose 2.4m, above its 2.1m peak.",
    ),
    # "number" as a noun before a span, and a fraction as the size of a change
    (
        "Some 900 people voted early, three times as many as four years ago.",
        "900 voted early, triple the number four years ago.",
    ),
    ("Bookings grew by a quarter in three years.", "Bookings rose 25% in three years."),
    # an age group told by its bound
    ("Cyclists aged 60 and over made up 9% of riders.", "Over-60s made up 9% of riders."),
    ("Entry is free for visitors aged under 16.", "Entry is free for under-16s."),
    # the other end of a change keeps the unit written once
    ("The crossing now takes 25 minutes, down from 40 minutes.", "The crossing now takes 25 minutes instead of 40."),
    ("The crossing now takes 25 minutes, down from 40 minutes.", "Crossing times fell to 25 minutes from 40."),
    ("Support for the plan rose by 3.5 percentage points to 41%.", "Support for the plan rose 3.5 points to 41%."),
    # a time in short units written on to its number
    ("The champion is 4 minutes 35 seconds behind after the ninth stage.", "The champion trails by 4min 35sec."),
    # a fraction of an amount, written in words
    ("More than 250,000 fans lined the route of the parade.", "Over a quarter of a million fans lined the route."),
    # the end of a range of years dates what its start dates, when an aside opens the sentence
    (
        "The study, which followed 3,000 families, asked parents to recall school moves between 2004 and 2012.",
        "Parents were asked to recall school moves between 2004 and 2012.",
    ),
    (
        "The mill, first opened in 1881, made paper from 1902 to 1968 before it closed.",
        "The mill made paper from 1902 to 1968.",
    ),
]


@pytest.mark.parametrize(("article", "summary"), COPIES)
def test_a_copied_figure_is_not_flagged(article: str, summary: str) -> None:
    report = verify(article, summary)
    assert not [c.text for c in report.figures if c.status in FLAGGED]


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        ("Her debut album entered the chart at No. 3 last week.", "Debut album enters the chart at No. 4", "4"),
        ("The poet, who died at 77 on Tuesday, wrote 14 collections.", "Poet dies at 78", "78"),
        ("A magnitude 5.1 earthquake shook the island before dawn.", "A 6.1 quake shakes the island", "6.1"),
        ("The startup raised $12 million from investors.", "Startup raises $21M", "$21M"),
        (
            "More than 250,000 fans lined the route of the parade.",
            "Over three-quarters of a million fans lined the route.",
            "Over three-quarters of a million",
        ),
        ("Workers at the depot ended a strike that lasted 12 days.", "21-day depot strike ends", "21"),
    ],
)
def test_a_changed_copy_is_flagged(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


FANS = "Fans who marked the band's 2nd album with a party gathered again on the eve of its 10th anniversary tour."


def test_a_figure_counting_what_the_article_figure_counts_is_not_moved_by_its_subject() -> None:
    # The words before the summary's "10th" are those before the article's "2nd", but both 10ths
    # count the same thing (the tour): that outweighs the subject.
    assert not flagged(FANS, "Fans marked the band's 10th anniversary tour.", "10th")
    assert flagged(FANS, "Fans marked the band's 10th album.", "10th")


RANKED = (
    "The country carried out 43 executions last year, which put it 5th in the world, "
    "after the first round of reporting."
)


def test_a_rank_is_the_ordinal_of_its_place() -> None:
    assert not flagged(RANKED, "Country is the world's No. 5 executioner", "No. 5")
    assert flagged(RANKED, "Country is the world's No. 3 executioner", "No. 3")
    # "first" in words is too often no place in an order ("the first round") to stand for "No. 1".
    assert flagged(RANKED, "Country is the world's number one executioner", "number one")


HARBOUR = (
    "A storm hit the harbour on Monday, sinking at least 12 boats moored at the harbour wall. "
    "Four fishermen were taken to hospital with minor injuries on Monday evening after the storm."
)


def test_a_headline_takes_its_words_from_one_part_of_a_sentence_and_its_figure_from_another() -> None:
    assert not flagged(HARBOUR, "Four Hurt as Storm Sinks Boats in Harbour", "Four")
    # In a sentence, the words around a figure are evidence of what it measures.
    assert flagged(HARBOUR, "The storm sank four boats at the harbour.", "four")
    # A headline whose words share nothing with any sentence of the value is not excused.
    booked = "A lodge had booked four skiers onto the pass. Three porters were killed when the slope gave way."
    assert flagged(booked, "4 Killed as Slope Gives Way", "4")


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("Four Hurt as Storm Sinks Boats in Harbour", True),
        ("Who Won the $2M Prize?", True),
        ("The storm sank four boats at the harbour.", False),
        ("the storm sank four boats at the harbour and", False),  # a sentence cut short
        ("Storm Sinks Boats\nFour fishermen were hurt", False),
    ],
)
def test_what_reads_as_a_headline(text: str, headline: bool) -> None:
    assert is_headline(text) is headline


_IN_A_ROW = (
    "Sales at the bakery chain fell for a fifth consecutive year, and its rival's sales dropped for a third "
    "straight month."
)


@pytest.mark.parametrize(
    "summary",
    [
        "The bakery chain's sales have fallen for five years in a row.",
        "The rival's sales have dropped for three months in a row.",
    ],
)
def test_periods_counted_by_an_ordinal_in_a_row_are_supported(summary: str) -> None:
    assert nothing_flagged(_IN_A_ROW, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("The bakery chain's sales have fallen for six years in a row.", "six years"),
        ("The rival's sales have dropped for three years in a row.", "three years"),
    ],
)
def test_periods_in_a_row_keep_their_count_and_unit(summary: str, figure: str) -> None:
    assert flagged(_IN_A_ROW, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary"),
    [
        (
            "Car sales fell 2% in May, the sixth consecutive monthly drop.",
            "Car sales have fallen for six months in a row.",
        ),
        (
            "The mountain road was shut for the third day in a row.",
            "The mountain road has been shut three days running.",
        ),
    ],
)
def test_other_ways_of_telling_a_run_of_periods_are_supported(article: str, summary: str) -> None:
    assert nothing_flagged(article, summary)


def test_an_ordinal_period_alone_is_no_run() -> None:
    article = "The choir is in its third year at the cathedral. It has 40 singers."
    assert flagged(article, "The choir has sung at the cathedral for three years.", "three years")


def test_metres_written_as_m_are_not_millions_the_article_does_not_give() -> None:
    article = "The lake rose 2.4 metres overnight. Repairs will cost £2.4m."
    assert not flagged(article, "The lake rose 2.4m overnight.", "2.4m")
    assert flagged(article, "The lake rose 3.1m overnight.", "3.1m")


def test_points_written_short_are_percentage_points_only_where_the_article_gives_them() -> None:
    article = "Support for the plan rose by 3.5 percentage points. The index fell 12 points."
    assert not flagged(article, "Support for the plan rose 3.5 points.", "3.5")
    assert flagged(article, "Support for the plan rose 4.5 points.", "4.5")


def test_millions_of_things_are_not_metres() -> None:
    article = "The flood wall is 3.2 metres high. It protects 40,000 homes."
    assert flagged(article, "The wall protects 3.2m homes.", "3.2m")


def test_a_category_is_matched_as_a_name_in_words_or_digits() -> None:
    article = "The storm strengthened into a Category 4 hurricane on Monday, with 12 warnings issued."
    assert not flagged(article, "It became a category four hurricane.", "category four")
    assert flagged(article, "It became a Category 3 hurricane.", "Category 3")


# A sentence copied word for word: its figures are the article's own, at the copied place.
HARBOUR_ARTICLE = (
    "The harbour board approved a £40m plan on Monday. "
    "Dredging will cost more than £12m, and the board expects to spend £12m on new cranes. "
    "Separately, a £40m bond will pay for the sea wall."
)


def test_a_sentence_copied_word_for_word_is_the_articles_own() -> None:
    copied = "Dredging will cost more than £12m, and the board expects to spend £12m on new cranes."
    report = verify(HARBOUR_ARTICLE, copied)
    at = HARBOUR_ARTICLE.index(copied)
    assert [(check.status, check.rule) for check in report.figures] == [("supported", "copied-sentence")] * 2
    # each figure rests on its own place in the article: the bound on the bound, not on the later £12m
    assert [check.article_span for check in report.figures] == [
        (at + copied.index("more than £12m"), at + copied.index(", and")),
        (at + copied.rindex("£12m"), at + copied.rindex("£12m") + 4),
    ]


def test_a_copied_sentence_beside_a_reworded_one_is_checked_as_before() -> None:
    summary = "The harbour board approved a £40m plan on Monday. Cranes will cost £14m."
    checks = verify(HARBOUR_ARTICLE, summary).figures
    assert [(check.text, check.status) for check in checks] == [("£40m", "supported"), ("£14m", "unsupported")]
    assert checks[0].rule == "copied-sentence"
    assert checks[1].rule is None


def test_a_copy_with_one_figure_changed_is_no_copy() -> None:
    summary = "The harbour board approved a £45m plan on Monday."
    assert flagged(HARBOUR_ARTICLE, summary, "£45m")


def test_a_time_written_short_with_another_value_is_flagged() -> None:
    article = "The champion is 4 minutes 35 seconds behind after the ninth stage."
    assert flagged(article, "The champion trails by 4min 55sec.", "55sec")


_CLIMB = (
    "The leader's advantage was cut from 3 minutes 40 seconds to 2 minutes 55 seconds on the climb. "
    "The stage winner rode for five hours, 12 minutes and 30 seconds."
)


def test_a_time_in_two_units_is_compared_whole() -> None:
    assert nothing_flagged(_CLIMB, "The leader now has a lead of 2 minutes 55 seconds.")
    assert nothing_flagged(_CLIMB, "The leader now has a lead of just under three minutes.")
    assert nothing_flagged(_CLIMB, "The stage winner took 5 hours 12 minutes.")
    assert flagged(_CLIMB, "The stage winner took 5 hours 14 minutes.", "5 hours 14 minutes")
    # no sum of the parts of two times: 3 min 40 s less 2 min 55 s is 45 s, not 1 min 5 s
    assert flagged(_CLIMB, "The leader's advantage was cut by 1 minute 5 seconds.", "1 minute 5 seconds")


def test_a_time_in_two_units_is_converted_at_its_own_precision() -> None:
    article = "The ferry crossing took 2 hours 5 minutes 10 seconds, against 2 hours 45 minutes last year."
    assert nothing_flagged(article, "The crossing took about 125 minutes.")
    assert flagged(article, "The crossing took 130 minutes.", "130 minutes")
    assert nothing_flagged(article, "The crossing was 40 minutes faster than last year.")
    assert nothing_flagged(_CLIMB, "The leader's advantage was cut by 45 seconds.")
    assert nothing_flagged(_CLIMB, "The leader now has a lead of 175 seconds.")
