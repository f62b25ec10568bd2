"""The spreadsheet calculator: built from the data, every result a live formula, reproducible bytes,
and — recalculated by LibreOffice headless — the same numbers as the Python method, for the worked
example and for random inputs (missing values, reference values, other parameters)."""

from __future__ import annotations

import copy
import io
import json
import math
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from kgo.calculator import csvfiles
from kgo.calculator.build import example_inputs, workbook
from kgo.calculator.files import build_time, calculator_files, site_path
from kgo.calculator.layout import CODE_ROW, LABEL_ROW, SHEETS, TOTAL_CODE, UNIT_CODE, Layout
from kgo.calculator.ods import write_ods
from kgo.calculator.xlsx import write_xlsx
from kgo.editions.model import CODES
from kgo.methods.valorization import calculate, method_params
from tests.tools import need

EPOCH = 1700000000


@pytest.fixture(scope="module")
def datasets() -> dict:
    from kgo.rules import load

    data, errors = load()
    assert not errors
    return data


@pytest.fixture(scope="module")
def files(datasets) -> dict[str, bytes]:
    return calculator_files(datasets, EPOCH)


def recalculate(paths: list[Path], out: Path) -> list[Path]:
    """Every file converted to XLSX by LibreOffice headless (which computes every formula)."""
    out.mkdir(parents=True, exist_ok=True)
    profile = (out / "profile").as_uri()
    done = subprocess.run([need("soffice"), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx",
                           "--outdir", str(out / "xlsx"), *map(str, paths)],
                          capture_output=True, text=True, timeout=600, check=False)
    results = [out / "xlsx" / (p.stem + ".xlsx") for p in paths]
    missing = [r for r in results if not r.exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {done.stdout}\n{done.stderr}"
    return results


def read_results(path: Path, params: dict, n_units: int, n_sectors: int) -> dict:
    """The recalculated results, in the shape of kgo.methods.valorization.calculate()."""
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True)
    sheets = dict(zip(SHEETS, book.worksheets, strict=True))
    layout = Layout.of(params)

    def value(sheet, row, col):
        v = sheets[sheet].cell(row=row, column=col).value
        return None if v in (None, "") else v

    units = list(layout.unit_rows)[:n_units]
    rows = list(layout.result_sector_rows)[:n_sectors]
    return {
        "normalised": [{i: value("normalised", r, layout.indicator_col(i)) for i in layout.indicators} for r in units],
        "dimensions": [{d: value("dimensions", r, layout.dimension_col(d)) for d in layout.dimensions} for r in units],
        "index": [value("index", r, 2) for r in units],
        "rank": [None if value("index", r, 3) is None else int(value("index", r, 3)) for r in units],
        "sectors": [{"lq": value("lq", r, 4), "concentration": value("lq", r, 5), "potential": value("matrix", r, 4),
                     "readiness": value("matrix", r, 5), "quadrant": value("matrix", r, 6)} for r in rows],
    }


def differences(sheet, py, path="result") -> list[str]:
    if isinstance(py, dict):
        return [d for k in py for d in differences(sheet[k], py[k], f"{path}.{k}")]
    if isinstance(py, list):
        if len(sheet) != len(py):
            return [f"{path}: {sheet!r} != {py!r}"]
        return [d for i, (a, b) in enumerate(zip(sheet, py, strict=True)) for d in differences(a, b, f"{path}[{i}]")]
    if py is None or isinstance(py, str) or sheet is None or isinstance(sheet, str):
        return [] if sheet == py else [f"{path}: {sheet!r} != {py!r}"]
    return [] if math.isclose(sheet, py, rel_tol=1e-9, abs_tol=1e-9) else [f"{path}: {sheet!r} != {py!r}"]


def expected(params, units, table) -> dict:
    result = calculate(params, units, table)
    keys = ("lq", "concentration", "potential", "readiness", "quadrant")
    return {"normalised": result["normalised"], "dimensions": result["dimensions"], "index": result["index"],
            "rank": result["rank"], "sectors": [{k: s[k] for k in keys} for s in result["sectors"]]}


