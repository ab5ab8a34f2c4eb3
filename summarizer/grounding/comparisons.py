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

from .direction import Direction, opposite
from .index import ArticleIndex
from .report import TURNED_ROUND, Match
from .words import Around, content_stems, prefixes_of

_UP: Final = frozenset(
    ["more", "higher", "longer", "larger", "bigger", "greater", "older", "dearer", "ahead", "above", "clear"]
)
_DOWN: Final = frozenset(
    ["fewer", "less", "lower", "shorter", "smaller", "younger", "cheaper", "behind", "below", "short"]
)
# The comparative right after a figure, a word (its noun or unit) between them at most, and the words
# after it to the end of the clause: what the difference is told against.
_COMPARED_RE: Final = re.compile(
    rf"\s+(?:[a-z-]+\s+)?(?P<way>{'|'.join(sorted(_UP | _DOWN))})\b(?:\s+(?:of|than))?(?P<against>[^,;:.!?()]*)",
    re.IGNORECASE,
)


def comparison(text: str, figure: Figure) -> tuple[Direction, frozenset[str]] | None:
    """The way a difference told after a figure goes, and the stems of what it is told against
    ("19 points ahead of second-placed Colne": up, against "second", "place", "colne")."""
    found = _COMPARED_RE.match(text, figure.end)
    if found is None:
        return None
    way: Direction = "up" if found.group("way").lower() in _UP else "down"
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
