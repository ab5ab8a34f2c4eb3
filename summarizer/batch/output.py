"""A batch's results: a resumable JSON Lines file, a CSV of key figures, Markdown.

One line per article, written as soon as it completes:

    {"id", "status": "ok", "result": {summary, grounding, provenance}, "provenance": {...}, ...carried fields}
    {"id", "status": "error", "error": {"type", "message"}, "provenance": null, ...carried fields}

Each line goes out in one `write()` on a file opened for appending, so a killed process leaves
whole lines only (a line is never interleaved with another, and the kernel keeps what was written
even after `kill -9`). `fsync` runs every `sync_every` lines or `sync_seconds`, and on close, so a
power cut costs at most that much; an fsync can take tens of milliseconds on a busy disk and runs
on the event loop, so it is kept to about one a second. Should a line still be cut short (a full
disk, a power cut between write and fsync), reopening the file drops the torn tail and the run goes on.

Reopening reads the ids already there (`done`): a resumed run skips them, so a finished article
is never asked for (or billed) twice.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from summarizer import fastjson
from summarizer.errors import InputError
from summarizer.render import to_markdown
from summarizer.result import SummaryResult

log = logging.getLogger("summarizer.batch")

FIGURE_COLUMNS = ("id", "title", "figure", "measures", "status", "sentence")


def result_line(
    article_id: str,
    extra: Mapping[str, Any],
    *,
    result: SummaryResult | None = None,
    dumped: Mapping[str, Any] | None = None,
    error: BaseException | None = None,
    error_type: str | None = None,
    message: str | None = None,
) -> dict[str, Any]:
    """The output record of one article: its result (or the result already as JSON), or the error it met."""
    record: dict[str, Any] = {**extra, "id": article_id}
    if result is not None:
        dumped = result.model_dump(mode="json")
    if dumped is not None:
        record.update(status="ok", result=dumped, provenance=dumped["provenance"])
    else:
        record.update(
            status="error",
            error={"type": error_type or type(error).__name__, "message": message or str(error)},
            provenance=None,
        )
    return record


class ResultLog:
    """The output JSONL file: append-only, whole lines, resumable."""

    def __init__(
        self, path: Path, *, sync_every: int = 5000, sync_seconds: float = 1.0, retry_errors: bool = False
    ) -> None:
        self.path = path
        self.done: set[str] = set()
        self.previous_errors = 0
        self._sync_every, self._sync_seconds = sync_every, sync_seconds
        self._unsynced = 0
        self._last_sync = time.monotonic()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._recover(retry_errors)
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}; choose another --out") from None

    def _recover(self, retry_errors: bool) -> None:
        """Read the ids already done; drop a torn last line; with retry_errors, drop error lines to redo them."""
        if not self.path.exists():
            return
        good_end, dropped = 0, 0
        rewrite = False
        with self.path.open("rb") as stream:
            offset = 0
            for raw in stream:
                offset += len(raw)
                record = _parse(raw, fastjson.loads_ours)
                if record is None:
                    if raw.endswith(b"\n"):
                        raise InputError(
                            f"{self.path} has a line that is not a result (byte {offset - len(raw)}); "
                            f"is it another file? choose another --out"
                        )
                    break  # a torn last line: keep everything before it
                if record["status"] == "error" and retry_errors:
                    rewrite, dropped = True, dropped + 1
                else:
                    self.done.add(record["id"])
                    if record["status"] != "ok":
                        self.previous_errors += 1
                good_end = offset
        size = self.path.stat().st_size
        if good_end < size and not rewrite:
            log.warning("%s ended in a torn line (%d bytes); dropped it", self.path, size - good_end)
            with self.path.open("r+b") as stream:
                stream.truncate(good_end)
                os.fsync(stream.fileno())
        if rewrite:
            self._rewrite_without_errors()
            log.info("%s: %d error line(s) dropped to be tried again", self.path, dropped)

    def _rewrite_without_errors(self) -> None:
        temporary = self.path.with_name(self.path.name + ".tmp")
        with self.path.open("rb") as source, temporary.open("wb") as target:
            for raw in source:
                record = _parse(raw, fastjson.loads_ours)
                if record is not None and record["status"] != "error":
                    target.write(raw)
            target.flush()
            os.fsync(target.fileno())
        os.replace(temporary, self.path)

    @staticmethod
    def read_done(path: Path) -> set[str]:
        """The ids an output file already holds (none if it does not exist)."""
        return {str(record["id"]) for record in read_results(path)} if path.exists() else set()

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one record as one line, in one write."""
        view = memoryview(fastjson.dumps_line(record))
        while view:  # a regular file takes it all at once; the loop is for the letter of the POSIX law
            view = view[os.write(self._fd, view) :]
        self.done.add(str(record["id"]))
        self._unsynced += 1
        if self._unsynced >= self._sync_every or time.monotonic() - self._last_sync >= self._sync_seconds:
            self.sync()

    def sync(self) -> None:
        """Flush what was written to the disk."""
        if self._unsynced:
            os.fsync(self._fd)
            self._unsynced = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        """Sync and close."""
        if self._fd >= 0:
            self.sync()
            os.close(self._fd)
            self._fd = -1


def read_results(path: Path) -> Iterator[dict[str, Any]]:
    """Every whole record of an output file (a torn last line is skipped)."""
    with path.open("rb") as stream:
        for raw in stream:
            record = _parse(raw)
            if record is not None:
                yield record


def _parse(raw: bytes, loads: Callable[[bytes], Any] = json.loads) -> dict[str, Any] | None:
    """A whole output line's record, or None. `loads`: fastjson.loads_ours where only the id and status are read."""
    if not raw.endswith(b"\n"):
        return None
    try:
        record = loads(raw)
    except ValueError:
        return None
    if not isinstance(record, dict) or "id" not in record or record.get("status") not in ("ok", "error"):
        return None
    return record


class FiguresCsv:
    """Key figures, one row each, for people who live in spreadsheets; appended as results arrive."""

    def __init__(self, path: Path) -> None:
        try:
            new = not path.exists() or path.stat().st_size == 0
            self._file: TextIO = path.open("a", encoding="utf-8", newline="")
        except OSError as error:
            raise InputError(f"cannot write {path}: {error.strerror or error}; choose another --figures-csv") from None
        self._writer = csv.writer(self._file)
        if new:
            self._writer.writerow(FIGURE_COLUMNS)

    def write(self, article_id: str, title: str | None, result: SummaryResult) -> None:
        """One row per key figure of the result, with the check's verdict on it."""
        verdicts = {check.text: check.status for check in result.grounding.figures}
        for figure in result.summary.key_figures:
            self._writer.writerow(
                (
                    article_id,
                    title or "",
                    figure.figure,
                    figure.measures,
                    verdicts.get(figure.figure, ""),
                    figure.sentence,
                )
            )
        self._file.flush()

    def close(self) -> None:
        """Close the file."""
        self._file.close()


def markdown_section(article_id: str, title: str | None, result: SummaryResult) -> str:
    """One article of a batch as Markdown (its id under the heading)."""
    page = to_markdown(result, title=title or article_id)
    heading, _, rest = page.partition("\n")
    return f"{heading}\n\n`{article_id}`\n{rest}\n"
