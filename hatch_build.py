"""The opt-in compiled build: the figure check's modules compiled with mypyc into the wheel.

Off by default (`enable-by-default = false` in pyproject.toml): the default install stays pure
Python and never loads this file. Turned on for one build with

    HATCH_BUILD_HOOK_ENABLE_CUSTOM=true pip install .

The modules to compile are listed in pyproject.toml (`compile`, minus `skip`). mypyc runs in a
temporary directory, never in the checkout: nothing compiled is left beside the sources, where it
would shadow them for an editable install or a run from the checkout. A failed compile stops the
build with mypyc's own output; it never falls back to a pure wheel the user did not ask for.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

# Run by a fresh interpreter in the build environment: setuptools must be imported before mypyc.build.
_SETUP = """\
import sys
from setuptools import setup
from mypyc.build import mypycify

paths, config, cache, target = sys.argv[1].split("\\n"), sys.argv[2], sys.argv[3], sys.argv[4]
sys.argv = [sys.argv[0], *sys.argv[5:]]
setup(
    name="summarizer-mypyc",
    ext_modules=mypycify(["--config-file", config, "--cache-dir", cache, *paths], target_dir=target),
)
"""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compiles the modules listed in the hook's `compile` (globs) less `skip` with mypyc."""

    _temp: str | None = None

    def _modules(self) -> list[str]:
        root = Path(self.root)
        skip = set(self.config.get("skip", []))
        patterns = self.config.get("compile", [])
        found = {path.relative_to(root).as_posix() for pattern in patterns for path in root.glob(pattern)}
        paths = sorted(found - skip)
        if not paths:
            raise RuntimeError("mypyc build hook: the `compile` list in pyproject.toml matches no file")
        return paths

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        if version == "editable":
            raise RuntimeError(
                "the compiled (mypyc) build is for a regular install: run `pip install .` without -e, "
                "or unset HATCH_BUILD_HOOK_ENABLE_CUSTOM for an editable (pure Python) install"
            )
        modules = self._modules()
        self._temp = tempfile.mkdtemp(prefix="summarizer-mypyc-")
        temp = Path(self._temp)
        lib = temp / "lib"
        self.app.display_info(f"mypyc: compiling {len(modules)} modules (a few minutes)")
        process = subprocess.run(
            [
                sys.executable,
                "-c",
                _SETUP,
                "\n".join(str(Path(self.root, module)) for module in modules),
                str(Path(self.root, "pyproject.toml")),
                str(temp / "mypy-cache"),
                str(temp / "c"),
                "build_ext",
                "--build-lib",
                str(lib),
                "--build-temp",
                str(temp / "obj"),
            ],
            # Run outside the checkout: setuptools would read pyproject.toml as its own project.
            cwd=temp,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        if process.returncode:
            raise RuntimeError(
                f"mypyc could not compile the figure check (exit {process.returncode}); the compiled build "
                f"was asked for by HATCH_BUILD_HOOK_ENABLE_CUSTOM, so no pure wheel is made instead. "
                f"Unset it for the pure Python install. mypyc said:\n{process.stdout[-6000:]}"
            )
        built = sorted(lib.rglob("*.so")) + sorted(lib.rglob("*.pyd"))
        if len(built) < len(modules):
            raise RuntimeError(f"mypyc built {len(built)} extension modules for {len(modules)} sources")
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(lib).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._temp is not None:
            shutil.rmtree(self._temp, ignore_errors=True)
            self._temp = None
