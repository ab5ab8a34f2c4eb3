"""Check the figures and claims of a summary against its article; pure functions, a report out.

A summary figure gets one status:

- supported: the article has the same value, with a compatible unit, currency and qualifier.
- rounded: the article's value rounded (or truncated) to the precision the summary states, or
  a bound that the article's value satisfies ("more than 40" from "45").
- derived: simple arithmetic on article figures (a sum, a difference, a ratio, years apart,
  days written as weeks). Neither an error nor a silent pass.
- misattributed: the value is in the article, but about something else ("exports rose 12%"
  where the article says imports rose 12% and exports fell 3%).
- unsupported: none of the above, including a qualifier that changes the meaning.

See docs/figure-check.md for the qualifier rules and the benchmark.
"""

from __future__ import annotations

import bisect
import dataclasses
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from summarizer.direction import Movement, movement_of, opposite
from summarizer.figures import Figure, find_figures
from summarizer.schemas import ArticleSummary

__all__ = [
    "ArticleIndex",
    "ClaimCheck",
    "FigureCheck",
    "FigureStatus",
    "GroundingReport",
    "check_figures",
    "index_article",
    "verify",
]

FigureStatus = Literal["supported", "rounded", "derived", "misattributed", "unsupported"]
_GOOD_STATUSES: Final = frozenset({"supported", "rounded", "derived"})
_FLAGGED_STATUSES: Final = frozenset({"unsupported", "misattributed"})


class FigureCheck(BaseModel):
    """The verdict on one figure of the summary."""

    model_config = ConfigDict(frozen=True)

    text: str
    value: float | None
    unit: str | None
    qualifier: str | None
    status: FigureStatus
    article_span: tuple[int, int] | None
    article_text: str | None
    article_sentence: str | None
    note: str | None


class ClaimCheck(BaseModel):
    """The verdict on one claim: is its evidence in the article, and do its figures agree with it."""

    model_config = ConfigDict(frozen=True)

    statement: str
    evidence_found: bool
    figures_consistent: bool
    problems: list[str]


class GroundingReport(BaseModel):
    """Every figure and claim of a summary, checked against the article."""

    model_config = ConfigDict(frozen=True)

    figures: list[FigureCheck]
    claims: list[ClaimCheck]
    ok: bool

    def problems(self) -> list[str]:
        """One sentence per flagged figure or failed claim, fit to send back to the model."""
        messages = [_figure_problem(check) for check in self.figures if check.status in _FLAGGED_STATUSES]
        for claim in self.claims:
            messages.extend(claim.problems)
        return messages

    def render_text(self) -> str:
        """A readable multi-line report for a terminal."""
        lines = [f"Figures: {len(self.figures)} checked{_status_counts(self.figures)}"]
        for check in self.figures:
            lines.append(f"  {_MARKS[check.status]} {check.status:<13} {check.text!r}{_render_source(check)}")
            if check.note:
                lines.append(f"      {check.note}")
        failed = [claim for claim in self.claims if claim.problems]
        lines.append(f"Claims: {len(self.claims)} checked, {len(failed)} with problems")
        for claim in failed:
            lines.append(f"  FAIL {claim.statement!r}")
            lines.extend(f"      {problem}" for problem in claim.problems)
        lines.append("Result: OK" if self.ok else f"Result: {len(self.problems())} problem(s)")
        return "\n".join(lines)


_MARKS: Final = {
    "supported": "ok  ",
    "rounded": "ok~ ",
    "derived": "calc",
    "misattributed": "FAIL",
    "unsupported": "FAIL",
}


def _status_counts(checks: Sequence[FigureCheck]) -> str:
    counts: dict[str, int] = {}
    for check in checks:
        counts[check.status] = counts.get(check.status, 0) + 1
    return "".join(f", {n} {status}" for status, n in counts.items())


def _render_source(check: FigureCheck) -> str:
    if check.article_text is None:
        return ""
    arrow = "closest in article" if check.status == "unsupported" else "article"
    return f"  ({arrow}: {check.article_text!r})"


def _figure_problem(check: FigureCheck) -> str:
    if check.note and check.note.startswith(_TURNED_ROUND):
        return (
            f"'{check.text}' goes the wrong way: {check.note}, in "
            f'"{_clip(check.article_sentence)}"; give the direction the article gives.'
        )
    if check.status == "misattributed":
        return (
            f"'{check.text}' is attached to the wrong thing: in the article that figure belongs to "
            f'"{_clip(check.article_sentence)}"; say what it measures there or drop it.'
        )
    if check.note and check.note.startswith("qualifier"):
        return f"'{check.text}' changes the meaning of the article's '{check.article_text}' ({check.note})."
    if check.article_text is not None:
        return (
            f"'{check.text}' is not in the article; the closest figure there is '{check.article_text}', "
            f'in: "{_clip(check.article_sentence)}".'
        )
    return f"'{check.text}' is not in the article; remove it or use a figure the article gives."


def _clip(text: str | None, limit: int = 200) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --- words around a figure --------------------------------------------------------------------

_STOPWORDS: Final = frozenset(
    [
        # "people" and "others" go with almost any count, so they say nothing about which one.
        "people",
        "others",
        "person",
        "the",
        "a",
        "an",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "their",
        "there",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "him",
        "we",
        "our",
        "you",
        "your",
        "i",
        "my",
        "me",
        "who",
        "whom",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "than",
        "then",
        "so",
        "if",
        "not",
        "no",
        "nor",
        "also",
        "just",
        "only",
        "very",
        "more",
        "most",
        "less",
        "least",
        "over",
        "under",
        "about",
        "around",
        "up",
        "down",
        "out",
        "into",
        "onto",
        "after",
        "before",
        "since",
        "until",
        "while",
        "during",
        "per",
        "said",
        "says",
        "say",
        "told",
        "according",
        "reported",
        "report",
        "reports",
        "new",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "time",
        "times",
        "percent",
        "cent",
        "per",
        "million",
        "billion",
        "trillion",
        "thousand",
        "hundred",
        "dozen",
        "number",
        "total",
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "fell",
        "fall",
        "falls",
        "fallen",
        "falling",
        "grew",
        "grow",
        "grows",
        "growth",
        "increase",
        "increased",
        "increases",
        "decrease",
        "decreased",
        "drop",
        "dropped",
        "drops",
        "jump",
        "jumped",
        "jumps",
        "climb",
        "climbed",
        "some",
        "many",
        "much",
        "several",
        "first",
        "second",
        "third",
        "last",
        "next",
        "other",
        "another",
        "all",
        "any",
        "each",
        "both",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "nearly",
        "almost",
        "approximately",
        "roughly",
        "record",
        "least",
        "mr",
        "mrs",
        "ms",
        "dr",
        "can",
        "could",
        "would",
        "should",
        "will",
        "may",
        "might",
        "must",
        "did",
        "does",
        "do",
        "done",
        "make",
        "made",
        "get",
        "got",
    ]
)
_SUFFIX_RE: Final = re.compile(r"(?:ing|ed|es|s)$")  # "killing", "killed" and "kills" share a stem
_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’]+")
_SENTENCE_BREAK_RE: Final = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|(?<=[a-z][.!?])(?=[A-Z])|\n+")
_CLAUSE_BREAK_RE: Final = re.compile(
    r"[;:()\u2014\u2013]|,\s|\s-\s|\b(?:while|whereas|but|although|though|compared)\b", re.IGNORECASE
)
_HEAD_RE: Final = re.compile(
    r"(?:[\s-]+(?:of|the|more|other|others|additional|extra|further|new|more|were|are|was|have|had|being|people))*"
    r"[\s-]+(?P<word>[A-Za-z]{3,})"
)
_NOT_HEADS: Final = frozenset(
    {"in", "and", "or", "to", "at", "on", "for", "from", "with", "by", "as", "than", "per", "cent", "percent", "who"}
)
_CONTEXT_WINDOW: Final = 60  # characters either side of a figure, within its clause
_SUBJECT_WINDOW: Final = 40  # characters before a figure that usually name what it measures


