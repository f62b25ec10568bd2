"""Benchmark: build, preview, pages and books against the budget (``make bench``).

Prints the median of several runs for each measure and a PASS/FAIL line per budget item. It is a
benchmark, not a test: timings depend on the machine, so nothing here runs in ``make test``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BUDGET = {
    "html_ratio": 1.3,          # our HTML build / plain MkDocs + Material, same pages
    "preview_s": 2.0,           # rebuild of one edition after touching one page
    "site_s": 180.0,            # full `make site`, all editions and books
    "pdf_mb": 3.0,              # each screen PDF
    "page_kb": 400.0,           # a chapter page on first load, compressed, fonts included
    "lighthouse": 95,           # each Lighthouse category, mobile, on the pages of LIGHTHOUSE_PAGES
}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
LH_RUNS = int(os.environ.get("BENCH_LH_RUNS", "3"))  # the median of several runs: scores move by a few points
#: Site paths in every edition: the home page, a long chapter, the self-assessment and the
#: Guidelines' calculator (None: found by calculator_page).
LIGHTHOUSE_PAGES = ("", "prirucnik/mere/", "standardi/samoprocena/", None)
EDITION_ROOTS = {"sr-Latn": "", "sr-Cyrl": "sr-Cyrl/", "en": "en/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Chromium as in the browser tests (tests/browser/conftest.py): headless, nothing leaves the machine.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage")
results: list[tuple[str, bool, str]] = []


def env(**extra):
    e = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}
    e.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    return e


def timed(cmd, cwd=ROOT, **extra) -> tuple[float, int]:
    """Wall time and peak memory (KiB) of a child process."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    done = subprocess.run(cmd, cwd=cwd, env=env(**extra), check=False, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return time.perf_counter() - start, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


def median_time(cmd, runs=RUNS, **kw) -> tuple[float, int]:
    times, peak = [], 0
    for _ in range(runs):
        seconds, mem = timed(cmd, **kw)
        times.append(seconds)
        peak = max(peak, mem)
    return statistics.median(times), peak


def budget(name: str, ok: bool, text: str) -> None:
    results.append((name, ok, text))
    print(f"{'PASS' if ok else 'FAIL'} {name}: {text}")


def baseline_project(tmp: Path) -> Path:
    """The same pages built by plain MkDocs + Material: no hooks, no i18n, markers left as comments."""
    project = tmp / "baseline"
    shutil.copytree(ROOT / "docs", project / "docs")
    for page in (project / "docs").rglob("*.md"):  # our page templates do not exist there
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"(?m)^template: .*\n", "", text), encoding="utf-8")
    config = {"site_name": "baseline", "theme": {"name": "material"}, "docs_dir": "docs",
              "markdown_extensions": ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html",
                                      "tables", "toc", "pymdownx.details", "pymdownx.superfences",
                                      "pymdownx.tasklist"]}
    (project / "mkdocs.yml").write_text(json.dumps(config), encoding="utf-8")
    return project


def html_and_baseline(tmp: Path) -> tuple[float, float]:
    """Median seconds of our HTML build and of the plain one, run in turns: a machine that gets
    busier or quieter during the measure then weighs on both alike. One warm-up build each first
    (caches, the theme's compiled templates), as a preview or a second build finds them."""
    base_project = baseline_project(tmp)
    ours = [*MKDOCS, "build", "-d", str(tmp / "html")]
    plain = [*MKDOCS, "build", "-d", str(tmp / "base")]
    timed(ours, KGO_PDF="0")
    timed(plain, cwd=base_project)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(max(RUNS, 5)):
        times[0].append(timed(ours, KGO_PDF="0")[0])
        times[1].append(timed(plain, cwd=base_project)[0])
    return statistics.median(times[0]), statistics.median(times[1])


