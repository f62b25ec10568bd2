/*
 * Self-assessment against the Standards (publication "Standardi"): a live score for the checklist
 * form rendered by kgo/render/renderers/standards.py (marker <!-- data: standards form -->).
 *
 * No libraries, no network. The rules are NOT written here: the form carries them as JSON
 * (<script type="application/json" class="ki-sa-data">), made from data/standards.yaml by
 * hooks/standards.py client_rules(). computeScore() applies them exactly as hooks/standards.py
 * score() does and returns the same keys as Result.as_dict():
 *
 *   earned = sum(factor(answer) * points); maximum = sum(points)
 *   percent = earned / maximum * 100
 *   a level is reached when earned * 100 >= min_percent * maximum and, if the level requires it,
 *   every mandatory standard has the mandatory answer; the highest level reached wins.
 *
 * Answers, notes and the record of the self-assessment (municipality, date, assessors, the version
 * of the standards) are kept in localStorage (this browser only) and go into the exported CSV. A
 * compact report (record, result, areas, every answer) is kept up to date in .ki-sa-report; the
 * print stylesheet (docs/assets/css/site.css) prints only that report when this script runs.
 * Without JavaScript the form is a printable checklist. window.computeScore is exposed for tests.
 */
(function () {
  "use strict";

  function computeScore(rules, answers) {
    var factors = {};
    rules.answers.forEach(function (a) { factors[a.id] = Number(a.factor); });
    var known = {};
    rules.standards.forEach(function (s) { known[s.id] = true; });
    Object.keys(answers).forEach(function (id) {
      if (!known[id]) { throw new Error("answer for unknown standard: " + id); }
      if (!(answers[id] in factors)) { throw new Error("unknown answer " + id + "=" + answers[id]); }
    });

    var earnedBy = {}, maxBy = {}, missingBy = {};
    rules.areas.forEach(function (id) { earnedBy[id] = 0; maxBy[id] = 0; missingBy[id] = []; });
    var unanswered = [];
    rules.standards.forEach(function (s) {
      var answer = Object.prototype.hasOwnProperty.call(answers, s.id) ? answers[s.id] : null;
      if (answer === null) { unanswered.push(s.id); }
      earnedBy[s.area] += (answer === null ? 0 : factors[answer]) * s.points;
      maxBy[s.area] += s.points;
      if (s.level === "mandatory" && answer !== rules.mandatory_answer) { missingBy[s.area].push(s.id); }
    });

    var earned = 0, maximum = 0, missing = [], areas = {};
    rules.areas.forEach(function (id) {
      earned += earnedBy[id];
      maximum += maxBy[id];
      missing = missing.concat(missingBy[id]);
      areas[id] = {
        earned: earnedBy[id], maximum: maxBy[id],
        percent: maxBy[id] ? earnedBy[id] / maxBy[id] * 100 : 0,
        mandatory_missing: missingBy[id].slice()
      };
    });
    var mandatoryMet = missing.length === 0;
    var level = rules.not_recognised;
    rules.levels.forEach(function (lv) {  // lowest first: the last one reached wins
      var reached = maximum > 0 && earned * 100 >= lv.min_percent * maximum;
      if (reached && (mandatoryMet || !lv.requires_mandatory)) { level = lv.id; }
    });
    return {
      earned: earned,
      maximum: maximum,
      percent: maximum ? earned / maximum * 100 : 0,
      mandatory_met: mandatoryMet,
      mandatory_missing: missing,
      level: level,
      recognised: level !== rules.not_recognised,
      areas: areas,
      unanswered: unanswered
    };
  }

  // --- formatting -----------------------------------------------------------------------------

  function formatNumber(value, lang, decimals) {
    var text = Number(value).toFixed(decimals);
    return lang === "en" ? text : text.replace(".", ",");
  }

  function formatPoints(value, lang) {
    // Whole points without decimals (104), halves with one (78,5), quarters with two (2,25).
    var v = Number(value);
    return formatNumber(v, lang, v % 1 === 0 ? 0 : (v * 2) % 1 === 0 ? 1 : 2);
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function csvText(rows) {
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function download(filename, text) {
    var blob = new Blob([text], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function storageGet(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }

  function storageSet(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode */ }
  }

  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }

  // --- the form -------------------------------------------------------------------------------

  function setup(form) {
    if (form.getAttribute("data-ki-sa-ready") === "1") { return; }
    form.setAttribute("data-ki-sa-ready", "1");
    var source = form.querySelector("script.ki-sa-data");
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var rules = data.rules, ui = data.ui, lang = data.lang;
    var answerIds = {}, answerLabel = {}, factor = {};
    data.answers.forEach(function (a) { answerIds[a.id] = true; answerLabel[a.id] = a.label; factor[a.id] = a.factor; });
    var result = form.querySelector(".ki-sa-result");
    var controls = form.querySelector(".ki-sa-controls");
    var live = form.querySelector(".ki-sa-live");
    var report = form.querySelector(".ki-sa-report");
    var notice = form.querySelector(".ki-sa-notice");
    var recordFields = {};
    Array.prototype.forEach.call(form.querySelectorAll("[data-record]"), function (field) {
      recordFields[field.getAttribute("data-record")] = field;
    });

    function readRecord() {
      var record = {};
      data.record_columns.forEach(function (key) {
        if (key === "version") { record.version = data.version; return; }
        var field = recordFields[key];
        record[key] = field ? field.value.trim() : "";
      });
      return record;
    }

    function save() {
      storageSet(data.storage_key, { answers: readAnswers(), notes: readNotes(), record: readRecord(), version: data.version });
    }

    function readAnswers() {
      var answers = {};
      rules.standards.forEach(function (s) {
        var checked = form.querySelector("input[type=radio][data-standard=\"" + s.id + "\"]:checked");
        if (checked && answerIds[checked.value]) { answers[s.id] = checked.value; }
      });
      return answers;
    }

    function readNotes() {
      var notes = {};
      Array.prototype.forEach.call(form.querySelectorAll("textarea[data-standard]"), function (area) {
        if (area.value.trim()) { notes[area.getAttribute("data-standard")] = area.value; }
      });
      return notes;
    }

    function restore() {
      var saved = storageGet(data.storage_key);
      if (!saved) { return; }
      var answers = saved.answers || {}, notes = saved.notes || {}, record = saved.record || {};
      Object.keys(recordFields).forEach(function (key) {
        if (key !== "version" && typeof record[key] === "string") { recordFields[key].value = record[key]; }
      });
      if (notice && saved.version && saved.version !== data.version) {
        notice.textContent = ui.version_mismatch.replace("{saved}", saved.version);
        notice.hidden = false;
      }
      rules.standards.forEach(function (s) {
        var value = answers[s.id];
        if (value && answerIds[value]) {
          var input = form.querySelector("input[type=radio][data-standard=\"" + s.id + "\"][value=\"" + value + "\"]");
          if (input) { input.checked = true; }
        }
        var note = form.querySelector("textarea[data-standard=\"" + s.id + "\"]");
        if (note && typeof notes[s.id] === "string") { note.value = notes[s.id]; }
      });
    }

    function cell(row, tag, text, className) {
      var el = document.createElement(tag);
      el.textContent = text;
      if (className) { el.className = className; }
      if (tag === "th") { el.setAttribute("scope", row.parentNode && row.parentNode.tagName === "THEAD" ? "col" : "row"); }
      row.appendChild(el);
      return el;
    }

    function show(score) {
      var outcome = data.outcomes[score.level];
      result.textContent = "";
      var heading = document.createElement("p");
      heading.className = "ki-sa-result__outcome";
      var strong = document.createElement("strong");
      strong.textContent = ui.result + ": " + outcome.label;
      heading.appendChild(strong);
      result.appendChild(heading);

      var summary = document.createElement("p");
      summary.textContent = ui.points + ": " + formatPoints(score.earned, lang) + " / " + score.maximum +
        " (" + formatNumber(score.percent, lang, 1) + "%) · " + ui.threshold + ": " +
        formatNumber(rules.threshold_percent, lang, 0) + "% · " + ui.mandatory_met + ": " +
        (score.mandatory_met ? ui.yes : ui.no) + " · " + ui.unanswered + ": " + score.unanswered.length;
      result.appendChild(summary);

      if (score.mandatory_missing.length) {
        var missing = document.createElement("p");
        missing.textContent = ui.mandatory_missing + ": " + score.mandatory_missing.map(function (id) {
          return data.codes[id];
        }).join(", ");
        result.appendChild(missing);
      }

      var table = document.createElement("table");
      var caption = document.createElement("caption");
      caption.textContent = ui.by_area;
      table.appendChild(caption);
      var thead = document.createElement("thead");
      table.appendChild(thead);
      var head = document.createElement("tr");
      thead.appendChild(head);
      [ui.area, ui.earned, ui.maximum, ui.percent].forEach(function (text) { cell(head, "th", text); });
      var tbody = document.createElement("tbody");
      table.appendChild(tbody);
      rules.areas.forEach(function (id) {
        var area = score.areas[id];
        var row = document.createElement("tr");
        tbody.appendChild(row);
        cell(row, "th", data.area_titles[id]);
        cell(row, "td", formatPoints(area.earned, lang), "num");
        cell(row, "td", String(area.maximum), "num");
        cell(row, "td", formatNumber(area.percent, lang, 1) + "%", "num");
      });
      result.appendChild(table);
      if (live) {
        live.textContent = outcome.label + " · " + ui.points + ": " + formatPoints(score.earned, lang) + " / " +
          score.maximum + " (" + formatNumber(score.percent, lang, 1) + "%)";
      }
    }

    function table(caption, headers, bodyRows) {
      var el = document.createElement("table");
      var cap = document.createElement("caption");
      cap.textContent = caption;
      el.appendChild(cap);
      var thead = document.createElement("thead");
      el.appendChild(thead);
      var head = document.createElement("tr");
      thead.appendChild(head);
      headers.forEach(function (text) { cell(head, "th", text); });
      var tbody = document.createElement("tbody");
      el.appendChild(tbody);
      bodyRows.forEach(function (values) {
        var row = document.createElement("tr");
        tbody.appendChild(row);
        values.forEach(function (value, i) { cell(row, i === 0 ? "th" : "td", value); });
      });
      return el;
    }

    function buildReport(score, answers) {
      if (!report) { return; }
      var record = readRecord(), notes = readNotes();
      report.textContent = "";
      var title = document.createElement("h2");
      title.className = "ki-sa-report__title";
      title.textContent = ui.report_title + (record.municipality ? ": " + record.municipality : "");
      report.appendChild(title);
      report.appendChild(table(ui.record, [ui.rule, ui.value], [
        [ui.municipality, record.municipality],
        [ui.date, record.date],
        [ui.assessors, record.assessors],
        [ui.version, data.version + " (" + data.version_date + ")"],
        [ui.outcome, data.outcomes[score.level].label],
        [ui.points, formatPoints(score.earned, lang) + " / " + score.maximum + " (" + formatNumber(score.percent, lang, 1) + "%)"],
        [ui.threshold, formatNumber(rules.threshold_percent, lang, 0) + "%"],
        [ui.mandatory_met, score.mandatory_met ? ui.yes : ui.no],
        [ui.mandatory_missing, score.mandatory_missing.map(function (id) { return data.codes[id]; }).join(", ")],
        [ui.unanswered, String(score.unanswered.length)]
      ]));
      report.appendChild(table(ui.by_area, [ui.area, ui.earned, ui.maximum, ui.percent], rules.areas.map(function (id) {
        var area = score.areas[id];
        return [data.area_titles[id], formatPoints(area.earned, lang), String(area.maximum),
          formatNumber(area.percent, lang, 1) + "%"];
      })));
      report.appendChild(table(ui.answer, [ui.code, ui.title, ui.level, ui.answer, ui.earned, ui.notes],
        rules.standards.map(function (s) {
          var answer = answers[s.id];
          return [data.codes[s.id], data.standards[s.id].title, data.standards[s.id].level + " · " + s.points,
            answer ? answerLabel[answer] : ui.no_answer,
            answer ? formatPoints(factor[answer] * s.points, lang) : "", notes[s.id] || ""];
        })));
      var note = document.createElement("p");
      note.className = "ki-sa-report__note";
      note.textContent = ui.report_note;
      report.appendChild(note);
    }

    function update(doSave) {
      var answers = readAnswers();
      var score = computeScore(rules, answers);
      show(score);
      buildReport(score, answers);
      if (doSave) { save(); }
      return score;
    }

    function rows(withAnswers) {
      var answers = withAnswers ? readAnswers() : {};
      var notes = withAnswers ? readNotes() : {};
      var record = readRecord();
      var out = [data.csv_columns];
      rules.standards.forEach(function (s) {
        var meta = data.standards[s.id];
        var answer = answers[s.id];
        out.push([
          data.codes[s.id], data.area_titles[s.area], meta.title, meta.level, s.points,
          meta.requirement, meta.evidence, meta.indicator,
          answer ? answerLabel[answer] : "",
          answer ? formatPoints(factor[answer] * s.points, "en") : "",
          notes[s.id] || ""
        ].concat(data.record_columns.map(function (key) {
          return key === "version" ? data.version : (withAnswers ? record[key] : "");
        })));
      });
      return out;
    }

    restore();
    document.documentElement.classList.add("ki-sa-has-report");
    result.hidden = false;
    controls.hidden = false;
    if (live) { live.hidden = false; }
    update(false);
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" || event.target.hasAttribute("data-record")) { update(true); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.getAttribute("data-action");
      if (action === "export") { download(data.filenames.answers, csvText(rows(true))); }
      if (action === "blank") { download(data.filenames.blank, csvText(rows(false))); }
      if (action === "print") { window.print(); }
      if (action === "reset" && window.confirm(ui.reset_confirm)) {
        storageRemove(data.storage_key);
        Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (i) { i.checked = false; });
        Array.prototype.forEach.call(form.querySelectorAll("textarea"), function (t) { t.value = ""; });
        Object.keys(recordFields).forEach(function (key) {
          if (key !== "version") { recordFields[key].value = ""; }
        });
        if (notice) { notice.hidden = true; }
        update(false);
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form.ki-sa"), setup);
  }

  window.computeScore = computeScore;
  window.KiSelfAssessment = { computeScore: computeScore, init: init };

  if (typeof document === "undefined") { return; }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation, if it is ever turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
