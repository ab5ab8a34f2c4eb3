"""Sentinel-secret sweep: run the CLI paths of the reliability table and the whole test suite with
everything logged at DEBUG, then search every log, output, error and file they wrote for the secrets.

    python benchmarks/secret_sweep.py [--no-tests] [--keep DIR]

1. Every case of `benchmarks/reliability.py` (inputs, flags, model faults, cache damage, the long
   article) runs the installed `summarizer` script with `-vv` (every logger at DEBUG, the SDK's and
   its HTTP library's included), a sentinel API key in the environment and, where the case talks to
   the fake server, a base URL carrying a sentinel `user:password@`; then a few more paths: `cache
   stats|path|clear`, `batch` over a folder, `eval` on a mock, `verify`.
2. The test suite runs with every logger at DEBUG and every test's captured output and logs printed
   (`pytest -o log_level=DEBUG -rA --basetemp=DIR`); its own sentinels are the tests' key
   (`tests/support.py`) and URL password (`tests/test_secrets.py`).

Searched: each run's stdout and stderr, pytest's whole output, and every file under the runs'
directories (caches, outputs, reports, the tests' temporary directories), for each secret as written,
percent-encoded, and inside `Bearer ...` and base64 `Basic ...` credentials. Prints the hits per place
(0 is the target) and what was searched. Nothing here asserts: it measures.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote

import reliability

REPO = reliability.REPO
sys.path.insert(0, str(REPO / "tests"))
from support import SECRET_KEY as TEST_KEY  # noqa: E402
from test_secrets import PASSWORD as TEST_PASSWORD  # noqa: E402

from summarizer.testing import FakeOpenAIServer, Reply  # noqa: E402

# Users the runs put in front of a password: reliability's base URLs, and the tests'.
USERS = ("reader", "alice")
# A test-suite run that stops answering for this long is dumped (faulthandler) and killed.
TEST_SUITE_TIMEOUT = 1800


@dataclass
class Place:
    """Where text was searched, how much, and how often a secret turned up there."""

    name: str
    texts: int = 0
    files: int = 0
    bytes: int = 0
    hits: int = 0
    debug_lines: int = 0
    examples: list[str] = field(default_factory=list)


def forms(*secrets: str) -> list[bytes]:
    """Each secret as written and percent-encoded, and the credentials that would carry it."""
    found: set[str] = set()
    for secret in secrets:
        found |= {secret, quote(secret, safe=""), f"Bearer {secret}"}
        for user in USERS:
            found.add(base64.b64encode(f"{user}:{secret}".encode()).decode())
    return sorted((form.encode() for form in found), key=len, reverse=True)


def search(place: Place, data: bytes, needles: list[bytes], where: str) -> None:
    place.bytes += len(data)
    place.debug_lines += len(re.findall(rb"(?m)^summarizer: debug:|\bDEBUG\b", data))
    for needle in needles:
        count = data.count(needle)
        if count:
            place.hits += count
            at = data.find(needle)
            place.examples.append(f"{where}: {data[max(0, at - 80) : at + 80]!r}")


def search_files(place: Place, root: Path, needles: list[bytes], skip: Iterable[str] = ()) -> None:
    skipped = set(skip)
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name not in skipped:
            place.files += 1
            search(place, path.read_bytes(), needles, str(path.relative_to(root)))


def debug(case: reliability.Case) -> reliability.Case:
    """The case with -vv in front (a case that asked for -v gets -vv instead)."""
    args = case.args[1:] if case.args[:1] == ["-v"] else case.args
    return replace(case, args=["-vv", *args])


def cli_runs(root: Path, needles: list[bytes]) -> tuple[Place, Place, int]:
    """The reliability cases and the extra paths, at DEBUG: their transcripts, and the files they wrote."""
    transcripts: list[str] = []
    cases = [debug(case) for case in reliability.cases()]
    for number, case in enumerate(cases, start=1):
        outcome = reliability.run_case(case, root / f"case{number:02d}", transcripts)
        print(f"  {number:2d} exit {outcome.exit_code} {outcome.seconds:5.1f}s  {case.name}", flush=True)
    extra = extra_paths(root / "extra", transcripts)
    output = Place("CLI runs: stdout and stderr")
    for number, text in enumerate(transcripts):
        output.texts += 1
        search(output, text.encode(), needles, f"transcript {number}")
    files = Place("CLI runs: every file written (caches, outputs, reports)")
    # The prepared inputs are ours, not the tool's writing; none holds a secret anyway.
    search_files(files, root, needles, skip={"input"})
    return output, files, len(cases) + extra


def extra_paths(work: Path, transcripts: list[str]) -> int:
    """Paths the table does not cover: the cache commands, batch, eval and verify, each with -vv."""
    work.mkdir(parents=True)
    articles = work / "articles"
    articles.mkdir()
    (articles / "harbour.txt").write_text(reliability._article(), encoding="utf-8")
    (articles / "again.txt").write_text(reliability._article() + "\n", encoding="utf-8")
    summary = work / "summary.txt"
    summary.write_text("The port will receive £480m.", encoding="utf-8")
    cache = work / "cache"
    with FakeOpenAIServer(default=Reply.json(reliability.valid_answer())) as server:
        url = server.base_url.replace("://", f"://reader:{reliability.SENTINEL_PASSWORD}@")
        env = reliability.clean_env(
            OPENAI_API_KEY=reliability.SENTINEL_KEY,
            OPENAI_BASE_URL=url,
            SUMMARIZER_MODEL="test-model",
            SUMMARIZER_CACHE_DIR=str(cache),
        )
        commands = [
            ["batch", str(articles), "--out", str(work / "batch.jsonl")],
            ["summarize", str(articles / "harbour.txt")],  # a cache hit after the batch
            ["cache", "stats"],
            ["cache", "path"],
            ["verify", "--article", str(articles / "harbour.txt"), "--summary", str(summary)],
            ["eval", "--case", "bank-fine", "--no-baseline", "--report", str(work / "eval.json")],
            ["cache", "clear"],
        ]
        for number, command in enumerate(commands):
            started = time.perf_counter()
            done = subprocess.run(
                [str(reliability.SCRIPT), "-vv", *command],
                capture_output=True,
                text=True,
                env=env,
                cwd=work,
                timeout=reliability.TIMEOUT,
                check=False,
            )
            transcripts += [done.stdout, done.stderr]
            name = " ".join(command[:2])
            seconds = time.perf_counter() - started
            print(f"  x{number + 1} exit {done.returncode} {seconds:5.1f}s  summarizer -vv {name}", flush=True)
    return len(commands)


def test_suite(root: Path, needles: list[bytes]) -> tuple[Place, Place, str]:
    """The whole suite at DEBUG with every test's output printed; its output and the files it wrote."""
    base = root / "pytest"
    log = root / "pytest.log"
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "log_level=DEBUG",
        "-o",
        "faulthandler_timeout=300",
        "-rA",
        f"--basetemp={base}",
    ]
    with log.open("wb") as out:
        done = subprocess.run(
            command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT, timeout=TEST_SUITE_TIMEOUT, check=False
        )
    data = log.read_bytes()
    tail = data.decode(errors="replace").strip().splitlines()[-1:]
    output = Place("test suite: pytest output (-rA: every test's captured stdout, stderr and DEBUG log)")
    output.texts = 1
    search(output, data, needles, "pytest output")
    files = Place("test suite: every file the tests wrote (--basetemp: caches, outputs, reports)")
    search_files(files, base, needles)
    return output, files, f"exit {done.returncode}: {tail[0] if tail else '(no output)'}"


