"""The page of every local government in the built site: one per LSG in every edition, linked from
the network page (tables and schematic) and from the navigation, with its figures and sources; no
"unknown" figure in a municipal table, and each district's table ends with the district's figures.

For a quick run: build into a folder and point KGO_TEST_SITE at it (tests/conftest.py)."""

from __future__ import annotations

import re

import pytest
import yaml

from kgo.cyrillic import transliterate
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

EDITIONS = {"": "sr", "sr-Cyrl/": "cyr", "en/": "en"}
UNKNOWN = {"sr": "nepoznato", "cyr": "непознато", "en": "unknown"}
FIGURES = ("population_2022", "area_km2")


def _lsgs() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "municipalities.yaml").read_text(encoding="utf-8"))["municipalities"]


def _districts() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "districts.yaml").read_text(encoding="utf-8"))["districts"]


def _name(lsg: dict, lang: str) -> str:
    if lang == "cyr":
        return lsg["name"].get("cyr") or transliterate(lsg["name"]["sr"])
    return lsg["name"][lang]


def _read(site, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", EDITIONS)
def test_every_lsg_has_its_page_in_every_edition(site, prefix):
    lang = EDITIONS[prefix]
    for lsg in _lsgs():
        html = _read(site, f"{prefix}mreza/{lsg['id']}/index.html")
        assert re.search(rf"<h1[^>]*>{re.escape(_name(lsg, lang))}", html), f"{prefix}mreza/{lsg['id']}: title"
        assert f'id="lsg-page-{lsg["id"]}"' in html
        refs = set(re.findall(rf'href="#(lsg-{lsg["id"]}-note-\d+)"', html))
        notes = set(re.findall(rf'<li id="(lsg-{lsg["id"]}-note-\d+)">', html))
        assert refs and refs == notes, f"{prefix}mreza/{lsg['id']}: every fact needs its source note"
        assert not re.search(rf'<td class="[^"]*\bunknown\b|<td[^>]*>{UNKNOWN[lang]}<', html), lsg["id"]


@pytest.mark.parametrize("prefix", EDITIONS)
def test_network_page_links_every_lsg_from_tables_schematic_and_menu(site, prefix):
    html = _read(site, f"{prefix}mreza/index.html")
    for lsg in _lsgs():
        target = f'href="{lsg["id"]}/"'
        # by-district table, the table of all LSGs and the schematic
        assert html.count(target) >= 3, f"{prefix}mreza/: {lsg['id']} is not linked from the tables and the schematic"
        assert re.search(rf'<a href="{lsg["id"]}/"><text', html), f"schematic does not link {lsg['id']}"
        assert re.search(rf'class="md-nav__link"[^>]*href="{lsg["id"]}/"|href="{lsg["id"]}/"[^>]*class="md-nav__link',
                         html), f"{lsg['id']} is not in the navigation"


@pytest.mark.parametrize("prefix", EDITIONS)
def test_no_unknown_figure_and_each_district_table_ends_with_its_figures(site, prefix):
    lang = EDITIONS[prefix]
    html = _read(site, f"{prefix}mreza/index.html")
    assert not re.search(rf'<td class="[^"]*\bunknown\b|<td[^>]*>{UNKNOWN[lang]}<', html)
    group = "," if lang == "en" else "."
    for district in _districts():
        section = html.split(f'id="district-{district["id"]}"')[1].split("</section>")[0]
        foot = section.split("<tfoot>")[1].split("</tfoot>")[0]
        for key in FIGURES:
            shown = re.escape(f"{district[key]['value']:,}".replace(",", group))
            note = rf'<sup class="data-noteref"><a href="#mun-{district["id"]}-note-\d+"'
            assert re.search(rf'<td class="num">{shown}{note}', foot), (prefix, district["id"], key)


@pytest.mark.parametrize("prefix", EDITIONS)
def test_anchors_that_the_lsg_pages_link_to_exist(site, prefix):
    network = _read(site, f"{prefix}mreza/index.html")
    funding = _read(site, f"{prefix}finansiranje/index.html")
    assert 'id="all-lsgs"' in network
    for lsg in _lsgs():
        html = _read(site, f"{prefix}mreza/{lsg['id']}/index.html")
        assert f'href="../#district-{lsg["district"]}"' in html and f'id="district-{lsg["district"]}"' in network
        for anchor in re.findall(r'href="\.\./\.\./finansiranje/#([a-z0-9-]+)"', html):
            assert f'id="{anchor}"' in funding, f"{prefix}finansiranje/ has no #{anchor}"
        for page in ("prirucnik/", "smernice/", "smernice/izvori-podataka/", "standardi/samoprocena/"):
            assert f'href="../../{page}"' in html
            assert (site / prefix / page / "index.html").is_file()
