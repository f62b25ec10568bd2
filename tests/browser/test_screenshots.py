"""Screenshots of the key pages at phone and desktop widths (test-artifacts/screenshots/, for people
to look at; taken during the shared page visits, conftest.visit), and the layout check a reader
would notice first on a phone: nothing sticks out sideways."""

from __future__ import annotations

import pytest

from tests.browser.conftest import EDITIONS, KEY_PAGES, SCREENSHOT_PAGES, VIEWPORTS

pytestmark = pytest.mark.slow

SHOTS = [(edition, name) for edition, names in SCREENSHOT_PAGES.items() for name in names]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(("edition", "name"), SHOTS)
def test_screenshot(visit, edition, name, viewport):
    seen = visit(edition, name, viewport)
    assert seen.screenshot is not None and seen.screenshot.stat().st_size > 10_000


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_nothing_sticks_out_sideways(visit, edition, viewport):
    """Wide tables scroll inside their own box; the page itself never scrolls sideways."""
    problems = []
    for name in KEY_PAGES:
        seen = visit(edition, name, viewport)
        found = seen.overflow
        if found["page"] > found["width"] or found["elements"]:
            problems.append(f"{seen.url}: page {found['page']}px wide on a {found['width']}px screen\n    "
                            + "\n    ".join(found["elements"]))
    assert not problems, "\n".join(problems)
