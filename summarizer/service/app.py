"""The FastAPI application: routes over the library's pipeline, with backpressure, auth, metrics and problems.

`create_app()` builds it from the same settings as the CLI (`Settings.from_env`) plus the service's
own (`ServiceSettings.from_env`); `summarizer serve` runs it on uvicorn.
"""

from __future__ import annotations

import importlib.metadata
import logging
import sys
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

import anyio
from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from starlette.datastructures import UploadFile

from summarizer.cache import DiskCache
from summarizer.chat import ModelClient
from summarizer.client import OpenAIClient
from summarizer.config import Settings
from summarizer.errors import SummarizerError
from summarizer.grounding import GroundingReport, verify
from summarizer.limits import SWITCH_INTERVAL
from summarizer.pipeline import Summarizer
from summarizer.render import to_markdown
from summarizer.result import SummaryResult

from .admission import Admission, BodyLimit, Ran, ShedLoad
from .auth import BearerAuth
from .jobs import JobRunner, JobState, JobStore
from .metrics import CONTENT_TYPE_LATEST, Metrics, MetricsMiddleware
from .models import Health, SummaryOptions, SummaryRequest, VerifyRequest
from .problems import HANDLERS, Problem, ServiceError, from_error
from .settings import ServiceSettings

log = logging.getLogger("summarizer.service")

# A readiness answer is reused this long, so a busy prober does not turn into load on the model endpoint.
_READY_TTL = 5.0

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "description": description}
    for code, description in {
        400: "The body is not valid JSON.",
        401: "A token is required and none (or an unknown one) was sent.",
        413: "The body is larger than the server accepts.",
        415: "The body is not JSON.",
        422: "The request is invalid: an unknown or missing field, an empty article, an article too long.",
        429: "The server is at capacity; retry after the Retry-After header's seconds.",
        502: "The model endpoint refused the request or kept answering unusable output.",
        404: "No such batch job.",
        503: "The model endpoint kept failing (Retry-After says when to try again), or the server is closing.",
        504: "The summary took longer than the server's deadline.",
    }.items()
}


class Service:
    """The parts of a running server: summarizers per option set, admission control, metrics, probes."""

    def __init__(self, settings: Settings, config: ServiceSettings) -> None:
        self.settings = settings
        self.config = config
        self.metrics = Metrics()
        self.limits = config.limits(settings)
        limits = self.limits
        self.admission = Admission(slots=limits.max_in_flight, queue=limits.queue, deadline=limits.deadline)
        self.metrics.watch(lambda: self.admission.running, lambda: self.admission.waiting)
        self._summarizers: dict[Settings, Summarizer] = {}
        self._clients: list[ModelClient] = []  # built here, so closed here
        self._lock = threading.Lock()
        self._ready: tuple[float, dict[str, str]] | None = None
        # Built now, so a configuration error stops the server at start rather than failing every request.
        self.summarizer_for(None)
        self.jobs = JobRunner(JobStore(config.jobs_dir), settings, concurrency=self.limits.batch_concurrency)
        self.metrics.watch_jobs(self.jobs.store.summary)

    def summarizer_for(self, options: SummaryOptions | None) -> Summarizer:
        """The Summarizer for these options; one per distinct configuration, sharing the cache directory."""
        settings = self.settings
        if options is not None:
            settings = settings.with_changes(
                **{
                    name: value
                    for name, value in options.model_dump().items()
                    if value is not None and (name != "refresh" or value)
                }
            )
        with self._lock:
            if settings not in self._summarizers:
                self._summarizers[settings] = Summarizer(settings, client=self._client_for(settings))
            return self._summarizers[settings]

    def _client_for(self, settings: Settings) -> ModelClient | None:
        """A model client whose calls pass the admission gate; None where the Summarizer needs none (or says why)."""
        if settings.resolved_engine() != "openai" or not settings.model_configured:
            return None
        client = self.admission.gate.guard(OpenAIClient(settings))
        self._clients.append(client)
        return client

    async def summarize(self, request: SummaryRequest) -> Ran[SummaryResult]:
        """One summary, through admission control (with its wait and work times); counted in the metrics."""
        summarizer = self.summarizer_for(request.options)
        ran = await self.admission.run(lambda: summarizer.summarize(request.text, title=request.title))
        self.metrics.record(ran.value)
        return ran

    def readiness(self) -> dict[str, str]:
        """'ok' or the problem, per dependency: the model endpoint and the cache (blocking; reused briefly)."""
        now = time.monotonic()
        if self._ready is not None and now - self._ready[0] < _READY_TTL:
            return self._ready[1]
        checks = {"model": self._check_model(), "cache": self._check_cache()}
        self._ready = (now, checks)
        return checks

    def _check_model(self) -> str:
        if self.settings.resolved_engine() == "extractive":
            return "ok (extractive engine, no model)"
        client = OpenAIClient(self.settings)
        try:
            client.check()
        except SummarizerError as error:
            return f"{type(error).__name__}: {error}"
        finally:
            client.close()
        return "ok"

    def _check_cache(self) -> str:
        if not self.settings.use_cache:
            return "ok (cache off)"
        try:
            cache = DiskCache(self.settings.cache_dir)
            try:
                cache.set("readyz-probe", {"at": time.time()})
                if cache.get("readyz-probe") is None:
                    return f"the cache at {self.settings.cache_dir} did not return what was stored"
            finally:
                cache.close()
        except (SummarizerError, OSError) as error:
            return f"{type(error).__name__}: {error}"
        except Exception as error:  # sqlite3 errors and the like: the cache is unusable, say which
            return f"the cache at {self.settings.cache_dir} is unusable ({type(error).__name__})"
        return "ok"

    def close(self) -> None:
        """Finish admitted work, then release every summarizer's connections and cache."""
        self.admission.close()
        with self._lock:
            summarizers, self._summarizers = list(self._summarizers.values()), {}
            clients, self._clients = self._clients, []
        for summarizer in summarizers:
            summarizer.close()
        for client in clients:
            close = getattr(client, "close", None)
            if callable(close):
                close()


