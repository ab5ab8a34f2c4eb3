"""Figures that travel together: a summary that copies two figures from one sentence of the article
copies them as a pair. "The 17 thefts netted $3bn" where the article's $3bn stands beside another
count, and the 17 thefts beside $750m, is a swap between sentences."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from summarizer.figures import Figure

from .compare import values_equal
from .index import ArticleIndex
from .report import Match
from .words import Around

_UNBOUND_KINDS: Final = frozenset({"name", "ordinal"})

# How far, in sentences, a rival may stand from the companion it is given beside.
_REACH: Final = 1


def beside_other_value(figure: Figure, around: Around, index: ArticleIndex, standing: Sequence[Figure]) -> Match | None:
    """A summary figure whose companions (the other figures of its clause) are in the article in one
    sentence that gives another value of its kind (or the next or previous sentence does, and the
    figure is not near), while the article never gives the figure beside any of them.

    `standing`: the article figures the summary figure stands on, its equal occurrences or the
    operands of its derivation ("since 2016" counted from 2014 and "two years later", where the
    summary's 58 attacks are the article's since 2017)."""
    if figure.kind in _UNBOUND_KINDS or not standing:
        return None
    start, end = around.layout.clause_of(figure.start)
    own = {index.sentence_number(other.start) for other in standing}
    anchors: list[tuple[Figure, int]] = []
    companions = [
        sibling
        for sibling in around.siblings
        if sibling is not figure
        and start <= sibling.start < end
        and sibling.value is not None
        and not sibling.vague
        and sibling.kind not in _UNBOUND_KINDS
    ]
    for companion in companions:
        places = {index.sentence_number(other.start) for _, other in index.equal(companion)}
        if places & own:
            return None  # the article gives the two together somewhere
        if len(places) == 1:
            anchors.append((companion, places.pop()))
    for companion, sentence in anchors:
        # A rival in the companion's own sentence; or in a sentence next to it, when the figure is
        # nowhere near ("17 thefts in 2023 ... The amount stolen was $750m").
        near = any(abs(mine - sentence) <= _REACH for mine in own)
        for _, rival in index.candidates(figure):
            apart = abs(index.sentence_number(rival.start) - sentence)
            if (
                (apart == 0 or (apart <= _REACH and not near))
                and rival.kind == figure.kind
                and rival.value is not None
                and not rival.vague
                and not values_equal(figure, rival)
                and not any(values_equal(other, rival) for other in companions if other.kind == rival.kind)
            ):
                note = f"the article gives '{rival.text}' beside '{companion.text}'"
                return Match("misattributed", rival, note, "companion")
    return None
