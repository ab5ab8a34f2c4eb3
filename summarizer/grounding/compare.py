"""Comparing two figures: compatible kinds, units and currencies; equal values; rounding, bounds, vague amounts."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Mapping
from typing import Final

from summarizer.figures import Figure

from .rules import enabled

_GROUPS: Final = {
    "money": "money",
    "percent": "share",
    "fraction": "share",
    "date": "date",
    "decade": "decade",
    "name": "name",
    "ordinal": "ordinal",
    "measure": "measure",
    "time": "time",
}


def _group(figure: Figure) -> str:
    return _GROUPS.get(figure.kind, "number")


CALENDAR_KINDS: Final = frozenset({"year", "date", "decade"})


Traits = tuple[str, str | None, bool, bool, bool, bool, bool]


def traits(figure: Figure) -> Traits:
    """What decides which article figures are compatible with `figure` (its value aside).

    `compatible` reads nothing else of a figure: `compatible_traits` keeps its verdicts by these.
    """
    # The tests of `_is_bare_dollar`, `_is_bare_pounds` and `in_points`, written out: every article
    # figure is read here once per index, and most fail the first, cheap part of each.
    kind, unit, text = figure.kind, figure.unit, figure.text
    return (
        kind,
        unit,
        figure.scale is not None,
        ("$" in text or "dollar" in text) and _BARE_DOLLAR_RE.search(text) is not None,
        unit == "GBP" and figure.scale is None and _BARE_POUNDS_RE.search(text) is not None,
        kind == "percent" and _POINTS_RE.search(text) is not None,
        kind == "count" and _specific(figure),
    )


def _specific(figure: Figure) -> bool:
    """A number too precise to equal a measure's by chance: "33.5 million", "257,000", "41.3"."""
    value = figure.value
    return value is not None and not figure.vague and (abs(value) >= _SPECIFIC_FROM or not value.is_integer())


_SPECIFIC_FROM: Final = 1_000


_POINTS_RE: Final = re.compile(r"\bpoints?\b|\bpts?\b|\bpp\b", re.IGNORECASE)


def in_points(figure: Figure) -> bool:
    """ "0.4 percentage points": a difference of two percentages, never a percentage change."""
    return figure.kind == "percent" and _POINTS_RE.search(figure.text) is not None


def value_key(figure: Figure) -> float | None:
    """A figure's value rounded to nine significant digits, None for calendar figures (compared apart)."""
    value = figure.value
    if value is None or figure.kind in CALENDAR_KINDS:
        return None
    if value.is_integer() and -_EXACT_KEYS < value < _EXACT_KEYS:
        return value  # a whole number of at most nine digits is its own key: no formatting
    return float(f"{value:.9g}")


_EXACT_KEYS: Final = 1e9  # whole numbers below this have at most nine significant digits


_LOWER_BOUNDS: Final = frozenset({"more_than", "at_least"})


_UPPER_BOUNDS: Final = frozenset({"less_than", "up_to", "nearly"})


_APPROXIMATE: Final = frozenset({"about"})


DURATION_DAYS: Final = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
    "decade": 3650.0,
    "century": 36500.0,
}


_DIGITS_IN_TEXT_RE: Final = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def bound_of(qualifier: str | None) -> str:
    if qualifier in _LOWER_BOUNDS:
        return "lower"
    if qualifier in _UPPER_BOUNDS:
        return "upper"
    if qualifier in _APPROXIMATE:
        return "approx"
    return "exact"


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE)


_TOLERANCE: Final = 1e-9  # how far apart two values that are the same may be (floating point)


