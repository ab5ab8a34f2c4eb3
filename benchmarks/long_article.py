"""A 50,000-word article through the real CLI and the fake server: requests taken, key figures kept.

    python benchmarks/long_article.py [--words 50000] [--context-tokens 16000 32000]

The article is the example article followed by ordinary prose, with one money figure in the middle
(£75m) and one at the end (£12m a year): `long_article()` of `tests/test_long_articles.py`. For each
context size, `summarizer summarize --context-tokens N FILE` runs as a user runs it (a subprocess)
against a `FakeOpenAIServer` whose model extracts each part's money figures with their sentences and
writes the summary from what it is sent (`LongArticleModel`). Then `summarizer verify --article FILE
--summary OUTPUT` checks the final output on its own against the whole article. Printed per run: the
words, the requests (extractions and the summary), whether the start, middle and end figures are
among the key figures, the verify verdict and exit code, the wall time and the peak memory.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import reliability
from test_long_articles import END, MIDDLE, LongArticleModel, long_article

from summarizer.testing import FakeOpenAIServer

# One figure from the start (the example article's lead), one from the middle, one from the end.
KEPT = {"start": "£480m", "middle": "£75m", "end": "£12m a year"}


def run(words: int, context: int, work: Path) -> dict[str, object]:
    article = long_article(words)
    file = work / f"article-{context}.txt"
    file.write_text(article, encoding="utf-8")
    model = LongArticleModel()
    with FakeOpenAIServer(responder=model) as server:
        env = reliability.clean_env(
            OPENAI_BASE_URL=server.base_url,
            SUMMARIZER_MODEL="test-model",
            SUMMARIZER_CACHE_DIR=str(work / f"cache-{context}"),
        )
        out = work / f"summary-{context}"
        code, seconds, peak_kb, cpu = reliability._run(
            [str(reliability.SCRIPT), "summarize", "--context-tokens", str(context), str(file)], env, None, out
        )
        requests = len(server.requests)
    summary = out.with_suffix(".stdout")
    data = json.loads(summary.read_text(encoding="utf-8")) if code == 0 else {}
    figures = {figure["figure"] for figure in data.get("summary", {}).get("key_figures", [])}
    check = work / f"verify-{context}"
    verify_code, verify_seconds, _, _ = reliability._run(
        [str(reliability.SCRIPT), "verify", "--json", "--article", str(file), "--summary", str(summary)],
        reliability.clean_env(),
        None,
        check,
    )
    report = json.loads(check.with_suffix(".stdout").read_text(encoding="utf-8") or "{}")
    return {
        "words": len(article.split()),
        "bytes": len(article.encode()),
        "context_tokens": context,
        "exit": code,
        "requests": requests,
        "extractions": len(model.parts),
        "summary_requests": len(model.summary_sources),
        "summary_sent_chars": sum(len(source) for source in model.summary_sources),
        "kept": {where: figure in figures for where, figure in KEPT.items()},
        "kept_line": ", ".join(
            f"{where} {figure}: {'kept' if figure in figures else 'MISSING'}" for where, figure in KEPT.items()
        ),
        "middle_and_end_sentences_sent": all(s in "".join(model.summary_sources) for s in (MIDDLE, END)),
        "pipeline_grounding_ok": data.get("grounding", {}).get("ok"),
        "verify_exit": verify_code,
        "verify_verdict": report.get("verdict"),
        "verify_ok": report.get("ok"),
        "wall_s": round(seconds, 2),
        "cpu_s": round(cpu, 2),
        "peak_mb": round(peak_kb / 1024),
        "verify_wall_s": round(verify_seconds, 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--context-tokens", type=int, nargs="+", default=[16_000, 32_000])
    arguments = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="summarizer-long-") as tmp:
        for context in arguments.context_tokens:
            result = run(arguments.words, context, Path(tmp))
            results.append(result)
            print(
                f"{result['words']:,} words ({result['bytes']:,} bytes), --context-tokens {context}: "
                f"exit {result['exit']}, {result['requests']} requests ({result['extractions']} extractions + "
                f"{result['summary_requests']} summary); {result['kept_line']}; figure check on the output "
                f"(summarizer verify): {result['verify_verdict']}, exit {result['verify_exit']}; "
                f"{result['wall_s']} s wall, {result['cpu_s']} s CPU, {result['peak_mb']} MB peak",
                flush=True,
            )
    print(json.dumps(results, indent=2))
    return 0 if all(r["exit"] == 0 and r["verify_exit"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
