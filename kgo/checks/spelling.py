"""Spelling of the pages: hunspell over the prose of docs/sr (Serbian Latin), docs/en (English) and
of the Cyrillic edition generated from docs/sr.

* Only prose is checked. The page is read the way the Cyrillic edition reads it
  (``kgo.cyrillic``), so whatever stays untouched there is not prose here either: front matter
  keys (``title`` and ``description`` values are prose), fenced and indented code, code spans,
  link and image targets, URLs, e-mail addresses, file names, HTML tags and comments (data markers
  ``<!-- data: … -->``), heading anchors ``{#…}``, footnote labels, admonition types. Numbers and
  one-letter words are not words to check.
* Text in ``{lat}…{/lat}`` is a foreign title or name: a word there is right when either the
  English or the Serbian dictionary (each with its project word list) knows it.
* Project word lists ``kgo/checks/wordlists/sr.txt`` and ``kgo/checks/wordlists/en.txt`` (one word per line,
  ``#`` lines are comments) hold names, terms and abbreviations the dictionaries lack; they go to
  hunspell as its personal dictionary (``-p``). A lowercase entry also accepts the capitalised and
  all-caps forms; an entry does not accept other forms of the word (add each form used).
* The Cyrillic edition: the prose of docs/sr is transliterated with :func:`kgo.cyrillic.transliterate`
  and checked with ``sr_RS`` and the Serbian word list transliterated the same way; a word that
  stays Latin there (``Wi-Fi``, ``Excel``) is checked like the Latin text. A word the Latin check
  accepts and the Cyrillic check does not usually means a wrong transliteration (a digraph that
  should be two letters: add its stem to ``data/cyrillic_exceptions.yaml``). The unknown-word
  RATES of both scripts are reported; the Cyrillic rate must not be higher than the Latin one.

``python -m kgo.checks.spelling`` prints every unknown word as ``file:line: word`` and exits 1 when
there is any (``--words`` prints each unknown word once, for reviewing the word lists).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from kgo.checks.prose import cyrillic_tokens, tokens
from kgo.checks.wordlists import WORDLISTS, read_wordlist
from kgo.checks.wordlists import problems as wordlist_problems
from kgo.cyrillic import ExceptionsFileError, transliterate
from kgo.editions.model import EDITIONS
from kgo.project import ROOT

DOCS = ROOT / "docs"
# hunspell dictionary of each language of the check ("cyr": the generated Cyrillic edition).
DICTIONARIES = {e.code: e.dictionary for e in EDITIONS}
LANGUAGES = ("sr", "en")  # the folders of docs/ that are written by hand

_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")


@dataclass(frozen=True)
class Finding:
    """An unknown word at ``path:line``; ``shown`` is the form the reader sees (Cyrillic)."""

    path: str
    line: int
    word: str
    lang: str
    shown: str = ""
    foreign: bool = False
    english: bool = False  # an unknown word of the Serbian text that the English dictionary knows

    def __str__(self) -> str:
        if self.english:
            return (f"{self.path}:{self.line}: unknown word '{self.word}' — an English word in Serbian text: "
                    f"wrap the name or title in {{lat}}…{{/lat}} (e.g. {{lat}}{self.word}{{/lat}}) so the "
                    "Cyrillic edition keeps it in Latin; do not add it to the word list")
        if self.foreign:
            return (f"{self.path}:{self.line}: unknown word '{self.word}' "
                    "(in {lat}…{/lat}: neither English nor Serbian)")
        if self.lang == "cyr":
            return (f"{self.path}:{self.line}: '{self.word}' becomes '{self.shown}' in the Cyrillic edition, "
                    "which the sr_RS dictionary does not know (wrong digraph? see data/cyrillic_exceptions.yaml)")
        return f"{self.path}:{self.line}: unknown word '{self.word}'"


@dataclass
class Report:
    """The result of :func:`check`: every unknown word and the unknown-word rate of each script."""

    findings: list[Finding] = field(default_factory=list)
    cyrillic: list[Finding] = field(default_factory=list)
    tokens: dict[str, int] = field(default_factory=dict)  # all checked tokens per script
    unknown: dict[str, int] = field(default_factory=dict)  # unknown tokens per script

    def rate(self, script: str) -> float:
        """Unknown tokens / all tokens for "sr" (Latin), "cyr" (Cyrillic) or "en"."""
        total = self.tokens.get(script, 0)
        return self.unknown.get(script, 0) / total if total else 0.0

    @property
    def ok(self) -> bool:
        return not self.findings and not self.cyrillic and self.rate("cyr") <= self.rate("sr")


# --- hunspell -------------------------------------------------------------------------------------


def unknown(candidates: Iterable[str], dictionary: str, wordlist: Path | None = None) -> set[str]:
    """The words hunspell does not know with ``dictionary`` and the personal ``wordlist``."""
    unique = sorted(set(candidates))
    if not unique:
        return set()
    command = ["hunspell", "-i", "UTF-8", "-d", dictionary, "-L"]
    if wordlist is not None:
        command[1:1] = ["-p", str(wordlist)]
    env = {**os.environ, "LC_ALL": "C.UTF-8"}
    try:
        result = subprocess.run(command, input="\n".join(unique) + "\n", capture_output=True,
                                text=True, encoding="utf-8", env=env, check=False)
    except FileNotFoundError:
        raise RuntimeError("hunspell is not installed: apt-get install hunspell hunspell-sr hunspell-en-us "
                           "(or make system-deps)") from None
    if result.returncode != 0 or "Can't open" in result.stderr:
        raise RuntimeError(f"hunspell -d {dictionary} failed: {result.stderr.strip()}")
    return {line for line in result.stdout.splitlines() if line}


def cyrillic_wordlist(latin: Path, target: Path) -> Path:
    """Write the Serbian word list transliterated the way the Cyrillic edition does it."""
    entries = read_wordlist(latin)
    target.write_text("".join(f"{transliterate(word)}\n" for word in entries), encoding="utf-8")
    return target


# --- the check ------------------------------------------------------------------------------------


def pages(docs: Path = DOCS, languages: Iterable[str] = LANGUAGES) -> list[tuple[Path, str]]:
    """(file, language) of every page written by hand."""
    return [(path, lang) for lang in languages for path in sorted((docs / lang).rglob("*.md"))]


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def check(files: Iterable[tuple[Path, str]] | None = None,
          wordlists: Mapping[str, Path | None] | None = None,
          cyrillic: bool = True) -> Report:
    """Check ``files`` ((path, "sr" | "en"); default: all of docs/) and return the :class:`Report`.

    ``wordlists`` maps "sr" and "en" to word lists (default: kgo/checks/wordlists/*.txt; a missing key or
    None: the dictionary alone). ``cyrillic``: also check the Cyrillic edition of the sr pages.
    """
    files = list(pages() if files is None else files)
    lists = dict(WORDLISTS if wordlists is None else wordlists)
    texts = {path: path.read_text(encoding="utf-8") for path, _ in files}
    page_tokens = {path: tokens(texts[path]) for path, _ in files}
    page_cyrillic = {path: cyrillic_tokens(texts[path]) for path, lang in files if cyrillic and lang == "sr"}

    # One hunspell run per dictionary; foreign words go to both languages.
    queries: dict[str, set[str]] = {"sr": set(), "en": set(), "cyr": set()}
    for path, lang in files:
        for token in page_tokens[path]:
            if token.foreign:
                queries["sr"].add(token.word)
                queries["en"].add(token.word)
            else:
                queries[lang].add(token.word)
        for _, shown in page_cyrillic.get(path, ()):
            queries["cyr" if _CYRILLIC_RE.search(shown) else "sr"].add(shown)

    with tempfile.TemporaryDirectory() as tmp:
        cyr_list = lists.get("sr")
        if cyr_list is not None:
            cyr_list = cyrillic_wordlist(cyr_list, Path(tmp) / "cyr.txt")
        wordlist_of = {"sr": lists.get("sr"), "en": lists.get("en"), "cyr": cyr_list}
        with ThreadPoolExecutor(max_workers=3) as pool:
            futures = {script: pool.submit(unknown, queries[script], DICTIONARIES[script], wordlist_of[script])
                       for script in queries}
            bad = {script: future.result() for script, future in futures.items()}

    # An unknown word of the Serbian text that the English dictionary knows is most likely a foreign
    # name: the hint then says {lat}…{/lat}, which also keeps it Latin in the Cyrillic edition.
    english = bad["sr"] - unknown(bad["sr"], DICTIONARIES["en"], lists.get("en")) if bad["sr"] else set()

    report = Report()
    for path, lang in files:
        name = _display(path)
        for token in page_tokens[path]:
            if token.foreign:
                wrong = token.word in bad["sr"] and token.word in bad["en"]
            else:
                wrong = token.word in bad[lang]
                report.tokens[lang] = report.tokens.get(lang, 0) + 1
                report.unknown[lang] = report.unknown.get(lang, 0) + wrong
            if wrong:
                is_english = lang == "sr" and not token.foreign and token.word in english
                report.findings.append(Finding(name, token.line, token.word, lang, foreign=token.foreign,
                                               english=is_english))
        for token, shown in page_cyrillic.get(path, ()):
            wrong = shown in bad["cyr" if _CYRILLIC_RE.search(shown) else "sr"]
            report.tokens["cyr"] = report.tokens.get("cyr", 0) + 1
            report.unknown["cyr"] = report.unknown.get("cyr", 0) + wrong
            if wrong and token.word not in bad["sr"]:  # the Latin check reports it otherwise
                report.cyrillic.append(Finding(name, token.line, token.word, "cyr", shown))
    return report


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="python -m kgo.checks.spelling",
        description="Spell-check the prose of docs/sr, docs/en and the generated Cyrillic edition.",
    )
    parser.add_argument("files", nargs="*", type=Path,
                        help="pages to check (default: every page of docs/sr and docs/en)")
    parser.add_argument("--words", action="store_true",
                        help="print each unknown word once per language (for reviewing the word lists)")
    parser.add_argument("--no-wordlists", action="store_true",
                        help="dictionaries only, without kgo/checks/wordlists/*.txt (shows the raw rates)")
    args = parser.parse_args(argv)

    files = None
    if args.files:
        files = []
        for path in args.files:
            lang = next((part for part in path.resolve().parts[::-1] if part in LANGUAGES), None)
            if lang is None:
                parser.error(f"{path}: not under docs/sr or docs/en")
            files.append((path, lang))
    try:
        report = check(files, {} if args.no_wordlists else None)
    except (RuntimeError, ExceptionsFileError) as exc:
        print(exc, file=sys.stderr)
        return 2

    if args.words:
        for lang in ("sr", "en"):
            found = sorted({f.word for f in report.findings if f.lang == lang}, key=str.casefold)
            print(f"# {lang}: {len(found)} unknown word(s)")
            print("\n".join(found))
        found = sorted({f"{f.word} -> {f.shown}" for f in report.cyrillic}, key=str.casefold)
        print(f"# cyr: {len(found)} word(s) known in Latin but not in the Cyrillic edition")
        print("\n".join(found))
    else:
        for finding in [*report.findings, *report.cyrillic]:
            print(finding)
    rates = ", ".join(f"{script} {report.rate(script):.4%} of {report.tokens.get(script, 0)}"
                      for script in ("sr", "cyr", "en"))
    print(f"Unknown-word rates: {rates}")
    if report.rate("cyr") > report.rate("sr"):
        print("FAIL the Cyrillic edition has a higher unknown-word rate than the Latin text")
    if report.findings:
        print(f"{len(report.findings)} unknown word(s): correct the typo; wrap a foreign name in {{lat}}…{{/lat}}; "
              "add a correct Serbian or English word with `make words LIST=sr ADD=\"word\"` (or LIST=en)")
    lists = [problem for path in WORDLISTS.values() for problem in wordlist_problems(path)]
    for problem in lists:
        print(problem)
    return 0 if report.ok and not lists else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
