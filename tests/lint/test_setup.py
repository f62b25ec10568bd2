"""Set-up that cannot rot: every extra a locked package asks for is locked with it (else a pip
resolves the extra on its own, picks an unhashed newest release and the install fails), and the
repository names no path of a particular machine."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK_LINE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]+)\])?==([^\s;\\]+)(?:\s*;\s*([^\\]+))?")


def read_lock(text: str) -> dict[str, set[str]]:
    """Locked package -> the extras it is locked with (packages whose marker excludes this machine
    are left out: the lock is universal)."""
    locked = {}
    for line in text.splitlines():
        if (match := LOCK_LINE.match(line)) and (not match[4] or Marker(match[4].strip()).evaluate()):
            extras = {e.strip() for e in (match[2] or "").split(",") if e.strip()}
            locked[canonicalize_name(match[1])] = extras
    return locked


def unlocked_extras(locked: dict[str, set[str]], requires: dict[str, list[str]]) -> list[str]:
    """Problems: a locked package (with the extras it is locked with) requires a package with an
    extra that the lock does not carry, or a package that is not locked at all."""
    problems = []
    for name, extras in sorted(locked.items()):
        for spec in requires.get(name, []):
            req = Requirement(spec)
            active = any(req.marker is None or req.marker.evaluate({"extra": extra})
                         for extra in (extras or {""}) | {""})
            if not active:
                continue
            dep = canonicalize_name(req.name)
            if dep not in locked:
                problems.append(f"{name} needs {req.name}, which is not in the lock")
            elif missing := set(req.extras) - locked[dep]:
                problems.append(f"{name} needs {req.name}[{','.join(sorted(req.extras))}]; "
                                f"the lock has {req.name} without {','.join(sorted(missing))}")
    return problems


def test_every_requested_extra_is_locked_with_its_package():
    locked = read_lock((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    requires = {}
    for dist in importlib.metadata.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name in locked:
            requires[name] = list(dist.requires or [])
    assert set(requires) == set(locked), f"not installed from the lock: {sorted(set(locked) - set(requires))}"
    assert unlocked_extras(locked, requires) == []


def test_the_check_sees_an_extra_missing_from_the_lock():
    """The failure of 2026-12: weasyprint asks for fonttools[woff], the lock had plain fonttools."""
    requires = {"weasyprint": ["fonttools[woff]>=4.59.2", "pytest; extra == 'test'"], "fonttools": []}
    assert unlocked_extras({"weasyprint": set(), "fonttools": set()}, requires) == [
        "weasyprint needs fonttools[woff]; the lock has fonttools without woff"]
    assert unlocked_extras({"weasyprint": set(), "fonttools": {"woff"}}, requires) == []
    assert read_lock("fonttools[woff]==4.68.0 \\\n    --hash=sha256:00\n") == {"fonttools": {"woff"}}


def test_the_installers_are_pinned_and_hashed():
    tools = (ROOT / "requirements-tools.lock").read_text(encoding="utf-8")
    for name in ("pip", "uv"):
        assert re.search(rf"^{name}==\S+ \\\n    --hash=sha256:", tools, re.M), f"{name} is not pinned with a hash"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    first, second = (makefile.index(f"--require-hashes -r {lock}") for lock in
                     ("requirements-tools.lock", "requirements.lock"))
    assert first < second, "the pinned pip must be installed before the locked packages"


# A path of one machine: under the home, root, Users or work folder at the top of a file system, or a
# Windows user folder (the pattern and the examples are built from parts so this file does not match itself).
MACHINE_PATH = re.compile("(?<![\\w.])(?:/" + "|/".join(("home", "root", "Users", "work")) + r")/[\w.-]+"
                          + r"|[A-Za-z]:\\" + "Users")


def test_no_tracked_file_names_a_path_of_a_particular_machine():
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    found = []
    for name in files.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file() or name.endswith((".woff2", ".ttf", ".png", ".icc", ".pdf")):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if match := MACHINE_PATH.search(line):
                found.append(f"{name}:{number}: {match[0]}")
    assert found == [], "write paths relative to the repository:\n" + "\n".join(found)


def test_the_machine_path_pattern_matches_what_it_should():
    assert MACHINE_PATH.search("see " + "/ho" + "me/ana/notes.txt")
    assert MACHINE_PATH.search("Repository: `/" + "work/main`")
    assert not MACHINE_PATH.search("/usr/lib/*/libpango-1.0.so.0 and https://example.org/" + "work/x")
