"""A value told under another figure's label.

Summaries often give their figures as compact labelled lines: "Turnover: £96m. Workers: 1,150.
Depots: 4." The label binds its value as a noun binds the count before it ("Prams: 41" says what
"41 prams" says). A value moved to another label is still in the article, but counting something
else: "Prams: 86" where the article has "86 bicycles, 41 prams and 7 safes". Such a line is flagged
when no occurrence of the value says the label's noun (in what it counts or the words that govern
it), while one other value of the same kind does ("41 prams").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from summarizer.text import stem

from .binding import AMOUNT_NOUNS, rival_kind
from .compare import values_equal
from .things import same_kind
from .words import LABEL_COLON_REACH, LINE_LABEL_RE, Around, content_stems, prefixes_of

if TYPE_CHECKING:
    from summarizer.figures import Figure

    from .frames import Frame
    from .index import ArticleIndex


_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Words of a label that say when, or how a value moved, or what sort of figure it is, not what it counts.
_NOT_COUNTED: Final = frozenset(
    filter(
        None,
        map(
            stem,
            [
                "year",
                "years",
                "month",
                "months",
                "week",
                "weeks",
                "day",
                "days",
                "quarter",
                "season",
                "period",
                "last",
                "previous",
                "prior",
                "current",
                "next",
                "now",
                "today",
                "before",
                "after",
                "earlier",
                "later",
                "total",
                "average",
                "overall",
                "change",
                "rise",
                "fall",
                "growth",
                "increase",
                "decrease",
                "drop",
                "cut",
                "gain",
                "jump",
                "record",
                "target",
                "forecast",
                "estimate",
                "figure",
                "number",
                "level",
                "rate",
                "share",
            ],
        ),
    )
)
# Past forms the stems of a label's noun do not begin: "sold 58,000" says "Sales: 58,000".
_PAST_FORMS: Final = {"sold": "sale", "spent": "spen", "paid": "pay", "won": "win", "built": "buil", "lent": "loan"}

_PEOPLE_RE: Final = re.compile(r"\b(?:people|persons)\b", re.IGNORECASE)

# Counts, shares, ranks and amounts of money: a measure or a span names what it measures by its unit,
# and a label over it is often the article's word for something near ("Catch: 9,300 tonnes").
_LABELLED_KINDS: Final = frozenset({"count", "percent", "fraction", "ordinal", "money"})


def label_of(figure: Figure, around: Around, index: ArticleIndex) -> frozenset[str]:
    """The content stems of the label a compact line gives its figure, as four-letter prefixes ("Fuel
    costs: £14m" reads "fuel"); none for a figure that is not the first of a labelled line.

    Only words for what is counted: not names ("Quarrendon: 31%" names a party, which the party rules
    read), nor words of a period or a change ("Last year: £1.2m", "Growth: 2%"), nor, for money,
    nouns that name an amount ("Cost")."""
    start, _ = around.layout.sentence_of(figure.start)
    found = LINE_LABEL_RE.fullmatch(around.text, start, figure.start)
    if found is None:
        return frozenset()
    words = _WORD_RE.findall(found.group(1))
    # (a name is written so in the article, and never in lower case)
    if any(word in index.text and index.is_name(word) for word in words):
        return frozenset()
    stems = content_stems(found.group(1)) - _NOT_COUNTED
    if figure.kind == "money":
        stems -= AMOUNT_NOUNS
    return prefixes_of(stems)


def _says(frame: Frame, label: frozenset[str]) -> bool:
    return bool(prefixes_of(frame.words | content_stems(frame.label)) & label)


def _told_in(words: frozenset[str], label: frozenset[str]) -> bool:
    """Whether the words say the label, or a word of its stem: "lost" says "Loss", "sold" "Sales"."""
    told = frozenset(_PAST_FORMS.get(word, word)[:4] for word in words)
    return any(word.startswith(noun) or noun.startswith(word) for word in told for noun in label) or same_kind(
        label, told
    )


def _occurrence_says(occurrence: Figure, index: ArticleIndex, label: frozenset[str]) -> bool:
    """Whether an article occurrence's frame, or its clause, says the label ("Staff numbers
    at the depot, which opened in 2019, rose by 35 to 420" names the 420's staff). Not past another
    figure of its kind: "91% of pupils passed maths, while attendance stood at 88%" says no
    attendance of the 91%."""
    frame = index.frame(occurrence)
    if _told_in(frame.words | content_stems(frame.label), label):
        return True
    start, _ = index.layout.sentence_of(occurrence.start)
    _, end = index.layout.clause_of(occurrence.start)  # "91% passed, while attendance was 88%"
    before = None
    for other in index.figures_between(start, end):
        if other.kind != occurrence.kind or other is occurrence:
            continue
        if other.start < occurrence.start:
            start, before = other.end, other
        else:
            end = other.start
            break
    words = content_stems(index.text[start:end])
    if _PEOPLE_RE.search(index.text, start, end):
        words |= {"people"}  # a stop word to the stemmer, but "Staff: 420" is "employs 420 people"
    if before is not None:  # "310 nurses in post, 45 short": the noun after the other figure is its own
        other_frame = index.frame(before)
        words -= other_frame.thing | content_stems(other_frame.label)
    return _told_in(words, label)


def labelled_elsewhere(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Figure | None:
    """The article figure of the same kind whose words say a compact line's label, when no
    occurrence of the line's value says it, and each says what it is about: "Prams: 86" where the
    article has "86 bicycles, 41 prams and 7 safes" returns the 41."""
    # (a colon right before the figure first: most figures stand on no labelled line)
    if around.text.find(":", max(0, figure.start - LABEL_COLON_REACH), figure.start) < 0:
        return None
    if figure.kind not in _LABELLED_KINDS or not equal or around.in_headline:
        return None
    label = label_of(figure, around, index)
    if not label:
        return None
    own = around.frame.thing  # "Best seller: 9,400 copies": the line's own noun says what it counts
    for occurrence in equal:
        frame = index.frame(occurrence)
        if not frame.words or own & frame.thing or _occurrence_says(occurrence, index, label):
            return None  # says too little to judge, or says the label or the line's noun
    # The other end of an occurrence's change is no rival: both ends measure one thing ("debt fell
    # to £31m from £44m").
    values = {occurrence.value for occurrence in equal}
    values |= {partner.value for partner in map(index.partner, equal) if partner is not None}
    rivals = [
        other
        for _, other in index.candidates(figure)
        if rival_kind(figure, other)
        and not other.vague
        and other.value not in values
        and not values_equal(figure, other)
        and _says(index.frame(other), label)
        and not _of_another_party(other, equal, index)
        and not _narrowed(other, index, label)
        and not _told_on_another_line(figure, other, around)
    ]
    # Only a label that points at one value: where its noun binds several ("a loss of £9m" and "losses
    # of £2m at the Haskelby site"), which one the line means is not told.
    return rivals[0] if rivals and all(other.value == rivals[0].value for other in rivals) else None


def _of_another_party(rival: Figure, equal: list[Figure], index: ArticleIndex) -> bool:
    """Whether the article tells a rival of a party it names in the rival's sentence, and not in any
    occurrence's nor in its opening sentence ("Its rival Ollerbeck Ales had a 22% share"): a
    label says what a value counts, not whose, and another party's value is for the party rules."""
    names = index.names_in(index.text, *index.layout.sentence_of(rival.start))
    if not names:
        return False
    names -= index.names_in(index.text, *index.layout.sentence_of(0))
    for occurrence in equal:
        names -= index.names_in(index.text, *index.layout.sentence_of(occurrence.start))
    return bool(names)


# What tells a rival as only some of what the label counts: an addition before it ("a further 120
# jobs"), or a phrase after the label's noun that narrows it ("revenue from exports was £12m").
_ADDED_RE: Final = re.compile(r"\b(?:a\s+further|another|an\s+extra|extra|additional|more)\s+$", re.IGNORECASE)
_NARROWED_RE: Final = re.compile(r"([A-Za-z]+)\s+(?:from|for|among|outside)\s", re.IGNORECASE)


def _narrowed(rival: Figure, index: ArticleIndex, label: frozenset[str]) -> bool:
    """Whether the article tells a rival as a part or an addition of the label's thing, so that the
    bare label may well be another value's: "Jobs: 900" for "employs 900 people, and a further 120
    jobs", "Revenue: £40m" for "made £40m in sales; revenue from exports was £12m"."""
    if _ADDED_RE.search(index.text, max(0, rival.start - 16), rival.start):
        return True
    start, end = index.layout.clause_of(rival.start)
    return any(
        prefixes_of(content_stems(found.group(1))) & label for found in _NARROWED_RE.finditer(index.text, start, end)
    )


def _told_on_another_line(figure: Figure, rival: Figure, around: Around) -> bool:
    """Whether the summary gives the rival's value as another figure of its own, so that it tells the
    rival apart itself ("Workforce: 420. New staff: 35" for the article's "35 new staff"). Only its
    figures nearest that value are read: a summary of many lines is not read whole for every rival."""
    if rival.kind == "date":
        near = [other for other in around.siblings if other.kind == "date" and other.value is not None]
    else:
        assert rival.value is not None
        near = around.nearest_in_value(rival.kind, rival.value, _NEAREST_READ)
    return any(mine.start != figure.start and mine.kind == rival.kind and values_equal(mine, rival) for mine in near)


_NEAREST_READ: Final = 4
