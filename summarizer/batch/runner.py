"""The batch engine: articles from sources through one Summarizer, bounded and rate-limited, into a ResultLog.

`BatchJob` is the Python API (the CLI and the HTTP service both drive it)::

    job = BatchJob(["articles/"], settings, Path("results.jsonl"), options=BatchOptions(concurrency=32, rpm=500))
    counters = await job.run()          # or: counters = run_batch([...], settings, out_path, options=...)
    job.counters                        # live while it runs: ok, failed, cached, skipped, tokens, cost, rate, ETA

Articles are read lazily and at most `concurrency` are in flight; every HTTP attempt waits for
the `Throttle` (rpm/tpm, one shared pause after a 429). Each article ends as exactly one line of
the output, written as it completes; ids already in the output are skipped, so running the same
job again resumes it. `sinks` receive each finished article too (stdout, Markdown, a CSV of key
figures). A bad article never stops the batch: it becomes an error line.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from summarizer.batch.output import ResultLog, result_line
from summarizer.batch.pricing import ESTIMATED_OUTPUT_TOKENS, PriceTable
from summarizer.batch.progress import Progress
from summarizer.batch.sources import DEFAULT_MAX_CHARS, Article, iter_articles
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.limits import Throttle, as_completed_bounded
from summarizer.prompts import fence, fence_id, load_prompt
from summarizer.result import SummaryResult
from summarizer.tokens import tokens_for_characters

if TYPE_CHECKING:
    from summarizer.pipeline import Summarizer

log = logging.getLogger("summarizer.batch")

DEFAULT_CONCURRENCY = 16
# Articles looked up in the cache per trip to a worker thread (see BatchJob._not_cached).
CACHE_LOOKUP_CHUNK = 256

# A finished article: the article, its output record, its result (None on error).
Finished = tuple[Article, dict[str, Any], "SummaryResult | None"]

# What a sink is given for each finished article: the article, its output record, its result (None on error).
Sink = Callable[[Article, dict[str, Any], SummaryResult | None], None]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs (the model itself is configured by Settings)."""

    # None: Settings.concurrency (SUMMARIZER_CONCURRENCY), else 1 for a local server, else DEFAULT_CONCURRENCY.
    concurrency: int | None = None
    rpm: float | None = None
    tpm: float | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    # Drop error lines from the output and try those articles again.
    retry_errors: bool = False
    prices: PriceTable = field(default_factory=PriceTable)


@dataclass
class Counters:
    """A batch's progress; read it while the job runs."""

    seen: int = 0
    skipped: int = 0  # already in the output (a resumed run) or a duplicate id
    ok: int = 0
    failed: int = 0
    cached: int = 0
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = 0.0
    total_known: bool = False
    started: float = field(default_factory=time.monotonic)
    finished_at: float | None = None

    @property
    def finished(self) -> int:
        """Articles this run has finished (ok or failed)."""
        return self.ok + self.failed

    @property
    def total(self) -> int:
        """Articles this run has to do (final once `total_known`)."""
        return self.seen - self.skipped

    @property
    def tokens(self) -> int:
        """Tokens spent so far."""
        return self.prompt_tokens + self.completion_tokens

    @property
    def elapsed(self) -> float:
        """Seconds since the job started (until it finished)."""
        return (self.finished_at or time.monotonic()) - self.started

    @property
    def rate(self) -> float:
        """Articles finished per second."""
        return self.finished / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        """Seconds left, once the total is known and something has finished."""
        if not self.total_known or not self.rate:
            return None
        return max(self.total - self.finished, 0) / self.rate

    def add_cached(self) -> None:
        """Count one article served from the cache (no requests, no tokens)."""
        self.ok += 1
        self.cached += 1

    def add(self, result: SummaryResult, prices: PriceTable) -> None:
        """Count one finished article's cost."""
        provenance = result.provenance
        self.ok += 1
        self.cached += provenance.cache_hit
        self.requests += provenance.attempts
        usage = provenance.usage
        self.prompt_tokens += usage.prompt_tokens
        self.completion_tokens += usage.completion_tokens
        if usage.total_tokens and self.cost is not None:
            cost = prices.cost(provenance.model, usage.prompt_tokens, usage.completion_tokens)
            self.cost = None if cost is None else self.cost + cost

    def summary(self) -> str:
        """The closing summary: counts, tokens, cost, wall time, throughput."""
        cost = "unknown (model not in the price table)" if self.cost is None else f"~${self.cost:.4f}"
        return (
            f"summarizer: batch done: {self.ok} ok, {self.failed} failed, {self.cached} from cache, "
            f"{self.skipped} skipped | {self.requests} requests, {self.prompt_tokens:,} prompt + "
            f"{self.completion_tokens:,} completion tokens, cost {cost} | {self.elapsed:.1f}s, "
            f"{self.rate:.1f} articles/s"
        )


