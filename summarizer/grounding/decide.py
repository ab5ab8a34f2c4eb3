"""The flow of the figure check: one summary figure through the stages to its status."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Final

from summarizer.figures import Figure, find_figures
from summarizer.text import clean_text, stem

from .binding import (
    BINDABLE_KINDS,
    BINDING_MARGIN,
    binding,
    bound_elsewhere,
    contrasted,
    counts_other_thing,
    misattributed,
    rival_kind,
    same_measure,
)
from .compact_lines import labelled_elsewhere
from .companions import beside_other_value
from .compare import (
    FRACTION_BOUND_REACH,
    ROUNDING_REACH,
    bound_of,
    granularity,
    in_points,
    qualifier_conflict,
    rounds_to,
    same,
    vague_holds,
    values_equal,
)
from .comparisons import comparison_turned, own_working_contradicted
from .derive import REST_BEFORE_RE, WRITTEN_M_RE, change_way, derive, of_the_thing, shown_working, with_the_rest
from .direction import compared_after, opposite, sign_of, told_as_size
from .entities import a_rank, listed_for_another, named_elsewhere, named_swap, rank_elsewhere
from .index import ArticleIndex, counts_a_thing, scores_in_article
from .links import (
    against_its_ends,
    change_role,
    other_end,
    other_partner,
    other_side,
    part_above_whole,
    range_end,
    turned_round_pair,
)
from .own_change import change_of_another
from .people import age_of_other_person, span_as_age
from .periods import other_period
from .relative_years import other_relative_year
from .report import FLAGGED_STATUSES, TURNED_ROUND, FigureCheck, FigureStatus, Match
from .rules import RULES, disabled, enabled
from .timing import (
    from_earlier_event,
    other_day,
    other_month,
    other_phase,
    other_span,
    other_tense,
    other_year,
    year_of_other_event,
    year_of_other_figure,
)
from .wholes import whole_for_part
from .words import Around, LazyLayout, TextLayout


def _check_one(
    figure: Figure, around: Around, index: ArticleIndex, *, bind: bool, bind_rules: Sequence[BindRule]
) -> Match:
    """Compare, then bind: a value the article has must also be about what the summary says.

    `bind_rules`: the bind-stage rules that are on, in their precedence (read once per text).
    """
    match = _match_value(figure, around, index, bind=bind)
    if bind and match.status in {"supported", "rounded", "derived"} and enabled("own-working"):
        own = own_working_contradicted(figure, around)
        if own is not None:
            return own
    if not bind or match.status not in {"supported", "rounded"} or match.article is None:
        return match
    equal = _same_value(figure, match, index)
    for rule in bind_rules:
        verdict = rule(figure, around, index, match, equal)
        if verdict is not None:
            # "Turnout fell five points to 58%" where the article's five are seats and its turnout
            # went from 63% to 58%: a size the summary tells is the size of the article's change
            # ("... by 13 points" where the article's 13 took an extra subject: a difference the
            # summary tells is the difference of two article figures)
            size = (
                _size_the_summary_tells(figure, around, index) or _difference_told(figure, around, index)
                if verdict.status == "misattributed"
                else None
            )
            return size or verdict
    return match


def _same_value(figure: Figure, match: Match, index: ArticleIndex) -> list[Figure]:
    """The article figures that give the summary's value: equal to it, or, for a rounding, rounding to it."""
    if match.status == "supported" or match.rule == "bound-rounding":  # "at least two" from "two"
        return [other for _, other in index.equal(figure) if qualifier_conflict(figure, other) is None]
    return [
        other
        for _, other in _roundable(figure, index)
        if same_measure(figure, other) and not other.vague and rounds_to(figure, other)
    ]


def _roundable(figure: Figure, index: ArticleIndex) -> list[tuple[int, Figure]]:
    """The article figures close enough in value for a rounding or a bound to reach (see `rounds_to`)."""
    assert figure.value is not None
    reach = max(granularity(figure), ROUNDING_REACH * abs(figure.value)) * 1.01
    if figure.kind == "fraction" and bound_of(figure.qualifier) == "lower":
        reach = max(reach, FRACTION_BOUND_REACH * 1.01)
    return index.near(figure, reach)


BindRule = Callable[[Figure, Around, ArticleIndex, Match, list[Figure]], "Match | None"]


