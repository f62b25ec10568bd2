"""One method, three implementations: the browser script gives the same results as the Python
reference (kgo.methods.valorization.calculate) on random inputs, and reads a CSV file the way the
Guidelines say (missing column, text in a number cell, empty rows: a message naming row and column).

The spreadsheets are compared with Python in tests/unit/test_calculator_spreadsheet.py."""

from __future__ import annotations

import json
import math
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgo.methods.valorization import calculate, compute_example, example_sectors, example_units, method_params
from tests.tools import ROOT, need

SCRIPT = ROOT / "docs" / "assets" / "js" / "calculator-method.js"
RUNNER = (
    "const calc = require(process.argv[1]);"
    "const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
    "process.stdout.write(JSON.stringify(jobs.map(j => j.kind === 'compute'"
    " ? calc.computeResults(j.params, j.units, j.sectors)"
    " : (j.kind === 'units' ? calc.readUnits(j.text, j.spec) : calc.readSectors(j.text, j.spec)))));"
)


def run_js(jobs: list[dict]) -> list:
    done = subprocess.run([need("node"), "-e", RUNNER, str(SCRIPT)], input=json.dumps(jobs), capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def differences(js, py, path="result") -> list[str]:
    """Where the browser's result differs from Python's (numbers to 1e-9, relative or absolute)."""
    if isinstance(py, dict):
        if not isinstance(js, dict) or set(js) != set(py):
            return [f"{path}: keys {sorted(js) if isinstance(js, dict) else js!r} != {sorted(py)}"]
        return [d for k in py for d in differences(js[k], py[k], f"{path}.{k}")]
    if isinstance(py, (list, tuple)):
        if not isinstance(js, list) or len(js) != len(py):
            return [f"{path}: {js!r} != {py!r}"]
        return [d for i, (a, b) in enumerate(zip(js, py, strict=True)) for d in differences(a, b, f"{path}[{i}]")]
    if py is None or isinstance(py, (str, bool)) or js is None:
        return [] if js == py else [f"{path}: {js!r} != {py!r}"]
    return [] if math.isclose(js, py, rel_tol=1e-9, abs_tol=1e-9) else [f"{path}: {js!r} != {py!r}"]


# --- random inputs -------------------------------------------------------------------------------

WEIGHT = st.floats(min_value=0.01, max_value=1, allow_nan=False)
VALUE = st.one_of(st.none(), st.floats(min_value=0, max_value=1e6, allow_nan=False),
                  st.integers(min_value=0, max_value=30).map(float), st.sampled_from([0.0, 1.0, 2.5, 50.0]))


@st.composite
def params(draw) -> dict:
    dims = [f"d{i}" for i in range(draw(st.integers(1, 3)))]
    indicators = []
    for dim in dims:
        for j in range(draw(st.integers(1, 3))):
            ref = draw(st.one_of(st.none(), st.tuples(st.floats(0, 100), st.floats(0, 200))))
            indicators.append({"id": f"{dim}-i{j}", "dimension": dim, "direction": draw(st.sampled_from("+-")),
                               "weight": draw(WEIGHT), "ref_min": None if ref is None else ref[0],
                               "ref_max": None if ref is None else ref[1], "min": 0.0, "max": None})
    levels = draw(st.integers(2, 5))
    criteria = [{"id": "p1", "group": "potential"}, {"id": "r1", "group": "readiness"}]
    criteria += draw(st.lists(st.sampled_from([{"id": "p2", "group": "potential"}, {"id": "r2", "group": "readiness"}]),
                              max_size=2, unique_by=lambda c: c["id"]))
    return {"scale": 100.0, "dimensions": [{"id": d, "weight": draw(WEIGHT)} for d in dims], "indicators": indicators,
            "criteria": criteria, "levels": levels, "qualitative_share": draw(st.floats(0, 1)),
            "lq_cap": draw(st.floats(0.1, 5)), "threshold": draw(st.sampled_from([50.0, 45.0, 0.0, 100.0, 33.3])),
            "min_weight_share": draw(st.sampled_from([0.5, 1.0, 0.25, 0.01]))}


@st.composite
def case(draw) -> dict:
    p = draw(params())
    names = draw(st.lists(st.text("abcdefg", min_size=1, max_size=4), max_size=6, unique=True))
    units = [{"name": n, "values": {i["id"]: draw(VALUE) for i in p["indicators"]}} for n in names]
    count = st.one_of(st.none(), st.integers(0, 500).map(float))
    rows = [{"name": f"s{k}", "local": draw(count), "region": draw(count),
             "levels": {c["id"]: draw(st.one_of(st.none(), st.integers(1, p["levels"]))) for c in p["criteria"]}}
            for k in range(draw(st.integers(0, 5)))]
    local_total = draw(st.one_of(st.none(), st.just(0.0), st.floats(1, 1e5)))
    table = {"local_total": local_total, "region_total": draw(st.floats(1, 1e6)), "rows": rows}
    sectors = draw(st.one_of(st.none(), st.just(table)))
    return {"kind": "compute", "params": p, "units": units, "sectors": sectors}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(case(), min_size=1, max_size=12))
