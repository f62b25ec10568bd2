"""The content guard on a Markdown source: its raw HTML, its images and its attribute lists.

Code (fenced blocks and `code spans`) and HTML comments (data markers) are shown as text or not at
all, so they are blanked out first, keeping every line where it was: a finding's line is the
line in the editor.
"""

from __future__ import annotations

import re

from kgo.guard.html import Hit, outside, scan_html

_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A code span: a run of backticks, text not crossing a blank line, the same run again.
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
_IMAGE = re.compile(r"!\[(?:[^\]\\]|\\.)*\]\(\s*<?(?P<url>[^\s)>]+)")
_IMAGE_REF = re.compile(r"!\[(?P<alt>(?:[^\]\\]|\\.)*)\](?:\[(?P<ref>[^\]]*)\])?")
_DEFINITION = re.compile(r"^[ \t]{0,3}\[(?P<ref>[^\]]+)\]:[ \t]*<?(?P<url>[^\s>]+)", re.MULTILINE)
_ATTR_LIST = re.compile(r"\{:?[ \t]*(?P<body>[^{}\n]*?)\}")
_ATTR_EVENT = re.compile(r"(?:^|\s)(?P<name>on[a-z]+)\s*=")
_INCLUDE = re.compile(r"\{!\s*(?P<path>[^!]+?)\s*!\}")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def _without_code(markdown: str) -> str:
    """The text with fenced code blocks, code spans and comments blanked, lines kept."""
    lines, fence = [], None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
            lines.append("")
        elif fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) \
                    and not line[opening.end():].strip():
                fence = None
            lines.append("")
        else:
            lines.append(line)
    text = _COMMENT.sub(_blank, "\n".join(lines))
    return _CODE_SPAN.sub(_blank, text)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _ref_key(ref: str) -> str:
    return " ".join(ref.lower().split())


def scan_markdown(markdown: str, own_origin: str = "") -> list[Hit]:
    """Every construct of a Markdown page that could run code or load from another host."""
    text = _without_code(markdown)
    hits = scan_html(text, own_origin)
    for match in _IMAGE.finditer(text):
        if outside(match["url"], own_origin):
            hits.append(Hit(_line(text, match.start()), "remote-resource", f"image ![…]({match['url']})",
                            match["url"]))
    definitions = {_ref_key(m["ref"]): m["url"] for m in _DEFINITION.finditer(text)}
    for match in _IMAGE_REF.finditer(text):
        if text[match.end():match.end() + 1] == "(":
            continue  # an inline image, seen above
        url = definitions.get(_ref_key(match["ref"] or match["alt"]), "")
        if url and outside(url, own_origin):
            hits.append(Hit(_line(text, match.start()), "remote-resource", f"image ![…][…] from {url}", url))
    for match in _ATTR_LIST.finditer(text):
        for event in _ATTR_EVENT.finditer(match["body"]):
            hits.append(Hit(_line(text, match.start()), "event-attribute",
                            f"{event['name']}= in {{{match['body'].strip()}}}", event["name"]))
    return sorted(hits, key=lambda hit: hit.line)


def includes(markdown: str) -> list[str]:
    """The files a page includes with ``{!path!}`` (markdown_include, paths under docs/)."""
    return [m["path"] for m in _INCLUDE.finditer(_without_code(markdown))]