def control(root: Path, needles: list[bytes]) -> Place:
    """The search itself, shown to find what it looks for: a file holding every form once."""
    planted = root / "control"
    planted.mkdir()
    (planted / "leak.log").write_bytes(b"\n".join(b"leaked: " + needle for needle in needles))
    place = Place(f"control: a planted file holding each of the {len(needles)} forms (hits: forms found)")
    search_files(place, planted, needles)
    place.examples.clear()
    place.hits = sum(1 for needle in needles if needle in (planted / "leak.log").read_bytes())
    shutil.rmtree(planted)
    return place


def report(places: list[Place]) -> int:
    print()
    print(f"{'place':<84} {'texts':>5} {'files':>6} {'MB':>7} {'DEBUG lines':>11} {'hits':>5}")
    for place in places:
        print(
            f"{place.name:<84} {place.texts:>5} {place.files:>6} {place.bytes / 1e6:>7.2f} "
            f"{place.debug_lines:>11} {place.hits:>5}"
        )
        for example in place.examples[:5]:
            print(f"    {example}")
    total = sum(place.hits for place in places if not place.name.startswith("control"))
    print(f"\nsentinel hits: {total}")
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-tests", action="store_true", help="Only the CLI runs, not the test suite.")
    parser.add_argument("--keep", type=Path, help="Keep everything the runs wrote in this directory.")
    arguments = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="summarizer-secret-sweep-"))
    started = time.perf_counter()
    try:
        cli_needles = forms(reliability.SENTINEL_KEY, reliability.SENTINEL_PASSWORD)
        places = [control(root, cli_needles)]
        print(f"CLI runs at DEBUG (-vv), sentinel key and URL password set ({len(cli_needles)} forms searched):")
        output, files, runs = cli_runs(root / "cli", cli_needles)
        places += [output, files]
        print(f"  {runs} runs")
        if not arguments.no_tests:
            # The suite's own secrets, and the benchmark's (a test could run it).
            test_needles = forms(TEST_KEY, TEST_PASSWORD, reliability.SENTINEL_KEY, reliability.SENTINEL_PASSWORD)
            print("test suite at DEBUG (pytest -o log_level=DEBUG -rA) ...", flush=True)
            suite_output, suite_files, outcome = test_suite(root, test_needles)
            places += [suite_output, suite_files]
            print(f"  {outcome}")
        hits = report(places)
        print(f"({time.perf_counter() - started:.0f} s)")
    finally:
        if arguments.keep:
            shutil.copytree(root, arguments.keep, dirs_exist_ok=True)
        shutil.rmtree(root, ignore_errors=True)
    return 1 if hits else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONFAULTHANDLER", "1")
    sys.exit(main())
