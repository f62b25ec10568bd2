"""Install the Debian packages the tests and PDF books need, or say exactly what is missing.

Run by `make test`/`make bench`. As root it installs with apt-get; otherwise it prints the command.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# package -> a file that proves it is installed
PACKAGES = {
    "chromium": "/usr/bin/chromium",
    "hunspell": "/usr/bin/hunspell",
    "hunspell-sr": "/usr/share/hunspell/sr_Latn_RS.dic",
    "hunspell-en-us": "/usr/share/hunspell/en_US.dic",
    "libharfbuzz-subset0": "/usr/lib/x86_64-linux-gnu/libharfbuzz-subset.so.0",
    "poppler-utils": "/usr/bin/pdftoppm",
    "nodejs": "/usr/bin/node",
}


def _installed(package: str, probe: str) -> bool:
    if Path(probe).exists():
        return True
    if package == "libharfbuzz-subset0":  # the library path depends on the architecture
        return any(Path("/usr/lib").glob("*/libharfbuzz-subset.so.0"))
    return package == "nodejs" and shutil.which("node") is not None


def main() -> int:
    missing = [p for p, probe in PACKAGES.items() if not _installed(p, probe)]
    if not missing:
        return 0
    if os.geteuid() != 0:
        print("Missing Debian packages; install them with:\n"
              f"  sudo apt-get update && sudo apt-get install -y {' '.join(missing)}", file=sys.stderr)
        return 1
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], check=True, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
