"""What the input size cap protects: the time of `summarize --engine extractive` by article size and kind.

    python benchmarks/input_cap.py [--sizes 100000 300000 500000 1000000 2000000]

Two kinds of article, each cut to the sizes asked for and run through the installed CLI (a
subprocess, the cap raised to fit; GNU time gives CPU and peak memory):
- *prose*: the example article, then ordinary prose with a money figure now and then
  (`long_article()` of tests/test_long_articles.py): figures thin, as in a long report;
- *dense*: the example article repeated: every figure of it again and again, the worst case for the
  figure check (each summary figure has as many equal figures in the article as there are repeats).
Printed per run: bytes, words, exit code, wall and CPU seconds, CPU per 100 kB, peak MB, and the CPU
as a ratio to the smallest size of the same kind (linear growth keeps CPU per 100 kB flat).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import reliability
from test_long_articles import long_article


def _prose(size: int) -> str:
    text = long_article(size // 5)
    while len(text.encode()) < size:
        text = long_article(len(text.split()) * 2)
    return text.encode()[:size].decode(errors="ignore")


def _dense(size: int) -> str:
    paragraph = reliability._article() + "\n"
    return (paragraph * (size // len(paragraph.encode()) + 1)).encode()[:size].decode(errors="ignore")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 500_000, 1_000_000, 2_000_000])
    arguments = parser.parse_args()
    print(
        f"{'kind':<6} {'bytes':>10} {'words':>8} {'exit':>4} {'wall s':>7} {'CPU s':>6} {'CPU/100kB':>9} "
        f"{'peak MB':>7} {'CPU x smallest':>14}"
    )
    with tempfile.TemporaryDirectory(prefix="summarizer-cap-") as tmp:
        for kind, make in (("prose", _prose), ("dense", _dense)):
            first = None
            for size in arguments.sizes:
                text = make(size)
                file = Path(tmp) / f"{kind}-{size}.txt"
                file.write_text(text, encoding="utf-8")
                command = [
                    str(reliability.SCRIPT),
                    "summarize",
                    "--engine",
                    "extractive",
                    "--max-input-bytes",
                    str(size + 1),
                    str(file),
                ]
                code, wall, peak_kb, cpu = reliability._run(
                    command, reliability.clean_env(), None, file.with_suffix("")
                )
                first = first or cpu
                print(
                    f"{kind:<6} {size:>10,} {len(text.split()):>8,} {code:>4} {wall:>7.2f} {cpu:>6.2f} "
                    f"{cpu / size * 100_000:>9.2f} {peak_kb / 1024:>7.0f} {cpu / first:>14.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
