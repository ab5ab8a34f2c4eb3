"""Every error summarizer raises, in one tree split by whose fault it is.

    SummarizerError
    ├── UsageError                 the caller must change something
    │   ├── ConfigError            bad or missing settings (environment, arguments)
    │   ├── InputError             the article or summary given to us is unusable
    │   └── PromptError            a template is missing, malformed or lacks a variable
    └── ModelError                 the model endpoint failed us
        ├── ModelRequestError      the endpoint refused the request; retrying will not help
        │   ├── AuthenticationError    401/403: the key is missing, wrong or lacks access
        │   ├── QuotaError             insufficient_quota: the account is out of credit
        │   └── ContextLengthError     the article does not fit the model's context
        ├── ModelUnavailableError  transient failures outlasted the retry budget
        └── ModelOutputError       the answer stayed invalid after every re-ask

Messages say what happened and what to do next. They never contain an API key:
anything the server sent back is passed through `redact` before it reaches us.
"""

from __future__ import annotations

from collections.abc import Sequence


class SummarizerError(Exception):
    """Base of every error this package raises on purpose."""


class UsageError(SummarizerError):
    """The caller gave us something we cannot use."""


class ConfigError(UsageError):
    """A setting is missing or invalid."""


class InputError(UsageError):
    """An input (article, summary, pairs file) is unusable."""


class PromptError(UsageError):
    """A prompt template cannot be loaded or rendered."""


class ModelError(SummarizerError):
    """The model endpoint failed."""


class ModelRequestError(ModelError):
    """The endpoint rejected the request; the same request will fail again."""

    def __init__(self, message: str, *, status_code: int | None = None) -> None:
        super().__init__(message)
        self.status_code = status_code


class AuthenticationError(ModelRequestError):
    """The endpoint refused our credentials."""


class QuotaError(ModelRequestError):
    """The account has no quota left."""


class ContextLengthError(ModelRequestError):
    """The prompt is longer than the model's context window."""


class ModelUnavailableError(ModelError):
    """Transient failures (timeouts, 429, 5xx) lasted longer than the retry budget."""

    def __init__(self, message: str, *, attempts: int) -> None:
        super().__init__(message)
        self.attempts = attempts


class ModelOutputError(ModelError):
    """The model's answer was still invalid after the last re-ask.

    `outputs` holds every raw answer seen, `problems` the reasons each was rejected,
    so a caller can log or inspect them.
    """

    def __init__(self, message: str, *, outputs: Sequence[str | None], problems: Sequence[str]) -> None:
        super().__init__(message)
        self.outputs = list(outputs)
        self.problems = list(problems)


def redact(text: str, *secrets: str | None) -> str:
    """Replace every occurrence of each secret in `text` (and anything that looks like one) with a marker."""
    from .redaction import redact as _redact  # noqa: PLC0415 - redaction is its own module; this is the old name

    return _redact(text, *secrets)
