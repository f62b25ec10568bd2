"""Benchmark: build, preview, pages and books against the budget (``make bench``).

Prints the median of several runs for each measure and a PASS/FAIL line per budget item. It is a
benchmark, not a test: timings depend on the machine, so nothing here runs in ``make test``.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
BUDGET = {
    "html_ratio": 1.3,          # our HTML build / plain MkDocs + Material, same pages
    "preview_s": 2.0,           # rebuild of one edition after touching one page
    "site_s": 180.0,            # full `make site`, all editions and books
    "pdf_mb": 3.0,              # each screen PDF
    "page_kb": 400.0,           # a chapter page on first load, compressed, fonts included
}
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


def main() -> int:
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

        html, _ = median_time([*MKDOCS, "build", "-d", str(tmp / "html")], KGO_PDF="0")
        base_project = baseline_project(tmp)
        base, _ = median_time([*MKDOCS, "build", "-d", str(tmp / "base")], cwd=base_project)
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
    failed = [name for name, ok, _ in results if not ok]
    print(f"{len(results) - len(failed)} budget lines passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
