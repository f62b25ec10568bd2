/* Search for one edition, without a server or any third-party code.
 *
 * The index (search/index.json of the edition) keeps the original text; both the index and the
 * query are folded here the same way: lower case, Cyrillic to Latin, diacritics removed, đ → dj,
 * so "opstina", "opština", "OPŠTINA" and "општина" find the same sections. Serbian words are
 * matched on a short stem (prefix without the last vowel), never through an English stemmer.
 * Results keep the original spelling and mark the matched words.
 */
(function () {
  "use strict";
  var CYR = {"а":"a","б":"b","в":"v","г":"g","д":"d","ђ":"dj","е":"e","ж":"z","з":"z","и":"i","ј":"j",
    "к":"k","л":"l","љ":"lj","м":"m","н":"n","њ":"nj","о":"o","п":"p","р":"r","с":"s","т":"t","ћ":"c",
    "у":"u","ф":"f","х":"h","ц":"c","ч":"c","џ":"dz","ш":"s"};
  var STOP = {sr: ["i","u","na","je","da","se","za","od","sa","s","o","a","ili","kao","sto","ne","do",
    "iz","po","su","to","ce","li","ali","pa","te","koji","koja","koje","biti"],
    en: ["the","a","an","and","or","of","to","in","on","for","is","are","be","with","by","as","at","it"]};

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
    if (lang === "en") return term.length > 3 ? term.replace(/(es|s)$/, "") : term;
    return term.length > 4 ? term.replace(/[aeiou]+$/, "") : term;
  }

  function terms(query, lang) {
    var words = fold(query).split(/[^a-z0-9]+/).filter(Boolean);
    var stop = STOP[lang === "en" ? "en" : "sr"];
    var kept = words.filter(function (w) { return stop.indexOf(w) < 0; });
    return (kept.length ? kept : words).map(function (w) { return stem(w, lang); });
  }

  function wordStarts(folded, term) {
    var re = new RegExp("(^|[^a-z0-9])" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "g");
    var found = [], m;
    while ((m = re.exec(folded)) !== null) { found.push(m.index + m[1].length); }
    return found;
  }

  function search(index, query) {
    var q = terms(query, index.lang);
    if (!q.length) return [];
    var results = [];
    index.docs.forEach(function (doc) {
      var score = 0, hits = [];
      for (var i = 0; i < q.length; i++) {
        var inTitle = wordStarts(doc.ft, q[i]).length;
        var inText = wordStarts(doc.fx.text, q[i]);
        if (!inTitle && !inText.length) return;
        score += inTitle * 10 + Math.min(inText.length, 5);
        hits = hits.concat(inText.map(function (p) { return [p, q[i].length]; }));
      }
      results.push({doc: doc, score: score, hits: hits});
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  /* Snippet of the original text around the first hit, with <mark> on every hit in it. */
  function snippet(result) {
    var doc = result.doc, map = doc.fx.map, text = doc.x;
    var frag = document.createDocumentFragment();
    if (!result.hits.length) { frag.appendChild(document.createTextNode(text.slice(0, 200))); return frag; }
    var hits = result.hits.map(function (h) {
      var start = map[h[0]], endFolded = Math.min(h[0] + h[1] - 1, map.length - 1);
      var end = map[endFolded] + 1;
      while (end < text.length && /[\p{L}\p{N}]/u.test(text[end])) end++;  // mark the whole word
      return [start, end];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var from = Math.max(0, hits[0][0] - 80), to = Math.min(text.length, hits[0][0] + 220), pos = from;
    if (from > 0) frag.appendChild(document.createTextNode("… "));
    hits.forEach(function (h) {
      if (h[0] < pos || h[1] > to) return;
      frag.appendChild(document.createTextNode(text.slice(pos, h[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(h[0], h[1]);
      frag.appendChild(mark);
      pos = h[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos, to) + (to < text.length ? " …" : "")));
    return frag;
  }

  function loadIndex(url) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (index) {
      index.docs.forEach(function (d) { d.ft = fold(d.t + " " + d.p); d.fx = foldWithMap(d.x); });
      return index;
    });
  }

  function showResults(list, status, index, query, root) {
    list.textContent = "";
    var results = search(index, query);
    status.textContent = status.dataset[results.length ? "found" : "none"].replace("#", results.length);
    results.slice(0, 50).forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
      a.href = root + r.doc.u;
      a.textContent = r.doc.t === r.doc.p ? r.doc.p : r.doc.p + " › " + r.doc.t;
      p.appendChild(snippet(r));
      li.appendChild(a); li.appendChild(p); list.appendChild(li);
    });
  }

  window.kgSearch = {fold: fold, terms: terms, search: search};

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.getElementById("kg-search-page");
    if (!page) return;
    var input = document.getElementById("kg-search-page-input");
    var list = document.getElementById("kg-search-results");
    var status = document.getElementById("kg-search-status");
    var root = page.dataset.root;
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
  });
})();