def test_browser_script_computes_the_same_results_as_python(cases):
    for job, js in zip(cases, run_js(cases), strict=True):
        py = calculate(job["params"], job["units"], job["sectors"])
        assert differences(js, py) == [], json.dumps(job)


@pytest.fixture(scope="module")
def model() -> dict:
    from kgo.rules import load

    return load()[0]["valorization"]


def test_browser_script_computes_the_worked_example(model):
    params = method_params(model)
    units = example_units(model)
    sectors = example_sectors(model, "primer")
    (js,) = run_js([{"kind": "compute", "params": params, "units": units, "sectors": sectors}])
    assert differences(js, calculate(params, units, sectors)) == []
    ex = compute_example(model)
    assert js["rank"] == [ex.ranks[u] for u in ex.units]
    assert [s["quadrant"] for s in js["sectors"]] == [ex.matrix["primer"][s["name"]]["quadrant"] for s in js["sectors"]]


# --- reading files: the messages name the row and the column -------------------------------------

SPEC = {"unit_code": "unit", "indicators": [{"id": "a", "min": 0, "max": 100}, {"id": "b", "min": 0, "max": None}]}
SECTOR_SPEC = {"sector_code": "sector", "local_code": "local", "region_code": "region", "total_code": "total",
               "criteria": ["p1", "r1"], "levels": 4}


def read(text, spec=SPEC, kind="units"):
    (out,) = run_js([{"kind": kind, "text": text, "spec": spec}])
    return out


def keys(messages):
    return [(m["key"], m["args"]) for m in messages]


def test_a_good_file_with_labels_above_the_codes_and_decimal_commas():
    out = read("\ufeffName;A;B\nunit;a;b\nX;4,5;7\nY;5;\n\n")
    assert out["problems"] == []
    assert out["units"] == [{"name": "X", "values": {"a": 4.5, "b": 7}}, {"name": "Y", "values": {"a": 5, "b": None}}]
    assert keys(out["notices"]) == [("missing_values", [4, "Y", "b"])]


def test_bad_files_name_row_and_column():
    assert keys(read("unit,a\nX,1\n")["problems"]) == [("missing_column", ["b"])]
    assert keys(read("x,y\n1,2\n")["problems"]) == [("no_header", ["unit"])]
    assert keys(read("unit,a,b\nX,1,abc\n")["problems"]) == [("not_a_number", [2, "b (C)", "abc"])]
    assert keys(read("unit,a,b\nX,101,1\n")["problems"]) == [("out_of_range", [2, "a (B)", "101", 0, 100])]
    assert keys(read("unit,a,b\n,1,2\n")["problems"]) == [("no_name", [2, "unit (A)"])]
    out = read("unit,a,b\nX,1,2\n,,\nY,2,3\n")
    assert out["problems"] == [] and keys(out["notices"]) == [("empty_row", [3])]
    assert keys(read("unit,a,b\nX,1,2\nX,2,3\n")["problems"]) == [("duplicate_name", [3, "X", 2])]
    assert keys(read("unit,a,b\n")["problems"]) == [("no_units", [])]


def test_sector_file():
    text = "sector,local,region,p1,r1\ntotal,100,1000,,\nweaving,10,20,4,2\npottery,5,50,,\n"
    good = read(text, SECTOR_SPEC, "sectors")
    assert good["problems"] == []
    assert good["sectors"]["local_total"] == 100 and good["sectors"]["rows"][0]["levels"] == {"p1": 4, "r1": 2}
    assert keys(read("sector,local,region,p1,r1\nweaving,10,20,4,2\n", SECTOR_SPEC, "sectors")["problems"]) == [
        ("no_total", ["total", "sector"])]
    bad = read("sector,local,region,p1,r1\ntotal,100,1000,,\nw,1,2,5,1\n", SECTOR_SPEC, "sectors")
    assert keys(bad["problems"]) == [
        ("bad_level", [3, "p1 (D)", "5", 4])]
