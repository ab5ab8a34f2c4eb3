"""Figures about time: the earlier-event rule, years from the dateline, years counted from or apart, ages."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from summarizer.figures import Figure
from summarizer.figures.lexicon import MONTH_NAMES, MONTHS, WEEKDAYS

from .binding import BINDABLE_KINDS
from .compare import CALENDAR_KINDS, DURATION_DAYS, bound_of, rounds_to, same, values_equal
from .frames import PHASE_WORDS, TENSE_WORDS, Frame, may_hold, year_of
from .index import ArticleIndex
from .links import change_role, starts_a_change
from .periods import SPAN_KINDS, span_after
from .report import Match
from .words import Around, TextLayout, is_headline

_MONTHS: Final = "|".join(MONTH_NAMES)


# The start of a sentence about the past: "Last March, a landslide ...", "In 2011 nearly 90 were hurt";
# or a year that a "when" clause tells of ("than at the elections in 2021, when 31% voted").
_EARLIER_RE: Final = re.compile(
    rf"(?:^\W*|[,;]\s+|\band\s+)(?:last\s+(?:{_MONTHS}|spring|summer|autumn|winter)"
    rf"|in\s+(?:(?:{_MONTHS})\s+)?(?P<year>\d{{4}}))\b(?!['’]s)"
    rf"|(?P<last>\b(?:last|previous)\s+(?:[a-z-]+\s+){{0,6}}?)?\bin\s+(?:(?:{_MONTHS})\s+)?(?P<when>\d{{4}}),?\s+when\b",
    re.IGNORECASE,
)


# Words that say when (a month only where it is a time: "in June", "3 June", not "June Harrow").
# A month as a time ("at the end of September", "on 3 June", "last March"), not a name ("June
# Harrow") nor the verb ("this may rise"): "May" and "March" only with their capital.
_TIME_MONTHS: Final = "|".join(name for name in MONTH_NAMES if name not in {"may", "march"}) + "|(?-i:May|March)"
_A_MONTH: Final = (
    rf"(?:\b(?:in|of|on|by|during|until|since|last|this|next|early|late|mid)\s+|\b\d{{1,2}}\s+)(?:{_TIME_MONTHS})\b"
)
# Words that place a value in the past without a year ("once had 410 shops", "formerly").
_PAST_WORDS: Final = r"since|ago|earlier|previous|previously|before|once|formerly|used\s+to|at\s+its\s+peak"
# Words that say when.
_WHEN_RE: Final = re.compile(rf"{_A_MONTH}|\b(?:\d{{4}}|last|{_PAST_WORDS})\b", re.IGNORECASE)


_FUTURE_BEFORE_RE: Final = re.compile(r"\b(?:by|until|till|through|before)\s+(?:(?:the\s+)?end\s+of\s+)?$", re.I)


_FUTURE_WORDS_RE: Final = re.compile(r"\b(?:will|expected|due|plans?|planned|scheduled|forecast)\b", re.I)


def _latest_past_year(index: ArticleIndex) -> float | None:
    """The article's own year: its dateline's, else the latest year it gives that is not ahead ("by
    2026", "will finish in 2026")."""
    if index.dated:
        return _now(index)
    past = []
    for figure in index.figures:
        if figure.kind != "year" or figure.value is None:
            continue
        start, end = index.layout.sentence_of(figure.start)
        before = index.text[max(start, figure.start - 24) : figure.start]
        if not _FUTURE_BEFORE_RE.search(before) and not _FUTURE_WORDS_RE.search(index.text, start, end):
            past.append(figure.value)
    return max(past, default=None)


def from_earlier_event(figure: Figure, around: Around, index: ArticleIndex, match: Match) -> Match | None:
    """Misattributed when the article gives the value only in a sentence about an earlier event, and
    the summary says nothing of when ("injuring at least 15" from "Last March, a landslide in the
    same valley injured more than 15 walkers"), or places it in another year ("had 355 shops at the
    end of March" where the article's were "In 2024, before the merger")."""
    if figure.kind not in BINDABLE_KINDS or match.article is None or not index.years:
        return None
    chosen = match.article
    read = _occurrence_years(figure, chosen, index)
    if read is None:
        return None
    marked_years, occurrences, unmarked, before_now = read
    layout = around.layout
    start, end = layout.sentence_of(figure.start)
    if _WHEN_RE.search(layout.text, start, end):
        every_marked = len(marked_years) == occurrences
        clause = layout.text[slice(*layout.clause_of(figure.start))]
        return _moved_to_told_year(chosen, clause, index, marked_years) if every_marked else None
    # a value with only its own year, told with no time: the reader may mean that year; and one the
    # summary tells as a change's earlier end ("grew from 288,000 to 412,000") is placed in the past
    if unmarked or change_role(around.text, around.siblings, around.sibling_starts, figure) == "before":
        return None
    if marked_years:
        # scanning the article's years is left until a marker names one: most figures stop above
        latest = _latest_past_year(index)
        if not before_now and (latest is None or max(marked_years) >= latest):
            return None
    return Match("misattributed", chosen, "the article gives this value for an earlier event", "earlier-event")


_NOW_AGAIN_RE: Final = re.compile(
    r"\b(?:but|while|whereas|now|today|currently|this\s+(?:year|time|month|week|season))\b", re.IGNORECASE
)
_OWN_YEAR_AFTER_RE: Final = re.compile(
    rf"\s+(?:[a-z]+\s+){{0,2}}?in\s+(?:(?:{_MONTHS})\s+)?((?:19|20)\d\d)\b", re.IGNORECASE
)


def _occurrence_years(figure: Figure, chosen: Figure, index: ArticleIndex) -> tuple[list[int], int, bool, bool] | None:
    """The years of the article's occurrences of a value, how many it has, whether one has no
    earlier time before it in its sentence, and whether each is told of an event the article calls
    earlier ("at the last elections in 2023, when 29.8% voted"); None when one has neither such a
    time nor a year of its own, or there is none. Each is dated by the time nearest before it ("In
    2018 it had 52,000, and in 2021 just 9,000"), or by its own year right after it ("up from 35% in
    2019")."""
    marked_years = []
    occurrences = 0
    unmarked = False
    before_now = True
    # The article's occurrences are read first: reading them costs less than searching the
    # summary's sentence for a word of time.
    for _, other in index.candidates(figure):
        if other.value != chosen.value:
            continue
        occurrences += 1
        sentence_start, _ = index.layout.sentence_of(other.start)
        marker = None
        for marker in _EARLIER_RE.finditer(index.text[sentence_start : other.start]):  # noqa: B007 - the last
            pass
        after_marker = sentence_start + marker.end() if marker is not None else other.start
        if marker is not None and marker.group("when") and _NOW_AGAIN_RE.search(index.text, after_marker, other.start):
            # "in 2021, when Labour held it, turnout was 29.8%, but this year it reached 41%": the
            # "when" clause dates what it tells, not a value told after a turn back to now
            marker = None
        own_year = _OWN_YEAR_AFTER_RE.match(index.text, other.end)
        if marker is None and own_year is None:
            return None
        unmarked = unmarked or marker is None
        before_now = before_now and marker is not None and marker.group("last") is not None
        if own_year is not None:
            marked_years.append(int(own_year.group(1)))
        elif marker is not None and (year := marker.group("year") or marker.group("when")):
            marked_years.append(int(year))
    if not occurrences:
        return None  # the value matched in another form ("6.8m" for "6.8 metres"): none was read
    return marked_years, occurrences, unmarked, before_now


def _moved_to_told_year(chosen: Figure, clause: str, index: ArticleIndex, marked_years: list[int]) -> Match | None:
    """An earlier event's value moved to a year the summary names ("Last year 21.4% ...", "355 shops
    at the end of March" where the article's are of 2024)."""
    told = _years_told(clause, index)
    if not told or told & set(marked_years):
        return None
    note = f"the article gives this value for {', '.join(map(str, sorted(set(marked_years))))}"
    return Match("misattributed", chosen, note, "earlier-event")


def _years_told(sentence: str, index: ArticleIndex) -> set[int]:
    """The years a summary clause places its figures in, when it says so plainly: the years it
    names, "last year" and "this year" by the article's year, a month with no year in the article's
    year or the one before; empty when it says when only by other words ("since", "ago")."""
    years = {int(found) for found in _YEAR_RE.findall(sentence)}
    now = _now(index)
    if now is None:
        return years
    # (an undated article's year is its latest, which may be last year's to its reader)
    slack = {0} if index.dated else {0, 1}
    if _LAST_YEAR_RE.search(sentence):
        years |= {int(now) - 1 + step for step in slack}
    if _THIS_YEAR_RE.search(sentence):
        years |= {int(now) + step for step in slack}
    if not years and _ANY_MONTH_RE.search(sentence):
        years |= {int(now), int(now) - 1}
    return years if not _OTHER_WHEN_RE.search(sentence) else set()


_YEAR_RE: Final = re.compile(r"\b((?:19|20)\d\d)\b")
_THIS_YEAR_RE: Final = re.compile(r"\bthis\s+year\b", re.IGNORECASE)
_ANY_MONTH_RE: Final = re.compile(_A_MONTH, re.IGNORECASE)
_OTHER_WHEN_RE: Final = re.compile(rf"\b(?:{_PAST_WORDS})\b", re.IGNORECASE)


_NEXT_YEAR_RE: Final = re.compile(r"\bnext\s+year\b", re.IGNORECASE)


_LAST_YEAR_RE: Final = re.compile(r"\blast\s+year\b", re.IGNORECASE)


def _now(index: ArticleIndex) -> float | None:
    """The article's own year: its dateline's, else the latest year it gives."""
    if not index.years:
        return None
    return index.years[0] if index.dated else max(index.years)


def year_from_dateline(value: float, index: ArticleIndex) -> Match | None:
    """ "2013" from an article dated 2012 ("next year"), "2011" from one that says "last year".

    A dated article speaks of the coming year without always naming it ("the election", "the
    changes go live in March"), so the year after its date needs no cue in a dated article; an
    undated one must say "next year". The year before always needs "last year": a past event is
    told with its year.
    """
    now = _now(index)
    if now is None:
        return None
    if same(value, now + 1) and (index.dated or _NEXT_YEAR_RE.search(index.text)):
        return Match("derived", None, f"the year after the article's {int(now)}", "years-counted")
    if same(value, now - 1) and _LAST_YEAR_RE.search(index.text):
        return Match("derived", None, f"the year before the article's {int(now)}", "years-counted")
    return None


def month_from_dateline(figure: Figure, index: ArticleIndex) -> Match | None:
    """ "October 2022" from "in October last year" in an article of 2023, "June 2023" from "June this
    year", "May 2024" from "May next year": a month the article places by its own year."""
    if figure.kind != "date" or figure.value is None:
        return None
    year, rest = divmod(int(figure.value), 10_000)
    month, day = divmod(rest, 100)
    now = _now(index)
    if now is None or not month or day:
        return None
    # The article's own year, or the year of a day it names ("on Friday 9 June 2023"): an
    # undated article's latest year may be a plan's ("before the 2025-26 season").
    nows = {int(now)} | {int(day) // 10_000 for day in _days_named(index)}
    for found in _MONTH_OF_YEAR_RE.finditer(index.text):
        if _MONTH_NUMBERS[found.group(1).lower()] != month:
            continue
        shift = _SHIFTS[found.group(2).lower()]
        for base in sorted(nows):
            if year == base + shift:
                return Match("derived", None, f"'{found.group(0)}' in an article of {base}", "years-counted")
    return None


def _days_named(index: ArticleIndex) -> list[float]:
    """The values of the article's dates with a year, a month and a day (20231014)."""
    return [
        other.value
        for other in index.figures
        if other.kind == "date" and other.value is not None and other.value > 10_000 and int(other.value) % 100
    ]


# "October last year", "June this year", "May next year": a month placed by the article's own year.
_MONTH_OF_YEAR_RE: Final = re.compile(rf"\b({_MONTHS})\s+(last|this|next)\s+year\b", re.IGNORECASE)
_SHIFTS: Final = {"last": -1, "this": 0, "next": 1}


def years_counted_from(value: float, index: ArticleIndex) -> Iterator[Match]:
    """Every way a year is counted from another by a span the article gives in years.

    "Founded in 1961" from an article of 2021 that says "60 years on"; "built in 1702" from
    "rebuilt in 1710" and, in the next sentence, "eight years after the first hall". Counted from the
    article's own year, or from a year given in the same or a neighbouring sentence as the span. A
    span that says its way counts only that way: "N years later" and "over the next N years"
    forward, "N years earlier" and "over the past N years" back, "N years ago" back from the
    article's own year only; "later" and "earlier" from the last year told before the span (however
    far back) or a year of its own sentence. The caller takes the first count that binds: one span's
    count that does not is no reason to miss another's that does.
    """
    now = _now(index)
    if now is None:
        return
    spans = [
        other
        for other in index.figures
        if other.kind == "duration" and other.unit == "year" and other.value and bound_of(other.qualifier) == "exact"
    ]
    years = [other for other in index.figures if other.kind == "year" and other.value is not None] if spans else []
    # Years by sentence, and where each starts: each span finds its bases without a scan of all years.
    year_starts = [year.start for year in years]
    by_sentence: dict[int, list[Figure]] = {}
    for year in years:
        by_sentence.setdefault(index.sentence_number(year.start), []).append(year)
    for span in spans:
        assert span.value is not None
        if _AGO_RE.match(index.text, span.end):
            # "N years ago" counts back from the article's own time (not a year it looks ahead
            # to, "by 2028"), never from another year
            past = _latest_past_year(index)
            if past is not None and _counts(value - past, span.value, -1):
                yield Match("derived", span, f"{int(past)} and '{span.text}'", "years-counted", (span,))
            continue
        after = _SPAN_WAY_RE.match(index.text, span.end)
        way = _SPAN_WAYS[after.group(1).lower()] if after else 0
        told = way or _told_way(index.text, span)
        if not way and _counts(value - now, span.value, told):
            yield Match("derived", span, f"{int(now)} and '{span.text}'", "years-counted", (span,))
        sentence = index.sentence_number(span.start)
        if way:
            # What "later" refers back to: the last year told before the span, however far back,
            # or a year of its own sentence.
            last = bisect.bisect_left(year_starts, span.start) - 1
            bases = years[last : last + 1] if last >= 0 else []
            bases += by_sentence.get(sentence, [])
        else:
            bases = [year for near in (sentence - 1, sentence, sentence + 1) for year in by_sentence.get(near, [])]
        for year in bases:
            assert year.value is not None
            if _counts(value - year.value, span.value, told):
                yield Match("derived", span, f"'{year.text}' and '{span.text}'", "years-counted", (year, span))


_SPAN_WAY_RE: Final = re.compile(r"\s+(later|earlier)\b", re.IGNORECASE)
_AGO_RE: Final = re.compile(r"\s+ago\b", re.IGNORECASE)
_SPAN_WAYS: Final = {"later": 1, "earlier": -1}
# "over the next 20 years" looks forward from its year, "during the last six years" back.
_SPAN_TOLD_RE: Final = re.compile(r"\b(next|coming|past|last|previous)\s+$", re.IGNORECASE)
_SPAN_TOLD_WAYS: Final = {"next": 1, "coming": 1, "past": -1, "last": -1, "previous": -1}
_SPAN_LEAD: Final = 12  # characters before a span read for the way it looks


def _counts(gap: float, span: float, way: int) -> bool:
    """Whether years `gap` apart are `span` years the `way` the span looks (either way for 0)."""
    return same(gap, way * span) if way else same(abs(gap), span)


def _told_way(text: str, span: Figure) -> int:
    """+1 for a span told as looking forward ("the next 20 years"), -1 back ("the past ten years"), else 0."""
    told = _SPAN_TOLD_RE.search(text, max(0, span.start - _SPAN_LEAD), span.start)
    return _SPAN_TOLD_WAYS[told.group(1).lower()] if told else 0


def counted_from_own_year(figure: Figure, match: Match, around: Around, index: ArticleIndex) -> bool:
    """Whether a year counted from another (a base year and "N years later") is given to the event
    of the base year: "hacked the studio in 2016" where 2014 is the hack's year and 2016 the later
    raid's; "the dye works opened in 2014" where it opened in 2012 and the span's sentence tells of
    its staff doubling. The base year's sentence shares two of the summary's words, one of them
    its own, and the span's sentence adds none ("the bridge closed in 2019 ... It reopened N
    years later" keeps "the bridge reopened in 2022"). When one sentence holds both, their own
    stretches of it are compared instead: "chief executive since 2013" is not "became chief
    executive in 2021 after eight years as finance director"."""
    span = match.operands[-1] if match.operands else None
    if figure.value is None or span is None or span.value is None:
        return False
    mine = around.frame.words
    span_sentence = index.sentence_number(span.start)
    for base in index.figures:
        if base.kind == "year" and base.value is not None and same(abs(figure.value - base.value), span.value):
            if index.sentence_number(base.start) == span_sentence:
                # One sentence tells both: the words of each figure's own stretch tell the events
                # apart ("became chief executive in 2021 after eight years as finance director");
                # a span's stretch may take in the base's words, so only its own words count.
                bases, spans = index.frame(base).words, index.frame(span).words
                if len(bases & mine) >= _EVENT_WORDS and not (spans - bases) & mine:
                    return True
                continue
            bases, spans = _sentence_words(index, base), _sentence_words(index, span)
            if len(bases & mine) >= _EVENT_WORDS and (bases - spans) & mine and not (spans - bases) & mine:
                return True
    return False


def _years_apart(value: float, index: ArticleIndex, *, ago: bool = False) -> str | None:
    """The summary's number as a gap between two years the article gives ("2009" to "2012" is 3;
    `ago`: counted back from now, the article's own year, only)."""
    years = index.years
    if not 0 < value < 300 or len(years) < 2:
        return None
    # Only counted back from the article's date or the latest year it gives (usually "now"): any
    # two years in a long article differ by some small number, which would excuse any wrong count.
    # ("opened 48 years ago" is no gap to a year the article looks ahead to, "will close in 2030")
    now = _now(index) or max(years)
    for latest in {now} if ago else {max(years), now}:
        if any(same(latest - year, value) for year in years):
            return f"{int(latest)} - {int(latest - value)}"
    return None if ago else _since_last_year(value, index)


def _since_last_year(value: float, index: ArticleIndex) -> str | None:
    """The gap from last year to a year told in the same sentence as something done last year, in a
    dated article: "the ferry company made a loss last year, its first since 2008", dated January
    2031, makes "its first loss in 22 years" (2030 - 2008)."""
    now = _now(index) if index.dated else None
    if now is None:
        return None
    last = now - 1
    for figure in index.figures:
        if figure.kind != "year" or figure.value is None or not same(last - figure.value, value):
            continue  # (the gap first: most years are no start of it)
        start, end = index.layout.sentence_of(figure.start)
        if _LAST_YEAR_RE.search(index.text, start, end):
            return f"{int(last)} (last year) - {int(figure.value)}"
    return None


def counted_in_years(figure: Figure, index: ArticleIndex, text: str = "") -> Match | None:
    """A count, duration or age that is the gap between two years of the article (`text`: the
    summary's, read right after the figure)."""
    assert figure.value is not None
    if figure.kind == "age" and "year" not in figure.text.lower():
        # "aged 63", "at the age of 63": a person's age, counted only from a birth year. The age of
        # a thing ("a 90-year-old bridge") may run between any two years the article gives.
        return _age_from_birth(figure.value, index)
    if figure.kind not in {"count", "duration", "age"} or figure.qualifier is not None:
        return None
    if figure.kind != "count" and figure.unit != "year":
        return None  # the gap between two years counts years: 17 years, never 17 months
    ago = _AGO_RE.match(text, figure.end) is not None
    note = _years_apart(figure.value, index, ago=ago)
    if note is None and not ago:
        # (not "opened 32 years ago": a span back from now, never between two years of the past)
        note = _years_apart_nearby(figure.value, index)
    return Match("derived", None, note, "years-counted") if note else None


def months_apart(figure: Figure, index: ArticleIndex, text: str) -> Match | None:
    """A span in months that is the gap between two months of one article sentence, told as how late
    or early (`text`: the summary's): "nine months late" from "due in May 2026, now expected in
    February 2027". A span of something else ("a nine-month trial") is no gap between two dates."""
    if figure.kind != "duration" or figure.unit != "month" or figure.qualifier is not None or not figure.value:
        return None
    if not (
        _GAP_AFTER_RE.match(text, figure.end) or _GAP_BEFORE_RE.search(text, max(0, figure.start - 24), figure.start)
    ):
        return None
    months: dict[int, list[tuple[Figure, int]]] = {}
    for other in index.figures:
        # a date of a month: year, month and no day (20260500)
        if other.kind == "date" and other.value and other.value >= _DATED and not other.value % 100:
            months.setdefault(index.sentence_number(other.start), []).append((other, _month_number(other.value)))
    for dated in months.values():
        for (first, one), (second, other_month) in itertools.combinations(dated, 2):
            if abs(one - other_month) == figure.value:
                return Match("derived", first, f"{first.text} to {second.text}", "years-counted")
    return None


def _month_number(value: float) -> int:
    """A date's months since year 0 (20260500: 2026 * 12 + 5)."""
    return int(value // 10_000) * _MONTHS_IN_A_YEAR + int(value // 100 % 100)


# How a gap between two dates is told: "nine months late", "a delay of nine months", "put back by nine months".
_GAP_AFTER_RE: Final = re.compile(r"\s+(?:late|later|earlier|early|behind|ahead|sooner)\b")
_GAP_BEFORE_RE: Final = re.compile(r"\b(?:delay(?:ed)?|back|forward)\s+(?:of\s+|by\s+)?$", re.IGNORECASE)
_DATED: Final = 10_000  # a date's value holds its year from here on (YYYYMMDD)


# "born in 1987", "(1950-2024)", "(b. 1950)"
_BORN_RE: Final = re.compile(r"(?:\b(?:born|birth)\b[^.;]{0,24}|\(\s*(?:b\.\s*)?)$", re.IGNORECASE)


def _age_from_birth(value: float, index: ArticleIndex) -> Match | None:
    """An age counted from a year of birth the article gives ("born in 1987") to its latest year.

    Only from a birth: any two years of an article ("a merger in 1983", "a strike in 2019") differ by
    some plausible age.
    """
    if not index.years:
        return None
    for figure in index.figures:
        if figure.value is None or not _BORN_RE.search(index.text[max(0, figure.start - 40) : figure.start]):
            continue
        born = figure.value if figure.kind == "year" else figure.value // 10_000 if figure.kind == "date" else None
        if not born:
            continue
        for latest in {max(index.years), _now(index) or max(index.years)}:
            if same(latest - born, value) or same(latest - born - 1, value):
                return Match("derived", figure, f"born {int(born)}, {int(latest)} - {int(born)}", "years-counted")
    return None


_MIN_NEARBY_GAP: Final = 4


def _years_apart_nearby(value: float, index: ArticleIndex) -> str | None:
    """The number as the gap between two years given in one sentence or two neighbouring ones."""
    if not 0 < value < 300:
        return None
    dated = []
    for figure in index.figures:
        if figure.kind == "year" and figure.value is not None:
            dated.append((index.sentence_number(figure.start), figure.value))
        elif figure.kind == "date" and figure.value and figure.value >= 10_000:
            dated.append((index.sentence_number(figure.start), figure.value // 10_000))
    # Gaps of a year or three between years of one passage are everywhere ("2013-14 season", "from
    # 2015 to 2017"): only longer ones count.
    if value < _MIN_NEARBY_GAP:
        return None
    # The years of each sentence, compared with those of the same and the next sentence: linear in
    # the article, however many years it gives.
    by_sentence: dict[int, set[float]] = {}
    for sentence, year in dated:
        by_sentence.setdefault(sentence, set()).add(year)
    for sentence, years in by_sentence.items():
        near = years | by_sentence.get(sentence + 1, set())
        for year in years:
            for other in (year + value, year - value):
                if any(same(other, candidate) for candidate in near):
                    return f"{int(max(year, other))} - {int(min(year, other))}"
    return None


# --- a value moved in time: another year, the past for the future, a start for an end ---------------------


def other_year(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "In 2019, 60% of requests came from abroad" where the article gives 60% for 2021: no
    occurrence of the value names the summary's year, some other figure of the kind does, and
    either every occurrence names another year, or that figure says what the summary says."""
    mine = around.frame
    if not equal or not mine.years:
        return None
    theirs = [index.frame(same_figure) for same_figure in equal]
    clash = any(f.years & mine.years for f in theirs)
    moved = None if clash else _moved_to_partner_year(around, index, equal, theirs)
    if clash or moved is not None or _partner_told_for(mine.years, index, equal, theirs):
        return moved
    # A generator: the first rival dated with the summary's year is enough for the common case.
    dated = (
        other
        for _, other in index.candidates(figure)
        if other.kind == figure.kind and not values_equal(figure, other) and index.frame(other).years & mine.years
    )
    if all(f.years for f in theirs):
        if next(dated, None) is None:
            return None
        given = ", ".join(str(year) for year in sorted(theirs[0].years))
        return Match("misattributed", equal[0], f"the article gives this value for {given}", "time-year")
    told = _told_by_month(index, equal, theirs)
    if told is not None and not told & mine.years and _dated_before(around, figure, mine.years):
        note = "the article gives this value for " + ", ".join(str(year) for year in sorted(told))
    elif _rival_for_the_year(figure, around, index, equal, dated) is not None:
        note = "the article gives another value for " + ", ".join(str(y) for y in sorted(mine.years))
    else:
        return None
    return Match("misattributed", equal[0], note, "time-year")


def _moved_to_partner_year(
    around: Around, index: ArticleIndex, equal: list[Figure], theirs: list[Frame]
) -> Match | None:
    """Misattributed when the summary opens by placing the value in the year the article gives only
    the figure it is compared with (`_year_of_partner`, `_placed_in`)."""
    partner_year = _year_of_partner(around.frame.years, index, equal, theirs)
    if partner_year is None or not _placed_in(around, *partner_year):
        return None
    year, partner = partner_year
    return Match("misattributed", equal[0], f"the article gives {year} for '{partner.text}'", "time-year")


def _year_of_partner(
    years: frozenset[int], index: ArticleIndex, equal: list[Figure], theirs: list[Frame]
) -> tuple[int, Figure] | None:
    """The summary's year and the figure it dates, when every occurrence of the value has no year of
    its own and is compared with a figure that year stands right after: "£3.2m, against £2.7m in
    2021" gives 2021 to the £2.7m only, so "in 2021 the shops took £3.2m" moves the £3.2m there."""
    found = None
    for occurrence, frame in zip(equal, theirs, strict=True):
        partner = index.partner(occurrence) if not frame.years else None
        if partner is None or partner.start < occurrence.start:
            return None
        year = _year_after(index, partner)
        if year is None or year not in years:
            return None
        found = year, partner
    return found


def _year_after(index: ArticleIndex, figure: Figure) -> int | None:
    """The year told right after an article figure, which dates it alone: "£2.7m in 2021"; in a
    dated article also "64.9% four years ago" and "£2.7m a year ago" (not "a year earlier" nor
    "last year": results published in February give last year's figures against the year before)."""
    at = bisect.bisect_right(index.starts, figure.start)
    after = index.figures[at] if at < len(index.figures) else None
    if after is not None and after.kind == "year" and after.value:
        dated = dated_figure(index.figures, index.starts, after, index.text) is figure
        return int(after.value) if dated else None
    dateline = _now(index) if index.dated else None
    if dateline is None:
        return None
    now = int(dateline)
    if (
        after is not None
        and after.kind == "duration"
        and after.unit == "year"
        and after.value
        and index.text[figure.end : after.start].isspace()
        and _AGO_RE.match(index.text, after.end)
    ):
        return now - int(after.value)  # "64.9% four years ago"
    return now - 1 if _YEAR_BEFORE_RE.match(index.text, figure.end) else None


# Counted back from the dateline: "ago" only (`_AGO_RE`; "four years earlier" may count from the event told).
_YEAR_BEFORE_RE: Final = re.compile(r"\s+a\s+year\s+ago\b", re.IGNORECASE)


def _placed_in(around: Around, year: int, partner: Figure) -> bool:
    """Whether the summary's sentence opens by placing itself in `year` ("In 2021 the shops took
    £3.2m"), and does not give the compared figure too ("In 2021 they took £2.7m, and now £3.2m").
    A year elsewhere may start a change ("since 2021") or date another verb ("opened in 2021")."""
    if any(values_equal(partner, other) for other in around.siblings):
        return False
    start, _ = around.layout.sentence_of(around.figure.start)
    opening = _OPENING_YEAR_RE.match(around.text, start)
    return opening is not None and int(opening.group(1)) == year


_OPENING_YEAR_RE: Final = re.compile(r"\W*(?:In|During)\s+(?:the\s+)?(?:year\s+)?(\d{4})\b(?!['’]s)")


def _partner_told_for(years: frozenset[int], index: ArticleIndex, equal: list[Figure], theirs: list[Frame]) -> bool:
    """Whether an occurrence with no year of its own ends a change told for one of `years`: "cut its
    forecast for growth in 2026 to 0.9% from 1.2%" gives the 1.2% for 2026 too (not "60% in 2021,
    up from 35% in 2019")."""
    partners = [index.partner(same) for same, frame in zip(equal, theirs, strict=True) if not frame.years]
    return any(bool(index.frame(partner).years & years) for partner in partners if partner is not None)


@dataclass(frozen=True)
class _Calendar:
    """How a value is placed in one kind of named time: months ("2.9% in October") or days of the
    week ("10% on Friday"). `names` finds any of its names; `placed`, one after a word that places
    a value in it; `leading`, one that opens a sentence and places the clause after it."""

    rule: str
    names: re.Pattern[str]
    placed: re.Pattern[str]
    leading: re.Pattern[str]


def other_month(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Inflation fell to 2.9% in November" where the article's 2.9% is October's: the summary
    tells the value for a month, and every occurrence is told for other months only."""
    return _other_named_time(figure, around, index, equal, _MONTHS_CALENDAR)


def other_day(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "By Sunday the fire was 10% contained" where the article's 10% is Friday's ("35% contained as
    of Sunday, up from 10% on Friday"): the same as `other_month`, for days of the week."""
    return _other_named_time(figure, around, index, equal, _DAYS_CALENDAR)


def _other_named_time(
    figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure], calendar: _Calendar
) -> Match | None:
    if figure.kind in CALENDAR_KINDS or not equal:
        return None
    if figure.kind == "duration" and _THRESHOLD_BEFORE_RE.search(around.text, max(0, figure.start - 24), figure.start):
        return None  # "seen within four hours": a span that defines a measure is told for no month
    mine = _placed_in_named(
        around.text, around.layout, around.siblings, around.sibling_starts, figure, calendar=calendar
    )
    if not mine:
        return None
    told: set[str] = set()
    # A headline repeats a figure of the body without its month.
    body = [same_value for same_value in equal if not is_headline(index.sentence_text(same_value))]
    for same_value in body or equal:
        theirs = _placed_in_named(index.text, index.layout, index.figures, index.starts, same_value, calendar=calendar)
        if not theirs or theirs & mine:
            return None
        told |= theirs
    return Match(
        "misattributed", equal[0], "the article gives this value for " + ", ".join(sorted(told)), calendar.rule
    )


_THRESHOLD_BEFORE_RE: Final = re.compile(
    r"\b(?:within|in\s+under|under|less\s+than|more\s+than|longer\s+than|over)\s+$", re.IGNORECASE
)


def _placed_in_named(
    text: str, layout: TextLayout, figures: list[Figure], starts: list[int], figure: Figure, *, calendar: _Calendar
) -> frozenset[str]:
    """The months (or days) a figure is told for: those placed right after it, before the next
    figure of its clause ("fell to 2.9% in October from 3.4% in September": October is the 2.9%'s),
    or else those of an opening clause with no figure of its own ("In the year to June, revenue grew
    12%"), unless the figure is where a change started ("In May, it fell to 2.1% from 2.4%": not the
    2.4%'s)."""
    sentence_start, _ = layout.sentence_of(figure.start)
    _, end = layout.clause_of(figure.start)
    # Most sentences name no month (or day): one search for the names alone costs a tenth of the pattern's.
    if calendar.names.search(text, sentence_start, end) is None:
        return frozenset()
    at = bisect.bisect_right(starts, figure.start)
    # (a span after the figure qualifies it: "71.2% of patients within two hours in June")
    while at < len(figures) and figures[at].kind == "duration" and figures[at].start < end:
        at += 1
    stop = min(end, figures[at].start) if at < len(figures) else end
    names = frozenset(match.group(1) for match in calendar.placed.finditer(text, figure.end, stop))
    if names or starts_a_change(text, figure):
        return names
    opening_end = layout.clause_of(sentence_start)[1]
    if opening_end > figure.start:
        # The figure's own clause opens the sentence: only a month (or day) that opens it places the
        # whole clause ("In July the ferry ran late on 22 days"), and only as the sentence's one
        # ("In December the ward had 40 beds, as it had in November" tells both).
        leading = calendar.leading.match(text, sentence_start)
        if leading is None or calendar.names.search(text, leading.end(), layout.sentence_of(figure.start)[1]):
            return frozenset()
        return frozenset([leading.group(1)])
    figures_in_opening = bisect.bisect_left(starts, opening_end) - bisect.bisect_left(starts, sentence_start)
    if figures_in_opening:
        return frozenset()  # the opening has figures of its own
    return frozenset(match.group(1) for match in calendar.placed.finditer(text, sentence_start, opening_end))


# A month after a word that places a value in time; not a start or end ("since", "from", "until").
# The month capitalised, so "may" the verb is none.
_MONTH_NAMES: Final = "|".join(name.capitalize() for name in _MONTHS.split("|"))
_MONTHS_CALENDAR: Final = _Calendar(
    "time-month",
    re.compile(_MONTH_NAMES),
    re.compile(r"\b(?i:in|to|of|by|through|last|this|next|early|late|mid|during|end)\s+(" + _MONTH_NAMES + r")\b"),
    # "In August the average was ...": a month (without a year) opening a sentence.
    re.compile(r"\s*(?:In|During)\s+(" + _MONTH_NAMES + r")\b(?!\s*,?\s*\d)"),
)
# A day of the week: "10% on Friday", "as of Sunday"; "By Wednesday, the toll had reached ...".
_DAY_NAMES: Final = "|".join(day.capitalize() for day in WEEKDAYS)
_DAYS_CALENDAR: Final = _Calendar(
    "time-day",
    re.compile(_DAY_NAMES),
    re.compile(r"\b(?i:on|by|as\s+of|last|this|next|late\s+on|early\s+on)\s+(" + _DAY_NAMES + r")\b"),
    re.compile(r"\s*(?:On|By|As\s+of|Late\s+on|Early\s+on)\s+(" + _DAY_NAMES + r")\b"),
)


# "in January", "last March", "this May": a month told without its year.
_MONTH_RE: Final = re.compile(rf"\b(?:in|last|this|since|until|by)\s+({_MONTHS})\b(?!\s*,?\s*\d{{4}})", re.IGNORECASE)
_MONTH_NUMBERS: Final = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}


def _told_by_month(index: ArticleIndex, equal: list[Figure], theirs: list[Frame]) -> frozenset[int] | None:
    """The years a dated article's occurrences told without a year mean by the month their sentence
    names ("in January" in an article of 14 March 2026 is 2026; "in November", 2025), or None when
    one of them names no month (or the article has no dateline)."""
    if not index.dated or index.figures[0].value is None:
        return None
    dateline = int(index.figures[0].value)
    now_year, now_month = dateline // 10_000, dateline // 100 % 100
    years: set[int] = set()
    for occurrence, frame in zip(equal, theirs, strict=True):
        if frame.years:
            years |= frame.years
            continue
        month = _MONTH_RE.search(index.sentence_text(occurrence))
        if month is None:
            return None
        number = _MONTH_NUMBERS[month.group(1).lower()]
        years.add(now_year if number <= now_month else now_year - 1)
    return frozenset(years)


def _rival_for_the_year(
    figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure], dated: Iterator[Figure]
) -> Figure | None:
    """The figure the article gives for the summary's year, when an occurrence of the value told
    without a year loses to it: "since 1987, when 23 people died" where the article's 1987 toll is
    31 and its 23 died this week. The rival must say what the summary says (two words); the summary
    must date the figure with a year told before it ("In 1987, 23 died"; not "since 2018", nor a
    year after it); and an occurrence in the sentence right after the rival takes its year ("In 2023
    the deficit was forecast at £12m. The final deficit came in at £9m")."""
    mine = around.frame
    if not _dated_before(around, figure, mine.years):
        return None
    follows = {index.sentence_number(same.start) - 1 for same in equal}
    for other in dated:
        if len(index.frame(other).words & mine.words) >= _EVENT_WORDS:
            return None if index.sentence_number(other.start) in follows else other
    return None


# "since 2018", "unlike 2018", "than in 2018": a year a summary compares with, not one it dates a figure by.
_NOT_DATING_RE: Final = re.compile(r"\b(?:since|unlike|than|before|until|compared\s+with)\s+(?:in\s+)?$", re.IGNORECASE)
_WHEN_AFTER_RE: Final = re.compile(r",?\s+when\b", re.IGNORECASE)  # "since 1987, when 31 died" dates again
_DATING_LEAD: Final = 40  # characters before a year read for a word that compares


def _dated_before(around: Around, figure: Figure, years: frozenset[int]) -> bool:
    """Whether one of `years` stands before the figure in its sentence and dates it."""
    sentence_start, _ = around.layout.sentence_of(figure.start)
    starts, siblings, text = around.sibling_starts, around.siblings, around.text
    for sibling in siblings[bisect.bisect_left(starts, sentence_start) : bisect.bisect_left(starts, figure.start)]:
        if year_of(sibling) not in years:
            continue
        compared = _NOT_DATING_RE.search(text, max(0, sibling.start - _DATING_LEAD), sibling.start)
        if not compared or _WHEN_AFTER_RE.match(text, sibling.end):
            return True
    return False


def year_of_other_event(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "The bridge opened in 2014" where the article's 2014 is about something else and it gives the
    opening another year: no occurrence of the year shares a word with the summary's words around
    it (each read in its own stretch: "in 2011 a judge ruled" tells of a ruling, though its
    sentence also tells of the museum), while another year of the article shares at least two (the
    event, its verb)."""
    # A month and year the article gives only as a bare year is read as that year: "since March
    # 2014" where the article's 2014 is a flotation and the summary's event has "March 2023".
    month_year = figure.kind == "date" and all(same_year.kind == "year" for same_year in equal)
    if (figure.kind != "year" and not month_year) or not equal:
        return None
    if _THAN_IN_RE.search(around.text, max(0, figure.start - _THAN_IN_REACH), figure.start):
        return None  # "41 more than in 2023": the year of the value compared with, not of the event
    # The dateline is when the article was written; it dates only the events told without a year.
    events = [same_year for same_year in equal if not (index.dated and same_year is index.figures[0])]
    if any(_tells_of(index, same, around.frame.words) for same in events):
        return None
    return event_year_elsewhere(figure, around, index) if events else dated_elsewhere(figure, around, index)


_THAN_IN_RE: Final = re.compile(r"\b(?:than|compared\s+(?:with|to)|against)\s+(?:in\s+)?$", re.IGNORECASE)
_THAN_IN_REACH: Final = 24


def _tells_of(index: ArticleIndex, year: Figure, words: frozenset[str]) -> bool:
    """Whether an article year's frame shares a word with the summary's event. A name says who, not
    what happened ("Dorran had convictions in 2008" tells no ban of Dorran's), unless names are all
    the year's clause tells ("..., and from 2004 by Piet Holm": the event is the clause before's)."""
    theirs = index.frame(year).words
    # ... and the words of the figure it dates ("the 2.6 million it served in 2023" tells of passengers)
    dated = dated_figure(index.figures, index.starts, year, index.text)
    if dated is not None:
        theirs |= index.frame(dated).words
    shared = theirs & words
    if not shared:
        return False
    names = _names_around(index, year)
    return bool(shared - names) or not theirs - names


def dated_elsewhere(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """`event_year_elsewhere` for a year that is the dateline's (or one from it): unless a sentence
    that gives no year of its own tells the summary's event as well, when the dateline dates it
    ("The terminal opened on Friday", "A second terminal will open next year")."""
    found = event_year_elsewhere(figure, around, index)
    if found is None or found.article is None:
        return found
    mine = around.frame.words
    shared = len(index.frame(found.article).words & mine)
    dated = {index.sentence_number(other.start) for other in index.figures[1:] if other.kind in CALENDAR_KINDS}
    for number, (start, end) in enumerate(index.layout.sentences):
        if number not in dated and len(index.layout.readings.stems(index.text[start:end]) & mine) >= shared:
            return None
    return found


_EVENT_KINDS: Final = {"year": ("year",), "date": ("year", "date")}  # what may date the summary's event


def event_year_elsewhere(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """Another year of the article whose sentence tells the summary's event: it shares at least two
    words with the summary's, names aside."""
    mine = around.frame.words
    if len(mine) < _EVENT_WORDS:
        return None
    dates = dated_figure(around.siblings, around.sibling_starts, figure, around.text)
    # A year after the dateline's is a plan's or a forecast's: no year of an event already told
    # ("handled more cargo in 2024" is no target "to handle 3 million tonnes by 2032").
    now = year_of(index.figures[0]) if index.dated else None
    ahead = now is None or (year_of(figure) or 0) > now
    for _, other in index.candidates(figure):
        another_year = other.kind in _EVENT_KINDS.get(figure.kind, ()) and not values_equal(figure, other)
        if another_year and not ahead and (year_of(other) or 0) > (now or 0):
            continue
        shared = index.frame(other).words & mine if another_year else frozenset()
        # A name says who, not what happened: "Wilson took charge in 2016. He was sacked in 2019"
        # shares "Wilson" with any summary of the sacking.
        if len(shared) >= _EVENT_WORDS and len(shared - _names_around(index, other)) >= _EVENT_WORDS:
            theirs = dated_figure(index.figures, index.starts, other, index.text)
            if dates is not None and theirs is not None and not values_equal(dates, theirs):
                continue  # "48m tonnes, against 45m tonnes in 2024": 2024 dates the 45m, not the 48m
            return Match("misattributed", other, f"the article gives '{other.text}' for this", "year-event")
    return None


# "45 million tonnes in 2024", "a profit of $412m for 2025": a year right after a figure dates it.
_DATES_RE: Final = re.compile(r"(?:\s+[A-Za-z]+){0,3}?\s+(?:in|for|during)\s+(?:the\s+year\s+)?", re.IGNORECASE)


def dated_figure(figures: list[Figure], starts: list[int], year: Figure, text: str) -> Figure | None:
    """The figure a year dates by standing right after it ("45 million tonnes in 2024"), or None."""
    at = bisect.bisect_left(starts, year.start) - 1
    if at < 0 or figures[at].kind in CALENDAR_KINDS or figures[at].value is None:
        return None
    dated = figures[at]
    return dated if _DATES_RE.fullmatch(text, dated.end, year.start) else None


def year_of_other_figure(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Carried 48 million tonnes in 2024" where the article's 2024 dates its 45 million tonnes
    ("carried 48 million tonnes, against 45 million tonnes in 2024"): the year the summary gives a
    figure is, wherever the article gives that year, the date of another value of the same kind."""
    if figure.kind != "year" or not equal:
        return None
    mine = dated_figure(around.siblings, around.sibling_starts, figure, around.text)
    # Only a value the article gives, moved to another's year: a derived or rounded one may be the year's own.
    if mine is None or not index.equal(mine):
        return None
    for same_year in equal:
        theirs = dated_figure(index.figures, index.starts, same_year, index.text)
        if theirs is None or theirs.kind != mine.kind or values_equal(mine, theirs) or rounds_to(mine, theirs):
            return None
    dated = dated_figure(index.figures, index.starts, equal[0], index.text)
    assert dated is not None
    return Match("misattributed", equal[0], f"the article gives '{equal[0].text}' for '{dated.text}'", "year-event")


def _names_around(index: ArticleIndex, figure: Figure) -> frozenset[str]:
    """Stems of the names in a figure's sentence (see `ArticleIndex.names_in`)."""
    start, end = index.layout.sentence_of(figure.start)
    return index.names_in(index.text, start, end)


_EVENT_WORDS: Final = 2  # words a year's sentence must share with the summary's to be about its event


def _sentence_words(index: ArticleIndex, figure: Figure) -> frozenset[str]:
    """Content stems of the sentence a figure stands in: an aside ("deaths, now 1 million a year, by
    2010") cuts a year's own stretch but not its sentence."""
    return index.sentence_stems(index.position(figure))


def other_tense(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Over the next decade" where every occurrence of the value is "over the past decade"; or a value
    told with no time at all where the article gives it only as an earlier one (see `_then_as_now`)."""
    mine = around.frame.tense
    if mine is None:
        return _then_as_now(figure, around, index, equal)
    # Every occurrence must have a tense: one whose sentence holds no word of one has none, and then
    # no frame of the article need be read.
    theirs: list[str | None] = (
        [index.frame(f).tense for f in equal] if mine and _may_tell(index, equal, TENSE_WORDS) else []
    )
    opposite = _opposite(mine, theirs)
    if opposite is None:
        return None
    return Match("misattributed", equal[0], f"the article gives this value for the {opposite}", "time-tense")


# An earlier time a sentence tells its value for: "a year earlier", "the previous record", "two years
# ago" (not "last year": a report's own year).
_THEN_RE: Final = re.compile(
    r"\b(?:(?:a|one|the)\s+(?:year|month|week|season|decade)\s+(?:earlier|before)"
    r"|previous|ago)\b",
    re.IGNORECASE,
)
# ... leading the value's sentence, before the value ("A year earlier, the fund had returned 2.2%"),
# not what a change is told against ("up 9% on a year earlier").
_THEN_LEADS_RE: Final = re.compile(rf"\W*(?:[A-Za-z]+\s+){{0,2}}{_THEN_RE.pattern}", re.IGNORECASE)
# Words with which a summary places a value in the past itself.
_TOLD_THEN_RE: Final = re.compile(
    r"\b(?:\d{4}|last|earlier|ago|previous|previously|before|once|formerly|former|old|record)\b", re.IGNORECASE
)


def _then_as_now(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """A value the summary tells with no time and as no end of a change ("the fund returned 2.2%"),
    where every occurrence in the article is the only figure of its kind in a sentence that opens with
    an earlier time ("A year earlier, the fund had returned 2.2%"): last year's value as this year's."""
    if not equal or figure.kind in CALENDAR_KINDS:
        return None
    for told in equal:
        start, end = index.layout.sentence_of(told.start)
        if not _THEN_LEADS_RE.match(index.text, start, told.start) or change_role(
            index.text, index.figures, index.starts, told
        ):
            return None
        if any(other.kind == told.kind and other is not told for other in index.figures if start <= other.start < end):
            return None
    summary = around.text[slice(*around.layout.sentence_of(figure.start))]
    if _TOLD_THEN_RE.search(summary) or change_role(around.text, around.siblings, around.sibling_starts, figure):
        return None
    return Match("misattributed", equal[0], "the article gives this value for an earlier time", "time-tense")


def other_phase(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Finished in 2018" where every occurrence of the value is a start ("began in 2018")."""
    mine = around.frame.phase
    theirs: list[str | None] = (
        [index.frame(f).phase for f in equal] if mine and _may_tell(index, equal, PHASE_WORDS) else []
    )
    opposite = _opposite(mine, theirs)
    if opposite is None:
        return None
    return Match("misattributed", equal[0], f"the article gives this for the {opposite}", "time-phase")


def _may_tell(index: ArticleIndex, equal: list[Figure], words: frozenset[str]) -> bool:
    """Whether the first occurrence's frame may have a tense or phase (see `frames.may_hold`)."""
    return bool(equal) and may_hold(index.sentence_text(equal[0]), words)


def other_span(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Gained 7.5% over the past 12 months" where the article's 7.5% is a day's rise and another
    figure of the same kind, 41%, is the one it gives over the past 12 months: the span a figure is
    told over is part of what it measures. No occurrence of the value may be told over that span,
    and a rival must be."""
    if figure.kind in SPAN_KINDS or not equal:
        return None
    siblings = around.siblings
    span = span_after(siblings, around.sibling_starts, figure, around.text)
    if span is None:
        return None
    # (the other end of a change is told over its end's span: "71.2% within two hours, down from 74.6%")
    if any(_told_over(index, same, span) or _told_over(index, index.partner(same), span) for same in equal):
        return None
    # In or next to a sentence of the value: a set, so a value the article repeats costs no more.
    near = {index.sentence_number(same.start) + step for same in equal for step in (-1, 0, 1)}
    for _, other in index.candidates(figure):
        if other.kind != figure.kind or values_equal(figure, other):
            continue
        if index.sentence_number(other.start) in near and _told_over(index, other, span):
            return Match("misattributed", equal[0], f"the article gives '{other.text}' over {span.text}", "time-span")
    return None


def _told_over(index: ArticleIndex, figure: Figure | None, span: Figure) -> bool:
    if figure is None:
        return False
    told = span_after(index.figures, index.starts, figure, index.text)
    if told is None or told.value is None or span.value is None:
        return False
    if told.unit == span.unit:
        return told.value == span.value
    # "14 days" is "two weeks": spans in other units compared in days
    days, theirs = DURATION_DAYS.get(span.unit or ""), DURATION_DAYS.get(told.unit or "")
    return days is not None and theirs is not None and same(span.value * days, told.value * theirs)


def _opposite(mine: str | None, theirs: list[str | None]) -> str | None:
    """The article's reading when every occurrence of the value has one, and it is not the summary's."""
    if mine is None or not theirs or not all(reading and reading != mine for reading in theirs):
        return None
    return theirs[0]


# --- time counted to the article's date -----------------------------------------------------------------

_COUNTED_IN: Final = {"day": 1.0, "week": 7.0, "month": 365.25 / 12}
_AHEAD_DAYS: Final = 182  # a date without a year further ahead of the dateline than this is last year's


def time_to_dateline(figure: Figure, index: ArticleIndex) -> Match | None:
    """Days, weeks or months from a date the article gives to its dateline: "found after 3 weeks" in an
    article dated 30 March that says the ship ran aground on 9 March (21 days, three weeks to the week).

    Only in a dated article, from a date with a day; a date without a year is in the dateline's year
    (the year before, when it would fall more than half a year after the dateline; a date a little
    ahead is a coming event, not a start). Weeks and months are rounded to the
    nearest; days must be exact, or one more (counting both ends).
    """
    unit = _COUNTED_IN.get(figure.unit or "")
    if figure.kind != "duration" or unit is None or not figure.value or not index.dated:
        return None
    now = _day_of(index.figures[0].value or 0)
    if now is None:
        return None
    for other in index.figures[1:]:
        if other.kind != "date" or other.value is None:
            continue
        value = other.value if other.value >= 10_000 else (now.year * 10_000 + other.value)
        then = _day_of(value)
        if then is not None and other.value < 10_000 and (then - now).days > _AHEAD_DAYS:
            then = _day_of(value - 10_000)  # "on 20 December" in an article of 5 January: last year's
        if then is None or then > now:
            continue  # a date ahead of the article ("will vote on 28 November") is not time gone by
        days = (now - then).days
        counted = days / unit
        exact = figure.value in {days, days + 1} if figure.unit == "day" else round(counted) == figure.value
        if days and exact:
            note = f"'{other.text}' to the article's date: {days} days"
            return Match("derived", other, note, "years-counted", (other,))
    return _months_to_coming(figure.value, now.month, index) if figure.unit == "month" else None


def _months_to_coming(value: float, month: int, index: ArticleIndex) -> Match | None:
    """Months from the article's date to a coming month it says something lasts until: "the bridge
    stays closed until March" in an article of July is eight months (a month alone is no figure, so
    it is read here)."""
    for found in _UNTIL_MONTH_RE.finditer(index.text):
        months = (MONTHS[found.group(1).lower()] - month) % _MONTHS_IN_A_YEAR or _MONTHS_IN_A_YEAR
        if same(months, value):
            return Match("derived", None, f"the article's date to {found.group(1)}: {months} months", "years-counted")
    return None


_UNTIL_MONTH_RE: Final = re.compile(rf"\b(?:until|till|through)\s+(?:next\s+)?({_MONTHS})\b(?!\s+\d)", re.IGNORECASE)
_MONTHS_IN_A_YEAR: Final = 12


def _day_of(value: float) -> datetime.date | None:
    """A YYYYMMDD figure value as a date (None for a month alone, or no such day)."""
    year, month, day = int(value) // 10_000, int(value) // 100 % 100, int(value) % 100
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None
