"""The downloads page in a real browser: every PDF book and every dataset it links answers 200 with
the right content type. The books are made by `make site`: a site built without them fails here."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
import yaml

from tests.browser.conftest import EDITIONS, ROOT, open_page, page_url

pytestmark = pytest.mark.slow

CONTENT_TYPES = {".pdf": "application/pdf", ".csv": "text/csv", ".json": "application/json"}
BOOK_VARIANTS = 2  # for reading and office printers, and for the print shop


def linked_files(page) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-content a[href]", "els => els.map(a => a.href)")
    return [h for h in hrefs if any(h.split("?")[0].endswith(ext) for ext in CONTENT_TYPES)]


def publication_count() -> int:
    manifest = yaml.safe_load((ROOT / "data" / "publications.yaml").read_text(encoding="utf-8"))
    return len(manifest["publications"])


def test_every_linked_book_and_dataset_downloads(page, server):
    files: dict[str, set[str]] = {}
    for edition in EDITIONS:
        url = page_url(server, edition, "preuzimanja/")
        open_page(page, url)
        links = linked_files(page)
        books = {h for h in links if h.endswith(".pdf")}
        # Every publication, in every edition, in both variants — linked from each edition's page.
        expected = publication_count() * len(EDITIONS) * BOOK_VARIANTS
        assert len(books) >= expected, f"{url} links {len(books)} PDF books, expected {expected}"
        csv = {h for h in links if h.endswith(".csv")}
        json = {h for h in links if h.endswith(".json")}
        assert csv and json, f"{url} links no datasets (CSV and JSON)"
        # Page counts and sizes are written in after the books are set.
        empty = page.eval_on_selector_all("[data-pdf][data-field]", "els => els.filter(e => !e.textContent.trim())"
                                          ".map(e => e.dataset.pdf + ' ' + e.dataset.field)")
        assert not empty, f"{url}: page count or size missing for {empty[:6]} — was the site built with PDFs?"
        for link in links:
            files.setdefault(link, set()).add(url)

    problems = []
    for link, pages in sorted(files.items()):
        ext = "." + link.rsplit(".", 1)[-1]
        response = page.request.get(link)
        ctype = response.headers.get("content-type", "")
        if response.status != 200:
            problems.append(f"{link}: HTTP {response.status} (linked from {sorted(pages)[0]})")
            continue
        if not ctype.startswith(CONTENT_TYPES[ext]):
            problems.append(f"{link}: content type {ctype!r}, expected {CONTENT_TYPES[ext]}")
        body = response.body()
        if ext == ".pdf" and not body.startswith(b"%PDF-"):
            problems.append(f"{link}: not a PDF file")
        if ext in (".csv", ".json") and len(body.strip()) < 3:
            problems.append(f"{link}: empty")
    assert not problems, f"{len(problems)} of {len(files)} downloads fail:\n" + "\n".join(problems[:30])


def test_book_links_of_the_publications_pages_download(page, server, key_pages):
    """The download button above each chapter leads to the book of that edition."""
    for edition in EDITIONS:
        url = page_url(server, edition, key_pages["prirucnik"])
        open_page(page, url)
        button = page.query_selector(".md-content a.download-button[href$='.pdf']")
        assert button is not None, f"{url} has no download button for its book (built without PDFs?)"
        href = urljoin(url, button.get_attribute("href"))
        response = page.request.get(href)
        assert response.status == 200, f"{href}: HTTP {response.status}"
        assert response.headers.get("content-type", "").startswith("application/pdf")
