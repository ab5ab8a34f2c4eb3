"""The fake model as its own process: `python -m summarizer.fake_model [--latency S] [--record FILE]`.

Services, benchmarks and CLI tests that must not share a process (or a GIL) with the model run
`FakeOpenAIServer` this way. It answers every chat completion with a valid, grounded summary of the
article in the prompt (the extractive engine's), after `--latency` seconds. A test steers one request
by writing a marker into the article, so requests with different fates can run side by side:

    [fake:status=503]     answer that HTTP status with OpenAI's error envelope, every time
    [fake:echo-key]       answer 401 quoting the API key the request carried (a leak test's bait)
    [fake:refusal]        refuse to summarise
    [fake:invalid]        answer prose that is not JSON, every time
    [fake:stall=S]        wait S seconds (instead of --latency) before answering
    [fake:wrong-figure]   the summary's first number tripled (not in the article), every time, so it stays flagged
    [fake:id=N]           nothing: it makes an article unique (its own cache key), its summary unchanged

It prints its base URL as the first line on stdout, then serves until SIGTERM or SIGINT. With
`--record FILE` it appends one JSON line per chat completion request (the article's markers,
e.g. ["stall=0.4", "id=7"], and whether it carried a key), so a test in another process can see
what the model was asked.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from .extractive import extractive_summary
from .prompts import unfence
from .testing import FakeOpenAIServer, RecordedRequest, Reply

__all__ = ["ArticleResponder", "FakeModelProcess", "main"]

_MARKER = re.compile(r"\[fake:([a-z-]+)(?:=([0-9.]+))?\]")


class ArticleResponder:
    """A `FakeOpenAIServer` responder: a grounded summary of the prompt's article, or the fault it asks for."""

    def __init__(self, *, latency: float = 0.0, record: Path | None = None) -> None:
        self.latency = latency
        self._record = record
        self._lock = threading.Lock()

    def __call__(self, request: RecordedRequest) -> Reply:
        article = _article_of(request.json)
        marker = _MARKER.search(article or "")
        kind, value = (marker.group(1), marker.group(2)) if marker else ("", None)
        self._write(request, article or "")
        reply = self._reply(article, kind, value, request)
        delay = float(value) if kind == "stall" and value else self.latency
        return Reply.stall(delay, then=reply) if delay > 0 else reply

    def _reply(self, article: str | None, kind: str, value: str | None, request: RecordedRequest) -> Reply:
        if kind == "status" and value:
            return Reply.status(int(float(value)))
        if kind == "echo-key":
            key = request.headers.get("authorization", "").removeprefix("Bearer ")
            return Reply.status(401, message=f"Incorrect API key provided: {key}.")
        if kind == "refusal":
            return Reply.refusal()
        if kind == "invalid":
            return Reply.content("Here is a summary, in prose rather than JSON.")
        if article is None:
            return Reply.status(400, message="FakeOpenAIServer: no <article> fence in the prompt")
        # Markers are not the article's: summarise without them, so articles differing only in markers
        # share one (memoised) summary, and every sentence of it is still in the article.
        summary = _summary_json(_MARKER.sub("", article).strip())
        if kind == "wrong-figure":
            summary = _wrong_figure(summary)
        return Reply.content(summary)

    def _write(self, request: RecordedRequest, article: str) -> None:
        if self._record is None:
            return
        markers = ["=".join(part for part in found if part) for found in _MARKER.findall(article)]
        line = json.dumps({"markers": markers, "authorized": "authorization" in request.headers})
        with self._lock, self._record.open("a", encoding="utf-8") as out:
            out.write(line + "\n")


@functools.lru_cache(maxsize=2048)
def _summary_json(article: str) -> str:
    # Memoised: a load test sends the same few articles thousands of times.
    return extractive_summary(article).model_dump_json()


def _wrong_figure(summary_json: str) -> str:
    summary = json.loads(summary_json)
    summary["summary"] = re.sub(r"\d+", lambda number: str(int(number.group()) * 3), summary["summary"], count=1)
    return json.dumps(summary)


def _article_of(body: Any) -> str | None:
    """The fenced article of the last user message of a chat completion request."""
    if not isinstance(body, dict):
        return None
    users = [m.get("content") for m in body.get("messages", []) if isinstance(m, dict) and m.get("role") == "user"]
    articles = (unfence("article", content) for content in users if isinstance(content, str))
    inner = next((article for article in articles if article is not None), None)
    return None if inner is None else inner.strip("\n")


class FakeModelProcess:
    """Run `python -m summarizer.fake_model` as a child process (a context manager)."""

    def __init__(self, *, latency: float = 0.0, record: Path | None = None) -> None:
        self._args = [sys.executable, "-m", "summarizer.fake_model", "--latency", str(latency)]
        if record is not None:
            self._args += ["--record", str(record)]
        self.record = record
        self.base_url = ""
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> FakeModelProcess:
        self._process = subprocess.Popen(self._args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert self._process.stdout is not None
        self.base_url = self._process.stdout.readline().strip()
        if not self.base_url.startswith("http"):
            self.stop()
            raise RuntimeError("the fake model process did not start")
        return self

    def requests(self) -> list[dict[str, Any]]:
        """The chat completion requests recorded so far (needs `record`)."""
        if self.record is None or not self.record.exists():
            return []
        return [json.loads(line) for line in self.record.read_text(encoding="utf-8").splitlines() if line]

    def stop(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=10)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None

    def __enter__(self) -> FakeModelProcess:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    """Run the fake model until SIGTERM or SIGINT."""
    parser = argparse.ArgumentParser(prog="python -m summarizer.fake_model", description=__doc__.split("\n")[0])
    parser.add_argument("--latency", type=float, default=0.0, help="Seconds before each answer (default 0).")
    parser.add_argument("--record", type=Path, help="Append one JSON line per chat completion request here.")
    args = parser.parse_args(argv)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    with FakeOpenAIServer(responder=ArticleResponder(latency=args.latency, record=args.record)) as server:
        print(server.base_url, flush=True)
        stop.wait()
    sys.exit(0)


if __name__ == "__main__":
    main()
