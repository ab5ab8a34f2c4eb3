"""Many articles: sources in, a resumable JSON Lines file out, under concurrency and rate limits.

    from summarizer.batch import BatchJob, BatchOptions, run_batch
    counters = run_batch(["articles/", "more.jsonl"], settings, Path("results.jsonl"),
                         options=BatchOptions(concurrency=32, rpm=500))

    job = BatchJob(inputs, settings, out_path, options=...)   # in async code (the HTTP service)
    task = asyncio.create_task(job.run())
    job.counters.ok, job.counters.failed, job.counters.rate, job.counters.eta   # live progress

Stages, one module each: `sources` (files, folders, globs, JSONL, stdin; stable ids), `runner`
(the engine: bounded concurrency, Throttle, error lines, counters, dry-run estimate), `output`
(resumable JSONL, key-figures CSV, Markdown), `progress` (stderr), `pricing` (price table),
`batchapi` (`--via batch-api`: the OpenAI Batch API, state on disk), `cli` (`summarizer batch`).
"""

from summarizer.batch.output import ResultLog, read_results, result_line
from summarizer.batch.pricing import Price, PriceTable
from summarizer.batch.runner import BatchJob, BatchOptions, Counters, Estimate, estimate, run_batch
from summarizer.batch.sources import Article, iter_articles

__all__ = [
    "Article",
    "BatchJob",
    "BatchOptions",
    "Counters",
    "Estimate",
    "Price",
    "PriceTable",
    "ResultLog",
    "estimate",
    "iter_articles",
    "read_results",
    "result_line",
    "run_batch",
]
