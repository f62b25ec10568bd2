"""Calculations and checks of the Guidelines (kgo/methods/valorization/) and their tables.

Every expected number is worked out by hand in the comments next to it.
"""

from __future__ import annotations

import copy
import re

import pytest

from kgo.methods import valorization as v
from kgo.render.markers import RenderContext
from kgo.text import fmt_number


def shown(value, lang, decimals=0):
    """A number as the Guidelines' tables print it (rounded half up, like the browser calculator)."""
    from kgo.render.renderers.valorization_common import num
    return num(RenderContext(data={}, lang=lang), value, decimals)

# --- a small model: 2 dimensions, 3 indicators, 3 fictional units ----------------------------


def small_model() -> dict:
    text = lambda s: {"sr": s, "en": s}  # noqa: E731
    return {
        "dimensions": [
            {"id": "economy", "name": text("E"), "weight": 0.6, "description": text("e")},
            {"id": "assets", "name": text("A"), "weight": 0.4, "description": text("a")},
        ],
        "indicators": [
            {"id": "jobs", "dimension": "economy", "direction": "+", "weight": 0.5,
             "source": text("RZS"), "name": text("Jobs")},
            {"id": "obstacles", "dimension": "economy", "direction": "-", "weight": 0.5,
             "source": text("Survey"), "name": text("Obstacles")},
            {"id": "venues", "dimension": "assets", "direction": "+", "weight": 1.0,
             "source": text("Inventory"), "name": text("Venues")},
        ],
        "weight_sets": [
            {"id": "equal", "name": text("Equal"), "description": text("-"),
             "weights": {"economy": 0.5, "assets": 0.5}},
        ],
        "scales": {"normalisation": {"min": 0, "max": 100}, "qualitative": {"levels": 4, "labels": {}},
                   "lq_bands": [{"id": "low", "max": 0.8}, {"id": "average", "min": 0.8, "max": 1.25},
                                {"id": "high", "min": 1.25}]},
        "criteria": [
            {"id": "authenticity", "group": "potential",
             "descriptors": [{"level": n, "text": text(str(n))} for n in (1, 2, 3, 4)]},
            {"id": "capacity", "group": "readiness",
             "descriptors": [{"level": n, "text": text(str(n))} for n in (1, 2, 3, 4)]},
        ],
        "prioritisation": {"qualitative_share": 0.6, "lq_cap": 2.0, "threshold": 50},
        "missing_data": {"min_weight_share": 0.5},
        "sensitivity": {"qualitative_share": [0.5], "lq_cap": [3.0], "threshold": [45]},
        "example": {
            "reference": {"id": "region", "illustrative": True, "name": text("Region"),
                          "employment": {"total": 1000, "sectors": {"crafts": 10, "arts": 50}}},
            "units": [
                {"id": "a", "illustrative": True, "name": text("A"),
                 "values": {"jobs": 10, "obstacles": 40, "venues": 2},
                 "employment": {"total": 100, "sectors": {"crafts": 3, "arts": 5}},
                 "assessment": {"crafts": {"authenticity": 4, "capacity": 2},
                                "arts": {"authenticity": 2, "capacity": 4}}},
                {"id": "b", "illustrative": True, "name": text("B"),
                 "values": {"jobs": 20, "obstacles": 20, "venues": 6}},
                {"id": "c", "illustrative": True, "name": text("C"),
                 "values": {"jobs": 30, "obstacles": 30, "venues": 4}},
            ],
        },
    }


def small_sectors() -> dict:
    return {"sectors": [
        {"id": "crafts", "codes": [{"code": "13.93"}, {"code": "32.12"}]},
        {"id": "arts", "codes": [{"code": "90.01"}]},
    ]}


# --- pure calculations -------------------------------------------------------------------------

def test_min_max_positive_direction():
    # min 10, max 30, span 20: 10 -> 0, 20 -> 100*10/20 = 50, 30 -> 100
    assert v.min_max({"a": 10, "b": 20, "c": 30}) == {"a": 0.0, "b": 50.0, "c": 100.0}


