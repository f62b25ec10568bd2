"""Serbian Latin → Serbian Cyrillic, for plain text and for Markdown pages.

The Cyrillic edition is generated from the Latin master text, so this module decides what a reader
of the Cyrillic edition sees. Three ideas carry it:

* Letters map one to one, except the digraphs ``lj``, ``nj`` and ``dž``, which become one letter
  (``љ``, ``њ``, ``џ``) — unless the two letters meet across a morpheme boundary (``kon|junktura`` →
  ``конјунктура``). Those words are listed in ``data/cyrillic_exceptions.yaml`` so editors can add
  new ones without touching code.
* Whatever is not Serbian text stays Latin: words with letters outside the Serbian Latin alphabet
  (``Wi-Fi``, ``Excel``), Roman numerals (``XXI``), URLs, e-mail addresses, file names, text the
  editor wrapped in ``{lat}…{/lat}``, and in Markdown every piece of syntax (code, link targets,
  HTML tags and attributes, comments such as data markers, anchors, admonition types …).
* It must be fast enough to run on every page of every build: one compiled regex finds the tokens,
  a translation table maps letters and every word's conversion is memoised.

Command line (UTF-8 on stdin and stdout whatever the locale)::

    .venv/bin/python -m hooks.cyrillic [--markdown | --plain] < latin.md > cyrillic.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXCEPTIONS_PATH = ROOT / "data" / "cyrillic_exceptions.yaml"
SCHEMA_PATH = ROOT / "data" / "cyrillic_exceptions.schema.json"

# --- letters ------------------------------------------------------------------------------------

_LATIN = "abcčćdđefghijklmnoprsštuvzž"
_CYRILLIC = "абцчћдђефгхијклмнопрсштувзж"
# The legacy one-code-point digraphs (U+01C4–U+01CC) turn up in text pasted from old documents.
_LEGACY = {"Ǆ": "Џ", "ǅ": "Џ", "ǆ": "џ", "Ǉ": "Љ", "ǈ": "Љ", "ǉ": "љ", "Ǌ": "Њ", "ǋ": "Њ", "ǌ": "њ"}
_TABLE = str.maketrans({**dict(zip(_LATIN + _LATIN.upper(), _CYRILLIC + _CYRILLIC.upper(), strict=True)), **_LEGACY})

# The case of a digraph follows its FIRST letter: "Lj" and "LJ" are both "Љ" (Cyrillic has one
# letter, so "LJUBAV" → "ЉУБАВ" and "NJegoš" → "Његош" come out right without looking further).
_DIGRAPHS = {
    first + second: cyr.upper() if first.isupper() else cyr
    for pair, cyr in (("lj", "љ"), ("nj", "њ"), ("dž", "џ"))
    for first in (pair[0], pair[0].upper())
    for second in (pair[1], pair[1].upper())
}
_DIGRAPH_RE = re.compile("|".join(_DIGRAPHS))

# Inserted between two letters that must not merge; removed again after the mapping.
_SPLIT = "\ue000"

_COMBINING = "\u0300-\u036f"
# Word characters that are not letters: digits and number-like signs (km², ½, ①), underscore.
_NON_LETTER = r"\W\d_\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u218f\u2460-\u24ff"
_ALPHA = f"[^{_NON_LETTER}]"
# A letter that is not Serbian Latin (q, w, x, y, é, ä, Cyrillic …) or a stray combining mark.
_FOREIGN_RE = re.compile(rf"[^{_NON_LETTER}a-pr-vzA-PR-VZčćđšžČĆĐŠŽ\u01c4-\u01cc]|[{_COMBINING}]")
# camelCase inside a word (GitHub, JavaScript, PhD) never happens in Serbian words: a brand name.
_CAMEL_RE = re.compile(r"[a-zčćđšž][A-ZČĆĐŠŽ]")

# --- Roman numerals -----------------------------------------------------------------------------

_ROMAN_RE = re.compile(r"M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_LETTERS_RE = re.compile(r"[IVXLCDM]+")
# Valid numerals that are also Serbian words: in all-caps text ("ANA I MARKO", "MI SMO") they are
# words. "I" is also the sentence-initial conjunction.
_ROMAN_WORDS = frozenset({"I", "MI", "VI", "LI", "DIV"})
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…])[\s\"'„“”‘’«»()\[\]*_>#+\-]*$")
_PREVIOUS_WORD_RE = re.compile(rf"({_ALPHA}+)[^\w\n]*$")
_NEXT_WORD_RE = re.compile(rf"[^\w\n]*({_ALPHA}+)")

# Serbian case endings written after a hyphen on a foreign word: "YouTube-a" → "YouTube-а".
_ENDINGS = frozenset(
    "a e i o u om em ov ova ove ovi ovu ovo ovog ovoj ovom ovim ovih ovima ima ama ja je ji ju jem "
    "jom jima og oj ih im in ina ine inu inom ski ska ske sko sku skog skom skih skim".split()
)

# --- plain-text tokens ----------------------------------------------------------------------------

_LETTER = rf"(?:{_ALPHA}|[{_COMBINING}])"
# {lat}…{/lat} ends at the next mark or blank line, so a stray mark cannot make a scan quadratic.
_PROTECTED = r"\{lat\}(?:(?!\{/?lat\}|\n[ \t]*\n).)*\{/lat\}"
_PLAIN_RE = re.compile(
    rf"""
    (?P<lat>{_PROTECTED})
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
_MARKER_RE = re.compile(r"\{/?lat\}")
_JOINER_RE = re.compile(r"(['’-])")


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

    def __repr__(self) -> str:
        return f"Exceptions(stems={list(self.stems)!r}, words={self.words!r})"

    def mark(self, word: str) -> str:
        """Insert the split mark into ``word`` where an exception stem says so."""
        match = self._pattern.match(word) if self._pattern else None
        if not match:
            return word
        for offset in reversed(self._splits[match.group().lower()]):
            word = word[:offset] + _SPLIT + word[offset:]
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


