"""The run as one self-contained HTML page: per case, the article with each checked figure highlighted
by its status beside the summary with the same figures highlighted, and the findings.

No scripts, fonts or images are fetched: styles are inline and the report's data is embedded as
JSON (`<script type="application/json" id="eval-data">`), so the page opens from a file anywhere and a
test can compare what is highlighted with what the report says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from typing import Final

from .cases import GoldFigure
from .report import CaseResult, SuiteReport
from .runner import CaseRun
from .scoring import FigureView

__all__ = ["STATUS_ORDER", "render_html"]

# Worst first: where several figures of the summary point at one place of the article, it shows the worst.
STATUS_ORDER: Final = ("unsupported", "misattributed", "derived", "rounded", "supported")
_STYLE: Final = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5em; color: #1d1d1f; }
table { border-collapse: collapse; } td, th { padding: .2em .6em; border-bottom: 1px solid #ddd; text-align: left; }
section.case { border-top: 3px solid #444; margin-top: 2em; padding-top: .5em; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; }
.article { white-space: pre-wrap; background: #fafafa; padding: 1em; }
mark.fig { padding: 0 .15em; border-radius: 3px; }
mark.supported { background: #b7eb8f; } mark.rounded { background: #d9f7be; }
mark.derived { background: #91caff; } mark.misattributed { background: #ffc069; }
mark.unsupported { background: #ff7875; }
.status-passed { color: #237804; } .status-failed, .status-error, .status-stale { color: #a8071a; }
.findings li { font-family: ui-monospace, monospace; font-size: 13px; }
.legend mark { margin-right: .5em; }
tr.gold.wrong td { color: #a8071a; font-weight: 600; }
"""


def render_html(report: SuiteReport, runs: Sequence[CaseRun]) -> str:
    """The page for one run."""
    articles = {run.case.id: run.article for run in runs}
    golds = {run.case.id: run.case.figures for run in runs}
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>summarizer eval: {escape(report.model)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>summarizer eval: {escape(report.model)}</h1>",
        f"<p>Result: <strong>{'OK' if report.ok else 'FAILED'}</strong> {escape('; '.join(report.below))} "
        f"&middot; {report.totals.passed}/{report.totals.cases - report.totals.skipped} cases passed</p>",
        '<p class="legend">' + "".join(f'<mark class="fig {s}">{s}</mark>' for s in reversed(STATUS_ORDER)) + "</p>",
        _overview(report),
    ]
    for result in report.cases:
        parts.append(_case(result, articles.get(result.case), golds.get(result.case, ())))
    data = json.dumps(report.model_dump(mode="json"), ensure_ascii=False).replace("</", "<\\/")
    parts.append(f'<script type="application/json" id="eval-data">{data}</script>')
    parts.append("</body></html>")
    return "\n".join(parts)


