"""Batch jobs for /v1/batches: JSONL in, summarised in the background, JSONL out; state on disk.

Each job is a directory under the jobs directory:

    <jobs_dir>/<id>/
        input.jsonl    the articles as accepted: {"id", "text", "title"?, ...fields carried to the output}
        owner          who created it (a digest of their token, see auth.caller_id): only they can read it
        results.jsonl  one line per finished article, appended as each completes (the batch output format)
        state.json     id, status, counts and times; replaced atomically
        lock           flock'ed by the process running the job

A job survives anything short of losing the disk. Each result goes out as one `write()` on a file
opened for appending, so a killed process leaves whole lines (a torn tail, should one appear, is cut
off on resume); the ids in results.jsonl are the articles done, and a resumed job runs only the
others, so every article appears exactly once. On SIGTERM the runner stops taking articles, lets
those in flight finish (within the shutdown grace) and syncs the results: a checkpoint. At start
every unfinished job is claimed by whichever process locks it first (there may be several
workers) and resumed. This module adds only what a server needs around the engine: strict checking
of a submitted batch, the job directory, claiming, progress and the checkpoint on SIGTERM.

The articles run through the batch engine (`summarizer.batch.BatchJob`, the same code path as
`summarizer batch`): bounded concurrency, the figure check off the event loop, a bad article an
error line, its resumable output. Its lines are the results:

    {"id", "status": "ok", "result": {summary, grounding, provenance}, "provenance": {...}, ...carried}
    {"id", "status": "error", "error": {"type", "message"}, "provenance": null, ...carried}
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from collections.abc import AsyncIterator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, cast, get_args

from pydantic import BaseModel, ConfigDict, Field

from summarizer.batch import BatchJob, BatchOptions, Counters, read_results
from summarizer.config import Settings
from summarizer.errors import InputError

from .auth import ANYONE

log = logging.getLogger("summarizer.service.jobs")

Status = Literal["queued", "running", "done"]
_ID = re.compile(r"^b_[0-9a-f]{16}$")
# Progress reaches state.json at most this often while a job runs (every line is in results.jsonl at once).
_STATE_EVERY = 1.0
# At most this many bad lines are named in a rejection.
_NAMED = 5


class JobState(BaseModel):
    """A batch job's progress, as GET /v1/batches/{id} shows it."""

    model_config = ConfigDict(extra="forbid")

    id: str
    status: Status = Field(description="queued (waiting, or to resume after a restart), running, done")
    total: int = Field(description="Articles in the batch.")
    done: int = Field(default=0, description="Articles finished, ok or failed.")
    ok: int = 0
    failed: int = 0
    cached: int = Field(default=0, description="Articles answered from the cache.")
    created_at: float
    started_at: float | None = None
    finished_at: float | None = None
    results: str = Field(description="Where the results stream (JSON Lines), complete lines so far.")


@dataclass(slots=True)
class JobsSummary:
    """What /metrics says of the batch jobs: jobs by status, articles by outcome."""

    jobs: dict[Status, int] = field(default_factory=lambda: dict.fromkeys(get_args(Status), 0))
    ok: int = 0
    failed: int = 0
    pending: int = 0  # not done yet: queued, running or checkpointed


@dataclass(frozen=True, slots=True)
class JobArticle:
    """One article of a job."""

    id: str
    text: str
    title: str | None
    extra: dict[str, Any]


