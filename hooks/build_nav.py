"""MkDocs hook: one navigation section per publication, from data/publications.yaml.

The manifest is the only list of publications and chapters; mkdocs.yml holds a PUBLICATIONS
placeholder where the sections go. Section titles follow the edition being built.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.structure.nav import Section

from hooks.i18n_text import t
from hooks.mkdocs_support import edition
from hooks.publications import nav_sections, publications

PLACEHOLDER = "PUBLICATIONS"


def on_config(config):
    nav = config.nav or []
    if PLACEHOLDER in nav:
        index = nav.index(PLACEHOLDER)
        nav[index:index + 1] = nav_sections()
    return config


def on_nav(nav, config, files):
    titles = {p["short_title"]["sr"]: p["short_title"] for p in publications()}
    lang = edition(config)
    for item in nav.items:
        if isinstance(item, Section) and item.title in titles:
            item.title = t(titles[item.title], lang)
    return nav