# --- plain text ---------------------------------------------------------------------------------


def transliterate(text: str, exceptions: Exceptions | Iterable[str] | None = None) -> str:
    """Serbian Latin plain text → Serbian Cyrillic.

    ``exceptions``: None uses ``data/cyrillic_exceptions.yaml``; an :class:`Exceptions` or a list
    of marked stems (``["kon|junktur"]``) replaces it; ``()`` means none.
    Input is NFC-normalised first so that decomposed letters (``c`` + U+030C) count as ``č``.
    """
    rules = _rules(exceptions)
    text = unicodedata.normalize("NFC", text)
    return _PLAIN_RE.sub(lambda match: _plain_token(match, rules), text)


def strip_protection(text: str) -> str:
    """Remove ``{lat}`` / ``{/lat}`` marks for the Latin and English editions.

    Markdown-aware like :func:`transliterate_markdown`, because the hooks pass whole pages: marks
    shown inside code (a page that explains the markup) stay in every edition. For text without
    Markdown code it simply removes every mark.
    """
    return _walk_markdown(text, _strip_marks, _strip_marks)


def _strip_marks(text: str) -> str:
    return _MARKER_RE.sub("", text)


def _plain_token(match: re.Match[str], rules: Exceptions) -> str:
    kind = match.lastgroup
    if kind == "word":
        return _word(match, rules)
    if kind == "lat":
        return _strip_marks(match.group()[5:-6])
    if kind == "marker":
        return ""
    return match.group()  # url, email, file, code


def _word(match: re.Match[str], rules: Exceptions) -> str:
    """Convert one word; Roman-looking words need their context, everything else is memoised."""
    word = match.group()
    memo = rules._memo
    converted = memo.get(word)
    if converted is not None:
        return converted
    if _ROMAN_LETTERS_RE.fullmatch(word):  # never memoised: the answer depends on the context
        if _is_roman_here(word, match.string, match.start(), match.end()):
            return word
        return _serbian_word(word, rules)
    if len(memo) > 200_000:  # a bound for long-running `mkdocs serve` sessions
        memo.clear()
    converted = memo[word] = _convert_word(word, rules)
    return converted


