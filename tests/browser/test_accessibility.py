"""axe-core in a real browser: no WCAG 2.1 A/AA violation on any page of any edition, at desktop
and phone widths (the page loads are shared with the other checks: conftest.visit_path). One test
per edition and width lists the violations of all its pages together."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, EDITIONS, KEY_PAGES, VIEWPORTS, site_pages

pytestmark = pytest.mark.slow


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}\n      {node['html']}\n      "
                         + node["summary"].replace("\n", " ")[:400])
    return "\n".join(lines)


def test_axe_core_is_installed():
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does it)"


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_page_is_listed(site, key_pages, edition):
    """The page list the check walks is the built edition: its home page, key pages and 404 page."""
    pages = site_pages(site, edition)
    assert pages[0] == "" or "" in pages
    missing = [name for name in KEY_PAGES if key_pages[name] not in pages]
    assert not missing, f"key pages not found in the {edition} edition: {missing}"
    assert len(pages) > 40, f"only {len(pages)} pages found in the {edition} edition"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
def test_no_wcag_violations_on_any_page(site, visit_path, edition, viewport):
    failed = []
    for path in site_pages(site, edition):
        seen = visit_path(edition, path, viewport)
        if seen.violations:
            failed.append(f"{seen.url}:\n{describe(seen.violations)}")
    if failed:
        pytest.fail(f"{len(failed)} page(s) of the {edition} edition at {viewport} width:\n"
                    + "\n".join(failed), pytrace=False)
