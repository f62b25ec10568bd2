"""The Handbook has one plan of work and one procedure, both in data/.

* Durations and dates: no Handbook chapter (sr or en) states a duration in weeks, months or days,
  or a calendar date, in its prose; they come from data/timeline.yaml through markers. Years are
  not checked: they are horizons and the target years of the illustrative examples.
* The master plan is consistent: sequential phases follow one another and fit their typical
  duration; everything else lies inside the plan.
* Every legal reference of data/procedure.yaml names a source with title, publisher, date, the
  date it was read and an address; a rule that could not be verified is a `check`, not a
  reference.
* Every view of both datasets renders in every edition.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kgo.render.markers import RenderContext, registry
from kgo.rules import load_data as load_datasets

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = {lang: sorted((ROOT / "docs" / lang / "prirucnik").glob("*.md")) for lang in ("sr", "en")}
# The list of sources and literature: its dates are bibliographic, not dates of the plan of work.
NOT_CHECKED = {"izvori.md"}

_NUM_SR = (r"(?:\d+|jedan|jednu|jedne|jednog|dva|dve|tri|četiri|pet|šest|sedam|osam|devet|deset|"
           r"jedanaest|dvanaest|petnaest|dvadeset|trideset|pola)")
_UNIT_SR = r"(?:nedelj[aeiu]\w*|sedmic\w*|mesec\w*|dan|dana|danima)"
_MONTHS_SR = (r"(?:januar[aue]?|februar[aue]?|mart[aue]?|april[aue]?|maj[aue]?|jun[aue]?|jul[aue]?|"
              r"avgust[aue]?|septemb(?:ar|ra|ru)|oktob(?:ar|ra|ru)|novemb(?:ar|ra|ru)|decemb(?:ar|ra|ru))")
_NUM_EN = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
           r"thirty|half a)")
_UNIT_EN = r"(?:weeks?|months?|days?)"
_MONTHS_EN = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"

PATTERNS = {
    "sr": [
        re.compile(rf"\b{_NUM_SR}(?:\s*(?:[–-]|do|ili)\s*{_NUM_SR})?\s+{_UNIT_SR}\b", re.IGNORECASE),
        re.compile(rf"\b{_UNIT_SR}\s+\d+", re.IGNORECASE),
        re.compile(r"\bnedelju dana\b|\bmesec dana\b", re.IGNORECASE),
        re.compile(rf"\b{_MONTHS_SR}\b", re.IGNORECASE),
        re.compile(r"^\|\s*nedelj\w*\s*\|", re.IGNORECASE),  # a table of weeks typed by hand
    ],
    "en": [
        re.compile(rf"\b{_NUM_EN}(?:\s*(?:[–-]|to|or)\s*{_NUM_EN})?[\s-]+{_UNIT_EN}\b", re.IGNORECASE),
        re.compile(rf"\b{_UNIT_EN}\s+\d+", re.IGNORECASE),
        re.compile(rf"\b{_MONTHS_EN}\b"),
        re.compile(r"^\|\s*weeks?\s*\|", re.IGNORECASE),
    ],
}
_MARKER_LINE = re.compile(r"^\s*<!--.*-->\s*$")
_CODE = re.compile(r"`[^`]*`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>")


def durations_in_prose(text: str, lang: str) -> list[tuple[int, str]]:
    """(line, phrase) of every duration or date stated in prose; markers, code and link targets
    are not prose."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _MARKER_LINE.match(line):
            continue
        line = _LINK_TARGET.sub("]", _CODE.sub("", line))
        for pattern in PATTERNS[lang]:
            found += [(number, m.group(0)) for m in pattern.finditer(line)]
    return found