def test_min_max_negative_direction():
    # less is better: 100*(max - x)/span; max 40, min 20, span 20
    # a: 100*(40-40)/20 = 0; b: 100*(40-20)/20 = 100; c: 100*(40-30)/20 = 50
    assert v.min_max({"a": 40, "b": 20, "c": 30}, "-") == {"a": 0.0, "b": 100.0, "c": 50.0}


def test_min_max_equal_values_get_the_middle():
    assert v.min_max({"a": 5, "b": 5}) == {"a": 50.0, "b": 50.0}


def test_min_max_rejects_unknown_direction():
    with pytest.raises(ValueError):
        v.min_max({"a": 1, "b": 2}, "up")


def test_weighted_sum_and_missing_score():
    # 0.6*50 + 0.4*100 = 30 + 40 = 70
    assert v.weighted_sum({"x": 50, "y": 100}, {"x": 0.6, "y": 0.4}) == pytest.approx(70)
    with pytest.raises(KeyError):
        v.weighted_sum({"x": 1}, {"x": 0.5, "y": 0.5})


def test_location_quotient_by_hand():
    # e_i/e = 3/100 = 0.03; E_i/E = 10/1000 = 0.01; LQ = 0.03/0.01 = 3
    assert v.location_quotient(3, 100, 10, 1000) == pytest.approx(3.0)
    # arts: 5/100 = 0.05; 50/1000 = 0.05; LQ = 1
    assert v.location_quotient(5, 100, 50, 1000) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        v.location_quotient(1, 0, 1, 10)


def test_rank_shares_ties():
    # 70 first; two units at 50 share rank 2; the next is rank 4 ("1224")
    assert v.rank({"a": 70, "b": 50, "c": 50, "d": 10}) == {"a": 1, "b": 2, "c": 2, "d": 4}
    assert v.rank({"a": 1, "b": 2}, descending=False) == {"a": 1, "b": 2}


def test_level_concentration_and_quadrant():
    # 1..4 scaled: (s-1)/3*100 -> 1: 0, 2: 33.33, 4: 100
    assert v.level_to_score(1, 4) == 0
    assert v.level_to_score(2, 4) == pytest.approx(100 / 3)
    assert v.level_to_score(4, 4) == 100
    # LQ 3 capped at 2 -> 100; LQ 1 -> 100*1/2 = 50
    assert v.concentration_score(3, 2) == 100
    assert v.concentration_score(1, 2) == 50
    assert v.quadrant(80, 60) == "develop"
    assert v.quadrant(80, 20) == "build-capacity"
    assert v.quadrant(20, 60) == "maintain"
    assert v.quadrant(20, 20) == "monitor"
    assert v.quadrant(50, 50) == "develop"  # the threshold counts as high


def test_lq_band():
    bands = small_model()["scales"]["lq_bands"]
    assert v.lq_band(0.5, bands) == "low"
    assert v.lq_band(0.8, bands) == "average"
    assert v.lq_band(1.25, bands) == "high"


