"""Errors as RFC 9457 problem details: `{"type", "title", "status", "detail"}`, served as application/problem+json.

`title` is the error's class name and `detail` its message -- the words `summarizer` prints on
stderr -- so a caller in any language sees what a CLI user sees. `type` is a stable URN a client can
match on. Messages never contain the model key: our errors are redacted where they are raised, and
anything unexpected is answered with a fixed text (the traceback goes to the server log).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException

from summarizer.errors import (
    AuthenticationError,
    ConfigError,
    ContextLengthError,
    InputError,
    ModelError,
    ModelOutputError,
    ModelUnavailableError,
    PromptError,
    QuotaError,
    SummarizerError,
)

log = logging.getLogger("summarizer.service")

PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """An error answer (RFC 9457 problem details)."""

    model_config = ConfigDict(extra="forbid")

    type: str
    title: str
    status: int
    detail: str


class ServiceError(Exception):
    """An error the service itself raises (overload, deadline, auth, bad request shape)."""

    def __init__(
        self, status: int, title: str, detail: str, *, retry_after: float | None = None, slug: str | None = None
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = title
        self.detail = detail
        self.retry_after = retry_after
        self.slug = slug or title.lower().replace(" ", "-")


# Our error tree -> HTTP status, most specific first. The caller's fault is 4xx; the model
# endpoint's is 502/503 (we are a gateway to it); our own configuration is 500.
_STATUS: tuple[tuple[type[SummarizerError], int], ...] = (
    (ContextLengthError, 422),
    (InputError, 422),
    (ConfigError, 500),
    (PromptError, 500),
    (ModelUnavailableError, 503),
    (AuthenticationError, 502),
    (QuotaError, 502),
    (ModelOutputError, 502),
    (ModelError, 502),
)

# A model endpoint that kept failing may recover; a client should not come back at once.
MODEL_UNAVAILABLE_RETRY_AFTER = 30.0


def problem_response(problem: Problem, *, retry_after: float | None = None) -> JSONResponse:
    """The JSON response for a problem, with Retry-After (whole seconds, at least 1) when given."""
    headers = {"Retry-After": str(max(1, math.ceil(retry_after)))} if retry_after is not None else None
    return JSONResponse(problem.model_dump(), status_code=problem.status, headers=headers, media_type=PROBLEM_JSON)


def problem(status: int, title: str, detail: str, slug: str | None = None) -> Problem:
    """A Problem whose type is `urn:summarizer:problem:<slug>`."""
    return Problem(type=f"urn:summarizer:problem:{slug or title}", title=title, status=status, detail=detail)


def from_error(error: SummarizerError) -> Problem:
    """The problem for one of our errors: its class name and its message, as the CLI prints them."""
    status = next((code for kind, code in _STATUS if isinstance(error, kind)), 500)
    return problem(status, type(error).__name__, str(error))


async def on_summarizer_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, SummarizerError)
    answer = from_error(error)
    if answer.status >= 500:
        log.warning("%s %s: %s: %s", request.method, request.url.path, answer.title, answer.detail)
    retry = MODEL_UNAVAILABLE_RETRY_AFTER if isinstance(error, ModelUnavailableError) else None
    return problem_response(answer, retry_after=retry)


async def on_service_problem(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ServiceError)
    return problem_response(problem(error.status, error.title, error.detail, error.slug), retry_after=error.retry_after)


async def on_http_exception(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    detail = error.detail if isinstance(error.detail, str) else str(error.detail)
    title = _http_title(error.status_code)
    response = problem_response(problem(error.status_code, title, detail, title.lower().replace(" ", "-")))
    for name, value in (error.headers or {}).items():
        response.headers[name] = value
    return response


async def on_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    errors = error.errors()
    content_type = request.headers.get("content-type", "")
    if request.method == "POST" and not _is_json(content_type):
        return problem_response(
            problem(
                415,
                "Unsupported Media Type",
                f"the body must be JSON sent with Content-Type: application/json, not {content_type or 'no type'}",
                "unsupported-media-type",
            )
        )
    malformed = next((e for e in errors if e.get("type") == "json_invalid"), None)
    if malformed is not None:
        reason = (malformed.get("ctx") or {}).get("error", "JSON decode error")
        where = malformed["loc"][-1] if malformed.get("loc") else "?"
        return problem_response(
            problem(400, "Malformed JSON", f"the body is not valid JSON ({reason} at character {where})", "bad-json")
        )
    return problem_response(problem(422, "Invalid Request", describe(errors), "invalid-request"))


def describe(errors: Sequence[Mapping[str, Any]], *, limit: int = 5) -> str:
    """Pydantic errors as one line: 'body.text: Field required; body.colour: Extra inputs are not permitted'."""
    parts = [f"{'.'.join(str(p) for p in e.get('loc', ())) or '(body)'}: {e.get('msg', 'invalid')}" for e in errors]
    more = f"; and {len(parts) - limit} more" if len(parts) > limit else ""
    return "; ".join(parts[:limit]) + more


async def on_unexpected(request: Request, error: Exception) -> JSONResponse:
    # The message of an unexpected exception may carry anything; it goes to the log, not to the caller.
    log.error("%s %s failed unexpectedly", request.method, request.url.path, exc_info=error)
    return problem_response(
        problem(500, "Internal Server Error", "the server failed unexpectedly; the error is in its log", "internal")
    )


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _http_title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return f"HTTP {status}"


HANDLERS: dict[Any, Any] = {
    SummarizerError: on_summarizer_error,
    ServiceError: on_service_problem,
    HTTPException: on_http_exception,
    RequestValidationError: on_validation_error,
    Exception: on_unexpected,
}
