"""Run the API on uvicorn: say loudly how it is exposed, then serve until SIGTERM.

On SIGTERM (or Ctrl-C) uvicorn stops accepting connections and lets requests in flight finish,
for up to the request deadline; then the app's shutdown finishes admitted work and checkpoints
batch jobs, so a restarted server resumes them.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import uvicorn

from summarizer.config import Settings
from summarizer.limits import SWITCH_INTERVAL

from .app import create_app
from .settings import Limits, ServiceSettings

log = logging.getLogger("summarizer.service")

# Beyond the request deadline, the time the shutdown may take to write responses and close sockets.
_SHUTDOWN_SLACK = 5.0


def run(
    *,
    host: str | None = None,
    port: int | None = None,
    workers: int | None = None,
    tokens_file: Path | None = None,
    max_in_flight: int | None = None,
    queue: int | None = None,
    deadline: float | None = None,
    jobs_dir: Path | None = None,
    batch_concurrency: int | None = None,
) -> None:
    """Serve until told to stop; options win over SUMMARIZER_SERVE_* variables."""
    config = ServiceSettings.from_env(
        host=host,
        port=port,
        workers=workers,
        tokens_file=tokens_file,
        max_in_flight=max_in_flight,
        queue=queue,
        deadline=deadline,
        jobs_dir=jobs_dir,
        batch_concurrency=batch_concurrency,
    )
    settings = Settings.from_env()
    limits = config.limits(settings)
    announce(config, settings, limits)
    sys.setswitchinterval(SWITCH_INTERVAL)
    common = {
        "host": config.host,
        "port": config.port,
        "timeout_graceful_shutdown": int(limits.deadline + _SHUTDOWN_SLACK),
        "log_level": "info",
        # Our own logger writes every request's fate in the metrics; uvicorn's access log stays on.
        "access_log": True,
    }
    if config.workers == 1:
        uvicorn.run(create_app(settings, config), **common)  # type: ignore[arg-type]
        return
    # Worker processes start afresh from an import string and read their configuration from the
    # environment, so the options given here travel there.
    os.environ.update(config.environment())
    uvicorn.run(
        "summarizer.service.app:app_from_env",
        factory=True,
        workers=config.workers,
        **common,  # type: ignore[arg-type]
    )


def announce(config: ServiceSettings, settings: Settings, limits: Limits) -> None:
    """Say how the server is exposed and what it will do; loudly when anyone on this machine may call it."""
    if not config.all_tokens():
        log.warning(
            "NO API TOKENS CONFIGURED: anyone who can reach %s:%d can call the API and spend the model budget. "
            "Listening on loopback only. Set SUMMARIZER_SERVE_TOKENS or --tokens-file to require a bearer token.",
            config.host,
            config.port,
        )
    if settings.resolved_engine() == "extractive":
        log.warning(
            "no model configured, serving the extractive engine (no model, no network). Set OPENAI_API_KEY, or "
            "OPENAI_BASE_URL for a local server, to summarise with a model."
        )
    log.warning(
        "serving on http://%s:%d (API docs at /docs): %d worker(s), each with %d model call(s) in flight and %d "
        "request(s) waiting at most, deadline %gs%s",
        config.host,
        config.port,
        config.workers,
        limits.max_in_flight,
        limits.queue,
        limits.deadline,
        "; the model endpoint is on this machine, so by default one call at a time (--max-in-flight to change)"
        if limits.local and config.max_in_flight is None and settings.concurrency is None
        else "",
    )
