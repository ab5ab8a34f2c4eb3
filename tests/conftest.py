"""Fixtures: the example article and a fake model endpoint with settings that point at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import EXAMPLE_ARTICLE, SECRET_KEY

from summarizer.config import Settings
from summarizer.testing import FakeOpenAIServer


@pytest.fixture(scope="session")
def article() -> str:
    return EXAMPLE_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def settings(server: FakeOpenAIServer, tmp_path: Path) -> Settings:
    """Settings pointing at the fake server, with a private cache and fast backoff."""
    return Settings(
        engine="openai",
        model="test-model",
        base_url=server.base_url,
        api_key=SECRET_KEY,
        timeout=2.0,
        max_attempts=4,
        backoff_initial=0.01,
        backoff_max=0.05,
        cache_dir=tmp_path / "cache",
    )
