"""MkDocs hook: write the valorisation calculator (XLSX, ODS and CSV files of every edition)."""

import os
from pathlib import Path

from mkdocs.plugins import event_priority

from kgo.calculator.files import write_calculator_files
from kgo.engine.mkdocs import build_context, is_inner_build


@event_priority(-400)
def on_post_build(config):
    context = build_context(config)
    # Files are shared by every edition: write them once; a preview (`mkdocs serve`) skips them.
    if not is_inner_build(config) and not context.preview:
        write_calculator_files(context.datasets, Path(config.site_dir), os.environ.get("SOURCE_DATE_EPOCH"))
