"""A multiple of one figure by another: "three times as many doses as a year earlier" where the
article gives 6,300 doses, up from 1,900. The summary's count is the ratio of the two ends of one
article change, or of two figures of one sentence that count one thing, rounded as the summary
rounds it ("more than three times" holds for 3.3)."""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from summarizer.figures import Figure

from .compare import rounds_to
from .index import ArticleIndex
from .report import Match
from .words import Around

# "three times as many", "2.5 times more", "four times higher", "five times the number": a multiple,
# not "three times a week" (how often) nor "three times in a row".
_TIMES_AFTER_RE: Final = re.compile(
    r"\s+times\s+(?:as|more|higher|greater|larger|bigger|faster|longer|the)\b", re.IGNORECASE
)
# A figure told as what another is compared with: "6,300 doses since 10 March, up from 1,900".
_COMPARED_RE: Final = re.compile(
    r"\b(?:from|against|than|versus|with)\s+(?:(?:a|an|the|just|only|some|about|around)\s+)?$", re.IGNORECASE
)
_LEAD_REACH: Final = 24  # characters before a figure that may hold what it is compared with
_MULTIPLIED_KINDS: Final = frozenset({"count", "money", "measure", "percent", "duration"})
_MAX_PAIRS: Final = 400  # pairs tried at most: a news article holds fewer
_NEAR: Final = 6  # figures after one that may be its pair (a sentence of thousands is no thousands of reads)


def multiple(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The two article figures whose ratio the summary's "N times as many" tells, if any: a pair of
    which one figure's words share one with the summary figure's (the ends of a change share their
    thing though only one end says it, so the pair is bound here, not by `derive-bound`)."""
    if figure.kind != "count" or figure.scale or figure.value is None:
        return None
    if not _TIMES_AFTER_RE.match(around.text, figure.end) or not around.frame.words:
        return None
    # what is multiplied ("doses"), where the summary says it; else the words it is told with
    thing = around.frame.thing
    for larger, smaller in _pairs(index):
        assert larger.value is not None
        assert smaller.value is not None
        if thing and not (index.frame(larger).thing | index.frame(smaller).thing) & thing:
            continue
        if not thing and not (index.frame(larger).words | index.frame(smaller).words) & around.frame.words:
            continue
        ratio = dataclasses.replace(figure, value=larger.value / smaller.value, qualifier=None)
        if rounds_to(figure, ratio):
            note = f"{larger.text} / {smaller.text} = {larger.value / smaller.value:.2g}"
            return Match("derived", None, note, "multiple", (larger, smaller))
    return None


def _pairs(index: ArticleIndex) -> list[tuple[Figure, Figure]]:
    """Pairs of article figures one may be a multiple of: the two ends of a change, two figures of
    one sentence whose frames count one thing, or a figure and one told after it as what it is
    compared with ("up from 1,900", "against 390"); the larger first."""
    pairs: list[tuple[Figure, Figure]] = []
    for position, one in enumerate(index.figures):
        if one.kind not in _MULTIPLIED_KINDS or not one.value or one.value <= 0 or one.vague:
            continue
        others: list[Figure | None] = [index.partner(one)]
        sentence = index.sentence_number(one.start)
        thing = index.frame(one).thing
        for other in index.figures[position + 1 : position + 1 + _NEAR]:
            if index.sentence_number(other.start) != sentence:
                break
            if (thing and thing & index.frame(other).thing) or _COMPARED_RE.search(
                index.text, max(0, other.start - _LEAD_REACH), other.start
            ):
                others.append(other)
        for found in others:
            if found is None or found.kind != one.kind or found.unit != one.unit or not found.value or found.vague:
                continue
            if found.value > 0 and found.value != one.value:
                pairs.append((one, found) if one.value > found.value else (found, one))
        if len(pairs) >= _MAX_PAIRS:
            break
    return pairs
