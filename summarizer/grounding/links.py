"""Links between figures: ordered pairs, and the two ends of a change.

Ordered pairs are two figures one link ties in an order that carries meaning.

"The council voted 7 to 4", "rose from 410 to 600", "600, up from 410", "45% against 38%": which
figure stands first says which side won, which value came before. A summary that gives the same two
values with the order turned round ("voted 4 to 7", "holds 600 litres, down from 410") has swapped
them, though each value is in the article. "From" before the second figure turns the order round:
"600, up from 410" is the pair "410 to 600".

The ends of a change: "profit rose 18% to $412m, from $349m" makes $349m the value before the
change and $412m the value after it. A summary that makes the value before the one after ("profit
rose 18% to $349m") has moved it, though the value is in the article. A comparison told with an
earlier time ("58%, against 63% a decade earlier") has the same two ends, and the size of a change
("rose by 74,000", "an increase of 74,000") is neither end.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final, Literal

from summarizer.figures import Figure
from summarizer.figures.lexicon import MONTH_NAMES, WEEKDAYS
from summarizer.text import stem

from .compare import CALENDAR_KINDS, compatible, rounds_to, values_equal
from .direction import CHANGE_VERBS, Direction, last_way, sign_of, told_as_size, way_of
from .report import TURNED_ROUND, Match
from .words import Around, has_word

if TYPE_CHECKING:  # the index reads links with `same_thing` as it is built
    from .index import ArticleIndex

# What may stand between the two figures of a pair: up to two words of the first's unit or noun
# ("7 votes to 4", "410 million litres, from 600"), then the link. "Up from" and "down from" are a
# change whatever stands before them, so more words may: "9,400 had waited over a year, down from 11,700";
# and before "from", up to four words or years of the end's own ("fell to £87.3bn in 2025-26 from
# £114.2bn", "rose to 310,000 barrels a day from 280,000"), none that starts another clause or
# change ("rose 4.1% as inflation eased from 3.2%", "24.1p per kWh and gas from 6.3p").
# Words that start another clause or change before a "from": "rose 4.1% as inflation eased from 3.2%".
_NOT_IN_GAP: Final = "|".join(
    sorted({"and", "or", "but", "as", "while", "whereas", "when", "because", "since"} | CHANGE_VERBS)
)
_LINK_RE: Final = re.compile(
    r"(?:(?:\s+[A-Za-z]+){0,2}?,?\s+(?:(?P<to>to)|versus|vs\.?|against)"
    rf"|(?:\s+(?:(?!(?:{_NOT_IN_GAP})\b)[A-Za-z]+|(?:19|20)\d\d(?:[-/]\d\d)?)){{0,6}}?,?\s+(?P<back>from)"
    r"|(?:\s+(?:[A-Za-z]+(?:['’]s)?|(?:19|20)\d\d|\d{1,2})){0,14}?,?\s+(?P<change>(?:up|down)\s+from))\s+(?:the\s+)?",
    re.IGNORECASE,
)
# "from 3,900 in its first season to 5,200": a change whose start carries a few words of its own;
# "from $349m": the value before a change.
_FROM_RE: Final = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "by" before a figure: a change's size follows ("rose by 4p to 55.2p"), unless votes are counted
# ("carried by 9 votes to 3" is a tally, not a change)
_BY_BEFORE_RE: Final = re.compile(r"\bby\s+$", re.IGNORECASE)
_VOTES_RE: Final = re.compile(r"\s+votes?\b", re.IGNORECASE)


def _changed_by(text: str, figure: Figure) -> bool:
    """Whether "by" stands right before the figure: "rose by 4p"."""
    return _BY_BEFORE_RE.search(text, max(0, figure.start - _FROM_REACH), figure.start) is not None


# "from £3.6m in 2015 to £800,000": words, or a year, between a change's start and "to".
# A word one of which every link of `_LINK_RE` and `_WORDS_TO_RE` holds: in ASCII text (where
# case is the only fold) a gap without one holds no link.
_LINK_WORDS: Final = ("from", "to", "vs", "versus", "against")
# None of the words may start another clause or change: "rose to 214 from 150 while thefts fell to 391"
# joins two changes, and 391 is no end of the change from 150.
_WORDS_TO_RE: Final = re.compile(
    rf"(?:\s+(?:(?!(?:{_NOT_IN_GAP})\b)[A-Za-z'’-]+|(?:19|20)\d\d)){{1,6}}?\s+to\s+(?:the\s+)?", re.IGNORECASE
)
_LOSER_BEFORE_RE: Final = re.compile(
    r"\b(?:lost|lose|loses|losing|failed|fails|trailed|trails|trailing|beaten|defeated)\b[^.,;:]{0,24}$",
    re.IGNORECASE,
)
_LOSER_REACH: Final = 40
_LINK_REACH: Final = 48  # characters between two figures that can still be one link
# ... or, where the second is told as where a change came from ("52,000 households were waiting for a
# council home at the close of the year, down from 55,500"), that many: the words between are the first's own.
_CHANGE_REACH: Final = 120
_UP_DOWN_FROM_RE: Final = re.compile(r"\b(?:up|down)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
# "4,620 households applied for grants from the welfare fund in March, compared with 3,910 in the same
# month last year"
_COMPARED_WITH_RE: Final = re.compile(r",\s+(?:compared\s+(?:with|to)|against)\s+$", re.IGNORECASE)


def _told_as_start(text: str, figure: Figure) -> bool:
    """Whether a figure is the start of a change whose end was told before it, further back than
    most links reach: "up from" or "down from" right before it, or a comparison with it told as
    earlier ("compared with 3,910 in the same month last year")."""
    lead = max(0, figure.start - _UP_DOWN_REACH)
    if not _may_hold(text[lead : figure.start], _START_WORDS):
        return False  # most figures: no word that tells a start before them, and no pattern need run
    if _UP_DOWN_FROM_RE.search(text, lead, figure.start) is not None:
        return True
    return (
        _COMPARED_WITH_RE.search(text, lead, figure.start) is not None
        and _EARLIER_RE.match(text, figure.end) is not None
    )


_UP_DOWN_REACH: Final = 22
_START_WORDS: Final = ("from", "compared", "against")  # one of which every start told so holds
_FROM_REACH: Final = 8  # characters before a figure read for the "from" that opens a change


def _link(text: str, left: Figure, right: Figure) -> tuple[bool, bool] | None:
    """How two figures, `left` before `right`, are tied: (turned round by "from", a change or range
    of one thing), or None when no link ties them."""
    if (
        (right.start - left.end > _LINK_REACH and not _far_start(text, left, right))
        or left.kind != right.kind
        or not compatible(left, right)
        or not _may_link(text[left.end : right.start])
    ):
        return None
    link = _LINK_RE.fullmatch(text, left.end, right.start)
    if link is not None and (
        # "1,200 swimmers from 48 countries": a source, not where a change started
        (link.group("back") and _counts_apart(text, left, right))
        # "lost five seats, down from 31 to 26": the change from 31 is to 26, the five its size
        or ((link.group("back") or link.group("change")) and _TO_A_FIGURE_RE.match(text, right.end))
        # "rose by 4p, to 55.2p", "gained eight seats to 26": the change's size, then its end; no
        # change from 4p
        or (
            link.group("to")
            and (_changed_by(text, left) or told_as_size(text, left))
            and not _VOTES_RE.match(text, left.end)
        )
    ):
        return None
    if link is not None:
        back = bool(link.group("back") or link.group("change"))
        if not (back or link.group("to")) and _EARLIER_RE.match(text, right.end):
            return True, True  # "92%, against 79% the year before": from 79% to 92%
        return back, back or bool(link.group("to"))
    if _FROM_RE.search(text, max(0, left.start - _FROM_REACH), left.start) and _WORDS_TO_RE.fullmatch(
        text, left.end, right.start
    ):
        return False, True
    return None


def _far_start(text: str, left: Figure, right: Figure) -> bool:
    """Whether `right` is the start of a change `left` ends, told further off than most links reach."""
    return right.start - left.end <= _CHANGE_REACH and _told_as_start(text, right)


# " of the 81", " of its 12": the whole a part is told of, right after the part.
_WHOLE_AFTER_RE: Final = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?:[A-Za-z]+(?:'s|’s)\s+)?\d[\d,]*", re.IGNORECASE
)
# " 31 to 26", " £3.2m to £2.9m": right after a "from", a change's start and end of their own.
_FROM_TO_RE: Final = re.compile(r"\s+[$£€]?\d[\d.,]*\S*\s+to\s+(?:about\s+|around\s+|just\s+)?[$£€]?\d", re.IGNORECASE)
_TO_A_FIGURE_RE: Final = re.compile(r"\s+to\s+(?:about\s+|around\s+|just\s+)?[$£€]?\d", re.IGNORECASE)


def _may_link(gap: str) -> bool:
    """Whether the text between two figures may hold a link: most pairs have no word of one between
    them (`_LINK_WORDS`), and then no pattern need run."""
    return _may_hold(gap, _LINK_WORDS)


def _may_hold(gap: str, words: tuple[str, ...]) -> bool:
    """Whether `gap` may hold one of `words` as a case-free pattern reads them: in ASCII text,
    where case is the only fold, only when it holds one lower-cased."""
    return not gap.isascii() or any(word in gap.lower() for word in words)


def _counts_apart(text: str, left: Figure, right: Figure) -> bool:
    """Whether "from" ties two figures that count different things: the second names a thing the
    first does not ("1,200 swimmers from 48 countries", "950 from 41 countries"), and no change's
    verb leads to the first ("fell to 310 from 450 volunteers" is a change)."""
    nouns = [_NOUN_AFTER_RE.match(text, figure.end) for figure in (left, right)]
    second = stem(nouns[1].group(1)) if nouns[1] else ""
    if not second or (nouns[0] is not None and stem(nouns[0].group(1)) == second):
        return False
    lead = _WORD_RE.findall(text[max(0, left.start - _ROLE_REACH) : left.start].lower())[-_FROM_VERB_WORDS:]
    return CHANGE_VERBS.isdisjoint(lead)


_NOUN_AFTER_RE: Final = re.compile(r"\s+([A-Za-z]+)")


def starts_a_change(text: str, figure: Figure) -> bool:
    """Whether "from" stands right before a figure ("fell to 2.1% from 2.4%"): where a change started."""
    return _FROM_RE.search(text, max(0, figure.start - _FROM_REACH), figure.start) is not None


def first_of_pair(text: str, figure: Figure, other: Figure) -> bool | None:
    """Whether `figure` is the first of an ordered pair with the figure right beside it, `other`
    (None when no link ties them): the earlier value of "from A to B", the winner of "A to B"."""
    left, right = (figure, other) if figure.start < other.start else (other, figure)
    link = _link(text, left, right)
    if link is None:
        return None
    # "Brentford lost 1 to 3" is Arsenal's "won 3 to 1": a loser's verb gives the pair from the other side.
    loser = _LOSER_BEFORE_RE.search(text, max(0, left.start - _LOSER_REACH), left.start) is not None
    return ((left is figure) != link[0]) != loser


def same_thing(text: str, left: Figure, right: Figure) -> bool:
    """Whether two neighbouring figures are the two ends of one change or range ("from 450 to 310",
    "310, down from 450", "10 to 15", "58%, against 63% a decade earlier"), so they measure one
    thing; not "45% against 38%"."""
    link = _link(text, left, right)
    if link is not None:
        return link[1]
    return left.kind == right.kind and compatible(left, right) and _compared_earlier(text, left, right)


def neighbours(figures: list[Figure], at: int, text: str) -> list[Figure]:
    """The nearest figure of the same kind before and after `figures[at]`, within a link's reach
    (`_LINK_REACH`, or `_CHANGE_REACH` for a start told with "up from", "down from" or "compared
    with ... a year earlier"): other kinds between them do not part them ("from 3,900 in its first
    season to 5,200")."""
    figure = figures[at]
    start, end, kind = figure.start, figure.end, figure.kind
    found = []
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(figures):
            other = figures[i]
            # the characters between the two (written out here: this loop runs for every link read)
            gap = other.start - end if start <= other.start else start - other.end
            if gap > _CHANGE_REACH:
                break
            if gap > _LINK_REACH and not _told_as_start(text, other if step > 0 else figure):
                break
            if other.kind == kind and step > 0 and is_whole_of(figure, other, text):
                i += step  # "27 of the 60 councillors, up from 21": the part's change is read past its whole
                continue
            if other.kind == kind:
                # "27 of the 60 councillors, up from 21": the whole a part is of is no end of its change
                whole = step < 0 and i > 0 and is_whole_of(figures[i - 1], other, text)
                found.append(figures[i - 1] if whole else other)
                break
            i += step
    return found


def is_whole_of(part: Figure, whole: Figure, text: str) -> bool:
    """Whether `whole` is what `part` is part of: "27 of the 60", "three of its 12"."""
    return part.kind == whole.kind and _PART_OF_RE.fullmatch(text, part.end, whole.start) is not None


def turned_round_pair(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary ties the figure to another in an order the article turns
    round, and the article never ties them in the summary's order."""
    at = bisect.bisect_left(around.sibling_starts, figure.start)
    for partner in neighbours(around.siblings, at, around.text):
        mine = first_of_pair(around.text, figure, partner)
        if mine is None:
            continue
        turned = None
        for same in equal:
            for other in neighbours(index.figures, index.position(same), index.text):
                if not values_equal(partner, other):
                    continue
                alike = _compared_alike((around.text, figure, partner), (index.text, same, other))
                if alike is not None:  # two comparisons: their written orders tell
                    if alike:
                        return None
                    turned = turned or same
                    continue
                theirs = first_of_pair(index.text, same, other)
                if theirs == mine:
                    return None  # the article ties them in the summary's order too
                if theirs is not None:
                    turned = turned or same
        if turned is not None:
            return Match("misattributed", turned, "the article gives this pair the other way round", "pair-order")
    return None


def _compared_alike(mine: tuple[str, Figure, Figure], theirs: tuple[str, Figure, Figure]) -> bool | None:
    """Whether two comparisons, each a text with a figure and its partner ("£63.5m against £58.2m"
    and the article's "£63.5m, against £58.2m a year earlier"), give the two in one written order
    (None when either pair is no comparison): a summary that leaves off the time the second is told
    for compares the same two the same way."""
    text, figure, partner = mine
    if not _may_hold(text[min(figure.end, partner.end) : max(figure.start, partner.start)], _COMPARING_WORDS):
        return None
    orders = []
    for written, first, second in (mine, theirs):
        left, right = (first, second) if first.start < second.start else (second, first)
        if _COMPARED_RE.fullmatch(written, left.end, right.start) is None:
            return None
        orders.append(left is first)
    return orders[0] == orders[1]


Role = Literal["before", "after", "amount"]

# "rose 18% to $412m", "was cut by a third to 300": a change's verb, then "to" right before the figure.
# (a decimal point is no stop: "rose from £4.8bn to")
_TO_RE: Final = re.compile(r"((?:[^.;:!?]|(?<=\d)\.(?=\d)){0,40})\bto\s+$", re.IGNORECASE)
_TO_LEAD: Final = 40  # the most characters `_TO_RE` reads before its "to"
_TO_REACH_RE: Final = re.compile(r"\bto\s+(?:reach|hit)\s+$", re.IGNORECASE)
_TO_ONLY_RE: Final = re.compile(r",?\s+to\s+", re.IGNORECASE)
_WORD_RE: Final = re.compile(r"[a-z]+")
_VERB_WORDS: Final = 4  # words before "to" read for the change's verb
_CARRIES: Final = frozenset(
    ["taking", "take", "takes", "took", "bringing", "bring", "brings", "brought", "pushing", "pushed"]
)
_CARRY_REACH: Final = 64  # characters before "to" (or the size before it) read for that verb
_CARRY_WORDS: Final = 6  # words before "to" read for a verb that carries a total to its end
# "$412m for 2025, up 18% from", "$1.20 a share, up from": the value after a change the words after it tell.
# Words between may be possessives and years ("seats in Thursday's vote", "cars in 2023"); the size
# between "up" and "from" may be written in words ("up by almost a tenth from").
_THEN_FROM_RE: Final = re.compile(
    r"(?:\s+(?:[A-Za-z]+|(?:19|20)\d\d)(?:['’]s)?){0,8}?,?\s+(?:up|down|higher|lower)\b"
    r"(?:\s+(?:by\s+)?(?:[\d.,]+\s*(?:%|per\s*cent|points?)?"
    r"|(?:(?:almost|nearly|about|around|roughly|over|under|more\s+than|less\s+than)\s+)?"
    r"(?:an?|one|two|three|four)[\s-]+(?:half|thirds?|quarters?|fifths?|tenths?)))?\s+from\b",
    re.IGNORECASE,
)
_ROLE_REACH: Final = 48  # characters before a figure read for the change it ends
_THEN_FROM_REACH: Final = 64  # characters after a figure searched for the "from" of `_THEN_FROM_RE`


# "from 250 to 300": a change's start with its end after it.
_TO_AFTER_RE: Final = re.compile(
    r"(?:\s+(?:[A-Za-z]+|(?:19|20)\d\d)){0,4}?\s+to\s+(?:about\s+|around\s+)?[\d$£€]", re.IGNORECASE
)
_FROM_VERB_WORDS: Final = 6  # words before "from" read for the change it starts


def _from_a_change(text: str, before: str, figure: Figure, earlier: Figure | None) -> bool:
    """Whether the "from" before a figure starts a change ("rose to 300, from 250", "down from 250",
    "from 250 to 300"), not a source ("£12,000 from 300 donors", "twice from 14 shots"): a change's
    verb and its other end, of the figure's kind, before it; or its end after it."""
    if _TO_AFTER_RE.match(text, figure.end) is not None:
        return True
    words = _WORD_RE.findall(before.lower())[-_FROM_VERB_WORDS:-1]
    return earlier is not None and not CHANGE_VERBS.isdisjoint(words)


def _earlier_of_kind(
    figures: list[Figure], starts: list[int], figure: Figure, reach: int = _ROLE_REACH
) -> Figure | None:
    """The nearest figure of the same kind before `figure`, within a link's reach."""
    at = bisect.bisect_left(starts, figure.start) - 1
    while at >= 0 and figure.start - figures[at].end <= reach:
        if figures[at].kind == figure.kind:
            return figures[at]
        at -= 1
    return None


# "58%, against 63% a decade earlier", "41,000, compared with 63,000 last time": a comparison whose
# second figure a time phrase puts before the first. The first's year may stand between ("4.2 million
# passengers in 2025, against 3.6 million a year earlier").
_COMPARED_RE: Final = re.compile(
    r"(?:\s+(?:[A-Za-z]+|(?:19|20)\d\d)){0,6}?,?\s+(?:compared\s+(?:with|to)|against|versus|vs\.?)\s+"
    r"(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)
_COMPARING_WORDS: Final = ("compared", "against", "versus", "vs")  # one of which every comparison holds
_EARLIER_RE: Final = re.compile(
    r"(?:\s+[A-Za-z]+){0,2}?,?\s+(?:"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:decades?|years?|months?|weeks?|days?)\s+"
    r"(?:earlier|before|ago|previously)"
    r"|(?:a|the)\s+(?:decade|year|month|week)\s+(?:earlier|before)"
    r"|last\s+(?:time|year|month|week|season|decade)|previously|(?:the\s+)?(?:previous|prior)\s+(?:time|year|month)"
    r"|(?:at|in|for)\s+the\s+(?:last|previous|prior|outgoing)\s+[a-z]+"
    rf"|in\s+(?:(?:{'|'.join(MONTH_NAMES)})\s+)?(?:19|20)\d\d"
    rf"|in\s+(?-i:{'|'.join(name.capitalize() for name in MONTH_NAMES)})"  # "against 58% in March"
    r"|(?:in|for|during|at)\s+the\s+same\s+(?:time|point|stage|month|week|quarter|period|day|season)"
    r"\s+(?:last|a)\s+year)\b",
    re.IGNORECASE,
)
_CHANGE_NOUNS: Final = ("increase", "rise", "fall", "drop", "decline", "decrease", "jump", "gain", "cut", "reduction")
# "rose by 74,000", "an increase of 74,000": the size of a change, not either of its ends.
_AMOUNT_RE: Final = re.compile(rf"\b(?:(?:an?\s+)?(?:{'|'.join(_CHANGE_NOUNS)})\s+of|by)\s+$", re.IGNORECASE)


def _compared_earlier(text: str, first: Figure, second: Figure) -> bool:
    """Whether `second` is what `first` is compared with, told as earlier: "58%, against 63% a
    decade earlier", "38%, compared with 31% in 2015"."""
    gap = second.start - first.end
    if gap > _CHANGE_REACH or not _may_hold(text[first.end : second.start], _COMPARING_WORDS):
        return False
    if gap > _ROLE_REACH:  # far apart: the words between are the first's own, in one clause
        return _FAR_GAP_RE.fullmatch(text, first.end, second.start) is not None and _told_as_start(text, second)
    return (
        _COMPARED_RE.fullmatch(text, first.end, second.start) is not None
        and _EARLIER_RE.match(text, second.end) is not None
    )


# The words between the two figures of a comparison told far apart: no end of a sentence or clause.
_FAR_GAP_RE: Final = re.compile(r"(?:[^.;:!?]|(?<=\d)\.(?=\d))*")


def _later_of_kind(figures: list[Figure], starts: list[int], figure: Figure, reach: int = _ROLE_REACH) -> Figure | None:
    """The nearest figure of the same kind after `figure`, within a link's reach."""
    at = bisect.bisect_right(starts, figure.start)
    while at < len(figures) and figures[at].start - figure.end <= reach:
        if figures[at].kind == figure.kind:
            return figures[at]
        at += 1
    return None


def change_role(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> Role | None:
    """Whether a figure is the value before a change ("from $349m", "against 63% a decade
    earlier"), after it ("rose 18% to $412m", "$412m, up from $349m"), the change's size ("rose by
    74,000", "an increase of 74,000"), or none of these (None). `figures` are the text's, `starts`
    where they start."""
    role = "amount" if _signed_size(text, figure) else _end_of_change(text, figures, starts, figure)
    if role is not None or figure.kind == "year":
        return role
    later = _later_of_kind(figures, starts, figure)
    if later is not None and _compared_earlier(text, figure, later):
        return "after"
    earlier = _earlier_of_kind(figures, starts, figure)
    if earlier is not None and _compared_earlier(text, earlier, figure):
        return "before"
    other = _far_role(text, figures, starts, figure) or _up_down_at_role(text, figure)
    if other is not None:
        return other
    # "by" or "of" must stand right before the figure: the pattern runs only where one does.
    lead = max(0, figure.start - _ROLE_REACH)
    if (
        text[lead : figure.start].rstrip()[-2:].lower() in {"by", "of"}
        and _AMOUNT_RE.search(text, lead, figure.start)
        and _changes(text, figure)
    ):
        return "amount"
    return None


def _signed_size(text: str, figure: Figure) -> bool:
    """A percentage with a plus sign, or with a minus sign inside a bracket, is a change's size:
    "4,100 (+11%)", "£2.3m (-7%)" (where "Inflation: -0.3%" may be a level below zero)."""
    way = sign_of(text, figure)
    return way == "up" or (way == "down" and text[figure.start - 1 : figure.start] == "(")


def _far_role(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> Role | None:
    """The end of a change a figure is, when its other end is told further off than most links
    reach, in one clause (see `_far_pair`): "46,200 patients were on the waiting list at the end of
    June, down from 48,900 a year earlier" makes the 46,200 the value after the change and the
    48,900 the value before it."""
    window = text[max(0, figure.start - _UP_DOWN_REACH) : figure.end + _CHANGE_REACH + _UP_DOWN_REACH]
    if not _may_hold(window, _START_WORDS):
        return None  # most figures: no word that tells a start near them
    if _told_as_start(text, figure):
        earlier = _earlier_of_kind(figures, starts, figure, _CHANGE_REACH)
        if earlier is not None and _far_pair(text, earlier, figure):
            return "before"
    later = _later_of_kind(figures, starts, figure, _CHANGE_REACH)
    if later is not None and _told_as_start(text, later) and _far_pair(text, figure, later):
        return "after"
    return None


def _far_pair(text: str, left: Figure, right: Figure) -> bool:
    """Whether two figures of one kind, the second told as where a change came from, are the ends of
    one change: one clause between them, and no end of its own after the second ("down from 31 to 26")."""
    return (
        compatible(left, right)
        and _FAR_GAP_RE.fullmatch(text, left.end, right.start) is not None
        and not _TO_A_FIGURE_RE.match(text, right.end)
    )


def _up_down_at_role(text: str, figure: Figure) -> Role | None:
    """ "closed up 12p at 240p", "ended down 41.2 points at 7,318.6": a change's size after "up" or
    "down", then the level it reached after "at"."""
    # (most figures have no "at" beside them, and no pattern need run)
    if text.startswith(" at ", figure.end) and _AT_LEVEL_RE.match(text, figure.end):
        return "amount" if _UP_DOWN_BEFORE_RE.search(text, max(0, figure.start - 6), figure.start) else None
    if text.endswith("at ", 0, figure.start) and _UP_DOWN_AT_BEFORE_RE.search(
        text, max(0, figure.start - _ROLE_REACH), figure.start
    ):
        return "after"
    return None


_UP_DOWN_BEFORE_RE: Final = re.compile(r"\b(?:up|down)\s+$", re.IGNORECASE)
_AT_LEVEL_RE: Final = re.compile(r"\s+at\s+[$£€]?\d")
# "up 12p at ", "down 41.2 points at ": the level a size was told before
_UP_DOWN_AT_BEFORE_RE: Final = re.compile(r"\b(?:up|down)\s+[$£€]?[\d.,]+\S*(?:\s+points?)?\s+at\s+$", re.IGNORECASE)


def _changes(text: str, figure: Figure) -> bool:
    """Whether the "by" or "of" before a figure follows a change's verb or noun."""
    before = text[max(0, figure.start - _ROLE_REACH) : figure.start].lower()
    words = _WORD_RE.findall(before)[-_VERB_WORDS:-1]
    return not CHANGE_VERBS.isdisjoint(words) or not frozenset(_CHANGE_NOUNS).isdisjoint(words)


def _end_of_change(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> Role | None:
    base = max(0, figure.start - _ROLE_REACH)  # where `before` starts in the text
    before = text[base : figure.start]
    last = before.rstrip()[-5:].lower()  # the regexes run only where their last word stands
    if last.endswith("from") and _starts_a_change(text, figures, starts, figure):
        return "before"
    if "from" in text[figure.end : figure.end + _THEN_FROM_REACH].lower():
        # "held 27 of the 60 seats, down from 33": the part's change, read past its whole
        whole = _WHOLE_AFTER_RE.match(text, figure.end)
        then_from = _THEN_FROM_RE.match(text, whole.end() if whole else figure.end)
        # (not "lost five seats, down from 31 to 26": that change is from 31 to 26, the five its size)
        if then_from is not None and not _FROM_TO_RE.match(text, then_from.end()):
            return "after"
    reach = _TO_REACH_RE.search(before) if last.endswith(("reach", " hit")) else None
    if reach is not None:  # "gained 14 seats to reach 30": the end, as after "to"
        before, last = before[: reach.start() + 3] + " ", "to"
    if (last.endswith(" to") or last == "to") and _ends_after_to(text, figures, starts, figure, before, base):
        return "after"
    return _to_then_from(text, figures, starts, figure)


def _to_then_from(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> Role | None:
    """The ends of "to X from Y", however long the noun phrase between the verb and its "to" ("lifted
    the adult ticket price at the Orme Gallery to £9 from £7.50"): X is the value after the change, Y
    the value before it, both of one kind. A "to" then a "from" tells a change whatever the verb."""
    at = bisect.bisect_left(starts, figure.start)
    later = figures[at + 1] if at + 1 < len(figures) else None
    if later is not None and _to_then_from_pair(text, figure, later):
        return "after"
    earlier = figures[at - 1] if at > 0 else None
    if earlier is not None and _to_then_from_pair(text, earlier, figure):
        return "before"
    return None


def _to_then_from_pair(text: str, first: Figure, second: Figure) -> bool:
    """Whether two figures of one kind are told as "to FIRST from SECOND"."""
    return (
        first.kind == second.kind
        and _TO_END_RE.search(text, max(0, first.start - _TO_END_REACH), first.start) is not None
        and _THEN_FROM_ONLY_RE.fullmatch(text, first.end, second.start) is not None
    )


# "... to £9 from £7.50": a "to" right before the first figure, and nothing but "from" (after at most
# a short time phrase: "to £95m this year from £70m") between the two.
_TO_END_RE: Final = re.compile(r"\bto\s+(?:about\s+|around\s+)?\Z")
_TO_END_REACH: Final = 16  # characters before a figure read for its "to"
_THEN_FROM_ONLY_RE: Final = re.compile(r"(?:\s+(?:this|last|next|a|the)\s+[a-z]+)?,?\s+from\s+(?:about\s+|around\s+)?")


def _ends_after_to(  # noqa: PLR0917 - the text, its figures and their starts, the figure, its lead and where it starts
    text: str, figures: list[Figure], starts: list[int], figure: Figure, before: str, base: int
) -> bool:
    """Whether a figure after "to" (`before`, which starts at `base` in the text and ends in "to",
    perhaps shortened from "to reach") is the end of a change: a verb of change leads into the
    "to"."""
    lead = _TO_RE.search(before, _lead_floor(before))
    if lead is None:
        return False
    # The size of the change right before "to" is read as one word: "up by almost a half to 1.52
    # million" has its verb as near as "up 48% to" has.
    stop = lead.end(1)
    at = bisect.bisect_left(starts, figure.start) - 1
    if at >= 0 and _TO_ONLY_RE.fullmatch(text, figures[at].end, figure.start):
        stop = max(lead.start(1), figures[at].start - base)
    words = _WORD_RE.findall(before[lead.start(1) : stop].lower())
    if not CHANGE_VERBS.isdisjoint(words[-_VERB_WORDS:]):
        return True
    # "rose 4.99%, taking a Band D bill to £2,104", "taking the bill from £1,690 to £1,571": what a
    # change carries to its end, read past the lead (its noun phrase may be long)
    absolute = base + stop
    carried = _WORD_RE.findall(text[max(0, absolute - _CARRY_REACH) : absolute].lower())
    if not _CARRIES.isdisjoint(carried[-_CARRY_WORDS:]):
        return True
    # "cutting the typical household's annual bill from £1,738 to £1,625": the end of a change whose
    # start the figure before "to" is
    return at >= 0 and stop < lead.end(1) and _starts_a_change(text, figures, starts, figures[at])


def _starts_a_change(text: str, figures: list[Figure], starts: list[int], figure: Figure) -> bool:
    """Whether a figure after "from" starts a change ("rose from 3,900 to 5,200", "cutting the bill
    from £1,738 to £1,625")."""
    before = text[max(0, figure.start - _ROLE_REACH) : figure.start]
    return (
        before.rstrip()[-4:].lower() == "from"
        and _FROM_RE.search(before) is not None
        and _from_a_change(text, before, figure, _earlier_of_kind(figures, starts, figure))
    )


def _lead_floor(before: str) -> int:
    """Where `_TO_RE`'s search of `before` (which ends in "to" and white space) may start: no match
    starts earlier. Its lead ends at that "to", is at most `_TO_LEAD` characters long and holds no
    sentence mark but a decimal point; a search from the start of `before` would try every place,
    each running on to the mark or the end (about 15 times the cost of a search from here)."""
    to = len(before.rstrip()) - 2
    floor = max(0, to - _TO_LEAD)
    for mark in ";:!?":
        floor = max(floor, before.rfind(mark, floor, to) + 1)
    point = before.rfind(".", floor, to)
    while point > 0 and before[point - 1].isdecimal() and before[point + 1].isdecimal():
        point = before.rfind(".", floor, point)  # a decimal point ("rose from £4.8bn to") is no mark
    return max(floor, point + 1)


def other_end(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary makes the figure one end of a change and every occurrence of
    the value in the article is the other end: "net profit rose 18% to $349m" where the article's
    $349m is what profit rose from; or when it tells no change but gives such an end as the level of
    its own time (see `_told_as_level`)."""
    if not equal:
        return None
    # The article's side first: most values are no end of a change there, and then the summary's
    # role need not be read.
    theirs = {change_role(index.text, index.figures, index.starts, same) for same in equal}
    if len(theirs) != 1:
        return None
    (told,) = theirs
    if told is None:
        return _level_as_size(figure, around, index, equal)
    mine = change_role(around.text, around.siblings, around.sibling_starts, figure)
    if mine is None and told != "amount" and _size_for_level(around, index, equal):
        mine = "amount"  # "the party gained 26 seats" where it has "26 seats, up from 18"
    # "holds 26 of the council's 52 seats", where 19 of them are now: a part told with the whole of now
    now = mine is None and told == "before" and _part_of_the_whole_now(figure, around, index, equal)
    if not now and (mine == told or (mine is None and not _told_as_level(told, figure, around, index, equal))):
        return None
    said = "the size of the change" if told == "amount" else f"the value {told} the change"
    return Match("misattributed", equal[0], f"the article gives this as {said}", "change-end")


def _level_as_size(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """A level the article gives with its own change in another kind told as a change's size:
    "passenger numbers rose by 2.8 million" where it "carried 2.8 million passengers in March, up
    6.1%" (and in its headline). Not a flow the article tells as a total, nor one it tells after a
    verb of change anywhere."""
    if not told_as_size(around.text, figure):
        return None
    for same in equal:
        lead = index.text[max(0, same.start - _TOTAL_REACH) : same.start]
        if told_as_size(index.text, same) or _TOTAL_BEFORE_RE.search(lead) or _FLOW_BEFORE_RE.search(lead):
            return None
    changed = [same for same in equal if _OWN_CHANGE_AFTER_RE.match(index.text, same.end)]
    if not changed:
        return None
    return Match("misattributed", changed[0], "the article gives this as a level, with its own change", "change-end")


# "hired 35 nurses, up 10%", "laid 85km of pipe": a flow, whose amount is what was added.
_FLOW_BEFORE_RE: Final = re.compile(
    r"\b(?:hired|recruited|laid|built|connected|planted|installed|opened|created|added|signed|sold|bought)"
    r"(?:\s+[a-z]+){0,2}?\s+$",
    re.IGNORECASE,
)
# ", up 6.1% on the same month last year", " in March, down 2%": a level's own change, in per cent.
_OWN_CHANGE_AFTER_RE: Final = re.compile(
    r"(?:\s+[A-Za-z]+){0,4}?,?\s+(?:up|down)\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent)", re.IGNORECASE
)


def _size_for_level(around: Around, index: ArticleIndex, equal: list[Figure]) -> bool:
    """Whether a verb of change makes the summary's figure a change's size ("gained 26 seats") where
    the article tells every occurrence as a level ("came third with 26 seats, up from 18"). Not a
    flow the article tells as a total ("new hires totalled 1,100, up from 700" is "added 1,100
    staff"), nor one it tells after a verb of change too ("added 250,000 jobs in March, up from
    180,000")."""
    return told_as_size(around.text, around.figure) and not any(
        told_as_size(index.text, same)
        or _TOTAL_BEFORE_RE.search(index.text, max(0, same.start - _TOTAL_REACH), same.start)
        for same in equal
    )


# "totalled 1,100", "came to 1,200", "brought in £3m", "suffered 12 defeats", "bringing the total since
# 2015 to £31m": a flow told as its total (not "its total on the council is 26 seats", a level).
_TOTAL_BEFORE_RE: Final = re.compile(
    r"\b(?:(?:total(?:s|led|ed|ling|ing)|(?:will|would|could|may|might|to)\s+total"
    r"|(?:came|come|comes|amounted|amounts?)\s+to|numbered|brought\s+in|suffered)"
    r"(?:\s+[a-z]+){0,2}?|total(?:\s+[\w'’]+){0,4}?\s+to)\s+$",
    re.IGNORECASE,
)
_TOTAL_REACH: Final = 48  # characters before a figure read for a verb that totals a flow


def _told_as_level(told: Role, figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> bool:
    """Whether a summary that tells no change gives as the level of its time what the article gives
    only as the size of a change ("treated 9,000 patients last year" for "212,000 patients last
    year, an increase of 9,000") or as the value before one ("journeys now take 52 minutes" for
    "cut to 38 minutes, down from 52")."""
    if told == "amount":
        # No word of the sentence tells a difference ("cut it by 2.2%, against 0.4% for ..."), and no
        # level follows the figure ("edged 0.6 points to 11.5%": whatever the verb, a change's size).
        # A change only sought or offered ("is seeking a pay rise of 8.5%"), told as asked for in the
        # summary too ("the union's 8.5% claim", "wants 8.5%"), is told by its size.
        sentence_start, sentence_end = around.layout.sentence_of(figure.start)
        words = _WORD_RE.findall(around.text[sentence_start:sentence_end].lower())
        return (
            _DIFFERENCE_WORDS.isdisjoint(words)
            and not _TO_LEVEL_RE.match(around.text, figure.end)
            and not (
                _told_as_asked(around.text, figure, sentence_start)
                and any(_SOUGHT_RE.search(index.text, max(0, same.start - _SOUGHT_REACH), same.start) for same in equal)
            )
        )
    start, end = around.layout.clause_of(figure.start)
    clause = around.text[start:end].lower()
    if told == "after" or _THEN_MARK_RE.search(clause) or _THAN_RE.search(around.text, start, figure.start):
        return False
    times = {time.group().lower() for time in _TIME_MARK_RE.finditer(clause)}
    if not times:
        # told with no time at all: the value before a change is no level ("took 39.1% of the vote"
        # where the share fell to 34.6% from 39.1%)
        # where a change started, unless the summary tells a change of it ("lost five of its 31
        # seats", "its 31 seats shrank to 26")
        sentence = around.text[slice(*around.layout.sentence_of(figure.start))]
        return (
            told == "before"
            and not _said_when(sentence)
            and not _a_whole_in(figure, around)
            and not _other_end_told(figure, around, index, equal)
            and not any(_ahead(index, same) for same in equal)
        )
    for same in equal:
        own = _own_stretch(index, same).lower()
        if any(has_word(own, time) for time in times):
            return False  # the article dates the earlier value the summary's way
        sentence = index.text[slice(*index.layout.sentence_of(same.start))].lower()
        if not any(_NOW_MARK_RE.fullmatch(time) or has_word(sentence, time) for time in times):
            return False
    return True


def _a_whole_in(figure: Figure, around: Around) -> bool:
    """Whether the summary gives the figure as the whole of a part before it ("five of its 31")."""
    before = around.before(figure)
    return before is not None and is_whole_of(before, figure, around.text)


def _other_end_told(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> bool:
    """Whether the summary's sentence gives the other end of an article change the value starts."""
    start, end = around.layout.sentence_of(figure.start)
    told = [sibling for sibling in around.siblings if start <= sibling.start < end and sibling is not figure]
    for same in equal:
        partner = index.partner(same)
        if partner is not None and any(values_equal(sibling, partner) for sibling in told):
            return True
    return False


def _ahead(index: ArticleIndex, figure: Figure) -> bool:
    """Whether the change an article figure starts is still to come ("will rise to £12.21 an hour,
    up from £11.44"): where it starts is the level of now."""
    start, end = index.layout.sentence_of(figure.start)
    return _AHEAD_RE.search(index.text, start, end) is not None


# ("due to heavy rain" and "the plans" say nothing of a time ahead: "is due to rise", "due in April",
# "plans to raise" do)
_AHEAD_RE: Final = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:set\s+)?to|expected|due\s+(?:to\s+(?:be|rise|fall|go|reach|increase|drop)|in|on|from)"
    r"|plans?\s+to|planned)\b",
    re.IGNORECASE,
)


def _said_when(sentence: str) -> bool:
    """Whether a sentence says when, or that it tells of an earlier time ("In May, ...", "in 2021",
    "previously"); a bound in time ("its lowest since 1999") says no when."""
    told = _SINCE_RE.sub(" ", sentence)
    lowered = told.lower()
    return bool(
        _TIME_MARK_RE.search(lowered)
        or _THEN_MARK_RE.search(lowered)
        or _MAY_RE.search(told)
        or _EARLIER_TOLD_RE.search(told)
    )


# "had held 31 seats": the past before the past; "at the last vote", "on Friday", "the current fare"
_EARLIER_TOLD_RE: Final = re.compile(
    rf"\bhad\s+(?:been|had|held|won|[a-z]+ed)\b|\b(?:last|yesterday|current|{'|'.join(WEEKDAYS)})\b", re.IGNORECASE
)
_SINCE_RE: Final = re.compile(r"\b(?:since|until|till)\s+(?:the\s+)?\S+", re.IGNORECASE)
_MAY_RE: Final = re.compile(r"\bMay\b")


def _part_of_the_whole_now(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> bool:
    """Whether the summary tells the value as a part of a whole ("won 31 of the council's 57 seats")
    where, in the article, the value is only the earlier end of the change of another part of that
    whole ("26 of the 57 seats, down from 31"): the whole's part is the level of the whole's time."""
    whole = around.next_of(figure)
    if whole is None or not is_whole_of(figure, whole, around.text):
        return False
    for same in equal:
        partner = index.partner(same)
        if partner is None:
            return False
        after = index.position(partner) + 1
        if after >= len(index.figures) or not is_whole_of(partner, index.figures[after], index.text):
            return False
        if not values_equal(index.figures[after], whole):
            return False
    return True


def _own_stretch(index: ArticleIndex, figure: Figure) -> str:
    """The words after an article figure that belong to it: up to its clause's end or the next
    figure other than a date ("£47m in 2024")."""
    _, end = index.layout.clause_of(figure.start)
    following = [other for other in index.figures_between(figure.end, end) if other.kind not in CALENDAR_KINDS]
    return index.text[figure.end : following[0].start if following else max(end, figure.end)]


def _told_as_asked(text: str, figure: Figure, sentence_start: int) -> bool:
    """Whether a word of the figure's own stretch tells it as asked for or offered: one of the few
    words before it, back to a comma or colon ("the union wants 8.5%", "offered staff 4%", "Claim:
    8.5%"), or right after it ("an 8.5% pay claim"); not a word of another clause ("pay is 8.5%, the
    union claims", "the offer came as profit reached 8.5%")."""
    before = text[max(sentence_start, figure.start - _ASKED_REACH) : figure.start]
    piece = before[before.rfind(",") + 1 :].lower().split(":")
    words = _WORD_RE.findall(piece[-1])[-_ASKED_WORDS:] or _WORD_RE.findall("".join(piece[-2:-1]))[-1:]
    if _COPULA_RE.match(piece[-1]) and len(piece) == 1:  # "the union's demand, put on Monday, is 8.5%"
        words += _WORD_RE.findall(before[: before.find(",")].lower())
    after = _WORDS_AFTER_RE.match(text, figure.end)
    if after is not None:
        words += _WORD_RE.findall(after.group().lower())
    return any(word.startswith(_ASKING_WORDS) for word in words)


# A stretch that opens on its verb, after a parenthesis: its subject is before the first comma.
_COPULA_RE: Final = re.compile(r"\s*(?:is|was|are|were|stands\s+at|stood\s+at|remains|remained)\b")
_ASKED_REACH: Final = 64  # characters before a figure read for a word that asks for it
_ASKED_WORDS: Final = 5
_WORDS_AFTER_RE: Final = re.compile(r"(?:[ \t]+[A-Za-z'’-]+){1,2}")
_TO_LEVEL_RE: Final = re.compile(r"(?:\s+[A-Za-z]+){0,3}\s+to\s+[£$€]?\d")
# "is seeking a pay rise of", "offered an increase of": a change asked for or proposed, not made.
_SOUGHT_RE: Final = re.compile(
    r"\b(?:seek(?:s|ing)?|sought|wants?|wanted|wanting|demand(?:s|ed|ing)?|(?:ask|call)(?:s|ed|ing)?\s+for"
    r"|claim(?:s|ed|ing)?|offer(?:s|ed|ing)?|propos(?:e|es|ed|ing))\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}?"
    r"(?:rise|increase|raise|cut|reduction)\s+of\s+$",
    re.IGNORECASE,
)
_SOUGHT_REACH: Final = 64  # characters before a change's size read for what asked for it
# The beginnings of words that tell a figure as asked for or offered: "claim", "wants", "demanded"
_ASKING_WORDS: Final = ("claim", "demand", "want", "seek", "sought", "ask", "offer", "propos", "bid")
# Words that tell a figure as a difference ("9,000 more patients", "an extra £4m", "up 9,000").
_DIFFERENCE_WORDS: Final = (
    CHANGE_VERBS
    | frozenset(_CHANGE_NOUNS)
    | frozenset(("more", "fewer", "less", "extra", "additional", "another", "up", "down", "higher", "lower", "net"))
)
# The times a summary may give its level for: now, this year, a month, a year, "last season" ("may"
# is left out: it is mostly the verb).
_NOW: Final = r"now|currently|today|at\s+present|this\s+(?:year|month|week|season|summer|spring|autumn|winter|quarter)"
_NOW_MARK_RE: Final = re.compile(_NOW)
_TIME_MARK_RE: Final = re.compile(
    rf"\b(?:{_NOW}|(?:last|next)\s+(?:year|month|week|season|summer|spring|autumn|winter|quarter)"
    rf"|{'|'.join(name for name in MONTH_NAMES if name != 'may')}|(?:19|20)\d\d)\b"
)
# Words that tell a level as an earlier one: "a year earlier it carried 3.6 million".
_THEN_MARK_RE: Final = re.compile(
    r"\b(?:earlier|before|previous|previously|prior|ago|formerly|used\s+to|last\s+time|originally|old)\b"
)
_THAN_RE: Final = re.compile(
    r"\b(?:than|from|against|instead\s+of|compared\s+(?:with|to))\s+(?:the\s+)?\S*$", re.IGNORECASE
)


def other_partner(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """Misattributed when the summary makes the figure one end of a change whose other end the
    article never gives with it: "attendance rose to 31,250 from 32,000" where the article's 31,250
    is "up from 27,900" and its 32,000 is the stadium's seats. Every occurrence of the value must be
    the end of a change in the article, each with another value (or rounding of it) at its other end."""
    # The article's side first: most occurrences are no end of a change, and then the summary's
    # partner need not be read.
    others = [index.partner(same) for same in equal]
    if not others or any(other is None or other.value is None for other in others):
        return None
    partner = _summary_partner(figure, around)
    if partner is None or any(range_end(index, same) for same in equal):
        return None  # no change in the summary, or a range of the article's that changed
    theirs = []
    for same, other in zip(equal, others, strict=True):
        assert other is not None
        if values_equal(partner, other) or rounds_to(partner, other) or _read_past(index, same, other, partner):
            return None
        theirs.append(other)
    # "rose to £14m from £9.8m in 2023" where the article gives £9.8m for 2023 as well as its
    # change "from £11.5m in 2024": a change told over more years than the article's own.
    dated = around.frame_of(partner).years
    if dated and any(index.frame(other).years & dated for _, other in index.equal(partner)):
        return None
    return Match("misattributed", equal[0], f"the article gives its other end as '{theirs[0].text}'", "change-partner")


def _read_past(index: ArticleIndex, same: Figure, end: Figure, partner: Figure) -> bool:
    """Whether the article gives the summary's other end in the value's sentence, beyond the end it
    links nearer ("3,150 pupils sat the tests at its 14 schools, compared with 2,980": the summary's
    "3,150, up from 2,980" reads past the 14, and only it). An end on the value's other side is another
    change."""
    if not _IN_A_PHRASE_RE.search(index.text, max(0, end.start - _PHRASE_REACH), end.start):
        return False  # the nearer end stands in a phrase of its own ("at the district's 14 schools")
    sentence = index.layout.sentence_of(same.start)
    return any(
        index.layout.sentence_of(told.start) == sentence
        and (told.start < end.start < same.start or same.start < end.start < told.start)
        # the nearer end is the only figure of the kind read past
        and [
            other
            for other in index.figures
            if other.kind == same.kind and min(told.start, same.start) < other.start < max(told.start, same.start)
        ]
        == [end]
        for _, told in index.equal(partner)
    )


# A preposition (and its determiners) right before a figure: "across the region's", "from", "at its".
_IN_A_PHRASE_RE: Final = re.compile(
    r"\b(?:at|across|in|from|of|on|for|with)\s+(?:(?:the|its|their|his|her|[A-Za-z]+['’]s)\s+)*$"
)
_PHRASE_REACH: Final = 40


def against_its_ends(  # noqa: PLR0911 - one return per reason the ends cannot be judged, cheapest first
    figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]
) -> Match | None:
    """Misattributed when the summary's own change goes against the way its two ends go ("revenue of
    £318m, down from £276m", "eased to 3.0% from 2.9%"), where the article ties the same two values
    and does not tell them so itself, or ties no change to the value at all but gives both (the
    figure then opens its sentence's figures of its kind: in "120 buses, 35 of them new, up from 60"
    the change is the 120's); or when the summary gives one end and a way the article's own change
    to that value does not go (`_end_turned`)."""
    # The article's side first: most values have no partner there, and then only a summary that
    # says "from" can give both ends of a change.
    unpartnered = all(index.partner(same) is None for same in equal)
    if (
        (unpartnered and "from" not in around.text)
        or figure.kind == "ordinal"
        or figure.role == "rank"  # a rank rises as its number falls
        or change_role(around.text, around.siblings, around.sibling_starts, figure) != "after"
    ):
        return None
    if change_partner(around.text, around.siblings, bisect.bisect_left(around.sibling_starts, figure.start)) is None:
        return None if unpartnered else _end_turned(figure, around, index, equal)
    ends = _ends_of_summary_change(figure, around)
    if ends is None:
        return None
    partner, said, real = ends
    note = f"from {partner.text} to {figure.text} is {_WAYS[real]}, not {_WAYS[said]}"
    if unpartnered:
        # The article ties no change to the value, but gives both ends: the summary's own words
        # go against its own ends ("212 accidents, down from 118").
        told = index.equal(partner) and not _kind_before(figure, around)
        return Match("misattributed", equal[0], note, "change-way") if told else None
    for same in equal:
        other = index.partner(same)
        if other is None or not (values_equal(partner, other) or rounds_to(partner, other)):
            continue
        start, _ = index.layout.clause_of(min(same.start, other.start))
        if last_way(_pair_words(index.text, start, same, other)) == said:
            return None  # the article tells it so itself
        return Match("misattributed", same, note, "change-way")
    return None


def _kind_before(figure: Figure, around: Around) -> bool:
    """Whether a figure of the same kind comes before `figure` in its sentence."""
    start, _ = around.layout.sentence_of(figure.start)
    return any(start <= other.start < figure.start and other.kind == figure.kind for other in around.siblings)


def _end_turned(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "Rose to 7,300" where the article has "7,300, down from 8,900": the summary ends a change
    at the value with no other end, and tells a way that no change to the value in the article goes,
    by its ends or by its own words ("rose 3% to 240p, down from 310p" is told both ways)."""
    said = last_way(around.text[around.layout.clause_of(figure.start)[0] : figure.start])
    if said is None:
        return None
    turned: tuple[Figure, Figure, Direction] | None = None
    for same in equal:
        other = index.partner(same)
        if other is None or other.value is None or same.value is None or other.value == same.value:
            continue
        if change_role(index.text, index.figures, index.starts, same) != "after":
            continue
        real = way_of(other.value, same.value)
        if real == said or last_way(index.text[index.layout.clause_of(same.start)[0] : same.start]) == said:
            return None
        turned = turned or (same, other, real)
    if turned is None:
        return None
    same, other, real = turned
    note = f"{TURNED_ROUND} {real}, not {said}: from {other.text} to {same.text}"
    return Match("misattributed", same, note, "change-way")


def _ends_of_summary_change(figure: Figure, around: Around) -> tuple[Figure, Direction, Direction] | None:
    """The other end of the change a summary figure ends (the caller has found it an end), the way
    the summary tells it and the way its values go, when the two ways differ."""
    assert figure.value is not None
    partner = _summary_partner(figure, around)
    if partner is None or partner.value is None or partner.value == figure.value:
        return None
    said = last_way(_pair_words(around.text, around.layout.clause_of(figure.start)[0], figure, partner))
    real = way_of(partner.value, figure.value)
    return None if said is None or said == real else (partner, said, real)


def _pair_words(text: str, clause_start: int, figure: Figure, partner: Figure) -> str:
    """The words that tell a change between two figures: from the clause's start to the later figure."""
    return text[clause_start : max(figure.start, partner.start)]


_WAYS: Final = {"up": "a rise", "down": "a fall"}


def _summary_partner(figure: Figure, around: Around) -> Figure | None:
    """The other end of the change the summary makes the figure an end of: not the size of the
    change ("rose by £46m to £142m"), nor a range's end ("forecast at £610m-£640m, from
    £580m-£600m": the ranges changed)."""
    at = bisect.bisect_left(around.sibling_starts, figure.start)
    partner = change_partner(around.text, around.siblings, at)
    if partner is None or partner.value is None or _in_a_range(around.text, around.siblings, at):
        return None
    if change_role(around.text, around.siblings, around.sibling_starts, partner) == "amount":
        return None
    return partner


def change_partner(text: str, figures: list[Figure], at: int) -> Figure | None:
    """The other end of the change or range `figures[at]` is an end of, if any. A figure told in
    an aside ("to $418m, or $1.12 a share, from $190m") is the same value told another way."""
    figure = figures[at]
    if at > 0 and is_whole_of(figures[at - 1], figure, text):
        return None  # "27 of the 60 pupils, up from 20": the 20 is the part's other end, not the whole's
    for other in neighbours(figures, at, text):
        left, right = (other, figure) if other.start < figure.start else (figure, other)
        # the link is read from the whole a part is of: "27 of the 60 pupils, up from 20"
        if left is other:
            whole = _whole_after(figures, at, other, text)
        else:
            whole = figures[at + 1] if is_whole_of(figure, figures[at + 1], text) else None
        if same_thing(text, whole or left, right):
            return None if _APPOSITION_RE.search(text, max(0, other.start - 6), other.start) else other
    return None


_APPOSITION_RE: Final = re.compile(r",\s*or\s+$|\(\s*$", re.IGNORECASE)


def _whole_after(figures: list[Figure], at: int, part: Figure, text: str) -> Figure | None:
    """The whole right after `part`, a figure before `figures[at]` ("27 of the 60 pupils, up from 20")."""
    # `part` is a neighbour `neighbours` found within a link's reach: a few figures back at most
    i = at - 1
    while i >= 0 and figures[i] is not part:
        i -= 1
    return figures[i + 1] if i >= 0 and i + 1 < at and is_whole_of(part, figures[i + 1], text) else None


def _in_a_range(text: str, figures: list[Figure], at: int) -> bool:
    """Whether `figures[at]` is an end of a range of uncertainty with a neighbour."""
    return any(range_ends(figures[at], other, text) for other in neighbours(figures, at, text))


# "45 of the 48 counts", "six of its 11 stores", "27 of the council's 65 seats": a part, then the
# whole it is part of.
_PART_OF_RE: Final = re.compile(
    r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?(?:(?:(?-i:[A-Z])[a-z]+\s+)?[A-Za-z]+(?:'s|’s)\s+)?"
    r"(?:last\s+|first\s+|next\s+|past\s+)?",
    re.IGNORECASE,
)


_LABEL_BEFORE_RE: Final = re.compile(
    r"\b(?:article|section|clause|paragraph|chapter|page|flight|route|room|gate|platform|stage|game|round|hole|no\.?|number)\s+$",
    re.IGNORECASE,
)


def part_above_whole(figure: Figure, around: Around, equal: list[Figure]) -> Match | None:
    """ "Convicted on 48 of 45 counts": a part larger than the whole it is part of is two counts
    swapped, whatever the article says of either."""
    if figure.kind != "count" or figure.value is None or not equal:
        return None
    siblings = around.siblings
    at = bisect.bisect_right(around.sibling_starts, figure.start)
    if at >= len(siblings):
        return None
    whole = siblings[at]
    if _LABEL_BEFORE_RE.search(around.text, max(0, figure.start - 12), figure.start):
        return None  # "paragraph 14 of the 9-page ruling": a number that names, not a part
    if whole.kind != "count" or whole.value is None or not _PART_OF_RE.fullmatch(around.text, figure.end, whole.start):
        return None
    if figure.value <= whole.value:
        return None
    return Match("misattributed", equal[0], f"a part larger than its whole, '{whole.text}'", "part-of-whole")


# "41% for and 43% against", "310 in favour, 120 opposed": the side a vote or poll figure is on.
# The side stands alone ("41% for, 43% against") or after "votes" ("the 310 votes for included"):
# "for flood defences", "against bad loans" say what money is for.
_SIDE_RE: Final = re.compile(
    r"(?:\s+(?P<votes>votes?)|\s+(?:were|was|are|voted))?\s+(?P<side>for|in\s+favou?r|against|opposed)\b"
    r"(?P<alone>(?=\s*(?:[,.;:)]|and\b|or\b|with\b|$)))?",
    re.IGNORECASE,
)
_SIDES: Final = {"for": "for", "in favour": "for", "in favor": "for", "against": "against", "opposed": "against"}


def _side(text: str, figure: Figure) -> str | None:
    found = _SIDE_RE.match(text, figure.end)
    if found is None or (found.group("alone") is None and found.group("votes") is None):
        return None
    return _SIDES.get(" ".join(found.group("side").lower().split()))


def other_side(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """ "41% for and 43% against" where the article's 41% are against: every occurrence of the value
    is on the other side of the vote or poll."""
    mine = _side(around.text, figure)
    if mine is None or not equal:
        return None
    theirs = {_side(index.text, same) for same in equal} - {None}  # "voted 310 to 255" takes no side
    if theirs != {"against" if mine == "for" else "for"}:
        return None
    return Match("misattributed", equal[0], f"the article gives this value {theirs.pop()}, not {mine}", "vote-side")


# "between 20 and 40", "20 to 40", "20-40" (not "from 20 to 40" nor "fell by £1m to £100m": those
# are changes, and their ends make a rise or a fall).
_RANGE_LINK_RE: Final = re.compile(r"\s+(?:and|to)\s+|\s*[-\u2013]\s*", re.IGNORECASE)
_RANGE_OPENER_RE: Final = re.compile(r"\b(between|from|by)\s+$", re.IGNORECASE)


def range_ends(left: Figure, right: Figure, text: str) -> bool:
    """Whether two figures are the two ends of one range of uncertainty."""
    first, second = (left, right) if left.start < right.start else (right, left)
    link = _RANGE_LINK_RE.fullmatch(text, first.end, second.start)
    if link is None:
        return False
    opener = _RANGE_OPENER_RE.search(text, max(0, first.start - 10), first.start)
    if "and" in link.group().lower():
        return opener is not None and opener.group(1).lower() == "between"
    return opener is None


def range_end(index: ArticleIndex, figure: Figure) -> Literal["low", "high"] | None:
    """Which end of a range of uncertainty an article figure is ("between €800m and €1.1bn"), if any."""
    for other in neighbours(index.figures, index.position(figure), index.text):
        if range_ends(figure, other, index.text):
            return "low" if figure.start < other.start else "high"
    return None
