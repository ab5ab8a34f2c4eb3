"""`python -m evals`: run the eval suite, print the table (or JSON), exit 0 when every case passes.

Exit codes: 0 every case met its thresholds, 1 a case failed (the failing checks are named),
2 the run could not start (--live without an endpoint).
"""

from __future__ import annotations

import argparse
import sys

from summarizer.errors import ConfigError

from . import CASES, render_table, run_suite


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals",
        description="Summarise the eval cases and score the figures that come through.",
    )
    parser.add_argument(
        "--model",
        choices=("recorded", "extractive"),
        default="recorded",
        help="recorded: recorded answers behind a local fake OpenAI server (default); extractive: no model",
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="use the real endpoint from OPENAI_API_KEY / OPENAI_BASE_URL / SUMMARIZER_MODEL instead",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--case", action="append", metavar="NAME", help="run only this case (repeatable)")
    args = parser.parse_args(argv)

    cases = CASES
    if args.case:
        unknown = sorted(set(args.case) - {case.name for case in CASES})
        if unknown:
            parser.error(f"unknown case(s): {', '.join(unknown)}; known: {', '.join(c.name for c in CASES)}")
        cases = tuple(case for case in CASES if case.name in args.case)
    try:
        report = run_suite("live" if args.live else args.model, cases)
    except ConfigError as error:
        print(f"python -m evals: {error}", file=sys.stderr)
        return 2
    print(report.model_dump_json(indent=2) if args.json else render_table(report))
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
