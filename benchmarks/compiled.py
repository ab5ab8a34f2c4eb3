"""The opt-in compiled (mypyc) figure check beside the pure one: its CPU cost, and identical verdicts.

    .venv/bin/python benchmarks/compiled.py [--articles 300] [--rounds 6] [--verdict-articles 2400]
                                            [--wheel WHEEL] [--skip-timing] [--skip-verdicts] [--skip-tests]

1. Builds the compiled wheel from this checkout (`HATCH_BUILD_HOOK_ENABLE_CUSTOM=true pip wheel`,
   a few minutes; PyPI for the build dependencies) and installs it, without dependencies, into a
   temporary directory; `--wheel` takes one built before instead.
2. Times both builds in child processes of this interpreter, in alternating rounds on the same new
   ~700-word articles (`check_cost.make_texts`): median CPU ms per article of `find_figures` and
   `verify`, with a summary that copies three sentences and with one that rewords them, each beside
   the `re.findall(\\d+)` baseline measured in the same process.
3. Compares verdicts: every `verify` report (`model_dump_json()`) and every figure `find_figures`
   reads, for new articles and their two summaries (copied and reworded), mutants of each summary
   sentence (a value, scale, unit, year, count, qualifier changed, figures swapped:
   `mutations.mutants`), structured summaries,
   and, when ../shared is there, the figure bench's pairs both ways and mutants of the shared
   articles. Printed: the cases compared and how many differ (must be 0), with the first few.
4. Runs the figure check's own tests (`CHECK_TESTS`) against the compiled install.

Each child checks which build it imported (a compiled module is a `.so`), so a stale or shadowed
install cannot pass for the other. No network but the build's PyPI; no model.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" if (REPO.parent / "shared").is_dir() else Path("/work/shared")
# "verify, reworded": the same article with a summary that rewords the sentences (`check_cost.make_texts`),
# as a model's summary mostly does; the cost target is about that one.
TIMED = ("re.findall(\\d+)", "find_figures", "verify", "verify, reworded")


# --- the children ------------------------------------------------------------------------------


def _import_build(build: str) -> None:
    """Import the figure check and stop if it is not the build asked for."""
    from summarizer.figures import extract  # noqa: PLC0415 - after PYTHONPATH is chosen

    compiled = not extract.__file__.endswith(".py")
    if compiled != (build == "compiled"):
        sys.exit(f"asked for the {build} build, imported {extract.__file__}")
    sys.path.insert(0, str(REPO / "benchmarks"))


def _time(articles: int, seed: int) -> None:
    import check_cost  # noqa: PLC0415

    samples = check_cost.per_article_samples(articles, seed)
    print(json.dumps({name: samples[name] for name in TIMED}))


def _figures(text: str) -> list[object]:
    from summarizer.figures import find_figures  # noqa: PLC0415

    return [
        [f.text, f.start, f.end, f.kind, f.value, f.unit, f.scale, f.qualifier, f.vague, f.role]
        for f in find_figures(text)
    ]


def _cases(articles: int) -> Iterator[tuple[str, object]]:
    """(case, what the check returns for it), in a fixed order."""
    import check_cost  # noqa: PLC0415
    import mutations  # noqa: PLC0415

    from summarizer.figures import find_figures  # noqa: PLC0415
    from summarizer.grounding import index_article, verify  # noqa: PLC0415
    from summarizer.schemas import ArticleSummary  # noqa: PLC0415
    from summarizer.text import split_sentences  # noqa: PLC0415

    seeds = 6
    for seed in range(seeds):
        rng, mutants_rng = random.Random(1000 + seed), random.Random(2000 + seed)
        for i in range(articles // seeds):
            case = f"make{seed}.{i}"
            article, summary, reworded = check_cost.make_texts(rng)
            yield case + ":figures", _figures(article)
            yield case, verify(article, summary).model_dump_json()
            yield case + ":reworded", verify(article, reworded).model_dump_json()
            index = index_article(article)
            sentences = [s.text for s in split_sentences(summary)]
            for j, sentence in enumerate(sentences):
                for k, mutant in enumerate(mutations.mutants(sentence, find_figures(sentence), mutants_rng)):
                    yield f"{case}:{j}.{k}:{mutant.kind}", verify(index, mutant.summary).model_dump_json()
            if i % 4 == 0:
                yield case + ":structured", verify(index, _structured(sentences, ArticleSummary)).model_dump_json()
    bench = SHARED / "data" / "figure-bench"
    for path in sorted(bench.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            yield row["id"], verify(row["source"], row["summary"]).model_dump_json()
            yield row["id"] + ":reversed", verify(row["summary"], row["source"][:600]).model_dump_json()
    if (SHARED / "articles").is_dir():
        yield from _shared_mutants(SHARED / "articles")


def _structured(sentences: list[str], schema: type) -> object:
    """A structured summary of the sentences: key points, key figures and claims."""
    from summarizer.figures import find_figures  # noqa: PLC0415

    key_figures, claims = [], []
    for sentence in sentences:
        figures = [f for f in find_figures(sentence) if f.value is not None]
        for f in figures[:2]:
            measures = " ".join(sentence[f.end :].split()[:4]) or "it"
            key_figures.append({"figure": f.text, "measures": measures, "sentence": sentence})
        figure_texts = [f.text for f in figures[:3]]
        claims.append({"statement": sentence, "source": None, "figures": figure_texts, "evidence": sentence})
    summary = " ".join(sentences[:2])
    return schema.model_validate(  # type: ignore[attr-defined]
        {"summary": summary, "key_points": sentences[:6], "key_figures": key_figures[:5], "claims": claims[:5]}
    )


def _shared_mutants(directory: Path) -> Iterator[tuple[str, object]]:
    import mutations  # noqa: PLC0415

    from summarizer.figures import find_figures  # noqa: PLC0415
    from summarizer.grounding import index_article, verify  # noqa: PLC0415
    from summarizer.text import split_sentences  # noqa: PLC0415

    rng = random.Random(11)
    for path in sorted(directory.glob("*.txt")):
        index = index_article(path.read_text(encoding="utf-8"))
        for n, sentence in enumerate(split_sentences(index.text)):
            for k, mutant in enumerate(mutations.mutants(sentence.text, find_figures(sentence.text), rng)):
                yield f"{path.stem}:{n}.{k}:{mutant.kind}", verify(index, mutant.summary).model_dump_json()


def _verdicts(articles: int, out: str) -> None:
    with Path(out).open("w", encoding="utf-8") as file:
        for case, result in _cases(articles):
            file.write(json.dumps([case, result]) + "\n")


def child(args: argparse.Namespace) -> int:
    _import_build(args.child)
    if args.task == "time":
        _time(args.articles, args.seed)
    else:
        _verdicts(args.verdict_articles, args.out)
    return 0


# --- the parent --------------------------------------------------------------------------------


def build_wheel(directory: Path) -> Path:
    print("building the compiled wheel (HATCH_BUILD_HOOK_ENABLE_CUSTOM=true pip wheel; a few minutes)...", flush=True)
    env = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_CUSTOM": "true"}
    command = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(directory), str(REPO)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"the compiled build failed:\n{done.stdout[-4000:]}{done.stderr[-4000:]}")
    (wheel,) = directory.glob("summarizer-*.whl")
    return wheel


def install(wheel: Path, target: Path) -> None:
    command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)]
    subprocess.run(command, check=True, capture_output=True)


def run_child(build: str, site: Path, *arguments: str) -> str:
    # PYTHONPATH comes before site-packages: the pure checkout or the compiled install is imported first.
    env = {**os.environ, "PYTHONPATH": str(REPO if build == "pure" else site)}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", build, *arguments]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=site.parent)
    if done.returncode:
        sys.exit(f"the {build} child failed:\n{done.stderr[-4000:]}")
    return done.stdout


def timing(site: Path, articles: int, rounds: int) -> None:
    samples: dict[str, dict[str, list[float]]] = {"pure": {}, "compiled": {}}
    per_round: list[float] = []  # compiled / pure of the reworded verify's median, round by round: the spread
    for round_ in range(rounds):
        order = ("pure", "compiled") if round_ % 2 == 0 else ("compiled", "pure")
        verify_medians: dict[str, float] = {}
        for build in order:
            result = json.loads(
                run_child(build, site, "--task", "time", "--articles", str(articles), "--seed", str(round_))
            )
            for name, values in result.items():
                samples[build].setdefault(name, []).extend(values)
            verify_medians[build] = statistics.median(result[TIMED[-1]])
        per_round.append(verify_medians["compiled"] / verify_medians["pure"])
    medians = {build: {name: statistics.median(v) for name, v in by.items()} for build, by in samples.items()}
    # One baseline for both columns: the same C code in both builds, pooled over both processes.
    base = statistics.median(samples["pure"][TIMED[0]] + samples["compiled"][TIMED[0]])
    print(f"per new ~700-word article, median CPU ms over {rounds} x {articles} articles (builds alternating):")
    print(
        f"  {TIMED[0]:<16} pure {medians['pure'][TIMED[0]]:.3f} ms, compiled {medians['compiled'][TIMED[0]]:.3f} ms; "
        f"both {base:.3f} ms: the baseline of the ratios below"
    )
    print(f"  {'':<16} {'pure':>22} {'compiled':>22}   compiled/pure")
    for name in TIMED[1:]:
        pure, compiled = medians["pure"][name], medians["compiled"][name]
        cells = [f"{value:7.3f} ms ({value / base:5.1f} x)" for value in (pure, compiled)]
        print(f"  {name:<16} {cells[0]:>22} {cells[1]:>22}   {compiled / pure:5.2f}", flush=True)
    print(f"  {TIMED[-1]} compiled/pure, round by round: {' '.join(f'{ratio:.2f}' for ratio in per_round)}", flush=True)


def verdicts(site: Path, articles: int) -> None:
    files = {build: site.parent / f"{build}.jsonl" for build in ("pure", "compiled")}
    for build, path in files.items():
        run_child(build, site, "--task", "verdicts", "--verdict-articles", str(articles), "--out", str(path))
    pure = files["pure"].read_text(encoding="utf-8").splitlines()
    compiled = files["compiled"].read_text(encoding="utf-8").splitlines()
    differing = [(a, b) for a, b in zip(pure, compiled, strict=False) if a != b]
    kinds = sum(1 for line in pure if json.loads(line)[0].endswith(":figures"))
    print(
        f"verdicts: {len(pure)} cases compared ({len(pure) - kinds} verify reports, {kinds} articles' figures; "
        f"{len(compiled)} from the compiled build); differing: {len(differing) + abs(len(pure) - len(compiled))}"
    )
    for a, b in differing[:3]:
        print(f"  pure:     {a[:300]}\n  compiled: {b[:300]}")


# The figure check's own tests (and the commands built on it), run against the compiled install.
CHECK_TESTS = (
    "tests/grounding",
    "tests/test_figures.py",
    "tests/test_figure_roles.py",
    "tests/test_grounding.py",
    "tests/test_direction.py",
    "tests/test_verify_cli.py",
    "tests/test_pairs.py",
    "tests/test_extractive.py",
)
# Run by a child with the compiled install first on PYTHONPATH and without the checkout on sys.path.
_RUN_TESTS = """\
import sys
sys.path[:] = [entry for entry in sys.path if entry not in ("", ".")]
import pytest
code = pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]])
extract = sys.modules.get("summarizer.figures.extract")
if extract is None or extract.__file__.endswith(".py"):
    sys.exit(f"the tests did not import the compiled build: {extract and extract.__file__}")
