"""Class 4, misattribution: a unit is no subject. "rose 9 points to 41%" and "fell by 12 points to
30%" share the word "points" whatever each is about; it must not move a value to the other."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged

ARTICLE = "The Greens took 18% of the vote, a rise of 4 points, while the Liberals' share fell by 6 points to 11%."


def test_a_change_in_points_keeps_its_own_level() -> None:
    assert not flagged(ARTICLE, "The Greens' vote share rose 4 points to 18%.", "18%")


def test_the_other_change_keeps_its_own_level_too() -> None:
    assert not flagged(ARTICLE, "The Liberals' share dropped 6 percentage points to 11%.", "11%")


# Two more ways the words before a figure say nothing of whom it is about (`subject-elsewhere`): a
# result told after its cause ("..., leaving 31,000 homes without power") is the sentence's subject's;
# and an amount written before its noun ("a £9m funding gap") says what it is about after it.
_MILL = (
    "Haddersby lost 640 jobs when its Ulverby mill closed, leaving 2,150 people employed. Storm Quenmoor "
    "brought down lines across the valley, leaving 31,000 homes without power and flooding 480 houses."
)


def test_a_result_told_after_its_cause_is_the_sentence_subjects() -> None:
    assert nothing_flagged(_MILL, "Haddersby has 2,150 people in work.")
    assert nothing_flagged(_MILL, "Storm Quenmoor cut power to 31,000 homes.")


def test_a_result_told_of_the_cause_is_still_flagged() -> None:
    assert flagged(_MILL, "Haddersby lost 2,150 jobs.", "2,150")


_COUNCIL = (
    "Lunnford set its budget on Tuesday. The council faces a funding gap of £9.4m in the year from "
    "April, and plans to close it with £5.1m of savings and £4.3m drawn from reserves."
)


def test_an_amount_before_its_noun_is_about_that_noun() -> None:
    assert nothing_flagged(_COUNCIL, "Lunnford Council will close a £9.4m funding gap with £5.1m of savings.")


def test_an_amount_before_a_noun_another_value_is_about_is_still_flagged() -> None:
    assert flagged(_COUNCIL, "Lunnford Council will close a £5.1m funding gap.", "£5.1m")
