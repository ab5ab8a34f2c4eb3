"""A level's own change: the size of one change told of a parallel level.

News tells a level with its own change beside it: "sales in Orrinby reached £312m, up 8%, and
Hasketh £141m, up 19%", "lent 830,000 books, up 4%, while audiobook loans rose 27% to 96,000". A
summary that gives one level with the other's change ("£312m, up 19%", "830,000 books, up 27%") has
moved the change, though its value is in the article.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING, Final

from .compare import CALENDAR_KINDS, rounds_to, values_equal
from .direction import CHANGE_VERBS
from .report import Match

if TYPE_CHECKING:
    from summarizer.figures import Figure

    from .index import ArticleIndex
    from .words import Around

# Between a level and its own change after it: " books last year, up ", " of sales, down by ", " (+".
_SIZE_AFTER_RE: Final = re.compile(
    r"(?:\s+[A-Za-z'’-]+){0,5}?(?:,\s+(?:up|down)\s+(?:by\s+)?|\s*\(\s*[+\-−]?)", re.IGNORECASE
)
# Between a change's size and its level after it: "rose 27% to 96,000".
_TO_LEVEL_RE: Final = re.compile(r"\s+to\s+")
_VERB_BEFORE_RE: Final = re.compile(r"([A-Za-z]+)\s+(?:by\s+)?$")
_SIZE_VERBS: Final = CHANGE_VERBS | {"up", "down"}
_LEVEL_KINDS: Final = frozenset({"count", "money", "measure"})  # not a rank ("for the fourth year running, up 26%")
_VERB_REACH: Final = 24  # characters before a size read for its verb of change


def _level_of(text: str, figures: list[Figure], at: int) -> Figure | None:
    """The level whose own change the percentage `figures[at]` is: the one after it, told as "<verb>
    <size> to <level>" ("arson rose for the fourth year running, up 26% to 640 cases"), or else the amount before it,
    told as "<level> ..., up <size>"."""
    size = figures[at]
    if at + 1 < len(figures) and _TO_LEVEL_RE.fullmatch(text, size.end, figures[at + 1].start):
        verb = _VERB_BEFORE_RE.search(text, max(0, size.start - _VERB_REACH), size.start)
        if verb is not None and verb.group(1).lower() in _SIZE_VERBS:
            return figures[at + 1]
    before = at - 1
    while before >= 0 and figures[before].kind in CALENDAR_KINDS:
        before -= 1  # ("sales of £312m in 2025, up 8%")
    if before < 0 or figures[before].kind not in _LEVEL_KINDS:
        return None
    level = figures[before]
    return level if _SIZE_AFTER_RE.fullmatch(text, level.end, size.start) else None


def _same_level(mine: Figure, theirs: Figure) -> bool:
    """Whether two levels may be one: equal or rounded, of one kind, or one value ("97 million" after
    "$512 million" is the article's "$97 million", though read as a count)."""
    if theirs.value is None:
        return True  # "several charities, up 20%": no value to tell it from the summary's
    if mine.kind == theirs.kind:
        return values_equal(mine, theirs) or rounds_to(mine, theirs)
    return mine.value is not None and math.isclose(mine.value, theirs.value)


def change_of_another(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary gives a percentage as the own change of a level ("830,000
    books, up 27%", "rose 27% to 830,000"), every occurrence of the value in the article is the own change
    of another level ("audiobook loans rose 27% to 96,000"), and no occurrence of the summary's level
    in the article has the value as its change."""
    if figure.kind != "percent" or not equal:
        return None
    at = bisect.bisect_left(around.sibling_starts, figure.start)
    mine = _level_of(around.text, around.siblings, at)
    if mine is None or mine.kind == "percent" or mine.value is None:
        return None  # (a share's change may be points or per cent: left alone)
    theirs = []
    for same in equal:
        level = _level_of(index.text, index.figures, index.position(same))
        if level is None or _same_level(mine, level):
            return None
        theirs.append(level)
    return Match(
        "misattributed", equal[0], f"the article gives this as the change of '{theirs[0].text}'", "change-owner"
    )