# --- the prose check --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Prvi ciklus traje šest do devet meseci.", "sr"),
    ("Okvirno trajanje 2–4 nedelje.", "sr"),
    ("Javna rasprava u nedeljama 16–18.", "sr"),
    ("do 1. avgusta nacrt je na javnoj raspravi", "sr"),
    ("Rok za nacrt programa je osam meseci.", "sr"),
    ("nedelju dana za belešku", "sr"),
    ("In most LSGs the first cycle takes six to nine months.", "en"),
    ("by 1 August the draft is in public debate", "en"),
    ("public debate in weeks 16–18", "en"),
    ("a three-week public debate", "en"),
    ("| Nedelja | Korak ciklusa | Konsultacija | Ko |", "sr"),
    ("| Week | Step of the cycle | Consultation | Who |", "en"),
])
def test_a_duration_or_date_in_prose_is_found(text, lang):
    assert durations_in_prose(text, lang), f"not detected: {text!r}"


@pytest.mark.parametrize("text, lang", [
    ("<!-- data: timeline phase id=mapping -->", "sr"),
    ("Majstor grnčar i majke sa decom; plan razvoja za najmanje sedam godina.", "sr"),
    ("Zapisnik u roku od nekoliko dana; jednom mesečno; do 2032. godine.", "sr"),
    ("[link](usvajanje-i-sprovodjenje.md#procedure) and `12 weeks` in code", "en"),
    ("Check the calendar of calls once a month; a few days after each meeting; by 2032.", "en"),
])
def test_markers_code_vague_words_and_years_are_not_durations(text, lang):
    assert durations_in_prose(text, lang) == []


@pytest.mark.parametrize("lang", ["sr", "en"])
def test_no_handbook_chapter_states_a_duration_or_date_in_prose(lang):
    problems = []
    for path in CHAPTERS[lang]:
        if path.name in NOT_CHECKED:
            continue
        for line, phrase in durations_in_prose(path.read_text(encoding="utf-8"), lang):
            problems.append(f"{path.relative_to(ROOT)}:{line}: {phrase!r} is a duration or date in prose; "
                            "take it from data/timeline.yaml with a marker such as "
                            "<!-- data: timeline phase id=ID --> or say it without numbers")
    assert not problems, "\n".join(problems)


# --- the data ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def data():
    datasets, errors = load_datasets()
    assert not errors, "\n".join(map(str, errors))
    return datasets


def _inside(span, outer) -> bool:
    return outer["start"] <= span["start"] <= span["end"] <= outer["end"]


def test_master_plan_is_consistent(data):
    timeline = data["timeline"]
    phases = sorted(timeline["phases"], key=lambda p: p["order"])
    sequential = [p for p in phases if p["mode"] == "sequential"]
    problems = []
    week = 1
    for phase in sequential:
        plan, duration = phase["plan"], phase["duration"]
        if plan["start"] != week:
            problems.append(f"{phase['id']}: starts in week {plan['start']}, expected {week} (no gaps, no overlaps)")
        length = plan["end"] - plan["start"] + 1
        if not duration["min"] <= length <= duration["max"]:
            problems.append(f"{phase['id']}: {length} weeks in the plan, "
                            f"typical duration {duration['min']}–{duration['max']}")
        week = plan["end"] + 1
    end = week - 1
    whole = {"start": 1, "end": end}
    for phase in phases:
        if phase["mode"] == "parallel" and not any(_inside(phase["plan"], s["plan"]) for s in sequential):
            problems.append(f"{phase['id']}: a parallel phase must lie inside one sequential phase")
        if phase["mode"] == "continuous" and phase.get("plan") and phase["plan"] != whole:
            problems.append(f"{phase['id']}: a continuous phase with a plan spans weeks 1–{end}")
        for d in [phase.get("duration"), phase.get("small"), phase.get("extra")] + \
                 [k["duration"] for k in phase.get("tasks", [])]:
            if d and d["min"] > d["max"]:
                problems.append(f"{phase['id']}: duration min {d['min']} > max {d['max']}")
        for part in phase.get("parts", []):
            if not _inside(part["plan"], phase["plan"]):
                problems.append(f"{part['id']}: weeks outside its phase {phase['id']}")
        for milestone in phase.get("milestones", []):
            if not _inside({"start": milestone["week"], "end": milestone["week"]}, phase["plan"]):
                problems.append(f"{milestone['id']}: week outside its phase {phase['id']}")
    plans = {p["id"]: p.get("plan") for p in phases}
    for item in timeline["consultations"]:
        outer = plans[item["phase"]] or whole
        if not _inside(item["plan"], outer):
            problems.append(f"{item['id']}: weeks outside its phase {item['phase']}")
    parts = {x["id"] for p in phases for x in p.get("parts", []) + p.get("milestones", [])}
    problems += [f"example note: unknown part {n['part']}" for n in timeline["example"]["notes"]
                 if n["part"] not in parts]
    assert not problems, "\n".join(problems)