class BatchJob:
    """One batch: sources in, a resumable JSONL file (and sinks) out. See the module docstring."""

    def __init__(
        self,
        inputs: Sequence[str],
        settings: Settings,
        out: Path | None = None,
        *,
        options: BatchOptions | None = None,
        stdin: BinaryIO | None = None,
        sinks: Sequence[Sink] = (),
        progress: Progress | None = None,
    ) -> None:
        self.inputs, self.settings, self.out = list(inputs), settings, out
        self.options = options or BatchOptions()
        self.counters = Counters()
        self.throttle = Throttle(self.options.rpm, self.options.tpm) if self.options.rpm or self.options.tpm else None
        self._stdin, self._sinks = stdin, list(sinks)
        self.progress = progress or Progress(quiet=True)
        self._log: ResultLog | None = None
        self._seen_ids: set[str] = set()

    @property
    def previous_errors(self) -> int:
        """Error lines a resumed run found already in the output (and kept)."""
        return self._log.previous_errors if self._log else 0

    async def run(self) -> Counters:
        """Run to the end; the counters say how it went."""
        self.counters = counters = Counters()
        self.open_log()
        ticker = asyncio.ensure_future(self._tick())
        try:
            # Imported here: `summarizer batch --help` and --dry-run need no model SDK.
            from summarizer.pipeline import Summarizer  # noqa: PLC0415

            async with Summarizer(self.settings, throttle=self.throttle) as summarizer:
                await self.summarize_all(
                    self._not_cached(summarizer),
                    lambda article: summarizer.asummarize(article.text, title=article.title),
                )
        finally:
            ticker.cancel()
            counters.finished_at = time.monotonic()
            if self._log is not None:
                self._log.close()
            self.progress.update(counters, force=True)
            self.progress.close()
        return counters

    def pending(self) -> Iterator[Article]:
        """The articles still to do: bad ones are written at once, done and duplicate ids skipped.

        Reads the output's finished ids: call `open_log` first (run does)."""
        done = self._log.done if self._log else set()
        for article in iter_articles(self.inputs, stdin=self._stdin, max_chars=self.options.max_chars):
            self.counters.seen += 1
            if article.id in done:
                self.counters.skipped += 1
                continue
            if article.id in self._seen_ids:
                self.counters.skipped += 1
                self.progress.note(f"summarizer: {article.source}: duplicate id {article.id!r}; skipped")
                continue
            self._seen_ids.add(article.id)
            if article.problem is not None:
                self.emit(
                    article,
                    result_line(article.id, article.extra, error_type="InputError", message=article.problem),
                    None,
                )
                continue
            yield article
        self.counters.total_known = True

    async def _not_cached(self, summarizer: Summarizer) -> AsyncIterator[Article]:
        """The pending articles the cache does not hold; those it holds are written out as they are found.

        Looked up a chunk at a time in a worker thread, and written from the cache's JSON without
        validating it again (Summarizer.cached_json): a finished batch run again costs a lookup per
        article, not a model round trip through pydantic. The chunk doubles while every article in it
        was cached and drops to one at a miss, so input is read ahead only while the cache answers
        (the service ends a job's input at SIGTERM, and articles already read would still start).
        """
        pending = self.pending()
        if not summarizer.reads_cache:
            for article in pending:
                yield article
            return
        size = 1
        while chunk := list(itertools.islice(pending, size)):
            misses = await self._write_cached(summarizer, chunk)
            for miss in misses:
                yield miss
            size = 1 if misses else min(2 * size, CACHE_LOOKUP_CHUNK)

    async def _write_cached(self, summarizer: Summarizer, chunk: list[Article]) -> list[Article]:
        """Write the chunk's cached articles; the others, to be summarised."""
        records = await asyncio.to_thread(_cached_records, summarizer, chunk)
        misses = []
        for article, record in zip(chunk, records, strict=True):
            if record is None:
                misses.append(article)
            else:
                self.emit(article, record, None)
        return misses

    async def summarize_all(
        self,
        articles: Iterable[Article] | AsyncIterable[Article],
        summarize: Callable[[Article], Awaitable[SummaryResult]],
    ) -> None:
        """`summarize` every article, the job's concurrency at once; each written out as it finishes."""
        concurrency = self.settings.effective_concurrency(self.options.concurrency, default=DEFAULT_CONCURRENCY)
        async for article, record, result in as_completed_bounded(
            articles, self._work_for(summarize), concurrency=concurrency
        ):
            self.emit(article, record, result)

    def _work_for(
        self, summarize: Callable[[Article], Awaitable[SummaryResult]]
    ) -> Callable[[int, Article], Awaitable[Finished]]:
        """`summarize` as work for `as_completed_bounded`: each article ends as its output record, an
        error line when it failed (a bug of ours included: it must not cost the rest of the batch)."""

        async def work(index: int, article: Article) -> Finished:
            try:
                result = await summarize(article)
            except SummarizerError as error:
                return article, result_line(article.id, article.extra, error=error), None
            except Exception as error:
                log.debug("article %s failed unexpectedly", article.id, exc_info=True)
                return (
                    article,
                    result_line(article.id, article.extra, error_type="InternalError", message=str(error)),
                    None,
                )
            return article, result_line(article.id, article.extra, result=result), result

        return work

    def open_log(self) -> ResultLog | None:
        """Open the output file (reading what a previous run finished); None without --out."""
        self._log = ResultLog(self.out, retry_errors=self.options.retry_errors) if self.out else None
        return self._log

    def emit(self, article: Article, record: dict[str, Any], result: SummaryResult | None) -> None:
        """One finished article: its line in the output, the counters, every sink, the progress display.

        `result` is None for an error line, and for a line written from the cache's JSON.
        """
        if self._log is not None:
            self._log.write(record)
        if result is not None:
            self.counters.add(result, self.options.prices)
        elif record["status"] == "ok":  # written from the cache's JSON (see _not_cached)
            self.counters.add_cached()
            if self._sinks:  # Markdown and the figures CSV read the result
                result = SummaryResult.model_validate(record["result"])
        else:
            self.counters.failed += 1
        for sink in self._sinks:
            sink(article, record, result)
        self.progress.update(self.counters)

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(1.0)
            self.progress.update(self.counters)


