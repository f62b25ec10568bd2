"""The project's word lists (kgo/checks/wordlists/sr.txt, en.txt): names, terms and abbreviations the
dictionaries lack, one per line, sorted. ``make words`` adds words sorted and without repeats::

    python -m kgo.checks.wordlists sr Pirot Babušnica     # add to the Serbian list
    python -m kgo.checks.wordlists                        # sort both lists and drop repeats
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

WORDLIST_DIR = Path(__file__).resolve().parent / "wordlists"
WORDLISTS = {"sr": WORDLIST_DIR / "sr.txt", "en": WORDLIST_DIR / "en.txt"}


def read_wordlist(path: Path) -> list[str]:
    """The words of a project word list (comments and blank lines left out)."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def sort_key(word: str) -> tuple[str, str]:
    """Order of the word lists: case-insensitive, then upper case first ("Mapa", "mapa")."""
    return word.casefold(), word


def problems(path: Path) -> list[str]:
    """What is wrong with a word list's order and form, each with its fix."""
    entries = read_wordlist(path)
    found = []
    if entries != sorted(set(entries), key=sort_key):
        found.append(f"{path.name}: not sorted or a word is listed twice; run `make words` to sort it")
    found += [f"{path.name}: '{entry}' holds a space; one word per line (add the words apart)"
              for entry in entries if " " in entry or "\t" in entry]
    return found


def write_words(path: Path, add: Iterable[str] = ()) -> list[str]:
    """Add ``add`` to the list at ``path``, sort it and drop repeats (comments stay on top); returns
    the words that were new."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    entries = set(read_wordlist(path))
    new = sorted({word.strip() for word in add if word.strip()} - entries, key=sort_key)
    words = sorted(entries | set(new), key=sort_key)
    path.write_text("".join(f"{line}\n" for line in [*comments, *words]), encoding="utf-8")
    return new


def main(argv: list[str]) -> int:
    if argv and argv[0] not in WORDLISTS:
        print(f"usage: python -m kgo.checks.wordlists [{'|'.join(WORDLISTS)} WORD...]", file=sys.stderr)
        return 2
    if argv:
        for word in argv[1:]:
            if " " in word.strip():
                print(f"'{word}': one word at a time (a name of several words: add each)", file=sys.stderr)
                return 2
        new = write_words(WORDLISTS[argv[0]], argv[1:])
        print(f"{WORDLISTS[argv[0]].name}: added {', '.join(new) if new else 'nothing new'}")
    for path in WORDLISTS.values():
        write_words(path)
    print("word lists sorted, without repeats")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
