"""Reference datasets: renderers (municipalities, SDG targets, glossary, funding sources) and the
cross-reference checks of hooks/reference_data.py, on small data built here."""

from __future__ import annotations

import copy
import re

import pytest

from kgo.data.reference import validate_reference
from kgo.render.markers import RenderContext
from kgo.render.reference import sort_key
from kgo.render.renderers.funding_sources import funding_sources_list, funding_sources_table
from kgo.render.renderers.glossary import glossary_entries, glossary_list
from kgo.render.renderers.municipalities import (
    municipalities_by_district,
    municipalities_map,
    municipalities_table,
)
from kgo.render.renderers.sdg_targets import sdg_targets_list, sdg_targets_table

SOURCE = {"title": "Popis 2022", "publisher": "RZS", "url": "https://example.org/popis", "date": "2023-05-25"}
NOTE = {"sr": "Nije provereno.", "en": "Not verified."}


def _text(sr: str, en: str | None = None) -> dict[str, str]:
    return {"sr": sr, "en": en or sr}


def _labels() -> dict[str, dict[str, str]]:
    keys = {
        "caption_all": ("Mreža", "Network"), "caption_district": ("JLS – {district}", "LSGs – {district}"),
        "name": ("JLS", "LSG"), "kind": ("Status", "Status"), "district": ("Okrug", "District"),
        "seat": ("Sedište", "Seat"), "population": ("Stanovništvo", "Population"),
        "area": ("Površina", "Area"), "city_since": ("Grad od", "City since"),
        "kind_city": ("grad", "city"), "kind_municipality": ("opština", "municipality"),
        "secondary": ("sekundarni izvor", "secondary source"), "sources_heading": ("Izvori", "Sources"),
        "map_title": ("Šema", "Schematic"), "map_desc": ("Nije karta.", "Not a map."),
        "map_legend_city": ("podebljano: grad", "bold: city"),
        "map_legend_link": ("ime vodi na stranicu", "a name leads to its page"),
        "district_total": ("{district} ukupno", "{district}, total"),
    }
    return {k: {"sr": sr, "en": en} for k, (sr, en) in keys.items()}


def _data() -> dict:
    return {
        "districts": {"districts": [
            {"id": "pirot", "order": 2, "name": _text("Pirotski okrug", "Pirot District"),
             "seat": _text("Pirot"), "source": SOURCE,
             "population_2022": {"value": 49601, "source": SOURCE}, "area_km2": {"value": 1233, "source": SOURCE}},
            {"id": "toplica", "order": 3, "name": _text("Toplički okrug", "Toplica District"),
             "seat": _text("Prokuplje"), "source": SOURCE,
             "population_2022": {"value": 9682, "source": SOURCE, "note": NOTE},
             "area_km2": {"value": 306, "source": SOURCE}},
        ]},
        "municipalities": {"labels": _labels(), "municipalities": [
            {"id": "primer-grad", "name": _text("Grad Primer", "City of Primer"), "short_name": _text("Primer"),
             "kind": "city", "district": "pirot", "seat": _text("Primer"),
             "city_since": {"value": 2016, "source": SOURCE},
             "population_2022": {"value": 49601, "source": SOURCE, "secondary": True},
             "area_km2": {"value": 1232.5, "source": SOURCE}},
            {"id": "primer-opstina", "name": _text("Opština Primer", "Exampleville Municipality"),
             "short_name": _text("Primer 2"), "kind": "municipality", "district": "toplica",
             "seat": _text("Primer 2"),
             "population_2022": {"value": 9682, "source": SOURCE},
             "area_km2": {"value": 306, "source": SOURCE}},
        ]},
    }


def ctx(data: dict, lang: str, page: str = "mreza.md") -> RenderContext:
    return RenderContext(data=data, lang=lang, page=page)


# --- municipalities ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang, population, area", [("sr", "49.601", "1.232"), ("en", "49,601", "1,232")])
def test_table_formats_numbers_per_language(lang, population, area):
    html = municipalities_table(ctx(_data(), lang))
    assert f">{population}<sup" in html
    assert f">{area}<sup" in html or f">{area},5<sup" in html or f">{area}.5<sup" in html


def test_table_rows_captions_and_headers():
    html = municipalities_table(ctx(_data(), "sr"))
    assert "<caption>Mreža</caption>" in html
    assert html.count('<th scope="col"') == 7  # name, kind, district, seat, population, area, city since
    assert re.findall(r'<tr id="lsg-([a-z-]+)">', html) == ["primer-grad", "primer-opstina"]
    assert '<td><a href="primer-grad/">Grad Primer</a></td>' in html and "<td>Pirotski okrug</td>" in html
    en = municipalities_table(ctx(_data(), "en"))
    assert '<td><a href="primer-grad/">City of Primer</a></td>' in en and "<td>city</td>" in en


