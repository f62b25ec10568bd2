"""The built site: every page in every edition, the right language tags, a working switcher,
UI strings in the edition's script, nothing loaded from a third-party host, atomic builds."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from tests.conftest import built_path, copy_project, run_build, source_pages

pytestmark = pytest.mark.slow

EDITIONS = {"sr": ("", "sr-Latn"), "cyr": ("sr-Cyrl/", "sr-Cyrl"), "en": ("en/", "en")}
CYRILLIC = re.compile(r"[\u0400-\u04FF]")






class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_serbian_page_has_an_english_twin_and_back():
    assert source_pages("sr") == source_pages("en")


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_is_built_in_every_edition_with_its_lang(site, edition):
    prefix, lang = EDITIONS[edition]
    for page in source_pages("sr"):
        html = built_path(site, prefix, page).read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html, f"{prefix}{page} lacks lang={lang}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_switcher_links_lead_to_the_same_page_in_other_editions(site, edition):
    prefix, _ = EDITIONS[edition]
    for page in source_pages("sr"):
        path = built_path(site, prefix, page)
        links = [a for tag, a in parse(path).tags if tag == "a" and "md-select__link" in a.get("class", "")]
        assert len(links) == 3, f"{path}: expected 3 edition links, found {len(links)}"
        base = "/" + path.parent.relative_to(site).as_posix() + "/"
        for link in links:
            target = urlsplit(urljoin(base, link["href"])).path
            resolved = site / target.lstrip("/") / "index.html"
            assert resolved.exists(), f"{path}: switcher link {link['href']} leads nowhere"
            assert resolved.relative_to(site).as_posix().endswith(
                built_path(Path(""), "", page).as_posix()), f"{path}: {link['href']} is another page"


def test_ui_strings_are_in_the_script_of_the_edition(site):
    latin_ui = ["Pretraga", "Sadržaj"]
    cyrillic_ui = ["Претрага", "Садржај"]
    home = {e: (site / p / "index.html").read_text(encoding="utf-8") for e, (p, _) in EDITIONS.items()}
    for word in latin_ui:
        assert word in home["sr"] and word not in home["cyr"] and word not in home["en"]
    for word in cyrillic_ui:
        assert word in home["cyr"] and word not in home["sr"] and word not in home["en"]
    assert "Search" in home["en"] and "Search" not in home["sr"]


def test_cyrillic_pages_have_no_latin_navigation_labels(site):
    page = parse(site / "sr-Cyrl" / "index.html")
    nav_text = " ".join(page.text)
    for word in ("Priručnik", "Smernice", "Standardi", "Projekat"):
        assert word not in nav_text


def test_english_pages_have_no_serbian_navigation_labels(site):
    nav_text = " ".join(parse(site / "en" / "index.html").text)
    for word in ("Priručnik", "Smernice", "Projekat", "Pojmovnik"):
        assert word not in nav_text


THIRD_PARTY = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//(?!localhost)([^/"']+)""", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*["']?(?:https?:)?//([^)"']+)""", re.IGNORECASE)
IMPORT = re.compile(r"""@import\s+["']?(?:url\()?["']?(?:https?:)?//""", re.IGNORECASE)


def test_nothing_is_loaded_from_a_third_party_host(site):
    offenders = []
    for path in site.rglob("*.html"):
        for tag, attrs in parse(path).tags:
            url = attrs.get("src") if tag in ("script", "img", "iframe", "audio", "video", "source") else (
                attrs.get("href") if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon",
                                                                              "modulepreload") else None)
            if url and re.match(r"^(https?:)?//", url):
                offenders.append(f"{path.relative_to(site)}: <{tag}> {url}")
    for path in list(site.rglob("*.css")) + list(site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if (CSS_URL.search(text) and path.suffix == ".css") or IMPORT.search(text):
            offenders.append(f"{path.relative_to(site)}: loads {CSS_URL.search(text) or IMPORT.search(text)}")
    assert not offenders, "\n".join(offenders[:20])


def test_fonts_are_self_hosted(site):
    css = (site / "assets" / "css" / "fonts.css").read_text(encoding="utf-8")
    for match in re.findall(r'url\("([^"]+)"\)', css):
        assert (site / "assets" / "css" / match).resolve().exists(), match
    assert "fonts.googleapis" not in (site / "index.html").read_text(encoding="utf-8")


def test_heading_anchors_are_ascii_and_equal_in_every_edition(site):
    for page in source_pages("sr"):
        ids = {}
        for edition, (prefix, _) in EDITIONS.items():
            path = built_path(site, prefix, page)
            article = path.read_text(encoding="utf-8").split('<article', 1)[1].split('</article>', 1)[0]
            for anchor in re.findall(r'<h[1-6][^>]* id="([^"]+)"', article):
                assert anchor.isascii(), f"{path}: non-ASCII anchor {anchor}"
            ids[edition] = re.findall(r'<h[2-4][^>]* id="([^"]+)"', article)
        assert ids["sr"] == ids["cyr"] == ids["en"], f"{page}: anchors differ between editions"


def _plant_and_build(tmp_path: Path, plant) -> tuple:
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    first = run_build(project, site, KGO_PDF="0")
    assert first.returncode == 0, first.stderr[-4000:]
    marker = site / "index.html"
    before = marker.read_bytes()
    plant(project)
    second = run_build(project, site, KGO_PDF="0")
    return second, marker, before


def test_a_broken_link_fails_the_build_and_keeps_the_previous_site(tmp_path):
    def plant(project):
        page = project / "docs" / "sr" / "o-projektu.md"
        page.write_text(page.read_text(encoding="utf-8") + "\n[veza](nema-me.md)\n", encoding="utf-8")
        twin = project / "docs" / "en" / "o-projektu.md"
        twin.write_text(twin.read_text(encoding="utf-8") + "\n[link](nema-me.md)\n", encoding="utf-8")

    result, marker, before = _plant_and_build(tmp_path, plant)
    assert result.returncode != 0
    assert "nema-me.md" in result.stderr
    assert marker.read_bytes() == before
    assert not list(marker.parent.parent.glob(".site-new-*")), "a half-written build was left behind"
