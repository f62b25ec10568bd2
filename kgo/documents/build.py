"""Every editable document of a build: made once, kept in the build cache, sized for the pages.

The documents are a function of the data, the code and ``SOURCE_DATE_EPOCH``. The pages need their
sizes while they render and the site needs the files at the end: both come from one generation
kept in ``.cache/build/`` (kgo.build.cache), so a build makes each document at most once and a
build with unchanged data and code makes none.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kgo.build.cache import cached, cached_files, inputs_key
from kgo.documents import catalogue
from kgo.documents.package import epoch
from kgo.editions.model import CODES
from kgo.project import ROOT

SOURCES = ("model_acts", "templates_handbook", "templates_guidelines", "standards", "publications", "editions",
           "project")
LIBRARIES = ("python-docx", "odfpy", "openpyxl")


def writers() -> dict[str, Any]:
    """The writer of each format. Imported only when documents are made: python-docx, odfpy and
    openpyxl take a tenth of a second to import, which a build with every document cached skips."""
    from kgo.documents.writer_docx import write_docx
    from kgo.documents.writer_odt import write_odt
    from kgo.documents.writer_sheets import write_ods, write_xlsx

    return {"docx": write_docx, "odt": write_odt, "xlsx": write_xlsx, "ods": write_ods}


def available(datasets: Mapping[str, Any]) -> bool:
    """True when every dataset the documents are made from is loaded (a page rendered with part of
    the data, as in a unit test, has no documents to link)."""
    return all(name in datasets for name in SOURCES)


def generate(datasets: Mapping[str, Any], seconds: int) -> dict[str, bytes]:
    """Every document: site path -> bytes, in a fixed order."""
    files, write = {}, writers()
    for item in catalogue.entries(datasets):
        for lang in CODES:
            doc = catalogue.document(datasets, item, lang)
            for fmt in item.formats:
                files[catalogue.file_path(item, lang, fmt)] = write[fmt](doc, seconds)
    return files


def _key(datasets: Mapping[str, Any], seconds: int) -> list[str]:
    """What the documents depend on besides the code: their data, the time, the libraries."""
    return inputs_key(datasets, SOURCES, LIBRARIES, str(seconds))


def documents(datasets: Mapping[str, Any], seconds: int | None = None) -> dict[str, bytes]:
    """Every document of this build (from the cache when the same inputs were seen)."""
    seconds = epoch() if seconds is None else seconds
    return cached_files(ROOT, "documents", _key(datasets, seconds), lambda: generate(datasets, seconds))


def sizes(datasets: Mapping[str, Any], seconds: int | None = None) -> dict[str, int]:
    """Size in bytes of every document, for the download links (a small cache entry of its own)."""
    seconds = epoch() if seconds is None else seconds
    return cached(ROOT, "document-sizes", _key(datasets, seconds),
                  lambda: {path: len(data) for path, data in documents(datasets, seconds).items()})


def write_documents(datasets: Mapping[str, Any], site_dir: Path) -> int:
    """Write every document into the built site; returns how many."""
    files = documents(datasets)
    for path, data in files.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)


def links(datasets: Mapping[str, Any], dataset: str, item_id: str, lang: str) -> list[dict[str, Any]]:
    """The files of one document in one edition: format, site path and size, in format order."""
    item = catalogue.entry(datasets, dataset, item_id)
    known = sizes(datasets)
    out = []
    for fmt in item.formats:
        path = catalogue.file_path(item, lang, fmt)
        out.append({"format": fmt.upper(), "ext": fmt, "path": path, "bytes": known[path]})
    return out