ALLOWED_MODEL_ACTS = {"act-start", "act-working-group", "act-public-call", "act-consultation-report",
                      "act-council-decision", "programme-outline", "action-plan"}


def test_every_legal_reference_has_a_source(data):
    procedure = data["procedure"]
    sources = {s["id"]: s["source"] for s in procedure["sources"]}
    acts = {a["id"] for a in procedure["acts"]}
    problems = []
    for step in procedure["steps"]:
        for index, ref in enumerate(step["legal"]):
            where = f"steps[{step['id']}].legal[{index}]"
            if ref["act"] not in acts:
                problems.append(f"{where}: act {ref['act']!r} is not in acts")
            source = sources.get(ref["source"])
            if source is None:
                problems.append(f"{where}: source {ref['source']!r} is not in sources")
                continue
            missing = [k for k in ("title", "publisher", "date", "accessed", "url") if not source.get(k)]
            if missing:
                problems.append(f"{where}: source {ref['source']!r} lacks {', '.join(missing)}")
        if not step["legal"] and not step.get("check"):
            problems.append(f"steps[{step['id']}]: no verified legal basis and no `check` saying what to verify")
        problems += [f"steps[{step['id']}].check_sources: {s!r} is not in sources"
                     for s in step.get("check_sources", []) if s not in sources]
        if step.get("model_act") and step["model_act"] not in ALLOWED_MODEL_ACTS:
            problems.append(f"steps[{step['id']}].model_act: {step['model_act']!r} is not a model act id")
    for horizon in procedure["horizons"]:
        if "source" in horizon and horizon["source"] not in sources:
            problems.append(f"horizons[{horizon['id']}]: source {horizon['source']!r} is not in sources")
        if "source" not in horizon and "check" not in horizon:
            problems.append(f"horizons[{horizon['id']}]: neither a source nor a `check`")
    assert not problems, "\n".join(problems)


def test_procedure_steps_point_at_the_master_plan(data):
    from kgo.render.renderers.timeline import find_span

    for step in data["procedure"]["steps"]:
        if "timeline" in step:
            find_span(data["timeline"], step["timeline"])  # raises with the known ids if absent


VIEWS = [
    ("timeline", "overview", {}), ("timeline", "total", {}), ("timeline", "calendar", {}),
    ("timeline", "consultations", {}), ("timeline", "example", {}), ("timeline", "cycle", {}),
    ("timeline", "milestone", {"id": "draft"}),
    ("procedure", "table", {}), ("procedure", "horizons", {}), ("procedure", "sources", {}),
    ("procedure", "step", {"id": "ex-ante"}), ("procedure", "cite", {"ids": "bop-toolkit,uclg-c21"}),
]


@pytest.mark.parametrize("lang", ["sr", "cyr", "en"])
def test_every_view_renders_in_every_edition(data, lang):
    known = registry()
    ctx = RenderContext(data, lang, "prirucnik/usvajanje-i-sprovodjenje.md")
    views = VIEWS + [("timeline", "phase", {"id": p["id"]}) for p in data["timeline"]["phases"]]
    for dataset, view, args in views:
        html = known[(dataset, view)](ctx, **args)
        assert html.startswith("<div class=\"data-"), (dataset, view)
    table = known[("procedure", "table")](ctx)
    assert "model_act" not in table
    assert 'href="../modeli-akata/#act-start"' in table  # a step links to its model act
