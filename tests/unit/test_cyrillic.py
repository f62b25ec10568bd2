"""Serbian Latin → Cyrillic: the tricky cases, the Markdown syntax that must survive, the CLI."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
import yaml

from kgo.cyrillic import (
    Exceptions,
    ExceptionsFileError,
    load_exceptions,
    strip_protection,
    transliterate,
    transliterate_markdown,
)
from kgo.cyrillic.words import EXCEPTIONS_PATH as DEFAULT_EXCEPTIONS_PATH
from tests.tools import need

ROOT = Path(__file__).resolve().parents[2]
EXCEPTION_ENTRIES = yaml.safe_load(DEFAULT_EXCEPTIONS_PATH.read_text(encoding="utf-8"))["exceptions"]

# --- plain text -----------------------------------------------------------------------------------

PLAIN_CASES = [
    # every letter, both cases
    ("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"),
    ("ABCČĆDĐEFGHIJKLMNOPRSŠTUVZŽ", "АБЦЧЋДЂЕФГХИЈКЛМНОПРСШТУВЗЖ"),
    # digraphs and their case variants
    ("ljubav", "љубав"),
    ("Ljubav", "Љубав"),
    ("LJUBAV", "ЉУБАВ"),
    ("LJubav", "Љубав"),
    ("Ljubljana", "Љубљана"),
    ("njiva", "њива"),
    ("Njiva", "Њива"),
    ("NJIVA", "ЊИВА"),
    ("NJegoš", "Његош"),
    ("džep", "џеп"),
    ("Džep", "Џеп"),
    ("DŽEP", "ЏЕП"),
    ("DŽep", "Џеп"),
    ("panj, konj, Đorđe", "пањ, коњ, Ђорђе"),
    ("nadjačati", "надјачати"),  # dj is never đ
    ("ǉubav ǋiva ǄEP", "љубав Њива ЏЕП"),  # legacy one-code-point digraphs
    # morpheme boundaries from the exception list, any case; real digraphs next to them stay
    ("KONJUNKTURA", "КОНЈУНКТУРА"),
    ("Konjunkturni ciklus", "Конјунктурни циклус"),
    ("Injekcija", "Инјекција"),
    ("nadživeo, nadživljavati", "надживео, надживљавати"),
    ("podžanrovi", "поджанрови"),
    ("nadžnjeti", "наджњети"),
    ("odžak", "оџак"),  # real dž: od|žal must not catch it
    ("konjušnica", "коњушница"),  # real nj: kon|jug must not catch it
    ("Tanjug-ov", "Танјуг-ов"),
    # Roman numerals
    ("III", "III"),
    ("XXI", "XXI"),
    ("XXI veka", "XXI века"),
    ("IV", "IV"),
    ("VI", "VI"),
    ("XVIII", "XVIII"),
    ("MMXVI", "MMXVI"),
    ("IV–VI vek", "IV–VI век"),
    ("IV-VI vek", "IV-VI век"),
    ("XX-og veka", "XX-ог века"),
    ("DIM", "ДИМ"),  # not a valid numeral
    ("MIX", "MIX"),
    ("LCD", "ЛЦД"),
    ("faza I i faza II", "фаза I и фаза II"),
    ("| I | II |", "| I | II |"),
    ("I pored toga", "И поред тога"),  # sentence-initial conjunction
    ("Kraj. I onda", "Крај. И онда"),
    ("ANA I MARKO", "АНА И МАРКО"),  # all-caps text: a word
    ("MI SMO TU", "МИ СМО ТУ"),
    ("V vek pre nove ere", "V век пре нове ере"),
    ("V. Petrović", "В. Петровић"),  # an initial
    ("kategorija C", "категорија Ц"),  # C, D, L, M alone are letters
    ("aneks D", "анекс Д"),
    # foreign words stay Latin
    ("Wi-Fi mreža", "Wi-Fi мрежа"),
    ("Facebook stranica", "Facebook страница"),
    ("FACEBOOK", "FACEBOOK"),
    ("Excel tabela", "Excel табела"),
    ("YouTube kanal", "YouTube канал"),
    ("YouTube-a i Facebook-u", "YouTube-а и Facebook-у"),  # Serbian case ending converts
    ("GitHub i PowerPoint", "GitHub и PowerPoint"),  # camelCase names
    ("Café Beograd", "Café Београд"),
    ("Ärzte i Señor", "Ärzte и Señor"),  # per word: a foreign phrase needs {lat}…{/lat}
    ("quorum", "quorum"),
    # URLs, e-mail addresses, file names
    ("https://primer.rs/ljubav?nj=1", "https://primer.rs/ljubav?nj=1"),
    ("Videti www.primer.rs/dokumenti.", "Видети www.primer.rs/dokumenti."),
    ("Pišite na ana.petrovic@primer.rs danas", "Пишите на ana.petrovic@primer.rs данас"),
    ("Preuzmite plan.csv i index.md", "Преузмите plan.csv и index.md"),
    ("datoteka docs/sr/index.md", "датотека docs/sr/index.md"),
    ("sajt primer.rs/en/plan", "сајт primer.rs/en/plan"),
    ("iz plan.csv-a", "из plan.csv-а"),
    ("_plan.csv_", "_plan.csv_"),
    ("kraj.Novi red", "крај.Нови ред"),  # a missing space is not a file name
    ("Primer d.o.o. i a.d.", "Пример д.о.о. и а.д."),
    # protection markup
    ("{lat}Creative Europe{/lat} program", "Creative Europe програм"),
    ("naslov {lat}Mapping the Creative Industries{/lat}.", "наслов Mapping the Creative Industries."),
    ("ljubav {lat}njiva", "љубав њива"),  # a stray mark is removed, never shown
    # punctuation and numbers
    ("1.232,5 din.", "1.232,5 дин."),
    ("„Citat“ — (zagrade), tačka-zarez; 5 km² i 12%!", "„Цитат“ — (заграде), тачка-зарез; 5 км² и 12%!"),
    ("Sl. glasnik RS 89/2021, čl. 3", "Сл. гласник РС 89/2021, чл. 3"),
    ("UNESCO i KD 2010", "УНЕСКО и КД 2010"),  # a listed word with its own Cyrillic form
    ("Unesco, UNESCO-ov", "Унеско, УНЕСКО-ов"),
    ("red\nnovi red\r\n", "ред\nнови ред\r\n"),
    ("", ""),
]


@pytest.mark.parametrize(("latin", "cyrillic"), PLAIN_CASES)
def test_transliterate(latin, cyrillic):
    assert transliterate(latin) == cyrillic


@pytest.mark.parametrize(("latin", "cyrillic"), PLAIN_CASES)
def test_markdown_path_equals_plain_path_on_prose(latin, cyrillic):
    # why the CLI may default to Markdown: on text without Markdown syntax both paths agree
    assert transliterate_markdown(latin) == cyrillic


@pytest.mark.parametrize("entry", EXCEPTION_ENTRIES, ids=lambda e: e["id"])
def test_every_listed_exception(entry):
    assert transliterate(entry["example"]) == entry["cyrillic"]
    assert transliterate(entry["example"].upper()) == entry["cyrillic"].upper()


def test_decomposed_input_is_normalised():
    text = unicodedata.normalize("NFD", "Čačak, Đorđe, džem, Ćuprija, Šabac, Žagubica")
    assert text != unicodedata.normalize("NFC", text)
    assert transliterate(text) == "Чачак, Ђорђе, џем, Ћуприја, Шабац, Жагубица"
    assert transliterate_markdown(text) == "Чачак, Ђорђе, џем, Ћуприја, Шабац, Жагубица"


def test_exceptions_argument():
    assert transliterate("konjunktura", exceptions=()) == "коњунктура"
    assert transliterate("konjunktura", exceptions=["kon|junktur"]) == "конјунктура"
    rules = Exceptions(["nad|žnj"], words={"Canva": None})
    assert transliterate("Nadžnjeti u Canva", rules) == "Наджњети у Canva"
    with pytest.raises(ValueError, match=r"'\|'"):
        Exceptions(["konjunktur"])


# --- Roman numerals that number sections and items --------------------------------------------------

# A working-group decision numbers its sections I.–XI.: every one stays Roman in Cyrillic, also the
# one-letter "I." and "V." that elsewhere are the conjunction "И" or an initial ("В. Петровић").
DECISION = (
    "> **I. Obrazovanje.** Obrazuje se radna grupa.\n>\n"
    "> **II. Sastav.** Predsednik: [ime, funkcija].\n>\n"
    "> **III. Zadaci.** Radna grupa priprema plan rada.\n>\n"
    "> **IV. Rok.** Do [datum].\n>\n"
    "> **V. Način rada.** Radna grupa radi na sednicama.\n>\n"
    "> **VI. Podrška.** Koordinator: [ime].\n>\n"
    "> **IX. Naknada.** Ne.\n>\n"
    "> **X. Prestanak rada.** Usvajanjem programa.\n>\n"
    "> **XI. Stupanje na snagu.** Danom donošenja.\n"
)
ROMAN_SEQUENCE_CASES = [
    ("**I. Uvod.**\n\n**II. Sastav.**", "**I. Увод.**\n\n**II. Састав.**"),
    ("I. Uvod\nII. Cilj\nIII. Mere", "I. Увод\nII. Циљ\nIII. Мере"),
    ("IV. Rok\nV. Način rada\nVI. Podrška", "IV. Рок\nV. Начин рада\nVI. Подршка"),
    ("I) prvo\nII) drugo", "I) прво\nII) друго"),
    ("## I. Uvod\n\n## II. Cilj", "## I. Увод\n\n## II. Циљ"),
    ("- I. deo\n- II. deo", "- I. део\n- II. део"),
    ("| I. | Uvod |\n| II. | Cilj |", "| I. | Увод |\n| II. | Циљ |"),
    ("IX. Naknada\nX. Prestanak\nXI. Stupanje", "IX. Накнада\nX. Престанак\nXI. Ступање"),
    # no sequence: the old rules hold
    ("I. Uvod", "И. Увод"),
    ("V. Petrović, direktor", "В. Петровић, директор"),
    ("IV. Rok\nV) prvo", "IV. Рок\nV) прво"),
    # a numeral in a sequence, but not at the start of its line: an initial
    ("Autor: V. Petrović\n\nIV. Rok\n\nV. Način", "Аутор: В. Петровић\n\nIV. Рок\n\nV. Начин"),
    ("Pisali su I. Ilić i V. Vuković.\nII. deo", "Писали су И. Илић и В. Вуковић.\nII. део"),
    # "I" as the conjunction stays a word also in a numbered text
    ("I. Uvod\nII. Cilj\nI pored toga", "I. Увод\nII. Циљ\nИ поред тога"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), ROMAN_SEQUENCE_CASES)
def test_roman_numerals_in_a_numbering_sequence(latin, cyrillic):
    assert transliterate(latin) == cyrillic
    assert transliterate_markdown(latin) == cyrillic


def test_every_section_number_of_a_decision_stays_roman():
    for converted in (transliterate(DECISION), transliterate_markdown(DECISION)):
        numbers = re.findall(r"\*\*(\S+)\. ", converted)
        assert numbers == ["I", "II", "III", "IV", "V", "VI", "IX", "X", "XI"], converted
        assert "Образовање" in converted and "Начин рада" in converted


def test_the_markdown_walker_sees_the_sequence_of_the_whole_page():
    """Pieces of a page are converted one by one (a link splits a line): the page's numbering counts."""
    md = "**I. Uvod** ([Mandat](mandat.md))\n\nTekst [veza](a.md) dalje.\n\n**II. Sastav** i dalje\n"
    assert transliterate_markdown(md) == (
        "**I. Увод** ([Мандат](mandat.md))\n\nТекст [веза](a.md) даље.\n\n**II. Састав** и даље\n")
    assert transliterate("V. Petrović", numbering=frozenset({"IV"})) == "V. Петровић"
    assert transliterate("Pozdrav, V. Petrović", numbering=frozenset({"IV"})) == "Поздрав, В. Петровић"


