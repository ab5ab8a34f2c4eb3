"""The command line: parse arguments, build settings, call the library, print. Nothing more."""

from __future__ import annotations

import errno
import json
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
from pydantic import ValidationError

from .cache_cli import cache_command
from .config import ENGINES, Settings
from .errors import ConfigError, InputError, SummarizerError
from .grounding import verify
from .pairs import verify_pairs
from .reading import decode, read_article, read_bytes
from .redaction import protect_handler, redact
from .render import to_markdown
from .schemas import ArticleSummary
from .streaming import terminal_progress
from .text import clean_text

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED, EXIT_USAGE = 1, 2
# Every line the CLI writes to stderr starts with this; errors continue "error: ", warnings "warning: ".
PREFIX = "summarizer: "


def _fails_cleanly(command: F) -> F:
    """Turn our errors into one line on stderr and an exit code, never a traceback."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ConfigError as error:
            fail(f"configuration error: {error}", EXIT_USAGE)
        except SummarizerError as error:
            fail(str(error), EXIT_FAILED)

    return run  # type: ignore[return-value]


class _LogFormatter(logging.Formatter):
    """Log lines in the house style: `summarizer: warning: ...`, cleaned of terminal escapes."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{PREFIX}{record.levelname.lower()}: {clean_text(record.getMessage())}"


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    """Print one error line in the house style and exit with `code`."""
    click.echo(f"{PREFIX}error: {redact(clean_text(message))}", err=True)
    sys.exit(code)


def _max_input_bytes(limit: int | None) -> int:
    return Settings.from_env(max_input_bytes=limit).max_input_bytes


