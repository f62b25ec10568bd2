"""MkDocs hook: heading anchors in ASCII and equal across editions; permalink title per edition."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.plugins import event_priority

from hooks.i18n_text import t
from hooks.mkdocs_support import edition
from hooks.slugs import slugify

PERMALINK_TITLE = {"sr": "Stalna veza do ovog odeljka", "en": "Permanent link to this section"}


@event_priority(-200)  # after the i18n plugin has set the edition's theme language
def on_config(config):
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slugify
    toc["permalink_title"] = t(PERMALINK_TITLE, edition(config))
    return config
