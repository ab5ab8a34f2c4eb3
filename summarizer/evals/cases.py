"""The eval cases: an article, the key figures a good summary must carry, the claims it must make.

Our own cases are TOML files shipped inside the package (`summarizer/evals/cases/ours/*.toml`), each
with its article, written by us. Third-party cases (`cases/shared.toml`) refer by id to articles in a
`shared` folder (`articles/<file>` or `data/figure-bench/<dataset>.dev.jsonl#<id>`): their text is
read from there at run time, never copied in, and each is skipped, saying so, where that folder is absent.

A case may also carry a *reference answer* (summary, key points, claims with verbatim evidence):
what a careful model would answer. The `mock` recordings are that answer replayed; see `authoring`.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.figures import Figure, find_figures

__all__ = [
    "Case",
    "ExpectedFinding",
    "GoldClaim",
    "GoldFigure",
    "PromptInjection",
    "builtin_cases_dir",
    "find_shared_dir",
    "load_cases",
    "parse_figure",
]

SHARED_ENV = "SUMMARIZER_SHARED_DIR"


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """A key figure a good summary must list: as the article writes it, and what it measures."""

    figure: str
    measures: str
    # How the reference answer writes it when not character for character ("£480 million" for "£480m").
    written: str | None = None


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A claim of the article: the reference answer states it; a must-have claim every summary must make."""

    statement: str
    figures: tuple[str, ...]
    # Words a summary's sentence must contain (with the figures) to count as making the claim.
    terms: tuple[str, ...]
    must: bool
    evidence: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class ExpectedFinding:
    """A finding the eval must report for a case: its kind (as in `Finding.kind`) and its figure."""

    kind: str
    figure: str


@dataclass(frozen=True, slots=True)
class PromptInjection:
    """An instruction planted in a case's article or title, and how a model that obeys it answers.

    The obeying answer (the `mock-obedient` recordings, see `authoring`) is `raw` sent as is, or else
    the reference answer with `summary`/`key_points` replaced when given, figure texts replaced as in
    `replace` (never inside a quote), and `key_figures` added. Under that answer the eval must report
    every `expect`ed finding: the schema and the figure check catch what the model was talked into.
    """

    asks: str
    expect: tuple[ExpectedFinding, ...]
    raw: str | None = None
    summary: str | None = None
    key_points: tuple[str, ...] = ()
    replace: tuple[tuple[str, str], ...] = ()
    key_figures: tuple[tuple[str, str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Case:
    """One article with its gold key figures and claims."""

    id: str
    title: str | None
    figures: tuple[GoldFigure, ...]
    claims: tuple[GoldClaim, ...]
    # Exactly one of: the text (our cases) or a reference into the shared folder (third-party cases).
    text: str | None = None
    source: str | None = None
    summary: str | None = None
    key_points: tuple[str, ...] = ()
    note: str = ""
    # For a prompt-injection case: the planted instruction and the answer of a model that obeys it.
    injection: PromptInjection | None = None

    @property
    def third_party(self) -> bool:
        return self.source is not None

    @property
    def must_have(self) -> tuple[GoldClaim, ...]:
        return tuple(claim for claim in self.claims if claim.must)

    def article(self, shared: Path | None) -> str | None:
        """The article's text; None for a third-party case whose shared folder is absent."""
        if self.text is not None:
            return self.text
        return None if shared is None else _read_shared(shared, self.source or "")

    def missing_reason(self, shared: Path | None) -> str:
        if shared is None:
            return (
                f"third-party article {self.source} not available: no shared folder found "
                f"(set {SHARED_ENV} or pass --shared DIR; its texts are never copied into this package)"
            )
        return f"third-party article {self.source} not found under {shared}"


def builtin_cases_dir() -> Path:
    """The cases shipped inside the package."""
    return Path(str(resources.files("summarizer.evals"))) / "cases"


def load_cases(directory: Path | None = None) -> list[Case]:
    """Every case in `directory` (default: the shipped cases): `*.toml` files, recursively, by id."""
    root = directory or builtin_cases_dir()
    if not root.is_dir():
        raise InputError(f"cases directory {root} not found; pass --cases DIR with *.toml case files")
    cases: list[Case] = []
    for path in sorted(root.rglob("*.toml")):
        cases.extend(_cases_in(path))
    if not cases:
        raise InputError(f"no cases in {root}: expected *.toml files (see docs/evals.md, 'Writing a case')")
    seen: set[str] = set()
    for case in cases:
        if case.id in seen:
            raise InputError(f"case id {case.id!r} is defined twice under {root}; ids must be unique")
        seen.add(case.id)
    return cases


def find_shared_dir(explicit: Path | None = None) -> Path | None:
    """The folder of third-party articles: --shared, $SUMMARIZER_SHARED_DIR, else a `shared` beside us.

    "Beside us" is the first ancestor (of the working directory, then of this file) holding a
    `shared/` folder with `articles/` or `data/figure-bench/` in it: a clone next to the shared data
    finds it without configuration, an installed package elsewhere finds none and skips those cases.
    """
    if explicit is not None:
        return explicit if explicit.is_dir() else None
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env) if Path(env).is_dir() else None
    for start in (Path.cwd(), Path(__file__).resolve().parent):
        for folder in (start, *start.parents):
            candidate = folder / "shared"
            if (candidate / "articles").is_dir() or (candidate / "data" / "figure-bench").is_dir():
                return candidate
    return None


def parse_figure(text: str) -> Figure:
    """A gold figure as one parsed figure; a text that reads as none or several is a broken case."""
    figures = find_figures(text)
    if len(figures) != 1:
        raise InputError(f"gold figure {text!r} reads as {len(figures)} figures, not one; write it as one figure")
    return figures[0]


def _cases_in(path: Path) -> list[Case]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"case file {path} cannot be read: {error}") from None
    entries: Iterable[Any] = data["case"] if isinstance(data.get("case"), list) else [data]
    try:
        return [_case(entry) for entry in entries]
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(
            f"case file {path} is malformed ({type(error).__name__}: {error}); see docs/evals.md"
        ) from None


