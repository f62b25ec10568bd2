"""Translation drift between the Serbian master (docs/sr) and English (docs/en).

* missing: a Serbian page without its English twin (fails the build);
* orphaned: an English page without a Serbian master (fails the build);
* structure: the twins differ in headings and anchors, tables, data markers, images or links
  (fails the build);
* outdated: the Serbian page changed in git after the English page last did (reported, with the
  diff of the Serbian page since then; shown to readers as a notice on the English page).

``python -m hooks.i18n_status`` prints the report; exit status 1 when something fails the build.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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


def _last_english_update(en_file: Path, repo: Path) -> str:
    """The later of: the last commit that changed the English page, the last that marked it reviewed."""
    changed = _git("log", "-1", "--format=%H", "--", str(en_file), cwd=repo)
    relative = en_file.resolve().relative_to(repo.resolve()).as_posix()
    reviewed = _git("log", "-1", "--format=%H", "--all-match", "-F", f"--grep={REVIEWED_TRAILER}",
                    f"--grep={relative}", cwd=repo)
    if not reviewed or not changed:
        return changed or reviewed
    is_older = subprocess.run(["git", "merge-base", "--is-ancestor", changed, reviewed], cwd=repo,
                              capture_output=True, check=False).returncode == 0
    return reviewed if is_older else changed


def outdated(docs: Path = DOCS) -> list[tuple[str, str, str]]:
    """(page, last English commit, diff of the Serbian page since then) for lagging translations."""
    repo = Path(_git("rev-parse", "--show-toplevel", cwd=docs) or docs)
    found = []
    for page in sorted(pages(docs, "sr") & pages(docs, "en")):
        sr_file, en_file = (docs / "sr" / page), (docs / "en" / page)
        en_commit = _last_english_update(en_file, repo)
        if not en_commit:
            continue
        changed = _git("log", "--format=%H", f"{en_commit}..HEAD", "--", str(sr_file), cwd=repo)
        if changed:
            diff = _git("diff", en_commit, "HEAD", "--", str(sr_file), cwd=repo)
            found.append((page, en_commit[:10], diff))
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
