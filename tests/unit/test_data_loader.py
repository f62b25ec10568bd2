"""Every class of bad data input gets one exact message naming file, line, path and the fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgo.rules import load_data as load_datasets

ITEMS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["items"],
    "additionalProperties": False,
    "properties": {
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id", "name", "size"],
                "additionalProperties": False,
                "properties": {
                    "id": {"$ref": "common.schema.json#/$defs/id"},
                    "name": {"$ref": "common.schema.json#/$defs/text"},
                    "size": {"type": "number"},
                    "target": {"type": "string", "x-ref": "targets"},
                },
            },
        }
    },
}
TARGETS_SCHEMA = {"type": "object", "properties": {"targets": {"type": "array"}}}


def make_data(tmp_path: Path, items_yaml: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    common = Path(__file__).resolve().parents[2] / "data" / "common.schema.json"
    (data / "common.schema.json").write_text(common.read_text(encoding="utf-8"), encoding="utf-8")
    (data / "items.schema.json").write_text(json.dumps(ITEMS_SCHEMA), encoding="utf-8")
    (data / "items.yaml").write_text(items_yaml, encoding="utf-8")
    (data / "targets.schema.json").write_text(json.dumps(TARGETS_SCHEMA), encoding="utf-8")
    (data / "targets.yaml").write_text("targets:\n  - id: '16.6'\n  - id: '17.17'\n", encoding="utf-8")
    return data


GOOD = """items:
  - id: a
    name: {sr: Prvi, en: First}
    size: 1
    target: '16.6'
"""


def errors_of(tmp_path, text):
    _, errors = load_datasets(make_data(tmp_path, text))
    return [str(e) for e in errors]


def test_valid_data_loads_without_errors(tmp_path):
    datasets, errors = load_datasets(make_data(tmp_path, GOOD))
    assert errors == []
    assert datasets["items"]["items"][0]["name"]["en"] == "First"


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    assert errors_of(tmp_path, "items:\n  - id: a\n    name: [unclosed\n    size: 1\n") == [
        "data/items.yaml:4: YAML syntax error: expected ',' or ']', but got ':'; "
        "check indentation, colons and quotes on this line or the one above"
    ]


def test_missing_key_wrong_type_and_unknown_key_are_all_listed_at_once(tmp_path):
    text = """items:
  - id: a
    name: {sr: Prvi, en: First}
    size: veliko
  - id: b
    name: {sr: Drugi}
    size: 2
    colour: red
"""
    assert errors_of(tmp_path, text) == [
        'data/items.yaml:4: items[0].size: expected number, found "veliko"',
        "data/items.yaml:8: items[1].colour: Additional properties are not allowed ('colour' was unexpected); "
        "allowed keys: id, name, size, target (a typo?)",
        "data/items.yaml:6: items[1].name: missing key 'en'; add it (see the schema for its meaning)",
    ]


def test_duplicate_id_is_reported_on_each_duplicate(tmp_path):
    text = GOOD + "  - id: a\n    name: {sr: Opet, en: Again}\n    size: 2\n"
    assert errors_of(tmp_path, text) == [
        "data/items.yaml:2: items[0].id: duplicate id 'a'; ids must be unique in this list",
        "data/items.yaml:6: items[1].id: duplicate id 'a'; ids must be unique in this list",
    ]


def test_reference_to_an_unknown_id_names_the_known_ones(tmp_path):
    text = GOOD.replace("'16.6'", "'16.9'")
    assert errors_of(tmp_path, text) == [
        "data/items.yaml:5: items[0].target: '16.9' is not an id in data/targets.yaml; use one of: 16.6, 17.17"
    ]


def test_a_dataset_without_schema_is_an_error(tmp_path):
    data = make_data(tmp_path, GOOD)
    (data / "stray.yaml").write_text("things: []\n", encoding="utf-8")
    _, errors = load_datasets(data)
    assert [str(e) for e in errors] == ["data/stray.yaml:1: no schema: add data/stray.schema.json beside it"]


def test_the_repository_data_is_valid():
    _, errors = load_datasets()
    assert errors == [], "\n".join(map(str, errors))


@pytest.mark.parametrize("bad_id", ["A", "x y", "-a"])
def test_id_pattern(tmp_path, bad_id):
    messages = errors_of(tmp_path, GOOD.replace("id: a", f"id: '{bad_id}'"))
    assert len(messages) == 1 and "items[0].id: expected text matching" in messages[0]


COUNT_SCHEMA = {"type": "object", "properties": {"rows": {"type": "array", "items": {
    "type": "object", "properties": {"population": {"type": ["integer", "null"]}, "area": {"type": "number"}}}}}}


@pytest.mark.parametrize(("line", "expected"), [
    ("population: 49.601", "counts.yaml:3: rows[0].population: found 49.601: looks like a thousands separator "
                           "— write 49601 (whole numbers take no dots or commas)"),
    ("population: 49,601", "counts.yaml:3: rows[0].population: found '49,601': looks like a thousands separator "
                           "— write 49601 (no separators between thousands; a decimal point, not a comma)"),
    ("population: 1.232.500", "counts.yaml:3: rows[0].population: found '1.232.500': looks like a "
                              "thousands separator — write 1232500 (no separators between thousands; "
                              "a decimal point, not a comma)"),
    ("area: 1.232,5", "counts.yaml:3: rows[0].area: found '1.232,5': looks like a thousands separator — write "
                      "1232.5 (no separators between thousands; a decimal point, not a comma)"),
    ("area: 12,5", "counts.yaml:3: rows[0].area: found '12,5': write a decimal point, not a comma — 12.5"),
])
def test_numbers_typed_the_serbian_way_are_caught_with_file_and_line(tmp_path, line, expected):
    data = make_data(tmp_path, GOOD)
    (data / "counts.schema.json").write_text(json.dumps(COUNT_SCHEMA), encoding="utf-8")
    (data / "counts.yaml").write_text(f"rows:\n  - id: x\n    {line}\n", encoding="utf-8")
    _, errors = load_datasets(data)
    assert [str(e) for e in errors] == [f"data/{expected}"]