def _stems(text: str, *, skip_names: bool = False) -> frozenset[str]:
    """Content-word stems: lower-cased words without stop words, cut to five letters."""
    stems = set()
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        if skip_names and word[0].isupper() and not _starts_sentence(text, match.start()):
            continue  # a name says who, not what the figure measures
        stem = _STEM_OF.get(word)
        if stem is None:
            stem = _stem(word)
            if len(_STEM_OF) < 50_000:
                _STEM_OF[word] = stem
        if stem:
            stems.add(stem)
    return frozenset(stems)


_STEM_OF: dict[str, str] = {}  # word -> stem ("" for a stop word), shared by all texts


def _stem(word: str) -> str:
    lowered = word.lower()
    if lowered.endswith(("'s", "’s")):
        lowered = lowered.rstrip("'’s")
    if len(lowered) <= 2 or lowered in _STOPWORDS:
        return ""
    return _SUFFIX_RE.sub("", lowered)[:5]


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n"


def _break_spans(text: str, breaker: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in breaker.finditer(text):
        if match.start() > start:
            spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


@dataclass(slots=True)
class _TextLayout:
    """Sentence and clause boundaries of one text, for finding a figure's surroundings."""

    text: str
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    clauses: list[tuple[int, int]] = field(default_factory=list)
    clause_starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, text: str) -> _TextLayout:
        sentences = _break_spans(text, _SENTENCE_BREAK_RE)
        clauses = [(s + cs, s + ce) for s, e in sentences for cs, ce in _break_spans(text[s:e], _CLAUSE_BREAK_RE)]
        return cls(text, sentences, [s for s, _ in sentences], clauses, [s for s, _ in clauses])

    def sentence_of(self, position: int) -> tuple[int, int]:
        return self.sentences[max(0, bisect.bisect_right(self.sentence_starts, position) - 1)]

    def subject_of(self, figure: Figure) -> frozenset[str]:
        """Content stems just before a figure, within its clause: what the figure is about."""
        clause_start, _ = self.clauses[max(0, bisect.bisect_right(self.clause_starts, figure.start) - 1)]
        start = max(clause_start, figure.start - _SUBJECT_WINDOW)
        # Whole words only: a window that starts inside a word would invent a stem.
        while start > clause_start and self.text[start - 1].isalpha():
            start -= 1
        return _stems(self.text[start : figure.start], skip_names=True)

    def head_of(self, figure: Figure) -> str:
        """The word the figure quantifies, right after it ("three people", "60 others missing"), as a stem."""
        match = _HEAD_RE.match(self.text, figure.end)
        if match is None:
            return ""
        word = match.group("word").lower()
        return "" if word in _NOT_HEADS else _SUFFIX_RE.sub("", word)[:4]

    def context_of(self, figure: Figure) -> frozenset[str]:
        """Content stems of the clause around a figure, within a window, minus the figure itself."""
        clause_start, clause_end = self.clauses[max(0, bisect.bisect_right(self.clause_starts, figure.start) - 1)]
        left = self.text[max(clause_start, figure.start - _CONTEXT_WINDOW) : figure.start]
        right = self.text[figure.end : min(max(clause_end, figure.end), figure.end + _CONTEXT_WINDOW)]
        return _stems(left + " " + right)


# --- the article side -------------------------------------------------------------------------

_GROUPS: Final = {
    "money": "money",
    "percent": "share",
    "fraction": "share",
    "date": "date",
    "decade": "decade",
    "name": "name",
    "ordinal": "ordinal",
    "measure": "measure",
}


def _group(figure: Figure) -> str:
    return _GROUPS.get(figure.kind, "number")


@dataclass(slots=True)
class ArticleIndex:
    """An article's figures and layout, computed once and reused for every summary of it."""

    text: str
    figures: list[Figure]
    layout: _TextLayout
    years: list[float]
    scores: dict[str, Figure]
    dated: bool
    _contexts: dict[int, frozenset[str]] = field(default_factory=dict)
    _subjects: dict[int, frozenset[str]] = field(default_factory=dict)
    _heads: dict[int, str] = field(default_factory=dict)
    _prefix_sets: dict[int, frozenset[str]] = field(default_factory=dict)
    _by_value: dict[tuple[str, str | None, bool, bool, bool], dict[float | None, list[tuple[int, Figure]]]] = field(
        default_factory=dict
    )
    _sentences: dict[int, frozenset[str]] = field(default_factory=dict)
    _movements: dict[int, Movement | None] = field(default_factory=dict)
    views: dict[tuple[int, int], ArticleIndex] = field(default_factory=dict)
    score_parts: frozenset[int] = frozenset()  # starts of the numbers of "22-2", "3-1": scores, not ranges
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [figure.start for figure in self.figures]

    _candidates: dict[tuple[str, str | None, bool, bool, bool], list[tuple[int, Figure]]] = field(default_factory=dict)

    def candidates(self, figure: Figure) -> list[tuple[int, Figure]]:
        """The article's figures that could match `figure` by kind, unit and currency (value aside).

        Which figures are compatible depends only on these traits, so the scan over the article is
        done once per trait combination, not once per summary figure.
        """
        key = _traits(figure)
        found = self._candidates.get(key)
        if found is None:
            found = [
                (position, other)
                for position, other in enumerate(self.figures)
                if other.value is not None and _compatible(figure, other)
            ]
            self._candidates[key] = found
        return found

    def equal(self, figure: Figure) -> list[tuple[int, Figure]]:
        """The compatible article figures of equal value, in article order."""
        candidates = self.candidates(figure)
        if figure.kind in _CALENDAR_KINDS or figure.value is None:
            return [(p, other) for p, other in candidates if _values_equal(figure, other)]
        key = _traits(figure)
        by_value = self._by_value.get(key)
        if by_value is None:
            by_value = self._by_value[key] = {}
            for item in candidates:
                by_value.setdefault(_value_key(item[1]), []).append(item)
        # Keys are rounded; the exact test decides. Calendar candidates (key None) are always tested.
        found = [*by_value.get(_value_key(figure), []), *by_value.get(None, [])]
        equal = [(p, other) for p, other in found if _values_equal(figure, other)]
        return sorted(equal, key=lambda item: item[0]) if by_value.get(None) else equal

    def subject(self, position: int) -> frozenset[str]:
        stems = self._subjects.get(position)
        if stems is None:
            stems = self.layout.subject_of(self.figures[position])
            self._subjects[position] = stems
        return stems

    def sentence_stems(self, position: int) -> frozenset[str]:
        stems = self._sentences.get(position)
        if stems is None:
            start, end = self.layout.sentence_of(self.figures[position].start)
            stems = self._sentences[position] = _stems(self.text[start:end])
        return stems

    def prefixes(self, position: int) -> frozenset[str]:
        found = self._prefix_sets.get(position)
        if found is None:
            found = self._prefix_sets[position] = _prefixes(self.context(position))
        return found

    def head(self, position: int) -> str:
        head = self._heads.get(position)
        if head is None:
            head = self._heads[position] = self.layout.head_of(self.figures[position])
        return head

    def context(self, position: int) -> frozenset[str]:
        stems = self._contexts.get(position)
        if stems is None:
            stems = self.layout.context_of(self.figures[position])
            self._contexts[position] = stems
        return stems

    def movement(self, position: int) -> Movement | None:
        if position not in self._movements:
            self._movements[position] = movement_of(self.text, self.figures[position])
        return self._movements[position]

    def sentence_number(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.layout.sentence_starts, position) - 1)

    def sentence_text(self, figure: Figure) -> str:
        start, end = self.layout.sentence_of(figure.start)
        return self.text[start:end].strip()


_CALENDAR_KINDS: Final = frozenset({"year", "date", "decade"})


@lru_cache(maxsize=4096)
def _traits(figure: Figure) -> tuple[str, str | None, bool, bool, bool]:
    """What decides which article figures are compatible with `figure` (its value aside)."""
    return (figure.kind, figure.unit, figure.scale is not None, _is_bare_dollar(figure), _is_bare_pounds(figure))


def _value_key(figure: Figure) -> float | None:
    """A figure's value rounded to nine significant digits, None for calendar figures (compared apart)."""
    if figure.value is None or figure.kind in _CALENDAR_KINDS:
        return None
    return float(f"{figure.value:.9g}")


def index_article(text: str) -> ArticleIndex:
    """Extract and lay out an article's figures once (cached for repeated articles)."""
    return _cached_index(text)