# --- Markdown ---------------------------------------------------------------------------------------

MARKDOWN_CASES = [
    ("inline code", "Reč `ljubav` i ``a ` nj`` ljubav", "Реч `ljubav` и ``a ` nj`` љубав"),
    (
        "fenced code",
        "Tekst\n\n```python\nljubav = 'nj'\n```\nljubav\n",
        "Текст\n\n```python\nljubav = 'nj'\n```\nљубав\n",
    ),
    ("tilde fence", "~~~\nljubav\n~~~\n", "~~~\nljubav\n~~~\n"),
    ("fence in a list", "1. Korak\n\n    ```\n    ljubav\n    ```\n", "1. Корак\n\n    ```\n    ljubav\n    ```\n"),
    ("indented code", "Tekst\n\n    ljubav\n    njiva\n\nljubav\n", "Текст\n\n    ljubav\n    njiva\n\nљубав\n"),
    ("list continuation is prose", "- stavka\n\n    nastavak ljubav\n", "- ставка\n\n    наставак љубав\n"),
    ("lazy list line is prose", "- stavka\n  dalje\n\n    ljubav\n", "- ставка\n  даље\n\n    љубав\n"),
    (
        "admonition",
        '!!! note "Napomena o džepu"\n    Sadržaj ljubav.\n\n        kod ljubav\n',
        '!!! note "Напомена о џепу"\n    Садржај љубав.\n\n        kod ljubav\n',
    ),
    (
        "collapsible admonition",
        '???+ tip inline end "Savet"\n    Tekst.\n',
        '???+ tip inline end "Савет"\n    Текст.\n',
    ),
    ("content tab", '=== "Latinica"\n\n    Tekst\n', '=== "Латиница"\n\n    Текст\n'),
    (
        "link text vs target",
        '[Smernice](../smernice/izvori-podataka.md#apr "Naslov veze")',
        '[Смернице](../smernice/izvori-podataka.md#apr "Наслов везе")',
    ),
    ("link with parentheses", "[veza](https://primer.rs/a_(b)) dalje", "[веза](https://primer.rs/a_(b)) даље"),
    (
        "image alt vs path",
        '![Slika džepa](slike/dzep-lj.png){ width="300" }',
        '![Слика џепа](slike/dzep-lj.png){ width="300" }',
    ),
    ("nested image link", "[![Logo opštine](logo.png)](index.md)", "[![Лого општине](logo.png)](index.md)"),
    (
        "HTML tag attributes",
        '<div class="kartica" title="Naslov džep">Tekst <b>podebljano</b></div>',
        '<div class="kartica" title="Naslov džep">Текст <b>подебљано</b></div>',
    ),
    ("HTML code element", "<code>ljubav</code> ljubav", "<code>ljubav</code> љубав"),
    ("HTML code, any case", "<CODE>ljubav <b>nj</b></CODE> ljubav", "<CODE>ljubav <b>nj</b></CODE> љубав"),
    (
        "multi-line pre element",
        '<pre class="x">\nljubav\n\n    njiva\n</pre>\nljubav\n',
        '<pre class="x">\nljubav\n\n    njiva\n</pre>\nљубав\n',
    ),
    ("HTML entity", "A&nbsp;B &amp; njiva&#160;", "А&nbsp;Б &amp; њива&#160;"),
    (
        "data marker",
        "Tekst\n\n<!-- data: municipalities table district=pirot -->\n\nTekst\n",
        "Текст\n\n<!-- data: municipalities table district=pirot -->\n\nТекст\n",
    ),
    (
        "multi-line comment",
        "<!--\nnapomena urednika\n\n    uvučeno\n-->\nljubav\n",
        "<!--\nnapomena urednika\n\n    uvučeno\n-->\nљубав\n",
    ),
    ("heading anchor", "## Mapiranje resursa {#mapping}\n", "## Мапирање ресурса {#mapping}\n"),
    ("heading attributes", '### Izvori {#sources .wide data-x="lj"}\n', '### Извори {#sources .wide data-x="lj"}\n'),
    ("attribute list line", "Pasus.\n{: .napomena }\n", "Пасус.\n{: .napomena }\n"),
    ("footnotes", "Tekst[^nj1].\n\n[^nj1]: Izvor: Zavod.\n", "Текст[^nj1].\n\n[^nj1]: Извор: Завод.\n"),
    (
        "reference definition",
        '[Smernice]: ../smernice/index.md "Smernice naslov"\n',
        '[Smernice]: ../smernice/index.md "Смернице наслов"\n',
    ),
    (
        "reference links keep their id",
        "Videti [Smernice], [Smernice][] i [tekst][Smernice].\n\n[Smernice]: ../smernice/index.md\n",
        "Видети [Смернице][Smernice], [Смернице][Smernice] и [текст][Smernice].\n\n[Smernice]: ../smernice/index.md\n",
    ),
    ("task list and brackets", "- [ ] zadatak [napomena]", "- [ ] задатак [напомена]"),
    ("definition list", "Pojam\n:   Definicija\n\n    nastavak\n", "Појам\n:   Дефиниција\n\n    наставак\n"),
    ("setext heading", "Naslov\n======\n\nTekst\n", "Наслов\n======\n\nТекст\n"),
    ("CRLF lines", "Tekst\r\n\r\n```\r\nljubav\r\n```\r\nljubav\r\n", "Текст\r\n\r\n```\r\nljubav\r\n```\r\nљубав\r\n"),
    (
        "grid cards",
        '<div class="grid cards" markdown>\n\n-   :material-clock: **Naslov**\n\n    ---\n\n    Tekst\n\n</div>\n',
        '<div class="grid cards" markdown>\n\n-   :material-clock: **Наслов**\n\n    ---\n\n    Текст\n\n</div>\n',
    ),
    ("autolinks", "<https://primer.rs/ljubav> i <ana@primer.rs>", "<https://primer.rs/ljubav> и <ana@primer.rs>"),
    ("include", "{!includes/napomena-lj.md!}\n", "{!includes/napomena-lj.md!}\n"),
    ("jinja", "{{ config.site_name }} i {% if nj %}", "{{ config.site_name }} и {% if nj %}"),
    ("abbreviation", "*[APR]: Agencija za privredne registre\n", "*[APR]: Agencija za privredne registre\n"),
    ("emoji and keys", ":material-file-pdf-box: i ++ctrl+j++", ":material-file-pdf-box: и ++ctrl+j++"),
    (
        "table",
        "| Opština | Broj |\n|:---|---:|\n| Niš | 1.232,5 |\n",
        "| Општина | Број |\n|:---|---:|\n| Ниш | 1.232,5 |\n",
    ),
    ("emphasis", "**Ljubav** i _njiva_", "**Љубав** и _њива_"),
    ("protection", "{lat}Creative Europe{/lat} je program.", "Creative Europe је програм."),
    (
        "protection around a link",
        "{lat}[Creative Europe](https://primer.rs/ce){/lat} i [program](p.md)",
        "[Creative Europe](https://primer.rs/ce) и [програм](p.md)",
    ),
    ("protection in link text", "[{lat}Creative Europe{/lat}](ce.md)", "[Creative Europe](ce.md)"),
    ("marks in code stay", "Pišite `{lat}Naslov{/lat}`.", "Пишите `{lat}Naslov{/lat}`."),
    (
        "front matter",
        '---\ntitle: "Mapiranje \\"resursa\\"\\n"\ndescription: >\n  Kako se mapira\ntemplate: ljubav.html\n'
        "tags: [ljubav]\n---\n\n# Naslov\n",
        '---\ntitle: "Мапирање \\"ресурса\\"\\n"\ndescription: >\n  Како се мапира\ntemplate: ljubav.html\n'
        "tags: [ljubav]\n---\n\n# Наслов\n",
    ),
    ("front matter protection", "---\ntitle: {lat}Agenda{/lat} Pirot\n---\n", "---\ntitle: Agenda Пирот\n---\n"),
]


