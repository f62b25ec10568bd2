"""Renderers of the Pirot Agenda and the project pages, on small data made here.

They must write each edition's language and number/date format, and the action plan must show
every row's origin (Agenda 2015 or model) in its own column.
"""

from __future__ import annotations

import re

import pytest

from kgo.render.markers import RenderContext, expand_markers
from kgo.render.renderers.agenda_pirot import (
    agenda_action_plan,
    agenda_facts,
    agenda_fields,
    agenda_monitoring,
    fmt_value,
)
from kgo.render.renderers.project import fmt_date, fmt_period, project_actors, project_facts, project_forum
from kgo.render.renderers.services import services_catalogue, services_overview
from kgo.render.renderers.training import plural_form, training_modules, training_overview, training_school


def txt(sr: str, en: str) -> dict[str, str]:
    return {"sr": sr, "en": en}


SOURCE = {"title": "Izvorna stranica", "publisher": "Izdavač", "url": "https://example.org/a", "date": "2015-11-06"}

AGENDA = {
    "labels": {
        "approx": txt("oko", "about"),
        "years_one": txt("{a}. godina", "year {a}"),
        "years_range": txt("{a}.–{b}. godina", "years {a}–{b}"),
        "origin_agenda_2015": txt("Agenda 2015", "Agenda 2015"),
        "origin_agenda_2015_title": txt("iz 2015.", "from 2015"),
        "origin_model": txt("Model", "Model"),
        "origin_model_title": txt("dodato", "added"),
        "type_project": txt("objava projektnog tima", "project team publication"),
        "type_press": txt("novinski izveštaj", "press report"),
        "caption_facts_process": txt("Na čemu je zasnovana", "What it is based on"),
        "caption_facts_sector": txt("Sektor", "Sector"),
        "col_item": txt("Podatak", "Item"),
        "col_value": txt("Vrednost", "Value"),
        "caption_fields": txt("Oblasti", "Fields"),
        "col_field": txt("Oblast", "Field"),
        "col_goal": txt("Cilj", "Goal"),
        "col_proposals": txt("Predlozi iz 2015.", "2015 proposals"),
        "no_proposals": txt("nema", "none"),
        "caption_action_plan": txt("Akcioni plan – {field}", "Action plan – {field}"),
        "col_measure": txt("Mera", "Measure"),
        "col_lead": txt("Nosilac", "Lead"),
        "col_years": txt("Rok", "When"),
        "col_output": txt("Rezultat", "Output"),
        "col_origin": txt("Poreklo", "Origin"),
        "partners": txt("Partneri", "Partners"),
        "caption_monitoring": txt("Praćenje", "Monitoring"),
        "col_indicator": txt("Pokazatelj", "Indicator"),
        "col_baseline": txt("Polazna vrednost", "Baseline"),
        "col_target": txt("Ciljna vrednost", "Target"),
        "col_means": txt("Izvor provere", "Means of verification"),
        "col_frequency": txt("Učestalost", "Frequency"),
    },
    "sources": [
        {"id": "s1", "type": "project", "source": SOURCE},
        {"id": "s2", "type": "press", "source": {**SOURCE, "title": "Novine", "date": "2015"}},
    ],
    "facts": [
        {"id": "people", "group": "sector", "label": txt("Lica u sektoru", "People in the sector"),
         "value": {"number": 2200, "approx": True}, "source": "s2"},
        {"id": "share", "group": "sector", "label": txt("Udeo", "Share"), "value": {"percent": 12.5}, "source": "s2"},
        {"id": "shown", "group": "process", "label": txt("Predstavljena", "Presented"),
         "value": {"date": "2015-11-06"}, "source": "s1"},
    ],
    "fields": [
        {"id": "net", "order": 1, "origin": "agenda-2015", "source": "s1",
         "title": txt("Umrežavanje", "Networking"), "goal": txt("Saradnja", "Cooperation")},
    ],
    "measures": [
        {"id": "n1", "field": "net", "origin": "agenda-2015", "source": "s1",
         "title": txt("Mreža kreativnih industrija", "Creative industries network"),
         "description": txt("Opis", "Description"), "lead": txt("Kancelarija za LER", "LED office"),
         "years": [1, 2], "output": txt("Mreža osnovana", "Network set up")},
        {"id": "n2", "field": "net", "origin": "model",
         "title": txt("Godišnji forum", "Annual forum"), "description": txt("Opis", "Description"),
         "lead": txt("Veće", "Council"), "partners": txt("mediji", "media"),
         "years": [3, 3], "output": txt("Forum održan", "Forum held")},
    ],
    "indicators": [
        {"id": "i-n2", "measure": "n2", "origin": "model", "indicator": txt("Forum održan", "Forum held"),
         "baseline": txt("nije primenljivo", "not applicable"), "target": txt("jednom godišnje", "once a year"),
         "means": txt("zaključci", "conclusions"), "frequency": txt("godišnje", "yearly")},
    ],
}


