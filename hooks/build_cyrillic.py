"""MkDocs hook: the Cyrillic edition is the Latin master text transliterated at build time.

In the Latin and English editions it only removes the ``{lat}…{/lat}`` protection marks.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from hooks.build_cache import cached
from hooks.cyrillic import strip_protection, transliterate_markdown
from hooks.mkdocs_support import edition


def on_page_markdown(markdown, page, config, files):
    if edition(config) == "cyr":
        return cached("cyrillic", markdown, lambda: transliterate_markdown(markdown))
    return strip_protection(markdown)
