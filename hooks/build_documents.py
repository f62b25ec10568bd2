"""MkDocs hook: the editable documents (DOCX, ODT, XLSX, ODS) of every edition (kgo.documents).

Written once per build, after every edition; not under ``mkdocs serve``. Documents are cheap, so
``KGO_PDF=0`` builds them too.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

from kgo.documents.build import write_documents
from kgo.engine.mkdocs import build_context, is_inner_build


@event_priority(-400)
def on_post_build(config):
    context = build_context(config)
    if not context.preview and not is_inner_build(config):  # files are shared by every edition
        write_documents(context.datasets, Path(config.site_dir))
