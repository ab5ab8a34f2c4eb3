"""CPU cost of the figure parser and of the whole figure check, beside a bare baseline.

    .venv/bin/python benchmarks/check_cost.py [--articles 300] [--memory-articles 5000] [--skip-memory]

Every article is new: ~700 words of news prose written here from templates, with different figures,
names and sentence order on each call, so no memo or cache can help. Printed:

- median CPU ms per article for `find_figures(article)` and for `verify(article, summary)` (index
  and check), beside bare baselines measured in the same run (`re.findall(r"\\d+", article)` and
  `article.split()`); `verify` twice, for two summaries of the same three figure sentences: one
  that copies them and one that rewords them, as a model's summary mostly does;
- a 200,000-word article and texts of 20,000 repeated figures, with summaries that reach them or
  not (targets: < 1 s and < 2 s), and long runs in one sentence or clause (5,000 names, 8,000
  occurrences of one value: < 2 s);
- peak traced memory (tracemalloc) of checking each of N different articles, and what is still
  held after `gc.collect()`: flat means no higher after the last article than after the first tenth.

CPU time is the calling thread's (time.thread_time). No network, no model.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.figures import find_figures
from summarizer.grounding import verify

_PLACES = ["Harrowgate", "Lindqvist Bay", "Port Averly", "Castlemere", "Oldbridge", "Summerford", "Kelvane"]
_BODIES = ["the city council", "the regional authority", "the water board", "the health trust", "the rail operator"]
_PEOPLE = ["Mara Quinlan", "Tobias Wren", "Ada Okafor", "Henrik Lund", "Priya Desai", "Owen Marsh"]
_MONTHS = ["January", "March", "April", "June", "September", "October", "November"]
_FILLER = [
    "Residents said the plans had been discussed at several public meetings over the summer.",
    "The authority said it would publish a full report once the consultation closed.",
    "Critics argued that the figures had been presented without enough detail for voters to judge them.",
    "Supporters of the scheme pointed to similar projects elsewhere that had finished on schedule.",
    "Local businesses were divided, with some welcoming the investment and others fearing disruption.",
    "A spokesperson declined to comment on the negotiations, citing commercial confidentiality.",
    "The opposition group on the council has asked for an independent review of the costs.",
    "Engineers will survey the old embankment before any heavy machinery is brought onto the site.",
    "Some residents questioned whether the timetable was realistic given the state of the roads.",
    "The mayor said the decision showed the town was prepared to invest in its own future.",
    "Environmental groups welcomed the plan but asked for stronger protection for the wetlands.",
    "Officials promised regular updates on the website and in the weekly newsletter.",
    "Several neighbouring towns are watching closely as they draw up similar proposals.",
    "A petition against the closure of the footbridge has gathered support online.",
    "The chief executive said the organisation had learned lessons from earlier delays.",
]


def _figure_sentences(rng: random.Random) -> list[tuple[str, str]]:
    """Sentences with figures, each with a summary's rewording of it; every call draws new values.

    The rewording keeps every figure and what it measures, in other words and another order, as a
    model's summary would: a summary that copies its sentences is checked at less cost than one that
    does not, so both are timed.
    """
    place, body, person = rng.choice(_PLACES), rng.choice(_BODIES), rng.choice(_PEOPLE)
    n = rng.randint
    cost, day, month, year, bridges = n(20, 900), n(1, 28), rng.choice(_MONTHS), n(2015, 2025), n(3, 40)
    jobs, span = n(200, 4000), rng.choice(["three", "five", "seven"])
    rise, whole, tenth = n(2, 60), n(1, 9), n(1, 9)
    came, against = n(100, 999), n(10, 90)
    age, waited = n(25, 80), n(10, 30)
    homes, old = n(1000, 9000), n(50, 150)
    by, saved = n(2028, 2040), n(5, 50)
    then, then_tenth, now, now_tenth = n(2, 9), n(0, 9), n(10, 19), n(0, 9)
    backers, before, surveyed = rng.choice(["four", "six", "seven"]), n(20, 39), n(2010, 2019)
    phase, due_month, due_year = n(10, 99), rng.choice(_MONTHS), n(2026, 2030)
    thousands, tonnes, lorries = n(2, 12), n(100, 999), n(30, 90)
    years, tens, rank = n(5, 20), n(2, 9), rng.choice(["second", "third", "fifth"])
    return [
        (
            f"{body.capitalize()} in {place} approved a £{cost}m plan on {day} {month} {year} "
            f"to rebuild {bridges} bridges.",
            f"A £{cost}m scheme to rebuild {bridges} of the bridges in {place} was approved by {body} "
            f"on {day} {month} {year}.",
        ),
        (
            f"The project will create about {jobs:,} jobs over {span} years.",
            f"Around {jobs:,} jobs are expected to come from the project across {span} years.",
        ),
        (
            f"Costs rose by {rise}% last year, to ${whole}.{tenth}bn, according to {person}.",
            f"{person} said costs climbed {rise}% last year to ${whole}.{tenth}bn.",
        ),
        (
            f"More than {came} people attended the meeting, and {against} spoke against the proposal.",
            f"Of the more than {came} people at the meeting, {against} spoke against the plan.",
        ),
        (
            f"{person}, aged {age}, said the town had waited {waited} years for the work.",
            f"The town has waited {waited} years for the work, said {person}, who is {age}.",
        ),
        (
            f"Two-thirds of the {homes:,} homes in the district are more than {old} years old.",
            f"Two-thirds of the district's {homes:,} homes were built more than {old} years ago.",
        ),
        (
            f"The authority expects traffic to fall by a quarter by {by}, saving {saved} minutes a day.",
            f"Traffic should drop by a quarter by {by}, saving drivers {saved} minutes a day.",
        ),
        (
            f"In the 1990s the line carried {then}.{then_tenth} million passengers a year; now it carries "
            f"{now}.{now_tenth} million.",
            f"The line now carries {now}.{now_tenth} million passengers a year, against {then}.{then_tenth} "
            "million in the 1990s.",
        ),
        (
            f"A survey found {backers} in ten residents backed the plan, up from {before}% in {surveyed}.",
            f"Support among residents has grown to {backers} in ten, from {before}% in {surveyed}, a survey found.",
        ),
        (
            f"The first phase, costing €{phase} million, is due to finish in {due_month} {due_year}.",
            f"The €{phase} million first phase should be finished in {due_month} {due_year}.",
        ),
        (
            f"Up to {thousands},{tonnes} tonnes of waste a week will be moved by rail instead of {lorries} lorries.",
            f"Rail will carry up to {thousands},{tonnes} tonnes of waste a week in place of {lorries} lorries.",
        ),
        (
            f"The {years}-year contract is worth {tens}0 million dollars, the {rank} largest in the region.",
            f"Worth {tens}0 million dollars, the {years}-year deal is the {rank} largest contract in the region.",
        ),
    ]


def make_article(rng: random.Random, words: int = 700) -> tuple[str, str]:
    """A new article of about `words` words and a summary that copies three of its figure sentences."""
    article, copied, _ = make_texts(rng, words)
    return article, copied


def make_texts(rng: random.Random, words: int = 700) -> tuple[str, str, str]:
    """A new article of about `words` words and two summaries of the same three of its figure
    sentences: one that copies them, one that rewords them.

    One sentence with figures to five without: about 25 figures per 700 words, near the median of
    the figure bench's news articles (20 per 700 words; the densest tenth has over 40).
    """
    sentences: list[str] = []
    rewording: dict[str, str] = {}
    count = 0
    while count < words:
        ((with_figures, reworded),) = rng.sample(_figure_sentences(rng), 1)
        rewording[with_figures] = reworded
        batch = [with_figures, *rng.sample(_FILLER, 5)]
        rng.shuffle(batch)
        for sentence in batch:
            sentences.append(sentence)
            count += len(sentence.split())
            if count >= words:
                break
    chosen = [s for s in sentences if s in rewording]
    chosen = rng.sample(chosen, min(3, len(chosen)))
    return " ".join(sentences), " ".join(chosen), " ".join(rewording[s] for s in chosen)


def cpu_ms(call: Callable[..., object], *args: str) -> float:
    """CPU ms of the calling thread for one call."""
    start = time.thread_time()
    call(*args)
    return (time.thread_time() - start) * 1000


def _digit_runs(text: str) -> object:
    return _DIGIT_RUN.findall(text)


_DIGIT_RUN = re.compile(r"\d+")


def per_article_samples(articles: int, seed: int) -> dict[str, list[float]]:
    """CPU ms per new article of each call timed, in the order printed (the baseline first)."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {name: [] for name in (BASELINE, "str.split", "find_figures", "verify", REWORDED)}
    for _ in range(articles):
        article, summary, reworded = make_texts(rng)
        # Interleaved, so that drift on a shared machine hits every side alike.
        samples[BASELINE].append(cpu_ms(_digit_runs, article))
        samples["str.split"].append(cpu_ms(article.split))
        samples["find_figures"].append(cpu_ms(find_figures, article))
        samples["verify"].append(cpu_ms(verify, article, summary))
        samples[REWORDED].append(cpu_ms(verify, article, reworded))
    return samples


