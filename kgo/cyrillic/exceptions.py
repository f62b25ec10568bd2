"""What the JSON Schema of the Cyrillic exception list cannot check: unique stems and words, each
``example`` starts with its stem and really gives its ``cyrillic`` form. Registered for the build in
kgo/rules.py; :func:`load_exceptions` applies schema and checks to any exception file (the CLI)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from kgo.cyrillic.letters import Exceptions
from kgo.cyrillic.words import EXCEPTIONS_PATH, transliterate
from kgo.data.loader import format_errors, format_path, load_one


class ExceptionsFileError(ValueError):
    """The exception list is unreadable or invalid; the message lists every problem and its fix."""


def check_exceptions(datasets: Mapping[str, Any]) -> Iterable[str]:
    """The data rule: messages 'exceptions[3].example: …' for the data loader."""
    for path, message in _problems(datasets["cyrillic_exceptions"]):
        yield f"{format_path(path)}: {message}"


def load_exceptions(path: str | Path = EXCEPTIONS_PATH) -> Exceptions:
    """Read and check an exception list; raise :class:`ExceptionsFileError` listing every problem."""
    path = Path(path)
    document, errors = load_one(path, "cyrillic_exceptions", EXCEPTIONS_PATH.parent, [check_exceptions])
    if errors:
        raise ExceptionsFileError(format_errors(errors).replace("problem(s) in data/ — nothing was built",
                                                                 "problem(s) in the Cyrillic exception list"))
    return Exceptions.from_document(document)


def _problems(document: Any) -> list[tuple[tuple, str]]:
    """Every problem of a schema-valid exception list as (path inside the document, message)."""
    problems: list[tuple[tuple, str]] = []
    seen: dict[str, int] = {}
    entries = document["exceptions"]
    for index, entry in enumerate(entries):
        stem = entry["latin"].replace("|", "")
        if stem in seen:
            problems.append((("exceptions", index, "latin"), f"same stem as exceptions[{seen[stem]}]; remove one"))
        seen.setdefault(stem, index)
        if not entry["example"].lower().startswith(stem):
            problems.append(
                (
                    ("exceptions", index, "example"),
                    f"'{entry['example']}' does not start with '{stem}'; give a word that does",
                )
            )
    seen_words: dict[str, int] = {}
    for index, entry in enumerate(document.get("words", [])):
        key = entry["latin"].casefold()
        if key in seen_words:
            problems.append((("words", index, "latin"), f"same word as words[{seen_words[key]}]; remove one"))
        seen_words.setdefault(key, index)
    if not problems:
        rules = Exceptions(entry["latin"] for entry in entries)
        for index, entry in enumerate(entries):
            got = transliterate(entry["example"], rules)
            if got != entry["cyrillic"]:
                problems.append(
                    (
                        ("exceptions", index, "cyrillic"),
                        f"'{entry['example']}' becomes '{got}', not '{entry['cyrillic']}'; "
                        "correct 'cyrillic' or move the '|' in 'latin'",
                    )
                )
    return problems
