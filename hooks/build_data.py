"""MkDocs hook: datasets are loaded and checked before anything renders; markers become HTML.

Every data problem and every bad marker of the whole site is reported in one failed build.
"""

import logging

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from kgo.data.loader import DataErrors
from kgo.engine.mkdocs import build_context, docs_fingerprint, edition, edition_problems, file_path, page_path
from kgo.render.pages import check_pages, fill_markers, missing_links, place_rendered
from kgo.render.problems import problems_page
from kgo.rules import load

log = logging.getLogger("mkdocs.hooks.build_data")


@event_priority(90)  # before every other hook's on_config: they read the data
def on_config(config):
    context = build_context(config)
    if not context.datasets:  # once per build: every edition uses the same checked data
        if problems := edition_problems(config):
            raise PluginError("\n".join(problems))
        datasets, errors = load(context.root)
        if errors and not context.preview:
            raise PluginError(str(DataErrors(errors)))
        context.problems += [str(error) for error in errors]  # a preview shows them on the page
        context.datasets = datasets


def on_files(files, config):
    context = build_context(config)
    context.pages[edition(config)] = {file_path(f) for f in files.documentation_pages()}
    fingerprint = docs_fingerprint(config.docs_dir)
    if context.passed.get("markers") == fingerprint:
        return files  # checked for the previous edition of this build
    problems = check_pages(((f.abs_src_path, f"docs/{f.src_uri}") for f in files.documentation_pages()),
                           context.datasets, context)
    if problems and context.preview:
        context.problems += [str(p) for p in problems]
    elif problems:
        lines = "\n".join(f"  {p}" for p in problems)
        raise PluginError(f"{len(problems)} problem(s) with data markers — nothing was built:\n{lines}")
    context.passed["markers"] = fingerprint
    return files


def on_page_markdown(markdown, page, config, files):
    context = build_context(config)
    if context.problems:  # only in a preview: a build stops at the first kind of problem
        return problems_page(context.problems, page.file.src_uri)
    try:
        text, links = fill_markers(markdown, context, edition(config), page_path(page))
    except Exception as error:  # a renderer met data it cannot show: say so on the page (preview)
        if not context.preview:
            raise
        log.error(f"{page.file.src_uri}: {type(error).__name__}: {error}")
        return problems_page([f"{type(error).__name__}: {error}"], page.file.src_uri)
    for target in missing_links(links, context.pages[edition(config)]):  # a warning: the strict build fails, naming it
        log.warning(f"Doc file '{page.file.src_uri}' links to '{target}' from its data (a marker's "
                    "renderer), which is not found among the documentation files.")
    return text


def on_page_content(html, page, config, files):
    return place_rendered(html, build_context(config))
