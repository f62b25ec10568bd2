"""The Cyrillic edition is generated from the Latin master text: letters and exceptions
(``letters``), plain text (``words``), Markdown pages (``markdown``), the checks of the editors'
exception list (``exceptions``) and the command line (``python -m kgo.cyrillic``)."""

from kgo.cyrillic.exceptions import ExceptionsFileError, check_exceptions, load_exceptions
from kgo.cyrillic.letters import Exceptions
from kgo.cyrillic.markdown import strip_protection, transliterate_markdown
from kgo.cyrillic.words import transliterate

__all__ = ["Exceptions", "ExceptionsFileError", "check_exceptions", "load_exceptions", "strip_protection",
           "transliterate", "transliterate_markdown"]
