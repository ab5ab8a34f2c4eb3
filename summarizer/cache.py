"""The result cache: a protocol, a diskcache implementation that stores JSON only, and the key.

Values are JSON strings. diskcache would unpickle anything stored in pickle mode, so a tampered
cache file could run code (CVE-2025-69872); `_JsonOnlyDisk` refuses to write or read pickles.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import shutil
import sqlite3
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import diskcache

from . import fastjson
from .grounding.rules import GROUNDING_VERSION

if TYPE_CHECKING:
    from .config import Settings

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
        try:
            return super().fetch(mode, filename, value, read)
        except FileNotFoundError:
            # diskcache takes a missing value file for a miss and says nothing; for us it is damage
            # (or, rarely, an entry culled by another process while we read it), worth a line.
            log.warning("a cache entry's value file %s is missing; ignored", filename)
            raise


class DiskCache:
    """ResultCache on a local diskcache directory that survives damage.

    A database that is not a database (random bytes in cache.db or its WAL) is set aside and a new
    one built; a value file that is truncated, garbled or foreign is a logged miss and is removed.
    A failure to store is logged and costs nothing else. Nothing here ever raises to the caller
    after the cache has opened.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._cache = self._open()
        self._write_lock = _writer_lock(directory)

    def _open(self) -> diskcache.Cache:
        try:
            return _diskcache(self.directory)
        except sqlite3.OperationalError:
            raise  # cannot open at all (not a directory, no permission): the caller goes on without a cache
        except sqlite3.DatabaseError as error:
            log.warning("the cache at %s is damaged (%s); starting a new one", self.directory, error)
        discard_cache_files(self.directory)
        return _diskcache(self.directory)

    def _rebuild(self, error: Exception) -> None:
        log.warning("the cache at %s is damaged (%s); starting a new one", self.directory, error)
        with contextlib.suppress(Exception):
            self._cache.close()
        discard_cache_files(self.directory)
        self._cache = _diskcache(self.directory)

    def get(self, key: str) -> dict[str, Any] | None:
        raw = self._read(key)
        if raw is None:
            return None
        value = _loaded(raw)
        if value is None:
            log.warning("cache entry %s is not valid JSON or not one of ours; ignored and removed", key[:12])
            self._forget(key)
            return None
        if value.get("format") != CACHE_FORMAT:
            log.info("cache entry %s has an older layout; ignored", key[:12])
            return None
        return value

    def _read(self, key: str) -> Any:
        """The stored value as diskcache returns it, or None (absent, or damaged and now removed)."""
        try:
            return self._cache.get(key)
        except UnsafeCacheEntryError:
            # Someone wrote a pickle where we only ever write JSON: never load it, and remove it.
            log.warning("cache entry %s is a pickle, which we never write; refused and removed", key[:12])
        except (UnicodeDecodeError, OSError, ValueError) as error:
            log.warning("cache entry %s is unreadable (%s); ignored and removed", key[:12], type(error).__name__)
        except sqlite3.Error as error:
            self._recover(error)
            return None
        self._forget(key)
        return None

    def set(self, key: str, value: Mapping[str, Any]) -> None:
        data = json.dumps({**value, "format": CACHE_FORMAT}, ensure_ascii=False)
        try:
            with self._write_lock:
                self._cache.set(key, data)
        except sqlite3.Error as error:
            self._recover(error)
        except OSError as error:
            log.warning("could not store the result in the cache (%s); carrying on", error.strerror or error)

    def _forget(self, key: str) -> None:
        try:
            with self._write_lock:
                self._cache.delete(key)
        except (sqlite3.Error, OSError) as error:
            log.warning("could not remove cache entry %s (%s)", key[:12], error)

    def _recover(self, error: sqlite3.Error) -> None:
        if not isinstance(error, sqlite3.DatabaseError) or isinstance(error, sqlite3.OperationalError):
            # A lock held too long, a full disk: the cache is fine, this one operation is not.
            log.warning("the cache at %s failed an operation (%s); carrying on without it", self.directory, error)
            return
        try:
            self._rebuild(error)
        except (sqlite3.Error, OSError) as again:
            log.warning("could not rebuild the cache at %s (%s); carrying on without it", self.directory, again)

    def stats(self) -> dict[str, Any]:
        """Entries and bytes on disk."""
        return {"directory": str(self.directory), "entries": len(self._cache), "bytes": self._cache.volume()}

    def clear(self) -> int:
        """Remove every entry; the number removed."""
        return int(self._cache.clear())

    def close(self) -> None:
        """Close the SQLite connection."""
        self._cache.close()


def _loaded(raw: Any) -> dict[str, Any] | None:
    try:
        value = fastjson.loads_ours(raw)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


# Writers to one cache directory in this process take turns on a lock of ours before SQLite's: a
# writer waiting for SQLite's lock sleeps in growing steps (up to 100 ms), a thread lock hands over
# at once. Measured in `summarizer serve` with 20 threads storing summaries: p90 of a summary's time
# outside its model call 205-210 ms -> 112-126 ms. Other processes still meet at SQLite's lock.
_WRITERS: dict[Path, threading.Lock] = {}
_WRITERS_GUARD = threading.Lock()


def _writer_lock(directory: Path) -> threading.Lock:
    with _WRITERS_GUARD:
        return _WRITERS.setdefault(directory.absolute(), threading.Lock())


def _diskcache(directory: Path) -> diskcache.Cache:
    return diskcache.Cache(str(directory), disk=_JsonOnlyDisk, timeout=_LOCK_TIMEOUT)


# What diskcache creates in its directory: the database (with its WAL and shared memory) and value
# files in two-hex-digit folders. Only these are ever removed: the directory may be one the user
# also keeps other things in.
_DATABASE_FILES = ("cache.db", "cache.db-wal", "cache.db-shm", "cache.db-journal")
_VALUE_FOLDER = re.compile(r"^[0-9a-f]{2}$")


def discard_cache_files(directory: Path) -> None:
    """Remove the cache's own files from `directory` (and nothing else)."""
    for name in _DATABASE_FILES:
        (directory / name).unlink(missing_ok=True)
    if directory.is_dir():
        for child in directory.iterdir():
            if child.is_dir() and _VALUE_FOLDER.match(child.name):
                shutil.rmtree(child, ignore_errors=True)


def open_cache(settings: Settings) -> ResultCache:
    """The cache the settings ask for; no cache, with one warning, when it cannot be opened."""
    if not settings.use_cache:
        return NoCache()
    try:
        return DiskCache(settings.cache_dir)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or error
        log.warning(
            "cannot use the cache at %s (%s); carrying on without a cache. Set SUMMARIZER_CACHE_DIR to a "
            "writable directory, or pass --no-cache to silence this",
            settings.cache_dir,
            reason,
        )
        return NoCache()


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