def _is_roman_here(word: str, text: str, start: int, end: int) -> bool:
    """Decide whether an all-caps word of I V X L C D M is a Roman numeral at this place.

    Only valid numerals count ("DIM" is a word). Alone, C, D, L and M are letters (category C,
    annex D); "I" or "V" followed by "." is an initial ("V. Petrović"); "I" at the start of a
    sentence or line is the conjunction. Numerals that are also words (I, MI, VI, LI, DIV) are
    words when a neighbouring word is in capitals ("ANA I MARKO").
    """
    if not _ROMAN_RE.fullmatch(word):
        return False
    before, after = _line_context(text, start, end)
    if len(word) == 1:
        if word not in "IVX" or after.startswith("."):
            return False
        if word == "I" and _SENTENCE_START_RE.search(before):
            return False
    return not (word in _ROMAN_WORDS and _caps_neighbour(before, after))


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
    words = [m.group(1) for m in (_PREVIOUS_WORD_RE.search(before), _NEXT_WORD_RE.match(after)) if m]
    return any(len(w) > 1 and w.isupper() and not _ROMAN_RE.fullmatch(w) for w in words)


def _convert_word(word: str, rules: Exceptions) -> str:
    """Convert a word, or the parts of a hyphenated word, without looking at the context.

    A word with any foreign part stays Latin as a whole ("Wi-Fi"), except a Serbian case ending
    after the last hyphen ("YouTube-a" → "YouTube-а"). Roman numeral parts stay ("XX-og").
    """
    parts = _JOINER_RE.split(word)
    letters = parts[::2]
    all_roman = len(letters) > 1 and all(map(_is_numeral, letters))

    def stays(part: str) -> bool:
        return _is_numeral(part) and (len(part) > 1 or all_roman)

    if any(_is_foreign(part, rules) for part in letters if not stays(part)):
        last = parts[-1]
        if len(parts) > 1 and last in _ENDINGS:
            return "".join(parts[:-1]) + _to_cyrillic(last, rules)
        return word
    return "".join(part if index % 2 or stays(part) else _serbian_word(part, rules) for index, part in enumerate(parts))


def _is_numeral(part: str) -> bool:
    return bool(_ROMAN_LETTERS_RE.fullmatch(part) and _ROMAN_RE.fullmatch(part))


def _is_foreign(word: str, rules: Exceptions) -> bool:
    """Does the word stay Latin: a non-Serbian letter, camelCase, or listed without a Cyrillic form?"""
    listed = rules.listed(word)
    if listed:
        return listed[1] is None
    return bool(_FOREIGN_RE.search(word) or _CAMEL_RE.search(word))


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
    converted = _DIGRAPH_RE.sub(lambda m: _DIGRAPHS[m.group()], marked).translate(_TABLE)
    return converted.replace(_SPLIT, "") if marked is not word else converted


# --- Markdown -----------------------------------------------------------------------------------


def transliterate_markdown(md: str, exceptions: Exceptions | Iterable[str] | None = None) -> str:
    """Serbian Latin Markdown page → Serbian Cyrillic, leaving every piece of syntax byte-identical.

    Untouched: front matter keys and values other than ``title`` and ``description``, fenced and
    indented code, code spans, HTML comments (data markers), HTML tags with their attributes,
    autolinks, link and image targets (their text and title are converted), reference definitions
    and labels, footnote labels, attribute lists (``{#anchor}``), admonition types, includes
    (``{!file!}``), Jinja tags, abbreviation definitions, HTML entities, emoji shortcodes and keys.
    ``{lat}…{/lat}`` keeps its content Latin and the marks are removed.
    """
    rules = _rules(exceptions)

    def text(piece: str) -> str:
        return transliterate(piece, rules)

    def protected(piece: str) -> str:
        return unicodedata.normalize("NFC", _strip_marks(piece))

    return _walk_markdown(md, text, protected)


