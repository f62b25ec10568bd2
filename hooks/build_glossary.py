"""MkDocs hook: glossary abbreviations explained on hover on every page (not pasted by editors)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from hooks.data_loader import load_datasets
from hooks.glossary import abbreviation_lines
from hooks.mkdocs_support import edition

_cache = {}


def on_page_markdown(markdown, page, config, files):
    lang = edition(config)
    if lang not in _cache:
        datasets, _ = load_datasets()  # already validated by build_data.py
        _cache[lang] = abbreviation_lines(datasets.get("glossary", {}), lang)
    return f"{markdown}\n\n{_cache[lang]}\n" if _cache[lang] else markdown
