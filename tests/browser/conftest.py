"""Browser fixtures: the built site served on localhost, Debian's chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest

from tests.tools import need

# Flags that keep chromium from calling home (this machine has no network beyond localhost).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".csv": "text/csv", ".json": "application/json", ".pdf": "application/pdf",
                      ".woff2": "font/woff2", ".js": "text/javascript"}

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=need("chromium"), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


# The pages' Content-Security-Policy blocks inline scripts, and so Playwright's add_script_tag (how
# axe-core is put into a page): these shared contexts bypass it. The policy itself is tested, with
# contexts that keep it, in test_csp.py.
@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


# --- Shared by the browser suite: editions, viewports, the pages every check visits -------------

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ARTIFACTS / "screenshots"
#: Edition (the <html lang> it must have) -> URL prefix.
EDITIONS = {"sr-Latn": "", "sr-Cyrl": "sr-Cyrl/", "en": "en/"}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
#: A word that finds pages in each edition (the search page is tested with results on it).
SEARCH_QUERY = {"sr-Latn": "opstina", "sr-Cyrl": "општина", "en": "municipality"}
PUBLICATIONS = ("prirucnik", "smernice", "standardi", "agenda-pirot")
SELF_ASSESSMENT_MARK = 'class="ki-sa"'
#: Names of the key pages (see the key_pages fixture), for parametrised tests.
KEY_PAGES = ("home", *PUBLICATIONS, "downloads", "network", "self-assessment", "search")


def _chapters(site: Path, folder: str) -> list[Path]:
    """Chapter folders of a publication in the built Latin edition, in file-name order."""
    base = site / folder
    return sorted(p.parent for p in base.glob("*/index.html")) if base.is_dir() else []


def find_self_assessment(site: Path) -> str:
    """Site path ('standardi/NAME/') of the page with the interactive self-assessment form."""
    for chapter in [site / "standardi", *_chapters(site, "standardi")]:
        index = chapter / "index.html"
        if index.is_file() and SELF_ASSESSMENT_MARK in index.read_text(encoding="utf-8"):
            return f"{chapter.relative_to(site).as_posix()}/"
    raise AssertionError("no page under standardi/ carries the self-assessment form "
                         "(<!-- data: standards form --> renders <form class=\"ki-sa\">)")


def chapter_with_tables(site: Path, folder: str, exclude: str = "") -> str:
    """The chapter of a publication with the most tables (ties: first by name) that exists in all
    three editions: the page where tables, captions and headers are tested hardest."""
    best, best_count = None, -1
    for chapter in _chapters(site, folder):
        path = f"{chapter.relative_to(site).as_posix()}/"
        if path == exclude or not all((site / root / path / "index.html").is_file() for root in EDITIONS.values()):
            continue
        count = (chapter / "index.html").read_text(encoding="utf-8").count("<table")
        if count > best_count:
            best, best_count = path, count
    assert best is not None, f"the publication {folder}/ has no chapter pages in all three editions"
    return best


@pytest.fixture(scope="session")
def key_pages(site) -> dict[str, str]:
    """Name -> site path (relative to an edition's root) of every page the suite checks."""
    self_assessment = find_self_assessment(site)
    pages = {"home": ""}
    for folder in PUBLICATIONS:
        pages[folder] = chapter_with_tables(site, folder, exclude=self_assessment)
    pages.update({"downloads": "preuzimanja/", "network": "mreza/", "self-assessment": self_assessment,
                  "search": "pretraga/"})
    return pages


def page_url(server: str, edition: str, path: str) -> str:
    """URL of a site path in an edition; the search page gets a query that finds results."""
    url = f"{server}{EDITIONS[edition]}{path}"
    if path == "pretraga/":
        url += f"?q={SEARCH_QUERY[edition]}"
    return url


def open_page(page, url: str) -> None:
    """Go to a page and wait until it is complete: fonts loaded, search results shown."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    if "/pretraga/" in url:
        page.wait_for_selector("#kg-search-page[data-ready=true]")
    page.evaluate("document.fonts.ready.then(() => true)")


@pytest.fixture(scope="session")
def contexts(browser):
    """One browser context per viewport for the whole session (pages are opened and closed in it)."""
    made = {name: browser.new_context(viewport=size, bypass_csp=True) for name, size in VIEWPORTS.items()}
    yield made
    for context in made.values():
        context.close()


# --- One visit per (edition, page, viewport), shared by the page-level checks -------------------
# Loading a page is the slow part, so each page is loaded once per edition and viewport. Every
# visit runs axe-core (test_accessibility checks every page); the visit of a key page also records
# every request, measures what sticks out sideways and, for the pages in SCREENSHOT_PAGES, saves a
# screenshot (test_offline and test_screenshots assert on those).

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: Pages photographed in each edition (every key page in the master edition).
SCREENSHOT_PAGES = {"sr-Latn": KEY_PAGES, "sr-Cyrl": ("home", "prirucnik", "network", "search"),
                    "en": ("home", "prirucnik", "network", "search")}
SCREENSHOT_MAX_HEIGHT = 5000  # px: the top of a long page is enough to judge its layout

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200), summary: n.failureSummary}))
  }));
}"""

# Elements that stick out of the screen sideways and are not inside a box that scrolls or clips.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      // A box that scrolls or clips (the visually hidden header of a table shown as labelled rows)
      // keeps what is wider than itself inside: only a box that itself sticks out lets it show.
      const x = getComputedStyle(p).overflowX;
      if (x !== "visible" && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll(".md-main *, .md-header *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || (r.right <= width + 1 && r.left >= -1)) continue;
    if (getComputedStyle(el).position === "fixed" || el.closest(".md-sidebar")) continue;
    if (el.ownerSVGElement) continue;  // drawn inside an <svg>, which clips it
    if (scrolls(el)) continue;
    out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""} [${Math.round(r.left)}..`
             + `${Math.round(r.right)}]: ${(el.textContent || "").trim().slice(0, 60)}`);
  }
  return {page: document.documentElement.scrollWidth, width, elements: out.slice(0, 10)};
}"""


@dataclass
class Visit:
    """What one load of a page showed."""

    url: str
    violations: list[dict] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    overflow: dict = field(default_factory=dict)
    screenshot: Path | None = None


def _visit(context, url: str, viewport: str, screenshot: Path | None) -> Visit:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does it)"
    result = Visit(url)
    page = context.new_page()
    page.on("request", lambda request: result.requests.append(request.url))
    try:
        open_page(page, url)
        page.add_script_tag(path=str(AXE))
        result.violations = page.evaluate(RUN_AXE, AXE_TAGS)
        result.overflow = page.evaluate(OVERFLOW)
        page.wait_for_load_state("networkidle")  # anything the page fetches after load
        if screenshot is not None:
            # A window as tall as the page (up to the limit): the page as laid out, not scrolled
            # (scrolling starts the header's transitions).
            height = page.evaluate("document.documentElement.scrollHeight")
            page.set_viewport_size({"width": VIEWPORTS[viewport]["width"],
                                    "height": min(height, SCREENSHOT_MAX_HEIGHT)})
            page.wait_for_timeout(150)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
            result.screenshot = screenshot
    finally:
        page.close()
    return result


@pytest.fixture(scope="session")
def axe_tabs(browser):
    """Per viewport one tab that stays open, with axe-core loaded into every document it opens: the
    quick visit of the ~165 pages that are not key pages (one page after another, cache shared)."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does it)"
    contexts = {name: browser.new_context(viewport=size) for name, size in VIEWPORTS.items()}
    tabs = {}
    for name, context in contexts.items():
        context.add_init_script(path=str(AXE))
        tabs[name] = context.new_page()
    yield tabs
    for context in contexts.values():
        context.close()


def _axe_only(tab, url: str) -> Visit:
    open_page(tab, url)
    return Visit(url, violations=tab.evaluate(RUN_AXE, AXE_TAGS))


def site_pages(site: Path, edition: str) -> list[str]:
    """Every page of an edition as a site path relative to the edition's root ('' is the home page,
    '404.html' the not-found page), in file order."""
    root = site / EDITIONS[edition]
    others = [site / prefix for prefix in EDITIONS.values() if prefix and prefix != EDITIONS[edition]]
    pages = []
    for html in sorted(root.rglob("*.html")):
        if any(html.is_relative_to(other) for other in others):
            continue
        path = html.relative_to(root).as_posix()
        pages.append(path[: -len("index.html")] if html.name == "index.html" else path)
    return pages


@pytest.fixture(scope="session")
def visit_path(contexts, axe_tabs, server, key_pages):
    """visit_path(edition, site path, viewport) -> Visit, loaded once per session. A key page gets
    the full visit (and its screenshot) whichever test asks first; any other page only axe-core."""
    done: dict[tuple[str, str, str], Visit] = {}
    names = {path: name for name, path in key_pages.items()}

    def get(edition: str, path: str, viewport: str) -> Visit:
        key = (edition, path, viewport)
        if key not in done:
            name, url = names.get(path), page_url(server, edition, path)
            if name is None:
                done[key] = _axe_only(axe_tabs[viewport], url)
            else:
                shot = (SCREENSHOTS / f"{edition}-{name}-{viewport}.png"
                        if name in SCREENSHOT_PAGES[edition] else None)
                done[key] = _visit(contexts[viewport], url, viewport, shot)
        return done[key]

    return get


@pytest.fixture(scope="session")
def visit(visit_path, key_pages):
    """visit(edition, page name, viewport) -> Visit of a key page, loaded once per session."""
    return lambda edition, name, viewport: visit_path(edition, key_pages[name], viewport)
