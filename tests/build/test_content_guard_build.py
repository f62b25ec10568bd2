"""The content guard in a real build: whatever could run code or load from another host stops the
build, every finding named with file and line, all at once; markup in data stays text; links to
other hosts pass; and the PDF assembly refuses to fetch anything remote."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from tests.conftest import copy_project, run_build

pytestmark = pytest.mark.slow

#: Appended to the Serbian "about" page, a paragraph each: (construct, what the finding says).
FORBIDDEN = [
    ("<script>alert(1)</script>", r"<script> — pages carry no scripts"),
    ('<iframe src="https://evil.example/embed"></iframe>', r"<iframe> — pages embed no other site"),
    ('<object data="x.swf"></object>', r"<object> — pages embed no other site"),
    ('<embed src="x.swf">', r"<embed> — pages embed no other site"),
    ('<img src="../assets/x.png" alt="" onerror="alert(2)">', r'onerror="alert\(2\)" — an on…= attribute runs code'),
    ('<a href="javascript:alert(3)">x</a>', r'href="javascript:alert\(3\)" — a javascript: URL runs code'),
    ('<img src="https://evil.example/x.png" alt="">', r'<img src="https://evil\.example/x\.png"> — every request'),
    ("![Slika](https://evil.example/y.png)", r"image !\[…\]\(https://evil\.example/y\.png\) — every request"),
    ('<p style="background: url(//evil.example/z.png)">x</p>', r"CSS url\(//evil\.example/z\.png\) in style="),
]
PAGE = "docs/sr/o-projektu.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def append(project, name: str, text: str) -> int:
    """Append ``text`` as new paragraphs to a page; returns the line its first paragraph lands on."""
    path = project / name
    old = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(old + "\n\n" + text + "\n", encoding="utf-8")
    return old.count("\n") + 3


def replace(project, name: str, old: str, new: str) -> None:
    path = project / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_forbidden_construct_fails_the_build_naming_file_and_line_all_at_once(project, tmp_path):
    first = append(project, PAGE, "\n\n".join(construct for construct, _ in FORBIDDEN))
    english = append(project, "docs/en/o-projektu.md", '<script src="https://cdn.example/x.js"></script>')
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    missing = [construct for n, (construct, finding) in enumerate(FORBIDDEN)
               if not re.search(rf"{re.escape(PAGE)}:{first + 2 * n}: {finding}", result.stderr)]
    assert missing == [], result.stderr[-4000:]
    assert f"docs/en/o-projektu.md:{english}: <script> — " in result.stderr
    assert f"{len(FORBIDDEN) + 1} problem(s) with content that could run code" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists(), "a failed build must not leave a site"


def test_what_only_the_html_shows_fails_at_the_end_naming_the_line(project, tmp_path):
    """An attribute list can add a style the Markdown check does not read: the check of the page's
    HTML finds it, in every edition, and the build stops after all of them with one report."""
    style = '{: style="background: url(https://evil.example/big.png)" }'
    line = append(project, PAGE, f"Pozadina.\n{style}")
    append(project, "docs/en/o-projektu.md", f"Background.\n{style}")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode != 0
    assert re.search(rf"{re.escape(PAGE)}:{line + 1}: CSS url\(https://evil\.example/big\.png\) in style= "
                     r"\(in the HTML made from this page\) — every request", result.stderr), result.stderr[-4000:]
    assert "docs/en/o-projektu.md:" in result.stderr and "2 problem(s) with content" in result.stderr


def test_a_link_to_another_host_passes_and_markup_in_data_stays_text(project, tmp_path):
    link = "Vidi [primer](https://example.org/) i <a href=\"https://example.org/b\">drugi</a>."
    append(project, PAGE, link)
    append(project, "docs/en/o-projektu.md", link.replace("Vidi", "See").replace("primer", "example"))
    # The area title goes into the page as text and, as JSON, into the self-assessment form's data
    # block (the one value a renderer marks as safe HTML).
    attack = '</script><script>alert(1)</script><img src=https://evil.example/x.png onerror=alert(2)>'
    replace(project, "data/standards.yaml", 'title: {sr: "Strateški okvir",',
            f"title: {{sr: 'Strateški okvir {attack}',")
    site = tmp_path / "site"
    result = run_build(project, site, KGO_PDF="0")
    assert result.returncode == 0, result.stderr[-4000:]
    about = (site / "o-projektu" / "index.html").read_text(encoding="utf-8")
    assert '<a href="https://example.org/">primer</a>' in about
    form = (site / "standardi" / "samoprocena" / "index.html").read_text(encoding="utf-8")
    assert "Strateški okvir &lt;/script&gt;&lt;script&gt;alert(1)" in form
    assert "Strateški okvir \\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in form
    assert "<script>alert(1)" not in form and "<img src=https://evil.example" not in form


class _Counting(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_pdf_assembly_refuses_a_remote_image_without_asking_for_it(tmp_path):
    from weasyprint.urls import FatalURLFetchingError

    from kgo.books.render import render_pdf

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting))
    server.asked = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    remote = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        for html in (f'<h1>A</h1><p><img src="{remote}/x.png" alt=""></p>',
                     f'<h1>A</h1><p style="background: url({remote}/y.png)">x</p>'):
            with pytest.raises(FatalURLFetchingError) as error:
                render_pdf(f"<html><body>{html}</body></html>", tmp_path, tmp_path / "book.pdf")
            assert f'Error fetching "{remote}/' in str(error.value)
            assert "disallowed protocol" in str(error.value.__cause__)
    finally:
        server.shutdown()
    assert server.asked == [], "the PDF assembly asked a remote host"
