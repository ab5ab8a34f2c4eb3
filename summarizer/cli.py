"""The command line: parse arguments, build settings, call the library, print. Nothing more."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click
from pydantic import ValidationError

from .config import ENGINES, Settings
from .errors import ConfigError, InputError, SummarizerError
from .grounding import verify
from .pairs import verify_pairs
from .pipeline import Summarizer
from .render import to_markdown
from .schemas import ArticleSummary
from .streaming import terminal_progress

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED, EXIT_USAGE = 1, 2


def _fails_cleanly(command: F) -> F:
    """Turn our errors into one line on stderr and an exit code, never a traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            click.echo(f"summarizer: configuration error: {error}", err=True)
            sys.exit(EXIT_USAGE)
        except SummarizerError as error:
            click.echo(f"summarizer: {type(error).__name__}: {error}", err=True)
            sys.exit(EXIT_FAILED)

    return run  # type: ignore[return-value]


def _read_text(path: str) -> str:
    """The UTF-8 text of a file, or of stdin for '-'."""
    name = "standard input" if path == "-" else path
    try:
        raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text; convert it (e.g. iconv -t UTF-8) and try again") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
@click.option("-v", "--verbose", is_flag=True, help="Log retries, re-asks and cache decisions to stderr.")
def cli(verbose: bool) -> None:
    """Structured, source-grounded summaries of news articles, with every figure checked."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING, format="summarizer: %(levelname)s: %(message)s"
    )


@cli.command()
@click.argument("articles", nargs=-1, metavar="[FILE|-]...")
@click.option("--title", help="The article's headline, if it is not part of the text.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "markdown"]),
    default="json",
    show_default=True,
    help="json for machines; markdown for reading.",
)
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default=None,
    help="openai: a model at OPENAI_BASE_URL/api.openai.com; extractive: no model. Default: openai when a key "
    "or base URL is set, else extractive.",
)
@click.option("--model", help="Model name (env SUMMARIZER_MODEL).")
@click.option("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:11434/v1 (env OPENAI_BASE_URL).")
@click.option(
    "--timeout",
    type=float,
    help="Seconds without a new token before a request is given up; default 60, 300 for a local server "
    "(env SUMMARIZER_TIMEOUT).",
)
@click.option(
    "--deadline",
    type=float,
    help="Seconds one request may take in all; default 300, 1800 for a local server (env SUMMARIZER_DEADLINE).",
)
@click.option(
    "--max-output-tokens",
    type=click.IntRange(min=1),
    help="Output token budget per request; default: derived from the schema's bounds "
    "(env SUMMARIZER_MAX_OUTPUT_TOKENS).",
)
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Env SUMMARIZER_CACHE_DIR.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--refresh", is_flag=True, help="Ignore cached results and store fresh ones.")
@_fails_cleanly
def summarize(
    *,
    articles: tuple[str, ...],
    title: str | None,
    output_format: str,
    engine: str | None,
    model: str | None,
    base_url: str | None,
    timeout: float | None,
    deadline: float | None,
    max_output_tokens: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    refresh: bool,
) -> None:
    """Summarise the article in FILE (or standard input: '-', or nothing with a pipe).

    With several files, prints one result per file: JSON Lines ({"file", ...}) or Markdown pages; a file
    that fails is reported on stderr and the others go on (exit 1). For many articles, see `summarizer batch`.
    """
    if not articles:
        if sys.stdin.isatty():
            raise click.UsageError("give FILE (or several), '-' for standard input, or pipe an article in")
        articles = ("-",)
    if articles.count("-") > 1:
        raise click.UsageError("'-' (standard input) can be given once")
    settings = Settings.from_env(
        engine=engine,
        model=model,
        base_url=base_url,
        timeout=timeout,
        deadline=deadline,
        max_output_tokens=max_output_tokens,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
        refresh=refresh or None,
    )
    if settings.engine == "auto" and settings.resolved_engine() == "extractive":
        click.echo(
            "summarizer: no model configured, using the extractive engine (no model, no network). "
            "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to summarise with a model.",
            err=True,
        )
    # Tokens and tokens/s while a (slow, local) model writes; only on a terminal, never into a pipe or log.
    progress = terminal_progress(sys.stderr) if sys.stderr.isatty() else None
    if len(articles) == 1:
        text = _read_text(articles[0])
        with Summarizer(settings, progress=progress) as summarizer:
            result = summarizer.summarize(text, title=title)
        click.echo(
            to_markdown(result, title=title) if output_format == "markdown" else result.model_dump_json(indent=2),
            nl=output_format != "markdown",
        )
        return
    failed = 0
    with Summarizer(settings, progress=progress) as summarizer:
        for name in articles:
            try:
                result = summarizer.summarize(_read_text(name), title=title)
            except SummarizerError as error:
                click.echo(f"summarizer: {name}: {type(error).__name__}: {error}", err=True)
                failed += 1
                continue
            if output_format == "markdown":
                click.echo(to_markdown(result, title=title or name))
            else:
                click.echo(json.dumps({"file": name, **result.model_dump(mode="json")}, ensure_ascii=False))
    if failed:
        sys.exit(EXIT_FAILED)


@cli.command(name="verify")
@click.option("--article", "article_path", metavar="FILE", help="The article text.")
@click.option(
    "--summary",
    "summary_path",
    metavar="FILE",
    help="The summary: plain text, or ArticleSummary JSON (as `summarize` prints it).",
)
@click.option("--pairs", "pairs_path", metavar="FILE.jsonl|-", help='JSON Lines of {"id", "source", "summary"}.')
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@_fails_cleanly
def verify_command(
    *, article_path: str | None, summary_path: str | None, pairs_path: str | None, as_json: bool
) -> None:
    """Check every figure and claim of a summary against its article.

    Exits 0 when every figure is supported or rounded (and every claim's evidence is found), 1 otherwise:
    a derived figure (arithmetic on the article's figures) is no error, but someone should look at it.
    With --pairs, writes one JSON report per input line to stdout.
    """
    if pairs_path is not None:
        if article_path or summary_path:
            raise click.UsageError("use either --pairs or --article with --summary, not both")
        sys.exit(_verify_pairs(pairs_path))
    if not (article_path and summary_path):
        raise click.UsageError("give --article FILE and --summary FILE, or --pairs FILE.jsonl")
    report = verify(_read_text(article_path), _summary_from(_read_text(summary_path), summary_path))
    click.echo(report.model_dump_json(indent=2) if as_json else report.render_text())
    if report.verdict == "review":
        derived = [check.text for check in report.figures if check.status == "derived"]
        click.echo(f"summarizer: {len(derived)} derived figure(s) to confirm: {', '.join(derived)}", err=True)
    sys.exit(0 if report.ok else EXIT_FAILED)


def _verify_pairs(path: str) -> int:
    total = flagged = review = bad = 0
    with click.open_file(path, encoding="utf-8-sig") as lines:
        for line in verify_pairs(lines):
            click.echo(line)
            outcome = json.loads(line)
            total += 1
            bad += "error" in outcome
            flagged += outcome.get("verdict") == "fail"
            review += outcome.get("verdict") == "review"
    ok = total - flagged - review - bad
    click.echo(
        f"summarizer: verified {total} pair(s): {ok} ok, {review} to review (derived), {flagged} flagged, "
        f"{bad} unreadable",
        err=True,
    )
    return 0 if ok == total else EXIT_FAILED


def _summary_from(text: str, path: str) -> str | ArticleSummary:
    """ArticleSummary JSON (bare, or inside `summarize` output), else plain text."""
    stripped = text.strip()
    if not stripped.startswith("{"):
        return text
    try:
        data = json.loads(stripped)
    except json.JSONDecodeError:
        return text
    if isinstance(data, dict) and isinstance(data.get("summary"), dict):
        data = data["summary"]  # the full output of `summarizer summarize`
    try:
        return ArticleSummary.model_validate(data)
    except ValidationError as error:
        raise InputError(
            f"{path} is JSON but not an ArticleSummary ({error.error_count()} problem(s), first: "
            f"{error.errors()[0]['loc']}: {error.errors()[0]['msg']}); pass plain text or summarize's JSON output"
        ) from None


# The eval command's module imports only click; the eval machinery loads when it runs.
from .evals.cli import eval_command  # noqa: E402

cli.add_command(eval_command)

# The serve command's module imports only click; FastAPI (an optional extra) loads when it runs.
from .service.cli import serve  # noqa: E402

cli.add_command(serve)

# `summarizer batch` lives in its own module; it takes summarize's model options.
from .batch.cli import MODEL_OPTIONS, batch  # noqa: E402 - registered after the commands it borrows from

batch.params += [option for option in summarize.params if option.name in MODEL_OPTIONS]
batch.callback = _fails_cleanly(batch.callback)  # type: ignore[type-var]
cli.add_command(batch)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="summarizer")
