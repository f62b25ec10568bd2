"""Serbian Latin plain text → Serbian Cyrillic: one compiled regex finds the tokens, a translation
table maps the letters, and every word's conversion is memoised (it runs on every page of a build).

Whatever is not Serbian text stays Latin: words with letters outside the Serbian Latin alphabet
(``Wi-Fi``, ``Excel``), Roman numerals (``XXI``), URLs, e-mail addresses, file names and text the
editor wrapped in ``{lat}…{/lat}``. The digraphs ``lj``, ``nj`` and ``dž`` become one letter unless
the editors' exception list (data/cyrillic_exceptions.yaml) splits them (``kon|junktura``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from kgo.cyrillic.letters import (
    CAMEL_RE,
    DIGRAPH_RE,
    DIGRAPHS,
    ENDINGS,
    FOREIGN_RE,
    JOINER_RE,
    MARKER_RE,
    NEXT_WORD_RE,
    NUMBERING_PLACE_RE,
    NUMBERING_RE,
    PLAIN_RE,
    PREVIOUS_WORD_RE,
    ROMAN_LETTERS_RE,
    ROMAN_RE,
    ROMAN_WORDS,
    SENTENCE_START_RE,
    SEQUENCE_NEIGHBOURS,
    SPLIT,
    TABLE,
    Exceptions,
)
from kgo.data.loader import load_one
from kgo.project import ROOT

EXCEPTIONS_PATH = ROOT / "data" / "cyrillic_exceptions.yaml"

# --- plain text ---------------------------------------------------------------------------------


def transliterate(text: str, exceptions: Exceptions | Iterable[str] | None = None,
                  numbering: frozenset[str] | None = None) -> str:
    """Serbian Latin plain text → Serbian Cyrillic.

    ``exceptions``: None uses ``data/cyrillic_exceptions.yaml``; an :class:`Exceptions` or a list
    of marked stems (``["kon|junktur"]``) replaces it; ``()`` means none.
    ``numbering``: the Roman numerals that number lines of the whole document (see
    :func:`numbering_numerals`); None finds them in ``text`` itself. A caller that converts a
    document piece by piece (the Markdown walker) passes the document's set.
    Input is NFC-normalised first so that decomposed letters (``c`` + U+030C) count as ``č``.
    """
    rules = exception_rules(exceptions)
    text = unicodedata.normalize("NFC", text)
    numbered = _Numbered(text, numbering)
    return PLAIN_RE.sub(lambda match: _plain_token(match, rules, numbered), text)


def numbering_numerals(text: str) -> frozenset[str]:
    """The valid Roman numerals that number a line of ``text``: "**II. Sastav.**", "| IV. |", "V)"."""
    return frozenset(n for n in (m["numeral"] for m in NUMBERING_RE.finditer(text)) if ROMAN_RE.fullmatch(n))


class _Numbered:
    """The numbering numerals of a text, looked for only when a one-letter numeral needs them."""

    __slots__ = ("_found", "_text")

    def __init__(self, text: str, found: frozenset[str] | None):
        self._text, self._found = text, found

    def __contains__(self, numeral: str) -> bool:
        if self._found is None:
            self._found = numbering_numerals(self._text)
        return numeral in self._found


def strip_marks(text: str) -> str:
    return MARKER_RE.sub("", text)


def _plain_token(match: re.Match[str], rules: Exceptions, numbered: _Numbered) -> str:
    kind = match.lastgroup
    if kind == "word":
        return _word(match, rules, numbered)
    if kind == "lat":
        return strip_marks(match.group()[5:-6])
    if kind == "marker":
        return ""
    return match.group()  # url, email, file, code


def _word(match: re.Match[str], rules: Exceptions, numbered: _Numbered) -> str:
    """Convert one word; Roman-looking words need their context, everything else is memoised."""
    word = match.group()
    memo = rules._memo
    converted = memo.get(word)
    if converted is not None:
        return converted
    if ROMAN_LETTERS_RE.fullmatch(word):  # never memoised: the answer depends on the context
        if _is_roman_here(word, match.string, match.start(), match.end(), numbered):
            return word
        return _serbian_word(word, rules)
    if len(memo) > 200_000:  # a bound for long-running `mkdocs serve` sessions
        memo.clear()
    converted = memo[word] = _convert_word(word, rules)
    return converted


def _is_roman_here(word: str, text: str, start: int, end: int, numbered: _Numbered) -> bool:
    """Decide whether an all-caps word of I V X L C D M is a Roman numeral at this place.

    Only valid numerals count ("DIM" is a word). Alone, C, D, L and M are letters (category C,
    annex D); "I" or "V" followed by "." is an initial ("V. Petrović"), unless it numbers a line
    in a sequence ("I." where "II." numbers another line, "V)" beside "IV)" or "VI)"); "I" at the
    start of a sentence or line is the conjunction. Numerals that are also words (I, MI, VI, LI,
    DIV) are words when a neighbouring word is in capitals ("ANA I MARKO").
    """
    if not ROMAN_RE.fullmatch(word):
        return False
    before, after = _line_context(text, start, end)
    if len(word) == 1:
        if (word in SEQUENCE_NEIGHBOURS and after[:1] in (".", ")") and NUMBERING_PLACE_RE.match(before)
                and any(n in numbered for n in SEQUENCE_NEIGHBOURS[word])):
            return True
        if word not in "IVX" or after.startswith("."):
            return False
        if word == "I" and SENTENCE_START_RE.search(before):
            return False
    return not (word in ROMAN_WORDS and _caps_neighbour(before, after))


_CONTEXT = 80  # characters looked at on each side: enough for a neighbour word, and O(1)


def _line_context(text: str, start: int, end: int) -> tuple[str, str]:
    """The text before and after a word on its line, at most _CONTEXT characters each way.

    A cut-off context starts with "\0" so that it never reads as the start of a line.
    """
    low = max(0, start - _CONTEXT)
    newline = text.rfind("\n", low, start)
    before = text[newline + 1 : start] if newline >= 0 else ("" if low == 0 else "\0") + text[low:start]
    after = text[end : end + _CONTEXT].split("\n", 1)[0]
    return before, after


def _caps_neighbour(before: str, after: str) -> bool:
    """Is the previous or next word on the line an all-caps word (not itself a numeral)?"""
    words = [m.group(1) for m in (PREVIOUS_WORD_RE.search(before), NEXT_WORD_RE.match(after)) if m]
    return any(len(w) > 1 and w.isupper() and not ROMAN_RE.fullmatch(w) for w in words)


def _convert_word(word: str, rules: Exceptions) -> str:
    """Convert a word, or the parts of a hyphenated word, without looking at the context.

    A word with any foreign part stays Latin as a whole ("Wi-Fi"), except a Serbian case ending
    after the last hyphen ("YouTube-a" → "YouTube-а"). Roman numeral parts stay ("XX-og").
    """
    parts = JOINER_RE.split(word)
    letters = parts[::2]
    all_roman = len(letters) > 1 and all(map(_is_numeral, letters))

    def stays(part: str) -> bool:
        return _is_numeral(part) and (len(part) > 1 or all_roman)

    if any(_is_foreign(part, rules) for part in letters if not stays(part)):
        last = parts[-1]
        if len(parts) > 1 and last in ENDINGS:
            return "".join(parts[:-1]) + _to_cyrillic(last, rules)
        return word
    return "".join(part if index % 2 or stays(part) else _serbian_word(part, rules) for index, part in enumerate(parts))


def _is_numeral(part: str) -> bool:
    return bool(ROMAN_LETTERS_RE.fullmatch(part) and ROMAN_RE.fullmatch(part))


def _is_foreign(word: str, rules: Exceptions) -> bool:
    """Does the word stay Latin: a non-Serbian letter, camelCase, or listed without a Cyrillic form?"""
    listed = rules.listed(word)
    if listed:
        return listed[1] is None
    return bool(FOREIGN_RE.search(word) or CAMEL_RE.search(word))


def _serbian_word(word: str, rules: Exceptions) -> str:
    """A listed Cyrillic form in the case of ``word``, otherwise the letter-by-letter one."""
    listed = rules.listed(word)
    if not listed or listed[1] is None:
        return _to_cyrillic(word, rules)
    latin, cyrillic = listed
    if word == latin:
        return cyrillic
    if word.isupper() and len(word) > 1:
        return cyrillic.upper()
    if word[:1].isupper():
        return cyrillic[:1].upper() + cyrillic[1:].lower()
    return cyrillic.lower()


def _to_cyrillic(word: str, rules: Exceptions) -> str:
    """Map the letters of a Serbian word; digraphs merge except where an exception splits them."""
    marked = rules.mark(word)
    converted = DIGRAPH_RE.sub(lambda m: DIGRAPHS[m.group()], marked).translate(TABLE)
    return converted.replace(SPLIT, "") if marked is not word else converted



# --- the exception list in force ------------------------------------------------------------------


def exception_rules(exceptions: Exceptions | Iterable[str] | None) -> Exceptions:
    if exceptions is None:
        return _default_exceptions()
    if isinstance(exceptions, Exceptions):
        return exceptions
    return _exceptions_from_stems(tuple(exceptions))


def _default_exceptions() -> Exceptions:
    path = EXCEPTIONS_PATH
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    return _exceptions_of_file(path, stamp)


@cache
def _exceptions_of_file(path: Path, stamp: int) -> Exceptions:
    """The project's list, read again when the file changes (a preview runs for hours). Its
    schema is checked here; the checks beyond it run with the other data (kgo/rules.py)."""
    document, errors = load_one(path, "cyrillic_exceptions", path.parent)
    if errors:
        raise ValueError("\n".join(map(str, errors)))
    return Exceptions.from_document(document)


@cache
def _exceptions_from_stems(stems: tuple[str, ...]) -> Exceptions:
    return Exceptions(stems)