def granularity(figure: Figure) -> float:
    """The precision the summary states: "2.4 million" -> 100,000; "40,000" -> 10,000 when approximate."""
    if figure.value is None or figure.kind in {"year", "date", "decade", "ordinal", "time"}:
        return 0.0  # (a time of day is told to the minute it says: "5pm" rounds no "4.45pm")
    if figure.kind == "fraction" or is_compound_time(figure):
        # "a third", "four in ten" are approximate by nature: +-2.5 points
        return 5.0 if figure.kind == "fraction" else _compound_step(figure)
    match = _DIGITS_IN_TEXT_RE.search(figure.text)
    number = _number_part(figure)
    glyph = next((_VULGAR[char] for char in figure.text if char in _VULGAR), 0.0)
    multiplier = abs(figure.value) / (number + glyph) if number else 1.0
    if match is None or glyph:
        return _halved_to_fit(abs(figure.value), multiplier)  # in words: one unit of the stated scale
    decimals = len(match.group(1) or "")
    if decimals:
        return 10.0**-decimals * multiplier
    integer = match.group(0).replace(",", "")
    trailing_zeros = len(integer) - len(integer.rstrip("0"))
    approximate = figure.qualifier is not None or figure.scale is not None or float(integer) >= 1000
    if approximate and figure.kind != "percent" and integer.strip("0"):
        return 10.0**trailing_zeros * multiplier
    return multiplier


_VULGAR: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# A time told in two units or more ("2 minutes 48 seconds", "4min 35sec", "4 hours and 12 minutes").
_COMPOUND_TIME_RE: Final = re.compile(r"(?:h|hour|hours|hr|hrs|min|mins|minute|minutes)\b.*\d", re.IGNORECASE)
_SECONDS_RE: Final = re.compile(r"\d\s*(?:s|sec|secs|second|seconds)\b", re.IGNORECASE)


def is_compound_time(figure: Figure) -> bool:
    """Whether a duration is told in two units or more ("2 minutes 48 seconds", "4min 35sec")."""
    return figure.kind == "duration" and _COMPOUND_TIME_RE.search(figure.text) is not None


def _compound_step(figure: Figure) -> float:
    """A time told in two units is stated to its smaller one: "2 minutes 48 seconds" (2.8 minutes)
    to the second, "4 hours 12 minutes" (4.2 hours) to the minute."""
    return 1 / 3600 if figure.unit == "hour" and _SECONDS_RE.search(figure.text) else 1 / 60


def _halved_to_fit(value: float, step: float) -> float:
    """The step halved until the value is a whole number of steps: "two and a half years" is
    stated to the half year, "1¼ hours" to the quarter hour."""
    for _ in range(4):
        if math.isclose(value / step, round(value / step), abs_tol=1e-9):
            break
        step /= 2
    return step


def _number_part(figure: Figure) -> float | None:
    match = _DIGITS_IN_TEXT_RE.search(figure.text)
    return float(match.group(0).replace(",", "")) if match else None


def compatible(summary: Figure, article: Figure) -> bool:
    """Whether two figures measure the same kind of thing (value aside)."""
    s_group, a_group = _group(summary), _group(article)
    if s_group in _SPECIAL_GROUPS or a_group in _SPECIAL_GROUPS:
        return _special_compatible(summary, article)
    if s_group == a_group == "money":
        return _currencies_agree(summary, article)
    if (s_group, a_group) in _MONEY_AND_NUMBER:
        # "$5m" vs "5 million": a scaled count may stand for an amount of money and vice versa;
        # "14 pounds" may be a weight ("a 14 lb fish").
        plain, money = (article, summary) if a_group == "number" else (summary, article)
        return plain.kind == "count" and (plain.scale is not None or _is_bare_pounds(money))
    if (s_group, a_group) in _CALENDAR_AND_NUMBER:
        return (summary.kind, article.kind) in _YEAR_PAIRS
    if (summary.kind == "duration" or article.kind == "duration") and not _durations_compatible(summary, article):
        return False
    # A rise of 0.4% is not a rise of 0.4 points.
    points_apart = in_points(summary) != in_points(article) and enabled("points-not-percent")
    return s_group == a_group and not points_apart


