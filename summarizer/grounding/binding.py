"""What a figure measures: whether an equal article figure is about the same thing, or about something else."""

from __future__ import annotations

from typing import Final

from summarizer.figures import Figure

from .compare import values_equal
from .index import ArticleIndex
from .words import Around


def same_measure(summary: Figure, article: Figure) -> bool:
    if summary.kind == article.kind or "duration" not in {summary.kind, article.kind}:
        return True
    return {summary.kind, article.kind} == {"duration", "age"}


def misattributed(
    figure: Figure,
    context: frozenset[str],
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> bool:
    """Clear evidence only: in the sentence that has the value, a different figure has the summary's subject.

    Subjects are the content words just before a figure, within its clause: "exports rose 12%" against
    "imports rose 12%, while exports fell 3%".
    """
    if not context:
        return False
    if any(not index.subject(p) or context & index.subject(p) for p, _ in equal):
        return False
    equal_sentences = {index.layout.sentence_of(other.start) for _, other in equal}
    for position, other in candidates:
        if other.kind != figure.kind or any(values_equal(other, same) for _, same in equal):
            continue
        if index.layout.sentence_of(other.start) in equal_sentences and context & index.subject(position):
            return True
    return False


def binding(around: Around, index: ArticleIndex, position: int) -> int:
    """How much an article figure's surroundings agree with a summary figure's: shared clause words,
    plus one for the same head noun ("three people" and "two people", not "three rescuers")."""
    score = len(around.prefixes & index.prefixes(position))
    return score + 1 if around.head and around.head == index.head(position) else score


def bound_elsewhere(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> bool:
    """The value is in the article, but its surroundings share nothing with the summary's, while
    another figure of the same kind has clearly the summary's surroundings.

    "The storm killed three people" when the article's "three" were rescued and its "at least two"
    were killed; "as much as 50% of the weapons budget" when the article's 50% is of foreign income
    and its 40% of the weapons budget.
    """
    if not around.context or figure.kind not in BINDABLE_KINDS:
        return False
    for position, _ in equal:
        if not index.context(position):
            return False  # says too little to judge ("He was 90.")
        if binding(around, index, position) > 0:
            return False  # some occurrence fits
    return any(
        other.kind == figure.kind and not other.vague and binding(around, index, position) >= _BINDING_MARGIN
        for position, other in candidates
        if not values_equal(figure, other)
    )


_BINDING_MARGIN: Final = 2


# Counts and shares. Amounts of money and durations in headlines are paraphrased too freely
# (a prize named by its sponsor and price, its price given in a clause about something else):
# binding them cost false alarms.
BINDABLE_KINDS: Final = frozenset({"count", "percent", "fraction"})
