"""The rules of the figure check, as data: a name, the stage it belongs to, what it is for, in the
order they are tried.

Within a stage, the first rule that gives a verdict wins, so the order of this table is the
precedence; `decide.py` runs the stages and consults this table, never its own order of `if`s.
Each rule can be switched off for a measurement (`rules_disabled`), which is how
`benchmarks/figure_bench.py` prints what each rule is worth on each half of the development data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Final, Literal

# Part of every cache key: change it whenever a rule changes what the check says.
GROUNDING_VERSION: Final = "3.235"

Stage = Literal["compare", "bind", "derive"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its name (used in notes and the ablation table), stage and purpose."""

    name: str
    stage: Stage
    purpose: str


RULES: Final = (
    # compare: is the article's value the summary's, to the precision the summary states?
    Rule(
        "qualifier-conflict",
        "compare",
        "a bound turned round: 'fewer than 200' against 'more than 200' (the occurrence that is the summary's)",
    ),
    Rule("points-not-percent", "compare", "percentage points are not per cent: a 0.4-point rise is not 0.4%"),
    Rule("nearest-rounding", "compare", "a rounding is to the nearest step: 3.8 rounds to 4, not 3"),
    Rule(
        "bound-rounding",
        "compare",
        "a bound the article's value satisfies, or its bound rounded: 'more than 40' from 45 or 'more than 43'",
    ),
    Rule(
        "about-no-finer",
        "compare",
        "'about' rounds: 'about 41' is not read from 'about 40'; two approximations alike must agree",
    ),
    Rule(
        "copied-sentence",
        "compare",
        "a sentence copied word for word from the article: its figures are the article's, read alike",
    ),
    Rule("anniversary", "compare", "years counted by an anniversary: '50 years' from 'its 50th anniversary'"),
    Rule("in-a-row", "compare", "periods counted by an ordinal: 'three months in a row' from 'the third monthly fall'"),
    Rule("name-written-out", "compare", "a name's number written another way: 'World War II', 'Second World War'"),
    Rule(
        "short-unit",
        "compare",
        "a unit written short: '6.8m' for the article's 6.8 metres, '9.4 points' for 9.4 percentage points",
    ),
    # bind: is the matched value about what the summary says it is about? First match wins.
    Rule(
        "own-working",
        "bind",
        "a difference the summary tells between two figures it gives itself: '80p higher than the 485p bid' for 530p",
    ),
    Rule("time-year", "bind", "the article gives the value for another year than the summary's"),
    Rule(
        "time-relative",
        "bind",
        "a year told by its words: '2% this year' where the article's 2% is next year's",
    ),
    Rule(
        "year-event",
        "bind",
        "the year is another event's, or the dateline's, or counted from it; the summary's event has its own",
    ),
    Rule("time-month", "bind", "the month a value is told for: '2.9% in November' where the article's is October's"),
    Rule("time-day", "bind", "the day of the week a value is told for: 'by Sunday, 10%' where 10% was Friday's"),
    Rule("time-tense", "bind", "the past decade is not the next: the summary moves the value in time"),
    Rule("time-span", "bind", "the span a value is told over: '41% over the past 12 months', not a day's 7.5%"),
    Rule("time-phase", "bind", "a start is not an end: 'began in 2018' is not 'finished in 2018'"),
    Rule("direction", "bind", "a figure turned round: 'profit rose 12%' where the article says it fell"),
    Rule(
        "comparison-way",
        "bind",
        "a difference turned round against the same thing: '19 behind Colne' where the article has 19 ahead of Colne",
    ),
    Rule("change-way", "bind", "a change told against the way of its own ends: '£318m, down from £276m'"),
    Rule("pair-order", "bind", "a pair turned round: 'voted 4 to 7' where the article says 7 to 4"),
    Rule("vote-side", "bind", "the side of a vote or poll: '41% for' where the article's 41% are against"),
    Rule("part-of-whole", "bind", "a part larger than its whole: 'convicted on 48 of 45 counts' is a swap"),
    Rule(
        "whole-for-part",
        "bind",
        "a whole told as its part's: 'the trust paid £8.6m' where the bridge cost £8.6m, £2.4m of it from the trust",
    ),
    Rule(
        "change-end",
        "bind",
        "a change's ends or size exchanged: 'rose to $349m' where the article's $349m is what it rose from",
    ),
    Rule(
        "change-owner",
        "bind",
        "a change is its own level's: '830,000 books, up 27%' where the 27% is audiobook loans' rise to 96,000",
    ),
    Rule(
        "change-partner",
        "bind",
        "a change's other end the article never gives: 'rose to 31,250 from 32,000' where it rose from 27,900",
    ),
    Rule("earlier-event", "bind", "the value is the article's only for an earlier event the summary does not name"),
    Rule(
        "per-period", "bind", "a rate's period: '£2m a month' where the article gives it per year, or over three years"
    ),
    Rule("age-of-person", "bind", "an age is a person's: 'Lena Holm, 54' where the article makes Holm 31"),
    Rule("contrast", "bind", "the summary's words point at another figure of the same kind: a swap, or another part"),
    Rule("companion", "bind", "two figures the summary gives together are the article's only apart: a swap"),
    Rule(
        "other-thing",
        "bind",
        "the article's equal count counts something else: 'four ferries' for 'four piers'",
    ),
    Rule(
        "label-elsewhere",
        "bind",
        "a compact line's label is another figure's: 'Prams: 86' where the article has '86 bicycles, 41 prams'",
    ),
    Rule("subject-elsewhere", "bind", "in the value's sentence, another figure has the summary's subject"),
    Rule("bound-elsewhere", "bind", "nothing around the value fits, while another figure clearly does"),
    Rule(
        "name-elsewhere",
        "bind",
        "the article tells the value of another party by name, and gives the summary's party its own",
    ),
    Rule("name-swap", "bind", "two parties' values given the other way round: 'A took 30% and B 41%'"),
    Rule(
        "list-owner",
        "bind",
        "in a list of parties' values each is its own item's party: 'fined Corran £48,000 and Brinton £19,000'",
    ),
    Rule(
        "rank-owner",
        "bind",
        "a place in a table is its own party's: 'Halsey are fourth' where the article's fourth is another's",
    ),
    Rule("bound-added", "bind", "a bound added to an exact figure must be about the same thing"),
    # derive: arithmetic over article figures, counted only when its operands measure the same thing
    Rule(
        "derive-bound",
        "derive",
        "a derivation whose operands measure other things does not count when the article states the value",
    ),
    Rule(
        "derive-stated",
        "derive",
        "no derivation, however bound its operands, where another figure is the article's value for that thing",
    ),
    Rule("durations", "derive", "a duration in other units: 48 hours as two days"),
    Rule("days-listed", "derive", "days counted from listed dates: 'on 14 and 15 March' as two days"),
    Rule("metric-units", "derive", "a measure in another metric unit: 35cm as 0.35 metres, 2,400kg as 2.4 tonnes"),
    Rule(
        "years-counted",
        "derive",
        "years apart, a year counted from a date or span the article gives, the time to its dateline, "
        "a month placed by the article's year ('June 2022' from 'June last year')",
    ),
    Rule("with-the-rest", "derive", "a count and the ones beside it: 'two other people' makes three"),
    Rule(
        "listed",
        "derive",
        "a count of the names a list gives: 'three offices' from 'offices in Ardley, Bexton and Colne Reach'",
    ),
    Rule("points-apart", "derive", "a lead in points between two percentages"),
    Rule("remainder", "derive", "the share left of a whole: 15% from '64% for, 21% against, the rest undecided'"),
    Rule("rest-of-whole", "derive", "the count left of a whole: 18 from 'Of the 176 riders who started, 158 remain'"),
    Rule(
        "apportioned",
        "derive",
        "shared out in one sentence: 720 of 2,400 homes from its 30%, £37m a year from £186m over five years",
    ),
    Rule(
        "multiple",
        "derive",
        "a multiple: 'three times as many doses' from 6,300 doses, up from 1,900 (the ends of one change)",
    ),
    Rule(
        "rate-over-span",
        "derive",
        "a rate's total over its span: '310,000 ounces a year over a 14-year life', 4.3 million in all",
    ),
    Rule("arithmetic", "derive", "a sum, difference, ratio or share of two related article figures"),
    Rule(
        "working-shown",
        "derive",
        "the summary's own working: '44 in all: 29 for, 12 against, three abstaining', each part checked itself",
    ),
)
NAMES: Final = frozenset(rule.name for rule in RULES)

_disabled: ContextVar[frozenset[str]] = ContextVar("summarizer_rules_disabled", default=frozenset())


def enabled(name: str) -> bool:
    """Whether a rule is on (all are, unless a measurement switched it off)."""
    if name not in NAMES:
        raise KeyError(f"no rule named {name!r}")
    return name not in _disabled.get()


def disabled() -> frozenset[str]:
    """The names of the rules switched off here (see `rules_disabled`): one read for many rules."""
    return _disabled.get()


@contextmanager
def rules_disabled(*names: str) -> Iterator[None]:
    """Switch rules off within a `with` block (in this thread or task only): for measuring them."""
    unknown = set(names) - NAMES
    if unknown:
        raise KeyError(f"no rule named {sorted(unknown)}")
    token = _disabled.set(_disabled.get() | frozenset(names))
    try:
        yield
    finally:
        _disabled.reset(token)