@pytest.mark.parametrize(("md", "expected"), [c[1:] for c in MARKDOWN_CASES], ids=[c[0] for c in MARKDOWN_CASES])
def test_transliterate_markdown(md, expected):
    assert transliterate_markdown(md) == expected


def test_markdown_keeps_syntax_byte_identical():
    marker = "<!-- data: municipalities table district=pirot -->"
    page = f"# Opštine {{#municipalities}}\n\n{marker}\n\n```yaml\nid: nj\n```\n"
    out = transliterate_markdown(page)
    assert marker in out
    assert "{#municipalities}" in out
    assert "```yaml\nid: nj\n```\n" in out
    assert out.startswith("# Општине ")


# --- strip_protection -------------------------------------------------------------------------------

STRIP_CASES = [
    ("{lat}Creative Europe{/lat} program", "Creative Europe program"),
    ("a {lat}b{/lat} c {lat}d{/lat}", "a b c d"),
    ("stray {lat}mark and {/lat}", "stray mark and "),
    ("Pišite `{lat}Naslov{/lat}`.", "Pišite `{lat}Naslov{/lat}`."),  # shown as syntax: kept
    ("```\n{lat}x{/lat}\n```\n", "```\n{lat}x{/lat}\n```\n"),
    ("---\ntitle: {lat}Agenda{/lat} Pirot\n---\n", "---\ntitle: Agenda Pirot\n---\n"),
    ("[{lat}Creative Europe{/lat}](ce.md)", "[Creative Europe](ce.md)"),
    ("bez oznaka, ljubav", "bez oznaka, ljubav"),
]


