"""A rate's period: "£2m a month" is not the article's "£2m every year"."""

from __future__ import annotations

import bisect
import re
from typing import Final

from summarizer.figures import Figure

from .compare import DURATION_DAYS
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

# The letters, spaces and hyphens `_PERIOD_RE` and `_ONE_UNIT_SPAN_RE` may run over, up to a unit
# they read (as a word or in an adverb: "hourly", "daily", "annually", "per annum"; "decade"). The
# lookahead names the letters a unit starts with: the units are tried only where one stands, not
# after every letter.
_UNIT_AHEAD_RE: Final = re.compile(
    r"[a-z\s-]*?(?=[hdwmqya])(?:hour|day|week|month|quarter|year|daily|annu|decade)", re.IGNORECASE
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
    # Most figures are followed by no word of time: found by a quick scan of the words after the
    # figure, which holds every unit the pattern reads, before the pattern tries its words one by one.
    return _period_after(text, figure) if _unit_ahead(text, figure) else None


def _unit_ahead(text: str, figure: Figure) -> bool:
    """Whether a unit of time stands in the words right after a figure (see `_UNIT_AHEAD_RE`)."""
    return _UNIT_AHEAD_RE.match(text, figure.end) is not None


def _period_after(text: str, figure: Figure) -> str | None:
    """`period_of`, once a unit is known to stand ahead."""
    found = _PERIOD_RE.match(text, figure.end)
    if found is None:
        return None
    if found.group("unit"):
        return found.group("unit").lower()
    adverb = found.group("adverb")
    return _ADVERBS[adverb.lower()] if adverb else "year"


def other_period(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Brings in £2m a month" where every occurrence of the value is per year, or "losses of up to
    £105m a year" where the article allows them over three years: misattributed."""
    mine = _rate(around.text, around.siblings, around.sibling_starts, figure)
    if mine is None or not equal:
        return None
    theirs = []
    for same_value in equal:
        rate = _rate(index.text, index.figures, index.starts, same_value)
        if rate is None or _one_span(_days(rate), _days(mine)):
            return None
        theirs.append(rate)
    return Match(
        "misattributed", equal[0], f"the article gives this value {_told(theirs[0])}, not {_told(mine)}", "per-period"
    )


# How many of which unit of time, and whether per each one ("a month") or over them ("in six months").
Rate = tuple[float, str, bool]


def _rate(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> Rate | None:
    """How many of which unit of time a figure is told for: per period ("a month": one month) or
    over a span ("over three years", "in 14 days", "in its first month"), or None."""
    ahead = _unit_ahead(text, figure)  # (read once for the period and the span of one unit)
    period = _period_after(text, figure) if ahead else None
    if period is not None:
        return 1.0, period, True
    if figure.kind in SPAN_KINDS:
        return None
    span = (
        span_after(figures, starts, figure, text)
        or _over_span(figures, starts, figure, text)
        or _opening_span(figures, starts, figure, text)
    )
    if span is not None:
        return (span.value, span.unit, False) if span.value is not None and span.unit in _DAYS else None
    # "640,000 visitors in its first month", "during the last decade": a span of one unit, no number
    one = _ONE_UNIT_SPAN_RE.match(text, figure.end) if ahead else None
    return None if one is None else (1.0, one.group("unit").lower(), False)


def _over_span(figures: list[Figure], starts: list[int], figure: Figure, text: str) -> Figure | None:
    """ "£105m over three years", "£2m in rent over five years": the parser reads "over" as the
    span's bound, so the span holds it."""
    at = bisect.bisect_right(starts, figure.start)
    following = figures[at] if at < len(figures) else None
    if following is None or following.kind != "duration" or not following.text.lower().startswith("over "):
        return None
    return following if _WORDS_BEFORE_SPAN_RE.fullmatch(text, figure.end, following.start) else None


def _opening_span(figures: list[Figure], starts: list[int], figure: Figure, text: str) -> Figure | None:
    """A span that opens the figure's sentence, cut off by a comma: "Over six years, the club sold 420
    season tickets"; "In the last four months, the club sold 600 tickets". The first figure of the sentence,
    with none of its kind between it and the figure."""
    at = bisect.bisect_left(starts, figure.start) - 1
    # Back to the first figure of the sentence at most: a sentence's end between stops the walk.
    while at >= 0 and figures[at].kind != "duration":
        if _SENTENCE_END_RE.search(text, figures[at].end, figure.start):
            return None
        at -= 1
    if at < 0:
        return None
    span = figures[at]
    between = text[span.end : figure.start]
    if "," not in between or _SENTENCE_END_RE.search(between) or _POINT_IN_TIME_RE.match(between):
        return None  # "Ten years ago, ...": a point in time, no span
    return span if _SPAN_OPENS_RE.search(text, max(0, span.start - _OPENING_REACH), span.start) else None


# What may stand before a span that opens a sentence: nothing, "In", "During", "In the past".
_SPAN_OPENS_RE: Final = re.compile(
    r"(?:\A|[.!?]\s+)(?:(?:In|During|Within|For)\s+(?:the\s+)?(?:(?:past|last|first)\s+)?)?\Z"
)
_SENTENCE_END_RE: Final = re.compile(r"[.!?]\s")
_POINT_IN_TIME_RE: Final = re.compile(r"\s+(?:ago|later|earlier|before|after|on)\b", re.IGNORECASE)
_OPENING_REACH: Final = 30  # characters before a span read for what opens its sentence


def _days(rate: Rate) -> float:
    count, unit, _ = rate
    return count * _DAYS[unit]


def _told(rate: Rate) -> str:
    count, unit, per = rate
    if per:
        return f"per {unit}"
    return f"over {count:g} {unit}{'' if count == 1 else 's'}"


_WORDS_BEFORE_SPAN_RE: Final = re.compile(r"(?:\s+[a-z]+){0,2}?\s+", re.IGNORECASE)
_DAYS: Final = {**DURATION_DAYS, "quarter": 91.0}
_SAME_SPAN: Final = 0.085  # spans this close are one ("12 months" and "a year", "four weeks" and "a month")


def _one_span(days: float, other: float) -> bool:
    """Whether two spans are one, told in other units: within `_SAME_SPAN` of the longer ("nine
    days" is no "10 days", nor "nine years" a decade)."""
    return abs(days - other) <= _SAME_SPAN * max(days, other)


# Figures that are times or spans themselves: none is told over a span.
SPAN_KINDS: Final = frozenset({"duration", "year", "date", "decade", "age"})


# What may stand between a figure and the span it is told over: "gained 41% [over the past] 12 months",
# "drew 640,000 people [in its first] six months".
_SPAN_OWNERS = r"the|its|their|his|her"
_SPAN_PLACES = r"past|last|next|previous|coming|first"
_SPAN_LEAD_RE: Final = re.compile(
    rf"(?:\s+[a-z]+){{0,2}}?\s+(?:over|in|within|during|for)\s+(?:(?:{_SPAN_OWNERS})\s+)?(?:{_SPAN_PLACES})?\s*$",
    re.IGNORECASE,
)
# The same lead before one unit of time with no number: "in its first month", "during the last decade".
# Up to six words of the figure's own clause may stand between ("buyers have signed up for the
# scheme during the last quarter"); a conjunction starts another clause ("rose 8% as demand picked up in
# the last month").
_ONE_UNIT_SPAN_RE: Final = re.compile(
    r"(?:\s+(?!(?:and|or|but|as|while|when|after|before|because|since|though|although|until)\b)[a-z]+){0,6}?"
    rf"\s+(?:over|in|within|during)\s+(?:{_SPAN_OWNERS})\s+"
    rf"(?:{_SPAN_PLACES})\s+(?P<unit>week|month|quarter|year|decade)\b(?![\s-]+(?:old|long|high))",
    re.IGNORECASE,
)


def span_after(figures: list[Figure], starts: list[int], figure: Figure, text: str) -> Figure | None:
    """The duration a figure is told over, right after it: "41% over the past 12 months"."""
    at = bisect.bisect_right(starts, figure.start)
    if at + 1 < len(figures) and figures[at].kind == "ordinal":
        at += 1  # "in its first six months": the ordinal is part of the lead
    if at >= len(figures) or figures[at].kind != "duration":
        return None
    span = figures[at]
    return span if _SPAN_LEAD_RE.fullmatch(text, figure.end, span.start) else None