def ctx(lang: str, page: str = "agenda-pirot/akcioni-plan.md", **data) -> RenderContext:
    return RenderContext({"agenda_pirot": AGENDA, **data}, lang, page)


def rows(html: str) -> list[str]:
    return re.findall(r"<tr id=\"measure-[^\"]+\".*?</tr>", html, flags=re.S)


# --- formats ------------------------------------------------------------------------------------

def test_dates_are_written_the_serbian_and_the_english_way():
    assert fmt_date("2015-11-06", "sr") == "6. novembra 2015."
    assert fmt_date("2015-11-06", "en") == "6 November 2015"
    assert fmt_date("2016-03", "sr") == "mart 2016."
    assert fmt_date("2016-03", "en") == "March 2016"
    assert fmt_date("2015", "sr") == "2015."
    assert fmt_period("2016-06-16", "2016-06-18", "sr") == "16–18. juna 2016."
    assert fmt_period("2016-06-16", "2016-06-18", "en") == "16–18 June 2016"
    assert fmt_period("2016-06-15", "2016-06-15", "en") == "15 June 2016"


def test_fact_values_use_the_edition_number_format_and_say_about():
    assert fmt_value(ctx("sr").bound("agenda_pirot"), {"number": 2200, "approx": True}) == "oko 2.200"
    assert fmt_value(ctx("en").bound("agenda_pirot"), {"number": 2200, "approx": True}) == "about 2,200"
    assert fmt_value(ctx("sr").bound("agenda_pirot"), {"percent": 12.5}) == "12,5%"
    assert fmt_value(ctx("en").bound("agenda_pirot"), {"percent": 12.5}) == "12.5%"
    assert fmt_value(ctx("sr").bound("agenda_pirot"), {"year": 2020}) == "2020"  # a year is never grouped as 2.020


def test_facts_table_is_in_the_page_language_and_names_the_press_report():
    sr = agenda_facts(ctx("sr"), group="sector")
    en = agenda_facts(ctx("en"), group="sector")
    assert "<caption>Sektor</caption>" in sr and "<caption>Sector</caption>" in en
    assert "oko 2.200" in sr and "about 2,200" in en
    assert "(novinski izveštaj)" in sr and "(press report)" in en
    assert '<th scope="col">Podatak</th>' in sr and '<th scope="col">Item</th>' in en
    assert "Lica u sektoru" not in en
    assert "shown" not in sr  # another group's fact is left out


def test_unknown_fact_group_is_refused():
    with pytest.raises(KeyError, match="group='nope' is unknown"):
        agenda_facts(ctx("sr"), group="nope")


# --- origin -------------------------------------------------------------------------------------

def test_action_plan_shows_each_rows_origin_in_its_own_column():
    html = agenda_action_plan(ctx("sr"))
    n1, n2 = rows(html)
    assert '<th scope="col">Poreklo</th>' in html
    assert 'class="origin origin-agenda-2015"' in n1 and ">Agenda 2015</span>" in n1
    assert 'class="origin origin-model"' in n2 and ">Model</span>" in n2
    assert "Agenda 2015" not in n2
    assert "https://example.org/a" in n1  # a 2015 row cites its source
    assert "https://example.org/a" not in n2


