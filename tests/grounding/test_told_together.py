"""A value the summary tells beside another is the article's where the article's sentence tells both:
the two were told together, however few words the value's own clause has."""

from __future__ import annotations

import pytest
from figure_cases import flagged, nothing_flagged

ARTICLE = (
    "Outpatient waits at the Marlowe clinics have grown sharply. The median wait for a first "
    "appointment nationally is now 11.6 weeks, against 10.9 weeks last year and 6.3 weeks in 2019. "
    "In the northern district the median wait is 13.4 weeks, and in the southern district it is 9.8 weeks. "
    "More than 40% of patients wait longer than the 13-week target. Staff vacancies stand at 9.2%."
)


@pytest.mark.parametrize(
    "summary",
    [
        "The national median wait of 11.6 weeks compares with 6.3 weeks before the pandemic.",
        "Nationally the median wait, 6.3 weeks before the pandemic, is now 11.6 weeks.",
    ],
)
def test_a_value_told_beside_its_sentence_partner_passes(summary: str) -> None:
    assert nothing_flagged(ARTICLE, summary)


@pytest.mark.parametrize(
    ("summary", "figure"),
    [
        # last year's wait given as the 2019 one: told in the same sentence, but for another year
        ("The national median wait of 11.6 weeks compares with 10.9 weeks in 2019.", "10.9 weeks"),
        # the vacancy rate given as the share over target, from another sentence
        ("More than 9.2% of patients wait longer than the 13-week target.", "9.2%"),
    ],
)
def test_a_value_told_for_something_else_is_still_flagged(summary: str, figure: str) -> None:
    assert flagged(ARTICLE, summary, figure)


def test_a_list_item_given_another_items_value_is_still_flagged() -> None:
    # The summary tells five twice: which telling the article's five belongs to is not said by its neighbours.
    article = (
        "The club has 14 players on loan this season. Of those, five are at Dunmore, four at Pellow Vale "
        "and two at Ardry Town, the club said."
    )
    assert nothing_flagged(article, "Of those, five are at Dunmore, four at Pellow Vale and two at Ardry Town.")
    assert not nothing_flagged(article, "Of those, five are at Dunmore, five at Pellow Vale and two at Ardry Town.")


_THEFT = (
    "A court jailed fund manager Ola Vinter, 58, for nine years on Tuesday for stealing 27 million crowns from the "
    "savings of 3,600 workers. The judge said Vinter had diverted money over a period of six years, through 14 "
    "shell companies. Prosecutors had sought 11 years."
)


def test_a_pair_kept_whole_with_a_figure_added_from_another_sentence_is_no_exchange() -> None:
    # the article's pair (nine years, 27 million crowns) is kept, the six years added from the next sentence
    summary = "Ola Vinter was jailed for nine years, for taking 27 million crowns over six years."
    assert not flagged(_THEFT, summary, "six years")
    assert flagged(_THEFT, "Ola Vinter was jailed for nine years, for taking 72 million crowns over six years.", "72")


_HARBANK = (
    "Harbank reported a quarterly net profit of 1.62 billion crowns, up 14% from a year earlier. Net interest "
    "income rose 9% to 4.1 billion crowns. Loan losses were 130 million crowns, compared with 170 million a year "
    "earlier."
)


def test_a_figure_of_a_clause_joined_by_and_with_its_own_verb_is_no_companion() -> None:
    # "... and loan losses fell by 40 million": the 40 million is no companion of the 14%
    summary = "Harbank's quarterly profit rose 14% to 1.62 billion crowns and loan losses fell by 40 million crowns."
    assert not flagged(_HARBANK, summary, "40 million")
    # the 9% of the interest income given to the profit is still caught
    wrong = "Harbank's quarterly profit rose 9% to 1.62 billion crowns and loan losses fell by 40 million crowns."
    assert flagged(_HARBANK, wrong, "9%")
