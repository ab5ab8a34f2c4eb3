"""Whose figure it is: a value the article gives to one named party, told of another party the
article gives a figure of its own ("Harlow's profit rose to £40m" where £40m is Redbrook's and
Harlow made £31m)."""

from __future__ import annotations

import bisect
import re
from typing import Final

from summarizer.figures import Figure
from summarizer.figures.lexicon import MONTHS, ORDINALS, SCALES, TENS, UNITS, WEEKDAYS

from .binding import BINDING_MARGIN, binding
from .compare import values_equal
from .index import CAPITALISED_RE, ArticleIndex
from .words import Around, has_word

# A year or a date belongs to an event, not to a party.
_OWNED_KINDS: Final = frozenset({"count", "percent", "fraction", "money", "ordinal", "measure", "duration"})


def named_elsewhere(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> Figure | None:
    """The article figure that gives the summary's party its own value, when every occurrence of the
    summary's value is told of another party by name.

    Clear cases only: the summary's sentence names a party before the figure; each occurrence's
    sentence names a party before it and does not name the summary's before a contrast after the
    value (a sentence that names both may tell either's figure; "..., while Harlow ..." tells
    Harlow's own); and a figure of the same kind, told after the summary's party's name in
    its sentence, shares two words of the summary figure's clause (`BINDING_MARGIN`), or one for a
    measure in the same unit ("4.9 metres" for "5.82 metres") or a value of an occurrence's own
    sentence ("Orvingham carried 2.8m, while Tealby sailed 1.6m": "sailed" is not "carried"). Names are
    capitalised words the article never writes in lower case. Headlines are left alone: they name
    parties in words of their own.
    """
    if around.in_headline or figure.kind not in _OWNED_KINDS:
        return None
    # Capitalised words first, names (those the article never writes in lower case) only where
    # needed: a copied sentence shares its capitalised words with the summary, and only those are
    # looked up.
    sentence_start, _ = around.layout.sentence_of(figure.start)
    mine = set(CAPITALISED_RE.findall(around.text, sentence_start, figure.start))
    if not any(_is_name(word, index) for word in mine):
        # "Aldmoor Water was fined £3m. The company serves 900,000 customers.": a sentence that
        # opens by referring back tells of the party named before it
        mine |= set(referred_party(around, index, sentence_start))
    if not mine or _owned_by(mine, equal, index):
        return None  # the value's sentence names the summary's party
    names = {word for word in mine if _is_name(word, index)}
    if not names:
        return None
    for _, other in equal:
        start, _ = index.layout.sentence_of(other.start)
        # (a word the summary writes in lower case is no name: "Walks organised rose to 104" for "104 walks")
        if not any(
            _is_party(word, index) and not has_word(around.text, word.lower())
            for word in _party_words(index.text, start, other.start)
        ):
            return None  # whose value it is is not said by name (a month, a speaker is no party)
    for position, other in candidates:
        if other.kind != figure.kind or other.vague or values_equal(figure, other):
            continue
        start, _ = index.layout.sentence_of(other.start)
        # (one word fewer for a measure in the same unit, or a party's value of an occurrence's sentence)
        fewer = _same_unit(figure, other) or _told_beside(index, other, equal)
        needed = BINDING_MARGIN - 1 if fewer else BINDING_MARGIN
        if names.intersection(CAPITALISED_RE.findall(index.text, start, other.start)) and (
            binding(around, index, position) >= needed
        ):
            # ... nor by another of its names ("Rovers" for "Tarrow Rovers"; read last: it costs)
            return None if _owned_by(_known_as(mine, index) - mine, equal, index) else other
    return None


def _told_beside(index: ArticleIndex, figure: Figure, equal: list[tuple[int, Figure]]) -> bool:
    """Whether an article figure is told in the sentence of an occurrence of the value: the parties'
    values of one telling, which need fewer words in common ("Wrenair carried 3.4 million, while
    Aerolis flew 2.1 million": "flew" is not "carried"). Not the sentence before or after, whose
    first capitalised word may be no party ("Fees rose 12% to £45. Its rival grew 8%")."""
    sentence = index.layout.sentence_of(figure.start)
    return any(index.layout.sentence_of(other.start) == sentence for _, other in equal)


def _owned_by(words: set[str], equal: list[tuple[int, Figure]], index: ArticleIndex) -> bool:
    """Whether some occurrence's sentence names one of the words as the value's owner: before the
    value, or after it in the same telling ("in the 71st minute, when Harlow's keeper was sent off");
    not after a contrast ("..., while Harlow topped the poll in four regions")."""
    for _, other in equal:
        start, end = index.layout.sentence_of(other.start)
        contrast = _CONTRAST_RE.search(index.text, other.end, end)
        owners = CAPITALISED_RE.findall(
            index.text, _owner_start(index.text, start, other, index), contrast.start() if contrast else end
        )
        if any(_is_name(word, index) for word in words.intersection(owners)):
            return True
    return False


def _owner_start(text: str, start: int, figure: Figure, index: ArticleIndex) -> int:
    """Where the words that may own a figure start in its sentence (`start`): at the phrase a
    relative clause tells of, when the figure is in one ("compared with 79% at its rival Porta,
    which carried 61.2 million passengers" is Porta's, not the sentence's first party's)."""
    relative = text.rfind(", which ", start, figure.start)
    relative = max(relative, text.rfind(", who ", start, figure.start))
    if relative < 0 or _BREAK_RE.search(text, relative + 2, figure.start):
        return start
    phrase = max(text.rfind(",", start, relative), text.rfind(";", start, relative))
    phrase = phrase + 1 if phrase >= 0 else start
    # ("said it would close 90 branches, which would cut 1,200 jobs": a phrase that names no one
    # leaves the sentence's party the owner)
    named = any(_is_party(word, index) for word in _party_words(text, phrase, relative))
    return phrase if named else start


# Between a relative pronoun and a figure: the relative clause has ended.
_BREAK_RE: Final = re.compile(r"[,;(]")


def _same_unit(figure: Figure, other: Figure) -> bool:
    """Whether two measures share their unit, which says what they measure ("5.82 metres", "4.9 metres")."""
    return figure.kind == other.kind == "measure" and figure.unit == other.unit


def named_swap(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> Figure | None:
    """The article figure of the summary's party, when the summary gives two parties' values the
    other way round: "Harlow took 30% and Redbrook 41%" where the article gives Harlow 41% and
    Redbrook 30%, in one sentence or two.

    A figure's own names are those after the figure of its kind before it in its sentence ("the
    Progressive Party 41%" after "30%"). Clear cases only: the summary gives another figure of the
    kind in its sentence; every occurrence of the value has own names and none is the summary's;
    and an article figure with the other summary figure's value has the summary's name as its own.
    """
    if around.in_headline or figure.kind not in _OWNED_KINDS:
        return None
    sentence_start, sentence_end = around.layout.sentence_of(figure.start)
    partners = [
        other
        for other in around.others_between(sentence_start, sentence_end)
        if other.kind == figure.kind and other.value is not None
    ]
    if not partners:
        return None
    mine = {word for word in _own_words(around.text, around.siblings, figure, sentence_start) if _is_party(word, index)}
    named_after = any(_named_after(around.text, one) for one in (figure, *partners))
    if not mine or named_after:
        return None  # "30% went to Harlow and 41% to Redbrook": names after their figures own nothing before
    for _, other in equal:
        start, _ = index.layout.sentence_of(other.start)
        own = {word for word in _own_words(index.text, index.figures, other, start) if _is_party(word, index)}
        if not own or own & mine or _NAME_AFTER_RE.match(index.text, other.end):
            return None  # (as above: "40 for Quenby and 65 for Pellby", the 65 is not Quenby's)
    # The other end of an equal figure's change is the same party's ("19 of the seats on Oxcombe's
    # council, down from 26": the 26 is no party's but the 19's)
    ends = {end.start for end in (index.partner(same) for _, same in equal) if end is not None}
    for _, other in candidates:
        if other.kind != figure.kind or other.vague or not any(values_equal(partner, other) for partner in partners):
            continue
        start, _ = index.layout.sentence_of(other.start)
        if other.start not in ends and mine.intersection(_own_words(index.text, index.figures, other, start)):
            return other
    return None


def _named_after(text: str, figure: Figure) -> bool:
    """Whether a figure's party is named after it: "41% to Redbrook", "rose to 72% from 70% in Ketterholm"
    (a month after "in" is the figure's time: "3.1% in March")."""
    return bool(_NAME_AFTER_RE.match(text, figure.end) or _PLACE_AFTER_RE.match(text, figure.end))


def listed_for_another(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> Figure | None:
    """The article figure of the summary's party, where the article lists parties' values and gives
    the summary's value to another: "Corran Haulage was fined £19,000" where it says "fined Corran
    Haulage £48,000 and Brinton Freight £19,000", or "followed by Quenby Ford with 7,100 and Mill Lane
    with 5,800".

    In a list, a value's own names are those of its own item, so a sentence that names the
    summary's party may still give this value to another. Clear cases only: the summary names its
    party right before its figure; every occurrence of the value is an item of a list after its
    first (another figure of its kind stands before it in its sentence) whose item names a party
    (`_item_words`: "41% in Leeds and 38% in Bradford" names none before the 38%), none the
    summary's; and another figure of the kind has the summary's party among its own names
    (`_own_words`; the most of them, if several do).
    """
    if around.in_headline or figure.kind not in _OWNED_KINDS or _NAME_AFTER_RE.match(around.text, figure.end):
        return None
    clause_start, _ = around.layout.clause_of(figure.start)
    mine = {word for word in _own_words(around.text, around.siblings, figure, clause_start) if _is_party(word, index)}
    if not mine and clause_start == around.layout.sentence_of(figure.start)[0]:
        mine = set(referred_party(around, index, clause_start))  # ("Its market share held at 11.4%")
    if not mine:
        return None
    for _, other in equal:
        start, _ = index.layout.sentence_of(other.start)
        if not _listed(index, other, start):
            return None  # the first value of its kind in its sentence: its names are the sentence's
        own = {word for word in _item_words(index.text, index.figures, other, start) if _is_party(word, index)}
        # ("the Sallowby to Pindle line" is not "the Sallowby to Quarrow line": each has a name of its own)
        if not own or (own & mine and not (mine - own and own - mine)):
            return None
    best, shared = None, 0
    for _, other in candidates:
        if other.kind != figure.kind or other.vague or values_equal(figure, other):
            continue
        start, _ = index.layout.sentence_of(other.start)
        count = len(mine.intersection(_own_words(index.text, index.figures, other, start)))
        if count > shared:
            best, shared = other, count
    return best


def _item_words(text: str, figures: list[Figure], figure: Figure, sentence_start: int) -> list[str]:
    """The capitalised words of a list item before its figure: after the figure of its kind before it
    and after the last comma, "and", "while" or "whereas" between the two ("fined £48,000 and Brinton
    Freight £19,000" gives Brinton Freight; "41% in Leeds and 38%" gives nothing: Leeds is the 41%'s)."""
    start = _after_one_of_kind(figures, figure, sentence_start)
    breaks = list(_ITEM_BREAK_RE.finditer(text, start, figure.start))
    words = CAPITALISED_RE.findall(text, breaks[-1].end() if breaks else start, figure.start)
    # "while the oldest, the Ottersby Tresk, managed 78%": the item's name stands in commas before
    # its verb (never in the first piece after the figure before, which is that figure's: "41% in Bexmire")
    for at in range(len(breaks) - 1, 0, -1):
        if words:
            break
        words = CAPITALISED_RE.findall(text, breaks[at - 1].end(), breaks[at].start())
    return words


# (not an "and" between two names, which joins parties: "Leeds and Bradford each received £2m")
_ITEM_BREAK_RE: Final = re.compile(r",|;|\b(?:while|whereas)\b|\s+and\b(?!\s+(?:the\s+)?[A-Z])")


def _listed(index: ArticleIndex, figure: Figure, sentence_start: int) -> bool:
    """Whether a figure follows another of its kind in its sentence: an item of a list after its
    first (the first's names are the sentence's, whose subject may be anyone's)."""
    return any(other.kind == figure.kind for other in index.figures_between(sentence_start, figure.start))


def _party_words(text: str, start: int, end: int) -> list[str]:
    """The capitalised words of `text[start:end]` that may name a party: not a word opening the
    sentence before a comma ("Separately,", "Meanwhile,"), nor a speaker ("Jane Moss said", "said
    Jane Moss", "Officials said"), nor a title ("Chief executive")."""
    words: list[str] = []
    for match in _NAME_RUN_RE.finditer(text, start, end):
        if match.start() == start and text.startswith(",", match.end()) and _is_adverb(match.group()):
            continue
        # a person's full name as a speaker ("Jane Moss said"); a firm that speaks ("Redbrook said its
        # profit rose") is still the party
        # (and a group that speaks: "Officials said 312 homes were damaged")
        several = len(match.group().split()) > 1 or match.group().lower() in _GROUP_SPEAKERS
        speaker = several and _SAID_AFTER_RE.match(text, match.end())
        if speaker or _SAID_BEFORE_RE.search(text, max(start, match.start() - _SAID_REACH), match.start()):
            continue
        if _BY_ITS_LEADER_RE.match(text, match.end()):
            continue  # "Marsh's party", "Okoro's government": a body named by its leader, by no name of its own
        words.extend(word for word in CAPITALISED_RE.findall(match.group()) if word not in _TITLES)
    return words


# What opens another party's telling in the sentence of a value: "..., while", "..., whereas", "; ".
# Not "but": it often hands the value on ("expected to win the £40m contract, but Harlow was awarded it").
_CONTRAST_RE: Final = re.compile(r",\s+(?:while|whereas)\b|;")
# A run of capitalised words ("Jane Moss", "Harlow Brewing's"), read as one.
_NAME_RUN_RE: Final = re.compile(r"\b[A-Z][a-z]+(?:['’]s)?(?:\s+[A-Z][a-z]+(?:['’]s)?)*\b")
# Groups whose members speak for them, not parties that own a value: "Officials said", "Police said".
_GROUP_SPEAKERS: Final = frozenset(
    [
        "officials",
        "police",
        "authorities",
        "residents",
        "witnesses",
        "analysts",
        "researchers",
        "scientists",
        "doctors",
        "experts",
        "economists",
        "campaigners",
        "prosecutors",
        "investigators",
        "organisers",
        "organizers",
        "rescuers",
        "firefighters",
        "medics",
        "paramedics",
        "locals",
        "villagers",
        "engineers",
        "forecasters",
    ]
)
_SAID_AFTER_RE: Final = re.compile(r"(?:,\s*\d+,)?\s+(?:said|says|told|added|warned|explained)\b")
_SAID_BEFORE_RE: Final = re.compile(r"\b(?:said|says|told|according\s+to)\s+(?:[a-z]+\s+){0,3}$")
_TITLES: Final = frozenset({"Chief", "President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady"})
# "30% went to Harlow", "41% for the Moorland League": a figure whose party is named after it (not
# "17 shots to City's 12", where the name owns the figure after it).
_NAME_AFTER_RE: Final = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:to|for)\s+(?:the\s+)?[A-Z](?![A-Za-z\s]{0,30}['’]s\s+[^\s]*\d)"
)
_PLACE_AFTER_RE: Final = re.compile(
    r"\s+in\s+(?:the\s+)?(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z]"
)
_SAID_REACH: Final = 48  # characters before a name read for "said", "according to chief executive"
# After a possessive name: a body it leads, named by no name of its own.
_BY_ITS_LEADER_RE: Final = re.compile(
    r"\s+(?:party|government|team|side|firm|company|club|group|campaign|administration|coalition|cabinet)\b"
)


def _is_adverb(word: str) -> bool:
    """A word that opens a sentence as an adverb: "Meanwhile,", "Separately,", "However,"."""
    return word.lower().endswith("ly") or word.lower() in _SENTENCE_ADVERBS


_SENTENCE_ADVERBS: Final = frozenset(
    {
        "meanwhile",
        "however",
        "overall",
        "elsewhere",
        "together",
        "instead",
        "still",
        "nevertheless",
        "moreover",
        "nonetheless",
        "earlier",
        "later",
        "now",
        "then",
        "also",
        "besides",
        "yet",
        "today",
    }
)


def _own_words(text: str, figures: list[Figure], figure: Figure, sentence_start: int) -> list[str]:
    """The capitalised words before a figure, after the figure of its kind before it in its sentence."""
    return CAPITALISED_RE.findall(text, _after_one_of_kind(figures, figure, sentence_start), figure.start)


def _after_one_of_kind(figures: list[Figure], figure: Figure, sentence_start: int) -> int:
    """Where the words of a figure's own start: after the figure of its kind before it in its
    sentence, or at the sentence's start (only the sentence's figures are read)."""
    start = sentence_start
    for other in figures[bisect.bisect_left(figures, sentence_start, key=_start_of) :]:
        if other.start >= figure.start:
            break
        if other.kind == figure.kind and other.end > start:
            start = other.end
    return start


def _start_of(figure: Figure) -> int:
    return figure.start


def _is_name(word: str, index: ArticleIndex) -> bool:
    """A name of the article (`ArticleIndex.is_name`) that is no number word ("Thirty-eight residents")."""
    return word.lower() not in _NUMBER_WORDS and index.is_name(word)


_NUMBER_WORDS: Final = frozenset({*UNITS, *TENS, *SCALES, *ORDINALS})


def _is_party(word: str, index: ArticleIndex) -> bool:
    """A name that is no month or day: in "rose 3.1% in March, from 3.5%" the month after the first
    figure is that figure's time, not the name of the second's party."""
    return word.lower() not in _TIME_NAMES and _is_name(word, index)


# Months and days name a time, not a party.
_TIME_NAMES: Final = frozenset((*MONTHS, *WEEKDAYS))


def referred_party(around: Around, index: ArticleIndex, sentence_start: int) -> list[str]:
    """The party a summary sentence refers back to, when it opens with a pronoun or "the" and a common
    noun ("Its shares fell 7%", "The company employs 3,400 people"): the party the nearest sentence
    before it that names one names. A summary names its party once and then says "it" (LLM summaries
    of several sentences do so all the time); nothing when the sentence opens otherwise.

    When that sentence names several parties, a pronoun tells of the first ("Pimbury beat Wrenlow.
    They have 61 points": Pimbury); "the" and a noun of the one whose name holds the noun ("Nash Bank
    lent £3bn to Orrin Group. The group employs 2,000": Orrin Group), else of any of them: "Ofwex
    fined Aldmoor Water £3m. The company serves 900,000" may tell of either, and a value either owns
    is no rival's.
    """
    opening = _BACK_REFERENCE_RE.match(around.text, sentence_start)
    if not opening:
        return []
    noun = opening.group("noun")
    layout = around.layout
    number = bisect.bisect_right(layout.sentence_starts, sentence_start) - 1
    for start, end in reversed(layout.sentences[: max(number, 0)]):
        parties: list[list[str]] = []
        for match in _NAME_RUN_RE.finditer(around.text, start, end):
            if match.start() == start and _is_adverb(match.group()):
                continue  # "Meanwhile, ..."
            if _SAID_BEFORE_RE.search(around.text, max(start, match.start() - _SAID_REACH), match.start()) or (
                len(match.group().split()) > 1 and _SAID_AFTER_RE.match(around.text, match.end())
            ):
                continue  # a speaker is no party ("said Jane Moss", "Jane Moss said")
            words = [word for word in CAPITALISED_RE.findall(match.group()) if _is_party(word, index)]
            if words:
                parties.append(words)
        if not parties:
            continue
        if len(parties) == 1 or noun is None:
            return parties[0]  # a pronoun tells of the sentence's first party, its subject
        named = [words for words in parties if noun.capitalize() in words]
        return named[0] if len(named) == 1 else [word for words in parties for word in words]
    return []


# A sentence that opens by referring back: a pronoun, or "the" and a word for a body that may be a
# party ("The company", "The council's"); not "The vote", nor "The Harlow Group".
_BACK_REFERENCE_RE: Final = re.compile(
    r"(?:It|Its|They|Their|He|She|His|Her|The\s+(?P<noun>company|firm|group|business|operator|council|authority|"
    r"school|university|college|hospital|trust|bank|lender|society|insurer|club|team|side|party|union|"
    r"airline|airport|carrier|chain|grocer|retailer|supermarket|discounter|housebuilder|developer|"
    r"charity|museum|gallery|force|district|region|city|town|country|state|province|utility)(?:['’]s)?)\b"
)


def _known_as(words: set[str], index: ArticleIndex) -> set[str]:
    """The words and the other names of the parties they name: a party the article names in full
    ("Tarrow Rovers") may be told by either name ("Rovers now have 40 points", "Tarrow have 40
    points")."""
    groups = index.other_names
    if groups is None:
        groups = index.other_names = _other_names(index)  # read once per article
    known = set(words)
    for word in words:
        known |= groups.get(word, frozenset())
    return known


def _other_names(index: ArticleIndex) -> dict[str, frozenset[str]]:
    """Each name of a party the article names with more than one word, to all the words of those
    names. A name run ends at a possessive ("Tarrow's Mill Lane ground" is no name of Tarrow)."""
    found: dict[str, set[str]] = {}
    for match in _NAME_RUN_RE.finditer(index.text):
        run = match.group().split("'")[0].split("’")[0]
        if " " not in run.strip():
            continue  # one word: no other name (most runs; no name need be looked up)
        names = {word for word in CAPITALISED_RE.findall(run) if _is_party(word, index)}
        if len(names) > 1:
            for name in names:
                found.setdefault(name, set()).update(names)
    return {name: frozenset(group) for name, group in found.items()}


def a_rank(text: str, figure: Figure) -> bool:
    """Whether a word ordinal is a place in an order or a run, which a summary can get wrong:
    "finished third", "came second", "third place", "the second-fastest", "a seventh straight month",
    "for the third year running", "fourth in the table", "fourth-placed", "stay ninth"; not "the second
    half" or "a second home"."""
    if figure.value == 1:
        return False  # "came first", "finished first": the winner, whom the article may only say won
    lead = max(0, figure.start - _RANK_REACH)
    return (
        _RANK_BEFORE_RE.search(text, lead, figure.start) is not None
        or _RANK_AFTER_RE.match(text, figure.end) is not None
        # "won the title for a fourth time": which time of a run, counted
        or (
            _OCCASION_BEFORE_RE.search(text, lead, figure.start) is not None
            and _TIME_AFTER_RE.match(text, figure.end) is not None
        )
    )


_OCCASION_BEFORE_RE: Final = re.compile(r"\bfor\s+(?:a|the)\s+$", re.IGNORECASE)
_TIME_AFTER_RE: Final = re.compile(r"\s+time\b", re.IGNORECASE)


# Nouns that end in "est", which no ordinal ranks: "a second test", "a third request".
_EST_NOUNS: Final = (
    "test|contest|protest|attest|request|quest|conquest|interest|forest|harvest|guest|chest|nest|rest|west"
    "|arrest|crest|vest|pest|manifest|inquest|bequest|suggest|digest"
)
_RANK_BEFORE_RE: Final = re.compile(
    r"\b(?:finish(?:ed|es|ing)?|came|comes|coming|placed|ranked|ranks|ranking|rated|seeded|lies|lying"
    r"|stay|stays|stayed|sit|sits)\s+$",
    re.IGNORECASE,
)
_RANK_AFTER_RE: Final = re.compile(
    r"(?:-|\s+)(?:place[ds]?\b|(?:straight|consecutive|successive)\b"
    r"|(?:year|month|week|season|quarter|day|time)s?\s+(?:running|in\s+a\s+row)\b)"
    r"|-[a-z]+est\b"  # "the second-fastest", "third-largest"
    # "second warmest", "third most": a superlative, not a noun that ends so ("a second test")
    rf"|\s+(?:most|least|(?!(?:{_EST_NOUNS})\b)[a-z]+est)\b"
    # "fourth in the table", "ninth on 20 points": a place in a league's order
    r"|\s+(?:in|of)\s+the\s+(?:table|league|standings|rankings?|division)\b|\s+on\s+\d+\s+points\b",
    re.IGNORECASE,
)
_RANK_REACH: Final = 24


def rank_elsewhere(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> Figure | None:
    """The article's place of the summary's party, when the summary gives it a place in an order that
    the article gives another party: "Halsey are fourth" where the article has "Fourth-placed Marlcombe
    lost at home" and "Halsey stay ninth".

    A place belongs to the party named nearest before it in its sentence ("Saints finished third",
    "Tarrow, fourth in the table,"), or right after "-placed"; failing that, an article place is the
    party's the sentence before names first ("Tarrow lost. They finished second."). Clear cases only:
    the summary's figure is a place and names its party; every occurrence of the value is a place
    with a party of its own that is none of the summary's (by any of its names); and the article
    gives the summary's party another place.
    """
    if around.in_headline or figure.kind != "ordinal" or not a_rank(around.text, figure):
        return None
    sentence_start, _ = around.layout.sentence_of(figure.start)
    mine = _place_owner(around.text, figure, sentence_start, index) or set(
        referred_party(around, index, sentence_start)
    )
    if not mine:
        return None
    mine = _known_as(mine, index)
    # (an equal count is no place: "four games" beside "Fourth-placed Marlcombe")
    places = [other for _, other in equal if other.kind == "ordinal"]
    if not places:
        return None
    for other in places:
        start, _ = index.layout.sentence_of(other.start)
        own = _place_owner(index.text, other, start, index) if a_rank(index.text, other) else set()
        if not own or own & mine:
            return None
    for _, other in candidates:
        if other.kind != "ordinal" or values_equal(figure, other) or not a_rank(index.text, other):
            continue
        start, _ = index.layout.sentence_of(other.start)
        own = _place_owner(index.text, other, start, index) or _first_party_before(index, start)
        if own & mine:
            return other
    return None


def _place_owner(text: str, figure: Figure, sentence_start: int, index: ArticleIndex) -> set[str]:
    """The names of the party a place belongs to: after "-placed" ("Fourth-placed Marlcombe"), else
    the nearest run of names before it in its sentence that is no speaker ("Saints finished third";
    not "coach Jo Hale said they finished second"), and not one inside an aside that closes before
    the place ("Zane, who beat Abel 2-0, sit fourth": Zane's; "Zane beat Abel, who sit fourth": Abel's)."""
    placed = _PLACED_RE.match(text, figure.end)
    if placed is not None:
        after = _NAME_RUN_RE.match(text, placed.end())
        return {word for word in CAPITALISED_RE.findall(after.group()) if _is_party(word, index)} if after else set()
    runs: list[tuple[re.Match[str], set[str]]] = []
    for match in _NAME_RUN_RE.finditer(text, sentence_start, figure.start):
        if _SPEAKER_AFTER_RE.match(text, match.end()):
            continue
        words = {word for word in CAPITALISED_RE.findall(match.group()) if _is_party(word, index)}
        if words:
            runs.append((match, words))
    closed = text.rfind(",", sentence_start, figure.start)
    aside_ends = closed >= 0 and not _RELATIVE_RE.match(text, closed + 1)
    for at in range(len(runs) - 1, -1, -1):
        match, words = runs[at]
        if aside_ends and at > 0 and match.end() <= closed and "," in text[runs[at - 1][0].end() : match.start()]:
            continue  # a party of an aside between commas ("Zane, who beat Abel 2-0, sit fourth")
        return words
    return set()


# An aside's comma that opens the clause of the place ("Zane beat Abel, who sit fourth"): no aside.
_RELATIVE_RE: Final = re.compile(r"\s*(?:who|which|that|where|now|currently|still)\b", re.IGNORECASE)


def _first_party_before(index: ArticleIndex, sentence_start: int) -> set[str]:
    """The first party the article's sentence before names: whose place a sentence that names none
    tells ("Tarrow lost. They finished second.")."""
    number = bisect.bisect_right(index.layout.sentence_starts, sentence_start) - 1
    if number < 1:
        return set()
    start, end = index.layout.sentences[number - 1]
    for match in _NAME_RUN_RE.finditer(index.text, start, end):
        words = {word for word in CAPITALISED_RE.findall(match.group()) if _is_party(word, index)}
        if words:
            return words
    return set()


_PLACED_RE: Final = re.compile(r"-placed\s+(?:the\s+)?")
# A name followed by what it said: a speaker, who owns no place ("Their coach, Jo Hale, said").
_SPEAKER_AFTER_RE: Final = re.compile(r",?\s+(?:said|says|told|added)\b")