def test_action_plan_language_years_and_caption():
    sr, en = agenda_action_plan(ctx("sr")), agenda_action_plan(ctx("en"))
    assert "<caption>Akcioni plan – Umrežavanje</caption>" in sr
    assert "<caption>Action plan – Networking</caption>" in en
    assert "1.–2. godina" in sr and "3. godina" in sr
    assert "years 1–2" in en and "year 3" in en
    assert "<em>Partners:</em> media" in en and "<em>Partneri:</em> mediji" in sr


def test_action_plan_field_filter_and_unknown_field():
    assert len(rows(agenda_action_plan(ctx("en"), field="net"))) == 2
    with pytest.raises(KeyError, match="field='x' is unknown"):
        agenda_action_plan(ctx("en"), field="x")


def test_fields_show_2015_names_model_goals_and_2015_proposals():
    html = agenda_fields(ctx("en"))
    assert "1. Networking" in html
    assert html.count('class="origin origin-agenda-2015"') == 1  # the field name
    assert html.count('class="origin origin-model"') == 1  # the goal
    assert "Creative industries network" in html and "Annual forum" not in html


def test_monitoring_table_shows_origin_and_measure():
    html = agenda_monitoring(ctx("sr"))
    assert "N2 Godišnji forum" in html and ">Model</span>" in html
    assert '<th scope="col">Izvor provere</th>' in html


def test_marker_on_a_page_expands_to_the_table():
    page = "# Plan\n\n<!-- data: agenda_pirot action-plan field=net -->\n\nKraj.\n"
    html = expand_markers(page, ctx("sr"))
    assert "<!-- data:" not in html and 'id="plan-net"' in html and "Kraj." in html


# --- project, services, training ----------------------------------------------------------------

PROJECT = {
    "labels": {k: txt(k + "-sr", k + "-en") for k in (
        "facts_caption", "col_item", "col_value", "project_name", "project_full_title", "actors_caption",
        "col_role", "col_name", "col_detail", "role_implementer", "forum_caption", "col_when", "col_where",
        "forum_partner", "forum_aim", "forum_questions")},
    "sources": [{"id": "p1", "source": SOURCE}],
    "project": {"name": txt("Kreativni gradovi", "Creative cities"), "full_title": txt("Jačanje", "Strengthening"),
                "sources": ["p1"]},
    "actors": [{"id": "gke", "role": "implementer", "name": txt("Grupa", "Group"), "seat": txt("Beograd", "Belgrade"),
                "person": "Hristina Mikić", "person_role": txt("direktorka", "director"), "sources": ["p1"]}],
    "facts": [{"id": "f", "label": txt("Područje", "Area"), "value": txt("tri okruga", "three districts"),
               "sources": ["p1"]}],
    "forum": {"name": txt("III Forum", "3rd Forum"), "partner": "gke", "aim": txt("Cilj", "Aim"),
              "questions": [txt("Pitanje?", "Question?")], "sources": ["p1"],
              "parts": [{"id": "a", "start": "2016-06-16", "end": "2016-06-18", "place": txt("Pirot", "Pirot")}]},
}


def test_project_views_follow_the_language():
    c_sr = RenderContext({"project": PROJECT}, "sr", "o-projektu.md")
    c_en = RenderContext({"project": PROJECT}, "en", "o-projektu.md")
    assert "tri okruga" in project_facts(c_sr) and "three districts" in project_facts(c_en)
    assert "Hristina Mikić, director" in project_actors(c_en)
    assert "Grupa, Beograd" in project_actors(c_sr)
    assert "16–18. juna 2016." in project_forum(c_sr) and "16–18 June 2016" in project_forum(c_en)
    with pytest.raises(KeyError, match="no actor with role='agency'"):
        project_actors(c_en, role="agency")


