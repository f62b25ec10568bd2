"""MkDocs hook: an English page whose Serbian original changed after it shows a notice on top
(kgo.checks.outdated_notice); only the English edition asks."""

from pathlib import Path

from kgo.checks.outdated_notice import add_notice, lagging, notice, serbian_href
from kgo.engine.mkdocs import build_context, edition, page_path


def on_pre_build(config):
    # Asked once per build, not per page: each question costs a `git` process.
    context = build_context(config)
    if edition(config) == "en" and not context.lagging:
        context.lagging.update(lagging(Path(config.docs_dir) if config.docs_dir else context.docs))


def on_page_markdown(markdown, page, config, files):
    if edition(config) != "en":
        return markdown
    changed = build_context(config).lagging.get(page_path(page))
    if changed is None:
        return markdown
    href = serbian_href(page.url, config.extra.get("edition_root", ""), config.site_url or "")
    return add_notice(markdown, notice(href, changed))
