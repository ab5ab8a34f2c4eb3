"""The eval's HTML page in a real headless Chromium: what it highlights is what the report says, and it renders.

Chromium comes from Debian's `chromium` package (`.ci/run` installs it); without a chromium binary
these tests are skipped, saying so.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import cli
from summarizer.evals.cases import load_cases
from summarizer.evals.html import STATUS_ORDER
from summarizer.evals.report import SuiteReport

CHROMIUM = next((found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium binary on PATH (Debian: apt-get install chromium; .ci/run does it)"
)
# Two cases with injected errors: one figure unsupported (£300bn), one misattributed (€18m).
CASES = ("harbour-expansion", "flood-defences")
WIDTH, HEIGHT = 1000, 1300
# The highlight colours of html.py's style sheet, as Chromium paints them.
COLOURS = {"supported": (0xB7, 0xEB, 0x8F), "misattributed": (0xFF, 0xC0, 0x69), "unsupported": (0xFF, 0x78, 0x75)}


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ]
    assert CHROMIUM is not None
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, SuiteReport]:
    where = tmp_path_factory.mktemp("html")
    args = ["eval", "--model", "mock-sloppy", "--no-baseline", "--report", str(where / "run.json")]
    for case in CASES:
        args += ["--case", case]
    done = CliRunner().invoke(cli, args, env={"SUMMARIZER_SHARED_DIR": "/nonexistent"}, catch_exceptions=False)
    assert done.exit_code == 1, done.output  # the sloppy mock fails, as it must
    return where / "run.html", SuiteReport.model_validate_json((where / "run.json").read_text())


class _Marks(HTMLParser):
    """Every highlighted figure in the DOM: its case, side, status, check index(es) and text."""

    def __init__(self) -> None:
        super().__init__()
        self.case: str | None = None
        self.open: dict[str, str] | None = None
        self.text = ""
        self.marks: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "section" and "data-case" in found:
            self.case = found["data-case"]
        if tag == "mark" and "data-side" in found:
            self.open, self.text = {**found, "case": self.case or ""}, ""

    def handle_data(self, data: str) -> None:
        if self.open is not None:
            self.text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark" and self.open is not None:
            self.marks.append({**self.open, "text": self.text})
            self.open = None


def test_every_checked_figure_is_highlighted_with_the_status_the_report_gives_it(
    page: tuple[Path, SuiteReport], tmp_path: Path
) -> None:
    html, report = page
    dom = _chromium(tmp_path / "profile", "--dump-dom", html.as_uri()).stdout.decode("utf-8")
    parser = _Marks()
    parser.feed(dom)
    articles = {case.id: case.text or "" for case in load_cases() if case.id in CASES}
    checked = 0
    for result in report.cases:
        summary_marks = {
            int(m["data-check"]): m for m in parser.marks if m["case"] == result.case and m["data-side"] == "summary"
        }
        # Each figure the check saw is highlighted once beside the summary, with its status and text.
        assert sorted(summary_marks) == list(range(len(result.figures))), result.case
        for index, figure in enumerate(result.figures):
            assert summary_marks[index]["data-status"] == figure.status
            assert summary_marks[index]["text"] == figure.text
            checked += 1
        # In the article, each highlighted place is where the check found the figures it names, in the worst status.
        for mark in (m for m in parser.marks if m["case"] == result.case and m["data-side"] == "article"):
            figures = [result.figures[int(i)] for i in mark["data-checks"].split()]
            span = figures[0].article_span
            assert span is not None
            assert mark["text"] == articles[result.case][span[0] : span[1]]
            assert mark["data-status"] == min((f.status for f in figures), key=STATUS_ORDER.index)
    assert checked > 20
    statuses = {m["data-status"] for m in parser.marks}
    assert {"supported", "unsupported", "misattributed"} <= statuses


def test_the_page_renders_its_highlights_in_a_screenshot(page: tuple[Path, SuiteReport], tmp_path: Path) -> None:
    html, _ = page
    shot = tmp_path / "eval.png"
    # Half scale: a quarter of the pixels to decode in Python, the highlights still solid blocks of colour.
    window = (f"--window-size={WIDTH},{HEIGHT}", "--force-device-scale-factor=0.5")
    _chromium(tmp_path / "profile", *window, f"--screenshot={shot}", html.as_uri())
    width, height, pixels = _read_png(shot.read_bytes())
    assert (width, height) == (WIDTH // 2, HEIGHT // 2)
    # Below the legend (which shows every colour once), in the cases' article and summary columns.
    body = pixels[width * (height // 8) :]
    for status, colour in COLOURS.items():
        assert body.count(colour) > 20, f"no {status} highlight painted"


def _read_png(data: bytes) -> tuple[int, int, list[tuple[int, int, int]]]:
    """Decode an 8-bit RGB or RGBA PNG (what Chromium writes) into its pixels; enough for counting colours."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in {2, 6}, (depth, colour_type)
    channels = 3 if colour_type == 2 else 4
    raw, stride = zlib.decompress(chunks), width * channels
    rows: list[bytearray] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, corner = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up), (abs(guess - corner), 2, corner))
                line[x] = (line[x] + near[2]) & 0xFF
        rows.append(line)
        previous = line
    pixels = [tuple(row[x : x + 3]) for row in rows for x in range(0, stride, channels)]
    return width, height, pixels  # type: ignore[return-value]
