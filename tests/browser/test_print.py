"""Printing a page: the navigation (header, tabs, sidebars, footer, search) is left out and the
article is printed."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EDITIONS, open_page, page_url

pytestmark = pytest.mark.slow

NAVIGATION = {
    "header": ".md-header",
    "tabs": ".md-tabs",
    "navigation sidebar": ".md-sidebar--primary",
    "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer",
    "search form": ".kg-search",
    "skip link": ".md-skip",
    "back to top": ".md-top",
}


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", ["prirucnik", "network", "self-assessment"])
def test_print_shows_the_article_without_navigation(page, server, key_pages, edition, name):
    url = page_url(server, edition, key_pages[name])
    open_page(page, url)
    assert page.is_visible(".md-header") and page.is_visible(".md-sidebar--primary"), "navigation missing on screen"
    page.emulate_media(media="print")
    try:
        shown = [what for what, selector in NAVIGATION.items()
                 if any(el.is_visible() for el in page.query_selector_all(selector))]
        assert not shown, f"{url}: printed with {', '.join(shown)}"
        assert page.is_visible("article h1"), f"{url}: the article's title is not printed"
        article = page.eval_on_selector("article", """a => { const r = a.getBoundingClientRect();
            return {width: r.width, height: r.height, text: a.innerText.length}; }""")
        assert article["text"] > 200 and article["height"] > 200, f"{url}: the article is not printed: {article}"
        # The article uses the paper's width instead of the column between the sidebars.
        assert article["width"] > 0.8 * page.viewport_size["width"], f"{url}: printed in a narrow column"
    finally:
        page.emulate_media(media="screen")
