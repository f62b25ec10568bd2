"""Every page of docs/sr and docs/en follows the house style (hooks/md_style.py explains each rule)."""

from __future__ import annotations

from kgo.checks import md_style


def test_every_page_follows_the_house_style():
    pages = md_style.pages()
    assert pages
    found = md_style.check_files(pages)
    assert found == [], "style problems (python -m kgo.checks.md_style):\n" + "\n".join(map(str, found))
