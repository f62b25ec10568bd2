"""Making the books of a build: every publication in every edition, screen and print variants.

Each edition's build hands over the content of the publications' pages (Markdown rendered, markers
filled, Cyrillic transliterated); when the last edition is done, :func:`make_books` sets every book
with WeasyPrint (kgo.books.render) in two processes, a screen and a print-shop variant of each from one
layout, into site/pdf/, and writes page counts and sizes into the downloads pages. A book whose
inputs did not change is copied from .cache/pdf/.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kgo.books import book, downloads, names, render
from kgo.build.context import BuildContext
from kgo.data.publications import publications

WORKERS = 2
#: Files whose change must re-render every book (besides its HTML, fonts, images and data).
CODE_FILES = (*sorted(Path(__file__).parent.glob("*.py")), *sorted(names.TEMPLATES.glob("pdf_*")))

log = logging.getLogger("mkdocs.hooks.build_pdf")


class BookError(Exception):
    """Books that cannot be made; the message lists every one and why."""


def enabled(context: BuildContext) -> bool:
    """Books are made by a build (not a preview) unless KGO_PDF=0."""
    off = os.environ.get("KGO_PDF", "1").strip().lower() in ("0", "false", "no", "off")
    return not context.preview and not off


def make_books(context: BuildContext, site_dir: Path, site_url: str) -> None:
    """Render (or copy from the cache) every book and fill the downloads pages' figures."""
    cache = context.root / ".cache" / "pdf"
    out_dir = site_dir / names.PDF_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    editions_data = context.datasets.get("editions")
    glossary = context.datasets.get("glossary")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    fonts = render.font_files()
    data_files = [context.data_dir / "editions.yaml", context.data_dir / "glossary.yaml",
                  context.data_dir / "publications.yaml"]

    built = [e for e in names.EDITIONS if any(lang == e for lang, _ in context.book_pages)]
    jobs, cached, problems = [], [], []
    for pub in publications(context.datasets):
        for lang in built:
            missing = [c for c in pub["chapters"] if (lang, f"{pub['folder']}/{c}") not in context.book_pages]
            if missing:
                problems.append(f"{pub['id']} ({lang}): no page for {', '.join(missing)}")
                continue
            chapters = [context.book_pages[(lang, f"{pub['folder']}/{c}")] for c in pub["chapters"]]
            html = book.book_html(pub, lang, chapters, editions_data, glossary,
                                       site_url=site_url, epoch=epoch)
            (cache / f"{names.pdf_stem(pub, lang)}.html").write_text(html, encoding="utf-8")  # to inspect
            images = render.local_images(html, site_dir)
            todo = {}
            for variant in names.VARIANTS:
                stem = names.pdf_stem(pub, lang, variant)
                key = render.input_digest(html, variant, [*fonts, *images, *data_files], CODE_FILES)
                if _cached(cache, stem, key).exists():
                    cached.append((stem, key))
                else:
                    todo[variant] = (stem, key)
            if todo:
                jobs.append((html, todo))
    if problems:
        raise BookError("PDF books cannot be made:\n" + "\n".join(f"  {p}" for p in problems))

    started = time.monotonic()
    if jobs:
        _render_all(jobs, site_dir, cache)
    rendered = [entry for _, todo in jobs for entry in todo.values()]
    stats = {}
    for stem, key in sorted([*cached, *rendered]):
        shutil.copyfile(_cached(cache, stem, key), out_dir / f"{stem}.pdf")
        stats[stem] = render.book_stats(out_dir / f"{stem}.pdf")
        _prune(cache, stem, key)
    log.info(f"PDF books: {len(stats)} in {names.PDF_FOLDER}/ — {len(rendered)} rendered in "
             f"{time.monotonic() - started:.1f} s, {len(cached)} unchanged from .cache/pdf/")

    for lang, path in context.downloads:
        file = Path(path)
        try:
            file.write_text(downloads.fill_download_stats(file.read_text(encoding="utf-8"), stats, lang),
                            encoding="utf-8")
        except ValueError as error:
            raise BookError(f"{file.relative_to(site_dir)}: {error}") from error


def _cached(cache: Path, stem: str, key: str) -> Path:
    """The cache is addressed by the inputs' hash, so builds running at once never mix books."""
    return cache / f"{stem}.{key[:24]}.pdf"


def _prune(cache: Path, stem: str, key: str, keep: int = 2) -> None:
    """Keep the current book and the last few others of the same name."""
    others = sorted((p for p in cache.glob(f"{stem}.*.pdf")
                     if p != _cached(cache, stem, key) and p.name.count(".") == 2),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[keep - 1:]:
        old.unlink(missing_ok=True)


def _render_all(jobs, site_dir: Path, cache: Path) -> None:
    """Render the books in parallel processes, each book's variants from one layout, into the
    cache (partial files renamed when complete)."""
    failures = []
    with ProcessPoolExecutor(max_workers=min(WORKERS, len(jobs))) as pool:
        futures = {}
        for html, todo in jobs:
            partials = {variant: cache / f"{stem}.{key[:24]}.{os.getpid()}.part"
                        for variant, (stem, key) in todo.items()}
            identifiers = {variant: key[:32].encode() for variant, (_, key) in todo.items()}
            future = pool.submit(render.timed_render, html, str(site_dir),
                                 {v: str(p) for v, p in partials.items()}, identifiers=identifiers)
            futures[future] = (todo, partials)
        for future, (todo, partials) in futures.items():
            names = " + ".join(f"{stem}.pdf" for stem, _ in todo.values())
            try:
                seconds = future.result()
            except Exception as error:  # every failed book is reported at once
                for partial in partials.values():
                    partial.unlink(missing_ok=True)
                failures.append(f"  {names}: {type(error).__name__}: {error}")
                continue
            for variant, (stem, key) in todo.items():
                partials[variant].replace(_cached(cache, stem, key))
            log.info(f"PDF {names} rendered in {seconds:.1f} s")
    if failures:
        raise BookError("WeasyPrint could not make these books:\n" + "\n".join(failures))
