"""What the content guard found, what to do instead, and the reviewed list of exceptions.

A finding names the file and line to fix, what is there and what to write instead. An exception
(none is needed today) is declared in mkdocs.yml under ``extra.content_exceptions`` with a reason,
so that it is reviewed like any other change:

    extra:
      content_exceptions:
        - file: docs/sr/o-projektu.md      # the file a finding names
          rule: remote-resource            # one of RULES
          match: https://example.org/x.png # optional: a text the finding must contain
          reason: why this page needs it, who agreed

An exception only silences the guard: the page's Content-Security-Policy (kgo/guard/csp.py) still
blocks a script or a resource from another host unless the policy is changed in review too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Rule -> what to do instead (the finding says what was found).
RULES: Mapping[str, str] = {
    "script": "pages carry no scripts; behaviour belongs in a reviewed script in docs/assets/js/ "
              "listed under extra_javascript in mkdocs.yml",
    "embed": "pages embed no other site or plugin; link to it instead: [title](https://…)",
    "event-attribute": "an on…= attribute runs code; remove it (behaviour belongs in docs/assets/js/)",
    "javascript-url": "a javascript: URL runs code; link to a page, a file or an #anchor instead",
    "remote-resource": "every request to another host tells it who reads the page and fails offline; "
                       "save the file in docs/assets/ (with its licence) and use a relative path, "
                       "or link to it with [title](https://…)",
    "remote-form": "a form sends what the reader types to another host; forms stay on the site "
                   "(action=\"#\" or a relative path)",
    "page-control": "this changes how the whole page loads; remove it (the theme sets the page's head)",
}
EXCEPTION_KEYS = {"file", "rule", "match", "reason"}
SETTING = "mkdocs.yml: extra.content_exceptions"


@dataclass(frozen=True, order=True)
class Finding:
    file: str          # docs/sr/page.md, or data/NAME.yaml for a value a renderer shows
    line: int
    rule: str          # a key of RULES
    what: str          # what was found: '<script>', 'src="https://…"'
    where: str = ""    # how it reached the page, when that is not the file itself

    def __str__(self) -> str:
        where = f" ({self.where})" if self.where else ""
        return f"{self.file}:{self.line}: {self.what}{where} — {RULES[self.rule]}"


def exception_problems(exceptions: Any) -> list[str]:
    """Every mistake in the list of exceptions (each needs a known rule, a file and a reason)."""
    if exceptions is None:
        return []
    if not isinstance(exceptions, list):
        return [f"{SETTING}: a list of {{file, rule, reason}} entries expected"]
    problems = []
    for number, entry in enumerate(exceptions):
        at = f"{SETTING}[{number}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{at}: an entry {{file, rule, reason}} expected")
            continue
        problems += [f"{at}: unknown key {key!r}; allowed: {', '.join(sorted(EXCEPTION_KEYS))}"
                     for key in sorted(set(entry) - EXCEPTION_KEYS)]
        problems += [f"{at}: missing {key!r}" for key in ("file", "rule", "reason")
                     if not str(entry.get(key) or "").strip()]
        if entry.get("rule") and entry["rule"] not in RULES:
            problems.append(f"{at}: unknown rule {entry['rule']!r}; one of {', '.join(RULES)}")
    return problems


def _excepts(entry: Mapping[str, Any], finding: Finding) -> bool:
    return (entry.get("file") == finding.file and entry.get("rule") == finding.rule
            and str(entry.get("match") or "") in f"{finding.what} {finding.where}")


def apply_exceptions(findings: Iterable[Finding], exceptions: Sequence[Mapping[str, Any]] | None
                     ) -> tuple[list[Finding], list[int]]:
    """The findings no exception covers (sorted, each once) and the numbers of the exceptions used."""
    entries = list(exceptions or [])
    kept, used = set(), set()
    for finding in findings:
        covering = [n for n, entry in enumerate(entries) if isinstance(entry, Mapping) and _excepts(entry, finding)]
        used.update(covering)
        if not covering:
            kept.add(finding)
    return sorted(kept), sorted(used)


def unused_exceptions(exceptions: Sequence[Any] | None, used: Iterable[int]) -> list[str]:
    """Exceptions that no finding of the whole build needed: they must go, or they hide the next one."""
    unused = sorted(set(range(len(exceptions or []))) - set(used))
    return [f"{SETTING}[{n}]: no page needs this exception any more; remove it" for n in unused]


def report(findings: Sequence[Finding], problems: Sequence[str] = ()) -> str:
    """The message of a build stopped by the guard: every finding and problem, one per line."""
    lines = [*problems, *map(str, findings)]
    return (f"{len(lines)} problem(s) with content that could run code or load from another host "
            "(see CONTRIBUTING.md, 'What a page may not contain'):\n" + "\n".join(f"  {line}" for line in lines))