def _overview(report: SuiteReport) -> str:
    rows = ["<table><tr><th>case</th><th>status</th><th>recall</th><th>precision</th><th>claims</th></tr>"]
    for r in report.cases:
        cells = [_pct(r.scores.get(name)) for name in ("key_figure_recall", "figure_precision", "claim_support")]
        rows.append(
            f'<tr><td><a href="#case-{escape(r.case)}">{escape(r.case)}</a></td>'
            f'<td class="status-{r.status}">{r.status}</td>' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _case(result: CaseResult, article: str | None, golds: Sequence[GoldFigure]) -> str:
    head = (
        f'<section class="case" id="case-{escape(result.case)}" data-case="{escape(result.case)}">'
        f'<h2>{escape(result.case)} <span class="status-{result.status}">{result.status}</span></h2>'
    )
    if result.reason:
        head += f"<p>{escape(result.reason)}</p>"
    findings = "".join(f"<li>{escape(f.line())}</li>" for f in result.findings)
    tail = (f'<ul class="findings">{findings}</ul>' if findings else "") + "</section>"
    if article is None or result.summary is None:
        return head + tail
    left = f'<div><h3>Article</h3><div class="article">{_article(article, result.figures)}</div></div>'
    right = f"<div><h3>Summary</h3>{_summary(result)}{_gold(result, golds)}</div>"
    return head + f'<div class="cols">{left}{right}</div>' + tail


def _gold(result: CaseResult, golds: Sequence[GoldFigure]) -> str:
    """The case's gold key figures: listed right, or the finding that says what went wrong."""
    if not golds:
        return ""
    rows = ["<h4>Gold key figures</h4><table><tr><th>figure</th><th>measures</th><th>in the summary</th></tr>"]
    for gold in golds:
        wrong = next(
            (
                f
                for f in result.findings
                if f.figure == gold.measures or (f.kind == "misbound" and f.figure == gold.figure)
            ),
            None,
        )
        verdict = "right" if wrong is None else f"{wrong.kind}: found {wrong.found}"
        rows.append(
            f'<tr class="gold {"right" if wrong is None else "wrong"}"><td>{escape(gold.figure)}</td>'
            f"<td>{escape(gold.measures)}</td><td>{escape(verdict)}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _article(text: str, figures: Sequence[FigureView]) -> str:
    """The article with the places the summary's figures were found (or nearly found) marked."""
    spans: dict[tuple[int, int], list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.article_span is not None:
            spans.setdefault(figure.article_span, []).append(index)
    out: list[str] = []
    cursor = 0
    for (start, end), indices in sorted(spans.items()):
        if start < cursor or end > len(text):
            continue  # overlapping a span already marked
        status = min((figures[i].status for i in indices), key=STATUS_ORDER.index)
        out.append(escape(text[cursor:start]))
        out.append(
            f'<mark class="fig {status}" data-side="article" data-status="{status}" '
            f'data-checks="{" ".join(map(str, indices))}">{escape(text[start:end])}</mark>'
        )
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _summary(result: CaseResult) -> str:
    """The summary's texts, each figure the check saw marked once, by status, in the check's order."""
    summary = result.summary
    assert summary is not None
    segments = [summary.summary, *summary.key_points]
    segments += [f"{kf.figure} — {kf.measures}" for kf in summary.key_figures]
    segments += [claim.statement for claim in summary.claims]
    taken: list[list[tuple[int, int, int]]] = [[] for _ in segments]
    unplaced: list[int] = []
    for index, figure in enumerate(result.figures):
        place = _place(figure.text, segments, taken)
        if place is None:
            unplaced.append(index)
        else:
            segment, start = place
            taken[segment].append((start, start + len(figure.text), index))
    rendered = [_marked(segment, sorted(marks), result.figures) for segment, marks in zip(segments, taken, strict=True)]
    n_points = len(summary.key_points)
    n_figures = len(summary.key_figures)
    points = rendered[1 : 1 + n_points]
    figures = rendered[1 + n_points : 1 + n_points + n_figures]
    claims = rendered[1 + n_points + n_figures :]
    html = [f"<p>{rendered[0]}</p>", "<h4>Key points</h4><ul>", *(f"<li>{p}</li>" for p in points), "</ul>"]
    html += ["<h4>Key figures</h4><ul>", *(f"<li>{f}</li>" for f in figures), "</ul>"]
    if claims:
        html += ["<h4>Claims</h4><ul>", *(f"<li>{c}</li>" for c in claims), "</ul>"]
    if unplaced:
        html.append("<h4>Other figures checked</h4><p>")
        html += [_mark(escape(result.figures[i].text), i, result.figures[i].status) + " " for i in unplaced]
        html.append("</p>")
    return "".join(html)


def _place(
    text: str, segments: Sequence[str], taken: Sequence[Sequence[tuple[int, int, int]]]
) -> tuple[int, int] | None:
    for number, segment in enumerate(segments):
        start = segment.find(text)
        while start != -1:
            if not any(start < e and start + len(text) > s for s, e, _ in taken[number]):
                return number, start
            start = segment.find(text, start + 1)
    return None


def _marked(text: str, marks: Sequence[tuple[int, int, int]], figures: Sequence[FigureView]) -> str:
    out: list[str] = []
    cursor = 0
    for start, end, index in marks:
        out.append(escape(text[cursor:start]))
        out.append(_mark(escape(text[start:end]), index, figures[index].status))
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def _mark(inner: str, index: int, status: str) -> str:
    return f'<mark class="fig {status}" data-side="summary" data-status="{status}" data-check="{index}">{inner}</mark>'


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"
