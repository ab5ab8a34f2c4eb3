"""Run the cases through the real summarize flow with one model, then score each result.

Recorded models (`mock`, `mock-sloppy`, `mock-obedient`, a directory written by `--record`) and the authoring
models (`reference`, `sloppy`, `obedient`) answer from a `FakeOpenAIServer` on 127.0.0.1: the real
`Summarizer`, real openai SDK, real HTTP, validation, grounding and its re-ask, and a real
diskcache directory (a throwaway one, so every run asks the model). `extractive` needs no model;
any other name is a live model at the configured endpoint.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from summarizer import Summarizer, SummarizerError
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.result import SummaryResult
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply

from .cases import Case
from .recordings import SHIPPED_MOCKS, Answer, Forwarder, Recorder, Replay, builtin_recordings, load_recordings
from .report import CaseResult, Status, SuiteReport, Thresholds, below_thresholds, build_report, totals_of
from .scoring import Finding, score, view

__all__ = ["CaseRun", "run_cases", "run_suite", "score_run"]


class _Responder(Protocol):
    def begin(self, case: str) -> None: ...

    def __call__(self, request: RecordedRequest) -> Reply: ...


@dataclass(frozen=True, slots=True)
class CaseRun:
    """One case after the model: its article and the result, or why there is none."""

    case: Case
    article: str | None
    result: SummaryResult | None
    error: str | None = None
    stale: bool = False


def run_suite(
    model: str,
    cases: Sequence[Case],
    *,
    shared: Path | None,
    thresholds: Thresholds,
    record_to: Path | None = None,
    baseline: bool = True,
) -> tuple[SuiteReport, list[CaseRun]]:
    """Run and score every case with `model`; with `baseline`, the extractive engine too, as a reference row."""
    started = time.perf_counter()
    runs = run_cases(model, cases, shared=shared, record_to=record_to)
    results = [score_run(run, thresholds) for run in runs]
    base = None
    if baseline and model != "extractive":
        base = totals_of([score_run(run, thresholds) for run in run_cases("extractive", cases, shared=shared)])
    report = build_report(model, results, thresholds, base)
    return report.model_copy(update={"seconds": time.perf_counter() - started}), runs


def run_cases(
    model: str, cases: Sequence[Case], *, shared: Path | None, record_to: Path | None = None
) -> list[CaseRun]:
    """Summarise every case with `model`; cases whose article is absent come back with no result."""
    articles = [(case, case.article(shared)) for case in cases]
    present = [(case, text) for case, text in articles if text is not None]
    if model == "extractive":
        if record_to is not None:
            raise ConfigError("--record needs a model; the extractive engine has nothing to record")
        with Summarizer(Settings(engine="extractive", use_cache=False)) as summarizer:
            done = {case.id: _summarize(summarizer, case, text, None) for case, text in present}
    else:
        responder = _responder(model, cases, record_to)
        if isinstance(responder, Replay):
            present = [(case, text) for case, text in present if case.id in responder.recordings]
        with _served(responder) as summarizer:
            done = {case.id: _summarize(summarizer, case, text, responder) for case, text in present}
        if isinstance(responder, Recorder) and record_to is not None:
            responder.save(record_to)
    return [
        done.get(case.id)
        or CaseRun(
            case, None, None, case.missing_reason(shared) if text is None else _unrecorded(model, case.third_party)
        )
        for case, text in articles
    ]


def _unrecorded(model: str, third_party: bool) -> str:
    if third_party:
        return "no recording: third-party articles are never recorded (answers quote them); use extractive or a model"
    return f"no recording of this case in {model}; record one with --record DIR"


def score_run(run: CaseRun, thresholds: Thresholds) -> CaseResult:
    """The case's scores, findings and verdict."""
    case = run.case
    if run.article is None:
        return CaseResult(case=case.id, status="skipped", reason=run.error)
    if run.result is None:
        status: Status = "stale" if run.stale else "error"
        finding = Finding(
            kind="stale" if run.stale else "schema",
            figure=case.id,
            expected="a recording made with this prompt and schema" if run.stale else "a valid ArticleSummary",
            found=run.error or "no answer",
        )
        return CaseResult(
            case=case.id,
            status=status,
            reason=run.error,
            scores={"schema_valid": 0.0},
            findings=[finding],
            below=[] if run.stale else ["schema_valid 0.00 < 1.00"],
        )
    result = run.result
    content, derived, findings = score(case, result.summary, result.grounding)
    scores: dict[str, float | None] = {"schema_valid": 1.0, **content}
    below = below_thresholds(scores, thresholds.case)
    usage = result.provenance.usage
    return CaseResult(
        case=case.id,
        status="failed" if below else "passed",
        scores=scores,
        derived=derived,
        reasks=result.provenance.reasks,
        grounding_reasks=result.provenance.grounding_reasks,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        latency_ms=result.provenance.latency_ms,
        findings=findings,
        below=below,
        figures=[view(check) for check in result.grounding.figures],
        summary=result.summary,
    )


