"""The letters of Serbian Latin and Cyrillic, Roman numerals, the tokens of plain text, and the
editors' exceptions to the letter rules (data/cyrillic_exceptions.yaml)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# --- letters ------------------------------------------------------------------------------------

_LATIN = "abcčćdđefghijklmnoprsštuvzž"
_CYRILLIC = "абцчћдђефгхијклмнопрсштувзж"
# The legacy one-code-point digraphs (U+01C4–U+01CC) turn up in text pasted from old documents.
_LEGACY = {"Ǆ": "Џ", "ǅ": "Џ", "ǆ": "џ", "Ǉ": "Љ", "ǈ": "Љ", "ǉ": "љ", "Ǌ": "Њ", "ǋ": "Њ", "ǌ": "њ"}
TABLE = str.maketrans({**dict(zip(_LATIN + _LATIN.upper(), _CYRILLIC + _CYRILLIC.upper(), strict=True)), **_LEGACY})

# The case of a digraph follows its FIRST letter: "Lj" and "LJ" are both "Љ" (Cyrillic has one
# letter, so "LJUBAV" → "ЉУБАВ" and "NJegoš" → "Његош" come out right without looking further).
DIGRAPHS = {
    first + second: cyr.upper() if first.isupper() else cyr
    for pair, cyr in (("lj", "љ"), ("nj", "њ"), ("dž", "џ"))
    for first in (pair[0], pair[0].upper())
    for second in (pair[1], pair[1].upper())
}
DIGRAPH_RE = re.compile("|".join(DIGRAPHS))

# Inserted between two letters that must not merge; removed again after the mapping.
SPLIT = "\ue000"

_COMBINING = "\u0300-\u036f"
# Word characters that are not letters: digits and number-like signs (km², ½, ①), underscore.
_NON_LETTER = r"\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
_ALPHA = f"[^{_NON_LETTER}]"
# A letter that is not Serbian Latin (q, w, x, y, é, ä, Cyrillic …) or a stray combining mark.
FOREIGN_RE = re.compile(rf"[^{_NON_LETTER}a-pr-vzA-PR-VZčćđšžČĆĐŠŽ\u01c4-\u01cc]|[{_COMBINING}]")
# camelCase inside a word (GitHub, JavaScript, PhD) never happens in Serbian words: a brand name.
CAMEL_RE = re.compile(r"[a-zčćđšž][A-ZČĆĐŠŽ]")

# --- Roman numerals -----------------------------------------------------------------------------

ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
ROMAN_LETTERS_RE = re.compile(r"[IVXLCDM]+")
# Valid numerals that are also Serbian words: in all-caps text ("ANA I MARKO", "MI SMO") they are
# words. "I" is also the sentence-initial conjunction.
ROMAN_WORDS = frozenset({"I", "MI", "VI", "LI", "DIV"})
SENTENCE_START_RE = re.compile(r"(?:^|[.!?…])[\s\"'„“”‘’«»()\[\]*_>#+\-]*$")
# A numeral that numbers a section or an item: first on its line (after Markdown marks such as
# "> ", "**", "## ", "- " or "| "), followed by "." or ")": "**II. Sastav.**", "IV) Rok".
NUMBERING_PREFIX = r"[ \t>*_#+\-|]*"
NUMBERING_RE = re.compile(rf"^{NUMBERING_PREFIX}(?P<numeral>[IVXLCDM]+)[.)]", re.MULTILINE)
NUMBERING_PLACE_RE = re.compile(rf"^{NUMBERING_PREFIX}$")  # a cut-off context starts with "\0"
# A one-letter numeral is Roman in a numbering sequence when a neighbour numbers a line too.
SEQUENCE_NEIGHBOURS = {"I": ("II",), "V": ("IV", "VI"), "X": ("IX", "XI")}
PREVIOUS_WORD_RE = re.compile(rf"({_ALPHA}+)[^\w\n]*$")
NEXT_WORD_RE = re.compile(rf"[^\w\n]*({_ALPHA}+)")

# Serbian case endings written after a hyphen on a foreign word: "YouTube-a" → "YouTube-а".
ENDINGS = frozenset(
    "a e i o u om em ov ova ove ovi ovu ovo ovog ovoj ovom ovim ovih ovima ima ama ja je ji ju jem "
    "jom jima og oj ih im in ina ine inu inom ski ska ske sko sku skog skom skih skim".split()
)

# --- plain-text tokens ----------------------------------------------------------------------------

_LETTER = rf"(?:{_ALPHA}|[{_COMBINING}])"
# {lat}…{/lat} ends at the next mark or blank line, so a stray mark cannot make a scan quadratic.
PROTECTED = r"\{lat\}(?:(?!\{/?lat\}|\n[ \t]*\n).)*\{/lat\}"
PLAIN_RE = re.compile(
    rf"""
    (?P<lat>{PROTECTED})
  | (?P<marker>\{{/?lat\}})
  | (?P<url>(?:https?|ftp)://[^\s<>"]+|www\.[^\s<>"]+|mailto:[^\s<>"]+)
  | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
  | (?P<file>                      # plan.csv, docs/sr/index.md, primer.rs/en/ (not d.o.o.)
        (?<![^\W_])(?<![@/.\\-])
        (?:[\w-]+[/\\])*(?:[\w-]+\.)+[a-z][a-z0-9]{{1,4}}(?![^\W_])
        (?:/[\w./?=&%\#~+-]*)?
    )
  | (?P<code>(?<!{_ALPHA})[A-Z]{{1,4}}-?[0-9][0-9A-Za-z.]*(?<![.]))   # G1, KI-1.1: ids as in data tables
  | (?P<word>(?<!{_ALPHA}){_ALPHA}{_LETTER}*(?:['’-]{_ALPHA}{_LETTER}*)*)
    """,
    re.VERBOSE | re.DOTALL,
)
MARKER_RE = re.compile(r"\{/?lat\}")
JOINER_RE = re.compile(r"(['’-])")


class ExceptionsFileError(ValueError):
    """The exception list is unreadable or invalid; the message lists every problem and its fix."""


class Exceptions:
    """The editors' exceptions to the letter rules, compiled for fast lookup.

    ``stems``: word starts in which ``lj``, ``nj`` or ``dž`` are two letters. Each is lowercase
    Serbian Latin with ``|`` between the two letters that stay separate: ``kon|junktur``. A stem
    applies to every word (or hyphen-separated part of a word) that STARTS with it, in any case:
    ``Konjunkturni``, ``KONJUNKTURA``. Matching only at the start keeps a short stem from
    splitting a real digraph inside an unrelated longer word. Other digraphs of the stem still
    merge: ``nad|žnj`` gives ``наджњ``.

    ``words``: whole words whose Cyrillic form is not the letter-by-letter one, matched in any
    case. ``{"UNESCO": "УНЕСКО"}`` gives that form (in the case of the text: Unesco → Унеско);
    ``{"Facebook": None}`` keeps a foreign name spelt with Serbian letters in Latin, like any word
    with q, w, x or y.
    """

    __slots__ = ("_memo", "_pattern", "_splits", "_words", "stems", "words")

    def __init__(self, stems: Iterable[str] = (), words: Mapping[str, str | None] | None = None):
        self.stems = tuple(stems)
        self.words = dict(words or {})
        splits: dict[str, tuple[int, ...]] = {}
        for stem in self.stems:
            problem = _stem_problem(stem)
            if problem:
                raise ValueError(f"exception stem {stem!r}: {problem}")
            pieces = stem.split("|")
            offsets = tuple(len("".join(pieces[: i + 1])) for i in range(len(pieces) - 1))
            splits["".join(pieces)] = offsets
        self._splits = splits
        alternatives = sorted(splits, key=len, reverse=True)
        self._pattern = re.compile("|".join(map(re.escape, alternatives)), re.IGNORECASE) if alternatives else None
        self._words = {latin.casefold(): (latin, cyrillic) for latin, cyrillic in self.words.items()}
        self._memo: dict[str, str] = {}

    @classmethod
    def from_document(cls, document: Mapping) -> Exceptions:
        """From a checked data/cyrillic_exceptions.yaml document."""
        return cls((entry["latin"] for entry in document["exceptions"]),
                   {entry["latin"]: entry.get("cyrillic") for entry in document.get("words", [])})

    def __repr__(self) -> str:
        return f"Exceptions(stems={list(self.stems)!r}, words={self.words!r})"

    def mark(self, word: str) -> str:
        """Insert the split mark into ``word`` where an exception stem says so."""
        match = self._pattern.match(word) if self._pattern else None
        if not match:
            return word
        for offset in reversed(self._splits[match.group().lower()]):
            word = word[:offset] + SPLIT + word[offset:]
        return word

    def listed(self, word: str) -> tuple[str, str | None] | None:
        """(listed Latin form, Cyrillic form or None) if ``word`` is in ``words``, else None."""
        return self._words.get(word.casefold()) if self._words else None


_STEM_RE = re.compile(r"[a-pr-vzčćđšž]*(?:(?:l\|j|n\|j|d\|ž)[a-pr-vzčćđšž]*)+")


def _stem_problem(stem: str) -> str | None:
    """Say what is wrong with an exception stem, or None; mirrors the schema's pattern."""
    if not isinstance(stem, str) or not _STEM_RE.fullmatch(stem):
        return (
            "write the lowercase start of the word with '|' between the two letters that stay "
            "separate (l|j, n|j or d|ž), e.g. 'kon|junktur'"
        )
    return None


