"""MkDocs hook: no page may run code or load anything from another host (kgo.guard).

Every Markdown source is checked before anything renders (the build stops listing every finding);
then the HTML of each page and, apart, each piece of data HTML a marker rendered into it; those
findings of every edition stop the build at its end, all together. A preview shows them on the page.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kgo.engine.mkdocs import build_context, docs_fingerprint, is_inner_build
from kgo.guard.findings import apply_exceptions, exception_problems, report, unused_exceptions
from kgo.guard.pages import check_page, check_sources, problems_html, site_origin


@event_priority(10)  # before the translation checks: a finding often explains a difference between them
def on_files(files, config):
    context = build_context(config)
    docs = Path(config.docs_dir) if config.docs_dir else context.docs
    fingerprint = docs_fingerprint(docs)
    if context.passed.get("guard") == fingerprint:
        return files  # the same sources passed for the previous edition of this build
    exceptions = config.extra.get("content_exceptions")
    found = check_sources(docs, context.root, site_origin(config.site_url), context)
    context.guarded += found
    kept, _ = apply_exceptions(found, exceptions)
    problems = exception_problems(exceptions)
    if (kept or problems) and context.preview:
        context.problems += [*problems, *map(str, kept)]  # shown on every page of the preview
    elif kept or problems:
        raise PluginError(report(kept, problems))
    context.passed["guard"] = fingerprint
    return files


@event_priority(50)  # before build_data places the rendered data: each marker's HTML is checked apart
def on_page_content(html, page, config, files):
    context = build_context(config)
    found = check_page(html, context.stash, Path(page.file.abs_src_path or ""), context.root,
                       site_origin(config.site_url), context)
    kept, _ = apply_exceptions(found, config.extra.get("content_exceptions"))
    if kept and context.preview:
        context.problems += map(str, kept)
        return problems_html(map(str, kept))
    context.guarded += found
    return html


@event_priority(-200)  # after the i18n plugin built every edition (-100), before the books (-500)
def on_post_build(config):
    context = build_context(config)
    if context.preview or is_inner_build(config):
        return
    exceptions = config.extra.get("content_exceptions")
    kept, used = apply_exceptions(context.guarded, exceptions)
    problems = unused_exceptions(exceptions, used) if not exception_problems(exceptions) else []
    if kept or problems:
        raise PluginError(report(kept, problems))
