"""Model acts (data/model_acts.yaml) and their renderer (kgo/render/renderers/model_acts.py).

Every model the Handbook promises exists; every one rests on a legal basis with sources; sections
and articles are numbered with Arabic numbers only; tables have one cell per column; and the page
shows every text of every block, in each edition.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from markupsafe import escape

from kgo.render.markers import RenderContext
from kgo.render.reference import source_texts
from kgo.render.renderers.model_acts import model_act, model_acts_list, model_blocks

ROOT = Path(__file__).resolve().parents[2]
DATA = yaml.safe_load((ROOT / "data" / "model_acts.yaml").read_text(encoding="utf-8"))
MODELS = {m["id"]: m for m in DATA["models"]}

EXPECTED_IDS = {
    "act-start",
    "act-working-group",
    "act-public-call",
    "act-consultation-report",
    "act-council-decision",
    "programme-outline",
    "action-plan",
}
# A Roman numeral used as a number: "IV." or "XI)" at the start of a text.
ROMAN_NUMBER = re.compile(r"^\s*(?=[IVXLC])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\s*[.)]\s")


def texts(value: Any) -> Iterator[dict[str, str]]:
    """Every bilingual text {sr, en} inside a value (a block, a table row, …)."""
    if isinstance(value, dict):
        if "sr" in value and "en" in value:
            yield value
            return
        for sub in value.values():
            yield from texts(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from texts(sub)


def render(model_id: str, lang: str) -> str:
    ctx = RenderContext(data={"model_acts": DATA}, lang=lang, page="prirucnik/modeli-akata.md")
    return model_act(ctx, id=model_id)


def test_every_promised_model_exists():
    assert set(MODELS) == EXPECTED_IDS


@pytest.mark.parametrize("model_id", sorted(EXPECTED_IDS))
def test_legal_basis_has_sources(model_id):
    basis = MODELS[model_id]["legal_basis"]
    assert basis, f"{model_id}: no legal basis"
    for item in basis:
        assert item["article"]["sr"] and item["article"]["en"]
        assert item["sources"], f"{model_id}: {item['act']['sr']} has no source"
        for source in item["sources"]:
            assert source["title"] and source["publisher"] and source["date"]
            assert source.get("url", "").startswith("http"), f"{model_id}: source without address"
            assert source.get("accessed") == "2026-12-06"


@pytest.mark.parametrize("model_id", sorted(EXPECTED_IDS))
def test_no_roman_section_numbers(model_id):
    for block in MODELS[model_id]["body"]:
        if block["type"] == "article":
            assert isinstance(block["number"], int) and block["number"] >= 1
        for text in texts(block):
            for lang in ("sr", "en"):
                assert not ROMAN_NUMBER.match(text[lang]), f"{model_id}: Roman numeral in {text[lang]!r}"


@pytest.mark.parametrize("model_id", sorted(EXPECTED_IDS))
def test_articles_are_numbered_in_order(model_id):
    """'Član 1.', 'Član 2.' … without gaps; the explanatory statement's sections start again at 1."""
    runs: dict[str, list[int]] = {}
    for block in MODELS[model_id]["body"]:
        if block["type"] == "heading":
            runs = {}
        if block["type"] == "article":
            numbering = block.get("numbering", "article")
            runs.setdefault(numbering, []).append(block["number"])
            numbers = runs[numbering]
            assert numbers == list(range(1, len(numbers) + 1)), f"{model_id}: {numbering} numbers {numbers}"


@pytest.mark.parametrize("model_id", sorted(EXPECTED_IDS))
def test_table_rows_match_columns(model_id):
    for block in MODELS[model_id]["body"]:
        if block["type"] == "table":
            for row in block.get("rows", []):
                assert len(row) == len(block["columns"]), f"{model_id}: {block['caption']['sr']}"


def test_blanks_use_brackets_consistently():
    """The name of the local government is always the same blank, in both languages."""
    for model in DATA["models"]:
        for text in texts(model["body"]):
            assert "[naziv opštine]" not in text["sr"] and "[name of municipality]" not in text["en"]
            if "[naziv jedinice lokalne samouprave]" in text["sr"]:
                assert "[name of the local government]" in text["en"], text["en"]
            assert text["sr"].count("[") == text["sr"].count("]"), text["sr"]
            assert text["en"].count("[") == text["en"].count("]"), text["en"]


@pytest.mark.parametrize("lang", ["sr", "en", "cyr"])
@pytest.mark.parametrize("model_id", sorted(EXPECTED_IDS))
def test_page_shows_every_block_text(model_id, lang):
    out = render(model_id, lang)
    ctx = RenderContext(data={"model_acts": DATA}, lang=lang)
    for text in texts(MODELS[model_id]["body"]):
        assert str(escape(ctx.t(text))) in out, ctx.t(text)
    for item in MODELS[model_id]["legal_basis"]:
        assert str(escape(ctx.t(item["summary"]))) in out
        for source in item["sources"]:
            assert str(source_texts(source, lang)["title"]) in out  # Cyrillic when the title is Serbian
    assert "\n\n" not in out, "a blank line would end the HTML block in Markdown"


def test_page_structure_and_language():
    out = render("act-start", "sr")
    assert "<caption>" in out and '<th scope="col">' in out
    assert "<strong>Član 1.</strong>" in out and "<strong>Član 8.</strong>" in out
    assert "1) utvrđivanja stanja" in out  # numbered points keep the "1)" style of Serbian acts
    assert "translation for information" not in out
    english = render("act-start", "en")
    assert "<strong>Article 1</strong>" in english and "translation for information only" in english
    cyrillic = render("act-start", "cyr")
    assert "<strong>Члан 1.</strong>" in cyrillic and "[назив јединице локалне самоуправе]" in cyrillic
    outline = render("programme-outline", "sr")
    assert "<strong>1. Uvod</strong>" in outline  # sections: Arabic number and title


def test_blank_rows_are_added():
    ctx = RenderContext(data={"model_acts": DATA}, lang="sr")
    blocks = model_blocks(ctx, MODELS["act-public-call"])
    schedule = next(b for b in blocks if b["type"] == "table")
    assert schedule["rows"] == [["", "", "", ""]] * 3


def test_list_links_every_model():
    ctx = RenderContext(data={"model_acts": DATA}, lang="en")
    out = model_acts_list(ctx)
    for model_id in EXPECTED_IDS:
        assert f'href="#{model_id}"' in out


def test_every_model_has_a_section_in_both_editions():
    for lang in ("sr", "en"):
        page = (ROOT / "docs" / lang / "prirucnik" / "modeli-akata.md").read_text(encoding="utf-8")
        for model_id in EXPECTED_IDS:
            assert f"{{#{model_id}}}" in page
            assert f"<!-- data: model_acts act id={model_id} -->" in page


def test_unknown_model_names_the_known_ones():
    with pytest.raises(KeyError, match="known: act-start"):
        render("act-unknown", "sr")
