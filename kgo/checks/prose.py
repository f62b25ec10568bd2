"""The prose of a Markdown page, read the way the Cyrillic edition reads it (kgo.cyrillic): what a
reader reads, with ``{lat}…{/lat}`` apart, words split as hunspell splits them, and the Cyrillic
form of each word. The spelling and style checks share it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from kgo.cyrillic import transliterate
from kgo.cyrillic.letters import PLAIN_RE
from kgo.cyrillic.markdown import walk_markdown

# Private-use characters that mark where prose starts and ends in a walked page.
_PROSE, _FOREIGN, _END = "\ue010", "\ue011", "\ue012"
_DIGIT_RE = re.compile(r"\d")


@dataclass(frozen=True)
class Token:
    """A word of the prose: where it is and whether it is in ``{lat}…{/lat}``."""

    word: str
    line: int
    foreign: bool = False




def prose(markdown: str) -> tuple[str, str]:
    """(prose, foreign): two copies of the page, line for line, with everything else blanked.

    ``prose`` keeps the text a reader reads; ``foreign`` keeps only what is in ``{lat}…{/lat}``.
    Every other character becomes a space, so line numbers (and most columns) stay those of the
    file.
    """
    walked = walk_markdown(
        unicodedata.normalize("NFC", markdown),
        lambda text: _PROSE + text + _END,
        lambda text: _FOREIGN + text + _END,
    )
    keep: list[str] = []
    foreign: list[str] = []
    state = None
    for char in walked:
        if char in (_PROSE, _FOREIGN):
            state = char
        elif char == _END:
            state = None
        elif char == "\n":
            keep.append(char)
            foreign.append(char)
        else:
            keep.append(char if state == _PROSE else " ")
            foreign.append(char if state == _FOREIGN else " ")
    return "".join(keep), "".join(foreign)


def words(text: str) -> list[tuple[int, str]]:
    """(line, word) for every word of plain text, as hunspell splits them (at hyphens).

    URLs, e-mail addresses, file names and ``{lat}`` marks are skipped, as are numbers, words with
    digits and one-letter words.
    """
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in PLAIN_RE.finditer(line):
            if match.lastgroup != "word":
                continue
            for part in match.group().split("-"):
                part = part.strip("'’")
                if len(part) > 1 and not _DIGIT_RE.search(part):
                    found.append((number, part))
    return found


def tokens(markdown: str) -> list[Token]:
    """Every word of a page's prose, with ``{lat}`` words marked as foreign."""
    text, foreign = prose(markdown)
    found = [Token(word, line) for line, word in words(text)]
    found += [Token(word, line, True) for line, word in words(foreign)]
    return sorted(found, key=lambda token: token.line)


def cyrillic_tokens(markdown: str) -> list[tuple[Token, str]]:
    """(Latin token, its form in the Cyrillic edition) for the prose outside ``{lat}``.

    The prose is transliterated as a whole, in context (Roman numerals, exceptions), as the build
    does; words then pair up by position within their line. Where a line does not split into the
    same number of words in both scripts (``godine.Opština`` is a file name in Latin only), its
    words are transliterated one by one.
    """
    text, _ = prose(markdown)
    latin_lines = text.split("\n")
    cyrillic_lines = transliterate(text).split("\n")
    pairs = []
    for number, (latin, cyrillic) in enumerate(zip(latin_lines, cyrillic_lines, strict=True), start=1):
        latin_words = [word for _, word in words(latin)]
        shown = [word for _, word in words(cyrillic)]
        if len(shown) != len(latin_words):
            shown = [transliterate(word) for word in latin_words]
        pairs += [(Token(word, number), form) for word, form in zip(latin_words, shown, strict=True)]
    return pairs
