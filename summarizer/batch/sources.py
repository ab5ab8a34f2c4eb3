"""Where a batch's articles come from: files, directories, globs, JSON Lines and standard input.

`iter_articles(inputs)` reads lazily, one article at a time, so a 100,000-line JSONL file is never
held in memory. Every article gets a stable id: the id it was given (JSONL), else one made of its
path and a hash of its text, so the same command run again finds the same ids (that is how a
batch resumes). An article that cannot be used (unreadable, binary, empty, too long) still comes
out, with `problem` set: the runner writes it as an error line and goes on.
"""

from __future__ import annotations

import glob
import hashlib
import html
import json
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from summarizer.errors import InputError
from summarizer.reading import article_from_text, decode, looks_like_html
from summarizer.text import clean_text

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
# Longer than any news article; past this an article is more likely a dump than a story.
DEFAULT_MAX_CHARS = 200_000
_GLOB_CHARS = frozenset("*?[")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a batch: a stable id, its text and title, and fields carried through to the output."""

    id: str
    text: str
    title: str | None = None
    source: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict)
    # Why this article cannot be summarised (it becomes an error line), or None.
    problem: str | None = None


def content_id(source: str, text: str) -> str:
    """A stable id for an article without one: where it came from and a hash of its text."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{source}#{digest}" if source else digest


def iter_articles(
    inputs: Sequence[str], *, stdin: BinaryIO | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Article]:
    """Every article named by `inputs` (files, directories, globs, JSONL, '-' for stdin), in order.

    Raises InputError for an input that names nothing (a missing file, a glob matching nothing)
    before any article is read from it.
    """
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _from_stream(stream, "stdin", max_chars)
            continue
        for path in _expand(name):
            yield from _from_file(path, max_chars)


def check_inputs(inputs: Sequence[str]) -> None:
    """Raise InputError now for an input that names nothing, before any work starts."""
    for name in inputs:
        if name != "-":
            next(iter(_expand(name)), None)


def _expand(name: str) -> Iterator[Path]:
    path = Path(name).expanduser()
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        if not files:
            raise InputError(
                f"{name} has no article files ({', '.join(sorted(ARTICLE_SUFFIXES))}); point at files or another folder"
            )
        yield from files
    elif path.exists():
        yield path
    elif _GLOB_CHARS & set(name):
        matches = sorted(Path(match) for match in glob.glob(str(path), recursive=True))
        files = [match for match in matches if match.is_file()]
        if not files:
            raise InputError(f"the pattern {name} matches no files; check it (quote it so the shell leaves it alone)")
        yield from files
    else:
        raise InputError(f"{name} does not exist; give files, folders, globs, JSONL or '-' for standard input")


def _from_file(path: Path, max_chars: int) -> Iterator[Article]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        try:
            with path.open("rb") as stream:
                yield from _jsonl(stream, source, max_chars)
        except OSError as error:
            yield Article(id=source, text="", source=source, problem=f"cannot read {source}: {error.strerror}")
        return
    try:
        raw = path.read_bytes()
    except OSError as error:
        yield Article(id=source, text="", source=source, problem=f"cannot read {source}: {error.strerror}")
        return
    yield _article_from_bytes(raw, source, html=suffix in HTML_SUFFIXES, max_chars=max_chars)


def _from_stream(stream: BinaryIO, source: str, max_chars: int) -> Iterator[Article]:
    # Standard input is JSON Lines when it starts with '{', else one article.
    head = stream.read(1)
    while head.isspace():
        head = stream.read(1)
    if head == b"{":
        yield from _jsonl(_prepend(head, stream), source, max_chars)
    elif head:
        raw = head + stream.read()
        yield _article_from_bytes(raw, source, html=raw.lstrip()[:1] == b"<", max_chars=max_chars)
    else:
        yield Article(id=source, text="", source=source, problem="standard input is empty; pipe an article or JSONL")


def _prepend(head: bytes, stream: BinaryIO) -> Iterator[bytes]:
    first = True
    for line in stream:
        yield head + line if first else line
        first = False
    if first:
        yield head


def _jsonl(lines: Iterator[bytes] | BinaryIO, source: str, max_chars: int) -> Iterator[Article]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(raw)
        except ValueError:
            yield Article(id=where, text="", source=where, problem=f"line {number} of {source} is not JSON")
            continue
        if not isinstance(record, dict):
            yield Article(id=where, text="", source=where, problem=f"line {number} of {source} is not a JSON object")
            continue
        text, title, given = record.get("text"), record.get("title"), record.get("id")
        extra = {key: value for key, value in record.items() if key not in {"id", "text", "title"}}
        article_id = str(given) if isinstance(given, str | int) and str(given).strip() else None
        if not isinstance(text, str):
            yield Article(
                id=article_id or where,
                text="",
                source=where,
                extra=extra,
                problem=f'line {number} of {source} has no "text" string; give each line {{"id", "text", "title"?}}',
            )
            continue
        title = title if isinstance(title, str) and title.strip() else None
        yield Article(
            id=article_id or content_id(source, text),
            text=text,
            title=title,
            source=where,
            extra=extra,
            problem=_problem(text, max_chars),
        )


def _article_from_bytes(raw: bytes, source: str, *, html: bool, max_chars: int) -> Article:
    """A file's (or standard input's) article, read as `summarize` reads one (summarizer.reading)."""
    article_id = content_id(source, raw.decode("utf-8", "replace"))
    try:
        page = decode(raw, name=source)
        text = article_from_text(page, name=source)
    except InputError as error:
        return Article(id=article_id, text="", source=source, problem=str(error))
    title = _html_title(page) if html or looks_like_html(page) else None
    return Article(id=article_id, text=text, title=title, source=source, problem=_problem(text, max_chars))


def _problem(text: str, max_chars: int) -> str | None:
    if not text.strip():
        return "the article is empty"
    if "\x00" in text:
        return "the article contains NUL bytes (binary data, not text)"
    if len(text) > max_chars:
        return (
            f"the article is {len(text):,} characters, over the limit of {max_chars:,}; split it or raise --max-chars"
        )
    return None


def _html_title(page: str) -> str | None:
    """The text of an HTML page's <title>, if it has one."""
    found = _TITLE.search(page, 0, 100_000)
    title = " ".join(html.unescape(found.group(1)).split()) if found else ""
    return clean_text(title) or None