BASELINE = "re.findall(\\d+)"
# `verify` of the same article with a summary that rewords the copied sentences: a new index each
# call, as for "verify".
REWORDED = "verify, reworded"


def per_article(articles: int, seed: int) -> None:
    samples = per_article_samples(articles, seed)
    base = statistics.median(samples[BASELINE])
    print(f"per new ~700-word article, median CPU ms over {articles} articles:")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"  {name:<18} {median:8.3f} ms   ({median / base:7.1f} x re.findall)")


def large_inputs(seed: int) -> None:
    rng = random.Random(seed)
    parts: list[str] = []
    count = 0
    while count < 200_000:
        article, _ = make_article(rng, words=2_000)
        parts.append(article)
        count += len(article.split())
    big = " ".join(parts)
    summary = make_article(rng)[1]
    repeated = "The fund paid out $12m last year. " * 20_000  # 20,000 figures, all the same
    # 20,000 figures again, with summaries that reach them: the value itself, a swap of two values
    # that each have a thousand rivals beside them, and a part's change read past its whole
    cases = (
        ("200,000 words", big, summary),
        ("20,000 repeated figures", repeated, summary),
        ("  ... summary of them", repeated, "The fund paid $12m."),
        (
            "  ... swapped pairs",
            "Exports rose 12% and imports rose 7%. " * 10_000,
            "Imports rose 12% and exports rose 7%.",
        ),
        ("  ... parts of wholes", "Of the 60 pupils, 27 passed, up from 20. " * 6_667, "Passes rose by 7 to 27."),
        *_long_runs(),
    )
    print(f"large inputs (CPU s): {len(big.split()):,}-word article; 20,000 repeated figures", flush=True)
    for label, text, told in cases:
        base = cpu_ms(_digit_runs, text) / 1000
        parse = cpu_ms(find_figures, text) / 1000
        print(f"  {label:<24} re.findall {base:6.3f} s   find_figures {parse:6.3f} s", end="", flush=True)
        check = cpu_ms(verify, text, told) / 1000
        print(f"   verify {check:6.3f} s")


