"""The eval suite: the real summarize flow over fixed cases, then scoring.

    python -m evals                       # recorded model behind FakeOpenAIServer (what CI runs)
    python -m evals --model extractive    # the extractive engine, no model
    python -m evals --live                # the endpoint in OPENAI_API_KEY / OPENAI_BASE_URL / SUMMARIZER_MODEL

    from evals import run_suite
    report = run_suite("recorded")        # a SuiteReport: per-case scores and checks, totals, ok

With the recorded model nothing is mocked inside the library: `Summarizer` talks real HTTP through
the real openai SDK to a local `FakeOpenAIServer`, whose responder answers each request with the
recording of the article it finds in the request, and each re-ask with the recording's next answer.
This module runs the cases; `cases` holds them, `scoring` scores them, `report` shows them.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Literal

from summarizer import Summarizer, SummarizerError
from summarizer.config import Settings
from summarizer.errors import ConfigError
from summarizer.prompts import fence_article
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply

from .cases import CASES, Case, Recording, article_key, load_recording
from .report import CaseResult, SuiteReport, build_report, render_table
from .scoring import Expectation, judge, score

__all__ = [
    "CASES",
    "Case",
    "CaseResult",
    "LiveNotConfiguredError",
    "Model",
    "RecordedModel",
    "Recording",
    "SuiteReport",
    "render_table",
    "run_suite",
]

Model = Literal["recorded", "extractive", "live"]
_ARTICLE_IN_PROMPT = re.compile(r"<article>(.*)</article>", re.DOTALL)


class LiveNotConfiguredError(ConfigError):
    """--live without a model endpoint in the environment."""


class RecordedModel:
    """A `FakeOpenAIServer` responder that answers from recordings, keyed by the article in the prompt.

    Which answer to give is read from the request itself: the first request has no assistant turn,
    a re-ask carries the earlier answer as one, so the number of assistant turns is the answer's index.
    Anything unexpected is answered with a 400 that says what went wrong: 400 is never retried, so
    the case fails at once with that message instead of hanging or looping.
    """

    def __init__(self, recordings: Sequence[tuple[str, Recording]]) -> None:
        # (article text, recording): matched on a hash of the article as it appears in the prompt.
        self._by_article = {article_key(fence_article(article)): recording for article, recording in recordings}
        self._lock = threading.Lock()
        self.served: list[tuple[str, int]] = []

    def __call__(self, request: RecordedRequest) -> Reply:
        messages = request.json.get("messages", []) if isinstance(request.json, dict) else []
        user = next((m.get("content") for m in messages if m.get("role") == "user"), None)
        found = _ARTICLE_IN_PROMPT.search(user) if isinstance(user, str) else None
        if found is None:
            return Reply.status(400, message="recorded model: no <article> in the first user message")
        recording = self._by_article.get(article_key(found.group(1)))
        if recording is None:
            return Reply.status(400, message="recorded model: no recording for this article")
        turn = sum(1 for m in messages if m.get("role") == "assistant")
        if turn >= len(recording.answers):
            return Reply.status(
                400,
                message=f"recorded model: case {recording.case} has {len(recording.answers)} recorded "
                f"answer(s); the pipeline asked for answer {turn + 1}",
            )
        with self._lock:
            self.served.append((recording.case, turn))
        answer = recording.answers[turn]
        return Reply.json(answer.answer, usage=(answer.prompt_tokens, answer.completion_tokens))


def run_suite(
    model: Model = "recorded",
    cases: Sequence[Case] = CASES,
    *,
    recordings: Mapping[str, Recording] | None = None,
) -> SuiteReport:
    """Run every case with one engine and score it.

    `recordings` (case name -> Recording) replaces the files in evals/recordings, so a test can
    feed the suite a wrong answer and see it fail. Raises LiveNotConfiguredError for --live with
    no endpoint configured.
    """
    if model == "recorded":
        return _run_recorded(cases, recordings)
    if model == "extractive":
        settings = Settings(engine="extractive", use_cache=False)
    else:
        settings = Settings.from_env(engine="openai", use_cache=False)
        if not settings.model_configured:
            raise LiveNotConfiguredError(
                "--live needs a model endpoint: set OPENAI_API_KEY (and SUMMARIZER_MODEL to pick a model), or "
                "OPENAI_BASE_URL for a local OpenAI-compatible server; or run the recorded suite without --live"
            )
    with Summarizer(settings) as summarizer:
        results = [_run_case(summarizer, case, None) for case in cases]
    name = "extractive" if model == "extractive" else f"live {settings.model}"
    return build_report(name, results)


def _run_recorded(cases: Sequence[Case], recordings: Mapping[str, Recording] | None) -> SuiteReport:
    results: dict[str, CaseResult] = {}
    runnable: list[tuple[Case, str, Recording]] = []
    for case in cases:
        article = case.article()
        recording = load_recording(case) if recordings is None else recordings.get(case.name)
        if article is None:
            results[case.name] = _skipped(case, case.missing_reason())
        elif recording is None:
            # Third-party cases have none on purpose: a recorded answer would quote their text.
            results[case.name] = _skipped(case, "no recording (recordings exist for our own articles only)")
        else:
            runnable.append((case, article, recording))
    responder = RecordedModel([(article, recording) for _, article, recording in runnable])
    with _recorded_summarizer(responder) as summarizer:
        for case, _, recording in runnable:
            results[case.name] = _run_case(summarizer, case, recording)
    return build_report("recorded", [results[case.name] for case in cases])


@contextmanager
def _recorded_summarizer(responder: RecordedModel) -> Iterator[Summarizer]:
    with FakeOpenAIServer(responder=responder) as server:
        settings = Settings(
            engine="openai",
            model="recorded",
            base_url=server.base_url,
            # The SDK insists on a key; this one only ever reaches 127.0.0.1. Errors redact the key
            # wherever it appears, so it must not be a word those messages use.
            api_key="fake-server-key",
            use_cache=False,
            timeout=10.0,
            # A recording never fails in transport; one attempt keeps a broken recording a fast, clear failure.
            max_attempts=1,
        )
        with Summarizer(settings) as summarizer:
            yield summarizer


def _run_case(summarizer: Summarizer, case: Case, recording: Recording | None) -> CaseResult:
    article = case.article()
    if article is None:
        return _skipped(case, case.missing_reason())
    try:
        result = summarizer.summarize(article, title=case.title)
    except SummarizerError as error:
        return CaseResult(case=case.name, status="error", scores=None, checks=[], reason=str(error))
    # One broken case must not hide the scores of the others; the row names the exception.
    except Exception as error:
        reason = f"{type(error).__name__}: {error} (a bug, not a model failure)"
        return CaseResult(case=case.name, status="error", scores=None, checks=[], reason=reason)
    expectation = None
    if recording is not None:
        expectation = Expectation(flagged=recording.expect_flagged, grounding_reasks=recording.expect_grounding_reasks)
    scores = score(case, result)
    checks = judge(case, scores, expectation)
    return CaseResult(
        case=case.name,
        status="passed" if all(check.passed for check in checks) else "failed",
        scores=scores,
        checks=checks,
        expect_flagged=list(expectation.flagged) if expectation else [],
    )


def _skipped(case: Case, reason: str) -> CaseResult:
    return CaseResult(case=case.name, status="skipped", scores=None, checks=[], reason=reason)
