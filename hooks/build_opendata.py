"""MkDocs hook: publish every dataset as JSON and CSV, and every form as CSV per edition."""

from pathlib import Path

from mkdocs.plugins import event_priority

from kgo.engine.mkdocs import build_context, is_inner_build
from kgo.opendata.files import write_open_data


@event_priority(-400)
def on_post_build(config):
    if not is_inner_build(config):  # files are shared by every edition: write them once
        context = build_context(config)
        write_open_data(context.datasets, Path(config.site_dir), context)