@pytest.mark.parametrize("render", [municipalities_table, municipalities_by_district, municipalities_map])
def test_every_name_links_to_its_page_and_the_build_checks_the_link(render):
    context = ctx(_data(), "sr")
    html = render(context)
    assert re.findall(r'<a href="([a-z-]+)/">', html).count("primer-grad") >= 1
    assert {"mreza/primer-grad.md", "mreza/primer-opstina.md"} <= set(context.links)
    # from another page the link is relative to that page
    assert 'href="../mreza/primer-grad/"' in render(ctx(_data(), "sr", page="agenda-pirot/index.md"))


def test_area_keeps_the_decimals_of_the_data():
    data = _data()
    data["municipalities"]["municipalities"][0]["area_km2"]["value"] = 596.71
    assert ">596,71<sup" in municipalities_table(ctx(data, "sr"))
    assert ">596.71<sup" in municipalities_table(ctx(data, "en"))


@pytest.mark.parametrize("lang, word", [("sr", "nepoznato"), ("en", "unknown")])
def test_unknown_figure_is_shown_as_unknown_with_its_note(lang, word):
    # only city_since may be unknown (population and area are required by the schema)
    data = _data()
    data["municipalities"]["municipalities"][0]["city_since"] = {"value": None, "source": SOURCE, "note": NOTE}
    html = municipalities_table(ctx(data, lang))
    row = html.split('<tr id="lsg-primer-grad">')[1].split("</tr>")[0]
    assert row.count(f'unknown">{word}<sup') == 1
    assert NOTE[lang] in html


@pytest.mark.parametrize("lang, label, population", [("sr", "Toplički okrug ukupno", "9.682"),
                                                      ("en", "Toplica District, total", "9,682")])
def test_a_district_table_ends_with_the_district_figures_and_their_sources(lang, label, population):
    html = municipalities_table(ctx(_data(), lang), district="toplica")
    foot = html.split("<tfoot>")[1].split("</tfoot>")[0]
    assert f'<th scope="row">{label}</th>' in foot and foot.count("<td") == 4  # kind, seat, two figures
    note = r'<sup class="data-noteref"><a href="#mun-toplica-note-\d+"'
    assert re.search(rf'<td class="num">{re.escape(population)}{note}', foot)
    assert NOTE[lang] in html  # the district figure's own note is listed with the others
    assert "<tfoot>" not in municipalities_table(ctx(_data(), lang))  # the table of all has no total


def test_every_figure_has_a_numbered_source_note():
    html = municipalities_table(ctx(_data(), "en"))
    refs = set(re.findall(r'href="#(mun-all-note-\d+)"', html))
    notes = set(re.findall(r'<li id="(mun-all-note-\d+)">', html))
    assert refs and refs == notes
    # A Serbian title on an English page says its language (sources without `lang` are Serbian).
    assert '<a href="https://example.org/popis"><span lang="sr-Latn">Popis 2022</span></a>' in html
    assert "secondary source" in html  # the secondary flag is explained in the note


def test_table_for_one_district_has_no_district_column():
    html = municipalities_table(ctx(_data(), "en"), district="pirot")
    assert "<caption>LSGs – Pirot District</caption>" in html
    assert "lsg-primer-opstina" not in html
    assert ">District<" not in html


def test_table_rejects_an_unknown_district():
    with pytest.raises(KeyError, match="unknown district='nis'"):
        municipalities_table(ctx(_data(), "sr"), district="nis")


def test_script_in_a_name_is_escaped():
    data = _data()
    data["municipalities"]["municipalities"][0]["name"] = _text("<script>alert(1)</script>")
    data["districts"]["districts"][0]["name"] = _text("<b>Okrug</b>")
    for render in (municipalities_table, municipalities_by_district, municipalities_map):
        html = render(ctx(data, "sr"))
        assert "<script>" not in html and "<b>Okrug</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in municipalities_table(ctx(data, "sr"))


def test_a_javascript_url_never_becomes_a_link():
    data = _data()
    data["municipalities"]["municipalities"][0]["population_2022"]["source"] = {
        **SOURCE, "url": "javascript:alert(1)"}
    assert "javascript:" not in municipalities_table(ctx(data, "en"))


