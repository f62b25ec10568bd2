"""The ranking rules of the site's search (docs/assets/js/search.js, the comment "RANKING"), run in
node on a small fixed index: title > heading > text; whole word > start of a word; spelled as typed
> found after folding; worked examples and glossary entries by the same rules."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.tools import ROOT, need

SCRIPT = ROOT / "docs" / "assets" / "js" / "search.js"

# node: load the browser script (it exports window.kgSearch and skips the DOM part), run each job.
PROGRAM = """
global.window = {}; require(process.argv[1]);
const s = window.kgSearch;
const jobs = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = jobs.map(j => {
  if (j.kind === 'rank') {
    return s.search({lang: j.lang, docs: JSON.parse(JSON.stringify(j.docs))}, j.query)
      .map(r => ({u: r.doc.u, score: r.score}));
  }
  if (j.kind === 'snippet') {
    const r = s.search({lang: j.lang, docs: JSON.parse(JSON.stringify(j.docs))}, j.query)[0];
    return {text: s.snippetParts(r, j.before, j.after), title: s.titleParts(r)};
  }
  if (j.kind === 'count') return s.countText(j.n, j.strings, j.lang);
  if (j.kind === 'rank-constants') return s.RANK;
  if (j.kind === 'words') return s.words(j.query, j.lang);
});
process.stdout.write(JSON.stringify(out));
"""


def run(*jobs: dict) -> list:
    done = subprocess.run([need("node"), "-e", PROGRAM, str(SCRIPT)], input=json.dumps(list(jobs)),
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def doc(u: str, t: str, x: str = "", w: str = "", p: str | None = None) -> dict:
    """An index record as hooks/search_index.py writes it; 'p' is the page (the title at its top)."""
    return {"u": u, "p": p if p is not None else t, "t": t, "w": w, "x": x}


def ranked(docs: list[dict], *queries: str, lang: str = "sr") -> list[list[str]]:
    return [[r["u"] for r in found] for found in run(*({"kind": "rank", "lang": lang, "docs": docs, "query": q}
                                                       for q in queries))]


def test_title_beats_heading_beats_text():
    docs = [doc("text/", "Pokazatelji", "Mapiranje je prvi korak."),
            doc("heading/#m", "Mapiranje", "Opis.", "Smernice › Obuhvat", p="Obuhvat"),
            doc("title/", "Mapiranje kreativnog sektora", "Uvod.", "Priručnik")]
    assert ranked(docs, "mapiranje") == [["title/", "heading/#m", "text/"]]


def test_a_tier_is_never_overtaken_by_bonuses_of_the_one_below():
    """A prefix match in a title beats the whole word, spelled as typed, many times in a text."""
    docs = [doc("text/", "Analiza", "opština " * 20),
            doc("heading/#a", "Opštinama u regionu", "", "Priručnik › Analiza", p="Analiza"),
            doc("title/", "Kako opštinama pomaže mreža", "")]
    assert ranked(docs, "opština") == [["title/", "heading/#a", "text/"]]
    rank = run({"kind": "rank-constants"})[0]
    where, most = rank["WHERE"], rank["WHOLE"] + rank["EXACT"] + rank["OFTEN_MAX"]
    assert where["text"] + most < where["heading"]
    assert where["heading"] + most + rank["ALL"] < where["title"]
    assert where["context"] == 0


def test_whole_word_beats_the_start_of_a_longer_word():
    docs = [doc("a/#x", "Saradnja sa opštinama", "", "Projekat › A", p="A"),
            doc("b/#x", "Saradnja sa opštinom", "", "Projekat › B", p="B"),
            doc("c/#x", "Saradnja sa opština", "", "Projekat › C", p="C")]
    assert ranked(docs, "opstina")[0][0] == "c/#x"
    assert ranked(docs, "opstinama")[0][0] == "a/#x"


def test_spelled_as_typed_gets_a_small_boost_over_folded():
    docs = [doc("folded/", "Uvod", "Podaci za opstina-kod polje."), doc("exact/", "Uvod", "Podaci za opština.")]
    with_diacritics, without, cyrillic = ranked(docs, "opština", "opstina", "општина")
    assert with_diacritics == ["exact/", "folded/"]
    assert without == ["folded/", "exact/"]
    assert cyrillic == ["folded/", "exact/"]  # folded in both: equal scores keep the index order
    docs_cyr = [doc("lat/", "Увод", "Подаци за opština."), doc("cyr/", "Увод", "Подаци за општина.")]
    assert ranked(docs_cyr, "општина") == [["cyr/", "lat/"]]


def test_diacritics_case_and_script_find_the_same_records():
    docs = [doc("a/", "Opština Primer", "tekst"), doc("b/", "Uvod", "Општина и град"), doc("c/", "Grad", "selo"),
            doc("d/", "Sprovođenje", "plan")]
    found = ranked(docs, "opština", "opstina", "OPSTINA", "општина", "Opš")
    assert all(sorted(f) == ["a/", "b/"] for f in found), found
    assert ranked(docs, "sprovodjenje", "спровођење") == [["d/"], ["d/"]]


def test_every_word_must_be_found_and_stop_words_are_left_out():
    docs = [doc("a/", "Akcioni plan", "mere i rokovi"), doc("b/", "Plan razvoja", "bez mera")]
    assert ranked(docs, "akcioni plan") == [["a/"]]
    assert ranked(docs, "plan i razvoja") == [["b/"]]
    assert ranked(docs, "the plan", lang="en") == [["a/", "b/"]]  # "the" is left out: both titles match


def test_worked_examples_and_glossary_entries_follow_the_same_rules():
    """The page title of a worked example gives its sections nothing: a section is found for its
    own heading and text. A glossary entry whose term is the query comes before a heading that
    only holds the word, even one whose text repeats it."""
    example = "Primer: Opština Primer"
    docs = [doc("smernice/primer/", example, "Izmišljen primer.", "Smernice"),
            doc("smernice/primer/#steps", "Koraci", "Postupak u koracima.", f"Smernice › {example}", p=example),
            doc("smernice/primer/#sum", "Sažetak za Opštinu Primer", "Opština Primer " * 6,
                f"Smernice › {example}", p=example),
            doc("pojmovnik/#term-opstina", "opština", "Osnovna jedinica lokalne samouprave.", "Pojmovnik",
                p="Pojmovnik"),
            doc("mreza/", "Mreža", "Petnaest gradova i opština.", "Projekat")]
    found = ranked(docs, "opstina")[0]
    assert "smernice/primer/#steps" not in found
    assert found == ["smernice/primer/", "pojmovnik/#term-opstina", "smernice/primer/#sum", "mreza/"]
    # ... but the page's title and publication let a second word find the section
    assert ranked(docs, "primer koraci", "smernice koraci") == [["smernice/primer/#steps"]] * 2


def test_equal_scores_keep_the_order_of_the_index():
    docs = [doc(f"p{i}/", "Uvod", "mreža") for i in range(5)]
    assert ranked(docs, "mreza") == [[f"p{i}/" for i in range(5)]]


def test_english_rules_are_the_same():
    docs = [doc("text/", "Introduction", "Every municipality has a plan."),
            doc("glossary/#term-municipality", "municipality", "The basic unit.", "Glossary", p="Glossary"),
            doc("heading/#m", "Municipalities of the network", "", "The project › Network", p="Network")]
    assert ranked(docs, "municipality", lang="en") == [["glossary/#term-municipality", "heading/#m", "text/"]]


def test_context_marks_the_whole_word_and_the_title_too():
    text = "Početak teksta. " * 10 + "U opštinama okruga ima mnogo toga za reći."
    docs = [doc("a/#x", "Opštine Pirotskog okruga", text, "Projekat › Mreža", p="Mreža")]
    out = run({"kind": "snippet", "lang": "sr", "docs": docs, "query": "opstina", "before": 30, "after": 60})[0]
    marked = [t for t, mark in out["text"] if mark]
    assert marked == ["opštinama"]
    assert out["text"][0][0].startswith("… ")
    assert "".join(t for t, _ in out["title"]) == "Opštine Pirotskog okruga"
    assert [t for t, mark in out["title"] if mark] == ["Opštine"]


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("sr", 0, "Ništa nije pronađeno"), ("sr", 1, "1 rezultat pretrage"), ("sr", 3, "3 rezultata pretrage"),
    ("sr", 11, "11 rezultata pretrage"), ("sr", 21, "21 rezultat pretrage"), ("sr", 105, "105 rezultata pretrage"),
    ("en", 1, "1 matching document"), ("en", 21, "21 matching documents")])
def test_the_count_is_said_in_the_editions_grammar(lang, n, expected):
    strings = ({"none": "Ništa nije pronađeno", "one": "1 rezultat pretrage", "other": "# rezultata pretrage"}
               if lang == "sr" else {"none": "No matching documents", "one": "1 matching document",
                                     "other": "# matching documents"})
    assert run({"kind": "count", "n": n, "strings": strings, "lang": lang})[0] == expected
