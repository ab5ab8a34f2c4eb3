"""The HTTP API: `summarizer serve`, on FastAPI and uvicorn (`pip install 'summarizer[server]'`).

    service/
    ├── settings.py    ServiceSettings: host, port, workers, tokens, limits (SUMMARIZER_SERVE_* variables)
    ├── app.py         create_app(): the routes over the pipeline; the Service that holds the parts
    ├── models.py      request models (unknown fields rejected) and small answers
    ├── admission.py   backpressure: bounded work in flight, a bounded queue, 429 + Retry-After, deadlines
    ├── problems.py    every error as RFC 9457 problem details, in the CLI's words
    ├── auth.py        optional bearer tokens
    ├── metrics.py     Prometheus metrics
    ├── jobs.py        /v1/batches: background batch jobs whose state lives on disk
    ├── server.py      running it on uvicorn: banners, workers, graceful shutdown
    └── cli.py         the `summarizer serve` command

Importing this package is light; FastAPI is imported when the app is built, so `summarizer --help`
works without the `server` extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app  # noqa: PLC0415 - lazily: FastAPI is an optional extra

        return create_app
    raise AttributeError(name)
