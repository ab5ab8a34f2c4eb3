"""`python -m evals [OPTIONS]` is `summarizer eval [OPTIONS]`."""

from __future__ import annotations

from summarizer.evals.cli import eval_command

if __name__ == "__main__":
    eval_command(prog_name="python -m evals")
