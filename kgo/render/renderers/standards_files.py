"""The self-assessment form's CSV files (issue 25): what the browser script needs to write a file that
opens right in the office software of the edition and to read an exported file back.

* The dialect follows the edition's number format: Serbian editions write ``;`` between cells and
  decimal commas (what Excel and LibreOffice with Serbian settings expect), English writes ``,``
  and points; every file starts with a UTF-8 byte-order mark.
* File names carry the municipality and the date of the self-assessment.
* Reading accepts a file of any edition: the header rows, the answer labels and the codes of every
  edition are given, so answers saved in the Cyrillic edition load into the Latin form too.
* The form's texts for loading a file live here (``FORM_TEXT``); ``{1}``-style slots are filled by
  the script. Slots are numbers because the Cyrillic edition transliterates words.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.editions.model import CODES, edition
from kgo.methods.standards import checklist_rows, display_code
from kgo.text import t

#: File names (the edition's suffix, municipality and date are added): the same words in every edition.
ANSWERS_FILE = "samoprocena-standardi"
BLANK_FILE = "kontrolna-lista-standardi"

FORM_TEXT: dict[str, dict[str, str]] = {
    "load": {"sr": "Učitaj odgovore iz datoteke (CSV)", "en": "Load answers from a file (CSV)"},
    "load_hint": {
        "sr": "Da biste nastavili tamo gde ste stali, na ovom ili na drugom računaru, izaberite datoteku koju "
              "je obrazac sačuvao dugmetom „{export}”. Odgovori, beleške i podaci o samoproceni iz datoteke "
              "zamenjuju one koji su sada u obrascu.",
        "en": "To continue where you left off, on this computer or another one, choose a file this form saved "
              "with “{export}”. The answers, notes and record in the file replace those now in the form.",
    },
    "load_confirm": {
        "sr": "Odgovori iz datoteke zameniće odgovore koji su sada u obrascu. Da li želite da nastavite?",
        "en": "The answers in the file will replace the answers now in the form. Do you want to continue?",
    },
    "load_done": {
        "sr": "Učitano iz datoteke „{file}”: odgovora {answers}, beležaka {notes}.",
        "en": "Loaded from “{file}”: {answers} answers, {notes} notes.",
    },
    "load_skipped": {
        "sr": "Redovi koji nisu prepoznati i nisu učitani: {rows}.",
        "en": "Rows not recognised and not loaded: {rows}.",
    },
    "load_wrong": {
        "sr": "Datoteka „{file}” nije sačuvana iz ovog obrasca: njen prvi red nema kolone obrasca. Izaberite "
              "CSV datoteku sačuvanu dugmetom „{export}”. Odgovori u obrascu nisu promenjeni.",
        "en": "“{file}” was not saved from this form: its first row does not have the form's columns. Choose a "
              "CSV file saved with “{export}”. The answers in the form have not changed.",
    },
    "requirement": {"sr": "Zahtev", "en": "Requirement"},
}


def form_text(ctx, key: str, **slots: str) -> str:
    """A text of FORM_TEXT in the edition's language, its named slots filled before transliteration."""
    text = FORM_TEXT[key]
    return t({lang: value.format(**slots) if slots else value for lang, value in text.items()}, ctx.lang)


def file_payload(ctx, data: Mapping[str, Any]) -> dict[str, Any]:
    """The part of the form's JSON that writes and reads its CSV files."""
    this = edition(ctx.lang)
    export = ctx.label("form_export")
    answers = data["scoring"]["answers"]
    return {
        "csv": {"delimiter": ";" if this.decimal == "," else ",", "decimal": this.decimal},
        "filenames": {"answers": ANSWERS_FILE, "blank": BLANK_FILE, "suffix": this.suffix},
        # Reading: a file of any edition.
        "csv_headers": [checklist_rows(data, code)[0] for code in CODES],
        "answer_ids": {t(a["label"], code).casefold(): a["id"] for a in answers for code in CODES},
        "code_ids": {t({"sr": display_code(s["id"]), "en": display_code(s["id"])}, code): s["id"]
                     for s in data["standards"] for code in CODES},
        "total_labels": sorted({t(data["labels"]["total"], code) for code in CODES}),
        "load": {
            "confirm": form_text(ctx, "load_confirm"),
            "done": form_text(ctx, "load_done", file="{1}", answers="{2}", notes="{3}"),
            "skipped": form_text(ctx, "load_skipped", rows="{1}"),
            "wrong": form_text(ctx, "load_wrong", file="{1}", export=export),
        },
    }
