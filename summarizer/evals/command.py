"""What `summarizer eval` does: load, run, print, write the reports, compare, and pick the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from summarizer.errors import ConfigError, InputError, SummarizerError

from .cases import find_shared_dir, load_cases
from .html import render_html
from .report import compare, dump, load_report, load_thresholds, render_markdown, render_table
from .runner import run_suite

__all__ = ["run"]

EXIT_FAILED, EXIT_USAGE = 1, 2


def run(**options: Any) -> int:
    """Run the eval as the command line asked (the keyword arguments of `_run`); the exit code."""
    try:
        return _run(**options)
    except ConfigError as error:
        click.echo(f"summarizer eval: configuration error: {error}", err=True)
        return EXIT_USAGE
    except SummarizerError as error:
        click.echo(f"summarizer eval: {error}", err=True)
        return EXIT_FAILED


def _run(
    *,
    model: str,
    cases_dir: Path | None,
    only: Sequence[str],
    shared: Path | None,
    report_path: Path | None,
    html_path: Path | None,
    compare_path: Path | None,
    thresholds_path: Path | None,
    record: Path | None,
    mutate: bool,
    baseline: bool,
) -> int:
    if report_path is not None and report_path.suffix not in {".json", ".md"}:
        raise ConfigError(f"--report {report_path}: name a .json or .md file")
    old = load_report(compare_path) if compare_path is not None else None
    thresholds = load_thresholds(thresholds_path)
    cases = load_cases(cases_dir)
    if only:
        unknown = sorted(set(only) - {case.id for case in cases})
        if unknown:
            known = sorted(case.id for case in cases)
            raise InputError(f"unknown case(s): {', '.join(unknown)}; the {len(known)} known: {', '.join(known)}")
        cases = [case for case in cases if case.id in only]
    if mutate:
        from .mutate import render_sweep, sweep  # noqa: PLC0415 - only the sweep needs it

        table = sweep(cases)
        click.echo(render_sweep(table))
        return 0
    shared_dir = find_shared_dir(shared)
    report, runs = run_suite(
        model, cases, shared=shared_dir, thresholds=thresholds, record_to=record, baseline=baseline
    )
    click.echo(render_table(report))
    if record is not None:
        click.echo(
            f"\nrecorded {sum(r.result is not None or r.error is not None for r in runs if r.article)} case(s) "
            f"into {record}; replay with: summarizer eval --model {record}"
        )
    if old is not None:
        click.echo("")
        click.echo(compare(old, report))
    if report_path is not None:
        _write(report_path, dump(report) if report_path.suffix == ".json" else render_markdown(report))
        click.echo(f"report: {report_path}")
        html_path = html_path or report_path.with_suffix(".html")
    if html_path is not None:
        _write(html_path, render_html(report, runs))
        click.echo(f"html: {html_path}")
    return 0 if report.ok else EXIT_FAILED


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(f"cannot write {path}: {error.strerror or error}") from None
