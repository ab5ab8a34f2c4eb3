"""The article, read once: its figures, layout, years, dateline and scores, reused for every summary of it."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from summarizer.figures import Figure, find_figures
from summarizer.figures.lexicon import MONTH_NAMES, WEEKDAYS
from summarizer.text import STOPWORDS, clean_text, stem

from .compare import CALENDAR_KINDS, Traits, compatible_traits, traits, value_key, values_equal
from .direction import Movement, movement_of
from .frames import Frame, FrameReader
from .links import change_partner
from .report import Match
from .words import PERSON_WORDS, TextLayout, canonical_positions, content_stems, has_word, prefixes_of

TOPIC_USES: Final = 5


_WORD_AFTER_RE: Final = re.compile(r"[ \t]+([A-Za-z]{3,})\b")
# words after an amount that say nothing of what it counts: "5 million raised", "5 million worth"
_NOT_THINGS: Final = frozenset({"worth", "was", "were", "will", "has", "had", "have", "went", "came", "each"})


def counts_a_thing(text: str, figure: Figure) -> bool:
    """Whether a count is followed by a noun that says what it counts ("9.4 million passengers",
    "12,600 people"), not by a verb, a preposition or the end of its clause."""
    found = _WORD_AFTER_RE.match(text, figure.end)
    if found is None:
        return False
    word = found.group(1).lower()
    return word in PERSON_WORDS or not (word in STOPWORDS or word in _NOT_THINGS or word.endswith("ed"))


@dataclass(slots=True)
class ArticleIndex:
    """An article's figures and layout, computed once and reused for every summary of it."""

    text: str
    figures: list[Figure]
    layout: TextLayout
    years: list[float]
    scores: dict[str, Figure]
    dated: bool
    _contexts: dict[int, frozenset[str]] = field(default_factory=dict)
    _subjects: dict[int, frozenset[str]] = field(default_factory=dict)
    _heads: dict[int, str] = field(default_factory=dict)
    _prefix_sets: dict[int, frozenset[str]] = field(default_factory=dict)
    _by_value: dict[Traits, dict[float | None, list[tuple[int, Figure]]]] = field(default_factory=dict)
    _sentences: dict[int, frozenset[str]] = field(default_factory=dict)
    _movements: dict[int, Movement | None] = field(default_factory=dict)
    _partners: dict[int, int | None] = field(default_factory=dict)
    _partner_figures: dict[int, Figure | None] = field(default_factory=dict)  # by the figure's start
    views: dict[tuple[int, int], ArticleIndex] = field(default_factory=dict)
    rest_shares: dict[int, list[Figure]] | None = None  # by sentence: shares of a whole with a rest (derive)
    rates: list[tuple[Figure, str]] | None = None  # figures told per a unit of time, with it (rates)
    other_names: dict[str, frozenset[str]] | None = None  # a party's names, by each of them (entities)
    score_parts: frozenset[int] = frozenset()  # starts of the numbers of "22-2", "3-1": scores, not ranges
    starts: list[int] = field(default_factory=list)
    _frames: FrameReader | None = None
    # per trait combination: the compatible figures sorted by value, and those values (for bisection)
    _sorted: dict[Traits, tuple[list[tuple[int, Figure]], list[float]]] = field(default_factory=dict)
    _canonical: tuple[str, tuple[int, ...]] | None = None
    _lowercase: dict[str, bool] = field(default_factory=dict)
    _grouped: dict[Traits, list[tuple[int, Figure]]] | None = None
    _last_traits: tuple[Figure, Traits] | None = None
    _keys: list[float | None] | None = None
    _equal: dict[Figure, list[tuple[int, Figure]]] = field(default_factory=dict)
    _last_equal: tuple[Figure, list[tuple[int, Figure]]] | None = None
    _representatives: dict[Traits, Figure] | None = None
    _lowered: str | None = None
    _by_sentence: dict[str, int] | None = None  # each sentence's text (stripped) to where it starts

    def figures_between(self, start: int, end: int) -> list[Figure]:
        """The article's figures that start between `start` and `end`."""
        return self.figures[bisect.bisect_left(self.starts, start) : bisect.bisect_left(self.starts, end)]

    def is_topic_word(self, stem: str) -> bool:
        """Whether a content stem runs through the article (at least `TOPIC_USES` times): "inflation"
        in a report on inflation says little about which of its figures a summary's is."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered.count(stem) >= TOPIC_USES

    def frame(self, figure: Figure) -> Frame:
        """What an article figure measures (see `frames`)."""
        reader = self._frames  # (read here rather than through `_frame_reader`: the rules ask often)
        return (reader if reader is not None else self._frame_reader()).frame(figure)

    def frame_reader(self) -> FrameReader:
        """The reader of the article's frames (a summary's reader takes the frames of copied sentences)."""
        return self._frame_reader()

    def frame_sentence(self, figure: Figure) -> int:
        """The number of the sentence (or semicolon clause) a figure stands in, as frames count them."""
        return self._frame_reader().sentence_number(figure.start)

    def _frame_reader(self) -> FrameReader:
        if self._frames is None:
            self._frames = FrameReader(self.text, self.figures, self.layout.sentences)
        return self._frames

    def names_in(self, text: str, start: int = 0, end: int | None = None) -> frozenset[str]:
        """Stems of the names in `text[start:end]`: capitalised words the article never writes in
        lower case ("Wilson", "Tesco"; not "The", nor "Passengers" opening a sentence)."""
        words = CAPITALISED_RE.findall(text, start, len(text) if end is None else end)
        return frozenset(stem(word) for word in words if self.is_name(word))

    def is_name(self, word: str) -> bool:
        """Whether a capitalised word is a name: no stop word, and never written in lower case by the
        article. Each word is searched for once, rather than every word of the article listed."""
        if not stem(word):
            return False
        lower = word.lower()
        written = self._lowercase.get(lower)
        if written is None:
            written = self._lowercase[lower] = has_word(self.text, lower)
        return not written

    def canonical(self) -> tuple[str, tuple[int, ...]]:
        """The article as quote search sees it, with each character's place in the article (see `claims`)."""
        if self._canonical is None:
            self._canonical = canonical_positions(self.text)
        return self._canonical

    def __post_init__(self) -> None:
        self.starts = [figure.start for figure in self.figures]

    _candidates: dict[Traits, list[tuple[int, Figure]]] = field(default_factory=dict)

    def candidates(self, figure: Figure) -> list[tuple[int, Figure]]:
        """The article's figures that could match `figure` by kind, unit and currency (value aside).

        Which figures are compatible depends only on these traits, so the scan over the article is
        done once per trait combination, not once per summary figure.
        """
        key = self._traits_of(figure)
        found = self._candidates.get(key)
        if found is None:
            # Compatibility depends on both figures' traits only: test one article figure per trait
            # combination, then take every figure that has those traits, back in article order.
            grouped = self._by_traits()
            groups = [grouped[fitting] for fitting in compatible_traits(figure, key, self._trait_figures())]
            found = list(groups[0]) if len(groups) == 1 else sorted(itertools.chain.from_iterable(groups))
            if figure.kind == "money":
                # a count that names what it counts is no amount of money: "9.4 million passengers"
                # is no "£9m" (a bare "5 million" may be)
                found = [item for item in found if item[1].kind == "money" or not self._counts_a_thing(item[1])]
            elif figure.kind in {"measure", "duration"}:
                # nor is it a measure whose unit is left off: "1,800 vehicles a day" is no "1,800 km"
                found = [item for item in found if item[1].kind != "count" or not self._counts_a_thing(item[1])]
            self._candidates[key] = found
        return found

    def candidates_between(self, figure: Figure, spans: list[tuple[int, int]]) -> list[tuple[int, Figure]]:
        """`candidates(figure)` that start in any of `spans` (sorted, apart), in article order: found
        by bisection, so a summary figure that reads the sentences near a few article figures never
        scans a long article."""
        found = self.candidates(figure)
        key = self._traits_of(figure)
        starts = self._candidate_starts.get(key)
        if starts is None:
            starts = self._candidate_starts[key] = [other.start for _, other in found]
        return [
            item
            for start, end in spans
            for item in found[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        ]

    _candidate_starts: dict[Traits, list[int]] = field(default_factory=dict)

    def _counts_a_thing(self, figure: Figure) -> bool:
        return counts_a_thing(self.text, figure)

    def _traits_of(self, figure: Figure) -> Traits:
        """`traits(figure)`, remembered for the last figure asked about: the stages ask about one
        summary figure many times in a row, and its traits cost two regex searches."""
        last = self._last_traits
        if last is not None and last[0] is figure:
            return last[1]
        found = traits(figure)
        self._last_traits = (figure, found)
        return found

    def _trait_figures(self) -> dict[Traits, Figure]:
        """An article figure of each trait combination (see `candidates`)."""
        if self._representatives is None:
            self._representatives = {key: others[0][1] for key, others in self._by_traits().items()}
        return self._representatives

    def _by_traits(self) -> dict[Traits, list[tuple[int, Figure]]]:
        if self._grouped is None:
            self._grouped = {}
            for position, figure in enumerate(self.figures):
                if figure.value is not None:
                    self._grouped.setdefault(traits(figure), []).append((position, figure))
        return self._grouped

    def equal(self, figure: Figure) -> list[tuple[int, Figure]]:
        """The compatible article figures of equal value, in article order (a list shared by the
        callers: never change it).

        Kept for the last few summary figures asked about: the stages ask about each one, and
        about its neighbours, several times in a row.
        """
        last = self._last_equal
        if last is not None and last[0] is figure:
            return last[1]  # the figure asked about just before: no hash of its ten fields
        found = self._equal.get(figure)
        if found is None:
            if len(self._equal) >= _EQUAL_KEPT:
                self._equal.clear()
            found = self._equal[figure] = self._find_equal(figure)
        self._last_equal = (figure, found)
        return found

    def _find_equal(self, figure: Figure) -> list[tuple[int, Figure]]:
        candidates = self.candidates(figure)
        if figure.kind in CALENDAR_KINDS or figure.value is None:
            return [(p, other) for p, other in candidates if values_equal(figure, other)]
        key = self._traits_of(figure)
        by_value = self._by_value.get(key)
        if by_value is None:
            by_value = self._by_value[key] = {}
            keys = self._value_keys()
            for item in candidates:
                by_value.setdefault(keys[item[0]], []).append(item)
        # Keys are rounded; the exact test decides. Calendar candidates (key None) are always tested.
        found = [*by_value.get(value_key(figure), []), *by_value.get(None, [])]
        equal = [(p, other) for p, other in found if values_equal(figure, other)]
        return sorted(equal, key=lambda item: item[0]) if by_value.get(None) else equal

    def _value_keys(self) -> list[float | None]:
        """`value_key` of each article figure, computed once: every trait combination groups by it."""
        if self._keys is None:
            self._keys = list(map(value_key, self.figures))
        return self._keys

    def near(self, figure: Figure, radius: float) -> list[tuple[int, Figure]]:
        """The compatible article figures whose value lies within `radius` of the figure's, in article
        order: found by bisection in the values sorted once per trait combination, so a summary
        figure never scans a long article."""
        if figure.value is None or figure.kind in CALENDAR_KINDS:
            return self.candidates(figure)
        key = self._traits_of(figure)
        found = self._sorted.get(key)
        if found is None:
            ordered = sorted(self.candidates(figure), key=lambda item: (item[1].value or 0.0, item[0]))
            found = self._sorted[key] = (ordered, [other.value or 0.0 for _, other in ordered])
        ordered, values = found
        low = bisect.bisect_left(values, figure.value - radius)
        high = bisect.bisect_right(values, figure.value + radius)
        return sorted(ordered[low:high], key=lambda item: item[0])

    def subject(self, position: int) -> frozenset[str]:
        """The content stems just before a figure (see `TextLayout.subject_of`), and those of the
        other end of the change or range it ends: "from 3,900 in May to 5,200" is about what the
        3,900 is about."""
        stems = self._subjects.get(position)
        if stems is None:
            stems = self._own_subject(position)
            partner = self._change_partner(position)
            if partner is not None:
                stems |= self._own_subject(partner)
            part = self._part_of_total(position)
            if part is not None:
                # what the part is of, not which part it is ("final", "interim", "latest")
                stems |= self._own_subject(part) - WHICH_PART
            self._subjects[position] = stems
        return stems

    def is_running_total(self, position: int) -> bool:
        """Whether an article figure totals the one of its kind before it (see `_part_of_total`)."""
        return self._part_of_total(position) is not None

    def _part_of_total(self, position: int) -> int | None:
        """The figure a running total adds up ("a final dividend of 9.4p, bringing the total for the
        year to 13.1p"): the total is of what that figure is about. The nearest figure of its kind
        before it in its sentence."""
        figure = self.figures[position]
        start, _ = self.layout.sentence_of(figure.start)
        if not _RUNNING_TOTAL_RE.search(self.text, max(start, figure.start - _RUNNING_TOTAL_REACH), figure.start):
            return None
        for before in range(position - 1, -1, -1):
            other = self.figures[before]
            if other.start < start:
                return None
            if other.kind == figure.kind:
                return before
        return None

    def _own_subject(self, position: int) -> frozenset[str]:
        after = self.figures[position - 1].end if position > 0 else 0
        return self.layout.subject_of(self.figures[position], after)

    def position(self, figure: Figure) -> int:
        """The place of an article figure in `figures`."""
        return bisect.bisect_left(self.starts, figure.start)

    def figure_at(self, start: int) -> Figure | None:
        """The article figure that starts at `start`, if one does."""
        at = bisect.bisect_left(self.starts, start)
        return self.figures[at] if at < len(self.starts) and self.starts[at] == start else None

    def partner(self, figure: Figure) -> Figure | None:
        """The article figure at the other end of the change or range an article figure is an end of
        (kept by where the figure starts: several rules ask for each equal figure's)."""
        start = figure.start
        if start in self._partner_figures:
            return self._partner_figures[start]
        position = self._change_partner(self.position(figure))
        found = self._partner_figures[start] = None if position is None else self.figures[position]
        return found

    def _change_partner(self, position: int) -> int | None:
        """The position of the figure at the other end of a change or range `position` is an end of
        (read once per position: the subject and the context both ask)."""
        if position not in self._partners:
            partner = change_partner(self.text, self.figures, position)
            self._partners[position] = None if partner is None else self.position(partner)
        return self._partners[position]

    def sentence_stems(self, position: int) -> frozenset[str]:
        stems = self._sentences.get(position)
        if stems is None:
            start, end = self.layout.sentence_of(self.figures[position].start)
            stems = self._sentences[position] = self.layout.readings.stems(self.text[start:end])
        return stems

    def prefixes(self, position: int) -> frozenset[str]:
        found = self._prefix_sets.get(position)
        if found is None:
            found = self._prefix_sets[position] = prefixes_of(self.context(position))
        return found

    def head(self, position: int) -> str:
        head = self._heads.get(position)
        if head is None:
            head = self._heads[position] = self.layout.head_of(self.figures[position])
        return head

    def context(self, position: int) -> frozenset[str]:
        """The content stems of a figure's clause, and of the other end of the change or range it ends
        ("310 volunteers, down from 450 before the pandemic": the 450 counts volunteers too)."""
        stems = self._contexts.get(position)
        if stems is None:
            stems = self.layout.context_of(self.figures[position])
            partner = self._change_partner(position)
            if partner is not None:
                # (not the words that date the other end: "a year earlier" dates the 88.4% of "was
                # 90.2%, compared with 88.4% a year earlier", not the 90.2%)
                stems |= self.layout.context_of(self.figures[partner]) - _TIME_STEMS
            self._contexts[position] = stems
        return stems

    def movement(self, position: int) -> Movement | None:
        if position not in self._movements:
            self._movements[position] = movement_of(self.text, self.figures[position])
        return self._movements[position]

    def copied_at(self, sentence: str) -> int | None:
        """Where the article has `sentence` (stripped) word for word as one of its own, or None."""
        if sentence not in self.text:
            return None  # most sentences of a summary: one fast search, no table of the article's
        if self._by_sentence is None:
            self._by_sentence = {}
            for start, end in self.layout.sentences:
                raw = self.text[start:end]
                stripped = raw.strip()
                self._by_sentence.setdefault(stripped, start + len(raw) - len(raw.lstrip()))
        return self._by_sentence.get(sentence)

    def sentence_number(self, position: int) -> int:
        return max(0, bisect.bisect_right(self.layout.sentence_starts, position) - 1)

    def sentence_text(self, figure: Figure) -> str:
        start, end = self.layout.sentence_of(figure.start)
        return self.text[start:end].strip()


# Words that date a figure, not say what it measures.
_TIME_STEMS: Final = content_stems(
    " ".join((*MONTH_NAMES, *WEEKDAYS)) + " decade decades quarter earlier ago previous prior same period"
)  # ("year", "month", "week", "day" and "last" are no content stems to begin with)


_EQUAL_KEPT: Final = 64  # summary figures whose equal article figures an index keeps (see `equal`)


def index_article(text: str) -> ArticleIndex:
    """Extract and lay out an article's figures once; keep the index to check several summaries of it.

    The text is cleaned first (`summarizer.text.clean_text`): terminal escapes and invisible
    characters neither split nor invent figures. Spans in the report are spans of the cleaned text.
    Nothing is cached across calls: an index lives as long as its caller keeps it.
    """
    return build_index(clean_text(text), cleaned=True)


def build_index(text: str, *, cleaned: bool = False) -> ArticleIndex:
    """The index of `text` as given (`cleaned`: it comes from `clean_text`; see `find_figures`)."""
    figures = find_figures(text, cleaned=cleaned)
    dated = bool(figures) and _is_dateline(text, figures[0])
    pairs = _pairs(text) if "-" in text or "\u2013" in text else []
    return ArticleIndex(
        text,
        figures,
        TextLayout.of(text),
        years_of(figures),
        _article_scores(text, figures, pairs),
        dated,
        score_parts=_score_parts(pairs),
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


def years_of(figures: list[Figure]) -> list[float]:
    years = [f.value // 10_000 for f in figures if f.kind == "date" and f.value and f.value >= 10_000]
    return years + [f.value for f in figures if f.kind == "year" and f.value is not None]


def _article_scores(text: str, figures: list[Figure], found: list[re.Match[str]]) -> dict[str, Figure]:
    """Scores and ranges ("4-2", "3 - 1") in an article, keyed without spaces, to their first figure."""
    starts = {figure.start: figure for figure in figures}
    scores: dict[str, Figure] = {}
    for match in found:
        first = starts.get(match.start(1))
        if first is not None:
            scores.setdefault(f"{match.group(1)}-{match.group(2)}", first)
    return scores


def _score_parts(found: list[re.Match[str]]) -> frozenset[int]:
    """Where the numbers of a score stand ("22-2", "3-1"): a pair whose second number is smaller,
    so not a range ("10-12")."""
    return frozenset(
        start
        for match in found
        if int(match.group(1)) > int(match.group(2))
        for start in (match.start(1), match.start(2))
    )


# "bringing the total for the year to", "taking its tally to": a figure that totals the one before it.
_RUNNING_TOTAL_RE: Final = re.compile(
    r"\b(?:bring(?:s|ing)?|brought|tak(?:es|ing)|took|lift(?:s|ing)?|push(?:es|ing)?)\s+(?:the|its|their|his|her)\s+"
    r"(?:overall\s+|running\s+|cumulative\s+)?(?:total|tally)\b[^.;:]{0,40}?\s+to\s+$",
    re.IGNORECASE,
)
# Words that say which part a figure is ("the final dividend"), not what it is of.
WHICH_PART: Final = frozenset(
    stem(word)
    for word in [
        "final",
        "interim",
        "first",
        "second",
        "third",
        "fourth",
        "initial",
        "latest",
        "further",
        "additional",
        "extra",
        "new",
        "last",
    ]
)
_RUNNING_TOTAL_REACH: Final = 96  # characters before a figure read for a running total's words
# Two numbers of up to three digits joined by a dash. The digits open the pattern, so the regex
# engine jumps from digit to digit; that no digit, point or comma comes before the first number is
# tested in `_pairs` (a lookbehind at the front would make the engine try every character).
_SCORE_RE: Final = re.compile(r"(\d{1,3})\s*[-\u2013]\s*(\d{1,3})(?!\d|[.,]\d)")


def _pairs(text: str) -> list[re.Match[str]]:
    """Every "4-2" or "10 - 12" in `text` that is not part of a longer number ("1234-5", "1.5-2").

    Found from the dashes: a pair can only start at one of the (at most three) digits that end
    just before a dash and the white space in front of it, so only those starts are tried, in
    text order, as a search from each would find them.
    """
    found = []
    position = 0  # where the search goes on: after the last pair, as `finditer` would
    for at in _dashes(text):
        if at < position:
            continue
        digits_end = at
        while digits_end > position and text[digits_end - 1].isspace():
            digits_end -= 1
        first = digits_end
        while first > position and digits_end - first < _SCORE_DIGITS and text[first - 1].isdecimal():
            first -= 1
        for start in range(first, digits_end):
            match = _SCORE_RE.match(text, start)
            if match is None:
                continue
            if start and _NUMBER_CHAR_RE.match(text, start - 1):
                continue  # part of a longer number: try the next start, as a lookbehind would
            found.append(match)
            position = match.end()
            break
    return found


def _dashes(text: str) -> Iterator[int]:
    """Where each "-" and "\u2013" stands, in text order: found by `str.find`, which skips the
    text between them far faster than a regex scan."""
    hyphen, en_dash = text.find("-"), text.find("\u2013")
    while hyphen >= 0 or en_dash >= 0:
        if en_dash < 0 or 0 <= hyphen < en_dash:
            yield hyphen
            hyphen = text.find("-", hyphen + 1)
        else:
            yield en_dash
            en_dash = text.find("\u2013", en_dash + 1)


_SCORE_DIGITS: Final = 3  # the most digits a number of a score has (see _SCORE_RE)


# A word that may be a name. The capital opens the pattern and the word edge before it is tested
# behind it: the regex engine then jumps from capital to capital rather than trying every position.
CAPITALISED_RE: Final = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]+\b")


_NUMBER_CHAR_RE: Final = re.compile(r"[\d.,]")


def scores_in_article(text: str, index: ArticleIndex) -> dict[int, Match]:
    """Verdicts for the figures of `text` that belong to a score ("4 - 2", "won 2-1").

    A score the article gives (either way round: "lost 1-2" is "won 2-1") supports both numbers. A score
    it does not give is unsupported when the article gives other scores: its numbers alone would
    match any 1 or 2 in the article.
    """
    found: dict[int, Match] = {}
    if "-" not in text and "\u2013" not in text:
        return found
    article_scores = index.scores
    for match in _pairs(text):
        score = f"{match.group(1)}-{match.group(2)}"
        reverse = f"{match.group(2)}-{match.group(1)}"
        given = article_scores.get(score) or article_scores.get(reverse)
        if given is not None:
            found[match.start(1)] = found[match.start(2)] = Match("supported", given)
        elif article_scores and not _is_range_in_article(match, index):
            note = "the article's scores are " + ", ".join(sorted(article_scores)[:4])
            nearest = next(iter(article_scores.values()))
            found[match.start(1)] = found[match.start(2)] = Match("unsupported", nearest, note)
    return found


def _is_range_in_article(match: re.Match[str], index: ArticleIndex) -> bool:
    """Whether "10-12" stands for a range the article writes out ("10 to 12", "between 10 and 12")."""
    low, high = match.group(1), match.group(2)
    # One compiled pattern for every pair: a pattern built per pair would fill `re`'s own cache.
    return any(found.group(1, 2) == (low, high) for found in _WRITTEN_RANGE_RE.finditer(index.text))


_WRITTEN_RANGE_RE: Final = re.compile(r"\b(\d+)\s+(?:to|and)\s+(\d+)\b")
