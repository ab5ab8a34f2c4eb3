"""Load on `summarizer serve`: throughput against its bound on model calls, added latency, and overload.

    .venv/bin/python benchmarks/service_load.py [--slots 5 10 20] [--seconds 15] [--clients 400]

The fake model runs as its own process and answers after 1 s; the real server runs as its own
process (`summarizer serve --max-in-flight N --queue 2N`); 400 clients in this process (asyncio,
keep-alive connections) send distinct copies of the example article, so every request is a cache
miss and a real model call. Three measurements, each a ratio against a baseline from the same run:

1. CPU ceiling: the model answers at once; summaries/s the server manages on this machine right now.
2. For each N: 400 clients for `--seconds`; a client told 429 waits its Retry-After (plus jitter) and
   tries again, as a good client does. Throughput against N / model latency (the target: >= 0.90)
   and against the CPU ceiling when that is lower. Latency of requests sent after the warm-up (the
   first meet 400 connections opening at once; added p99 is shown with them too). Added latency = client
   latency - wait for a model slot (the server's Server-Timing header) - model latency; its p99 split
   by the server's own timing (work outside the model slot; time in the slot beyond the model's
   latency); the load average at the end.
3. Overload: arrivals at 5x what N slots can serve, with no retries; counts by status. The aim is
   0 timeouts and 0 5xx: everything beyond capacity gets 429 with a Retry-After.

The machine is shared (2 cores, several engineers): figures move with everyone else's load. The
CPU ceiling is measured in the same run for that reason; read the ratios, not the absolute rates.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

from summarizer.fake_model import FakeModelProcess
from summarizer.service.testing import ServiceProcess

REPO = Path(__file__).resolve().parents[1]
ARTICLE = (REPO / "examples" / "harbour-expansion.txt").read_text(encoding="utf-8")
MODEL_LATENCY = 1.0
CLIENT_TIMEOUT = 60.0


@dataclass
class Sample:
    """One answered request."""

    status: int
    seconds: float
    waited: float | None
    timing: dict[str, float]  # the server's Server-Timing: wait, work, model (ms)
    retry_after: str | None
    finished: float


@dataclass
class Run:
    """Every request of one phase."""

    samples: list[Sample] = field(default_factory=list)
    timeouts: int = 0
    errors: int = 0  # connection failures

    def ok(self) -> list[Sample]:
        return [s for s in self.samples if s.status == 200]


class Connection:
    """A minimal HTTP/1.1 keep-alive client: enough for a load generator, cheap on CPU."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> tuple[int, dict[str, str]]:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self._reader is not None
        head = (
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        )
        self._writer.write(head.encode() + body)
        await self._writer.drain()
        status_line = await self._reader.readline()
        if not status_line:
            raise ConnectionResetError("the server closed the connection")
        status = int(status_line.split()[1])
        headers: dict[str, str] = {}
        while (line := await self._reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        await self._reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, headers

    @property
    def open(self) -> bool:
        return self._writer is not None

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


class Articles:
    """Distinct copies of the example article (each its own cache key), with an optional fake-model marker."""

    def __init__(self, marker: str = "") -> None:
        self._marker = marker
        self._next = 0

    def body(self) -> bytes:
        self._next += 1
        # The fake model obeys the first marker it finds: the caller's, then the id that makes the text unique.
        text = f"{ARTICLE}\n{self._marker} [fake:id={os.getpid()}{time.monotonic_ns()}{self._next}]"
        return json.dumps({"text": text}).encode()


async def _send(connection: Connection, body: bytes, run: Run) -> Sample | None:
    started = time.monotonic()
    for attempt in (1, 2):
        reused = connection.open
        try:
            status, headers = await asyncio.wait_for(connection.post("/v1/summaries", body), CLIENT_TIMEOUT)
            break
        except TimeoutError:
            run.timeouts += 1
            connection.close()
            return None
        except OSError:
            connection.close()
            # A kept-alive connection the server closed meanwhile: HTTP clients resend on a new one.
            if attempt == 2 or not reused:
                run.errors += 1
                return None
    now = time.monotonic()
    timing = _timing_of(headers)
    waited = timing["wait"] / 1000 if "wait" in timing else None
    sample = Sample(status, now - started, waited, timing, headers.get("retry-after"), now)
    run.samples.append(sample)
    return sample


def _timing_of(headers: dict[str, str]) -> dict[str, float]:
    timing = {}
    for part in headers.get("server-timing", "").split(","):
        name, _, duration = part.strip().partition(";dur=")
        if duration:
            timing[name] = float(duration)
    return timing


def backoff(retry_after: str | None) -> float:
    """What a good client waits after a 429: the Retry-After, plus up to half as much again at random.

    Without the jitter every client turned away in the same second comes back in the same second,
    and those herds of 429s take the server's CPU (and its GIL) from the requests it is serving.
    """
    wait = float(retry_after or 1)
    return wait * (1 + random.random() / 2)


async def closed_loop(port: int, clients: int, seconds: float, marker: str = "") -> tuple[Run, float]:
    """`clients` clients, each sending one request after another (waiting out any Retry-After) for `seconds`."""
    run, articles = Run(), Articles(marker)
    stop = time.monotonic() + seconds

    async def client() -> None:
        connection = Connection(port)
        body = articles.body()
        while time.monotonic() < stop:
            sample = await _send(connection, body, run)
            if sample is not None and sample.status == 429:
                await asyncio.sleep(backoff(sample.retry_after))
                continue  # the same article again
            body = articles.body()
        connection.close()

    started = time.monotonic()
    await asyncio.gather(*(client() for _ in range(clients)))
    return run, started


async def open_loop(port: int, clients: int, rate: float, seconds: float) -> Run:
    """Arrivals at `rate` per second for `seconds`, on a pool of `clients` connections; no retries."""
    run, articles = Run(), Articles()
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(clients):
        idle.put_nowait(Connection(port))
    backlog = 0

    async def one(body: bytes) -> None:
        connection = await idle.get()
        try:
            await _send(connection, body, run)
        finally:
            idle.put_nowait(connection)

    tasks = []
    started = time.monotonic()
    for n in range(int(rate * seconds)):
        delay = started + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        backlog = max(backlog, clients - idle.qsize())
        tasks.append(asyncio.create_task(one(articles.body())))
    await asyncio.gather(*tasks)
    while not idle.empty():
        idle.get_nowait().close()
    return run


def throughput(run: Run, started: float, seconds: float, warmup: float) -> float:
    """Successful answers per second after the warm-up."""
    window = [s for s in run.ok() if started + warmup <= s.finished <= started + seconds]
    return len(window) / (seconds - warmup)


def steady(samples: list[Sample], started: float, warmup: float) -> list[Sample]:
    """The requests sent after the warm-up (those sent in the first second meet 400 new connections)."""
    return [s for s in samples if s.finished - s.seconds >= started + warmup]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--slots", type=int, nargs="+", default=[5, 10, 20], help="Values of N (--max-in-flight).")
    parser.add_argument("--seconds", type=float, default=15.0, help="Length of each measured phase.")
    parser.add_argument("--warmup", type=float, default=4.0, help="Seconds of each phase left out of throughput.")
    parser.add_argument("--clients", type=int, default=400)
    parser.add_argument("--overload-slots", type=int, default=10, help="N for the overload phase.")
    args = parser.parse_args()

    print(f"summarizer serve under load: {args.clients} clients, fake model at {MODEL_LATENCY:g}s latency")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start (shared)")
    with TemporaryDirectory() as directory, FakeModelProcess(latency=MODEL_LATENCY) as model:

        def server(slots: int, tag: str) -> ServiceProcess:
            env = {
                "OPENAI_BASE_URL": model.base_url,
                "OPENAI_API_KEY": "sk-bench",
                "SUMMARIZER_MODEL": "bench-model",
                "SUMMARIZER_CACHE_DIR": f"{directory}/{tag}/cache",
                "SUMMARIZER_SERVE_JOBS_DIR": f"{directory}/{tag}/jobs",
            }
            return ServiceProcess("--max-in-flight", str(slots), "--queue", str(2 * slots), env=env)

        # 1. The CPU ceiling: no model latency, enough slots that only CPU limits the rate.
        with server(32, "ceiling") as service:
            assert service.process is not None
            cpu_before = cpu_seconds(service.process.pid)
            run, started = asyncio.run(closed_loop(service.port, 64, args.seconds, marker="[fake:stall=0]"))
            ceiling = throughput(run, started, args.seconds, args.warmup)
            cpu_ms = (cpu_seconds(service.process.pid) - cpu_before) * 1000 / max(len(run.ok()), 1)
        print(
            f"\n1. CPU ceiling (model answers at once): {ceiling:.1f} summaries/s; server CPU {cpu_ms:.1f} ms/summary"
        )

        # 2. Throughput and added latency against N slots.
        print(f"\n2. {args.clients} clients, model at {MODEL_LATENCY:g}s, --max-in-flight N --queue 2N")
        print(
            "   N   ideal/s  got/s  got/N   200s   429s  5xx  timeouts  p50 s  p99 s  added p50 ms  added p99 ms  load"
        )
        for slots in args.slots:
            with server(slots, f"n{slots}") as service:
                run, started = asyncio.run(closed_loop(service.port, args.clients, args.seconds))
            load = os.getloadavg()[0]
            ideal = min(slots / MODEL_LATENCY, ceiling)
            got = throughput(run, started, args.seconds, args.warmup)
            # Latency of the requests sent after the warm-up, as throughput counts answers after it: the
            # first requests meet 400 connections opening at once in a cold process; shown apart below.
            ok = steady(run.ok(), started, args.warmup)
            added = [(s.seconds - (s.waited or 0.0) - MODEL_LATENCY) * 1000 for s in ok]
            added_all = [(s.seconds - (s.waited or 0.0) - MODEL_LATENCY) * 1000 for s in run.ok()]
            statuses = [s.status for s in run.samples]
            latency = [s.seconds for s in ok]
            print(
                f"  {slots:3d}  {ideal:7.1f}  {got:5.1f}  {got * MODEL_LATENCY / slots:5.2f}  {len(run.ok()):5d}"
                f"  {statuses.count(429):5d}  {sum(st >= 500 for st in statuses):3d}  {run.timeouts:8d}"
                f"  {percentile(latency, 50):5.2f}  {percentile(latency, 99):5.2f}  {percentile(added, 50):12.0f}"
                f"  {percentile(added, 99):12.0f}  {load:4.1f}"
            )
            outside = [s.timing["work"] - s.timing["model"] for s in ok]
            beyond = [s.timing["model"] - MODEL_LATENCY * 1000 for s in ok]
            print(
                f"       added p99 split by the server's timing: work outside the model slot "
                f"{percentile(outside, 99):.0f} ms, in the slot beyond the model's {MODEL_LATENCY:g} s "
                f"{percentile(beyond, 99):.0f} ms; added p99 with the warm-up: {percentile(added_all, 99):.0f} ms"
            )
            if ideal < slots / MODEL_LATENCY:
                print(f"       (the CPU ceiling, {ceiling:.1f}/s, is below N/s: got/ceiling {got / ceiling:.2f})")

        # 3. Overload: 5x the arrivals N slots can serve.
        slots = args.overload_slots
        rate = 5 * min(slots / MODEL_LATENCY, ceiling)
        with server(slots, "overload") as service:
            run = asyncio.run(open_loop(service.port, args.clients, rate, args.seconds))
        statuses = [s.status for s in run.samples]
        rejected = [s for s in run.samples if s.status == 429]
        without_retry_after = sum(s.retry_after is None for s in rejected)
        others = sorted({st for st in statuses if st not in (200, 429)})
        print(
            f"\n3. overload: {rate:.0f} arrivals/s for {args.seconds:g}s against N={slots} (5x capacity), no retries; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        print(
            f"   {len(statuses)} answered: {statuses.count(200)} x 200, {len(rejected)} x 429 "
            f"({without_retry_after} without Retry-After), other statuses {others or 'none'}; "
            f"{sum(st >= 500 for st in statuses)} x 5xx, {run.timeouts} timeouts, {run.errors} connection errors"
        )
        p99_rejected = percentile([s.seconds * 1000 for s in rejected], 99)
        print(f"   a 429 took {p99_rejected:.0f} ms at p99; served: {statuses.count(200) / args.seconds:.1f}/s")
    sys.exit(0)


if __name__ == "__main__":
    main()
