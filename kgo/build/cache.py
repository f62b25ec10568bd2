"""A content-addressed cache for work a build repeats without need (``.cache/build/``).

A result is stored under the hash of its inputs and of everything that could change it: the code
and templates of the ``kgo`` package and the files in ``data/``. An edit to any of them makes new keys, so a
stale result is never used; old entries are simply never read again (``make clean`` removes them).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from importlib import metadata
from pathlib import Path
from typing import Any

from kgo.build.context import BuildContext
from kgo.project import PACKAGE


def version(root: Path, data_dir: Path | None = None) -> str:
    """Hash of the code, templates and data of the project at ``root``: part of every key.

    A build computes it once (BuildContext.cache_version), so a preview rebuild after an edit of
    data/ or of a template gets new keys."""
    digest = hashlib.sha256()
    for folder in (PACKAGE, data_dir or root / "data"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".yaml", ".json", ".css"):
                digest.update(path.relative_to(folder.parent).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def cached(context: BuildContext | Path, kind: str, key: Any, compute: Callable[[], Any]) -> Any:
    """``compute()``'s JSON-serialisable result, from the cache when the same key was seen.

    ``context`` is the build's (its version is computed once), or a project root outside a build."""
    if isinstance(context, Path):
        context = BuildContext(root=context)
    if context.cache_version is None:
        context.cache_version = version(context.root)
    text = f"{context.cache_version}\0{kind}\0{json.dumps(key, ensure_ascii=False)}"
    digest = hashlib.sha256(text.encode()).hexdigest()
    path = context.root / ".cache" / "build" / kind / digest[:2] / digest
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = compute()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as handle:
        json.dump(value, handle, ensure_ascii=False)
    os.replace(handle.name, path)  # atomic: builds running side by side never read half a file
    return value


def inputs_key(datasets: Mapping[str, Any], names: tuple[str, ...], libraries: tuple[str, ...],
               *extra: str) -> list[str]:
    """What a set of generated files depends on besides the code: the datasets it is made from,
    the versions of the libraries that write it, and ``extra`` (the build time)."""
    data = json.dumps({name: datasets.get(name) for name in names}, ensure_ascii=False, sort_keys=True, default=str)
    return [hashlib.sha256(data.encode()).hexdigest(), *extra,
            *(f"{lib}={metadata.version(lib)}" for lib in libraries)]


def cached_files(context: BuildContext | Path, kind: str, key: Any,
                 compute: Callable[[], Mapping[str, bytes]]) -> dict[str, bytes]:
    """Generated files (site path -> bytes), from the cache when the same key was seen: a build
    with unchanged data and code writes documents and spreadsheets without making them again."""
    stored = cached(context, kind, key, lambda: {
        path: base64.b64encode(data).decode("ascii") for path, data in compute().items()})
    return {path: base64.b64decode(data) for path, data in stored.items()}


def template_cache(root: Path) -> Any:
    """A Jinja bytecode cache in ``.cache/jinja``: every edition's build (and every next build)
    loads the theme's compiled templates instead of compiling them again."""
    from jinja2 import FileSystemBytecodeCache

    folder = root / ".cache" / "jinja"
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))
