"""Search records: one per section, headings apart from text, no code or permalinks, words apart."""

from kgo.search.index import index_json, page_records

HTML = ('<h1 id="t">Naslov<a class="headerlink" href="#t">¶</a></h1><p>Uvod <b>opština</b> &amp; grad</p>'
        '<h2 id="plan">Akcioni plan<a class="headerlink" href="#plan">¶</a></h2><p>Tekst<br>dalje</p>'
        '<script>var x = 1;</script><h3 id="tab">Tabela</h3><table><tr><td>Niš</td><td>Pirot</td></tr></table>'
        '<h4 id="ignored">Manji naslov</h4><p>ostaje u odeljku</p>')


def test_one_record_per_section_with_original_spelling():
    assert page_records("prirucnik/mere/", "Mere", HTML) == [
        {"u": "prirucnik/mere/", "p": "Mere", "t": "Mere", "x": "Uvod opština & grad"},
        {"u": "prirucnik/mere/#plan", "p": "Mere", "t": "Akcioni plan", "x": "Tekst dalje"},
        {"u": "prirucnik/mere/#tab", "p": "Mere", "t": "Tabela", "x": "Niš Pirot Manji naslov ostaje u odeljku"},
    ]


def test_index_names_its_edition():
    assert index_json([], "sr-Cyrl") == '{"lang":"sr-Cyrl","docs":[]}'
