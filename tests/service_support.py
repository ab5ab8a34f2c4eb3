"""Helpers and fixtures for the service tests: the fake model process, the server's environment, answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from support import EXAMPLE_ARTICLE, SECRET_KEY, clean_env

from summarizer.fake_model import FakeModelProcess
from summarizer.service.testing import Answer, ServiceProcess

TOKEN = "tok-correct-horse-battery"


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FakeModelProcess]:
    with FakeModelProcess(record=tmp_path_factory.mktemp("model") / "requests.jsonl") as fake:
        yield fake


def service_env(model: FakeModelProcess, directory: Path, **extra: str) -> dict[str, str]:
    """The server's environment: the fake model with a key that must never leak, a private cache."""
    return clean_env(
        OPENAI_BASE_URL=model.base_url,
        OPENAI_API_KEY=SECRET_KEY,
        SUMMARIZER_MODEL="test-model",
        SUMMARIZER_MAX_ATTEMPTS="2",
        SUMMARIZER_CACHE_DIR=str(directory / "cache"),
        SUMMARIZER_SERVE_JOBS_DIR=str(directory / "jobs"),
        **extra,
    )


def article(marker: str = "", *, unique: str = "") -> str:
    """The example article, with a fault marker and something that makes its cache key unique."""
    return EXAMPLE_ARTICLE.read_text(encoding="utf-8") + f"\n{marker} {unique or time.monotonic_ns()}"


def as_json(answer: Answer) -> Any:
    return json.loads(answer[2])


def assert_problem(answer: Answer, status: int, *, title: str | None = None, detail: str | None = None) -> None:
    code, headers, body = answer
    assert code == status, body
    assert headers["content-type"] == "application/problem+json"
    problem = json.loads(body)
    assert set(problem) == {"type", "title", "status", "detail"}
    assert problem["status"] == status and problem["type"].startswith("urn:summarizer:problem:")
    if title is not None:
        assert problem["title"] == title
    if detail is not None:
        assert detail in problem["detail"]


def metric_values(server: ServiceProcess, headers: dict[str, str] | None = None) -> dict[str, float]:
    """GET /metrics, parsed by prometheus_client: {'name{label="value",...}': value}."""
    status, _, body = server.call("GET", "/metrics", headers=headers)
    assert status == 200, body
    values = {}
    for family in text_string_to_metric_families(body.decode()):
        for sample in family.samples:
            labels = ",".join(f'{name}="{value}"' for name, value in sorted(sample.labels.items()))
            values[f"{sample.name}{{{labels}}}" if labels else sample.name] = sample.value
    return values


def concurrently(*calls: Callable[[], Answer]) -> list[Answer]:
    answers: list[Answer | None] = [None] * len(calls)

    def run(index: int) -> None:
        answers[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
        time.sleep(0.05)  # in this order
    for thread in threads:
        thread.join(timeout=60)
    assert all(answer is not None for answer in answers)
    return [answer for answer in answers if answer is not None]