def test_compute_example_by_hand():
    ex = v.compute_example(small_model())
    # jobs (+): 10, 20, 30 -> a 0, b 50, c 100
    # obstacles (-): 40, 20, 30 -> a 0, b 100, c 50
    # venues (+): 2, 6, 4 -> a 0, b 100, c 50
    assert ex.normalised["jobs"] == {"a": 0, "b": 50, "c": 100}
    assert ex.normalised["obstacles"] == {"a": 0, "b": 100, "c": 50}
    # economy = 0.5*jobs + 0.5*obstacles: a 0, b 75, c 75; assets = venues: a 0, b 100, c 50
    assert ex.dimension_scores["b"] == pytest.approx({"economy": 75, "assets": 100})
    assert ex.dimension_scores["c"] == pytest.approx({"economy": 75, "assets": 50})
    # index = 0.6*economy + 0.4*assets: a 0; b 45+40 = 85; c 45+20 = 65
    assert ex.index == pytest.approx({"a": 0, "b": 85, "c": 65})
    assert ex.ranks == {"b": 1, "c": 2, "a": 3}
    # equal weights: b 0.5*75+0.5*100 = 87.5; c 0.5*75+0.5*50 = 62.5
    assert ex.sensitivity["equal"] == pytest.approx({"a": 0, "b": 87.5, "c": 62.5})
    assert ex.rank_range == {"a": (3, 3), "b": (1, 1), "c": (2, 2)}
    # LQ of unit a: crafts 3.0 and arts 1.0 (see test_location_quotient_by_hand)
    assert ex.lq["a"] == pytest.approx({"crafts": 3.0, "arts": 1.0})
    # crafts: qualitative potential (4) -> 100; concentration min(3,2)/2*100 = 100
    #   potential = 0.6*100 + 0.4*100 = 100; readiness (2) -> 33.33 -> build capacity
    crafts = ex.matrix["a"]["crafts"]
    assert crafts["potential"] == pytest.approx(100)
    assert crafts["readiness"] == pytest.approx(100 / 3)
    assert crafts["quadrant"] == "build-capacity"
    # arts: (2) -> 33.33; concentration 1/2*100 = 50; potential 0.6*33.33 + 0.4*50 = 20 + 20 = 40
    #   readiness (4) -> 100 -> maintain
    arts = ex.matrix["a"]["arts"]
    assert arts["potential"] == pytest.approx(40)
    assert arts["quadrant"] == "maintain"


def test_sensitivity_can_change_ranks():
    model = small_model()
    # assets only: b 100, c 50, a 0; economy only: b 75, c 75 (a tie), a 0
    model["weight_sets"].append({"id": "economy-only", "name": {}, "description": {},
                                 "weights": {"economy": 1.0, "assets": 0.0}})
    ex = v.compute_example(model)
    assert ex.sensitivity_ranks["economy-only"] == {"b": 1, "c": 1, "a": 3}
    assert ex.rank_range["c"] == (1, 2)


# --- validation: one test per class of bad data --------------------------------------------

def test_valid_small_model_has_no_errors():
    assert v.validate_valorization(small_model(), small_sectors()) == []


def test_dimension_weights_not_summing_to_one():
    model = small_model()
    model["dimensions"][1]["weight"] = 0.3
    errors = v.validate_valorization(model)
    assert any(e.startswith("dimensions: weights of all dimensions sum to 0.9, not 1") for e in errors)


def test_indicator_weights_not_summing_to_one_within_a_dimension():
    model = small_model()
    model["indicators"][0]["weight"] = 0.4
    errors = v.validate_valorization(model)
    assert ("dimensions[0]: weights of the indicators of dimension 'economy' sum to 0.9, not 1; "
            "change the weights so that they add up to exactly 1") in errors


def test_weight_set_not_summing_to_one():
    model = small_model()
    model["weight_sets"][0]["weights"]["assets"] = 0.6
    errors = v.validate_valorization(model)
    assert any(e.startswith("weight_sets[0].weights: weights of weight set 'equal' sum to 1.1") for e in errors)


def test_rounding_noise_is_tolerated():
    model = small_model()
    model["dimensions"][0]["weight"] = 0.1 + 0.2 + 0.3  # 0.6000000000000001
    assert v.validate_valorization(model) == []


def test_indicator_without_source():
    model = small_model()
    model["indicators"][1]["source"] = {"sr": " ", "en": ""}
    errors = v.validate_valorization(model)
    assert any(e.startswith("indicators[1].source: indicator 'obstacles' has no source of data") for e in errors)
    del model["indicators"][1]["source"]
    assert any(e.startswith("indicators[1].source:") for e in v.validate_valorization(model))


