"""How the shipped mocks are made: our reference answers, and the same answers with realistic errors.

`reference` answers each case with its reference answer, written in the case file by us: the
summary and key points, every gold figure as a key figure with the article sentence it comes from,
and the claims with their verbatim evidence. `sloppy` answers with the reference answer carrying the
errors listed in `sloppy.toml` -- a swapped pair of percentages, million for billion, a dropped
"more than", a figure given to the wrong thing, an invented total, JSON cut off mid-answer -- and
keeps them when re-asked, as a careless model does. `obedient` answers each prompt-injection case
(a case with an `[injection]` table) as a model that obeys the instruction planted in its article or
title would (`obedient_answer`), and keeps to it when re-asked.

All three run behind the fake server like any model, so recording them (`python -m summarizer.evals.authoring`)
writes `recordings/mock`, `recordings/mock-sloppy` and `recordings/mock-obedient` with the keys of today's
prompt and schema. Run it after changing the prompt or the schema, once you have checked that the
reference answers still hold.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.schemas import ArticleSummary
from summarizer.testing import RecordedRequest
from summarizer.text import split_sentences

from .cases import Case, load_cases
from .recordings import Answer, builtin_recordings, load_recordings

__all__ = [
    "Injection",
    "load_injections",
    "main",
    "obedient_answer",
    "obedient_model",
    "reference_answer",
    "reference_model",
    "replace_figures",
    "sloppy_model",
]

Upstream = Callable[[RecordedRequest, str], Answer]


@dataclass(frozen=True, slots=True)
class Injection:
    """One deliberate error of the sloppy mock: in `case`, `expected` becomes `found`."""

    case: str
    kind: str
    expected: str
    found: str
    # For an invented figure: what the answer says it measures.
    measures: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "expected": self.expected, "found": self.found}


def reference_answer(case: Case) -> dict[str, Any]:
    """The case's reference answer as a model would send it (validated against the schema)."""
    if case.text is None or case.summary is None:
        raise InputError(f"case {case.id} has no article text or no reference summary; it cannot be a mock")
    sentences = [s.text for s in split_sentences(case.text)]
    key_figures = []
    for gold in case.figures:
        # A body sentence, as a model quotes one, before the headline (which has no full stop).
        holding = sorted(
            (s for s in sentences if gold.figure in s), key=lambda s: not s.rstrip().endswith((".", '"', "”"))
        )
        sentence = holding[0] if holding else None
        if sentence is None:
            raise InputError(f"case {case.id}: gold figure {gold.figure!r} is not written so in any sentence")
        key_figures.append({"figure": gold.written or gold.figure, "measures": gold.measures, "sentence": sentence})
    claims = [
        {"statement": c.statement, "source": c.source, "figures": list(c.figures), "evidence": c.evidence or ""}
        for c in case.claims
        if c.evidence
    ]
    answer = {
        "summary": case.summary,
        "key_points": list(case.key_points),
        "key_figures": key_figures,
        "claims": claims,
    }
    ArticleSummary.model_validate(answer)
    return answer


def reference_model(cases: Sequence[Case]) -> Upstream:
    answers = {case.id: json.dumps(reference_answer(case), ensure_ascii=False) for case in cases if case.text}
    return _answering(answers)


def sloppy_model(cases: Sequence[Case]) -> Upstream:
    injections = load_injections()
    answers: dict[str, str] = {}
    for case in cases:
        if case.text is None:
            continue
        answer = reference_answer(case)
        mine = [i for i in injections if i.case == case.id]
        answers[case.id] = _inject(answer, mine) if mine else json.dumps(answer, ensure_ascii=False)
    return _answering(answers)


def obedient_answer(case: Case) -> str:
    """The answer of a model that obeys the case's planted instruction, as the endpoint would send it."""
    injection = case.injection
    if injection is None:
        raise InputError(f"case {case.id} plants no instruction ([injection]); it has no obedient answer")
    if injection.raw is not None:
        return injection.raw
    answer = reference_answer(case)
    if injection.summary is not None:
        answer["summary"] = injection.summary
    if injection.key_points:
        answer["key_points"] = list(injection.key_points)
    answer = replace_figures(answer, dict(injection.replace))
    answer["key_figures"].extend(
        {"figure": figure, "measures": measures, "sentence": sentence}
        for figure, measures, sentence in injection.key_figures
    )
    return json.dumps(answer, ensure_ascii=False)


