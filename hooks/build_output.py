"""MkDocs hook: a build never leaves a half-written site.

``mkdocs build`` writes into a fresh folder beside the target; only when every edition has been
built is the old site replaced, so a failed build keeps the last good ``site/``.
"""

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # hooks load by path, not as a package

from mkdocs.plugins import event_priority

_state = {"command": None, "target": None}


def on_startup(command, dirty):
    _state["command"] = command


@event_priority(100)
def on_config(config):
    if _state["command"] != "build":
        return config
    if _state["target"] is None:  # the first (outer) build; editions rebuild with the same config
        target = Path(config.site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        _state["target"] = target
        config.site_dir = tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent)
    return config


@event_priority(-1000)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if _state["command"] != "build" or (i18n is not None and i18n.building):
        return  # an inner edition build: the outer one swaps when all are done
    target, new = _state["target"], Path(config.site_dir)
    if target is None or new == target:
        return
    old = target.with_name(f".{target.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    config.site_dir = str(target)
    _state["target"] = None


def on_build_error(error):
    target = _state["target"]
    if target is not None:
        for leftover in target.parent.glob(f".{target.name}-new-*"):
            shutil.rmtree(leftover, ignore_errors=True)
    _state["target"] = None
