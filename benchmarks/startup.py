"""Start-up time of commands that need no model: `summarizer verify --help`, before and after a change.

    python benchmarks/startup.py [--before REF] [--runs 15]

The package at REF (default: the commit before lazy imports landed, cde9ad9^) is unpacked
with `git archive` into a temporary directory; both it and this checkout are run as
`python -c "from summarizer.cli import main; main()" verify --help` with PYTHONPATH pointing at one or
the other, alternating run by run so that load on the machine hits both alike. Prints the median
wall time of each, their ratio, and which heavy modules (openai, aiohttp, httpx2) each imported.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("openai", "aiohttp", "httpx2")
# The parent of the commit that made `import summarizer` stop importing the SDK (issue 11).
BEFORE_LAZY_IMPORTS = "cde9ad9^"
COMMAND = "from summarizer.cli import main; main()"
PROBE = "import sys; import summarizer; print(','.join(m for m in {heavy!r} if m in sys.modules) or '-')"


def unpack(ref: str, into: Path) -> Path:
    """The package and templates at `ref`, unpacked under `into`."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", ref, "summarizer", "prompts"],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def _env(tree: Path) -> dict[str, str]:
    # Bytecode is written (by the warm-up run) and reused, as in an installed package.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(tree)}


def one_run(tree: Path) -> float:
    env = _env(tree)
    started = time.perf_counter()
    # cwd: `python -c` puts the current directory first on sys.path, ahead of PYTHONPATH.
    subprocess.run(
        [sys.executable, "-c", COMMAND, "verify", "--help"], env=env, check=True, capture_output=True, cwd=tree
    )
    return time.perf_counter() - started


def heavy_imports(tree: Path) -> str:
    env = _env(tree)
    probe = PROBE.format(heavy=HEAVY)
    done = subprocess.run([sys.executable, "-c", probe], env=env, check=True, capture_output=True, text=True, cwd=tree)
    return done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--before",
        default=BEFORE_LAZY_IMPORTS,
        help=f"git ref of the 'before' package (default: {BEFORE_LAZY_IMPORTS}, before lazy imports)",
    )
    parser.add_argument("--runs", type=int, default=15)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="summarizer-startup-") as tmp:
        before = unpack(arguments.before, Path(tmp))
        trees = {f"before ({arguments.before})": before, "after (this checkout)": REPO}
        for tree in trees.values():
            one_run(tree)  # warm the file cache and bytecode
        samples: dict[str, list[float]] = {name: [] for name in trees}
        for _ in range(arguments.runs):
            for name, tree in trees.items():
                samples[name].append(one_run(tree))
        imported = {name: heavy_imports(tree) for name, tree in trees.items()}
    medians = {name: statistics.median(values) for name, values in samples.items()}
    print(f"summarizer verify --help, median of {arguments.runs} runs each (alternating):")
    for name, median in medians.items():
        spread = f"min {min(samples[name]):.3f} s, max {max(samples[name]):.3f} s"
        print(f"  {name:<24} {median:.3f} s  ({spread}); `import summarizer` imports: {imported[name]}")
    before_median, after_median = medians.values()
    print(f"  ratio after/before: {after_median / before_median:.2f}")


if __name__ == "__main__":
    main()
