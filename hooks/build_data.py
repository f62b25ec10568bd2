"""MkDocs hook: datasets are loaded and checked before anything renders; markers become HTML.

Every data problem and every bad marker of the whole site is reported in one failed build.
"""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.exceptions import PluginError

from hooks.build_cache import cached
from hooks.data_loader import DataErrors, load_datasets
from hooks.markers import RenderContext, check_markers, expand_markers
from hooks.mkdocs_support import docs_fingerprint, edition, page_path

_state = {}
_PLACEHOLDER = re.compile(r'<div data-kg="(kg-data-\d+)"></div>')


def on_config(config):
    datasets, errors = load_datasets()
    if errors:
        raise PluginError(str(DataErrors(errors)))
    _state["data"] = datasets


def on_files(files, config):
    fingerprint = (docs_fingerprint(config.docs_dir), id(_state["data"]))
    if _state.get("markers_ok") == fingerprint:
        return files  # checked for the previous edition of this build
    problems = []
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        problems += check_markers(text, f"docs/{file.src_uri}", _state["data"])
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{len(problems)} problem(s) with data markers — nothing was built:\n{lines}")
    _state["markers_ok"] = fingerprint
    return files


def on_page_markdown(markdown, page, config, files):
    ctx = RenderContext(_state["data"], edition(config), page_path(page))
    rendered = _state.setdefault("rendered", {})
    rendered.clear()

    def placeholder(html: str) -> str:
        # The HTML goes in after Markdown has run (on_page_content): Markdown would only copy it,
        # and parsing every data table as raw HTML was a large part of the build time.
        token = f"kg-data-{len(rendered)}"
        rendered[token] = html
        return f'<div data-kg="{token}"></div>'

    def expand() -> list:
        return [expand_markers(markdown, ctx, placeholder), rendered]

    text, stored = cached("markers", [markdown, ctx.lang, ctx.page], expand)
    rendered.update(stored)
    return text


def on_page_content(html, page, config, files):
    rendered = _state.get("rendered", {})
    return _PLACEHOLDER.sub(lambda m: rendered.pop(m.group(1)), html) if rendered else html
