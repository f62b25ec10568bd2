"""The editions of the site, defined once.

Every fact about an edition — its code in the data, the i18n plugin's locale, the ``lang`` tag, the
script, the URL prefix, the suffix of its files, its spelling dictionary, its number format and the
docs folder it is written in — lives in one :class:`Edition`. Adding an edition means one entry in
:data:`EDITIONS` (and its language in ``mkdocs.yml``, which :func:`check_against_i18n` compares).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edition:
    code: str          # key in the data files' texts ({sr: …, en: …, cyr: override}); "cyr" is derived
    locale: str        # the i18n plugin's locale in mkdocs.yml (and its docs folder, when written by hand)
    lang: str          # BCP 47 tag of <html lang>, the books and the documents
    script: str        # ISO 15924: Latn or Cyrl
    prefix: str        # URL prefix of the edition inside the site
    suffix: str        # suffix of its files: books, forms, documents
    dictionary: str    # hunspell dictionary of its text
    source: str        # docs/ folder its pages come from
    group: str         # digit grouping mark (Serbian 49.601, English 49,601)
    decimal: str       # decimal mark (Serbian 1.232,5, English 1,232.5)
    region_lang: str   # language tag with region, for office documents (Word, LibreOffice)

    @property
    def derived(self) -> bool:
        """True for an edition generated from another one's pages (the Cyrillic one)."""
        return self.source != self.locale


EDITIONS: tuple[Edition, ...] = (
    Edition("sr", "sr", "sr-Latn", "Latn", "", "sr-latn", "sr_Latn_RS", "sr", ".", ",", "sr-Latn-RS"),
    Edition("cyr", "sr-Cyrl", "sr-Cyrl", "Cyrl", "sr-Cyrl/", "sr-cyrl", "sr_RS", "sr", ".", ",", "sr-Cyrl-RS"),
    Edition("en", "en", "en", "Latn", "en/", "en", "en_US", "en", ",", ".", "en-GB"),
)
CODES = tuple(e.code for e in EDITIONS)
WRITTEN = tuple(dict.fromkeys(e.source for e in EDITIONS))  # docs/ folders edited by hand: sr, en
MASTER = EDITIONS[0]


def edition(code: str) -> Edition:
    """The edition with this code (``sr``, ``cyr``, ``en``), its locale or its lang tag."""
    for item in EDITIONS:
        if code in (item.code, item.locale, item.lang):
            return item
    raise KeyError(f"no edition {code!r}; editions: {', '.join(CODES)}")


def check_against_i18n(languages: Iterable[tuple[str, str]]) -> list[str]:
    """Problems between the editions here and the i18n plugin's ``(locale, theme.language)`` pairs."""
    problems = []
    configured = dict(languages)
    for item in EDITIONS:
        if item.locale not in configured:
            problems.append(f"mkdocs.yml: the i18n plugin has no language {item.locale!r} (edition {item.code})")
        elif configured[item.locale] != item.lang:
            problems.append(f"mkdocs.yml: language {item.locale!r} must set theme.language: {item.lang} "
                            f"(found {configured[item.locale]!r})")
    for locale in configured:
        if all(locale != item.locale for item in EDITIONS):
            problems.append(f"mkdocs.yml: language {locale!r} is no edition; add it to kgo/editions/model.py")
    return problems