_FRONT_MATTER_RE = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)
_FRONT_KEY_RE = re.compile(r"(?P<head>(?:title|description)[ \t]*:[ \t]*)(?P<value>.*?)(?P<eol>\r?\n?)")
_YAML_ESCAPE_RE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")

_FENCE_OPEN_RE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)")
_FENCE_CLOSE_RE = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*\r?\n?")
# Lines whose content is indented by 4 under them: list items, definitions, admonitions, tabs,
# footnotes.
_CONTAINER_RE = re.compile(r"(?:[-*+][ \t]|\d{1,9}[.)][ \t]|:[ \t]|!!!|\?\?\?|={3}\+?[ \t]|\[\^[^\]\n]+\]:)")
_BLOCK_START_RE = re.compile(r"(?:#|`{3}|~{3})")
_RAW_BLOCK_RE = re.compile(r"<(pre|script|style)(?=[\s>])", re.IGNORECASE)
_REF_DEF_ID_RE = re.compile(r"^[ ]{0,3}\[(?!\^)([^\]\n]+)\]:", re.MULTILINE)

_ATTR = r"""(?:[\#.][\w-]+|[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s}]+))"""
_INLINE_RE = re.compile(
    rf"""
    (?P<keep>
        <!--.*?-->                                                   # comment, data marker
      | <(?P<raw>(?i:script|style|pre|code|kbd|samp|var))\b(?:[^>"']|"[^"]*"|'[^']*')*>
        (?:[^<]|<(?!/?(?P=raw)\b))*</(?P=raw)\s*>                            # <code>…</code>
      | (?<![`\\])(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)    # code span
      | <(?:[A-Za-z][A-Za-z0-9+.-]{{1,31}}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>        # autolink
      | </?[A-Za-z][A-Za-z0-9:-]*(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?/?>        # HTML tag
      | (?m:^[ ]{{0,3}}\[(?!\^)[^\]\n]+\]:[ \t]*(?:<[^>\n]*>|\S+))              # [id]: url
      | (?m:^[ \t]*\*\[[^\]\n]+\]:[^\n]*)                                      # *[ABBR]: …
      | \[\^[^\]\s]+\]                                                       # [^1]
      | \]\[[^\]\n]+\]                                                       # [text][id]
      | \{{![^\n]*?!\}}                                                      # {{!file.md!}}
      | \{{\{{[^\n]*?\}}\}} | \{{%[^\n]*?%\}}                                  # Jinja
      | \{{:?[ \t]*{_ATTR}(?:[ \t]+{_ATTR})*[ \t]*\}}                         # {{#anchor .cls}}
      | (?m:^[ \t]*(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*)              # !!! note
      | &(?:\#[0-9]+|\#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);                # &nbsp;
      | (?<![\w:]):[a-z0-9][a-z0-9_+-]*:(?![\w:])                            # :emoji:
      | \+\+[\w+-]+\+\+                                                      # ++ctrl+c++
    )
  | (?P<link>\]\([ \t]*(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)
        (?P<title>(?:[ \t]+|[ \t]*\n[ \t]*)(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))
  | (?P<lat>{_PROTECTED})
  | \[(?P<ref>[^\[\]\n`<>{{&]+)\](?P<collapsed>\[\])?(?![(\[:])               # [text] / [text][]
    """,
    re.VERBOSE | re.DOTALL,
)


def _walk_markdown(md: str, text: Callable[[str], str], protected: Callable[[str], str]) -> str:
    """Apply ``text`` to the prose of a Markdown page and ``protected`` to ``{lat}`` contents."""
    front = _FRONT_MATTER_RE.match(md)
    out = [_front_matter(front.group(), text)] if front else []
    body = md[front.end() :] if front else md
    ref_ids = {_ref_key(label) for label in _REF_DEF_ID_RE.findall(body)}
    for verbatim, chunk in _markdown_blocks(body):
        out.append(chunk if verbatim else _inline(chunk, text, protected, ref_ids))
    return "".join(out)