SERVICES = {
    "status": txt("Predloženi katalog", "Proposed catalogue"),
    "labels": {k: txt(k + "-sr", k + "-en") for k in (
        "caption", "col_service", "col_who", "col_duration", "purpose", "who", "format", "duration",
        "receives", "links", "proposed")},
    "services": [{"id": "mapping", "order": 1, "title": txt("Mapiranje", "Mapping"), "purpose": txt("S", "P"),
                  "who": txt("Opština", "Municipality"), "format": txt("F", "F"),
                  "duration": txt("3 meseca", "3 months"),
                  "receives": [txt("Bazu", "A database")],
                  "links": [{"page": "smernice/index.md", "label": txt("Smernice", "Guidelines")}]}],
}


def test_services_say_they_are_proposed_and_link_relative_to_the_page():
    c_en = RenderContext({"services": SERVICES}, "en", "usluge.md")
    c_sr = RenderContext({"services": SERVICES}, "sr", "usluge.md")
    assert "Proposed catalogue" in services_overview(c_en)
    html = services_catalogue(c_sr)
    assert "Predloženi katalog" in services_overview(c_sr) and "(proposed-sr)" in html and "3 meseca" in html
    assert '<a href="../smernice/">Smernice</a>' in html


TRAINING = {
    "labels": {**{k: txt(k + "-sr", k + "-en") for k in (
        "school_caption", "school_name", "school_city", "school_sessions", "school_directors", "school_audience",
        "overview_caption", "col_module", "col_hours", "col_origin", "origin_model", "origin_note", "total",
        "module", "objectives", "content", "methods", "duration", "materials")},
        "hours_one": txt("{n} čas", "{n} hour"), "hours_few": txt("{n} časa", "{n} hours"),
        "hours_many": txt("{n} časova", "{n} hours")},
    "school": {"name": txt("Škola", "School"), "city": txt("Niš", "Niš"),
               "sessions": [{"start": "2016-03-24", "end": "2016-03-25"}],
               "directors": [{"name": "David Throsby", "affiliation": txt("Univerzitet", "University")}],
               "audience": txt("uprava", "administration"), "source": SOURCE},
    "modules": [
        {"id": "m1", "order": 1, "origin": "model", "title": txt("Modul", "Module"), "objectives": [txt("O", "O")],
         "content": [txt("C", "C")], "methods": txt("M", "M"), "hours": 6,
         "materials": [{"page": "prirucnik/index.md", "label": txt("Priručnik", "Handbook")}]},
        {"id": "m2", "order": 2, "origin": "model", "title": txt("Modul 2", "Module 2"), "objectives": [txt("O", "O")],
         "content": [txt("C", "C")], "methods": txt("M", "M"), "hours": 16,
         "materials": [{"page": "prirucnik/index.md", "label": txt("Priručnik", "Handbook")}]},
    ],
}


def test_serbian_plural_of_hours():
    assert [plural_form(n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 42)] == [
        "one", "few", "many", "many", "many", "one", "few", "many", "few"]


def test_training_views_follow_the_language():
    c_sr = RenderContext({"training": TRAINING}, "sr", "obuka.md")
    c_en = RenderContext({"training": TRAINING}, "en", "obuka.md")
    assert "24–25. marta 2016." in training_school(c_sr)
    assert "24–25 March 2016" in training_school(c_en)
    overview = training_overview(c_sr)
    assert "6 časova" in overview and "16 časova" in overview and "22 časa" in overview
    assert "22 hours" in training_overview(c_en)
    assert '<a href="../prirucnik/">Handbook</a>' in training_modules(c_en)


def test_cyrillic_edition_transliterates_serbian_and_keeps_given_forms():
    from kgo.render.renderers.project import person

    assert fmt_date("2015-11-06", "cyr") == "6. новембра 2015."
    assert person("Hristina Mikić", "cyr") == "Христина Микић"
    assert person("David Throsby", "cyr", "Дејвид Тросби") == "Дејвид Тросби"
    assert person("David Throsby", "en", "Дејвид Тросби") == "David Throsby"
    html = agenda_action_plan(ctx("cyr"))
    assert "<caption>Акциони план – Умрежавање</caption>" in html and "1.–2. година" in html
