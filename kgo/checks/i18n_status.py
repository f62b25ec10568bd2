"""Translation drift between the Serbian master (docs/sr) and English (docs/en).

* missing: a Serbian page without its English twin (fails the build);
* orphaned: an English page without a Serbian master (fails the build);
* structure: the twins differ in headings and anchors, tables, data markers, images or links
  (fails the build);
* outdated: the Serbian page changed in git after the English page last did (reported, with the
  diff of the Serbian page since then; shown to readers as a notice on the English page).

``python -m kgo.checks.i18n_status`` prints the report; exit status 1 when something fails the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from kgo.project import ROOT

DOCS = ROOT / "docs"

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{#([A-Za-z0-9_-]+)[^}]*\})?\s*$", re.MULTILINE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", re.MULTILINE)
_MARKER = re.compile(r"<!--\s*data\b:?\s*(.*?)\s*-->")
_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)")


@dataclass(frozen=True)
class Structure:
    headings: tuple[tuple[int, str | None], ...]
    tables: int
    markers: tuple[str, ...]
    images: tuple[str, ...]
    links: int


def structure(markdown: str) -> Structure:
    """What must be the same in both languages (text differs, the skeleton does not)."""
    text = _FENCE.sub("", markdown)
    return Structure(
        headings=tuple((len(h), a) for h, _, a in _HEADING.findall(text)),
        tables=len(_TABLE_RULE.findall(text)),
        markers=tuple(" ".join(m.split()) for m in _MARKER.findall(text)),
        images=tuple(_IMAGE.findall(text)),
        links=len(_LINK.findall(text)),
    )


def compare(sr: str, en: str) -> list[str]:
    """Human-readable differences between the structures of two twins."""
    a, b = structure(sr), structure(en)
    problems = []
    if a.headings != b.headings:
        problems.append("headings differ: sr " + _headings(a) + " / en " + _headings(b))
    if a.tables != b.tables:
        problems.append(f"tables: sr has {a.tables}, en has {b.tables}")
    if a.markers != b.markers:
        problems.append(f"data markers differ: sr {list(a.markers)} / en {list(b.markers)}")
    if a.images != b.images:
        problems.append(f"images differ: sr {list(a.images)} / en {list(b.images)}")
    if a.links != b.links:
        problems.append(f"links: sr has {a.links}, en has {b.links}")
    return problems


def _headings(s: Structure) -> str:
    return "[" + ", ".join(f"h{level}#{anchor or '?'}" for level, anchor in s.headings) + "]"


def pages(docs: Path, lang: str) -> set[str]:
    base = docs / lang
    return {p.relative_to(base).as_posix() for p in base.rglob("*.md")} if base.exists() else set()


def structural_problems(docs: Path = DOCS) -> list[str]:
    """Everything that must stop the build: missing, orphaned and structurally different pages."""
    sr, en = pages(docs, "sr"), pages(docs, "en")
    problems = [f"docs/sr/{p}: no English twin; create docs/en/{p}" for p in sorted(sr - en)]
    problems += [f"docs/en/{p}: no Serbian master docs/sr/{p}; create it or delete this page"
                 for p in sorted(en - sr)]
    for page in sorted(sr & en):
        for difference in compare((docs / "sr" / page).read_text(encoding="utf-8"),
                                  (docs / "en" / page).read_text(encoding="utf-8")):
            problems.append(f"docs/en/{page}: {difference}; make docs/en/{page} match docs/sr/{page}")
    return problems


def _git(*args: str, cwd: Path = ROOT) -> str:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    return result.stdout.strip() if result.returncode == 0 else ""


# A commit whose message has this trailer with an English page's path marks that page as checked
# against its Serbian master (for Serbian-only fixes such as a typo): `git commit --allow-empty
# -m "Translations checked" -m "I18n-reviewed: docs/en/mreza.md docs/en/obuka.md"`.
REVIEWED_TRAILER = "I18n-reviewed:"


def _history(repo: Path) -> list[tuple[str, set[str], set[str]]]:
    """Every commit, newest first: (hash, files it changed, English pages it marked reviewed).

    One `git log` for the whole history: a build asks about every page, and a process per page
    made the preview slow."""
    out = _git("log", "--topo-order", "--name-only", "--format=%x01%H%n%B%x02", cwd=repo)
    commits = []
    for chunk in out.split("\x01")[1:]:
        head, _, files = chunk.partition("\x02")
        sha, _, message = head.partition("\n")
        reviewed = set()
        for line in message.splitlines():
            if line.startswith(REVIEWED_TRAILER):
                reviewed |= set(line[len(REVIEWED_TRAILER):].split())
        commits.append((sha.strip(), {f for f in files.split("\n") if f}, reviewed))
    return commits


def outdated(docs: Path = DOCS) -> list[tuple[str, str, str]]:
    """(page, last English commit, diff of the Serbian page since then) for lagging translations.

    The English page counts as updated by the last commit that changed it or named it in an
    ``I18n-reviewed:`` trailer; a later commit that changed the Serbian page makes it outdated."""
    repo = Path(_git("rev-parse", "--show-toplevel", cwd=docs) or docs)
    history = _history(repo)
    base = docs.resolve().relative_to(repo.resolve()).as_posix()
    found = []
    for page in sorted(pages(docs, "sr") & pages(docs, "en")):
        sr_path, en_path = f"{base}/sr/{page}", f"{base}/en/{page}"
        for index, (sha, files, reviewed) in enumerate(history):
            if en_path in files or en_path in reviewed:
                if any(sr_path in later_files for _, later_files, _ in history[:index]):
                    diff = _git("diff", sha, "HEAD", "--", sr_path, cwd=repo)
                    found.append((page, sha[:10], diff))
                break
    return found


def main(argv: list[str] | None = None) -> int:
    docs = Path(argv[0]) if argv else DOCS
    problems = structural_problems(docs)
    lagging = outdated(docs)
    for problem in problems:
        print(f"FAIL {problem}")
    for page, commit, diff in lagging:
        print(f"OUTDATED docs/en/{page}: docs/sr/{page} changed since {commit}; update the English text:")
        print("\n".join("    " + line for line in diff.splitlines()))
    if not problems and not lagging:
        print("All English pages exist, match their Serbian masters in structure and are up to date.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
