"""Load and render prompt templates: a name, a version and a content hash per template."""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template

from .errors import PromptError

# Parts every template file must define; each is a string.Template ($name placeholders).
PARTS = ("system", "user", "reask", "grounding_reask", "cut_reask")

# Data goes between fences named "<kind-ID>" ... "</kind-ID>", ID being a hash of the article and the title:
# text cannot contain its own hash, so nothing in the article can close its fence. Anything inside that
# looks like a fence tag in any disguise (case, spaces, entities, full-width or look-alike brackets,
# zero-width characters) is defanged as well, so the model never sees even a failed attempt as a tag.
FENCED_KINDS = ("article", "title", "findings")
_SPACE = r"[\s\u00ad\u200b-\u200f\u2060\ufeff]*"
_OPENER = r"(?:<|\uff1c|\ufe64|\u2039|\u2329|\u3008|\u27e8|&(?:amp;)*(?:lt|#0*60|#x0*3c);?)"
_SLASH = r"(?:/|\uff0f|\\|&(?:amp;)*(?:sol|#0*47|#x0*2f);?)?"


def _disguised(word: str) -> str:
    # Each letter in either case, ASCII or full-width, with spaces or invisible characters between them.
    letters = (f"[{c}{c.upper()}{chr(0xFF41 + ord(c) - 97)}{chr(0xFF21 + ord(c) - 97)}]" for c in word)
    return _SPACE.join(letters)


_FENCE_LIKE = re.compile(
    _OPENER + f"(?P<rest>{_SPACE}{_SLASH}{_SPACE}(?:{'|'.join(_disguised(kind) for kind in FENCED_KINDS)}))",
    re.IGNORECASE,
)


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


def defang(text: str) -> str:
    """`text` with anything that could read as one of our fence tags made into plain text ("[/article")."""
    return _FENCE_LIKE.sub(lambda match: "[" + match.group("rest"), text)


def fence_article(text: str) -> str:
    """The article made safe to put inside its fence (kept under its old name for callers of it)."""
    return defang(text)


def fence_id(*parts: str | None) -> str:
    """The ID of this request's fences: a hash of the data fenced, so the data cannot contain it."""
    digest = hashlib.sha256("\x00".join(part or "" for part in parts).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def unfence(kind: str, message: str) -> str | None:
    """The text inside the first `kind` fence of a rendered message, or None (for test doubles of a model)."""
    found = re.search(rf"<{kind}-([0-9a-f]{{16}})>\n(.*)\n</{kind}-\1>", message, re.DOTALL)
    return found.group(2) if found else None


def fence(kind: str, text: str, fence: str) -> str:
    """`text` between the opening and closing tags of a `kind` fence with ID `fence`, defanged."""
    return f"<{kind}-{fence}>\n{defang(text)}\n</{kind}-{fence}>"


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
