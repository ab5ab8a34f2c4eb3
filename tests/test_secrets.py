"""Secrets stay secret: no API key or URL password in logs (any level, any library), errors, outputs or cache."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from support import EXAMPLE_ARTICLE, SECRET_KEY, clean_env, valid_answer

from summarizer import ModelOutputError, Summarizer
from summarizer.config import Settings
from summarizer.redaction import protect_logs, redact
from summarizer.testing import FakeOpenAIServer, Reply

PASSWORD = "hunter2-DO-NOT-LEAK-91b3"
SCRIPT = Path(sys.executable).with_name("summarizer")


def _with_credentials(base_url: str) -> str:
    return base_url.replace("://", f"://alice:{PASSWORD}@", 1)


def test_a_refusal_that_contains_the_key_is_redacted_in_the_error_and_its_kept_data(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.refusal(f"I will not use the key {SECRET_KEY} for this."))
    with Summarizer(settings) as summarizer, pytest.raises(ModelOutputError) as caught:
        summarizer.summarize(article)
    error = caught.value
    assert "refused" in str(error) and "[redacted]" in str(error)
    for kept in (str(error), repr(error.args), *error.problems, *(output or "" for output in error.outputs)):
        assert SECRET_KEY not in kept


def test_a_key_echoed_in_the_answer_reaches_neither_the_output_nor_the_cache(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    answer = valid_answer()
    answer["key_points"][0] += f" (debug: {SECRET_KEY})"
    server.default = Reply.json(answer)
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(article)
    assert SECRET_KEY not in result.model_dump_json()
    for path in settings.cache_dir.rglob("*"):
        if path.is_file():
            assert SECRET_KEY.encode() not in path.read_bytes(), path


def test_url_credentials_reach_no_log_line_at_debug_including_the_http_library(
    server: FakeOpenAIServer, settings: Settings, article: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    server.script(Reply.status(503), Reply.json(valid_answer()))
    with Summarizer(settings.with_changes(base_url=_with_credentials(server.base_url))) as summarizer:
        result = summarizer.summarize(article)
    assert "HTTP Request: POST" in caplog.text  # the HTTP library logged the URL ...
    assert "[redacted]@127.0.0.1" in caplog.text  # ... without its credentials
    assert PASSWORD not in caplog.text and SECRET_KEY not in caplog.text
    assert PASSWORD not in result.model_dump_json()


def test_the_cli_under_verbose_prints_no_secret(tmp_path: Path) -> None:
    with FakeOpenAIServer() as server:
        endpoint = server.base_url
        server.script(
            Reply.status(500, message=f"upstream said: key {SECRET_KEY} rejected"), Reply.json(valid_answer())
        )
        env = clean_env(
            OPENAI_API_KEY=SECRET_KEY,
            OPENAI_BASE_URL=_with_credentials(server.base_url),
            SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"),
            SUMMARIZER_MODEL="test-model",
        )
        done = subprocess.run(
            [str(SCRIPT), "-v", "summarize", str(EXAMPLE_ARTICLE)], capture_output=True, text=True, env=env, check=False
        )
    assert done.returncode == 0, done.stderr
    assert "HTTP Request" in done.stderr and "retrying" in done.stderr  # verbose logging really ran
    for secret in (SECRET_KEY, PASSWORD):
        assert secret not in done.stdout + done.stderr
    assert json.loads(done.stdout)["provenance"]["endpoint"] == endpoint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Authorization: Bearer abcdefgh12345678", "Authorization: Bearer [redacted]"),
        ("key sk-proj-AbCdEf0123456789xyz leaked", "key [redacted] leaked"),
        ("GET https://bob:s3cr3t@host/v1", "GET https://[redacted]@host/v1"),
        ("https://h/v1?api-version=1&api-key=abc123&x=1", "https://h/v1?api-version=1&api-key=[redacted]&x=1"),
        ("nothing secret: 12% of £4m", "nothing secret: 12% of £4m"),
    ],
)
def test_patterns_that_look_like_secrets_are_redacted(text: str, expected: str) -> None:
    assert redact(text) == expected


class _LoggingSecret(str):
    """A secret whose hashing logs at DEBUG: code that runs in the middle of redact() and logs, as the
    finalizer of an unclosed HTTP client does when garbage collection happens to run there (httpcore
    logs the closing of its connections at DEBUG)."""

    __slots__ = ()

    def __hash__(self) -> int:
        logging.getLogger(_CLOSING_LOGGER).debug("close.started")
        return str.__hash__(self)


_CLOSING_LOGGER = "httpcore2.connection"


def test_a_log_record_made_inside_redact_does_not_deadlock_the_logging_filter(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # The whole suite at DEBUG once hung here: redact() held a non-reentrant lock, a collection ran a
    # client's finalizer inside it, the finalizer logged, and the filter waited for the same lock.
    caplog.set_level(logging.DEBUG)
    logging.getLogger(_CLOSING_LOGGER)
    protect_logs()  # the filter is on that logger, as on every HTTP logger once a client exists
    done: list[str] = []
    worker = threading.Thread(target=lambda: done.append(redact(f"x {SECRET_KEY}", _LoggingSecret(SECRET_KEY))))
    worker.daemon = True  # were it to deadlock, it must not hold up the end of the run
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "redact() deadlocked on a log record made inside it"
    assert done == ["x [redacted]"]
    assert "close.started" in caplog.text
