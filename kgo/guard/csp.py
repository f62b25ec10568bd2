"""Every finished page carries its Content-Security-Policy and referrer policy in ``<meta>`` tags
(the host sends no headers), right after ``<meta charset>``, before anything the policy covers.

The policy lets the page load only the site's own scripts, styles, fonts, images and data. The few
inline scripts of the theme (Material's ``__md_scope`` set-up, its tab restorer, our table
scroll helper in overrides/main.html) are allowed by their SHA-256 hashes, computed from this
page's final HTML: ``'unsafe-inline'`` is never allowed for scripts. ``<style>`` elements are
allowed by hash too; only ``style=`` attributes (the theme and the data tables use them) need
``'unsafe-inline'``, in ``style-src-attr`` (and in ``style-src``, which only browsers without
``style-src-elem``/``-attr`` read).
"""

from __future__ import annotations

import base64
import hashlib
import re

REFERRER = "strict-origin-when-cross-origin"
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_STYLE = re.compile(r"<style\b[^>]*>(?P<body>.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*(["']?)(?P<type>[^"'\s>]*)\1""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
             "text/ecmascript", "application/x-javascript", "text/jscript"}
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_BLANK_LINK = re.compile(r"<a\b[^>]*\btarget\s*=\s*[\"']?_blank\b[^>]*>", re.IGNORECASE)
_REL = re.compile(r"""\brel\s*=\s*(?P<q>["'])(?P<value>.*?)(?P=q)""", re.IGNORECASE)


def digest(text: str) -> str:
    """The CSP source expression of an inline element's text ('sha256-…'): the browser hashes the
    UTF-8 bytes of the text as the HTML has it (line breaks normalised to LF)."""
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    return f"'sha256-{base64.b64encode(hashlib.sha256(data).digest()).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script a browser would run (data blocks such as JSON are not run)."""
    found = []
    for match in _SCRIPT.finditer(html):
        kind = _TYPE.search(match["attrs"])
        if _SRC.search(match["attrs"]) or (kind and kind["type"].strip().lower() not in _JS_TYPES):
            continue
        found.append(match["body"])
    return found


def inline_styles(html: str) -> list[str]:
    return [match["body"] for match in _STYLE.finditer(html)]


def _hashes(texts: list[str]) -> str:
    return "".join(f" {h}" for h in dict.fromkeys(digest(text) for text in texts))


def policy(html: str, preview: bool = False) -> str:
    """The Content-Security-Policy of a finished page. In a preview (``mkdocs serve``) inline
    scripts run: the server puts its live-reload script into every page as it sends it."""
    scripts = " 'unsafe-inline'" if preview else _hashes(inline_scripts(html))
    return "; ".join([
        "default-src 'self'",
        f"script-src 'self'{scripts}",
        "style-src 'self' 'unsafe-inline'",
        f"style-src-elem 'self'{_hashes(inline_styles(html))}",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def _noopener(match: re.Match) -> str:
    tag = match.group(0)
    rel = _REL.search(tag)
    if rel is None:
        return tag[:-1].rstrip("/ ") + ' rel="noopener">' if not tag.endswith("/>") else tag[:-2] + ' rel="noopener"/>'
    if "noopener" in rel["value"].lower().split():
        return tag
    value = f"{rel['value']} noopener".strip()
    return tag[:rel.start()] + f'rel={rel["q"]}{value}{rel["q"]}' + tag[rel.end():]


def secure_page(html: str, preview: bool = False) -> str:
    """The page with its policies in the head and ``rel="noopener"`` on links that open a new window.
    A text without a head (not a page) comes back as it was."""
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    html = _BLANK_LINK.sub(_noopener, html)
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    meta = (f'\n<meta http-equiv="Content-Security-Policy" content="{policy(html, preview)}">'
            f'\n<meta name="referrer" content="{REFERRER}">')
    return html[:anchor.end()] + meta + html[anchor.end():]
