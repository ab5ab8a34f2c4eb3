"""Figures derived by arithmetic on article figures: sums, differences, ratios, points apart, durations converted.

A derivation counts only when its operands are about the same thing as the summary figure.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections.abc import Callable
from typing import Final

from summarizer.figures import Figure

from .apportion import apportioned
from .binding import binding, operands_bound, tallied, told_change_ends
from .companions import beside_other_value
from .compare import (
    DURATION_DAYS,
    bound_of,
    compatible,
    granularity,
    in_points,
    is_compound_time,
    rounds_to,
    same,
    values_equal,
    worked_fits,
)
from .comparisons import own_working, relative_fits
from .direction import Direction, compared_after, movement_of, told_as_size, way_of
from .index import ArticleIndex
from .links import change_role, is_whole_of, range_ends
from .listed_days import days_listed
from .multiples import multiple
from .rates import rate_over_span
from .report import TURNED_ROUND, Match
from .rules import RULES, enabled
from .things import same_kind
from .timing import (
    counted_from_own_year,
    counted_in_years,
    dated_elsewhere,
    month_from_dateline,
    months_apart,
    time_to_dateline,
    year_from_dateline,
    years_counted_from,
)
from .words import PERSON_WORDS, Around, content_stems, prefixes_of

_MAX_OPERANDS: Final = 40
_MAX_CANDIDATES: Final = 400  # operands kept for ranking at most: a news article holds fewer


def derive(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A simple calculation on article figures that gives the summary's value, if there is one.

    The derivations are tried in the order of the rules table; one whose operands do not measure
    what the summary figure measures does not count (rule derive-bound), and the next is tried. A
    rule may offer several ways to the value, best first (years counted by several spans).
    """
    assert figure.value is not None
    found = _derive_as_told(figure, around, index)
    if found is None and figure.unit == "pence" and figure.value is not None:
        # "85p below the average" of £2.65 and £1.80: pence worked out of pounds
        pounds = dataclasses.replace(figure, kind="money", unit="GBP", value=figure.value / 100)
        found = _derive_as_told(pounds, around, index)
    if found is None and figure.kind == "duration" and figure.unit in DURATION_DAYS:
        # "cut by 45 seconds" from "3 minutes 50 seconds" to "3 minutes 5 seconds": a time told in
        # two units is read in the larger, so the summary's is tried in the units of those times
        for unit in _compound_units(index, figure):
            found = _derive_as_told(_in_unit(figure, unit), around, index)
            if found is not None:
                break
    return found


def _compound_units(index: ArticleIndex, figure: Figure) -> list[str]:
    """The units of the article's times told in two units, other than the summary figure's."""
    units = {other.unit for other in index.figures if other.unit != figure.unit and is_compound_time(other)}
    return sorted(unit for unit in units if unit in DURATION_DAYS)


def _in_unit(figure: Figure, unit: str) -> Figure:
    assert figure.value is not None
    days = DURATION_DAYS[figure.unit or ""] / DURATION_DAYS[unit]
    return dataclasses.replace(figure, value=figure.value * days, unit=unit)


