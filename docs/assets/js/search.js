/* Search for one edition, without a server or any third-party code.
 *
 * The index (search/index.json of the edition, hooks/search_index.py) keeps the original text:
 * one record per section ('u' URL, 'p' page, 't' title, 'w' where: "Smernice › Primer: Opština
 * Primer", 'x' text). Both the index and the query are folded here the same way: lower case,
 * Cyrillic to Latin, diacritics removed, đ → dj, so "opstina", "opština", "OPŠTINA" and "општина"
 * find the same sections. Serbian words are matched on a short stem (prefix without the last
 * vowel), never through an English stemmer. Results keep the original spelling and mark the words.
 *
 * The index is fetched only when it is needed: when the reader focuses the header search box, or
 * on the search page. The header box shows the best few results while the reader types (the ARIA
 * combobox pattern); the search page lists them all.
 *
 * Everything above "Browser" is pure (no DOM) and runs in node: tests/unit/test_search_ranking.py.
 */
(function (global) {
  "use strict";
  var CYR = {"а":"a","б":"b","в":"v","г":"g","д":"d","ђ":"dj","е":"e","ж":"z","з":"z","и":"i","ј":"j",
    "к":"k","л":"l","љ":"lj","м":"m","н":"n","њ":"nj","о":"o","п":"p","р":"r","с":"s","т":"t","ћ":"c",
    "у":"u","ф":"f","х":"h","ц":"c","ч":"c","џ":"dz","ш":"s"};
  var STOP = {sr: ["i","u","na","je","da","se","za","od","sa","s","o","a","ili","kao","sto","ne","do",
    "iz","po","su","to","ce","li","ali","pa","te","koji","koja","koje","biti"],
    en: ["the","a","an","and","or","of","to","in","on","for","is","are","be","with","by","as","at","it"]};
  var WORD = /[a-z0-9]/;

  /* Fold one character; returns the folded string (may be 2 letters: dj, lj, nj, dz). */
  function foldChar(ch) {
    var low = ch.toLowerCase();
    if (CYR[low] !== undefined) return CYR[low];
    if (low === "đ") return "dj";
    return low.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* Fold a text and keep, for every folded character, the index of its original character. */
  function foldWithMap(text) {
    var out = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var f = foldChar(text[i]);
      for (var j = 0; j < f.length; j++) { out += f[j]; map.push(i); }
    }
    return {text: out, map: map};
  }
  function fold(text) { return foldWithMap(text).text; }

  function stem(term, lang) {
    // English: "municipality" and "municipalities" meet on "municipalit", "plans" on "plan".
    if (lang === "en") return term.length > 3 ? term.replace(/(ies|es|s|y)$/, "") : term;
    return term.length > 4 ? term.replace(/[aeiou]+$/, "") : term;
  }

  /* The words of a query: as typed (lower case, 'typed'), folded ('whole') and stemmed ('stem'),
     and the typed letters that fold to the stem ('typedStem'). Stop words are left out unless the
     query has nothing else. */
  function words(query, lang) {
    var found = [], re = /[\p{L}\p{N}]+/gu, m;
    var q = query.normalize("NFC").toLowerCase();
    while ((m = re.exec(q)) !== null) {
      var folded = foldWithMap(m[0]), parts = folded.text.split(/[^a-z0-9]+/);
      if (parts.length !== 1 || !parts[0]) {  // a letter that does not fold to a-z: split on it
        parts.filter(Boolean).forEach(function (p) { found.push({typed: p, whole: p, stem: stem(p, lang) || p, typedStem: p}); });
        continue;
      }
      var s = stem(folded.text, lang) || folded.text;
      found.push({typed: m[0], whole: folded.text, stem: s, typedStem: m[0].slice(0, folded.map[s.length - 1] + 1)});
    }
    var stop = STOP[lang === "en" ? "en" : "sr"];
    var kept = found.filter(function (w) { return stop.indexOf(w.whole) < 0; });
    return kept.length ? kept : found;
  }
  function terms(query, lang) { return words(query, lang).map(function (w) { return w.stem; }); }

  /* Fold what is searched in a record, once, when the index is loaded. */
  function prepare(doc) {
    doc.ft = foldWithMap(doc.t);
    doc.fx = foldWithMap(doc.x);
    doc.fc = fold((doc.w || "") + " " + doc.p);
    doc.top = doc.u.indexOf("#") < 0;
    return doc;
  }

  /* Where a word of the query starts a word of a folded field: [{pos, len, whole, exact}].
     'whole': the field's word is the query word itself; else it only starts with its stem.
     'exact': the original text there is spelled as typed (diacritics and script). */
  function find(field, original, word) {
    var found = [], from = 0, text = field.text, map = field.map;
    while ((from = text.indexOf(word.stem, from)) >= 0) {
      var pos = from;
      from += 1;
      if (pos > 0 && WORD.test(text[pos - 1])) continue;
      var whole = text.substr(pos, word.whole.length) === word.whole && !WORD.test(text[pos + word.whole.length] || "");
      var len = whole ? word.whole.length : word.stem.length;
      var typed = whole ? word.typed : word.typedStem;
      var exact = original !== null &&
        original.slice(map[pos], map[pos + len - 1] + 1).toLowerCase() === typed;
      found.push({pos: pos, len: len, whole: whole, exact: exact});
    }
    return found;
  }

  /* RANKING. A record (a section: the top of a page, an h2/h3, a glossary entry) is found when
   * every word of the query is found in it: in its title, its text, or the names of the page and
   * publication it is on ("Smernice › Primer"), and at least one word in its own title or text.
   * Its score is the sum, over the query's words, of the best place each word is found:
   *   1. where     in a page's title (the record of the top of a page)              300
   *                in a section heading or a glossary term                          200
   *                in the section's text                                            100
   *                only in the name of the page or publication it is on               0
   *   2. how       the whole word ("opština" for "opstina")                         +40
   *                the start of a longer word ("opštinama" for "opstina")            +0
   *   3. spelling  as typed, with diacritics and script ("opština" for "opština",
   *                "општина" for "општина")                                         +10
   *                found only after folding ("opština" for "opstina")                +0
   *   4. all       the title is the query and nothing more: every word of the title
   *                is a word of the query (the glossary term "opština", the chapter
   *                "Mapiranje")                                                     +20
   *   5. often     +1 for each time the text has the word, at most                   +5
   * The tiers cannot overtake each other: the most a word can get in the text (100+40+10+5)
   * is less than a heading match (200), and the most in a heading (200+40+10+20+5) is less
   * than a title match (300). Equal scores keep the order of the index (the site's navigation).
   * Worked examples ("Primer: Opština Primer") and glossary entries are records like any other:
   * no bonus for what kind of page they are, and a section does not score for its page's title. */
  var WHERE = {title: 300, heading: 200, text: 100, context: 0};
  var WHOLE = 40, EXACT = 10, ALL = 20, OFTEN = 1, OFTEN_MAX = 5;

  /* Every word of the folded title starts where a query word was found in it. */
  function titleIsQuery(doc, titleHits) {
    var starts = {};
    titleHits.forEach(function (h) { starts[h.pos] = true; });
    var re = /[a-z0-9]+/g, m, any = false;
    while ((m = re.exec(doc.ft.text)) !== null) {
      if (!starts[m.index]) return false;
      any = true;
    }
    return any;
  }

  function score(doc, queryWords) {
    var total = 0, own = false, hits = {t: [], x: []};
    var titleTier = doc.top ? WHERE.title : WHERE.heading, inTitles = [];
    for (var i = 0; i < queryWords.length; i++) {
      inTitles.push(find(doc.ft, doc.t, queryWords[i]));
      hits.t = hits.t.concat(inTitles[i]);
    }
    var all = titleIsQuery(doc, hits.t) ? ALL : 0;
    for (i = 0; i < queryWords.length; i++) {
      var w = queryWords[i];
      var inTitle = inTitles[i], inText = find(doc.fx, doc.x, w);
      var best = -1;
      inTitle.forEach(function (h) { best = Math.max(best, titleTier + (h.whole ? WHOLE : 0) + (h.exact ? EXACT : 0) + all); });
      inText.forEach(function (h) { best = Math.max(best, WHERE.text + (h.whole ? WHOLE : 0) + (h.exact ? EXACT : 0)); });
      if (best < 0) {
        if (!find({text: doc.fc, map: []}, null, w).length) return null;
        best = WHERE.context;
      } else {
        own = true;
      }
      total += best + Math.min(inText.length * OFTEN, OFTEN_MAX);
      hits.x = hits.x.concat(inText);
    }
    return own ? {score: total, hits: hits} : null;
  }

  /* Every record that matches the query, best first: [{doc, score, hits}]. */
  function search(index, query) {
    var q = words(query, index.lang);
    if (!q.length) return [];
    var results = [];
    index.docs.forEach(function (doc, order) {
      if (doc.ft === undefined) prepare(doc);
      var s = score(doc, q);
      if (s) results.push({doc: doc, score: s.score, hits: s.hits, order: order});
    });
    return results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  /* A text cut around its first hit, as parts [[text, marked], …]: 'before' and 'after'
     characters of the original around the first hit, every hit in it marked as a whole word. */
  function parts(text, field, hits, before, after) {
    if (!hits.length) {
      var cut = text.length > before + after;
      return text ? [[text.slice(0, before + after) + (cut ? " …" : ""), false]] : [];
    }
    var map = field.map;
    var ranges = hits.map(function (h) {
      var start = map[h.pos], end = map[Math.min(h.pos + h.len - 1, map.length - 1)] + 1;
      while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++;  // mark the whole word
      return [start, end];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var from = Math.max(0, ranges[0][0] - before), to = Math.min(text.length, ranges[0][0] + after);
    if (from > 0) {  // start at a word
      var space = text.indexOf(" ", from);
      if (space >= 0 && space < ranges[0][0]) from = space + 1;
    }
    if (to < text.length) {  // end at a word
      var end = text.lastIndexOf(" ", to);
      if (end > ranges[0][1]) to = end;
    }
    var out = [], pos = from;
    if (from > 0) out.push(["… ", false]);
    ranges.forEach(function (r) {
      if (r[0] < pos || r[1] > to) return;
      if (r[0] > pos) out.push([text.slice(pos, r[0]), false]);
      out.push([text.slice(r[0], r[1]), true]);
      pos = r[1];
    });
    out.push([text.slice(pos, to) + (to < text.length ? " …" : ""), false]);
    return out.filter(function (p) { return p[0]; });
  }
  function snippetParts(result, before, after) {
    return parts(result.doc.x, result.doc.fx, result.hits.x, before === undefined ? 80 : before, after || 220);
  }
  function titleParts(result) {
    return parts(result.doc.t, result.doc.ft, result.hits.t, result.doc.t.length, result.doc.t.length);
  }

  /* "# rezultata pretrage" with the number; Serbian takes the singular after 1, 21, 31, … */
  function countText(n, strings, lang) {
    if (!n) return strings.none;
    var one = lang === "en" ? n === 1 : n % 10 === 1 && n % 100 !== 11;
    return one ? strings.one.replace("1", String(n)) : strings.other.replace("#", String(n));
  }

  var api = {fold: fold, terms: terms, words: words, prepare: prepare, score: score, search: search,
             snippetParts: snippetParts, titleParts: titleParts, countText: countText, RANK: {
               WHERE: WHERE, WHOLE: WHOLE, EXACT: EXACT, ALL: ALL, OFTEN: OFTEN, OFTEN_MAX: OFTEN_MAX}};
  global.kgSearch = api;
  if (typeof document === "undefined") return;

  /* --- Browser ------------------------------------------------------------------------------- */

  function render(list) {
    var frag = document.createDocumentFragment();
    list.forEach(function (p) {
      if (p[1]) {
        var mark = document.createElement("mark");
        mark.textContent = p[0];
        frag.appendChild(mark);
      } else {
        frag.appendChild(document.createTextNode(p[0]));
      }
    });
    return frag;
  }
  function span(className, content) {
    var el = document.createElement("span");
    el.className = className;
    if (typeof content === "string") el.textContent = content; else el.appendChild(content);
    return el;
  }

  var loading = {};
  /* The index of an edition, fetched once per page (the promise is shared). */
  function loadIndex(url) {
    if (!loading[url]) {
      loading[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(url + ": " + r.status);
        return r.json();
      }).then(function (index) {
        index.docs.forEach(prepare);
        return index;
      });
      loading[url].catch(function () { delete loading[url]; });  // a later focus tries again
    }
    return loading[url];
  }

  /* The search page: every result, with where it is and the text around the match. */
  function showResults(list, status, index, query, root) {
    list.textContent = "";
    var results = search(index, query);
    status.textContent = countText(results.length, {none: status.dataset.none, one: status.dataset.one,
                                                    other: status.dataset.found}, index.lang);
    results.slice(0, 50).forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = root + r.doc.u;
      if (r.doc.w) a.appendChild(span("kg-where", r.doc.w + " › "));
      a.appendChild(span("kg-title", r.doc.t));
      p.appendChild(render(snippetParts(r)));
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
  }

  function searchPage() {
    var page = document.getElementById("kg-search-page");
    if (!page) return;
    var input = document.getElementById("kg-search-page-input");
    var list = document.getElementById("kg-search-results");
    var status = document.getElementById("kg-search-status");
    var root = page.dataset.root;
    /* Results follow the typing; Enter sends nothing (an inline onsubmit would break the CSP). */
    page.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    loadIndex(page.dataset.index).then(function (index) {
      var run = function () {
        var q = input.value.trim();
        if (history.replaceState) history.replaceState(null, "", "?q=" + encodeURIComponent(q));
        if (q) showResults(list, status, index, q, root); else { list.textContent = ""; status.textContent = ""; }
      };
      input.value = new URLSearchParams(location.search).get("q") || "";
      input.addEventListener("input", run);
      page.dataset.ready = "true";
      run();
    });
  }

  /* Suggestions under the header box: the ARIA 1.2 combobox with a listbox popup. Focus stays in
     the input; aria-activedescendant names the option the arrows are on. */
  var SHOWN = 6, MIN_LETTERS = 2, ANNOUNCE_AFTER = 400;

  function suggestions(form) {
    var input = form.querySelector(".kg-search__input");
    var list = form.querySelector(".kg-suggest");
    var none = form.querySelector(".kg-suggest__none");
    var status = form.querySelector("[role=status]");
    var data = form.dataset, index = null, active = -1, timer = null, shownFor = null;

    function options() { return list.querySelectorAll("[role=option]"); }
    function setActive(i) {
      var opts = options();
      active = opts.length ? (i + opts.length) % opts.length : -1;
      opts.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
      input.setAttribute("aria-activedescendant", opts[active].id);
      opts[active].scrollIntoView({block: "nearest"});
    }
    function close() {
      list.hidden = true;
      none.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function announce(text) {
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = text; }, ANNOUNCE_AFTER);
    }
    function option(id, href) {
      var li = document.createElement("li");
      li.id = id;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.href = href;
      return li;
    }
    function hidden(text) { return span("md-visually-hidden", text); }  // pauses for screen readers

    function update() {
      var q = input.value.trim();
      if (fold(q).replace(/[^a-z0-9]/g, "").length < MIN_LETTERS) { close(); shownFor = null; announce(""); return; }
      if (!index || q === shownFor) return;
      shownFor = q;
      var results = search(index, q);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      results.slice(0, SHOWN).forEach(function (r, i) {
        var li = option("kg-suggest-" + i, data.root + r.doc.u);
        li.appendChild(span("kg-suggest__title", render(titleParts(r))));
        if (r.doc.w) { li.appendChild(hidden(", ")); li.appendChild(span("kg-suggest__where", r.doc.w)); }
        var context = snippetParts(r, 30, 110);
        if (context.length) { li.appendChild(hidden(": ")); li.appendChild(span("kg-suggest__context", render(context))); }
        list.appendChild(li);
      });
      announce(countText(results.length, data, index.lang));
      if (!results.length) {
        list.hidden = true;
        input.setAttribute("aria-expanded", "false");
        none.textContent = data.none;
        none.hidden = false;
        return;
      }
      var all = option("kg-suggest-all", data.root + "pretraga/?q=" + encodeURIComponent(q));
      all.className = "kg-suggest__all";
      all.textContent = data.all.replace("#", q);
      list.appendChild(all);
      none.hidden = true;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function open(li) {
      close();
      location.href = li.dataset.href;
    }

    input.addEventListener("focus", function () {
      loadIndex(data.index).then(function (loaded) {
        index = loaded;
        shownFor = null;
        if (document.activeElement === input) update();
      }, function () { /* offline or missing: the form still opens the search page */ });
      if (index) { shownFor = null; update(); }
    });
    input.addEventListener("input", update);
    input.addEventListener("blur", close);
    input.addEventListener("keydown", function (e) {
      var expanded = !list.hidden;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!expanded) { shownFor = null; update(); if (list.hidden) return; }
        e.preventDefault();
        if (e.altKey) return;  // Alt+Down only opens the list
        setActive(active < 0 && e.key === "ArrowUp" ? -1 : active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter") {
        if (expanded && active >= 0) { e.preventDefault(); open(options()[active]); }
      } else if (e.key === "Escape") {
        if (expanded || !none.hidden) { e.preventDefault(); close(); }  // else the browser clears the box
      } else if (e.key === "Tab") {
        close();
      }
    });
    list.addEventListener("mousedown", function (e) { e.preventDefault(); });  // keep focus in the box
    list.addEventListener("click", function (e) {
      var li = e.target.closest("[role=option]");
      if (li) open(li);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.kg-search").forEach(suggestions);
    searchPage();
  });
})(typeof window !== "undefined" ? window : globalThis);