def _contrast(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    rival = contrasted(figure, around, index, equal)
    if rival is None:
        return None
    return Match("misattributed", rival, f"the summary's words fit the article's '{rival.text}'", "contrast")


_UNIT_KINDS: Final = frozenset({"measure", "duration"})


def _other_thing(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    other = counts_other_thing(figure, around, index, equal)
    if other is None:
        return None
    return Match("misattributed", other, f"the article's '{other.text}' counts something else", "other-thing")


def _label_elsewhere(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    other = labelled_elsewhere(figure, around, index, equal)
    if other is None:
        return None
    return Match("misattributed", other, f"the summary's label fits the article's '{other.text}'", "label-elsewhere")


def _match_value(figure: Figure, around: Around, index: ArticleIndex, *, bind: bool) -> Match:
    candidates = index.candidates(figure)
    if figure.vague:
        return _check_vague(figure, candidates)
    equal = index.equal(figure)
    if figure.kind == "count" and counts_a_thing(around.text, figure):
        # a count that names what it counts leaves off no unit: "1,200 people" is no "1,200 days"
        candidates = [item for item in candidates if item[1].kind not in _UNIT_KINDS]
        equal = [item for item in equal if item[1].kind not in _UNIT_KINDS]
    if equal:
        match = _check_equal(figure, around=around, index=index, equal=equal, candidates=candidates, bind=bind)
        return _reconsidered(figure, around, index, match, equal) if match.status == "misattributed" else match
    # A rounding keeps what is counted: "more than 20 years" is not a rounding of "30 objects".
    rounded = [
        (position, other)
        for position, other in _roundable(figure, index)
        if same_measure(figure, other) and rounds_to(figure, other)
    ]
    if rounded:
        return _rounded(figure, around, index, rounded, bind=bind)
    written = _written_otherwise(figure, around.text, index, around)
    if written is not None or figure.kind == "name":
        return written or Match("unsupported", None)
    derivation = None if figure.kind == "ordinal" else _derivation(figure, around, index)
    return derivation or Match("unsupported", _closest(figure, [other for _, other in candidates]))


def _rounded(
    figure: Figure, around: Around, index: ArticleIndex, rounded: list[tuple[int, Figure]], *, bind: bool
) -> Match:
    """A summary value that rounds article figures (`rounded`), unless it is about something else or
    another end of a change, or worked out in its own currency."""
    closest = _closest(figure, [other for _, other in rounded]) or rounded[0][1]
    if figure.kind == "money" and closest.kind != "money":
        # a rounding of a bare number ("rose to 7.2 million" passengers) is weaker evidence for
        # "€7 million" than working in the summary's own kind ("€31 million - €24 million")
        worked = _derivation(figure, around, index)
        if worked is not None and worked.status == "derived":
            return worked
    # A rounding keeps what is measured, as an equal value does: "about two thirds of
    # passengers" is no rounding of the 62% of the track that is built. Not in a headline,
    # which rounds and takes its words from anywhere.
    read = bind and not around.in_headline
    elsewhere = _about_something_else(figure, around, index, rounded, index.candidates(figure)) if read else None
    if elsewhere is not None:
        return Match("misattributed", closest, elsewhere[1], elsewhere[0])
    # A rounding keeps its end of a change too: "climbed to about £10bn" is no rounding of the
    # £9.8bn revenue climbed from.
    end = other_end(figure, around, index, [other for _, other in rounded]) if read and enabled("change-end") else None
    return end or Match("rounded", closest, rule="nearest-rounding")


def _derivation(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The summary's own working or a derivation from the article, unless the value is a level the
    article gives in per cent told as a rise in points (`_level_as_points`) and no change of the
    article has that size ("rose 30 points" from "from 30% to 60%" is a size)."""
    derivation = shown_working(figure, around) or derive(figure, around, index)
    sized = derivation is not None and len(derivation.operands) == 2 and change_way(derivation.operands, index)
    level = None if sized or not enabled("change-end") else _level_as_points(figure, around, index)
    return level or derivation


_ENDS: Final = frozenset({"before", "after"})


def _level_as_points(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A rise in points the article gives as a level in per cent, the end of a change: "rent inflation
    rose by 6.2 percentage points" where it "edged up to 6.2% from 5.9%" (a rise of 0.3 points)."""
    if not in_points(figure) or figure.value is None or not told_as_size(around.text, figure):
        return None
    for other in index.figures:
        if other.kind != "percent" or in_points(other) or other.value is None or not same(other.value, figure.value):
            continue
        if not index.context(index.position(other)) & around.context:
            continue  # a level of something else ("unemployment has fallen to 6%")
        if index.partner(other) is not None or change_role(index.text, index.figures, index.starts, other) in _ENDS:
            note = f"the article gives '{other.text}' as a level, an end of its change, not the change's size"
            return Match("misattributed", other, note, "change-end")
    return None


def _reconsidered(
    figure: Figure, around: Around, index: ArticleIndex, match: Match, equal: list[tuple[int, Figure]]
) -> Match:
    """An equal value found to be about something else, looked at again: its parts may add up ("5
    hurt" where "five volunteers" set out and "a driver and four marshals" were hurt), and a
    headline's words are weak evidence against it."""
    parts = (
        with_the_rest(figure, around, index)
        or _size_of_told_change(figure, around, index)
        or _difference_told(figure, around, index)
    )
    if parts is None and match.rule == "bound-elsewhere" and _headline_fits(around, index, equal):
        return Match("supported", match.article)
    return parts or match


def _size_the_summary_tells(
    figure: Figure, around: Around, index: ArticleIndex, *, by_verb: bool = True
) -> Match | None:
    """The summary's value as the size of an article change, where the summary tells it as a
    change's size: "fell by £113", "an increase of 12", or (`by_verb`) a verb of change right before
    it ("fell five points to 58%", "lost five seats")."""
    told = change_role(around.text, around.siblings, around.sibling_starts, figure) == "amount"
    if not told and not (by_verb and told_as_size(around.text, figure)):
        return None
    return _article_change_size(figure, around, index)


def _other_end(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """`other_end`, unless the summary's value is also the size of an article change: "the Union lost
    14 seats" may be its 55 - 41, whatever other 14 the article gives as an end (then that
    derivation, or `per-period` where the size is told per another period)."""
    end = other_end(figure, around, index, equal)
    if end is None:
        return None
    size = _article_change_size(figure, around, index)
    # ... though not where the article tells the value per another period ("£113 a month" for its
    # "£113 a year"): that the size is right does not make the period right
    if size is None:
        return end
    period = other_period(figure, around, index, equal) if enabled("per-period") else None
    return period or size


def _size_of_told_change(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The size of an article change the summary's sentence gives an end of: "gained eight seats,
    winning 26" where the article has "26 seats, up from 18", whatever else its "eight" counts."""
    derived = _article_change_size(figure, around, index)
    if derived is None:
        return None
    start, end = around.layout.sentence_of(figure.start)
    told = around.others_between(start, end)
    return derived if any(values_equal(one, end_) for one in told for end_ in derived.operands) else None


def _difference_told(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """A value the summary tells as a difference ("finished 12 points behind the champions", "£13m
    more than", "shut seven libraries, leaving 12") that is the difference of two article figures of
    its thing, whatever else the article's equal value counts ("kept 17 clean sheets")."""
    lead = around.layout.text[max(0, figure.start - _MARGIN_REACH) : figure.start]
    if not (
        compared_after(around.layout.text, figure) or _MARGIN_BEFORE_RE.search(lead) or REST_BEFORE_RE.search(lead)
    ):
        return None
    derived = derive(figure, around, index)
    if (
        derived is None
        or derived.status != "derived"
        or len(derived.operands) != _PAIR
        or " - " not in (derived.note or "")
    ):
        return None
    return derived


_PAIR: Final = 2
# A margin told by a verb of beating or leading: "beat the county average of 66% by 12 points"; the
# "by" is the margin's own, the first after the verb (not "led by Ann Hale, grew by 12": a passive's
# "by" names who, and the "by" after it belongs to another verb).
_MARGIN_BEFORE_RE: Final = re.compile(
    r"\b(?:beat|beats|beaten|led|leads|lead|leading|trail|trails|trailed|trailing|exceeded|exceeds|topped|tops)"
    r"\b(?:(?!\bby\b)[^.;])*\bby\s+$",
    re.IGNORECASE,
)
_MARGIN_REACH: Final = 60


def _article_change_size(figure: Figure, around: Around, index: ArticleIndex) -> Match | None:
    """The summary's value derived as the size of an article change, from its two ends ("the Union
    lost 14 seats" as 55 - 41), or None."""
    if figure.kind == "ordinal":
        return None
    derived = derive(figure, around, index)
    if derived is None or derived.status != "derived" or len(derived.operands) != 2:
        return None
    if change_way(derived.operands, index) is None:
        return None  # the two ends of one change only: not a tally ("voted 7 to 4"), nor a range
    return derived


def _headline_fits(around: Around, index: ArticleIndex, equal: list[tuple[int, Figure]]) -> bool:
    """Whether a headline's figure may be the article's equal value though the words right around
    them differ: a headline takes its words from one part of a sentence and its figure from another
    ("Four Hurt as Storm Sinks Boats" from a sentence about a storm that ends "... and four were
    hurt"), so a sentence of the value that shares a word with the headline is enough, and so is
    an occurrence that does not say what it counts ("the two were rescued")."""
    if not around.in_headline:
        return False
    return any(
        index.sentence_stems(position) & around.context or not index.frame(other).thing for position, other in equal
    )


def _turned_round(figure: Figure, around: Around, index: ArticleIndex, match: Match) -> Match | None:
    """Misattributed when the summary's figure moved one way and the article's value, for the same
    subject, the other way: "gained millions of euros" against "lost millions of euros",
    "profit rose 12%" against "profit fell 12%".

    No occurrence of the value may have moved the summary's way ("cut 300 jobs in one town and added
    300 in another"); the subject must be shared ("the Greens gained 12 seats" is "the Liberals lost
    12 seats to the Greens"); and an occurrence with no direction must not fit the summary better.
    """
    moved = around.movement
    if moved is None or match.article is None:
        return None
    chosen = match.article
    turned, still = [], []
    # (the article figure's own kind: "9.4 points" is the article's "9.4 percentage points")
    for position, other in index.candidates(chosen):
        if other.value != chosen.value:
            continue
        movement = index.movement(position)
        if movement is not None and not movement.comparable(moved):
            movement = None  # "losses rose" says nothing of which way a gain went
        if movement is not None and movement.direction == moved.direction:
            return None
        if movement is not None and movement.subject & moved.subject:
            turned.append(position)
        elif movement is None:
            still.append(position)
    if not turned:
        return None
    if still and max(binding(around, index, p) for p in still) > max(binding(around, index, p) for p in turned):
        return None
    note = f"{TURNED_ROUND} {opposite(moved.direction)}, not {moved.direction}"
    return Match("misattributed", index.figures[turned[0]], note, "direction")


_NAME_LEAD_RE: Final = re.compile(r"([A-Z][\w-]+)\s+$")


def _name_written_out(figure: Figure, index: ArticleIndex) -> Figure | None:
    """A name's number written another way: "BA117" as "Flight 117", "World War II" as "Second World War"."""
    for other in index.figures:
        if other.value is None or other.kind not in {"count", "ordinal"} or not same(other.value, figure.value or 0):
            continue
        series = (figure.unit or "").rsplit(" ", 1)[0] if " " in (figure.unit or "") else ""
        if other.kind == "ordinal":
            # "Second World War" for "World War II", "the second day" for "day two"
            if series and index.text[other.end : other.end + 12].lower().strip().startswith(series):
                return other
            # A rank is a place in order: "No. 5" for "5th globally". Only an ordinal in digits: a
            # word like "first" is too often no rank ("the first round").
            if figure.role == "rank" and other.text[:1].isdigit():
                return other
            continue
        before = index.text[max(0, other.start - 24) : other.start]
        # A named series keeps its name ("Round 3" for "round three"); a code may take another
        # ("Flight 117" for "BA117").
        if before.lower().rstrip().endswith(series) if series else _NAME_LEAD_RE.search(before):
            return other
    return None


def _written_otherwise(figure: Figure, text: str, index: ArticleIndex, around: Around) -> Match | None:
    """The figure (of the summary `text`) as the article writes it another way: a name's number,
    years as an anniversary, a unit written short."""
    if figure.kind == "name" and enabled("name-written-out"):
        written = _name_written_out(figure, index)
        if written is not None:
            return Match("supported", written, f"the article writes '{written.text}'", "name-written-out")
    if enabled("anniversary"):
        anniversary = _anniversary(figure, index)
        if anniversary is not None:
            return Match("supported", anniversary, f"the article's '{anniversary.text}' anniversary", "anniversary")
    if enabled("in-a-row"):
        ordinal = _in_a_row(figure, index) or _events_in_a_row(figure, text, index)
        if ordinal is not None:
            return Match("supported", ordinal, f"the article's '{ordinal.text}' in a row", "in-a-row")
    if enabled("short-unit"):
        written = _unit_written_short(figure, text, index, around)
        if written is not None:
            return Match("supported", written, f"the article's '{written.text}'", "short-unit")
    return None


def _unit_written_short(figure: Figure, text: str, index: ArticleIndex, around: Around) -> Figure | None:
    """A unit written short, read as another figure where the article gives the long form of that
    value (and not the summary's reading): "6.8m" as 6.8 metres (read as millions), "9.4 points" as
    9.4 percentage points (read as a count); and the other way round, "6.8 metres" for the article's
    "6.8m", where that figure measures the summary's thing (`derive.of_the_thing`)."""
    if _is_metres(figure) and figure.value is not None:
        found = [
            other
            for other in index.figures
            if other.kind == "count"
            and other.scale == "million"
            and WRITTEN_M_RE.search(other.text)
            and not _COUNTED_AFTER_RE.match(index.text, other.end)
            and same((other.value or 0.0) / 1_000_000, figure.value)
        ]
        return of_the_thing(around, index, found, "length")
    if figure.kind != "count" or figure.value is None:
        return None
    if figure.scale == "million" and WRITTEN_M_RE.search(figure.text) and not _COUNTED_AFTER_RE.match(text, figure.end):
        # ("3.2m people", "3.2m homes" count: millions; "a 6.8m peak" measures)
        value, wanted = figure.value / 1_000_000, _is_metres
    elif figure.scale is None and _POINTS_AFTER_RE.match(text, figure.end):
        value, wanted = figure.value, in_points
    else:
        return None
    return next((other for other in index.figures if wanted(other) and same(other.value or 0.0, value)), None)


def _is_metres(figure: Figure) -> bool:
    return figure.kind == "measure" and figure.unit == "metre"


_COUNTED_AFTER_RE: Final = re.compile(r"\s+(?:people|[a-z]*[a-rt-z]s)\b")
_POINTS_AFTER_RE: Final = re.compile(r"[\s-]+points?\b", re.IGNORECASE)


def _in_a_row(figure: Figure, index: ArticleIndex) -> Figure | None:
    """ "Three months in a row" from "the third monthly fall", "four years" from "a fourth
    consecutive year": an ordinal before a period in a row counts periods."""
    if figure.kind != "duration" or figure.value is None:
        return None
    for other in index.figures:
        if other.kind != "ordinal" or other.value != figure.value:
            continue
        found = _IN_A_ROW_RE.match(index.text, other.end)
        if found is None or not (found.group("adjective") or found.group("row") or found.group("after")):
            continue  # "its third year" alone is no run of years
        if _PERIODS.get((found.group("adjective") or found.group("unit")).lower()) == figure.unit:
            return other
    return None


def _events_in_a_row(figure: Figure, text: str, index: ArticleIndex) -> Figure | None:
    """ "Five wins in a row", "three straight defeats" (of the summary `text`) from "their fifth win
    in a row" or "a third consecutive defeat": an ordinal before an event of a run counts the events.
    Both must tell a run ("in a row", "straight", "consecutive", "successive") of the same noun."""
    if figure.kind != "count" or figure.value is None:
        return None
    told = _RUN_OF_RE.match(text, figure.end)
    if told is None or not (told.group("row") or told.group("after")):
        return None
    mine = _run_words(told)
    for other in index.figures:
        if other.kind != "ordinal" or other.value != figure.value:
            continue
        found = _RUN_OF_RE.match(index.text, other.end)
        if found and (found.group("row") or found.group("after")):
            theirs = _run_words(found)
            # "home wins" is no run of "home defeats": each word both tell must agree
            if mine and theirs and all(one == two for one, two in zip(mine, theirs, strict=False)):
                return other
    return None


def _run_words(found: re.Match[str]) -> list[str]:
    """The words of a run's event, to the first stop word, as four-letter stems: "home", "win"."""
    words = []
    for word in _RUN_WORD_SPLIT_RE.split(found.group("noun")):
        cut = stem(word)[:4]
        if not cut:
            break
        words.append(cut)
    return words


# "wins in a row", "straight defeats", "consecutive league titles" (the noun: up to three words after the run's word)
_RUN_OF_RE: Final = re.compile(
    r"[\s-]+(?P<row>(?:consecutive|straight|successive)\s+)?(?P<noun>[A-Za-z]{3,}(?:[\s-]+[A-Za-z]{3,}){0,2})"
    r"(?P<after>\s+in\s+a\s+row\b)?",
    re.IGNORECASE,
)
_RUN_WORD_SPLIT_RE: Final = re.compile(r"[\s-]+")


# "third monthly fall", "fifth consecutive monthly decline", "fourth straight year", "the fourth day in a row"
_IN_A_ROW_RE: Final = re.compile(
    r"\s+(?P<row>(?:consecutive|straight|successive)\s+)?"
    r"(?:(?P<adjective>daily|weekly|monthly|quarterly|annual|yearly)\b"
    r"|(?P<unit>days?|weeks?|months?|quarters?|years?)\b(?P<after>\s+(?:in\s+a\s+row|running)\b)?)",
    re.IGNORECASE,
)
_PERIODS: Final = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annual": "year",
    "yearly": "year",
    **{unit: unit for unit in ("day", "week", "month", "quarter", "year")},
    **{unit + "s": unit for unit in ("day", "week", "month", "quarter", "year")},
}


def _anniversary(figure: Figure, index: ArticleIndex) -> Figure | None:
    """ "Marks 50 years" from "its 50th anniversary": an ordinal anniversary or birthday counts years."""
    if figure.kind not in {"duration", "age"} or figure.unit != "year" or figure.value is None:
        return None
    for other in index.figures:
        if other.kind == "ordinal" and other.role == "anniversary" and other.value == figure.value:
            return other
    return None


def _check_vague(figure: Figure, candidates: list[tuple[int, Figure]]) -> Match:
    # The article's own vague word first: "thousands" is the article's "thousands", before its "2,000".
    fitting = [other for _, other in candidates if vague_holds(figure, other)]
    fitting.sort(key=lambda other: not other.vague)
    if fitting:
        status: FigureStatus = "supported" if fitting[0].vague else "rounded"
        return Match(status, fitting[0])
    return Match("unsupported", None)


def _check_equal(
    figure: Figure,
    *,
    around: Around,
    index: ArticleIndex,
    equal: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
    bind: bool,
) -> Match:
    agreeing: list[tuple[int, Figure]] = []
    turned_round: list[tuple[int, Figure]] = []
    for position, other in equal:
        (agreeing if qualifier_conflict(figure, other) is None else turned_round).append((position, other))
    # Every occurrence turned round, or the one that is clearly the summary's
    turned = _bound_turned_round(around, index, turned_round, agreeing) if agreeing and bind else None
    if not agreeing or turned is not None:
        shown = equal[0][1] if turned is None else turned
        return Match("unsupported", shown, qualifier_conflict(figure, shown), "qualifier-conflict")
    best = agreeing[0][1] if len(agreeing) == 1 else max(agreeing, key=lambda i: binding(around, index, i[0]))[1]
    elsewhere = _about_something_else(figure, around, index, agreeing, candidates) if bind else None
    if elsewhere is not None:
        return Match("misattributed", best, elsewhere[1], elsewhere[0])
    s_bound, a_bound = bound_of(figure.qualifier), bound_of(best.qualifier)
    if s_bound in {"lower", "upper"} and a_bound != s_bound:
        return _bound_added(figure, s_bound, best, agreeing, around=around, index=index, bind=bind)
    if a_bound in {"lower", "upper"} and s_bound != a_bound:
        return Match("supported", best, f"the article says '{best.text}'")
    return Match("supported", best)


def _bound_added(
    figure: Figure,
    bound: str,
    best: Figure,
    agreeing: list[tuple[int, Figure]],
    *,
    around: Around,
    index: ArticleIndex,
    bind: bool,
) -> Match:
    """A bound the summary adds to the article's value: loose but true ("more than 40,000" for
    "40,000"), unless it points out of the article's range or the value is about something else."""
    beyond = _beyond_range(bound, agreeing, index) if bind and enabled("qualifier-conflict") else None
    if beyond is not None:
        return Match("unsupported", beyond, f"the article's range ends at '{beyond.text}'", "qualifier-conflict")
    # Loose but true only if it is that figure: "injured at least three riders" is not the
    # article's "three stages".
    if (
        bind
        and enabled("bound-added")
        and figure.kind in BINDABLE_KINDS
        and around.context
        and all(binding(around, index, p) == 0 for p, _ in agreeing)
    ):
        return Match("misattributed", best, "the article gives this value for something else", "bound-added")
    return Match("rounded", best, f"the article says '{best.text}'", "bound-rounding")


def _beyond_range(bound: str, agreeing: list[tuple[int, Figure]], index: ArticleIndex) -> Figure | None:
    """An occurrence of the value that ends a range, with the summary's bound pointing out of it:
    "more than €1.1bn" where the article puts the damage "between €800m and €1.1bn", "fewer than
    20" where it says "20 to 40". Only when every occurrence of the value is such an end."""
    outward = "high" if bound == "lower" else "low"
    ends = [other for _, other in agreeing if range_end(index, other) == outward]
    return ends[0] if ends and len(ends) == len(agreeing) else None


def _bound_turned_round(
    around: Around,
    index: ArticleIndex,
    turned_round: list[tuple[int, Figure]],
    agreeing: list[tuple[int, Figure]],
) -> Figure | None:
    """An occurrence of the value that is clearly the summary's, with its bound turned round, beside
    others that agree only by being about something else: "a rival firm puts it at less than $1bn"
    where the article's rival firm says "more than $1bn" and its headline "up to $1bn"."""
    if not turned_round:
        return None
    score, turned = max(((binding(around, index, p), other) for p, other in turned_round), key=lambda item: item[0])
    best_agreeing = max(binding(around, index, p) for p, _ in agreeing)
    return turned if score - best_agreeing >= BINDING_MARGIN else None


def _about_something_else(
    figure: Figure,
    around: Around,
    index: ArticleIndex,
    agreeing: list[tuple[int, Figure]],
    candidates: list[tuple[int, Figure]],
) -> tuple[str, str] | None:
    """The rule that finds the equal value about something else, if one does, and what it says."""
    # Every rule needs a rival: a figure of the same kind with another value.
    if not any(rival_kind(figure, other) and not values_equal(figure, other) for _, other in candidates):
        return None
    rule = None
    if enabled("subject-elsewhere") and misattributed(figure, around, index, agreeing, candidates):
        rule = "subject-elsewhere"
    elif enabled("bound-elsewhere") and bound_elsewhere(figure, around, index, agreeing, candidates):
        rule = "bound-elsewhere"
    # An occurrence that counts the same thing is about it, whatever the words around: "her 90th
    # birthday" is the article's "on the eve of her 90th birthday".
    thing = around.frame.thing if rule else frozenset()
    if thing and any(index.frame(other).thing & thing for _, other in agreeing):
        return None
    if rule == "bound-elsewhere" and _size_the_summary_tells(figure, around, index, by_verb=False):
        # "will fall by £113" where the article gives "the reduction of £113" and the bill's ends,
        # £1,738 and £1,625: the ends' words are the change's (words only: a subject the summary
        # names, "prepayment bills", is still told apart by `subject-elsewhere`)
        return None
    if rule is not None:
        return rule, _ELSEWHERE
    # ... unless it is told of another party by name: both brewers open taprooms.
    for name, find in (
        ("name-elsewhere", named_elsewhere),
        ("name-swap", named_swap),
        ("list-owner", listed_for_another),
        ("rank-owner", rank_elsewhere),
    ):
        rival = find(figure, around, index, agreeing, candidates) if enabled(name) else None
        if rival is not None:
            return name, f"the article gives this value to another party, and '{rival.text}' to the summary's"
    return None


_ELSEWHERE: Final = "the article gives this value for something else"


def _closest(figure: Figure, others: Sequence[Figure]) -> Figure | None:
    if not others or figure.value is None:
        return None
    target = figure.value
    return min(others, key=lambda other: abs((other.value or 0.0) - target))


def check_figures(text: str, index: ArticleIndex, *, bind: bool = True) -> list[FigureCheck]:
    """Check every figure of `text` against an indexed article (or evidence quote)."""
    text = clean_text(text)
    figures = find_figures(text, cleaned=True)
    layout = LazyLayout(text, figures, source=index.frame_reader, readings=index.layout.readings)
    scores = scores_in_article(text, index)
    # Which rules are on is read once per text, not once per figure and rule.
    bind_rules = _bind_rules_on(disabled())
    copied = _copied(figures, layout.get(), index) if enabled("copied-sentence") else {}
    checks = []
    for figure in figures:
        if figure.value is None:
            continue  # "several": no value to check
        if figure.start in scores:
            # "4 - 2" in tokenised text: read as a whole score, not two loose numbers.
            checks.append(_to_check(figure, scores[figure.start], index))
            continue
        twin = copied.get(figure.start)
        if twin is not None:
            checks.append(_to_check(figure, Match("supported", twin, rule="copied-sentence"), index))
            continue
        read = _signed_fall(figure, index) or figure
        match = _check_one(read, Around(layout, read), index, bind=bind, bind_rules=bind_rules)
        if (
            figure.kind == "ordinal"
            and not figure.text[:1].isdigit()
            and match.status in FLAGGED_STATUSES
            and not a_rank(text, figure)
        ):
            continue  # "second", "third": too often not figures ("second half") to flag, unless a rank
        checks.append(_to_check(figure, match, index))
    return checks


def _signed_fall(figure: Figure, index: ArticleIndex) -> Figure | None:
    """A percentage with a minus sign ("(-13%)") read as the size of a fall, where the article does
    not give it below zero and tells a fall of that size ("13% less", or a change's size with no
    way told beside it: "cut the catch in its waters by 13%"): the figure with its size as its
    value. A size the article gives only for a rise, or not at all, keeps its sign."""
    value = figure.value
    if value is None or value >= 0 or sign_of("", figure) != "down" or index.equal(figure):
        return None
    size = replace(figure, value=-value)
    falls = any(_fell(index, position, other) for position, other in index.equal(size))
    return size if falls else None


def _fell(index: ArticleIndex, position: int, figure: Figure) -> bool:
    movement = index.movement(position)
    if movement is not None:
        return movement.direction == "down"
    return change_role(index.text, index.figures, index.starts, figure) == "amount"


def _copied(figures: list[Figure], layout: TextLayout, index: ArticleIndex) -> dict[int, Figure]:
    """The summary's figures in sentences it copies word for word from the article, each with the
    article's figure at the same place: a copied sentence says what the article says, so its
    figures are the article's, read as the article reads them (`_read_alike`), and no rule need
    judge them again. By the summary figure's start."""
    twins: dict[int, Figure] = {}
    at = 0
    for start, end in layout.sentences:
        while at < len(figures) and figures[at].start < start:
            at += 1
        if at == len(figures):
            break
        if figures[at].start >= end:
            continue  # no figure in this sentence: no need to look for it in the article
        raw = layout.text[start:end]
        found = index.copied_at(raw.strip())
        if found is None:
            continue
        shift = found - (start + len(raw) - len(raw.lstrip()))
        while at < len(figures) and figures[at].start < end:
            twin = index.figure_at(figures[at].start + shift)
            if twin is not None and _read_alike(figures[at], twin):
                twins[figures[at].start] = twin
            at += 1
    return twins


def _read_alike(figure: Figure, other: Figure) -> bool:
    """Whether two figures at the same place of the same sentence were read alike: every field but
    where they stand."""
    return replace(other, start=figure.start, end=figure.end) == figure


def _to_check(figure: Figure, match: Match, index: ArticleIndex) -> FigureCheck:
    article = match.article
    return FigureCheck(
        text=figure.text,
        value=figure.value,
        unit=figure.unit,
        qualifier=figure.qualifier,
        status=match.status,
        article_span=(article.start, article.end) if article else None,
        article_text=article.text if article else None,
        article_sentence=index.sentence_text(article) if article else None,
        note=match.note,
        rule=match.rule,
    )


_BIND: Final[dict[str, BindRule]] = {
    "time-year": lambda figure, around, index, match, equal: other_year(figure, around, index, equal),
    "time-relative": lambda figure, around, index, match, equal: other_relative_year(figure, around, index, equal),
    "year-event": lambda figure, around, index, match, equal: (
        year_of_other_event(figure, around, index, equal) or year_of_other_figure(figure, around, index, equal)
    ),
    "time-month": lambda figure, around, index, match, equal: other_month(figure, around, index, equal),
    "time-day": lambda figure, around, index, match, equal: other_day(figure, around, index, equal),
    "time-tense": lambda figure, around, index, match, equal: other_tense(figure, around, index, equal),
    "time-span": lambda figure, around, index, match, equal: other_span(figure, around, index, equal),
    "time-phase": lambda figure, around, index, match, equal: other_phase(figure, around, index, equal),
    "direction": lambda figure, around, index, match, equal: _turned_round(figure, around, index, match),
    "comparison-way": lambda figure, around, index, match, equal: comparison_turned(figure, around, index, equal),
    "change-way": lambda figure, around, index, match, equal: against_its_ends(figure, around, index, equal),
    "pair-order": lambda figure, around, index, match, equal: turned_round_pair(figure, around, index, equal),
    "vote-side": lambda figure, around, index, match, equal: other_side(figure, around, index, equal),
    "part-of-whole": lambda figure, around, index, match, equal: part_above_whole(figure, around, equal),
    "whole-for-part": lambda figure, around, index, match, equal: whole_for_part(figure, around, index, equal),
    "change-end": lambda figure, around, index, match, equal: _other_end(figure, around, index, equal),
    "change-owner": lambda figure, around, index, match, equal: change_of_another(figure, around, index, equal),
    "change-partner": lambda figure, around, index, match, equal: other_partner(figure, around, index, equal),
    "earlier-event": lambda figure, around, index, match, equal: from_earlier_event(figure, around, index, match),
    "per-period": lambda figure, around, index, match, equal: other_period(figure, around, index, equal),
    "age-of-person": lambda figure, around, index, match, equal: (
        age_of_other_person(figure, around, index, equal) or span_as_age(figure, around, equal, index)
    ),
    "contrast": lambda figure, around, index, match, equal: _contrast(figure, around, index, equal),
    "companion": lambda figure, around, index, match, equal: beside_other_value(figure, around, index, equal),
    "other-thing": lambda figure, around, index, match, equal: _other_thing(figure, around, index, equal),
    "label-elsewhere": lambda figure, around, index, match, equal: _label_elsewhere(figure, around, index, equal),
}
# The bind-stage rules in the order of `rules.RULES`: their precedence.
_BIND_RULES: Final = tuple((rule.name, _BIND[rule.name]) for rule in RULES if rule.name in _BIND)


@functools.lru_cache(maxsize=16)
def _bind_rules_on(off: frozenset[str]) -> tuple[BindRule, ...]:
    """The bind-stage rules that are on when the rules `off` are switched off, in their precedence:
    made once per such set (a handful of small sets of names, when rules are measured)."""
    return tuple(rule for name, rule in _BIND_RULES if name not in off)
