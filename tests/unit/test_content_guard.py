"""The content guard: what a page may not contain is found with its line, links stay allowed, the
reviewed exceptions work, and each finished page gets a policy with the hashes of its scripts."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from kgo.guard.csp import digest, inline_scripts, policy, secure_page
from kgo.guard.findings import Finding, apply_exceptions, exception_problems, report, unused_exceptions
from kgo.guard.html import css_urls, outside, runs_code, scan_html
from kgo.guard.markdown import includes, scan_markdown
from kgo.guard.pages import check_page, check_sources, line_of, site_origin


def rules(hits):
    return [(hit.line, hit.rule) for hit in hits]


# --- HTML -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("html, rule", [
    ("<script>alert(1)</script>", "script"),
    ('<script src="/assets/js/x.js"></script>', "script"),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "embed"),
    ('<object data="x.swf"></object>', "embed"),
    ('<embed src="x.swf">', "embed"),
    ('<img src="a.png" onerror="alert(2)">', "event-attribute"),
    ('<p ONCLICK="x()">', "event-attribute"),
    ('<a href="javascript:alert(1)">x</a>', "javascript-url"),
    ('<a href=" JaVa\tScript:alert(1)">x</a>', "javascript-url"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "javascript-url"),
    ('<a href="javascript&colon;alert(1)">x</a>', "javascript-url"),
    ('<img src="https://evil.example/x.png">', "remote-resource"),
    ('<img src="//evil.example/x.png">', "remote-resource"),
    ('<img srcset="a.png 1x, https://evil.example/x.png 2x">', "remote-resource"),
    ('<video poster="https://evil.example/p.jpg"></video>', "remote-resource"),
    ('<audio><source src="http://evil.example/a.mp3"></audio>', "remote-resource"),
    ('<link rel="stylesheet" href="https://fonts.example/css">', "remote-resource"),
    ('<link rel="icon" href="https://evil.example/favicon.ico">', "remote-resource"),
    ('<svg><image href="https://evil.example/x.png"/></svg>', "remote-resource"),
    ('<a href="https://example.org/" ping="https://tracker.example/">x</a>', "remote-resource"),
    ('<p style="background: url(https://evil.example/x.png)">x</p>', "remote-resource"),
    ('<style>\np { background: url("//evil.example/x.png") }\n</style>', "remote-resource"),
    ('<style>@import "https://evil.example/x.css";</style>', "remote-resource"),
    ('<form action="https://evil.example/collect"></form>', "remote-form"),
    ('<button formaction="https://evil.example/">x</button>', "remote-form"),
    ('<base href="https://evil.example/">', "page-control"),
    ('<meta http-equiv="refresh" content="0; url=https://evil.example/">', "page-control"),
])
def test_each_forbidden_construct_is_found(html, rule):
    assert [hit.rule for hit in scan_html(html)] == [rule]


@pytest.mark.parametrize("html", [
    '<a href="https://example.org/">a link to another host</a>',
    '<a href="../usluge/#x">a page</a> <a href="#top">an anchor</a> <a href="mailto:a@b.rs">mail</a>',
    '<img src="../assets/images/x.png" srcset="x.png 1x, x@2.png 2x" alt="">',
    '<img src="data:image/png;base64,AAAA" alt="">',
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="https://example.org/">x</a></svg>',
    '<p style="white-space: nowrap; background: url(../assets/x.png)">x</p>',
    '<form action="#" novalidate></form>',
    '<p>one, only, online: words starting with "on" in text</p>',
    '<abbr title="javascript: a language">JS</abbr>',
])
def test_links_own_files_and_plain_text_pass(html):
    assert scan_html(html) == []


def test_a_json_data_block_passes_only_where_a_renderer_may_make_one():
    block = '<script type="application/json" class="ki-sa-data">{"a": 1}</script>'
    assert scan_html(block, data_blocks=True) == []
    assert rules(scan_html(block)) == [(1, "script")]
    assert rules(scan_html('<script type="application/json" src="https://x.example/a.json"></script>',
                           data_blocks=True)) == [(1, "script")]


def test_an_element_that_is_itself_the_finding_gets_one_finding_and_its_events():
    assert rules(scan_html('<iframe src="https://evil.example/" onload="x()"></iframe>')) == [
        (1, "embed"), (1, "event-attribute")]


def test_lines_are_counted_in_the_html_given():
    html = "<p>a</p>\n<p>b</p>\n<img src='https://evil.example/x.png'>\n<style>\n\nq{background:url(//e.example/y)}</style>"
    assert rules(scan_html(html)) == [(3, "remote-resource"), (6, "remote-resource")]


def test_the_sites_own_origin_is_the_site():
    assert not outside("https://site.example/a/x.png", "https://site.example")
    assert outside("https://site.example.evil/x.png", "https://site.example")
    assert outside("https://evil.example/x.png", "")
    assert not outside("../x.png") and not outside("/x.png") and not outside("blob:abc")
    assert runs_code("\njavascript:x") and not runs_code("https://x.example/javascript:")
    assert css_urls("a{b:url( 'x.png' )} @import 'y.css';") == ["x.png", "y.css"]
    assert site_origin("https://example.org/handbook/") == "https://example.org" and site_origin(None) == ""


# --- Markdown -------------------------------------------------------------------------------------

PAGE = """# Naslov {#title}

