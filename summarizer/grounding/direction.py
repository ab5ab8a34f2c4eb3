"""Which way a figure says something moved: up ("rose 12%", "a 12% rise", "made $5m") or down.

A summary that turns a fall into a rise keeps every number and reverses the meaning ("profit rose
12%" from "profit fell 12%"; "gained millions" from "lost millions"). The grounding check uses
this to refuse, as support, an article figure that moved the other way.

Only the words right next to a figure count: the verb just before it ("fell by 12%", "lost nearly
$5m", "down 3%") or the noun just after it ("a 12% fall", "a £3m loss", "5% higher"). Anything
farther away is too often about something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Literal

from summarizer.figures import Figure

__all__ = ["CHANGE_VERBS", "Direction", "Movement", "last_way", "movement_of", "opposite", "sign_of", "way_of"]

Direction = Literal["up", "down"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UP_VERBS: Final = _words(
    "rose rise rises rising risen grew grow grows growing grown increase increased increases increasing "
    "gain gained gains gaining jump jumped jumps jumping climb climbed climbs climbing soar soared soars "
    "soaring surge surged surges surging rallied rally boost boosted boosts raise raised raises raising "
    "won win wins winning created create creates added adds widen widened widens widening "
    "double doubled doubles doubling triple tripled triples tripling treble trebled quadrupled "
    "lift lifted lifts lifting"
)
_DOWN_VERBS: Final = _words(
    "fell fall falls falling fallen drop dropped drops dropping decline declined declines declining "
    "decrease decreased decreases decreasing slump slumped slumps plunge plunged plunges plunging "
    "plummet plummeted plummets tumble tumbled tumbles slid slide slides sank sink sinks shrank shrunk "
    "shrink shrinks lost lose loses losing shed sheds shedding cut cuts cutting slash slashed slashes "
    "hemorrhaged haemorrhaged hemorrhaging haemorrhaging dipped dip dips narrow narrowed narrows narrowing "
    "ease eased eases easing slip slipped slips slipping halve halved halves halving"
)
_ADVERBS: Final[dict[str, Direction]] = {"up": "up", "down": "down"}
# Every word that tells of a change either way ("rose", "cut", "up").
CHANGE_VERBS: Final = _UP_VERBS | _DOWN_VERBS | frozenset(_ADVERBS)
_GIVE: Final = _words("give gives gave given giving")
# Verbs whose "up" or "down" is not a direction: "set up 12 firms", "shot down two drones".
_PHRASAL: Final = _words(
    "set sets setting make makes made take takes took taken put puts shot shoot shut shuts broke break "
    "breaks turned turn turns step steps stepped back backed hold holds held sign signs signed wrote "
    "write written"
)
# Earning is a rise only of money: "made 40 appearances" says nothing about a direction.
_UP_WITH_MONEY: Final = _words("made make makes making earn earned earns earning")
_UP_NOUNS: Final = _words(
    "rise rises increase increases gain gains jump jumps surge growth hike hikes boost higher more profit "
    "profits surplus up longer larger bigger taller greater wider heavier above warmer hotter"
)
_DOWN_NOUNS: Final = _words(
    "fall falls drop drops decline declines decrease decreases cut cuts loss losses slump reduction "
    "reductions lower fewer less deficit down shorter smaller narrower lighter below colder cooler"
)
# Nouns of a change whose "of" gives its size ("a rise of 4%"); not "profit" or "loss", whose "of"
# gives a level ("a loss of £30m").
_UP_BY_NOUNS: Final = _words("rise increase gain jump surge growth hike boost")
_DOWN_BY_NOUNS: Final = _words("fall drop decline decrease cut reduction slump")
_LOSS_NOUNS: Final = _words("loss")
# Words that may stand between a verb and its figure ("rose by an estimated 12%").
# ("to" is not among them: "fell 20% to $5m" is a level, not a fall of $5m.)
_BETWEEN: Final = _words(
    "by a an some about almost nearly around roughly just only another estimated "
    "again further sharply slightly steadily marginally significantly substantially strongly"
)
# "45 more", "25 fewer dogs", "£3m lower": a comparison, whose "than" says with what.
_COMPARATIVE_AFTER_RE: Final = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:more|fewer|less|higher|lower|longer|shorter|faster|slower|larger|smaller|bigger"
    r"|greater|older|younger|cheaper|dearer|behind|ahead\s+of|short\s+of|clear\s+of|above|below)\b",
    re.IGNORECASE,
)


def compared_after(text: str, figure: Figure) -> bool:
    """Whether a figure is told as a difference by the comparative after it ("880,000 more
    visitors", "£3m lower")."""
    return _COMPARATIVE_AFTER_RE.match(text, figure.end) is not None


# A margin is the same fact seen from either side: "won by 312 votes" is "lost by 312 votes".
_MARGIN_VERBS: Final = _words("won win wins winning lost lose loses losing")
# Words that may stand between a figure and its noun ("a 12 per cent year-on-year fall").
_BETWEEN_AFTER: Final = _words("per cent percent pre-tax net annual year-on-year quarterly operating")
# What falls or rises may itself be bad: "losses rose to $5m" is not a gain of $5m.
_BAD_THINGS: Final = _words("loss losses deficit deficits debt debts")
_MONEY_MARK_RE: Final = re.compile(r"[$£€¥]|\b(?:dollars?|pounds?|euros?|yen|yuan|rupees?)\b", re.IGNORECASE)
_SENTENCE_END_RE: Final = re.compile(r"[;.!?]\s")
_CONTRAST_RE: Final = re.compile(r",\s+(?:while|whereas|but)\s")
_LOSS_OF_END_RE: Final = re.compile(r"\bloss\s+of\s*$")
# Words too common to say who or what moved.
_NOT_SUBJECTS: Final = _words(
    "the a an and of in on at for to from by with which that who its their his her "
    "was were is are has have had been also"
)
_SUBJECT_WORDS: Final = 6
_CLAUSE_END_RE: Final = re.compile(r"[,;:()\"“”—–.!?]")
# The text up to the first `_CLAUSE_END_RE` mark: the first piece of a split, without the split.
_CLAUSE_RUN_RE: Final = re.compile(r"[^,;:()\"“”—–.!?]*")
_WORD_RE: Final = re.compile(r"[A-Za-z][A-Za-z'-]*")
_REACH: Final = 48  # characters either side of a figure that can hold its verb or noun
# A figure, a word or two of its unit, its noun, then "in"/"of" and up to three words.
_THING_AFTER_RE: Final = re.compile(
    r"(?:\s+[A-Za-z-]+){1,3}?\s+(?:in|of)\s+((?:the\s+|its\s+|their\s+)?[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2})"
)


@dataclass(frozen=True, slots=True)
class Movement:
    """Which way a figure moved, and the words around it that say what moved (five-letter prefixes).

    `bad`: what moved is itself bad ("losses rose", "net debt fell"): its rise is no gain, so it is
    compared only with the moves of bad things."""

    direction: Direction
    subject: frozenset[str]
    bad: bool = False

    def comparable(self, other: Movement) -> bool:
        return self.bad == other.bad


def way_of(before: float, after: float) -> Direction:
    """The way a change from `before` to `after` goes (the two differ)."""
    return "up" if after > before else "down"


def opposite(direction: Direction) -> Direction:
    return "down" if direction == "up" else "up"


def movement_of(text: str, figure: Figure) -> Movement | None:
    """The direction the words beside `figure` give it, or None when they give none."""
    direction = sign_of(text, figure)
    if direction is None and not _COMPARATIVE_AFTER_RE.match(text, figure.end):
        # (not "cut 150 more jobs than in 2024": a comparison's way is its own word's, read below)
        direction = _from_verb_before(text, figure)
    after_noun = direction is None
    if after_noun:
        direction = _from_noun_after(text, figure)
    if direction is None:
        return None  # most figures: no subject is read
    subject = _subject(text, figure)
    # "a 12% rise in quarterly revenue": what moved may follow the noun.
    after = _thing_after_noun(text, figure) if after_noun else []
    subject |= frozenset(word[:5] for word in after)
    # Whether what moved is bad is read in the sentence before the figure ("net debt of £1.2bn fell")
    # and in the thing after its noun ("a 12% rise in losses").
    before = _SENTENCE_END_RE.split(text[max(0, figure.start - _REACH) : figure.start])[-1].lower()
    before = _CONTRAST_RE.split(before)[-1]  # "a loss of five, while the Greens gained seven": not the Greens'
    if figure.kind != "money":
        before = _LOSS_OF_END_RE.sub("", before)  # "a loss of five seats" is a fall, no bad thing
    bad = not _BAD_THINGS.isdisjoint(_WORD_RE.findall(before)) or not _BAD_THINGS.isdisjoint(after)
    return Movement(direction, subject, bad)


def sign_of(text: str, figure: Figure) -> Direction | None:
    """The way a sign written on a percentage tells: "+11%" a rise, "-13%" a fall. Lists of levels
    give each level's change so ("Sales: 4,100 (+11%)"); no other kind takes a sign as a change
    ("-5C" is a level below zero)."""
    if figure.kind != "percent":
        return None
    if figure.text[:1] in _MINUS_SIGNS:
        return "down"
    return "up" if text[figure.start - 1 : figure.start] == "+" else None


_MINUS_SIGNS: Final = frozenset("-\u2212")


def _thing_after_noun(text: str, figure: Figure) -> list[str]:
    """Content words of the "in"/"of" phrase after a figure's noun ("a 12% rise [in quarterly revenue]")."""
    found = _THING_AFTER_RE.match(text, figure.end)
    if found is None:
        return []
    words = [word.lower() for word in _WORD_RE.findall(found.group(1))]
    return [word for word in words if word not in _NOT_SUBJECTS]


def last_way(text: str) -> Direction | None:
    """The way the last word of change in `text` goes ("rose", "fell", "up", "down"), if any."""
    words: list[str] = _WORD_RE.findall(text.lower())  # typed: mypyc cannot reverse an Any
    for word in reversed(words):
        if word in _UP_VERBS or word == "up":
            return "up"
        if word in _DOWN_VERBS or word == "down":
            return "down"
    return None


def _subject(text: str, figure: Figure) -> frozenset[str]:
    """Content words of the sentence just before the figure: "the brewer's profit" of "the brewer's
    profit fell 12%", "Labour" of "Labour gained 48 seats"."""
    before = _SENTENCE_END_RE.split(text[max(0, figure.start - 4 * _REACH) : figure.start])[-1]
    words = [word.lower().removesuffix("'s") for word in _WORD_RE.findall(before)]
    content = [w for w in words if w not in _NOT_SUBJECTS and w not in _UP_VERBS and w not in _DOWN_VERBS]
    return frozenset(word[:5] for word in content[-_SUBJECT_WORDS:])


def told_as_size(text: str, figure: Figure) -> bool:
    """Whether a verb of change right before a figure makes it a change's size: "gained 26 seats",
    "rose 12%" (not "rose to 12%", which is a level, nor "won 26 seats", a total)."""
    before = text[max(0, figure.start - _REACH) : figure.start].lower()
    words = _WORD_RE.findall(before)
    # (the verb behind the words that may stand before a size: "won only 14 seats" is a total)
    told = [word for word in words if word not in _BETWEEN - {"by"}]
    verb = told[-1] if told else None
    if not words or verb in _WINS or _DIGIT_AFTER_WORDS_RE.search(before):
        return False  # ("drop by another 3-4%": the 4% ends a range)
    if verb == "up" and len(told) > 1 and told[-2] in _MAKES:
        return False  # "electric models making up about one in seven": a part, not a rise
    if figure.kind == "money" and verb in _MONEY_LEVELS:
        return False  # "the airline lost $5m", "made $2m": a loss or a profit, not a change's size
    return _from_verb_before(text, figure) is not None


_DIGIT_AFTER_WORDS_RE: Final = re.compile(r"\d[^a-z]*$")
_WINS: Final = _words("won win wins winning")
_MAKES: Final = _words("make makes made making")
_MONEY_LEVELS: Final = _UP_WITH_MONEY | _words("lost lose loses losing")


def _from_verb_before(text: str, figure: Figure) -> Direction | None:
    before = text[max(0, figure.start - _REACH) : figure.start]
    before = _CLAUSE_END_RE.split(before)[-1]
    words = list(map(str.lower, _WORD_RE.findall(before)))
    if words and words[-1] in _ADVERBS:
        return _from_adverb(words)
    between = []
    while words and words[-1] in _BETWEEN:
        between.append(words.pop())
    if not words:
        return None
    verb = words[-1]
    if "by" in between and verb not in CHANGE_VERBS and figure.kind not in _WHEN_KINDS:
        verb = _verb_of_object(words)
    if verb == "of" and len(words) > 1:
        # "an increase of 9.4 points", "a fall of 12%": a change's noun and its size
        noun = words[-2]
        # "a loss of five seats" falls (of money, "a loss of £30m" is a deficit, not a fall)
        falls = noun in _DOWN_BY_NOUNS or (noun in _LOSS_NOUNS and figure.kind != "money")
        return "up" if noun in _UP_BY_NOUNS else "down" if falls else None
    if verb in _UP_WITH_MONEY:
        return "up" if figure.kind == "money" or _MONEY_MARK_RE.search(_tail(text, figure)) else None
    if verb in _MARGIN_VERBS and "by" in between:
        return None
    return "up" if verb in _UP_VERBS else "down" if verb in _DOWN_VERBS else None


# Figures that "by" may give a deadline, not a change's size: "cut emissions by 2030".
_WHEN_KINDS: Final = frozenset({"year", "date", "time", "decade", "ordinal"})
_OBJECT_WORDS: Final = 5  # the most words of an object between a verb of change and its "by"


def _verb_of_object(words: list[str]) -> str:
    """The verb of change a few words before "by" that has its object between ("cut the pier's power
    bill by £6,300", "raised its fares by 4%"), or the last word when there is none."""
    for word in reversed(words[-_OBJECT_WORDS - 1 : -1]):
        if word in CHANGE_VERBS:
            return word
    return words[-1]


def _from_adverb(words: list[str]) -> Direction | None:
    """ "down 3%", "up 12%": only right before the figure ("up to 5" is a bound)."""
    verb = words[-2] if len(words) > 1 else ""
    if verb in _GIVE:
        return "down"  # "the Dow gave up 174 points"
    return None if verb in _PHRASAL else _ADVERBS[words[-1]]


def _from_noun_after(text: str, figure: Figure) -> Direction | None:
    run = _CLAUSE_RUN_RE.match(text, figure.end, figure.end + _REACH)
    after = run.group() if run is not None else ""  # (it always matches, if only the empty run)
    for word in map(str.lower, _WORD_RE.findall(after)[:3]):
        if word in _BETWEEN_AFTER:
            continue
        return "up" if word in _UP_NOUNS else "down" if word in _DOWN_NOUNS else None
    return None


def _tail(text: str, figure: Figure) -> str:
    """The figure and the few words after it ("millions of dollars")."""
    return text[figure.start : figure.end + 16]
