"""Ranks and runs: a word ordinal that places something in an order ("finished third", "a seventh
straight month", "the second-largest") is checked like any figure; one that is no rank ("the second
half") is not reported when the article lacks it."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

ARTICLE = (
    "Factory output fell for the fifth month in a row in May. Denby Works finished second in the regional "
    "league, while Ashby Forge took third place. Carrow's plant is the third-largest in the county."
)


def test_a_run_the_article_does_not_have_is_flagged() -> None:
    assert flagged(ARTICLE, "Factory output fell for a sixth straight month in May.", "sixth")
    assert flagged(ARTICLE, "Factory output fell for the fourth month running in May.", "fourth")


def test_a_place_the_article_gives_to_another_is_flagged() -> None:
    assert flagged(ARTICLE, "Carrow's plant is the second-largest in the county.", "second")


def test_ranks_the_article_gives_are_not_flagged() -> None:
    assert nothing_flagged(ARTICLE, "Factory output fell for a fifth straight month in May.")
    assert nothing_flagged(ARTICLE, "Denby Works came second in the regional league.")
    assert nothing_flagged(ARTICLE, "Carrow's plant is the third-largest in the county.")


def test_an_ordinal_that_is_no_rank_is_not_reported_when_missing() -> None:
    assert nothing_flagged(ARTICLE, "In the second half of the year output fell.")


def test_a_word_ending_in_est_after_an_ordinal_is_no_rank() -> None:
    article = "Inspectors found cracks in the bridge deck and ordered more tests before it reopens."
    assert nothing_flagged(article, "A second test found more cracks in the bridge deck.")
    assert nothing_flagged(article, "A third request for repairs went to the council.")


def test_a_superlative_without_a_hyphen_after_an_ordinal_is_a_rank() -> None:
    article = "Last year was the region's third warmest on record, and March its second wettest month."
    assert flagged(article, "Last year was the region's second warmest on record.", "second")
    assert nothing_flagged(article, "Last year was the region's third warmest on record.")


# A place in a table is its own party's ("rank-owner"): the article's sixth is another club's.
LEAGUE = (
    "Wychcombe Harriers beat Dallowfield 2-0 on Saturday. Sleddale Town finished sixth in the division, "
    "two places above Thrushgate, who lost 1-3 at home. Wychcombe stay fourth on 38 points. "
    "Ketterby Albion won their last game 4-1. They finished ninth, level on points with Luffenham."
)


def test_a_place_the_article_gives_another_party_is_flagged() -> None:
    assert flagged(LEAGUE, "Wychcombe Harriers finished sixth in the division.", "sixth")
    assert flagged(LEAGUE, "Sleddale Town stay fourth on 38 points.", "fourth")


def test_a_place_told_of_a_party_the_sentence_before_names_is_its_own() -> None:
    # "They finished ninth" is Ketterby's, the party the sentence before names
    assert flagged(LEAGUE, "Ketterby Albion finished sixth in the division.", "sixth")


def test_a_party_given_its_own_place_is_not_flagged() -> None:
    assert nothing_flagged(LEAGUE, "Sleddale Town finished sixth in the division.")
    assert nothing_flagged(LEAGUE, "Wychcombe are fourth in the table on 38 points.")
    assert nothing_flagged(LEAGUE, "Ketterby Albion came ninth in the division.")
    assert nothing_flagged(LEAGUE, "Sleddale Town, sixth in the division, are two places above Thrushgate.")


_FELL_RACE = "Maren Holt won the Tarn fell race for the third time on Sunday."


@pytest.mark.parametrize(
    ("summary", "figure", "wrong"),
    [
        ("Maren Holt won the Tarn fell race for a fourth time.", "fourth", True),
        ("Maren Holt took the Tarn fell race for the second time.", "second", True),
        ("Maren Holt won the Tarn fell race for the third time.", "third", False),
    ],
)
def test_which_time_of_a_run_is_a_count_that_can_be_wrong(summary: str, figure: str, wrong: bool) -> None:
    assert flagged(_FELL_RACE, summary, figure) is wrong
