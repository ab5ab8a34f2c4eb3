"""`summarizer eval`: the command's options only; the eval machinery is imported when it runs.

Keeping the imports inside the function keeps `summarizer --help` fast: this module costs click alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["eval_command"]


@click.command(name="eval")
@click.option(
    "--model",
    default="mock",
    show_default=True,
    help="mock (good recordings), mock-sloppy (recordings with errors), mock-obedient (answers that obey a "
    "prompt injection in the article; fails), extractive (no model), a directory "
    "written by --record, or a model name at the configured endpoint (OPENAI_API_KEY / OPENAI_BASE_URL).",
)
@click.option(
    "--cases",
    "cases_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A directory of *.toml cases (default: the shipped ones).",
)
@click.option("--case", "only", multiple=True, metavar="ID", help="Run only this case (repeatable).")
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder holding third-party articles (articles/, data/figure-bench/); env SUMMARIZER_SHARED_DIR.",
)
@click.option(
    "--report", type=click.Path(dir_okay=False, path_type=Path), help="Write the report: FILE.json or FILE.md."
)
@click.option(
    "--html",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the HTML page of the run (default: beside --report, as .html).",
)
@click.option("--compare", type=click.Path(dir_okay=False, path_type=Path), help="A JSON report of an earlier run.")
@click.option("--thresholds", type=click.Path(dir_okay=False, path_type=Path), help="A TOML file of thresholds.")
@click.option(
    "--record",
    type=click.Path(file_okay=False, path_type=Path),
    help="Save the model's answers into DIR as a new mock (replay it with --model DIR).",
)
@click.option("--mutate", is_flag=True, help="Run the mutation sweep over the good recordings instead.")
@click.option("--no-baseline", is_flag=True, help="Skip the extractive baseline row.")
def eval_command(
    *,
    model: str,
    cases_dir: Path | None,
    only: tuple[str, ...],
    shared: Path | None,
    report: Path | None,
    html: Path | None,
    compare: Path | None,
    thresholds: Path | None,
    record: Path | None,
    mutate: bool,
    no_baseline: bool,
) -> None:
    """Summarise the eval cases with a model and score the key figures that come through.

    Exits 0 when the run meets its thresholds, 1 below them (each failing figure is named with what
    was expected and found), 2 on a usage error.
    """
    from .command import run  # noqa: PLC0415 - lazy on purpose, see the module docstring

    sys.exit(
        run(
            model=model,
            cases_dir=cases_dir,
            only=only,
            shared=shared,
            report_path=report,
            html_path=html,
            compare_path=compare,
            thresholds_path=thresholds,
            record=record,
            mutate=mutate,
            baseline=not no_baseline,
        )
    )