def test_indicator_with_unknown_dimension():
    model = small_model()
    model["indicators"][2]["dimension"] = "asets"
    errors = v.validate_valorization(model)
    assert any(e.startswith("indicators[2].dimension: 'asets' is not a dimension id") for e in errors)


def test_bad_sector_code_shape():
    sectors = small_sectors()
    sectors["sectors"][0]["codes"][0]["code"] = "1393"
    errors = v.validate_valorization(small_model(), sectors)
    assert any(e.startswith("sectors[0].codes[0].code: '1393' is not a KD 2010 code") for e in errors)
    for bad in ("9.01", "90.001", "90,01", "", "R90"):
        sectors["sectors"][0]["codes"][0]["code"] = bad
        assert v.validate_sectors(sectors), bad
    for good in ("11", "11.0", "11.07"):
        sectors["sectors"][0]["codes"][0]["code"] = good
        assert v.validate_sectors(sectors) == [], good


def test_duplicate_sector_code():
    sectors = small_sectors()
    sectors["sectors"][1]["codes"].append({"code": "32.12"})
    errors = v.validate_sectors(sectors)
    assert errors == ["sectors[1].codes[1].code: code 32.12 is already listed under 'crafts'; "
                      "a code belongs to one sector only, remove one of them"]


def test_fictional_rows_must_be_marked_illustrative():
    model = small_model()
    model["example"]["units"][1]["illustrative"] = False
    errors = v.validate_valorization(model)
    assert any(e.startswith("example.units[1].illustrative: 'b' is a fictional municipality") for e in errors)
    model = small_model()
    del model["example"]["reference"]["illustrative"]
    assert any(e.startswith("example.reference.illustrative:") for e in v.validate_valorization(model))


def test_example_consistency_rules():
    model = small_model()
    del model["example"]["units"][2]["values"]["venues"]
    model["example"]["units"][0]["assessment"]["crafts"]["authenticity"] = 7
    model["example"]["reference"]["employment"]["sectors"]["crafts"] = 2   # smaller than unit a's 3
    errors = v.validate_valorization(model, small_sectors())
    assert "example.units[2].values: no value for venues; give every indicator a value" in errors
    assert any(e.startswith("example.units[0].assessment.crafts.authenticity: level 7") for e in errors)
    assert any(e.startswith("example.reference.employment.sectors.crafts: the region is smaller") for e in errors)


def test_unknown_sector_in_reference():
    model = small_model()
    model["example"]["reference"]["employment"]["sectors"]["film"] = 5
    errors = v.validate_valorization(model, small_sectors())
    assert any(e.startswith("example.reference.employment.sectors.film: 'film' is not a sector id") for e in errors)


def test_criterion_must_describe_every_level():
    model = small_model()
    model["criteria"][0]["descriptors"].pop()
    errors = v.validate_valorization(model)
    assert any(e.startswith("criteria[0].descriptors: criterion 'authenticity' must describe every level 1..4")
               for e in errors)


# --- the real data ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def datasets():
    from kgo.rules import load_data as load_datasets
    data, _ = load_datasets()
    return data


def test_shipped_data_is_valid(datasets):
    assert v.validate_valorization(datasets["valorization"], datasets["sectors"]) == []


def test_shipped_data_passes_the_schemas(datasets):
    import json

    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from kgo.data.loader import DATA_DIR
    common = json.loads((DATA_DIR / "common.schema.json").read_text(encoding="utf-8"))
    registry = Registry().with_resource("common.schema.json", Resource.from_contents(common))
    for name in ("valorization", "sectors", "templates_guidelines"):
        schema = json.loads((DATA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(datasets[name]))
        assert errors == [], f"{name}: {[e.message for e in errors]}"


def test_shipped_example_is_fictional(datasets):
    example = datasets["valorization"]["example"]
    assert all(u["illustrative"] for u in example["units"])
    assert example["reference"]["illustrative"] is True
    assert any(u["name"]["sr"] == "Opština Primer" for u in example["units"])


# --- renderers: tables show the pure functions' results, formatted per edition ----------------

def _cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html, flags=re.S)
    return [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, flags=re.S)]
            for r in rows]