@pytest.mark.parametrize(("text", "expected"), STRIP_CASES)
def test_strip_protection(text, expected):
    assert strip_protection(text) == expected


# --- the exception file ----------------------------------------------------------------------------


def test_default_exception_file_loads():
    rules = load_exceptions()
    assert "kon|junktur" in rules.stems
    assert rules.words["Facebook"] is None
    assert rules.words["UNESCO"] == "УНЕСКО"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "exceptions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = "  - id: konjunktur\n    latin: {latin}\n    example: konjunktura\n    cyrillic: {cyrillic}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "exceptions:\n" + ENTRY.format(latin="konjunktur", cyrillic="конјунктура"),
            ["exceptions.yaml:3: exceptions[0].latin:", "'|' between the two letters", "kon|junktur"],
        ),
        (
            "exceptions:\n" + ENTRY.format(latin="kon|junktur", cyrillic="коњунктура"),
            ["exceptions.yaml:5: exceptions[0].cyrillic:", "becomes 'конјунктура'"],
        ),
        (
            "exceptions:\n" + ENTRY.format(latin="kon|junktur", cyrillic="конјунктура") + "    notes: x\n",
            ["exceptions[0].notes:", "'notes' was unexpected", "allowed keys: cyrillic, example, id, latin, note"],
        ),
        (
            "exceptions:\n" + ENTRY.format(latin="kon|junktur", cyrillic="конјунктура")
            + ENTRY.replace("id: konjunktur", "id: second").format(latin="kon|junktur", cyrillic="конјунктура"),
            ["exceptions[1].latin: same stem as exceptions[0]"],
        ),
        ("exceptions:\n  - id: x\n    latin: [\n", ["exceptions.yaml:4: YAML syntax error"]),
        ("exceptions: []\nwords:\n  - id: twitter\n    latin: Twitter\n", ["words[0].latin", "q, w, x or y"]),
        (
            "exceptions: []\nwords:\n  - {id: a, latin: Google}\n  - {id: b, latin: GOOGLE}\n",
            ["exceptions.yaml:4: words[1].latin: same word as words[0]"],
        ),
        ("{}\n", ["exceptions.yaml:1: missing key 'exceptions'; add it"]),
    ],
)
def test_load_exceptions_explains_problems(tmp_path, text, expected):
    with pytest.raises(ExceptionsFileError) as info:
        load_exceptions(write(tmp_path, text))
    for fragment in expected:
        assert fragment in str(info.value)


