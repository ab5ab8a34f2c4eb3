"""The result cache: a protocol, a diskcache implementation that stores JSON only, and the key.

Values are JSON strings. diskcache would unpickle anything stored in pickle mode, so a tampered
cache file could run code (CVE-2025-69872); `_JsonOnlyDisk` refuses to write or read pickles.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import diskcache

from .errors import ConfigError
from .grounding.rules import GROUNDING_VERSION

log = logging.getLogger("summarizer.cache")

# Bump when the stored layout changes, so old entries are never misread.
CACHE_FORMAT = 1

# diskcache waits this long for the SQLite lock before giving up on a write; its default of
# 60 s is kept on Cache, but stated here because FanoutCache's 10 ms default silently drops writes.
_LOCK_TIMEOUT = 60.0


class ResultCache(Protocol):
    """Where validated results are kept between runs."""

    def get(self, key: str) -> dict[str, Any] | None:
        """The stored value, or None when absent or unusable."""
        ...

    def set(self, key: str, value: Mapping[str, Any]) -> None:
        """Store a JSON-serialisable value."""
        ...


class UnsafeCacheEntryError(Exception):
    """A stored value would need unpickling to read."""


class _JsonOnlyDisk(diskcache.Disk):  # type: ignore[misc]
    """A diskcache Disk that stores only strings and never unpickles a value."""

    def store(self, value: Any, read: bool, key: Any = diskcache.UNKNOWN) -> Any:
        if not isinstance(value, str):
            raise TypeError(f"the summarizer cache stores JSON strings only, not {type(value).__name__}")
        return super().store(value, read, key=key)

    def fetch(self, mode: int, filename: str | None, value: Any, read: bool) -> Any:
        if mode == diskcache.core.MODE_PICKLE:
            raise UnsafeCacheEntryError("entry is stored as a pickle")
        return super().fetch(mode, filename, value, read)


class DiskCache:
    """ResultCache on a local diskcache directory."""

    def __init__(self, directory: Path) -> None:
        try:
            self._cache = diskcache.Cache(str(directory), disk=_JsonOnlyDisk, timeout=_LOCK_TIMEOUT)
        except OSError as error:
            raise ConfigError(
                f"cannot use cache directory {directory}: {error.strerror or error}; set SUMMARIZER_CACHE_DIR "
                f"to a writable directory or pass --no-cache"
            ) from None
        self.directory = directory

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            raw = self._cache.get(key)
        except UnsafeCacheEntryError:
            # Someone wrote a pickle where we only ever write JSON: never load it, and remove it.
            log.warning("cache entry %s is a pickle, which we never write; refused and removed", key[:12])
            self._cache.delete(key)
            return None
        if raw is None:
            return None
        try:
            value = json.loads(raw)
        except (TypeError, json.JSONDecodeError):
            log.warning("cache entry %s is not valid JSON; ignored", key[:12])
            return None
        if not isinstance(value, dict) or value.get("format") != CACHE_FORMAT:
            return None
        return value

    def set(self, key: str, value: Mapping[str, Any]) -> None:
        self._cache.set(key, json.dumps({**value, "format": CACHE_FORMAT}, ensure_ascii=False))

    def close(self) -> None:
        """Close the SQLite connection."""
        self._cache.close()


class NoCache:
    """ResultCache that keeps nothing (--no-cache)."""

    def get(self, key: str) -> dict[str, Any] | None:
        return None

    def set(self, key: str, value: Mapping[str, Any]) -> None:
        return None


def cache_key(
    *,
    engine: str,
    model: str | None,
    endpoint: str | None,
    prompt: tuple[str, str, str] | None,
    schema_sha256: str,
    parameters: Mapping[str, Any],
    article: str,
    title: str | None,
) -> str:
    """sha256 over everything that changes the answer; `prompt` is (name, version, sha256)."""
    material = {
        "cache_format": CACHE_FORMAT,
        "grounding": GROUNDING_VERSION,  # a changed figure check never serves stale verdicts
        "engine": engine,
        "model": model,
        "endpoint": endpoint,
        "prompt": prompt,
        "schema": schema_sha256,
        "parameters": dict(parameters),
        "article": article,
        "title": title,
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
