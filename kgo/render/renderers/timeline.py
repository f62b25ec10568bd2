"""The Handbook's master plan of work (data/timeline.yaml): one truth for every duration and date.

The chapters state no duration, week or date in prose; they show it with these views:
``overview`` and ``total`` (the cycle), ``calendar`` (the plan against the budget calendar),
``phase id=…`` (one step's duration, weeks, parts and milestones), ``consultations``,
``milestone id=…``, ``example`` (Opština Primer on a calendar, illustrative) and ``cycle`` (the
yearly cycle after adoption). Weeks are counted from week 1 of the plan; for the calendar, week 1
starts on 1 January, and for Opština Primer on ``example.start``.

Self-contained: it needs only the marker registry and the language helpers, so that it can move
with them. ``kgo/render/renderers/procedure.py`` reuses :func:`find_span` and :func:`fmt_span`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kgo import text
from kgo.render.markers import renderer
from kgo.text import MONTHS_EN, MONTHS_NOM, t

# Month names: nominative ("jul 2025."), genitive after a day ("30. juna 2025.").
# Serbian forms after a number: 1 nedelja, 2–4 nedelje, 5+ nedelja (the last number decides).
_UNITS = {
    "weeks": {"sr": ("nedelja", "nedelje", "nedelja"), "en": ("week", "weeks")},
    "days": {"sr": ("dan", "dana", "dana"), "en": ("day", "days")},
    "months": {"sr": ("mesec", "meseca", "meseci"), "en": ("month", "months")},
}


def _form(n: int) -> int:
    """Index of the Serbian form after n: 0 (1, 21, …), 1 (2–4, 22–24, …), 2 (others)."""
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def _count(low: int, high: int, unit: str) -> dict[str, str]:
    """'2–4 nedelje' / '2–4 weeks'; one number when low == high."""
    numbers = f"{low}" if low == high else f"{low}–{high}"
    sr = _UNITS[unit]["sr"][_form(high)]
    en = _UNITS[unit]["en"][0 if high == 1 else 1]
    return {"sr": f"{numbers} {sr}", "en": f"{numbers} {en}"}


def fmt_duration(duration: Mapping[str, Any], lang: str) -> str:
    """A typical duration {min, max, unit} in the edition's words."""
    return t(_count(duration["min"], duration["max"], duration["unit"]), lang)


def fmt_span(span: Mapping[str, int], lang: str) -> str:
    """Weeks of the plan: 'nedelje 5–12' / 'weeks 5–12'; one week: 'nedelja 4' / 'week 4'."""
    if span["start"] == span["end"]:
        return t({"sr": f"nedelja {span['start']}", "en": f"week {span['start']}"}, lang)
    return t({"sr": f"nedelje {span['start']}–{span['end']}", "en": f"weeks {span['start']}–{span['end']}"}, lang)


def fmt_month(day: dt.date, lang: str) -> str:
    return text.fmt_date(f"{day.year}-{day.month:02d}", lang)


def fmt_date(day: dt.date, lang: str) -> str:
    return text.fmt_date(day.isoformat(), lang)


def fmt_months(first: dt.date, last: dt.date, lang: str) -> str:
    """'jul 2025.' or 'jul – avgust 2025.' / 'July – August 2025'."""
    if (first.year, first.month) == (last.year, last.month):
        return fmt_month(first, lang)
    if first.year == last.year:
        return t({"sr": f"{MONTHS_NOM[first.month - 1]} – {MONTHS_NOM[last.month - 1]} {last.year}.",
                  "en": f"{MONTHS_EN[first.month - 1]} – {MONTHS_EN[last.month - 1]} {last.year}"}, lang)
    return f"{fmt_month(first, lang)} – {fmt_month(last, lang)}"


def month_name(month: int, lang: str) -> str:
    return t({"sr": MONTHS_NOM[month - 1], "en": MONTHS_EN[month - 1]}, lang)


def week_days(start: dt.date, span: Mapping[str, int]) -> tuple[dt.date, dt.date]:
    """First and last day of a span of weeks, week 1 starting on ``start``."""
    return (start + dt.timedelta(weeks=span["start"] - 1),
            start + dt.timedelta(weeks=span["end"], days=-1))


# --- lookups ----------------------------------------------------------------------------------