def test_by_district_groups_in_district_order_with_anchors():
    html = municipalities_by_district(ctx(_data(), "en"))
    assert re.findall(r'<section class="district" id="district-([a-z]+)">', html) == ["pirot", "toplica"]
    assert "<h3>Pirot District</h3>" in html
    # note ids are unique on the page even with several tables
    ids = re.findall(r'<li id="([^"]+)">', html)
    assert len(ids) == len(set(ids))


def test_map_is_a_labelled_schematic_with_names_from_data():
    sr = municipalities_map(ctx(_data(), "sr"))
    en = municipalities_map(ctx(_data(), "en"))
    assert 'role="group"' in sr and "<title" in sr and "Šema" in sr and "Nije karta." in sr
    assert "Pirotski okrug" in sr and "Pirot District" in en
    assert 'font-weight="bold">Primer</text>' in sr  # the city is bold


# --- validate_reference -----------------------------------------------------------------------

def test_bad_district_reference_is_reported():
    data = _data()
    data["municipalities"]["municipalities"][1]["district"] = "nisava"
    problems = validate_reference(data)
    assert any("data/municipalities.yaml: municipalities[1].district: 'nisava'" in p
               and "primer-opstina" in p and "pirot, toplica" in p for p in problems)


def test_consistent_data_has_no_problems():
    assert validate_reference(_data()) == []


def test_a_district_figure_that_is_not_the_sum_of_its_lsgs_is_named_with_the_parts():
    data = _data()
    data["districts"]["districts"][0]["population_2022"]["value"] = 49600
    data["districts"]["districts"][1]["area_km2"]["value"] = 307
    problems = validate_reference(data)
    assert ("data/districts.yaml: districts[0].population_2022: 49600 for 'pirot' is not the sum of its local "
            "governments in data/municipalities.yaml (primer-grad 49601 = 49601); check each figure against "
            "its source") in problems
    assert any(p.startswith("data/districts.yaml: districts[1].area_km2: 307 for 'toplica'") for p in problems)
    # an area is the sum to the whole km² (1232.5 -> 1233 is fine), a population exactly
    data = _data()
    data["districts"]["districts"][0]["area_km2"]["value"] = 1232
    assert validate_reference(data) == []
    data["districts"]["districts"][0]["area_km2"]["value"] = 1231
    assert len(validate_reference(data)) == 1


def test_other_cross_reference_rules():
    data = _data()
    data["municipalities"]["municipalities"][1]["city_since"] = {"value": 2018, "source": SOURCE}
    data["municipalities"]["municipalities"][0]["city_since"] = {"value": None, "source": SOURCE}
    data["districts"]["districts"].append({"id": "nisava", "order": 2, "name": _text("Nišavski okrug"),
                                          "seat": _text("Niš"), "source": SOURCE})
    problems = "\n".join(validate_reference(data))
    assert "only a city has 'city_since'" in problems
    assert "municipalities[0].city_since: an unknown value (null) needs a 'note'" in problems
    assert "order 2 is used twice" in problems
    assert "district 'nisava' has no municipality" in problems


def test_glossary_and_sdg_references_are_checked(tmp_path):
    data = {
        "glossary": {"terms": [
            {"id": "a", "term": _text("a"), "definition": _text("d"), "see": ["b", "a"]},
            {"id": "c", "term": _text("c"), "definition": _text("d"), "abbreviation": _text("C")},
        ]},
        "sdg_targets": {"pages": {"x.md": _text("X")}, "goals": [{"id": "16"}], "targets": [
            {"id": "17.9", "goal": "16", "addressed_by": ["x.md", "y.md"]},
            {"id": "16.6", "goal": "99", "addressed_by": ["x.md"]},
        ]},
    }
    problems = "\n".join(validate_reference(data, docs_dir=tmp_path))
    assert "terms[0].see[0]: 'b' is not an id" in problems
    assert "terms[0].see[1]: an entry cannot refer to itself" in problems
    assert "terms[1].abbr: 'c' has an abbreviation but no 'abbr: true'" in problems
    assert "targets[0].id: target '17.9' does not belong to goal '16'" in problems
    assert "targets[0].addressed_by[1]: page 'y.md' has no link text" in problems
    assert "targets[1].goal: '99' is not a goal id" in problems
    assert "docs/sr/x.md does not exist" in problems


# --- SDG targets ------------------------------------------------------------------------------

