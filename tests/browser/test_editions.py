"""The three editions in a real browser: the switcher leads to the same page in the other edition,
and each edition's interface speaks its own language and script."""

from __future__ import annotations

import re

import pytest

from kgo.data.loader import load_datasets
from tests.browser.conftest import EDITIONS, open_page, page_url

pytestmark = pytest.mark.slow

#: Interface strings as the reader sees them, per edition.
UI = {
    "sr-Latn": {"skip": "Idi na tekst", "search": "Pretraga", "toc": "Sadržaj", "next": "Sledeće"},
    "sr-Cyrl": {"skip": "Иди на текст", "search": "Претрага", "toc": "Садржај", "next": "Следеће"},
    "en": {"skip": "Skip to content", "search": "Search", "toc": "Table of contents", "next": "Next"},
}
LATIN = re.compile(r"[A-Za-zČĆĐŠŽčćđšž]")
# Latin words the Cyrillic edition keeps on purpose (hooks/cyrillic.py): words with q, w, x or y
# (SWOT, Wikipedia), Roman numerals.
KEPT_LATIN = re.compile(r"^(?:\w*[qwxyQWXY]\w*|[IVXLCDM]+)$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
SERBIAN_LETTERS = re.compile("[čćđšžČĆĐŠŽ]")


def place_names() -> set[str]:
    """Words of the local governments' English names: English keeps their letters (City of Niš)."""
    data, errors = load_datasets()
    assert not errors, errors
    return {word for lsg in data["municipalities"]["municipalities"] for word in lsg["name"]["en"].split()}

# The interface around the text: every string the theme writes (not the page's own text).
CHROME = """() => {
  const texts = [];
  const add = (where, text) => {
    text = (text || '').replace(/\\s+/g, ' ').trim();
    if (text) texts.push([where, text]);
  };
  const q = s => Array.from(document.querySelectorAll(s));
  add('skip link', document.querySelector('.md-skip')?.textContent);
  add('search placeholder', document.querySelector('#kg-search-input')?.placeholder);
  add('search label', document.querySelector('label[for=kg-search-input]')?.textContent);
  add('search button', document.querySelector('.kg-search__button')?.getAttribute('aria-label'));
  add('edition switcher', document.querySelector('.md-select > button')?.getAttribute('aria-label'));
  add('menu button', document.querySelector('label[for=__drawer]')?.getAttribute('aria-label'));
  add('header', document.querySelector('.md-header nav')?.getAttribute('aria-label'));
  add('site name', document.querySelector('.md-header__topic .md-ellipsis')?.textContent);
  q('.md-tabs__link').forEach(a => add('tab', a.textContent));
  q('.md-sidebar--primary .md-nav__link').forEach(a => {
    if (!a.closest('[lang]:not(html)')) add('navigation', a.textContent);
  });
  add('table of contents', document.querySelector('.md-nav--secondary > .md-nav__title')?.textContent);
  q('.md-footer__direction').forEach(d => add('footer', d.textContent));
  add('back to top', document.querySelector('.md-top')?.textContent);
  return texts;
}"""


def switch(page, edition: str) -> None:
    """Open the edition switcher in the header and choose an edition."""
    page.hover(".md-header .md-select")
    with page.expect_navigation():
        page.click(f".md-select__link[lang='{edition}']")
    page.wait_for_load_state("load")


def test_switcher_leads_to_the_same_page_in_every_edition(page, server, key_pages):
    chapter = key_pages["prirucnik"]
    open_page(page, page_url(server, "sr-Latn", chapter))
    heading = {}
    for edition in ("sr-Cyrl", "en", "sr-Latn", "en", "sr-Cyrl", "sr-Latn"):
        switch(page, edition)
        assert page.url == page_url(server, edition, chapter), f"switching to {edition} led to {page.url}"
        assert page.get_attribute("html", "lang") == edition
        heading.setdefault(edition, page.text_content("h1"))
        assert page.text_content("h1") == heading[edition]
    assert len(set(heading.values())) == 3, f"the chapter's title does not change with the edition: {heading}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_interface_is_in_the_editions_language_and_script(page, server, key_pages, edition):
    url = page_url(server, edition, key_pages["prirucnik"])
    open_page(page, url)
    assert page.get_attribute("html", "lang") == edition
    chrome = dict(page.evaluate(CHROME))
    expected = UI[edition]
    assert chrome["skip link"] == expected["skip"]
    assert chrome["search placeholder"] == expected["search"]
    assert chrome["table of contents"] == expected["toc"]
    assert page.get_attribute(".md-nav--secondary", "aria-label") == expected["toc"]
    assert any(text.endswith(expected["next"]) or expected["next"] in text
               for where, text in page.evaluate(CHROME) if where == "footer")
    wrong, names = [], place_names()
    for where, text in page.evaluate(CHROME):
        if edition == "sr-Cyrl" and any(LATIN.search(w) and not KEPT_LATIN.match(w)
                                        for w in re.findall(r"[^\W\d_]+", text)):
            wrong.append((where, text))
        if edition != "sr-Cyrl" and CYRILLIC.search(text):
            wrong.append((where, text))
        if edition == "en" and any(SERBIAN_LETTERS.search(w) and w not in names for w in text.split()):
            wrong.append((where, text))
    assert not wrong, f"{url}: interface text in the wrong script: {wrong}"


@pytest.mark.parametrize("edition", EDITIONS)
def test_edition_names_carry_their_own_language(page, server, key_pages, edition):
    """'English' on a Serbian page and 'Ћирилица' on a Latin one are marked with their language."""
    open_page(page, page_url(server, edition, key_pages["home"]))
    links = page.eval_on_selector_all(".md-select__link",
                                      "els => els.map(a => [a.lang, a.hreflang, a.textContent.trim()])")
    assert sorted(lang for lang, _, _ in links) == sorted(EDITIONS)
    for lang, hreflang, name in links:
        assert lang == hreflang
        assert bool(CYRILLIC.search(name)) == (lang == "sr-Cyrl"), f"{name!r} is not in the script of {lang}"
