"""`summarizer serve` as a real process, for integration tests and benchmarks.

    with FakeModelProcess() as model, ServiceProcess(env={"OPENAI_BASE_URL": model.base_url}) as service:
        status, headers, body = service.call("POST", "/v1/summaries", json={"text": article})

It runs the installed `summarizer` script beside the running interpreter on a free loopback port,
waits for /healthz, and stops it with SIGTERM (a graceful shutdown) on exit. `call` is a small
stdlib HTTP client that returns error answers instead of raising.
"""

from __future__ import annotations

import http.client
import json as _json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = ["Answer", "ServiceProcess", "free_port"]

Answer = tuple[int, dict[str, str], bytes]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ServiceProcess:
    """`summarizer serve` in a child process; its stdout and stderr go to a log file you can read."""

    def __init__(self, *args: str, env: Mapping[str, str] | None = None, ready_timeout: float = 60.0) -> None:
        self.port = free_port()
        self._args = [str(Path(sys.executable).with_name("summarizer")), "serve", "--port", str(self.port), *args]
        self._env = {**os.environ, **(env or {})}
        self._ready_timeout = ready_timeout
        self._log = tempfile.NamedTemporaryFile(prefix="summarizer-serve-", suffix=".log", delete=False)  # noqa: SIM115 - kept open for the process's life
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServiceProcess:
        self.process = subprocess.Popen(self._args, env=self._env, stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self._ready_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"summarizer serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.call("GET", "/healthz", timeout=1)[0] == 200:
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"summarizer serve did not answer /healthz within {self._ready_timeout:g}s:\n{self.log()}")

    def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> Answer:
        """One request on a new connection: (status, headers with lower-case names, body)."""
        sent = dict(headers or {})
        if json is not None:
            body = _json.dumps(json).encode()
            sent.setdefault("Content-Type", "application/json")
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def log(self) -> str:
        """Everything the server wrote to stdout and stderr so far."""
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")

    def terminate(self) -> None:
        """Send SIGTERM (a graceful shutdown) without waiting."""
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL: no shutdown at all, as a crash or an OOM kill."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM, then wait; the exit code."""
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        return self.process.returncode

    def __enter__(self) -> ServiceProcess:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
        self._log.close()
        Path(self._log.name).unlink(missing_ok=True)
