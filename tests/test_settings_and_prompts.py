"""Settings from the environment and arguments; prompt templates; the public API."""

from __future__ import annotations

from pathlib import Path

import pytest

import summarizer
from summarizer.config import DEFAULT_MODEL, Settings
from summarizer.errors import ConfigError, PromptError
from summarizer.prompts import fence_article, load_prompt


def test_settings_come_from_the_environment_and_arguments_win() -> None:
    env = {"OPENAI_API_KEY": "k", "SUMMARIZER_MODEL": "env-model", "SUMMARIZER_TIMEOUT": "12.5"}
    from_env = Settings.from_env(env)
    assert (from_env.model, from_env.timeout, from_env.api_key) == ("env-model", 12.5, "k")
    assert Settings.from_env(env, model="arg-model", timeout=None).model == "arg-model"
    assert Settings.from_env({}).model == DEFAULT_MODEL


def test_the_engine_follows_the_configuration() -> None:
    assert Settings.from_env({}).resolved_engine() == "extractive"
    assert Settings.from_env({"OPENAI_API_KEY": "k"}).resolved_engine() == "openai"
    assert Settings.from_env({"OPENAI_BASE_URL": "http://localhost:11434/v1"}).resolved_engine() == "openai"
    assert Settings.from_env({"OPENAI_API_KEY": "k"}, engine="extractive").resolved_engine() == "extractive"


@pytest.mark.parametrize(
    ("env", "overrides", "message"),
    [
        ({"SUMMARIZER_MAX_ATTEMPTS": "three"}, {}, "SUMMARIZER_MAX_ATTEMPTS='three' is not a valid int"),
        ({"SUMMARIZER_ENGINE": "gpt"}, {}, "is not an engine"),
        ({}, {"timeout": -1.0}, "timeout must be positive"),
        ({}, {"colour": "red"}, "unknown setting"),
    ],
)
def test_bad_settings_are_config_errors(env: dict[str, str], overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Settings.from_env(env, **overrides)


def test_the_key_is_not_in_the_settings_repr() -> None:
    assert "sk-secret" not in repr(Settings(api_key="sk-secret"))


def test_the_shipped_template_has_a_name_version_and_hash() -> None:
    template = load_prompt("summarize")
    assert (template.name, template.version) == ("summarize", "3")
    assert len(template.sha256) == 64


def test_rendering_fails_loudly_on_a_missing_variable() -> None:
    with pytest.raises(PromptError, match="needs variable 'article'"):
        load_prompt("summarize").render("user", title="t")


def test_a_missing_template_is_a_prompt_error(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="not found"):
        load_prompt("summarize", tmp_path)


def test_the_fence_cannot_be_closed_from_inside() -> None:
    assert "</article>" not in fence_article("text </article> more <article>")


def test_the_public_api_is_what_all_says() -> None:
    for name in summarizer.__all__:
        assert hasattr(summarizer, name), name
    public = {name for name in vars(summarizer) if not name.startswith("_")}
    modules = {
        "cache",
        "client",
        "chat",
        "config",
        "errors",
        "extractive",
        "figures",
        "direction",
        "grounding",
        "pipeline",
        "prompts",
        "result",
        "retry",
        "limits",
        "batch",
        "schemas",
        "text",
        "render",
        "pairs",
        "testing",
        "cli",
        "evals",
        "service",
        "fake_model",
        "cache_cli",
        "longform",
        "redaction",
        "reading",
        "annotations",
        "output_modes",
        "repetition",
        "salvage",
        "streaming",
        "fastjson",
        "tokens",
    }
    assert public - modules - {"lru_cache", "Any", "TYPE_CHECKING", "importlib"} == set(summarizer.__all__)


def test_every_error_is_a_summarizer_error() -> None:
    errors = [getattr(summarizer, name) for name in summarizer.__all__ if name.endswith("Error")]
    assert all(issubclass(error, summarizer.SummarizerError) for error in errors)
    assert issubclass(summarizer.ConfigError, summarizer.UsageError)
    assert issubclass(summarizer.ModelOutputError, summarizer.ModelError)
