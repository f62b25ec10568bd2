"""Every page of docs/sr and docs/en passes the spelling check, and the generated Cyrillic edition
has no more unknown words than the Latin master (a higher rate means a wrong transliteration)."""

from __future__ import annotations

import pytest

from kgo.checks import spelling, wordlists
from tests.tools import need


@pytest.fixture(autouse=True)
def _hunspell():
    need("hunspell")


@pytest.fixture(scope="module")
def report() -> spelling.Report:
    return spelling.check()


def test_no_unknown_words(report):
    assert report.findings == [], (
        "unknown words — correct the typo, or add a correct word to tests/spelling/sr.txt or en.txt "
        "(make spell):\n" + "\n".join(map(str, report.findings))
    )


def test_the_cyrillic_edition_is_spelt_no_worse_than_the_latin_text(report):
    assert report.tokens["cyr"] == report.tokens["sr"] > 0
    assert report.rate("cyr") <= report.rate("sr"), "\n".join(map(str, report.cyrillic))
    assert report.cyrillic == []


def test_the_cyrillic_rate_without_word_lists_is_no_worse_either():
    raw = spelling.check(wordlists={})
    assert raw.rate("cyr") <= raw.rate("sr"), "\n".join(map(str, raw.cyrillic))


def test_the_word_lists_are_sorted_and_one_word_per_line():
    for path in wordlists.WORDLISTS.values():
        assert wordlists.read_wordlist(path), f"{path} is empty"
        assert wordlists.problems(path) == []