sys.exit(code)
"""


def tests(site: Path) -> None:
    """The figure check's tests, run against the compiled build."""
    env = {**os.environ, "PYTHONPATH": str(site)}
    command = [sys.executable, "-c", _RUN_TESTS, *CHECK_TESTS]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=REPO)
    last = done.stdout.strip().splitlines()[-1:] or [done.stderr.strip()]
    print(f"the figure check's tests against the compiled build ({', '.join(CHECK_TESTS)}): {last[0]}")
    if done.returncode:
        sys.exit(f"{done.stdout[-4000:]}{done.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="new articles timed per build and round")
    parser.add_argument("--rounds", type=int, default=6, help="alternating rounds of timing (default 6)")
    parser.add_argument("--verdict-articles", type=int, default=2400, help="new articles whose verdicts are compared")
    parser.add_argument("--wheel", help="a compiled wheel built before (skips the build)")
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument("--skip-verdicts", action="store_true")
    parser.add_argument("--skip-tests", action="store_true", help="skip the figure check's tests on the compiled build")
    parser.add_argument("--child", choices=("pure", "compiled"), help=argparse.SUPPRESS)
    parser.add_argument("--task", choices=("time", "verdicts"), help=argparse.SUPPRESS)
    parser.add_argument("--seed", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args)
    with tempfile.TemporaryDirectory(prefix="summarizer-compiled-") as temp:
        wheel = Path(args.wheel) if args.wheel else build_wheel(Path(temp) / "wheel")
        print(f"compiled wheel: {wheel.name}", flush=True)
        site = Path(temp) / "site"
        install(wheel, site)
        if not args.skip_timing:
            timing(site, args.articles, args.rounds)
        if not args.skip_verdicts:
            verdicts(site, args.verdict_articles)
        if not args.skip_tests:
            tests(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
