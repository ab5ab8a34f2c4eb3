"""What a figure measures, read from the structure around it: its frame.

A figure's frame has four parts, each read from the sentence it stands in:

- ``thing``: what it counts or measures — the first content word after it and, when an "of" phrase
  follows, that phrase's nouns ("12 homes", "45% of the country's exports", "£2m on roads").
- ``context``: the words that govern it — its own stretch of the sentence back to the figure before
  it, and the sentence's opening words when the figure is only coordinated with another ("The fire
  destroyed 12 homes and 30 sheds": both are "destroyed" by "the fire").
- ``years``: the years named in its stretch ("In 2021, 60% of requests ...").
- ``tense`` and ``phase``: whether its stretch speaks of the past or the future ("over the past
  decade" / "over the next decade"), of a start or an end ("began in 2018" / "due to finish in 2025").

Stretches are cut at the other figures of the sentence, so in "45% of its exports and 30% of its
imports" the 30% owns "of its imports" and not "exports". Frames are computed on demand and kept per
reader: one reader per text, no memory across calls.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import operator
import re
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from summarizer.figures import Figure
from summarizer.text import sentence_spans, stem

Tense = Literal["past", "future"]
Phase = Literal["start", "end"]

_TOKEN_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*\d|\d|[,;:()\u2014\u2013]")
_CLAUSE_MARKS: Final = frozenset(",;:()\u2014\u2013")
# Words that start another clause or another item: a figure's phrase ends before them.
_BOUNDARY_WORDS: Final = frozenset(
    [
        "and",
        "or",
        "but",
        "while",
        "whereas",
        "against",
        "versus",
        "vs",
        "compared",
        "although",
        "though",
        "which",
        "who",
        "that",
        "when",
        "after",
        "before",
        "since",
        "up",
        "down",
        "from",
    ]
)
_BACK_REFERENCES: Final = frozenset(["them", "us", "those", "these", "which", "whom", "it", "this", "that", "all"])
_PREPOSITIONS: Final = frozenset(
    [
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "by",
        "with",
        "over",
        "under",
        "into",
        "onto",
        "after",
        "before",
        "during",
        "per",
        "against",
        "across",
        "among",
    ]
)
_COORDINATORS: Final = frozenset({"and", "or", "plus"})
_DETERMINERS: Final = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)
_PHRASE_WORDS: Final = 6  # words read after a figure
_LEFT_WORDS: Final = 10  # words read before a figure
_GAP: Final = 4  # characters between a phrase and the next figure it leads into ("at $5", "to 12")
_CALENDAR: Final = frozenset({"year", "date", "decade"})
_DATED: Final = frozenset({"year", "date"})  # the kinds `year_of` reads a year from
_SPANS: Final = frozenset({"duration", "decade"})
# Figures that say when or how long: they modify the figures beside them rather than compete with
# them, so they cut only the stretches of each other.
_MODIFIERS: Final = _CALENDAR | {"duration"}  # "over the past decade" after a figure says when
_RANGE_JOINER_RE: Final = re.compile(r"(?:\bto|\band|\bor|-|\u2013|\u2014)\s*$", re.IGNORECASE)
# "Of the 30 riders ...", "Of its 1,200 staff ...": a sentence that opens with the whole its figures are parts of.
# "Of the 30 riders", and "Of 30 riders" with no article
_WHOLE_OPENING_RE: Final = re.compile(r"\W*of\s+(?:(?:the|its|their|his|her|our|these|those)\s+)?", re.IGNORECASE)
_JOINER_ONLY_RE: Final = re.compile(r"\s*(?:to|and|or|until|-|\u2013|\u2014)\s*", re.IGNORECASE)
# An aside: a comma and at most two words before its figure, at most three words and a comma after
# it, then a word that is no coordinator ("Oxcombe, about 30 miles north, took").
_ASIDE_OPEN_RE: Final = re.compile(r"[A-Za-z],\s+(?:[A-Za-z]+\s+){0,2}$")
_ASIDE_CLOSE_RE: Final = re.compile(r"(?:\s+[A-Za-z]+){0,3},\s+(?P<next>[A-Za-z]+)\b")
_ASIDE_REACH: Final = 24
# ", and in 2011", "; by 2012": only a joiner and a preposition between a clause break and a date that leads its clause
_LEADS_CLAUSE_RE: Final = re.compile(
    r"\s*(?:(?:and|but|then|while)\s+)?(?:in|by|on|from|since|until|during)\s+", re.IGNORECASE
)
_SPAN_DATED_RE: Final = re.compile(r"\s+(?:in|from|since|until)\s+", re.IGNORECASE)
# what stands between two dates of a list ("in 2008, in 2011 and in 2015", "on 4 March, on 9 April"),
# or after its last one (the sentence's end): no clause of its own to lead
_DATE_LIST_JOIN_RE: Final = re.compile(r"\s*,?\s+(?:(?:and|or)\s+)?(?:(?:in|on|by)\s+)?", re.IGNORECASE)
_SENTENCE_END_RE: Final = re.compile(r"\s*(?:[.;!?]|$)")
_OPENING_WORDS: Final = 8  # words after a date that opens its sentence read as what it dates
_PAST_WORDS: Final = frozenset(["past", "previous", "preceding", "ago", "earlier", "former"])
_FUTURE_WORDS: Final = frozenset(["next", "coming", "upcoming", "future", "will", "forecast", "projected", "expected"])
# Every word a frame's tense is read from (see `_tense`), for `may_hold`.
TENSE_WORDS: Final = _PAST_WORDS | _FUTURE_WORDS | {"last"}
_START_WORDS: Final = frozenset(
    ["began", "begin", "begun", "begins", "started", "start", "starts", "launched", "launch", "commenced"]
)
_END_WORDS: Final = frozenset(
    ["finished", "finish", "finishes", "completed", "complete", "completes", "ended", "concluded"]
)
PHASE_WORDS: Final = _START_WORDS | _END_WORDS  # every word a frame's phase is read from (see `_phase`)


def may_hold(text: str, words: frozenset[str]) -> bool:
    """Whether a frame read in `text` (the sentence of its figure) may find one of `words` (`TENSE_WORDS`,
    `PHASE_WORDS`): a frame's words are letters as the text writes them, so each is in the text
    lower-cased. When none is, the frame has no tense (or phase) and need not be read."""
    lowered = text.lower()
    return any(word in lowered for word in words)


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure measures: see the module docstring."""

    thing: frozenset[str]
    context: frozenset[str]
    years: frozenset[int]
    tense: Tense | None
    phase: Phase | None
    label: str = ""  # what it measures, in the text's own words ("the country's exports", "homes")
    modifiers: frozenset[str] = frozenset()  # the other content words of its noun phrase ("transatlantic")
    # `thing` and `context` together: made once here, as the rules read it many times per frame
    words: frozenset[str] = dataclasses.field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", self.thing | self.context)


