"""Build into a fresh folder and swap it in only when complete, so a failed build keeps the last
good site. A folder that was never swapped in (the build failed) is removed when the process ends."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def begin(target: Path) -> Path:
    """A new empty folder beside ``target`` to build into."""
    target.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    atexit.register(shutil.rmtree, new, ignore_errors=True)  # nothing left if it is swapped in
    return new


def swap(new: Path, target: Path) -> None:
    """Put the complete build ``new`` where ``target`` was."""
    if new == target:
        return
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
