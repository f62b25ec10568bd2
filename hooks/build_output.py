"""MkDocs hook: a build never leaves a half-written site (kgo.build.output).

``mkdocs build`` writes into a fresh folder beside the target; only when every edition has been
built is the old site replaced, so a failed build keeps the last good ``site/``.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from kgo.build.output import begin, swap
from kgo.engine.mkdocs import build_context, is_inner_build, warnings_so_far


@event_priority(100)
def on_config(config):
    context = build_context(config)
    if not context.preview and context.target is None:  # the outer build; editions reuse the config
        context.target = Path(config.site_dir).resolve()
        config.site_dir = str(begin(context.target))
    return config


@event_priority(-1000)
def on_post_build(config):
    context = build_context(config)
    if context.preview or is_inner_build(config) or context.target is None:
        return  # an inner edition build: the outer one swaps when all are done
    if config.strict and warnings_so_far(config):
        return  # MkDocs aborts this build after the hooks: keep the last good site
    swap(Path(config.site_dir), context.target)
    config.site_dir = str(context.target)
    context.target = None
