"""Find the figures of a text: every extractor proposes candidates, overlaps are resolved, ranges
share their unit, and each survivor takes the qualifier in front of it ("more than").

An extractor is a function from text to candidates (`_dates`, `_numbers`, `_names`, ...); where two
candidates cover the same characters the most specific kind wins (`_KIND_PRIORITY`, then the
longer). What the returned values mean is documented on `model.Figure`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from operator import attrgetter
from typing import Final

from . import lexicon, patterns
from .model import Figure

__all__ = ["find_figures"]

_NO_QUALIFIER_KINDS: Final = frozenset({"date", "ordinal", "decade", "name", "year"})

# Ranges state the unit once: "10 to 15 years", "from six hours to 12", "between 10 and 15 years".
_RANGE_KINDS: Final = frozenset({"duration", "age", "measure", "percent"})
_KIND_PRIORITY: Final = {"name": 0, "date": 0, "decade": 1, "fraction": 2, "money": 3, "ordinal": 5, "vague": 6}


@dataclass(slots=True, init=False)
class _Candidate:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    scale: str | None
    vague: bool
    role: str | None
    order: int  # the extractor's place in _EXTRACTORS: breaks ties between equal candidates

    def __init__(  # noqa: PLR0917 - every field, in its order
        self,
        start: int,
        end: int,
        kind: str,
        value: float | None,
        unit: str | None = None,
        scale: str | None = None,
        vague: bool = False,
        role: str | None = None,
        order: int = 0,
    ) -> None:
        """Written out rather than made by `dataclass`: the compiled build (mypyc) runs the one
        `dataclass` writes as Python code, where this one is compiled (about eight times faster
        there; the same in pure Python). The parser makes one per match of an extractor."""
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.unit = unit
        self.scale = scale
        self.vague = vague
        self.role = role
        self.order = order


def find_figures(text: str, *, cleaned: bool = False) -> list[Figure]:
    """Every figure in `text`, in text order, with its qualifier folded into `text`.

    Terminal escapes, control and invisible characters (what `summarizer.text.clean_text` removes)
    are read as if absent, so "\x1b[31m" is no figure and "£480\u200bm" is one; the positions and
    `text` of each figure still refer to the text given, hidden characters included. `cleaned`:
    the text comes from `clean_text`, so it has none, and the search for them is skipped.
    """
    if cleaned or not _may_hide(text) or patterns.HIDDEN_START_RE.search(text) is None:
        return _figures(text)
    visible, origin = _without_hidden(text)
    found = []
    for figure in _figures(visible):
        start, end = origin[figure.start], origin[figure.end - 1] + 1
        found.append(replace(figure, text=text[start:end], start=start, end=end))
    return found


def _may_hide(text: str) -> bool:
    """False when `text` holds no character that HIDDEN_START_RE finds, told by tests that cost a
    fraction of its search: in ASCII text those are control characters, which the bytes'
    `translate` drops; every one of them is unprintable (tests/test_figures.py checks both), so a
    text that is printable but for its tabs and line breaks holds none."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _ASCII_HIDDEN)) != len(raw)
    return not text.replace("\n", " ").replace("\t", " ").replace("\r", " ").isprintable()


# The ASCII characters that HIDDEN_START_RE finds.
_ASCII_HIDDEN: Final = bytes(code for code in range(128) if patterns.HIDDEN_START_RE.match(chr(code)))


def _figures(text: str) -> list[Figure]:
    if not text.isascii() and any(letter in text for letter in _LOOKALIKE_LETTERS):
        # Letters that `re`'s case-free matching takes for ASCII ones ("bıllıon", "leſſ than") are read
        # as those letters, so no word table meets a spelling it does not hold; `text` stays as given.
        return [replace(figure, text=text[figure.start : figure.end]) for figure in _read(text.translate(_LOOKALIKES))]
    return _read(text)


# The non-ASCII letters that case-free matching pairs with ASCII ones: dotless i, dotted capital I,
# long s and the Kelvin sign. Each stands for one letter, so positions do not move.
_LOOKALIKES: Final = str.maketrans({"\u0131": "i", "\u0130": "I", "\u017f": "s", "\u212a": "K"})
# Four substring tests, not a regex character class: `in` finds a character with a fast memory
# search, where the regex engine tests every character of the text against the class.
_LOOKALIKE_LETTERS: Final = "\u0131\u0130\u017f\u212a"


def _read(text: str) -> list[Figure]:
    candidates = _with_range_units(text, _without_overlaps(len(text), _candidates(text)))
    if _OF_AN_AMOUNT in text:
        candidates = _with_fractions_of_amounts(text, candidates)
    if "sec" in text or "min" in text or "month" in text:
        candidates = _with_compound_times(text, candidates)
    if any(text.startswith("h", candidate.end) for candidate in candidates):  # "6h": read at the numbers only
        candidates = _with_short_times(text, candidates)
    if ":" in text or "oon" in text or "idnight" in text or "idday" in text:
        candidates = _with_clock_times(text, candidates)
    if any(candidate.kind == "date" for candidate in candidates):
        candidates = _with_listed_days(text, candidates)
    return [_with_qualifier(text, candidate) for candidate in candidates]


