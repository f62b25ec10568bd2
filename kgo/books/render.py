"""Laying a book out with WeasyPrint: a screen variant (tagged PDF/UA-1) and a print-shop variant
(PDF/X-4 with an sRGB output intent, 3 mm bleed and crop marks) from one layout, reproducible
bytes, and what a build needs to know about the result (pages, bytes) and its inputs (the cache key)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kgo.books.names import PDF_OPTIONS, PRINT_PDF_OPTIONS, PRINT_PROFILE, TEMPLATES, VARIANTS
from kgo.project import ROOT

FONTS_DIR = ROOT / "docs" / "assets" / "fonts"
STYLESHEET = TEMPLATES / "pdf_book.css"
PRINT_STYLESHEET = TEMPLATES / "pdf_print.css"

# --- rendering --------------------------------------------------------------------------------

def stylesheet_text(variant: str) -> str:
    css = STYLESHEET.read_text(encoding="utf-8")
    if variant == "print":
        css += "\n" + PRINT_STYLESHEET.read_text(encoding="utf-8")
    elif variant != "screen":
        raise ValueError(f"unknown PDF variant {variant!r}; use one of {', '.join(VARIANTS)}")
    return css


def font_files(fonts_dir: Path = FONTS_DIR) -> list[Path]:
    return sorted(fonts_dir.glob("*.woff2"))


def render_pdf(html: str, base_url: str | Path, out_path: str | Path, variant: str = "screen",
               *, fonts_dir: str | Path = FONTS_DIR, identifier: bytes | None = None) -> None:
    """Lay out ``html`` with the book stylesheet and write a tagged PDF (PDF/UA-1) to ``out_path``.

    ``base_url`` is the folder that relative image paths start from (the built site). Only local
    files are read: a book never depends on the network. The PDF identifier is a hash of the
    inputs, so the same sources give the same bytes.
    """
    render_pdfs(html, base_url, {variant: out_path}, fonts_dir=fonts_dir,
                identifiers={variant: identifier} if identifier else None)


def render_pdfs(html: str, base_url: str | Path, outputs: Mapping[str, str | Path], *,
                fonts_dir: str | Path = FONTS_DIR, identifiers: Mapping[str, bytes] | None = None) -> None:
    """Write several variants of one book (``{"screen": path, "print": path}``) from one layout.

    Layout is most of the work, and bleed and marks do not move anything on the page: the book is
    laid out once with the print stylesheet; the print PDF is written as laid out, the screen PDF
    from the same pages with the bleed and the crop marks taken off (its MediaBox is the A4 trim).
    The screen PDF is always made this way, alone or with the print one, so its bytes never
    depend on which variants one call writes.
    """
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import URLFetcher

    unknown = set(outputs) - set(VARIANTS)
    if unknown or not outputs:
        raise ValueError(f"unknown PDF variant {sorted(unknown)}; use {', '.join(VARIANTS)}")
    css_text = stylesheet_text("print")
    fetcher = URLFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)
    font_config = FontConfiguration()
    stylesheet = CSS(string=css_text, base_url=Path(fonts_dir).resolve().as_uri() + "/",
                     font_config=font_config, url_fetcher=fetcher)
    document = HTML(string=html, base_url=Path(base_url).resolve().as_uri() + "/", url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=[stylesheet], **PDF_OPTIONS)
    # The screen PDF first: painting the marks leaves state behind that a later write would reuse.
    for variant in ("screen", "print"):
        if variant not in outputs:
            continue
        for page in document.pages:
            if variant == "screen":
                page.print_bleed, page.print_marks = page.bleed, page._page_box.style["marks"]
                page.bleed = dict.fromkeys(page.bleed, 0)
                page._page_box.style["marks"] = ()  # WeasyPrint has no public way to drop the marks
            elif hasattr(page, "print_bleed"):
                page.bleed, page._page_box.style["marks"] = page.print_bleed, page.print_marks
        identifier = (identifiers or {}).get(variant) or hashlib.sha256(
            (html + stylesheet_text(variant) + variant).encode()).hexdigest()[:32].encode()
        out = Path(outputs[variant])
        out.parent.mkdir(parents=True, exist_ok=True)
        if variant == "print":  # the output intent: its profile in the PDF, named in the catalog
            document.color_profiles, document.output_intent = {PRINT_INTENT: print_profile()}, PRINT_INTENT
            document.write_pdf(out, pdf_identifier=identifier, finisher=stable_xmp(identifier), **PRINT_PDF_OPTIONS)
        else:  # no output intent: WeasyPrint would add one for any profile it holds
            document.color_profiles, document.output_intent = {}, None
            document.write_pdf(out, pdf_identifier=identifier, **PDF_OPTIONS)


PRINT_INTENT = "--print"  # the name of the output intent's profile inside WeasyPrint


def print_profile():
    """The ICC profile of the print variant's output intent, as WeasyPrint takes it."""
    from weasyprint.css import ColorProfile

    with PRINT_PROFILE.open("rb") as profile:
        return ColorProfile(profile, PRINT_PROFILE.name, "relative-colorimetric", (["r"], ["g"], ["b"]))


def stable_xmp(identifier: bytes):
    """A WeasyPrint finisher: PDF/X-4 metadata carries a random document id (xmpMM:DocumentID, a
    uuid4); it becomes one derived from the book's identifier, so the same sources give the same bytes."""
    import uuid

    document_id = f"xmp.did:{uuid.UUID(bytes=hashlib.sha256(identifier).digest()[:16])}".encode()

    def finish(_document, pdf) -> None:
        metadata = pdf.objects[int(pdf.catalog["Metadata"].split()[0])]  # "N 0 R"
        metadata.stream = [re.sub(rb"xmp\.did:[0-9a-f-]{36}", document_id, part) for part in metadata.stream]

    return finish


def timed_render(html: str, base_url: str | Path, outputs: Mapping[str, str | Path], **options: Any) -> float:
    """:func:`render_pdfs` in a worker process; returns the seconds it took."""
    import time

    started = time.monotonic()
    render_pdfs(html, base_url, outputs, **options)
    return time.monotonic() - started


def book_stats(path: str | Path) -> dict[str, int]:
    """Pages and size in bytes of a PDF."""
    from pypdf import PdfReader

    path = Path(path)
    return {"pages": len(PdfReader(path).pages), "bytes": path.stat().st_size}


def input_digest(html: str, variant: str, extra_files: Iterable[Path], code_files: Iterable[Path]) -> str:
    """Cache key of a book: its HTML, the stylesheets, fonts, images, data and the code that sets it."""
    import weasyprint

    digest = hashlib.sha256()
    digest.update(f"weasyprint {weasyprint.__version__}\n{PDF_OPTIONS}\n{PRINT_PDF_OPTIONS}\n{variant}\n".encode())
    digest.update(html.encode())
    digest.update(stylesheet_text(variant).encode())
    # Names and contents only, in a fixed order: the folder a build happens in must not matter.
    files = []
    for path in {Path(p) for p in (*extra_files, *code_files, PRINT_PROFILE)}:
        content = path.read_bytes() if path.is_file() else b"<missing>"
        files.append((path.name, hashlib.sha256(content).hexdigest()))
    for name, content_hash in sorted(files):
        digest.update(f"{name} {content_hash}\n".encode())
    return digest.hexdigest()


def local_images(html: str, site_dir: Path) -> list[Path]:
    """Files of the images a book HTML uses (site-relative ``src``)."""
    found = []
    for src in re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', html):
        if not urlsplit(src).scheme:
            found.append(site_dir / src.split("?")[0].split("#")[0])
    return found
