"""Reading articles: encodings, BOMs, HTML, control characters, size caps, files that are not text."""

from __future__ import annotations

import html
import os
from pathlib import Path

import pytest
from support import EXAMPLE_ARTICLE

from summarizer import InputError, Settings, Summarizer
from summarizer.figures import find_figures
from summarizer.reading import article_from_bytes, article_from_text, looks_like_html, read_article

ARTICLE = "Café owners in Zürich said rents rose 12% to CHF 4,500 a month — “too much”, one said.\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252"]
)
def test_every_common_encoding_reads_as_the_same_text(encoding: str) -> None:
    text = ARTICLE if encoding not in {"latin-1"} else ARTICLE.replace("—", "-").replace("“", '"').replace("”", '"')
    raw = text.encode(encoding)
    if encoding == "utf-16-le":
        raw = b"\xff\xfe" + raw  # the BOM that tells the byte order
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    assert article_from_bytes(raw, name="a.txt") == text


def test_an_html_page_is_reduced_to_the_article_with_its_figures() -> None:
    paragraphs = [p for p in EXAMPLE_ARTICLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)  # quotes become &quot;
    page = (
        "<!doctype html><html><head><title>t</title><script>var price='£999m';</script></head><body>"
        "<nav><a href='/'>Home</a> <a href='/sport'>Sport</a></nav>"
        f"<main><article>{body}</article></main>"
        "<footer>Subscribe for £1 a week</footer></body></html>"
    )
    text = article_from_bytes(page.encode("utf-8"), name="page.html")
    assert "<p>" not in text and "&quot;" not in text and "£999m" not in text and "Subscribe" not in text
    assert '"This is the largest investment' in text  # entities decoded
    figures = {figure.text for figure in find_figures(text)}
    assert {"£480m", "£180m", "£300m", "2.35 million"} <= figures


def test_prose_that_mentions_a_tag_is_not_html() -> None:
    assert not looks_like_html("The <p> tag starts a paragraph; editors rarely type it by hand.")
    assert looks_like_html("<p>Exports rose 12%.</p><p>Imports fell.</p>")


def test_terminal_escapes_and_invisible_characters_never_become_figures() -> None:
    text = article_from_text("\x1b[31mProfits rose 12%\x1b[0m to £4\u200b80m.\x07")
    assert text == "Profits rose 12% to £480m."
    assert "31m" not in {figure.text for figure in find_figures(text)}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b" \n\t \n", "is empty"),
        ("\x1b[0m\x07\x1b]0;title\x07\u200b\n".encode(), "is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "is a PDF, not text; extract its text first"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a PNG image"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (bytes(range(256)) * 40, "binary file"),
        (b"<html><body><script>x=1</script></body></html>", "HTML page with no article text"),
    ],
    ids=["empty", "blank", "controls only", "pdf", "png", "zip", "binary", "html without text"],
)
def test_unusable_input_is_one_clear_input_error(content: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        article_from_bytes(content, name="in.bin")


def test_a_file_over_the_cap_is_refused_before_it_is_read_and_says_how_to_raise_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(5_000_001)  # sparse: refusing it must not need reading it
    with pytest.raises(InputError, match=r"5,000,001 bytes.*--max-input-bytes or SUMMARIZER_MAX_INPUT_BYTES"):
        read_article(str(big), max_bytes=1_000_000)


def test_the_library_caps_text_too_and_the_setting_raises_the_cap() -> None:
    text = "Exports rose 12%. " * 1000  # 18,000 bytes
    small = Settings(engine="extractive", use_cache=False, max_input_bytes=10_000)
    with Summarizer(small) as summarizer, pytest.raises(InputError, match="10,000-byte limit"):
        summarizer.summarize(text)
    with Summarizer(small.with_changes(max_input_bytes=20_000)) as summarizer:
        assert summarizer.summarize(text).summary.key_figures


def test_the_library_reduces_html_it_is_given() -> None:
    with Summarizer(Settings(engine="extractive", use_cache=False)) as summarizer:
        result = summarizer.summarize("<p>The council spent £2.5bn.</p><p>Roads got 12% more.</p><div>x</div>")
    assert "<p>" not in result.summary.summary and "£2.5bn" in result.summary.summary


def test_a_directory_and_a_missing_file_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        read_article(str(tmp_path))
    with pytest.raises(InputError, match=r"cannot read .*No such file"):
        read_article(str(tmp_path / "missing.txt"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_an_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    with pytest.raises(InputError, match="Permission denied"):
        read_article(str(locked))
