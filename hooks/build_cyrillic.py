"""MkDocs hook: the Cyrillic edition is the Latin master text transliterated at build time.

In the Latin and English editions it only removes the ``{lat}…{/lat}`` protection marks.
"""

from kgo.build.cache import cached
from kgo.cyrillic import Exceptions, strip_protection, transliterate_markdown
from kgo.engine.mkdocs import build_context, edition


def on_page_markdown(markdown, page, config, files):
    if edition(config) != "cyr":
        return strip_protection(markdown)
    context = build_context(config)
    if context.cyrillic_rules is None:  # a preview with problems in the list uses no exceptions
        document = context.datasets.get("cyrillic_exceptions") if not context.problems else None
        context.cyrillic_rules = Exceptions.from_document(document) if document else Exceptions()
    return cached(context, "cyrillic", markdown, lambda: transliterate_markdown(markdown, context.cyrillic_rules))
