"""Which structured-output mode each endpoint+model accepts, learnt from its refusals and remembered.

Strongest first: strict `json_schema`, then JSON mode with the schema (`json_object`; llama.cpp's
server turns the schema into a grammar), then plain JSON asked for in the prompt. A fallback is
remembered for the process and, when the cache is on, in a small JSON file in the cache directory,
so the next run does not pay the failing request again. Delete the file after upgrading a server.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Literal, cast

log = logging.getLogger("summarizer.client")

OutputMode = Literal["json_schema", "json_object", "prompt"]
OUTPUT_MODES: tuple[OutputMode, ...] = ("json_schema", "json_object", "prompt")
MODES_FILE = "output-modes.json"

# Shared by every client of the process, so a batch pays for discovering a fallback once.
_process_modes: dict[str, OutputMode] = {}
_lock = threading.Lock()


class LearntModes:
    """The learnt output modes: the process's memory, backed by a JSON file when `path` is set."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def get(self, key: str) -> OutputMode:
        """The mode to try first for `key` (endpoint|model)."""
        with _lock:
            if key not in _process_modes:
                remembered = self._read().get(key)
                if remembered is not None:
                    _process_modes[key] = remembered
            return _process_modes.get(key, OUTPUT_MODES[0])

    def learn(self, key: str, mode: OutputMode) -> None:
        """Remember that `key` needs `mode` (for this process and, with a file, for later runs)."""
        with _lock:
            _process_modes[key] = mode
            if self.path is not None:
                self._write({**self._read(), key: mode})

    def _read(self) -> dict[str, OutputMode]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.info("ignoring %s (%s); the output modes will be learnt again", self.path, type(error).__name__)
            return {}
        if not isinstance(data, dict):
            return {}
        return {str(k): cast(OutputMode, v) for k, v in data.items() if v in OUTPUT_MODES}

    def _write(self, modes: dict[str, OutputMode]) -> None:
        assert self.path is not None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # Written whole and renamed, so a concurrent reader never sees half a file.
            fd, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".output-modes-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as file:
                json.dump(modes, file, indent=2, sort_keys=True)
            os.replace(temporary, self.path)
        except OSError as error:
            log.info("could not remember the output mode in %s (%s)", self.path, error.strerror or error)