def test_load_exceptions_lists_every_problem(tmp_path):
    text = "exceptions:\n" + ENTRY.format(latin="konjunktur", cyrillic="x") + "    extra: 1\n"
    with pytest.raises(ExceptionsFileError) as info:
        load_exceptions(write(tmp_path, text))
    assert str(info.value).startswith("3 problem(s)")


def test_load_exceptions_missing_file(tmp_path):
    with pytest.raises(ExceptionsFileError, match="file not found"):
        load_exceptions(tmp_path / "missing.yaml")


# --- command line ------------------------------------------------------------------------------------


def run_cli(*args: str, stdin: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "PYTHONIOENCODING", "PYTHONUTF8"))}
    env.update(LANG="C", LC_ALL="C")  # the CLI must not depend on the locale
    return subprocess.run(
        [sys.executable, "-m", "kgo.cyrillic", *args],
        input=stdin.encode("utf-8"),
        capture_output=True,
        cwd=ROOT,
        env=env,
        check=False,
        timeout=60,
    )


def test_cli_round_trips_non_ascii():
    result = run_cli(stdin="Ljubljana, Đorđe, džep — XXI vek, „citat“ i konjunktura.\n")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode("utf-8") == "Љубљана, Ђорђе, џеп — XXI век, „цитат“ и конјунктура.\n"