# --- the published files ---------------------------------------------------------------------

def test_every_edition_gets_every_file(files):
    for lang in CODES:
        for kind in ("xlsx", "ods", "units-template", "sectors-template", "units-example", "sectors-example",
                     "results-example"):
            assert site_path(kind, lang) in files, (kind, lang)


def test_bytes_are_reproducible(datasets, files):
    again = calculator_files(datasets, EPOCH)
    assert again == files
    for name, data in files.items():
        if name.endswith((".xlsx", ".ods")):
            entries = zipfile.ZipFile(io.BytesIO(data)).infolist()
            assert {e.date_time for e in entries} == {build_time(EPOCH).timetuple()[:6]}, name
    ods = zipfile.ZipFile(io.BytesIO(files[site_path("ods", "sr")]))
    assert ods.infolist()[0].filename == "mimetype" and ods.infolist()[0].compress_type == zipfile.ZIP_STORED


def test_input_sheet_has_labels_above_the_codes_of_the_data(datasets):
    import openpyxl

    model = datasets["valorization"]
    for lang in CODES:
        book = openpyxl.load_workbook(io.BytesIO(calculator_files(datasets, EPOCH)[site_path("xlsx", lang)]))
        sheet = book.worksheets[SHEETS.index("input")]
        codes = [c.value for c in sheet[CODE_ROW]]
        assert codes == [UNIT_CODE, *(i["id"] for i in model["indicators"])]
        assert all(c.value for c in sheet[LABEL_ROW])
        # inputs are validated: one rule per indicator column, with a range from the data
        ranges = {str(dv.sqref).split(":")[0][0]: dv for dv in sheet.data_validations.dataValidation}
        assert len(sheet.data_validations.dataValidation) == len(model["indicators"])
        assert all(dv.showErrorMessage for dv in ranges.values())
        sectors = book.worksheets[SHEETS.index("sectors")]
        assert sectors.cell(row=5, column=1).value == TOTAL_CODE


def test_every_result_is_a_formula(datasets, files):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(files[site_path("xlsx", "en")]))
    for code in ("checks", "normalised", "dimensions", "index", "lq", "matrix"):
        sheet = book.worksheets[SHEETS.index(code)]
        for row in sheet.iter_rows(min_row=CODE_ROW + 1):
            for cell in row:
                assert cell.value is None or str(cell.value).startswith("="), (code, cell.coordinate, cell.value)
    params = book.worksheets[SHEETS.index("params")]
    values = [c.value for row in params.iter_rows() for c in row]
    model = datasets["valorization"]["prioritisation"]
    for number in (model["qualitative_share"], model["lq_cap"], model["threshold"]):
        assert number in values


def test_ods_has_formulas_and_validations(files):
    content = zipfile.ZipFile(io.BytesIO(files[site_path("ods", "sr")])).read("content.xml").decode()
    assert content.count('table:formula="of:=') > 1000
    assert "table:content-validation " in content and "table:content-validation-name=" in content
    # results carry no value computed in Python: a formula cell has no cached office:value
    assert not re.search(r'<table:table-cell[^>]*table:formula="[^"]*"[^>]*office:value=', content)


def test_instructions_name_the_sheets(datasets):
    from kgo.calculator.build import sheet_titles
    from kgo.text import t

    for lang in CODES:
        titles = set(sheet_titles(datasets["valorization"], lang).values())
        for line in datasets["valorization"]["calculator"]["instructions"]:
            for quoted in re.findall(r"[„“]([^”]+)”", t(line, lang)):
                if quoted != TOTAL_CODE:
                    assert quoted in titles, (lang, quoted)


