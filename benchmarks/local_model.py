"""Summarise articles through the CLI against a configured (local) model and print what came out.

    python benchmarks/local_model.py [--summarizer PATH] [--server-log FILE] ARTICLE...

Run by benchmarks/local_model.sh with OPENAI_BASE_URL pointing at a llama.cpp server. Per article:
validated or not, HTTP requests (from the provenance, or counted in the server's access log when the
run failed), re-asks, wall seconds, and every figure of the summary with its check status.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path


def requests_in(log: Path | None) -> int | None:
    """POSTs to /chat/completions the server has logged so far (uvicorn's access log)."""
    if log is None or not log.exists():
        return None
    # The access-log line only: the server's tracebacks quote the route too.
    return sum('"POST /v1/chat/completions HTTP' in line for line in log.read_text(errors="replace").splitlines())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="+", type=Path)
    parser.add_argument("--summarizer", default="summarizer", help="the summarizer command to run")
    parser.add_argument("--server-log", type=Path, help="the server's log, to count requests of failed runs")
    args = parser.parse_args()

    failures = 0
    for article in args.articles:
        before = requests_in(args.server_log)
        started = time.perf_counter()
        done = subprocess.run(
            [args.summarizer, "summarize", "--refresh", str(article)], capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
        after = requests_in(args.server_log)
        counted = None if before is None or after is None else after - before
        print(f"\n== {article.name}: exit {done.returncode}, {seconds:.1f}s")
        warnings = [line for line in done.stderr.splitlines() if line.strip()]
        for line in warnings:
            print(f"   stderr: {line}")
        try:
            output = json.loads(done.stdout)
        except json.JSONDecodeError:
            failures += 1
            print(f"   validated: no   requests: {counted if counted is not None else '?'} (server log)")
            continue
        provenance, grounding = output["provenance"], output["grounding"]
        reasks = provenance["reasks"] + provenance["grounding_reasks"]
        print(
            f"   validated: yes  requests: {provenance['attempts']}  re-asks: {reasks} "
            f"({provenance['reasks']} after invalid or cut answers, {provenance['grounding_reasks']} for grounding)  "
            f"output mode: {provenance['output_mode']}  tokens: {provenance['usage']['completion_tokens']} out"
        )
        summary = output["summary"]
        print(
            f"   summary: {len(summary['key_points'])} key points, {len(summary['key_figures'])} key figures, "
            f"{len(summary['claims'])} claims; grounding ok: {grounding['ok']}"
        )
        for check in grounding["figures"]:
            print(f"   figure {check['status']:<13} {check['text']!r}")
        if not grounding["figures"]:
            print("   (no figures in the summary)")
    print(f"\n{len(args.articles) - failures} of {len(args.articles)} article(s) summarised and validated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