def test_cli_markdown_is_default_and_plain_is_an_option():
    page = "Tekst `ljubav` [veza](lj.md)\n"
    assert run_cli(stdin=page).stdout.decode() == "Текст `ljubav` [веза](lj.md)\n"
    assert run_cli("--markdown", stdin=page).stdout.decode() == "Текст `ljubav` [веза](lj.md)\n"
    assert run_cli("--plain", stdin=page).stdout.decode() == "Текст `љубав` [веза](lj.md)\n"


def test_cli_help_documents_the_modes():
    result = run_cli("--help", stdin="")
    assert result.returncode == 0
    assert "--markdown" in result.stdout.decode() and "--plain" in result.stdout.decode()


def test_cli_reports_a_bad_exception_file(tmp_path):
    path = write(tmp_path, "exceptions:\n" + ENTRY.format(latin="konjunktur", cyrillic="x"))
    result = run_cli("--exceptions", str(path), stdin="ljubav")
    assert result.returncode == 2
    assert "exceptions[0].latin" in result.stderr.decode("utf-8")


def test_output_passes_the_serbian_cyrillic_spell_checker():
    text = (
        "Opština je u XXI veku usvojila lokalni akcioni plan za razvoj kreativnih industrija. "
        "Ljubljana je daleko, ali džepni vodič staje u svaki džep. Učešće građana je ključno; "
        "konjunktura nije presudna. Đaci su dobili injekciju znanja i nadživeli su teške godine. "
        "Šef je odžalio gubitak i pozvao podžupana. Konjugacija i vanjezički činioci. Tanjug je "
        "preneo vest o podžanru. NJEGOŠ, LJUBAV i DŽEP pišu se velikim slovima."
    )
    checked = subprocess.run(
        [need("hunspell"), "-d", "sr_RS", "-l"], input=transliterate(text), capture_output=True, text=True, check=False
    )
    assert checked.returncode == 0, f"hunspell sr_RS (Debian hunspell-sr): {checked.stderr.strip()}"
    assert checked.stdout.split() == []


# --- speed -----------------------------------------------------------------------------------------------


def test_one_megabyte_is_fast():
    rng = random.Random(7)
    letters = "abcčćdđefghijklmnoprsštuvzž"
    vocabulary = [case[0] for case in PLAIN_CASES[:40]] + [
        "".join(rng.choice(letters) for _ in range(rng.randint(2, 11))) for _ in range(20_000)
    ]
    text = " ".join(rng.choice(vocabulary) for _ in range(150_000))[:1_000_000]
    transliterate("zagrevanje")
    started = time.process_time()  # CPU time: a busy test machine does not count
    transliterate(text)
    transliterate_markdown(text)
    # both paths on 1 MB each; measured about 0.35 s each, the bound only catches a pathology
    assert time.process_time() - started < 4


@pytest.mark.parametrize(("latin", "cyrillic"), [
    ("mera (G1) i N2", "мера (G1) и N2"),
    ("standard KI-1.1.", "стандард KI-1.1."),
    ("pokazatelj PC1.1 i KD 2010", "показатељ PC1.1 и КД 2010"),
])
def test_identifiers_stay_as_in_the_data_tables(latin, cyrillic):
    assert transliterate(latin) == cyrillic