def test_results_csv_is_the_python_result(datasets):
    model, sectors = datasets["valorization"], datasets["sectors"]
    units, _ = example_inputs(model, sectors, "en")
    text = csvfiles.results_csv(model, sectors, "en")
    header = text.splitlines()[0].split(",")
    assert header == ["unit", "index", "rank", *(d["id"] for d in model["dimensions"])]
    result = calculate(method_params(model), units)
    first = next(line for line in text.splitlines()[1:] if line.startswith(units[0]["name"]))
    assert first.split(",")[1] == f"{result['index'][0]:.2f}"


# --- LibreOffice recalculates the same numbers ---------------------------------------------------

def test_libreoffice_recalculates_the_example(datasets, files, tmp_path):
    model, sectors = datasets["valorization"], datasets["sectors"]
    params = method_params(model)
    paths = []
    for lang in ("sr", "cyr", "en"):
        for kind in ("xlsx", "ods"):
            path = tmp_path / f"example-{lang}.{kind}"
            path.write_bytes(files[site_path(kind, lang)])
            paths.append(path)
    for path, converted in zip(paths, recalculate(paths, tmp_path / "out"), strict=True):
        lang = path.stem.split("-")[1]
        units, table = example_inputs(model, sectors, lang)
        got = read_results(converted, params, len(units), len(table["rows"]))
        assert differences(got, expected(params, units, table)) == [], path.name


@st.composite
def cases(draw, base: dict) -> tuple[dict, list, dict]:
    params = copy.deepcopy(base)
    weight = st.floats(0.05, 1)
    for dim in params["dimensions"]:
        dim["weight"] = draw(weight)
    for ind in params["indicators"]:
        ind["weight"] = draw(weight)
        ind["direction"] = draw(st.sampled_from("+-"))
        if draw(st.booleans()) and draw(st.booleans()):
            ind["ref_min"], ind["ref_max"] = sorted([draw(st.floats(0, 50)), draw(st.floats(0, 100))])
    params["qualitative_share"] = draw(st.floats(0, 1))
    params["lq_cap"] = draw(st.floats(0.5, 4))
    params["threshold"] = draw(st.sampled_from([50.0, 45.0, 55.0, 37.5]))
    params["min_weight_share"] = draw(st.sampled_from([0.5, 0.3, 1.0]))
    value = st.one_of(st.none(), st.floats(0, 100), st.integers(0, 20).map(float))
    units = [{"name": f"u{k}", "values": {i["id"]: draw(value) for i in params["indicators"]}}
             for k in range(draw(st.integers(1, 8)))]
    count = st.one_of(st.none(), st.integers(0, 400).map(float))
    level = st.one_of(st.none(), st.integers(1, params["levels"]))
    rows = [{"name": f"s{k}", "local": draw(count), "region": draw(count),
             "levels": {c["id"]: draw(level) for c in params["criteria"]}} for k in range(draw(st.integers(0, 8)))]
    table = {"local_total": draw(st.sampled_from([0.0, 500.0, 9400.0])), "region_total": 182000.0, "rows": rows}
    return params, units, table


def test_libreoffice_recalculates_random_inputs(datasets, tmp_path_factory):
    model, sectors = datasets["valorization"], datasets["sectors"]
    base = method_params(model)

    @settings(max_examples=2, deadline=None, phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                     HealthCheck.function_scoped_fixture])
    @given(st.lists(cases(base), min_size=4, max_size=6))
    def check(batch):
        folder = tmp_path_factory.mktemp("random")
        when = build_time(EPOCH)
        paths = []
        for n, (params, units, table) in enumerate(batch):
            book = workbook(model, sectors, "sr", (params, units, table))
            for kind, write in (("xlsx", write_xlsx), ("ods", write_ods)):
                path = folder / f"case{n}-{kind}.{kind}"
                path.write_bytes(write(book, when))
                paths.append((path, n))
        converted = recalculate([p for p, _ in paths], folder / "out")
        for (path, n), result in zip(paths, converted, strict=True):
            params, units, table = batch[n]
            got = read_results(result, params, len(units), len(table["rows"]))
            problems = differences(got, expected(params, units, table))
            assert problems == [], f"{path.name}: {problems[:5]}\n{json.dumps(batch[n])}"

    check()
