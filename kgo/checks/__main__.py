"""`make check`: every check short of the PDFs, all of them run, every problem reported together.

Steps: code style, data, translations, spelling, Markdown style, the strict HTML build of every
edition (which catches navigation, link, anchor and marker problems), the Cyrillic edition of that
build (kgo.checks.cyrillic_edition: no transliterated English, no Serbian left in Latin), and the
fast tests. Each step
runs to its end whatever the others found; the summary names the failed ones and the exit status
is 1 when any failed. ``python -m kgo.checks --skip tests`` leaves steps out.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

from kgo.project import ROOT

PY = sys.executable


NEEDS_BUILD = {"cyrillic"}  # steps that read the site the "build" step writes


def steps(site_dir: str) -> list[tuple[str, list[str], dict[str, str]]]:
    """(name, command, extra environment) of every step, in order."""
    return [
        ("code", [PY, "-m", "ruff", "check", "hooks", "kgo", "tests", "tools"], {}),
        ("data", [PY, "-m", "kgo.rules"], {}),
        ("translations", [PY, "-m", "kgo.checks.i18n_status"], {}),
        ("spelling", [PY, "-m", "kgo.checks.spelling"], {}),
        ("style", [PY, "-m", "kgo.checks.md_style"], {}),
        ("build", [PY, "-m", "mkdocs", "build", "--strict", "-d", site_dir],
         {"KGO_PDF": "0", "NO_MKDOCS_2_WARNING": "1"}),
        ("cyrillic", [PY, "-m", "kgo.checks.cyrillic_edition", site_dir], {}),
        ("tests", [PY, "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider"], {}),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kgo.checks", description=__doc__.split("\n")[0])
    parser.add_argument("--skip", action="append", default=[], metavar="STEP", help="leave a step out")
    args = parser.parse_args(argv)
    failed, ran, not_run = [], [], []
    with tempfile.TemporaryDirectory(prefix="kgo-check-") as tmp:
        env_base = {k: v for k, v in os.environ.items() if k != "KGO_EDITION"}  # check every edition
        for name, command, extra in steps(os.path.join(tmp, "site")):
            if name in args.skip:
                continue
            if name in NEEDS_BUILD and ("build" in failed or "build" in args.skip):
                # Reading a site that was not built would only repeat the build's failure.
                print(f"── {name}: not run, it reads the site the build step makes", flush=True)
                not_run.append(name)
                continue
            started = time.monotonic()
            print(f"── {name} " + "─" * (60 - len(name)), flush=True)
            result = subprocess.run(command, cwd=ROOT, env={**env_base, **extra}, check=False)
            seconds = time.monotonic() - started
            ran.append(name)
            print(f"   {name}: {'ok' if result.returncode == 0 else 'FAILED'} ({seconds:.1f} s)", flush=True)
            if result.returncode != 0:
                failed.append(name)
    print("─" * 64)
    skipped = f"; not run: {', '.join(not_run)} (needs the build)" if not_run else ""
    if failed:
        print(f"check: {len(ran) - len(failed)} passed, {len(failed)} failed: {', '.join(failed)}{skipped} "
              "— fix what each step printed above (file:line first)")
        return 1
    print(f"check: all {len(ran)} steps passed{skipped}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
