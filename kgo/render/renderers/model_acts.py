"""Model acts of the Handbook (data/model_acts.yaml): the text of each model, its legal basis, a list.

A model is a document made of blocks — heading, paragraph, article ("Član 1." or a numbered
section "1."), table and guidance note — in the order they are read. The page shows the model's
purpose, who adopts it, its verified legal basis with sources, examples from practice and then
the text itself, in the edition's language; the DOCX/ODT documents are made from the same blocks
(:func:`model_blocks` gives them ready to lay out). Markers:

* ``<!-- data: model_acts act id=ID -->`` — one model;
* ``<!-- data: model_acts list -->`` — the table of every model, linking to its section.

Each model offers its editable documents (kgo.documents) in the page's edition.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kgo.documents import links
from kgo.render.markers import record, renderer
from kgo.render.reference import source_texts

DATASET = "model_acts"
FILE = "data/model_acts.yaml"


def _date(iso: str, lang: str) -> str:
    """'2018-04-20' -> '20. 4. 2018.' in Serbian, unchanged (ISO) in English; partial dates alike."""
    if lang == "en":
        return str(iso)
    parts = [int(p) for p in str(iso).split("-")]
    return " ".join(f"{p}." for p in reversed(parts))


def _source(ctx, source: Mapping[str, Any]) -> dict[str, str]:
    return {
        **source_texts(source, ctx.lang),
        "url": source.get("url", ""),
        "date": _date(source["date"], ctx.lang),
    }


def _paragraph(ctx, paragraph: Mapping[str, Any]) -> dict[str, Any]:
    """A paragraph of an article: {'text': …} or {'points': ['1) …', …]} (numbered points)."""
    if "items" in paragraph:
        return {"points": [f"{n}) {ctx.t(item)}" for n, item in enumerate(paragraph["items"], start=1)]}
    return {"text": ctx.t(paragraph)}


def _block(ctx, block: Mapping[str, Any]) -> dict[str, Any]:
    """One block of a model, with every text in the edition's language."""
    kind = block["type"]
    view: dict[str, Any] = {"type": kind}
    if kind == "heading":
        view.update(level=block["level"], text=ctx.t(block["text"]))
    elif kind in ("paragraph", "note"):
        view.update(text=ctx.t(block["text"]), align=block.get("align", "left"))
    elif kind == "article":
        number = block["number"]
        if block.get("numbering", "article") == "section":
            view["label"] = f"{number}."
        else:
            view["label"] = ctx.label_of(DATASET, "article_number", n=number)
        view.update(numbering=block.get("numbering", "article"),
                    title=ctx.t(block["title"]) if "title" in block else "",
                    paragraphs=[_paragraph(ctx, p) for p in block["paragraphs"]])
    elif kind == "table":
        columns = [ctx.t(c) for c in block["columns"]]
        rows = [[ctx.t(cell) for cell in row] for row in block.get("rows", [])]
        rows += [[""] * len(columns) for _ in range(block.get("blank_rows", 0))]
        view.update(caption=ctx.t(block["caption"]), columns=columns, rows=rows)
    else:
        raise ValueError(f"{FILE}: unknown block type {kind!r}; "
                         "use heading, paragraph, article, table or note")
    return view


def model_blocks(ctx, model: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The body of a model as plain views (texts in the edition's language): what a page or a
    document generator lays out (its context need not be bound to model_acts, hence ctx.label_of)."""
    return [_block(ctx, block) for block in model["body"]]


def _model(ctx, model_id: str) -> Mapping[str, Any]:
    return record(ctx.data[DATASET]["models"], model_id, "model", FILE)


@renderer(DATASET, "act")
def model_act(ctx, id: str) -> str:
    model = _model(ctx, id)
    basis = [{
        "act": ctx.t(item["act"]),
        "article": ctx.t(item["article"]),
        "summary": ctx.t(item["summary"]),
        "sources": [_source(ctx, s) for s in item["sources"]],
    } for item in model["legal_basis"]]
    practice = [{"text": ctx.t(item["text"]), "sources": [_source(ctx, s) for s in item["sources"]]}
                for item in model.get("practice", [])]
    return ctx.render("model_acts_act.html", model={
        "id": model["id"],
        "title": ctx.t(model["title"]),
        "purpose": ctx.t(model["purpose"]),
        "adopted_by": ctx.t(model["adopted_by"]),
    }, basis=basis, practice=practice, blocks=model_blocks(ctx, model),
        translation=ctx.lang == "en", documents=links.files(ctx, DATASET, id),
        download=ctx.ui("documents_download"))


@renderer(DATASET, "list")
def model_acts_list(ctx) -> str:
    rows = [{"id": m["id"], "title": ctx.t(m["title"]), "adopted_by": ctx.t(m["adopted_by"])}
            for m in ctx.data[DATASET]["models"]]
    return ctx.render("model_acts_list.html", rows=rows)
