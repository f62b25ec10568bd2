"""The Cyrillic edition as built: Serbian in Cyrillic, foreign names and titles as written.

Two mistakes are looked for in the article text of every page of ``sr-Cyrl/`` (code, URLs, file
names, identifiers such as ``KI-1.1`` and text in an element whose ``lang`` is not Serbian
Cyrillic — a source with ``lang: en`` — are not looked at):

a. **an English word transliterated into nonsense** ("Цреативе Цоммонс"): a Cyrillic word the
   Serbian Cyrillic dictionary (hunspell ``sr_RS``, with the project's Serbian word list) does not
   know, whose Latin original the English dictionary (``en_US``, with the English word list) knows.
   Fix: ``{lat}…{/lat}`` around the name in docs/sr, ``lang: en`` on a source, or an entry in
   ``words:`` of data/cyrillic_exceptions.yaml (keep it Latin, or give its Serbian form:
   Eurostat → Евростат).
b. **a Serbian word left in Latin**: a Latin word that the transliteration would have converted,
   neither inside ``{lat}…{/lat}`` of the page's Markdown or of a data file nor in an element
   marked with a foreign ``lang``. It comes from data that reached the page without passing
   through the edition's text (a source without ``lang``, a name written only in Latin).

``python -m kgo.checks.cyrillic_edition SITE`` checks a built site (``make check`` runs it after its
strict build) and prints one line per finding, with the page and the fix; exit status 1 if any.
"""

from __future__ import annotations

import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from kgo.checks.spelling import DICTIONARIES, cyrillic_wordlist, unknown
from kgo.checks.wordlists import WORDLISTS
from kgo.cyrillic import transliterate
from kgo.cyrillic.letters import DIGRAPHS, TABLE
from kgo.editions.model import edition
from kgo.project import ROOT

DOCS = ROOT / "docs" / "sr"
DATA = ROOT / "data"
PREFIX = edition("cyr").prefix

CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+(?:-[\u0400-\u04ffA-Za-z]+)*")
LATIN_WORD = re.compile(r"(?<![\w@/.])[A-Za-zČĆĐŠŽčćđšžǅǆ]+(?:['’-][A-Za-zČĆĐŠŽčćđšž]+)*(?![\w@])")
NOT_TEXT = re.compile(
    r"\S+@\S+|(?:https?|ftp)://\S+|www\.\S+"                 # addresses
    r"|(?<![\w.-])[\w-]+(?:[./\\][\w-]+)*\.[a-z][a-z0-9]{1,4}(?![\w-])\S*"  # plan.csv, gke.kreativnaekonomija.com
    r"|(?<![A-Za-z])[A-Za-z]{1,4}-?[0-9][0-9A-Za-z.]*"         # identifiers: KI-1.1, G1, UTF-8
)
LAT_MARK = re.compile(r"\{lat\}(.*?)\{/lat\}", re.DOTALL)
_SKIPPED_TAGS = {"code", "pre", "kbd", "samp", "script", "style", "svg", "math"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}

# Serbian Cyrillic → Latin, the inverse of the edition's mapping (љ → lj, њ → nj, џ → dž).
_TO_LATIN = {ord(cyr): chr(lat) for lat, cyr in TABLE.items() if not 0x01C4 <= lat <= 0x01CC}
_TO_LATIN.update({ord(DIGRAPHS[lat]): lat for lat in ("lj", "nj", "dž", "Lj", "Nj", "Dž")})


def to_latin(word: str) -> str:
    """The Latin letters a Cyrillic word was transliterated from ("Цреативе" → "Creative")."""
    if word.isupper() and len(word) > 1:
        return word.translate(_TO_LATIN).upper()
    return word.translate(_TO_LATIN)


@dataclass(frozen=True)
class Finding:
    """A word of the Cyrillic edition that is wrong, on ``page`` (a built page) from ``source``."""

    page: str
    word: str
    kind: str        # "english" (a, transliterated English) or "latin" (b, Serbian left in Latin)
    latin: str = ""  # the Latin original of a transliterated English word
    source: str = ""  # docs/sr/…:line where the word is written, when it is in the page's Markdown

    def __str__(self) -> str:
        where = f"{self.source} ({self.page})" if self.source else f"{self.page} (from data/)"
        if self.kind == "english":
            return (f"{where}: '{self.word}' is the English word '{self.latin}' transliterated — keep it in "
                    f"Latin: {{lat}}{self.latin}{{/lat}} in the text, `lang: en` on a source, or `words:` in "
                    "data/cyrillic_exceptions.yaml (also for a Serbian form, e.g. Eurostat → Евростат)")
        return (f"{where}: '{self.word}' is left in Latin in the Cyrillic edition — a Serbian word is written in "
                "Cyrillic there; if it is part of a foreign name or title, mark it: `lang: en` (or the "
                "title's language) on the source in data/, {lat}…{/lat} around the words in the text")


# --- the text of a built page ---------------------------------------------------------------------


