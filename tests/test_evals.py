"""The eval suite: the recorded run passes with the scores it should, and it fails when it should."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from support import REPO, clean_env

# evals/ sits beside the package and is not installed (CI installs a wheel), so import it from the checkout.
sys.path.insert(0, str(REPO))

from evals import CASES, RecordedModel, run_suite
from evals.cases import Case, ExpectedFigure, RecordedAnswer, Recording, load_recording
from evals.report import SuiteReport
from evals.scoring import Scores, same_figure
from summarizer import Summarizer, verify
from summarizer.config import Settings
from summarizer.figures import find_figures
from summarizer.schemas import ArticleSummary
from summarizer.testing import FakeOpenAIServer

OWN_CASES = {case.name: case for case in CASES if not case.third_party}


@pytest.fixture(scope="module")
def recorded() -> SuiteReport:
    return run_suite("recorded")


def _scores(report: SuiteReport, name: str) -> Scores:
    result = next(result for result in report.cases if result.case == name)
    assert result.scores is not None, result.reason
    return result.scores


def _recording(name: str) -> Recording:
    recording = load_recording(OWN_CASES[name])
    assert recording is not None
    return recording


# --- the recorded suite as it stands -------------------------------------------------------------


def test_the_recorded_suite_passes_every_case_it_can_run(recorded: SuiteReport) -> None:
    statuses = {result.case: result.status for result in recorded.cases}
    assert statuses == {
        "harbour-expansion": "passed",
        "jobs-report": "passed",
        "flood-defences": "passed",
        # Third-party articles have no recording by design; they run with --model extractive or --live.
        "shared-000-cyber-raids": "skipped",
        "shared-004-wmd-funding": "skipped",
    }
    assert recorded.ok
    assert recorded.totals.passed == 3


def test_a_clean_answer_scores_full_marks_without_a_reask(recorded: SuiteReport) -> None:
    scores = _scores(recorded, "harbour-expansion")
    assert (scores.fidelity, scores.recall, scores.evidence) == (1.0, 1.0, 1.0)
    assert scores.flagged_figures == []
    assert (scores.attempts, scores.reasks, scores.grounding_reasks) == (1, 0, 0)
    # Tokens are the recorded usage, carried through the SDK and the provenance.
    assert (scores.prompt_tokens, scores.completion_tokens) == (612, 431)


def test_the_grounding_reask_fixes_the_recorded_figure_errors(recorded: SuiteReport) -> None:
    scores = _scores(recorded, "jobs-report")
    assert scores.grounding_reasks == 1
    assert scores.attempts == 2
    assert (scores.fidelity, scores.recall, scores.evidence) == (1.0, 1.0, 1.0)
    assert scores.rounded == 1  # "More than 410,000" for the article's "a record 412,300"
    assert (scores.prompt_tokens, scores.completion_tokens) == (655 + 1391, 468 + 470)


def test_the_first_recorded_jobs_answer_really_is_wrong() -> None:
    # Without this, a recording that was right all along would make the re-ask test above vacuous.
    article = OWN_CASES["jobs-report"].article()
    assert article is not None
    first = ArticleSummary.model_validate(_recording("jobs-report").answers[0].answer)
    flagged = {check.text for check in verify(article, first).figures if check.status == "unsupported"}
    assert flagged == {"4,680", "more than 6,000"}


def test_the_deliberately_wrong_case_is_caught(recorded: SuiteReport) -> None:
    result = next(result for result in recorded.cases if result.case == "flood-defences")
    assert result.scores is not None
    assert result.scores.flagged_figures == ["€18m"]
    assert result.scores.fidelity is not None
    assert result.scores.fidelity < 1.0
    caught = next(check for check in result.checks if check.name == "caught")
    assert caught.passed
    assert "flagged €18m as expected" in caught.detail
    # The re-ask fixed the other error (1,780 homes for 1,870), so recall is intact.
    assert result.scores.recall == 1.0
    assert result.scores.grounding_reasks == 1


def test_the_reask_request_names_the_wrong_figures() -> None:
    case = OWN_CASES["jobs-report"]
    article = case.article()
    assert article is not None
    responder = RecordedModel([(article, _recording("jobs-report"))])
    with FakeOpenAIServer(responder=responder) as server:
        settings = Settings(
            engine="openai", model="recorded", base_url=server.base_url, api_key="fake-server-key", use_cache=False
        )
        with Summarizer(settings) as summarizer:
            result = summarizer.summarize(article)
        requests = server.requests
    assert responder.served == [("jobs-report", 0), ("jobs-report", 1)]
    reask = requests[1].json["messages"][-1]["content"]
    assert "'4,680' is not in the article" in reask
    assert "'more than 6,000' changes the meaning" in reask
    assert [kf.figure for kf in result.summary.key_figures][1:5:3] == ["4,860", "up to 6,000"]


# --- the suite must fail when the answers are wrong ----------------------------------------------


def _with_final_answer(name: str, change: Any) -> dict[str, Recording]:
    """The recording with its final answer changed; the model repeats that answer if re-asked."""
    recording = _recording(name)
    last = recording.answers[-1]
    answer = json.loads(json.dumps(last.answer))
    change(answer)
    changed = RecordedAnswer(answer, last.prompt_tokens, last.completion_tokens)
    answers = (*recording.answers[:-1], changed, changed)
    return {name: dataclasses.replace(recording, answers=answers)}


def _run_one(name: str, recordings: dict[str, Recording]) -> SuiteReport:
    return run_suite("recorded", [OWN_CASES[name]], recordings=recordings)


def _failed_checks(report: SuiteReport) -> dict[str, str]:
    return {check.name: check.detail for result in report.cases for check in result.failed_checks}


def test_a_checker_that_missed_the_deliberate_error_would_fail_the_suite() -> None:
    def repair(answer: dict[str, Any]) -> None:
        answer["key_points"][1] = "Insurers have paid out €41m so far."

    report = _run_one("flood-defences", _with_final_answer("flood-defences", repair))
    assert not report.ok
    assert report.cases[0].status == "failed"
    assert "MISSED €18m" in _failed_checks(report)["caught"]


def test_an_unexpected_flag_fails_the_caught_check_too() -> None:
    def another_error(answer: dict[str, Any]) -> None:
        answer["key_points"][3] = "Households will pay a property levy of €59 a year."

    report = _run_one("flood-defences", _with_final_answer("flood-defences", another_error))
    assert "also flagged €59" in _failed_checks(report)["caught"]


def test_a_figure_error_fails_fidelity() -> None:
    def wrong_count(answer: dict[str, Any]) -> None:
        answer["key_points"][1] = "The port handled 2.53 million containers last year, up 8% from 2023."

    report = _run_one("harbour-expansion", _with_final_answer("harbour-expansion", wrong_count))
    assert not report.ok
    assert "fidelity" in _failed_checks(report)
    assert "2.53 million" in _failed_checks(report)["fidelity"]


def test_a_dropped_qualifier_in_a_key_figure_fails_recall() -> None:
    # The checker accepts "40" for "more than 40" (it is not false), but the key figure did not come through intact.
    def drop_qualifier(answer: dict[str, Any]) -> None:
        answer["key_figures"][4]["figure"] = "40"

    report = _run_one("harbour-expansion", _with_final_answer("harbour-expansion", drop_qualifier))
    assert _failed_checks(report) == {"recall": "0.80 < 1.00 (missing: more than 40)"}


def test_a_missing_key_figure_and_a_made_up_quote_fail() -> None:
    def damage(answer: dict[str, Any]) -> None:
        del answer["key_figures"][0]
        answer["claims"][0]["evidence"] = "This is the biggest investment the harbour has ever seen."

    failed = _failed_checks(_run_one("harbour-expansion", _with_final_answer("harbour-expansion", damage)))
    assert failed["recall"] == "0.80 < 1.00 (missing: £480m)"
    assert failed["evidence"].startswith("0.88 < 1.00")


def test_a_conversation_longer_than_its_recording_is_an_error_not_a_hang() -> None:
    recording = _recording("jobs-report")
    only_the_wrong_answer = {"jobs-report": dataclasses.replace(recording, answers=recording.answers[:1])}
    report = _run_one("jobs-report", only_the_wrong_answer)
    assert not report.ok
    assert report.cases[0].status == "error"
    assert "has 1 recorded answer(s); the pipeline asked for answer 2" in (report.cases[0].reason or "")


def test_a_missing_article_is_skipped_and_a_suite_with_nothing_run_fails(tmp_path: Path) -> None:
    absent = Case(
        name="absent",
        article_path=tmp_path / "shared" / "articles" / "none.txt",
        figures=(ExpectedFigure("40%", "a share"),),
        third_party=True,
    )
    report = run_suite("recorded", [absent])
    assert report.cases[0].status == "skipped"
    assert "never copied" in (report.cases[0].reason or "")
    assert not report.ok  # nothing ran, so nothing was shown


# --- figure matching for recall -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "listed", "same"),
    [
        ("£480m", "£480 million", True),
        ("2.35 million", "2,350,000", True),
        ("US$750 million", "$750m", True),
        ("more than 40", "over 40", True),
        ("more than 40", "40", False),
        ("up to 6,000", "more than 6,000", False),
        ("2.35 million", "2.53 million", False),
        ("£5m", "€5m", False),
        ("40%", "40", False),
    ],
)
def test_recall_compares_figures_not_strings(expected: str, listed: str, same: bool) -> None:
    (a,) = find_figures(expected)
    (b,) = find_figures(listed)
    assert same_figure(a, b) is same


def test_every_expected_figure_is_in_its_article() -> None:
    # A case whose expected figure is not in the article could never pass; catch the typo here.
    for case in CASES:
        article = case.article()
        if article is None:
            continue
        found = find_figures(article)
        for expected in case.figures:
            (figure,) = find_figures(expected.figure)
            assert any(same_figure(figure, other) for other in found), (case.name, expected.figure)


# --- the command ------------------------------------------------------------------------------


def _evals(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "evals", *args],
        cwd=REPO,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def command() -> subprocess.CompletedProcess[str]:
    return _evals()


def test_python_m_evals_prints_the_table_and_exits_0(command: subprocess.CompletedProcess[str]) -> None:
    assert command.returncode == 0, command.stdout + command.stderr
    assert command.stdout.startswith("Eval suite, model: recorded")
    assert "flood-defences          passed" in command.stdout
    assert "€18m (expected)" in command.stdout
    assert command.stdout.rstrip().endswith("Result: OK")


def test_python_m_evals_json_is_the_report() -> None:
    completed = _evals("--json", "--case", "jobs-report")
    assert completed.returncode == 0, completed.stderr
    report = SuiteReport.model_validate_json(completed.stdout)
    assert [result.case for result in report.cases] == ["jobs-report"]
    assert report.totals.grounding_reasks == 1


def test_python_m_evals_live_refuses_without_an_endpoint() -> None:
    completed = _evals("--live")
    assert completed.returncode == 2
    assert "--live needs a model endpoint: set OPENAI_API_KEY" in completed.stderr
    assert completed.stdout == ""