def _summarize(summarizer: Summarizer, case: Case, text: str, responder: _Responder | None) -> CaseRun:
    if responder is not None:
        responder.begin(case.id)
    try:
        result = summarizer.summarize(text, title=case.title)
    except SummarizerError as error:
        stale = isinstance(responder, Replay) and case.id in responder.stale
        message = responder.stale[case.id] if isinstance(responder, Replay) and stale else str(error)
        return CaseRun(case, text, None, message, stale=stale)
    return CaseRun(case, text, result)


def _responder(model: str, cases: Sequence[Case], record_to: Path | None) -> _Responder:
    """Who answers behind the fake server: a recording, an authoring model, or (recording) a live one."""
    authored = _authoring_models()
    if model in authored:
        upstream = authored[model](cases)
        return Recorder(upstream=upstream, model=model)
    directory = builtin_recordings(model) if model in SHIPPED_MOCKS else Path(model)
    if model in SHIPPED_MOCKS or directory.is_dir():
        if record_to is not None:
            raise ConfigError(
                "--record needs a live model or an authoring model (reference, sloppy, obedient), not a recording"
            )
        return Replay(load_recordings(directory))
    settings = Settings.from_env(engine="openai", model=model)
    if not settings.model_configured:
        raise ConfigError(
            f"model {model!r} is neither a shipped mock ({', '.join(SHIPPED_MOCKS)}), a recordings directory, "
            "nor reachable: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local OpenAI-compatible server"
        )
    forward = Forwarder(
        base_url=settings.base_url or "https://api.openai.com/v1",
        api_key=settings.api_key,
        model=model,
        # The upstream answer is asked for whole, so the wait is for all of it.
        timeout=settings.request_deadline,
    )
    return Recorder(upstream=forward, model=model)


def _authoring_models() -> dict[str, Callable[[Sequence[Case]], Callable[[RecordedRequest, str], Answer]]]:
    from . import authoring  # noqa: PLC0415 - only the authoring models need it

    return {
        "reference": authoring.reference_model,
        "sloppy": authoring.sloppy_model,
        "obedient": authoring.obedient_model,
    }


@contextmanager
def _served(responder: _Responder) -> Iterator[Summarizer]:
    with (
        FakeOpenAIServer(responder=responder) as server,
        tempfile.TemporaryDirectory(prefix="summarizer-eval-") as cache,
    ):
        settings = Settings(
            engine="openai",
            model="eval-model",
            base_url=server.base_url,
            # The SDK insists on a key; this one only ever reaches 127.0.0.1.
            api_key="fake-server-key",
            # A real diskcache directory, fresh per run: the store path runs, and no answer is reused.
            cache_dir=Path(cache),
            # A live model is asked for its whole answer behind the fake server, so no token arrives until
            # it is done: the wait for the first token is as long as the local deadline (1800 s).
            timeout=1800.0,
            # A recording never fails in transport; one attempt makes a broken recording a fast, clear failure.
            max_attempts=1,
        )
        with Summarizer(settings) as summarizer:
            yield summarizer
