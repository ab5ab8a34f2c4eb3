"""Commands that need no model start without importing the model SDK."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("openai", "aiohttp", "httpx2")


def _imported_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint('IMPORTED:' + ','.join(m for m in {HEAVY!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    (line,) = [line for line in done.stdout.splitlines() if line.startswith("IMPORTED:")]
    return [name for name in line.removeprefix("IMPORTED:").split(",") if name]


@pytest.mark.parametrize(
    "code",
    [
        "import summarizer",
        "from summarizer import verify; verify('Sales rose 12%.', 'Sales rose 12%.')",
        "from summarizer.cli import cli\ntry:\n    cli(['verify', '--help'])\nexcept SystemExit:\n    pass",
        "from summarizer.cli import cli\ntry:\n    cli(['--help'])\nexcept SystemExit:\n    pass",
        # An input refused (here: a file that does not exist) is refused before the pipeline is imported.
        "from summarizer.cli import cli\ntry:\n    cli(['summarize', '--engine', 'extractive', 'no/such.txt'])\n"
        "except SystemExit:\n    pass",
        # The extractive engine needs no model: the pipeline loads, the SDK does not.
        "from summarizer import Summarizer, Settings\n"
        "with Summarizer(Settings(engine='extractive')) as s:\n    s.summarize('Sales rose 12% to £4m.')",
    ],
    ids=["import", "verify", "verify --help", "--help", "summarize, refused input", "extractive engine"],
)
def test_no_model_sdk_is_imported(code: str) -> None:
    assert _imported_after(code) == []


def test_the_sdk_is_imported_when_a_summarizer_needs_a_model() -> None:
    code = (
        "from summarizer import Summarizer, Settings\n"
        "Summarizer(Settings(engine='openai', api_key='not-a-key', use_cache=False)).close()"
    )
    assert "openai" in _imported_after(code)
