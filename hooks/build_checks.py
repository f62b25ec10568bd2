"""MkDocs hook: the build stops when a page is missing in a language or the two versions differ
in structure (headings and anchors, tables, data markers, images, links).

The Cyrillic edition falls back to the Serbian pages by design; for English a fallback would hide
a missing translation, so this check runs before any page is rendered.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.exceptions import PluginError

from hooks.i18n_status import DOCS, structural_problems


def on_files(files, config):
    problems = structural_problems(Path(config.docs_dir) if config.docs_dir else DOCS)
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{len(problems)} translation problem(s) — nothing was built "
                          f"(details: make i18n-status):\n{lines}")
    return files
