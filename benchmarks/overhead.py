"""CPU time per summarize() call against the fake server, beside a bare SDK call with the same response.

    python benchmarks/overhead.py [--calls 300]

Both sides talk real HTTP to summarizer.testing.FakeOpenAIServer on 127.0.0.1, stream the same
completion and read it whole. CPU time is the calling thread's (time.thread_time), so the fake server's own
threads are not counted. Rounds alternate between the two sides so that drift hits both alike.
Target: ratio (summarize / bare create) <= 1.2. summarize() also checks every figure of the answer
against the article (grounding), work the bare call does not do at all; that check is timed on its
own in the same run, and the plumbing (prompt, request, validation, cache) is reported without it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import openai

from summarizer import Summarizer
from summarizer.client import messages_of
from summarizer.config import Settings
from summarizer.grounding import verify
from summarizer.prompts import fence_article, fence_id, load_prompt
from summarizer.schemas import ArticleSummary, strict_json_schema
from summarizer.testing import FakeOpenAIServer, Reply

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
# Test data written by us, shared with the tests.
from support import EXAMPLE_ARTICLE, valid_answer


def cpu_ms_per_call(call: Callable[[], object], calls: int) -> list[float]:
    samples = []
    for _ in range(calls):
        started = time.thread_time()
        call()
        samples.append((time.thread_time() - started) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calls", type=int, default=300, help="calls per side per round (default 300)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    article = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    template = load_prompt()
    schema = strict_json_schema(ArticleSummary)
    messages = [
        dict(message)
        for message in messages_of(
            ("system", template.render("system", fence=fence_id(""))),
            ("user", template.render("user", title="(none)", article=fence_article(article))),
        )
    ]

    with FakeOpenAIServer(default=Reply.json(valid_answer())) as server, tempfile.TemporaryDirectory() as tmp:
        bare = openai.OpenAI(base_url=server.base_url, api_key="bench", max_retries=0)
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": "article_summary", "strict": True, "schema": schema},
        }

        def bare_call() -> object:
            # Streamed, as summarize() streams: the bare SDK reading the same answer the same way.
            stream = bare.chat.completions.create(
                model="bench-model",
                messages=messages,  # type: ignore[arg-type]
                response_format=response_format,  # type: ignore[arg-type]
                temperature=0.0,
                stream=True,
                stream_options={"include_usage": True},
            )
            return "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)

        base = Settings(engine="openai", model="bench-model", base_url=server.base_url, api_key="bench")
        ours_no_cache = Summarizer(base.with_changes(use_cache=False))
        # refresh: skip the lookup but pay for storing the result, as a first run over new articles does.
        ours_cache_write = Summarizer(base.with_changes(cache_dir=Path(tmp), refresh=True))

        # A fresh summary object per call, as the pipeline has: nothing cached on the object helps.
        answer_json = json.dumps(valid_answer())
        sides: dict[str, Callable[[], object]] = {
            "bare client.chat.completions.create": bare_call,
            "figure check alone: verify()": lambda: verify(article, ArticleSummary.model_validate_json(answer_json)),
            "summarize(), no cache": lambda: ours_no_cache.summarize(article),
            "summarize(), cache write": lambda: ours_cache_write.summarize(article),
        }
        for call in sides.values():  # warm up connections, imports and caches
            cpu_ms_per_call(call, 20)
        results: dict[str, list[float]] = {name: [] for name in sides}
        for _ in range(args.rounds):
            for name, call in sides.items():
                results[name] += cpu_ms_per_call(call, args.calls)
        ours_no_cache.close()
        ours_cache_write.close()
        bare.close()

    medians = {name: statistics.median(samples) for name, samples in results.items()}
    baseline = medians["bare client.chat.completions.create"]
    check = medians["figure check alone: verify()"]
    medians["summarize(), no cache, minus the check"] = medians["summarize(), no cache"] - check
    medians["summarize(), cache write, minus the check"] = medians["summarize(), cache write"] - check
    print(f"CPU time per call, calling thread, median of {args.rounds * args.calls} calls per side")
    print(f"{'side':44} {'median ms':>10} {'ratio to bare':>14}")
    for name, median in medians.items():
        print(f"{name:44} {median:10.3f} {median / baseline:14.2f}")


if __name__ == "__main__":
    main()
