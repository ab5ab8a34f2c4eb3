"""The words around a figure: content stems, sentence and clause spans, what precedes and follows it."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from summarizer.figures import Figure
from summarizer.text import SUFFIX_RE, clean_text, sentence_spans, stem

from .direction import Movement, movement_of
from .frames import Frame, FrameReader

_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Words that count persons of any sort: stop words to the stems, so read apart ("4,100 people")
PERSON_WORDS: Final = frozenset({"people", "persons"})
_FIRST: Final = operator.itemgetter(0)  # a span's start


# A clause ends at a semicolon, colon, bracket or dash, at a comma or a spaced hyphen before white
# space, and before "while", "whereas", "but", "although", "though" or "compared" (any case):
# where `[;:()\u2014\u2013]|,\s|\s-\s|\b(?:while|whereas|but|although|though|compared)\b`, case-free,
# matches (`finditer`). `clause_breaks` finds those matches with `str.find` for the marks and this
# regex for the words (tests/grounding/test_clause_breaks.py holds it to that pattern).
_BREAK_WORD_RE: Final = re.compile(r"\b(?:while|whereas|but|although|though|compared)\b", re.IGNORECASE)
_BREAK_MARKS: Final = ";:()\u2014\u2013"
# Where the text is ASCII, the regex can match only where its lower-cased text holds one of these
# ("although" holds "though"); case-free matching pairs no ASCII letter with another character.
_BREAK_WORDS: Final = ("but", "while", "though", "whereas", "compared")


_HEAD_RE: Final = re.compile(
    r"(?:[\s-]+(?:of|the|more|other|others|additional|extra|further|new|more|were|are|was|have|had|being|people))*"
    r"[\s-]+(?P<word>[A-Za-z]{3,})"
)


_NOT_HEADS: Final = frozenset(
    {"in", "and", "or", "to", "at", "on", "for", "from", "with", "by", "as", "than", "per", "cent", "percent", "who"}
)


# A line that opens on its label, a colon and the figure: "Workers: 1,150", "Net loss: $9m", "Homes at
# risk: 310" (a capital, at most four words, nothing but a sign after the colon).
LINE_LABEL_RE: Final = re.compile(r"\s*([A-Z][A-Za-z'’-]*(?:[ \t]+[A-Za-z'’-]+){0,3})[ \t]*:[ \t]*[+\-]?")
LABEL_COLON_REACH: Final = 3  # characters from a label's colon to its figure (": +9%")


_CONTEXT_WINDOW: Final = 60  # characters either side of a figure, within its clause
# The words of a clause set off by commas that tells only a value of the noun before it: "The contract,
# worth $31 million, has gone to ...", "its new wing, costing £4m, opens".
_APPOSITIVE_LEADS: Final = frozenset(map(stem, ("worth", "valued", "costing", "priced", "totalling", "totaling")))


_SUBJECT_WINDOW: Final = 40  # characters before a figure that usually name what it measures
# A figure's own tail that starts with a preposition, then a join, with nothing but the next figure's
# lead after it: " from the council and ", " in grants, with ".
_TAIL_THEN_JOIN_RE: Final = re.compile(
    r"\s+(?:from|for|in|at|on|to|by)(?:\s+[A-Za-z'’-]+){0,4}?,?\s+(?:and|while|with|as|plus)\s+",
    re.IGNORECASE,
)


def content_stems(text: str, *, skip_names: bool = False) -> frozenset[str]:
    """Content-word stems: lower-cased words without stop words, cut to five letters."""
    if not skip_names:
        return frozenset(filter(None, map(stem, _WORD_RE.findall(text))))
    stems = set()
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        if word[0].isupper() and not _starts_sentence(text, match.start()):
            continue  # a name says who, not what the figure measures
        stemmed = stem(word)
        if stemmed:
            stems.add(stemmed)
    return frozenset(stems)


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n"


def _clause_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for break_start, break_end in clause_breaks(text):
        if break_start > start:
            spans.append((start, break_start))
        start = break_end
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]


def clause_breaks(text: str) -> list[tuple[int, int]]:
    """The spans of the clause breaks of `text`, in order: what `finditer` of the pattern above gives.

    Each kind of break is found on its own, the marks with `str.find` (a regex search tries every
    place of the sentence, two and a half times the cost), then taken in order as `finditer` takes
    them: a break that starts inside the one before it is none (", - " is one break, ", "). Breaks
    of two kinds never start at one place, so the order of kinds in the pattern decides nothing.
    """
    found = []
    for mark in _BREAK_MARKS:
        at = text.find(mark)
        while at >= 0:
            found.append((at, at + 1))
            at = text.find(mark, at + 1)
    at = text.find(",")
    while at >= 0:
        if text[at + 1 : at + 2].isspace():  # (`isspace` and `\s` are one test of a character)
            found.append((at, at + 2))
        at = text.find(",", at + 1)
    at = text.find("-", 1)
    while at >= 0:
        if text[at - 1].isspace() and text[at + 1 : at + 2].isspace():
            found.append((at - 1, at + 2))
        at = text.find("-", at + 1)
    if not text.isascii() or any(word in text.lower() for word in _BREAK_WORDS):
        found.extend(match.span() for match in _BREAK_WORD_RE.finditer(text))
    found.sort()
    taken = []
    end = 0
    for span in found:
        if span[0] >= end:
            taken.append(span)
            end = span[1]
    return taken


class Readings:
    """Readings that depend on a piece of text alone (a sentence's clauses, the content stems of a
    window), kept by the piece: a summary that copies its article's sentences reads them once.

    One per article index, shared with the layouts of the summaries checked against it; it lives
    as long as the index.
    """

    __slots__ = ("_clauses", "_names_skipped", "_stems")

    def __init__(self) -> None:
        self._clauses: dict[str, list[tuple[int, int]]] = {}
        self._stems: dict[str, frozenset[str]] = {}
        self._names_skipped: dict[str, frozenset[str]] = {}

    def clauses(self, sentence: str) -> list[tuple[int, int]]:
        """The clauses of a sentence, as spans of it."""
        found = self._clauses.get(sentence)
        if found is None:
            found = self._clauses[sentence] = _clause_spans(sentence)
        return found

    def stems(self, piece: str, *, skip_names: bool = False) -> frozenset[str]:
        """`content_stems(piece, skip_names=...)`."""
        kept = self._names_skipped if skip_names else self._stems
        found = kept.get(piece)
        if found is None:
            found = kept[piece] = content_stems(piece, skip_names=skip_names)
        return found


@dataclass(slots=True)
class TextLayout:
    """Sentence and clause boundaries of one text, for finding a figure's surroundings."""

    text: str
    sentences: list[tuple[int, int]]
    sentence_starts: list[int]
    readings: Readings = field(default_factory=Readings)
    # by sentence, split when needed: the clauses and where they start
    _clauses: dict[int, tuple[list[tuple[int, int]], list[int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str, readings: Readings | None = None) -> TextLayout:
        """`readings`: those of another text this one may copy sentences from (a summary's article)."""
        sentences = sentence_spans(text) or [(0, len(text))]
        return cls(text, sentences, list(map(_FIRST, sentences)), readings or Readings())

    def clause_of(self, position: int) -> tuple[int, int]:
        """The clause a position stands in; a sentence is split into clauses the first time it is asked."""
        number = bisect.bisect_right(self.sentence_starts, position) - 1
        number = number if number > 0 else 0  # before the first sentence: in it (no call of `max`)
        found = self._clauses.get(number)
        if found is None:
            s, e = self.sentences[number]
            clauses = [(s + cs, s + ce) for cs, ce in self.readings.clauses(self.text[s:e])]
            found = self._clauses[number] = (clauses, [start for start, _ in clauses])
        clauses, starts = found
        at = bisect.bisect_right(starts, position) - 1
        return clauses[at if at > 0 else 0]

    def sentence_of(self, position: int) -> tuple[int, int]:
        number = bisect.bisect_right(self.sentence_starts, position) - 1
        return self.sentences[number if number > 0 else 0]

    def subject_of(self, figure: Figure, after: int = 0) -> frozenset[str]:
        """Content stems just before a figure, within its clause and after the figure before it
        (`after`, its end): what the figure is about. "A has 32 and B has 21": A is not the 21's."""
        clause_start, _ = self.clause_of(figure.start)
        floor = max(clause_start, after)
        if after > clause_start:
            # "£20,000 from the council and £14,000 from businesses": the words that follow the figure
            # before with a preposition, up to a join, are that figure's (who gave it), not this one's
            tail = _TAIL_THEN_JOIN_RE.match(self.text, after, figure.start)
            floor = tail.end() if tail is not None else floor
        start = max(floor, figure.start - _SUBJECT_WINDOW)
        # Whole words only: a window that starts inside a word would invent a stem.
        while start > floor and self.text[start - 1].isalpha():
            start -= 1
        return self.readings.stems(self.text[start : figure.start], skip_names=True)

    def head_of(self, figure: Figure) -> str:
        """The word the figure quantifies, right after it ("three climbers", "12 others injured"), as a stem."""
        match = _HEAD_RE.match(self.text, figure.end)
        if match is None:
            return ""
        word = match.group("word").lower()
        return "" if word in _NOT_HEADS else SUFFIX_RE.sub("", word)[:4]

    def context_of(self, figure: Figure) -> frozenset[str]:
        """Content stems of the clause around a figure, within a window, minus the figure itself."""
        clause_start, clause_end = self.clause_of(figure.start)
        left = self.text[max(clause_start, figure.start - _CONTEXT_WINDOW) : figure.start]
        right = self.text[figure.end : min(max(clause_end, figure.end), figure.end + _CONTEXT_WINDOW)]
        stems = self.readings.stems(left + " " + right)
        if stems and stems <= _APPOSITIVE_LEADS and self.text.startswith(",", clause_start - 2):
            # "The contract, worth $31 million, has gone to ...": the value is the contract's
            before = self.clause_of(clause_start - 2)[0]
            stems |= self.readings.stems(self.text[max(before, clause_start - 2 - _CONTEXT_WINDOW) : clause_start - 2])
        return stems


class LazyLayout:
    """A text's sentence and clause layout, built the first time a figure's surroundings are needed."""

    __slots__ = ("_figures", "_frames", "_headline", "_layout", "_readings", "_source", "_starts", "_text")

    def __init__(
        self,
        text: str,
        figures: list[Figure] | None = None,
        *,
        source: Callable[[], FrameReader] | None = None,
        readings: Readings | None = None,
    ) -> None:
        """`source` and `readings`: the frame reader and the readings of the text this one may copy
        sentences from (see `FrameReader`, `Readings`)."""
        self._text = text
        self._readings = readings
        self._headline: bool | None = None
        self._figures = figures
        self._starts: list[int] | None = None
        self._layout: TextLayout | None = None
        self._frames: FrameReader | None = None
        self._source = source

    def frames(self) -> FrameReader:
        """What the text's figures measure (needs the figures the layout was made with)."""
        if self._frames is None:
            source = self._source() if self._source is not None else None
            self._frames = FrameReader(self._text, self._figures or [], self.get().sentences, source=source)
        return self._frames

    @property
    def text(self) -> str:
        return self._text

    def headline(self) -> bool:
        if self._headline is None:
            self._headline = is_headline(self._text)
        return self._headline

    def starts(self) -> list[int]:
        """Where each figure of the text starts, in order."""
        if self._starts is None:
            self._starts = [other.start for other in self._figures or []]
        return self._starts

    def end_before(self, figure: Figure) -> int:
        """Where the figure before `figure` ends (0 at the first, or without figures)."""
        figures = self._figures or []
        at = bisect.bisect_left(self.starts(), figure.start)
        return figures[at - 1].end if at > 0 else 0

    def get(self) -> TextLayout:
        if self._layout is None:
            self._layout = TextLayout.of(self._text, self._readings)
        return self._layout


SIBLING_REACH: Final = 32  # the summary's figures either side of a figure that are read beside it


class Around:
    """What surrounds a summary figure: its clause's content words, the words before it, its head noun.

    Computed on first use: most figures match one article figure and never need them.
    """

    __slots__ = (
        "_context",
        "_frame",
        "_head",
        "_layout",
        "_movement",
        "_prefixes",
        "_reach",
        "_reader",
        "_subject",
        "figure",
        "layout",
        "sibling_starts",
        "siblings",
        "text",
    )

    def __init__(self, layout: LazyLayout, figure: Figure) -> None:
        self._layout = layout
        # Plain attributes, not properties: every rule reads them, most more than once.
        self.figure = figure  # the summary figure this is the surroundings of
        self.text = layout.text  # the whole summary text the figure stands in
        self.layout = layout.get()  # the text's sentences and clauses
        # All the figures of the summary text this figure stands in, itself included, in order, and
        # where each starts (for bisection).
        # Only the `SIBLING_REACH` figures either side are its siblings: a summary's figures are set
        # side by side (swapped, compared, added up) near each other, and a summary of hundreds of
        # figures in a row is a table, whose every figure must not read all the others.
        self._reader = layout.frames()
        figures, starts = self._reader.figures, layout.starts()
        if len(figures) > 2 * SIBLING_REACH + 1:
            at = bisect.bisect_left(starts, figure.start)
            low, high = max(0, at - SIBLING_REACH), at + SIBLING_REACH + 1
            last = high >= len(figures)
            figures, starts = figures[low:high], starts[low:high]
            self._reach = (figures[0].start if low else 0, len(layout.text) if last else figures[-1].end)
        else:
            self._reach = (0, len(layout.text))
        self.siblings = figures
        self.sibling_starts = starts
        self._frame: Frame | None = None
        self._context: frozenset[str] | None = None
        self._subject: frozenset[str] | None = None
        self._head: str | None = None
        self._prefixes: frozenset[str] | None = None
        self._movement: Movement | bool | None = False  # False: not read yet (None: no movement)

    @property
    def prefixes(self) -> frozenset[str]:
        if self._prefixes is None:
            self._prefixes = prefixes_of(self.context)
        return self._prefixes

    @property
    def context(self) -> frozenset[str]:
        if self._context is None:
            self._context = self.layout.context_of(self.figure)
        return self._context

    def label(self) -> frozenset[str]:
        """The words of the label of a compact line the figure opens ("Transport fund: 2.2m kroner"):
        they say what the value counts, as a noun before it would, though the colon ends the clause."""
        start = self.figure.start
        if self.text.find(":", max(0, start - LABEL_COLON_REACH), start) < 0:
            return frozenset()  # (most figures stand on no labelled line)
        found = LINE_LABEL_RE.fullmatch(self.text, self.layout.sentence_of(start)[0], start)
        return self.layout.readings.stems(found.group(1)) if found else frozenset()

    @property
    def subject(self) -> frozenset[str]:
        if self._subject is None:
            self._subject = self.layout.subject_of(self.figure, self._layout.end_before(self.figure))
        return self._subject

    @property
    def head(self) -> str:
        if self._head is None:
            self._head = self.layout.head_of(self.figure)
        return self._head

    @property
    def in_headline(self) -> bool:
        """Whether the figure stands in a headline (see `is_headline`)."""
        return self._layout.headline()

    def others_between(self, start: int, end: int) -> list[Figure]:
        """The summary's other figures that start between `start` and `end` (its sentence, its clause)."""
        return [
            sibling
            for sibling in self.siblings[
                bisect.bisect_left(self.sibling_starts, start) : bisect.bisect_left(self.sibling_starts, end)
            ]
            if sibling is not self.figure
        ]

    def within_reach(self, start: int, end: int) -> tuple[int, int]:
        """The part of `text[start:end]` (a sentence, a clause) that the figure's siblings span: all of
        it, unless the summary has more figures than a figure reads (`SIBLING_REACH`)."""
        return max(start, self._reach[0]), min(end, self._reach[1])

    def before(self, figure: Figure) -> Figure | None:
        """The summary's figure right before `figure`, if any."""
        at = bisect.bisect_left(self.sibling_starts, figure.start)
        return self.siblings[at - 1] if at > 0 else None

    def next_of(self, figure: Figure) -> Figure | None:
        """The summary's figure right after `figure`, if any."""
        at = bisect.bisect_right(self.sibling_starts, figure.start)
        return self.siblings[at] if at < len(self.siblings) else None

    def whole_of(self, other: Figure) -> Figure | None:
        """The whole that opens the sentence of another figure of the summary, if it is a part of it
        ("Of 40 trainees, 31 passed": the 40 for the 31; see `FrameReader.whole_of`)."""
        return self._reader.whole_of(other)

    def frame_of(self, other: Figure) -> Frame:
        """What another figure of the same summary text measures."""
        return self._reader.frame(other)

    def nearest_in_value(self, kind: str, value: float, count: int) -> list[Figure]:
        """Up to `count` figures of the summary of a kind whose values lie nearest `value`."""
        return self._reader.nearest_in_value(kind, value, count)

    @property
    def frame(self) -> Frame:
        """What the summary figure measures, read from its sentence's structure."""
        if self._frame is None:
            self._frame = self._reader.frame(self.figure)
        return self._frame

    def after(self, length: int) -> str:
        """The text right after the figure."""
        return self.text[self.figure.end : self.figure.end + length]

    @property
    def movement(self) -> Movement | None:
        if self._movement is False:
            self._movement = movement_of(self.text, self.figure)
        assert not isinstance(self._movement, bool)
        return self._movement


def is_headline(text: str) -> bool:
    """A headline: one short line that does not end as a sentence does ("Storm Cuts Power to 40,000").

    A headline compresses: it takes its words from the opening and its figure from further down, so
    words around its figure are weak evidence of what the figure measures.
    """
    stripped = text.strip().rstrip("\"'”’)")
    if "\n" in stripped or stripped.endswith(".") or len(stripped.split()) > _HEADLINE_WORDS:
        return False
    # A headline opens with a capital, a figure or a quote; lower case is a sentence cut short.
    return bool(stripped) and not stripped[0].islower()


_HEADLINE_WORDS: Final = 16


def prefixes_of(stems: frozenset[str]) -> frozenset[str]:
    """Stems cut to four letters, so that "sicke" and "sick" agree when words are compared."""
    return frozenset(stem[:4] for stem in stems)


_QUOTES: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "\u2013": "-"})


def canonical(text: str) -> str:
    """Text for quote search: clean, one quote style, lower case, no whitespace at all."""
    return "".join(clean_text(text).translate(_QUOTES).lower().split())


def canonical_positions(text: str) -> tuple[str, tuple[int, ...]]:
    """`canonical(text)`, with each of its characters' place in `text`."""
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(text.translate(_QUOTES)):
        if char.isspace():
            continue
        for lowered in char.lower():
            chars.append(lowered)
            positions.append(position)
    return "".join(chars), tuple(positions)


def has_word(text: str, word: str, edge_after: re.Pattern[str] | None = None) -> bool:
    """Whether `word` stands in `text` as a whole word ("march", not the "march" of "marched");
    `edge_after`: the test of what follows it (a word edge unless given). Found by `str.find`, with
    one compiled test of the edges: a pattern built from each word would fill `re`'s own cache with
    the names of articles."""
    after = edge_after or _WORD_EDGE_RE
    at = text.find(word)
    while at >= 0:
        if _WORD_EDGE_RE.match(text, at) and after.match(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


_WORD_EDGE_RE: Final = re.compile(r"\b")
