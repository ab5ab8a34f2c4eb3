"""Load and render prompt templates: a name, a version and a content hash per template."""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from .errors import PromptError

# Parts every template file must define; each is a string.Template ($name placeholders).
PARTS = ("system", "user", "reask", "grounding_reask", "cut_reask")

ARTICLE_OPEN, ARTICLE_CLOSE = "<article>", "</article>"


@dataclass(frozen=True, slots=True)
class PromptTemplate:
    """A versioned template; `sha256` covers the whole file, so any edit changes cache keys."""

    name: str
    version: str
    sha256: str
    parts: dict[str, str]

    def render(self, part: str, **variables: str) -> str:
        """Render one part; a placeholder without a value is an error, never left in the text."""
        if part not in self.parts:
            raise PromptError(f"prompt {self.name!r} has no part {part!r}; it has {', '.join(self.parts)}")
        try:
            return Template(self.parts[part]).substitute(variables).strip()
        except KeyError as missing:
            raise PromptError(
                f"prompt {self.name!r} v{self.version} part {part!r} needs variable {missing.args[0]!r}, "
                f"which was not given"
            ) from None
        except ValueError as bad:
            raise PromptError(f"prompt {self.name!r} part {part!r} is malformed: {bad}") from None


def fence_article(text: str) -> str:
    """Make the article safe to put between the fence tags: it cannot close the fence itself."""
    return text.replace(ARTICLE_CLOSE, "</ article>").replace(ARTICLE_OPEN, "< article>")


def prompts_dir() -> Path:
    """Where the templates are: inside the installed package, or prompts/ of a source checkout."""
    packaged = Path(str(resources.files("summarizer"))) / "prompts"
    if packaged.is_dir():
        return packaged
    # An editable install runs from the source tree, where the templates sit beside the package.
    return Path(__file__).resolve().parent.parent / "prompts"


def load_prompt(name: str = "summarize", directory: Path | None = None) -> PromptTemplate:
    """Load `<name>.toml` from the prompts directory (or `directory`)."""
    path = (directory or prompts_dir()) / f"{name}.toml"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise PromptError(f"prompt template {name!r} not found at {path}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as bad:
        raise PromptError(f"prompt template {path} is not valid TOML: {bad}") from None
    missing = [key for key in ("name", "version", *PARTS) if not isinstance(data.get(key), str)]
    if missing:
        raise PromptError(f"prompt template {path} lacks string field(s): {', '.join(missing)}")
    return PromptTemplate(
        name=data["name"],
        version=data["version"],
        sha256=hashlib.sha256(raw).hexdigest(),
        parts={part: data[part] for part in PARTS},
    )
