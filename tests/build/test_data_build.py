"""Data in the built site: every marker filled in every edition, values escaped, and a bad value
stopping the build with its file and line while the previous site stays as it was."""

from __future__ import annotations

import re

import pytest

from tests.conftest import copy_project, run_build

pytestmark = pytest.mark.slow

NETWORK = {"": "Aleksinac", "sr-Cyrl/": "Алексинац", "en/": "Municipality of Aleksinac"}


def test_no_marker_is_left_in_any_page(site):
    leaks = [str(p.relative_to(site)) for p in site.rglob("*.html") if "<!-- data:" in p.read_text(encoding="utf-8")]
    assert not leaks, f"unfilled markers in: {leaks[:10]}"


@pytest.mark.parametrize("prefix", NETWORK)
def test_the_network_table_is_rendered_in_each_edition(site, prefix):
    html = (site / prefix / "mreza" / "index.html").read_text(encoding="utf-8")
    assert "<caption>" in html and NETWORK[prefix] in html
    number = {"": "43.098", "sr-Cyrl/": "43.098", "en/": "43,098"}[prefix]
    assert re.search(rf">\s*{re.escape(number)}", html), f"population not formatted as {number}"


def test_script_in_data_is_escaped_and_a_bad_value_keeps_the_previous_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    data = project / "data" / "municipalities.yaml"
    original = data.read_text(encoding="utf-8")

    injected = original.replace("seat: {sr: Aleksinac,", "seat: {sr: 'Aleksinac<script>alert(1)</script>',", 1)
    assert injected != original
    data.write_text(injected, encoding="utf-8")
    first = run_build(project, site, KGO_PDF="0")
    assert first.returncode == 0, first.stderr[-3000:]
    page = site / "mreza" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "Aleksinac&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    before = page.read_bytes()

    lines = injected.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if "value: 43098" in line)
    lines[number] = lines[number].replace("value: 43098", "value: mnogo")
    data.write_text("".join(lines), encoding="utf-8")
    second = run_build(project, site, KGO_PDF="0")
    assert second.returncode != 0
    expected = (f"data/municipalities.yaml:{number + 1}: municipalities[1].population_2022.value: "
                "expected integer, found \"mnogo\"")
    assert expected in second.stderr, second.stderr[-3000:]
    assert second.stderr.count(f"municipalities.yaml:{number + 1}:") == 1, "one problem, one message"
    assert page.read_bytes() == before, "a failed build changed the previous site"
