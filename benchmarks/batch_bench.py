"""Batch figures against the fake server running as its own process: throughput, CPU, rate limits, cache, memory.

    python benchmarks/batch_bench.py [throughput|rpm|cache|rss|all] [--quick]

- throughput: the CPU-bound ceiling (the server answers at once, concurrency 100), then 1 s latency at
  concurrency 100 and 400 against min(concurrency / latency, ceiling); the figure check included. The
  ratio is of the sustained rate: articles over the wall time after the first second, when the first
  answers can arrive at the earliest (no client can do anything with the first second; at concurrency
  100 it would otherwise cap a 500-article run at 1 - ceiling / (ceiling + 500) of the ceiling). The
  whole-run rate is printed beside it. CPU ms per article (this process, all threads) for
  asummarize_many and for the bare SDK doing the same streamed request, in the same run.
- rpm: the server enforces 600 requests/minute (429 + Retry-After beyond it); the client's Throttle is set
  to the same limit. Share of the limit sustained, share of requests answered 429.
- cache: a 10,000-article batch, finished, run again: the same command (ids already in --out are skipped)
  and into a new output (every article from the cache); articles/s and HTTP requests sent.
- rss: peak RSS of `summarizer batch` over 100,000 input records (extractive engine, short articles).

Every article is new (benchmarks/workload.py varies its figures), so no memo hides the check's cost.
The machine may be shared: each figure is printed beside its baseline from the same run, and the load
average is printed with them. Nothing here is a test; nothing asserts a time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openai
import workload

from summarizer import Summarizer, Throttle
from summarizer.client import messages_of
from summarizer.config import Settings
from summarizer.limits import SWITCH_INTERVAL
from summarizer.prompts import fence_article, fence_id, load_prompt

HERE = Path(__file__).resolve().parent
LATENCY = 1.0  # seconds, the fake server's answer time in the latency runs


@contextmanager
def fake_server(*, latency: float = 0.0, rpm: float | None = None) -> Iterator[str]:
    """The fake server as its own process; yields its base URL."""
    command = [sys.executable, "-m", "summarizer.testing", "--responder", "workload:answer", "--latency", str(latency)]
    if rpm:
        command += ["--rpm", str(rpm)]
    process = subprocess.Popen(command, cwd=HERE, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise SystemExit(f"the fake server did not start (it printed {url!r})")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def server_stats(base_url: str) -> dict[str, int]:
    with urllib.request.urlopen(base_url.removesuffix("/v1") + "/fake/stats") as response:
        stats: dict[str, int] = json.load(response)
    return stats


def settings_for(base_url: str, **changes: Any) -> Settings:
    return Settings(
        engine="openai", model="bench-model", base_url=base_url, api_key="bench", use_cache=False, **changes
    ).with_changes(concurrency=None, timeout=60.0)


def ours(base_url: str, start: int, count: int, concurrency: int, throttle: Throttle | None = None) -> int:
    async def run() -> int:
        ok = 0
        async with Summarizer(settings_for(base_url), throttle=throttle) as summarizer:
            articles = (workload.article(n) for n in range(start, start + count))
            async for outcome in summarizer.asummarize_many(articles, concurrency=concurrency):
                ok += outcome.ok
        return ok

    return asyncio.run(run())


def bare_sdk(base_url: str, start: int, count: int, concurrency: int) -> int:
    """The same streamed request through the bare SDK (aiohttp), no validation, no check, no cache."""
    template = load_prompt()

    async def run() -> int:
        client = openai.AsyncOpenAI(
            base_url=base_url, api_key="bench", max_retries=0, http_client=openai.DefaultAioHttpClient()
        )
        semaphore = asyncio.Semaphore(concurrency)

        async def one(n: int) -> int:
            messages = messages_of(
                ("system", template.render("system", fence=fence_id(""))),
                ("user", template.render("user", title="(none)", article=fence_article(workload.article(n)))),
            )
            async with semaphore:
                try:
                    return await ask(messages)
                except openai.APIError:  # no retry layer here: a failed call counts as not done
                    return 0

        async def ask(messages: Any) -> int:
            stream = await client.chat.completions.create(
                model="bench-model",
                messages=[dict(message) for message in messages],
                stream=True,
                stream_options={"include_usage": True},
            )
            text = [chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices]
            return int(bool("".join(text)))

        try:
            return sum(await asyncio.gather(*(one(n) for n in range(start, start + count))))
        finally:
            await client.close()

    return asyncio.run(run())


def measure(run: Callable[[], int]) -> tuple[float, float, int]:
    wall, cpu = time.perf_counter(), time.process_time()
    done = run()
    return time.perf_counter() - wall, time.process_time() - cpu, done


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def throughput(quick: bool) -> None:
    # As `summarizer batch` does (summarizer.limits.SWITCH_INTERVAL); the bare SDK runs under it too.
    sys.setswitchinterval(SWITCH_INTERVAL)
    print(f"== throughput ({load()}; GIL switch interval {SWITCH_INTERVAL * 1000:g} ms, as summarizer batch sets it)")
    n_ceiling = 300 if quick else 1000
    with fake_server(latency=0.0) as url:
        ours(url, 0, 50, 50)  # warm up
        bare_sdk(url, 0, 50, 50)
        wall, cpu, ok = measure(lambda: ours(url, 10_000, n_ceiling, 100))
        ceiling = ok / wall
        bare_wall, bare_cpu, bare_ok = measure(lambda: bare_sdk(url, 10_000, n_ceiling, 100))
    print(f"ceiling (latency 0, concurrency 100, {n_ceiling} articles): {ceiling:.1f} articles/s, ok {ok}")
    print(
        f"  CPU ms/article: ours {cpu / ok * 1000:.2f}, bare SDK {bare_cpu / bare_ok * 1000:.2f} "
        f"(ratio {cpu / ok / (bare_cpu / bare_ok):.2f}); bare SDK rate {bare_ok / bare_wall:.1f}/s"
    )
    for concurrency in (100, 400):
        count = concurrency * (3 if quick else 5)
        with fake_server(latency=LATENCY) as url:
            ours(url, 0, 20, 20)
            wall, cpu, ok = measure(lambda c=concurrency, k=count: ours(url, 20_000, k, c))
            bare_wall, bare_cpu, bare_ok = measure(lambda c=concurrency, k=count: bare_sdk(url, 20_000, k, c))
        target = min(concurrency / LATENCY, ceiling)
        sustained, bare_sustained = ok / (wall - LATENCY), bare_ok / (bare_wall - LATENCY)
        print(
            f"latency 1 s, concurrency {concurrency}, {count} articles: sustained {sustained:.1f}/s = "
            f"{sustained / target:.0%} of min({concurrency}/1 s, ceiling {ceiling:.1f}) = {target:.1f} "
            f"(whole run {ok / wall:.1f}/s = {ok / wall / target:.0%}); ok {ok}; bare SDK sustained "
            f"{bare_sustained:.1f}/s (whole run {bare_ok / bare_wall:.1f}/s); CPU ms/article ours "
            f"{cpu / ok * 1000:.2f}, bare {bare_cpu / bare_ok * 1000:.2f}"
        )


def rpm(quick: bool, limit: float = 600.0) -> None:
    print(f"== rate limit ({load()})")
    count = int(limit / 3) if quick else int(limit * 5 / 6)  # 20 s or 50 s at the limit
    with fake_server(latency=0.2, rpm=limit) as url:
        throttle = Throttle(rpm=limit)
        wall, _, ok = measure(lambda: ours(url, 30_000, count, 50, throttle))
        stats = server_stats(url)
    rate = ok / wall * 60
    share_429 = stats["rate_limited"] / max(stats["chat_requests"], 1)
    print(
        f"server limit {limit:.0f} rpm, {count} articles in {wall:.1f}s: {rate:.0f} rpm = {rate / limit:.1%} of the "
        f"limit; {stats['rate_limited']} of {stats['chat_requests']} requests answered 429 ({share_429:.2%})"
    )


def batch_command(*args: str, env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "summarizer", "batch", *args, "--quiet"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    return time.perf_counter() - started, completed


def cache(quick: bool) -> None:
    print(f"== cached rerun ({load()})")
    count = 2000 if quick else 10_000
    with tempfile.TemporaryDirectory() as tmp, fake_server(latency=0.0) as url:
        folder = Path(tmp)
        source = workload.jsonl(folder / "in.jsonl", count, start=40_000)
        env = {
            **os.environ,
            "OPENAI_BASE_URL": url,
            "OPENAI_API_KEY": "bench",
            "SUMMARIZER_MODEL": "bench-model",
            "SUMMARIZER_CACHE_DIR": str(folder / "cache"),
            "SUMMARIZER_CONCURRENCY": "100",
        }
        first_wall, first = batch_command(str(source), "--out", str(folder / "1.jsonl"), env=env)
        before = server_stats(url)["chat_requests"]
        same_wall, _ = batch_command(str(source), "--out", str(folder / "1.jsonl"), env=env)
        new_wall, new = batch_command(str(source), "--out", str(folder / "2.jsonl"), env=env)
        sent = server_stats(url)["chat_requests"] - before
        idle_wall, _ = batch_command("--help", env=env)
    print(f"first run: {count} articles in {first_wall:.1f}s ({count / first_wall:.1f}/s); {first.stderr.strip()}")
    print(f"same command again (resume, all skipped): {same_wall:.2f}s wall = {count / same_wall:.0f} articles/s")
    print(
        f"into a new output (all from cache): {new_wall:.2f}s wall = {count / new_wall:.0f} articles/s; "
        f"{new.stderr.strip()}"
    )
    print(
        f"  the command's start-up alone (--help) takes {idle_wall:.2f}s; without it: "
        f"{count / max(new_wall - idle_wall, 1e-9):.0f} articles/s"
    )
    print(f"HTTP requests sent by the two reruns: {sent}")


def rss(quick: bool) -> None:
    print(f"== memory ({load()})")
    count = 20_000 if quick else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        with (folder / "in.jsonl").open("w", encoding="utf-8") as out:
            for n in range(count):
                out.write(json.dumps({"id": f"r{n}", "text": f"Sales rose {n % 97}% to £{n}m in 2024."}) + "\n")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
        env["SUMMARIZER_CONCURRENCY"] = "64"
        wall, completed = batch_command(
            str(folder / "in.jsonl"), "--out", str(folder / "out.jsonl"), "--no-cache", env=env
        )
        lines = sum(1 for _ in (folder / "out.jsonl").open("rb"))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"{count} records (extractive engine) in {wall:.1f}s, {lines} output lines, exit {completed.returncode}: "
        f"peak RSS {peak_mb:.0f} MB (largest child process of this run)"
    )


def main() -> None:
    logging.basicConfig(level=logging.ERROR)  # retries are counted, not narrated
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="?", default="all", choices=["throughput", "rpm", "cache", "rss", "all"])
    parser.add_argument("--quick", action="store_true", help="fewer articles")
    parser.add_argument("--rpm-limit", type=float, default=600.0, help="the server's limit for the rpm bench")
    args = parser.parse_args()
    # rss first: its peak is read from this process's finished children, and it should be the only one yet.
    benches: dict[str, Callable[[bool], None]] = {
        "rss": rss,
        "throughput": throughput,
        "rpm": lambda quick: rpm(quick, args.rpm_limit),
        "cache": cache,
    }
    for name, bench in benches.items():
        if args.which in (name, "all"):
            bench(args.quick)


if __name__ == "__main__":
    main()
