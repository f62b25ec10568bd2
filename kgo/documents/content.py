"""The model acts, forms and checklists of ``data/`` as neutral documents, in one edition.

The same data and the same texts as the web pages: a model act's body comes from
:func:`kgo.render.renderers.model_acts.model_blocks`, a form's columns and rows from its template,
the checklists from ``data/standards.yaml`` (laid out like the printable checklist of the page) and,
for the spreadsheet, :func:`kgo.methods.standards.checklist_rows` (the same table as the CSV).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from kgo.documents.model import Block, Document, Heading, Note, PageBreak, Paragraph, Points, Table
from kgo.methods.standards import CHECKLIST_COLUMNS, checklist_rows, display_code
from kgo.render.markers import RenderContext, record
from kgo.text import dataset_label, fmt_date, t

TEXTS = Path(__file__).with_name("texts.yaml")
WIDE = 6            # a table of this many columns or more is a list of records: landscape, blank rows
BLANK_ROWS = 8      # rows to fill in under a list of records
PUBLICATION = {"model_acts": "prirucnik", "templates_handbook": "prirucnik",
               "templates_guidelines": "smernice", "standards": "standardi"}


@cache
def _texts() -> Mapping[str, Mapping[str, str]]:
    return yaml.safe_load(TEXTS.read_text(encoding="utf-8"))


def text(key: str, lang: str, *values: str) -> str:
    """A word of the documents (kgo/documents/texts.yaml) in the edition's language."""
    texts = _texts()
    if key not in texts:
        raise KeyError(f"text {key!r} is missing from {TEXTS.name}")
    return t(texts[key], lang).format(*values)


def _frame(datasets: Mapping[str, Any], dataset: str, lang: str) -> dict[str, str]:
    """Title-independent properties: subject (the publication), creator, licence."""
    pub = next(p for p in datasets["publications"]["publications"] if p["id"] == PUBLICATION[dataset])
    edition = max(datasets["editions"]["editions"], key=lambda e: e["number"])
    name = t(edition["licence"]["name"], lang)
    short = re.search(r"\(([^()]+)\)\s*$", edition["licence"]["name"]["sr"])
    if lang == "cyr" and "cyr" not in edition["licence"]["name"] and short:
        name = short.group(1)   # the licence's foreign name would be transliterated: its code instead
    subject = t(pub["title"], lang)
    return {"subject": subject, "creator": t(datasets["project"]["project"]["name"], lang),
            "licence": text("licence_note", lang, subject, name), "licence_url": edition["licence"]["url"]}


def _cite(source: Mapping[str, Any], lang: str) -> str:
    parts = [source["title"], source["publisher"], fmt_date(source["date"], lang), source.get("url", "")]
    return f"{text('source', lang)}: " + ", ".join(p for p in parts if p)


def _wide(tables: list[Table]) -> bool:
    return any(len(tb.columns) >= WIDE for tb in tables)


# --- model acts --------------------------------------------------------------------------------

def _body(view: Mapping[str, Any], note_title: str) -> list[Block]:
    kind = view["type"]
    if kind == "heading":
        return [Heading(min(view["level"], 2), view["text"], "center")]
    if kind == "paragraph":
        return [Paragraph(view["text"], view["align"])]
    if kind == "note":
        return [Note(view["text"], note_title)]
    if kind == "table":
        return [Table(view["caption"], tuple(view["columns"]), tuple(tuple(r) for r in view["rows"]))]
    blocks: list[Block] = []
    if view["numbering"] == "section":
        blocks.append(Heading(3, f"{view['label']} {view['title']}".strip()))
    else:
        if view["title"]:
            blocks.append(Paragraph(view["title"], "center", "article-title"))
        blocks.append(Heading(3, view["label"], "center"))
    for paragraph in view["paragraphs"]:
        if "points" in paragraph:
            blocks.append(Points(tuple(paragraph["points"])))
        else:
            blocks.append(Paragraph(paragraph["text"], "justify"))
    return blocks


