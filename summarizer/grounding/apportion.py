"""Amounts shared out: a share of a whole ("30% of the 2,400 homes" is 720 homes) and an amount per
unit or per period ("£96m for 300 homes" is £320,000 each; "£186m over five years" is about £37m a
year).

A model's summary works these out often, and the article rarely states them. Each is read in one
article sentence, from two figures that sentence ties together, and only where the summary says
how it shares the amount out: the whole it takes a part of ("720 of the 2,400 homes"), or "each",
"a year", "per home" after the amount.
"""

from __future__ import annotations

import re
from typing import Final

from summarizer.figures import Figure

from .compare import DURATION_DAYS, compatible, in_points, values_equal, worked_fits
from .direction import compared_after
from .index import ArticleIndex
from .report import Match
from .words import Around


def apportioned(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A count that is a share of a whole the summary gives, or an amount of money per unit or per
    period, worked out from two figures of one article sentence."""
    if figure.value is None or figure.value <= 0:
        return None
    if figure.kind == "count":
        return _part_by_share(figure, around, index)
    if figure.kind == "money":
        return _per_period(figure, around, index) or _per_unit(figure, around, index)
    return None


def _part_by_share(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A part of a whole the summary gives in the figure's sentence, by a share the article's sentence
    of that whole gives: "about 720 of the 2,400 homes" where 30% of the article's 2,400 homes will
    be affordable; "one in eight of the 4,600 appeals, roughly 575"."""
    assert figure.value is not None
    start, end = around.layout.sentence_of(figure.start)
    told = [one for one in around.siblings if start <= one.start < end and one is not figure and one.value]
    for whole in told:
        if whole.kind != "count" or whole.value is None or whole.value <= figure.value:
            continue
        for _, article_whole in index.equal(whole):
            for share in _in_sentence(index, article_whole, _SHARES):
                assert share.value is not None
                # (a share, not a change: "3,200 homes, 25% more than last year" gives no 800 of them)
                if in_points(share) or index.movement(index.position(share)) or compared_after(index.text, share):
                    continue
                if worked_fits(figure, whole.value * share.value / 100):
                    note = f"{share.text} of {article_whole.text}"
                    return Match("derived", None, note, "apportioned", (share, article_whole))
    return None


def _per_period(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """ "About £37m a year" where the article's sentence gives £186m over five years."""
    found = _PER_PERIOD_RE.match(around.text, figure.end)
    if found is None:
        return None
    per = DURATION_DAYS.get((found.group("period") or "year").lower())  # ("annually": a year)
    if per is None:
        return None
    # (the article's amounts that may match it, found once per kind and currency: not every figure)
    for _, amount in index.candidates(figure):
        if amount.kind != "money" or amount.value is None or not compatible(figure, amount):
            continue
        for span in _in_sentence(index, amount, frozenset({"duration"})):
            assert span.value is not None
            days = DURATION_DAYS.get(span.unit or "")
            if days is None or span.value * days <= per or not _span_of_amount(span, index):
                continue
            if worked_fits(figure, amount.value * per / (span.value * days)):
                over = "" if _SPAN_WORD_RE.match(span.text) else "over "
                return Match("derived", None, f"{amount.text} {over}{span.text}", "apportioned", (amount, span))
    return None


def _per_unit(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """ "About £320,000 each" where the summary's sentence gives the 300 homes and the article's gives
    £96m for them."""
    if _EACH_RE.match(around.text, figure.end) is None:
        return None
    start, end = around.layout.sentence_of(figure.start)
    units = [one for one in around.siblings if start <= one.start < end and one.kind == "count" and one.value]
    for unit in units:
        for _, told in index.equal(unit):
            for amount in _in_sentence(index, told, frozenset({"money"})):
                assert amount.value is not None
                assert unit.value is not None
                if compatible(figure, amount) and worked_fits(figure, amount.value / unit.value):
                    return Match("derived", None, f"{amount.text} / {told.text}", "apportioned", (amount, told))
    return None


def _in_sentence(index: ArticleIndex, figure: Figure, kinds: frozenset[str]) -> list[Figure]:
    """The other figures of some kinds with a value in an article figure's sentence."""
    start, end = index.layout.sentence_of(figure.start)
    return [
        other
        for other in index.figures_between(start, end)
        if other.kind in kinds and other.value is not None and other is not figure and not values_equal(other, figure)
    ]


def _span_of_amount(span: Figure, index: ArticleIndex) -> bool:
    """Whether a span says how long its sentence's amount lasts ("£186m over five years"), not how
    long something else has ("the mayor, who has served five years, said the £186m ...")."""
    # (the parser may take the preposition into the span: "over 5 years")
    return (
        _SPAN_WORD_RE.match(span.text) is not None
        or _SPAN_BEFORE_RE.search(index.text, max(0, span.start - _SPAN_REACH), span.start) is not None
    )


_SHARES: Final = frozenset({"percent", "fraction"})
# "a year", "per month", "annually", "each year"
_PER_PERIOD_RE: Final = re.compile(r"\s+(?:(?:a|an|per|each|every)\s+(?P<period>year|month|week|day)|annually)\b", re.I)
# what ties a span to an amount of its sentence: "£186m over five years", "for the next three years"
_SPAN_BEFORE_RE: Final = re.compile(
    r"\b(?:over|for|across|during|within|in)\s+(?:the\s+)?(?:(?:next|coming|past|last|first)\s+)?\Z", re.IGNORECASE
)
_SPAN_WORD_RE: Final = re.compile(r"(?:over|for|across|during|within|in)\b", re.IGNORECASE)
_SPAN_REACH: Final = 32
# "each", "apiece", "per home", "a head" (not "per year": a period, read by `_per_period` alone)
_EACH_RE: Final = re.compile(
    r"\s+(?:each|apiece|a\s+head|per\s+(?!(?:year|month|week|day|annum|cent)\b)[a-z]+)\b", re.IGNORECASE
)