def _case(entry: dict[str, Any]) -> Case:
    if ("article" in entry) == ("source" in entry):
        raise ValueError(f"case {entry.get('id')!r} needs exactly one of 'article' (text) or 'source' (shared ref)")
    return Case(
        id=str(entry["id"]),
        title=entry.get("title"),
        text=entry.get("article"),
        source=entry.get("source"),
        figures=tuple(
            GoldFigure(figure=f["figure"], measures=f["measures"], written=f.get("written"))
            for f in entry.get("figures", [])
        ),
        claims=tuple(
            GoldClaim(
                statement=c["statement"],
                figures=tuple(c.get("figures", ())),
                terms=tuple(c.get("terms", ())),
                must=bool(c.get("must", False)),
                evidence=c.get("evidence"),
                source=c.get("source"),
            )
            for c in entry.get("claims", [])
        ),
        summary=entry.get("summary"),
        key_points=tuple(entry.get("key_points", ())),
        note=str(entry.get("note", "")),
        injection=_injection(entry["injection"]) if "injection" in entry else None,
    )


def _injection(entry: dict[str, Any]) -> PromptInjection:
    expect = tuple(ExpectedFinding(kind=str(e["kind"]), figure=str(e["figure"])) for e in entry["expect"])
    if not expect:
        raise ValueError("an injection needs at least one expected finding ([[injection.expect]])")
    return PromptInjection(
        asks=str(entry["asks"]),
        expect=expect,
        raw=entry.get("raw"),
        summary=entry.get("summary"),
        key_points=tuple(entry.get("key_points", ())),
        replace=tuple((str(old), str(new)) for old, new in entry.get("replace", {}).items()),
        key_figures=tuple(
            (str(k["figure"]), str(k["measures"]), str(k["sentence"])) for k in entry.get("key_figures", [])
        ),
    )


def _read_shared(shared: Path, source: str) -> str | None:
    """`articles/<file>` or `data/figure-bench/<file>.jsonl#<id>` under the shared folder."""
    path_part, _, row_id = source.partition("#")
    path = shared / path_part
    if not path.is_file():
        return None
    if not row_id:
        return path.read_text(encoding="utf-8")
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if f'"{row_id}"' in line:
                row = json.loads(line)
                if row.get("id") == row_id:
                    return str(row["source"])
    return None


def runnable(cases: Sequence[Case], shared: Path | None) -> list[tuple[Case, str | None]]:
    """Each case with its article text (None when it cannot be read here)."""
    return [(case, case.article(shared)) for case in cases]