def _new_frame(
    *,
    thing: frozenset[str],
    context: frozenset[str],
    years: frozenset[int],
    tense: Tense | None,
    phase: Phase | None,
    label: str,
    modifiers: frozenset[str],
) -> Frame:
    """`Frame(...)`, built in half the time (as `figures.extract._figure` builds figures): a frozen
    dataclass's `__init__` sets each field with a call of `object.__setattr__`, where this sets each
    slot through its descriptor. The same frame, just as frozen after; a check reads tens per article."""
    frame = _NEW_FRAME(Frame)
    _SET_THING(frame, thing)
    _SET_CONTEXT(frame, context)
    _SET_YEARS(frame, years)
    _SET_TENSE(frame, tense)
    _SET_PHASE(frame, phase)
    _SET_LABEL(frame, label)
    _SET_MODIFIERS(frame, modifiers)
    _SET_WORDS(frame, thing | context)  # as `Frame.__post_init__` joins them
    return frame


# `Frame.__new__` is `object.__new__` for the Python class; compiled by mypyc (the opt-in build),
# Frame has its own. The slots' setters, by field name (tests/grounding/test_frame_build.py checks
# that `_new_frame` sets every field of `Frame`).
_NEW_FRAME: Final = Frame.__new__
_SET_THING, _SET_CONTEXT, _SET_YEARS, _SET_TENSE, _SET_PHASE, _SET_LABEL, _SET_MODIFIERS, _SET_WORDS = (
    getattr(Frame, name).__set__
    for name in ("thing", "context", "years", "tense", "phase", "label", "modifiers", "words")
)


