"""Serbian Latin Markdown → Serbian Cyrillic, leaving every piece of Markdown syntax byte-identical:
the walker below separates text from syntax (code, link targets, HTML tags and comments such as data
markers, anchors, admonition types …) and converts only the text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby
from operator import itemgetter

from kgo.cyrillic.letters import PROTECTED, Exceptions
from kgo.cyrillic.words import exception_rules, numbering_numerals, strip_marks, transliterate

# --- Markdown -----------------------------------------------------------------------------------


def transliterate_markdown(md: str, exceptions: Exceptions | Iterable[str] | None = None) -> str:
    """Serbian Latin Markdown page → Serbian Cyrillic, leaving every piece of syntax byte-identical.

    Untouched: front matter keys and values other than ``title`` and ``description``, fenced and
    indented code, code spans, HTML comments (data markers), HTML tags with their attributes,
    autolinks, link and image targets (their text and title are converted), reference definitions
    and labels, footnote labels, attribute lists (``{#anchor}``), admonition types, includes
    (``{!file!}``), Jinja tags, abbreviation definitions, HTML entities, emoji shortcodes and keys.
    ``{lat}…{/lat}`` keeps its content Latin and the marks are removed. Roman numerals that
    number lines anywhere on the page decide whether a lone "I." or "V." is a numeral.
    """
    rules = exception_rules(exceptions)
    numbering = numbering_numerals(md)

    def text(piece: str) -> str:
        return transliterate(piece, rules, numbering)

    def protected(piece: str) -> str:
        return unicodedata.normalize("NFC", strip_marks(piece))

    return walk_markdown(md, text, protected)


FRONT_MATTER_RE = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.DOTALL)
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
  | (?P<lat>{PROTECTED})
  | \[(?P<ref>[^\[\]\n`<>{{&]+)\](?P<collapsed>\[\])?(?![(\[:])               # [text] / [text][]
    """,
    re.VERBOSE | re.DOTALL,
)


def walk_markdown(md: str, text: Callable[[str], str], protected: Callable[[str], str]) -> str:
    """Apply ``text`` to the prose of a Markdown page and ``protected`` to ``{lat}`` contents."""
    front = FRONT_MATTER_RE.match(md)
    out = [_front_matter(front.group(), text)] if front else []
    body = md[front.end() :] if front else md
    ref_ids = {_ref_key(label) for label in _REF_DEF_ID_RE.findall(body)}
    for verbatim, chunk in markdown_blocks(body):
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


def markdown_blocks(md: str) -> Iterator[tuple[bool, str]]:
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


def strip_protection(text: str) -> str:
    """Remove ``{lat}`` / ``{/lat}`` marks for the Latin and English editions.

    Markdown-aware like :func:`transliterate_markdown`, because the hooks pass whole pages: marks
    shown inside code (a page that explains the markup) stay in every edition. For text without
    Markdown code it simply removes every mark.
    """
    if "{lat}" not in text and "{/lat}" not in text:
        return text  # most pages have none: skip the walk over their Markdown
    return walk_markdown(text, strip_marks, strip_marks)
