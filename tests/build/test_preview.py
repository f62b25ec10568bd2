"""The preview tells the truth: `mkdocs serve` (as `make serve` runs it) shows a data edit within
seconds, and a rebuild that finds a problem shows it in the browser page, not only in the terminal."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import build_env, copy_project

pytestmark = pytest.mark.slow
DEADLINE = 90  # seconds for a rebuild on a busy 2-core machine


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, predicate, what: str) -> str:
    started = time.monotonic()
    while time.monotonic() - started < DEADLINE:
        page = fetch(url)
        if predicate(page):
            return page
        time.sleep(0.5)
    raise AssertionError(f"after {DEADLINE} s the preview still does not show {what}")


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = build_env(KGO_PDF="0", KGO_EDITION="sr")
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-strict", "-a", f"127.0.0.1:{port}"],
                               cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/mreza/"
        wait_for(url, lambda page: "49.601" in page, "the network page")
        yield project, url
    finally:
        process.terminate()
        process.wait(timeout=30)


def edit(project, old: str, new: str) -> None:
    path = project / "data" / "municipalities.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path)


def test_a_data_edit_shows_in_the_running_preview(preview):
    project, url = preview
    edit(project, "value: 49601,", "value: 49602,")
    page = wait_for(url, lambda page: "49.602" in page, "the edited population")
    assert "49.601" not in page


def test_a_failed_rebuild_shows_its_problem_in_the_page(preview):
    project, url = preview
    edit(project, "value: 49601,", "value: 49.601,")
    page = wait_for(url, lambda page: "thousands separator" in page, "the problem")
    assert "data/municipalities.yaml:" in page and "write 49601" in page
    edit(project, "value: 49.601,", "value: 49601,")
    wait_for(url, lambda page: "49.601" in page and "thousands separator" not in page, "the page again")
