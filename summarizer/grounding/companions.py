"""Figures that travel together: a summary that copies two figures from one sentence of the article
copies them as a pair. "The 12 boats seized carried £9m, while the 30 lorries carried £4m", where
the article gives £4m beside the boats and £9m beside the lorries, is a swap between sentences.
Two clauses of one sentence that tell parallel things ("rose 8% to 4,100, while ... fell by 2% to
2,900") are read the same way."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from summarizer.figures import Figure

from .compare import DURATION_DAYS, compatible, same, values_equal
from .direction import CHANGE_VERBS
from .entities import referred_party
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
        and sibling.value is not None
        and not sibling.vague
        and sibling.kind not in _UNBOUND_KINDS
        # the figure's clause, and the age of the person its sentence opens with ("Ann Roe, 33, was
        # jailed for 14 years": the age stands in commas of its own, but the years are Roe's)
        and (
            start <= sibling.start < end
            or (sibling.kind == "age" and _subject_age(around, sibling, sentence_start, figure))
        )
        # told for another time than the figure ("sold 40 last year and expects 60 next year"): no pair
        # (tested last: it reads the frames)
        and not _other_tense(around.frame_of(sibling).tense, around.frame.tense)
    ]
    # the summary's own working ("the 412p offer is 37p higher than the 375p one"): the three add
    # up, each is checked itself, and none is a pair the article splits; and a figure of another
    # clause joined by "and" with a subject and verb of its own ("profit rose 17% ... and loan
    # losses fell by 50 million") is no companion
    companions = [
        one for one in companions if not _adds_up(figure, one, around) and not _own_clause_between(around, one)
    ]
    if not companions:
        return None
    own = {index.sentence_number(other.start) for other in standing}
    own_clauses = {index.layout.clause_of(other.start) for other in standing}
    if any(index.layout.clause_of(other.start) in own_clauses for c in companions for _, other in index.equal(c)):
        return None  # a companion the article gives in the figure's own clause: told together
    anchors: list[tuple[Figure, int]] = []
    for companion in companions:
        places = {index.sentence_number(other.start) for _, other in index.equal(companion)}
        if places & own:
            # the article gives the two in one sentence: in one clause, or in two that exchanged them
            return None if derived else _exchanged_in_sentence(figure, companion, index, standing, around)
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
        # Exchanged: the figure's own sentence, or one next to it, gives the companion's kind another value
        beside = [
            other
            for other in beside_figure
            if other.kind == companion.kind and other.value is not None and not values_equal(companion, other)
        ]
        if not (derived or beside):
            continue
        closely = (
            derived
            or any(index.sentence_number(other.start) in own for other in beside)
            or _told_otherwise(figure, around, index, standing)
        )
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
            if not _fits_thing(
                figure, around, index, rival, standing=standing, things=things, closely=closely, companion=companion
            ):
                continue  # "5 bridges", or "two" of nothing said, is no rival of "40,000 homes"
            dates = dated_figure(index.figures, index.starts, rival, index.text) if rival.kind == "year" else None
            # "3.4m, against 2.9m in 2023": the 2023 is the 2.9m's, not the 3.4m's; and a pair the
            # summary keeps whole beside the figure is no pair it exchanged
            if (dates is not None and not values_equal(dates, companion)) or _rival_told_too(
                figure, companion, rival, around, index
            ):
                continue
            note = f"the article gives '{rival.text}' beside '{companion.text}'"
            return Match("misattributed", rival, note, "companion")
    return None


def _own_clause_between(around: Around, other: Figure) -> bool:
    """Whether "and", a subject and a verb of change stand between the figure and another of its
    clause: "profit rose 17% to 2.84 billion crowns and loan losses fell by 50 million"."""
    figure = around.figure
    low, high = (other.end, figure.start) if other.start < figure.start else (figure.end, other.start)
    return _AND_CLAUSE_RE.search(around.text, low, high) is not None


_AND_CLAUSE_RE: Final = re.compile(
    rf"\band\s+(?:[A-Za-z'’-]+\s+){{1,4}}?(?:{'|'.join(sorted(CHANGE_VERBS))})\b", re.IGNORECASE
)


def _told_otherwise(figure: Figure, around: Around, index: ArticleIndex, standing: Sequence[Figure]) -> bool:
    """Whether every occurrence of the value is told of something else than the summary tells it of:
    its words share none with the summary's ("made paper from 1902 to 1990" for "a museum took over
    the buildings in 1990"), or its sentence names a party and none the summary's sentence names
    ("Tomas Eker, 41, was jailed for 11 years" for "Ola Brandt was jailed for 11 years"). A summary
    that combines sentences tells each figure the way its own sentence does ("after asking for
    £15m" for "had asked for £15m"): that figure was exchanged with nothing."""
    mine = around.frame.words
    start, end = around.layout.sentence_of(figure.start)
    named = index.names_in(around.text, start, end)
    for other in standing:
        theirs = index.names_in(index.text, *index.layout.sentence_of(other.start))
        if index.frame(other).words & mine and not (theirs and not theirs & named):
            return False
    return True


def _fits_thing(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    rival: Figure,
    *,
    standing: Sequence[Figure],
    things: frozenset[str],
    closely: bool,
    companion: Figure,
) -> bool:
    """Whether a rival may stand for the figure by what it counts: the same thing, when the figure's
    occurrence says what it counts; when it says nothing, a rival anywhere near a close exchange, or
    one told as the summary tells the figure ("It was awarded £14m. Brinton ... was awarded £6m" for
    "Brinton was awarded £14m"). Never a rival the summary's words do not point at, when they point
    at the figure's own occurrence and the companion is another value of its kind: two amounts joined
    from two sentences, each with its own words (`_keeps_its_words`). A companion of another kind ("12
    boats ... £9m", "2023 ... 11%") is what ties the pair, whatever the figure's own words."""
    if companion.kind == figure.kind and _keeps_its_words(figure, around, index, rival, standing):
        return False
    if things:
        return bool(things & index.frame(rival).thing)
    return closely or _told_alike(figure, around, index, rival, standing)


def _keeps_its_words(
    figure: Figure, around: Around, index: ArticleIndex, rival: Figure, standing: Sequence[Figure]
) -> bool:
    """Whether a summary that joins figures from two sentences keeps each figure's own words: the
    figure's words share one with its article occurrence that the rival lacks, and none with the
    rival that the occurrence lacks ("£62m was paid in dividends and the chief executive received
    £1.4m" from "paid dividends of £62m. Chief executive ... received £1.4m, including a bonus of
    £310,000"): nothing was exchanged."""
    mine = around.frame.words
    theirs = index.frame(rival).words
    own = frozenset().union(*(index.frame(other).words for other in standing))
    if not mine & own - theirs or mine & theirs - own:
        return False
    # ... and names no party, itself or by referring back ("Its gap is £18.6m" after a sentence that
    # names Vantorp), that the occurrences' sentences do not: another party's value moved, whatever its words
    sentence_start, sentence_end = around.layout.sentence_of(figure.start)
    named = index.names_in(around.text, *_own_stretch(figure, around, sentence_start, sentence_end)) or index.names_in(
        " ".join(referred_party(around, index, sentence_start))
    )
    # (each sentence read once: a sentence of 20,000 occurrences is no 20,000 reads)
    sentences = {index.layout.sentence_of(o.start) for o in standing}
    told = frozenset().union(*(index.names_in(index.text, *sentence) for sentence in sentences))
    return not named - told


def _own_stretch(figure: Figure, around: Around, sentence_start: int, sentence_end: int) -> tuple[int, int]:
    """Where the names that may be a figure's party stand: its sentence; for an item of a list (a
    figure of its kind before it in the sentence), its own stretch of its clause, after the figure
    before it: "with the Ferry Trust paying £3.9m and Hallow Council £1.5m" gives the £1.5m the
    council alone, whatever else the sentence names."""
    before = around.others_between(sentence_start, figure.start)
    if not any(other.kind == figure.kind for other in before):
        return sentence_start, sentence_end
    return max(around.layout.clause_of(figure.start)[0], before[-1].end), figure.start


def _told_alike(figure: Figure, around: Around, index: ArticleIndex, rival: Figure, standing: Sequence[Figure]) -> bool:
    """Whether a rival is told as the figure is, both in the summary and where the article gives it:
    a word (names aside) of the summary figure's, of its article occurrence's and of the rival's
    ("It was awarded £14m. Brinton ... was awarded £6m" for "Brinton was awarded £14m")."""
    shared = around.frame.words & index.frame(rival).words
    if not shared:
        return False  # (most rivals: the occurrences' words need not be read)
    names = index.names_in(around.text, *around.layout.sentence_of(figure.start))
    names |= index.names_in(index.text, *index.layout.sentence_of(rival.start))
    shared -= names
    return any(shared & index.frame(other).words for other in standing)


def _exchanged_in_sentence(
    figure: Figure, companion: Figure, index: ArticleIndex, standing: Sequence[Figure], around: Around
) -> Match | None:
    """Misattributed when the article gives the figure and its companion in two clauses of one
    sentence, each beside another value of the other's kind: "those aged 65 and over are 21%, while
    children under 15 are 14%", summarised as "children under 15 are 21%"."""
    clause_of = index.layout.clause_of
    mine = {clause_of(other.start) for other in standing}
    theirs = {clause_of(other.start) for _, other in index.equal(companion)}
    if mine & theirs or len(mine) != 1 or len(theirs) != 1:
        return None  # given together, or in too many places to tell
    (own_start, own_end), (start, end) = mine.pop(), theirs.pop()
    told = next(other for _, other in index.equal(companion))
    if not any(
        _another_value(other, companion) and not values_equal(figure, other) and _parallel(index, other, told)
        for other in index.figures_between(own_start, own_end)
    ):
        return None  # the figure's clause has no other value in the companion's place: nothing was exchanged
    for rival in index.figures_between(start, end):
        if (
            _another_value(rival, figure)
            and not rival.vague
            and not values_equal(companion, rival)
            and not _rival_told_too(figure, companion, rival, around, index)
        ):
            note = f"the article gives '{rival.text}' beside '{companion.text}'"
            return Match("misattributed", rival, note, "companion")
    return None


def _rival_told_too(figure: Figure, companion: Figure, rival: Figure, around: Around, index: ArticleIndex) -> bool:
    """Whether the summary's sentence gives the rival's value too, on the companion's side of the
    figure and beside a figure (neither the figure nor the companion) the article gives in the
    rival's sentence: the summary keeps the article's pair whole and adds the figure from another
    sentence ("received £640,000 after a 12% cut, with £210,000 from the city and £175,000 from
    sponsors"). A swap gives the rival beside another party's figure ("12 boats carried £4m, while
    30 lorries carried £9m"), or puts the figure between the pair ("£640,000 ..., with £175,000 from
    the city and £210,000 from sponsors")."""
    sentence = around.layout.sentence_of(figure.start)
    rival_sentence = index.sentence_number(rival.start)
    for told in around.others_between(*sentence):
        if told.value is None or told.kind != rival.kind or not values_equal(told, rival):
            continue  # (not "several", which has no value to compare)
        if (told.start < figure.start) != (companion.start < figure.start):
            continue  # the figure stands between the pair: it may have taken the companion's place
        start, end = around.layout.clause_of(told.start)
        besides = [
            beside
            for beside in around.others_between(start, end)
            if beside is not figure and beside is not told and beside is not companion and beside.value is not None
        ]
        if not besides:
            return True  # the rival told in a clause of its own ("jailed for nine years, ..."): nothing exchanged
        for beside in besides:
            if any(index.sentence_number(other.start) == rival_sentence for _, other in index.equal(beside)):
                return True
    return False


def _another_value(other: Figure, figure: Figure) -> bool:
    """Whether `other` is of the figure's kind, with another value (a span in other units is the
    same value: "14 days", "two weeks")."""
    if other.kind != figure.kind or other.value is None or values_equal(figure, other):
        return False
    if figure.kind == "duration" and figure.value is not None and figure.unit in DURATION_DAYS:
        return not (
            other.unit in DURATION_DAYS
            and same(other.value * DURATION_DAYS[other.unit], figure.value * DURATION_DAYS[figure.unit])
        )
    return True


def _parallel(index: ArticleIndex, one: Figure, other: Figure) -> bool:
    """Whether two article figures stand in the same place of two parallel clauses: after the same
    word ("those aged 18 to 24 ..., while those aged 50 and over"), or counting the same thing."""
    before = [_WORD_BEFORE_RE.search(index.text, max(0, figure.start - 24), figure.start) for figure in (one, other)]
    if before[0] and before[1] and before[0].group(1).lower() == before[1].group(1).lower():
        return True
    thing = index.frame(one).thing
    return bool(thing and thing & index.frame(other).thing)


_WORD_BEFORE_RE: Final = re.compile(r"([A-Za-z]+)\W*$")


def _adds_up(figure: Figure, companion: Figure, around: Around) -> bool:
    """Whether the figure, a companion and a third figure of the summary's sentence, all of one kind,
    add up: one is the sum of the other two."""
    if figure.value is None or companion.value is None or companion.kind != figure.kind:
        return False
    for third in around.others_between(*around.layout.sentence_of(figure.start)):
        if third is companion or third.kind != figure.kind or third.value is None:
            continue
        values = sorted((figure.value, companion.value, third.value))
        if same(values[0] + values[1], values[2]):
            return True
    return False


def _subject_age(around: Around, sibling: Figure, sentence_start: int, figure: Figure) -> bool:
    """Whether `sibling` is the age of a person named before the figure in its sentence."""
    return (
        sibling.kind == "age"
        and sentence_start <= sibling.start < figure.start
        and around.text[sibling.end : around.layout.clause_of(figure.start)[0]].strip(" ,") == ""
        and bool(name_of(around.text, sibling))
    )


def _other_tense(mine: str | None, theirs: str | None) -> bool:
    """Whether two figures of a summary clause are told for different times: both tensed, unlike."""
    return mine is not None and theirs is not None and mine != theirs


def _in_sentences(index: ArticleIndex, first: int, last: int) -> list[Figure]:
    """The article's figures in sentences `first` to `last` (clipped to the article)."""
    sentences = index.layout.sentences
    if not sentences:
        return []
    low = sentences[max(0, first)][0]
    high = sentences[min(len(sentences) - 1, last)][1]
    return index.figures_between(low, high)
