"""Keyboard use in a real browser: the skip link comes first and leads to the text, every control
can be reached with Tab, and the focused element is always visibly marked."""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.browser.conftest import EDITIONS, open_page, page_url

pytestmark = pytest.mark.slow

SKIP_TEXT = {"sr-Latn": "Idi na tekst", "sr-Cyrl": "Иди на текст", "en": "Skip to content"}

# Every control a keyboard user should be able to reach, numbered in data-kg-key. Radio buttons
# of one group are one Tab stop (arrow keys choose within the group), so they share a number.
MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
  const shown = el => {
    if (el.closest('[inert], [hidden]') || el.disabled || el.getAttribute('tabindex') === '-1') return false;
    if (!el.checkVisibility({visibilityProperty: true})) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const groups = {};
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!shown(el)) continue;
    let key = out.length;
    if (el.type === 'radio' && el.name) {
      key = groups[el.name] ?? (groups[el.name] = out.length);
      if (key !== out.length) { el.dataset.kgKey = key; continue; }
    }
    el.dataset.kgKey = key;
    out.push({key, label: (el.tagName + ' ' + (el.getAttribute('aria-label') || el.textContent || el.name || '')
                           .trim().slice(0, 50))});
  }
  return out;
}"""

# What the focused element looks like: its key and whether a focus mark is drawn.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.getAnimations().forEach(a => a.finish());  // the state after fade-ins (skip link, ¶ links)
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1
                  && style.outlineColor !== 'rgba(0, 0, 0, 0)' && style.outlineColor !== 'transparent';
  const shadow = style.boxShadow !== 'none';
  const r = el.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth;
  // Where the element is, in reading order (the two sidebars share a rank: Material puts the
  // table of contents before the text in the document, a reading order that keeps the meaning).
  const regions = [['.md-skip', 0], ['.md-header', 1], ['.md-tabs', 2], ['.md-sidebar', 3],
                   ['.md-content', 4], ['.md-footer', 5]];
  const region = (regions.find(([sel]) => el.closest(sel)) || [null, null])[1];
  return {key: el.dataset.kgKey === undefined ? null : Number(el.dataset.kgKey), marked: outline || shadow, onScreen,
          region,
          visible: style.visibility !== 'hidden' && parseFloat(style.opacity) > 0,
          label: el.tagName + ' '
                 + (el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 50)};
}"""


def tab_through(page, limit: int = 800) -> list[dict]:
    """Press Tab from the top of the page until focus comes back round; what got focus, in order."""
    visited: list[dict] = []
    empty = 0
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info is None:  # focus left the document (past the last element): one more Tab wraps
            empty += 1
            if empty > 1 or visited:
                break
            continue
        if visited and info["key"] is not None and info["key"] == visited[0]["key"]:
            break
        visited.append(info)
    return visited


@pytest.mark.parametrize(("viewport", "name"), [
    *[("desktop", name) for name in ("home", "prirucnik", "self-assessment", "downloads", "search")],
    ("phone", "home"), ("phone", "prirucnik")])
def test_every_control_is_reached_with_tab_and_visibly_focused(contexts, server, key_pages, viewport, name):
    page = contexts[viewport].new_page()
    try:
        url = page_url(server, "sr-Latn", key_pages[name])
        open_page(page, url)
        controls = page.evaluate(MARK_CONTROLS)
        visited = tab_through(page, limit=len(controls) * 2 + 50)
    finally:
        page.close()
    assert len(controls) > 10, f"{url}: only {len(controls)} controls found"
    reached = {v["key"] for v in visited}
    missed = [c["label"] for c in controls if c["key"] not in reached]
    assert not missed, f"{url}: {len(missed)} control(s) cannot be reached with Tab: {missed[:15]}"
    unmarked = [v["label"] for v in visited if not (v["marked"] and v["visible"] and v["onScreen"])]
    assert not unmarked, f"{url}: focus is not visible on {len(unmarked)} element(s): {unmarked[:15]}"
    # Focus order follows the page: skip link, header, tabs, navigation, text, footer.
    ranks = [(v["region"], v["label"]) for v in visited if v["region"] is not None]
    back = [(a[1], b[1]) for a, b in pairwise(ranks) if b[0] < a[0]]
    assert not back, f"{url}: Tab goes back up the page: {back[:5]}"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize("edition", EDITIONS)
def test_skip_link_comes_first_and_moves_focus_to_the_text(contexts, server, key_pages, edition, viewport):
    page = contexts[viewport].new_page()
    try:
        url = page_url(server, edition, key_pages["prirucnik"])
        open_page(page, url)
        page.keyboard.press("Tab")
        # Material fades the skip link in; wait for the end of the transition.
        page.wait_for_function("parseFloat(getComputedStyle(document.activeElement).opacity) > 0.99", timeout=2000)
        skip = page.evaluate("""() => { const el = document.activeElement; const r = el.getBoundingClientRect();
            const s = getComputedStyle(el);
            return {cls: el.className, text: el.textContent.trim(), href: el.getAttribute('href'),
                    shown: parseFloat(s.opacity) > 0 && r.top >= 0 && r.bottom <= innerHeight && r.width > 0}; }""")
        assert "md-skip" in skip["cls"], f"{url}: the first Tab focuses {skip}, not the skip link"
        assert skip["text"] == SKIP_TEXT[edition]
        assert skip["shown"], f"{url}: the focused skip link is not visible"
        page.keyboard.press("Enter")
        page.wait_for_function("location.hash.length > 1")
        target = page.evaluate("""() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
            return {inText: !!(t && t.closest('.md-content')), top: t ? t.getBoundingClientRect().top : null}; }""")
        assert target["inText"], f"{url}: the skip link leads to {skip['href']}, which is not in the text"
        assert 0 <= target["top"] < 400, f"{url}: the text was not scrolled into view ({target['top']})"
        page.keyboard.press("Tab")  # the next Tab goes on from the text, not from the header
        after = page.evaluate("() => !!document.activeElement.closest('.md-content')")
        assert after, f"{url}: after the skip link, Tab does not continue in the text"
    finally:
        page.close()


def test_the_menu_opens_from_the_keyboard_on_a_phone(contexts, server, key_pages):
    page = contexts["phone"].new_page()
    try:
        url = page_url(server, "sr-Latn", key_pages["prirucnik"])
        open_page(page, url)
        for _ in range(10):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('label[for=__drawer]')"):
                break
        else:
            pytest.fail(f"{url}: the menu button is not in the first ten Tab stops")
        page.keyboard.press("Enter")
        assert page.is_checked("#__drawer"), "Enter on the menu button does not open the menu"
        for _ in range(40):
            page.keyboard.press("Tab")
            info = page.evaluate(f"""() => {{ const f = ({FOCUSED})();
                return {{...f, inMenu: !!document.activeElement.closest('.md-sidebar--primary')}}; }}""")
            if info and info["inMenu"]:
                break
        else:
            pytest.fail(f"{url}: Tab does not reach the links of the open menu")
        assert info["marked"] and info["visible"] and info["onScreen"], f"menu link focus is not visible: {info}"
    finally:
        page.close()