class JobStore:
    """The jobs directory: create jobs from JSONL, read their state and results."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def create(self, lines: Iterable[bytes], owner: str = ANYONE) -> JobState:
        """Validate the JSONL and store a new queued job of `owner`'s; InputError names the bad lines (nothing is
        stored)."""
        articles, problems = _parse_lines(lines)
        if problems:
            more = f"; and {len(problems) - _NAMED} more" if len(problems) > _NAMED else ""
            raise InputError("; ".join(problems[:_NAMED]) + more)
        if not articles:
            raise InputError('the batch is empty; send one JSON object per line, e.g. {"id": "a1", "text": "..."}')
        job_id = f"b_{secrets.token_hex(8)}"
        directory = self.root / job_id
        try:
            directory.mkdir(parents=True)
            with (directory / "input.jsonl").open("w", encoding="utf-8") as out:
                for article in articles:
                    out.write(json.dumps(_stored(article), ensure_ascii=False) + "\n")
                out.flush()
                os.fsync(out.fileno())
            (directory / "owner").write_text(owner, encoding="utf-8")
        except OSError as error:
            raise InputError(f"cannot store the batch: {error.strerror or error}") from None
        state = JobState(id=job_id, status="queued", total=len(articles), created_at=time.time(), results="")
        self.save(state)
        return self.state(job_id) or state

    def exists(self, job_id: str, caller: str | None = None) -> bool:
        """Whether there is such a job (and, given a caller, whether it is theirs: others' jobs do not exist)."""
        directory = self.root / job_id
        if not _ID.match(job_id) or not (directory / "state.json").is_file():
            return False
        return caller is None or hmac.compare_digest(self._owner(job_id), caller)

    def state(self, job_id: str, caller: str | None = None) -> JobState | None:
        """The job's state, or None when there is no such job (or, given a caller, it is not theirs)."""
        if not self.exists(job_id, caller):
            return None
        state = JobState.model_validate_json((self.root / job_id / "state.json").read_bytes())
        state.results = f"/v1/batches/{job_id}/results"
        if state.status == "running" and not self._locked(job_id):
            state.status = "queued"  # its process died; the next one to start resumes it
        return state

    def _owner(self, job_id: str) -> str:
        try:
            return (self.root / job_id / "owner").read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return ANYONE  # made before jobs had owners, by a server without tokens

    def save(self, state: JobState) -> None:
        """Replace state.json atomically."""
        path = self.root / state.id / "state.json"
        temporary = path.with_suffix(".tmp")
        temporary.write_text(state.model_dump_json(), encoding="utf-8")
        os.replace(temporary, path)

    def unfinished(self) -> list[str]:
        """Ids of jobs not done, oldest first."""
        waiting = [s for s in self._states() if s.status != "done"]
        return [s.id for s in sorted(waiting, key=lambda s: s.created_at)]

    def summary(self) -> JobsSummary:
        """Every job in the store, counted by status, and their articles by outcome."""
        summary = JobsSummary()
        for state in self._states():
            summary.jobs[state.status] += 1
            summary.ok += state.ok
            summary.failed += state.failed
            summary.pending += state.total - state.done
        return summary

    def _states(self) -> Iterator[JobState]:
        if not self.root.is_dir():
            return
        for path in self.root.iterdir():
            if _ID.match(path.name) and (state := self.state(path.name)) is not None:
                yield state

    def results_path(self, job_id: str) -> Path:
        return self.root / job_id / "results.jsonl"

    async def stream_results(self, job_id: str) -> AsyncIterator[bytes]:
        """The complete lines of results.jsonl so far, in blocks."""
        path = self.results_path(job_id)
        if not path.exists():
            return
        with path.open("rb") as results:
            size = os.fstat(results.fileno()).st_size
            sent = 0
            while sent < size:
                block = await asyncio.to_thread(results.read, min(1 << 20, size - sent))
                if not block:
                    break
                sent += len(block)
                if sent >= size:
                    block = block[: block.rfind(b"\n") + 1]  # a line still being written waits for the next read
                yield block

    def lock(self, job_id: str) -> IO[bytes] | None:
        """Claim the job for this process (an exclusive flock), or None when another process has it."""
        handle = (self.root / job_id / "lock").open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return None
        return handle

    def _locked(self, job_id: str) -> bool:
        handle = self.lock(job_id)
        if handle is None:
            return True
        handle.close()  # closing releases the probe's lock
        return False


class JobRunner:
    """Runs this process's jobs one at a time, in the background, `concurrency` articles at once."""

    def __init__(self, store: JobStore, settings: Settings, *, concurrency: int) -> None:
        self.store = store
        self._settings = settings
        self._concurrency = concurrency
        self._queue: asyncio.Queue[tuple[str, IO[bytes]]] = asyncio.Queue()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Claim and queue every unfinished job nobody else runs; start working."""
        for job_id in await asyncio.to_thread(self.store.unfinished):
            self.claim(job_id)
        self._task = asyncio.create_task(self._work(), name="batch jobs")

    def claim(self, job_id: str) -> bool:
        """Queue a job for this process if no other process holds it."""
        handle = self.store.lock(job_id)
        if handle is None:
            return False
        self._queue.put_nowait((job_id, handle))
        return True

    async def stop(self, grace: float) -> None:
        """Take no more articles, give those in flight `grace` seconds, then checkpoint and return."""
        self._stopping.set()
        if self._task is None:
            return
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=grace)
        except TimeoutError:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _work(self) -> None:
        while not self._stopping.is_set():
            getting = asyncio.ensure_future(self._queue.get())
            stopping = asyncio.ensure_future(self._stopping.wait())
            await asyncio.wait({getting, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            if not getting.done():
                getting.cancel()
                break
            job_id, handle = getting.result()
            try:
                await self._run(job_id)
            except Exception:
                log.exception("batch job %s failed; it stays queued and resumes at the next start", job_id)
            finally:
                handle.close()
        while not self._queue.empty():
            self._queue.get_nowait()[1].close()

    async def _run(self, job_id: str) -> None:
        store = self.store
        state = store.state(job_id)
        assert state is not None
        before = _Tally.of(store.results_path(job_id))
        state.status, state.started_at = "running", state.started_at or time.time()
        before.show(state, Counters())
        store.save(state)
        log.info("batch job %s: %d of %d article(s) to do", job_id, state.total - state.done, state.total)
        with _UntilStopped(store.root / job_id / "input.jsonl", self._stopping) as articles:
            job = BatchJob(
                ["-"],
                self._settings,
                store.results_path(job_id),
                options=BatchOptions(concurrency=self._concurrency),
                stdin=cast(BinaryIO, articles),
            )
            running = asyncio.ensure_future(job.run())
            try:
                while not running.done():
                    await asyncio.wait({running}, timeout=_STATE_EVERY)
                    before.show(state, job.counters)
                    store.save(state)
                running.result()
            finally:
                if not running.done():  # cancelled: the engine closes (and syncs) its output as it unwinds
                    running.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await running
                before.show(state, job.counters)
                if state.done >= state.total:
                    state.status, state.finished_at = "done", time.time()
                    log.info("batch job %s done: %d ok, %d failed", job_id, state.ok, state.failed)
                else:
                    state.status = "queued"  # a checkpoint: the rest runs at the next start
                    log.warning("batch job %s checkpointed at %d of %d article(s)", job_id, state.done, state.total)
                store.save(state)


@dataclass
class _Tally:
    """What a job's results already held when this run started."""

    ok: int = 0
    failed: int = 0
    cached: int = 0

    @classmethod
    def of(cls, path: Path) -> _Tally:
        tally = cls()
        if path.exists():
            for record in read_results(path):
                if record["status"] == "ok":
                    tally.ok += 1
                    tally.cached += bool(record["provenance"]["cache_hit"])
                else:
                    tally.failed += 1
        return tally

    def show(self, state: JobState, counters: Counters) -> None:
        """Put the earlier runs' counts plus this run's into `state`."""
        state.ok, state.failed = self.ok + counters.ok, self.failed + counters.failed
        state.cached = self.cached + counters.cached
        state.done = state.ok + state.failed


class _UntilStopped:
    """A job's input.jsonl as the engine's standard input, ending early once the server is stopping.

    The engine then starts no more articles and finishes those in flight, which is the checkpoint.
    """

    def __init__(self, path: Path, stopping: asyncio.Event) -> None:
        self._file = path.open("rb")
        self._stopping = stopping

    def read(self, size: int = -1) -> bytes:
        return b"" if self._stopping.is_set() else self._file.read(size)

    def __iter__(self) -> Iterator[bytes]:
        for line in self._file:
            if self._stopping.is_set():
                return
            yield line

    def __enter__(self) -> _UntilStopped:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._file.close()


def _parse_lines(lines: Iterable[bytes]) -> tuple[list[JobArticle], list[str]]:
    """The articles of a JSONL body, and a message per unusable line."""
    articles: list[JobArticle] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        article = _article(number, raw, problems)
        if article is None:
            continue
        if article.id in seen:
            problems.append(
                f"line {number}: id {article.id!r} is already on line {seen[article.id]}; ids must be unique"
            )
            continue
        seen[article.id] = number
        articles.append(article)
    return articles, problems


def _article(number: int, raw: bytes, problems: list[str]) -> JobArticle | None:
    try:
        row = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        reason = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
        problems.append(f"line {number}: not valid JSON ({reason})")
        return None
    if not isinstance(row, dict):
        problems.append(f'line {number}: expected a JSON object like {{"id": "a1", "text": "..."}}')
        return None
    text, title, given = row.pop("text", None), row.pop("title", None), row.pop("id", None)
    if not isinstance(text, str):
        problems.append(f'line {number}: "text" must be the article as a string')
        return None
    if title is not None and not isinstance(title, str):
        problems.append(f'line {number}: "title" must be a string or null')
        return None
    if given is not None and not isinstance(given, str | int):
        problems.append(f'line {number}: "id" must be a string or a number')
        return None
    article_id = str(given) if given is not None else hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]
    return JobArticle(article_id, text, title, row)


def _stored(article: JobArticle) -> dict[str, Any]:
    return {**article.extra, "id": article.id, "text": article.text, "title": article.title}
