"""Prometheus metrics: requests, latency, model attempts, cache hits, figures flagged, backpressure, batch jobs.

One registry per app (not prometheus_client's global one), so several apps in one process -- tests
-- never collide. With `--workers N` each worker process counts its own requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.result import SummaryResult

from .jobs import JobsSummary

__all__ = ["CONTENT_TYPE_LATEST", "Metrics", "MetricsMiddleware"]

# Latency buckets from a cache hit (milliseconds) to a slow model with re-asks (minutes).
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300)


class Metrics:
    """The service's instruments, on their own registry."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "summarizer_http_requests", "HTTP requests answered.", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "summarizer_http_request_duration_seconds",
            "Time from request to response.",
            ["route"],
            buckets=_BUCKETS,
            registry=r,
        )
        self.summaries = Counter(
            "summarizer_summaries", "Summaries made, by engine and cache outcome.", ["engine", "cache"], registry=r
        )
        self.model_attempts = Counter(
            "summarizer_model_attempts", "HTTP requests sent to the model endpoint (retries included).", registry=r
        )
        self.reasks = Counter("summarizer_model_reasks", "Re-asks after invalid or ungrounded answers.", registry=r)
        self.tokens = Counter("summarizer_model_tokens", "Tokens used, by kind.", ["kind"], registry=r)
        self.cache_hits = Counter("summarizer_cache_hits", "Summaries served from the cache.", registry=r)
        self.figures_flagged = Counter(
            "summarizer_figures_flagged", "Figures and claims the article does not support.", registry=r
        )
        self.rejected = Counter("summarizer_rejected", "Requests turned away, by reason.", ["reason"], registry=r)
        self.in_flight = Gauge(
            "summarizer_summaries_in_flight", "Model calls out now (at most --max-in-flight).", registry=r
        )
        self.queued = Gauge("summarizer_summaries_queued", "Summaries waiting for a model slot.", registry=r)

    def record(self, result: SummaryResult) -> None:
        """Count one finished summary."""
        p = result.provenance
        self.summaries.labels(p.engine, "hit" if p.cache_hit else "miss").inc()
        self.model_attempts.inc(p.attempts)
        self.reasks.inc(p.reasks + p.grounding_reasks)
        self.tokens.labels("prompt").inc(p.usage.prompt_tokens)
        self.tokens.labels("completion").inc(p.usage.completion_tokens)
        if p.cache_hit:
            self.cache_hits.inc()
        self.figures_flagged.inc(len(result.flagged))

    def watch(self, running: Callable[[], float], waiting: Callable[[], float]) -> None:
        """Read the backpressure gauges from the admission control at scrape time."""
        self.in_flight.set_function(running)
        self.queued.set_function(waiting)

    def watch_jobs(self, summary: Callable[[], JobsSummary]) -> None:
        """Read the batch jobs' summary from the jobs directory at scrape time (it holds every worker's jobs)."""
        self.registry.register(_BatchJobs(summary))

    def exposition(self) -> bytes:
        """The Prometheus text format."""
        return generate_latest(self.registry)


class _BatchJobs(Collector):
    """Batch jobs by status and their articles by outcome, as the jobs directory holds them now."""

    def __init__(self, summary: Callable[[], JobsSummary]) -> None:
        self._summary = summary

    def collect(self) -> Iterator[Metric]:
        summary = self._summary()
        jobs = GaugeMetricFamily("summarizer_batch_jobs", "Batch jobs on disk, by status.", labels=["status"])
        for status, count in summary.jobs.items():
            jobs.add_metric([status], count)
        yield jobs
        articles = GaugeMetricFamily(
            "summarizer_batch_articles", "Articles of the batch jobs on disk, by outcome.", labels=["status"]
        )
        for outcome, count in (("ok", summary.ok), ("failed", summary.failed), ("pending", summary.pending)):
            articles.add_metric([outcome], count)
        yield articles


class MetricsMiddleware:
    """Counts every HTTP request by route template (never the raw path: ids would explode the labels)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def recording_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording_send)
        finally:
            route = scope.get("route")
            template = getattr(route, "path", None) or "(unmatched)"
            self.metrics.requests.labels(scope["method"], template, str(status)).inc()
            self.metrics.latency.labels(template).observe(time.perf_counter() - started)
            if status == 429:
                self.metrics.rejected.labels("busy").inc()
