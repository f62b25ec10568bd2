"""Make the self-hosted web fonts from Debian's Noto (package fonts-noto-core).

Run once when the fonts change: ``.venv/bin/python tools/make_fonts.py``; the output is committed.
The subset keeps every OpenType layout feature, so that ``lang="sr-Cyrl"`` turns on the Serbian
forms of б, г, д, п, т (the 'locl' feature of the SRB language system) in browsers and WeasyPrint.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parent.parent / "docs" / "assets" / "fonts"
FAMILIES = ("NotoSans", "NotoSerif")
STYLES = ("Regular", "Italic", "Bold", "BoldItalic")
# Basic Latin, Latin-1, Latin Extended-A (č ć đ š ž), Greek (Σ in formulas), Cyrillic, general
# punctuation, €, №, arrows.
UNICODES = "U+0020-007E,U+00A0-017F,U+0391-03C9,U+0400-045F,U+2010-205E,U+20AC,U+2116,U+2190-2193,U+2212"
# Noto Sans and Serif have no ≤ ≥ ≈ ≠ ∑: a small subset of Noto Sans Math fills in (web and books).
MATH = ("NotoSansMath-Regular", "U+00B1,U+00D7,U+00F7,U+2190-21FF,U+2200-22FF")


def main() -> int:
    if not SOURCE.exists():
        print("fonts-noto-core is not installed: apt-get install fonts-noto-core", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    for family in FAMILIES:
        for style in STYLES:
            out = TARGET / f"{family}-{style}.woff2"
            subset.main([
                str(SOURCE / f"{family}-{style}.ttf"),
                f"--unicodes={UNICODES}",
                "--layout-features=*",
                "--flavor=woff2",
                "--no-hinting",
                f"--output-file={out}",
            ])
            print(out.relative_to(TARGET.parent.parent.parent), out.stat().st_size)
    name, unicodes = MATH
    out = TARGET / f"{name}.woff2"
    subset.main([str(SOURCE / f"{name}.ttf"), f"--unicodes={unicodes}", "--layout-features=*",
                 "--flavor=woff2", "--no-hinting", f"--output-file={out}"])
    print(out.relative_to(TARGET.parent.parent.parent), out.stat().st_size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
