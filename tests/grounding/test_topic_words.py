"""Class 4, misattribution: the word an article is about ("revenue" in a results story) tells no
figure from another, on either side; and a month is no party a value belongs to."""

from __future__ import annotations

from figure_cases import flagged, status

ARTICLE = (
    "Corvel, the Bristol paint maker, reported a 9% rise in second-quarter revenue on Monday. "
    "Revenue for the three months to June climbed to £640m from £587m a year earlier. "
    "Its trade arm, which makes about half of revenue, grew 3%. "
    "Corvel now expects full-year revenue of about £2.5bn. "
    "Its rival Lumen said its revenue had fallen 4% to £410m in the same quarter."
)


def test_the_topic_word_does_not_move_a_value_to_a_rival() -> None:
    # "revenue" runs through the story: sharing it (and "quarter") makes the £410m no better fit
    # than the £640m's own sentence, which names no party but a month
    assert not flagged(ARTICLE, "Corvel's second-quarter revenue rose 9% to £640m.", "£640m")


def test_a_value_moved_to_the_rival_is_still_flagged() -> None:
    assert status(ARTICLE, "Lumen's second-quarter revenue fell 4% to £640m.", "£640m") == "misattributed"
