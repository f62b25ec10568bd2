"""Markers: found with their line, unknown ones and bad arguments reported, output escaped."""

from __future__ import annotations

import pytest

from kgo.render.markers import RenderContext, check_markers, expand_markers, find_markers, renderer
from kgo.text import fmt_number, t


@renderer("testdata", "echo")
def _echo(ctx, word: str = "none") -> str:
    return ctx.render("templates_table.html", template={
        "id": "t", "title": {"sr": "Naslov", "en": "Title"}, "columns": [{"sr": word, "en": word}]},
        csv_url="x.csv")


DATA = {"testdata": {}}
RENDERERS = {("testdata", "echo"): _echo}


def test_markers_are_found_with_their_lines():
    text = "# T\n\n<!-- data: testdata echo word=a -->\n\ntext\n\n<!-- data: testdata echo -->\n"
    markers, errors = find_markers(text, "docs/sr/x.md")
    assert errors == []
    assert [(m.dataset, m.view, m.args, m.line) for m in markers] == [
        ("testdata", "echo", {"word": "a"}, 3), ("testdata", "echo", {}, 7)]


def test_unknown_marker_dataset_view_and_argument_are_all_reported():
    text = ("<!-- data: testdata nope -->\n<!-- data: nothing table -->\n"
            "<!-- data: testdata echo colour=red -->\n<!-- data testdata echo -->\n")
    messages = [str(e) for e in check_markers(text, "docs/sr/x.md", DATA, RENDERERS)]
    assert messages[0] == "docs/sr/x.md:4: malformed marker '<!-- data testdata echo -->'; " \
                          "write <!-- data: DATASET VIEW key=value -->"
    assert messages[1] == "docs/sr/x.md:1: unknown marker 'testdata nope'; known views of 'testdata': echo"
    assert messages[2] == "docs/sr/x.md:2: unknown marker 'nothing table'; known datasets: testdata"
    assert messages[3] == "docs/sr/x.md:3: marker 'testdata echo' takes no argument 'colour'; allowed: word"


def test_expansion_replaces_the_marker_and_escapes_data():
    text = "before\n\n<!-- data: testdata echo word=<script>alert(1)</script> -->\n\nafter\n"
    html = expand_markers(text, RenderContext(DATA, "en", "index.md"), renderers=RENDERERS)
    assert "<!-- data:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert html.startswith("before") and html.rstrip().endswith("after")


def test_number_format_per_edition():
    assert fmt_number(49601, "sr") == "49.601"
    assert fmt_number(1232.5, "sr", 1) == "1.232,5"
    assert fmt_number(1232.5, "cyr", 1) == "1.232,5"
    assert fmt_number(49601, "en") == "49,601"
    assert fmt_number(1232.5, "en", 1) == "1,232.5"


def test_text_picks_the_edition_and_transliterates_for_cyrillic():
    text = {"sr": "Opština Aleksinac", "en": "Municipality of Aleksinac"}
    assert t(text, "sr") == "Opština Aleksinac"
    assert t(text, "en") == "Municipality of Aleksinac"
    assert t(text, "cyr") == "Општина Алексинац"
    assert t({**text, "cyr": "Општина Алексинац (званично)"}, "cyr") == "Општина Алексинац (званично)"


def test_links_are_relative_to_the_page():
    ctx = RenderContext(DATA, "sr", "prirucnik/mere.md")
    assert ctx.link("usluge.md") == "../../usluge/"
    assert ctx.link("prirucnik/index.md#x") == "../#x"
    assert RenderContext(DATA, "en", "index.md").file_url("obrasci/a.csv") == "../obrasci/a.csv"
    assert RenderContext(DATA, "sr", "prirucnik/obrasci.md").file_url("obrasci/a.csv") == "../../obrasci/a.csv"


def test_label_of_reads_another_datasets_word_in_the_editions_language():
    data = {"testdata": {"labels": {"caption": {"sr": "Tabela", "en": "Table"}}},
            "municipalities": {"labels": {"seat": {"sr": "Sedište", "en": "Seat"},
                                          "kind": {"sr": "Vrsta: {kind}", "en": "Kind: {kind}"}}}}
    words = {lang: RenderContext(data, lang).bound("testdata") for lang in ("sr", "cyr", "en")}
    assert [words[lang].label_of("municipalities", "seat") for lang in words] == ["Sedište", "Седиште", "Seat"]
    assert words["cyr"].label_of("municipalities", "kind", kind="grad") == "Врста: град"
    # ctx.label is the same lookup in the bound dataset.
    assert [words[lang].label("caption") for lang in words] == ["Tabela", "Табела", "Table"]
    with pytest.raises(KeyError, match=r"'nope' is missing from the 'labels' block of data/municipalities\.yaml"):
        words["sr"].label_of("municipalities", "nope")
    with pytest.raises(KeyError, match=r"'nope' is missing from the 'labels' block of data/testdata\.yaml"):
        words["sr"].label("nope")
    with pytest.raises(KeyError, match=r"data/sectors\.yaml, which was not loaded"):
        words["sr"].label_of("sectors", "seat")
