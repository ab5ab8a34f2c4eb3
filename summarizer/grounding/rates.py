"""A total of a rate over its span: "about 310,000 ounces a year over a 14-year life" make "roughly
4.3 million ounces in all". The summary's figure is the rate times the span, where the article gives
the rate per a unit of time and, in the rate's sentence, a span in that unit."""

from __future__ import annotations

import dataclasses
from typing import Final

from summarizer.figures import Figure

from .compare import compatible, rounds_to, same
from .index import ArticleIndex
from .periods import period_of
from .report import Match
from .words import Around

_TOTALLED_KINDS: Final = frozenset({"count", "money", "measure"})
_MAX_RATES: Final = 40  # rates kept at most: a news article gives fewer


def rate_over_span(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The article rate and span whose product is the summary's figure, if any. The rate must share
    a word with the summary figure's (what is counted: "ounces"), so the pair is bound here; the
    summary's own figure must not be a rate itself ("310,000 ounces a year" is the rate, no total)."""
    if figure.kind not in _TOTALLED_KINDS or figure.value is None or figure.value <= 0:
        return None
    if period_of(around.text, figure) is not None or not around.frame.words:
        return None
    for rate, period in _rates(index):
        if rate.kind != figure.kind or not compatible(figure, rate):
            continue
        if figure.kind == "measure" and rate.unit != figure.unit:
            continue
        if not index.frame(rate).words & around.frame.words:
            continue
        for span in _spans_beside(rate, period, index):
            assert rate.value is not None
            assert span.value is not None
            total = rate.value * span.value
            if same(total, figure.value) or rounds_to(figure, dataclasses.replace(figure, value=total, qualifier=None)):
                note = f"{rate.text} a {period} x {span.value:g} {period}s"
                return Match("derived", None, note, "rate-over-span", (rate, span))
    return None


def _rates(index: ArticleIndex) -> list[tuple[Figure, str]]:
    """The article's figures told per a unit of time, with that unit: read once per article."""
    if index.rates is None:
        found = []
        for rate in index.figures:
            if rate.kind not in _TOTALLED_KINDS or not rate.value or rate.vague:
                continue
            period = period_of(index.text, rate)
            if period is not None:
                found.append((rate, period))
                if len(found) >= _MAX_RATES:
                    break
        index.rates = found
    return index.rates


def _spans_beside(rate: Figure, period: str, index: ArticleIndex) -> list[Figure]:
    """The spans of more than one `period` in the rate's sentence ("over a 14-year life")."""
    start, end = index.layout.sentence_of(rate.start)
    return [
        other
        for other in index.figures_between(start, end)
        if other.kind == "duration" and other.unit == period and other.value is not None and other.value > 1
    ]
