"""Load every dataset in ``data/`` and check it against the JSON Schema beside it.

Problems are collected, never raised one by one, so that an editor sees every mistake of a build at
once, each with file, line, the path inside the document, what was expected and what was found.
Checks a schema cannot express (weights that must sum to one, …) are passed in per dataset
(``kgo/rules.py`` is the one list of them); references between datasets are declared in schemas
with ``"x-ref": "DATASET"``.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from kgo.project import ROOT

DATA_DIR = ROOT / "data"

# A check of what a schema cannot express: it gets every dataset (to follow references) and yields
# messages that start with the path inside the document, e.g.
# "dimensions[2].weight: weights of dimensions sum to 0.9; …".
Rule = Callable[[Mapping[str, Any]], Iterable[str]]
Rules = Mapping[str, Sequence[Rule]]


@dataclass(frozen=True)
class DataError:
    file: str
    line: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f" {self.path}:" if self.path else ""
        return f"{self.file}:{self.line}:{where} {self.message}"


class DataErrors(Exception):
    """Raised with every problem found; ``str()`` lists them one per line."""

    def __init__(self, errors: list[DataError]):
        self.errors = errors
        super().__init__(format_errors(errors))


def format_errors(errors: list[DataError]) -> str:
    head = f"{len(errors)} problem(s) in data/ — nothing was built:"
    return "\n".join([head, *(f"  {e}" for e in errors)])


# --- YAML with line numbers -------------------------------------------------------------------

def node_lines(node: yaml.Node, path: tuple = ()) -> dict[tuple, int]:
    """Map every path inside a YAML document to the 1-based line where its value starts."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[path + (key.value,)] = key.start_mark.line + 1
            for sub, line in node_lines(value, path + (key.value,)).items():
                lines.setdefault(sub, line)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(node_lines(item, path + (index,)))
    return lines


def line_of(lines: Mapping[tuple, int], path: Iterable) -> int:
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path, 1)


def format_path(path: Iterable) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- schema checks ----------------------------------------------------------------------------

def _schema_registry(data_dir: Path) -> Registry:
    common = data_dir / "common.schema.json"
    if not common.exists():
        return Registry()
    resource = Resource.from_contents(json.loads(common.read_text(encoding="utf-8")))
    return Registry().with_resource("common.schema.json", resource)


_GROUPED = re.compile(r"^-?\d{1,3}(?:([.,  ])\d{3})+(?:([.,])\d+)?$")


def _local_number_habit(value: Any, expected: Any) -> str:
    """A number typed the Serbian way (49.601 / 49,601 / 1.232,5) where the schema wants a number:
    say how to write it. Empty when the value is something else."""
    kinds = expected if isinstance(expected, list) else [expected]
    if not ({"integer", "number"} & set(kinds)):
        return ""
    if isinstance(value, float) and "integer" in kinds:
        digits = repr(value).split(".")[1] if "." in repr(value) else ""
        if len(digits) == 3:
            return (f"found {value!r}: looks like a thousands separator — write {repr(value).replace('.', '')} "
                    "(whole numbers take no dots or commas)")
        return (f"expected a whole number, found {value!r} (a dot is read as a decimal point: write "
                "thousands without separators, e.g. 49601)")
    if isinstance(value, str) and (match := _GROUPED.match(value.strip())):
        group, decimal = match.group(1), match.group(2)
        plain = value.strip().replace(group, "")
        if decimal:
            plain = plain.replace(decimal, ".")
        return (f"found {value!r}: looks like a thousands separator — write {plain} "
                "(no separators between thousands; a decimal point, not a comma)")
    if isinstance(value, str) and re.fullmatch(r"-?\d+,\d+", value.strip()):
        return f"found {value!r}: write a decimal point, not a comma — {value.strip().replace(',', '.')}"
    return ""


def _explain(error: ValidationError) -> str:
    """A message that says what was expected, what was found and how to fix it."""
    found = json.dumps(error.instance, ensure_ascii=False, default=str)
    if len(found) > 60:
        found = found[:57] + "..."
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"missing key '{missing}'; add it (see the schema for its meaning)"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"{error.message}; allowed keys: {', '.join(allowed)} (a typo?)"
    if kind == "type":
        if hint := _local_number_habit(error.instance, error.validator_value):
            return hint
        if error.instance is None:  # `value: null`, or a key with nothing after the colon
            return (f"expected {error.validator_value}, found null (an empty value): fill it in, or "
                    "leave the key out where the schema allows it")
        return f"expected {error.validator_value}, found {found}"
    if kind == "enum":
        return f"expected one of {', '.join(map(str, error.validator_value))}, found {found}"
    if kind == "pattern":
        hint = error.schema.get("description")  # a schema's description of a pattern says the fix
        return f"expected text matching {error.validator_value}, found {found}" + (f"; {hint}" if hint else "")
    if kind == "x-ref":
        return error.message
    return f"{error.message} (found {found})"


def _make_validator_class(ids: Mapping[str, set]):
    def x_ref(validator, dataset, instance, schema):
        if isinstance(instance, str) and instance not in ids.get(dataset, set()):
            known = ", ".join(sorted(ids.get(dataset, set()))[:12])
            yield ValidationError(
                f"'{instance}' is not an id in data/{dataset}.yaml; use one of: {known}"
            )

    return validators.extend(Draft202012Validator, {"x-ref": x_ref})


def collect_ids(document: Any) -> set[str]:
    """Ids of a dataset: the ``id`` of every record in its top-level lists."""
    found = set()
    if isinstance(document, Mapping):
        for value in document.values():
            if isinstance(value, list):
                found |= {str(r["id"]) for r in value if isinstance(r, Mapping) and "id" in r}
    return found


