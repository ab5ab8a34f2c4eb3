"""Class 4, misattribution by what is counted: an equal count in the article that counts something
else does not support the summary's ("two banks" against the article's only "two bakeries")."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED, flagged, nothing_flagged, status

ARTICLE = (
    "Masked men raided two bakeries in the capital on Monday night, police said. "
    "Nobody was hurt, and both men were later arrested at a checkpoint. "
    "The town's three oldest and busiest markets stayed open during the raids."
)

# (summary, figure): the article's equal count counts something else
MUST_FLAG = [
    ("Masked men raided two banks in the capital on Monday.", "two"),
    ("Three hospitals were closed after the raids.", "Three"),
]

# (summary, figure): the same thing, said with the article's words or a little past its noun phrase
MUST_NOT_FLAG = [
    ("Masked men raided two bakeries in the capital.", "two"),
    ("The three markets stayed open.", "three"),
    # a headline counts in words of its own
    ("Raiders Hit Two Papers in the Capital", "Two"),
]


@pytest.mark.parametrize(("summary", "figure"), MUST_FLAG)
def test_a_count_of_something_else_is_misattributed(summary: str, figure: str) -> None:
    assert status(ARTICLE, summary, figure) == "misattributed"


@pytest.mark.parametrize(("summary", "figure"), MUST_NOT_FLAG)
def test_a_count_of_the_same_thing_is_not_flagged(summary: str, figure: str) -> None:
    assert not flagged(ARTICLE, summary, figure)


def test_an_article_count_that_does_not_say_what_it_counts_is_no_evidence_against() -> None:
    article = "Two climbers set out before dawn. By noon the two were back at the hut."
    assert not flagged(article, "Two men were back at the hut by noon.", "Two")


def test_a_vague_amount_is_matched_to_the_articles_own_vague_word_first() -> None:
    article = "One hive can hold up to 5,000 drones in summer, so a keeper may end up tending thousands of bees."
    assert not flagged(article, article, "thousands")


def test_people_counted_in_other_words_are_still_people() -> None:
    article = "Over the decade 40,000 more people arrived in the valley than left it."
    assert not flagged(article, "Arrivals added 40,000 people over the decade.", "40,000")


def test_a_bound_added_to_a_count_of_something_else_is_misattributed() -> None:
    # "at least two" is read as a rounding of the article's "two": the binding rules see that "two" too
    article = "A storm cut power to the coast overnight. Two smaller storms hit the same towns in March."
    assert status(article, "At least two people were hurt in the storm.", "two") == "misattributed"


def test_an_amount_that_buys_something_else_is_misattributed() -> None:
    article = "The expenses claim listed a £40 toaster and a month of taxi fares."
    assert status(article, "The claim included a £40 kettle.", "£40") == "misattributed"
    assert not flagged(article, "The claim included a £40 toaster.", "£40")


@pytest.mark.parametrize(
    "summary",
    ["The £14m cost of the new footbridge falls to the county.", "The county will meet the £14m bill."],
)
def test_a_noun_that_names_the_amount_itself_counts_nothing_else(summary: str) -> None:
    article = "The county approved a £14m footbridge over the estuary on Thursday."
    assert nothing_flagged(article, summary)


def test_what_money_buys_is_still_told_apart() -> None:
    article = "The county approved a £14m footbridge over the estuary on Thursday."
    assert flagged(article, "The county approved a £14m ferry over the estuary.", "£14m")


def test_an_amount_noun_beside_what_the_money_buys_still_tells_the_thing() -> None:
    article = "The £3m bridge over the Tay opened on Monday; a £7m tunnel is planned."
    assert flagged(article, "The £7m cost of the bridge was criticised.", "£7m")


def test_a_difference_counts_what_its_value_counts() -> None:
    article = "The choir now has 140 singers, 25 more than a year ago."
    assert nothing_flagged(article, "The choir has 140 singers, 25 more than a year earlier.")


def test_more_with_its_noun_left_out_counts_nothing_else() -> None:
    article = "The market has 300 stalls. Of those, 45 have closed this year, and about 20 more are expected to shut."
    assert nothing_flagged(article, "About 20 more stalls are expected to shut.")
    assert flagged(article, "About 45 more stalls are expected to shut.", "45")


# One word of the clause ("jobs" for the article's "posts") is shared with a rival, while the value's
# own sentence tells clearly more of the summary's sentence: the summary names the value's thing in
# other words.
SYNONYM_ARTICLE = (
    "The bakery chain said it would close its oldest bread factory, in Eastwick, with the loss of "
    "about 260 posts. Its sales rose for a third year. Separately, it plans to open 15 cafes next spring, "
    "creating up to 400 jobs."
)


def test_a_value_named_in_other_words_keeps_its_own_sentence() -> None:
    summary = "About 260 jobs will go when the Eastwick bread factory closes."
    assert not flagged(SYNONYM_ARTICLE, summary, "About 260")


def test_a_value_moved_to_the_rivals_sentence_is_still_misattributed() -> None:
    summary = "The new cafes will create about 260 jobs next spring."
    assert status(SYNONYM_ARTICLE, summary, "about 260") == "misattributed"


# Counted in other words: a synonym, or "people" for people of some sort.
CREWS_ARTICLE = (
    "Officials moved about 9,500 residents out of the hill villages on Sunday. "
    "Some 14 water-bombing aircraft and six helicopters backed 1,100 crew on the ground."
)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Around 9,500 people were moved out of the villages.", "Around 9,500"),
        ("Fourteen planes and six helicopters backed the ground crews.", "Fourteen"),
        ("About 9,500 inhabitants had to leave.", "About 9,500"),
    ],
)
def test_a_count_named_by_a_synonym_counts_the_same_thing(summary: str, figure: str) -> None:
    assert not flagged(CREWS_ARTICLE, summary, figure)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("About 9,500 firefighters were sent to the villages.", "About 9,500"),
        ("Fourteen lorries backed the ground crews.", "Fourteen"),
    ],
)
def test_a_count_of_another_sort_of_thing_is_still_flagged(summary: str, figure: str) -> None:
    assert flagged(CREWS_ARTICLE, summary, figure)


def test_a_synonym_beside_a_rival_that_uses_the_summarys_word_is_not_moved_to_it() -> None:
    article = "Closing the depot will cost 260 posts, the firm said. Its new cafes will create 400 jobs."
    assert not flagged(article, "About 260 jobs will go at the depot.", "About 260")
    assert status(article, "The cafes will create about 260 jobs.", "about 260") == "misattributed"


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        # a workforce is no job cut
        (
            "The carmaker employs 1,200 staff at the plant. It said 300 jobs would go by March.",
            "The carmaker said 1,200 jobs would go at the plant by March.",
            "1,200",
        ),
        # words that share four letters ("companies", "complaints") are no synonyms
        (
            "The council received 500 complaints about the scheme, and 80 companies signed up.",
            "The council said 500 companies signed up to the scheme.",
            "500",
        ),
    ],
)
def test_nouns_of_one_group_only_are_the_same_kind(article: str, summary: str, figure: str) -> None:
    assert flagged(article, summary, figure)


@pytest.mark.parametrize(
    ("article", "summary", "figure"),
    [
        # the article's count is followed by a verb: it does not say what it counts
        (
            "Of those waiting, 9,300 had been on the list for a year, and 140 had waited two years.",
            "Some 140 patients had waited two years.",
            "140",
        ),
        # the summary's count is followed by a participle: it does not say what it counts
        (
            "The chamber has 75 seats, and a majority requires 38 seats.",
            "The party is short of the 38 needed for a majority.",
            "38",
        ),
        (
            "Sea walls built in 2016 at a cost of £21m protected about 900 homes.",
            "The £21m sea walls protected about 900 homes.",
            "£21m",
        ),
    ],
)
def test_a_verb_after_a_figure_says_nothing_of_what_it_counts(article: str, summary: str, figure: str) -> None:
    assert not flagged(article, summary, figure)


def test_a_participle_before_a_noun_is_part_of_what_is_counted() -> None:
    article = "The storm left 140 stranded drivers on the bypass overnight."
    assert status(article, "The storm damaged 140 houses.", "140") == "misattributed"


# An undertaking named in other words: what the money is for is the same.
ROADS_ARTICLE = "The council approved a £50m plan to resurface the ring road, and a £12m depot for its buses."


@pytest.mark.parametrize(
    "summary",
    [
        "A £50m scheme to resurface the ring road was approved by the council.",
        "The council backed a £50m project to resurface the ring road.",
        "A £50m programme will resurface the ring road.",
    ],
)
def test_an_undertaking_named_in_other_words_is_the_same_thing(summary: str) -> None:
    assert not flagged(ROADS_ARTICLE, summary, "£50m")


def test_an_undertaking_is_not_what_other_money_buys() -> None:
    assert flagged(ROADS_ARTICLE, "The council approved a £12m scheme to resurface the ring road.", "£12m")


def test_games_are_counted_in_other_words_too() -> None:
    article = "The goalkeeper retired after 412 appearances for the club and 31 for his country."
    assert not flagged(article, "The goalkeeper played 412 games for the club.", "412")
    assert not flagged(article, "He retired after 412 matches for the club.", "412")
    assert flagged(article, "The goalkeeper kept 412 clean sheets for the club.", "412")


def test_goods_counted_as_units_are_no_count_of_people() -> None:
    article = "Apex delivered 1,800 units in the quarter and hired 600 engineers."
    assert flagged(article, "Apex hired 1,800 engineers in the quarter.", "1,800")


# A sentence that opens with a whole: its figures are parts of it and count what it counts.
_RALLY = (
    "Of the 30 riders who started the rally, 22 finished, compared with 17 in 2019, and four crashed. "
    "Each of the eight stages was timed by two marshals."
)


@pytest.mark.parametrize(
    "summary",
    [
        "22 riders finished the rally, against 17 in 2019.",
        "Four riders crashed, and 22 finished.",
        "Four of the riders who started the rally crashed.",
    ],
)
def test_a_part_of_a_whole_that_opens_its_sentence_counts_what_the_whole_counts(summary: str) -> None:
    assert nothing_flagged(_RALLY, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        ("Four riders finished the rally and 22 crashed.", "Four"),
        ("Of the 30 riders who started, eight crashed.", "eight"),
    ],
)
def test_the_parts_of_a_whole_are_still_told_apart(summary: str, figure: str) -> None:
    assert status(_RALLY, summary, figure) in FLAGGED


_TRUSTEES = (
    "Of the 45 trustees appointed, 19 are women and 12 are serving for the first time. "
    "Each of the nine regions appoints five trustees, and the board meets four times a year."
)


def test_the_whole_s_words_fit_each_of_its_parts_and_no_figure_outside_it() -> None:
    # "new" is said of none of the parts in words; the whole's words fit the twelve, not the five
    # trustees each region appoints
    assert nothing_flagged(_TRUSTEES, "Twelve of the trustees appointed are new.")
    assert nothing_flagged(_TRUSTEES, "Nineteen of the trustees appointed are women.")
    assert status(_TRUSTEES, "Nine of the trustees appointed are women.", "Nine") in FLAGGED


def test_a_participle_after_the_noun_may_name_what_the_article_counts() -> None:
    article = "The Norsea budget was passed by 31 votes to 17, with three abstentions."
    assert nothing_flagged(article, "The Norsea budget passed 31-17, with three councillors abstaining.")
    assert flagged(article, "The Norsea budget passed 31-17, with three councillors absent.", "three")


def test_a_noun_made_of_the_article_s_verb_counts_what_it_counts() -> None:
    article = "Brinton Air expects to break even this year. It plans to recruit 380 staff, including 90 engineers."
    assert nothing_flagged(article, "Brinton Air plans 380 recruits, among them 90 engineers.")
    assert flagged(article, "Brinton Air plans 380 aircraft, among them 90 engineers.", "380")


@pytest.mark.parametrize(
    "summary",
    ["The county approved a £26m harbour wall at Scallowden.", "Work on the £26m sea defences starts in May."],
)
def test_a_word_for_what_any_money_pays_for_counts_nothing_else(summary: str) -> None:
    # "project", "scheme": what the money is spent on, told in other words by the summary
    article = "The county approved the £26m project to rebuild Scallowden's harbour wall. Work starts in May."
    assert nothing_flagged(article, summary)


def test_money_for_a_project_is_still_told_apart_from_money_for_something_else() -> None:
    article = "The county approved the £26m project to rebuild Scallowden's harbour wall and a £4m car park."
    assert flagged(article, "The county approved a £4m harbour wall.", "£4m")


def test_a_reflexive_pronoun_after_an_amount_counts_nothing() -> None:
    article = "Under the scheme, parish councils pay the first £15,000 themselves and the county the rest."
    assert nothing_flagged(article, "Parish councils pay the first £15,000 of repair bills under the scheme.")
