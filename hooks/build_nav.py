"""MkDocs hook: one navigation section per publication, from data/publications.yaml.

The manifest is the only list of publications and chapters; mkdocs.yml holds a PUBLICATIONS
placeholder where the sections go. Section titles follow the edition being built.
"""

from mkdocs.structure.nav import Section

from kgo.data.publications import nav_sections, publications
from kgo.engine.mkdocs import build_context, edition
from kgo.text import t

PLACEHOLDER = "PUBLICATIONS"


def on_config(config):
    nav, context = config.nav or [], build_context(config)
    if PLACEHOLDER in nav:
        index = nav.index(PLACEHOLDER)
        # A manifest with problems gives no sections in a preview; the problems show on the page.
        nav[index:index + 1] = [] if context.problems else nav_sections(context.datasets)
    return config


def on_nav(nav, config, files):
    context = build_context(config)
    if context.problems:
        return nav
    titles = {p["short_title"]["sr"]: p["short_title"] for p in publications(context.datasets)}
    lang = edition(config)
    for item in nav.items:
        if isinstance(item, Section) and item.title in titles:
            item.title = t(titles[item.title], lang)
    return nav
