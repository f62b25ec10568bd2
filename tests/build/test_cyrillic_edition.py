"""The Cyrillic edition: how much Latin is left in its main text, and only the kinds that should be.

Latin may remain where the transliteration leaves it on purpose: words with letters outside the
Serbian alphabet, Roman numerals, URLs, e-mail addresses and file names, text an editor protected
with {lat}…{/lat}, the words listed as Latin in data/cyrillic_exceptions.yaml, the identifiers of the
data, and sources in another language (they carry `lang` and are skipped). Anything else is a miss:
a Serbian source title or publisher must be in Cyrillic too.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from kgo.checks.cyrillic_edition import check_site, data_marked_words
from tests.conftest import ROOT, copy_project, run_build

pytestmark = pytest.mark.slow

LATIN_WORD = re.compile(r"[A-Za-zČĆĐŠŽčćđšžǅǆ]+(?:[-'’][A-Za-zČĆĐŠŽčćđšž]+)*")
FOREIGN = re.compile(r"[qwxyQWXY]|[^\x00-\x7fČĆĐŠŽčćđšž]")
ROMAN = re.compile(r"^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
URLISH = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|[\w.-]+\.(?:md|csv|json|pdf|yaml|html|rs|org|com|eu|int|net|info|biz)\b\S*")
LAT = re.compile(r"\{lat\}(.*?)\{/lat\}", re.DOTALL)
IDENTIFIER = re.compile(r"(?<![A-Za-z])[A-Z]{1,4}-?[0-9][0-9A-Za-z.]*")  # G1, KI-1.1, UTF-8
CAMEL = re.compile(r"[a-zčćđšž][A-ZČĆĐŠŽ]")  # JavaScript, eUprava: brand names stay as written


class _Article(HTMLParser):
    """Text of the article, without code, abbreviation titles and non-Serbian-tagged fragments."""

    def __init__(self):
        super().__init__()
        self.inside, self.skip, self.text = 0, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.inside += 1
        if self.skip or tag in ("code", "pre", "script", "style", "svg") or (
                attrs.get("lang") and not attrs["lang"].startswith("sr-Cyrl")):
            self.skip.append(tag)

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if tag == "article":
            self.inside -= 1

    def handle_data(self, data):
        if self.inside and not self.skip:
            self.text.append(data)


def allowed_words() -> set[str]:
    """Latin that is there on purpose: {lat}…{/lat} in the pages and the data, the data's identifiers,
    the words data/cyrillic_exceptions.yaml keeps Latin. A source title or publisher is no longer
    allowed as such: a foreign one carries `lang` and is skipped as a foreign-language element."""
    words = data_marked_words(ROOT / "data")
    for page in (ROOT / "docs" / "sr").rglob("*.md"):
        for protected in LAT.findall(page.read_text(encoding="utf-8")):
            words |= set(LATIN_WORD.findall(protected))
    exceptions = yaml.safe_load((ROOT / "data" / "cyrillic_exceptions.yaml").read_text(encoding="utf-8"))
    return words | {w["latin"] for w in exceptions.get("words", []) if not w.get("cyrillic")}


def latin_report(site: Path):
    allowed = allowed_words()
    letters = latin_letters = 0
    misses: dict[str, str] = {}
    for page in (site / "sr-Cyrl").rglob("index.html"):
        parser = _Article()
        parser.feed(page.read_text(encoding="utf-8"))
        text = IDENTIFIER.sub(" ", URLISH.sub(" ", " ".join(parser.text)))
        letters += sum(ch.isalpha() for ch in text)
        for word in LATIN_WORD.findall(text):
            latin_letters += len(word)
            if FOREIGN.search(word) or ROMAN.match(word) or CAMEL.search(word) or word in allowed:
                continue
            misses.setdefault(word, str(page.relative_to(site)))
    return latin_letters / max(letters, 1), misses


def test_latin_left_in_the_cyrillic_edition_is_small_and_only_of_allowed_kinds(site):
    share, misses = latin_report(site)
    print(f"Latin letters in the Cyrillic main text: {share:.2%}")
    # Foreign titles in {lat}…{/lat} (the sources pages) keep the share above zero, about 1 %; Serbian
    # sources left in Latin made it 1.4 % and more.
    assert share < 0.015, f"{share:.1%} of the letters in the Cyrillic edition are Latin"
    assert not misses, "Latin words the transliteration should have converted:\n" + "\n".join(
        f"  {word} ({page})" for word, page in sorted(misses.items())[:40])


def test_the_build_check_finds_nothing_in_the_cyrillic_edition(site):
    """kgo.checks.cyrillic_edition (run by `make check`): no English word transliterated into
    nonsense, no Serbian word left in Latin, on any page."""
    findings = check_site(site)
    assert not findings, "\n".join(map(str, findings[:40]))


def test_the_check_names_a_transliterated_english_word_and_serbian_left_in_latin(tmp_path):
    """A copy with both mistakes: an English word in the Serbian text without {lat}, and a Cyrillic
    override in the data that leaves the project's full title in Latin."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "sr" / "o-projektu.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nProjekat je pripremio Toolkit za opštine.\n",
                    encoding="utf-8")
    data = project / "data" / "project.yaml"
    text = data.read_text(encoding="utf-8")
    line = next(row for row in text.splitlines() if row.startswith('    sr: "Mreža kreativnih gradova'))
    data.write_text(text.replace(line, line + "\n" + line.replace("sr:", "cyr:", 1), 1), encoding="utf-8")
    result = run_build(project, tmp_path / "site", KGO_PDF="0")
    assert result.returncode == 0, result.stderr[-3000:]
    findings = check_site(tmp_path / "site", docs=project / "docs" / "sr", data=project / "data")
    english = [f for f in findings if f.kind == "english"]
    latin = [f for f in findings if f.kind == "latin"]
    assert [(f.word, f.latin) for f in english] == [("Тоолкит", "Toolkit")], findings
    assert "docs/sr/o-projektu.md:" in str(english[0]) and "{lat}Toolkit{/lat}" in str(english[0])
    assert {"Mreža", "kreativnih", "gradova"} <= {f.word for f in latin}, findings
    assert all(f.page == "sr-Cyrl/o-projektu/index.html" for f in findings), findings