def _long_runs() -> tuple[tuple[str, str, str], ...]:
    """Texts whose reading once grew with the square of a run in one sentence or clause (found by
    the code review of 3.185-3.188): 5,000 names joined by commas alone; 8,000 occurrences of one
    value in one sentence, in one clause (read by a headline), and beside a second amount; and (the
    code review of 3.195-3.197) a summary sentence of 1,000 amounts against 1,000 one-amount sentences."""
    names = ", ".join("Kiln" + "".join(chr(97 + (i // 26**k) % 26) for k in range(3)) for i in range(5_000))
    readings = ", ".join(f"a gauge logged 4.5% in trial {i}" for i in range(8_000))
    gauges = " then ".join("4.5%" for _ in range(8_000))
    paid = " then ".join("£62m" for _ in range(8_000))
    given = ". It got ".join(f"£{i + 7}m" for i in range(1_000))
    return (
        ("5,000 names, commas only", f"Hanley Clay sold kilns at {names} last year.", "Hanley Clay sold four kilns."),
        (
            "8,000 in one sentence",
            f"Readings: {readings}. Unemployment in Tamsey stood at 3.2%, against 3.9% in Rell.",
            "Unemployment in Tamsey was 4.5%, against 3.9% in Rell.",
        ),
        (
            "  ... in one clause",
            f"the gauges read {gauges} and 3.2% in trials; jobless rates were 3.9%.",
            "Tamsey Jobless Rate Hits 4.5%",
        ),
        (
            "  ... beside an amount",
            f"Orrel Trust paid dividends of {paid} to members. Its chief executive received £1.4m, "
            "against £0.9m for the finance director.",
            "Orrel Trust paid £62m in dividends and its chief executive received £1.4m.",
        ),
        (
            # (the sixth code review's case, at 1,000: each summary figure once read all the others
            # as swap partners; other reads still grow with the sentence, see docs/figure-check.md)
            "1,000 in a summary line",
            f"Kestrow was given {given}.",
            "Kestrow was given " + ", ".join(f"£{i + 7}m" for i in range(1_000)) + ".",
        ),
    )


def memory(articles: int, seed: int) -> None:
    """Traced memory of the parse alone, then of the whole check, over `articles` different articles."""
    for label, check in (("find_figures", _parse_both), ("verify", verify)):
        rng = random.Random(seed)
        check(*make_article(rng))  # imports and first-call setup are not growth
        gc.collect()
        tracemalloc.start()
        checkpoints = {max(1, articles // 10), articles // 2, articles}
        baseline = tracemalloc.get_traced_memory()[0]
        print(f"traced memory of {label} over {articles} different articles (KiB above the start):", flush=True)
        for done in range(1, articles + 1):
            check(*make_article(rng))
            if done in checkpoints:
                current, peak = tracemalloc.get_traced_memory()
                above = (current - baseline) / 1024, (peak - baseline) / 1024
                # What is still held once the collector has run (it also empties CPython's free
                # lists of small tuples and floats, which fill slowly and count as "current").
                gc.collect()
                held = (tracemalloc.get_traced_memory()[0] - baseline) / 1024
                print(
                    f"  after {done:>6} articles: current {above[0]:8.1f}   peak {above[1]:8.1f}   "
                    f"held after gc.collect() {held:8.1f}",
                    flush=True,
                )
        tracemalloc.stop()


def _parse_both(article: str, summary: str) -> None:
    find_figures(article)
    find_figures(summary)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="new articles timed (default 300)")
    parser.add_argument("--memory-articles", type=int, default=5000, help="articles for the memory check")
    parser.add_argument("--skip-large", action="store_true", help="skip the 200,000-word and repeated-figure runs")
    parser.add_argument("--skip-memory", action="store_true", help="skip the memory check")
    parser.add_argument("--skip-per-article", action="store_true", help="skip the per-article timing")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    if not args.skip_per_article:
        per_article(args.articles, args.seed)
    if not args.skip_large:
        large_inputs(args.seed)
    if not args.skip_memory:
        memory(args.memory_articles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