class FrameReader:
    """Frames of the figures of one text, computed when first asked for."""

    __slots__ = (
        "_by_value",
        "_copies",
        "_frames",
        "_opening",
        "_phrases",
        "_picks",
        "_sentence_ends",
        "_sentence_starts",
        "_source",
        "_starts",
        "figures",
        "text",
    )

    def __init__(
        self,
        text: str,
        figures: list[Figure],
        sentences: list[tuple[int, int]] | None = None,
        *,
        source: FrameReader | None = None,
    ) -> None:
        """`sentences`: the text's sentence spans when the caller has them (they are split once per text).
        `source`: the reader of a text this one may copy sentences from (a summary's article)."""
        self.text = text
        # (keys and columns read by `operator` getters: no Python call per figure or sentence)
        self.figures = sorted(figures, key=_START)
        self._starts = list(map(_START, self.figures))
        sentences = _with_semicolons(text, sentences if sentences is not None else sentence_spans(text))
        self._sentence_starts = list(map(_FIRST, sentences))
        self._sentence_ends = list(map(_SECOND, sentences))
        self._frames: dict[int, Frame] = {}
        self._opening: dict[int, tuple[str, ...]] = {}
        self._phrases: dict[tuple[int, int], _Phrase] = {}
        # by sentence start: each figure's picks of the opening's words, and their union by kind
        self._picks: dict[int, tuple[dict[int, frozenset[str]], dict[str, frozenset[str]]]] = {}
        self._source = source
        self._copies: dict[int, tuple[list[Figure], list[Figure]] | None] = {}  # by sentence start
        self._by_value: dict[str, tuple[list[float], list[Figure]]] = {}  # by kind, read when first asked

    def nearest_in_value(self, kind: str, value: float, count: int) -> list[Figure]:
        """Up to `count` figures of a kind whose values lie nearest `value`: found by bisection in the
        values sorted once per kind, so a text of thousands of figures is not read per question."""
        found = self._by_value.get(kind)
        if found is None:
            ordered = sorted((one for one in self.figures if one.kind == kind and one.value is not None), key=_VALUE)
            found = self._by_value[kind] = ([one.value or 0.0 for one in ordered], ordered)
        values, ordered = found
        low = high = bisect.bisect_left(values, value)
        while high - low < count and (low > 0 or high < len(values)):
            # the closer of the two neighbours of the window first
            if high >= len(values) or (low > 0 and value - values[low - 1] <= values[high] - value):
                low -= 1
            else:
                high += 1
        return ordered[low:high]

    def frame(self, figure: Figure) -> Frame:
        found = self._frames.get(figure.start)
        if found is None:
            found = self._frames[figure.start] = self._copied(figure) or self._read(figure)
        return found

    def _copied(self, figure: Figure) -> Frame | None:
        """The source's frame of the same figure, when its sentence is copied from the source."""
        if self._source is None or not self._sentence_starts:
            return None
        start, end = self._sentence(figure.start)
        if start > figure.start:
            return None
        if start not in self._copies:
            self._copies[start] = self._copy_of(start, end)
        copy = self._copies[start]
        if copy is None:
            return None
        mine, theirs = copy
        # Frames are kept by where a figure starts: the figure asked about is the one starting there.
        at = next((i for i, ours in enumerate(mine) if ours.start == figure.start), None)
        return None if at is None else self._source.frame(theirs[at])

    def _copy_of(self, start: int, end: int) -> tuple[list[Figure], list[Figure]] | None:
        """The figures of a sentence and of the source's sentence it copies, if it copies one.

        A frame reads nothing outside its sentence: the sentence's words and the figures that start
        in it. So a sentence with the same words and the same figures at the same places (every
        field alike, none reaching past its end) has the same frames, and the source's are taken.
        """
        assert self._source is not None
        origin = self._source._sentence_at(self.text[start:end])
        if origin is None:
            return None
        mine, theirs = self._starting_in(start, end), self._source._starting_in(origin, origin + end - start)
        if len(mine) != len(theirs):
            return None
        for ours, other in zip(mine, theirs, strict=True):
            placed = _placed(ours, start, end)
            if placed is None or placed != _placed(other, origin, origin + end - start):
                return None
        return mine, theirs

    def _sentence_at(self, sentence: str) -> int | None:
        """Where a sentence with exactly this text starts (its first occurrence), or None.

        Found by `str.find` and checked against the sentence spans: a summary copies a few of its
        article's sentences, so cutting every sentence of the article out to look them up costs more.
        """
        starts, ends = self._sentence_starts, self._sentence_ends
        if not sentence:  # an empty span (between two semicolons): the first one
            return next((start for start, end in zip(starts, ends, strict=True) if start == end), None)
        at = self.text.find(sentence)
        while at >= 0:
            number = bisect.bisect_left(starts, at)
            if number < len(starts) and starts[number] == at and ends[number] == at + len(sentence):
                return at
            at = self.text.find(sentence, at + 1)
        return None

    def _starting_in(self, start: int, end: int) -> list[Figure]:
        return self.figures[bisect.bisect_left(self._starts, start) : bisect.bisect_left(self._starts, end)]

    def sentences_span(self, numbers: set[int]) -> list[tuple[int, int]]:
        """Where the sentences of these numbers (as `sentence_number` counts them) lie, each run of
        neighbours as one span, in order."""
        starts = self._sentence_starts
        spans: list[tuple[int, int]] = []
        for number in sorted(number for number in numbers if 0 <= number < max(1, len(starts))):
            start = starts[number] if number else 0
            end = starts[number + 1] if number + 1 < len(starts) else len(self.text) + 1
            if spans and spans[-1][1] >= start:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        return spans

    def sentence_number(self, position: int) -> int:
        number = bisect.bisect_right(self._sentence_starts, position) - 1
        return number if number > 0 else 0

    def _sentence(self, position: int) -> tuple[int, int]:
        if not self._sentence_starts:
            return 0, len(self.text)
        number = self.sentence_number(position)
        return self._sentence_starts[number], self._sentence_ends[number]

    def _neighbours(self, figure: Figure, start: int, end: int) -> tuple[Figure | None, Figure | None]:
        """The figures before and after `figure` in its sentence that cut its stretch.

        A year, date or duration modifies a count or amount, so it cuts only the stretch of another.
        """
        every = figure.kind in _MODIFIERS
        # An age stands beside a name ("Ann Roe, 31, was jailed for six years"): it cuts only another
        # age's stretch, so the six years keep "Ann Roe" as their subject.
        ages_cut = figure.kind == "age"
        figures = self.figures
        index = bisect.bisect_left(self._starts, figure.start)
        before = after = None
        for i in range(index - 1, -1, -1):  # back to the sentence's start
            other = figures[i]
            if other.start < start:
                break
            if (
                other.end <= figure.start
                and (every or other.kind not in _MODIFIERS)
                and (ages_cut or other.kind != "age")
                and not (other.kind != figure.kind and self._aside(other, figure))
            ):
                before = other
                break
        for i in range(index + 1, len(figures)):  # on to the sentence's end
            other = figures[i]
            if other.start >= end:
                break
            if (
                other.start >= figure.end
                and (every or other.kind not in _MODIFIERS)
                and (ages_cut or other.kind != "age")
            ):
                after = other
                break
        return before, after

    def _aside(self, other: Figure, figure: Figure) -> bool:
        """Whether `other` stands in an aside set off by commas between a subject and its verb, and
        `figure` comes after it: "A scheme at Oxcombe, 30 miles north, took six years" (the six years
        are the scheme's). Not an item of a list: "12 homes, 30 sheds, and 4 barns"."""
        reach = max(0, other.start - _ASIDE_REACH)
        text = self.text
        # Both patterns need a comma: most figures have none on one side, and then neither runs.
        if text.find(",", reach, other.start) < 0 or text.find(",", other.end, figure.start) < 0:
            return False
        opening = _ASIDE_OPEN_RE.search(text, reach, other.start)
        if opening is None:
            return False
        closing = _ASIDE_CLOSE_RE.match(self.text, other.end, figure.start)
        return closing is not None and closing.group("next").lower() not in _COORDINATORS

    def _read(self, figure: Figure) -> Frame:
        if self._sentence_starts:
            number = bisect.bisect_right(self._sentence_starts, figure.start) - 1
            number = number if number > 0 else 0
            start, end = self._sentence_starts[number], self._sentence_ends[number]
        else:
            start, end = 0, len(self.text)
        before, after = self._neighbours(figure, start, end)
        stop = after.start if after is not None else end
        phrase = self._phrase(figure.end, stop)
        thing, phrase_end, phrase_words = phrase.thing, phrase.end, phrase.words
        if after is not None and phrase_end >= after.start - _GAP and _partitive(phrase_words):
            # "120 of the plant's 500 employees": the 120 counts what the 500 counts
            thing, phrase_words = set(), []
        elif after is not None and _leads_into(self.text, phrase_end, after) and figure.kind not in _MODIFIERS:
            if phrase.verb_start is not None:
                # the verb that leads into the next figure is that figure's: "gained 47 points to close at 8,515"
                phrase_words = phrase_words[: phrase.verb_word]
            elif not thing:
                phrase_words = []  # "$4.5bn on revenue of $900m": the words are the next figure's
        if figure.kind in _MODIFIERS:
            thing = set()  # a year or a span says when, not what is counted ("2024 the firm ...")
        left_start = self._stretch_start(start, before, figure)
        left_words = _WORD_TOKEN_RE.findall(self.text, left_start, figure.start)[-_LEFT_WORDS:]  # `_words`
        left = list(map(stem, left_words))
        context = set(map(stem, phrase_words))
        context -= thing
        context.update(left)  # the "" of stop words goes below
        # "... and damaged 30": a coordinated figure with no subject of its own shares the sentence's
        coordinated = (
            bool(left_words)
            and left_words[0].lower() in _COORDINATORS
            and sum(map(bool, left)) <= 1
            and not any(word.lower() in _DETERMINERS for word in left_words)  # "and its debt": a subject
        )
        if before is not None and not self._clause_led(before, figure):
            context |= self._shared_context(figure, before, start, any(left), coordinated=coordinated)
        context.discard("")
        if before is not None or after is not None:
            context -= self._named_by_others(figure, start, end)
        if figure.kind in _CALENDAR and not context:
            # "In 2014, the group hacked a studio": a date that opens its sentence dates the clause after it
            context = {stem(word) for word in _words(self.text, figure.end, stop)[:_OPENING_WORDS]} - {""}
        reach = (left_start, max(stop, figure.end))  # years anywhere in its stretch of the sentence
        # One lower-casing of the words joined: the words hold no white space, so they split back alike.
        lowered = " ".join([*left_words, *phrase_words]).lower().split()
        if after is not None and after.kind in _SPANS and after.start - phrase_end <= 3:
            lowered += " ".join(_words(self.text, after.start, after.end)).lower().split()
        present = set(lowered)
        return _new_frame(
            thing=frozenset(thing),
            modifiers=phrase.modifiers if thing else frozenset(),
            context=frozenset(context),
            years=self._years(figure, *reach),
            tense=_tense(lowered, present),
            phase=_phase(present),
            # "5% to 12%": the end of a range measures what its start does
            label=_label(_noun_phrase(phrase_words) if thing else _governed(left_words))
            or (self.frame(before).label if before is not None and self._ranged(before, figure) else ""),
        )

    def _named_by_others(self, figure: Figure, start: int, end: int) -> frozenset[str]:
        """Words of the sentence's opening that the phrase of another figure of its kind names, and the
        figure's own phrase does not: "Quenby and Colne pledged staff: 500 for Quenby and 600 for Colne",
        where Colne is the 600's and not the 500's."""
        found = self._picks.get(start)
        if found is None:
            found = self._picks[start] = self._picks_in(start, end)
        own, by_kind = found
        if not by_kind:
            return frozenset()
        # (the union of every pick of the kind, less the figure's own: one set per sentence and kind)
        return by_kind.get(figure.kind, frozenset()) - own.get(figure.start, frozenset())

    def _picks_in(self, start: int, end: int) -> tuple[dict[int, frozenset[str]], dict[str, frozenset[str]]]:
        """The words of its sentence's opening each figure's own phrase names (see `_named_by_others`),
        by figure start, and their union by kind: none for most sentences."""
        low, high = bisect.bisect_left(self._starts, start), bisect.bisect_left(self._starts, end)
        kinds = [other.kind for other in self.figures[low:high]]
        if len(set(kinds)) == len(kinds):
            return {}, {}  # no two figures of a kind: no other figure's words to take away
        opening = self._opening_of(start, self.figures[low])
        rest = self.text[self.figures[low].end : end].lower()
        if not any(word in rest for word in opening):
            return {}, {}  # most sentences: no word of the opening comes again after its first figure
        own: dict[int, frozenset[str]] = {}
        by_kind: dict[str, frozenset[str]] = {}
        for other in self.figures[low:high]:
            _, after = self._neighbours(other, start, end)
            phrase = self._phrase(other.end, after.start if after is not None else end)
            # (an owner is no item's party: "£2m for Colne's parks" names the parks)
            owned = [word for word in phrase.words if not word.endswith(("'s", "’s"))]
            picked = opening.intersection(map(stem, owned)) | (opening & phrase.thing)
            if picked:
                own[other.start] = picked
                by_kind[other.kind] = by_kind.get(other.kind, frozenset()) | picked
        return own, by_kind

    def whole_of(self, figure: Figure) -> Figure | None:
        """The whole `figure`'s sentence opens with ("Of the 30 riders who started the rally, ..."),
        when `figure` is a later figure of its kind in that sentence: a part of it ("22 finished")."""
        sentence_start, _ = self._sentence(figure.start)
        at = bisect.bisect_left(self._starts, sentence_start)
        whole = self.figures[at] if at < len(self.figures) else None
        if whole is None or whole is figure or whole.kind != figure.kind or whole.start > figure.start:
            return None
        if self.text.find(",", whole.end, figure.start) < 0:
            return None
        return whole if _WHOLE_OPENING_RE.fullmatch(self.text, sentence_start, whole.start) else None

    def parts_of(self, whole: Figure) -> list[Figure]:
        """The parts of a whole that opens its sentence (see `whole_of`); none for any other figure.
        Only the whole's own sentence is read."""
        start, end = self._sentence(whole.start)
        first = bisect.bisect_left(self._starts, start)
        if first >= len(self.figures) or self.figures[first] is not whole:
            return []  # a whole is its sentence's first figure
        stop = bisect.bisect_left(self._starts, end, lo=first)
        return [other for other in self.figures[first + 1 : stop] if self.whole_of(other) is whole]

    def _ranged(self, before: Figure, figure: Figure) -> bool:
        """Whether the second figure ends a range the first begins ("5% to 12%", "from 5% of income to
        12%", "£3-4bn"), not a figure of its own after it ("a £180m grant with £300m from a fund")."""
        return _RANGE_JOINER_RE.search(self.text[before.end : figure.start]) is not None

    def _joined(self, before: Figure, figure: Figure) -> bool:
        """Whether only a joiner stands between two figures ("2004 and 2012", "May to July", "1990-95")."""
        return _JOINER_ONLY_RE.fullmatch(self.text, before.end, figure.start) is not None

    def _shared_context(
        self, figure: Figure, before: Figure, start: int, has_left: bool, *, coordinated: bool
    ) -> frozenset[str]:
        """The words a figure shares with the figure before it or with its sentence's opening, when it
        has no governing words of its own (`has_left`) or is only coordinated with the one before it."""
        if figure.kind in _MODIFIERS and before.kind == figure.kind and not has_left and self._joined(before, figure):
            return self.frame(before).context  # "between 2004 and 2012": a range's end dates what its start dates
        if (
            figure.kind in _CALENDAR
            and before.kind in _SPANS
            and _SPAN_DATED_RE.fullmatch(self.text, before.end, figure.start)
        ):
            return self.frame(before).context  # "banned for ten years in 2010": the date dates the span's event
        if not has_left:
            # "The fire destroyed 12 homes and 30 sheds": the sentence's subject and verb are the 30's too
            return self._opening_of(start, before)
        if coordinated:
            # "The quake killed 12 people and injured 85": the subject is the 85's, the verb is not
            return self._opening_of(start, before, subject_only=True)
        return frozenset()

    def _clause_led(self, before: Figure | None, figure: Figure) -> int:
        """Where the clause a date leads begins, when a clause break stands between it and the date
        before it ("In 2010 the club folded, and in 2011 a court ruled"): the words after the break
        are the later date's own, and the earlier date dates those before it. 0 for any other figure."""
        if before is None or figure.kind not in _CALENDAR or before.kind not in _CALENDAR:
            return 0
        broken = max(self.text.rfind(",", before.end, figure.start), self.text.rfind(";", before.end, figure.start))
        if (
            broken >= 0
            and _LEADS_CLAUSE_RE.fullmatch(self.text, broken + 1, figure.start)
            and not self._listed_date(figure)
        ):
            return broken + 1
        return 0

    def _listed_date(self, figure: Figure) -> bool:
        """Whether a date is an item of a list of dates ("in 2008, in 2011 and in 2015"): another date
        follows it with only a joiner between, or the sentence ends after it."""
        if _SENTENCE_END_RE.match(self.text, figure.end):
            return True
        at = bisect.bisect_right(self._starts, figure.start)
        after = self.figures[at] if at < len(self.figures) else None
        return (
            after is not None
            and after.kind in _CALENDAR
            and _DATE_LIST_JOIN_RE.fullmatch(self.text, figure.end, after.start) is not None
        )

    def _stretch_start(self, sentence_start: int, before: Figure | None, figure: Figure) -> int:
        """Where the words that govern `figure` begin: the sentence's start; after a figure before it,
        the sentence's start still for a date after a count or amount, that figure's end for a date
        after a date or a span ("completed in 2016"), else the verb that follows its noun, else the
        end of its phrase."""
        if before is None:
            return sentence_start
        if figure.kind in _CALENDAR and before.kind not in _MODIFIERS:
            return sentence_start  # a date dates its whole clause: "the worm locked 300,000 computers in 2017"
        if figure.kind in _MODIFIERS:
            return self._clause_led(before, figure) or before.end
        phrase = self._phrase(before.end, figure.start)
        if phrase.verb_start is not None:
            return phrase.verb_start
        if not phrase.thing and _leads_into(self.text, phrase.end, figure):
            return before.end  # words with no noun of their own lead into this figure
        return phrase.end

    def _phrase(self, start: int, stop: int) -> _Phrase:
        """`_phrase` of the text, read once per span: a figure's phrase is also where the stretch of
        the figure after it begins. Never changed by its readers."""
        found = self._phrases.get((start, stop))
        if found is None:
            found = self._phrases[start, stop] = _phrase(self.text, start, stop)
        return found

    def _opening_of(self, sentence_start: int, first: Figure, *, subject_only: bool = False) -> frozenset[str]:
        """Content stems of a sentence before its first figure: the subject and verb its figures share;
        with `subject_only`, without the last of them (the verb that governs the first figure)."""
        found = self._opening.get(sentence_start)
        if found is None:
            index = bisect.bisect_left(self._starts, sentence_start)
            head = self.figures[index] if index < len(self.figures) else first
            words = _words(self.text, sentence_start, min(head.start, first.start))[-_LEFT_WORDS:]
            # From a list, not a generator: tuple(generator) allocates ten slots and shrinks, and each
            # shrunk tuple, once freed, grew CPython's free list of small tuples: traced memory rose
            # ~40 KiB per 1,000 articles until that list was full (benchmarks/check_cost.py).
            found = self._opening[sentence_start] = tuple([s for s in map(stem, words) if s])
        return frozenset(found[:-1] if subject_only else found)

    def _years(self, figure: Figure, start: int, end: int) -> frozenset[int]:
        low = bisect.bisect_left(self._starts, start)
        high = bisect.bisect_left(self._starts, end)
        if high - low <= 1 and (low == high or self._starts[low] == figure.start):
            return _NO_YEARS  # most stretches: no figure in them but the figure itself
        years = set()
        for other in self.figures[low:high]:
            # Only a year or a date names one: the kind is tested before `year_of` is called.
            if other.kind in _DATED and other.start != figure.start:
                year = year_of(other)
                if year is not None:
                    years.add(year)
        return frozenset(years)


