"""The result cache survives damage: every corruption is a logged miss, then a working cache."""

from __future__ import annotations

import json
import logging
import os
import struct
from collections.abc import Callable
from pathlib import Path

import diskcache
import pytest
from pydantic import Field
from support import clean_env, valid_answer

from summarizer import ArticleSummary, Summarizer
from summarizer.cache import CACHE_FORMAT, DiskCache
from summarizer.client import ChatRequest, ModelReply
from summarizer.config import Settings
from summarizer.result import Usage
from summarizer.testing import FakeOpenAIServer, Reply


def _summarize(settings: Settings, article: str) -> bool:
    """One run in a fresh Summarizer (a new process, as far as the cache knows); whether it was a hit."""
    with Summarizer(settings) as summarizer:
        return summarizer.summarize(article).provenance.cache_hit


def _random_bytes_over(name: str) -> Callable[[Path], None]:
    def damage(directory: Path) -> None:
        path = directory / name
        size = path.stat().st_size if path.exists() else 4096
        path.write_bytes(os.urandom(max(size, 4096)))

    return damage


def _garbage_wal_and_shared_memory(directory: Path) -> None:
    # A WAL with a valid header and garbage frames, and a garbage shared-memory index.
    (directory / "cache.db-wal").write_bytes(struct.pack(">IIII", 0x377F0682, 3007000, 4096, 0) + os.urandom(20_000))
    (directory / "cache.db-shm").write_bytes(os.urandom(32_768))