def _front_matter(block: str, text: Callable[[str], str]) -> str:
    """Convert the values of top-level ``title`` and ``description``; keep the rest of the YAML."""
    out = []
    in_value = False
    for line in block.splitlines(keepends=True):
        key = _FRONT_KEY_RE.fullmatch(line)
        if key:
            out.append(key["head"] + _yaml_text(key["value"], text) + key["eol"])
            in_value = True
        elif in_value and (line[:1] in (" ", "\t") or not line.strip()):
            out.append(_yaml_text(line, text))  # continuation or block scalar line
        else:
            out.append(line)
            in_value = False
    return "".join(out)


def _yaml_text(value: str, text: Callable[[str], str]) -> str:
    """Convert a YAML scalar's text but not its escapes (``\\n`` must not become ``\\н``)."""
    return _map_gaps(_YAML_ESCAPE_RE, value, text, lambda m: m.group())


def _markdown_blocks(md: str) -> Iterator[tuple[bool, str]]:
    """Split a page into runs of lines, each (verbatim, text); see :func:`_verbatim_lines`."""
    for verbatim, lines in groupby(_verbatim_lines(md), key=itemgetter(0)):
        yield verbatim, "".join(line for _, line in lines)


def _verbatim_lines(md: str) -> Iterator[tuple[bool, str]]:
    """Say for each line whether it is verbatim: code blocks, multi-line comments and multi-line
    ``<pre>``, ``<script>`` and ``<style>`` elements are.

    Indented code is told apart from the indented content of list items, admonitions, tabs,
    definitions and footnotes (Python-Markdown indents those by 4): code needs 4 more spaces than
    the container and a blank line before it. A less indented line closes a container only after a
    blank line or when it starts a block itself (a lazy continuation line does not).
    """
    fence: str | None = None
    raw_close: re.Pattern[str] | None = None  # the end tag of an open <pre>, <script> or <style>
    comment = in_code = False
    containers: list[int] = []
    prev_blank = True
    for line in md.splitlines(keepends=True):
        if fence:
            close = _FENCE_CLOSE_RE.fullmatch(line)
            if close and close["fence"][0] == fence[0] and len(close["fence"]) >= len(fence):
                fence = None
            prev_blank = False
            yield True, line
            continue
        if comment:
            comment = "-->" not in line
            yield True, line
            continue
        if raw_close:
            if raw_close.search(line):
                raw_close = None
            yield True, line
            continue
        blank = not line.strip()
        indent = _indent(line)
        if in_code:
            if blank or indent >= (containers[-1] if containers else 0) + 4:
                yield True, line
                continue
            in_code = False
        if blank:
            prev_blank = True
            yield False, line
            continue
        content = line.lstrip(" \t")
        if prev_blank or _CONTAINER_RE.match(content) or _BLOCK_START_RE.match(content):
            while containers and indent < containers[-1]:
                containers.pop()
        base = containers[-1] if containers else 0
        opening = _FENCE_OPEN_RE.match(line)
        raw = _RAW_BLOCK_RE.match(content)
        verbatim = True
        if prev_blank and indent >= base + 4:
            in_code = True
        elif opening and not (opening["fence"][0] == "`" and "`" in opening["info"]):
            fence = opening["fence"]
        elif content.startswith("<!--") and "-->" not in content[4:]:
            comment = True
        elif raw and not _end_tag(raw[1]).search(content):
            raw_close = _end_tag(raw[1])
        else:
            verbatim = False
            if _CONTAINER_RE.match(content):
                containers.append(indent + 4)
        prev_blank = False
        yield verbatim, line


def _end_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"</{name}\s*>", re.IGNORECASE)