def _duplicate_ids(document: Any, path: tuple = ()) -> Iterable[tuple[tuple, str]]:
    if isinstance(document, Mapping):
        for key, value in document.items():
            yield from _duplicate_ids(value, path + (key,))
    elif isinstance(document, list):
        ids = Counter(r["id"] for r in document if isinstance(r, Mapping) and "id" in r)
        for index, record in enumerate(document):
            if isinstance(record, Mapping) and ids.get(record.get("id"), 0) > 1:
                yield path + (index, "id"), f"duplicate id '{record['id']}'; ids must be unique in this list"
            yield from _duplicate_ids(record, path + (index,))


# --- the loader -------------------------------------------------------------------------------

# libyaml when PyYAML has it (several times faster); the pure loader only to word a syntax error.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """The document's node tree (for line numbers) and its data, from a single parse."""
    loader = _FAST_LOADER(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    except yaml.YAMLError:
        yaml.compose(text, Loader=yaml.SafeLoader)  # raises the same error, in PyYAML's words
        raise
    finally:
        loader.dispose()


def load_datasets(data_dir: Path = DATA_DIR, rules: Rules | None = None,
                  passed: Path | None = None) -> tuple[dict[str, Any], list[DataError]]:
    """Parse and check every ``*.yaml`` in ``data_dir``; returns (datasets, errors).

    ``rules`` are the checks beyond the schemas, by dataset (see kgo/rules.py). ``passed``: a marker
    file that exists only when these very files (and this code) passed every check before; then
    they are only parsed, and the marker is written after a clean check."""
    files = {path.stem: path for path in sorted(data_dir.glob("*.yaml"))}
    if passed is not None and passed.exists():
        # The marker holds the checked data as JSON when it survives the round trip (parsing JSON
        # is some thirty times faster than parsing the YAML again); an empty marker means "parse".
        kept = passed.read_text(encoding="utf-8")
        if kept:
            return json.loads(kept), []
        return {name: _parse(path.read_text(encoding="utf-8"))[1] for name, path in files.items()}, []
    datasets, errors = _load(files, data_dir, rules or {})
    if passed is not None and not errors:
        passed.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(datasets, ensure_ascii=False, default=str)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=passed.parent, delete=False) as handle:
            handle.write(text if json.loads(text) == datasets else "")  # dates, number keys: parse again
        os.replace(handle.name, passed)  # atomic: a build beside this one never reads half of it
    return datasets, errors


def load_one(path: Path, dataset: str, data_dir: Path = DATA_DIR,
             rules: Sequence[Rule] = ()) -> tuple[Any, list[DataError]]:
    """One file of a known kind (another copy of ``data/DATASET.yaml``), checked against that
    dataset's schema and rules; returns (document, errors)."""
    datasets, errors = _load({dataset: path}, data_dir, {dataset: rules})
    return datasets.get(dataset), errors


def _load(files: Mapping[str, Path], data_dir: Path, rules: Rules) -> tuple[dict[str, Any], list[DataError]]:
    datasets: dict[str, Any] = {}
    lines: dict[str, dict] = {}
    errors: list[DataError] = []

    def rel(path: Path) -> str:
        try:
            return path.resolve().relative_to(data_dir.resolve().parent).as_posix()
        except ValueError:
            return str(path)

    for name, path in files.items():
        try:
            text = path.read_text(encoding="utf-8")
            node, datasets[name] = _parse(text)
        except FileNotFoundError:
            errors.append(DataError(rel(path), 1, "", "file not found; create it or pass another path"))
            continue
        except UnicodeDecodeError as exc:
            errors.append(DataError(rel(path), 1, "", f"not UTF-8 text ({exc.reason}); save the file as UTF-8"))
            continue
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            problem = getattr(exc, "problem", None) or str(exc)
            errors.append(DataError(rel(path), line, "", f"YAML syntax error: {problem}; "
                                    "check indentation, colons and quotes on this line or the one above"))
            continue
        lines[name] = node_lines(node) if node is not None else {}
        if not (data_dir / f"{name}.schema.json").exists():
            errors.append(DataError(rel(path), 1, "", f"no schema: add data/{name}.schema.json beside it"))

    ids = {name: collect_ids(doc) for name, doc in datasets.items()}
    validator_class = _make_validator_class(ids)
    registry = _schema_registry(data_dir)
    for name, document in datasets.items():
        schema_path = data_dir / f"{name}.schema.json"
        file = rel(files[name])
        if schema_path.exists():
            try:
                schema = json.loads(schema_path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                errors.append(DataError(rel(schema_path), exc.lineno, "", f"invalid JSON: {exc.msg}"))
                continue
            validator = validator_class(schema, registry=registry)
            for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
                path = list(error.absolute_path)
                if error.validator == "additionalProperties" and isinstance(error.instance, dict):
                    extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
                    path += extra[:1]  # point at the unexpected key's own line
                errors.append(DataError(file, line_of(lines[name], path), format_path(path), _explain(error)))
        for path, message in _duplicate_ids(document):
            errors.append(DataError(file, line_of(lines[name], path), format_path(path), message))

    if not errors:  # rules may assume schema-valid data
        for name, checks in rules.items():
            if name not in datasets:
                continue
            for check in checks:
                for message in check(datasets):
                    path_text, _, text = message.partition(": ")
                    path = _parse_path(path_text) if text else ()
                    errors.append(DataError(rel(files[name]), line_of(lines[name], path),
                                            path_text if text else "", text or message))
    return datasets, errors


def _parse_path(text: str) -> tuple:
    parts: list = []
    for chunk in text.replace("]", "").split("."):
        name, *indexes = chunk.split("[")
        if name:
            parts.append(name)
        parts += [int(i) if i.isdigit() else i for i in indexes]
    return tuple(parts)
