"""MkDocs hook: every page, as finished, gets its Content-Security-Policy and referrer policy
(kgo.guard.csp): the hashes of its inline scripts are taken from its final HTML, so this runs last.
A preview allows inline scripts: `mkdocs serve` adds its live-reload script to each page it sends."""

from mkdocs.plugins import event_priority

from kgo.engine.mkdocs import build_context
from kgo.guard.csp import secure_page


@event_priority(-1000)  # after every other change to the page's HTML
def on_post_page(output, page, config):
    return secure_page(output, build_context(config).preview)


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    if not template_name.endswith(".html"):
        return output_content
    return secure_page(output_content, build_context(config).preview)
