"""`summarizer cache path|stats|clear`: find, measure or empty the result cache."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import click

from .cache import DiskCache
from .config import Settings

_CACHE_DIR = click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path), help="Env SUMMARIZER_CACHE_DIR."
)


@click.group(name="cache")
def cache_command() -> None:
    """Find, measure or empty the result cache."""


@cache_command.command()
@_CACHE_DIR
def path(cache_dir: Path | None) -> None:
    """Print the cache directory."""
    click.echo(Settings.from_env(cache_dir=cache_dir).cache_dir)


@cache_command.command()
@_CACHE_DIR
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(cache_dir: Path | None, as_json: bool) -> None:
    """Print the number of cached results and their size on disk."""
    directory = Settings.from_env(cache_dir=cache_dir).cache_dir
    if not (directory / "cache.db").exists():
        figures: dict[str, object] = {"directory": str(directory), "entries": 0, "bytes": 0}
    else:
        cache = _open(directory)
        try:
            figures = cache.stats()
        finally:
            cache.close()
    if as_json:
        click.echo(json.dumps(figures))
    else:
        click.echo(f"{figures['directory']}: {figures['entries']} result(s), {figures['bytes']:,} bytes")


@cache_command.command()
@_CACHE_DIR
def clear(cache_dir: Path | None) -> None:
    """Remove every cached result."""
    directory = Settings.from_env(cache_dir=cache_dir).cache_dir
    if not (directory / "cache.db").exists():
        click.echo(f"{directory}: no cache here; nothing to remove")
        return
    cache = _open(directory)
    try:
        removed = cache.clear()
    finally:
        cache.close()
    click.echo(f"{directory}: removed {removed} result(s)")


def _open(directory: Path) -> DiskCache:
    try:
        return DiskCache(directory)
    except (OSError, sqlite3.Error) as error:
        raise click.ClickException(f"cannot open the cache at {directory}: {error}") from None