@lru_cache(maxsize=512)
def _cached_index(text: str) -> ArticleIndex:
    return _build_index(text)


def _build_index(text: str) -> ArticleIndex:
    figures = find_figures(text)
    dated = bool(figures) and _is_dateline(text, figures[0])
    return ArticleIndex(
        text,
        figures,
        _TextLayout.of(text),
        _years_of(figures),
        _article_scores(text, figures),
        dated,
        score_parts=_score_parts(text),
    )


# What may come before a dateline: "(", "LONDON, ", "Published: ", "Updated on".
_BEFORE_DATELINE_RE: Final = re.compile(
    r"\W*(?:(?i:(?:first\s+)?(?:published|updated|posted)(?:\s+on)?)\W*|[A-Z][A-Z .'-]+,?\W*)?"
)


def _is_dateline(text: str, figure: Figure) -> bool:
    """Whether a full date opens the article: its "now", for "next year" and "last year"."""
    if figure.kind != "date" or (figure.value or 0) < 10_000 or figure.start > 80:
        return False
    return _BEFORE_DATELINE_RE.fullmatch(text[: figure.start]) is not None


def _years_of(figures: list[Figure]) -> list[float]:
    years = [f.value // 10_000 for f in figures if f.kind == "date" and f.value and f.value >= 10_000]
    return years + [f.value for f in figures if f.kind == "year" and f.value is not None]


def _article_scores(text: str, figures: list[Figure]) -> dict[str, Figure]:
    """Scores and ranges ("4-2", "3 - 1") in an article, keyed without spaces, to their first figure."""
    starts = {figure.start: figure for figure in figures}
    scores: dict[str, Figure] = {}
    for match in _SCORE_RE.finditer(text):
        first = starts.get(match.start(1))
        if first is not None:
            scores.setdefault(f"{match.group(1)}-{match.group(2)}", first)
    return scores


def _score_parts(text: str) -> frozenset[int]:
    """Where the numbers of a score stand ("22-2", "3-1"): a pair whose second number is smaller,
    so not a range ("10-12")."""
    return frozenset(
        start
        for match in _SCORE_RE.finditer(text)
        if int(match.group(1)) > int(match.group(2))
        for start in (match.start(1), match.start(2))
    )


# --- matching one figure ----------------------------------------------------------------------

_LOWER_BOUNDS: Final = frozenset({"more_than", "at_least"})
_UPPER_BOUNDS: Final = frozenset({"less_than", "up_to", "nearly"})
_APPROXIMATE: Final = frozenset({"about"})
_DURATION_DAYS: Final = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
    "decade": 3650.0,
    "century": 36500.0,
}
_DIGITS_IN_TEXT_RE: Final = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _bound(qualifier: str | None) -> str:
    if qualifier in _LOWER_BOUNDS:
        return "lower"
    if qualifier in _UPPER_BOUNDS:
        return "upper"
    if qualifier in _APPROXIMATE:
        return "approx"
    return "exact"


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _granularity(figure: Figure) -> float:
    """The precision the summary states: "2.4 million" -> 100,000; "40,000" -> 10,000 when approximate."""
    if figure.value is None or figure.kind in {"year", "date", "decade", "ordinal"}:
        return 0.0
    if figure.kind == "fraction":
        return 5.0  # "a third", "four in ten" are approximate by nature: +-2.5 points
    match = _DIGITS_IN_TEXT_RE.search(figure.text)
    number = _number_part(figure)
    glyph = next((_VULGAR[char] for char in figure.text if char in _VULGAR), 0.0)
    multiplier = figure.value / (number + glyph) if number else 1.0
    if match is None or glyph:
        return _halved_to_fit(figure.value, multiplier)  # in words: one unit of the stated scale
    decimals = len(match.group(1) or "")
    if decimals:
        return 10.0**-decimals * multiplier
    integer = match.group(0).replace(",", "")
    trailing_zeros = len(integer) - len(integer.rstrip("0"))
    approximate = figure.qualifier is not None or figure.scale is not None or float(integer) >= 1000
    if approximate and figure.kind != "percent" and integer.strip("0"):
        return 10.0**trailing_zeros * multiplier
    return multiplier


_VULGAR: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def _halved_to_fit(value: float, step: float) -> float:
    """The step halved until the value is a whole number of steps: "two and a half years" is
    stated to the half year, "1¼ hours" to the quarter hour."""
    for _ in range(4):
        if math.isclose(value / step, round(value / step), abs_tol=1e-9):
            break
        step /= 2
    return step


def _number_part(figure: Figure) -> float | None:
    match = _DIGITS_IN_TEXT_RE.search(figure.text)
    return float(match.group(0).replace(",", "")) if match else None


def _compatible(summary: Figure, article: Figure) -> bool:
    """Whether two figures measure the same kind of thing (value aside)."""
    s_group, a_group = _group(summary), _group(article)
    if {"name", "ordinal", "measure"} & {s_group, a_group}:
        return _special_compatible(summary, article)
    if s_group == a_group == "money":
        return _currencies_agree(summary, article)
    if {s_group, a_group} == {"money", "number"}:
        # "$5m" vs "5 million": a scaled count may stand for an amount of money and vice versa;
        # "14 pounds" may be a weight ("a 14 lb fish").
        plain, money = (article, summary) if a_group == "number" else (summary, article)
        return plain.kind == "count" and (plain.scale is not None or _is_bare_pounds(money))
    if {s_group, a_group} in ({"decade", "number"}, {"number", "date"}):
        return {summary.kind, article.kind} in ({"decade", "year"}, {"year", "date"})
    if "duration" in {summary.kind, article.kind} and not _durations_compatible(summary, article):
        return False
    return s_group == a_group


def _durations_compatible(summary: Figure, article: Figure) -> bool:
    if summary.kind == article.kind:
        return summary.unit == article.unit  # "three years" is not "three months"
    return "count" not in {summary.kind, article.kind}  # "two cows" are not "two weeks"


def _special_compatible(summary: Figure, article: Figure) -> bool:
    """Names, ranks and physical measures: each only with its own kind (and unit)."""
    if "measure" in {summary.kind, article.kind}:
        return _measures_compatible(summary, article)
    return _names_and_ranks_compatible(summary, article)


def _measures_compatible(summary: Figure, article: Figure) -> bool:
    """ "12 miles" only matches miles; "27 lbs" also the article's "27 pounds" (read as money)."""
    s_measure, a_measure = summary.kind == "measure", article.kind == "measure"
    if s_measure and a_measure:
        return summary.unit == article.unit
    measure, other = (summary, article) if s_measure else (article, summary)
    return measure.unit == "lb" and _is_bare_pounds(other)


def _names_and_ranks_compatible(summary: Figure, article: Figure) -> bool:
    s_group, a_group = _group(summary), _group(article)
    if "name" in {s_group, a_group}:
        return summary.unit == article.unit  # "Euro 2016" only matches "Euro 2016"
    # "25th anniversary" may stand for "25 years", but a count is never read from "second".
    return s_group == a_group or (s_group == "ordinal" and a_group == "number")


def _currencies_agree(summary: Figure, article: Figure) -> bool:
    if summary.unit == article.unit:
        return True
    # A bare "$" may be any dollar: an Australian article writes "$" for AUD.
    dollars = {summary.unit or "", article.unit or ""}
    bare = _is_bare_dollar(summary) or _is_bare_dollar(article)
    return bare and all(code.endswith("D") for code in dollars)


_BARE_POUNDS_RE: Final = re.compile(r"\d\s*pounds?$", re.IGNORECASE)
_BARE_DOLLAR_RE: Final = re.compile(r"(?<![A-Za-z])\$|(?<![A-Za-z] )dollars?")


def _is_bare_pounds(figure: Figure) -> bool:
    return figure.unit == "GBP" and figure.scale is None and _BARE_POUNDS_RE.search(figure.text) is not None


def _is_bare_dollar(figure: Figure) -> bool:
    return _BARE_DOLLAR_RE.search(figure.text) is not None


