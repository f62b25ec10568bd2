"""The issue forms, their configuration and the pull-request template: valid GitHub syntax,
bilingual labels, the fields the editors' workflow relies on."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT

FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}
# form -> {field id: required}
EXPECTED = {
    "greska-u-tekstu.yml": {"page": True, "problem": True, "correction": False, "source": False},
    "predlog.yml": {"page": False, "proposal": True, "why": False},
}


def load(name: str) -> dict:
    return yaml.safe_load((FORMS / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_issue_form_is_valid_and_bilingual(name):
    form = load(name)
    assert set(form) <= {"name", "description", "title", "labels", "assignees", "body", "projects", "type"}
    assert " / " in form["name"] and " / " in form["description"]
    fields = {}
    for element in form["body"]:
        assert element["type"] in TYPES
        if element["type"] == "markdown":
            assert element["attributes"]["value"].strip()
            continue
        assert " / " in element["attributes"]["label"], f"{name}: bilingual label (Srpski / English)"
        assert element["id"] not in fields, f"{name}: duplicate id {element['id']}"
        fields[element["id"]] = element.get("validations", {}).get("required", False)
    assert fields == EXPECTED[name]


def test_every_form_is_listed_and_blank_issues_are_off():
    assert sorted(p.name for p in FORMS.glob("*.yml") if p.name != "config.yml") == sorted(EXPECTED)
    config = load("config.yml")
    assert config["blank_issues_enabled"] is False
    for link in config.get("contact_links", []):
        assert set(link) == {"name", "url", "about"}
        assert link["url"].startswith("https://github.com/kreativni-gradovi/handbook/blob/main/")
        assert (ROOT / link["url"].split("/blob/main/", 1)[1]).is_file()


def test_the_pull_request_template_has_the_checklist():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(items) >= 5
    for needle in ("docs/sr/", "docs/en/", "data/", "make check"):
        assert any(needle in item for item in items), needle
