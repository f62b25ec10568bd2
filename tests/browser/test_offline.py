"""No request leaves the site: while any key page loads (fonts, scripts, styles, search index,
anything the theme fetches after load), every URL the browser asks for is on 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import EDITIONS, KEY_PAGES, VIEWPORTS

pytestmark = pytest.mark.slow

LOCAL_SCHEMES = {"data", "blob", "about"}


def outside(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme not in LOCAL_SCHEMES and parts.hostname != "127.0.0.1"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_request_leaves_localhost(visit, edition, viewport):
    found, count = [], 0
    for name in KEY_PAGES:
        seen = visit(edition, name, viewport)
        count += len(seen.requests)
        found += [f"{url}  (while loading {seen.url})" for url in sorted(set(seen.requests)) if outside(url)]
    assert count >= len(KEY_PAGES), "no requests were recorded"
    assert not found, "requests outside the site:\n" + "\n".join(found)


def test_the_check_sees_third_party_requests(page, server):
    """The recorder itself works: a request to another host is seen (it fails: no network)."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(server)
    page.evaluate("fetch('https://example.org/probe').catch(() => null)")
    page.wait_for_load_state("networkidle")
    assert any(outside(url) for url in requests)
