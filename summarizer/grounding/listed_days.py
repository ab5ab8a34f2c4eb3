"""Days counted from the dates an article lists: "will strike on 14 and 15 March" is a strike of two
days, "from 3 to 5 June" three. The summary's span in days is the number of days its listed dates
cover, where they stand together in one phrase of the article."""

from __future__ import annotations

import re
from typing import Final

from summarizer.figures import Figure

from .index import ArticleIndex
from .report import Match
from .words import Around

# What joins the days of one list or run: "14 and 15 March", "14, 15 and 16 April", "from 3 to 5 June"
_JOIN_RE: Final = re.compile(r"\s*,\s*|,?\s+and\s+|\s+to\s+|\s*[-\u2013]\s*")
_RUN_RE: Final = re.compile(r"\s+to\s+|\s*[-\u2013]\s*")
_MOST_DAYS: Final = 31


def days_listed(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The article's dates whose days the summary's span counts, if any: a list of dates counts its
    dates, a run ("3 to 5 June") its days, both ends in."""
    if figure.kind != "duration" or figure.unit != "day" or figure.value is None or not 1 < figure.value <= _MOST_DAYS:
        return None
    dates = [(at, one) for at, one in enumerate(index.figures) if one.kind == "date" and one.value is not None]
    for at, first in dates:
        if at > 0 and _joined(index, index.figures[at - 1], first):
            continue  # a list is read from its first date
        group, days = [first], 1.0
        while at + len(group) < len(index.figures) and _joined(index, group[-1], index.figures[at + len(group)]):
            nxt = index.figures[at + len(group)]
            assert nxt.value is not None
            assert group[-1].value is not None
            run = _RUN_RE.fullmatch(index.text, group[-1].end, nxt.start) is not None
            days += nxt.value - group[-1].value if run else 1
            group.append(nxt)
        if len(group) > 1 and days == figure.value:
            note = f"the days of {', '.join(one.text.rstrip('.') for one in group)}"
            return Match("derived", None, note, "days-listed", tuple(group))
    return None


def _joined(index: ArticleIndex, left: Figure, right: Figure) -> bool:
    """Whether two dates of one month stand together as a list or a run."""
    if left.kind != "date" or right.kind != "date" or left.value is None or right.value is None:
        return False
    if left.value // 100 != right.value // 100 or right.value <= left.value:
        return False
    return _JOIN_RE.fullmatch(index.text, left.end, right.start) is not None
