"""Where the project being built lives: the folder that holds ``mkdocs.yml``.

The package is installed once (editable), but the pages and data it reads belong to the project
that is built — a test may build a copy of it elsewhere. MkDocs and the command-line tools run in
that folder, so it is found from the working directory (``KGO_ROOT`` overrides it).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def find_root(start: str | Path | None = None) -> Path:
    """The nearest folder at or above ``start`` (default: the working directory) with mkdocs.yml."""
    if os.environ.get("KGO_ROOT"):
        return Path(os.environ["KGO_ROOT"]).resolve()
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return PACKAGE.parent  # the repository the package was installed from


ROOT = find_root()