def model_act(datasets: Mapping[str, Any], model_id: str, lang: str) -> Document:
    """A model act: guidance, the text of the act, then its verified legal basis and practice."""
    from kgo.render.renderers.model_acts import model_blocks  # that renderer links to these documents

    data = datasets["model_acts"]
    model = record(data["models"], model_id, "model", "data/model_acts.yaml")

    def label(key: str) -> str:
        return dataset_label(data, key, lang)

    note_title = label("note_title")
    head: list[Block] = [Note("", note_title)]
    if lang == "en":
        head.append(Note(label("translation_notice")))
    head += [Note(t(model["purpose"], lang), f"{label('purpose')}:"),
             Note(t(model["adopted_by"], lang), f"{label('adopted_by')}:")]
    body: list[Block] = []
    for view in model_blocks(RenderContext(datasets, lang), model):
        if view["type"] == "heading" and view["level"] == 1 and any(
                isinstance(b, Heading) and b.level == 1 for b in body):
            body.append(PageBreak())   # a second act in the file (the notice, the explanation)
        body += _body(view, note_title)
    tail: list[Block] = [PageBreak(), Note("", f"{label('legal_basis_caption')} – {note_title}")]
    for item in model["legal_basis"]:
        cites = "; ".join(_cite(s, lang) for s in item["sources"])
        tail.append(Note(t(item["summary"], lang), f"{t(item['act'], lang)}, {t(item['article'], lang)}:", cites))
    if model.get("practice"):
        tail.append(Note("", f"{label('practice')}:"))
        for item in model["practice"]:
            tail.append(Note(t(item["text"], lang), "", "; ".join(_cite(s, lang) for s in item["sources"])))
    tables = [b for b in body if isinstance(b, Table)]
    title = t(model["title"], lang)
    return Document(lang=lang, title=title,
                    blocks=(*head, *body, *tail), landscape=_wide(tables),
                    sheets=tuple(tables), guidance=(title, *(n.text for n in body if isinstance(n, Note))),
                    guidance_title=text("guidance_sheet", lang), **_frame(datasets, "model_acts", lang))


# --- forms of the Handbook and the Guidelines --------------------------------------------------

def form(datasets: Mapping[str, Any], dataset: str, template_id: str, lang: str) -> Document:
    """A form: its title, the guidance from its description, the table to fill in.

    A wide form is a list of records and gets blank rows; the pre-filled rows of a narrow form
    (indicator passport, SWOT, logical framework) label its rows and are the form itself."""
    template = record(datasets[dataset]["templates"], template_id, "template", f"data/{dataset}.yaml")
    columns = tuple(t(c, lang) for c in template["columns"])
    rows = tuple(tuple(t(cell, lang) for cell in row) for row in template.get("example_rows", []))
    wide = len(columns) >= WIDE
    blanks = BLANK_ROWS if wide or not rows else 0
    title = t(template["title"], lang)
    table = Table("", columns, rows + tuple(("",) * len(columns) for _ in range(blanks)))
    description = t(template.get("description"), lang)
    blocks: list[Block] = [Heading(1, title)]
    if description:
        blocks.append(Note(description, text("form_note", lang)))
    blocks.append(table)
    return Document(lang=lang, title=title, blocks=tuple(blocks),
                    landscape=wide, sheets=(Table(title, columns, rows),),
                    guidance=tuple(x for x in (title, description) if x),
                    guidance_title=text("guidance_sheet", lang), **_frame(datasets, dataset, lang))


# --- the Standards' checklists -----------------------------------------------------------------

def checklists(datasets: Mapping[str, Any], lang: str) -> Document:
    """Every area's checklist, laid out like the printable checklists of the Standards page."""
    data = datasets["standards"]

    def label(key: str) -> str:
        return dataset_label(data, key, lang)

    levels = {lv["id"]: t(lv["label"], lang) for lv in data["scoring"]["standard_levels"]}
    answers = [t(a["label"], lang) for a in data["scoring"]["answers"]]
    boxes = "\n".join(f"\u2610 {a}" for a in answers)
    columns = (label("code"), f"{label('requirement')} · {label('conditions')}",
               f"{label('level')} · {label('points')}", label("answer"), label("notes"))
    title = text("checklists_title", lang)
    blocks: list[Block] = [Heading(1, title), Note(text("checklists_guidance", lang), text("form_note", lang))]
    for area in data["areas"]:
        rows = []
        for s in (s for s in data["standards"] if s["area"] == area["id"]):
            cell = "\n".join([t(s["title"], lang), t(s["requirement"], lang),
                              *(f"{n}. {t(c['text'], lang)} — {'; '.join(t(e, lang) for e in c['evidence'])}"
                                for n, c in enumerate(s["conditions"], start=1))])
            rows.append((display_code(s["id"]), cell, f"{levels[s['level']]} · {s['points']}", boxes, ""))
        area_title = f"{area['number']}. {t(area['title'], lang)}"
        blocks += [Heading(2, area_title),
                   Table(f"{label('checklist_caption')}: {area_title}", columns, tuple(rows), (1.7, 6.0, 2.5, 2.3, 3.5),
                         title_column=1)]
    sheet_rows = checklist_rows(data, lang)
    answer_column = CHECKLIST_COLUMNS.index("answer")
    sheet = Table(title, tuple(sheet_rows[0]), tuple(tuple(r) for r in sheet_rows[1:]),
                  choices=((answer_column, tuple(answers)),))
    return Document(lang=lang, title=title, blocks=tuple(blocks),
                    sheets=(sheet,), guidance=(title, text("checklists_guidance", lang)),
                    guidance_title=text("guidance_sheet", lang), **_frame(datasets, "standards", lang))
