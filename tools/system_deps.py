"""Install the Debian packages a job needs, or say exactly which are missing.

The list is tools/debian-packages.txt. `python3 tools/system_deps.py build` (from `make site`)
covers the site and its books; `... test` (from `make test` and `make bench`) adds the tests' tools.
As root it installs with apt-get; otherwise it prints the command and fails. Standard library only:
it runs before the virtual environment exists.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

LIST = Path(__file__).with_name("debian-packages.txt")
JOBS = ("build", "test")  # each job includes the ones before it


def packages(job: str) -> list[tuple[str, str]]:
    """(package, proof) of every package the job needs, in the list's order."""
    wanted = JOBS[: JOBS.index(job) + 1]
    rows = []
    for line in LIST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            package, needed_for, proof = line.split()
            if needed_for in wanted:
                rows.append((package, proof))
    return rows


def present(proof: str) -> bool:
    """A command on PATH, or a file glob that matches."""
    return bool(glob.glob(proof)) if proof.startswith("/") else shutil.which(proof) is not None


def main(argv: list[str]) -> int:
    job = argv[0] if argv else "test"
    if job not in JOBS:
        print(f"usage: system_deps.py {{{'|'.join(JOBS)}}}", file=sys.stderr)
        return 2
    missing = [package for package, proof in packages(job) if not present(proof)]
    if not missing:
        return 0
    if os.geteuid() != 0:
        print(f"Missing Debian packages for `{job}`; install them with:\n"
              f"  sudo apt-get update && sudo apt-get install -y --no-install-recommends {' '.join(missing)}",
              file=sys.stderr)
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    print(f"Installing Debian packages for `{job}`: {' '.join(missing)}", file=sys.stderr)
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)
    still = [package for package, proof in packages(job) if not present(proof)]
    if still:
        print(f"Installed, but still not found: {' '.join(still)} (see {LIST.name})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