def get_service(request: Request) -> Service:
    """The running Service (a FastAPI dependency)."""
    service: Service = request.app.state.service
    return service


ServiceDep = Annotated[Service, Depends(get_service)]


def create_app(settings: Settings | None = None, config: ServiceSettings | None = None) -> FastAPI:
    """The API, configured from the environment unless settings are given."""
    settings = settings or Settings.from_env()
    config = config or ServiceSettings.from_env()
    service = Service(settings, config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.jobs.start()
        yield
        # uvicorn has stopped accepting and drained the connections: checkpoint the batch jobs (articles
        # in flight may finish within the deadline), then finish what is left, off the loop.
        await service.jobs.stop(grace=service.limits.deadline)
        await anyio.to_thread.run_sync(service.close)

    app = FastAPI(
        title="summarizer",
        version=importlib.metadata.version("summarizer"),
        summary="Structured, source-grounded news summaries with every figure checked against the article.",
        lifespan=lifespan,
        exception_handlers=HANDLERS,
        responses=_ERRORS,
    )
    app.state.service = service
    # The last added runs first: count everything, then ask for a token, then look at the body's size.
    app.add_middleware(ShedLoad, admission=service.admission, paths=frozenset({"/v1/summaries"}))
    app.add_middleware(BodyLimit, limits=config.body_limit)
    app.add_middleware(BearerAuth, tokens=config.all_tokens())
    app.add_middleware(MetricsMiddleware, metrics=service.metrics)

    @app.post(
        "/v1/summaries",
        response_model=SummaryResult,
        responses={200: {"content": {"text/markdown": {}}}},
        tags=["summaries"],
    )
    async def create_summary(
        body: SummaryRequest,
        service: ServiceDep,
        format: Annotated[Literal["json", "markdown"], Query(description="json, or markdown for reading")] = "json",
    ) -> Response:
        """Summarise one article: summary, key points, figures and claims, each figure checked against it."""
        ran = await service.summarize(body)
        # Server-Timing: how long it queued and how long it worked, so a caller can tell backpressure from work.
        timing = {"Server-Timing": ran.server_timing()}
        if format == "markdown":
            markdown = to_markdown(ran.value, title=body.title)
            return PlainTextResponse(markdown, media_type="text/markdown; charset=utf-8", headers=timing)
        return Response(ran.value.model_dump_json(), media_type="application/json", headers=timing)

    @app.post("/v1/verify", response_model=GroundingReport, tags=["summaries"])
    async def verify_summary(body: VerifyRequest) -> Response:
        """Check every figure and claim of a summary against its article."""
        report = await anyio.to_thread.run_sync(verify, body.article, body.summary)
        return Response(report.model_dump_json(), media_type="application/json")

    @app.post(
        "/v1/batches",
        status_code=202,
        response_model=JobState,
        tags=["batches"],
        openapi_extra={"requestBody": _BATCH_BODY},
    )
    async def create_batch(request: Request, service: ServiceDep) -> Response:
        """Start a batch job: one JSON object per line, `{"id"?, "text", "title"?, ...}` (other fields are carried
        to the output). Send JSON Lines as the body, or upload a file as the form field `file`. The job runs in
        the background and survives a restart; poll /v1/batches/{id}, then read /v1/batches/{id}/results."""
        lines = await _batch_lines(request)
        state = await anyio.to_thread.run_sync(service.jobs.store.create, lines, _caller(request))
        service.jobs.claim(state.id)
        return Response(
            state.model_dump_json(),
            status_code=202,
            media_type="application/json",
            headers={"Location": f"/v1/batches/{state.id}"},
        )

    @app.get("/v1/batches/{job_id}", response_model=JobState, tags=["batches"])
    async def batch_status(job_id: str, request: Request, service: ServiceDep) -> Response:
        """A batch job's progress: queued, running or done, with counts of articles ok, failed and cached.
        With tokens configured, a job is visible only with the token that created it (others get 404)."""
        state = await anyio.to_thread.run_sync(service.jobs.store.state, job_id, _caller(request))
        if state is None:
            raise _no_such_job(job_id)
        return Response(state.model_dump_json(), media_type="application/json")

    @app.get(
        "/v1/batches/{job_id}/results",
        tags=["batches"],
        response_class=StreamingResponse,
        responses={200: {"content": {"application/x-ndjson": {}}, "description": "One JSON object per article."}},
    )
    async def batch_results(job_id: str, request: Request, service: ServiceDep) -> StreamingResponse:
        """The results so far, one JSON line per finished article: {"id", "status": "ok", "result", "provenance"}
        or {"id", "status": "error", "error": {"type", "message"}}. Complete once the job's status is done."""
        if not await anyio.to_thread.run_sync(service.jobs.store.exists, job_id, _caller(request)):
            raise _no_such_job(job_id)
        return StreamingResponse(service.jobs.store.stream_results(job_id), media_type="application/x-ndjson")

    @app.get("/healthz", tags=["operations"])
    async def healthz() -> Health:
        """The process is alive and answering."""
        return Health(status="ok")

    @app.get("/readyz", tags=["operations"])
    async def readyz(service: ServiceDep) -> Response:
        """The model endpoint answers and takes our key, and the cache can be written and read."""
        checks = await anyio.to_thread.run_sync(service.readiness)
        failed = {name: state for name, state in checks.items() if not state.startswith("ok")}
        if failed:
            detail = "; ".join(f"{name}: {state}" for name, state in failed.items())
            raise ServiceError(503, "Not Ready", detail, slug="not-ready", retry_after=_READY_TTL)
        return Response(Health(status="ready", checks=checks).model_dump_json(), media_type="application/json")

    @app.get("/metrics", tags=["operations"], response_class=PlainTextResponse)
    async def metrics(service: ServiceDep) -> Response:
        """Prometheus metrics: requests, latency, model attempts, cache hits, figures flagged, backpressure, and
        batch jobs by status with their articles by outcome."""
        # Off the loop: the batch jobs' figures are read from the jobs directory.
        exposition = await anyio.to_thread.run_sync(service.metrics.exposition)
        return Response(exposition, media_type=CONTENT_TYPE_LATEST)

    return app


_JSONL_TYPES = frozenset(
    {"application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines"}
)
_BATCH_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "application/x-ndjson": {"schema": {"type": "string"}, "example": '{"id": "a1", "text": "..."}\n'},
        "multipart/form-data": {
            "schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}
        },
    },
}


