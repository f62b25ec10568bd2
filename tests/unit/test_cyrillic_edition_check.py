"""The check of the built Cyrillic edition (kgo.checks.cyrillic_edition) on a small made-up site:
English words transliterated into nonsense, and Serbian words left in Latin, each named with its
page; foreign-language elements, code, addresses, {lat} words and the data's ids are left alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgo.checks.cyrillic_edition import Finding, article_text, check_site, left_in_latin, markdown_of, to_latin
from tests.tools import need

ARTICLE = """<!doctype html><html lang="sr-Cyrl"><body>
<nav>Vlada menu outside the article</nav>
<article class="md-content__inner">
<p>Лиценца Цреативе Цоммонс. Извор: Vlada Republike Srbije.</p>
<p><span lang="en">United Nations General Assembly</span>:
<a href="#"><span lang="en">Transforming our world</span></a></p>
<p>Код <code>Vlada</code>, адреса https://example.org/Vlada, датотека plan.csv, ознака KI-1.1, skl-training.</p>
<p>Водич Toolkit, у XXI веку, Wi-Fi.</p>
</article></body></html>"""


def make_site(tmp_path: Path) -> tuple[Path, Path, Path]:
    site, docs, data = tmp_path / "site", tmp_path / "docs" / "sr", tmp_path / "data"
    (site / "sr-Cyrl" / "strana").mkdir(parents=True)
    (site / "sr-Cyrl" / "strana" / "index.html").write_text(ARTICLE, encoding="utf-8")
    docs.mkdir(parents=True)
    (docs / "strana.md").write_text("# Strana\n\nLicenca Creative Commons.\n\nVodič {lat}Toolkit{/lat}.\n",
                                    encoding="utf-8")
    data.mkdir()
    (data / "indicators.yaml").write_text("indicators:\n  - id: skl-training\n", encoding="utf-8")
    return site, docs, data


def test_to_latin_undoes_the_transliteration():
    assert to_latin("Цреативе") == "Creative"
    assert to_latin("Љубав") == "Ljubav" and to_latin("ЉУБАВ") == "LJUBAV"
    assert to_latin("џем") == "džem" and to_latin("Њујорк") == "Njujork"


def test_article_text_leaves_out_the_navigation_foreign_elements_code_and_addresses(tmp_path):
    text = article_text(ARTICLE)
    assert "menu" not in text and "United" not in text and "Transforming" not in text
    assert "example.org" not in text and "plan.csv" not in text and "KI-1.1" not in text
    assert "Vlada Republike Srbije" in text and text.count("Vlada") == 1  # the <code> one is left out


def test_latin_that_the_transliteration_keeps_is_not_a_finding():
    found = left_in_latin("Vlada, Wi-Fi, XXI, Toolkit, skl-training, Creative, Vlada", {"Toolkit"})
    assert found == ["Vlada", "skl-training"]  # each once; Creative is kept Latin by the exception list


def test_markdown_of_a_built_page(tmp_path):
    _, docs, _ = make_site(tmp_path)
    (docs / "deo").mkdir()
    (docs / "deo" / "index.md").write_text("# Deo\n", encoding="utf-8")
    (docs / "index.md").write_text("# Početna\n", encoding="utf-8")
    assert markdown_of("sr-Cyrl/strana/index.html", docs) == docs / "strana.md"
    assert markdown_of("sr-Cyrl/deo/index.html", docs) == docs / "deo" / "index.md"
    assert markdown_of("sr-Cyrl/index.html", docs) == docs / "index.md"
    assert markdown_of("sr-Cyrl/nema/index.html", docs) is None


def test_the_check_names_both_kinds_with_page_and_fix(tmp_path):
    need("hunspell")
    site, docs, data = make_site(tmp_path)
    findings = check_site(site, docs=docs, data=data)
    english = {(f.word, f.latin) for f in findings if f.kind == "english"}
    latin = {f.word for f in findings if f.kind == "latin"}
    assert english == {("Цреативе", "Creative"), ("Цоммонс", "Commons")}
    assert latin == {"Vlada", "Republike", "Srbije"}
    creative = next(f for f in findings if f.word == "Цреативе")
    assert creative.source == "docs/sr/strana.md:3" and "{lat}Creative{/lat}" in str(creative)
    vlada = next(f for f in findings if f.word == "Vlada")
    assert "sr-Cyrl/strana/index.html (from data/)" in str(vlada) and "lang: en" in str(vlada)


def test_a_site_without_the_cyrillic_edition_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="build the site first"):
        check_site(tmp_path, docs=tmp_path, data=tmp_path)


def test_a_finding_reads_as_a_line_to_fix():
    line = str(Finding("sr-Cyrl/a/index.html", "Еуростат", "english", "Eurostat", "docs/sr/a.md:4"))
    assert line.startswith("docs/sr/a.md:4 (sr-Cyrl/a/index.html): 'Еуростат'")
