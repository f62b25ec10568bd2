"""axe-core in a real browser: no WCAG 2.1 A/AA violation on the key pages of every edition,
at desktop and phone widths (the page loads are shared with the other checks: conftest.visit)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, EDITIONS, KEY_PAGES, VIEWPORTS

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


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("name", KEY_PAGES)
def test_no_wcag_violations(visit, name, edition, viewport):
    seen = visit(edition, name, viewport)
    if seen.violations:
        pytest.fail(f"{seen.url} at {viewport} width:\n{describe(seen.violations)}", pytrace=False)
