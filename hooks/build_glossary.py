"""MkDocs hook: glossary abbreviations explained on hover on every page (not pasted by editors)."""

from kgo.engine.mkdocs import build_context, edition
from kgo.render.glossary import abbreviation_lines


def on_page_markdown(markdown, page, config, files):
    context, lang = build_context(config), edition(config)
    if context.problems:
        return markdown
    if lang not in context.abbreviations:
        context.abbreviations[lang] = abbreviation_lines(context.datasets.get("glossary", {}), lang)
    lines = context.abbreviations[lang]
    return f"{markdown}\n\n{lines}\n" if lines else markdown
