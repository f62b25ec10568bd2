"""MkDocs hook: the build stops when a page is in no menu (naming the manifest or mkdocs.yml), is
missing in a language, or the two versions differ in structure (headings, anchors, tables, markers,
images, links).

The Cyrillic edition falls back to the Serbian pages by design; for English a fallback would hide
a missing translation, so this check runs before any page is rendered.
"""

import logging
from pathlib import Path

from kgo.checks.i18n_status import structural_problems
from kgo.data.publications import chapter_lists, unlisted_pages
from kgo.engine.mkdocs import build_context, docs_fingerprint

log = logging.getLogger("mkdocs.hooks.build_checks")


def on_files(files, config):
    context = build_context(config)
    docs = Path(config.docs_dir) if config.docs_dir else context.docs
    fingerprint = docs_fingerprint(docs)
    if context.passed.get("translations") == fingerprint:
        return files  # the same pages passed for the previous edition of this build
    pages = [p.relative_to(docs / "sr").as_posix() for p in (docs / "sr").rglob("*.md")]
    hidden = [page for page in pages if config.not_in_nav and config.not_in_nav.match_file(page)]
    problems = unlisted_pages(pages, config.nav, hidden, context.datasets) + structural_problems(docs)
    problems += chapter_lists(docs, context.datasets)
    if problems and context.preview:
        context.problems += problems  # shown on every page of the preview
    for problem in problems:
        # Logged, not raised: MkDocs then also checks every link and anchor, and the strict build
        # stops at its end listing all of it together (the last good site stays, build_output).
        log.error(f"{problem} (translations in detail: make i18n-status)")
    context.passed["translations"] = fingerprint
    return files