def _indent(line: str) -> int:
    """Width of the leading whitespace, tabs counting to the next multiple of 4."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _inline(chunk: str, text: Callable[[str], str], protected: Callable[[str], str], ref_ids: set[str]) -> str:
    """Convert the prose between the inline syntax of a non-code run of Markdown."""

    def construct(match: re.Match[str]) -> str:
        if match["keep"] is not None:
            return match.group()
        if match["link"] is not None:
            if match["title"] is None:
                return match.group()
            start, end = match.span("title")
            base = match.start()
            whole = match.group()
            return whole[: start - base] + text(match["title"]) + whole[end - base :]
        if match["lat"] is not None:
            return protected(match["lat"][5:-6])
        label = match["ref"]
        converted = text(label)
        if _ref_key(label) in ref_ids and converted != label:
            return f"[{converted}][{label}]"  # keep the reference id that [label]: url defines
        return f"[{converted}]{match['collapsed'] or ''}"

    return _map_gaps(_INLINE_RE, chunk, text, construct)


def _ref_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def _map_gaps(
    pattern: re.Pattern[str], source: str, gap: Callable[[str], str], hit: Callable[[re.Match[str]], str]
) -> str:
    """Rebuild ``source`` with ``hit`` applied to each match and ``gap`` to the text between."""
    out = []
    position = 0
    for match in pattern.finditer(source):
        if match.start() > position:
            out.append(gap(source[position : match.start()]))
        out.append(hit(match))
        position = match.end()
    if position < len(source):
        out.append(gap(source[position:]))
    return "".join(out)


# --- the exception list -------------------------------------------------------------------------


def _rules(exceptions: Exceptions | Iterable[str] | None) -> Exceptions:
    if exceptions is None:
        return _default_exceptions()
    if isinstance(exceptions, Exceptions):
        return exceptions
    return _exceptions_from_stems(tuple(exceptions))


@cache
def _default_exceptions() -> Exceptions:
    return load_exceptions(DEFAULT_EXCEPTIONS_PATH)


@cache
def _exceptions_from_stems(stems: tuple[str, ...]) -> Exceptions:
    return Exceptions(stems)


def load_exceptions(path: str | Path = DEFAULT_EXCEPTIONS_PATH) -> Exceptions:
    """Read and check an exception list; raise :class:`ExceptionsFileError` listing every problem.

    Checks the JSON Schema beside the default file, then what a schema cannot: unique stems, each
    ``example`` starts with its stem, and each example really gives its ``cyrillic`` form.
    """
    import yaml

    path = Path(path)
    name = _display(path)
    try:
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ExceptionsFileError(
            f"{name}: file not found; create it (see {_display(SCHEMA_PATH)}) or pass another path"
        ) from None
    except UnicodeDecodeError as exc:
        raise ExceptionsFileError(f"{name}:1: not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
        document = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise ExceptionsFileError(
            f"{name}:{line}: YAML syntax error: {problem}; check indentation, colons and quotes"
        ) from None
    from hooks.data_loader import format_path, line_of, node_lines  # one YAML line mapper for all data

    lines = node_lines(node) if node is not None else {}
    problems = [
        f"{name}:{line_of(lines, where)}: {format_path(where) or '(top level)'}: {message}"
        for where, message in _check_document(document)
    ]
    if problems:
        head = f"{len(problems)} problem(s) in the Cyrillic exception list:"
        raise ExceptionsFileError("\n".join([head, *(f"  {p}" for p in problems)]))
    return Exceptions(
        (entry["latin"] for entry in document["exceptions"]),
        {entry["latin"]: entry.get("cyrillic") for entry in document.get("words", [])},
    )


def _check_document(document: Any) -> list[tuple[tuple, str]]:
    """Every problem of a parsed exception file as (path inside the document, message)."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    common = SCHEMA_PATH.with_name("common.schema.json")
    registry: Registry = Registry()
    if common.exists():
        contents = json.loads(common.read_text(encoding="utf-8"))
        registry = registry.with_resource("common.schema.json", Resource.from_contents(contents))
    validator = Draft202012Validator(schema, registry=registry)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        return [(tuple(e.absolute_path), _explain(e)) for e in errors]

    problems: list[tuple[tuple, str]] = []
    seen: dict[str, int] = {}
    entries = document["exceptions"]
    for index, entry in enumerate(entries):
        stem = entry["latin"].replace("|", "")
        if stem in seen:
            problems.append((("exceptions", index, "latin"), f"same stem as exceptions[{seen[stem]}]; remove one"))
        seen.setdefault(stem, index)
        if not entry["example"].lower().startswith(stem):
            problems.append(
                (
                    ("exceptions", index, "example"),
                    f"'{entry['example']}' does not start with '{stem}'; give a word that does",
                )
            )
    seen_words: dict[str, int] = {}
    for index, entry in enumerate(document.get("words", [])):
        key = entry["latin"].casefold()
        if key in seen_words:
            problems.append((("words", index, "latin"), f"same word as words[{seen_words[key]}]; remove one"))
        seen_words.setdefault(key, index)
    if not problems:
        rules = Exceptions(entry["latin"] for entry in entries)
        for index, entry in enumerate(entries):
            got = transliterate(entry["example"], rules)
            if got != entry["cyrillic"]:
                problems.append(
                    (
                        ("exceptions", index, "cyrillic"),
                        f"'{entry['example']}' becomes '{got}', not '{entry['cyrillic']}'; "
                        "correct 'cyrillic' or move the '|' in 'latin'",
                    )
                )
    return problems


