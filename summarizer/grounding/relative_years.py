"""A value moved between years told relative to now: "offered drivers 5.5% this year and 2% next
year", summarised as "offered 2% this year"; "42 shops next year, against 30 this year" as "30 shops
next year". The article may give no year in figures at all, so the years are compared
by their words."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .compare import CALENDAR_KINDS
from .report import Match

if TYPE_CHECKING:
    from summarizer.figures import Figure

    from .index import ArticleIndex
    from .words import Around

_RELATIVE_YEAR_RE: Final = re.compile(r"\b(last|this|next)\s+year\b", re.IGNORECASE)
# The clause after a value that gives it for a second year: ", the same as this year", ", unchanged
# from last year", ", as in this year"; not a bare "as" before a year's own thing (", as this year's
# surplus runs out" says why, not how much).
_SAME_AS_RE: Final = re.compile(
    r"\W*(?:just\s+)?(?:the\s+same\s+as|(?P<bare>as)\s+(?:it\s+(?:was|did)\s+)?(?:in\s+)?|unchanged\s+(?:from|on)"
    r"|level\s+with|matching)\s*(last|this|next)\s+year\b(?(bare)(?!['’]s))",
    re.IGNORECASE,
)


def _stretch_year(text: str, figure: Figure, end: int, following: list[Figure]) -> str | None:
    """The one relative year told in a figure's own stretch (after it, to its clause's `end` or the
    next figure other than a date of `following`): "2% next year" gives "next"; None for none, or
    more than one."""
    end = max(end, figure.end)
    for other in following:
        if figure.end <= other.start < end and other.kind not in CALENDAR_KINDS:
            end = other.start
            break
    found = {match.group(1).lower() for match in _RELATIVE_YEAR_RE.finditer(text, figure.end, end)}
    return found.pop() if len(found) == 1 else None


def other_relative_year(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary tells the value for "this year", "next year" or "last year"
    right after it, and every occurrence of the value in the article is told for another of them."""
    if not equal or figure.kind in CALENDAR_KINDS or around.text.find("year", figure.end) < 0:
        return None
    # The summary's side first: most figures are told with no such year, and then the article's
    # occurrences need not be read.
    _, end = around.layout.clause_of(figure.start)
    mine = _stretch_year(around.text, figure, end, around.others_between(figure.end, end))
    if mine is None:
        return None
    theirs = set()
    for same in equal:
        _, end = index.layout.clause_of(same.start)
        told = _stretch_year(index.text, same, end, index.figures_between(same.end, end))
        same_as = _SAME_AS_RE.match(index.text, end)
        if told is None or told == mine or (same_as is not None and same_as.group(2).lower() == mine):
            return None  # ("£3m next year, the same as this year": the value is this year's too)
        theirs.add(told)
    return Match(
        "misattributed", equal[0], f"the article gives this value for {sorted(theirs)[0]} year", "time-relative"
    )
