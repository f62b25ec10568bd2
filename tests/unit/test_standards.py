"""Standards publication: scoring by hand-computed cases, every class of validation error, the
renderers in each edition, the browser script against the Python rules, and the pages."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from kgo.methods.standards import (
    changed_answers,
    checklist_rows,
    client_rules,
    display_code,
    evidence_text,
    example_answers,
    reference_cases,
    score,
    validate_standards,
)
from tests.tools import need

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SCRIPT = ROOT / "docs" / "assets" / "js" / "self-assessment.js"
SDG_IDS = {"16.6", "16.7", "17.9", "17.17"}
TEXT = {"sr": "tekst", "en": "text"}


def make_standard(sid, area, level, points, sdg=("16.6",)):
    return {"id": sid, "area": area, "level": level, "points": points, "title": TEXT,
            "requirement": TEXT, "rationale": TEXT, "conditions": [{"text": TEXT, "evidence": [TEXT]}],
            "rubric": {"met": TEXT, "partial": TEXT, "not-met": TEXT}, "indicator": TEXT, "sdg": list(sdg),
            "legal_basis": [{"law": "zls", "article": "20"}],
            "crosswalk": {"bfc": ["1"], "culture21": [], "sdg_indicators": []}}


def small_data():
    """Two areas, five standards: 3 + 2 in area a, 3 + 1 + 2 in area b = 11 points, 6 mandatory."""
    return {
        "scheme": {"version": "2.0", "date": "2026-12-06", "status": TEXT,
                   "changes": [{"version": "2.0", "date": "2026-12-06", "items": [TEXT]},
                               {"version": "1.0", "date": "2026-11-27", "items": [TEXT]}]},
        "labels": {},
        "scoring": {
            "threshold_percent": 75,
            "mandatory_answer": "met",
            "answers": [
                {"id": "met", "factor": 1, "label": TEXT, "description": TEXT},
                {"id": "partial", "factor": 0.5, "label": TEXT, "description": TEXT},
                {"id": "not-met", "factor": 0, "label": TEXT, "description": TEXT},
            ],
            "points": {"mandatory": {"min": 3, "max": 3}, "recommended": {"min": 1, "max": 2}},
            "standard_levels": [{"id": "mandatory", "label": TEXT, "description": TEXT},
                                {"id": "recommended", "label": TEXT, "description": TEXT}],
            "levels": [
                {"id": "recognition", "min_percent": 75, "requires_mandatory": True, "label": TEXT,
                 "description": TEXT},
                {"id": "distinction", "min_percent": 90, "requires_mandatory": True, "label": TEXT,
                 "description": TEXT},
            ],
            "not_recognised": {"id": "not-yet", "label": TEXT, "description": TEXT},
            "validity": {"years": 2, "monitoring_months": 12},
        },
        "standards": [
            make_standard("ki-1.1", "a", "mandatory", 3),
            make_standard("ki-1.2", "a", "recommended", 2),
            make_standard("ki-2.1", "b", "mandatory", 3, sdg=("16.7",)),
            make_standard("ki-2.2", "b", "recommended", 1, sdg=("17.17",)),
            make_standard("ki-2.3", "b", "recommended", 2, sdg=("17.9", "17.17")),
        ],
        "areas": [
            {"id": "a", "number": 1, "page": "standardi/oblasti-upravljanje.md", "title": TEXT, "summary": TEXT},
            {"id": "b", "number": 2, "page": "standardi/oblasti-podrska.md", "title": TEXT, "summary": TEXT},
        ],
        "examples": [],
        "laws": [{"id": "zls", "title": TEXT, "gazette": TEXT, "articles": [{"id": "20", "about": TEXT}]}],
        "frameworks": {name: {"name": TEXT, "items": [{"id": "1", "title": TEXT}]}
                       for name in ("bfc", "culture21", "sdg_indicators")},
    }


ALL_MET = {"ki-1.1": "met", "ki-1.2": "met", "ki-2.1": "met", "ki-2.2": "met", "ki-2.3": "met"}


@pytest.fixture(scope="module")
def real():
    return yaml.safe_load((DATA / "standards.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def real_sdg_ids():
    doc = yaml.safe_load((DATA / "sdg_targets.yaml").read_text(encoding="utf-8"))
    return {t["id"] for t in doc["targets"]}


# --- scoring: hand-computed cases -------------------------------------------------------------

def test_everything_met_gives_distinction():
    # 3 + 2 + 3 + 1 + 2 = 11 of 11 = 100 % >= 90, mandatory met -> distinction
    r = score(small_data(), ALL_MET)
    assert (r.earned, r.maximum, r.percent) == (11, 11, 100)
    assert r.mandatory_met and r.mandatory_missing == ()
    assert r.level == "distinction" and r.recognised
    assert r.unanswered == ()


def test_one_recommended_missing_gives_recognition():
    # ki-2.3 (2 points) not met: 9 of 11 = 81.8 % -> >= 75 but < 90 -> recognition
    r = score(small_data(), {**ALL_MET, "ki-2.3": "not-met"})
    assert r.earned == 9 and r.maximum == 11
    assert r.percent == pytest.approx(81.818, abs=1e-3)
    assert r.level == "recognition"


def test_partial_mandatory_earns_half_points_but_blocks_recognition():
    # ki-1.1 partial: 1.5 + 2 + 3 + 1 + 2 = 9.5 of 11 = 86.4 % (above 75) but a mandatory
    # standard is not "met" -> not recognised; area a = 1.5 + 2 = 3.5 of 5 = 70 %, area b = 6 of 6
    r = score(small_data(), {**ALL_MET, "ki-1.1": "partial"})
    assert r.earned == 9.5
    assert r.percent == pytest.approx(86.364, abs=1e-3)
    assert not r.mandatory_met and r.mandatory_missing == ("ki-1.1",)
    assert r.level == "not-yet" and not r.recognised
    area_a, area_b = r.areas
    assert (area_a.id, area_a.earned, area_a.maximum, area_a.percent) == ("a", 3.5, 5, 70)
    assert area_a.mandatory_missing == ("ki-1.1",)
    assert (area_b.earned, area_b.maximum, area_b.percent) == (6, 6, 100)


def test_exactly_at_the_threshold_is_recognised():
    # points 3, 2, 3, 2, 2 = 12; answers: 3 + 2 + 3 + 1 (partial of 2) + 0 = 9 = 75.0 % exactly
    data = small_data()
    data["standards"][3]["points"] = 2
    r = score(data, {**ALL_MET, "ki-2.2": "partial", "ki-2.3": "not-met"})
    assert (r.earned, r.maximum, r.percent) == (9, 12, 75)
    assert r.level == "recognition"
    # one half point less: 8.5 of 12 = 70.8 % -> not recognised
    data["standards"][1]["points"] = 2
    r = score(data, {**ALL_MET, "ki-1.2": "partial", "ki-2.2": "partial", "ki-2.3": "not-met"})
    assert r.earned == 8 and r.level == "not-yet"


def test_unanswered_standards_count_as_not_met():
    # nothing answered: 0 of 11, both mandatory standards missing, all five unanswered
    r = score(small_data(), {})
    assert (r.earned, r.maximum, r.percent) == (0, 11, 0)
    assert r.mandatory_missing == ("ki-1.1", "ki-2.1")
    assert r.unanswered == ("ki-1.1", "ki-1.2", "ki-2.1", "ki-2.2", "ki-2.3")
    assert r.level == "not-yet"
    # only mandatory standards met: 6 of 11 = 54.5 % -> not recognised
    r = score(small_data(), {"ki-1.1": "met", "ki-2.1": "met"})
    assert r.earned == 6 and r.mandatory_met and r.level == "not-yet"


def test_a_level_without_the_mandatory_rule_ignores_missing_mandatory_standards():
    data = small_data()
    data["scoring"]["levels"][0]["requires_mandatory"] = False
    r = score(data, {**ALL_MET, "ki-1.1": "partial"})  # 86.4 %, mandatory missing
    assert r.level == "recognition"


def test_unknown_standard_or_answer_is_an_error():
    with pytest.raises(ValueError, match=r"unknown standards: ki-9\.9"):
        score(small_data(), {"ki-9.9": "met"})
    with pytest.raises(ValueError, match=r"unknown answers ki-1\.1=yes"):
        score(small_data(), {"ki-1.1": "yes"})


def test_result_as_dict_has_the_keys_of_the_browser_script():
    d = score(small_data(), {**ALL_MET, "ki-1.1": "partial"}).as_dict()
    assert set(d) == {"earned", "maximum", "percent", "mandatory_met", "mandatory_missing", "level",
                      "recognised", "areas", "unanswered"}
    assert d["areas"]["a"] == {"earned": 3.5, "maximum": 5, "percent": 70.0, "mandatory_missing": ["ki-1.1"]}


def test_opstina_primer_by_hand(real):
    # Hand count per area (met = full points, partly met = a quarter, not met = 0):
    #  1: 3+3+2+3+0 = 11/13      2: 3+3+2+2+0 = 10/11     3: 3+3+2+2+1 = 11/11
    #  4: 3+3+2+0+1 = 9/11       5: 3+3+0.5+1+0 = 7.5/10  6: 3+2+0+0.5+0 = 5.5/10
    #  7: 0+2+0.5+0+1 = 3.5/10   8: 3+2+0.5+1+0 = 6.5/9   9: 3+2+2+0+1 = 8/9
    # 10: 0.5+3+2+2+0 = 7.5/10
    # total 79.5 of 104 = 76.44 % >= 75, but KI-7.1 (mandatory) is not met: its mapping is older
    # than the three years the standard allows, and an expired time limit is "not met"
    r = score(real, example_answers(real, "opstina-primer"))
    assert [a.earned for a in r.areas] == [11, 10, 11, 9, 7.5, 5.5, 3.5, 6.5, 8, 7.5]
    assert (r.earned, r.maximum) == (79.5, 104)
    assert r.percent == pytest.approx(76.442, abs=1e-3)
    assert r.mandatory_missing == ("ki-7.1",)
    assert example_answers(real, "opstina-primer")["ki-7.1"] == "not-met"
    assert r.level == "not-yet"


def test_opstina_primer_repeated_by_hand(real):
    # KI-7.1 not met -> met (+3) and KI-6.3 not met -> met (+2): 84.5 of 104 = 81.25 %, all
    # mandatory standards met -> recognition (below 90 %, so no distinction)
    answers = example_answers(real, "opstina-primer-ponovljena")
    assert changed_answers(real, "opstina-primer-ponovljena") == {
        "ki-7.1": ("not-met", "met"), "ki-6.3": ("not-met", "met")}
    r = score(real, answers)
    assert r.earned == 84.5 and r.maximum == 104
    assert r.percent == pytest.approx(81.25)
    assert r.mandatory_met and r.level == "recognition"


def test_documented_partial_credit_rule_by_hand(real):
    """bodovanje.md: met = all points, partly met = a quarter, not met = none; every mandatory
    standard met and every recommended one only partly met stays below the ceiling, which is below
    the threshold."""
    factors = {a["id"]: a["factor"] for a in real["scoring"]["answers"]}
    assert factors == {"met": 1, "partial": 0.25, "not-met": 0}
    mandatory = [s for s in real["standards"] if s["level"] == "mandatory"]
    recommended = [s for s in real["standards"] if s["level"] == "recommended"]
    # 16 mandatory standards x 3 points = 48; recommended standards carry 56 points; 104 in all
    assert (len(mandatory), sum(s["points"] for s in mandatory)) == (16, 48)
    assert sum(s["points"] for s in recommended) == 56
    # all partly: 48 + 56 / 4 = 62 of 104 = 59.6 % <= ceiling 65 % < threshold 75 %
    answers = {**{s["id"]: "partial" for s in recommended}, **{s["id"]: "met" for s in mandatory}}
    r = score(real, answers)
    assert r.earned == 62 and r.percent == pytest.approx(59.615, abs=1e-3)
    assert r.percent <= real["scoring"]["partial_ceiling_percent"] < real["scoring"]["threshold_percent"]
    assert r.level == "not-yet"
    # under the rule of version 1.0 (half points) the same answers gave 76 of 104 = 73.1 %
    assert (48 + 56 * 0.5) / 104 * 100 == pytest.approx(73.08, abs=0.01)
    # the reference cases printed in bodovanje.md: mandatory only 48 = 46.2 %; fully met recommended
    # points needed for 78 of 104: 48 + P + (56 - P) / 4 >= 78 -> P >= 21.3 -> 22 (whole points);
    # with the rest not met: 48 + P >= 78 -> P >= 30
    cases = reference_cases(real)
    assert cases.mandatory_only.earned == 48 and cases.mandatory_only.percent == pytest.approx(46.154, abs=1e-3)
    assert cases.all_partial.as_dict() == r.as_dict()
    assert (cases.needed_rest_partial, cases.needed_rest_none, cases.recommended_points) == (22, 30, 56)
    for sr_or_en in ("sr", "en"):
        text = (ROOT / "docs" / sr_or_en / "standardi" / "bodovanje.md").read_text(encoding="utf-8")
        assert "{#partial-credit}" in text and "<!-- data: standards scenarios -->" in text
        assert "{#expired}" in text


def test_display_code():
    assert display_code("ki-10.2") == "KI-10.2"


# --- the real data ----------------------------------------------------------------------------

def test_real_data_is_valid(real, real_sdg_ids):
    assert validate_standards(real, real_sdg_ids) == []


def test_real_data_matches_its_schema(real):
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    common = json.loads((DATA / "common.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("common.schema.json", Resource.from_contents(common))
    schema = json.loads((DATA / "standards.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema, registry=registry).iter_errors(real)]
    assert errors == []


def test_schema_requires_rubric_conditions_legal_basis_and_crosswalk():
    schema = json.loads((DATA / "standards.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["standards"]["items"]
    assert {"conditions", "rubric", "legal_basis", "crosswalk"} <= set(item["required"])
    assert item["properties"]["conditions"]["items"]["required"] == ["text", "evidence"]
    assert item["properties"]["conditions"]["items"]["properties"]["evidence"]["minItems"] == 1
    assert set(item["properties"]["rubric"]["required"]) == {"met", "partial", "not-met"}
    assert item["properties"]["legal_basis"]["minItems"] == 1
    assert set(item["properties"]["crosswalk"]["required"]) == {"bfc", "culture21", "sdg_indicators"}
    assert {"scheme", "laws", "frameworks"} <= set(schema["required"])


def test_every_standard_has_a_rubric_for_each_answer_and_evidence_for_each_condition(real):
    answers = [a["id"] for a in real["scoring"]["answers"]]
    for s in real["standards"]:
        assert sorted(s["rubric"]) == sorted(answers), s["id"]
        assert s["conditions"] and all(c["evidence"] for c in s["conditions"]), s["id"]
        assert s["legal_basis"], s["id"]
    # the bundled requirements named in the review are split into several conditions
    by_id = {s["id"]: s for s in real["standards"]}
    for sid in ("ki-1.4", "ki-2.2", "ki-3.1", "ki-5.1", "ki-4.2", "ki-6.1"):
        assert len(by_id[sid]["conditions"]) >= 3, sid


def test_real_data_shape(real):
    """About ten areas and 40-60 standards, each area with at least one mandatory standard."""
    assert len(real["areas"]) == 10
    assert 40 <= len(real["standards"]) <= 60
    for area in real["areas"]:
        levels = [s["level"] for s in real["standards"] if s["area"] == area["id"]]
        assert "mandatory" in levels and "recommended" in levels, area["id"]
    assert all(e["illustrative"] is True for e in real["examples"])


# --- validation: one test per class of error --------------------------------------------------

def errors_of(mutate):
    data = small_data()
    mutate(data)
    return validate_standards(data, SDG_IDS)


def test_small_data_is_valid():
    assert validate_standards(small_data(), SDG_IDS) == []


def test_duplicate_standard_id():
    def mutate(d):
        d["standards"][1]["id"] = "ki-1.1"
    assert errors_of(mutate) == [
        "standards[1].id: duplicate id 'ki-1.1' (also standards[0]); give each standard its own id "
        "and never reuse a retired one"]


def test_unknown_area():
    def mutate(d):
        d["standards"][0]["area"] = "zz"
    assert "standards[0].area: unknown area 'zz'; use one of: a, b" in errors_of(mutate)


def test_id_prefix_must_match_the_area_number():
    def mutate(d):
        d["standards"][1]["id"] = "ki-2.9"
    assert errors_of(mutate) == [
        "standards[1].id: 'ki-2.9' belongs to area 'a' (number 1); its id must start with 'ki-1.' — "
        "rename it or change its area"]


def test_conditions_evidence_and_indicator_must_be_present():
    def mutate(d):
        d["standards"][0]["conditions"] = []
        d["standards"][1]["conditions"] = [{"text": TEXT, "evidence": [{"sr": " ", "en": "x"}]}]
        d["standards"][2]["indicator"] = {"sr": "pokazatelj", "en": ""}
        d["standards"][3]["conditions"] = [{"text": TEXT, "evidence": []}]
    assert errors_of(mutate) == [
        "standards[0].conditions: ki-1.1 has no conditions; split the requirement into numbered conditions, "
        "each with the evidence that proves it",
        "standards[1].conditions[0].evidence[0]: empty evidence text in sr; write it or remove the item",
        "standards[2].indicator: ki-2.1 has no indicator in en; write it",
        "standards[3].conditions[0].evidence: condition 1 of ki-2.2 lists no evidence; name at least one "
        "document that proves it",
    ]


def test_rubric_must_define_every_answer():
    def mutate(d):
        del d["standards"][0]["rubric"]["partial"]
        d["standards"][1]["rubric"]["yes"] = TEXT
    assert errors_of(mutate) == [
        "standards[0].rubric.partial: ki-1.1 does not say what 'partial' means in sr, en; write it in "
        "observable terms",
        "standards[1].rubric.yes: 'yes' is not an answer id; use one of: met, partial, not-met",
    ]


def test_legal_basis_names_known_laws_and_checked_articles_only():
    def mutate(d):
        d["standards"][0]["legal_basis"] = [{"law": "zzz"}]
        d["standards"][1]["legal_basis"] = [{"law": "zls", "article": "20, 99"}]
        d["standards"][2]["legal_basis"] = []
    assert errors_of(mutate) == [
        "standards[0].legal_basis[0].law: 'zzz' is not a law id in laws:; use one of: zls",
        "standards[1].legal_basis[0].article: article 99 of 'zls' is not among its checked articles; add it "
        "under laws: with a source, or leave the article out",
        "standards[2].legal_basis: ki-2.1 names no law; add at least one",
    ]


def test_crosswalk_ids_must_exist():
    def mutate(d):
        d["standards"][0]["crosswalk"]["culture21"] = ["10"]
    assert errors_of(mutate) == [
        "standards[0].crosswalk.culture21[0]: '10' is not an item of frameworks.culture21; use one of: 1"]


def test_partial_credit_must_stay_under_the_ceiling():
    # small data: 6 mandatory of 11 points; all recommended partly met at factor 0.5 = 8.5 of 11 = 77.3 %
    def too_high(d):
        d["scoring"]["partial_ceiling_percent"] = 65
    assert errors_of(too_high) == [
        "scoring.answers: with every mandatory standard met and every recommended one partly met the score is "
        "77.3%, above partial_ceiling_percent 65; lower the factor of the partial answer"]

    def ceiling_above_threshold(d):
        d["scoring"]["partial_ceiling_percent"] = 80
        d["scoring"]["answers"][1]["factor"] = 0.25
    assert errors_of(ceiling_above_threshold) == [
        "scoring.partial_ceiling_percent: 80 is not below threshold_percent 75; the ceiling exists to keep partly "
        "met recommended standards away from the threshold"]


def test_change_log_is_newest_first_and_matches_the_version():
    def mutate(d):
        d["scheme"]["version"] = "2.1"
        d["scheme"]["changes"].reverse()
    assert errors_of(mutate) == [
        "scheme.changes[0]: the newest change is version 1.0 of 2026-11-27, but the scheme is version 2.1 of "
        "2026-12-06; add the new version at the top of the change log",
        "scheme.changes[1]: version 2.0 is listed after 1.0; list versions newest first",
    ]


def test_points_outside_the_range_of_the_level():
    def mutate(d):
        d["standards"][1]["points"] = 3
    assert errors_of(mutate) == [
        "standards[1].points: ki-1.2 is recommended and has 3 points; recommended standards have 1–2 "
        "points (scoring.points)"]


def test_points_range_reversed():
    def mutate(d):
        d["scoring"]["points"]["recommended"] = {"min": 2, "max": 1}
    assert "scoring.points.recommended: min 2 is greater than max 1; swap them" in errors_of(mutate)


def test_threshold_must_be_the_first_level():
    def mutate(d):
        d["scoring"]["threshold_percent"] = 70
    assert errors_of(mutate) == [
        "scoring.levels[0].min_percent: the lowest level starts at 75 but threshold_percent is 70; make "
        "them equal (the threshold is the first level)"]


def test_levels_must_ascend():
    def mutate(d):
        d["scoring"]["levels"][1]["min_percent"] = 60
    assert ("scoring.levels[1].min_percent: levels must go from lowest to highest; 60 is not above 75"
            in errors_of(mutate))


def test_mandatory_points_alone_must_not_reach_the_threshold():
    def mutate(d):
        # 6 mandatory points of 7 = 85.7 % >= 75
        d["standards"] = d["standards"][:3]
        d["standards"][1]["points"] = 1
    assert errors_of(mutate) == [
        "scoring.threshold_percent: mandatory standards alone give 6 of 7 points, which already reaches "
        "75%; raise the threshold or lower mandatory points, or recommended standards would never matter"]


def test_unknown_sdg_target():
    def mutate(d):
        d["standards"][0]["sdg"] = ["16.6", "8.3"]
    assert errors_of(mutate) == [
        "standards[0].sdg[1]: '8.3' is not a target in data/sdg_targets.yaml; use one of: 16.6, 16.7, 17.17, "
        "17.9 (quoted, e.g. \"16.6\")"]


def test_mandatory_answer_must_exist_and_give_full_points():
    def unknown(d):
        d["scoring"]["mandatory_answer"] = "yes"
    assert errors_of(unknown) == [
        "scoring.mandatory_answer: 'yes' is not an answer id; use one of: met, partial, not-met"]

    def half(d):
        d["scoring"]["mandatory_answer"] = "partial"
    assert errors_of(half) == [
        "scoring.mandatory_answer: answer 'partial' has factor 0.5; the answer that satisfies a mandatory "
        "standard must give full points (factor 1)"]


def test_duplicate_area_number_and_empty_area():
    def mutate(d):
        d["areas"].append({"id": "c", "number": 2, "page": "standardi/x.md", "title": TEXT, "summary": TEXT})
    assert errors_of(mutate) == [
        "areas[2].number: area number 2 is also used by areas[1]; number the areas 1, 2, 3, … without repeats",
        "areas[2]: area 'c' has no standards; add standards or remove the area",
    ]


def test_example_errors():
    def mutate(d):
        d["examples"] = [
            {"id": "x", "illustrative": True, "name": TEXT, "description": TEXT,
             "answers": {**ALL_MET, "ki-1.2": "yes", "ki-7.7": "met"}, "notes": {"ki-8.8": TEXT}},
            {"id": "y", "illustrative": True, "name": TEXT, "description": TEXT, "answers": {"ki-1.1": "met"}},
            {"id": "z", "illustrative": True, "based_on": "w", "name": TEXT, "description": TEXT, "answers": {}},
        ]
        del d["examples"][0]["answers"]["ki-2.3"]
    assert errors_of(mutate) == [
        "examples[0].answers.ki-1.2: unknown answer 'yes'; use one of: met, partial, not-met",
        "examples[0].answers.ki-7.7: no standard has this id; fix the id or remove the line",
        "examples[0].notes.ki-8.8: no standard has this id; fix the id or remove the note",
        "examples[0].answers: no answer for ki-2.3; an example answers every standard (use not-met where "
        "nothing is done)",
        "examples[1].answers: no answer for ki-1.2, ki-2.1, ki-2.2, ki-2.3; an example answers every "
        "standard (use not-met where nothing is done)",
        "examples[2].based_on: 'w' is not an earlier example; name an example listed above this one",
    ]


def test_errors_are_collected_not_stopped_at_the_first():
    def mutate(d):
        d["standards"][0]["area"] = "zz"
        d["standards"][1]["points"] = 9
        d["standards"][2]["sdg"] = ["1.1"]
    assert len(errors_of(mutate)) == 3


# --- rules for the browser --------------------------------------------------------------------

def test_client_rules_come_from_the_data():
    rules = client_rules(small_data())
    assert rules["threshold_percent"] == 75 and rules["mandatory_answer"] == "met"
    assert rules["answers"] == [{"id": "met", "factor": 1}, {"id": "partial", "factor": 0.5},
                                {"id": "not-met", "factor": 0}]
    assert rules["levels"][1] == {"id": "distinction", "min_percent": 90, "requires_mandatory": True}
    assert rules["areas"] == ["a", "b"]
    assert rules["standards"][0] == {"id": "ki-1.1", "area": "a", "level": "mandatory", "points": 3}


CASES = [
    ALL_MET,
    {**ALL_MET, "ki-2.3": "not-met"},
    {**ALL_MET, "ki-1.1": "partial"},
    {},
    {"ki-1.1": "met", "ki-2.1": "met", "ki-2.2": "partial"},
]


def test_browser_script_computes_the_same_result_as_python(real):
    """computeScore() in self-assessment.js against score() on the same rules and answers."""
    need("node")
    datasets = [(small_data(), case) for case in CASES]
    datasets += [(real, example_answers(real, e["id"])) for e in real["examples"]]
    jobs = [{"rules": client_rules(data), "answers": answers} for data, answers in datasets]
    program = (
        "global.window = {}; require(process.argv[1]);"
        "const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(jobs.map(j => window.computeScore(j.rules, j.answers))));"
    )
    done = subprocess.run([need("node"), "-e", program, str(SCRIPT)], input=json.dumps(jobs), capture_output=True,
                          text=True, check=True, timeout=60)
    from_js = json.loads(done.stdout)
    for (data, answers), js in zip(datasets, from_js, strict=True):
        assert js == score(data, answers).as_dict()


# --- renderers (each edition) -----------------------------------------------------------------

@pytest.fixture(scope="module")
def datasets():
    from kgo.rules import load_data as load_datasets

    loaded, _ = load_datasets()
    return loaded


def render(datasets, view, lang, page="standardi/pregled.md", **args):
    from kgo.render.markers import RenderContext, registry

    return registry()[("standards", view)](RenderContext(datasets, lang, page), **args)


def cells(table_html: str) -> list[list[str]]:
    """Text of every body row of the first table: th and td cells, tags removed."""
    body = table_html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows]


def pick(text, lang):
    from kgo.text import t

    return t(text, lang)


LANGS = ("sr", "en", "cyr")


@pytest.mark.parametrize("lang", LANGS)
def test_summary_table_matches_the_data(datasets, real, lang):
    rows = cells(render(datasets, "summary", lang))
    assert len(rows) == len(real["areas"])
    for row, area in zip(rows, real["areas"], strict=True):
        items = [s for s in real["standards"] if s["area"] == area["id"]]
        assert row == [f"{area['number']}. {pick(area['title'], lang)}", str(len(items)),
                       str(sum(s["level"] == "mandatory" for s in items)),
                       str(sum(s["level"] == "recommended" for s in items)),
                       str(sum(s["points"] for s in items))]


@pytest.mark.parametrize("lang", LANGS)
def test_list_table_matches_the_data(datasets, real, lang):
    rows = cells(render(datasets, "list", lang))
    levels = {lv["id"]: pick(lv["label"], lang) for lv in real["scoring"]["standard_levels"]}
    assert rows == [[pick({"sr": display_code(s["id"]), "en": display_code(s["id"])}, lang),
                     pick(s["title"], lang), levels[s["level"]], str(s["points"]), ", ".join(s["sdg"])]
                    for s in real["standards"]]


@pytest.mark.parametrize("lang", LANGS)
def test_sdg_table_lists_every_standard_that_serves_a_target(datasets, real, lang):
    rows = cells(render(datasets, "sdg", lang))
    targets = yaml.safe_load((DATA / "sdg_targets.yaml").read_text(encoding="utf-8"))["targets"]
    assert [r[0] for r in rows] == [t["id"] for t in targets]
    for row, target in zip(rows, targets, strict=True):
        serving = [s for s in real["standards"] if target["id"] in s["sdg"]]
        assert row[2] == str(len(serving))
        assert row[3].split(", ") == [pick({"sr": display_code(s["id"]), "en": display_code(s["id"])}, lang)
                                      for s in serving]


@pytest.mark.parametrize("lang", LANGS)
def test_area_view_prints_every_standard_of_the_area(datasets, real, lang):
    out = render(datasets, "area", lang, page="standardi/oblasti-upravljanje.md", id="strategy")
    ids = re.findall(r'<h3 id="([^"]+)"', out)
    assert ids == [s["id"].replace(".", "-") for s in real["standards"] if s["area"] == "strategy"]
    first = real["standards"][0]
    assert html.escape(pick(first["requirement"], lang), quote=False) in out
    assert html.escape(pick(first["conditions"][0]["evidence"][0], lang), quote=False) in out
    for answer in real["scoring"]["answers"]:
        assert html.escape(pick(first["rubric"][answer["id"]], lang), quote=False) in out
    laws = {law["id"]: law for law in real["laws"]}
    for ref in first["legal_basis"]:
        assert html.escape(pick(laws[ref["law"]]["title"], lang), quote=False) in out
    # a law named without a checked article says so
    assert pick(real["labels"]["article_not_verified"], lang) in out
    bfc = {i["id"]: i for i in real["frameworks"]["bfc"]["items"]}
    assert html.escape(pick(bfc[first["crosswalk"]["bfc"][0]]["title"], lang), quote=False) in out


@pytest.mark.parametrize("lang", LANGS)
def test_checklist_has_one_row_per_standard(datasets, real, lang):
    rows = cells(render(datasets, "checklist", lang, area="space"))
    assert len(rows) == sum(s["area"] == "space" for s in real["standards"])
    whole = render(datasets, "checklist", lang)
    assert whole.count('<div class="ki-checklist">') == len(real["areas"])


@pytest.mark.parametrize("lang", LANGS)
def test_example_is_scored_at_build_time(datasets, real, lang):
    from kgo.text import fmt_number

    out = render(datasets, "example", lang, page="standardi/primer.md", id="opstina-primer")
    result = score(real, example_answers(real, "opstina-primer"))
    figures = cells(out)
    assert figures[0][1] == f"{fmt_number(result.earned, lang, 1)} / {fmt_number(result.maximum, lang)}"  # 78.5
    assert figures[1][1] == f"{fmt_number(result.percent, lang, 1)}%"
    outcome = pick(real["scoring"]["not_recognised"]["label"], lang)
    assert figures[-1][1] == outcome
    assert pick(real["labels"]["illustrative"], lang) in html.unescape(out)


@pytest.mark.parametrize("lang", LANGS)
def test_form_carries_the_rules_from_the_data(datasets, real, lang):
    out = render(datasets, "form", lang, page="standardi/samoprocena.md")
    payload = json.loads(re.search(r'<script type="application/json" class="ki-sa-data">(.*?)</script>',
                                   out, re.S).group(1))
    assert payload["rules"] == client_rules(real)
    assert payload["lang"] == lang
    radios = re.findall(r'<input type="radio" name="sa-([^"]+)" value="([^"]+)"', out)
    assert len(radios) == len(real["standards"]) * len(real["scoring"]["answers"])
    assert "<script>" not in out  # no executable inline script: the logic is in self-assessment.js


def test_cyrillic_edition_transliterates_data_texts(datasets):
    out = render(datasets, "summary", "cyr")
    assert "Стратешки оквир" in out and "Strateški" not in out


def test_bfc_facts_cite_their_sources(datasets, real):
    out = render(datasets, "bfc", "en", page="standardi/index.md")
    facts = next(c for c in real["comparisons"] if c["id"] == "bfc-see")["facts"]
    assert out.count("<li>") == len(facts)
    for fact in facts:
        assert fact["source"]["url"] in out


# --- pages ------------------------------------------------------------------------------------

PAGES = ["index.md", "pregled.md", "oblasti-upravljanje.md", "oblasti-podrska.md", "oblasti-razvoj.md",
         "bodovanje.md", "upravljanje.md", "primer.md", "samoprocena.md", "kontrolne-liste.md",
         "vodic-za-ocenjivace.md", "izmene.md"]
HEADING_RE = re.compile(r"^(#{1,6}) (.*?)(?: \{#([a-z0-9-]+)\})?\s*$", re.M)
MARKER_RE = re.compile(r"^<!-- data: standards .*?-->$", re.M)


def page(lang, name):
    return (ROOT / "docs" / lang / "standardi" / name).read_text(encoding="utf-8")


def test_manifest_lists_the_pages_in_order():
    manifest = yaml.safe_load((DATA / "publications.yaml").read_text(encoding="utf-8"))
    pub = next(p for p in manifest["publications"] if p["id"] == "standardi")
    assert pub["chapters"] == PAGES


@pytest.mark.parametrize("name", PAGES)
def test_pages_have_the_same_structure_in_both_languages(name):
    sr, en = page("sr", name), page("en", name)
    sr_heads = [(len(h), a) for h, _, a in HEADING_RE.findall(sr)]
    en_heads = [(len(h), a) for h, _, a in HEADING_RE.findall(en)]
    assert sr_heads == en_heads
    assert sr_heads[0][0] == 1 and sum(1 for level, _ in sr_heads if level == 1) == 1
    assert all(anchor for level, anchor in sr_heads if level > 1), "every ##/### heading needs {#anchor}"
    assert sr_heads[-1] == (2, "next")
    assert MARKER_RE.findall(sr) == MARKER_RE.findall(en)
    assert re.findall(r"\]\(([^)]+)\)", sr) == re.findall(r"\]\(([^)]+)\)", en)


@pytest.mark.parametrize("lang", ("sr", "en"))
def test_area_headings_match_the_data_and_every_area_is_rendered_on_its_page(real, lang):
    for area in real["areas"]:
        text = page(lang, area["page"].split("/", 1)[1])
        assert f"<!-- data: standards area id={area['id']} -->" in text
        heading = f"## {area['number']}. {area['title'][lang]} {{#{area['id']}}}"
        assert heading in text, heading


@pytest.mark.parametrize("lang", ("sr", "en"))
def test_pages_have_no_placeholders(lang):
    for name in PAGES:
        text = page(lang, name)
        for word in ("TODO", "TBD", "lorem", "coming soon"):
            assert word not in text, f"{lang}/{name}: {word}"


@pytest.mark.parametrize("lang", ("sr", "en"))
def test_checklist_headings_match_the_data(real, lang):
    text = page(lang, "kontrolne-liste.md")
    for area in real["areas"]:
        assert f"## {area['number']}. {area['title'][lang]} {{#{area['id']}}}" in text
        assert f"<!-- data: standards checklist area={area['id']} -->" in text


@pytest.mark.parametrize("lang", ("sr", "en"))
def test_standard_ids_named_in_the_prose_exist(real, lang):
    known = {display_code(s["id"]) for s in real["standards"]}
    for name in PAGES:
        for code in re.findall(r"\bKI-\d+\.\d+\b", page(lang, name)):
            assert code in known, f"{lang}/{name} names {code}, which is not in data/standards.yaml"


def test_what_the_worked_example_says_is_true(real):
    """primer.md describes the example in words; these are the facts it relies on."""
    first = score(real, example_answers(real, "opstina-primer"))
    # "the overall percentage is above the threshold, yet recognition is not reached, because one
    # mandatory standard is not fully met"
    assert first.percent >= real["scoring"]["threshold_percent"]
    assert not first.recognised and len(first.mandatory_missing) == 1
    # "the areas with the lowest percentages ... data and administrative procedures"
    lowest = sorted(first.areas, key=lambda a: a.percent)[:2]
    assert {a.id for a in lowest} == {"data", "procedures"}
    # improvement plan: the mandatory gap is the mapping (KI-7.1); filming permit (KI-6.3) costs nothing
    assert first.mandatory_missing == ("ki-7.1",)
    # "After two changes every mandatory standard is met and the percentage is above the threshold";
    # "to reach recognition with distinction it would have to meet quite a few more"
    changes = changed_answers(real, "opstina-primer-ponovljena")
    assert set(changes) == {"ki-7.1", "ki-6.3"}
    second = score(real, example_answers(real, "opstina-primer-ponovljena"))
    assert second.mandatory_met and second.level == real["scoring"]["levels"][0]["id"]


def test_loader_reports_rule_errors_with_file_and_line(tmp_path):
    """validate_standards is registered with the data loader: errors name the file and the line."""
    from kgo.rules import load_data as load_datasets

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / "standards.yaml").read_text(encoding="utf-8")
    broken = text.replace("  - id: ki-1.3\n    area: strategy\n    level: recommended\n    points: 2\n",
                          "  - id: ki-1.3\n    area: strategy\n    level: recommended\n    points: 3\n", 1)
    assert broken != text
    (data / "standards.yaml").write_text(broken, encoding="utf-8")
    line = broken[:broken.index("  - id: ki-1.3")].count("\n") + 1
    _, errors = load_datasets(data)
    mine = [str(e) for e in errors if e.file == "data/standards.yaml"]
    assert mine == [f"data/standards.yaml:{line + 3}: standards[2].points: ki-1.3 is recommended and has 3 points; "
                    "recommended standards have 1–2 points (scoring.points)"]


@pytest.mark.parametrize("lang", LANGS)
def test_blank_checklist_csv_rows(datasets, real, lang):
    rows = checklist_rows(real, lang)
    assert len(rows) == len(real["standards"]) + 1
    assert all(len(r) == len(rows[0]) for r in rows)
    first = real["standards"][0]
    assert rows[1][2] == pick(first["title"], lang)
    assert rows[1][6] == evidence_text(first, lang)
    assert rows[1][6].startswith("1: " + pick(first["conditions"][0]["evidence"][0], lang))
    assert rows[1][8:14] == ["", "", "", "", "", ""]
    assert rows[1][14] == real["scheme"]["version"]
    # the form's downloadable checklist uses the same header
    out = render(datasets, "form", lang, page="standardi/samoprocena.md")
    payload = json.loads(re.search(r'class="ki-sa-data">(.*?)</script>', out, re.S).group(1))
    assert payload["csv_columns"] == rows[0]


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_table_prints_the_reference_cases(datasets, real, lang):
    from kgo.text import fmt_number

    rows = cells(render(datasets, "scenarios", lang, page="standardi/bodovanje.md"))
    cases = reference_cases(real)
    assert rows[1][1].startswith(f"{fmt_number(cases.all_partial.earned, lang)} / {cases.maximum}")
    assert f"{fmt_number(cases.all_partial.percent, lang, 1)}%" in rows[1][1]
    assert rows[2][1] == f"{fmt_number(real['scoring']['partial_ceiling_percent'], lang)}%"
    assert rows[4][1].startswith(str(cases.needed_rest_partial))
    assert rows[5][1].startswith(str(cases.needed_rest_none))


@pytest.mark.parametrize("lang", LANGS)
def test_scheme_and_changelog_come_from_the_data(datasets, real, lang):
    scheme = cells(render(datasets, "scheme", lang, page="standardi/izmene.md"))
    assert scheme[0][1] == real["scheme"]["version"] and scheme[1][1] == real["scheme"]["date"]
    log = cells(render(datasets, "changelog", lang, page="standardi/izmene.md"))
    assert [r[0] for r in log] == [c["version"] for c in real["scheme"]["changes"]]


@pytest.mark.parametrize("lang", LANGS)
def test_crosswalk_table_has_a_row_per_standard(datasets, real, lang):
    rows = cells(render(datasets, "crosswalk", lang))
    assert len(rows) == len(real["standards"])
    out = render(datasets, "frameworks", lang)
    for fw in real["frameworks"].values():
        assert fw["source"]["url"] in out


@pytest.mark.parametrize("lang", LANGS)
def test_form_records_municipality_date_assessors_and_version(datasets, real, lang):
    out = render(datasets, "form", lang, page="standardi/samoprocena.md")
    for key in ("municipality", "date", "assessors", "version"):
        assert f'data-record="{key}"' in out
    assert f'value="{real["scheme"]["version"]}" readonly' in out
    assert 'class="ki-sa-report" hidden' in out
    payload = json.loads(re.search(r'class="ki-sa-data">(.*?)</script>', out, re.S).group(1))
    assert payload["version"] == real["scheme"]["version"]
    assert payload["record_columns"] == ["municipality", "date", "assessors", "version"]


UNSOURCED_ROLES = [
    "RRA JUG potvrđuje", "potvrdi priznanje", "RRA JUG je stalna", "Ona je dogovor gradova",
    "confirms recognition", "permanent source of expert support", "It is an agreement between cities",
]


@pytest.mark.parametrize("lang", ("sr", "en"))
def test_no_page_states_an_unsourced_role_as_fact(lang):
    files = [ROOT / "docs" / lang / "standardi" / name for name in PAGES]
    files += [ROOT / "docs" / lang / name for name in ("mreza.md", "o-projektu.md", "usluge.md")]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for phrase in UNSOURCED_ROLES:
            assert phrase not in text, f"{path.relative_to(ROOT)}: {phrase!r}"


# --- the form's CSV files (issue 25) ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_form_writes_the_editions_csv_dialect_and_reads_every_edition(datasets, real, lang):
    out = render(datasets, "form", lang, page="standardi/samoprocena.md")
    payload = json.loads(re.search(r'class="ki-sa-data">(.*?)</script>', out, re.S).group(1))
    # Serbian office software expects ';' and decimal commas; English ',' and points.
    serbian = {"delimiter": ";", "decimal": ","}
    assert payload["csv"] == ({"delimiter": ",", "decimal": "."} if lang == "en" else serbian)
    assert payload["filenames"]["suffix"] in {"sr-latn", "sr-cyrl", "en"}
    # A file saved in any edition loads: every edition's header, answer labels and codes are known.
    assert [checklist_rows(real, code)[0] for code in ("sr", "cyr", "en")] == payload["csv_headers"]
    for answer in real["scoring"]["answers"]:
        for code in ("sr", "cyr", "en"):
            assert payload["answer_ids"][pick(answer["label"], code).casefold()] == answer["id"]
    assert set(payload["code_ids"].values()) == {s["id"] for s in real["standards"]}
    # Slots the script fills survive transliteration (a word slot would become Cyrillic).
    assert "{1}" in payload["ui"]["version_mismatch"] and "{1}" in payload["load"]["wrong"]
    assert all(s in payload["load"]["done"] for s in ("{1}", "{2}", "{3}"))
    # The requirement is shown beside each answer, and the file input loads answers back.
    assert out.count('class="ki-sa-item__requirement"') == len(real["standards"])
    assert 'type="file"' in out and 'data-action="load"' in out
