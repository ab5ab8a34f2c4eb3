"""A summary of hundreds of figures (a table written out as one line) is checked in time linear in
its length: each figure reads only the summary's figures near it (`SIBLING_REACH` either side). Its
figures near one another are still read together, so what the check says of a sentence does not
change when a long list stands before it."""

from __future__ import annotations

import pytest
from figure_cases import FLAGGED

from summarizer.grounding import verify
from summarizer.grounding.words import SIBLING_REACH

LISTED = 5 * SIBLING_REACH  # more figures than one figure reads
TABLE_ARTICLE = " ".join(f"A Brenholt depot was paid £{300 + i}m." for i in range(LISTED))
TABLE_LINE = "Brenholt depots were paid " + ", ".join(f"£{300 + i}m" for i in range(LISTED)) + "."
ARTICLE = (
    f"{TABLE_ARTICLE} Brenholt's exports rose 12% and its imports rose 7%. The council vote saw 29 members "
    "for, 12 against and three abstaining. The ferry carried 41,000 passengers, up from 36,500."
)
TAILS = [
    "Brenholt's imports rose 12% and its exports rose 7%.",  # a swap
    "Brenholt's exports rose 12% and its imports rose 7%.",
    "The council vote drew 44 members in all: 29 for, 12 against and three abstaining.",  # own working
    "The council vote drew 45 members in all: 29 for, 12 against and three abstaining.",
    "The ferry carried 41,000 passengers, up by 4,500.",  # a change worked out
    "The ferry carried 41,000 passengers, up by 5,500.",
]


def _statuses(summary: str, last: int) -> list[tuple[str, str]]:
    return [(check.text, check.status) for check in verify(ARTICLE, summary).figures[-last:]]


@pytest.mark.parametrize("tail", TAILS)
def test_a_long_list_before_a_sentence_changes_nothing_said_of_it(tail: str) -> None:
    alone = _statuses(tail, 99)
    assert _statuses(f"{TABLE_LINE} {tail}", len(alone)) == alone


def test_the_tails_are_told_apart() -> None:
    # (the invariance above would hold of a check that said nothing: each wrong tail is flagged)
    flagged = [any(status in FLAGGED for _, status in _statuses(tail, 99)) for tail in TAILS]
    assert flagged == [True, False, False, True, False, True]


def test_every_listed_figure_is_checked() -> None:
    report = verify(ARTICLE, TABLE_LINE)
    assert len(report.figures) == LISTED
    assert not [check.text for check in report.figures if check.status in FLAGGED]
    wrong = TABLE_LINE.replace(f"£{300 + LISTED // 2}m", "£9,999m")
    assert [check.text for check in verify(ARTICLE, wrong).figures if check.status in FLAGGED] == ["£9,999m"]
