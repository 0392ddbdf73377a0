"""``thidua schema``: the JSON Schema an editor checks the YAML with, as it is typed."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from conftest import EXAMPLES, SAMPLE
from thidua_docs.cli import cli
from thidua_docs.schema import SCHEMA_NAME, schema


class _EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it (YAML 1.2: dates stay text)."""


_EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


@pytest.fixture(scope="module")
def validator():
    return jsonschema.Draft202012Validator(schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_satisfies_the_schema(path, validator):
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_EditorLoader)
    assert [error.message for error in validator.iter_errors(data)] == []


def test_the_schema_flags_what_the_loader_refuses(validator):
    data = yaml.load(SAMPLE.read_text(encoding="utf-8"), Loader=_EditorLoader)
    data["documnet"] = data.pop("document")
    data["signature"]["authority"] = "XX."
    data["year"] = "mười hai"
    messages = " ".join(error.message for error in validator.iter_errors(data))
    assert "documnet" in messages and "'document' is a required property" in messages
    assert "'XX.' is not valid" in messages and "'mười hai' is not" in messages


def test_the_sample_names_the_schema_and_the_verb_writes_it(tmp_path):
    assert SAMPLE.read_text(encoding="utf-8").splitlines()[0] == \
        f"# yaml-language-server: $schema={SCHEMA_NAME}"
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == schema()


def _texts(node, path=""):
    """Every (where, key, text) of a title or description in a JSON Schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("title", "description") and isinstance(value, str):
                yield path, key, value
            yield from _texts(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _texts(value, f"{path}[{index}]")


def test_an_editor_shows_every_key_explained_in_the_language_of_the_run():
    from test_messages import english_words
    from thidua_docs import messages

    vietnamese = schema()
    models = {"Directive": vietnamese, **vietnamese["$defs"]}
    for name, model in models.items():  # every model and every key has its explanation
        assert model.get("description"), name
        for key, entry in model.get("properties", {}).items():
            assert entry.get("description") and "title" not in entry, (name, key)
    texts = list(_texts(vietnamese))
    assert len(texts) > 90
    assert [(where, text) for where, _, text in texts if english_words(text)] == []
    messages.set_language("en")
    try:
        english = schema()
    finally:
        messages.set_language("vi")
    assert english["$defs"]["Indicator"]["properties"]["value"]["description"] != \
        vietnamese["$defs"]["Indicator"]["properties"]["value"]["description"]
    assert "value" in english["$defs"]["Indicator"]["properties"]["value"]["description"]
    assert jsonschema.Draft202012Validator(english).is_valid(
        yaml.load(SAMPLE.read_text(encoding="utf-8"), Loader=_EditorLoader))