@pytest.mark.parametrize("lang", ["sr", "en"])
def test_index_table_matches_calculation(datasets, lang):
    from kgo.render.renderers.valorization_example import example_index
    ex = v.compute_example(datasets["valorization"])
    html = example_index(RenderContext(data=datasets, lang=lang))
    names = {u["id"]: u["name"][lang] for u in datasets["valorization"]["example"]["units"]}
    body = _cells(html)[1:]
    for unit in ex.units:
        row = next(r for r in body if r[0] == names[unit])
        assert row[1] == fmt_number(ex.ranks[unit], lang)
        assert row[2] == shown(ex.index[unit], lang, 1)


@pytest.mark.parametrize("lang", ["sr", "en"])
def test_lq_table_matches_calculation(datasets, lang):
    from kgo.render.renderers.valorization_example import example_lq
    ex = v.compute_example(datasets["valorization"])
    html = example_lq(RenderContext(data=datasets, lang=lang), municipality="primer")
    sectors = {s["id"]: s["name"][lang] for s in datasets["sectors"]["sectors"]}
    body = _cells(html)[1:]
    for sector, lq in ex.lq["primer"].items():
        row = next(r for r in body if r[0] == sectors[sector])
        assert row[7] == shown(lq, lang, 2)


def test_numbers_follow_the_edition(datasets):
    from kgo.render.renderers.valorization_example import example_normalised
    ex = v.compute_example(datasets["valorization"])
    sr = example_normalised(RenderContext(data=datasets, lang="sr"))
    en = example_normalised(RenderContext(data=datasets, lang="en"))
    value = ex.normalised["env-budget"]["primer"]
    assert shown(value, "sr", 1) in sr and "," in shown(value, "sr", 1)
    assert shown(value, "en", 1) in en and "." in shown(value, "en", 1)


def test_matrix_and_summary_render_quadrants(datasets):
    from kgo.render.renderers.valorization_example import example_matrix, example_summary
    ex = v.compute_example(datasets["valorization"])
    quadrants = datasets["valorization"]["prioritisation"]["quadrants"]
    html = example_matrix(RenderContext(data=datasets, lang="en"), municipality="primer")
    assert "<svg" in html and "<caption>" in html
    for row in ex.matrix["primer"].values():
        assert quadrants[row["quadrant"]]["name"]["en"] in html
    summary = example_summary(RenderContext(data=datasets, lang="sr"), municipality="primer")
    assert f"{fmt_number(ex.ranks['primer'], 'sr')} / {fmt_number(len(ex.units), 'sr')}" in summary


def test_every_view_renders_in_both_editions(datasets):
    from kgo.render.markers import registry
    args = {"indicators": {"dimension": "economy"}, "criterion": {"id": "authenticity"},
            "bands": {"scale": "index"}, "example-matrix-sensitivity": {"municipality": "primer"}}
    for (dataset, view), fn in registry().items():
        if dataset not in ("valorization", "sectors"):
            continue
        for lang in ("sr", "en", "cyr"):
            html = fn(RenderContext(data=datasets, lang=lang), **args.get(view, {}))
            assert "<table" in html and "<caption>" in html and 'scope="col"' in html, (view, lang)


def test_unknown_arguments_fail_clearly(datasets):
    from kgo.render.renderers.valorization import criterion_table, indicators_table
    ctx = RenderContext(data=datasets, lang="sr")
    with pytest.raises(KeyError, match="no dimension id='money'"):
        indicators_table(ctx, dimension="money")
    with pytest.raises(KeyError, match="no criterion id='x'"):
        criterion_table(ctx, id="x")


