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
    nav = config.nav or []
    if PLACEHOLDER in nav:
        index = nav.index(PLACEHOLDER)
        nav[index:index + 1] = nav_sections(build_context(config).datasets)
    return config


def on_nav(nav, config, files):
    titles = {p["short_title"]["sr"]: p["short_title"] for p in publications(build_context(config).datasets)}
    lang = edition(config)
    for item in nav.items:
        if isinstance(item, Section) and item.title in titles:
            item.title = t(titles[item.title], lang)
    return nav
