"""Heading anchors are ASCII and the same for the Latin and Cyrillic text of a heading."""

from kgo.cyrillic import transliterate
from kgo.render.slugs import slugify


def test_latin_and_cyrillic_headings_give_the_same_ascii_anchor():
    for heading in ("Mreža 15 jedinica lokalne samouprave", "Đurđevdan i džep", "Šta sada radite?"):
        latin, cyrillic = slugify(heading, "-"), slugify(transliterate(heading), "-")
        assert latin == cyrillic and latin.isascii()


def test_examples():
    assert slugify("Mreža 15 jedinica", "-") == "mreza-15-jedinica"
    assert slugify("Đurđevdan <em>i</em> džep", "-") == "djurdjevdan-i-dzep"
    assert slugify("Пројекат „Креативни градови”", "-") == "projekat-kreativni-gradovi"
