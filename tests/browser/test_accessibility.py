"""axe-core in a real browser: no WCAG 2.1 A/AA violation on the key pages of every edition,
at desktop and phone widths."""

from __future__ import annotations

import pytest

from tests.browser.conftest import AXE, EDITIONS, KEY_PAGES, VIEWPORTS, open_page, page_url

pytestmark = pytest.mark.slow

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200),
                              summary: n.failureSummary}))
  }));
}"""


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
def test_no_wcag_violations(contexts, server, key_pages, name, edition, viewport):
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci`"
    page = contexts[viewport].new_page()
    try:
        url = page_url(server, edition, key_pages[name])
        open_page(page, url)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE, TAGS)
    finally:
        page.close()
    if violations:
        pytest.fail(f"{url} at {viewport} width:\n{describe(violations)}", pytrace=False)