def _sdg() -> dict:
    labels = {k: _text(k + "-sr", k + "-en") for k in
              ("caption", "target", "wording", "goal", "addressed_by", "local_action",
               "translation_project", "sources_heading")}
    return {"sdg_targets": {
        "labels": labels,
        "pages": {"prirucnik/partnerstva.md": _text("Partnerstva", "Partnerships"),
                  "usluge.md": _text("Usluge", "Services")},
        "goals": [{"id": "17", "number": 17, "short_title": _text("Partnerstva", "Partnerships"),
                   "text": _text("Cilj", "Goal"), "translation": "project", "source": SOURCE}],
        "targets": [{"id": "17.17", "goal": "17", "text": _text("Podsticati partnerstva", "Encourage partnerships"),
                     "translation": "project", "source": SOURCE, "local_action": _text("Sarađuje", "Cooperates"),
                     "addressed_by": ["prirucnik/partnerstva.md", "usluge.md"]}],
    }}


def test_sdg_table_links_pages_relative_to_the_current_page():
    html = sdg_targets_table(ctx(_sdg(), "en", page="odrzivi-razvoj.md"))
    assert '<a href="../prirucnik/partnerstva/">Partnerships</a>' in html
    assert '<a href="../usluge/">Services</a>' in html
    assert "<caption>caption-en</caption>" in html and html.count('<th scope="col">') == 3
    assert "translation_project-en" not in html  # English is the official wording


def test_sdg_list_marks_the_serbian_translation_and_has_anchors():
    html = sdg_targets_list(ctx(_sdg(), "sr"))
    assert 'id="sdg-17-17"' in html and "Podsticati partnerstva" in html
    assert "translation_project-sr" in html


# --- glossary ---------------------------------------------------------------------------------

def _glossary() -> dict:
    def term(id_, sr, en, **extra):
        return {"id": id_, "term": _text(sr, en), "definition": _text(f"def {sr}", f"def {en}"), **extra}
    return {"glossary": {
        "labels": {"see": _text("Vidi i", "See also"), "source": _text("Izvor", "Source"),
                   "abbr_of": _text("skraćenica za", "short for")},
        "terms": [
            term("zadruga", "zadruga", "cooperative"),
            term("cas", "čas", "lesson"),
            term("cena", "cena", "price"),
            term("jls", "jedinica lokalne samouprave", "local self-government", abbr=True,
                 abbreviation=_text("JLS", "LSG"), see=["cena"]),
            term("ljudi", "ljudi", "people"),
            term("lokal", "lokal", "premises"),
        ]}}


def test_glossary_is_alphabetical_in_each_language_with_anchors():
    sr = [e["head"] for e in glossary_entries(ctx(_glossary(), "sr", "pojmovnik.md"))]
    en = [e["head"] for e in glossary_entries(ctx(_glossary(), "en", "pojmovnik.md"))]
    assert sr == ["cena", "čas", "JLS", "lokal", "ljudi", "zadruga"]  # č after c, lj after l
    assert en == ["cooperative", "lesson", "LSG", "people", "premises", "price"]
    html = glossary_list(ctx(_glossary(), "en", "pojmovnik.md"))
    assert '<dt id="term-jls"><abbr title="local self-government">LSG</abbr></dt>' in html
    assert '<a href="#term-cena">price</a>' in html


def test_serbian_collation_treats_digraphs_as_letters():
    words = ["nož", "njiva", "džak", "dan", "đak", "zec", "žaba"]
    assert sorted(words, key=lambda w: sort_key(w, "sr")) == ["dan", "džak", "đak", "nož", "njiva", "zec", "žaba"]


# --- funding sources --------------------------------------------------------------------------

def _funding() -> dict:
    labels = {k: _text(k + "-sr", k + "-en") for k in
              ("caption", "name", "type", "who", "funds", "grant_size", "link", "check",
               "sources_heading", "not_stated", "type_national", "type_eu")}
    base = {"type": "national", "who": _text("JLS", "LSGs"), "funds": _text("programe", "programmes"),
            "check": _text("rok", "deadline"), "sources": [SOURCE]}
    return {"funding_sources": {"labels": labels, "funding_sources": [
        {"id": "a", "name": _text("Program A", "Programme A"), "link": "https://example.org/a",
         "grant_size": {"text": _text("do 2.000.000 dinara", "up to RSD 2,000,000"), "source": SOURCE}, **base},
        {"id": "b", "name": _text("<i>Program B</i>", "Programme B"), **base},
    ]}}


def test_funding_table_shows_grant_only_when_sourced():
    html = funding_sources_table(ctx(_funding(), "en", "finansiranje.md"))
    assert "<caption>caption-en</caption>" in html and html.count('<th scope="col">') == 5
    assert "up to RSD 2,000,000" in html
    assert 'class="unknown">not_stated-en<' in html
    assert '<a href="https://example.org/a">Programme A</a>' in html


