"""MkDocs hook: a print-ready PDF book of every publication in every edition.

Each edition's build hands over the content of the publications' pages (Markdown rendered, markers
filled, Cyrillic transliterated); when the last edition is done, the outer build sets every book
with WeasyPrint (hooks/pdf_books.py) in two processes, a screen and a print-shop variant of each
from one layout, into site/pdf/, and writes page counts and sizes into the downloads pages. A book
whose inputs did not change is copied from .cache/pdf/. ``KGO_PDF=0`` (make serve, make html) and
``mkdocs serve`` make no books.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

import logging
import os
import shutil
import time
from concurrent.futures import ProcessPoolExecutor

import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from hooks import pdf_books
from hooks.data_loader import DATA_DIR
from hooks.mkdocs_support import edition, page_path
from hooks.publications import publications

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "pdf"
WORKERS = 2
#: Files whose change must re-render every book (besides its HTML, fonts, images and data).
CODE_FILES = (Path(pdf_books.__file__), Path(__file__), *sorted(pdf_books.TEMPLATES.glob("pdf_*")))

log = logging.getLogger("mkdocs.hooks.build_pdf")
_state = {"command": None, "pages": {}, "downloads": [], "publications": []}


def enabled() -> bool:
    """Books are made by ``mkdocs build`` (and gh-deploy) unless KGO_PDF=0."""
    off = os.environ.get("KGO_PDF", "1").strip().lower() in ("0", "false", "no", "off")
    return _state["command"] in ("build", "gh-deploy") and not off


def _inner_build(config) -> bool:
    i18n = config.plugins.get("i18n")
    return i18n is not None and bool(i18n.building)


def on_startup(command, dirty):
    _state["command"] = command


def on_config(config):
    if not _inner_build(config):  # the outer build starts: forget an earlier build's pages
        _state["pages"], _state["downloads"] = {}, []
    _state["publications"] = publications()
    return config


def on_page_content(html, page, config, files):
    if not enabled():
        return html
    lang = edition(config)
    path = page_path(page)
    folder, _, chapter = path.partition("/")
    pub = next((p for p in _state["publications"] if p["folder"] == folder and chapter in p["chapters"]), None)
    if pub is not None:
        _state["pages"][(lang, path)] = pdf_books.Chapter(path, page.url, page.title or "", html)
        page.meta["pdf_url"] = get_relative_url(pdf_books.pdf_path(pub, lang), page.url)
        page.meta["pdf_label"] = pdf_books.ui("download_book", lang)
        page.meta["pdf_title"] = pdf_books.ui("download_title", lang)
    if "data-pdf=" in html:
        _state["downloads"].append((lang, page.file.abs_dest_path))
    return html


def _load_yaml(name: str):
    path = DATA_DIR / name
    if not path.exists():
        return None
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@event_priority(-500)  # after the i18n plugin built every edition (-100), before the swap (-1000)
def on_post_build(config):
    if not enabled() or _inner_build(config):
        return
    site_dir = Path(config.site_dir)
    out_dir = site_dir / pdf_books.PDF_FOLDER
    out_dir.mkdir(parents=True, exist_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    editions_data = _load_yaml("editions.yaml")
    glossary = _load_yaml("glossary.yaml")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    fonts = pdf_books.font_files()
    data_files = [DATA_DIR / "editions.yaml", DATA_DIR / "glossary.yaml", DATA_DIR / "publications.yaml"]

    built = [e for e in pdf_books.EDITIONS if any(lang == e for lang, _ in _state["pages"])]
    jobs, cached, problems = [], [], []
    for pub in _state["publications"]:
        for lang in built:
            missing = [c for c in pub["chapters"] if (lang, f"{pub['folder']}/{c}") not in _state["pages"]]
            if missing:
                problems.append(f"{pub['id']} ({lang}): no page for {', '.join(missing)}")
                continue
            chapters = [_state["pages"][(lang, f"{pub['folder']}/{c}")] for c in pub["chapters"]]
            html = pdf_books.book_html(pub, lang, chapters, editions_data, glossary,
                                       site_url=config.site_url or "", epoch=epoch)
            (CACHE / f"{pdf_books.pdf_stem(pub, lang)}.html").write_text(html, encoding="utf-8")  # to inspect
            images = pdf_books.local_images(html, site_dir)
            todo = {}
            for variant in pdf_books.VARIANTS:
                stem = pdf_books.pdf_stem(pub, lang, variant)
                key = pdf_books.input_digest(html, variant, [*fonts, *images, *data_files], CODE_FILES)
                if _cached(stem, key).exists():
                    cached.append((stem, key))
                else:
                    todo[variant] = (stem, key)
            if todo:
                jobs.append((html, todo))
    if problems:
        raise PluginError("PDF books cannot be made:\n" + "\n".join(f"  {p}" for p in problems))

    started = time.monotonic()
    if jobs:
        _render_all(jobs, site_dir)
    rendered = [entry for _, todo in jobs for entry in todo.values()]
    stats = {}
    for stem, key in sorted([*cached, *rendered]):
        shutil.copyfile(_cached(stem, key), out_dir / f"{stem}.pdf")
        stats[stem] = pdf_books.book_stats(out_dir / f"{stem}.pdf")
        _prune(stem, key)
    log.info(f"PDF books: {len(stats)} in {pdf_books.PDF_FOLDER}/ — {len(rendered)} rendered in "
             f"{time.monotonic() - started:.1f} s, {len(cached)} unchanged from .cache/pdf/")

    for lang, path in _state["downloads"]:
        file = Path(path)
        try:
            file.write_text(pdf_books.fill_download_stats(file.read_text(encoding="utf-8"), stats, lang),
                            encoding="utf-8")
        except ValueError as error:
            raise PluginError(f"{file.relative_to(site_dir)}: {error}") from error


def _cached(stem: str, key: str) -> Path:
    """The cache is addressed by the inputs' hash, so builds running at once never mix books."""
    return CACHE / f"{stem}.{key[:24]}.pdf"


def _prune(stem: str, key: str, keep: int = 2) -> None:
    """Keep the current book and the last few others of the same name."""
    others = sorted((p for p in CACHE.glob(f"{stem}.*.pdf")
                     if p != _cached(stem, key) and p.name.count(".") == 2),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[keep - 1:]:
        old.unlink(missing_ok=True)


def _render_all(jobs, site_dir: Path) -> None:
    """Render the books in parallel processes, each book's variants from one layout, into the
    cache (partial files renamed when complete)."""
    failures = []
    with ProcessPoolExecutor(max_workers=min(WORKERS, len(jobs))) as pool:
        futures = {}
        for html, todo in jobs:
            partials = {variant: CACHE / f"{stem}.{key[:24]}.{os.getpid()}.part"
                        for variant, (stem, key) in todo.items()}
            identifiers = {variant: key[:32].encode() for variant, (_, key) in todo.items()}
            future = pool.submit(pdf_books.timed_render, html, str(site_dir),
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
                partials[variant].replace(_cached(stem, key))
            log.info(f"PDF {names} rendered in {seconds:.1f} s")
    if failures:
        raise PluginError("WeasyPrint could not make these books:\n" + "\n".join(failures))
