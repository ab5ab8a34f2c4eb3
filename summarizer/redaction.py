"""Keeping secrets out of everything we write: log lines (ours and the HTTP libraries'), errors, outputs.

Two nets: the secrets we know (the API key, the password and user of a base URL), replaced wherever
they appear; and patterns that look like secrets whatever their value (sk-… keys, bearer and basic
credentials, user:password@ in a URL, key=/token= query parameters).
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import unquote, urlsplit

MARK = "[redacted]"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}"), MARK),
    (re.compile(r"(?i)\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=\-]{8,}"), rf"\1\2{MARK}"),
    (re.compile(r"(://)[^/\s:@]*:[^/\s@]*@"), rf"\1{MARK}@"),
    (
        re.compile(r"(?i)([?&](?:api[-_]?key|key|token|access_token|secret|sig|signature|password)=)[^&\s#\"']+"),
        rf"\1{MARK}",
    ),
)
# Loggers that see requests: ours, the SDK's and its HTTP stack's (httpx2/httpcore2 under openai 3.x).
LOGGER_PREFIXES = ("summarizer", "openai", "httpx", "httpx2", "httpcore", "httpcore2", "aiohttp")

# Replaced whole (never mutated) under the lock, so readers -- every log record -- take no lock.
_known: frozenset[str] = frozenset()
_lock = threading.Lock()


def remember(*secrets: str | None) -> None:
    """Add secrets to redact from now on, in this process. Very short values are ignored (they would
    redact ordinary words)."""
    global _known  # noqa: PLW0603 - one process-wide set of secrets, swapped atomically
    with _lock:
        _known = _known.union(secret for secret in secrets if secret and len(secret) >= 4)


def secrets_in_url(url: str | None) -> tuple[str, ...]:
    """The user and password of a URL (raw and percent-decoded), if it has them."""
    if not url:
        return ()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    found = [value for value in (parts.password, parts.username) if value]
    return tuple(found + [unquote(value) for value in found])


def redact(text: str, *secrets: str | None) -> str:
    """`text` with every known or given secret, and anything that looks like one, replaced by a marker."""
    known = sorted(_known.union(secret for secret in secrets if secret), key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MARK)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites a log record's message (and traceback) with secrets redacted; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logging module's problem, not a leak
            return True
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


_FILTER = RedactingFilter()


def protect_logs() -> None:
    """Attach the redacting filter to every logger of ours and of the HTTP stack that exists now."""
    names = [name for name in logging.root.manager.loggerDict if name.split(".")[0] in LOGGER_PREFIXES]
    for name in [*LOGGER_PREFIXES, *names]:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)


def protect_handler(handler: logging.Handler) -> None:
    """Attach the redacting filter to a handler: everything it writes, from any logger, is redacted."""
    if _FILTER not in handler.filters:
        handler.addFilter(_FILTER)
