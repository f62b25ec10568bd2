"""MkDocs hook: heading anchors in ASCII and equal across editions; permalink title per edition."""



from mkdocs.plugins import event_priority

from kgo.engine.mkdocs import edition
from kgo.render.slugs import slugify
from kgo.text import t

PERMALINK_TITLE = {"sr": "Stalna veza do ovog odeljka", "en": "Permanent link to this section"}


@event_priority(-200)  # after the i18n plugin has set the edition's theme language
def on_config(config):
    toc = config.mdx_configs.setdefault("toc", {})
    toc["slugify"] = slugify
    toc["permalink_title"] = t(PERMALINK_TITLE, edition(config))
    return config