def _garbage_after_the_header(directory: Path) -> None:
    # A database that opens but whose pages are garbage: SQLite finds out on the first query.
    path = directory / "cache.db"
    data = bytearray(path.read_bytes())
    data[100:] = os.urandom(len(data) - 100)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "survives"),
    [
        (_random_bytes_over("cache.db"), False),
        # SQLite checks a WAL's frames by their checksums and ignores a WAL that fails them (and
        # rebuilds -shm from it): the database as last checkpointed is read, so the entry is intact.
        (_garbage_wal_and_shared_memory, True),
        (_garbage_after_the_header, False),
    ],
    ids=["random database", "garbage WAL", "garbage pages"],
)
def test_a_damaged_database_is_a_logged_miss_then_a_working_cache(
    damage: Callable[[Path], None],
    survives: bool,
    server: FakeOpenAIServer,
    settings: Settings,
    article: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.default = Reply.json(valid_answer())
    assert _summarize(settings, article) is False
    damage(settings.cache_dir)
    caplog.set_level(logging.WARNING, logger="summarizer.cache")
    assert _summarize(settings, article) is survives  # never a crash
    assert ("is damaged" in caplog.text) is not survives  # a miss says why
    assert _summarize(settings, article) is True  # the (rebuilt) cache works
    assert len(server.requests) == (1 if survives else 2)


def _value_file(directory: Path) -> Path:
    (path,) = list(directory.rglob("*.val"))
    return path


@pytest.mark.parametrize(
    ("damage", "warning"),
    [
        (lambda path: path.write_bytes(path.read_bytes()[:100]), "not valid JSON"),
        (lambda path: path.write_bytes(b"\xff\xfe\x80" + os.urandom(500)), "unreadable"),
        (lambda path: path.unlink(), "is missing"),
    ],
    ids=["truncated", "garbled", "missing"],
)
def test_a_damaged_value_file_is_a_logged_miss_then_a_working_cache(
    damage: Callable[[Path], None], warning: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = DiskCache(tmp_path)
    big = {"summary": "x" * 100_000}  # large values live in their own files
    cache.set("key", big)
    damage(_value_file(tmp_path))
    caplog.set_level(logging.WARNING, logger="summarizer.cache")
    assert cache.get("key") is None
    assert warning in caplog.text
    cache.set("key", big)
    assert cache.get("key") == {**big, "format": CACHE_FORMAT}
    cache.close()


@pytest.mark.parametrize(
    ("foreign", "said"),
    [
        (5, "not valid JSON or not one of ours"),
        (b"\x00\x01bytes", "not valid JSON or not one of ours"),
        ("not json", "not valid JSON or not one of ours"),
        ("[1, 2]", "not valid JSON or not one of ours"),
        # Ours, from another version of the layout: not damage, so only an INFO line.
        (json.dumps({"format": 99}), "has an older layout"),
    ],
    ids=["int", "bytes", "text", "JSON list", "another format"],
)
def test_a_foreign_entry_is_a_logged_miss_and_is_replaced(
    foreign: object, said: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with diskcache.Cache(str(tmp_path)) as raw:
        raw.set("key", foreign)  # someone else's tool wrote into our directory
    cache = DiskCache(tmp_path)
    caplog.set_level(logging.INFO, logger="summarizer.cache")
    assert cache.get("key") is None
    assert said in caplog.text
    cache.set("key", {"a": 1})
    assert cache.get("key") == {"a": 1, "format": CACHE_FORMAT}
    cache.close()


def test_a_cache_that_cannot_be_opened_means_no_cache_and_one_warning(
    server: FakeOpenAIServer, settings: Settings, article: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    server.default = Reply.json(valid_answer())
    caplog.set_level(logging.WARNING, logger="summarizer.cache")
    unusable = settings.with_changes(cache_dir=blocker / "cache")
    assert _summarize(unusable, article) is False
    assert _summarize(unusable, article) is False
    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert len(warnings) == 2 and "carrying on without a cache" in warnings[0].getMessage()  # one per Summarizer


def test_a_cache_directory_that_is_a_file_is_one_warning_not_a_rebuild(
    server: FakeOpenAIServer, settings: Settings, article: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a directory")
    server.default = Reply.json(valid_answer())
    caplog.set_level(logging.WARNING, logger="summarizer.cache")
    assert _summarize(settings.with_changes(cache_dir=blocker), article) is False
    assert [record.getMessage().split(" (")[0] for record in caplog.records] == [f"cannot use the cache at {blocker}"]
    assert blocker.read_text() == "not a directory"


def test_the_extractive_engine_never_opens_the_cache(tmp_path: Path, article: str) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / "cache.db").write_bytes(os.urandom(8192))  # would crash anything that opened it
    with Summarizer(Settings(engine="extractive", cache_dir=cache_dir)) as summarizer:
        assert summarizer.summarize(article).summary.key_figures
    assert sorted(path.name for path in cache_dir.iterdir()) == ["cache.db"]


class _ScriptedClient:
    """A ModelClient that always gives the valid answer (the endpoint here only names the deployment)."""

    model = "test-model"
    endpoint = "https://example.invalid/openai/deployments/d"

    def __init__(self) -> None:
        self.calls = 0

    def complete(self, request: ChatRequest) -> ModelReply:
        self.calls += 1
        content = json.dumps(valid_answer())
        return ModelReply(content, "stop", None, Usage(), attempts=1, output_mode="json_schema")

    async def acomplete(self, request: ChatRequest) -> ModelReply:
        return self.complete(request)


def test_the_base_url_query_string_is_part_of_the_key(settings: Settings, article: str) -> None:
    client = _ScriptedClient()
    url = "https://example.invalid/openai/deployments/d"
    hits = []
    for version in ("2024-10-01", "2025-04-01", "2024-10-01"):
        with Summarizer(settings.with_changes(base_url=f"{url}?api-version={version}"), client=client) as summarizer:
            hits.append(summarizer.summarize(article).provenance.cache_hit)
    assert hits == [False, False, True]
    assert client.calls == 2


class _Tagged(ArticleSummary):
    tags: list[str] = Field(default_factory=list)


def test_a_subclassed_output_model_keeps_its_fields_on_a_cache_hit(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.json({**valid_answer(), "tags": ["ports", "funding"]})
    results = []
    for _ in range(2):
        with Summarizer(settings, output_model=_Tagged) as summarizer:
            results.append(summarizer.summarize(article))
    assert results[1].provenance.cache_hit
    assert isinstance(results[1].summary, _Tagged) and results[1].summary.tags == ["ports", "funding"]


def test_cache_path_stats_and_clear(server: FakeOpenAIServer, settings: Settings, article: str) -> None:
    from click.testing import CliRunner  # noqa: PLC0415

    from summarizer.cli import cli  # noqa: PLC0415

    server.default = Reply.json(valid_answer())
    _summarize(settings, article)
    runner = CliRunner()
    env = {**clean_env(), "SUMMARIZER_CACHE_DIR": str(settings.cache_dir)}
    assert runner.invoke(cli, ["cache", "path"], env=env).output.strip() == str(settings.cache_dir)
    stats = json.loads(runner.invoke(cli, ["cache", "stats", "--json"], env=env).output)
    assert stats["entries"] == 1 and stats["bytes"] > 0
    cleared = runner.invoke(cli, ["cache", "clear"], env=env)
    assert cleared.exit_code == 0 and "removed 1 result(s)" in cleared.output
    assert json.loads(runner.invoke(cli, ["cache", "stats", "--json"], env=env).output)["entries"] == 0