def compatible_traits(summary: Figure, summary_traits: Traits, articles: Mapping[Traits, Figure]) -> set[Traits]:
    """The article traits, among `articles` (a figure for each), that are `compatible` with the
    summary figure, whose `traits` the caller has.

    The traits decide compatibility (with the switch of rule points-not-percent), so verdicts are
    kept by them: every new article's index asks about its trait combinations, and these are few and
    the same from article to article; only a combination not seen before is tested. The table holds
    kinds and units, never an article, and is emptied when full.
    """
    key = (summary_traits, enabled("points-not-percent"))
    known = _COMPATIBLE.get(key)
    if known is None or len(known[0]) >= _COMPATIBLE_KEPT:
        if len(_COMPATIBLE) >= _COMPATIBLE_KEPT:
            _COMPATIBLE.clear()
        known = _COMPATIBLE[key] = (set(), set())
    seen, fitting = known
    for article_traits in articles.keys() - seen:
        # The verdict goes in before the combination counts as seen: a thread that reads the table
        # meanwhile tests the combination itself rather than take it for incompatible.
        if compatible(summary, articles[article_traits]):
            fitting.add(article_traits)
        seen.add(article_traits)
    return articles.keys() & fitting


# By a summary figure's traits (and the switch): the article traits tested, and those found compatible.
_COMPATIBLE: Final[dict[tuple[Traits, bool], tuple[set[Traits], set[Traits]]]] = {}
_COMPATIBLE_KEPT: Final = 1_024


# Pairs of groups (or kinds) in either order, as tuples: tested without building sets.
_SPECIAL_GROUPS: Final = frozenset({"name", "ordinal", "measure"})
_MONEY_AND_NUMBER: Final = frozenset({("money", "number"), ("number", "money")})
_CALENDAR_AND_NUMBER: Final = frozenset(
    {("decade", "number"), ("number", "decade"), ("number", "date"), ("date", "number")}
)
_YEAR_PAIRS: Final = frozenset({("decade", "year"), ("year", "decade"), ("year", "date"), ("date", "year")})


def _durations_compatible(summary: Figure, article: Figure) -> bool:
    if summary.kind == article.kind:
        return summary.unit == article.unit  # "three years" is not "three months"
    if "age" in {summary.kind, article.kind}:
        span = summary if summary.kind == "duration" else article
        return span.unit in {None, "year"}  # an age is in years: "18 minutes late" is no driver of 18
    # "two cows" are not "two weeks"; "41.3" is the article's "41.3 years", told once with its unit
    return "count" not in {summary.kind, article.kind} or _unit_left_off(summary, article)


def _special_compatible(summary: Figure, article: Figure) -> bool:
    """Names, ranks and physical measures: each only with its own kind (and unit)."""
    if "measure" in {summary.kind, article.kind}:
        return _measures_compatible(summary, article)
    return _names_and_ranks_compatible(summary, article)


def _measures_compatible(summary: Figure, article: Figure) -> bool:
    """ "12 miles" only matches miles; "27 lbs" also the article's "27 pounds" (read as money)."""
    s_measure, a_measure = summary.kind == "measure", article.kind == "measure"
    if s_measure and a_measure:
        return summary.unit == article.unit
    measure, other = (summary, article) if s_measure else (article, summary)
    return (measure.unit == "lb" and _is_bare_pounds(other)) or _unit_left_off(summary, article)


def _unit_left_off(summary: Figure, article: Figure) -> bool:
    """A measure's unit, once told, is left off: "handled 33.5 million tonnes" and "its tonnage fell
    to 33.5 million", "from 187,000 to 159,000" and "159,000 tonnes". Only for a number too precise
    to be another's by chance (`_specific`): "12" may count anything, "12 miles" only miles."""
    plain = summary if summary.kind == "count" else article if article.kind == "count" else None
    return plain is not None and _specific(plain)


def _names_and_ranks_compatible(summary: Figure, article: Figure) -> bool:
    s_group, a_group = _group(summary), _group(article)
    if "name" in {s_group, a_group}:
        return summary.unit == article.unit  # "Euro 2016" only matches "Euro 2016"
    # "30th anniversary" may stand for "30 years", but a count is never read from "second".
    return s_group == a_group or (s_group == "ordinal" and a_group == "number")


