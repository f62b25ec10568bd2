"""MkDocs hook: every page, as finished, gets its Content-Security-Policy and referrer policy
(kgo.guard.csp): the hashes of its inline scripts are taken from its final HTML, so this runs last."""

from mkdocs.plugins import event_priority

from kgo.guard.csp import secure_page


@event_priority(-1000)  # after every other change to the page's HTML
def on_post_page(output, page, config):
    return secure_page(output)


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    return secure_page(output_content) if template_name.endswith(".html") else output_content