_NO_YEARS: Final[frozenset[int]] = frozenset()
_START: Final = operator.attrgetter("start")
_VALUE: Final = operator.attrgetter("value")
_FIRST: Final = operator.itemgetter(0)
_SECOND: Final = operator.itemgetter(1)

# Every field of a figure but its place, read in one call.
_OTHER_FIELDS: Final = operator.attrgetter(
    *(field.name for field in dataclasses.fields(Figure) if field.name not in {"start", "end"})
)


def _placed(figure: Figure, start: int, end: int) -> tuple[object, ...] | None:
    """A figure as seen from a sentence at `start`: its place in it and every other field; None when
    it reaches past the sentence's `end` (its frame would read beyond the sentence)."""
    if figure.end > end:
        return None
    return (figure.start - start, figure.end - start, *_OTHER_FIELDS(figure))


def year_of(figure: Figure) -> int | None:
    """The year a year or a full date names ("2019", "10 December 2019"), else None."""
    if figure.value is None:
        return None
    if figure.kind == "year":
        return int(figure.value)
    return int(figure.value) // 10_000 if figure.kind == "date" and figure.value >= 10_000 else None


def _with_semicolons(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with a semicolon also closing one: its two sides are told apart like two sentences."""
    if ";" not in text:
        return list(sentences)
    spans = []
    for start, end in sentences:
        cursor = start
        at = text.find(";", start, end)
        while at >= 0:
            spans.append((cursor, at))
            cursor = at + 1
            at = text.find(";", cursor, end)
        spans.append((cursor, end))
    return spans


def _words(text: str, start: int, end: int) -> list[str]:
    """The word tokens of `_TOKEN_RE` between `start` and `end` (numbers and clause marks left out)."""
    return _WORD_TOKEN_RE.findall(text, start, end)


# The word alternative of `_TOKEN_RE` alone: no other token holds a letter, so it cuts the same words.
_WORD_TOKEN_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*")


class _Phrase(NamedTuple):
    thing: set[str]
    end: int
    words: list[str]
    verb_start: int | None  # where a verb after the noun begins: "12 people *killed* 3", "47 points *to close* at"
    verb_word: int  # how many of `words` come before that verb
    modifiers: frozenset[str]  # the noun phrase's other content words ("transatlantic" of "transatlantic flights")


def _phrase(text: str, start: int, stop: int) -> _Phrase:
    """The stem of what a figure at `start` counts, where its phrase ends, the phrase's words, and
    where a verb after its noun begins (None without one): "12 people *killed* 3" is where the
    stretch of the figure after it begins, so the verb that governs that figure is its own too.

    The thing is the head noun of the words right after the figure: the last of the first run of
    content words ("12 *homes*", "fifteen confirmed *patients*"), or of an "of" phrase ("45% of the
    country's *exports*"). A phrase behind another preposition ("5 in a blast", "£2m on roads") says
    where or what for, not what is counted; "two of them" counts what was named before.
    """
    run: list[str] = []
    words: list[str] = []
    end = start
    # "85 more than a year ago": a difference counts what the value it is told against counts; "60
    # more are expected to vanish": a noun left out counts what was named before
    closed = _NO_NOUN_AFTER_RE.match(text, start) is not None
    verb_start = None
    verb_word = 0
    to_at = None  # where a "to" after the noun stands: "to close" is a verb
    for match in _TOKEN_RE.finditer(text, start, stop):
        token = match.group(0)
        lowered = token.lower()
        if token in _CLAUSE_MARKS or lowered in _BOUNDARY_WORDS or len(words) >= _PHRASE_WORDS:
            break
        end = match.end()
        if token[0].isdigit():
            continue  # a year or a number inside the phrase ("passengers in 2023") belongs to it
        if verb_start is None and run:
            if _is_verb(lowered):
                verb_start, verb_word = match.start(), len(words)
            elif to_at is not None and lowered not in _STOP_AFTER_TO:
                verb_start, verb_word = to_at, len(words) - 1
            to_at = match.start() if lowered == "to" else None
        words.append(token)
        if closed:
            continue
        if not run and (lowered in _BACK_REFERENCES or lowered in _PREPOSITIONS):
            closed = True
            continue
        if lowered in _PRONOUN_HEADS:
            run, closed = [], True  # "60 existing ones": the noun was named before; what is counted is unknown here
            continue
        stemmed = stem(token)
        if stemmed and run and lowered.endswith(("ed", "ing")):
            closed = True  # "30 inmates escaped": a verb after the noun ends the noun phrase
        elif stemmed:
            run.append(stemmed)
        elif run:
            closed = True  # a function word after the noun phrase ends it
    heads = [word for word in run if not word.endswith("ly")]  # "recovered fully": the adverb is no noun
    thing = {heads[-1]} if heads else set()
    return _Phrase(thing, end, words, verb_start, verb_word, frozenset(run) - thing)


_NO_NOUN_AFTER_RE: Final = re.compile(
    r"\s*(?:(?:more|fewer|less)\s+than|(?:more|others?)\s+(?:are|is|were|was|will|would|could|may|might|have|has|had)\b)",
    re.IGNORECASE,
)


def _leads_into(text: str, phrase_end: int, figure: Figure) -> bool:
    """Whether a phrase ending right before a figure leads into it ("$4.5bn on revenue of $900m"),
    rather than ending a list item ("spent £6m on a depot, £2m on vans"): a comma closes the item,
    so its words are the figure's before it."""
    return phrase_end >= figure.start - _GAP and "," not in text[phrase_end : figure.start]


def _partitive(words: list[str]) -> bool:
    """Words between two figures that make the first a part of the second: "120 *of the plant's*
    500 employees", "two *of the* three goals"."""
    if len(words) < _PARTITIVE_WORDS or words[0].lower() != "of":
        return False
    last = words[-1].lower()
    return last.endswith(("'s", "’s")) or last in _DETERMINERS


_PARTITIVE_WORDS: Final = 2  # "of" and a determiner or possessive at least


def _is_verb(lowered: str) -> bool:
    """A word that reads as a verb after a noun: "killed", "rising", "was", "has"."""
    return lowered in _AUXILIARIES or (len(lowered) > _SHORTEST_VERB and lowered.endswith(("ed", "ing")))


_PRONOUN_HEADS: Final = frozenset({"one", "ones"})
_AUXILIARIES: Final = frozenset({"was", "were", "is", "are", "has", "have", "had", "will", "would"})
_STOP_AFTER_TO: Final = frozenset({"the", "a", "an", "its", "their", "his", "her", "this", "that", "about", "around"})
_SHORTEST_VERB: Final = 4  # "bed", "ring" and "sing" are no verbs here; "owed" is too short to tell


_LABEL_WORDS: Final = 8
_EDGE_WORDS: Final = frozenset(
    [
        "of",
        "in",
        "at",
        "on",
        "to",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "the",
        "a",
        "an",
        "was",
        "were",
        "is",
        "are",
    ]
)


def _noun_phrase(words: list[str]) -> list[str]:
    """The words after a figure up to where its noun phrase ends: at a preposition other than "of"
    or at a verb ("test rockets | at sea", "weapons of mass destruction", "workers | working")."""
    for i, word in enumerate(words[1:], start=1):
        lowered = word.lower()
        if lowered in _PREPOSITIONS or _is_verb(lowered):
            return words[:i]
    return words


def _governed(left: list[str]) -> list[str]:
    """The words before a figure that has no noun of its own, as a label: the noun phrase a
    preposition ties the figure to ("estimates *the sum* at 630 million", "put *the toll* at 40"),
    else all of them ("a cyber security company assumes")."""
    if len(left) >= _TIED and left[-1].lower() in _TYING:
        for i in range(len(left) - 2, -1, -1):
            if left[i].lower() in _DETERMINERS:
                return left[i:-1]
    return left


_TIED: Final = 3  # a determiner, a noun and the preposition
_TYING: Final = frozenset({"at", "to"})


def _label(words: list[str]) -> str:
    """What a figure measures, in the text's words: the phrase it governs ("of the country's exports"
    reads "the country's exports"), else the words that govern it ("the watchdog estimates the sum
    at" reads "the watchdog estimates the sum"), without function words at either edge."""
    words = words[:_LABEL_WORDS]
    while words and words[0].lower() in _EDGE_WORDS:
        words = words[1:]
    while words and words[-1].lower() in _EDGE_WORDS:
        words = words[:-1]
    return " ".join(words)


def _tense(words: list[str], present: set[str]) -> Tense | None:
    """`present`: the set of `words`."""
    past = not _PAST_WORDS.isdisjoint(present) or ("last" in present and _last_period(words))
    future = not _FUTURE_WORDS.isdisjoint(present)
    if past == future:
        return None
    return "past" if past else "future"


def _last_period(words: list[str]) -> bool:
    """ "over the last decade", "in the last seven years": "last" before a span of time is the past."""
    return any(
        word == "last" and following in {"decade", "century", "year", "years", "decades", "five", "ten"}
        for word, following in itertools.pairwise(words)
    )


def _phase(present: set[str]) -> Phase | None:
    start = not _START_WORDS.isdisjoint(present)
    end = not _END_WORDS.isdisjoint(present)
    if start == end:
        return None
    return "start" if start else "end"


__all__ = ["PHASE_WORDS", "TENSE_WORDS", "Frame", "FrameReader", "may_hold", "year_of"]