def _explain(error: Any) -> str:
    """Schema error → what is wrong and how to fix it (the schema's description says the fix)."""
    found = json.dumps(error.instance, ensure_ascii=False, default=str)
    found = found if len(found) <= 60 else found[:57] + "..."
    if error.validator == "required":
        return f"{error.message}; add it"
    if error.validator == "additionalProperties":
        allowed = ", ".join(sorted(error.schema.get("properties", {})))
        return f"{error.message}; allowed keys: {allowed} (a typo?)"
    hint = error.schema.get("description")
    message = f"found {found}" if error.validator == "pattern" else error.message
    return f"{message}; {hint}" if hint else message


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


# --- command line -------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    """Read Serbian Latin on stdin, write Serbian Cyrillic on stdout (UTF-8 whatever the locale)."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="python -m hooks.cyrillic",
        description="Transliterate Serbian Latin (stdin) to Serbian Cyrillic (stdout), UTF-8.",
        epilog="Example: echo 'Ljubljana, XXI vek' | .venv/bin/python -m hooks.cyrillic → Љубљана, XXI век",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--markdown",
        dest="markdown",
        action="store_true",
        default=True,
        help="treat the input as Markdown (the default): code, link targets, HTML tags and "
        "comments, anchors, admonition types and other syntax stay untouched. Plain prose comes "
        "out the same as with --plain; only lines that Markdown reads as code (indented by 4 "
        "spaces after a blank line) or syntax (`code`, <tag>, &entity;) would differ",
    )
    mode.add_argument(
        "--plain",
        dest="markdown",
        action="store_false",
        help="treat the input as plain text: every word is transliterated except foreign words, "
        "Roman numerals, URLs, e-mail addresses, file names and {lat}…{/lat}",
    )
    parser.add_argument(
        "--exceptions",
        type=Path,
        default=DEFAULT_EXCEPTIONS_PATH,
        metavar="FILE",
        help=f"exception list (default: {_display(DEFAULT_EXCEPTIONS_PATH)})",
    )
    args = parser.parse_args(argv)
    try:
        rules = load_exceptions(args.exceptions)
        source = sys.stdin.read()
    except ExceptionsFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"stdin is not UTF-8 text ({exc.reason}); convert it to UTF-8", file=sys.stderr)
        return 2
    convert = transliterate_markdown if args.markdown else transliterate
    sys.stdout.write(convert(source, rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
