"""Screenshots of the key pages at phone and desktop widths (into test-artifacts/screenshots/, for
people to look at), and the layout checks a reader would notice first on a phone."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EDITIONS, KEY_PAGES, SCREENSHOTS, VIEWPORTS, open_page, page_url

pytestmark = pytest.mark.slow

#: (edition, page) pairs to photograph: every key page in the master edition, the main ones in
#: the other two.
SHOTS = [("sr-Latn", name) for name in KEY_PAGES] + [
    (edition, name) for edition in ("sr-Cyrl", "en") for name in ("home", "prirucnik", "network", "search")]

MAX_HEIGHT = 5000  # px: the top of long pages is enough to judge the layout

# Elements of the article that stick out of the screen and are not inside a box that scrolls.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if ((x === "auto" || x === "scroll") && p.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll(".md-main *, .md-header *")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || (r.right <= width + 1 && r.left >= -1)) continue;
    if (getComputedStyle(el).position === "fixed" || el.closest(".md-sidebar")) continue;
    if (el.ownerSVGElement) continue;  // drawn inside an <svg>, which clips it
    if (scrolls(el)) continue;
    out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""} [${Math.round(r.left)}..${Math.round(r.right)}]: `
             + (el.textContent || "").trim().slice(0, 60));
  }
  return {page: document.documentElement.scrollWidth, width, elements: out.slice(0, 10)};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("edition", "name"), SHOTS)
def test_screenshot(contexts, server, key_pages, edition, name, viewport):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = contexts[viewport].new_page()
    try:
        open_page(page, page_url(server, edition, key_pages[name]))
        target = SCREENSHOTS / f"{edition}-{name}-{viewport}.png"
        # A window as tall as the page (up to MAX_HEIGHT): the page as laid out, without scrolling
        # (scrolling would start the header's and the tabs' transitions).
        height = page.evaluate("document.documentElement.scrollHeight")
        page.set_viewport_size({"width": VIEWPORTS[viewport]["width"], "height": min(height, MAX_HEIGHT)})
        page.wait_for_timeout(150)  # the layout settles after the resize
        page.screenshot(path=str(target))
    finally:
        page.close()
    assert target.stat().st_size > 10_000


@pytest.mark.parametrize("edition", EDITIONS)
def test_nothing_sticks_out_sideways_on_a_phone(contexts, server, key_pages, edition):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways."""
    page = contexts["phone"].new_page()
    problems = []
    try:
        for name in KEY_PAGES:
            url = page_url(server, edition, key_pages[name])
            open_page(page, url)
            found = page.evaluate(OVERFLOW)
            if found["page"] > found["width"] or found["elements"]:
                problems.append(f"{url}: page {found['page']}px wide on a {found['width']}px screen\n    "
                                + "\n    ".join(found["elements"]))
    finally:
        page.close()
    assert not problems, "\n".join(problems)
