"""The layout keeps its promises: imports run downwards only, MkDocs is known at the edge only,
no module edits sys.path, and the hooks stay thin."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Layers, bottom to top: a module imports from its own layer or below (ARCHITECTURE.md).
LAYERS = [
    {"project", "editions", "build"},
    {"data", "search"},
    {"cyrillic"},
    {"text"},
    {"methods", "render", "books", "opendata", "checks", "documents", "calculator", "guard"},
    {"rules", "engine"},
]
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n")
MODULES = sorted((ROOT / "kgo").rglob("*.py"))
HOOKS = sorted((ROOT / "hooks").glob("*.py"))


def layer(module: str) -> int:
    """Layer of 'kgo.render.markers' (by its first part under kgo)."""
    part = module.split(".")[1] if module.count(".") else module
    part = part.removesuffix(".py")
    for index, names in enumerate(LAYERS):
        if part in names:
            return index
    raise AssertionError(f"kgo.{part} is in no layer: add it to LAYERS here and to ARCHITECTURE.md")


def imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def name_of(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_imports_run_downwards_only(path):
    own = name_of(path)
    if own == "kgo" or (own.endswith("__init__") and own.count(".") == 1):
        return
    upward = [f"{path.relative_to(ROOT)}:{line}: imports {target}" for line, target in imports(path)
              if target.startswith("kgo.") and layer(target) > layer(own)]
    assert upward == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_only_the_engine_adapter_knows_mkdocs(path):
    if name_of(path).startswith("kgo.engine"):
        return
    known = [f"{path.relative_to(ROOT)}:{line}: imports {target}" for line, target in imports(path)
             if target.split(".")[0] in ENGINE]
    assert known == [], "keep MkDocs, Material and the i18n plugin in hooks/ and kgo/engine/"


@pytest.mark.parametrize("path", [*MODULES, *HOOKS], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_nothing_edits_sys_path(path):
    assert "sys.path" not in path.read_text(encoding="utf-8"), f"{path}: kgo is installed (make deps)"


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_hooks_are_thin(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) <= 60, f"{path.name}: move the logic into kgo/ and keep the hook a few lines"
    assert all(not target.startswith("hooks") for _, target in imports(path))


def test_the_layer_check_sees_an_upward_import():
    assert layer("kgo.data.loader") < layer("kgo.render.markers")
    assert layer("kgo.render.markers") > layer("kgo.text")


def test_the_editions_match_the_i18n_languages_of_mkdocs_yml():
    from mkdocs.config import load_config

    from kgo.engine.mkdocs import edition_problems

    assert edition_problems(load_config(str(ROOT / "mkdocs.yml"))) == []


def test_an_edition_missing_from_mkdocs_yml_is_named():
    from kgo.editions.model import check_against_i18n

    problems = check_against_i18n([("sr", "sr-Latn"), ("en", "en"), ("de", "de")])
    assert problems == ["mkdocs.yml: the i18n plugin has no language 'sr-Cyrl' (edition cyr)",
                        "mkdocs.yml: language 'de' is no edition; add it to kgo/editions/model.py"]
