"""Every file of the calculator, per edition, with reproducible bytes, and where it goes.

Zip entries (XLSX and ODS are zip files) get the fixed time of ``SOURCE_DATE_EPOCH`` (or
1980-01-01 without it), so two builds of the same data give the same bytes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kgo.build.cache import cached_files, inputs_key
from kgo.calculator import csvfiles
from kgo.calculator.build import workbook
from kgo.editions.model import EDITIONS, edition
from kgo.project import ROOT

FOLDER = "kalkulator"
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)
# kind -> file name pattern (suffix of the edition filled in)
NAMES = {
    "xlsx": "smernice-kalkulator-{suffix}.xlsx",
    "ods": "smernice-kalkulator-{suffix}.ods",
    "units-template": "smernice-kalkulator-pokazatelji-{suffix}.csv",
    "sectors-template": "smernice-kalkulator-sektori-{suffix}.csv",
    "units-example": "smernice-primer-pokazatelji-{suffix}.csv",
    "sectors-example": "smernice-primer-sektori-{suffix}.csv",
    "results-example": "smernice-primer-rezultati-{suffix}.csv",
}
EXPORT_NAME = "smernice-rezultati-{suffix}.csv"   # the page's export


def site_path(kind: str, lang: str) -> str:
    """Path of a calculator file inside the built site, e.g. 'kalkulator/smernice-kalkulator-en.xlsx'."""
    return f"{FOLDER}/{NAMES[kind].format(suffix=edition(lang).suffix)}"


def export_name(lang: str) -> str:
    return EXPORT_NAME.format(suffix=edition(lang).suffix)


def build_time(epoch: str | int | None) -> datetime:
    if epoch in (None, ""):
        return ZIP_EPOCH.replace(tzinfo=None)
    moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    return max(moment, ZIP_EPOCH).replace(tzinfo=None)


def fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same zip with every entry dated ``when`` and no system-dependent attributes; an ODS
    ``mimetype`` entry stays first and uncompressed."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_STORED if info.filename == "mimetype" else zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def calculator_files(datasets: Mapping[str, Any], epoch: str | int | None = None) -> dict[str, bytes]:
    """Site path -> bytes of every calculator file of every edition."""
    # Imported here: a build whose files come from the cache does not pay for openpyxl and odfpy.
    from kgo.calculator.ods import write_ods
    from kgo.calculator.xlsx import write_xlsx

    model, sectors = datasets["valorization"], datasets["sectors"]
    when = build_time(epoch)
    files: dict[str, bytes] = {}
    for item in EDITIONS:
        lang = item.code
        book = workbook(model, sectors, lang)
        files[site_path("xlsx", lang)] = fixed_zip(write_xlsx(book, when), when)
        files[site_path("ods", lang)] = fixed_zip(write_ods(book, when), when)
        texts = {
            "units-template": csvfiles.units_csv(model, sectors, lang, example=False),
            "sectors-template": csvfiles.sectors_csv(model, sectors, lang, example=False),
            "units-example": csvfiles.units_csv(model, sectors, lang, example=True),
            "sectors-example": csvfiles.sectors_csv(model, sectors, lang, example=True),
            "results-example": csvfiles.results_csv(model, sectors, lang),
        }
        for kind, text in texts.items():
            # BOM: spreadsheet programs on office PCs then read č ć đ š ž correctly.
            files[site_path(kind, lang)] = text.encode("utf-8-sig")
    return files


def write_calculator_files(datasets: Mapping[str, Any], site_dir: Path, epoch: str | int | None = None) -> None:
    """Write the files into the built site, made at most once for the same data, code and time."""
    key = inputs_key(datasets, ("valorization", "sectors"), ("openpyxl", "odfpy"), str(epoch or ""))
    for path, data in cached_files(ROOT, "calculator", key, lambda: calculator_files(datasets, epoch)).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
