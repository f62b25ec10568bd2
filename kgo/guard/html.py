"""Find, in a piece of HTML, what could run code or load something from another host.

Scripts, embedded documents and plugins, event attributes (``on…=``), ``javascript:`` URLs,
``<base>`` and ``<meta http-equiv>``, and every resource outside the site: ``src``, ``srcset``,
``poster``, ``data``, ``<link href>``, SVG ``href``, ``ping``, a ``<form action>`` elsewhere, and
CSS ``url()``/``@import`` in ``style`` attributes and ``<style>``. A link (``<a href>``) to
another host is allowed: it loads nothing until the reader follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

EMBEDS = {"iframe", "frame", "frameset", "object", "embed", "applet", "portal", "fencedframe"}
# Attributes whose value is a URL the browser fetches by itself.
RESOURCE_ATTRS = {"src", "poster", "data", "background", "lowsrc", "dynsrc", "longdesc", "manifest",
                  "codebase", "archive"}
# Attributes whose value is a URL (a javascript: URL in any of them runs code).
URL_ATTRS = RESOURCE_ATTRS | {"href", "xlink:href", "action", "formaction", "cite", "ping", "srcset",
                              "usemap", "itemtype"}
SVG_FETCHING = {"image", "use", "feimage", "script"}   # SVG elements whose href loads a resource
JSON_TYPES = {"application/json", "application/ld+json"}  # <script> data blocks: never run
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20]+")
_CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)|@import\s+(?P<q2>['"])(?P<url2>.*?)(?P=q2)""",
                      re.IGNORECASE | re.DOTALL)


# Text without any of these holds nothing to find: most pieces of a page are not parsed at all.
# (Simple searches in the lower-cased text: one regular expression for all was slower than parsing.)
_TAGS = tuple(f"<{tag}" for tag in ("script", "style", "base", "meta", "link", "form", "image", "use",
                                    "feimage", *EMBEDS))
_TOKENS = (*_TAGS, "script:", "url(", "@import", "&colon", "&tab", "&newline")
_ATTRS = re.compile(r"(?:src|srcset|poster|background|manifest|codebase|archive|ping|action|formaction|longdesc|"
                    r"data|lowsrc|dynsrc)\s*=")
_EVENT = re.compile(r"on[a-z]+\s*=")
_ENTITY_IN_TAG = re.compile(r"<[^<>]*&#")  # an entity inside a tag may spell a URL's scheme


def _maybe(html: str) -> bool:
    text = html.lower()
    return (any(token in text for token in _TOKENS) or bool(_ATTRS.search(text) or _EVENT.search(text))
            or ("&#" in text and bool(_ENTITY_IN_TAG.search(text))))


@dataclass(frozen=True)
class Hit:
    line: int          # 1-based, in the HTML given
    rule: str          # a key of kgo.guard.findings.RULES
    what: str          # what was found, quoted as the page has it
    needle: str        # a piece of it to look for in the source (to find the line there)


def outside(url: str, own_origin: str = "") -> bool:
    """True when loading ``url`` asks another host: a scheme (http:, https:, ftp:, …) or ``//host``.
    ``data:`` and ``blob:`` stay in the page; a URL of the site's own origin (site_url) is the site."""
    plain = _CONTROL.sub("", url).lower()
    if own_origin and plain.startswith(own_origin.lower().rstrip("/") + "/"):
        return False
    if plain.startswith("//"):
        return True
    scheme = _SCHEME.match(plain)
    return bool(scheme) and scheme.group(1) not in {"data", "blob"}


def runs_code(url: str) -> bool:
    """True for a ``javascript:`` (or ``vbscript:``) URL, however it is spaced or capitalised."""
    return _CONTROL.sub("", url).lower().startswith(("javascript:", "vbscript:"))


def css_urls(css: str) -> list[str]:
    """Every URL a piece of CSS loads: ``url(…)`` and ``@import "…"``."""
    return [(m.group("url") if m.group("url") is not None else m.group("url2")) or "" for m in _CSS_URL.finditer(css)]


def _srcset_urls(value: str) -> list[str]:
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Scanner(HTMLParser):
    def __init__(self, own_origin: str, data_blocks: bool):
        super().__init__(convert_charrefs=True)
        self.own_origin, self.data_blocks = own_origin, data_blocks
        self.hits: list[Hit] = []
        self._style_line = 0   # inside <style>: the line it started on

    def _hit(self, rule: str, what: str, needle: str, line: int = 0) -> None:
        self.hits.append(Hit(line or self.getpos()[0], rule, _short(what), needle))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        whole = True  # the element itself is the finding: its URLs need no finding of their own
        if tag == "script" and not (self.data_blocks and values.get("type", "").strip().lower() in JSON_TYPES
                                    and "src" not in values):
            self._hit("script", "<script>", "<script")
        elif tag in EMBEDS:
            self._hit("embed", f"<{tag}>", f"<{tag}")
        elif tag == "base" or (tag == "meta" and "http-equiv" in values):
            self._hit("page-control", f"<{tag}>", f"<{tag}")
        else:
            whole = False
        if tag == "style":
            self._style_line = self.getpos()[0]
        for name, value in values.items():
            if not whole or re.fullmatch(r"on[a-z]+", name):
                self._attribute(tag, name, value)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style_line = 0

    def handle_data(self, data: str) -> None:
        if self._style_line:
            line = self.getpos()[0]
            for url in css_urls(data):
                if outside(url, self.own_origin):
                    self._hit("remote-resource", f"CSS url({url})", url, line + data.count("\n", 0, data.find(url)))

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if re.fullmatch(r"on[a-z]+", name):
            self._hit("event-attribute", f'{name}="{value}"', name)
        elif name in URL_ATTRS and runs_code(value):
            self._hit("javascript-url", f'{name}="{value}"', value.strip())
        elif name == "style":
            for url in css_urls(value):
                if outside(url, self.own_origin):
                    self._hit("remote-resource", f"CSS url({url}) in style=", url)
        elif name in {"action", "formaction"} and outside(value, self.own_origin):
            self._hit("remote-form", f'<{tag} {name}="{value}">', value.strip())
        elif name == "srcset" or (tag == "source" and name == "srcset"):
            for url in _srcset_urls(value):
                if outside(url, self.own_origin):
                    self._hit("remote-resource", f'<{tag} srcset="{url} …">', url)
        elif (name in RESOURCE_ATTRS or name == "ping"
              or (name in {"href", "xlink:href"} and (tag == "link" or tag in SVG_FETCHING))):
            if outside(value, self.own_origin):
                self._hit("remote-resource", f'<{tag} {name}="{value}">', value.strip())


def scan_html(html: str, own_origin: str = "", data_blocks: bool = False) -> list[Hit]:
    """Everything in ``html`` that could run code or load from another host, with its line.

    ``data_blocks=True`` lets ``<script type="application/json">`` pass (a renderer's data for a
    reviewed script; a browser never runs it)."""
    if not _maybe(html):
        return []
    scanner = _Scanner(own_origin, data_blocks)
    scanner.feed(html)
    scanner.close()
    return scanner.hits
