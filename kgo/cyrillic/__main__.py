"""Command line: Serbian Latin on stdin → Serbian Cyrillic on stdout, UTF-8 whatever the locale::

    .venv/bin/python -m kgo.cyrillic [--markdown | --plain] [--exceptions FILE] < latin.md > cyrillic.md
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kgo.cyrillic.exceptions import ExceptionsFileError, load_exceptions
from kgo.cyrillic.markdown import transliterate_markdown
from kgo.cyrillic.words import EXCEPTIONS_PATH, transliterate
from kgo.project import ROOT


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)



def main(argv: list[str] | None = None) -> int:
    """Read Serbian Latin on stdin, write Serbian Cyrillic on stdout (UTF-8 whatever the locale)."""
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    parser = argparse.ArgumentParser(
        prog="python -m kgo.cyrillic",
        description="Transliterate Serbian Latin (stdin) to Serbian Cyrillic (stdout), UTF-8.",
        epilog="Example: echo 'Ljubljana, XXI vek' | .venv/bin/python -m kgo.cyrillic → Љубљана, XXI век",
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--markdown",
        dest="markdown",
        action="store_true",
        default=True,
        help="treat the input as Markdown (the default): code, link targets, HTML tags and "
        "comments, anchors, admonition types and other syntax stay untouched. Plain prose comes "
        "out the same as with --plain; only lines that Markdown reads as code (indented by 4 "
        "spaces after a blank line) or syntax (`code`, <tag>, &entity;) would differ",
    )
    mode.add_argument(
        "--plain",
        dest="markdown",
        action="store_false",
        help="treat the input as plain text: every word is transliterated except foreign words, "
        "Roman numerals, URLs, e-mail addresses, file names and {lat}…{/lat}",
    )
    parser.add_argument(
        "--exceptions",
        type=Path,
        default=EXCEPTIONS_PATH,
        metavar="FILE",
        help=f"exception list (default: {_display(EXCEPTIONS_PATH)})",
    )
    args = parser.parse_args(argv)
    try:
        rules = load_exceptions(args.exceptions)
        source = sys.stdin.read()
    except ExceptionsFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    except UnicodeDecodeError as exc:
        print(f"stdin is not UTF-8 text ({exc.reason}); convert it to UTF-8", file=sys.stderr)
        return 2
    convert = transliterate_markdown if args.markdown else transliterate
    sys.stdout.write(convert(source, rules))
    return 0


if __name__ == "__main__":
    sys.exit(main())
