"""The page of each local government: the renderer (``municipalities page id=…``) on small data, and
the page files ``docs/LANG/mreza/ID.md`` that ``python -m kgo.render.municipality_pages`` writes."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from kgo.project import ROOT
from kgo.render import municipality_pages as pages
from kgo.render.markers import RenderContext, check_markers
from kgo.render.renderers.municipality_page import START, municipality_page
from tests.unit.test_reference_data import NOTE, SOURCE, _data, _text

WEBSITE_SOURCE = {**SOURCE, "title": "O gradu", "url": "https://primer.example/o-gradu", "accessed": "2026-12-06"}
PLAN_SOURCE = {**SOURCE, "title": "Plan usvojen", "url": "https://vesti.example/plan", "accessed": "2026-12-06"}
BFC_SOURCE = {**SOURCE, "title": "BFC list", "url": "https://naled.example/bfc", "accessed": "2026-12-06"}
IPA_SOURCE = {**SOURCE, "title": "Programme area", "url": "https://ipa.example/area", "accessed": "2026-12-06"}

PAGE_LABELS = {
    "page_intro": ("Osnovni podaci.", "Basic facts."), "facts_caption": ("Podaci", "Facts"),
    "website": ("Internet stranica", "Website"), "network_link": ("Cela mreža", "The whole network"),
    "documents_heading": ("Strateški dokumenti", "Strategic documents"),
    "period": ("za period {period}", "for {period}"), "adopted": ("usvojen {year}.", "adopted in {year}"),
    "document_text": ("tekst", "text"), "bfc_heading": ("Sertifikat BFC SEE", "BFC SEE certificate"),
    "bfc_year": ("godina: {year}.", "year: {year}"), "funding_heading": ("Programi", "Programmes"),
    "start_heading": ("Odakle početi", "Where to start"), "start_handbook": ("plan", "plan"),
    "start_guidelines": ("mapiranje", "mapping"), "start_data_sources_link": ("Izvori podataka", "Data sources"),
    "start_data_sources": ("podaci", "data"), "start_self_assessment_link": ("Samoprocena", "Self-assessment"),
    "start_self_assessment": ("obrazac", "form"),
}


def data() -> dict:
    d = _data()
    d["municipalities"]["labels"].update({k: {"sr": sr, "en": en} for k, (sr, en) in PAGE_LABELS.items()})
    city = d["municipalities"]["municipalities"][0]
    city["website"] = {"url": "https://www.primer.example/", "source": WEBSITE_SOURCE}
    city["strategic_documents"] = [{"title": _text("Plan razvoja grada Primera", "Development Plan of Primer"),
                                    "period": "2021–2028", "adopted": 2021,
                                    "url": "https://primer.example/plan.pdf", "source": PLAN_SOURCE}]
    city["bfc_see"] = {"status": _text("na spisku NALED-a", "on NALED's list"), "source": BFC_SOURCE}
    basis = _text("Okrug je u području.", "The district is in the area.")
    city["funding_eligibility"] = [{"funding": "ipa", "basis": basis, "source": IPA_SOURCE}]
    d["funding_sources"] = {"funding_sources": [{"id": "ipa", "name": _text("Interreg IPA Primer")}]}
    d["publications"] = {"publications": [
        {"id": "prirucnik", "short_title": _text("Priručnik", "Handbook")},
        {"id": "smernice", "short_title": _text("Smernice", "Guidelines")},
    ]}
    return d


def render(d: dict, lang: str, lsg: str = "primer-grad") -> tuple[str, RenderContext]:
    context = RenderContext(data=d, lang=lang, page=f"mreza/{lsg}.md").bound("municipalities")
    return municipality_page(context, id=lsg), context


# --- the renderer ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, population, area", [("sr", "49.601", "1.232,5"), ("en", "49,601", "1,232.5")])
def test_page_shows_status_district_seat_and_sourced_figures(lang, population, area):
    html, _ = render(data(), lang)
    assert f">{population}<sup" in html and f">{area}<sup" in html
    assert (">grad<" if lang == "sr" else ">city<") in html
    assert ("Pirotski okrug" if lang == "sr" else "Pirot District") in html
    assert ">2016<sup" in html  # city since, with its note


def test_every_fact_has_a_numbered_note_with_its_source():
    html, _ = render(data(), "en")
    refs = re.findall(r'href="#(lsg-primer-grad-note-\d+)"', html)
    notes = re.findall(r'<li id="(lsg-primer-grad-note-\d+)">', html)
    assert set(refs) == set(notes) and len(notes) == len(set(notes))
    for source in (WEBSITE_SOURCE, PLAN_SOURCE, BFC_SOURCE, IPA_SOURCE):
        assert f'<a href="{source["url"]}">' in html and f'{source["title"]}</' in html
    assert "secondary source" in html  # the population is marked secondary in the data


def test_optional_facts_are_shown_with_links():
    html, context = render(data(), "sr")
    assert '<a href="https://www.primer.example/">www.primer.example</a>' in html
    assert "Plan razvoja grada Primera" in html and "za period 2021–2028, usvojen 2021." in html
    assert '<a href="https://primer.example/plan.pdf">tekst</a>' in html
    assert "Na spisku NALED-a" in html  # the status starts the paragraph: capitalised
    assert '<a href="../../finansiranje/#funding-ipa">Interreg IPA Primer</a>: Okrug je u području.' in html
    assert '<a href="../#district-pirot">Pirotski okrug</a>' in html
    assert '<a href="../#all-lsgs">Cela mreža</a>' in html
    assert {"finansiranje.md", "mreza.md"} <= set(context.links)


def test_what_the_data_lacks_is_left_out():
    html, _ = render(data(), "en", lsg="primer-opstina")
    for absent in ("Strategic documents", "BFC SEE certificate", "Programmes", "Website", "City since"):
        assert absent not in html
    assert 'class="unknown"' not in html
    d = data()  # a city's year of city status may be unknown: the page says so, with its note
    d["municipalities"]["municipalities"][0]["city_since"] = {"value": None, "source": SOURCE, "note": NOTE}
    html, _ = render(d, "en")
    assert len(re.findall(r'<td class="unknown">unknown<sup', html)) == 1 and NOTE["en"] in html


def test_where_to_start_links_into_the_publications():
    html, context = render(data(), "en")
    assert set(context.links) >= {page for page, _, _ in START}
    assert '<a href="../../prirucnik/">Handbook</a> – plan' in html
    assert '<a href="../../smernice/izvori-podataka/">Data sources</a> – data' in html
    assert '<a href="../../standardi/samoprocena/">Self-assessment</a> – form' in html


def test_cyrillic_edition_transliterates_but_keeps_bfc_see_latin():
    html, _ = render(data(), "cyr")
    assert "Сертификат BFC SEE" in html and "Пиротски округ" in html and "Приручник" in html


def test_unknown_id_and_missing_programme_are_clear_errors():
    with pytest.raises(KeyError, match="no local government id='nowhere'"):
        render(data(), "sr", lsg="nowhere")
    d = data()
    d["funding_sources"]["funding_sources"] = []
    with pytest.raises(KeyError, match="no funding source id='ipa'"):
        render(d, "sr")


def test_data_never_becomes_markup():
    d = data()
    city = d["municipalities"]["municipalities"][0]
    city["seat"] = _text("<script>alert(1)</script>")
    city["website"]["url"] = "javascript:alert(1)"
    city["strategic_documents"][0]["url"] = "javascript:alert(2)"
    html, _ = render(d, "sr")
    assert "<script>" not in html and "javascript:" not in html


def test_marker_takes_only_id():
    problems = check_markers("<!-- data: municipalities page id=nis color=red -->", "x.md", data())
    assert any("takes no argument 'color'" in str(p) for p in problems)


# --- the page files -------------------------------------------------------------------------------

def _project(tmp_path: Path, ids: list[str]) -> Path:
    (tmp_path / "data").mkdir()
    lsgs = [{"id": i, "name": _text(f"Opština {i}", f"Municipality of {i}")} for i in ids]
    (tmp_path / "data" / "municipalities.yaml").write_text(yaml.safe_dump({"municipalities": lsgs}), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("nav:\n" + "".join(f"  - mreza/{i}.md\n" for i in ids), encoding="utf-8")
    return tmp_path


def test_command_writes_missing_pages_and_then_finds_nothing(tmp_path):
    root = _project(tmp_path, ["a", "b"])
    assert len(pages.problems(root)) == 4  # two LSGs x two languages
    assert sorted(pages.write_pages(root)) == ["docs/en/mreza/a.md", "docs/en/mreza/b.md",
                                               "docs/sr/mreza/a.md", "docs/sr/mreza/b.md"]
    assert pages.problems(root) == []
    assert (root / "docs/sr/mreza/a.md").read_text() == "# Opština a\n\n<!-- data: municipalities page id=a -->\n"
    assert (root / "docs/en/mreza/a.md").read_text().startswith("# Municipality of a\n")
    assert pages.write_pages(root) == []  # nothing to do the second time


def test_wrong_marker_orphan_page_and_missing_nav_entry_are_reported(tmp_path):
    root = _project(tmp_path, ["a"])
    pages.write_pages(root)
    (root / "docs/sr/mreza/a.md").write_text("# Opština a\n\n<!-- data: municipalities page id=b -->\n")
    (root / "docs/en/mreza/old.md").write_text("# Old\n")
    (root / "mkdocs.yml").write_text("nav:\n  - index.md\n")
    found = "\n".join(pages.problems(root))
    assert "docs/sr/mreza/a.md: differs from the data" in found
    assert "docs/en/mreza/old.md: no local government with this id" in found
    assert "mkdocs.yml: nav: does not list mreza/a.md" in found


def test_the_repository_has_a_listed_page_per_lsg_in_every_language():
    """Fails when data/municipalities.yaml gains an LSG without its pages, or a page's marker is wrong."""
    assert pages.problems(ROOT) == []
    lsgs = pages.load_municipalities(ROOT)
    assert len(lsgs) == 15
    for m in lsgs:
        for lang in ("sr", "en"):
            text = (ROOT / "docs" / lang / "mreza" / f"{m['id']}.md").read_text(encoding="utf-8")
            assert text.splitlines()[0] == f"# {m['name'][lang]}"
            assert re.findall(r"<!-- data: municipalities page id=(\S+) -->", text) == [m["id"]]


def test_the_repository_data_renders_a_page_for_every_lsg():
    from kgo.rules import load

    datasets, errors = load(ROOT)
    assert not errors
    for m in datasets["municipalities"]["municipalities"]:
        for lang in ("sr", "cyr", "en"):
            html, _ = render(copy.deepcopy(datasets), lang, lsg=m["id"])
            assert "lsg-page" in html
