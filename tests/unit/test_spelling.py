"""The spelling check: prose only, file:line for every unknown word, project word lists, and the
Cyrillic edition checked with the Cyrillic dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from kgo.checks import prose, spelling
from tests.tools import need


@pytest.fixture(autouse=True)
def _hunspell():
    need("hunspell")


def page(tmp_path: Path, lang: str, text: str, name: str = "strana.md") -> Path:
    path = tmp_path / "docs" / lang / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def wordlist(tmp_path: Path, name: str, *words: str) -> Path:
    path = tmp_path / name
    path.write_text("# project words, one per line\n" + "".join(f"{w}\n" for w in words), encoding="utf-8")
    return path


def test_a_planted_typo_is_reported_with_file_and_line(tmp_path):
    path = page(tmp_path, "sr", "# Naslov\n\nOpština ima kuću.\n\nOva rečenica ima grešku: kućaaa.\n")
    report = spelling.check([(path, "sr")], wordlists={})
    assert [(f.line, f.word) for f in report.findings] == [(5, "kućaaa")]
    assert str(report.findings[0]) == f"{path.as_posix()}:5: unknown word 'kućaaa'"
    assert not report.ok


def test_english_pages_use_the_english_dictionary(tmp_path):
    path = page(tmp_path, "en", "# Title\n\nThe municipality has a plan.\n\nA typo: municipallity.\n")
    report = spelling.check([(path, "en")], wordlists={})
    assert [(f.line, f.word, f.lang) for f in report.findings] == [(5, "municipallity", "en")]


def test_a_word_in_the_word_list_is_accepted(tmp_path):
    path = page(tmp_path, "sr", "# Naslov\n\nAgenda Pirota i RRA JUG.\n")
    assert {f.word for f in spelling.check([(path, "sr")], wordlists={}).findings} >= {"RRA"}
    listed = wordlist(tmp_path, "sr.txt", "Pirota", "RRA")
    report = spelling.check([(path, "sr")], wordlists={"sr": listed})
    assert report.findings == []
    assert report.ok


def test_code_urls_markers_and_syntax_are_not_checked(tmp_path):
    text = (
        "---\n"
        "template: strrrana.html\n"
        "---\n"
        "# Naslov {#nasslov}\n"
        "\n"
        "Vidi [Smernice](../smernnice/indeks.md#aprr) i <https://primmer.example/putanja>, "
        "piši na kontaktt@primmer.rs, otvori `kljuuuc: vreddnost` ili plann.csv.[^fusnotta]\n"
        "\n"
        "<!-- data: municipalities tabble district=pirrot -->\n"
        "\n"
        '<span class="klasssa">Tekst</span> 2016. godine, 49.601 stanovnika.\n'
        "\n"
        "```yaml\n"
        "kljuuc: vrednnost\n"
        "```\n"
        "\n"
        "    uvuččen kood\n"
        "\n"
        '!!! tip "Savet"\n'
        "    Isti tekst.\n"
        "\n"
        "[^fusnotta]: Izvor.\n"
    )
    path = page(tmp_path, "sr", text)
    report = spelling.check([(path, "sr")], wordlists={})
    assert report.findings == [], [str(f) for f in report.findings]


def test_front_matter_title_is_prose_and_lat_text_may_be_english(tmp_path):
    text = "---\ntitle: Naslovv strane\n---\n# Naslov\n\nProgram {lat}Creative Europe{/lat} i {lat}Evropaa{/lat}.\n"
    path = page(tmp_path, "sr", text)
    found = [(f.line, f.word) for f in spelling.check([(path, "sr")], wordlists={}).findings]
    assert found == [(2, "Naslovv"), (6, "Evropaa")]


def test_prose_keeps_lines_and_blanks_the_rest():
    text, foreign = prose.prose("# Naslov {#top}\n\n`kod` i [veza](x.md) {lat}Name{/lat}\n")
    assert text.split("\n")[0].strip() == "# Naslov"
    assert text.split("\n")[2].split() == ["i", "[veza"]
    assert foreign.split() == ["Name"]
    assert text.count("\n") == foreign.count("\n") == 3


def test_the_cyrillic_edition_is_checked_with_the_cyrillic_dictionary(tmp_path):
    path = page(tmp_path, "sr", "# Naslov\n\nLjubav i kuća, Wi-Fi i Excel.\n")
    pairs = prose.cyrillic_tokens(path.read_text(encoding="utf-8"))
    assert [shown for _, shown in pairs] == ["Наслов", "Љубав", "кућа", "Wi", "Fi", "Excel"]
    listed = wordlist(tmp_path, "sr.txt", "Excel", "Fi", "Wi")
    report = spelling.check([(path, "sr")], wordlists={"sr": listed})
    assert report.findings == report.cyrillic == []
    assert report.tokens["cyr"] == report.tokens["sr"] == 6
    assert report.rate("cyr") == report.rate("sr") == 0


def test_a_wrong_transliteration_raises_the_cyrillic_rate(tmp_path, monkeypatch):
    # Without its exception "konjunktura" would become "коњунктура", which sr_RS does not know.
    path = page(tmp_path, "sr", "# Naslov\n\nKonjunktura je dobra.\n")
    monkeypatch.setattr(prose, "transliterate", _transliterate_without_exceptions)
    report = spelling.check([(path, "sr")], wordlists={})
    assert [(f.line, f.word, f.shown) for f in report.cyrillic] == [(3, "Konjunktura", "Коњунктура")]
    assert report.rate("cyr") > report.rate("sr")
    assert not report.ok
    assert "Коњунктура" in str(report.cyrillic[0])


def _transliterate_without_exceptions(text: str) -> str:
    from kgo.cyrillic import transliterate

    return transliterate(text, ())


def test_the_word_list_is_transliterated_for_the_cyrillic_check(tmp_path):
    latin = wordlist(tmp_path, "sr.txt", "Excel", "Pirota", "RRA")
    target = spelling.cyrillic_wordlist(latin, tmp_path / "cyr.txt")
    assert target.read_text(encoding="utf-8").split() == ["Excel", "Пирота", "РРА"]


def test_the_command_reports_and_fails(tmp_path, capsys):
    path = page(tmp_path, "sr", "# Naslov\n\nGreškaa.\n")
    assert spelling.main([str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path.as_posix()}:3: unknown word 'Greškaa'" in out
    assert "Unknown-word rates: sr " in out


def test_a_line_that_splits_differently_in_cyrillic_is_paired_word_by_word(monkeypatch):
    # e.g. "godine.pirot" is a file name to the Latin tokenizer but two words in Cyrillic.
    monkeypatch.setattr(prose, "transliterate", lambda text: text.replace("dva ", "").upper())
    pairs = prose.cyrillic_tokens("# Naslov\n\nJedan dva tri.\n")
    assert [(token.word, token.line, shown) for token, shown in pairs] == [
        ("Naslov", 1, "NASLOV"), ("Jedan", 3, "JEDAN"), ("dva", 3, "DVA"), ("tri", 3, "TRI")]


def test_an_unknown_word_in_lat_marks_says_so(tmp_path):
    path = page(tmp_path, "sr", "# Naslov\n\nProgram {lat}Creattive Europe{/lat}.\n")
    (finding,) = spelling.check([(path, "sr")], wordlists={}, cyrillic=False).findings
    assert finding.foreign
    assert str(finding).endswith(":3: unknown word 'Creattive' (in {lat}…{/lat}: neither English nor Serbian)")


def test_an_english_name_in_serbian_text_gets_the_lat_hint(tmp_path):
    path = page(tmp_path, "sr", "# Naslov\n\nMetod je razvio British Council.\n")
    report = spelling.check([(path, "sr")], wordlists={}, cyrillic=False)
    hints = [str(f) for f in report.findings if f.word == "Council"]
    assert hints and "wrap the name or title in {lat}…{/lat}" in hints[0]
    assert "do not add it to the word list" in hints[0]


def test_the_words_command_adds_sorted_without_repeats(tmp_path):
    from kgo.checks import wordlists

    path = wordlist(tmp_path, "sr.txt", "opština", "Pirot")
    assert wordlists.write_words(path, ["Babušnica", "Pirot", "ćilim"]) == ["Babušnica", "ćilim"]
    assert wordlists.read_wordlist(path) == ["Babušnica", "opština", "Pirot", "ćilim"]
    assert path.read_text(encoding="utf-8").startswith("# project words")
    path.write_text("b\na\na\n", encoding="utf-8")
    assert wordlists.problems(path) == ["sr.txt: not sorted or a word is listed twice; run `make words` to sort it"]