def test_sector_table_lists_every_code(datasets):
    from kgo.render.renderers.sectors import sectors_table
    html = sectors_table(RenderContext(data=datasets, lang="en"))
    codes = [entry["code"] for _, entry in v.all_codes(datasets["sectors"])]
    for code in codes:
        assert f"<code>{code}</code>" in html
    one = sectors_table(RenderContext(data=datasets, lang="sr"), sector="crafts")
    assert "<code>13.93</code>" in one and "<code>90.01</code>" not in one


def test_rules_are_registered_with_the_loader(datasets):
    from kgo.rules import rules
    _RULES = rules()
    assert "valorization" in _RULES and "sectors" in _RULES
    broken = copy.deepcopy(datasets)
    broken["valorization"]["dimensions"][0]["weight"] = 0.9
    messages = [m for check in _RULES["valorization"] for m in check(broken)]
    assert any(m.startswith("dimensions: weights of all dimensions") for m in messages)


def test_primer_prose_claims_hold(datasets):
    """docs/*/smernice/primer.md describes the example in words; if the data change, so must the text."""
    ex = v.compute_example(datasets["valorization"])
    # step 5: "different weights change only the order of the two local governments at the top"
    top = sorted(ex.units, key=ex.ranks.get)[:2]
    assert {ex.rank_range[u] for u in top} == {(1, 2)}
    assert all(best == worst for u, (best, worst) in ex.rank_range.items() if u not in top)
    # step 4: "the last unit is the weakest in the group on almost every indicator"
    last = max(ex.ranks, key=ex.ranks.get)
    assert sum(ex.normalised[i][last] == 0 for i in ex.normalised) >= len(ex.normalised) - 2
    # step 6: "the sector with the highest quotient is not a small one: among the largest by employment"
    lqs = ex.lq["primer"]
    top_lq = max(lqs, key=lqs.get)
    primer = next(u for u in datasets["valorization"]["example"]["units"] if u["id"] == "primer")
    employed = primer["employment"]["sectors"]
    assert sorted(employed.values(), reverse=True).index(employed[top_lq]) <= 1
    # step 7: "the panel rated every sector in scope"
    assert set(ex.matrix["primer"]) == {s["id"] for s in datasets["sectors"]["sectors"]}
    # step 9: "most sectors stay in the same field; the one that moves has its potential just below the threshold"
    moving = [s for s, q in ex.quadrants["primer"].items() if len(set(q)) > 1]
    assert 1 <= len(moving) < len(ex.quadrants["primer"]) / 2
    threshold = datasets["valorization"]["prioritisation"]["threshold"]
    assert all(threshold - 2 < ex.matrix["primer"][s]["potential"] < threshold for s in moving)
    # step 3: "a city strong in economy and skills, a smaller municipality strong in assets"
    assert max(ex.units, key=lambda u: ex.dimension_scores[u]["economy"]) == "dolina"
    assert max(ex.units, key=lambda u: ex.dimension_scores[u]["assets"]) == "brdo"
    # the summary speaks of sectors in "develop" and "build capacity" and of sectors kept under "monitor"
    quadrants = {row["quadrant"] for row in ex.matrix["primer"].values()}
    assert {"develop", "build-capacity", "monitor"} <= quadrants


# --- the method's new rules -------------------------------------------------------------------

def test_missing_values_are_not_zero():
    # jobs missing for c: min/max over a and b only; c's economy = obstacles alone (weight 0.5 of 1: enough)
    model = small_model()
    del model["example"]["units"][2]["values"]["jobs"]
    params = v.method_params(model)
    units = [{"name": u["id"], "values": {k: u["values"].get(k) for k in ("jobs", "obstacles", "venues")}}
             for u in model["example"]["units"]]
    result = v.calculate(params, units)
    assert result["normalised"][2]["jobs"] is None
    assert result["normalised"][1]["jobs"] == 100  # b is now the best of a (10) and b (20)
    assert result["dimensions"][2]["economy"] == pytest.approx(50)  # obstacles 30 -> 50
    # with a minimum share of 0.6 the half weight is not enough: no score, no index, no rank
    strict = v.with_changes(params, min_weight_share=0.6)
    result = v.calculate(strict, units)
    assert result["dimensions"][2]["economy"] is None and result["index"][2] is None and result["rank"][2] is None
    assert result["rank"][:2] == [2, 1]