def _cached_records(summarizer: Summarizer, articles: list[Article]) -> list[dict[str, Any] | None]:
    """Each article's output record from the cache, or None where it is not cached."""
    records: list[dict[str, Any] | None] = []
    for article in articles:
        cached = summarizer.cached_json(article.text, title=article.title)
        records.append(None if cached is None else result_line(article.id, article.extra, dumped=cached))
    return records


def run_batch(
    inputs: Sequence[str],
    settings: Settings,
    out: Path | None = None,
    *,
    options: BatchOptions | None = None,
    **job_arguments: Any,
) -> Counters:
    """Run a batch to the end from synchronous code (see BatchJob)."""
    return asyncio.run(BatchJob(inputs, settings, out, options=options, **job_arguments).run())


@dataclass
class Estimate:
    """A dry run's figures: articles to do, tokens and cost they should take."""

    articles: int = 0
    unusable: int = 0
    skipped: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost: float | None = None


def estimate(
    inputs: Sequence[str],
    settings: Settings,
    out: Path | None = None,
    *,
    options: BatchOptions | None = None,
    stdin: BinaryIO | None = None,
) -> Estimate:
    """Count articles and estimate tokens and cost, sending nothing (--dry-run)."""
    options = options or BatchOptions()
    done = ResultLog.read_done(out) if out is not None else set()
    template = load_prompt("summarize", settings.prompts_dir)
    overhead = len(template.render("system", fence=fence_id(""))) + len(
        template.render("user", title=fence("title", "", fence_id("")), article=fence("article", "", fence_id("")))
    )
    figures = Estimate()
    for article in iter_articles(inputs, stdin=stdin, max_chars=options.max_chars):
        if article.id in done:
            figures.skipped += 1
        elif article.problem is not None:
            figures.unusable += 1
        else:
            figures.articles += 1
            figures.prompt_tokens += tokens_for_characters(overhead + len(article.text) + len(article.title or ""))
            figures.completion_tokens += ESTIMATED_OUTPUT_TOKENS
    model = settings.model if settings.resolved_engine() == "openai" else None
    figures.cost = (
        0.0 if model is None else options.prices.cost(model, figures.prompt_tokens, figures.completion_tokens)
    )
    return figures
