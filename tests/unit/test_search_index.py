"""Search records: one per section, headings apart from text, no code or permalinks, words apart;
each record says where it is (publication › chapter) in the edition's own words."""

from kgo.search.index import index_json, page_records, sections

HTML = ('<h1 id="t">Naslov<a class="headerlink" href="#t">¶</a></h1><p>Uvod <b>opština</b> &amp; grad</p>'
        '<h2 id="plan">Akcioni plan<a class="headerlink" href="#plan">¶</a></h2><p>Tekst<br>dalje</p>'
        '<script>var x = 1;</script><h3 id="tab">Tabela</h3><table><tr><td>Niš</td><td>Pirot</td></tr></table>'
        '<h4 id="ignored">Manji naslov</h4><p>ostaje u odeljku</p>')


def test_one_record_per_section_with_original_spelling():
    assert page_records("prirucnik/mere/", "Mere", HTML) == [
        {"u": "prirucnik/mere/", "p": "Mere", "t": "Mere", "w": "", "x": "Uvod opština & grad"},
        {"u": "prirucnik/mere/#plan", "p": "Mere", "t": "Akcioni plan", "w": "Mere", "x": "Tekst dalje"},
        {"u": "prirucnik/mere/#tab", "p": "Mere", "t": "Tabela", "w": "Mere",
         "x": "Niš Pirot Manji naslov ostaje u odeljku"},
    ]


def test_records_say_publication_and_chapter():
    records = page_records("smernice/primer/", "Primer: Opština Primer", HTML, ["Smernice"])
    assert [r["w"] for r in records] == ["Smernice"] + ["Smernice › Primer: Opština Primer"] * 2
    cyrillic = page_records("smernice/primer/", "Пример: Општина Пример", HTML, ["Смернице"])
    assert cyrillic[1]["w"] == "Смернице › Пример: Општина Пример"


def test_each_glossary_entry_is_a_record_of_its_own():
    glossary = ('<p>Uvod</p><dl class="glossary"><dt id="term-lq"><abbr title="koeficijent">LQ</abbr></dt>'
                '<dd><p>Udeo delatnosti.</p></dd><dt id="term-opstina">opština</dt>'
                '<dd><p>Osnovna jedinica.</p></dd></dl>')
    assert [(s["anchor"], s["title"], s["text"]) for s in sections(glossary)] == [
        ("", "", "Uvod"), ("term-lq", "LQ", "Udeo delatnosti."), ("term-opstina", "opština", "Osnovna jedinica.")]
    records = page_records("pojmovnik/", "Pojmovnik", glossary)
    assert [(r["u"], r["w"]) for r in records] == [
        ("pojmovnik/", ""), ("pojmovnik/#term-lq", "Pojmovnik"), ("pojmovnik/#term-opstina", "Pojmovnik")]


def test_other_definition_lists_stay_in_their_section():
    content = '<h2 id="sdg">Ciljevi</h2><dl><dt id="sdg-16-6">Podcilj 16.6</dt><dd><p>Institucije</p></dd></dl>'
    assert [s["anchor"] for s in sections(content)] == ["", "sdg"]


def test_index_names_its_edition():
    assert index_json([], "sr-Cyrl") == '{"lang":"sr-Cyrl","docs":[]}'
