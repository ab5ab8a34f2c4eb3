"""A rate's period: "£2m a month" is not the article's "£2m every year"."""

from __future__ import annotations

import re
from typing import Final

from summarizer.figures import Figure

from .index import ArticleIndex
from .report import Match
from .words import Around

# Right after the figure, or after the rest of its noun phrase ("40 tonnes of gold a year"); not a
# point in time ("a day later").
_PERIOD_RE: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|with|for)\b)(?:of\s+)?[a-z][a-z-]*){0,3}?"
    r"\s*(?:(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|quarter|year)\b(?!\s+(?:later|earlier|ago|after|before))"
    r"|(?P<adverb>hourly|daily|weekly|monthly|quarterly|annually|yearly)\b|per\s+annum\b)",
    re.IGNORECASE,
)

_ADVERBS: Final = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
}


def period_of(text: str, figure: Figure) -> str | None:
    """The period a rate is given per, read right after the figure or its noun phrase ("a month",
    "annually", "of gold a year"), or None."""
    found = _PERIOD_RE.match(text, figure.end)
    if found is None:
        return None
    if found.group("unit"):
        return found.group("unit").lower()
    adverb = found.group("adverb")
    return _ADVERBS[adverb.lower()] if adverb else "year"


def other_period(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Brings in £2m a month" where every occurrence of the value is per year: misattributed."""
    mine = period_of(around.text, figure)
    if mine is None or not equal:
        return None
    theirs = [period_of(index.text, same_value) for same_value in equal]
    if any(period is None or period == mine for period in theirs):
        return None
    return Match(
        "misattributed", equal[0], f"the article gives this value per {theirs[0]}, not per {mine}", "per-period"
    )
