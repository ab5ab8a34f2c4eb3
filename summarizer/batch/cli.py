"""`summarizer batch`: many articles from files, folders, globs, JSONL or stdin into resumable JSON Lines."""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

import click

from summarizer.batch.output import FiguresCsv, markdown_section
from summarizer.batch.pricing import PriceTable
from summarizer.batch.progress import Progress
from summarizer.batch.runner import BatchJob, BatchOptions, Sink, estimate
from summarizer.batch.sources import DEFAULT_MAX_CHARS, Article, check_inputs
from summarizer.config import Settings
from summarizer.errors import InputError
from summarizer.limits import SWITCH_INTERVAL
from summarizer.result import SummaryResult
from summarizer.text import clean_text

EXIT_FAILED = 1

# The model options of `summarize`, shared by `batch` (cli.py adds them to this command).
MODEL_OPTIONS = (
    "engine",
    "model",
    "base_url",
    "timeout",
    "deadline",
    "max_output_tokens",
    "cache_dir",
    "no_cache",
    "refresh",
)


@click.command(name="batch")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The results, one JSON line per article. Run the same command again to resume: ids already there are "
    "skipped. Without it, JSON Lines go to stdout (no resume).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "markdown"]),
    default="jsonl",
    show_default=True,
    help="markdown: print each summary for reading on stdout as it completes (--out still gets JSON Lines).",
)
@click.option("--figures-csv", type=click.Path(dir_okay=False, path_type=Path), help="Also write key figures as CSV.")
@click.option(
    "--concurrency",
    type=click.IntRange(1, 2000),
    help="Articles in flight (env SUMMARIZER_CONCURRENCY; default 16, or 1 for a server on this machine).",
)
@click.option("--rpm", type=click.FloatRange(min=0, min_open=True), help="Requests per minute, at most.")
@click.option("--tpm", type=click.FloatRange(min=0, min_open=True), help="Tokens per minute, at most (estimated).")
@click.option(
    "--max-chars",
    type=click.IntRange(1),
    default=DEFAULT_MAX_CHARS,
    show_default=True,
    help="Longer articles become error lines.",
)
@click.option("--retry-errors", is_flag=True, help="Try the articles that ended as error lines again.")
@click.option("--dry-run", is_flag=True, help="Count articles and estimate tokens and cost; send nothing.")
@click.option(
    "--prices",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='A JSON price table ({"model": {"input": $, "output": $}} per 1M tokens) over the built-in one.',
)
@click.option(
    "--via",
    type=click.Choice(["online", "batch-api"]),
    default="online",
    show_default=True,
    help="batch-api: the OpenAI Batch API (half price, within 24 h); state beside --out, so a rerun resumes it.",
)
@click.option("--poll-interval", type=click.FloatRange(min=0), default=30.0, show_default=True, hidden=True)
@click.option("-q", "--quiet", is_flag=True, help="No progress on stderr (the closing summary still prints).")
def batch(
    *,
    inputs: tuple[str, ...],
    out: Path | None,
    output_format: str,
    figures_csv: Path | None,
    concurrency: int | None,
    rpm: float | None,
    tpm: float | None,
    max_chars: int,
    retry_errors: bool,
    dry_run: bool,
    prices: Path | None,
    via: str,
    poll_interval: float,
    quiet: bool,
    **model_options: Any,
) -> None:
    """Summarise every article in INPUT...: files, folders (.txt, .md, .html), globs, JSONL ({"id", "text",
    "title"?, ...}; other fields are carried to the output) or '-' for standard input.

    Each article becomes one JSON line, {"id", "status": "ok"|"error", "result"|"error", "provenance"}, written as
    it completes. Exit 0 when every article is ok, 1 when some failed (see their error lines), 2 on usage errors.
    """
    try:
        check_inputs(inputs)
    except InputError as error:
        raise click.UsageError(str(error)) from None
    if inputs.count("-") > 1:
        raise click.UsageError("'-' (standard input) can be given once")
    settings = _settings(model_options)
    options = BatchOptions(
        concurrency=concurrency,
        rpm=rpm,
        tpm=tpm,
        max_chars=max_chars,
        retry_errors=retry_errors,
        prices=PriceTable.from_file(prices) if prices else PriceTable(),
    )
    if dry_run:
        _dry_run(inputs, settings, out, options)
        return
    if settings.engine == "auto" and settings.resolved_engine() == "extractive":
        click.echo("summarizer: no model configured, using the extractive engine (no model, no network).", err=True)
    sinks: list[Sink] = []
    csv_file = FiguresCsv(figures_csv) if figures_csv else None
    if csv_file is not None:

        def write_figures(article: Article, record: dict[str, Any], result: SummaryResult | None) -> None:
            if result is not None:
                csv_file.write(article.id, article.title, result)

        sinks.append(write_figures)
    if output_format == "markdown":
        sinks.append(_print_markdown)
    elif out is None:
        sinks.append(lambda article, record, result: click.echo(json.dumps(record, ensure_ascii=False)))
    progress = Progress(quiet=quiet)
    job_stdin = sys.stdin.buffer if "-" in inputs else None
    try:
        job = BatchJob(inputs, settings, out, options=options, stdin=job_stdin, sinks=sinks, progress=progress)
        if via == "batch-api":
            from summarizer.batch.batchapi import BatchApiRun  # noqa: PLC0415 - imports the model SDK: only when used

            batch_api = BatchApiRun(job, poll_interval=poll_interval)
            asyncio.run(batch_api.run())
            counters = job.counters
            counters.finished_at = time.monotonic()
            progress.close()
        else:
            sys.setswitchinterval(SWITCH_INTERVAL)  # answers arriving are not kept waiting by figure checks
            counters = asyncio.run(job.run())
    finally:
        if csv_file is not None:
            csv_file.close()
    click.echo(clean_text(counters.summary()), err=True)
    if job.previous_errors:
        click.echo(
            f"summarizer: {job.previous_errors} article(s) failed in an earlier run; --retry-errors tries them again",
            err=True,
        )
    sys.exit(EXIT_FAILED if counters.failed or job.previous_errors else 0)


