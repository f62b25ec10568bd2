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
 *
 * CSV files (kgo/render/renderers/standards_files.py gives the dialect and the texts): the Serbian
 * editions write ";" between cells and decimal commas, English "," and points, always with a UTF-8
 * byte-order mark, so Excel and LibreOffice open them in columns with the numbers as numbers. The
 * answers file is named after the municipality and the date and ends with a row of totals (points,
 * earned, percentage, outcome). A saved file of any edition loads back into the form ("Load
 * answers"); a file that is not one gets a message and changes nothing.
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

  // --- CSV files ------------------------------------------------------------------------------

  function csvCell(value, delimiter) {
    var text = value === null || value === undefined ? "" : String(value);
    return /["\r\n]/.test(text) || text.indexOf(delimiter) >= 0 ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }

  function csvText(rows, delimiter) {
    return "\ufeff" + rows.map(function (row) {
      return row.map(function (value) { return csvCell(value, delimiter); }).join(delimiter);
    }).join("\r\n") + "\r\n";
  }

  function parseCsv(text) {
    // RFC 4180, with the delimiter the first row uses more often outside quotes (";" on a tie); a
    // byte-order mark is dropped.
    text = text.replace(/^\ufeff/, "");
    var firstLine = text.split(/\r?\n/, 1)[0].replace(/"[^"]*"/g, "");
    var delimiter = firstLine.split(",").length > firstLine.split(";").length ? "," : ";";
    var rows = [], row = [], cell = "", quoted = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (quoted) {
        if (c === "\"" && text[i + 1] === "\"") { cell += "\""; i++; }
        else if (c === "\"") { quoted = false; }
        else { cell += c; }
      } else if (c === "\"") { quoted = true; }
      else if (c === delimiter) { row.push(cell); cell = ""; }
      else if (c === "\n" || c === "\r") {
        if (c === "\r" && text[i + 1] === "\n") { i++; }
        row.push(cell); rows.push(row); row = []; cell = "";
      } else { cell += c; }
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }

  var LATIN_OF = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ђ": "dj", "е": "e", "ж": "z", "з": "z",
    "и": "i", "ј": "j", "к": "k", "л": "l", "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "ћ": "c", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "c", "џ": "dz",
    "ш": "s", "đ": "dj"};

  function slug(text) {
    // "Opština Primer" / "Општина Пример" -> "opstina-primer": safe in a file name on every system.
    return String(text || "").toLowerCase().replace(/[\u0400-\u04ff\u0111]/g, function (c) { return LATIN_OF[c] || ""; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  }

  function isoDate(text) {
    // The date field holds YYYY-MM-DD; a spreadsheet may have saved it as 1.12.2026. or 1/12/2026.
    var value = String(text || "").trim();
    var local = /^(\d{1,2})[./](\d{1,2})[./](\d{4})\.?$/.exec(value);
    if (local) { return local[3] + "-" + ("0" + local[2]).slice(-2) + "-" + ("0" + local[1]).slice(-2); }
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : "";
  }

  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + ("0" + (d.getMonth() + 1)).slice(-2) + "-" + ("0" + d.getDate()).slice(-2);
  }

  function fileName(base, suffix, municipality, date) {
    return [base, slug(municipality), date].filter(Boolean).concat([suffix]).join("-") + ".csv";
  }

  function decodeFile(buffer, knows) {
    // UTF-8 first; a file re-saved by Excel may be in the Windows code page of its script.
    var tries = ["utf-8", "windows-1250", "windows-1251"];
    for (var i = 0; i < tries.length; i++) {
      var text;
      try { text = new TextDecoder(tries[i], { fatal: i === 0 }).decode(buffer); } catch (e) { continue; }
      if (i === tries.length - 1 || knows(text)) { return text; }
    }
    return "";
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
    var loadPanel = form.querySelector(".ki-sa-load");
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

    function showVersion(version) {
      if (notice && version && version !== data.version) {
        notice.textContent = ui.version_mismatch.replace("{1}", version);
        notice.hidden = false;
      }
    }

    function restore() {
      var saved = storageGet(data.storage_key);
      if (!saved) { return; }
      var answers = saved.answers || {}, notes = saved.notes || {}, record = saved.record || {};
      Object.keys(recordFields).forEach(function (key) {
        if (key !== "version" && typeof record[key] === "string") { recordFields[key].value = record[key]; }
      });
      showVersion(saved.version);
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

    function line(className, parts) {
      // One line of the report: "label: value" pairs separated by " · ", empty values left out.
      var p = document.createElement("p");
      p.className = className;
      parts.forEach(function (part) {
        if (!part[1]) { return; }
        if (p.childNodes.length) { p.appendChild(document.createTextNode(" · ")); }
        var label = document.createElement("strong");
        label.textContent = part[0] + ": ";
        p.appendChild(label);
        p.appendChild(document.createTextNode(part[1]));
      });
      return p;
    }

    function buildReport(score, answers) {
      // The print view: a header with the record, the result in two lines, the areas, then every
      // answer with its note; none of the page's instructions.
      if (!report) { return; }
      var record = readRecord(), notes = readNotes();
      report.textContent = "";
      var title = document.createElement("h2");
      title.className = "ki-sa-report__title";
      title.textContent = ui.report_title + (record.municipality ? ": " + record.municipality : "");
      report.appendChild(title);
      report.appendChild(line("ki-sa-report__record", [[ui.municipality, record.municipality || "—"],
        [ui.date, record.date || "—"], [ui.assessors, record.assessors || "—"],
        [ui.version, data.version + " (" + data.version_date + ")"]]));
      report.appendChild(line("ki-sa-report__result", [[ui.outcome, data.outcomes[score.level].label],
        [ui.points, formatPoints(score.earned, lang) + " / " + score.maximum + " (" + formatNumber(score.percent, lang, 1) + "%)"],
        [ui.threshold, formatNumber(rules.threshold_percent, lang, 0) + "%"],
        [ui.mandatory_met, score.mandatory_met ? ui.yes : ui.no],
        [ui.mandatory_missing, score.mandatory_missing.map(function (id) { return data.codes[id]; }).join(", ")],
        [ui.unanswered, String(score.unanswered.length)]]));
      var areas = table(ui.by_area, [ui.area, ui.earned, ui.maximum, ui.percent], rules.areas.map(function (id) {
        var area = score.areas[id];
        return [data.area_titles[id], formatPoints(area.earned, lang), String(area.maximum),
          formatNumber(area.percent, lang, 1) + "%"];
      }));
      areas.className = "ki-sa-report__areas";
      report.appendChild(areas);
      var list = table(ui.answer, [ui.code, ui.title, ui.answer, ui.points, ui.notes],
        rules.standards.map(function (s) {
          var answer = answers[s.id];
          return [data.codes[s.id], data.standards[s.id].title + " (" + data.standards[s.id].level + ")",
            answer ? answerLabel[answer] : ui.no_answer,
            (answer ? formatPoints(factor[answer] * s.points, lang) : "0") + " / " + s.points, notes[s.id] || ""];
        }));
      list.className = "ki-sa-report__answers";
      report.appendChild(list);
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
      // The checklist with the answers (or blank), numbers in the edition's dialect, then a row of
      // totals: maximum points, points earned, the percentage and the outcome.
      var answers = withAnswers ? readAnswers() : {};
      var notes = withAnswers ? readNotes() : {};
      var record = readRecord();
      var recordCells = data.record_columns.map(function (key) {
        return key === "version" ? data.version : (withAnswers ? record[key] : "");
      });
      var out = [data.csv_columns];
      rules.standards.forEach(function (s) {
        var meta = data.standards[s.id];
        var answer = answers[s.id];
        out.push([
          data.codes[s.id], data.area_titles[s.area], meta.title, meta.level, s.points,
          meta.requirement, meta.evidence, meta.indicator,
          answer ? answerLabel[answer] : "",
          answer ? formatPoints(factor[answer] * s.points, lang) : "",
          notes[s.id] || ""
        ].concat(recordCells));
      });
      if (withAnswers) {
        var score = computeScore(rules, answers);
        var outcome = data.outcomes[score.level].label;
        var percent = formatNumber(score.percent, lang, 1) + "%";
        var summary = [ui.outcome + ": " + outcome, ui.percent + ": " + percent,
          ui.threshold + ": " + formatNumber(rules.threshold_percent, lang, 0) + "%",
          ui.mandatory_met + ": " + (score.mandatory_met ? ui.yes : ui.no)].join("; ");
        out.push([ui.total, "", summary, "", score.maximum, "", "", "", outcome,
          formatPoints(score.earned, lang), percent].concat(recordCells));
      }
      return out;
    }

    function loadStatus(text, problem) {
      if (!loadPanel) { return; }
      var status = loadPanel.querySelector(".ki-sa-load__status");
      status.textContent = text;
      if (problem) { status.setAttribute("data-problem", ""); } else { status.removeAttribute("data-problem"); }
    }

    function sameRow(a, b) {
      return a.length === b.length && a.every(function (v, i) { return v.trim() === String(b[i]).trim(); });
    }

    function knownRow(row) {
      return data.csv_headers.some(function (header) { return sameRow(header, row || []); });
    }

    function knownHeader(text) {
      return knownRow(parseCsv(text.split(/\r?\n/, 1)[0] || "")[0]);
    }

    function loadRows(table, name) {
      // Answers, notes and the record from an exported file; nothing changes if it is not one.
      if (!table.length || !knownRow(table[0])) {
        loadStatus(data.load.wrong.replace("{1}", name), true);
        return false;
      }
      var found = {}, foundNotes = {}, skipped = [], record = null, version = "";
      table.slice(1).forEach(function (row, i) {
        var code = (row[0] || "").trim();
        if (!code && row.join("").trim() === "") { return; }
        if (data.total_labels.indexOf(code) >= 0) { return; }  // the row of totals
        var id = data.code_ids[code];
        var answer = (row[8] || "").trim();
        var answerId = answer ? data.answer_ids[answer.toLowerCase()] : "";
        if (!id || (answer && !answerId) || row.length < data.csv_columns.length) { skipped.push(i + 2); return; }
        if (answerId) { found[id] = answerId; }
        if ((row[10] || "").trim()) { foundNotes[id] = row[10]; }
        if (!record) { record = row.slice(11, 11 + data.record_columns.length); version = (row[14] || "").trim(); }
      });
      if (!record) {
        loadStatus(data.load.wrong.replace("{1}", name), true);
        return false;
      }
      if (Object.keys(readAnswers()).length && !window.confirm(data.load.confirm)) { return false; }
      Array.prototype.forEach.call(form.querySelectorAll("input[type=radio]"), function (el) { el.checked = false; });
      Array.prototype.forEach.call(form.querySelectorAll("textarea[data-standard]"), function (el) { el.value = ""; });
      rules.standards.forEach(function (s) {
        if (found[s.id]) {
          var input = form.querySelector("input[type=radio][data-standard=\"" + s.id + "\"][value=\"" + found[s.id] + "\"]");
          if (input) { input.checked = true; }
        }
        var note = form.querySelector("textarea[data-standard=\"" + s.id + "\"]");
        if (note && foundNotes[s.id]) { note.value = foundNotes[s.id]; }
      });
      data.record_columns.forEach(function (key, i) {
        if (key === "version" || !recordFields[key]) { return; }
        recordFields[key].value = key === "date" ? isoDate(record[i]) : (record[i] || "").trim();
      });
      if (notice) { notice.hidden = true; }
      showVersion(version);
      update(true);
      var done = data.load.done.replace("{1}", name).replace("{2}", String(Object.keys(found).length))
        .replace("{3}", String(Object.keys(foundNotes).length));
      loadStatus(skipped.length ? done + " " + data.load.skipped.replace("{1}", skipped.join(", ")) : done, false);
      return true;
    }

    function loadFile(file) {
      var reader = new FileReader();
      reader.onload = function () {
        var text = decodeFile(reader.result, knownHeader);
        loadRows(text ? parseCsv(text) : [], file.name);
      };
      reader.onerror = function () { loadStatus(data.load.wrong.replace("{1}", file.name), true); };
      reader.readAsArrayBuffer(file);
    }

    restore();
    document.documentElement.classList.add("ki-sa-has-report");
    result.hidden = false;
    controls.hidden = false;
    if (loadPanel) {
      loadPanel.hidden = false;
      loadPanel.querySelector("input[type=file]").addEventListener("change", function (event) {
        var input = event.target;
        if (input.files && input.files[0]) { loadFile(input.files[0]); }
        input.value = "";  // the same file can be chosen again
      });
    }
    if (live) { live.hidden = false; }
    update(false);
    form.addEventListener("change", function (event) {
      if (event.target.type !== "file") { update(true); }
    });
    form.addEventListener("input", function (event) {
      if (event.target.tagName === "TEXTAREA" || event.target.hasAttribute("data-record")) { update(true); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.getAttribute("data-action");
      var names = data.filenames, record = readRecord();
      if (action === "export") {
        download(fileName(names.answers, names.suffix, record.municipality, record.date || today()),
          csvText(rows(true), data.csv.delimiter));
      }
      if (action === "blank") { download(fileName(names.blank, names.suffix), csvText(rows(false), data.csv.delimiter)); }
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
  window.KiSelfAssessment = { computeScore: computeScore, init: init, parseCsv: parseCsv, csvText: csvText,
    slug: slug, fileName: fileName, isoDate: isoDate };

  if (typeof document === "undefined") { return; }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation, if it is ever turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