Tekst sa [vezom](https://example.org/) i <https://example.org/auto>.

<script>alert(1)</script>

![Slika](https://evil.example/x.png "naslov")

![Referenca][logo]

Paragraf
{: onclick="x()" }

`<script>` u kodu se samo prikazuje, kao i ovo:

```html
<iframe src="https://evil.example/"></iframe>
```

<!-- data: project facts -->

[logo]: https://evil.example/logo.png
"""


def test_markdown_findings_name_the_editors_line_and_skip_code_and_comments():
    assert rules(scan_markdown(PAGE)) == [(5, "script"), (7, "remote-resource"), (9, "remote-resource"),
                                         (12, "event-attribute")]


def test_a_local_image_and_a_reference_link_pass():
    text = "![Mapa](../assets/images/mapa.png)\n\n[veza][ref]\n\n[ref]: https://example.org/\n"
    assert scan_markdown(text) == []


def test_included_files_are_named():
    assert includes("{!sr/snippets/x.md!}\n`{!not/this.md!}`") == ["sr/snippets/x.md"]


def test_sources_of_both_languages_are_checked(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sr").mkdir(parents=True)
    (docs / "en").mkdir()
    (docs / "sr" / "a.md").write_text("# A\n\n<embed src=x>\n\n{!inc/part.html!}\n", encoding="utf-8")
    (docs / "en" / "a.md").write_text("# A\n\nok\n\n<img src='https://evil.example/y.png'>\n", encoding="utf-8")
    (docs / "inc").mkdir()
    (docs / "inc" / "part.html").write_text("<p>\n<script>x()</script></p>", encoding="utf-8")
    found = check_sources(docs, tmp_path)
    assert [(f.file, f.line, f.rule) for f in found] == [
        ("docs/en/a.md", 5, "remote-resource"), ("docs/inc/part.html", 2, "script"), ("docs/sr/a.md", 3, "embed")]


# --- A page's HTML and its rendered data -------------------------------------------------------

def test_rendered_data_is_named_by_the_data_file_line_and_the_marker(tmp_path):
    (tmp_path / "docs" / "sr").mkdir(parents=True)
    (tmp_path / "data").mkdir()
    source = tmp_path / "docs" / "sr" / "a.md"
    source.write_text("# A\n\n<!-- data: project facts -->\n\n<!-- data: glossary list -->\n", encoding="utf-8")
    (tmp_path / "data" / "glossary.yaml").write_text("terms:\n  - note: <img src=https://evil.example/g.png>\n",
                                                     encoding="utf-8")
    html = '<h1>A</h1><div data-kg="kg-data-0"></div><div data-kg="kg-data-1"></div>'
    rendered = {"kg-data-0": "<p onmouseover='x()'>fact</p>",
                "kg-data-1": '<p><img src="https://evil.example/g.png"></p><script type="application/json">{}</script>'}
    found = check_page(html, rendered, source, tmp_path)
    assert [str(f) for f in found] == [
        "data/glossary.yaml:2: <img src=\"https://evil.example/g.png\"> (shown by <!-- data: glossary list --> in "
        "docs/sr/a.md:5) — every request to another host tells it who reads the page and fails offline; "
        "save the file in docs/assets/ (with its licence) and use a relative path, or link to it with [title](https://…)",
        "docs/sr/a.md:3: onmouseover=\"x()\" (rendered by <!-- data: project facts --> from data/project.yaml or its "
        "template kgo/render/templates/project_*.html) — an on…= attribute runs code; remove it (behaviour "
        "belongs in docs/assets/js/)",
    ]


def test_escaped_markup_from_data_stays_text():
    rendered = {"kg-data-0": "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=https://evil.example/x&gt;</p>"}
    assert check_page("<div></div>", rendered, Path("/nonexistent.md"), Path("/")) == []


def test_html_made_from_markdown_is_named_by_the_source_line(tmp_path):
    source = tmp_path / "a.md"
    source.write_text("# A\n\nTekst\n{: onclick=\"x()\" }\n", encoding="utf-8")
    found = check_page('<p onclick="x()">Tekst</p>', {}, source, tmp_path)
    assert [(f.file, f.line, f.rule) for f in found] == [("a.md", 4, "event-attribute")]
    assert line_of("a\nb\nNEEDLE", "needle") == 3 and line_of("a", "zzz") == 1


# --- Exceptions and the report --------------------------------------------------------------------

FINDING = Finding("docs/sr/a.md", 3, "embed", "<iframe>")


def test_an_exception_needs_a_file_a_known_rule_and_a_reason():
    assert exception_problems([]) == [] and exception_problems(None) == []
    assert exception_problems([{"file": "docs/sr/a.md", "rule": "embeds", "color": 1}]) == [
        "mkdocs.yml: extra.content_exceptions[0]: unknown key 'color'; allowed: file, match, reason, rule",
        "mkdocs.yml: extra.content_exceptions[0]: missing 'reason'",
        "mkdocs.yml: extra.content_exceptions[0]: unknown rule 'embeds'; one of script, embed, "
        "event-attribute, javascript-url, remote-resource, remote-form, page-control",
    ]
    assert exception_problems("x") == [
        "mkdocs.yml: extra.content_exceptions: a list of {file, rule, reason} entries expected"]


def test_an_exception_covers_its_finding_and_an_unused_one_is_named():
    entries = [{"file": "docs/sr/a.md", "rule": "embed", "match": "<iframe", "reason": "agreed"},
               {"file": "docs/en/a.md", "rule": "embed", "reason": "no longer needed"}]
    kept, used = apply_exceptions([FINDING, FINDING], entries)
    assert kept == [] and used == [0]
    assert unused_exceptions(entries, used) == [
        "mkdocs.yml: extra.content_exceptions[1]: no page needs this exception any more; remove it"]
    kept, _ = apply_exceptions([FINDING], [{**entries[0], "match": "<object"}])
    assert kept == [FINDING]


def test_the_report_lists_every_finding_once_with_what_to_do():
    text = report(apply_exceptions([FINDING, FINDING, Finding("docs/en/a.md", 1, "script", "<script>")], [])[0])
    assert text.splitlines() == [
        "2 problem(s) with content that could run code or load from another host "
        "(see CONTRIBUTING.md, 'What a page may not contain'):",
        "  docs/en/a.md:1: <script> — pages carry no scripts; behaviour belongs in a reviewed script in "
        "docs/assets/js/ listed under extra_javascript in mkdocs.yml",
        "  docs/sr/a.md:3: <iframe> — pages embed no other site or plugin; link to it instead: [title](https://…)",
    ]


# --- The finished page's policy ------------------------------------------------------------------

FINISHED = """<!doctype html>
<html lang="sr"><head>
<meta charset="utf-8">
<link rel="stylesheet" href="assets/x.css">
<script>__md_scope=new URL(".",location)</script>
<style>.a{color:red}</style>
</head><body>
<script id="__config" type="application/json">{"base": "."}</script>
<script src="assets/js/search.js"></script>
<a href="https://example.org/" target="_blank">x</a> <a href="y" target=_blank rel="external">y</a>
<a href="z" target="_blank" rel="noopener">z</a>
<script>
var x = 1;
</script>
</body></html>"""


def test_the_hash_is_the_browsers():
    text = "var x = 1;"
    expected = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    assert digest(text) == f"'sha256-{expected}'" and digest("a\r\nb") == digest("a\nb")


def test_only_scripts_that_run_are_hashed():
    assert inline_scripts(FINISHED) == ['__md_scope=new URL(".",location)', "\nvar x = 1;\n"]


def test_the_policy_allows_the_sites_own_files_and_the_pages_inline_scripts_by_hash():
    directives = dict(d.split(" ", 1) for d in policy(FINISHED).split("; "))
    scripts = [digest('__md_scope=new URL(".",location)'), digest("\nvar x = 1;\n")]
    assert directives["script-src"] == "'self' " + " ".join(scripts)
    assert "unsafe" not in directives["script-src"] and "unsafe" not in directives["style-src-elem"]
    assert directives["style-src-elem"] == f"'self' {digest('.a{color:red}')}"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'" and directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'" and directives["img-src"] == "'self' data:"


def test_a_preview_lets_the_live_reload_script_run_and_blocks_the_rest_as_always():
    directives = dict(d.split(" ", 1) for d in policy(FINISHED, preview=True).split("; "))
    assert directives["script-src"] == "'self' 'unsafe-inline'"
    assert directives["img-src"] == "'self' data:" and directives["connect-src"] == "'self'"
    assert "'unsafe-inline'" not in policy(FINISHED).split("; ")[1]  # script-src of a build


def test_the_finished_page_gets_its_policies_first_in_the_head_and_noopener():
    page = secure_page(FINISHED)
    head = page.split("<meta charset=\"utf-8\">", 1)[1].lstrip().splitlines()
    assert head[0].startswith('<meta http-equiv="Content-Security-Policy" content="default-src \'self\';')
    assert head[1] == '<meta name="referrer" content="strict-origin-when-cross-origin">'
    assert '<a href="https://example.org/" target="_blank" rel="noopener">' in page
    assert '<a href="y" target=_blank rel="external noopener">' in page
    assert page.count("noopener") == 3
    assert secure_page("not a page") == "not a page"
