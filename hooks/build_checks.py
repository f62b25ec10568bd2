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
from hooks.mkdocs_support import docs_fingerprint

_passed: dict[str, tuple] = {}


def on_files(files, config):
    docs = Path(config.docs_dir) if config.docs_dir else DOCS
    fingerprint = docs_fingerprint(docs)
    if _passed.get("docs") == fingerprint:
        return files  # the same pages passed for the previous edition of this build
    problems = structural_problems(docs)
    if problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{len(problems)} translation problem(s) — nothing was built "
                          f"(details: make i18n-status):\n{lines}")
    _passed["docs"] = fingerprint
    return files
