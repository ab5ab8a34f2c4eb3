"""`summarizer serve`: options only; the server itself lives in server.py and is imported when it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

INSTALL_HINT = "the server needs its extra: pip install 'summarizer[server]'"


@click.command()
@click.option("--host", help="Address to listen on (env SUMMARIZER_SERVE_HOST). Default 127.0.0.1; others need tokens.")
@click.option("--port", type=int, help="Port (env SUMMARIZER_SERVE_PORT). Default 8000.")
@click.option("--workers", type=int, help="Worker processes (env SUMMARIZER_SERVE_WORKERS). Default 1.")
@click.option(
    "--tokens-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Bearer tokens callers must send, one per line (or env SUMMARIZER_SERVE_TOKENS, comma-separated).",
)
@click.option(
    "--max-in-flight",
    type=int,
    help="Model calls out at once, per worker (env SUMMARIZER_SERVE_MAX_IN_FLIGHT). Default: SUMMARIZER_CONCURRENCY "
    "if set, else 1 for a model server on this machine, else 32.",
)
@click.option(
    "--queue", type=int, help="Requests that may wait for a model slot before callers get 429 (default: 2 x in flight)."
)
@click.option(
    "--deadline",
    type=float,
    help="Seconds one summary request may take, waiting included (env SUMMARIZER_SERVE_DEADLINE). Default 120, "
    "or for a model server on this machine the model request's deadline (SUMMARIZER_DEADLINE, else 1800).",
)
@click.option(
    "--batch-concurrency",
    type=int,
    help="Articles of a batch job at work at once, per worker, beside the summaries (env "
    "SUMMARIZER_SERVE_BATCH_CONCURRENCY). Default: as --max-in-flight, but 8 for a remote model.",
)
@click.option("--jobs-dir", type=click.Path(file_okay=False, path_type=Path), help="Where batch jobs keep their state.")
def serve(**options: Any) -> None:
    """Serve the HTTP API: summaries, checks and batch jobs, with docs at /docs.

    The model, cache and prompts are configured as for `summarizer summarize` (OPENAI_API_KEY,
    OPENAI_BASE_URL, SUMMARIZER_MODEL, ...). SIGTERM stops accepting, finishes what is in flight
    and checkpoints batch jobs.
    """
    # Imported here: the CLI module imports this one, and the web framework is an optional extra.
    from summarizer.cli import _fails_cleanly  # noqa: PLC0415

    try:
        from .server import run  # noqa: PLC0415
    except ImportError as missing:
        raise click.ClickException(f"{INSTALL_HINT} ({missing.name or missing} is missing)") from None
    _fails_cleanly(run)(**options)
