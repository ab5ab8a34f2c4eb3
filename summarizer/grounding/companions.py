"""Figures that travel together: a summary that copies two figures from one sentence of the article
copies them as a pair. "The 12 boats seized carried £9m, while the 30 lorries carried £4m", where
the article gives £4m beside the boats and £9m beside the lorries, is a swap between sentences."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import Final

from summarizer.figures import Figure

from .compare import compatible, values_equal
from .index import ArticleIndex
from .people import name_of
from .report import Match
from .timing import dated_figure
from .words import Around

_UNBOUND_KINDS: Final = frozenset({"name", "ordinal"})

# How far, in sentences, a rival may stand after the companion it is given beside, and the figure
# from the companion for the two to be near.
_REACH: Final = 1


def beside_other_value(
    figure: Figure, around: Around, index: ArticleIndex, standing: Sequence[Figure], *, derived: bool = False
) -> Match | None:
    """A summary figure given beside a companion (another figure of its clause) that the article
    gives in one sentence, with another value of the figure's kind: misattributed, when

    - the article never gives the figure and the companion in one sentence;
    - the figure's own sentence (or one next to it) gives the companion's kind another value (the two
      were exchanged: "12 boats ... £9m" where the article has "30 lorries ... £9m"); a derived
      figure has no sentence of its own, so its companion's rival is enough, and
    - the rival counts what the figure's occurrence counts, when that says what it counts.

    The rival stands in the companion's sentence, or the next one when the figure is nowhere near it
    ("12 boats seized ... The cargo was worth £4m"). `standing`: the article figures
    the summary figure stands on, its equal occurrences or (`derived`) the operands of its derivation.
    """
    if figure.kind in _UNBOUND_KINDS or not standing:
        return None
    start, end = around.layout.clause_of(figure.start)
    sentence_start, _ = around.layout.sentence_of(figure.start)
    companions = [
        sibling
        for sibling in around.siblings
        if sibling is not figure
        # the figure's clause, and the age of the person its sentence opens with ("Ann Roe, 33, was
        # jailed for 14 years": the age stands in commas of its own, but the years are Roe's)
        and (start <= sibling.start < end or _subject_age(around, sibling, sentence_start, figure))
        and sibling.value is not None
        and not sibling.vague
        and sibling.kind not in _UNBOUND_KINDS
    ]
    if not companions:
        return None
    own = {index.sentence_number(other.start) for other in standing}
    anchors: list[tuple[Figure, int]] = []
    for companion in companions:
        places = {index.sentence_number(other.start) for _, other in index.equal(companion)}
        if places & own:
            return None  # the article gives the two together somewhere
        if len(places) == 1:
            anchors.append((companion, places.pop()))
    standing_starts = {other.start for other in standing}
    beside_figure = [
        other
        for number in own
        for other in _in_sentences(index, number - _REACH, number + _REACH)
        if other.start not in standing_starts
    ]
    things = frozenset().union(*(index.frame(other).thing for other in standing))
    taken = {(other.kind, other.value) for other in companions}
    for companion, sentence in anchors:
        assert companion.value is not None
        exchanged = derived or any(
            other.kind == companion.kind and other.value is not None and not values_equal(companion, other)
            for other in beside_figure
        )
        if not exchanged:
            continue
        near = any(abs(mine - sentence) <= _REACH for mine in own)
        reach = 0 if near else _REACH
        for rival in _in_sentences(index, sentence, sentence + reach):
            if (
                rival.kind != figure.kind
                or rival.value is None
                or rival.vague
                or (rival.kind, rival.value) in taken
                or values_equal(figure, rival)
                or not compatible(figure, rival)
            ):
                continue
            if things and not things & index.frame(rival).thing:
                continue  # "5 bridges", or "two" of nothing said, is no rival of "40,000 homes"
            dates = dated_figure(index.figures, index.starts, rival, index.text) if rival.kind == "year" else None
            if dates is not None and not values_equal(dates, companion):
                continue  # "3.4m, against 2.9m in 2023": the 2023 is the 2.9m's, not the 3.4m's
            note = f"the article gives '{rival.text}' beside '{companion.text}'"
            return Match("misattributed", rival, note, "companion")
    return None


def _subject_age(around: Around, sibling: Figure, sentence_start: int, figure: Figure) -> bool:
    """Whether `sibling` is the age of a person named before the figure in its sentence."""
    return (
        sibling.kind == "age"
        and sentence_start <= sibling.start < figure.start
        and around.text[sibling.end : around.layout.clause_of(figure.start)[0]].strip(" ,") == ""
        and bool(name_of(around.text, sibling))
    )


def _in_sentences(index: ArticleIndex, first: int, last: int) -> list[Figure]:
    """The article's figures in sentences `first` to `last` (clipped to the article)."""
    sentences = index.layout.sentences
    if not sentences:
        return []
    low = sentences[max(0, first)][0]
    high = sentences[min(len(sentences) - 1, last)][1]
    return index.figures[bisect.bisect_left(index.starts, low) : bisect.bisect_left(index.starts, high)]
