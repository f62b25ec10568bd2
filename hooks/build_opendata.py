"""MkDocs hook: publish every dataset as JSON and CSV, and every form as CSV per edition."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.plugins import event_priority

from hooks.data_loader import load_datasets
from hooks.opendata import open_data_files


@event_priority(-400)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return  # inner edition build; files are shared by every edition, write them once
    datasets, _ = load_datasets()
    for path, text in open_data_files(datasets).items():
        target = Path(config.site_dir) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # BOM: spreadsheet programs on office PCs then read č ć đ š ž correctly.
        encoding = "utf-8-sig" if path.endswith(".csv") else "utf-8"
        target.write_text(text, encoding=encoding, newline="")