def _with_listed_days(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Give days listed beside a date its month (and year): "on 14 and 15 March" is 14 March and 15
    March, "between 3 and 5 June" 3 June, "March 14 and 15" March 15; read alone, the bare day was
    a count of nothing."""
    for at, date in enumerate(candidates):
        if date.kind != "date" or date.value is None or date.value % 100 == 0:
            continue
        month = date.value - date.value % 100  # (with the year, where the date has one)
        # days listed after a date only where the month leads it ("March 14 and 15"): after "15
        # March" a number is mostly a count of its own ("died on 3 May and 12 were hurt")
        steps = (-1, 1) if text[date.start : date.start + 1].isalpha() else (-1,)
        for step in steps:
            i, near = at + step, date
            while 0 <= i < len(candidates) and _a_listed_day(text, candidates[i], near, step):
                day = candidates[i]
                assert day.value is not None
                candidates[i] = replace(day, kind="date", unit="date", value=month + day.value)
                near, i = candidates[i], i + step
    return candidates


def _a_listed_day(text: str, day: _Candidate, near: _Candidate, step: int) -> bool:
    """Whether `day` is a bare day of the month listed right before (`step` -1) or after `near`."""
    if day.kind != "count" or day.scale is not None or day.vague or day.value is None:
        return False
    if day.value != int(day.value) or not 1 <= day.value <= _LAST_DAY or not text[day.start : day.end].isdigit():
        return False
    low, high = (day.end, near.start) if step < 0 else (near.end, day.start)
    return _DAY_LIST_RE.fullmatch(text, low, high) is not None


_LAST_DAY: Final = 31
_DAY_LIST_RE: Final = re.compile(r"\s*,\s*|,?\s+(?:and|or|to)\s+|\s*[-\u2013]\s*")


# "16:25", "9:30 p.m.": an hour and its minutes, after a word that leads a time ("began at 16:25", "by
# 09:30"); not "won in 2:08:35" (a race time), "ran 3:59.4", "a 3:1 ratio", nor a dateline's "6:18 AM".
_COLON_TIME_RE: Final = re.compile(
    r"(?<![\w:.,])([01]?\d|2[0-3]):([0-5]\d)(?![\d:]|\.\d)(?:\s?(?:(?P<half>[ap])\.\s?m\b\.?|(?P<half_short>[ap])m\b))?",
    re.IGNORECASE,
)


# "at noon", "by midnight": the two hours named by a word, after a word that leads a time (not "the
# noon deadline").
_NAMED_HOUR_RE: Final = re.compile(r"\b(?:(noon|midday)|midnight)\b", re.IGNORECASE)


def _with_clock_times(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Read "at 16:25", "by 9:30pm" and "at noon" as times of day (kind "time", hours after midnight)."""
    times = [
        _Candidate(found.start(), found.end(), "time", float(_HOURS_ON_A_CLOCK if found.group(1) else 0), unit=None)
        for found in _NAMED_HOUR_RE.finditer(text)
        if _AT_AN_HOUR_RE.search(text, max(0, found.start() - 24), found.start())
    ]
    # where the times read so far end: "at 5.30am and 22:15" joins an hour to one told another way
    ends = [candidate.end for candidate in candidates if candidate.kind == "time"]
    previous_end = -1
    for found in _COLON_TIME_RE.finditer(text):
        before = bisect.bisect_right(ends, found.start())
        previous_end = max(previous_end, ends[before - 1] if before else -1)
        if not (
            _AT_AN_HOUR_RE.search(text, max(0, found.start() - 24), found.start())
            or _in_a_pair_of_hours(text, found, previous_end)
        ):
            continue
        hour, minutes = int(found.group(1)), int(found.group(2))
        half = found.group("half") or found.group("half_short")
        if half:
            if not 0 < hour <= _HOURS_ON_A_CLOCK:
                continue  # "16:25pm" is no time
            hour = _on_the_24_hour_clock(hour, half)
        times.append(_Candidate(found.start(), found.end(), "time", hour + minutes / _MINUTES, unit=None))
        previous_end = found.end()
    if not times:
        return candidates
    return _in_place_of(candidates, times)


# What joins two hours: "from 06:45 to 21:15", "at 05:30 and 22:40", "at 06:10 instead of 06:35".
_HOURS_JOINED_RE: Final = re.compile(
    r"\s*(?:to|and|or|until|till|then|instead\s+of|rather\s+than|[-\u2013\u2014])\s*", re.IGNORECASE
)
# An hour that opens a span to another: "open 08:00 to 18:30", "08:00-18:30".
_SPAN_TO_AN_HOUR_RE: Final = re.compile(
    r"\s*(?:to|until|till|[-\u2013])\s*(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:]|\.\d)", re.IGNORECASE
)


def _in_a_pair_of_hours(text: str, found: re.Match[str], previous_end: int) -> bool:
    """An hour read from the hour before it ("from 06:45 to 21:15": the second is a time too) or
    from the span it opens ("open 08:00-18:30", with no word that leads a time)."""
    joined = previous_end >= 0 and _HOURS_JOINED_RE.fullmatch(text, previous_end, found.start())
    return bool(joined or _SPAN_TO_AN_HOUR_RE.match(text, found.end()))


# "6h 12m", "2h 04m 51s": a time in hours, minutes and seconds written short, as race reports do.
_SHORT_TIME_RE: Final = re.compile(r"(?<![\w.,])(\d{1,3})h\s?(\d{1,2})m(?:\s?(\d{1,2})s)?(?![\w])")


def _with_short_times(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Read "6h 12m" as one time of 6.2 hours, in place of the count 6 and the 12 million its
    letters otherwise make."""
    times = [
        _Candidate(found.start(), found.end(), "duration", _hours(found), "hour")
        for found in _SHORT_TIME_RE.finditer(text)
    ]
    if not times:
        return candidates
    return _in_place_of(candidates, times)


def _in_place_of(candidates: list[_Candidate], times: list[_Candidate]) -> list[_Candidate]:
    """`times` in place of the candidates that start inside them, all in text order."""
    kept = [c for c in candidates if not any(t.start <= c.start < t.end for t in times)]
    return sorted([*kept, *times], key=lambda candidate: candidate.start)


def _hours(found: re.Match[str]) -> float:
    hours, minutes, seconds = (int(part) if part else 0 for part in found.groups())
    return hours + minutes / 60 + seconds / 3600


def _with_compound_times(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join a time told in two or three units into one duration in the largest: "2 minutes 48
    seconds" is 2.8 minutes, "an hour and 20 minutes" 1.33 hours, "four hours, 51 minutes and 9
    seconds" 4.85 hours, "four years and six months" 4.5 years (so "nearly three minutes" and "just
    over four hours" still compare in their own unit); read apart, each part was a duration of its
    own, and sums of parts met other figures by chance. Not a part that tells a time of its own:
    "won in 4 hours 12 minutes, 38 seconds ahead", "after 65 minutes and 30 seconds later", "12 hours
    and 30-minute breaks", "37.5 hours and 20 minutes of overtime" (a whole number of the larger
    unit only)."""
    joined: list[_Candidate] = []
    last_unit: str | None = None  # the unit of the last part joined into `joined[-1]`
    for candidate in candidates:
        whole = joined[-1] if joined else None
        if whole is not None and last_unit is not None and _joins(text, whole, last_unit, candidate):
            assert whole.value is not None
            assert candidate.value is not None
            value = whole.value + candidate.value / _TIME_FACTORS[whole.unit or ""][candidate.unit or ""]
            joined[-1] = replace(whole, end=candidate.end, value=value)
        else:
            joined.append(_with_one_before(text, candidate, whole.end if whole is not None else 0))
        last_unit = candidate.unit
    return joined


def _joins(text: str, whole: _Candidate, last_unit: str, part: _Candidate) -> bool:
    """Whether `part` goes on the time `whole` tells (`last_unit`: the unit of its last part)."""
    return (
        whole.kind == part.kind == "duration"
        and whole.value is not None
        and part.value is not None
        and whole.unit in _TIME_FACTORS
        and _SMALLER_UNIT.get(last_unit) == part.unit
        and (last_unit != whole.unit or whole.value == int(whole.value))
        and "-" not in text[part.start : part.end]
        and (joiner := _TIME_JOINER_RE.fullmatch(text, whole.end, part.start)) is not None
        # "2 minutes 14 seconds ahead" is one time; "4 hours 12 minutes, 38 seconds ahead" two
        and (joiner.group().isspace() or _TIME_OF_ITS_OWN_RE.match(text, part.end) is None)
    )


def _with_one_before(text: str, part: _Candidate, floor: int) -> _Candidate:
    """ "an hour and 20 minutes", "a minute and 10 seconds": the larger unit told as "a" or "an",
    which is no figure of its own. Never back past `floor`, the end of the figure before ("half an
    hour and 20 minutes" keeps "half an hour")."""
    if part.kind != "duration" or part.value is None or part.unit not in _LARGER_UNIT:
        return part
    one = _ONE_LARGER_RE.search(text, max(floor, part.start - _ONE_LARGER_REACH), part.start)
    larger = _LARGER_UNIT[part.unit or ""]
    if one is None or one.group("unit").lower() != larger:
        return part
    if floor and not text[floor : one.start()].strip():
        return part  # "£40,000 a year and six months of leave": the figure's period, no time of its own
    return replace(part, start=one.start(), value=1 + part.value / _TIME_FACTORS[larger][part.unit or ""], unit=larger)


# Hours are told on in minutes, minutes in seconds ("4 hours 12 minutes", "2 minutes 48 seconds"):
# one chain of units, largest first, with the seconds in each.
_TIME_CHAIN: Final = (("hour", 3600.0), ("minute", 60.0), ("second", 1.0))
# Years are told on in months ("four years and six months"), a chain of their own.
_SMALLER_UNIT: Final = {
    **{larger: smaller for (larger, _), (smaller, _) in itertools.pairwise(_TIME_CHAIN)},
    "year": "month",
}
_LARGER_UNIT: Final = {smaller: larger for larger, smaller in _SMALLER_UNIT.items()}
_TIME_FACTORS: Final = {
    **{
        larger: {smaller: big / small for smaller, small in _TIME_CHAIN if small < big}
        for larger, big in _TIME_CHAIN[:-1]
    },
    "year": {"month": 12.0},
}
_TIME_JOINER_RE: Final = re.compile(r",?\s+(?:and\s+)?")
# After a part: words that make it a time of its own ("38 seconds ahead", "30 seconds later").
_TIME_OF_ITS_OWN_RE: Final = re.compile(
    r"\s+(?:ahead|behind|clear|back|faster|slower|later|earlier|after|before|ago|off|short|longer|shorter)\b",
    re.IGNORECASE,
)
_ONE_LARGER_RE: Final = re.compile(r"\ban?\s+(?P<unit>hour|minute|year)\s+and\s+$", re.IGNORECASE)
_ONE_LARGER_REACH: Final = 20  # characters before a part read for "an hour and"


_OF_AN_AMOUNT: Final = " of a"  # between "a quarter" and "a million": texts without it skip the join


def _with_fractions_of_amounts(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Join a fraction to the amount it is a part of: "a quarter of a million" is 250,000, "two-thirds
    of a billion dollars" $667m; read apart, they were a share and "a million"."""
    joined: list[_Candidate] = []
    for candidate in candidates:
        part = joined[-1] if joined else None
        if (
            part is not None
            and part.kind == "fraction"
            and part.value is not None
            and candidate.kind in {"count", "money", "measure"}
            and candidate.value is not None
            and candidate.scale is not None
            and _FRACTION_OF_RE.fullmatch(text, part.end, candidate.start)
            and text.startswith(("a ", "A ", "an ", "An "), candidate.start)
        ):
            joined[-1] = replace(candidate, start=part.start, value=part.value / 100 * candidate.value)
        else:
            joined.append(candidate)
    return joined


_FRACTION_OF_RE: Final = re.compile(r"\s+of\s+")


def _without_hidden(text: str) -> tuple[str, list[int]]:
    """`text` without its hidden characters, and for each character left its position in `text`."""
    pieces: list[str] = []
    origin: list[int] = []
    kept = 0
    for hidden in patterns.HIDDEN_RE.finditer(text):
        pieces.append(text[kept : hidden.start()])
        origin.extend(range(kept, hidden.start()))
        kept = hidden.end()
    pieces.append(text[kept:])
    origin.extend(range(kept, len(text)))
    return "".join(pieces), origin


def _candidates(text: str) -> list[_Candidate]:
    """What every extractor reads, trying each only where a match of it can start.

    One scan of the (lower-cased) text finds the tokens where some extractor can start: runs of
    digits, currency signs and the words of `_STARTS`. Only those regexes are tried, with `match`
    at that token. Each extractor resumes after its last match, as `finditer` would, so the
    matches are the same as `finditer` over the whole text, without trying a dozen regexes at
    every character.
    """
    lowered = _lower_ascii(text)
    found: list[_Candidate] = []
    resume = [0] * len(_EXTRACTORS)
    for visit in _VISIT_RE.finditer(lowered):
        token = visit.group("token")
        if token is None:
            break  # the stretch after the last token
        position, after = visit.span("token")
        if token in lexicon.DECADE_LEADS:
            # "the" starts only "the previous decade" and its kin, and it is a tenth of all words: it
            # is visited from the word after it, which starts nothing itself.
            the = _the_before(lowered, position)
            if the is not None:
                _try(text, lowered, the, _STARTS["the"], resume=resume, found=found)
            continue
        if token[0].isdigit():
            # Only a letter or a hyphen glued to the digits can end a code's word ("m4", "covid-19").
            glued = lowered[position - 1 : position]
            word = _code_word_before(lowered, position) if glued == "-" or "a" <= glued <= "z" else None
            if word is not None:
                _try(text, lowered, word, (_ANY_NAME,), resume=resume, found=found)
            starts = _digit_starts(lowered, token, after)
        else:
            starts = _STARTS[token]
            # A word glued to digits may start a code ("m4"); a sign glued to them ("£4") never does.
            if token.isalpha() and len(token) <= _CODE_LETTERS and _is_glued_to_digits(lowered, after):
                starts = (*starts, _ANY_NAME)
        _try(text, lowered, (position, after), starts, resume=resume, found=found)
    return found


def _lower_ascii(text: str) -> str:
    """`text` with its ASCII letters lower-cased, one character for one.

    What the scan and the case-free regexes read: they tell apart no other letters by case (their
    letters are ASCII; a non-ASCII letter is a word character, or text between tokens, in either
    case), and the only letters that `str.lower` turns into ASCII ones ("İ", the Kelvin sign) were
    read as ASCII by `_figures`. `str.lower` goes character by character through the Unicode tables
    once a text holds one non-ASCII character ("£", "’"); lower-casing the UTF-8 bytes touches only
    ASCII ones (every byte of a longer character is above them) and costs a fraction of that.
    """
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _the_before(lowered: str, position: int) -> tuple[int, int] | None:
    """The span of the word "the" when it is the token before `position` (only text between tokens
    stands between them), else None."""
    end = position
    while end > 0 and _is_between(lowered[end - 1]):
        end -= 1
    start = end - 3
    if start < 0 or lowered[start:end] != "the" or (start > 0 and "a" <= lowered[start - 1] <= "z"):
        return None
    return start, end


def _is_between(char: str) -> bool:
    """Whether `char` lies between tokens: no letter a-z, digit or sign."""
    return not ("a" <= char <= "z" or char.isdecimal() or char in _SIGN_STARTS)


def _code_word_before(lowered: str, position: int) -> tuple[int, int] | None:
    """The span of a short word glued to the digits at `position`, making a code ("m" of "m4",
    "covid" of "covid-19"), when it is no token of `_STARTS` (those are visited for codes themselves)."""
    end = position - 1 if lowered[position - 1 : position] == "-" else position
    start = end
    while start > 0 and "a" <= lowered[start - 1] <= "z" and end - start <= _CODE_LETTERS:
        start -= 1
    if start == end or end - start > _CODE_LETTERS or lowered[start:end] in _STARTS:
        return None
    return start, end


def _is_glued_to_digits(lowered: str, after: int) -> bool:
    """Whether digits follow a word ending at `after`, directly or after a hyphen: "m4", "covid-19"."""
    char = lowered[after : after + 1]
    if char == "-":
        char = lowered[after + 1 : after + 2]
    return char.isdecimal()  # what `\d` matches


def _try(
    text: str,
    lowered: str,
    token: tuple[int, int],
    starts: tuple[_Start, ...],
    *,
    resume: list[int],
    found: list[_Candidate],
) -> None:
    """Try the extractors that can start at a token (its span in the text)."""
    position, after = token
    following = -1  # where the text after the token goes on, past white space: found when first needed
    for index, follow in starts:
        if position < resume[index]:
            continue
        if follow is not None:
            if following < 0:
                following = _past_spaces(lowered, after)
            if not lowered.startswith(follow, following):
                continue
        regex, on_lowered = _MATCHERS[index]
        match = regex.match(lowered if on_lowered else text, position)
        if match is None:
            continue
        resume[index] = match.end()
        candidate = _EXTRACTORS[index][1](text, match)
        if candidate is not None:
            candidate.order = index
            found.append(candidate)


def _past_spaces(lowered: str, position: int) -> int:
    """The position of the first character at or after `position` that is not white space."""
    size = len(lowered)
    while position < size and lowered[position].isspace():
        position += 1
    return position


def _digit_starts(lowered: str, digits: str, after: int) -> tuple[_Start, ...]:
    """The extractors that can start at a run of digits, judged by what follows it.

    Each test is implied by the extractor's regex: a date's day has at most two digits and is
    followed by a suffix ("3rd") or a space; an ordinal by its suffix; a ratio ("4 in 10") by a
    space and "in"/"out"; a decade ("1990s") ends in 0 and is followed by "s", "'s" or " s".
    """
    char = lowered[after : after + 1]
    if not char:
        return _NUMBER_ONLY
    spaced = char.isspace()
    suffix = lowered[after : after + 2] in _ORDINAL_SUFFIXES
    if not (spaced or suffix or char in "s'"):
        return _NUMBER_ONLY
    starts = [_ANY_NUMBER]
    if spaced:
        following = _past_spaces(lowered, after)
        if lowered.startswith(_RATIO_FOLLOWERS, following):  # "4 in 10", "4 out of 10"
            starts.append(_ANY_RATIO)
        if len(digits) <= 2 and lowered.startswith(_DAY_FOLLOWERS, following):  # "3 March", "3 of March"
            starts.append(_ANY_DATE)
        second = lowered[after + 1 : after + 2]
        if lowered[after + 1 : after + 3] in _ORDINAL_SUFFIXES:  # "3 rd" in tokenised text
            starts.append(_ANY_ORDINAL)
        if digits[-1] == "0" and second and second in "s'":  # "1990 s", "90 's"
            starts.append(_ANY_DECADE)
    elif suffix:
        starts.append(_ANY_ORDINAL)
        if len(digits) <= 2:
            starts.append(_ANY_DATE)
    if digits[-1] == "0" and char in "s'":  # "1990s", "1990's"
        starts.append(_ANY_DECADE)
    return tuple(starts)


def _without_overlaps(text_length: int, candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the most specific candidate where several cover the same characters.

    Read in text order, candidates fall into clusters: a run where each overlaps the stretch the
    run covers so far. Most candidates are a cluster of their own and are kept as they are. In a
    larger cluster the candidates are taken best first, and one is dropped if any of its
    characters is already taken (`_best_of`). No two clusters share a character, so deciding each
    on its own is the same as deciding all at once, and only overlapping candidates are ranked.
    """
    kept: list[_Candidate] = []
    cluster: list[_Candidate] = []
    cluster_end = 0
    occupied = bytearray(0)  # the characters taken so far, made when the first cluster needs it
    for candidate in sorted(candidates, key=_START_OF):
        if candidate.start < cluster_end:
            cluster.append(candidate)
            cluster_end = max(cluster_end, candidate.end)
            continue
        if len(cluster) > 1:
            occupied = occupied or bytearray(text_length)
            kept.extend(_best_of(cluster, occupied))
        else:
            kept.extend(cluster)
        cluster = [candidate]
        cluster_end = candidate.end
    if len(cluster) > 1:
        kept.extend(_best_of(cluster, occupied or bytearray(text_length)))
    else:
        kept.extend(cluster)
    return kept


def _best_of(cluster: list[_Candidate], occupied: bytearray) -> list[_Candidate]:
    """The candidates of one cluster that are kept, in text order: best first (`_KIND_PRIORITY`, then
    the longer), each unless one of its characters is already taken. The taken characters are
    marked in a byte map, so the check costs the candidate's length, not a comparison with every
    candidate taken."""
    ranked = sorted(cluster, key=lambda c: (_KIND_PRIORITY.get(c.kind, 4), c.start - c.end, c.start, c.order))
    taken: list[_Candidate] = []
    for candidate in ranked:
        start, end = candidate.start, candidate.end
        if occupied.find(1, start, end) != -1:
            continue
        taken.append(candidate)
        occupied[start:end] = _TAKEN * (end - start)
    taken.sort(key=_START_OF)
    return taken


_START_OF: Final = attrgetter("start")
_TAKEN: Final = b"\x01"


def _with_range_units(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Give the bare end of a range or change the unit of its other end: "between 10 and 15 years" ->
    10 years, "25 minutes instead of 40" -> 40 minutes.

    English states the unit once per range; read without it, the bare end is a plain count, which
    never matches the article's "10 years" (nor "six hours" its "12 hours" in "from six hours to 12").
    """
    for i in range(len(candidates) - 1):
        low, high = candidates[i], candidates[i + 1]
        if low.kind == high.kind or (low.kind != "count" and high.kind != "count"):
            continue  # a bare end is a count, beside an end of a kind with a unit
        if (
            _is_bare(high)
            and _has_range_unit(low)
            and _is_range_up_to_bare(text, low, high)
            and not _level_after(text, low, high)
        ):
            candidates[i + 1] = replace(high, kind=low.kind, unit=low.unit)
        elif _is_bare(low) and _has_range_unit(high) and _is_range_down_to_bare(text, low, high):
            candidates[i] = replace(low, kind=high.kind, unit=high.unit)
        elif _bare_in_its_scale(high, low) and _is_range_up_to_bare(text, low, high):
            # "climbed to 1.42 billion rand from 1.18 billion": the currency goes back to the start too
            candidates[i + 1] = replace(high, kind=low.kind, unit=low.unit)
    return candidates


def _bare_in_its_scale(bare: _Candidate, amount: _Candidate) -> bool:
    """Whether a count in a scale ("1.18 billion") is the other end of an amount of money told in
    the same scale ("1.42 billion rand"), its currency left unsaid."""
    return (
        amount.kind == "money"
        and amount.scale is not None
        and bare.kind == "count"
        and bare.scale == amount.scale
        and not bare.vague
        and bare.value is not None
    )


def _level_after(text: str, low: _Candidate, high: _Candidate) -> bool:
    """Whether a bare figure after a percentage or a span is a level of its own, not the other end of
    the range or change: "rose 6% to 18,420" (a share is no more than 100 when its unit is left
    unsaid); "58,000 visited the fair over the four days, up from 49,000" (a span that says when)."""
    if low.kind == "percent":
        # ... and "fell 2.5% to 78": a change's size, then the level it reached (not "from 5% to 7")
        sized = _CHANGE_SIZE_BEFORE_RE.search(text, max(0, low.start - _SPAN_WHEN_REACH), low.start) is not None
        return sized or (high.value is not None and high.value > _MOST_PERCENT)
    return (
        low.kind == "duration"
        and _SPAN_WHEN_RE.search(text, max(0, low.start - _SPAN_WHEN_REACH), low.start) is not None
    )


# "over the five days", "during the two weeks": a span that says when something was counted
_SPAN_WHEN_RE: Final = re.compile(r"\b(?:over|during|across|throughout)\s+(?:the|those|these)\s+$", re.IGNORECASE)
_SPAN_WHEN_REACH: Final = 24
_CHANGE_SIZE_BEFORE_RE: Final = re.compile(
    r"\b(?:rose|rise[sn]?|fell|fall(?:s|en)?|grew|grow(?:s|n)?|dropped|drops?|climbed|climbs?|slipped|slips?"
    r"|jumped|jumps?|increased|decreased|declined|gained|lost|up|down)\s+(?:by\s+)?"
    r"(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|just\s+)?$",
    re.IGNORECASE,
)


_MOST_PERCENT: Final = 100


def _is_bare(candidate: _Candidate) -> bool:
    return candidate.kind == "count" and candidate.scale is None and not candidate.vague


def _has_range_unit(candidate: _Candidate) -> bool:
    return candidate.kind in _RANGE_KINDS and candidate.scale is None and candidate.value is not None


def _is_range_up_to_bare(text: str, low: _Candidate, high: _Candidate) -> bool:
    """ "from six hours to 12", "5% to 7", "38 minutes, down from 52": the unit goes forward, unless
    the bare end counts something of its own ("from six hours to 12 people", "five years to 3 of the men")."""
    linked = patterns.RANGE_TO_RE.fullmatch(text, low.end, high.start)
    if linked is None:
        change = patterns.CHANGE_LINK_RE.fullmatch(text, low.end, high.start)
        # a plain "from" only after a level reached: "fell to 38 minutes from 52" (not "up 6.3% from 576,100")
        plain_after_level = patterns.TO_BEFORE_RE.search(text, max(0, low.start - 20), low.start)
        linked = None if change is None or (change.group("plain") and not plain_after_level) else change
    if linked is None and not _figure_before(text, low.start):
        # (only for the first figure of its clause: in "1,340 patients waited more than 12 hours in
        # June, up from 1,105" the change is the patients', not the hours')
        linked = patterns.COMPLEMENT_CHANGE_LINK_RE.fullmatch(text, low.end, high.start)
    if linked is None or patterns.OF_AFTER_RE.match(text, high.end):
        return False
    return patterns.PHRASE_END_RE.match(text, high.end) is not None


def _figure_before(text: str, start: int) -> bool:
    """Whether a digit stands before `start` in its clause (read back to the last full stop, comma,
    semicolon, colon, dash or "and", and no further than `_CLAUSE_REACH` characters: a clause of a
    long run is not read again for each of its figures). A year's digits are no figure: "In 2025
    homes took 67 days to sell, up from 41"."""
    reach = max(0, start - _CLAUSE_REACH)
    opening = max(reach - 1, *(text.rfind(mark, reach, start) for mark in _CLAUSE_MARKS))
    return _DIGIT_RE.search(text, opening + 1, start) is not None


_DIGIT_RE: Final = re.compile(r"(?<!\d)(?!(?:1[89]|20)\d\d(?!\d))\d")  # a digit that starts no year
_CLAUSE_MARKS: Final = (". ", ", ", "; ", ": ", " and ", " - ", " \u2013 ", " \u2014 ")  # (a dateline's dash too)
_CLAUSE_REACH: Final = 160


def _is_range_down_to_bare(text: str, low: _Candidate, high: _Candidate) -> bool:
    """ "10 to 15 years", "10-15 years", "between 10 and 15 years": the unit goes back."""
    if patterns.RANGE_TO_RE.fullmatch(text, low.end, high.start):
        return True
    if patterns.RANGE_DASH_RE.fullmatch(text, low.end, high.start):
        # "10-15 years", not "won 3-1 in 90 minutes" (no unit there) nor "two-15": digits only.
        return text[low.start : low.end].isdigit() and text[high.start : high.start + 1].isdigit()
    return bool(patterns.RANGE_AND_RE.fullmatch(text, low.end, high.start) and _is_after_between(text, low.start))


def _is_after_between(text: str, position: int) -> bool:
    return patterns.BETWEEN_BEFORE_RE.search(text[max(0, position - 10) : position]) is not None


def _with_qualifier(text: str, candidate: _Candidate) -> Figure:
    start = candidate.start
    qualifier = None
    value = candidate.value
    # "-0.3%", "−12C", "minus 2.5%": below zero (a dash after a number is a range or a score).
    if candidate.kind in _SIGNED_KINDS and value is not None and start:
        sign = patterns.MINUS_BEFORE_RE.search(text, max(0, start - 7), start)
        if sign is not None:
            value, start = -value, sign.start("sign")
    # Dates and ordinals take no qualifier: "over 3 March" is not "more than".
    if candidate.kind not in _NO_QUALIFIER_KINDS:
        before = text[max(0, start - 24) : start]
        # The qualifier regex runs only when the word before is the last word of some qualifier.
        if _last_word(before).lower() in lexicon.QUALIFIER_ENDS:
            # No qualifier is longer than the longest one (give or take a few doubled spaces): the
            # search starts where that one would.
            reach = len(before.rstrip()) - _LONGEST_QUALIFIER - _EXTRA_SPACES
            match = _QUALIFIER_BEFORE.search(before.lower(), max(0, reach))
            # The phrase with its spaces read as one ("more  than"): it starts and ends with a word.
            phrase = " ".join(match.group("q").split()) if match else ""
            if match and not _moved_up(before, match, phrase, text, candidate.end):
                qualifier = lexicon.QUALIFIERS[phrase]
                start -= len(before) - match.start("q")
    return _figure(
        text[start : candidate.end],
        start,
        candidate.end,
        "count" if candidate.kind == "vague" else candidate.kind,
        value,
        candidate.unit,
        candidate.scale,
        qualifier,
        candidate.vague,
        candidate.role,
    )


def _figure(  # noqa: PLR0917 - every field of a Figure, in its order
    text: str,
    start: int,
    end: int,
    kind: str,
    value: float | None,
    unit: str | None,
    scale: str | None,
    qualifier: str | None,
    vague: bool,
    role: str | None,
) -> Figure:
    """`Figure(text, start, ..., role)`, built in half the time: a frozen dataclass's `__init__`
    sets each field with a call of `object.__setattr__`, where this sets each slot through its
    descriptor. The same object, just as frozen after; the parser builds tens per article."""
    figure = _NEW(Figure)
    _SET_TEXT(figure, text)
    _SET_START(figure, start)
    _SET_END(figure, end)
    _SET_KIND(figure, kind)
    _SET_VALUE(figure, value)
    _SET_UNIT(figure, unit)
    _SET_SCALE(figure, scale)
    _SET_QUALIFIER(figure, qualifier)
    _SET_VAGUE(figure, vague)
    _SET_ROLE(figure, role)
    return figure


# `Figure.__new__` is `object.__new__` for the Python class; compiled by mypyc (the opt-in build),
# Figure has its own, and refuses `object.__new__`.
_NEW: Final = Figure.__new__
# The slots' setters, by field name (tests/test_figures.py checks that `_figure`
# takes every field of `Figure`).
(
    _SET_TEXT,
    _SET_START,
    _SET_END,
    _SET_KIND,
    _SET_VALUE,
    _SET_UNIT,
    _SET_SCALE,
    _SET_QUALIFIER,
    _SET_VAGUE,
    _SET_ROLE,
) = (
    getattr(Figure, name).__set__
    for name in ("text", "start", "end", "kind", "value", "unit", "scale", "qualifier", "vague", "role")
)


def _moved_up(before: str, match: re.Match[str], phrase: str, text: str, end: int) -> bool:
    """Whether the qualifier found (`phrase`, its spaces read as one) is the "up to" of a verb of
    moving ("edged up to 3%") or of a change told with its start ("thefts were up to 388 from 245")."""
    if phrase != "up to":
        return False
    return _last_word(before[: match.start("q")]).lower() in lexicon.MOVED_UP or bool(_FROM_START_RE.match(text, end))


_FROM_START_RE: Final = re.compile(r"\s+from\s+(?:an?\s+|the\s+)?[£$€]?\d")


def _last_word(before: str) -> str:
    """The run of ASCII letters that white space ends `before` with ("" if none): what the regex
    `([A-Za-z]+)\\s+$` would capture, without trying it at every position."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return ""
    return stripped[len(stripped.rstrip(_ASCII_LETTERS)) :]  # the letters `rstrip` takes off its end


# QUALIFIER_BEFORE_RE's case-sensitive twin, for the lower-cased text before a figure: the same
# match (see `_MATCHERS`; `_figures` has read "İ" as "I", so positions do not move), where the
# case-free regex enters every branch of its tree of words to test a letter.
_QUALIFIER_BEFORE: Final = re.compile(
    patterns.QUALIFIER_BEFORE_RE.pattern, patterns.QUALIFIER_BEFORE_RE.flags & ~re.IGNORECASE
)
_ASCII_LETTERS: Final = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LONGEST_QUALIFIER: Final = max(map(len, lexicon.QUALIFIERS))


def _date(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "3 March 2020", "March 3", "March 2020"."""
    month_word = match.group("m1") or match.group("m2") or match.group("m3")
    day = match.group("d1") or match.group("d2")
    year = match.group("y1") or match.group("y2") or match.group("y3")
    month = lexicon.MONTHS[month_word.lower()]
    # "may 5" in lower-cased text is usually the verb; only trust "May" with a capital or a year.
    if month_word.lower() in {"may", "mar", "jan", "sep", "dec"} and not (month_word[0].isupper() or year):
        return None
    day_value = int(day) if day else 0
    if day_value > 31:
        return None
    value = (int(year) if year else 0) * 10_000 + month * 100 + day_value
    return _Candidate(match.start(), match.end(), "date", float(value), unit="date")


def _decade(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "the 1990s", "the '80s", "90s"."""
    century = match.group("century")
    digit = match.group("tens") or match.group("short")
    base = int(century) * 100 if century else 1900
    # Bare "90s" reads as a decade of the 1900s; "20s" and "30s" are usually ages.
    if not century and match.group("tens") and int(digit) < 5:
        return None
    value = base + int(digit) * 10
    start = match.start()
    if not century and match.group("tens") and patterns.AGE_GROUP_BEFORE_RE.search(text, max(0, start - 6), start):
        return _Candidate(start, match.end(), "age", float(int(digit) * 10), unit="year")  # "the over-50s"
    if text[max(0, start - 4) : start].lower() == "the ":
        start -= 4
    return _Candidate(start, match.end(), "decade", float(value), unit="decade")


def _ratio(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "four in ten", "one out of every five"."""
    num = lexicon.small_value(match.group("num"))
    den = lexicon.small_value(match.group("den"))
    if not num or not den or num > den or _year_after_in(match, num):
        return None
    return _Candidate(match.start(), match.end(), "fraction", 100.0 * num / den, unit="%")


def _year_after_in(match: re.Match[str], num: float) -> bool:
    """ "Dropped by 578 in 2023": a count and the year it belongs to, not 578 in every 2,023; "retired
    at 58 in 1742" too (an older year, not a round hundred, after anything but one: "1 in 1500 births"
    and "3 in 1000 homes" are ratios)."""
    den = match.group("den")
    if not den.isdigit() or len(den) != _YEAR_LENGTH or "out" in match.group(0).lower():
        return False
    year = int(den)
    return _MODERN_YEARS[0] <= year <= _MODERN_YEARS[1] or (year >= _OLDEST_YEAR and num != 1 and year % 100 != 0)


_MODERN_YEARS: Final = (1800, 2099)
_OLDEST_YEAR: Final = 1000


def _fraction_word(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "a third of", "two-thirds", "half of"."""
    if not _is_numeric_fraction(text, match):
        return None
    if match.group("half"):
        value = 50.0
    else:
        numerator = (
            1.0 if match.group("num").lower() in {"a", "an"} else float(lexicon.UNITS[match.group("num").lower()])
        )
        value = 100.0 * numerator / lexicon.DENOMINATORS[match.group("den").lower()]
        if value > 100:
            return None
    return _Candidate(match.start(), match.end(), "fraction", value, unit="%")


def _is_numeric_fraction(text: str, match: re.Match[str]) -> bool:
    """Whether a fraction word is a share ("a third of voters") rather than a rank ("a third party")."""
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 12]
    if patterns.ORDINAL_BEFORE_RE.search(before):
        # "the second half" of a match or a year is a period; "the second half of its £48m grant" is
        # a share of an amount, as "half of its £48m grant" is
        return bool(match.group("half")) and bool(_OF_AMOUNT_AFTER_RE.match(text, match.end()))
    if match.group("half"):
        if patterns.HALF_OF_UNIT_RE.match(text[match.end() : match.end() + 40]):
            return False  # "half a billion", "half an hour": one amount, read by _numbers
        return bool(
            patterns.FRACTION_CONTEXT_AFTER_RE.match(after) or patterns.FRACTION_CONTEXT_BEFORE_RE.search(before)
        )
    if match.group("den").lower() == "half" and patterns.AND_BEFORE_RE.search(before):
        return False  # "six and a half", "a week and a half": part of a number, read by _numbers
    plural = match.group("den").lower().endswith("s") and match.group("den").lower() != "halves"
    numerator = match.group("num").lower()
    if (plural and numerator not in {"a", "an", "one"}) or (numerator not in {"a", "an"} and "-" in match.group(0)):
        # "two-thirds", "three fifths"; "a one-third discount": a number joined to its part
        return True
    # "grew by a quarter in five years": a change's size
    change_size = patterns.BY_BEFORE_RE.search(before) and patterns.CHANGE_SIZE_AFTER_RE.match(after)
    return bool(change_size) or (
        bool(patterns.FRACTION_CONTEXT_AFTER_RE.match(after)) and not after.lstrip().startswith(("a ", "an "))
    )


_OF_AMOUNT_AFTER_RE: Final = re.compile(r"\s+of\s+(?:the|its|their|this|that)\s+(?:[A-Z]{2,3}\s?)?[£$€]\s?\d")


def _number(text: str, match: re.Match[str]) -> _Candidate | None:
    """Money, percentages, counts, durations, ages and measures: "$4.5bn", "12%", "two-year", "70mph"."""
    base = _base_value(match)
    if base is None:
        return None
    scale, percent, sign, currency_word, words = match.group("scale", "percent", "currency", "currency_word", "words")
    # Most numbers have no scale and no currency: the helpers are called only for those that do.
    scale_word, multiplier = _scale_of(scale) if scale else (None, 1.0)
    currency = _currency_of(sign, currency_word) if sign or currency_word else None
    value = base * multiplier
    start, end = match.span()
    if percent or currency:
        kind, unit = ("percent", "%") if percent else ("money", currency)
        return _Candidate(start, end, kind, value, unit=unit, scale=scale_word)
    if (
        scale
        and scale[0].isspace()
        and scale.strip().lower() in _LETTER_UNITS
        and _LETTER_UNIT_AFTER_RE.match(text, end)
    ):
        return _Candidate(start, end, "measure", base, unit=_LETTER_UNITS[scale.strip().lower()])
    if words and _is_bare_one(text, match):
        return None
    clock = _clock_after(text, start, end) if not scale and value < _HOURS_ON_A_CLOCK + 1 else None
    if clock:
        return _time_of_day(start, clock, value)
    return _plain_number(text, match, value, scale_word)


# A letter set apart from its number and with no currency is a unit, not a scale: "retreated 46 m",
# "a crop of 8,300 t" (metres, tonnes); "£46 m" and "46m" stay millions.
_LETTER_UNITS: Final = {"m": "metre", "t": "tonne"}
# ... where no noun follows, which it would count ("4.6 m users" are millions): the end of a clause, or a
# word that tells a measure's direction, place or time ("46 m high", "21 m in a year", "17 m a year earlier").
_LETTER_UNIT_AFTER_RE: Final = re.compile(
    r"\s*(?:$|[.,;:!?()\-\u2013\u2014]|(?:long|high|deep|tall|wide|away|above|below|in|on|at|from|to|a|an|per"
    r"|and|or|than|while|last|this|over|since|up|down|higher|lower|deeper|longer|shorter|taller)\b)"
)


# A time of day ("3am", "10.30pm", "4 p.m.", "six o'clock", "three o'clock in the morning") counts
# nothing: kind "time", never a count of three or of six.
_CLOCK_AFTER_RE: Final = re.compile(
    r"\s?(?:(?P<half>[ap])\.\s?m\b\.?|(?P<half_short>[ap])m\b"
    r"|o['’]clock\b(?:\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b)?)",
    re.IGNORECASE,
)
# An hour told by its part of the day ("at three in the morning", "by 11 at night"), after a word that
# leads a time (not "sold 3 in the morning session").
_DAY_PART_RE: Final = re.compile(
    r"\s+(?:in\s+the\s+(?P<part>morning|afternoon|evening)|at\s+(?P<night>night))\b", re.IGNORECASE
)
_AT_AN_HOUR_RE: Final = re.compile(
    r"\b(?:at|by|until|till|before|after|from|around|between)\s+(?:(?:about|around|roughly|just\s+\w+)\s+)?$",
    re.IGNORECASE,
)
# "from" or "by" after a verb of change leads a level or a change's size, not an hour: "grew from 5 in
# the morning to 40", "fell by 3 in the afternoon".
_CHANGED_BY_RE: Final = re.compile(
    r"\b(?:rise|rose|risen|grew|grow|grown|fell|fall|fallen|climb\w*|drop\w*|jump\w*|increas\w*|decreas\w*"
    r"|up|down)\s+(?:from|by)\s+(?:(?:about|around|roughly|just\s+\w+)\s+)?$",
    re.IGNORECASE,
)
_HOURS_ON_A_CLOCK: Final = 12
_MINUTES: Final = 60
_EVENING_FROM: Final = 6  # "11 at night" is 11pm, "2 at night" 2am


def _clock_after(text: str, start: int, end: int) -> re.Match[str] | None:
    """What makes the number before `end` an hour: "am", "p.m.", "o'clock", or a part of the day."""
    clock = _CLOCK_AFTER_RE.match(text, end)
    if clock is not None:
        return clock
    part = _DAY_PART_RE.match(text, end)
    if part is None or not _AT_AN_HOUR_RE.search(text, max(0, start - 24), start):
        return None
    return None if _CHANGED_BY_RE.search(text, max(0, start - 40), start) else part


def _half_of_day(clock: re.Match[str], hour: int) -> str | None:
    """ "a" or "p" for the half of the day the clock says ("in the evening": "p"); None for none."""
    told = clock.groupdict()
    half = told.get("half") or told.get("half_short")
    if half or not (told.get("part") or told.get("night")):
        return half
    if told.get("night"):
        return "p" if _EVENING_FROM <= hour < _HOURS_ON_A_CLOCK else "a"
    return "a" if told["part"].lower() == "morning" else "p"


def _on_the_24_hour_clock(hour: int, half: str) -> int:
    """An hour of "am" ("a") or "pm" ("p") after midnight: 12am is 0, 12pm 12, 4pm 16."""
    return hour % _HOURS_ON_A_CLOCK + (_HOURS_ON_A_CLOCK if half.lower() == "p" else 0)


def _time_of_day(start: int, clock: re.Match[str], value: float) -> _Candidate | None:
    """ "10.30pm" -> 22.5 (hours after midnight), "12.30am" -> 0.5. "Six o'clock", which does not
    say morning or evening, is no figure (it would be no time to compare with "6pm"), nor are
    "13pm" and "10.75pm"."""
    hour, minutes = divmod(round(value * 100), 100)
    half = _half_of_day(clock, hour)
    if half is None or minutes >= _MINUTES or not 0 < hour <= _HOURS_ON_A_CLOCK:
        return None
    hour = _on_the_24_hour_clock(hour, half)
    return _Candidate(start, clock.end(), "time", hour + minutes / _MINUTES, unit=None)


def _base_value(match: re.Match[str]) -> float | None:
    digits, words, and_half = match.group("digits", "words", "and_half")
    whole: float | None
    if digits:
        whole = lexicon.parse_digits(digits)
    elif words:
        whole = lexicon.parse_number_words(words)
    else:  # the regex's other two ways to start: "half a(n)" and "a"/"an" ("a million")
        return 0.5 if match.group("half") else 1.0
    if whole is None or not and_half:
        return whole
    return whole + lexicon.VULGAR_FRACTIONS.get(and_half.strip(), 0.5)


def _scale_of(raw: str | None) -> tuple[str | None, float]:
    if not raw:
        return None, 1.0
    word = raw.strip().lower()
    if word in lexicon.SUFFIX_SCALES:  # "m", "bn"
        name = lexicon.SUFFIX_SCALES[word]
        return name, lexicon.SCALES[name]
    # One word ("million") holds no break to split at.
    words = [word] if word.isalpha() else [w for w in lexicon.WORD_BREAK_RE.split(word) if w]
    multiplier = 1.0
    for word in words:
        multiplier *= 12.0 if word == "dozen" else lexicon.SCALES[word]
    return " ".join(words), multiplier


def _currency_of(sign: str | None, word: str | None) -> str | None:
    if sign:
        return lexicon.CURRENCY_SIGNS.get(sign.strip().lower())
    if not word:
        return None
    lowered = " ".join(word.lower().split())  # its spaces read as one, none at either end
    for nation, code in lexicon.DOLLAR_NATIONS.items():
        if lowered.startswith(nation + " ") and "dollar" in lowered:
            return code
    for name, code in lexicon.CURRENCY_WORDS.items():
        if name in lowered:
            return code
    return None


def _is_bare_one(text: str, match: re.Match[str]) -> bool:
    """Whether the match is a lone "one", which is a figure only in a numeric context."""
    words = match.group("words")
    if not words or words.lower() != "one" or match.group("scale") or match.group("percent") or match.group("and_half"):
        return False
    after = text[match.end() : match.end() + 12]
    before = text[max(0, match.start() - 8) : match.start()]
    if patterns.ONE_CONTEXT_AFTER_RE.match(after) or patterns.NUMBER_BEFORE_RE.search(before):
        return False
    range_end = patterns.RANGE_ONE_AFTER_RE.match(text, match.end())
    if range_end and (range_end.group("link").lower() == "to" or _is_after_between(text, match.start())):
        return False
    # "41 tourists and one guide": a count listed beside another count.
    return not patterns.LISTED_ONE_RE.search(text[max(0, match.start() - 40) : match.start()])


def _plain_number(text: str, match: re.Match[str], value: float, scale: str | None) -> _Candidate:
    start, end = match.start(), match.end()
    # What follows says what the number counts: an age, a time unit, a temperature or a measure.
    follows = patterns.AFTER_NUMBER_RE.match(text, end, end + 24)
    what = follows.lastgroup if follows else None
    span = _duration(text, match, value, scale, follows) if follows and what == "duration" else None
    if span is not None and span.unit in _INFANT_AGE_UNITS:
        return span  # "aged 14 months": an infant's age is a span, as "a 14-month-old" is
    age_or_magnitude = _age_or_magnitude(text, match, value, scale, follows if what == "age" else None)
    if age_or_magnitude:
        return age_or_magnitude
    if span is not None:
        return span
    if follows and what in ("temperature", "measure"):
        unit = "degree" if what == "temperature" else _measure_unit(follows.group("measure_unit") or "pence")
        return _Candidate(start, follows.end(), "measure", value, unit=unit, scale=scale)
    digits = match.group("digits")
    if digits and not scale and len(digits) == _YEAR_LENGTH and patterns.YEAR_DIGITS_RE.fullmatch(digits):
        return _Candidate(start, end, "year", value, unit=None)
    return _Candidate(start, end, "count", value, unit=None, scale=scale)


def _age_or_magnitude(
    text: str, match: re.Match[str], value: float, scale: str | None, years_old: re.Match[str] | None
) -> _Candidate | None:
    """An age ("77-year-old": `years_old` is what follows, "aged 77") or an earthquake's magnitude
    ("a 6.3 quake"), if the number is one."""
    start, end = match.start(), match.end()
    if years_old:
        return _Candidate(start, years_old.end(), "age", value, unit="year", scale=scale, role="age")
    if _is_age(text, match, value, scale):
        return _Candidate(start, end, "age", value, unit="year", scale=scale, role="age")
    # `_is_magnitude`'s first test, here: most numbers are no magnitude by their value alone
    if not scale and 0 < value <= _STRONGEST and _is_magnitude(text, match, value, scale):
        return _Candidate(start, end, "measure", value, unit="magnitude", role="magnitude")
    return None


def _is_age(text: str, match: re.Match[str], value: float, scale: str | None) -> bool:
    """ "aged 77", "at the age of 77", "died at 77", and "Tomas Berg, 77," (an age in apposition)."""
    start = match.start()
    # The regex runs only when the word before could end its phrase ("aged", "age", "age of", "died at").
    window = max(0, start - 16)
    if _last_word(text[window:start]).lower() in _AGE_WORDS and patterns.AGED_BEFORE_RE.search(text, window, start):
        return True
    digits = match.group("digits")
    if not digits or not digits.isdigit() or scale or not 0 < value <= _OLDEST:
        return False
    if text.startswith("s", match.end()) and patterns.AGE_GROUP_BEFORE_RE.search(text, max(0, start - 6), start):
        return True  # "under-16s"
    if text.startswith(",", match.end()):
        return bool(patterns.APPOSITION_BEFORE_RE.search(text, max(0, start - 40), start))
    # "Tomas Berg, 54, and Lena Holm, 31." closing a sentence: only after a full name, in a list that
    # has given an age the same way ("ahead of Harbour City, 91." is a score).
    return bool(
        text.startswith((".", ";"), match.end())  # what SENTENCE_END_RE starts with, tested without a call
        and patterns.SENTENCE_END_RE.match(text, match.end())
        and patterns.FULL_NAME_APPOSITION_BEFORE_RE.search(text, max(0, start - 60), start)
        and patterns.AGE_IN_LIST_BEFORE_RE.search(text, max(0, start - 160), start)
    )


def _is_magnitude(text: str, match: re.Match[str], value: float, scale: str | None) -> bool:
    """ "magnitude 6.3", "6.3-magnitude", "6.3 on the Richter scale", "a 6.3 quake" (not "6 quakes")."""
    if scale or not 0 < value <= _STRONGEST or not match.group("digits"):
        return False
    start, end = match.start(), match.end()
    if patterns.MAGNITUDE_AFTER_RE.match(text, end) or patterns.MAGNITUDE_BEFORE_RE.search(
        text, max(0, start - 14), start
    ):
        return True
    # "a 6.3 quake", "a 7 quake": a number that names the quake, not a count of quakes.
    return bool(
        patterns.MAGNITUDE_NOUN_AFTER_RE.match(text, end)
        and ("." in match.group("digits") or patterns.ARTICLE_BEFORE_RE.search(text, max(0, start - 4), start))
    )


_SIGNED_KINDS: Final = frozenset({"percent", "measure"})
_INFANT_AGE_UNITS: Final = frozenset({"day", "week", "month"})
_OLDEST: Final = 120
_EXTRA_SPACES: Final = 4
_AGE_WORDS: Final = frozenset({"aged", "age", "of", "at"})  # the last words of AGED_BEFORE_RE's phrases
_STRONGEST: Final = 10
_YEAR_LENGTH: Final = 4  # what YEAR_DIGITS_RE can match


def _duration(
    text: str, match: re.Match[str], value: float, scale: str | None, unit_after: re.Match[str]
) -> _Candidate:
    """A number of time units, with a trailing "and a half" ("three weeks and a half", "a month and a half")."""
    end = unit_after.end()
    unit = unit_after.group("time_unit").lower()
    unit = "century" if unit == "centuries" else lexicon.TIME_UNIT_ABBREVIATIONS.get(unit, unit)
    and_half = patterns.AND_A_HALF_AFTER_RE.match(text, end)
    if and_half:
        value, end = value + 0.5, and_half.end()
    if (match.group("half") or match.group("article")) and unit in lexicon.YEARS_IN:
        # "a decade" is read as 10 years (_decade_words), so "half a century" and "a decade and a
        # half" are read in years too: 50 and 15 years match the article's "50 years", "15 years".
        value, unit = value * lexicon.YEARS_IN[unit], "year"
    return _Candidate(match.start(), end, "duration", value, unit=unit, scale=scale)


def _measure_unit(raw: str) -> str:
    """A unit of measure as written after a number ("miles", "mph", "sq. km"), normalised."""
    if raw.isalpha():  # one word ("miles", "mph"): no space, dot or slash to read
        unit = raw.lower()
    else:
        unit = patterns.UNIT_SLASH_RE.sub("/", patterns.UNIT_SPACES_RE.sub(" ", raw.lower())).strip()
    return lexicon.MEASURE_UNITS.get(unit, unit)


def _digit_ordinal(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "3rd", "50th"."""
    return _ordinal(text, match, float(match.group("n")))


def _word_ordinal(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "third", "fiftieth"."""
    return _ordinal(text, match, float(lexicon.ORDINALS[match.group(0).lower()]))


def _ordinal(text: str, match: re.Match[str], value: float) -> _Candidate:
    """An ordinal; "the 60th anniversary" (or birthday, jubilee) counts years, so its role says so."""
    role = "anniversary" if patterns.ANNIVERSARY_AFTER_RE.match(text, match.end()) else None
    return _Candidate(match.start(), match.end(), "ordinal", value, role=role)


def _vague_amount(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "dozens", "hundreds", "tens of thousands", "several"."""
    plural = match.group("plural")
    if plural is None:
        return _Candidate(match.start(), match.end(), "vague", None, vague=True)
    if not patterns.VAGUE_OF_AFTER_RE.match(text, match.end()) and not _is_vague_amount(text, match.start(), plural):
        return None
    word = " ".join(plural.lower().split())  # "tens  of thousands": its spaces read as one
    value = {"dozens": 24.0, "scores": 40.0, "tens of thousands": 1e4}.get(word)
    if value is None:
        value = 2 * lexicon.SCALES[word.rstrip("s")]
    return _Candidate(match.start(), match.end(), "vague", value, vague=True)


def _is_vague_amount(text: str, start: int, plural: str) -> bool:
    """Whether a vague plural not followed by "of" or "more" is still an amount.

    "scores" without "of" is a verb or a noun ("she scores", "test scores"); a capitalised plural
    inside a sentence is a name ("the Dozens"), and so is one at the start of a sentence that a
    comma or another capitalised word follows ("Dozens, a bakery"). "Dozens were hurt" counts.
    """
    if plural.lower() == "scores":
        return False
    if not plural[0].isupper() or plural.isupper():
        return True
    if not patterns.SENTENCE_START_BEFORE_RE.search(text, max(0, start - 8), start):
        return False
    return patterns.NAME_AFTER_RE.match(text, start + len(plural)) is None


def _decade_word(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "a decade", "the past century": a duration in years."""
    years = 10.0 if match.group("unit").lower() == "decade" else 100.0
    return _Candidate(match.start(), match.end(), "duration", years, unit="year")


def _name(text: str, match: re.Match[str]) -> _Candidate | None:
    """Numbers that are part of a name ("Euro 2016", "M4"): kind "name", unit = the name, normalised."""
    role = None
    if match.group("top"):
        # "a top-six finish", "in the top 10": a rank bracket, matched only by the same bracket,
        # like "number one" (a count of six things would match any "six" in the article).
        # "the top three officials" counts officials, so a noun after the number leaves a count.
        if not _is_rank_bracket(text, match):
            return None
        raw = match.group("n4").lower()
        value = float(raw) if raw[:1].isdigit() else float(lexicon.parse_number_words(raw) or 0)
        name, role = f"top {value:g}", "rank"
    elif match.group("rank"):
        # "the world No. 3", "number five": a rank, matched only by the same rank; not "the number
        # six months later".
        if patterns.SPAN_AFTER_RE.match(text, match.end()) or _number_as_verb(text, match):
            return None
        raw = match.group("n3").lower()
        value = float(raw) if raw[:1].isdigit() else float(lexicon.parse_number_words(raw) or 0)
        name, role = f"number {value:g}", "rank"
    elif match.group("war") or match.group("alias"):
        # Other spellings of the same names: "Second World War", "WWII", "F1".
        alias = (match.group("war") or match.group("alias")).lower()
        name = lexicon.NAME_ALIASES[alias]
        value = float(name.rsplit(" ", 1)[1])
    elif match.group("code"):
        code = match.group("code").lower()
        if ("-" in code and code.split("-")[0] in lexicon.NOT_CODE_PREFIXES) or code in lexicon.FORMULAS:
            return None
        number = patterns.CODE_NUMBER_RE.search(code)
        value = float(number.group(0)) if number else 20.0
        name = code.replace("-", "")
    else:
        if match.group("prefix") and patterns.SPAN_AFTER_RE.match(text, match.end()):
            return None  # "the upper stage 14 minutes later": a span after a word, no "Stage 14"
        word = (match.group("prefix") or match.group("suffix")).lower()
        value = _name_number((match.group("n1") or match.group("n2")).lower())
        name = " ".join(word.split()) + f" {value:g}"
    return _Candidate(match.start(), match.end(), "name", value, unit=name, role=role)


def _name_number(raw: str) -> float:
    """The number of a numbered name: "tri", digits, a Roman numeral or a number word."""
    if raw == "tri":
        return 3.0
    if raw[:1].isdigit():
        return float(raw)
    if raw in lexicon.ROMAN:
        return float(lexicon.ROMAN[raw])
    return float(lexicon.UNITS.get(raw, 0))


def _number_as_verb(text: str, match: re.Match[str]) -> bool:
    """Whether "number" is the verb, not a rank: "their crews number 410 fishermen", "members now
    number 2,300": a plural subject right before it (or before "now"), a word after the count or
    digits that go on past a rank's three."""
    if match.group("rank") != "number" or not _NUMBER_SUBJECT_RE.search(
        text, max(0, match.start() - _SUBJECT_REACH), match.start()
    ):
        return False
    return bool(_WORD_AFTER_RE.match(text, match.end()) or _DIGITS_ON_RE.match(text, match.end()))


# A plural noun (four letters or more, not "-ss", not "this" or "perhaps") right before "number", or
# before "now"; a word right after its count, not a join to another number ("routes number 14 and 22")
_NUMBER_SUBJECT_RE: Final = re.compile(
    r"\b(?!(?i:this|thus|does|plus|perhaps|always|whereas|across|towards)\b)[A-Za-z][a-z]+[^s\W']s(?:\s+now)?\s+$"
)
_WORD_AFTER_RE: Final = re.compile(r"\s+(?!(?:and|then|plus)\b)[a-z]{3,}\b")
_SUBJECT_REACH: Final = 32  # characters before "number" read for its subject
_DIGITS_ON_RE: Final = re.compile(r",\d{3}\b")  # "number 2,300": the count goes on past the rank's three digits


def _is_rank_bracket(text: str, match: re.Match[str]) -> bool:
    """Whether "top N" is a rank ("a top-six finish", "in the top 10.") rather than N things ("top three officials")."""
    if "-" in match.group("top_sep") or "\u2013" in match.group("top_sep"):
        return True  # "top-six", "top-10": a compound adjective, always the rank
    return bool(patterns.PHRASE_END_RE.match(text, match.end()) or patterns.RANK_NOUN_RE.match(text, match.end()))


def _short_year(text: str, match: re.Match[str]) -> _Candidate | None:
    """ "'85" is the year 1985 ("'08" is 2008)."""
    yy = int(match.group("yy"))
    if 25 < yy < 40:
        return None  # "'30" to "'39": too often a title or an age, not a year
    return _Candidate(match.start(), match.end(), "year", float(2000 + yy if yy < 30 else 1900 + yy))


# --- where each extractor can start -------------------------------------------------------------

_Reader = Callable[[str, re.Match[str]], _Candidate | None]

# (regex, reader): the reader turns a match into a candidate, or None when the match is no figure.
# The order breaks ties between candidates of equal rank and length (an earlier extractor wins).
_EXTRACTORS: Final[tuple[tuple[re.Pattern[str], _Reader], ...]] = (
    (patterns.DATE_RE, _date),
    (patterns.DECADE_RE, _decade),
    (patterns.ORDINAL_DIGIT_RE, _digit_ordinal),
    (patterns.IN_RATIO_RE, _ratio),
    (patterns.FRACTION_RE, _fraction_word),
    (patterns.NUMBER_RE, _number),
    (patterns.ORDINAL_WORD_RE, _word_ordinal),
    (patterns.VAGUE_RE, _vague_amount),
    (patterns.DECADE_WORD_RE, _decade_word),
    (patterns.NAME_RE, _name),
    (patterns.SHORT_YEAR_RE, _short_year),
)
(
    _DATES,
    _DECADES,
    _DIGIT_ORDINALS,
    _RATIOS,
    _FRACTIONS,
    _NUMBERS,
    _WORD_ORDINALS,
    _VAGUE,
    _DECADE_WORDS,
    _NAMES,
    _SHORT_YEARS,
) = range(len(_EXTRACTORS))
# A case-insensitive regex matches a text where its case-sensitive twin matches the lower-cased text,
# as long as the text holds none of the three characters that the regex engine folds to a letter
# a-z but `str.lower` does not ("İ", "ı", "ſ"; every other character was checked): `_figures` reads
# those as ASCII letters first (`_LOOKALIKES`). The twin is cheaper, so the extractors whose readers
# never look at the case of what they read (not dates: "May"; not vague amounts: "Dozens"; not
# names: "No. 3") match the lower-cased text.
_Matcher = tuple[re.Pattern[str], bool]  # a regex, and whether it reads the lower-cased text
_CASE_FREE_READERS: Final = frozenset({_digit_ordinal, _ratio, _fraction_word, _number, _word_ordinal, _decade_word})
_MATCHERS: Final[tuple[_Matcher, ...]] = tuple(
    (re.compile(regex.pattern, regex.flags & ~re.IGNORECASE), True) if read in _CASE_FREE_READERS else (regex, False)
    for regex, read in _EXTRACTORS
)
# Words, lower-cased, at which each extractor can start (every first word of its regex).
_START_WORDS: Final[dict[int, frozenset[str]]] = {
    _DATES: lexicon.MONTH_WORDS,
    _RATIOS: lexicon.RATIO_START_WORDS,
    _FRACTIONS: lexicon.FRACTION_START_WORDS,
    _NUMBERS: lexicon.NUMBER_START_WORDS,
    _WORD_ORDINALS: lexicon.ORDINAL_WORDS,
    _VAGUE: lexicon.VAGUE_WORDS,
    _DECADE_WORDS: lexicon.DECADE_START_WORDS,
    _NAMES: lexicon.NAME_START_WORDS,
}
# An extractor, and what the text after the token (past white space) starts with where it can
# match (None: anything).
_Start = tuple[int, tuple[str, ...] | None]
_ANY_NUMBER: Final = (_NUMBERS, None)
_ANY_RATIO: Final = (_RATIOS, None)
_ANY_DATE: Final = (_DATES, None)
_ANY_ORDINAL: Final = (_DIGIT_ORDINALS, None)
_ANY_DECADE: Final = (_DECADES, None)
_ANY_NAME: Final = (_NAMES, None)
_NUMBER_ONLY: Final = (_ANY_NUMBER,)
_ORDINAL_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_DAY_FOLLOWERS: Final = (*lexicon.MONTHS, "of")  # "3 March", "3 of March"
_RATIO_FOLLOWERS: Final = ("in", "out")  # "4 in 10", "one out of five"
_NAME_NUMBER_FOLLOWERS: Final = (*"0123456789", *lexicon.UNITS, "i", "v")  # "euro 2016", "league two", "super bowl iv"


def _follow(index: int, word: str) -> tuple[str, ...] | None:
    """What the text after `word` (past white space) starts with where the extractor starts at it.

    Each is implied by the extractor's regex: "a decade", "the coming decade"; "a third", "two-thirds";
    "a hundred", "a month and a half", "a$5"; "one in ten"; "six nations", "world war two", "day 3".
    None where anything may follow. Whole words, not first letters: "a" is one word in twenty of
    news prose, and "a ferry", "a bridge" should try no regex.
    """
    if index == _NAMES:
        return _name_follow(word)
    if index == _DECADE_WORDS:
        return lexicon.DECADE_LEADS if word == "the" else ("decade", "century")
    small = word in lexicon.UNITS or word in {"a", "an"}
    follows = {
        _FRACTIONS: (*lexicon.DENOMINATORS, "-", "\u2013") if small else None,
        _NUMBERS: _ARTICLE_FOLLOWERS if word in {"a", "an"} else ("$",) if word in _SIGN_PREFIXES else None,
        _RATIOS: _RATIO_FOLLOWERS if word in lexicon.UNITS else None,
    }
    return follows.get(index)


# "a million", "an hour and a half", "a$5"
_ARTICLE_FOLLOWERS: Final = (*lexicon.SCALES, "dozen", *lexicon.TIME_UNITS, "$")


_SIGN_PREFIXES: Final = frozenset({"us", "au", "c", "ca", "nz", "hk", "s"})  # "US$", "C$", "S$"


# Name starts that anything may follow: "number one", "No. 5", "top-six", "WWII", "Twenty20", "S&P".
_NAME_ANYTHING_FOLLOWS: Final = frozenset({"number", "no", "top", "ww", "wwi", "wwii", "twenty", "s"})


def _name_follow(word: str) -> tuple[str, ...] | None:
    """What may follow a word that starts a name: "six nations", "first world war", "euro 2016"."""
    follows = set()
    if word in lexicon.UNITS or word == "tri":
        follows.add("nations")  # "six nations"
    if word in {"first", "second"}:
        follows.add("world")  # "first world war"
    for prefix in lexicon.NAME_PREFIXES:
        first, _, rest = prefix.partition(" ")
        if first == word:
            follows.update([rest] if rest else _NAME_NUMBER_FOLLOWERS)  # "world war", "euro 2016"
    other = word in _NAME_ANYTHING_FOLLOWS or word.startswith("number")
    return None if other or not follows else tuple(sorted(follows))


_SIGN_STARTS: Final[dict[str, tuple[_Start, ...]]] = {
    **dict.fromkeys("$£€¥₹#", _NUMBER_ONLY),
    "'": ((_DECADES, None), (_SHORT_YEARS, None)),
    "’": ((_SHORT_YEARS, None),),
}
_STARTS: Final[dict[str, tuple[_Start, ...]]] = {
    word: tuple(
        (index, _follow(index, word)) for index in range(len(_EXTRACTORS)) if word in _START_WORDS.get(index, ())
    )
    for word in frozenset().union(*_START_WORDS.values())
} | _SIGN_STARTS
_CODE_LETTERS: Final = 8  # "Covid-19": up to eight letters before the digits of a code
# The signs that start a figure, and what is neither a sign nor a letter a-z nor a digit: the text
# between tokens.
_SIGNS: Final = "".join(_SIGN_STARTS)
_BETWEEN: Final = rf"[^a-z\d{re.escape(_SIGNS)}]"
# A word where an extractor can start: a whole run of a-z from `_STARTS`, but for "the", and the words
# that may follow "the" in "the previous decade" (see `_candidates`).
_VISITED_WORDS: Final = [
    *(word for word in _STARTS if word not in _SIGN_STARTS and word != "the"),
    *lexicon.DECADE_LEADS,
]


def _followers(word: str) -> frozenset[str] | None:
    """What the text after a visited word starts with (past white space) where some extractor can
    start at it ("a" + "million", "third", "decade", "$"...; "past" + "decade"); None: anything."""
    if word in lexicon.DECADE_LEADS:
        return frozenset({"decade", "century"})  # "the previous decade"
    followers: set[str] = set()
    for _, follow in _STARTS[word]:
        if follow is None:
            return None
        followers.update(follow)
    return frozenset(followers)


# A word whose extractors all need one of a few words after it is a token only before one of them,
# or before digits (a code: "a4", see `_is_glued_to_digits`): "a" is one word in twenty of news
# prose, and "a survey" starts nothing. The regex engine tells, rather than a visit of each "a".
_LOOK_AHEADS: Final = {
    word: rf"(?=-?\d|\s*+(?:{patterns.alternation(follows)}))"
    for word in _VISITED_WORDS
    if (follows := _followers(word)) is not None
}
_START_WORD: Final = rf"(?:{patterns.alternation(_VISITED_WORDS, tails=_LOOK_AHEADS)})(?![a-z])"
# The letters that begin English words, the most frequent first ("the", "a", "of", "in", "said").
_FIRST_LETTERS: Final = "taoiswcbphfmdrelnguvyjkqxz"


def _other_word_start() -> str:
    """A regex for the first letter of a word that is no start word, one alternative per letter.

    The same test as "not `_START_WORD` here", cheaper for the regex engine: an alternation tries its
    branches in turn, and one that fails has tried them all, where one that matches stops at the
    first that does. So each letter has its own branch, the commonest first, holding the test of
    the rest of the word ("t" + not "hree", "wo", ...); a word, most often no start word, is passed
    after a few branches rather than after a failed test of every branch of `_START_WORD`.
    """
    branches = []
    for letter in _FIRST_LETTERS:
        rests = [word[1:] for word in _VISITED_WORDS if word[0] == letter]
        if rests:
            tails = {prefix[1:]: tail for prefix, tail in _LOOK_AHEADS.items() if prefix[0] == letter}
            branches.append(f"{letter}(?!{patterns.alternation(rests, tails=tails)}(?![a-z]))")
    no_start = "".join(letter for letter in _FIRST_LETTERS if all(word[0] != letter for word in _VISITED_WORDS))
    return f"(?:{'|'.join(branches)}|[{no_start}])"


# Skips whole stretches of other words and of the text between tokens inside the regex engine
# (possessive, so never re-reading them), then takes the next token where an extractor can start:
# a run of digits, a sign or a start word. At the end of the text it matches with no token, so that
# a text with none left is not searched again from every position.
_VISIT_RE: Final = re.compile(
    rf"{_BETWEEN}*+(?:{_other_word_start()}[a-z]*+{_BETWEEN}*+)*+"
    rf"(?:(?P<token>\d++|[{re.escape(_SIGNS)}]|{_START_WORD})|\Z)"
)
