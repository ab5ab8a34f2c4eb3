"""What a figure measures: whether an equal article figure is about the same thing, or about something else."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Final

from summarizer.figures import Figure
from summarizer.figures.lexicon import MONTHS, WEEKDAYS
from summarizer.text import stem

from .compare import granularity, rounds_to, values_equal
from .direction import CHANGE_VERBS, compared_after
from .frames import Frame
from .index import WHICH_PART, ArticleIndex
from .links import change_role, is_whole_of
from .periods import period_of
from .rules import enabled
from .things import same_kind
from .words import Around, content_stems, prefixes_of


def same_measure(summary: Figure, article: Figure) -> bool:
    if summary.kind == article.kind or "duration" not in {summary.kind, article.kind}:
        return True
    return {summary.kind, article.kind} == {"duration", "age"}


def _summary_subject(
    figure: Figure, around: Around, index: ArticleIndex, equal: list[tuple[int, Figure]]
) -> frozenset[str]:
    """The summary figure's subject as `misattributed` reads it: its words before it, less words of
    change and units, less a headline's opening name its value's clause never names, less a change's
    start told in words ("drops from July peak to $3,120": the peak is the start's)."""
    context = around.subject - _CHANGE_STEMS - _UNIT_STEMS
    if around.in_headline:
        # A name a headline opens with ("Tarvel Layoffs to Save $3M") tells no other figure's
        # subject where the value's own clause names no one: "Tarvel said the cuts would cost $1M
        # and would save $3M" tells Tarvel's saving ("A's party won 15, B's 9": B's 9 is B's)
        names = context & index.names_in(around.text, 0, figure.start)
        # (each clause read once: a clause of 20,000 occurrences is no 20,000 reads)
        clauses = {index.layout.clause_of(o.start) for _, o in equal} if names else set()
        if names and not any(index.names_in(index.text, *clause) for clause in clauses):
            context -= names
    # "drops from July peak to $3,120": the words between "from" and "to" are the start's, told
    # without its value, not the end's
    start_told = _START_IN_WORDS_RE.search(around.text, max(0, figure.start - _START_IN_WORDS_REACH), figure.start)
    if start_told is not None:
        context -= index.layout.readings.stems(start_told.group(1))
    return context


def _sentence_spans(starts: list[int], numbers: set[int], text: str) -> list[tuple[int, int]]:
    """Where sentences lie, by their numbers as `misattributed` counts them (from 1, a position before
    the first sentence in it), in order."""
    return [
        (starts[number - 1] if number > 1 else 0, starts[number] if number < len(starts) else len(text) + 1)
        for number in sorted(numbers)
    ]


def misattributed(  # noqa: PLR0911 - one return per reason the evidence is not clear, cheapest first
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> bool:
    """Clear evidence only: in the sentence that has the value, a different figure has the summary's
    subject; or the summary names which part it tells ("the interim dividend") where every occurrence
    of the value is a running total.

    Subjects are the content words just before a figure, within its clause: "exports rose 12%" against
    "imports rose 12%, while exports fell 3%". Words of the change ("rose", "fell") are left out: the
    direction rule judges them. Words both subjects share ("fuel costs" and "crew costs") tell
    nothing; the summary's subject must have a word only the other figure's subject has, and none
    only the value's has. When the value's subject has no word of its own, the rival's word must
    qualify the shared one ("youth unemployment"), or two of its words must be the summary's.
    (`candidates` is the bind rules' common argument; the rivals here are found by sentence.)
    """
    # The rivals first: most values have none in their sentences, and then no subject need be read.
    # A sentence is told by one bisection of the sentence starts, counted from 1 (a position before
    # the first sentence is in it, as `TextLayout.sentence_of` has it).
    starts = index.layout.sentence_starts
    equal_sentences = {bisect.bisect_right(starts, other.start) or 1 for _, other in equal}
    # (one occurrence per kind and value: a value repeated a thousand times is tested once per rival)
    distinct = list({(same.kind, same.value): same for _, same in equal}.values())
    # The whole the summary tells its figure a part of ("780 of 2,400 adults") is no rival: it is
    # the part's whole, and its words are the part's too.
    whole = _whole_after(figure, around)
    rivals = [
        (position, other)
        for position, other in index.candidates_between(figure, _sentence_spans(starts, equal_sentences, index.text))
        if other.kind == figure.kind
        and not any(values_equal(other, same) for same in distinct)
        and not (whole is not None and values_equal(other, whole))
    ]
    if not rivals:
        return False
    context = _summary_subject(figure, around, index, equal)
    if not context:
        return False
    subjects = [index.subject(p) - _CHANGE_STEMS - _RESULT_STEMS for p, _ in equal]
    if not all(subjects):
        return False  # "..., shrank by 12%": an occurrence that says only which way is no evidence
    theirs = frozenset().union(*subjects)
    if context <= theirs:
        return False  # no word of the summary's subject can be only a rival's (a copied sentence)
    if _before_its_noun(figure, around) and _counted_words(around.frame) & prefixes_of(theirs):
        # "will close a £9m funding gap" against "faces a funding gap of £9m": an amount before its
        # noun says what it is about after it, where the value's own subject says it (not a count:
        # "he and the three other members" tells the three by "members" wherever they are)
        return False
    if any(context & index.names_in(index.text, *index.layout.clause_of(other.start)) for _, other in equal):
        return False  # "Haldra's population fell 3.4%": the value's own clause names whom it is about
    if context & WHICH_PART and all(index.is_running_total(position) for position, _ in equal):
        return True  # "the interim dividend was 12.7p" where 12.7p is the year's total
    mine_before = _stem_before(around.text, figure)
    for position, other in rivals:
        # (a result's verb, "leaving", left out of the value's subject is left out of the rival's too)
        rival = index.subject(position) - _CHANGE_STEMS - _RESULT_STEMS
        # When the value's subject has no word of its own ("unemployment" against "the youth
        # unemployment rate"), one word of the rival's ("rate") is too little: it takes two.
        telling = context & (rival - theirs)
        # The verb right before both figures says what was done, not by whom: "the striker will earn
        # about £310,000" is no rival's for "captain Dean Holloway, who earns £260,000".
        if mine_before and mine_before == _stem_before(index.text, other):
            telling -= {mine_before}
        shared = context & theirs & rival
        needed = 1 if theirs - rival or _qualifies(index.text, other, telling, shared) else 2
        if len(telling) >= needed and not context & (theirs - rival):
            return True
    return False


def _whole_after(figure: Figure, around: Around) -> Figure | None:
    """The summary's figure right after `figure` that is the whole it is a part of ("780 of 2,400",
    "15 of the 27 seats"; `links.is_whole_of`)."""
    after = around.next_of(figure)
    return after if after is not None and is_whole_of(figure, after, around.text) else None


def _before_its_noun(figure: Figure, around: Around) -> bool:
    """An amount of money or a span written before the noun it is about ("a £9m funding gap", "a
    three-year contract")."""
    return figure.kind in {"money", "duration"} and _names_next(around.frame, around.text, figure)


def _stem_before(text: str, figure: Figure) -> str:
    """The stem of the word right before a figure ("" when a mark or nothing stands there)."""
    found = _LAST_WORD_RE.search(text, max(0, figure.start - _LAST_WORD_REACH), figure.start)
    return stem(found.group(1)) if found else ""


_LAST_WORD_RE: Final = re.compile(r"([A-Za-z]+)\s+$")
_LAST_WORD_REACH: Final = 24


def _qualifies(text: str, other: Figure, telling: frozenset[str], shared: frozenset[str]) -> bool:
    """Whether a telling word stands before a word both subjects share in the rival's words
    ("youth unemployment", "online sales"): a qualifier, not a generic tail ("unemployment rate",
    "turnout among young voters")."""
    lead = text[max(0, other.start - _SUBJECT_REACH) : other.start].lower()
    places = {word: at for at, word in enumerate(map(stem, _WORD_RE.findall(lead))) if word}
    return any(places.get(word, len(places)) < places.get(common, -1) for word in telling for common in shared)


_WORD_RE: Final = re.compile(r"[A-Za-z']+")
_SUBJECT_REACH: Final = 60  # characters before a rival read for a qualifier of the shared word


# Verbs of winning, losing, making and cutting say what happened, not only which way: they stay.
_DEEDS: Final = frozenset(
    [
        "won",
        "win",
        "wins",
        "winning",
        "lost",
        "lose",
        "loses",
        "losing",
        "created",
        "create",
        "creates",
        "added",
        "adds",
        "shed",
        "sheds",
        "cut",
        "cuts",
    ]
)
_CHANGE_STEMS: Final = frozenset(filter(None, map(stem, CHANGE_VERBS - _DEEDS)))

# A result told after its cause ("Arlen lost 900 jobs, leaving 12,600 people employed"; "the storm
# cut power lines, leaving 8,000 homes dark") is the sentence's subject's: the participle says
# nothing of whom it is about, so an occurrence with only it before it says nothing either.
_RESULT_STEMS: Final = frozenset(filter(None, map(stem, ["leaving", "bringing"])))

# Units say how a change is measured, not what changed: "rose 9 points to 41%" and "fell 12 points to
# 30%" share "points" whatever they are about.
_UNIT_STEMS: Final = frozenset(filter(None, map(stem, ["points", "percentage", "cent"])))
_START_IN_WORDS_RE: Final = re.compile(r"\bfrom\s+((?:[A-Za-z'’-]+\s+){1,4})to\s+$", re.IGNORECASE)
_START_IN_WORDS_REACH: Final = 48  # characters before a figure read for a change's start told in words


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

    "The flood destroyed four homes" when the article's "four" were evacuated and its "at least six"
    were destroyed; "up to 30% of the school budget" when the article's 30% is of the roads budget
    and its 25% of the school budget. Spans and amounts of money too, outside headlines: "ended 20
    years of wrangling" where the article's 20 years are a sea wall's life and its wrangling lasted
    twelve; "the new wing cost £2.4m" where the £2.4m was raised from donors. "Clearly" is two
    shared words (`BINDING_MARGIN`) unless an occurrence's sentence shares at least two more of the
    summary sentence's words than the rival's, or, for counts and shares, one word of the clause and
    a sentence that shares at least two more of the summary sentence's words than any occurrence's
    does. A topic word discounted for the occurrences counts for no rival either.
    """
    # Spans and amounts of money too, outside headlines, unless an amount is named by itself ("the
    # £62m cost" may be told in any clause about what the money pays for).
    spoken = (
        figure.kind in {"duration", "money"} and not around.in_headline and not _names_an_amount(figure, around.frame)
    )
    if (not _bindable(figure) and not spoken) or not around.context:
        return False  # (the kind first: the clause's words are read for no other rule)
    topics: frozenset[str] = frozenset()  # topic words discounted for an occurrence: for rivals too
    for position, occurrence in equal:
        if not index.context(position):
            return False  # says too little to judge ("She was 64.")
        # A shared word is a binding above 0, read without cutting prefixes or finding head nouns;
        theirs = index.context(position)
        shared = around.context & theirs
        # the article's topic alone ("inflation" in a report on it) is no fit where the occurrence
        # tells of other things too
        topic = (
            shared
            if len(shared) == 1 and len(theirs) > _TOPIC_AND_MORE and index.is_topic_word(next(iter(shared)))
            else frozenset()
        )
        if (
            shared - topic
            or binding(around, index, position) - len(prefixes_of(topic) & around.prefixes) > 0
            or around.label() & theirs  # it says the label of the summary's line ("Transport fund: 2.2m")
        ):
            return False  # some occurrence fits
        if _told_together(figure, occurrence, around, index):
            return False  # told beside the value the summary tells beside it
        topics |= prefixes_of(topic)
    # A part counts what its whole counts ("Of the 60 councillors elected, 27 are women and 13 are
    # new"; read once no occurrence fits): the whole is no rival of its parts, and where only the
    # whole's words fit the summary, only another part of it can fit better ("about 60 more are
    # expected to vanish").
    wholes = {whole.start: whole for whole in map(index.frame_reader().whole_of, (o for _, o in equal)) if whole}
    fitting_whole = next((w for w in wholes.values() if around.context & index.frame(w).words), None)
    # Money: a firm's or person's name is no binding ("Fenwick United lost £20m" is no rival of
    # "Fenwick United will hand Tate £3m"): an article names the payer of every amount.
    names = prefixes_of(index.names_in(around.text)) & around.prefixes if figure.kind == "money" else frozenset()
    # A value the summary gives beside the figure is no rival: "180 of the 1,400 monitored glaciers"
    # tells the 1,400's words too.
    start, end = around.layout.clause_of(figure.start)
    told = around.others_between(start, end)
    sentence: tuple[frozenset[str], int] | None = None
    for position, other in candidates:
        if not rival_kind(figure, other) or other.vague or values_equal(figure, other) or other.start in wholes:
            continue
        if fitting_whole is not None and index.frame_reader().whole_of(other) is not fitting_whole:
            continue
        if any(
            sibling.kind == other.kind and sibling.value is not None and values_equal(sibling, other)
            for sibling in told
        ):
            continue
        score = binding(around, index, position) - len((names | topics) & index.prefixes(position))
        if score < BINDING_MARGIN - 1 or (score < BINDING_MARGIN and not _bindable(figure)):
            continue
        # (the summary's sentence and the best occurrence's share of it, read when first needed)
        if sentence is None:
            words = around.layout.readings.stems(around.text[slice(*around.layout.sentence_of(figure.start))])
            sentence = words, max(len(words & index.sentence_stems(p)) for p, _ in equal)
        ahead = len(sentence[0] & index.sentence_stems(position)) - sentence[1]
        # Two shared words of the clause, unless an occurrence's sentence tells clearly more of the
        # summary's than the rival's ("about 340 jobs will go with the closure of the depot" where the depot's
        # sentence has "340 roles" and another's "up to 1,200 jobs"); or one word, and the rival's
        # sentence tells clearly more of the summary's than any occurrence's ("unemployment rose to
        # 4.8%, the highest in four years" where 4.8% is earnings' rise and unemployment "stood at
        # 5.1%, the highest in four years").
        if ahead > (-BINDING_MARGIN if score >= BINDING_MARGIN else BINDING_MARGIN - 1):
            return True
    return False


BINDING_MARGIN: Final = 2


def _told_together(figure: Figure, occurrence: Figure, around: Around, index: ArticleIndex) -> bool:
    """Whether the summary figure's neighbour in its sentence is the occurrence's neighbour in the
    article's, on the same side: the two were told together, so the occurrence is the summary's,
    whatever its own clause's words ("the median wait of 14.2 weeks compares with 7.9 weeks before
    the pandemic" for "14.2 weeks, against 15.6 weeks last year and 7.9 weeks in 2019": the 7.9's
    clause says only "against"). Between them in the article may stand only values of the kind of
    both that the summary leaves out, items of one list. Not "rose 8% to 67 million" for "rose 8% to
    61 million, below the 67 million of 2019" (the 61 million is the 8%'s end), nor "30% of exports
    and 45% of imports" for the other order, nor a list's item given another's value ("five at A,
    five at B" for "five at A, four at B")."""
    mine = around.others_between(*around.layout.sentence_of(figure.start))
    if any(other.kind == figure.kind and values_equal(other, occurrence) for other in mine if other.value is not None):
        return False  # the summary tells the value twice: which telling is the occurrence's is not said
    start, end = index.layout.sentence_of(occurrence.start)
    # (the occurrence's sentence read outwards from it, never copied: a sentence of 20,000 figures
    # is asked about once per occurrence)
    first, at, last = (
        bisect.bisect_left(index.starts, start),
        index.position(occurrence),
        bisect.bisect_left(index.starts, end),
    )
    figures = index.figures
    before = [other for other in mine if other.start < figure.start]
    after = [other for other in mine if other.start > figure.start]
    return bool(
        before and _told_next(figure, before[-1], (figures[i] for i in range(at - 1, first - 1, -1)), mine, index)
    ) or bool(after and _told_next(figure, after[0], (figures[i] for i in range(at + 1, last)), mine, index))


def _told_next(
    figure: Figure, neighbour: Figure, article_side: Iterable[Figure], mine: list[Figure], index: ArticleIndex
) -> bool:
    """Whether the first article figure on one side of an occurrence, past items of one list the
    summary leaves out, gives the value of the summary figure's neighbour on that side, and is the
    only figure of the article that does: a value told twice anchors neither telling (a copied
    sentence with one value changed to another's of the article keeps its neighbours)."""
    if neighbour.value is None or neighbour.vague or values_equal(figure, neighbour):
        return False
    for other in article_side:
        if other.value is None:
            return False
        if other.kind == neighbour.kind and values_equal(neighbour, other):
            return len(index.equal(neighbour)) == 1  # (a value told twice anchors neither telling)
        if other.kind != figure.kind or other.kind != neighbour.kind:
            return False
        if any(one.value is not None and one.kind == other.kind and values_equal(one, other) for one in mine):
            return False  # an item the summary tells too: no list it leaves out
    return False


def _bindable(figure: Figure) -> bool:
    """A kind bound by its words, or an area ("1,200 sq ft" of a hall is no flat's 1,200 square feet:
    bound as the count it was read as before 3.155)."""
    return figure.kind in BINDABLE_KINDS or (figure.kind == "measure" and figure.unit in _AREA_UNITS)


_AREA_UNITS: Final = frozenset({"sq m", "sq ft", "sq km", "sq mi"})
_TOPIC_AND_MORE: Final = 2  # words an occurrence's clause must tell besides the topic word


# Counts, shares and ranks (ranks since 3.135: "finished second" is bound like a count). Amounts of
# money and durations in headlines are paraphrased too freely
# (a prize named by its sponsor and price, its price given in a clause about something else):
# binding them cost false alarms.
BINDABLE_KINDS: Final = frozenset({"count", "percent", "fraction", "ordinal"})


# --- the contrast rule: which of the article's figures do the summary's words point at? ------------------


def contrasted(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Figure | None:
    """The article figure the summary figure's frame points at, when it is not any of `equal`.

    `equal` are the article figures whose value matches the summary's (equal, or the rounding it
    states). A rival is a figure of the same kind with another value. The summary figure is about
    the rival rather than about an equal figure when its words include one that tells the rival
    apart from that equal figure, none that tells the equal figure apart from the rival, and more
    of its words are the rival's. What it counts ("goals" or "assists") is compared first and
    decides alone; the rest of its words count only when the summary also gives the rival's value
    (the two were exchanged). A headline often takes its words from one sentence and its figure from
    another, so words alone never move a figure that was not exchanged. Rivals are sought in or next
    to the equal figure's sentence, where two figures are set side by side. "30% of its exports and
    45% of its imports" against an article that gives 45% for exports and 30% for imports flags both.
    """
    if not equal:
        return None
    mine = around.frame
    if not mine.words or tallied(figure, around):
        return None
    # Sets, not scans of `equal`: a value an article repeats a thousand times meets a thousand rivals.
    # The other end of an equal figure's change is no rival: both ends measure one thing ("carried 4.2
    # million passengers in 2025, against 3.6 million a year earlier").
    equal_starts = {same_figure.start for same_figure in equal}
    equal_starts |= {partner.start for partner in map(index.partner, equal) if partner is not None}
    equal_values = {same_figure.value for same_figure in equal if same_figure.value is not None}
    # Rivals are read in or next to an equal figure's sentence only (see `_near`), found by bisection.
    sentences = {number + step for number in map(index.frame_sentence, equal) for step in (-1, 0, 1)}
    rivals = [
        other
        for _, other in index.candidates_between(figure, index.frame_reader().sentences_span(sentences))
        if other.kind == figure.kind
        and not other.vague
        and other.start not in equal_starts
        # a rival has another value than every equal figure (not "3.8bn" beside "3.8 billion")
        and other.value not in equal_values
        and not values_equal(figure, other)
    ]
    # The summary's parts of this figure ("cut 85 of its 3,900 jobs", "Of 4,600 appeals, 1,150
    # succeeded"): the whole's noun is the part's too, so the article's "85 jobs" or "1,150 appeals"
    # is the part the summary names, no rival of the whole (read only when rivals are near).
    parts = _parts_told(figure, around) if rivals else {}
    if parts:
        rivals = [rival for rival in rivals if not any(values_equal(part, rival) for part in parts.values())]
    # Rivals by sentence: an occurrence reads only those in or next to its sentence, where figures are
    # set side by side (a value and its rivals repeated a thousand times are not read a million
    # times). Most values have none beside their first occurrence (their rivals are elsewhere in
    # the article), and then no frame of the article need be read.
    by_sentence: dict[int, list[tuple[int, Figure]]] = {}
    for order, one in enumerate(rivals):
        by_sentence.setdefault(index.frame_sentence(one), []).append((order, one))
    if not _near(by_sentence, index.frame_sentence(equal[0])):
        return None
    # An occurrence whose frame has every word of the summary figure's, and what it counts (a copied
    # sentence), is never scored below a rival by `_better_rival`: no need to score them.
    if any(mine.thing <= ours.thing and mine.words <= ours.words for ours in map(index.frame, equal)):
        return None
    # The summary's other figures: a rival whose value the summary also gives may be half of a swap.
    others = [other for other in around.siblings if other.start != figure.start and other.value is not None]
    pointed = None
    for same_figure in equal:
        near = _near(by_sentence, index.frame_sentence(same_figure))
        better = _better_rival(mine, same_figure, near, index, others=others, around=around)
        if better is None:
            return None  # this occurrence of the value may well be what the summary means
        pointed = pointed or better
    return pointed


def _parts_told(figure: Figure, around: Around) -> dict[int, Figure]:
    """The summary's figures it gives as parts of `figure`, by where they start: "85 of its 3,900
    jobs" (a part right before its whole), "Of 4,600 appeals, 1,150 succeeded" (a whole that opens
    its sentence)."""
    parts: dict[int, Figure] = {}
    # (both are told in the figure's sentence: the siblings of the others need not be read)
    for other in around.others_between(*around.layout.sentence_of(figure.start)):
        # (a part larger than its whole is two figures swapped: "£210m of the £6m fund")
        if other.value is None or other.start == figure.start or other.kind != figure.kind:
            continue
        if figure.value is None or other.value > figure.value:
            continue
        if around.whole_of(other) is figure or (
            other.end <= figure.start and is_whole_of(other, figure, around.text) and other is around.before(figure)
        ):
            parts[other.start] = other
    return parts


def _near(by_sentence: dict[int, list[tuple[int, Figure]]], sentence: int) -> list[Figure]:
    """The rivals in a sentence or the ones next to it, in the order they were found."""
    pairs = sorted(pair for number in (sentence - 1, sentence, sentence + 1) for pair in by_sentence.get(number, ()))
    return [one for _, one in pairs]


def tallied(figure: Figure, around: Around) -> bool:
    """Whether the figure is one side of a tally, "17 to nine": two figures of a kind joined by "to"
    alone, so the words around them are the words of both and none tells which side is which. A
    change ("rose from 9 to 17", "up 9 to 17", "by 9 to 17") is no tally."""
    at = around.sibling_starts.index(figure.start)
    siblings = around.siblings
    for i in (at - 1, at):  # the figure with the one before it, then with the one after it
        if not 0 <= i < len(siblings) - 1:
            continue
        left, right = siblings[i], siblings[i + 1]
        if left.kind != right.kind or not _TALLY_RE.fullmatch(around.text, left.end, right.start):
            continue
        before = _WORD_RE.findall(around.text[max(0, left.start - _TALLY_LEAD) : left.start].lower())
        if not CHANGE_VERBS.intersection(before) and "from" not in before and "by" not in before:
            return True
    return False


_TALLY_RE: Final = re.compile(r"\s+to\s+", re.IGNORECASE)
_TALLY_LEAD: Final = 24  # characters before a tally read for a change's verb


def _better_rival(
    mine: Frame, same_figure: Figure, rivals: list[Figure], index: ArticleIndex, *, others: list[Figure], around: Around
) -> Figure | None:
    ours = index.frame(same_figure)
    best: tuple[int, Figure] | None = None
    # A part counts what its whole counts ("Of the 30 riders who started, 22 finished"): the
    # summary's "22 riders" says what the 22 count, and points at no rival by it.
    whole = index.frame_reader().whole_of(same_figure) or _whole_right_after(same_figure, index)
    counted_by_whole = whole is not None and bool(mine.thing & index.frame(whole).thing)
    # (unless the summary tells its figure as a whole itself: "£210m of the £6m fund" against the
    # article's "£6m of the £210m fund" is a swap)
    before = around.before(around.figure)
    told_as_whole = before is not None and is_whole_of(before, around.figure, around.text)
    for rival in rivals:  # (those in or next to the occurrence's sentence: `_near`)
        if counted_by_whole and rival is whole and not told_as_whole:
            continue  # "won about 290 of the 550 seats": the 550 says what the 290 count, no swap
        theirs = index.frame(rival)
        # Only a swap moves a figure: the summary gives the rival's value too, and that figure
        # points back at this one ("30% of exports and 45% of imports"). A single figure beside
        # words of another sentence is how headlines are written, not an error.
        # (the summary's figures nearest the rival's value: a summary of thousands of amounts is not
        # read whole for every rival)
        near = around.nearest_in_value(rival.kind, rival.value, _PARTNERS_READ) if rival.value is not None else []
        partners = [
            around.frame_of(other)
            for other in near
            if other.start != around.figure.start and (values_equal(other, rival) or rounds_to(other, rival))
        ]
        # What it counts decides alone, except in a headline, whose word after a figure is often a
        # verb ("12 Hurt", "1,000 Flee"); words need a swap partner.
        # ... nor when the summary's noun phrase says which part it is in the equal figure's words
        # ("45 transatlantic flights" for the article's "45 transatlantic services" among 300
        # flights), or two of its words tell the equal figure apart ("12 young patients in a
        # serious condition" for "12 children were in a serious condition").
        # Words every figure of the summary's sentence shares are the sentence's, not this figure's.
        telling = mine.words & (ours.words - theirs.words)
        kept = bool(mine.modifiers & ours.words) or (
            len(telling) >= _TELLING and len(telling - _sentence_words_of_all(around)) >= _TELLING
        )
        by_thing = 0 if around.in_headline or kept or counted_by_whole else _by_thing(mine, ours, theirs)
        # In a swap, what the summary figure counts may be said of the rival alone ("11% of total
        # costs" where the article's 11% is how much they rose and its 27% is of total costs). Not
        # when the summary's figure of the rival's value counts the rival's thing too ("30% of the
        # budget, with 6% of the budget going to parks" is no swap of "30% of it" and "6% of the
        # budget"), nor when the summary compares the two ("now carries 9.1 million passengers,
        # against 4.2 million in the 1990s"): a comparison's two sides are no swap.
        if (
            not by_thing
            and partners
            and not around.in_headline
            and not kept
            and not any(partner.thing & theirs.thing for partner in partners)
            and not _compared(around, rival, others)
        ):
            by_thing = _by_thing_alone(mine, ours, theirs)
        # two parts of one whole, told apart by what each counts: no swap partner needed
        parts = (
            not by_thing
            and not partners
            and not around.in_headline
            and _parts_told_apart(mine, ours, theirs, index=index, rival=rival, whole=whole)
        )
        if (
            not by_thing
            and not parts
            and not any(_by_thing(partner, theirs, ours) or _by_words(partner, theirs, ours) for partner in partners)
        ):
            continue
        score = by_thing or _by_words(mine, ours, theirs) or int(parts)
        if score and (best is None or score > best[0]):
            best = (score, rival)
    return best[1] if best else None


def _whole_right_after(part: Figure, index: ArticleIndex) -> Figure | None:
    """The article figure a part is told of right after it: the 550 of "about 290 of the 550 seats",
    which says what the 290 count."""
    at = index.position(part) + 1
    if at < len(index.figures) and is_whole_of(part, index.figures[at], index.text):
        return index.figures[at]
    return None


_TELLING: Final = 2  # words of the summary's that tell the equal figure apart keep it there
_PARTNERS_READ: Final = 16  # the summary's figures nearest a rival's value read for its swap partner


def _sentence_words_of_all(around: Around) -> frozenset[str]:
    """The words the frames of every figure of the summary figure's sentence share (none when it is alone)."""
    start, end = around.layout.sentence_of(around.figure.start)
    frames = [around.frame_of(other) for other in around.siblings if start <= other.start < end]
    if len(frames) < 2:
        return frozenset()
    return frozenset.intersection(*(frame.words for frame in frames))


def _by_thing(mine: Frame, ours: Frame, theirs: Frame) -> int:
    """The summary counts what the rival counts, and the equal figure counts something else: "14
    assists" where the article's 14 are goals and its 9 are assists."""
    if (
        mine.thing
        and ours.thing
        and not mine.thing & ours.thing
        and mine.thing & theirs.thing
        and not same_kind(prefixes_of(mine.thing), prefixes_of(ours.thing))
    ):
        return 1 + len(mine.words & theirs.words)
    return 0


def _compared(around: Around, rival: Figure, others: list[Figure]) -> bool:
    """Whether the summary sets its figure against one of the rival's value with a word of comparison
    ("against", "compared with", "from", "than", "versus") between them."""
    figure = around.figure
    for other in others:
        if other.kind != rival.kind or not values_equal(other, rival):
            continue
        if _COMPARISON_RE.search(around.text, min(figure.start, other.start), max(figure.start, other.start)):
            return True
    return False


_COMPARISON_RE: Final = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|vs|from|than)\b", re.IGNORECASE)


def _parts_told_apart(
    mine: Frame, ours: Frame, theirs: Frame, *, index: ArticleIndex, rival: Figure, whole: Figure | None
) -> bool:
    """Whether a single summary figure says what a rival counts where the equal figure and the rival
    are two parts of one whole ("Of the 30 riders, 22 finished and four crashed": "22 riders
    crashed"): what the rival counts is in the summary's words, and what the equal figure counts
    is not."""
    if whole is None or index.frame_reader().whole_of(rival) is not whole:
        return False
    return bool(mine.words & theirs.thing) and not mine.words & ours.thing


def _by_thing_alone(mine: Frame, ours: Frame, theirs: Frame) -> int:
    """The summary counts what the rival counts, and the equal figure counts nothing it says."""
    return 1 + len(mine.words & theirs.words) if mine.thing and not ours.thing and mine.thing & theirs.thing else 0


def _by_words(mine: Frame, ours: Frame, theirs: Frame) -> int:
    """How clearly the words around the summary figure are the rival's rather than the equal
    figure's: more of them are the rival's, one tells the rival apart, none tells the equal apart."""
    shared_ours, shared_theirs = len(mine.words & ours.words), len(mine.words & theirs.words)
    if shared_theirs <= shared_ours:
        return 0
    if len(mine.words & (theirs.words - ours.words)) > len(mine.words & (ours.words - theirs.words)):
        return shared_theirs - shared_ours
    return 0


def operands_bound(
    figure: Figure, operands: tuple[Figure, ...], around: Around, index: ArticleIndex, *, total: bool = False
) -> bool:
    """Whether a derivation may stand: no figure of the article, other than the derivation's parts,
    is its value for what the summary figure measures (rule derive-stated; with it off, operands that
    share the summary figure's words are enough).

    "Has run the bakery for twelve years" is not 2013 - 2001 where the family has run it for nine.
    The parts of a result are not other values of it: the count `with-the-rest` completes (`total`:
    "two other guards", with the watchman), an amount divided or multiplied by a count ("$4,500 / 9"),
    and two or more operands of the summary's kind that all speak of its thing ("cut 120 jobs in
    March", "another 80 in June"). Years keep to their operands' binding: a year's event is told by
    its verb more than by its words ("closed in 2019", "reopened N years later" share the
    bridge). A headline's words often share nothing with its operands ("Dockers start 3-day strike"
    from "a 72-hour stoppage"): that alone does not undo a derivation.
    """
    mine = around.frame
    words = mine.words
    # (whether the operands are the ends of one article change and the figure its size)
    size_of_change = _one_change(figure, operands, index, ends_wanted=False) or (
        len(operands) == 2 and told_change_ends(figure, operands[0], operands[1], around, index)
    )
    if not words or _gives_change_operands(figure, operands, around, index, size_of_change=size_of_change):
        return True
    bound = not operands or all(index.frame(operand).words & words for operand in operands)
    if bound and (not enabled("derive-stated") or figure.kind == "year"):
        return True
    # The ends and the size of one change are its parts: "£3.9bn, up from £3.1bn" gives a rise of
    # £800m, and "rose by 4p to 55.2p" a start of 51.2p, though each end states the same thing.
    role = change_role(around.text, around.siblings, around.sibling_starts, figure) if len(operands) == 2 else None
    ends_wanted = role in {"before", "after"}
    one = _one_change(figure, operands, index, ends_wanted=True) if ends_wanted else size_of_change
    parts = list(operands) if one else _parts(figure, operands, bound=bound, total=total)
    # The summary tells a movement ("grew by £4m", "45 fewer") of the change's size, not an end or a level.
    sized = size_of_change and not ends_wanted and around.movement is not None
    # A difference told as a comparison ("880,000 more visitors than the gardens") is stated only by
    # another difference: a level of the thing ("hopes to pass 3 million visitors") is none.
    compared = not sized and compared_after(around.layout.text, figure)
    return not any(
        alike(figure, other)
        and other.value is not None
        and not values_equal(figure, other)
        and all(other is not part for part in parts)
        and _states(mine, index.frame(other))
        # The size of a change is told by another change's size, not by a level: "the bill rose
        # from £18m to £22m" gives a rise of £4m, whatever else the bill is compared with.
        and (not sized or change_role(index.text, index.figures, index.starts, other) == "amount")
        and (not compared or _a_difference(other, index))
        and _per_unit(index.text, other) == _per_unit(around.text, figure)
        for _, other in index.candidates(figure)
    )


def _per_unit(text: str, figure: Figure) -> str | None:
    """The unit an amount of money is given per ("$1.47 a share", "£9 per person"), if any: such an
    amount is no value of a whole ("net income rose by $157 million")."""
    if figure.kind != "money":
        return None
    found = _PER_UNIT_RE.match(text, figure.end)
    return found.group(1).lower() if found else None


_PER_UNIT_RE: Final = re.compile(r"\s+(?:a|an|per|each)\s+([a-z]+)\b", re.IGNORECASE)


def _a_difference(figure: Figure, index: ArticleIndex) -> bool:
    """Whether an article figure is told as a difference: a change's size ("rose by 74,000") or a
    comparison ("12 fewer beds")."""
    if compared_after(index.text, figure):
        return True
    return change_role(index.text, index.figures, index.starts, figure) == "amount"


def _gives_change_operands(
    figure: Figure, operands: tuple[Figure, ...], around: Around, index: ArticleIndex, *, size_of_change: bool
) -> bool:
    """Whether the summary gives every operand of a change beside its figure: "climbed from 9.8m to
    12.6m, an increase of 2.8m" (the size from both ends), "rises by £5m to £42m, from £37m" (an
    end from the other and the size)."""
    if not _gives_all(figure, operands, around):
        return False
    return size_of_change or _one_change(figure, operands, index, ends_wanted=True)


def _gives_all(figure: Figure, operands: tuple[Figure, ...], around: Around) -> bool:
    """Whether the summary's sentence gives every operand itself: a summary that shows its working
    ("climbed from 9.8m to 12.6m, an increase of 2.8m") has no rival in another value of the
    article (another firm's passengers)."""
    start, end = around.layout.sentence_of(figure.start)
    told = [
        sibling
        for sibling in around.siblings
        if sibling is not figure and start <= sibling.start < end and sibling.value is not None
    ]
    return all(
        any(sibling.kind == operand.kind and values_equal(sibling, operand) for sibling in told) for operand in operands
    )


_SHARE_KINDS: Final = frozenset({"percent", "fraction"})  # "around half" and "35%" state one share


def alike(figure: Figure, other: Figure) -> bool:
    """Whether two figures measure alike: of one kind, or both shares ("about two-thirds", "58.2%")."""
    return figure.kind == other.kind or {figure.kind, other.kind} <= _SHARE_KINDS


def rival_kind(figure: Figure, other: Figure) -> bool:
    """Whether an article figure may be a summary figure's rival by its kind: the same kind, or a
    percentage for a share told in words ("about half" of costs where the article's costs are 38%).
    Not the other way: the article's "a quarter of schools" is a loose word for another share."""
    return figure.kind == other.kind or (figure.kind == "fraction" and other.kind == "percent")


def _one_change(figure: Figure, operands: tuple[Figure, ...], index: ArticleIndex, *, ends_wanted: bool) -> bool:
    """Whether two operands are the two ends of one change in the article and the summary figure
    is their difference (the change's size), or, when the summary figure is an end (`ends_wanted`),
    an end and the change's size (which give the other end). "Rose from 4,000 to 7,000" gives a
    rise of 3,000, never a start of 3,000; "a range of 10 to 12" has no size of 22."""
    if len(operands) != 2 or figure.value is None:
        return False
    first, second = operands
    if not ends_wanted:
        linked = index.partner(first) is second or index.partner(second) is first
        size = abs((first.value or 0.0) - (second.value or 0.0))
        return linked and abs(size - figure.value) <= max(granularity(figure) / 2, abs(figure.value) * 1e-9)
    if index.sentence_number(first.start) != index.sentence_number(second.start):
        return False
    return any(change_role(index.text, index.figures, index.starts, one) == "amount" for one in operands)


def told_change_ends(figure: Figure, first: Figure, second: Figure, around: Around, index: ArticleIndex) -> bool:
    """Whether the summary tells its figure as the size of a change to an end it gives ("rose by
    £17m to £168m"), and the article gives that end, then a start told as one ("up from") no
    further than the next sentence: "£168m, or 41% of the total, up from £151m", "2,640 members
    in May, including 310 juniors. That is up from 2,210". Such ends are one change though no
    link joins them (a figure of another kind, a part or a sentence stands between them)."""
    if second.start < first.start:
        first, second = second, first
    if figure.value is None or first.value is None or second.value is None or first.kind != second.kind:
        return False
    if not same_value(abs(first.value - second.value), figure.value, figure):
        return False
    if abs(index.sentence_number(first.start) - index.sentence_number(second.start)) > 1:
        return False
    summary_role = change_role(around.text, around.siblings, around.sibling_starts, figure)
    if summary_role != "amount" or not _end_given(first, around):
        return False
    roles = (change_role(index.text, index.figures, index.starts, one) for one in (first, second))
    return next(roles) not in {"before", "amount"} and next(roles) == "before"


def same_value(value: float, wanted: float, figure: Figure) -> bool:
    """Whether a worked value is the summary figure's, to the precision it is given in."""
    return abs(value - wanted) <= max(granularity(figure) / 2, abs(wanted) * 1e-9)


def _end_given(end: Figure, around: Around) -> bool:
    """Whether the summary figure's clause gives an article change's end ("by £17m to £168m")."""
    start, stop = around.layout.clause_of(around.figure.start)
    return any(
        sibling is not around.figure and start <= sibling.start < stop and values_equal(sibling, end)
        for sibling in around.siblings
    )


def _parts(figure: Figure, operands: tuple[Figure, ...], *, bound: bool, total: bool) -> list[Figure]:
    """The operands that are parts of the derived value, not other values of the same thing."""
    alike = [operand for operand in operands if operand.kind == figure.kind]
    scaled = len(alike) < len(operands) and figure.kind != "year"
    return alike if total or scaled or (len(alike) > 1 and bound) else []


def _states(mine: Frame, theirs: Frame) -> bool:
    """Whether an article figure is the article's value for what the summary figure measures: it
    shares two of its words and counts the same thing ("confirmed in 15 regions" for "in 19 regions")."""
    return len(mine.words & theirs.words) >= _STATED and (not mine.thing or bool(mine.thing & theirs.thing))


_STATED: Final = 2  # words a figure must share with the summary's to be the article's value for that thing


# --- the other-thing rule: the article's equal value counts something else ------------------------------


def counts_other_thing(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Figure | None:
    """An equal article count (or amount) whose noun phrase shares no word with the summary's: "the
    storm sank four ferries" where the article's only "four" are "four lighthouses", "a £40 kettle"
    where the article's £40 is a toaster. Returns that article figure.

    Clear cases only: each side must say what it counts, and the article's words are read a little
    past its noun phrase ("the three oldest and busiest harbours" still counts harbours). Headlines
    are left alone: they count in words of their own ("Storm Sinks Four Boats" from "four trawlers").
    """
    if figure.kind not in _COUNTED_KINDS or not equal or around.in_headline or period_of(around.text, figure):
        return None  # "£2m annually": the word after a rate is its period, not what it counts
    # "The £62m bill" says what the money is, not what it pays for: nouns that name an amount are
    # left out on both sides, and a side with nothing else says nothing.
    mine = _counted_words(around.frame) if _names_next(around.frame, around.layout.text, figure) else frozenset()
    mine -= _AMOUNT_PREFIXES if figure.kind == "money" else frozenset()
    if not mine:
        return None
    if any(_may_count_it(other, mine, index) for other in equal):
        return None
    # A participle after the summary's noun may name what the article's noun names ("two
    # councillors abstaining" counts the article's "two abstentions"), and the verb before the
    # article's count what the summary's noun names ("450 hires" its "plans to hire 450 staff")
    doing = _PARTICIPLE_AFTER_RE.match(around.text, figure.end)
    said = prefixes_of(content_stems(doing.group(1))) if doing else frozenset()
    if any((said & _counted_words(index.frame(other))) or _names_its_verb(mine, other, index) for other in equal):
        return None
    if any(_told_with_its_sentence(figure, around, index, other) for other in equal):
        return None
    return equal[0]


def _told_with_its_sentence(figure: Figure, around: Around, index: ArticleIndex, other: Figure) -> bool:
    """Whether the summary's sentence tells the article sentence of an equal count in words of its own:
    another figure of its kind in its clause, told by its value alone, is the article's in that
    sentence, and the article's words for the count are nowhere in it ("its 2,480 strikers included
    1,900 on the coast" for "2,480 of its drivers stopped work, including 1,900 on the coast"). Two
    values exchanged within one sentence keep the article's words ("£6m from its fund and £9m of
    loans"); a count told by its own noun ("5,200 homes and 14 schools") anchors nothing: its
    neighbour's noun may have been changed."""
    _, sentence_end = index.layout.sentence_of(other.start)
    after = _WORDS_AFTER_RE.match(index.text, other.end, sentence_end)
    theirs = _counted_words(index.frame(other))
    theirs |= prefixes_of(content_stems(after.group())) - _TIME_PREFIXES if after else frozenset()
    start, end = around.layout.sentence_of(figure.start)
    if not theirs or theirs & prefixes_of(content_stems(around.text[start:end])):
        return False
    sentence = index.sentence_number(other.start)
    return any(
        sibling.kind == figure.kind
        and sibling.value is not None
        and not sibling.vague
        and not values_equal(sibling, figure)
        and not _names_next(around.frame_of(sibling), around.text, sibling)
        and any(index.sentence_number(same.start) == sentence for _, same in index.equal(sibling))
        for sibling in around.others_between(*around.layout.clause_of(figure.start))
    )


# the few words after an article count that still say what it is ("£6m taken from its fund")
_WORDS_AFTER_RE: Final = re.compile(r"(?:[^\w.;]+[A-Za-z'-]+){1,3}")
_TIME_PREFIXES: Final = prefixes_of(frozenset(filter(None, map(stem, [*MONTHS, *WEEKDAYS]))))


def _names_its_verb(mine: frozenset[str], figure: Figure, index: ArticleIndex) -> bool:
    """Whether the summary's noun is the verb right before an article count ("450 hires" for "plans to
    hire 450 staff"; the stems of "hires" and "hire" differ by the "e" the suffix took)."""
    verbs = _verb_before(figure, index)
    return any(noun.startswith(verb) or verb.startswith(noun) for noun in mine for verb in verbs)


def _verb_before(figure: Figure, index: ArticleIndex) -> frozenset[str]:
    """The word right before an article count, as a four-letter stem: "plans to hire 450 staff"."""
    found = _WORD_BEFORE_RE.search(index.text, max(0, figure.start - _WORD_BEFORE_REACH), figure.start)
    return prefixes_of(content_stems(found.group(1))) if found else frozenset()


_WORD_BEFORE_RE: Final = re.compile(r"([A-Za-z]{3,})\s+$")
# a count, its noun (a word or two) and a participle: "two councillors abstaining"
_PARTICIPLE_AFTER_RE: Final = re.compile(r"(?:\s+[A-Za-z-]+){1,2}?\s+([a-z]{3,}ing)\b")
_WORD_BEFORE_REACH: Final = 24


def _may_count_it(other: Figure, mine: frozenset[str], index: ArticleIndex) -> bool:
    """Whether an equal article figure may count what the summary's counts (`mine`): its words say
    so, or say not what it counts ("the two were rescued")."""
    # The words after it first: when they share one with the summary's, every test below ends so,
    # and no frame need be read.
    _, sentence_end = index.layout.sentence_of(other.start)
    read_on = prefixes_of(content_stems(index.text[other.end : min(sentence_end, other.end + _READ_ON)]))
    if read_on & mine:
        return True
    frame = index.frame(other)
    counted = _counted_words(frame) - (
        _AMOUNT_PREFIXES | _UNDERTAKING_PREFIXES if other.kind == "money" else frozenset()
    )
    if counted & mine or same_kind(counted, mine):
        return True  # counts what the summary counts
    if not counted or not (_names_next(frame, index.text, other) and not period_of(index.text, other)):
        return True  # does not say what it counts
    theirs = counted | read_on
    return bool(theirs & mine) or same_kind(theirs, mine)


# Nouns that name an amount of money itself, not what it buys: "the £62m cost" is the article's
# "£62m plan", "a £5bn bill" its "£5bn rescue".
AMOUNT_NOUNS: Final = frozenset(
    stem(word)
    for word in [
        "cost",
        "costs",
        "price",
        "sum",
        "amount",
        "total",
        "bill",
        "budget",
        "value",
        "fee",
        "spending",
        "investment",
        "funding",
        "outlay",
        "expense",
        "payment",
    ]
    if stem(word)  # a stop word to the stemmer ("total") can name nothing
)
_AMOUNT_PREFIXES: Final = prefixes_of(AMOUNT_NOUNS)
# Words for whatever money is spent on: an article amount they alone follow says not what it buys
# ("the £26m project" may be the summary's "£26m harbour wall"). A summary's own "scheme" still
# tells its thing against the article's ("a £12m scheme" is no "£12m depot").
_UNDERTAKING_PREFIXES: Final = prefixes_of(
    frozenset(filter(None, map(stem, ["project", "scheme", "programme", "plan", "deal", "package"])))
)


def _names_an_amount(figure: Figure, frame: Frame) -> bool:
    return figure.kind == "money" and bool(frame.thing & AMOUNT_NOUNS)


_OF_RE: Final = re.compile(r"[\s-]*(?:of\s+(?:the\s+)?)?")


# Counts, and amounts of money that name what they buy ("a £40 toaster"). Shares were tried: no gain.
_COUNTED_KINDS: Final = frozenset({"count", "money"})

_READ_ON: Final = 40  # characters after an article count still read for what it counts


def _names_next(frame: Frame, text: str, figure: Figure) -> bool:
    """Whether the figure's noun phrase follows it at once ("four lighthouses", not "the four were
    back"), and is no verb ("312 had waited", "the 101 needed for a majority", "£38m protected")."""
    first = frame.label.split(maxsplit=1)[0] if frame.label else ""
    lead = _OF_RE.match(text, figure.end)
    if not first or lead is None or not text.startswith(first, lead.end()):
        return False
    lowered = first.lower()
    # "the 101 needed for a majority": a participle with no noun after it ("200 stranded
    # motorists" names motorists)
    alone = len(frame.label.split()) == 1
    return lowered not in _VERBS_NEXT and not (alone and len(lowered) > _SHORTEST_PARTICIPLE and lowered.endswith("ed"))


_VERBS_NEXT: Final = frozenset({"had", "has", "have", "was", "were", "is", "are", "will", "would", "could", "may"})
_SHORTEST_PARTICIPLE: Final = 4  # "bed", "red" and "shed" end in "ed" too (longer nouns, "speed", are rarely alone)


def _counted_words(frame: Frame) -> frozenset[str]:
    """What a figure counts, as four-letter stems: its thing and the words of its noun phrase, "people"
    among them ("310,000 people" and "310,000 more people moved" count the same)."""
    if not frame.thing:
        return frozenset()
    persons = _PERSONS & set(frame.label.lower().split())
    return prefixes_of(frame.thing | content_stems(frame.label) | persons)


# Words for people: stop words to the check's stems, but what a count counts all the same.
_PERSONS: Final = frozenset({"people", "persons", "others"})