class _Article(HTMLParser):
    """The text of a page's <article>, without code and without elements in a foreign language."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0       # inside <article>
        self.skip: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID:
            return
        lang = dict(attrs).get("lang")
        if tag == "article":
            self.depth += 1
        if self.skip or tag in _SKIPPED_TAGS or (lang and not lang.startswith("sr-Cyrl")):
            self.skip.append(tag)

    def handle_endtag(self, tag):
        if self.skip and self.skip[-1] == tag:
            self.skip.pop()
        if tag == "article" and self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def article_text(html: str) -> str:
    parser = _Article()
    parser.feed(html)
    return NOT_TEXT.sub(" ", " ".join(parser.text))


def pages(site: Path) -> dict[str, str]:
    """Site path of every page of the Cyrillic edition -> its article text."""
    root = site / PREFIX
    return {page.relative_to(site).as_posix(): article_text(page.read_text(encoding="utf-8"))
            for page in sorted(root.rglob("*.html"))}


def markdown_of(page: str, docs: Path) -> Path | None:
    """The docs/sr page a built page comes from (sr-Cyrl/a/b/index.html ← a/b.md or a/b/index.md)."""
    stem = page[len(PREFIX):].removesuffix("index.html").strip("/")
    for candidate in ((docs / "index.md",) if not stem else (docs / f"{stem}.md", docs / stem / "index.md")):
        if candidate.is_file():
            return candidate
    return None


# --- what may stay Latin --------------------------------------------------------------------------


def _marked_words(text: str) -> set[str]:
    return {word for marked in LAT_MARK.findall(text) for word in LATIN_WORD.findall(marked)}


def _identifiers(value: Any) -> Iterable[str]:
    """The ids of a dataset, texts that are the same in every edition, "cyr" included (env-budget),
    and the Latin of a hand-written ``cyr`` text: an editor who wrote the Cyrillic form kept its
    Latin words on purpose (ISSN, the row code "total", the symbol e). A ``cyr`` text without any
    Cyrillic is not such a text but the Latin copied over, and is checked like any other."""
    if isinstance(value, dict):
        if {"sr", "en", "cyr"} <= value.keys() and value["sr"] == value["en"] == value["cyr"]:
            yield str(value["sr"])
        if {"sr", "cyr"} <= value.keys() and isinstance(value["cyr"], str) and CYRILLIC_WORD.search(value["cyr"]):
            yield value["cyr"]
        for key, sub in value.items():
            if (key == "id" or key.endswith("_id")) and isinstance(sub, str):
                yield sub
            yield from _identifiers(sub)
    elif isinstance(value, list):
        for sub in value:
            yield from _identifiers(sub)


def data_marked_words(data: Path) -> set[str]:
    """Words that may stay Latin on any page: inside {lat}…{/lat} in data/, and the data's identifiers."""
    words: set[str] = set()
    for path in sorted(data.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        words |= _marked_words(text)
        words |= {word for ident in _identifiers(yaml.safe_load(text)) for word in LATIN_WORD.findall(ident)}
    return words


def left_in_latin(text: str, allowed: set[str]) -> list[str]:
    """Latin words of the text that the transliteration would have converted and nobody marked."""
    found = []
    for word in LATIN_WORD.findall(text):
        if len(word) < 2 or word in allowed or word in found:
            continue
        if transliterate(word) != word:  # a Serbian word: foreign letters, listed names, numerals stay
            found.append(word)
    return found


# --- the check ------------------------------------------------------------------------------------


def _line_of(path: Path | None, word: str, docs: Path) -> str:
    if path is None:
        return ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", line):
            return f"{path.relative_to(docs.parent.parent).as_posix()}:{number}"
    return ""


def english_words(words: Iterable[str]) -> dict[str, str]:
    """Cyrillic words the Serbian dictionary lacks and whose Latin original is English -> that original."""
    words = {w for w in words if len(w) > 2 and not w.isupper()}
    with tempfile.TemporaryDirectory() as tmp:
        serbian = cyrillic_wordlist(WORDLISTS["sr"], Path(tmp) / "cyr.txt")
        strange = unknown(words, DICTIONARIES["cyr"], serbian)
    originals = {word: to_latin(word) for word in strange}
    not_english = unknown(originals.values(), DICTIONARIES["en"], WORDLISTS["en"])
    return {word: latin for word, latin in originals.items() if latin not in not_english}


def check_site(site: Path, docs: Path = DOCS, data: Path = DATA) -> list[Finding]:
    """Every finding of both kinds in the Cyrillic edition of the built ``site``."""
    texts = pages(site)
    if not texts:
        raise FileNotFoundError(f"{site / PREFIX} holds no pages: build the site first")
    from_data = data_marked_words(data)
    findings: list[Finding] = []
    words_of_page: dict[str, set[str]] = {}
    for page, text in texts.items():
        source = markdown_of(page, docs)
        allowed = from_data | (_marked_words(source.read_text(encoding="utf-8")) if source else set())
        for word in left_in_latin(text, allowed):
            findings.append(Finding(page, word, "latin", source=_line_of(source, word, docs)))
        words_of_page[page] = {part for w in CYRILLIC_WORD.findall(text) for part in w.split("-")
                               if not re.search(r"[A-Za-z]", part)}
    english = english_words(set().union(*words_of_page.values()))
    for page, words in words_of_page.items():
        source = markdown_of(page, docs)
        for word in sorted(words & english.keys()):
            findings.append(Finding(page, word, "english", english[word], _line_of(source, english[word], docs)))
    return findings


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m kgo.checks.cyrillic_edition SITE_DIR (a built site)", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        findings = check_site(Path(args[0]))
    except (FileNotFoundError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    for finding in findings:
        print(finding)
    english = sum(f.kind == "english" for f in findings)
    print(f"Cyrillic edition: {english} transliterated English word(s), {len(findings) - english} Serbian "
          "word(s) left in Latin")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