def _currencies_agree(summary: Figure, article: Figure) -> bool:
    if summary.unit == article.unit:
        return True
    # A bare "$" may be any dollar: an Australian article writes "$" for AUD.
    dollars = {summary.unit or "", article.unit or ""}
    bare = _is_bare_dollar(summary) or _is_bare_dollar(article)
    return bare and all(code.endswith("D") for code in dollars)


_BARE_POUNDS_RE: Final = re.compile(r"\d\s*pounds?$", re.IGNORECASE)


_BARE_DOLLAR_RE: Final = re.compile(r"(?<![A-Za-z])\$|(?<![A-Za-z] )dollars?")


def _is_bare_pounds(figure: Figure) -> bool:
    return figure.unit == "GBP" and figure.scale is None and _BARE_POUNDS_RE.search(figure.text) is not None


def _is_bare_dollar(figure: Figure) -> bool:
    text = figure.text  # most figures have neither sign nor word: no search for them
    return ("$" in text or "dollar" in text) and _BARE_DOLLAR_RE.search(text) is not None


def values_equal(summary: Figure, article: Figure) -> bool:
    assert summary.value is not None
    assert article.value is not None
    if summary.kind == article.kind and summary.kind != "date":
        # the usual case, tested first: no calendar reading (`same`, written out: it runs for every rival)
        return math.isclose(summary.value, article.value, rel_tol=_TOLERANCE, abs_tol=_TOLERANCE)
    if summary.kind == "year" and article.kind == "date":
        return same(summary.value, article.value // 10_000)
    if summary.kind == "date" and article.kind == "year":
        # A bare year gives no month: "in January 2012" is not the article's "in 2012".
        return summary.value >= 10_000 and summary.value % 10_000 == 0 and same(summary.value // 10_000, article.value)
    if summary.kind != article.kind and (summary.kind == "decade" or article.kind == "decade"):
        decade, year = (summary.value, article.value) if summary.kind == "decade" else (article.value, summary.value)
        return decade <= year < decade + 10
    if summary.kind == "date":
        return _dates_agree(summary.value, article.value)
    return same(summary.value, article.value)


def _dates_agree(summary: float, article: float) -> bool:
    s_year, s_rest = divmod(int(summary), 10_000)
    a_year, a_rest = divmod(int(article), 10_000)
    s_month, s_day = divmod(s_rest, 100)
    a_month, a_day = divmod(a_rest, 100)
    return s_month == a_month and (s_day in {0, a_day}) and (s_year == 0 or a_year in (0, s_year))


def qualifier_conflict(summary: Figure, article: Figure) -> str | None:
    """Why the summary's qualifier contradicts the article's for an equal value, or None."""
    if summary.qualifier is None or article.qualifier is None:
        return None  # most figures: no bound on one side, so none turned round
    s_bound, a_bound = bound_of(summary.qualifier), bound_of(article.qualifier)
    if {s_bound, a_bound} == {"lower", "upper"} and enabled("qualifier-conflict"):
        return f"qualifier: the summary says '{summary.qualifier}', the article '{article.qualifier}'"
    return None


def worked_fits(figure: Figure, value: float) -> bool:
    """Whether a value worked out from other figures is the summary figure's, to the precision the
    figure states ("about £37m" for 37.2; "£320,000" for 320,000 exactly)."""
    assert figure.value is not None
    return same(value, figure.value) or rounds_to(figure, dataclasses.replace(figure, value=value, qualifier=None))


def rounds_to(summary: Figure, article: Figure) -> bool:
    """Whether the article's value, rounded to the summary's precision, gives the summary's.

    To the nearest step (rule nearest-rounding): 3.8 is "4", never "3"; 47.6% is "48%". A bound
    the value satisfies is a rounding too (rule bound-rounding): "more than 40" for 45.
    """
    assert summary.value is not None
    assert article.value is not None
    step = granularity(summary)
    if step <= 0:
        return False
    difference = article.value - summary.value
    verdict = _bounded_rounding(summary, article, difference)
    if verdict is not None:
        return verdict
    # (a round number a fifth or more off the value is no rounding of it: "roughly 200" is no 153,
    # though 153 is 200 to the nearest hundred)
    near = abs(difference) <= _ROUNDING_CAP * abs(summary.value) or summary.kind in {"percent", "fraction"}
    if (-step / 2 <= difference < step / 2 and near) or (
        difference < step and _truncation(summary, article, difference)
    ):
        return True
    # "more than 40" holds for an article's "45", but not for its "more than 50": that is another claim.
    return (
        enabled("bound-rounding")
        and bound_of(article.qualifier) in {"exact", "approx"}
        and _bound_satisfied(summary, article)
    )


# No rounding, bound or "nearly" reaches further from the summary's value than one step of its
# precision or this share of it: the article's figures outside are never compared (see index.near).
ROUNDING_REACH: Final = 0.12
FRACTION_BOUND_REACH: Final = 10.0  # points above a fraction's lower bound that it still tells
_TRUNCATION: Final = 0.125  # how far below the article's amount a headline's cut-off figure may fall
_ROUNDING_CAP: Final = 0.2  # of the summary's value, the furthest a value it rounds may lie


def _truncation(summary: Figure, article: Figure, difference: float) -> bool:
    """An amount cut to its leading digits ("$26M" for $26.5 million, "5K" for 5,600), within an
    eighth of the article's value; never a percentage (stated to the point: 47.6% is "48%") and
    never a cut that changes the leading digit's meaning ("$3bn" for $3.8bn is a fifth off)."""
    if not enabled("nearest-rounding"):
        return True
    assert article.value is not None
    # "About" rounds to the nearest step: "about £5bn" is no cut of £5.6bn, as "$26M" is of $26.5m.
    return (
        summary.kind not in {"percent", "fraction"}
        and bound_of(summary.qualifier) != "approx"
        and 0 <= difference <= _TRUNCATION * abs(article.value)
    )


def _bounded_rounding(summary: Figure, article: Figure, difference: float) -> bool | None:
    """The verdict of the qualifiers alone, when they decide it (None: leave it to the values)."""
    assert article.value is not None
    s_bound, a_bound = bound_of(summary.qualifier), bound_of(article.qualifier)
    if s_bound in {"lower", "upper"}:
        if a_bound in {"lower", "upper"}:
            # "more than 100km/h" holds where the article has "more than 110km/h": a weaker bound the
            # same way, rounded towards it; "up to 70" against "up to 75" is another claim
            return s_bound == a_bound and enabled("bound-rounding") and _bound_rounded(summary, article, s_bound)
        if (s_bound == "lower") != (difference > 0):
            return False  # "more than 60" does not hold for 57, nor "up to 70" for 75
    if article.qualifier == "nearly" and s_bound == "exact":
        # "almost 20 weeks" read as 19: a value just under the article's.
        if 0 < difference <= 0.1 * abs(article.value):
            return True
        if difference < 0:
            return False
    return None


def _bound_rounded(summary: Figure, article: Figure, bound: str) -> bool:
    """Whether a summary's bound is the article's bound of the same way rounded towards it, to the
    summary's precision: "more than 100km/h" for "more than 110km/h", "under 2,000" for "under 1,950";
    not "more than 40" for "more than 50", a bound already as round as the summary's."""
    assert summary.value is not None
    assert article.value is not None
    if summary.kind != article.kind or summary.unit != article.unit or not compatible(summary, article):
        return False  # "more than £2m" is no rounding of "more than 2.4 million people"
    step = granularity(summary)
    towards = math.floor if bound == "lower" else math.ceil
    rounded = towards(article.value / step + (1e-9 if bound == "lower" else -1e-9)) * step
    near = abs(article.value - summary.value) <= _BOUND_FROM_BOUND * abs(summary.value)
    # "nearly" says close below, which a rounded bound does not keep: "nearly $1bn" is no "nearly $900m"
    return (
        near
        and summary.qualifier != "nearly"
        and article.value != summary.value
        and abs(rounded - summary.value) <= step * 1e-6
    )


_BOUND_FROM_BOUND: Final = 0.2  # the share of a summary's bound the article's may lie beyond it


def _bound_satisfied(summary: Figure, article: Figure) -> bool:
    """Whether a bounded summary figure ("more than 40") holds for an article value close to it.

    The bound must be the article's value rounded towards it, not any smaller number: "more than 40"
    for 45, "more than 1,900" for 2,000, but not "over 40" for 57 (that would be "over 50"). "About"
    rounds too, so it is never finer than the article's figure: "about 40" for 43, but not "about 41"
    for "about 40", nor "about 3,010" for 3,000; and two approximations as fine as each other must
    agree ("some 46" is not "some 45").
    """
    assert summary.value is not None
    assert article.value is not None
    value = article.value
    bound = bound_of(summary.qualifier)
    slack = max(granularity(summary), 0.1 * abs(summary.value))
    if bound == "lower":
        # (a fraction is a coarse bound: "more than half" is told of 58%, within FRACTION_BOUND_REACH)
        if summary.kind == "fraction":
            slack = max(slack, FRACTION_BOUND_REACH)
        return summary.value < value <= summary.value + slack
    if bound == "upper":
        # A round bound's step is as large as itself ("nearly 1,000": a step of 1,000): from below
        # it may not reach further than a fifth of its value, or "nearly 1,000" would hold for 47.
        # "Nearly" and "almost" say close below, not only below: "nearly 900,000" is no 812,000.
        reach = _NEARLY_REACH if summary.qualifier == "nearly" else _BOUND_REACH
        return summary.value - min(slack, reach * abs(summary.value)) <= value < summary.value
    if bound == "approx":
        mine, theirs = _rounded_step(summary), granularity(article)
        # "About 54" against "about 53": two approximations as fine as each other, of different values.
        finer = mine < theirs or (mine == theirs and bound_of(article.qualifier) == "approx")
        near = abs(value - summary.value) <= min(0.1 * abs(summary.value), _stated_step(summary) / 2)
        return near and not (enabled("about-no-finer") and finer)
    return False


def _stated_step(figure: Figure) -> float:
    """The step a figure's written digits round to: the unit of its last digit that is not a zero
    ("620,000": 10,000; "2.4 million": 100,000), five of them when that digit is a five ("about 45",
    "about 4.5%"); infinite for a number in words, which says nothing finer."""
    assert figure.value is not None
    match = _DIGITS_IN_TEXT_RE.search(figure.text)
    number = _number_part(figure)
    if match is None or not number:
        return math.inf
    digits = match.group(0).replace(",", "")
    decimals = len(match.group(1) or "")
    zeros = 0 if decimals else len(digits) - len(digits.rstrip("0"))
    unit = 10.0 ** (zeros - decimals) * abs(figure.value) / number
    significant = digits.replace(".", "").rstrip("0")
    return unit * 5 if significant.endswith("5") else unit


def _rounded_step(figure: Figure) -> float:
    """The step an approximate figure is rounded to: a number in words by its trailing zeros ("about
    fifty": to the ten), as in digits."""
    assert figure.value is not None
    if _DIGITS_IN_TEXT_RE.search(figure.text) or not figure.value.is_integer() or figure.value == 0:
        return granularity(figure)
    whole = int(abs(figure.value))
    step = 1
    while whole % (step * 10) == 0:
        step *= 10
    return float(step)


_BOUND_REACH: Final = 0.2
_NEARLY_REACH: Final = 0.075  # how far below its value "nearly" and "almost" may reach

_VAGUE_SPAN: Final = 10  # "hundreds" is 200 to 1,999: 5,500 is thousands


def vague_holds(summary: Figure, article: Figure) -> bool:
    """Whether "hundreds" or "dozens" describes the article's figure."""
    assert summary.value is not None
    assert article.value is not None
    if article.vague:
        return same(summary.value, article.value)
    return summary.value <= article.value < summary.value * _VAGUE_SPAN