def test_reference_values_fix_the_bounds_and_hold_the_scale():
    params = v.with_changes(v.method_params(small_model()), reference={"jobs": (0, 20)})
    units = [{"name": n, "values": {"jobs": x, "obstacles": 1, "venues": 1}} for n, x in (("a", 10), ("b", 30))]
    result = v.calculate(params, units)
    assert result["bounds"]["jobs"] == [0, 20]
    assert [r["jobs"] for r in result["normalised"]] == [50, 100]   # 30 is beyond the reference max: held at 100


def test_matrix_leaves_out_a_sector_without_every_level():
    params = v.method_params(small_model())
    table = {"local_total": 100, "region_total": 1000,
             "rows": [{"name": "x", "local": 3, "region": 10, "levels": {"authenticity": 4}},
                      {"name": "y", "local": 3, "region": 0, "levels": {"authenticity": 4, "capacity": 2}}]}
    rows = v.sector_results(params, table)
    assert rows[0]["lq"] == pytest.approx(3) and rows[0]["quadrant"] is None
    assert rows[1]["lq"] is None and rows[1]["quadrant"] is None


def test_fixed_rounds_like_the_browser():
    assert v.fixed(2.25, 1) == "2.3" and v.fixed(0.125, 2) == "0.13" and v.fixed(1.005, 2) == "1.00"
    assert v.fixed(64.0696, 2) == "64.07" and v.fixed(0.0, 2) == "0.00" and v.fixed(100, 0) == "100"


def test_employment_share_is_derived_from_the_sector_figures(datasets):
    model = datasets["valorization"]
    ex = v.compute_example(model)
    for unit in model["example"]["units"]:
        total = sum(unit["employment"]["sectors"].values())
        assert ex.values[unit["id"]]["eco-employment"] == round(100 * total / unit["employment"]["total"], 2)


def test_derived_and_assessment_rules():
    model = small_model()
    model["indicators"][0]["derived"] = "employment-share"
    errors = v.validate_valorization(model, small_sectors())
    assert any(e.startswith("example.units[0].values.jobs: 'jobs' is computed from the unit's employment")
               for e in errors)
    model = small_model()
    model["example"]["units"][0]["employment"]["sectors"]["film"] = 1
    model["example"]["reference"]["employment"]["sectors"]["film"] = 5
    errors = v.validate_valorization(model)
    assert any("sector 'film' is neither assessed nor listed under not_assessed" in e for e in errors)
    model["example"]["units"][0]["not_assessed"] = {"film": {"sr": "x", "en": "x"}}
    assert v.validate_valorization(model) == []
    errors = v.validate_valorization(small_model(), {"sectors": [{"id": "crafts"}, {"id": "arts"}, {"id": "film"}]})
    assert any(e.startswith("example.units[0].employment.sectors: give every sector") for e in errors)


def test_every_parameter_is_printed(datasets):
    from kgo.render.renderers.valorization import parameters_table

    rules = datasets["valorization"]["prioritisation"]
    for lang in ("sr", "en", "cyr"):
        html = parameters_table(RenderContext(data=datasets, lang=lang))
        for value in (rules["qualitative_share"], rules["lq_cap"], rules["threshold"],
                      datasets["valorization"]["missing_data"]["min_weight_share"]):
            text = fmt_number(value, lang, 0 if float(value).is_integer() else 1)
            assert f">{text}<" in html, (lang, value)


def test_access_table_names_every_indicator(datasets):
    from kgo.render.renderers.valorization import access_table

    html = access_table(RenderContext(data=datasets, lang="en"))
    for ind in datasets["valorization"]["indicators"]:
        assert ind["name"]["en"] in html
    assert "apr.gov.rs" in html
