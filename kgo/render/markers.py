"""Data markers: ``<!-- data: DATASET VIEW key=value -->`` lines in Markdown, filled by renderers.

A renderer is a pure function registered for a (dataset, view) pair. It receives a
:class:`RenderContext` (data, edition, page) and the marker's arguments and returns HTML, which it
makes from a Jinja template in ``kgo/render/templates`` (autoescaped: data never becomes markup).
Markers are found and checked before any page renders, so one build lists every bad marker.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import jinja2
import yaml

from kgo.text import dataset_label, fmt_number, script_lang, t

TEMPLATES = Path(__file__).parent / "templates"

# A marker is an HTML comment whose text starts with "data" (a colon follows in a good one).
MARKER_RE = re.compile(r"^[ \t]*<!--\s*data\b:?(?P<body>.*?)-->[ \t]*$", re.MULTILINE)
_ARG_RE = re.compile(r"^(?P<key>[a-z_][a-z0-9_-]*)=(?P<value>\S+)$")

Renderer = Callable[..., str]


def renderer(dataset: str, view: str, data_file: bool = True) -> Callable[[Renderer], Renderer]:
    """Mark ``fn`` as the renderer of ``<!-- data: dataset view ... -->``; it is called with the
    render context bound to that dataset (``ctx.doc``, ``ctx.label``, ``ctx.record``; a word of another
    dataset is ``ctx.label_of(name, key)``).

    ``data_file=False`` for a marker that renders something other than ``data/DATASET.yaml``
    (e.g. the list of every open-data file)."""

    def mark(fn: Renderer) -> Renderer:
        @functools.wraps(fn)
        def bound(ctx: RenderContext, **args: Any) -> str:
            return fn(ctx if ctx.dataset == dataset else ctx.bound(dataset), **args)

        bound.marker = (dataset, view)  # type: ignore[attr-defined]
        bound.data_file = data_file  # type: ignore[attr-defined]
        return bound

    return mark


@cache
def registry() -> Mapping[tuple[str, str], Renderer]:
    """Every renderer of the modules in ``kgo.render.renderers``, by (dataset, view)."""
    import kgo.render.renderers as package

    found: dict[tuple[str, str], Renderer] = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"kgo.render.renderers.{info.name}")
        for value in vars(module).values():
            pair = getattr(value, "marker", None)
            if callable(value) and isinstance(pair, tuple) and getattr(value, "__module__", "") == module.__name__:
                if pair in found:
                    raise ValueError(f"two renderers for '{pair[0]} {pair[1]}': {found[pair].__module__} "
                                     f"and {module.__name__}")
                found[pair] = value
    return MappingProxyType(found)


def _needs_data_file(dataset: str, known: Mapping[tuple[str, str], Renderer]) -> bool:
    return all(getattr(fn, "data_file", True) for (name, _), fn in known.items() if name == dataset)


def record(records: list[Mapping[str, Any]], record_id: str, kind: str, file: str) -> Mapping[str, Any]:
    """The record with ``id == record_id``; otherwise an error naming the file and the known ids."""
    for item in records:
        if item["id"] == record_id:
            return item
    known = ", ".join(str(item["id"]) for item in records)
    raise KeyError(f"no {kind} id={record_id!r} in {file}; known: {known}")


@dataclass(frozen=True)
class Marker:
    dataset: str
    view: str
    args: dict[str, str]
    line: int
    start: int
    end: int


@dataclass
class MarkerError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def find_markers(markdown: str, file: str) -> tuple[list[Marker], list[MarkerError]]:
    """Parse every marker of a page; malformed ones become errors with their line."""
    markers, errors = [], []
    for match in MARKER_RE.finditer(markdown):
        line = markdown.count("\n", 0, match.start()) + 1
        words = match.group("body").split()
        if ":" not in match.group(0).split("data", 1)[1][:3] or len(words) < 2:
            errors.append(MarkerError(file, line, f"malformed marker {match.group(0).strip()!r}; "
                                      "write <!-- data: DATASET VIEW key=value -->"))
            continue
        args = {}
        for word in words[2:]:
            arg = _ARG_RE.match(word)
            if not arg:
                errors.append(MarkerError(file, line, f"marker argument {word!r} is not key=value"))
                continue
            args[arg["key"].replace("-", "_")] = arg["value"]
        markers.append(Marker(words[0], words[1], args, line, match.start(), match.end()))
    return markers, errors


def check_markers(markdown: str, file: str, datasets: Mapping[str, Any],
                  renderers: Mapping[tuple[str, str], Renderer] | None = None) -> list[MarkerError]:
    """Every problem with a page's markers, without rendering: unknown pair, dataset, argument.

    ``renderers`` defaults to every renderer of kgo.render.renderers."""
    markers, errors = find_markers(markdown, file)
    known = registry() if renderers is None else renderers
    for m in markers:
        fn = known.get((m.dataset, m.view))
        if fn is None:
            views = sorted(v for d, v in known if d == m.dataset)
            hint = (f"known views of {m.dataset!r}: {', '.join(views)}" if views
                    else f"known datasets: {', '.join(sorted({d for d, _ in known}))}")
            errors.append(MarkerError(file, m.line, f"unknown marker '{m.dataset} {m.view}'; {hint}"))
            continue
        if m.dataset not in datasets and _needs_data_file(m.dataset, known):
            errors.append(MarkerError(file, m.line, f"marker needs data/{m.dataset}.yaml, which does not exist"))
        params = inspect.signature(fn).parameters
        for key in m.args:
            if key not in params or key == "ctx":
                allowed = [p for p in params if p != "ctx"]
                errors.append(MarkerError(file, m.line, f"marker '{m.dataset} {m.view}' takes no argument "
                                          f"{key!r}; allowed: {', '.join(allowed) or 'none'}"))
    return errors


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


@cache
def _ui_strings() -> Mapping[str, Mapping[str, str]]:
    return yaml.safe_load((TEMPLATES / "ui.yaml").read_text(encoding="utf-8")) or {}


@dataclass
class RenderContext:
    """What a renderer may know: the data, the edition, the page (for relative links)."""

    data: Mapping[str, Any]
    lang: str
    page: str = "index.md"
    extra: dict[str, Any] = field(default_factory=dict)
    dataset: str = ""            # the dataset of the marker being rendered (bound by expand_markers)
    links: list[str] = field(default_factory=list)  # pages linked by ctx.link (the build checks them)

    def bound(self, dataset: str) -> RenderContext:
        """This context for a renderer of ``dataset``."""
        return replace(self, dataset=dataset)

    @property
    def doc(self) -> Mapping[str, Any]:
        """The bound dataset's document."""
        return self.data.get(self.dataset, {})

    def label(self, key: str, **values: Any) -> str:
        """A UI word of the bound dataset's ``labels`` block, in the edition's language.

        ``{name}`` placeholders are filled from ``values``; templates read words the same way
        (``ctx.label('caption')``) instead of receiving them one by one."""
        return self.label_of(self.dataset, key, **values)

    def label_of(self, dataset: str, key: str, **values: Any) -> str:
        """A UI word of another dataset's ``labels`` block (e.g. a word of data/municipalities.yaml
        on a page of another dataset), in the edition's language; a clear error if it is missing."""
        if dataset not in self.data:
            raise KeyError(f"label {key!r} needs data/{dataset}.yaml, which was not loaded")
        if key not in self.data[dataset].get("labels", {}):
            raise KeyError(f"label {key!r} is missing from the 'labels' block of data/{dataset}.yaml")
        return dataset_label(self.data[dataset], key, self.lang, **values)

    def record(self, key: str, record_id: str, kind: str = "record") -> Mapping[str, Any]:
        """The record ``record_id`` of the bound dataset's list ``key``, or a clear error."""
        return record(self.doc.get(key, []), record_id, kind, f"data/{self.dataset}.yaml")

    def t(self, text: Any) -> str:
        return t(text, self.lang)

    def num(self, value: float | int | None, decimals: int = 0) -> str:
        return fmt_number(value, self.lang, decimals)

    def ui(self, key: str) -> str:
        strings = _ui_strings()
        if key not in strings:
            raise KeyError(f"UI string {key!r} is missing from kgo/render/templates/ui.yaml")
        return t(strings[key], self.lang)

    def link(self, target: str) -> str:
        """Relative URL from this page to the page ``target`` (a docs path such as 'usluge.md#x').

        The target is recorded in ``links``: the build checks every one against the pages of the
        edition, so a link to a missing page fails the strict build like a link in Markdown."""
        path, _, anchor = target.partition("#")
        self.links.append(path)
        rel = posixpath.relpath(_page_url(path) or ".", _page_url(self.page) or ".")
        rel = "./" if rel == "." else rel + "/"
        return rel + (f"#{anchor}" if anchor else "")

    def file_url(self, site_path: str) -> str:
        """Relative URL from this page to a file at the site root shared by every edition."""
        depth = _page_url(self.page).count("/") + (0 if self.lang == "sr" else 1)
        return "../" * depth + site_path

    def render(self, template_name: str, /, **values: Any) -> str:
        env = _environment()
        return env.get_template(template_name).render(
            ctx=self, lang=self.lang, html_lang=script_lang(self.lang), **values
        ).strip()


def _page_url(src: str) -> str:
    """Directory URL of a docs page: 'a/b.md' -> 'a/b/', 'a/index.md' -> 'a/', 'index.md' -> ''."""
    stem = src[:-3] if src.endswith(".md") else src
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def expand_markers(markdown: str, ctx: RenderContext, place: Callable[[str], str] | None = None,
                   renderers: Mapping[tuple[str, str], Renderer] | None = None) -> str:
    """Replace every marker with its rendered HTML (markers were checked beforehand).

    ``place`` may turn the HTML into what goes into the Markdown instead (e.g. a placeholder)."""
    known = registry() if renderers is None else renderers
    markers, errors = find_markers(markdown, ctx.page)
    if errors:
        raise ValueError("; ".join(map(str, errors)))
    out, last = [], 0
    for m in markers:
        html = known[(m.dataset, m.view)](ctx.bound(m.dataset), **m.args)
        if place is not None:
            html = place(html)
        # Blank lines around keep Markdown from wrapping the HTML block in a paragraph.
        out += [markdown[last:m.start], "\n", html, "\n"]
        last = m.end
    out.append(markdown[last:])
    return "".join(out)
