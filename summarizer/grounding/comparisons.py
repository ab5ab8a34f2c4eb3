"""A difference told against something: "finished 19 points ahead of Colne", "won 12 fewer seats than
the Greens", "£3m below its budget".

The comparative says which way the difference goes and the words after it say against what. The
same fact may be told from the other side ("Colne finished 19 points behind Quenby"): the way turns
and so does what it is told against. A summary that turns the way but keeps what the difference is
told against ("Quenby finished 19 points behind Colne" where the article has Quenby 19 ahead of
Colne) has turned the fact round, though the value is in the article.
"""

from __future__ import annotations

import re
from typing import Final

from summarizer.figures import Figure

from .compare import in_points, worked_fits
from .direction import Direction, opposite
from .index import ArticleIndex
from .report import TURNED_ROUND, Match
from .words import Around, content_stems, prefixes_of

# Comparatives told with "than" ("23 more goals than", "£3m lower than"), and those that stand
# before what they compare with ("19 points ahead of", "behind", "above", "below").
_UP_THAN: Final = ("more", "higher", "longer", "larger", "bigger", "greater", "older", "dearer")
_DOWN_THAN: Final = ("fewer", "less", "lower", "shorter", "smaller", "younger", "cheaper")
_UP_BEFORE: Final = ("ahead of", "above", "clear of")
_DOWN_BEFORE: Final = ("behind", "below", "short of")
_UP: Final = frozenset((*_UP_THAN, *_UP_BEFORE))
_SPACE: Final = r"\s+"
_BEFORE_WORDS: Final = "|".join(item.replace(" ", _SPACE) for item in _UP_BEFORE + _DOWN_BEFORE)
# Words that end what a difference is told against: a place, a time or another clause after it
# ("ahead of Colne in the Norsea League": against Colne, not the league both sides play in).
_AGAINST_ENDS: Final = (
    "in|on|at|for|during|after|before|since|by|over|under|from|to|with|when|while|and|but|as|this|last"
)
# The comparative right after a figure, a word (its noun or unit) between them at most, "than" after
# a comparative adjective (a noun or two between: "23 more goals than"), and the few words after it
# up to a preposition, a conjunction or the end of the clause: what the difference is told against.
# ("closing nine larger ones" compares with nothing.)
_COMPARED_RE: Final = re.compile(
    rf"\s+(?:[a-z-]+\s+)?(?:(?P<than>{'|'.join(_UP_THAN + _DOWN_THAN)})\s+(?:[a-z-]+\s+){{0,2}}?than"
    rf"|(?P<before>{_BEFORE_WORDS}))\b"
    rf"(?P<against>(?:\s+(?!(?:{_AGAINST_ENDS})\b)[\w'’-]+){{0,4}})",
    re.IGNORECASE,
)


def comparison(text: str, figure: Figure) -> tuple[Direction, frozenset[str]] | None:
    """The way a difference told after a figure goes, and the stems of what it is told against
    ("19 points ahead of second-placed Colne": up, against "second", "place", "colne")."""
    found = _COMPARED_RE.match(text, figure.end)
    if found is None:
        return None
    word = " ".join((found.group("than") or found.group("before")).lower().split())
    way: Direction = "up" if word in _UP else "down"
    return way, prefixes_of(content_stems(found.group("against")))


def comparison_turned(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary tells a difference one way against something ("19 points
    behind Colne") and the article tells the value the other way against the same thing ("19
    points ahead of Colne"), and no occurrence goes the summary's way."""
    mine = comparison(around.text, figure)
    if mine is None or not mine[1]:
        return None
    way, against = mine
    turned = None
    for other in equal:
        theirs = comparison(index.text, other)
        if theirs is None:
            continue
        if theirs[0] == way:
            return None  # told the summary's way somewhere
        if turned is None and theirs[0] == opposite(way) and theirs[1] & against:
            turned = other
    if turned is None:
        return None
    return Match("misattributed", turned, f"{TURNED_ROUND} {opposite(way)}, not {way}", "comparison-way")


def own_working(figure: Figure, around: Around) -> tuple[Figure, Figure, float] | None:
    """The two figures the summary tells the figure as the difference of, in its own clause ("the
    530p offer is 80p higher than the 485p proposal"), and the difference they make in the figure's
    terms; None when it tells no such difference."""
    found = _COMPARED_RE.match(around.text, figure.end)
    if found is None or figure.value is None:
        return None
    start, end = around.layout.clause_of(figure.start)
    after = [one for one in around.siblings if found.start("against") <= one.start < end and one.value is not None]
    before = [one for one in around.siblings if start <= one.start < figure.start and one.value is not None]
    if not after or not before:
        return None
    told, against = before[-1], after[0]
    worked = _worked(figure, told, against)
    return None if worked is None else (told, against, worked)


def own_working_contradicted(figure: Figure, around: Around) -> Match | None:
    """Misattributed when the summary tells the figure as the difference between two figures it gives
    itself and they make another: "the 530p offer is 80p higher than the 485p proposal" (485p to
    530p is 45p), "20% more than the 4,170 of a year earlier" for 5,300."""
    own = own_working(figure, around)
    if own is None or worked_fits(figure, own[2]):
        return None
    told, against, worked = own
    if not _SAME_THING_RE.fullmatch(around.text, told.end, figure.start):
        # "Kerr's 200 staff made 1,000 more units than the 8,000 of 2023": the 200 counts the staff,
        # not the units; only a figure the difference is said of ("the 530p offer is 80p higher")
        return None
    if relative_fits(figure, told, against):
        return None  # "turnout of 41% was 41% higher than the 29%": a change of the rate, not points
    note = f"the summary's own '{told.text}' and '{against.text}' are {worked:g} apart"
    return Match("misattributed", None, note, "own-working")


# What stands between a figure and the difference told of it: a noun or two and a copula ("530p offer
# is", "5,300 were", "41%, was"), or a comma ("sold 5,300, 20% more than"); not another verb ("200 staff
# made 1,000 more units", "three stands hold 5,000 more fans").
_SAME_THING_RE: Final = re.compile(
    r",?(?:\s+[\w'’-]+){0,2}?,?\s+(?:is|are|was|were|be|been|stood|stands|remains?|remained)(?:\s+(?:now|still))?\s+"
    r"|\s*,\s*",
    re.IGNORECASE,
)


def relative_fits(figure: Figure, told: Figure, against: Figure) -> bool:
    """Whether a percentage not in points is the relative change between two percentages: "41% higher
    than the 29%" (29% to 41% is 41.4% more), which `_worked` reads as points only."""
    assert told.value is not None
    assert against.value is not None
    if figure.kind != "percent" or told.kind != "percent" or in_points(figure) or not against.value:
        return False
    return worked_fits(figure, 100 * abs(told.value - against.value) / against.value)


def _worked(figure: Figure, told: Figure, against: Figure) -> float | None:
    """The difference of two summary figures in the figure's terms: the same kind (points between two
    percentages), or a percentage change between two amounts; None when they do not compare."""
    assert told.value is not None
    assert against.value is not None
    if told.kind != against.kind or told.unit != against.unit or told.kind in {"year", "date", "ordinal", "name"}:
        return None
    if figure.kind == told.kind or (told.kind == "percent" and (in_points(figure) or figure.kind == "count")):
        return abs(told.value - against.value)
    if figure.kind == "percent" and told.kind in {"count", "money", "measure"} and against.value:
        return 100 * abs(told.value - against.value) / against.value
    return None