def _values_equal(summary: Figure, article: Figure) -> bool:
    assert summary.value is not None
    assert article.value is not None
    if summary.kind == "year" and article.kind == "date":
        return _same(summary.value, article.value // 10_000)
    if summary.kind == "date" and article.kind == "year":
        return summary.value >= 10_000 and _same(summary.value // 10_000, article.value)
    if "decade" in {summary.kind, article.kind} and summary.kind != article.kind:
        decade, year = (summary.value, article.value) if summary.kind == "decade" else (article.value, summary.value)
        return decade <= year < decade + 10
    if _group(summary) == "date":
        return _dates_agree(summary.value, article.value)
    return _same(summary.value, article.value)


def _dates_agree(summary: float, article: float) -> bool:
    s_year, s_rest = divmod(int(summary), 10_000)
    a_year, a_rest = divmod(int(article), 10_000)
    s_month, s_day = divmod(s_rest, 100)
    a_month, a_day = divmod(a_rest, 100)
    return s_month == a_month and (s_day in {0, a_day}) and (s_year == 0 or a_year in (0, s_year))


def _qualifier_conflict(summary: Figure, article: Figure) -> str | None:
    """Why the summary's qualifier contradicts the article's for an equal value, or None."""
    s_bound, a_bound = _bound(summary.qualifier), _bound(article.qualifier)
    if {s_bound, a_bound} == {"lower", "upper"}:
        return f"qualifier: the summary says '{summary.qualifier}', the article '{article.qualifier}'"
    return None


def _rounds_to(summary: Figure, article: Figure) -> bool:
    """Whether the article's value, rounded or truncated to the summary's precision, gives the summary's."""
    assert summary.value is not None
    assert article.value is not None
    step = _granularity(summary)
    if step <= 0:
        return False
    difference = article.value - summary.value
    verdict = _bounded_rounding(summary, article, difference)
    if verdict is not None:
        return verdict
    if -step / 2 <= difference < step:
        return True
    # "more than 40" holds for an article's "45", but not for its "more than 50": that is another claim.
    return _bound(article.qualifier) in {"exact", "approx"} and _bound_satisfied(summary, article.value)


def _bounded_rounding(summary: Figure, article: Figure, difference: float) -> bool | None:
    """The verdict of the qualifiers alone, when they decide it (None: leave it to the values)."""
    assert article.value is not None
    s_bound, a_bound = _bound(summary.qualifier), _bound(article.qualifier)
    if s_bound in {"lower", "upper"}:
        if a_bound in {"lower", "upper"}:
            return False  # "up to 70" against "up to 75": another claim, not a rounding
        if (s_bound == "lower") != (difference > 0):
            return False  # "more than 60" does not hold for 57, nor "up to 70" for 75
    if article.qualifier == "nearly" and s_bound == "exact":
        # "almost 40 years" read as 39: a value just under the article's.
        if 0 < difference <= 0.1 * abs(article.value):
            return True
        if difference < 0:
            return False
    return None


def _bound_satisfied(summary: Figure, value: float) -> bool:
    """Whether a bounded summary figure ("more than 40") holds for an article value close to it.

    The bound must be the article's value rounded towards it, not any smaller number: "more than 40"
    for 45, "more than 1,900" for 2,000, but not "over 40" for 57 (that would be "over 50").
    """
    assert summary.value is not None
    bound = _bound(summary.qualifier)
    slack = max(_granularity(summary), 0.1 * abs(summary.value))
    if bound == "lower":
        return summary.value < value <= summary.value + slack
    if bound == "upper":
        return summary.value - slack <= value < summary.value
    if bound == "approx":
        return abs(value - summary.value) <= 0.1 * abs(summary.value)
    return False


_VAGUE_SPAN: Final = 10  # "hundreds" is 200 to 1,999: 5,500 is thousands


def _vague_holds(summary: Figure, article: Figure) -> bool:
    """Whether "hundreds" or "dozens" describes the article's figure."""
    assert summary.value is not None
    assert article.value is not None
    if article.vague:
        return _same(summary.value, article.value)
    return summary.value <= article.value < summary.value * _VAGUE_SPAN


@dataclass(slots=True)
class _Match:
    status: FigureStatus
    article: Figure | None
    note: str | None = None


class _LazyLayout:
    """A text's sentence and clause layout, built the first time a figure's surroundings are needed."""

    __slots__ = ("_layout", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._layout: _TextLayout | None = None

    @property
    def text(self) -> str:
        return self._text

    def get(self) -> _TextLayout:
        if self._layout is None:
            self._layout = _TextLayout.of(self._text)
        return self._layout


class _Around:
    """What surrounds a summary figure: its clause's content words, the words before it, its head noun.

    Computed on first use: most figures match one article figure and never need them.
    """

    __slots__ = ("_context", "_figure", "_head", "_layout", "_prefixes", "_subject")

    def __init__(self, layout: _LazyLayout, figure: Figure) -> None:
        self._layout = layout
        self._figure = figure
        self._context: frozenset[str] | None = None
        self._subject: frozenset[str] | None = None
        self._head: str | None = None
        self._prefixes: frozenset[str] | None = None

    @property
    def prefixes(self) -> frozenset[str]:
        if self._prefixes is None:
            self._prefixes = _prefixes(self.context)
        return self._prefixes

    @property
    def context(self) -> frozenset[str]:
        if self._context is None:
            self._context = self._layout.get().context_of(self._figure)
        return self._context

    @property
    def subject(self) -> frozenset[str]:
        if self._subject is None:
            self._subject = self._layout.get().subject_of(self._figure)
        return self._subject

    @property
    def head(self) -> str:
        if self._head is None:
            self._head = self._layout.get().head_of(self._figure)
        return self._head

    @property
    def layout(self) -> _TextLayout:
        return self._layout.get()

    def after(self, length: int) -> str:
        """The text right after the figure."""
        return self._layout.text[self._figure.end : self._figure.end + length]

    @property
    def movement(self) -> Movement | None:
        return movement_of(self._layout.text, self._figure)


def _check_one(figure: Figure, around: _Around, index: ArticleIndex, *, bind: bool) -> _Match:
    match = _match_value(figure, around, index, bind=bind)
    if bind and match.status in {"supported", "rounded"}:
        return _turned_round(figure, around, index, match) or _from_earlier_event(figure, around, index, match) or match
    return match


_MONTHS: Final = "january|february|march|april|may|june|july|august|september|october|november|december"
# The start of a sentence about the past: "Last May, two earthquakes ...", "In 2009 almost 300 died".
_EARLIER_RE: Final = re.compile(
    rf"(?:^\W*|[,;]\s+|\band\s+)(?:last\s+(?:{_MONTHS}|spring|summer|autumn|winter)"
    rf"|in\s+(?:(?:{_MONTHS})\s+)?(?P<year>\d{{4}}))\b(?!['’]s)",
    re.IGNORECASE,
)
_WHEN_RE: Final = re.compile(rf"\b(?:{_MONTHS}|\d{{4}}|last|previous|earlier|ago|since)\b", re.IGNORECASE)
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


def _from_earlier_event(figure: Figure, around: _Around, index: ArticleIndex, match: _Match) -> _Match | None:
    """Misattributed when the article gives the value only in a sentence about an earlier event, and
    the summary says nothing of when: "killing at least 20" from "Last May, two earthquakes in the
    same area left more than 20 people dead"."""
    if figure.kind not in _BINDABLE_KINDS or match.article is None or not index.years:
        return None
    layout = around.layout
    start, end = layout.sentence_of(figure.start)
    if _WHEN_RE.search(layout.text, start, end):
        return None
    chosen = match.article
    marked_years = []
    for _, other in index.candidates(figure):
        if other.value != chosen.value:
            continue
        sentence_start, _ = index.layout.sentence_of(other.start)
        marker = _EARLIER_RE.search(index.text[sentence_start : other.start])
        if marker is None:
            return None
        if marker.group("year"):
            marked_years.append(int(marker.group("year")))
    if marked_years:
        # scanning the article's years is left until a marker names one: most figures stop above
        latest = _latest_past_year(index)
        if latest is None or max(marked_years) >= latest:
            return None
    return _Match("misattributed", chosen, "the article gives this value for an earlier event")


def _match_value(figure: Figure, around: _Around, index: ArticleIndex, *, bind: bool) -> _Match:
    candidates = index.candidates(figure)
    if figure.vague:
        return _check_vague(figure, candidates)
    equal = index.equal(figure)
    if equal:
        match = _check_equal(figure, around=around, index=index, equal=equal, candidates=candidates, bind=bind)
        # The article's equal value may be about something else while its parts add up: "4 die"
        # where "four tourists" set out and "a tourist and three herders" died.
        parts = _with_the_rest(figure, around, index) if match.status == "misattributed" else None
        return parts or match
    # A rounding keeps what is counted: "more than 20 years" is not a rounding of "30 objects".
    rounded = [other for _, other in candidates if _same_measure(figure, other) and _rounds_to(figure, other)]
    if rounded:
        return _Match("rounded", _closest(figure, rounded))
    if figure.kind == "name":
        written = _name_written_out(figure, index)
        if written is None:
            return _Match("unsupported", None)
        return _Match("supported", written, f"the article writes '{written.text}'")
    derivation = None if figure.kind == "ordinal" else _derive(figure, around, index)
    return derivation or _Match("unsupported", _closest(figure, [other for _, other in candidates]))


_TURNED_ROUND: Final = "the article has it going"


def _turned_round(figure: Figure, around: _Around, index: ArticleIndex, match: _Match) -> _Match | None:
    """Misattributed when the summary's figure moved one way and the article's value, for the same
    subject, the other way: "made millions of dollars" against "hemorrhaged millions of dollars",
    "profit rose 12%" against "profit fell 12%".

    No occurrence of the value may have moved the summary's way ("cut 300 jobs in Leeds and added 300
    in Hull"); the subject must be shared ("Labour gained 48 seats" is "the Conservatives lost 48
    seats to Labour"); and an occurrence with no direction must not fit the summary better.
    """
    moved = around.movement
    if moved is None or match.article is None:
        return None
    chosen = match.article
    turned, still = [], []
    for position, other in index.candidates(figure):
        if other.value != chosen.value:
            continue
        movement = index.movement(position)
        if movement is not None and movement.direction == moved.direction:
            return None
        if movement is not None and movement.subject & moved.subject:
            turned.append(position)
        elif movement is None:
            still.append(position)
    if not turned:
        return None
    if still and max(_binding(around, index, p) for p in still) > max(_binding(around, index, p) for p in turned):
        return None
    note = f"{_TURNED_ROUND} {opposite(moved.direction)}, not {moved.direction}"
    return _Match("misattributed", index.figures[turned[0]], note)


_NAME_LEAD_RE: Final = re.compile(r"([A-Z][\w-]+)\s+$")


def _name_written_out(figure: Figure, index: ArticleIndex) -> Figure | None:
    """A name's number written another way: "BA117" as "Flight 117", "World War II" as "Second World War"."""
    for other in index.figures:
        if other.value is None or other.kind not in {"count", "ordinal"} or not _same(other.value, figure.value or 0):
            continue
        series = (figure.unit or "").rsplit(" ", 1)[0] if " " in (figure.unit or "") else ""
        if other.kind == "ordinal":
            # "Second World War" for "World War II", "the second day" for "day two"
            if series and index.text[other.end : other.end + 12].lower().strip().startswith(series):
                return other
            continue
        before = index.text[max(0, other.start - 24) : other.start]
        # A named series keeps its name ("Round 3" for "round three"); a code may take another
        # ("Flight 117" for "BA117").
        if before.lower().rstrip().endswith(series) if series else _NAME_LEAD_RE.search(before):
            return other
    return None


def _same_measure(summary: Figure, article: Figure) -> bool:
    if summary.kind == article.kind or "duration" not in {summary.kind, article.kind}:
        return True
    return {summary.kind, article.kind} == {"duration", "age"}


def _check_vague(figure: Figure, candidates: list[tuple[int, Figure]]) -> _Match:
    fitting = [other for _, other in candidates if _vague_holds(figure, other)]
    if fitting:
        status: FigureStatus = "supported" if fitting[0].vague else "rounded"
        return _Match(status, fitting[0])
    return _Match("unsupported", None)


def _check_equal(
    figure: Figure,
    *,
    around: _Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
    bind: bool,
) -> _Match:
    agreeing = [(p, other) for p, other in equal if _qualifier_conflict(figure, other) is None]
    if not agreeing:
        first = equal[0][1]
        return _Match("unsupported", first, _qualifier_conflict(figure, first))
    best = agreeing[0][1] if len(agreeing) == 1 else max(agreeing, key=lambda i: _binding(around, index, i[0]))[1]
    # Both binding rules need a rival: a figure of the same kind with another value.
    rival = any(other.kind == figure.kind and not _values_equal(figure, other) for _, other in candidates)
    if (
        bind
        and rival
        and (
            _misattributed(figure, around.subject, index, agreeing, candidates)
            or _bound_elsewhere(figure, around, index, agreeing, candidates)
        )
    ):
        return _Match("misattributed", best, "the article gives this value for something else")
    s_bound, a_bound = _bound(figure.qualifier), _bound(best.qualifier)
    if s_bound in {"lower", "upper"} and a_bound != s_bound:
        # A bound added to an exact figure is loose but true ("more than 40,000" for "40,000"), if it
        # is that figure: "killed at least two people" is not the article's "two bridges".
        if (
            bind
            and figure.kind in _BINDABLE_KINDS
            and around.context
            and all(_binding(around, index, p) == 0 for p, _ in agreeing)
        ):
            return _Match("misattributed", best, "the article gives this value for something else")
        return _Match("rounded", best, f"the article says '{best.text}'")
    if a_bound in {"lower", "upper"} and s_bound != a_bound:
        return _Match("supported", best, f"the article says '{best.text}'")
    return _Match("supported", best)


def _misattributed(
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
        if other.kind != figure.kind or any(_values_equal(other, same) for _, same in equal):
            continue
        if index.layout.sentence_of(other.start) in equal_sentences and context & index.subject(position):
            return True
    return False


def _binding(around: _Around, index: ArticleIndex, position: int) -> int:
    """How much an article figure's surroundings agree with a summary figure's: shared clause words,
    plus one for the same head noun ("three people" and "two people", not "three rescuers")."""
    score = len(around.prefixes & index.prefixes(position))
    return score + 1 if around.head and around.head == index.head(position) else score


def _bound_elsewhere(
    figure: Figure,
    around: _Around,
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
    if not around.context or figure.kind not in _BINDABLE_KINDS:
        return False
    for position, _ in equal:
        if not index.context(position):
            return False  # says too little to judge ("He was 90.")
        if _binding(around, index, position) > 0:
            return False  # some occurrence fits
    return any(
        other.kind == figure.kind and not other.vague and _binding(around, index, position) >= _BINDING_MARGIN
        for position, other in candidates
        if not _values_equal(figure, other)
    )


_BINDING_MARGIN: Final = 2
# Counts and shares. Amounts of money and durations in headlines are paraphrased too freely
# (a prize named by its sponsor and price, its price given in a clause about something else):
# binding them cost false alarms.
_BINDABLE_KINDS: Final = frozenset({"count", "percent", "fraction"})


def _closest(figure: Figure, others: Sequence[Figure]) -> Figure | None:
    if not others or figure.value is None:
        return None
    target = figure.value
    return min(others, key=lambda other: abs((other.value or 0.0) - target))


# --- derivations ------------------------------------------------------------------------------

_MAX_OPERANDS: Final = 40


def _derive(figure: Figure, around: _Around, index: ArticleIndex) -> _Match | None:
    """A simple calculation on article figures that gives the summary's value, if there is one."""
    assert figure.value is not None
    if figure.kind == "duration":
        converted = _converted_duration(figure, index)
        if converted is not None:
            return _Match("derived", converted, f"'{converted.text}' in other units")
    if _bound(figure.qualifier) == "upper" or figure.value <= 0:
        return None  # a ceiling or a zero computed from other figures is not a claim the article makes
    in_years = _counted_in_years(figure, index)
    if in_years:
        return in_years
    if figure.kind == "year":
        return _year_from_dateline(figure.value, index) or _year_counted_from(figure.value, index)
    if figure.kind == "count":
        counted = _with_the_rest(figure, around, index) or _points_apart(figure, around, index)
        if counted:
            return counted
    return _combined(figure, around.context, index) if figure.kind in _ARITHMETIC_KINDS else None


# "two other people", "209 others", "15 other tycoons": the group plus the one(s) it is other than.
_OTHERS_AFTER_RE: Final = re.compile(r"\s+(?:[a-z]+\s+)?others?\b", re.IGNORECASE)
# "two men and a teenager", "a dozen gunmen and one marine": a count and a single one beside it.
_AND_ONE_AFTER_RE: Final = re.compile(r"\s+(?:[a-z-]+\s+){1,2}?and\s+(?:a|an|one)\s+[a-z]", re.IGNORECASE)
_AND_ONE_BEFORE_RE: Final = re.compile(r"\b(?:an?|one)\s+(?:[a-z-]+\s+){1,2}?and\s+$", re.IGNORECASE)
_AND_COUPLE_BEFORE_RE: Final = re.compile(r"\ba\s+couple\s+and\s+$", re.IGNORECASE)
_ADDED_REACH: Final = 40  # characters either side of a count that can hold the single one added to it


def _with_the_rest(figure: Figure, around: _Around, index: ArticleIndex) -> _Match | None:
    """A count that is an article count plus the one(s) beside it, or the other way round.

    "Kills 3" from "one man drowned and two other people are missing"; "a family of 5" from "a couple
    and three of their kids"; "Zuckerberg and 15 other tycoons" from "16 billionaires".
    """
    if figure.kind != "count" or figure.value is None:
        return None
    # The summary's own "N other(s)" does not depend on the article figure: test it once.
    summary_others = bool(_OTHERS_AFTER_RE.match(around.after(_ADDED_REACH)))
    for other in index.figures:
        if other.kind != "count" or other.value is None or other.vague or _bound(other.qualifier) == "upper":
            continue
        gap = figure.value - other.value
        if summary_others and _same(gap, -1):
            return _Match("derived", other, f"'{other.text}' less the one the others are other than")
        if not (_same(gap, 1) or _same(gap, 2)):
            continue  # the patterns below are only read for counts they could complete
        after = index.text[other.end : other.end + _ADDED_REACH]
        before = index.text[max(0, other.start - _ADDED_REACH) : other.start]
        if _AND_COUPLE_BEFORE_RE.search(before):
            added = 2
        elif _OTHERS_AFTER_RE.match(after) or _AND_ONE_AFTER_RE.match(after) or _AND_ONE_BEFORE_RE.search(before):
            added = 1
        else:
            continue
        if _same(gap, added):
            return _Match("derived", other, f"'{other.text}' and {added} more")
    return None


# "a 7-point lead", "by 12 points": a gap between two percentages.
_POINTS_AFTER_RE: Final = re.compile(r"[\s-]+(?:percentage[\s-]+)?points?\b", re.IGNORECASE)


def _points_apart(figure: Figure, around: _Around, index: ArticleIndex) -> _Match | None:
    """ "A 7-point lead" from "leads 40% to 33%": the gap between two percentages of one passage."""
    assert figure.value is not None
    if not _POINTS_AFTER_RE.match(around.after(24)):
        return None
    shares = [other for other in index.figures if other.kind == "percent" and other.value is not None]
    for i, left in enumerate(shares):
        for right in shares[i + 1 :]:
            assert left.value is not None
            assert right.value is not None
            near = abs(index.sentence_number(left.start) - index.sentence_number(right.start)) <= 1
            if near and _same(abs(left.value - right.value), figure.value):
                return _Match("derived", left, f"{left.text} - {right.text}")
    return None


def _combined(figure: Figure, context: frozenset[str], index: ArticleIndex) -> _Match | None:
    """A sum, difference, product or ratio of two related article figures that gives `figure`."""
    # The precision the number itself states: "at least 23" is 23 to the unit, not to the ten.
    step = max(_granularity(dataclasses.replace(figure, qualifier=None)), 1e-9)
    operands = _related_operands(figure, context, index)
    # Small counts are sums or differences of some two numbers of neighbouring sentences by chance
    # alone; only the parts of one sentence make them.
    reach = 0 if figure.kind in {"count", "duration"} and (figure.value or 0) <= _SMALL_COUNT else 1
    for i, (left_sentence, left_related, left) in enumerate(operands):
        for right_sentence, right_related, right in operands[i + 1 :]:
            # Parts of one total sit together, or both speak of what the summary does.
            if abs(left_sentence - right_sentence) > reach and not (left_related and right_related):
                continue
            bounded_operand = "lower" in {_bound(left.qualifier), _bound(right.qualifier)}
            if figure.qualifier == "more_than" and "more_than" not in {left.qualifier, right.qualifier}:
                continue  # a total T, even "at least T", is never "more than T"
            note = _arithmetic(figure, left, right, step)
            if note and (bounded_operand or _bound(figure.qualifier) == "lower") and " + " not in note:
                continue  # "at least" survives a sum, not a difference or a ratio
            if note and reach == 0 and " + " not in note and not (left_related or right_related):
                continue  # any two numbers of a sentence differ by some small count ("24 - 26")
            if note and figure.kind == "count" and " - " in note and _count_different_things(left, right, index):
                continue  # "24 tower blocks" and "26 areas" differ by two of nothing
            if note:
                return _Match("derived", None, note)
    return None


_SMALL_COUNT: Final = 10


def _count_different_things(left: Figure, right: Figure, index: ArticleIndex) -> bool:
    """Whether two counts name different things right after them: "24 tower blocks" and "26 areas",
    not "six Tennessee inmates" and "five of the inmates"."""
    left_words, right_words = _counted(left, index.text), _counted(right, index.text)
    return bool(left_words and right_words and not left_words & right_words)


_COUNTED_RE: Final = re.compile(r"(?:\s+(?:of|the|[a-z]+'s))*((?:\s+[A-Za-z-]{3,}){1,3})")


def _counted(figure: Figure, text: str) -> frozenset[str]:
    """Stems (four letters) of the few words after a count: what it counts."""
    match = _COUNTED_RE.match(text, figure.end)
    return _prefixes(_stems(match.group(1))) if match else frozenset()


_ARITHMETIC_KINDS: Final = frozenset({"count", "money", "percent", "fraction", "duration", "measure"})
_NEXT_YEAR_RE: Final = re.compile(r"\bnext\s+year\b", re.IGNORECASE)
_LAST_YEAR_RE: Final = re.compile(r"\blast\s+year\b", re.IGNORECASE)


def _now(index: ArticleIndex) -> float | None:
    """The article's own year: its dateline's, else the latest year it gives."""
    if not index.years:
        return None
    return index.years[0] if index.dated else max(index.years)


def _year_from_dateline(value: float, index: ArticleIndex) -> _Match | None:
    """ "2013" from an article dated 2012 ("next year"), "2011" from one that says "last year".

    A dated article speaks of the coming year without always naming it ("the election", "the
    changes go live in March"), so the year after its date needs no cue in a dated article; an
    undated one must say "next year". The year before always needs "last year": a past event is
    told with its year.
    """
    now = _now(index)
    if now is None:
        return None
    if _same(value, now + 1) and (index.dated or _NEXT_YEAR_RE.search(index.text)):
        return _Match("derived", None, f"the year after the article's {int(now)}")
    if _same(value, now - 1) and _LAST_YEAR_RE.search(index.text):
        return _Match("derived", None, f"the year before the article's {int(now)}")
    return None


def _year_counted_from(value: float, index: ArticleIndex) -> _Match | None:
    """A year counted from another by a span the article gives in years.

    "Escaped in 1978" from an article of 2015 that says "37 years after"; "died in 1649" from
    "died in 1656" and, in the next sentence, "buried seven years earlier". Counted from the
    article's own year, or from a year given in the same or a neighbouring sentence as the span.
    """
    now = _now(index)
    if now is None:
        return None
    spans = [
        other
        for other in index.figures
        if other.kind == "duration" and other.unit == "year" and other.value and _bound(other.qualifier) == "exact"
    ]
    years = [other for other in index.figures if other.kind == "year" and other.value is not None] if spans else []
    for span in spans:
        assert span.value is not None
        if _same(abs(value - now), span.value):
            return _Match("derived", span, f"{int(now)} and '{span.text}'")
        sentence = index.sentence_number(span.start)
        for year in years:
            assert year.value is not None
            if abs(index.sentence_number(year.start) - sentence) <= 1 and _same(abs(value - year.value), span.value):
                return _Match("derived", span, f"'{year.text}' and '{span.text}'")
    return None


def _converted_duration(figure: Figure, index: ArticleIndex) -> Figure | None:
    assert figure.value is not None
    days = _DURATION_DAYS.get(figure.unit or "")
    if days is None:
        return None
    for other in index.figures:
        other_days = _DURATION_DAYS.get(other.unit or "") if other.kind in {"duration", "age"} else None
        if (
            other_days
            and other.unit != figure.unit
            and other.value is not None
            and abs(other.value * other_days - figure.value * days) <= 0.05 * figure.value * days
        ):
            return other
    return None


def _years_apart(value: float, index: ArticleIndex) -> str | None:
    """The summary's number as a gap between two years the article gives ("2009" to "2012" is 3)."""
    years = index.years
    if not 0 < value < 300 or len(years) < 2:
        return None
    # Only counted back from the article's date or the latest year it gives (usually "now"): any
    # two years in a long article differ by some small number, which would excuse any wrong count.
    for latest in {max(years), _now(index) or max(years)}:
        if any(_same(latest - year, value) for year in years):
            return f"{int(latest)} - {int(latest - value)}"
    return None


def _counted_in_years(figure: Figure, index: ArticleIndex) -> _Match | None:
    """A count, duration or age that is the gap between two years of the article."""
    assert figure.value is not None
    if figure.kind == "age" and "year" not in figure.text.lower():
        # "aged 27", "at the age of 27": a person's age, counted only from a birth year. The age of
        # a thing ("a 114-year-old bottle") may run between any two years the article gives.
        return _age_from_birth(figure.value, index)
    if figure.kind not in {"count", "duration", "age"} or figure.qualifier is not None:
        return None
    note = _years_apart(figure.value, index) or _years_apart_nearby(figure.value, index)
    return _Match("derived", None, note) if note else None


# "born in 1987", "(1950-2024)", "(b. 1950)"
_BORN_RE: Final = re.compile(r"(?:\b(?:born|birth)\b[^.;]{0,24}|\(\s*(?:b\.\s*)?)$", re.IGNORECASE)


def _age_from_birth(value: float, index: ArticleIndex) -> _Match | None:
    """An age counted from a year of birth the article gives ("born in 1987") to its latest year.

    Only from a birth: any two years of an article ("a coup in 1987", "elections in 2014") differ by
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
            if _same(latest - born, value) or _same(latest - born - 1, value):
                return _Match("derived", figure, f"born {int(born)}, {int(latest)} - {int(born)}")
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
    for i, (sentence, year) in enumerate(dated):
        for other_sentence, other in dated[i + 1 :]:
            # Gaps of a year or three between years of one passage are everywhere ("2013-14
            # season", "from 2015 to 2017"): only longer ones count.
            if value >= _MIN_NEARBY_GAP and abs(sentence - other_sentence) <= 1 and _same(abs(year - other), value):
                return f"{int(max(year, other))} - {int(min(year, other))}"
    return None


def _operand_kinds(figure: Figure) -> frozenset[str]:
    if figure.kind == "money":
        return frozenset({"money", "count", "fraction"})
    if figure.kind in {"percent", "fraction"}:
        return frozenset({"percent", "fraction", "count", "money"})
    if figure.kind in {"duration", "measure"}:
        return frozenset({figure.kind})
    return frozenset({"count"})


def _related_operands(figure: Figure, context: frozenset[str], index: ArticleIndex) -> list[tuple[int, bool, Figure]]:
    """Exact article figures that can enter a sum, difference, product or ratio for `figure`.

    Same kind only (counts with counts, money with money of the same currency, durations in the same
    unit); no bounds, vague amounts, years, ages or ordinals. Each comes with its sentence number and
    whether it shares a word with the summary figure's clause.
    """
    kinds = _operand_kinds(figure)
    prefixes = _prefixes(context)
    operands = []
    for position, other in enumerate(index.figures):
        if other.value is None or other.vague or other.kind not in kinds or other.value <= 0:
            continue
        if other.start in index.score_parts:
            continue  # "reduced to 8-2": a score's numbers are not amounts to add up
        if _bound(other.qualifier) == "upper" or (_bound(other.qualifier) == "lower" and figure.kind != "count"):
            continue  # "at least 20" may enter a count ("at least 20 and three more"), no ceiling may
        if other.kind == "money" and figure.kind == "money" and not _compatible(figure, other):
            continue
        if other.kind in {"duration", "measure"} and other.unit != figure.unit:
            continue
        related = bool(prefixes & index.prefixes(position))
        operands.append((index.sentence_number(other.start), related, other))
        if len(operands) >= _MAX_OPERANDS:
            break
    return operands


def _prefixes(stems: frozenset[str]) -> frozenset[str]:
    """Stems cut to four letters, so that "sicke" and "sick" agree when words are compared."""
    return frozenset(stem[:4] for stem in stems)


def _arithmetic(figure: Figure, left: Figure, right: Figure, step: float) -> str | None:
    assert figure.value is not None
    tolerance = max(step / 2, abs(figure.value) * 1e-9)
    if figure.kind in _SHARES:
        candidates = _share_results(figure, left, right, step)
    else:
        candidates = _amount_results(figure, left, right)
    for note, result in candidates.items():
        if result > 0 and abs(result - figure.value) <= tolerance:
            return note
    return None


_SHARES: Final = frozenset({"percent", "fraction"})


def _share_results(figure: Figure, left: Figure, right: Figure, step: float) -> dict[str, float]:
    """Percentages from two counts (a share), or from two percentages (sum, difference in points)."""
    assert figure.value is not None
    assert left.value is not None
    assert right.value is not None
    a, b = left.value, right.value
    tolerance = max(0.5, step / 2)
    if left.kind == right.kind and left.kind in {"count", "money"}:
        for numerator, denominator in ((a, b), (b, a)):
            share = 100 * numerator / denominator
            if left.kind == "count" and 0 < numerator < denominator and abs(share - figure.value) <= tolerance:
                return {f"{_show(numerator)} / {_show(denominator)} = {figure.value:g}%": figure.value}
            change = 100 * abs(numerator - denominator) / denominator
            if numerator != denominator and abs(change - figure.value) <= tolerance:
                # a percentage change: "shares rose 8%" from 33 to 35.80
                return {f"{left.text} to {right.text} is {change:.1f}%": figure.value}
        return {}
    if left.kind not in _SHARES or right.kind not in _SHARES:
        return {}
    return {f"{left.text} + {right.text}": a + b, f"{left.text} - {right.text}": abs(a - b)}


def _amount_results(figure: Figure, left: Figure, right: Figure) -> dict[str, float]:
    """Sums and differences of two figures of one kind; products and ratios with a small count (x 12, / 2)."""
    assert left.value is not None
    assert right.value is not None
    if figure.kind == "money" and left.kind == right.kind == "count":
        return {}  # two plain counts do not make an amount of money
    results = {}
    for share, amount in ((left, right), (right, left)):
        if share.kind == "fraction" and amount.kind == "money" and share.value is not None and amount.value is not None:
            # "half of the €900 million fund" is €450 million
            results[f"{share.text} of {amount.text}"] = amount.value * share.value / 100
    if left.kind == right.kind:
        results[f"{left.text} + {right.text}"] = left.value + right.value
        results[f"{left.text} - {right.text}"] = abs(left.value - right.value)
    if figure.kind == "count" and left.kind == right.kind == "count":
        return results  # counts add up; a product or ratio of two counts is a coincidence more often than not
    for (multiplier, m), (other, o) in (
        ((left, left.value), (right, right.value)),
        ((right, right.value), (left, left.value)),
    ):
        if multiplier.kind == "count" and m == int(m) and 1 < m <= 12 and not _same(m, o):
            results[f"{other.text} x {multiplier.text}"] = o * m
            results[f"{other.text} / {multiplier.text}"] = o / m
            break
    return results


def _show(value: float) -> str:
    return f"{value:g}"


# --- putting it together ----------------------------------------------------------------------


_SCORE_RE: Final = re.compile(r"(?<![\d.,])(\d{1,3})\s*[-\u2013]\s*(\d{1,3})(?!\d|[.,]\d)")


def _scores_in_article(text: str, index: ArticleIndex) -> dict[int, _Match]:
    """Verdicts for the figures of `text` that belong to a score ("4 - 2", "won 2-1").

    A score the article gives (either way round: "lost 1-2" is "won 2-1") supports both numbers. A score
    it does not give is unsupported when the article gives other scores: its numbers alone would
    match any 1 or 2 in the article.
    """
    found: dict[int, _Match] = {}
    if "-" not in text and "\u2013" not in text:
        return found
    article_scores = index.scores
    for match in _SCORE_RE.finditer(text):
        score = f"{match.group(1)}-{match.group(2)}"
        reverse = f"{match.group(2)}-{match.group(1)}"
        given = article_scores.get(score) or article_scores.get(reverse)
        if given is not None:
            found[match.start(1)] = found[match.start(2)] = _Match("supported", given)
        elif article_scores and not _is_range_in_article(match, index):
            note = "the article's scores are " + ", ".join(sorted(article_scores)[:4])
            nearest = next(iter(article_scores.values()))
            found[match.start(1)] = found[match.start(2)] = _Match("unsupported", nearest, note)
    return found


def _is_range_in_article(match: re.Match[str], index: ArticleIndex) -> bool:
    """Whether "10-12" stands for a range the article writes out ("10 to 12", "between 10 and 12")."""
    low, high = match.group(1), match.group(2)
    return bool(re.search(rf"\b{low}\s+(?:to|and)\s+{high}\b", index.text))


def check_figures(text: str, index: ArticleIndex, *, bind: bool = True) -> list[FigureCheck]:
    """Check every figure of `text` against an indexed article (or evidence quote)."""
    layout = _LazyLayout(text)
    scores = _scores_in_article(text, index)
    checks = []
    for figure in find_figures(text):
        if figure.value is None:
            continue  # "several": no value to check
        if figure.start in scores:
            # "4 - 2" in tokenised text: read as a whole score, not two loose numbers.
            checks.append(_to_check(figure, scores[figure.start], index))
            continue
        match = _check_one(figure, _Around(layout, figure), index, bind=bind)
        if figure.kind == "ordinal" and not figure.text[:1].isdigit() and match.status in _FLAGGED_STATUSES:
            continue  # "second", "third": too often not figures ("second half") to flag
        checks.append(_to_check(figure, match, index))
    return checks


def _to_check(figure: Figure, match: _Match, index: ArticleIndex) -> FigureCheck:
    article = match.article
    return FigureCheck(
        text=figure.text,
        value=figure.value,
        unit=figure.unit,
        qualifier=figure.qualifier,
        status=match.status,
        article_span=(article.start, article.end) if article else None,
        article_text=article.text if article else None,
        article_sentence=index.sentence_text(article) if article else None,
        note=match.note,
    )


_QUOTES: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "\u2013": "-"})
_ELLIPSIS_RE: Final = re.compile(r"\.\.\.|…|\[\.\.\.\]")


def _canonical(text: str) -> str:
    """Text for quote search: one quote style, lower case, no whitespace at all."""
    return "".join(text.translate(_QUOTES).lower().split())


@lru_cache(maxsize=512)
def _canonical_article(article: str) -> str:
    return _canonical(article)  # every claim of a summary searches the same article


def quote_in_article(quote: str, article: str) -> bool:
    """Whether a quote occurs in the article, tolerant of whitespace, quote style, case and ellipses."""
    canonical_article = _canonical_article(article)
    pieces = [_canonical(piece).strip("\"'.,") for piece in _ELLIPSIS_RE.split(quote)]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and all(piece in canonical_article for piece in pieces)


@lru_cache(maxsize=64)
def _canonical_positions(article: str) -> tuple[str, tuple[int, ...]]:
    """The article as quote search sees it (`_canonical`), with each character's place in the article."""
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(article.translate(_QUOTES)):
        if char.isspace():
            continue
        for lowered in char.lower():
            chars.append(lowered)
            positions.append(position)
    return "".join(chars), tuple(positions)


def _evidence_index(evidence: str, article: str) -> ArticleIndex:
    """The article's own figures within a quoted passage, without extracting them again.

    An evidence quote is a span of the article: locate it and reuse the article's figures, layout
    and word contexts there. A quote with elisions ("...") is indexed on its own.
    """
    index = index_article(article)
    piece = _canonical(evidence).strip("\"'.,")
    canonical, positions = _canonical_positions(article)
    at = canonical.find(piece) if piece and not _ELLIPSIS_RE.search(evidence) else -1
    if at < 0:
        return _build_index(evidence)
    span = (positions[at], positions[at + len(piece) - 1] + 1)
    view = index.views.get(span)
    if view is None:
        start, end = span
        first = bisect.bisect_left(index.starts, start)
        figures = []
        for figure in index.figures[first:]:
            if figure.start >= end:
                break
            if figure.end <= end:
                figures.append(figure)
        view = ArticleIndex(
            article,
            figures,
            index.layout,
            _years_of(figures),
            {score: figure for score, figure in index.scores.items() if start <= figure.start < end},
            dated=False,
            score_parts=frozenset(part for part in index.score_parts if start <= part < end),
        )
        index.views[span] = view
    return view


def _check_claim(statement: str, evidence: str, figures: Iterable[str], article: str) -> ClaimCheck:
    problems = []
    found = quote_in_article(evidence, article)
    if not found:
        problems.append(
            f"Claim '{_clip(statement, 120)}': its evidence is not in the article; quote the article verbatim."
        )
    evidence_index = _evidence_index(evidence, article) if found else _build_index(evidence)
    checks = check_figures(statement, evidence_index, bind=False)
    wrong = [check for check in checks if check.status in _FLAGGED_STATUSES]
    for check in wrong:
        said = f"; the evidence says '{check.article_text}'" if check.article_text else ""
        problems.append(f"Claim '{_clip(statement, 120)}': '{check.text}' is not what its evidence says{said}.")
    canonical_statement = _canonical(statement)
    for listed in figures:
        if _canonical(listed) not in canonical_statement:
            problems.append(f"Claim '{_clip(statement, 120)}': listed figure '{listed}' is not in the statement.")
    return ClaimCheck(statement=statement, evidence_found=found, figures_consistent=not wrong, problems=problems)


def _check_key_figure_sentence(figure: str, measures: str, sentence: str, article: str) -> ClaimCheck:
    check = _check_claim(figure, sentence, [], article)
    label = f"key figure '{figure}' ({measures})"
    problems = [
        problem.replace(f"Claim '{_clip(figure, 120)}'", label[:1].upper() + label[1:]) for problem in check.problems
    ]
    return check.model_copy(update={"statement": label, "problems": problems})


def verify(article: str, summary: str | ArticleSummary) -> GroundingReport:
    """Check every figure (and, for a structured summary, every claim) against the article."""
    index = index_article(article)
    if isinstance(summary, str):
        figures = check_figures(summary, index)
        claims: list[ClaimCheck] = []
    else:
        figures = _unique(
            [
                *check_figures(summary.summary, index),
                *(check for point in summary.key_points for check in check_figures(point, index)),
                *(check for kf in summary.key_figures for check in check_figures(kf.figure, index, bind=False)),
            ]
        )
        claims = [
            _check_key_figure_sentence(kf.figure, kf.measures, kf.sentence, article) for kf in summary.key_figures
        ]
        claims += [_check_claim(c.statement, c.evidence, c.figures, article) for c in summary.claims]
    ok = all(check.status in _GOOD_STATUSES for check in figures) and not any(c.problems for c in claims)
    return GroundingReport(figures=figures, claims=claims, ok=ok)


def _unique(checks: list[FigureCheck]) -> list[FigureCheck]:
    """Drop exact repeats (the same figure with the same verdict), keeping the first."""
    seen: set[tuple[str, str, tuple[int, int] | None]] = set()
    unique = []
    for check in checks:
        key = (check.text, check.status, check.article_span)
        if key not in seen:
            seen.add(key)
            unique.append(check)
    return unique