def obedient_model(cases: Sequence[Case]) -> Upstream:
    return _answering({case.id: obedient_answer(case) for case in cases if case.injection is not None})


def load_injections(path: Path | None = None) -> list[Injection]:
    source = path or Path(str(resources.files("summarizer.evals"))) / "sloppy.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return [
        Injection(
            case=e["case"], kind=e["kind"], expected=e["expected"], found=e["found"], measures=e.get("measures", "")
        )
        for e in data["error"]
    ]


def _inject(answer: dict[str, Any], injections: Sequence[Injection]) -> str:
    """The answer with the errors in: figure texts replaced everywhere a model would write them."""
    truncated = False
    replacements: dict[str, str] = {}
    for injection in injections:
        if injection.kind == "truncated":
            truncated = True
        elif injection.kind == "invented":
            answer["key_figures"].append(
                {
                    "figure": injection.found,
                    "measures": injection.measures,
                    "sentence": answer["key_figures"][0]["sentence"],
                }
            )
            answer["key_points"].append(f"{injection.measures[:1].upper()}{injection.measures[1:]}: {injection.found}.")
        else:
            replacements[injection.expected] = injection.found
    if replacements:
        answer = replace_figures(answer, replacements)
    text = json.dumps(answer, ensure_ascii=False)
    return text[: len(text) // 2] if truncated else text


def replace_figures(answer: dict[str, Any], replacements: Mapping[str, str]) -> dict[str, Any]:
    """A copy of the answer with figure texts replaced wherever the answer itself writes them.

    One pass, so a swap (A -> B, B -> A) does not turn back on itself; quotes (key figures'
    sentences, claims' evidence) stay verbatim, as a model copies them; "4.1%" never matches inside "14.1%".
    """
    if not replacements:
        return {**answer}
    pattern = re.compile(
        "|".join(
            rf"(?<![\w.,$£€]){re.escape(old)}(?![\w%]|[.,]\d)" for old in sorted(replacements, key=len, reverse=True)
        )
    )

    def fix(text: str) -> str:
        return pattern.sub(lambda match: replacements[match.group()], text)

    return {
        "summary": fix(answer["summary"]),
        "key_points": [fix(point) for point in answer["key_points"]],
        "key_figures": [
            {"figure": fix(kf["figure"]), "measures": kf["measures"], "sentence": kf["sentence"]}
            for kf in answer["key_figures"]
        ],
        "claims": [
            {
                "statement": fix(c["statement"]),
                "source": c["source"],
                "figures": [fix(f) for f in c["figures"]],
                "evidence": c["evidence"],
            }
            for c in answer["claims"]
        ],
    }


def _answering(answers: dict[str, str]) -> Upstream:
    def answer(request: RecordedRequest, case: str) -> Answer:
        content = answers[case]
        # Usage as an endpoint reports it, roughly: the prompt's characters and the answer's, in tokens.
        prompt = sum(len(str(m.get("content", ""))) for m in (request.json or {}).get("messages", []))
        return Answer(content=content, prompt_tokens=prompt // 4, completion_tokens=len(content) // 4)

    return answer


def main() -> int:
    """Re-record the shipped mocks from the reference answers and `sloppy.toml`."""
    from .runner import run_cases  # noqa: PLC0415 - the runner imports this module for its models

    cases = [case for case in load_cases() if not case.third_party]
    injections = load_injections()
    for model, name in (("reference", "mock"), ("sloppy", "mock-sloppy"), ("obedient", "mock-obedient")):
        directory = builtin_recordings(name)
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("*.json"):
            old.unlink()
        answered = [case for case in cases if case.injection is not None] if model == "obedient" else cases
        run_cases(model, answered, shared=None, record_to=directory)
        for recording in load_recordings(directory).values():
            injected = tuple(i.as_dict() for i in injections if i.case == recording.case and name == "mock-sloppy")
            named = replace(recording, model=name, injected=injected)
            (directory / f"{recording.case}.json").write_text(named.to_json(), encoding="utf-8")
        print(f"recorded {len(list(directory.glob('*.json')))} case(s) into {directory}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
