"""No request leaves the site: while any key page loads (fonts, scripts, styles, search index,
anything the theme fetches later), every URL the browser asks for is on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import EDITIONS, KEY_PAGES, VIEWPORTS, page_url

pytestmark = pytest.mark.slow

LOCAL_SCHEMES = {"data", "blob", "about"}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_request_leaves_localhost(contexts, server, key_pages, edition, viewport):
    page = contexts[viewport].new_page()
    requests: list[tuple[str, str]] = []
    current = {"url": ""}
    page.on("request", lambda request: requests.append((current["url"], request.url)))
    try:
        for name in KEY_PAGES:
            current["url"] = page_url(server, edition, key_pages[name])
            page.goto(current["url"], wait_until="networkidle")
    finally:
        page.close()
    assert len(requests) >= len(KEY_PAGES)
    outside = sorted({(where, url) for where, url in requests
                      if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != "127.0.0.1"})
    assert not outside, "requests outside the site:\n" + "\n".join(f"{u}  (while loading {w})" for w, u in outside)