def test_funding_list_sections_have_anchors_and_escape_names():
    html = funding_sources_list(ctx(_funding(), "sr", "finansiranje.md"))
    assert re.findall(r'<section class="funding-source" id="funding-([a-z]+)">', html) == ["a", "b"]
    assert "&lt;i&gt;Program B&lt;/i&gt;" in html


# --- the real datasets ------------------------------------------------------------------------

def test_project_reference_data_is_consistent():
    from kgo.rules import load_data as load_datasets

    datasets, _ = load_datasets()
    wanted = {k: datasets[k] for k in ("districts", "municipalities", "sdg_targets", "glossary",
                                       "funding_sources") if k in datasets}
    assert len(wanted) == 5
    assert validate_reference(copy.deepcopy(wanted)) == []
    assert len(wanted["municipalities"]["municipalities"]) == 15
    assert len(wanted["glossary"]["terms"]) >= 40  # the glossary covers the four publications


# --- the real municipal data (issue 22) ---------------------------------------------------------

def _real_data() -> dict:
    from kgo.rules import load_data as load_datasets
    data, errors = load_datasets()[:2]
    assert not errors, errors
    return data


def test_every_lsg_and_district_has_population_and_area_each_with_a_dated_source():
    data = _real_data()
    municipalities = data["municipalities"]["municipalities"]
    districts = data["districts"]["districts"]
    assert len(municipalities) == 15 and len(districts) == 3
    for record in [*municipalities, *districts]:
        for key in ("population_2022", "area_km2"):
            figure = record[key]
            assert isinstance(figure["value"], (int, float)), (record["id"], key)
            source = figure["source"]
            assert source["title"] and source["publisher"] and source["accessed"], (record["id"], key)
        assert isinstance(record["population_2022"]["value"], int), record["id"]


def test_the_schema_has_no_unknown_population_or_area(tmp_path):
    from kgo.data.loader import load_one
    from kgo.project import ROOT
    text = (ROOT / "data" / "municipalities.yaml").read_text(encoding="utf-8")
    for old in ("value: 9109", "value: 529"):  # Babušnica: population, area
        broken = tmp_path / "municipalities.yaml"
        lines = text.splitlines(keepends=True)
        number = next(i for i, line in enumerate(lines) if old in line and "babusnica" in "".join(lines[i - 6:i]))
        lines[number] = lines[number].replace(old, 'value: null, note: {sr: "Nije nađeno.", en: "Not found."}')
        broken.write_text("".join(lines), encoding="utf-8")
        errors = [str(e) for e in load_one(broken, "municipalities")[1]]
        hint = "found null (an empty value): fill it in"
        assert any(f"municipalities.yaml:{number + 1}:" in e and ".value: expected" in e and hint in e
                   for e in errors), errors


def test_network_table_says_unknown_nowhere():
    data = _real_data()
    for lang, word in (("sr", "nepoznato"), ("en", "unknown")):
        for html in (municipalities_table(ctx(data, lang)), municipalities_by_district(ctx(data, lang))):
            assert word not in html
            assert html.count("<tr id=\"lsg-") == 15


def test_a_chapter_list_that_does_not_follow_the_manifest_is_named():
    from kgo.data.publications import chapter_list_problems

    chapters = ["index.md", "a.md", "b.md", "c.md"]
    good = "# T\n\n| Poglavlje | O čemu |\n|---|---|\n| [A](a.md) | x |\n| [B](b.md) | y |\n| [C](c.md) | z |\n"
    assert chapter_list_problems(good, chapters, "docs/sr/p/index.md") == []
    swapped = good.replace("[B](b.md)", "[Q](q.md)").replace("[C](c.md)", "[B](b.md)").replace("[Q](q.md)", "[C](c.md)")
    assert chapter_list_problems(swapped, chapters, "docs/sr/p/index.md") == [
        "docs/sr/p/index.md:5: the chapter list does not follow data/publications.yaml (another order); "
        "list the chapters in the manifest's order: a.md, b.md, c.md"]
    listed = "1. [A](a.md) — x\n2. [B](b.md) — y\n3. [C](c.md) — z\n"
    assert chapter_list_problems(listed, [*chapters, "d.md"], "f.md") == [
        "f.md:1: the chapter list does not follow data/publications.yaml (missing: d.md); "
        "list the chapters in the manifest's order: a.md, b.md, c.md, d.md"]