async def _batch_lines(request: Request) -> list[bytes]:
    """The lines of a batch: the body itself (JSON Lines) or the uploaded file `file` (multipart)."""
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media == "multipart/form-data":
        form = await request.form()
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ServiceError(
                422, "Invalid Request", "upload the JSON Lines file as the form field 'file'", slug="invalid-request"
            )
        data = await upload.read()
    elif media in _JSONL_TYPES:
        data = await request.body()
    else:
        raise ServiceError(
            415,
            "Unsupported Media Type",
            f"send the batch as JSON Lines (Content-Type: application/x-ndjson) or upload it as the form field "
            f"'file' (multipart/form-data), not {media or 'no type'}",
            slug="unsupported-media-type",
        )
    return data.splitlines()


def _caller(request: Request) -> str:
    """Who is calling (set by BearerAuth): whose batch jobs they may see."""
    caller: str = request.state.caller
    return caller


def _no_such_job(job_id: str) -> ServiceError:
    return ServiceError(
        404, "Not Found", f"there is no batch job {job_id!r}; POST /v1/batches starts one", slug="no-job"
    )


def app_from_env() -> FastAPI:
    """An app configured from the environment alone: what each `--workers N` process builds."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    return create_app()


__all__ = ["Service", "app_from_env", "create_app", "from_error"]
