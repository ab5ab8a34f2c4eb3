"""A whole given to one of its parts.

News gives a whole and then the share of it one party had: "the footbridge cost £8.6m, of which
£2.4m came from the Pellwick Trust", "saw 4,100 patients, with 950 of them referred by schools",
"farm grants rose to £14.2m. Of that, £5.1m went on hedgerows". A summary that tells the whole as
what the part's party paid or got ("the Pellwick Trust paid £8.6m", "schools referred 4,100
patients") has moved the value to the part, though the value is in the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from .compare import CALENDAR_KINDS, values_equal
from .report import Match
from .words import Around

if TYPE_CHECKING:
    from summarizer.figures import Figure

    from .index import ArticleIndex

# What leads a part told after its whole in one sentence: ", of which £2.4m", ", with 950 of them",
# ", including £2m".
_PART_LEAD_RE: Final = re.compile(r",\s+(?:of\s+which|with|including)\s", re.IGNORECASE)
# What follows a part that names its whole by a pronoun: "85 euros of that", "950 of them".
_OF_THAT_RE: Final = re.compile(r"\s+of\s+(?:that|this|them|those|these|it)\b", re.IGNORECASE)
# What makes a value a word of the name after it: "the £8.6m footbridge", "Orrinby's £8.6m footbridge".
_THE_BEFORE_RE: Final = re.compile(r"(?:\b(?:the|a|an|its|their)|\w['’]s)\s+$", re.IGNORECASE)
_THE_REACH: Final = 16
_WORD_AFTER_RE: Final = re.compile(r"(?:-[A-Za-z]+)?\s+([A-Za-z][A-Za-z'’]*)")  # ("the 5,300-patient surgery")
# A sentence that opens on the whole before it: "Of that, £5.1m went on hedgerows".
_OF_THAT_OPENS_RE: Final = re.compile(r"\s*Of\s+(?:that|this|those|these|them|the\s+total)\s*,", re.IGNORECASE)


def _part_told(index: ArticleIndex, whole: Figure, start: int, end: int) -> Figure | None:
    """The first figure in `start`..`end` that may be a part of `whole`: smaller, and money or a count
    where the whole is money (the article's "2.4 million" after "£8.6 million" may be a bare count)."""
    for other in index.figures_between(start, end):
        if other.kind in CALENDAR_KINDS or other.value is None or other is whole:
            continue
        fits = other.kind == whole.kind or (whole.kind == "money" and other.kind == "count")
        assert whole.value is not None
        return other if fits and 0 < other.value < whole.value else None
    return None


def _part_words(index: ArticleIndex, whole: Figure) -> tuple[frozenset[str], Figure] | None:
    """The words that name a part the article gives right after the whole (stems, less the words of
    the whole's own stretch), and the part; None when the article gives no part with it."""
    start, end = index.layout.sentence_of(whole.start)
    part = _part_told(index, whole, whole.end, end)
    if part is not None:
        lead = _PART_LEAD_RE.search(index.text, whole.end, part.start)
        cut = lead.start() if lead is not None else None
        if cut is None and not _OF_THAT_RE.match(index.text, part.end):
            return None
        if cut is None:  # "6 fires at the works, 4 of them started deliberately": the part's words after the comma
            cut = index.text.rfind(",", whole.end, part.start)
            if cut < 0:
                return None
        # the part's own words: to the end of its clause ("with four abstentions, to close the Brisgate depot")
        _, close = index.layout.clause_of(part.start)
        stems = index.layout.readings.stems
        return stems(index.text[cut:close]) - stems(index.text[start:cut]), part
    # the whole closes its sentence and the next opens on it: "... to £14.2m. Of that, £5.1m went on"
    if index.figures_between(whole.end, end) or not _OF_THAT_OPENS_RE.match(index.text, end):
        return None
    after, closing = index.layout.sentence_of(end + 1)
    part = _part_told(index, whole, after, closing)
    if part is None:
        return None
    stems = index.layout.readings.stems
    return stems(index.text[after:closing]) - stems(index.text[start:end]), part


def _names_the_whole(figure: Figure, around: Around, index: ArticleIndex, whole: Figure) -> bool:
    """Whether the summary gives the value before a word that names the whole before its verb in the
    article, as what the whole is: "the £8.6m footbridge", "Orrinby's £8.6m footbridge" ("the
    footbridge at Orrinby cost £8.6m"; not "the £8.6m cost", "the 4,100 patients", which are the
    value's own words, told of the part's party too)."""
    if not _THE_BEFORE_RE.search(around.text, max(0, figure.start - _THE_REACH), figure.start):
        return False
    word = _WORD_AFTER_RE.match(around.text, figure.end)
    if word is None:
        return False
    start, _ = index.layout.sentence_of(whole.start)
    head = index.text[start : whole.start].rstrip()
    stems = index.layout.readings.stems
    told = stems(word.group(1))
    return bool(told) and told <= stems(head[: head.rfind(" ") + 1])


def whole_for_part(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when every occurrence of the value is a whole the article gives with a part
    after it, and the summary's clause names the part's party or item (a word of the part's own that
    the whole's stretch lacks) while the summary gives no part's value: "the Pellwick Trust paid
    £8.6m" where "the footbridge cost £8.6m, of which £2.4m came from the Pellwick Trust"."""
    if not equal or figure.kind in CALENDAR_KINDS or around.in_headline:
        return None  # (a headline names things in words of its own)
    mine: frozenset[str] | None = None  # the summary clause's stems, read once an occurrence has a part
    parts = []
    for same in equal:
        found = _part_words(index, same)
        if found is None:
            return None  # (most values: at their first occurrence)
        words, part = found
        if mine is None:
            if _names_the_whole(figure, around, index, same):
                return None  # "helped pay for the £8.6m footbridge": the value is the footbridge's
            start, end = around.layout.clause_of(figure.start)
            mine = around.layout.readings.stems(around.text[start:end])
        if words.isdisjoint(mine) or any(
            sibling.value is not None and values_equal(sibling, part) for sibling in around.siblings
        ):
            return None
        parts.append(part)
    part = parts[0]
    return Match(
        "misattributed",
        equal[0],
        f"the article gives this as a whole, and '{part.text}' as the part the summary names",
        "whole-for-part",
    )
