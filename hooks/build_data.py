"""MkDocs hook: datasets are loaded and checked before anything renders; markers become HTML.

Every data problem and every bad marker of the whole site is reported in one failed build.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.exceptions import PluginError

from hooks.data_loader import DataErrors, load_datasets
from hooks.markers import RenderContext, check_markers, expand_markers
from hooks.mkdocs_support import edition, page_path

_state = {}


def on_config(config):
    datasets, errors = load_datasets()
    if errors:
        raise PluginError(str(DataErrors(errors)))
    _state["data"] = datasets


def on_files(files, config):
    problems = []
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        problems += check_markers(text, f"docs/{file.src_uri}", _state["data"])
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{len(problems)} problem(s) with data markers — nothing was built:\n{lines}")
    return files


def on_page_markdown(markdown, page, config, files):
    ctx = RenderContext(_state["data"], edition(config), page_path(page))
    return expand_markers(markdown, ctx)