MAX_INPUT_OPTION = click.option(
    "--max-input-bytes",
    type=click.IntRange(min=1),
    help="Refuse inputs larger than this (env SUMMARIZER_MAX_INPUT_BYTES; default 1,000,000).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="Log retries, re-asks and cache decisions to stderr; -vv logs everything (DEBUG), the HTTP libraries' too.",
)
def cli(verbose: int) -> None:
    """Structured, source-grounded summaries of news articles, with every figure checked."""
    handler = logging.StreamHandler()
    handler.setFormatter(_LogFormatter())
    protect_handler(handler)  # whatever library logs, under -v and -vv too, no secret reaches the terminal
    level = (logging.WARNING, logging.INFO)[verbose] if verbose < 2 else logging.DEBUG
    logging.basicConfig(level=level, handlers=[handler], force=True)


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
@MAX_INPUT_OPTION
@click.option(
    "--context-tokens",
    type=click.IntRange(min=1000),
    help="The model's context in tokens; longer articles are split into parts (env SUMMARIZER_CONTEXT_TOKENS; "
    "default 32000).",
)
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
    max_input_bytes: int | None,
    context_tokens: int | None,
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
        max_input_bytes=max_input_bytes,
        context_tokens=context_tokens,
    )
    if settings.engine == "auto" and settings.resolved_engine() == "extractive":
        click.echo(
            "summarizer: no model configured, using the extractive engine (no model, no network). "
            "Set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server, to summarise with a model.",
            err=True,
        )
    # One article is read first: an empty, binary or oversized file is refused before the pipeline (and
    # with it the model SDK, most of a second) is imported.
    text = read_article(articles[0], max_bytes=settings.max_input_bytes) if len(articles) == 1 else None
    from .pipeline import Summarizer  # noqa: PLC0415 - the model SDK is imported only by commands that use it

    # Tokens and tokens/s while a (slow, local) model writes; only on a terminal, never into a pipe or log.
    progress = terminal_progress(sys.stderr) if sys.stderr.isatty() else None
    if text is not None:
        with Summarizer(settings, progress=progress) as summarizer:
            result = summarizer.summarize(text, title=title)
        click.echo(
            to_markdown(result, title=title) if output_format == "markdown" else result.model_dump_json(indent=2),
            nl=output_format != "markdown",
        )
        if result.flagged:
            # The output is printed (it says which figures); the exit code says it needs a look.
            fail(
                f"{len(result.flagged)} figure(s) or claim(s) the article does not support: {'; '.join(result.flagged)}"
            )
        return
    failed = 0
    with Summarizer(settings, progress=progress) as summarizer:
        for name in articles:
            try:
                result = summarizer.summarize(read_article(name, max_bytes=settings.max_input_bytes), title=title)
            except SummarizerError as error:
                click.echo(f"{PREFIX}error: {name}: {redact(clean_text(str(error)))}", err=True)
                failed += 1
                continue
            if output_format == "markdown":
                click.echo(to_markdown(result, title=title or name))
            else:
                click.echo(json.dumps({"file": name, **result.model_dump(mode="json")}, ensure_ascii=False))
            if result.flagged:
                click.echo(f"{PREFIX}error: {name}: {len(result.flagged)} figure(s) or claim(s) unsupported", err=True)
                failed += 1
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
@MAX_INPUT_OPTION
@_fails_cleanly
def verify_command(
    *,
    article_path: str | None,
    summary_path: str | None,
    pairs_path: str | None,
    as_json: bool,
    max_input_bytes: int | None,
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
    limit = _max_input_bytes(max_input_bytes)
    article = read_article(article_path, max_bytes=limit)
    summary = clean_text(decode(read_bytes(summary_path, max_bytes=limit), name=summary_path))
    report = verify(article, _summary_from(summary, summary_path))
    click.echo(report.model_dump_json(indent=2) if as_json else report.render_text())
    if report.verdict == "review":
        derived = [check.text for check in report.figures if check.status == "derived"]
        click.echo(f"{PREFIX}warning: {len(derived)} derived figure(s) to confirm: {', '.join(derived)}", err=True)
    sys.exit(0 if report.ok else EXIT_FAILED)


def _verify_pairs(path: str) -> int:
    total = flagged = review = bad = 0
    name = "standard input" if path == "-" else path
    try:
        stream = sys.stdin.buffer if path == "-" else Path(path).open("rb")  # noqa: SIM115 - closed below
    except OSError as error:
        raise InputError(f"cannot read {name}: {error.strerror or error}") from None
    try:
        for line in verify_pairs(stream):
            click.echo(line)
            outcome = json.loads(line)
            total += 1
            bad += "error" in outcome
            flagged += outcome.get("verdict") == "fail"
            review += outcome.get("verdict") == "review"
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    ok = total - flagged - review - bad
    click.echo(
        f"{PREFIX}verified {total} pair(s): {ok} ok, {review} to review (derived), {flagged} flagged, {bad} unreadable",
        err=True,
    )
    return 0 if ok == total else EXIT_FAILED


cli.add_command(cache_command)


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
    """Console-script entry point: every failure is one `summarizer: error: ...` line and an exit code."""
    try:
        code = cli.main(prog_name="summarizer", standalone_mode=False)
        sys.stdout.flush()  # a full disk shows here, not in an "Exception ignored" at exit
    except click.ClickException as error:
        hint = ""
        if isinstance(error, click.UsageError) and error.ctx is not None:
            hint = f" (see {error.ctx.command_path} --help)"
        _discard_stdout()
        fail(f"{error.format_message()}{hint}", error.exit_code)
    except click.Abort:
        _discard_stdout()
        fail("interrupted", EXIT_FAILED)
    except OSError as error:
        if error.errno == errno.EPIPE:  # the reader went away (| head): nothing to say
            _discard_stdout()
            sys.exit(EXIT_FAILED)
        _discard_stdout()
        fail(f"cannot write the output: {error.strerror or error}", EXIT_FAILED)
    sys.exit(code if isinstance(code, int) else 0)


def _discard_stdout() -> None:
    # Unflushed output would fail again when Python exits and print a traceback-like warning.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
