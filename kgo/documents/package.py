"""Reproducible office files: the same inputs give the same bytes.

DOCX, ODT, XLSX and ODS are zip packages. The libraries write the current time into every zip
entry and some metadata; :func:`repack` rewrites a package with the time of ``SOURCE_DATE_EPOCH``,
fixed file attributes and a fixed order of entries (the part a reader looks for first — ODF's
``mimetype``, stored uncompressed, or OOXML's ``[Content_Types].xml`` — then the rest by name).
"""

from __future__ import annotations

import io
import os
import re
import time
import zipfile
from collections.abc import Callable, Mapping
from datetime import UTC, datetime

DEFAULT_EPOCH = 1700000000   # the Makefile's fallback when git gives no commit time
ZIP_EPOCH_MIN = 315532800    # 1980-01-01, the earliest time a zip entry can hold
FIRST = ("mimetype", "[Content_Types].xml")
ODF_PARTS = ("content.xml", "styles.xml", "meta.xml", "settings.xml", "META-INF/manifest.xml")
_XMLNS = re.compile(rb'\s+xmlns:[\w.-]+="[^"]*"')
_ROOT = re.compile(rb"<(?!\?)[^>]*>")


def epoch() -> int:
    """SOURCE_DATE_EPOCH (seconds), or the project's fixed fallback."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else DEFAULT_EPOCH


def stamp(seconds: int) -> datetime:
    """The document's creation time: SOURCE_DATE_EPOCH as a UTC date and time (no microseconds)."""
    return datetime.fromtimestamp(seconds, tz=UTC).replace(microsecond=0)


def repack(data: bytes, seconds: int, rewrite: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The package ``data`` with fixed timestamps, attributes and order of entries; ``rewrite``
    may change parts (name -> function of the part's bytes)."""
    date_time = time.gmtime(max(seconds, ZIP_EPOCH_MIN))[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    for name, change in (rewrite or {}).items():
        parts[name] = change(parts[name])
    names = [n for n in FIRST if n in parts] + sorted(n for n in parts if n not in FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time)
            info.create_system = 3                      # Unix, whatever the building machine
            info.external_attr = 0o100644 << 16         # a regular file, rw-r--r--
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            target.writestr(info, parts[name], compresslevel=9 if name != "mimetype" else None)
    return out.getvalue()


def odf_namespaces(xml: bytes) -> bytes:
    """An ODF part with the same namespace declarations whatever was made before it.

    odfpy declares on the root element every namespace it has met in the process so far (a class
    attribute), in the order it met them; this declares every namespace odfpy knows, by prefix."""
    from odf.namespaces import nsdict

    declarations = b"".join(f' xmlns:{prefix}="{uri}"'.encode()
                            for uri, prefix in sorted(nsdict.items(), key=lambda item: item[1]) if prefix != "xml")
    root = _ROOT.search(xml)
    tag = _XMLNS.sub(b"", root.group(0))
    name_end = re.match(rb"<[\w:.-]+", tag).end()
    return xml[:root.start()] + tag[:name_end] + declarations + tag[name_end:] + xml[root.end():]


def repack_odf(data: bytes, seconds: int) -> bytes:
    """An ODF package (ODT, ODS) made reproducible: :func:`repack` and :func:`odf_namespaces`."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = set(source.namelist())
    return repack(data, seconds, {name: odf_namespaces for name in ODF_PARTS if name in names})
