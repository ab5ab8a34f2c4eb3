"""`--via batch-api`: the OpenAI Batch API (half price, answers within 24 h) under the same output file.

    upload the first request of every pending article (JSONL, custom_id = article id)
    -> create the batch -> poll -> download -> join on custom_id -> validate, check the figures
    -> a line that failed, or an answer that needs a re-ask, goes on online -> the output file

The submission's state (`<out>.batch-api.json`: input file id, batch id) is written before each
step that costs money, so an interrupted run (Ctrl-C, kill -9, a dropped poll) resumes the same
batch instead of paying for a second one: an uploaded file is found again by its id, and a batch
created just before the state was saved is found by its input file in the list of batches.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import openai

from summarizer.batch.output import result_line
from summarizer.batch.runner import BatchJob
from summarizer.batch.sources import Article
from summarizer.client import ChatRequest, ModelReply, OpenAIClient
from summarizer.errors import ConfigError, ModelUnavailableError
from summarizer.pipeline import Summarizer
from summarizer.result import SummaryResult
from summarizer.retry import TransientError

log = logging.getLogger("summarizer.batch")

TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


def state_path(out: Path) -> Path:
    """Where a submission's state lives, beside the output file."""
    return out.with_name(out.name + ".batch-api.json")


class BatchApiRun:
    """Runs a BatchJob's articles through the Batch API (see the module docstring)."""

    def __init__(self, job: BatchJob, *, poll_interval: float = 30.0) -> None:
        if job.out is None:
            raise ConfigError("--via batch-api needs --out: its state and results live beside that file")
        if job.settings.resolved_engine() != "openai":
            raise ConfigError("--via batch-api needs a model endpoint: set OPENAI_API_KEY or OPENAI_BASE_URL")
        self.job = job
        self.out = job.out
        self.state_file = state_path(job.out)
        self.poll_interval = poll_interval
        settings = job.settings
        self._sdk = openai.AsyncOpenAI(
            api_key=settings.api_key or "no-key-needed", base_url=settings.base_url, max_retries=3
        )

    async def run(self) -> None:
        """Submit (or resume), wait, and write every article's line."""
        job = self.job
        state = self._load_state()
        try:
            async with Summarizer(job.settings, throttle=job.throttle) as summarizer:
                client = summarizer.model_client
                if not isinstance(client, OpenAIClient):
                    raise ConfigError("--via batch-api needs the openai engine")
                log_file = job.open_log()
                assert log_file is not None  # out is set (checked in __init__)
                try:
                    # bad ones are written at once (see BatchJob.pending)
                    articles = {article.id: article for article in job.pending()}
                    if state.get("batch_id") is None and articles:
                        state = await self._submit(client, summarizer, articles, state)
                    if state.get("batch_id") is not None:
                        replies = await self._wait_and_download(state["batch_id"], client)
                        await self._finish(summarizer, articles, replies)
                finally:
                    log_file.close()
        finally:
            await self._sdk.close()
        self.state_file.unlink(missing_ok=True)

    async def _submit(
        self, client: OpenAIClient, summarizer: Summarizer, articles: dict[str, Article], state: dict[str, Any]
    ) -> dict[str, Any]:
        if state.get("input_file_id") is None:
            lines = []
            for article in list(articles.values()):
                first = await asyncio.to_thread(summarizer.first_request, article.text, title=article.title)
                if isinstance(first, SummaryResult):  # from the cache: nothing to ask
                    self.job.emit(article, result_line(article.id, article.extra, result=first), first)
                    del articles[article.id]
                    continue
                assert isinstance(first, ChatRequest)
                body = {"custom_id": article.id, "method": "POST", "url": "/v1/chat/completions"}
                lines.append(json.dumps({**body, "body": client.batch_body(first)}, ensure_ascii=False))
            if not lines:
                return state
            uploaded = await self._sdk.files.create(
                file=("requests.jsonl", ("\n".join(lines) + "\n").encode()), purpose="batch"
            )
            state = {"input_file_id": uploaded.id, "batch_id": None}
            self._save_state(state)
        existing = await self._batch_for(state["input_file_id"])
        if existing is None:
            batch = await self._sdk.batches.create(
                input_file_id=state["input_file_id"], endpoint="/v1/chat/completions", completion_window="24h"
            )
            existing = batch.id
        state = {**state, "batch_id": existing}
        self._save_state(state)
        return state

    async def _batch_for(self, input_file_id: str) -> str | None:
        # A batch created just before an interruption, whose id never reached the state file.
        async for batch in self._sdk.batches.list(limit=100):
            if batch.input_file_id == input_file_id and batch.status not in ("failed", "expired", "cancelled"):
                return batch.id
        return None

    async def _wait_and_download(self, batch_id: str, client: OpenAIClient) -> dict[str, ModelReply]:
        while True:
            batch = await self._sdk.batches.retrieve(batch_id)
            if batch.status in TERMINAL:
                break
            self.job.progress.note(f"summarizer: batch {batch_id} is {batch.status}; checking again shortly")
            await asyncio.sleep(self.poll_interval)
        replies: dict[str, ModelReply] = {}
        if batch.output_file_id:
            content = await self._sdk.files.content(batch.output_file_id)
            for raw in content.text.splitlines():
                line = json.loads(raw)
                response = line.get("response") or {}
                if response.get("status_code") != 200:
                    continue  # asked again online
                try:
                    replies[str(line["custom_id"])] = client.reply_from_batch(response.get("body") or {})
                except TransientError:
                    continue
        return replies

    async def _finish(
        self, summarizer: Summarizer, articles: dict[str, Article], replies: Mapping[str, ModelReply]
    ) -> None:
        async def summarize(article: Article) -> SummaryResult:
            reply = replies.get(article.id)
            if reply is None:  # the batch failed this line: asked again online
                return await summarizer.asummarize(article.text, title=article.title)
            return await summarizer.acontinue(article.text, reply, title=article.title)

        await self.job.summarize_all(articles.values(), summarize)

    def _load_state(self) -> dict[str, Any]:
        try:
            state: dict[str, Any] = json.loads(self.state_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            raise ModelUnavailableError(
                f"{self.state_file} is damaged; check the Batch API dashboard for a running batch, then delete it",
                attempts=0,
            ) from None
        return state

    def _save_state(self, state: dict[str, Any]) -> None:
        # Atomic: a killed process leaves the old state or the new one, never half of one.
        descriptor, temporary = tempfile.mkstemp(dir=self.state_file.parent, prefix=self.state_file.name)
        with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
            json.dump(state, stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, self.state_file)