def _derive_as_told(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    assert figure.value is not None
    for name, attempt in _DERIVATIONS:
        if not enabled(name):
            continue
        for match in attempt(figure, around, index):
            total = match.rule in {"with-the-rest", "remainder"}
            # (a multiple and a rate's total bind their own pair)
            bound = match.rule in {"multiple", "rate-over-span", "days-listed"} or not enabled("derive-bound")
            if bound or operands_bound(figure, match.operands, around, index, total=total):
                # (the article change whose two ends the operands are, read once for both rules)
                change = change_way(match.operands, index) if len(match.operands) == 2 else None
                turned = against_the_change(figure, around, change, match.operands) if enabled("direction") else None
                if turned is None and enabled("change-end"):
                    turned = (
                        size_as_end(figure, around, change, match.operands)
                        or end_moved_on(figure, around, match.operands, index)
                        or start_in_points_as_end(figure, around, match.operands, index)
                    )
                if turned is not None:
                    return turned
                beside = (
                    beside_other_value(figure, around, index, match.operands, derived=True)
                    if enabled("companion")
                    else None
                )
                return beside or match
    return None


Change = tuple[Figure, Figure, Direction]  # an article change's start, end and way
_ENDS: Final = frozenset({"before", "after"})


def against_the_change(
    figure: Figure, around: Around, change: Change | None, operands: tuple[Figure, ...]
) -> Match | None:
    """The size of an article change told going the other way: "45 more members than before"
    where the article's members fell from 530 to 485. Only for the two ends of one change (the
    one `_combined` found the summary tells most of, a change going the summary's way first)."""
    said = _summary_way(figure, around) if change is not None else None
    if change is None or said is None or change[2] == said:
        return None
    before, after, way = change
    note = f"{TURNED_ROUND} {way}, not {said}: '{before.text}' to '{after.text}'"
    return Match("misattributed", after, note, "direction", operands)


def end_moved_on(figure: Figure, around: Around, operands: tuple[Figure, ...], index: ArticleIndex) -> Match | None:
    """An article change's end moved on by its size again and told as the end: "rose by 300 to
    4,100" where the article's members "grew by 300 to 3,800" (or "will pay £980, an increase of
    £40"): the article's end is the end, and its start is the end less the size."""
    if len(operands) != 2 or figure.value is None:
        return None
    if change_role(around.text, around.siblings, around.sibling_starts, figure) != "after":
        return None
    roles = [change_role(index.text, index.figures, index.starts, one) for one in operands]
    if "amount" not in roles:
        return None
    at = roles.index("amount")
    size, end = operands[at], operands[1 - at]
    if end.value is None or size.value is None or not _end_of_its_size(end, roles[1 - at], size, index):
        return None
    way = next((way for way in (1, -1) if same(end.value + way * size.value, figure.value)), None)
    if way is None:
        return None
    # (moved on past the end, or back to where the change started: "rose by 300 to 3,500")
    movement = index.movement(index.position(size))
    fell = movement is not None and movement.direction == "down"
    again = "this is where it started" if (way < 0) != fell else "this moves it on again"
    note = f"the article's '{end.text}' is where the change of '{size.text}' ended; {again}"
    return Match("misattributed", end, note, "change-end", operands)


def start_in_points_as_end(
    figure: Figure, around: Around, operands: tuple[Figure, ...], index: ArticleIndex
) -> Match | None:
    """Where a change in points started, worked out from the level it reached, told as where it
    ended: "rose 3 points to 73%" where the article's rate "of 76% was up 3 points"."""
    if len(operands) != 2 or _moved_in_points(operands[0], operands[1], index) is None:
        return None
    if change_role(around.text, around.siblings, around.sibling_starts, figure) != "after":
        return None
    level = next(one for one in operands if one.kind == "percent" and not in_points(one))
    note = f"the article's '{level.text}' is where the change ended; this is where it started"
    return Match("misattributed", level, note, "change-end", operands)


def _end_of_its_size(end: Figure, role: str | None, size: Figure, index: ArticleIndex) -> bool:
    """Whether an article figure is the end of the change whose size is told in its sentence: told
    as one ("grew by 300 to 3,800"), or the level the size is then given of ("£980, an increase of
    £40")."""
    if index.sentence_number(end.start) != index.sentence_number(size.start):
        return False
    return role == "after" or (role is None and end.start < size.start)


def size_as_end(figure: Figure, around: Around, change: Change | None, operands: tuple[Figure, ...]) -> Match | None:
    """The size of an article change told as one of its ends: "savings dropped to £2.7m" where the
    article's savings fell from £3.6m to £900,000, a fall of £2.7m."""
    role = change_role(around.text, around.siblings, around.sibling_starts, figure) if change is not None else None
    if change is None or figure.value is None or role not in _ENDS:
        return None
    before, after, _ = change
    if before.value is None or after.value is None or not same(abs(after.value - before.value), figure.value):
        return None
    note = f"the article's change from '{before.text}' to '{after.text}' is of this size; it is no end of it"
    return Match("misattributed", after, note, "change-end", operands)


def _summary_way(figure: Figure, around: Around) -> Direction | None:
    """The way the summary tells a change of `figure`'s size went: by its verb ("rose by 45"), or by
    a comparison ("45 more than before"). "25 more than it has now" compares the past with the
    present: no way over time is read from it."""
    moved = around.movement
    if moved is None:
        return None
    if compared_after(around.layout.text, figure) and _THAN_NOW_RE.match(around.layout.text, figure.end):
        return None
    return moved.direction


# "... than it has now", "... than today": a comparison with the present, told from the past.
_THAN_NOW_RE: Final = re.compile(
    r"[^.;:!?]{0,40}?\bthan\s+(?:[a-z]+\s+){0,3}?(?:now|today|currently|at\s+present)\b", re.IGNORECASE
)


def change_way(operands: tuple[Figure, ...], index: ArticleIndex) -> Change | None:
    """The start, end and way of the article change whose two ends `operands` are, if they are."""
    first, second = operands
    if index.partner(first) is not second and index.partner(second) is not first:
        return None
    roles = {change_role(index.text, index.figures, index.starts, end): end for end in operands}
    before, after = roles.get("before"), roles.get("after")
    if before is None or after is None or before.value is None or after.value is None or before.value == after.value:
        return None
    return before, after, way_of(before.value, after.value)


def _one(match: Match | None) -> list[Match]:
    return [] if match is None else [match]


def _durations(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    converted = _converted_duration(figure, index) if figure.kind == "duration" else None
    if converted is None:
        return []
    if around.context and not around.in_headline and not index.context(index.position(converted)) & around.context:
        return []  # "four months in a row" is no "18 weeks" of waiting: a span in other units tells the same thing
    return [Match("derived", converted, f"'{converted.text}' in other units", "durations", (converted,))]


def _metric_units(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    """A measure the article gives in another metric unit of its dimension: "0.35 metres" for "35cm",
    "2.4 tonnes" for "2,400kg". Exact: a metric unit is a power of ten of another."""
    factor = _METRIC.get(figure.unit or "") if figure.kind == "measure" else None
    if factor is None or figure.value is None:
        return []
    dimension, size = factor
    found = []
    for other in index.figures:
        theirs = _METRIC.get(other.unit or "") if other.kind == "measure" else None
        if theirs is None or other.value is None or other.unit == figure.unit or theirs[0] != dimension:
            continue
        if same(other.value * theirs[1], figure.value * size):
            found.append(other)
    chosen = of_the_thing(around, index, found, dimension)
    return (
        []
        if chosen is None
        else [Match("derived", chosen, f"'{chosen.text}' in other units", "metric-units", (chosen,))]
    )


def metric_dimension(figure: Figure) -> str | None:
    """The metric dimension of a measure, or "length" for a count written "85m" (read as millions)."""
    if figure.kind == "measure":
        return _METRIC.get(figure.unit or "", (None, 0.0))[0]
    if figure.kind == "count" and figure.scale == "million" and WRITTEN_M_RE.search(figure.text):
        return "length"
    return None


WRITTEN_M_RE: Final = re.compile(r"\dm$")  # "85m": millions, or metres


def of_the_thing(around: Around, index: ArticleIndex, found: list[Figure], dimension: str) -> Figure | None:
    """Of the article figures that give the summary's measure in another unit, the one it stands on:
    one that measures the summary's thing; else the first, unless another figure of the dimension
    measures that thing ("0.35 metres wide" where the article's 35cm is a crack's length and its 3m
    the width)."""
    if not found:
        return None
    mine = around.frame.thing
    if not mine:
        return found[0]
    own = next((other for other in found if mine & index.frame(other).thing), None)
    if own is not None:
        return own
    measured = any(metric_dimension(other) == dimension and mine & index.frame(other).thing for other in index.figures)
    return None if measured else found[0]


# Metric units by dimension and size in the dimension's base unit.
_METRIC: Final = {
    "mm": ("length", 0.001),
    "cm": ("length", 0.01),
    "metre": ("length", 1.0),
    "km": ("length", 1000.0),
    "g": ("mass", 0.001),
    "kg": ("mass", 1.0),
    "tonne": ("mass", 1000.0),
}


def _claimable(figure: Figure) -> bool:
    """A ceiling or a zero computed from other figures is not a claim the article makes."""
    return bound_of(figure.qualifier) != "upper" and (figure.value or 0) > 0


def _years_counted(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    if not _claimable(figure):
        return []
    assert figure.value is not None
    in_years = (
        counted_in_years(figure, index, around.text)
        or time_to_dateline(figure, index)
        or months_apart(figure, index, around.text)
    )
    if figure.kind == "date" and in_years is None:
        in_years = month_from_dateline(figure, index)  # "June 2022" from "June last year"
    if in_years or figure.kind != "year":
        return _one(in_years)
    dateline = year_from_dateline(figure.value, index)
    if dateline is not None and enabled("year-event") and dated_elsewhere(figure, around, index):
        dateline = None  # "opened in 2014" in an article of 2013 that dates the opening 2012
    # The count whose operands share most of the summary's words first: "doubled its traffic three
    # years later" before a pier that "had stood for 20 years", when both reach the summary's year.
    words = around.frame.words
    counts = [dateline] if dateline else list(years_counted_from(figure.value, index))
    counts.sort(key=lambda count: -sum(len(index.frame(operand).words & words) for operand in count.operands))
    # The best-bound few: an article that repeats its years and spans offers a count per pair of them.
    return [
        counted
        for counted in counts[:_MAX_COUNTS]
        if not (enabled("year-event") and counted_from_own_year(figure, counted, around, index))
    ]


_MAX_COUNTS: Final = 8


def _with_the_rest_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    return _one(with_the_rest(figure, around, index)) if _claimable(figure) and figure.kind == "count" else []


def _listed_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    plain = figure.kind == "count" and figure.scale is None and figure.qualifier is None
    return _one(listed(figure, around, index)) if plain else []


def listed(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A small count of the names an article lists ("A, B and C"), where the words right around the
    list name what the summary counts: "three offices" from "will close offices in Ardley, Bexton and
    Colne Reach", "two firms" from "Ardley Print and Bexton Farms, the two firms' owners"."""
    if not _LIST_FEWEST <= (figure.value or 0) <= _LIST_MOST:
        return None
    counted = prefixes_of(around.frame.thing | ({around.head} if around.head else set()))
    if not counted:
        return None
    for found in _NAME_LIST_RE.finditer(index.text):
        if found.group("last") is None:
            continue  # names joined by commas alone: no list told whole
        items = _LIST_SPLIT_RE.split(found.group())
        # (the first item may open with the capitalised word of its sentence: "The A, B and C shops")
        if len(items) != figure.value or not (
            any(map(index.is_name, items[0].split())) and all(index.is_name(item.split()[0]) for item in items[1:])
        ):
            continue
        # What the list names: the words before it in its clause ("will close offices in"), or the
        # word right after it ("the A, B and C stores"), in an aside after it (", the two firms'
        # owners") or what its items all did ("have both been fined"); not any word further on ("A, B
        # and C said the depots would close")
        start, _ = index.layout.clause_of(found.start())
        after = _LIST_AFTER_RE.match(index.text, found.end())
        near = index.text[max(start, found.start() - _LIST_REACH) : found.start()] + (after.group() if after else "")
        if counted & prefixes_of(content_stems(near)):
            return Match("derived", None, f"the {len(items)} listed: {found.group()}", "listed")
    return None


_LIST_FEWEST: Final = 2
_LIST_MOST: Final = 6
_LIST_REACH: Final = 30  # characters either side of a list read for what it lists
_LIST_NAME: Final = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}"
# "Ardley, Bexton and Colne Reach", "Ann Hale and Tom Rees": names joined by commas and a last "and".
# The last "and" is optional, so that a run of names joined by commas alone is read once, whole (a
# pattern that asks for it would try again from each name of a long run: quadratic in the run).
_NAME_LIST_RE: Final = re.compile(rf"\b{_LIST_NAME}(?:,\s+{_LIST_NAME})*(?P<last>,?\s+and\s+{_LIST_NAME}\b)?")
# "... stores", "..., the two firms' owners": the word after a list, or an aside's words after it, or
# what the list's items all did ("A and B have both been fined", "A, B and C were all closed")
_LIST_AFTER_RE: Final = re.compile(
    r"\s+(?:have|has|had|were|are|was|will)\s+(?:both|all|each)\s+(?:been\s+|be\s+)?[a-z]+"
    r"|\s+[a-z]+|,\s+(?:the|its|their|all)\s+(?:[a-z]+\s+)?[a-z]+"
)
_LIST_SPLIT_RE: Final = re.compile(r",?\s+and\s+|,\s+")


def _points_apart_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    return _one(_points_apart(figure, around, index)) if _claimable(figure) and figure.kind == "count" else []


def _remainder_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    if not _claimable(figure) or figure.kind != "percent" or around.movement is not None:
        return []  # "prices rose 97%" is a change, no share of a whole
    return _one(_remainder(figure, index))


def _rest_of_whole_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    """The count left of a whole that opens a sentence once its first part, or all its parts, are
    taken away: "18 riders left the race" from "Of the 176 riders who started the race, 158 remain";
    "12 seats went to others" from "Of the 60 seats, 27 went to the Greens and 21 to Labour"."""
    if figure.kind != "count" or figure.value is None or not _claimable(figure):
        return []
    reader = index.frame_reader()
    for whole in index.figures:
        if whole.kind != "count" or whole.value is None or whole.value <= figure.value:
            continue
        parts = reader.parts_of(whole)  # (only the whole's sentence is read)
        if not parts or any(part.value is None for part in parts):
            continue
        for chosen in ([parts[0]], parts) if len(parts) > 1 else ([parts[0]],):
            if same(whole.value - sum(part.value for part in chosen if part.value is not None), figure.value):
                note = f"{whole.text} - " + " - ".join(part.text for part in chosen)
                return [Match("derived", None, note, "rest-of-whole", (whole, *chosen))]
    return []


# Words that tell a share is what is left of a whole: "the rest were undecided", "the remaining 15%".
_REST_RE: Final = re.compile(r"\b(?:the\s+rest|the\s+remainder|remaining|the\s+others)\b", re.IGNORECASE)
_WHOLE: Final = 100.0


def _remainder(figure: Figure, index: ArticleIndex) -> Match | None:
    """The share that makes up the rest of a whole one sentence splits: "15% were undecided" from
    "64% backed the plan, 21% opposed it and the rest were undecided". The sentence's exact shares
    and the summary's add up to 100%, and the sentence tells of a rest. A change or a level ("rose
    40%", "raised its rate to 5.5%") is no share of a whole."""
    assert figure.value is not None
    tolerance = max(granularity(dataclasses.replace(figure, qualifier=None)), 1.0) / 2
    for shares in _shares_by_sentence(index).values():
        if abs(sum(share.value or 0.0 for share in shares) + figure.value - _WHOLE) > tolerance:
            continue
        note = "100% - " + " - ".join(share.text for share in shares)
        return Match("derived", None, note, "remainder", tuple(shares))
    return None


def _shares_by_sentence(index: ArticleIndex) -> dict[int, list[Figure]]:
    """The exact shares of each sentence that tells of a rest, read once per article."""
    if index.rest_shares is None:
        found: dict[int, list[Figure]] = {}
        for position, other in enumerate(index.figures):
            if other.kind != "percent" or other.value is None or other.qualifier is not None or other.vague:
                continue
            lead = index.text[max(0, other.start - _LEVEL_LEAD) : other.start]
            if index.movement(position) is not None or _LEVEL_BEFORE_RE.search(lead):
                continue
            found.setdefault(index.sentence_number(other.start), []).append(other)
        index.rest_shares = {
            number: shares for number, shares in found.items() if _REST_RE.search(index.sentence_text(shares[0]))
        }
    return index.rest_shares


_LEVEL_BEFORE_RE: Final = re.compile(r"\b(?:to|at|by)\s+$", re.IGNORECASE)
_LEVEL_LEAD: Final = 8  # characters before a percentage read for "to", "at" or "by"


def _arithmetic_rule(figure: Figure, around: Around, index: ArticleIndex) -> list[Match]:
    # The first combination only: trying every one lets wrong values pass (measured on mutations).
    # A side of a tally ("voted 7 to 3") is a count of its own, never the margin of another.
    # "Nearly 1,800" is a claim all the same: a value a little below it (`_arithmetic`).
    claimed = _claimable(figure) or (figure.qualifier in _JUST_BELOW and (figure.value or 0) > 0)
    if not claimed or figure.kind not in _ARITHMETIC_KINDS or tallied(figure, around):
        return []
    return _one(_combined(figure, around, index))


_JUST_BELOW: Final = frozenset({"nearly"})  # qualifiers of a value a little below the one told


Derivation = Callable[[Figure, Around, ArticleIndex], list[Match]]


# "two other climbers", "300 others", "eight other bidders": the group plus the one(s) it is other than.
_OTHERS_AFTER_RE: Final = re.compile(r"\s+(?:[a-z]+\s+)?others?\b", re.IGNORECASE)


# "three nurses and a porter", "a dozen walkers and one guide": a count and a single one beside it.
_AND_ONE_AFTER_RE: Final = re.compile(r"\s+(?:[a-z-]+\s+){1,2}?and\s+(?:a|an|one)\s+[a-z]", re.IGNORECASE)


_AND_ONE_BEFORE_RE: Final = re.compile(r"\b(?:an?|one)\s+(?:[a-z-]+\s+){1,2}?and\s+$", re.IGNORECASE)


_AND_COUPLE_BEFORE_RE: Final = re.compile(r"\ba\s+couple\s+and\s+$", re.IGNORECASE)


_ADDED_REACH: Final = 40  # characters either side of a count that can hold the single one added to it


def with_the_rest(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A count that is an article count plus the one(s) beside it, or the other way round.

    "3 lost at sea" from "one sailor drowned and two other crew are missing"; "a family of 5" from "a
    couple and three of their children"; "the founder and 9 other investors" from "10 backers".
    """
    if figure.kind != "count" or figure.value is None:
        return None
    # The summary's own "N other(s)" does not depend on the article figure: test it once.
    summary_others = bool(_OTHERS_AFTER_RE.match(around.after(_ADDED_REACH)))
    for other in index.figures:
        if other.kind != "count" or other.value is None or other.vague or bound_of(other.qualifier) == "upper":
            continue
        gap = figure.value - other.value
        if summary_others and same(gap, -1):
            return Match("derived", other, f"'{other.text}' less the one the others are other than", "with-the-rest")
        if not (same(gap, 1) or same(gap, 2)):
            continue  # the patterns below are only read for counts they could complete
        after = index.text[other.end : other.end + _ADDED_REACH]
        before = index.text[max(0, other.start - _ADDED_REACH) : other.start]
        if _AND_COUPLE_BEFORE_RE.search(before):
            added = 2
        elif _AND_ONE_AFTER_RE.match(after) or _AND_ONE_BEFORE_RE.search(before):
            added = 1
        elif _OTHERS_AFTER_RE.match(after) and not summary_others:
            added = 1  # "two others" make three with the one; the summary's "three others" are not them
        else:
            continue
        if same(gap, added):
            return Match("derived", other, f"'{other.text}' and {added} more", "with-the-rest", (other,))
    return None


# "a 7-point lead", "by 12 points": a gap between two percentages.
_POINTS_AFTER_RE: Final = re.compile(r"[\s-]+(?:percentage[\s-]+)?points?\b", re.IGNORECASE)


def _points_apart(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """ "A 7-point lead" from "leads 40% to 33%": the gap between two percentages of one passage, or
    between a percentage the summary gives beside the figure and one of the article's that tells of
    the summary's thing ("beat the county average of 66% by 12 points"); a bound on the gap holds
    for a gap a little past it ("more than 10 points below the 95%" for 84.7%)."""
    assert figure.value is not None
    if not _POINTS_AFTER_RE.match(around.after(24)):
        return None
    start, end = around.layout.sentence_of(figure.start)
    given = [one for one in around.siblings if start <= one.start < end and one.kind == "percent"]
    shares = [other for other in index.figures if other.kind == "percent" and other.value is not None]
    sentences = [index.sentence_number(share.start) for share in shares]  # (in article order: sorted)
    # Pairs more than a sentence apart count only beside a percentage the summary gives: those are
    # read alone, so an article of thousands of percentages is not read in pairs for each figure.
    beside = [at for at, share in enumerate(shares) if any(values_equal(one, share) for one in given)]
    beside_set = set(beside)
    for at, left in enumerate(shares):
        assert left.value is not None
        near_end = bisect.bisect_right(sentences, sentences[at] + 1, at + 1)
        far = range(near_end, len(shares)) if at in beside_set else beside[bisect.bisect_left(beside, near_end) :]
        for other_at in itertools.chain(range(at + 1, near_end), far):
            right = shares[other_at]
            assert right.value is not None
            if not _gap_fits(figure, abs(left.value - right.value)):
                continue
            if other_at < near_end or _beside_given(given, left, right, around, index):
                return Match("derived", left, f"{left.text} - {right.text}", "points-apart", (left, right))
    return None


def _gap_fits(figure: Figure, gap: float) -> bool:
    """Whether a gap is the summary's: the same, or within the bound it states ("more than 10")."""
    assert figure.value is not None
    if same(gap, figure.value):
        return True
    return figure.qualifier is not None and rounds_to(figure, dataclasses.replace(figure, value=gap, qualifier=None))


def _beside_given(given: list[Figure], left: Figure, right: Figure, around: Around, index: ArticleIndex) -> bool:
    """Whether one of two article percentages is one the summary gives in the figure's sentence and the
    other's sentence tells of the summary's thing (shares a word with the figure's clause)."""
    for mine, theirs in ((left, right), (right, left)):
        if any(values_equal(one, mine) for one in given) and around.context & index.sentence_stems(
            index.position(theirs)
        ):
            return True
    return False


def _combined(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A sum, difference, product or ratio of two related article figures that gives `figure`.

    The two ends of one article change come first ("20 seats, down from 23" make a loss of three
    before any two counts of other sentences do); of several changes that give the value, the one
    the summary tells most of: an end it gives ("gained three seats to reach 12"), then its words.
    """
    # The precision the number itself states: "at least 23" is 23 to the unit, not to the ten.
    step = max(granularity(dataclasses.replace(figure, qualifier=None)), 1e-9)
    changes = not _share_of_group(figure, around.text)
    # A percentage told as a change's size, of no group ("profit rose 18%"), is no part of a whole:
    # two of 11 plants make no rise of 18%
    parts = figure.kind not in _SHARES or not changes or not told_as_size(around.text, figure)
    operands = _related_operands(figure, around.context, index)
    # Of the changes that give the value, the one the summary tells most of, one going its way
    # first where they tie. Ends it tells nothing of (no end given, no word shared) are tried in
    # text order below with the rest.
    said = _summary_way(figure, around)
    pairs = _change_ends(operands, index) + _told_ends(figure, operands, around, index)
    # (each pair's working, kept for the text-order pass below; by the two figures, which the index
    # holds: an operand tuple compiled by mypyc is made anew each time it is boxed, so its id is not)
    # (a share told with a verb of change is the change between an article change's two ends all the
    # same: "cut 15% of its library budget" where the budget went from £20m to £17m)
    ends_change = changes or around.movement is not None
    # "100 for the Brits": a count the summary gives to a party is no gap between two parties' counts
    owned = _PARTY_AFTER_RE.match(around.text, figure.end) is not None
    whole = _whole_told(figure, around)
    if whole is not None:
        # "more than two-thirds of her 34 games": a share of the whole the summary names, of no other
        pairs = [(left, right) for left, right in pairs if _has_whole(left, right, whole)]
    ends = {
        (id(left[2]), id(right[2])): _combination(
            figure, left, right, step, index, changes=ends_change, parts=parts, owned=owned
        )
        for left, right in pairs
    }
    told = [
        (_told(figure, (left[2], right[2]), said, around, index), left, right, note)
        for left, right in pairs
        if (note := ends[id(left[2]), id(right[2])])
    ]
    best = max(told, key=lambda found: found[0], default=None)
    if best is not None and best[0][:2] > (0, 0):
        _, left, right, note = best
        return Match("derived", None, note, "arithmetic", (left[2], right[2]))
    for i, left in enumerate(operands):
        for right in operands[i + 1 :]:
            if whole is not None and not _has_whole(left, right, whole):
                continue
            pair = id(left[2]), id(right[2])
            note = (
                ends[pair]
                if pair in ends
                else _combination(
                    figure,
                    left,
                    right,
                    step,
                    index,
                    changes=changes,
                    parts=parts or _whole_named(around, left[2], right[2], index),
                    owned=owned,
                )
            )
            if note:
                return Match("derived", None, note, "arithmetic", (left[2], right[2]))
    return None


def _whole_named(around: Around, left: Figure, right: Figure, index: ArticleIndex) -> bool:
    """Whether the summary's words name what two counts count: the size of a change may be a part of
    that whole ("shop numbers fall 22%" where 2 of 9 shops close; not "profit rises 22%")."""
    return bool(prefixes_of(around.context) & prefixes_of(index.frame(left).thing | index.frame(right).thing))


Operand = tuple[int, bool, Figure]  # sentence number, shares a word with the summary's clause, figure


def _whole_told(figure: Figure, around: Around) -> Figure | None:
    """The count a share of the summary is told of, right after it: "more than half of its 410
    members" gives the 410; None for a share told of no count of the summary."""
    if figure.kind not in _SHARES or figure.value is None:
        return None
    later = [sibling for sibling in around.siblings if sibling.start >= figure.end]
    after = later[0] if later else None
    if after is None or after.kind != "count" or after.value is None:
        return None
    return after if _SHARE_OF_RE.fullmatch(around.text, figure.end, after.start) else None


def _has_whole(left: Operand, right: Operand, whole: Figure) -> bool:
    """Whether one of two operands is the whole the summary tells its share of."""
    return values_equal(left[2], whole) or values_equal(right[2], whole)


def _change_ends(operands: list[Operand], index: ArticleIndex) -> list[tuple[Operand, Operand]]:
    """The pairs of operands that are the two ends of one article change, in text order."""
    at = {id(operand[2]): operand for operand in operands}
    ends = []
    for operand in operands:
        partner = index.partner(operand[2])
        other = at.get(id(partner)) if partner is not None else None
        if other is not None and operand[2].start < other[2].start:
            ends.append((operand, other))
    return ends


def _told_ends(
    figure: Figure, operands: list[Operand], around: Around, index: ArticleIndex
) -> list[tuple[Operand, Operand]]:
    """Pairs no link joins that the summary tells as a change's end and size ("rose by £17m to
    £168m" from "£168m, or 41% of the total, up from £151m"; see `told_change_ends`), in text order."""
    if figure.value is None or figure.kind not in _TOLD_END_KINDS:
        return []
    found = []
    for i, left in enumerate(operands):
        for right in operands[i + 1 :]:
            linked = index.partner(left[2]) is right[2] or index.partner(right[2]) is left[2]
            if not linked and told_change_ends(figure, left[2], right[2], around, index):
                found.append((left, right))
    return found


_TOLD_END_KINDS: Final = frozenset({"count", "money", "measure", "duration"})


def _told(
    figure: Figure, ends: tuple[Figure, Figure], said: Direction | None, around: Around, index: ArticleIndex
) -> tuple[int, int, bool]:
    """How well a change fits the summary: the ends the summary figure's clause gives ("gained three
    seats to reach 12"), its words' binding, then whether it goes the summary's way (or no way is
    told)."""
    change = change_way(ends, index) if said is not None else None
    start, end = around.layout.clause_of(figure.start)
    given = [sibling for sibling in around.siblings if start <= sibling.start < end and sibling.value is not None]
    ends_given = sum(any(values_equal(sibling, one) for sibling in given) for one in ends)
    bound = sum(binding(around, index, index.position(one)) for one in ends)
    return ends_given, bound, change is None or change[2] == said


def _combination(  # noqa: PLR0911 - one return per reason two operands may not combine, cheapest first
    figure: Figure,
    left_operand: Operand,
    right_operand: Operand,
    step: float,
    index: ArticleIndex,
    *,
    changes: bool = True,
    parts: bool = True,
    owned: bool = False,
) -> str | None:
    """The working of a sum, difference, product or ratio of two operands that gives `figure`, if
    the two may be combined for it (`changes`: a percentage may be the change from one to the other;
    `parts`: it may be the share of one count in the other; `owned`: the summary gives its count to
    a party, "100 for the Brits", so two parties' counts are different things)."""
    left_sentence, left_related, left = left_operand
    right_sentence, right_related, right = right_operand
    # Small counts are sums or differences of some two numbers of neighbouring sentences by chance
    # alone; only the parts of one sentence make them.
    reach = 0 if figure.kind in {"count", "duration"} and (figure.value or 0) <= _SMALL_COUNT else 1
    # Parts of one total sit together, or both speak of what the summary does.
    apart = left_sentence != right_sentence and not (left_related and right_related)
    if apart and abs(left_sentence - right_sentence) > reach:
        return None
    bounded_operand = "lower" in {bound_of(left.qualifier), bound_of(right.qualifier)}
    # "more than two-thirds of the seats" from 58 of 80 (72.5%)
    # (a share "nearly" told holds only of counts of the summary's words: "almost a quarter of its
    # branches" of "14 of its 58 branches", never of any stated whole in the article)
    unbound_nearly = figure.qualifier in _JUST_BELOW and not (left_related or right_related)
    above = None if bounded_operand or not parts or unbound_nearly else _share_above(figure, left, right, index)
    if above is not None:
        return above
    # (a change in points and its level give a percentage only: no need to read them for other kinds)
    moved = _moved_in_points(left, right, index) if figure.kind in _SHARES else None
    note = _arithmetic(figure, left, right, step, changes=changes, moved=moved, parts=parts)
    if note is None:
        return None
    if apart and (" + " in note or " - " in note) and not _share_words(left, right, index):
        # A sum or difference over neighbouring sentences needs sentences about one thing:
        # "revenue climbed to £1.84bn from £1.64bn" and "the £220m analysts had expected"
        # make no revenue of £1.86bn. (A product may join unlike things: "$10m" each for
        # "two daughters".)
        return None
    if bounded_operand and " + " not in note:
        return None  # an operand's "at least" survives a sum, not a difference or a ratio
    if (
        figure.qualifier == "more_than"
        and figure.kind not in _SHARES
        and "more_than" not in {left.qualifier, right.qualifier}
        and " - " not in note
    ):
        # "beat the record by more than 2,000" is a difference a little above it; a sum so told is
        # mostly a change's end moved on by its size ("rise by £410 to £7,950" is no "more than £8,000")
        return None
    if reach == 0 and " + " not in note and not (left_related or right_related):
        return None  # any two numbers of a sentence differ by some small count ("24 - 26")
    if figure.kind == "count" and " - " in note and _count_different_things(left, right, index, parties=owned):
        return None  # "31 ferries" and "33 harbours" differ by two of nothing
    if figure.kind in _SHARES and range_ends(left, right, index.text):
        return None  # "between 20 and 40 hurt" is one uncertain count: its ends make no half
    if _difference_misread(note, left, right, index.text):
        return None  # "cost £48m, £9m more than forecast": the forecast was £39m; nothing cost £57m
    if " - " in note and _loss_and_gain(left, right, index.text):
        return None  # "a profit of £90m, against a loss of £30m": a swing of £120m, never of £60m
    if " + " in note and _total_with_its_part(left, right, index):
        return None  # "gave £2m more, taking its total to £17m": the £17m holds the £2m
    return note


_SMALL_COUNT: Final = 10


def _share_above(figure: Figure, left: Figure, right: Figure, index: ArticleIndex) -> str | None:
    """The share of two counts that a lower bound on a share tells, a little above it: "more than
    half" for 230 of 410 (56%); not for 97% (a bound that far below its value is no way to tell it).
    (Not "fewer than half": a ceiling on a share worked out of two counts lets any two counts of the
    article that fall under it pass, as the blind sets' bounds turned round showed.)"""
    bound = bound_of(figure.qualifier)
    nearly = figure.qualifier in _JUST_BELOW
    if (bound != "lower" and not nearly) or figure.kind not in _SHARES or figure.value is None:
        return None
    # (nor for "more than two points": a gap between two shares, no share of two counts)
    if (
        left.kind != "count"
        or right.kind != "count"
        or not left.value
        or not right.value
        or _IN_POINTS_RE.search(figure.text)
    ):
        return None
    if range_ends(left, right, index.text):
        return None  # "between 20 and 40 hurt" is one uncertain count
    part, whole = (left, right) if left.value < right.value else (right, left)
    # ("won 22 of her 34 games" is a share of the 34 the article says, never of the 31 points beside it)
    stated = _stated_whole(part, index)
    if not _share_of(part, whole, index) or (stated is not None and stated is not whole):
        return None
    numerator, denominator = sorted((left.value, right.value))
    share = 100 * numerator / denominator
    if nearly:
        # "almost a quarter of its branches" for 14 of its 58 (24.1%): a little below, and only of
        # the whole the article tells the part of ("14 of its 58"), never of any two counts
        low, high = figure.value - _PERCENT_ABOVE_REACH, figure.value if stated is whole else -1.0
    else:
        # a percentage is a finer bound than a fraction: "more than 30%" is told of 33%, "more than half" of 56%
        reach = _PERCENT_ABOVE_REACH if figure.kind == "percent" else _SHARE_ABOVE_REACH
        low = figure.value if figure.qualifier == "at_least" else figure.value + _SLACK
        high = figure.value + reach
    return (
        f"{_show(numerator)} / {_show(denominator)} = {share:.1f}%"
        if numerator < denominator and low <= share <= high
        else None
    )


def _stated_whole(part: Figure, index: ArticleIndex) -> Figure | None:
    """The whole the article tells a count is part of, right after it ("22 of her 34 games") or
    opening its sentence ("Of the 30 riders, 22 finished"); None if it tells none."""
    at = index.position(part)
    after = index.figures[at + 1] if at + 1 < len(index.figures) else None
    if after is not None and is_whole_of(part, after, index.text):
        return after
    return index.frame_reader().whole_of(part)


_IN_POINTS_RE: Final = re.compile(r"\bpoints?\b", re.IGNORECASE)


def _share_of(part: Figure, whole: Figure, index: ArticleIndex) -> bool:
    """Whether a smaller count may be told as a share of a larger one for a bound: not the two ends
    of a change ("47 seats, up from 39"), not over a count that is itself a part ("142 of 188
    pupils": 142 is no whole), and not over another item of its list ("3,710 backed the plan and
    2,710 opposed it") unless the larger is a stated whole ("142 of 188 pupils ..., and 121 ...")."""
    if index.partner(part) is whole or index.partner(whole) is part:
        return False
    at, text = index.position(whole), index.text
    if at + 1 < len(index.figures) and is_whole_of(whole, index.figures[at + 1], text):
        return False
    if index.sentence_number(part.start) != index.sentence_number(whole.start):
        return True
    first, second = (part, whole) if part.start < whole.start else (whole, part)
    if is_whole_of(first, second, text) or index.frame_reader().whole_of(part) is whole:
        return True
    if _LIST_JOIN_RE.search(text, first.end, second.start) is None:
        return True
    # (a stated whole: "142 of 188 pupils ..., and 121 did so in maths", "Of the 312 ..., 171 ...")
    return (at > 0 and is_whole_of(index.figures[at - 1], whole, text)) or bool(index.frame_reader().parts_of(whole))


_LIST_JOIN_RE: Final = re.compile(r"\b(?:and|while|whereas|but)\b", re.IGNORECASE)
_SHARE_ABOVE_REACH: Final = 10  # points above a lower bound on a share that the bound still tells
_PERCENT_ABOVE_REACH: Final = 5


# "£9m more than forecast", "12 fewer than last year", "5% above target": a figure that is a
# difference from another value; "over"/"under" only before what a value is measured against
# ("20 over budget"), not in "30 over the weekend" or "12 under the age of 16".
_DIFFERENCE_AFTER_RE: Final = re.compile(
    r"\s+(?:(?P<more>more|higher)\s+than|(?P<less>less|fewer|lower)\s+than"
    r"|(?:(?P<above>above|over)|(?P<below>below|under|short\s+of))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:target|forecast|budget|estimate|expected|planned|plan|projection|average)\b)",
    re.IGNORECASE,
)


# "taking its total to", "lifting the sum raised so far to": a running total, reached by
# adding what the sentence told before it.
_RUNNING_TOTAL_RE: Final = re.compile(
    r"\b(?:bringing|brings|brought|taking|takes|took|pushing|pushes|pushed|lifting|lifts|lifted)\b[^.;:!?]{0,60}\bto\s+$",
    re.IGNORECASE,
)


def _share_words(left: Figure, right: Figure, index: ArticleIndex) -> bool:
    """Whether the sentences of two article figures share a content word."""
    return not index.sentence_stems(index.position(left)).isdisjoint(index.sentence_stems(index.position(right)))


def _total_with_its_part(left: Figure, right: Figure, index: ArticleIndex) -> bool:
    """Whether one operand is a running total that already holds the other, told before it in its
    sentence: adding the two counts the part twice."""
    part, total = (left, right) if left.start < right.start else (right, left)
    if index.sentence_number(part.start) != index.sentence_number(total.start):
        return False
    return _RUNNING_TOTAL_RE.search(index.text, max(part.end, total.start - _TOTAL_REACH), total.start) is not None


_TOTAL_REACH: Final = 80


def _difference_misread(note: str, left: Figure, right: Figure, text: str) -> bool:
    """Whether a sum or difference uses a figure told as a difference the wrong way: "£48m, £9m more
    than forecast" makes a forecast of £39m (a difference), never £57m; "40mm, 15mm less than
    forecast" makes 55mm (a sum)."""
    ways = {_difference_way(left, text), _difference_way(right, text)}
    return (1 in ways and " + " in note) or (-1 in ways and " - " in note)


def _loss_and_gain(left: Figure, right: Figure, text: str) -> bool:
    """Whether one amount is told as a loss ("a loss of £30m", "a £30m deficit", "lost £30m") and the
    other as a gain ("a profit of £90m", "made £90m"): the loss is below zero, so their difference
    is their sum. An amount told as neither may be either ("lost £30m last year and £18m this year")."""
    if left.kind != "money" or right.kind != "money":
        return False
    return {_told_as(left, text), _told_as(right, text)} == {"loss", "gain"}


def _told_as(figure: Figure, text: str) -> str | None:
    """ "loss" or "gain" for an amount told as one right before or after it, else None."""
    found = _OUTCOME_BEFORE_RE.search(text, max(0, figure.start - _OUTCOME_REACH), figure.start)
    word = found.group(1) if found else None
    if word is None:
        after = _OUTCOME_AFTER_RE.match(text, figure.end)
        word = after.group(1) if after else None
    if word is None:
        return None
    return "loss" if word.lower().startswith(("loss", "deficit", "lost", "losing")) else "gain"


# "a loss of", "lost", "a profit of", "made", "earned": what an amount is, right before it ...
_OUTCOME_BEFORE_RE: Final = re.compile(
    r"\b(loss(?:es)?\s+of|deficits?\s+of|lost|losing|profits?\s+of|surplus\s+of|made|earned|earning)"
    r"\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?$",
    re.IGNORECASE,
)
# ... or right after it: "a £30m loss", "a £90m profit".
_OUTCOME_AFTER_RE: Final = re.compile(
    r"\s+(?:(?:pre-tax|net|operating|annual)\s+)?(loss(?:es)?|deficits?|profits?|surplus)\b", re.IGNORECASE
)
_OUTCOME_REACH: Final = 30  # characters before an amount read for what it is


def _difference_way(figure: Figure, text: str) -> int:
    """+1 for a figure told as an amount more than another value ("£9m more than forecast"), -1 for
    one less ("15mm less than forecast"), 0 for a figure that is no difference."""
    found = _DIFFERENCE_AFTER_RE.match(text, figure.end)
    if found is None:
        return 0
    return 1 if found.group("more") or found.group("above") else -1


def _count_different_things(left: Figure, right: Figure, index: ArticleIndex, *, parties: bool = False) -> bool:
    """Whether two counts name different things right after them: "31 ferries" and "33 harbours",
    "4,100 people" and "1,200 new homes"; not "seven striking nurses" and "four of the nurses", nor
    "900 people" and "300 residents"."""
    if index.partner(left) is right or index.partner(right) is left:
        return False  # the two ends of one change count one thing: "485 members, down from 530 last year"
    (left_words, left_people), (right_words, right_people) = (
        _counted(left, index.text, parties=parties),
        _counted(right, index.text, parties=parties),
    )
    if left_words and right_words:
        return not left_words & right_words
    # "people" alone says only that it counts persons: different from a thing no person is
    if left_people and right_words:
        return not same_kind(left_people, right_words)
    return bool(right_people and left_words and not same_kind(right_people, left_words))


_COUNTED_RE: Final = re.compile(r"(?:\s+(?:of|the|[a-z]+'s))*((?:\s+[A-Za-z-]{3,}){1,3})")


def _counted(figure: Figure, text: str, *, parties: bool = False) -> tuple[frozenset[str], frozenset[str]]:
    """Stems (four letters) of the few words after a count: what it counts; and apart, "people" or
    "persons" among them (a stop word to the stems)."""
    match = _COUNTED_RE.match(text, figure.end)
    if (
        match is None
        or _VERB_FIRST_RE.match(match.group(1))
        or (not parties and _PARTY_FIRST_RE.match(text, figure.end))
        or _EXPECTED_FIRST_RE.match(text, figure.end)
    ):
        # "and 2,847 finished": a verb counts the same swimmers, it names no thing; nor does "4,900
        # for the challenger" (whose count it is, not what it counts), unless parties tell counts
        # apart (`parties`), nor "the 3 million forecast" (what was expected of it)
        return frozenset(), frozenset()
    words = match.group(1)
    persons = frozenset(word[:4] for word in words.lower().split() if word in PERSON_WORDS)
    return prefixes_of(content_stems(words)), persons


# A verb ends the words after a count or hands them on ("and 2,847 finished, a record", "... died in
# the fire"); "red cards", "registered voters" and "speed cameras" name things.
_VERB_FIRST_RE: Final = re.compile(
    r"\s+(?:[a-z]{3,}ed|sold|made|built|paid|spent|seen|taken|given|held|kept|left|brought|bought|sent|lost|won"
    r"|grown|drawn|shown|found|hurt)"
    r"(?=\s*(?:[.,;:]|$|\s+(?:the|a|an|in|on|at|by|to|from|after|before|outright|[a-z]+ly)\b))"
)


# A party named right after a summary's count, or after its noun: "100 for the Brits", "100 places
# for Arland".
_PARTY_AFTER_RE: Final = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(?:for|to)\s+(?:the\s+)?[A-Z]")
# A word of forecast right after a count says what was expected of it, not what it counts: "2.1
# million passengers, against the 3 million forecast".
_EXPECTED_FIRST_RE: Final = re.compile(
    r"\s+(?:forecasts?|targets?|estimates?|projections?|expected|predicted|projected|estimated|planned|budgeted)\b",
    re.IGNORECASE,
)
# A preposition right after a count says whose it is or where, not what it counts.
_PARTY_FIRST_RE: Final = re.compile(r"\s+(?:for|to|against|in|at|from|with|by|on|among)\s", re.IGNORECASE)


_ARITHMETIC_KINDS: Final = frozenset({"count", "money", "percent", "fraction", "duration", "measure"})


def _converted_duration(figure: Figure, index: ArticleIndex) -> Figure | None:
    assert figure.value is not None
    days = DURATION_DAYS.get(figure.unit or "")
    if days is None:
        return None
    # A lower bound is met by a longer time, within one step of its own unit: "more than two days"
    # for 52 hours, "over two decades" for 22 years (not for 48 hours, nor for 35 years).
    above = granularity(figure) * days if bound_of(figure.qualifier) == "lower" else None
    for other in index.figures:
        other_days = DURATION_DAYS.get(other.unit or "") if other.kind in {"duration", "age"} else None
        if not other_days or other.unit == figure.unit or other.value is None:
            continue
        if above is not None:
            gap = other.value * other_days - figure.value * days
            if bound_of(other.qualifier) == "exact" and 0 <= gap <= above and (gap or figure.qualifier == "at_least"):
                return other
            continue
        # 5% between whole units ("104 weeks", "two years"); a time told in two units is held to
        # the less precise of the two times' steps ("130 minutes" is no "2 hours 5 minutes 10 seconds")
        tolerance = 0.05 * figure.value * days
        if is_compound_time(figure) or is_compound_time(other):
            tolerance = max(granularity(figure) * days, granularity(other) * other_days) / 2
        if abs(other.value * other_days - figure.value * days) <= tolerance:
            return other
    return None


def _operand_kinds(figure: Figure) -> frozenset[str]:
    if figure.kind == "money":
        return frozenset({"money", "count", "fraction"})
    if figure.kind in {"percent", "fraction"}:
        return frozenset({"percent", "fraction", "count", "money", "measure"})
    if figure.kind in {"duration", "measure"}:
        return frozenset({figure.kind})
    return frozenset({"count"})


def _related_operands(figure: Figure, context: frozenset[str], index: ArticleIndex) -> list[tuple[int, bool, Figure]]:
    """Exact article figures that can enter a sum, difference, product or ratio for `figure`.

    Same kind only (counts with counts, money with money of the same currency, durations in the same
    unit); no bounds, vague amounts, years, ages or ordinals. Each comes with its sentence number and
    whether it shares a word with the summary figure's clause.
    """
    kinds = _operand_kinds(figure)
    prefixes = prefixes_of(context)
    operands = []
    best = 0  # operands of the summary figure's kind that share its words
    for position, other in enumerate(index.figures):
        if other.value is None or other.vague or other.kind not in kinds or other.value <= 0:
            continue
        if other.start in index.score_parts:
            continue  # "won 6-1": a score's numbers are not amounts to add up
        if bound_of(other.qualifier) == "upper" or (bound_of(other.qualifier) == "lower" and figure.kind != "count"):
            continue  # "at least 20" may enter a count ("at least 20 and three more"), no ceiling may
        if other.kind == "money" and figure.kind == "money" and not compatible(figure, other):
            continue
        if (
            other.kind in {"duration", "measure"}
            and figure.kind in {"duration", "measure"}
            and other.unit != figure.unit
        ):
            continue
        related = bool(prefixes & index.prefixes(position))
        operands.append((index.sentence_number(other.start), related, other))
        best += related and other.kind == figure.kind
        if best >= _MAX_OPERANDS or len(operands) >= _MAX_CANDIDATES:
            break  # as many of the best kind as are kept (no later figure can take their place), or
            # as many as a long article's derivation may weigh
    if len(operands) > _MAX_OPERANDS:
        # figures of the summary's own kind that share its words first, wherever they stand in the
        # article; kept in text order, which the derivations try them in
        ranked = sorted(range(len(operands)), key=lambda i: (operands[i][2].kind != figure.kind, not operands[i][1], i))
        operands = [operands[i] for i in sorted(ranked[:_MAX_OPERANDS])]
    return operands


def _arithmetic(
    figure: Figure,
    left: Figure,
    right: Figure,
    step: float,
    *,
    changes: bool = True,
    moved: Direction | None = None,
    parts: bool = True,
) -> str | None:
    assert figure.value is not None
    tolerance = max(step / 2, abs(figure.value) * 1e-9)
    if figure.kind == "count" and figure.scale is None and figure.qualifier is None and step <= 1:
        tolerance = abs(figure.value) * 1e-9  # a plain count is a sum to the unit: 5 + 1.1 is not "six"
    if figure.kind in _SHARES and moved is not None:
        # (a bound is read as for any share worked out: "more than 40%" is no start of exactly 40%)
        started = _start_in_points(left, right, moved).items()
        candidates = {note: figure.value for note, result in started if _share_fits(figure, result, tolerance, step)}
    elif figure.kind in _SHARES:
        candidates = _share_results(figure, left, right, step, changes=changes, parts=parts)
    else:
        candidates = _amount_results(figure, left, right)
    for note, result in candidates.items():
        # to the nearest step, a half rounding up: $350bn is "$400bn", never "$300bn"
        gap = result - figure.value
        if figure.qualifier in _JUST_BELOW and gap > 0:
            continue  # "nearly 1,800" is 1,775, never 1,820
        if figure.kind not in _SHARES and figure.qualifier == "more_than":
            # "more than 2,000" is 2,280, never 1,900 nor 2,000 (a total T is never "more than T"),
            # nor 9,000 (a bound that far below its value is no way to tell it). ("At least" keeps
            # to the value: a sum that counts a part twice, "at least 60 ... including 32", is no
            # "at least 90".)
            if result > 0 and _SLACK < gap <= max(step, _BOUND_REACH * abs(figure.value)):
                return note
            continue
        if result > 0 and (abs(gap) < tolerance or (abs(gap) == tolerance and gap < 0)):
            return note
    return None


_SHARES: Final = frozenset({"percent", "fraction"})


def _share_results(
    figure: Figure, left: Figure, right: Figure, step: float, *, changes: bool = True, parts: bool = True
) -> dict[str, float]:
    """Percentages from two counts (a share) or two amounts (a change, where `changes`), or from two
    percentages (sum, difference in points)."""
    assert figure.value is not None
    assert left.value is not None
    assert right.value is not None
    a, b = left.value, right.value
    # A whole percentage rounds ("up 6%" for 6.3%); one with decimals is held to them, rounded to its
    # last digit ("6.6%" is no rise of 6.25%); the slack keeps a value on the half-way line in.
    tolerance = step / 2 + _SLACK if step < 1 else max(0.5, step / 2)
    # (a measure changes as an amount does: "speeds rose by a third" from 18 km/h to 24 km/h)
    measures = left.kind == right.kind == "measure" and left.unit == right.unit
    if (left.kind == right.kind and left.kind in {"count", "money"}) or measures:
        for numerator, denominator in ((a, b), (b, a)):
            share = 100 * numerator / denominator
            # (a lower bound on a share of a whole is `_share_above`'s, which asks that it be one)
            if (
                parts
                and left.kind == "count"
                and 0 < numerator < denominator
                and bound_of(figure.qualifier) not in _BOUNDS
                and abs(share - figure.value) <= tolerance
            ):
                return {f"{_show(numerator)} / {_show(denominator)} = {figure.value:g}%": figure.value}
            change = 100 * abs(numerator - denominator) / denominator
            if changes and numerator != denominator and _share_fits(figure, change, tolerance, step):
                # a percentage change: "shares rose 8%" from 33 to 35.80
                return {f"{left.text} to {right.text} is {change:.1f}%": figure.value}
        return {}
    bounded = bound_of(figure.qualifier) in _BOUNDS and figure.qualifier not in _JUST_BELOW
    if left.kind not in _SHARES or right.kind not in _SHARES or bounded:
        return {}  # (a sum or gap of two percentages is exact: no bound tells it, but "nearly" may)
    if not in_points(figure) and enabled("points-not-percent"):
        # 52% to 47% is a fall of 5 points, not of 5%: a difference of two percentages is in points.
        return {f"{left.text} + {right.text}": a + b}
    return {f"{left.text} + {right.text}": a + b, f"{left.text} - {right.text}": abs(a - b)}


_SLACK: Final = 1e-6
_BOUNDS: Final = frozenset({"lower", "upper"})
_BOUND_REACH: Final = 0.1  # of its value, past a bound, that a share or change worked out may lie


def _share_fits(figure: Figure, result: float, tolerance: float, step: float) -> bool:
    """Whether a share or change worked out is what the summary's percentage tells: its value to its
    precision or, for a lower bound, above it within a step or a tenth of the value (a fraction,
    within `_SHARE_ABOVE_REACH` points): "more than 13%" for 13.3%, not for 12.7%, nor for 16%;
    "more than half" for a fall of 58%; "nearly 13%" for 12.6%, not for 13.2%."""
    assert figure.value is not None
    value = figure.value
    bound = bound_of(figure.qualifier)
    if bound not in _BOUNDS:
        return abs(result - value) <= tolerance
    reach = max(step, _BOUND_REACH * value, _SHARE_ABOVE_REACH if figure.kind == "fraction" else 0)
    if bound == "lower":
        # ("at least 13%" holds 13% itself, never 12.6%)
        return (value <= result if figure.qualifier == "at_least" else value < result) and result <= value + reach
    # a ceiling worked out is no claim (see `_share_above`), but "nearly 13%" is a value a little below
    return figure.qualifier in _JUST_BELOW and value - reach <= result <= value


def _start_in_points(left: Figure, right: Figure, moved: Direction) -> dict[str, float]:
    """Where a change in points started, from the level it reached and its size: "rose 9.8 points to
    21.3%" was 11.5% before (never the level moved on again)."""
    level, size = (left, right) if left.kind == "percent" and not in_points(left) else (right, left)
    assert level.value is not None
    assert size.value is not None
    if moved == "up":
        return {f"{level.text} - {size.text}": level.value - size.value}
    return {f"{level.text} + {size.text}": level.value + size.value}


def _moved_in_points(left: Figure, right: Figure, index: ArticleIndex) -> Direction | None:
    """The way a change in points went, where one of two figures is a percentage level and the other
    the size of that change ("rose by 9.8 percentage points to 21.3%", "on 34%, up three points"),
    not a margin of error or another level; None otherwise."""
    left_points, right_points = _change_in_points(left, index), _change_in_points(right, index)
    if left_points == right_points:
        return None
    level, size = (right, left) if left_points else (left, right)
    if level.kind != "percent" or in_points(level) or index.partner(level) is not None:
        return None  # (a level with its own other end: "rose 3 points to 71% from 68%" tells it)
    movement = movement_of(index.text, size)
    return movement.direction if movement is not None else None


def _change_in_points(figure: Figure, index: ArticleIndex) -> bool:
    """A change's size in points: "by 9.8 percentage points", or a count of points told after "up"
    or "down" ("34%, up three points": read as a count, as a sport's points are)."""
    if in_points(figure):
        return change_role(index.text, index.figures, index.starts, figure) == "amount"
    return (
        figure.kind == "count"
        and _POINTS_AFTER_RE.match(index.text, figure.end) is not None
        and _UP_DOWN_BEFORE_RE.search(index.text, max(0, figure.start - _UP_DOWN_REACH), figure.start) is not None
    )


_UP_DOWN_BEFORE_RE: Final = re.compile(r"\b(?:up|down|rose|fell|gained|lost|by)\s+$", re.IGNORECASE)
_UP_DOWN_REACH: Final = 12


def _share_of_group(figure: Figure, text: str) -> bool:
    """A share of a group ("a quarter of those who lost power", "30% of the staff") is a part of a
    whole, never the change from one amount to another; a share of a value ("lost a fifth of its
    value") may be."""
    return figure.kind in _SHARES and (found := _SHARE_OF_RE.match(text, figure.end)) is not None and not found[1]


# "of those", "of the staff", "of its value": group 1 holds a word that makes the share a change
_SHARE_OF_RE: Final = re.compile(
    r"\s+of\s+(?:(?:its|their|the|his|her|our)\s+(?:(value|worth|price|weight|size)\b)?)?", re.IGNORECASE
)


def _amount_results(figure: Figure, left: Figure, right: Figure) -> dict[str, float]:
    """Sums and differences of two figures of one kind; products and ratios with a small count (x 12, / 2)."""
    assert left.value is not None
    assert right.value is not None
    if figure.kind == "money" and left.kind == right.kind == "count":
        return {}  # two plain counts do not make an amount of money
    results = {}
    for share, amount in ((left, right), (right, left)):
        if share.kind == "fraction" and amount.kind == "money" and share.value is not None and amount.value is not None:
            # "half of the €900 million fund" is €450 million
            results[f"{share.text} of {amount.text}"] = amount.value * share.value / 100
    if left.kind == right.kind:
        results[f"{left.text} + {right.text}"] = left.value + right.value
        results[f"{left.text} - {right.text}"] = abs(left.value - right.value)
    if figure.kind == "count" and left.kind == right.kind == "count":
        return results  # counts add up; a product or ratio of two counts is a coincidence more often than not
    for (multiplier, m), (other, o) in (
        ((left, left.value), (right, right.value)),
        ((right, right.value), (left, left.value)),
    ):
        if multiplier.kind == "count" and m == int(m) and 1 < m <= 12 and not same(m, o):
            results[f"{other.text} x {multiplier.text}"] = o * m
            results[f"{other.text} / {multiplier.text}"] = o / m
            break
    return results


def shown_working(figure: Figure, around: Around) -> Match | None:
    """The summary figure as its own sentence works it out from other figures of its kind, each of
    which is checked against the article on its own: a total told as one ("44 members in all:
    29 for, 12 against and three abstaining") that is the sum of the rest, or a difference told as
    one ("£13m more than the old depot: £61m against £48m") that is two of them apart. A list of
    figures with no such words ("ratings: Guzan 6, Vlaar 5.5, Clark 6") works nothing out."""
    if not enabled("working-shown") or figure.value is None or figure.kind not in _ARITHMETIC_KINDS:
        return None
    start, end = around.layout.sentence_of(figure.start)
    parts = [
        sibling
        for sibling in around.others_between(start, end)
        if sibling.kind == figure.kind
        and sibling.value is not None
        and not sibling.vague
        and compatible(figure, sibling)
        and (figure.kind not in {"duration", "measure"} or sibling.unit == figure.unit)
    ]
    tolerance = max(granularity(dataclasses.replace(figure, qualifier=None)) / 2, abs(figure.value) * 1e-9)
    values = [part.value or 0.0 for part in parts]
    total = len(parts) >= _TWO and _TOTAL_WORDS_RE.search(around.text, *around.within_reach(start, end)) is not None
    if total and abs(sum(values) - figure.value) <= tolerance:
        note = "the summary's own working: " + " + ".join(part.text for part in parts)
        return Match("derived", None, note, "working-shown")
    worked = _difference_shown(figure, around, parts, tolerance)
    if worked is not None:
        return worked
    # a percentage change told between two amounts the summary gives ("about 18% above its 450p
    # opening bid" for a 530p offer)
    own = own_working(figure, around) if figure.kind == "percent" else None
    if own is not None and worked_fits(figure, own[2]):
        note = f"the summary's own working: {own[1].text} to {own[0].text} is {own[2]:.1f}%"
        return Match("derived", None, note, "working-shown")
    if own is not None and relative_fits(figure, own[0], own[1]):
        # "6.5% is 62.5% higher than 4.0%": a change of the rate itself, not points
        note = f"the summary's own working: {own[1].text} to {own[0].text}, a relative change"
        return Match("derived", None, note, "working-shown")
    return _share_shown(figure, around)


def _share_shown(figure: Figure, around: Around) -> Match | None:
    """A share the summary works out of two amounts it gives itself, the part right before it and
    the whole right after it: "saving $4.6m a year, roughly half of next year's $9.1m shortfall"
    (50.5%). Each amount is checked against the article on its own."""
    if figure.kind not in _SHARES or figure.value is None:
        return None
    part, whole = around.before(figure), around.next_of(figure)
    if (
        part is None
        or whole is None
        or part.value is None
        or part.value <= 0
        or whole.value is None
        or part.kind != whole.kind
        or part.kind not in _WORKED_KINDS
        or part.unit != whole.unit
        or not compatible(part, whole)
        or not part.value < whole.value
        or not _PART_BEFORE_SHARE_RE.fullmatch(around.text, part.end, figure.start)
        or not _WHOLE_AFTER_SHARE_RE.fullmatch(around.text, figure.end, whole.start)
    ):
        return None
    share = 100 * part.value / whole.value
    note = f"the summary's own working: {part.text} of {whole.text} is {share:.1f}%"
    return Match("derived", None, note, "working-shown") if worked_fits(figure, share) else None


_WORKED_KINDS: Final = frozenset({"money", "count", "measure"})
# "$4.6m a year, roughly half of next year's $9.1m": a few words of the part's own, then a comma ...
_PART_BEFORE_SHARE_RE: Final = re.compile(r"(?:\s+[a-z-]+){0,3},\s*(?:or\s+|some\s+)?", re.IGNORECASE)
# ... and after the share, "of" and the whole's owner or time
_WHOLE_AFTER_SHARE_RE: Final = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|this|next|last)\s+|[A-Za-z]+['’]s\s+|[a-z-]+\s+){0,3}?", re.IGNORECASE
)


def _difference_shown(figure: Figure, around: Around, parts: list[Figure], tolerance: float) -> Match | None:
    """A difference the summary's sentence works out: two of its figures apart ("£13m more than the
    old depot: £61m against £48m"), or what a whole leaves after the parts it gives before the
    figure ("carries 420 passengers, with 96 in cabins and 180 in couchettes, leaving 144 seats")."""
    assert figure.value is not None
    values = [part.value or 0.0 for part in parts]
    lead = around.text[max(0, figure.start - _GAP_REACH) : figure.start]
    if compared_after(around.layout.text, figure) or _GAP_BEFORE_RE.search(lead):
        for i, left in enumerate(parts):
            for j in range(i + 1, len(parts)):
                if abs(abs(values[i] - values[j]) - figure.value) <= tolerance:
                    note = f"the summary's own working: {left.text} - {parts[j].text}"
                    return Match("derived", None, note, "working-shown")
    before = [part for part in parts if part.start < figure.start]
    if len(before) >= _TWO and REST_BEFORE_RE.search(lead):
        whole, *taken = before
        if abs((whole.value or 0.0) - sum(part.value or 0.0 for part in taken) - figure.value) <= tolerance:
            note = f"the summary's own working: {whole.text} - " + " - ".join(part.text for part in taken)
            return Match("derived", None, note, "working-shown")
    return None


# "leaving 144 seats", "the remaining 12": what a whole leaves after the parts told before it.
REST_BEFORE_RE: Final = re.compile(r"\b(?:leaving|leaves|left|the\s+remaining|the\s+other)\s+$", re.IGNORECASE)
# "a goal difference of 12", "a gap of 6.4 weeks", "a margin of 312": a difference told by its noun.
_GAP_BEFORE_RE: Final = re.compile(r"\b(?:difference|gap|margin|lead|deficit|shortfall)\s+of\s+$", re.IGNORECASE)
_GAP_REACH: Final = 24
# Words that tell a figure is the total of the parts its sentence lists.
_TOTAL_WORDS_RE: Final = re.compile(
    r"\b(?:in\s+all|in\s+total|totall?(?:ed|ing)?|altogether|all\s+told|combined|between\s+them)\b", re.IGNORECASE
)
_TWO: Final = 2


def _show(value: float) -> str:
    return f"{value:g}"


# The derivations by rule name, in the order of `rules.RULES` (their precedence).
_ATTEMPTS: Final[dict[str, Derivation]] = {
    "durations": _durations,
    "days-listed": lambda figure, around, index: _one(days_listed(figure, around, index)),
    "metric-units": _metric_units,
    "years-counted": _years_counted,
    "with-the-rest": _with_the_rest_rule,
    "listed": _listed_rule,
    "points-apart": _points_apart_rule,
    "remainder": _remainder_rule,
    "rest-of-whole": _rest_of_whole_rule,
    "apportioned": lambda figure, around, index: _one(apportioned(figure, around, index)),
    "multiple": lambda figure, around, index: _one(multiple(figure, around, index)),
    "rate-over-span": lambda figure, around, index: _one(rate_over_span(figure, around, index)),
    "arithmetic": _arithmetic_rule,
}
_DERIVATIONS: Final = tuple((rule.name, _ATTEMPTS[rule.name]) for rule in RULES if rule.name in _ATTEMPTS)
