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
