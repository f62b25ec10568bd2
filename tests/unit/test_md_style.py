"""The house-style check of the Markdown pages: each rule on a small page."""

from __future__ import annotations

import pytest

from kgo.checks import md_style

GOOD = """\
---
title: Naslov
---
# Naslov

Uvod sa [vezom](https://example.org) i <https://example.org/a>, `kod https://x.example` i [https://example.org](https://example.org).

## Prvi deo {#first}

Tekst.

### Pododeljak {#first-sub}

#### Bez sidra je u redu

```text
# nije naslov
    uvučeno u kodu
```

<!-- data: municipalities table -->

## Drugi deo {#second .klasa}

!!! note "Napomena"
    Tekst.
"""


def rules(text: str) -> list[tuple[int, str]]:
    return [(v.line, v.rule) for v in md_style.check_text(text, "docs/sr/x.md")]


def test_a_page_in_house_style_passes():
    assert md_style.check_text(GOOD) == []


def test_every_rule_is_explained():
    assert set(md_style.RULES) == set(md_style.CHECKS)
    assert all(md_style.RULES.values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# A\n\nTekst \n", [(3, "trailing-space")]),
        ("# A\n\n-\tstavka\n", [(3, "tab")]),
        ("Tekst.\n", [(1, "h1")]),
        ("## B {#b}\n\n# A\n", [(1, "h1")]),
        ("# A\n\n# B\n", [(3, "h1")]),
        ("# A\n\n### C {#c}\n", [(3, "heading-level")]),
        ("# A\n\n## B {#b}\n\n#### D\n", [(5, "heading-level")]),
        ("# A\n\n## B\n", [(3, "heading-anchor")]),
        ("# A\n\n## B {#b}\n\n### C\n", [(5, "heading-anchor")]),
        ("# A\n\n## B {#Mapa_1}\n", [(3, "heading-anchor")]),
        ("# A\n\n## B {#b}\n\n## C {#b}\n", [(5, "heading-anchor")]),
        ("# A\n\nVidi https://example.org/a.\n", [(3, "bare-url")]),
        ("# A\n\nVidi www.example.org ovde.\n", [(3, "bare-url")]),
        ("# A\n\nTekst.", [(3, "final-newline")]),
        ("# A\n\nTekst.\n\n", [(4, "final-newline")]),
        ("# A\n\nTODO: dopisati.\n", [(3, "unfinished")]),
        ("# A\n\nLorem ipsum dolor.\n", [(3, "unfinished")]),
        ("# A\n\nComing soon.\n", [(3, "unfinished")]),
    ],
)
def test_each_rule_finds_its_problem(text, expected):
    assert rules(text) == expected


def test_code_comments_and_front_matter_are_not_prose():
    text = "---\ntitle: x\nnote: https://example.org  \n---\n# A\n\n`TODO`\n\n<!-- https://example.org -->\n"
    assert rules(text) == [(3, "trailing-space")]
    text = "# A\n\n```\n## bez sidra\nTODO https://example.org\n```\n\n    TODO indented code\n"
    assert rules(text) == []


def test_the_message_says_where_and_what_to_do():
    (violation,) = md_style.check_text("# A\n\n## Mapiranje\n", "docs/sr/prirucnik/mapiranje.md")
    assert str(violation) == (
        "docs/sr/prirucnik/mapiranje.md:3: [heading-anchor] add an anchor at the end of the heading, "
        "the same in sr and en: ## Naslov {#english-id}"
    )


def test_the_command_lists_the_rules_it_broke(tmp_path, capsys):
    bad = tmp_path / "x.md"
    bad.write_text("# A\n\n## B\n", encoding="utf-8")
    good = tmp_path / "y.md"
    good.write_text("# A\n", encoding="utf-8")
    assert md_style.main([str(bad)]) == 1
    out = capsys.readouterr().out
    assert ":3: [heading-anchor]" in out and "[heading-anchor] every ## and ### heading" in out
    assert md_style.main([str(good)]) == 0
