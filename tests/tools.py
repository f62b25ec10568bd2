"""Tools the tests drive. A missing tool fails the test that needs it, naming the package to install;
it never skips (`make test` installs them all from tools/debian-packages.txt and package.json)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# command -> how to get it
SOURCES = {
    "hunspell": "the Debian packages hunspell, hunspell-sr and hunspell-en-us (make system-deps)",
    "node": "the Debian package nodejs (make system-deps)",
    "chromium": "the Debian package chromium (make system-deps)",
    "pdftoppm": "the Debian package poppler-utils (make system-deps)",
    "soffice": "the Debian packages libreoffice-writer-nogui and libreoffice-calc-nogui (make system-deps)",
    "zizmor": "the locked Python packages (make deps)",
}


def need(command: str) -> str:
    """The path of ``command``, or a failed test that says which package brings it."""
    found = shutil.which(command) or shutil.which(command, path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail(f"`{command}` is not installed: it comes with {SOURCES[command]}", pytrace=False)
    return found


def need_node_module(name: str) -> Path:
    """An npm package of package.json, installed by `make node-deps`."""
    path = ROOT / "node_modules" / name
    if not path.exists():
        pytest.fail(f"the npm package {name} is not installed: run `make node-deps` (npm ci)", pytrace=False)
    return path