def phases(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return sorted(document["phases"], key=lambda p: p["order"])


def _phase(document: Mapping[str, Any], phase_id: str) -> Mapping[str, Any]:
    for phase in document["phases"]:
        if phase["id"] == phase_id:
            return phase
    known = ", ".join(p["id"] for p in document["phases"])
    raise KeyError(f"no phase id={phase_id!r} in data/timeline.yaml; known: {known}")


def find_span(document: Mapping[str, Any], item_id: str) -> tuple[dict[str, int] | None, Mapping[str, Any]]:
    """Weeks and record of a part, milestone, consultation or cycle item with ``item_id``.

    A milestone spans its single week; a cycle item has no weeks (None)."""
    for phase in document["phases"]:
        for part in phase.get("parts", []):
            if part["id"] == item_id:
                return dict(part["plan"]), part
        for milestone in phase.get("milestones", []):
            if milestone["id"] == item_id:
                return {"start": milestone["week"], "end": milestone["week"]}, milestone
    for item in document["consultations"]:
        if item["id"] == item_id:
            return dict(item["plan"]), item
    for item in document["cycle"]:
        if item["id"] == item_id:
            return None, item
    raise KeyError(f"no part, milestone, consultation or cycle item id={item_id!r} in data/timeline.yaml")


def intensive_span(document: Mapping[str, Any]) -> dict[str, int]:
    """Weeks of the most intensive consultations (the items marked ``intensive``)."""
    items = [c["plan"] for c in document["consultations"] if c.get("intensive")]
    return {"start": min(i["start"] for i in items), "end": max(i["end"] for i in items)}


def plan_end(document: Mapping[str, Any]) -> int:
    """Last week of the last sequential phase: the week the programme is adopted."""
    return max(p["plan"]["end"] for p in document["phases"] if p["mode"] == "sequential")


def sequential_range(document: Mapping[str, Any]) -> tuple[int, int]:
    """Shortest and longest total of the sequential phases' typical durations (weeks)."""
    seq = [p["duration"] for p in document["phases"] if p["mode"] == "sequential"]
    return sum(d["min"] for d in seq), sum(d["max"] for d in seq)


def _container(document: Mapping[str, Any], phase: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The sequential phase whose weeks contain a parallel phase."""
    for other in document["phases"]:
        if other["mode"] == "sequential" and other["plan"]["start"] <= phase["plan"]["start"] \
                and phase["plan"]["end"] <= other["plan"]["end"]:
            return other
    return None


def main_months(start: dt.date, span: Mapping[str, int]) -> tuple[dt.date, dt.date]:
    """First days of the first and last month in which a span of weeks spends at least a week.

    A span that crosses a month boundary by a few days belongs to the month where most of it
    falls, so a table does not list one short step in two months."""
    first, last = week_days(start, span)
    days: dict[tuple[int, int], int] = {}
    day = first
    while day <= last:
        days[(day.year, day.month)] = days.get((day.year, day.month), 0) + 1
        day += dt.timedelta(days=1)
    kept = sorted(m for m, n in days.items() if n >= 7) or [max(days, key=lambda m: (days[m], -m[0], -m[1]))]
    return dt.date(*kept[0], 1), dt.date(*kept[-1], 1)


def _months_of(span: Mapping[str, int], year_start: dt.date) -> set[int]:
    first, last = main_months(year_start, span)
    return set(range(first.month, last.month + 1))


# --- views ------------------------------------------------------------------------------------

@renderer("timeline", "overview")
def timeline_overview(ctx) -> str:
    doc = ctx.doc
    rows = []
    for phase in phases(doc):
        if phase["mode"] == "continuous":
            duration = ctx.t(phase["note"])
        else:
            duration = fmt_duration(phase["duration"], ctx.lang)
            if phase["mode"] == "parallel":
                container = _container(doc, phase)
                if container is not None:
                    duration += ", " + ctx.label("parallel_with", step=str(container["order"]))
        weeks = fmt_span(phase["plan"], ctx.lang) if phase.get("plan") else ctx.label("after_adoption")
        rows.append({"id": phase["id"], "order": phase["order"], "href": ctx.link(phase["page"]),
                     "title": ctx.t(phase["title"]), "purpose": ctx.t(phase["purpose"]),
                     "result": ctx.t(phase["result"]),
                     "duration": duration, "weeks": weeks})
    return ctx.render("timeline_overview.html", rows=rows, status=ctx.t(doc["status"]))


@renderer("timeline", "total")
def timeline_total(ctx) -> str:
    doc = ctx.doc
    weeks = plan_end(doc)
    low, high = sequential_range(doc)
    months = round(weeks * 7 / 30.44)
    lines = [
        ctx.label("total_plan", weeks=str(weeks), months=str(months)),
        ctx.label("total_range", min=str(low), max=str(high)),
        ctx.label("total_rhythm", duration=fmt_duration(doc["rhythm"]["working_group"], ctx.lang)),
    ]
    return ctx.render("timeline_total.html", lines=lines, status=ctx.label("status_note"))


@renderer("timeline", "calendar")
def timeline_calendar(ctx) -> str:
    doc = ctx.doc
    year_start = dt.date(2001, 1, 1)  # any common year: only the month of each week matters
    work: dict[int, list[str]] = {m: [] for m in range(1, 13)}
    for phase in phases(doc):
        if phase["mode"] == "continuous":
            continue
        items = phase.get("parts", []) if phase["id"] == "adoption" else [phase]
        for item in items:
            for month in sorted(_months_of(item["plan"], year_start)):
                work[month].append(ctx.t(item["title"]))
    budget: dict[int, list[dict[str, str]]] = {m: [] for m in range(1, 13)}
    for item in doc["budget_calendar"]:
        budget[item["month"]].append({"when": ctx.t(item["when"]), "text": ctx.t(item["text"])})
    rows = [{"month": month_name(m, ctx.lang), "budget": budget[m], "work": work[m]}
            for m in range(1, 13) if budget[m] or work[m]]
    return ctx.render("timeline_calendar.html", rows=rows, status=ctx.t(doc["status"]))


@renderer("timeline", "phase")
def timeline_phase(ctx, id: str) -> str:
    doc = ctx.doc
    phase = _phase(doc, id)
    lines = []
    if "duration" in phase:
        lines.append(ctx.label("phase_duration", duration=fmt_duration(phase["duration"], ctx.lang)))
    if "small" in phase:
        lines.append(ctx.label("phase_small", duration=fmt_duration(phase["small"], ctx.lang),
                               note=ctx.t(phase["small_note"])))
    if "extra" in phase:
        lines.append(ctx.label("phase_extra", duration=fmt_duration(phase["extra"], ctx.lang),
                               note=ctx.t(phase["extra_note"])))
    if phase.get("plan"):
        lines.append(ctx.label("phase_weeks", weeks=fmt_span(phase["plan"], ctx.lang)))
    if phase["id"] == "participation":
        span = intensive_span(doc)
        weeks = span["end"] - span["start"] + 1
        lines.append(ctx.label("phase_intensive", weeks=fmt_span(span, ctx.lang),
                               duration=t(_count(weeks, weeks, "weeks"), ctx.lang)))
    elif "note" in phase:
        lines.append(_sentence(ctx.t(phase["note"])))
    tasks = [{"title": ctx.t(k["title"]), "duration": fmt_duration(k["duration"], ctx.lang)}
             for k in phase.get("tasks", [])]
    return ctx.render("timeline_phase.html", id=phase["id"], lines=lines,
                      parts=_in_plan_order(phase, ctx), tasks=tasks)


def _sentence(text: str) -> str:
    """A note from the data as a sentence: capital first letter, full stop at the end."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def _in_plan_order(phase: Mapping[str, Any], ctx) -> list[dict[str, Any]]:
    """Parts and milestones of a phase by their first week (milestones after parts of that week)."""
    items = [(p["plan"]["start"], 0, fmt_span(p["plan"], ctx.lang), ctx.t(p["title"]), False)
             for p in phase.get("parts", [])]
    items += [(m["week"], 1, fmt_span({"start": m["week"], "end": m["week"]}, ctx.lang), ctx.t(m["title"]), True)
              for m in phase.get("milestones", [])]
    return [{"weeks": w, "title": title, "milestone": ms} for _, _, w, title, ms in sorted(items, key=lambda i: i[:2])]


@renderer("timeline", "consultations")
def timeline_consultations(ctx) -> str:
    doc = ctx.doc
    titles = {p["id"]: ctx.t(p["title"]) for p in doc["phases"]}
    rows = [{"weeks": fmt_span(c["plan"], ctx.lang), "phase": titles[c["phase"]],
             "activity": ctx.t(c["activity"]), "who": ctx.t(c["who"]), "intensive": bool(c.get("intensive"))}
            for c in sorted(doc["consultations"], key=lambda c: (c["plan"]["start"], c["plan"]["end"]))]
    return ctx.render("timeline_consultations.html", rows=rows, status=ctx.t(doc["status"]))


@renderer("timeline", "milestone")
def timeline_milestone(ctx, id: str) -> str:
    doc = ctx.doc
    span, record = find_span(doc, id)
    if span is None or span["start"] != span["end"]:
        raise KeyError(f"{id!r} in data/timeline.yaml is not a milestone; use the id of a milestone "
                       "or of a part that lasts one week")
    start = dt.date.fromisoformat(doc["example"]["start"])
    day = week_days(start, span)[1]
    return ctx.render("timeline_milestone.html",
                      text=ctx.label("milestone_week", week=fmt_span(span, ctx.lang), title=ctx.t(record["title"])),
                      example=ctx.label("milestone_example", date=fmt_date(day, ctx.lang)))


@renderer("timeline", "example")
def timeline_example(ctx) -> str:
    doc = ctx.doc
    example = doc["example"]
    start = dt.date.fromisoformat(example["start"])
    rows = []
    for note in example["notes"]:
        span, _ = find_span(doc, note["part"])
        first, last = main_months(start, span)
        rows.append({"when": fmt_months(first, last, ctx.lang), "what": ctx.t(note["text"])})
    end = week_days(start, {"start": plan_end(doc), "end": plan_end(doc)})[1]
    after = end + dt.timedelta(weeks=example["after"]["weeks_after"])
    rows.append({"when": fmt_month(after, ctx.lang), "what": ctx.t(example["after"]["text"])})
    return ctx.render("timeline_example.html", rows=rows)


@renderer("timeline", "cycle")
def timeline_cycle(ctx) -> str:
    doc = ctx.doc
    rows = []
    for item in doc["cycle"]:
        months = item.get("months", [])
        when = "–".join(month_name(m, ctx.lang) for m in (months[:1] + months[-1:] if len(months) > 1 else months))
        rows.append({"when": when, "what": ctx.t(item["title"]), "who": ctx.t(item["who"]),
                     "duration": fmt_duration(item["duration"], ctx.lang) if "duration" in item else ""})
    return ctx.render("timeline_cycle.html", rows=rows, status=ctx.label("status_note"))