def preview_rebuild_seconds(tmp: Path) -> float:
    """What `make serve` does after a save: load the configuration again and rebuild one edition."""
    code = f"""
import os, sys, tempfile, time, pathlib
os.chdir({str(ROOT)!r})
from mkdocs.config import load_config
from mkdocs.commands.build import build
site = tempfile.mkdtemp(prefix="mkdocs_")  # as `mkdocs serve` names its folder (a preview)
def once():
    config = load_config("mkdocs.yml", site_dir=site, strict=False)  # as make serve
    config.plugins.on_startup(command="serve", dirty=False)
    start = time.perf_counter(); build(config); return time.perf_counter() - start
once()
page = pathlib.Path("docs/sr/prirucnik/index.md"); page.touch()
times = [once() for _ in range({RUNS})]
print(sorted(times)[len(times) // 2])
"""
    out = subprocess.run([sys.executable, "-c", code], env=env(KGO_PDF="0", KGO_EDITION="sr"), check=True,
                         capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def page_weight(site: Path, page: str) -> int:
    """Compressed bytes of a page and everything it loads (CSS, JS, fonts its CSS names)."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    assets = set(re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html))
    total = len(gzip.compress(html.encode()))
    for asset in assets:
        path = (html_path.parent / asset.split("?")[0]).resolve()
        if path.exists():
            data = path.read_bytes()
            total += len(gzip.compress(data))
            if path.suffix == ".css":
                for font in re.findall(r'url\("?([^")]+\.woff2)"?\)', data.decode("utf-8", "replace")):
                    font_path = (path.parent / font).resolve()
                    total += font_path.stat().st_size if font_path.exists() else 0
    return total


# --- Lighthouse: the site as the deploy builds it (KGO_SITE_URL set), served compressed -----------

class _Served(http.server.SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them: text compressed with gzip when the browser asks."""

    COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")
    extensions_map: ClassVar[dict[str, str]] = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                                ".woff2": "font/woff2", ".js": "text/javascript"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if (not path.is_file() or not path.name.endswith(self.COMPRESS)
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()  # fonts, PDFs, redirects and 404s as usual
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def calculator_page(site: Path) -> str:
    """The Guidelines' calculator: the page under smernice/ that holds it (every page has the
    header's search form, so the calculator's own class is looked for). No stand-in page: scores
    of another page would be reported as the calculator's."""
    for page in sorted((site / "smernice").glob("*/index.html")):
        if 'class="ki-calc"' in page.read_text(encoding="utf-8"):
            return f"{page.parent.relative_to(site).as_posix()}/"
    raise SystemExit("no page under smernice/ holds the calculator (class=\"ki-calc\"): "
                     "put <!-- data: valorization calculator --> back on its chapter")


def lighthouse_scores(url: str, out: Path) -> tuple[dict[str, int], list[str]]:
    """Scores (0-100) of one Lighthouse run, mobile, and the audits that cost points."""
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    env_lh = {**os.environ, "CHROME_PATH": chrome}
    subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--form-factor=mobile", f"--chrome-flags={CHROME_FLAGS}",
                    f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={out}"],
                   env=env_lh, check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    lost = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit.get("score") is not None and audit["score"] < 0.9:
                lost.append(f"{ref['id']} {audit.get('displayValue', '')}".strip())
    return scores, lost


def lighthouse(tmp: Path) -> list[tuple[str, str, dict[str, int]]]:
    """Lighthouse on the pages of LIGHTHOUSE_PAGES in every edition; the median of LH_RUNS runs."""
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make node-deps` (npm ci)")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    site = tmp / "lighthouse-site"
    timed([*MKDOCS, "build", "-d", str(site)], KGO_PDF="0", KGO_SITE_URL=base)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Served, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    rows = []
    try:
        for edition, root in EDITION_ROOTS.items():
            for page in LIGHTHOUSE_PAGES:
                path = calculator_page(site) if page is None else page
                runs = [lighthouse_scores(f"{base}{root}{path}", tmp / "lighthouse.json") for _ in range(LH_RUNS)]
                scores = {c: int(statistics.median(r[0][c] for r in runs)) for c in CATEGORIES}
                lost = sorted({audit for _, audits in runs for audit in audits})
                low = min(scores.values())
                text = " ".join(f"{c} {scores[c]}" for c in CATEGORIES)
                budget(f"Lighthouse >= 95, {edition} /{root}{path}", low >= BUDGET["lighthouse"],
                       text + (f" (lost on: {'; '.join(lost)})" if lost else ""))
                rows.append((edition, f"/{root}{path}", scores))
    finally:
        httpd.shutdown()
    return rows


def main() -> int:
    if sys.argv[1:] == ["lighthouse"]:  # only the Lighthouse part (python tools/bench.py lighthouse)
        with tempfile.TemporaryDirectory() as tmpdir:
            lighthouse(Path(tmpdir))
        return 1 if any(not ok for _, ok, _ in results) else 0
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, runs per measure: {RUNS}")
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        site = tmp / "site"
        shutil.rmtree(ROOT / ".cache" / "pdf", ignore_errors=True)
        cold, peak = timed([*MKDOCS, "build", "-d", str(site)])
        print(f"full site, cold PDF cache: {cold:.1f} s, peak memory {peak / 1024:.0f} MiB")
        warm, _ = median_time([*MKDOCS, "build", "-d", str(site)])
        print(f"full site, warm PDF cache: {warm:.1f} s")
        budget("make site under 3 minutes (cold)", cold < BUDGET["site_s"], f"{cold:.1f} s")

        html, base = html_and_baseline(tmp)
        pages = len(list((ROOT / "docs").rglob("*.md")))
        # Our build makes three editions of every page; the baseline builds each source page once.
        editions = 3 * len(list((ROOT / "docs" / "sr").rglob("*.md")))
        ratio = (html / editions) / (base / pages)
        print(f"HTML, all editions: {html:.1f} s for {editions} pages; plain MkDocs: {base:.1f} s for {pages} pages")
        budget("HTML build per page at most 1.3x plain MkDocs", ratio <= BUDGET["html_ratio"], f"{ratio:.2f}x")

        preview = preview_rebuild_seconds(tmp)
        budget("preview rebuild of one page under 2 s", preview < BUDGET["preview_s"], f"{preview:.2f} s")

        pdfs = sorted((site / "pdf").glob("*.pdf"))
        total_pages = 0
        for pdf in pdfs:
            from pypdf import PdfReader

            n = len(PdfReader(pdf).pages)
            total_pages += n
            size = pdf.stat().st_size / 1e6
            line = f"{pdf.name}: {n} pages, {size:.2f} MB"
            if pdf.name.endswith("-print.pdf"):
                print(line)
            else:
                budget(f"screen PDF under 3 MB ({pdf.name})", size < BUDGET["pdf_mb"], line)
        if pdfs:
            print(f"PDF rendering: {total_pages} pages in {cold - html:.1f} s "
                  f"({total_pages / max(cold - html, 0.1):.1f} pages/s, both variants)")

        for page in ("prirucnik/mere/index.html", "en/prirucnik/mere/index.html"):
            if (site / page).exists():
                kb = page_weight(site, page) / 1024
                budget(f"chapter page under 400 KB ({page})", kb < BUDGET["page_kb"], f"{kb:.0f} KB")
        for root in ("", "sr-Cyrl/", "en/"):
            index = site / root / "search" / "index.json"
            if index.exists():
                print(f"search index {root or 'sr/'}: {index.stat().st_size / 1024:.0f} KB, "
                      f"{len(gzip.compress(index.read_bytes())) / 1024:.0f} KB compressed")
        lighthouse(tmp)
    failed = [name for name, ok, _ in results if not ok]
    print(f"{len(results) - len(failed)} budget lines passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