def _settings(model_options: dict[str, Any]) -> Settings:
    # Flags say "on" or nothing: off must not override the environment.
    options = {name: value for name, value in model_options.items() if name not in ("no_cache", "refresh")}
    return Settings.from_env(
        **options,
        use_cache=False if model_options.get("no_cache") else None,
        refresh=model_options.get("refresh") or None,
    )


def _print_markdown(article: Article, record: dict[str, Any], result: SummaryResult | None) -> None:
    if result is not None:
        click.echo(markdown_section(article.id, article.title, result))
    else:
        error = record["error"]
        click.echo(
            clean_text(f"# {article.title or article.id}\n\n`{article.id}`: {error['type']}: {error['message']}\n")
        )


def _dry_run(inputs: tuple[str, ...], settings: Settings, out: Path | None, options: BatchOptions) -> None:
    stdin = sys.stdin.buffer if "-" in inputs else None
    figures = estimate(inputs, settings, out, options=options, stdin=stdin)
    model = settings.model if settings.resolved_engine() == "openai" else "extractive engine (no model)"
    cost = (
        "unknown: the model is not in the price table (give --prices FILE.json)"
        if figures.cost is None
        else f"~${figures.cost:.4f}"
    )
    lines = [
        f"articles to summarise  {figures.articles}",
        f"already in the output  {figures.skipped}",
        f"unusable (error lines) {figures.unusable}",
        f"model                  {model}",
        f"prompt tokens          ~{figures.prompt_tokens:,}",
        f"completion tokens      ~{figures.completion_tokens:,}",
        f"estimated cost         {cost}",
    ]
    price = options.prices.get(settings.model) if settings.resolved_engine() == "openai" else None
    if price is not None:
        lines.append(f"price per 1M tokens    ${price.input:g} input, ${price.output:g} output")
    click.echo("\n".join(lines))


__all__ = ["MODEL_OPTIONS", "batch"]
