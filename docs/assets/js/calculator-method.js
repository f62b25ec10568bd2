/*
 * The method of the Guidelines' valorisation calculator, for the browser and for node (tests):
 * computeResults() and the reading of CSV files. The page (docs/assets/js/calculator.js) uses it
 * through window.KgoCalculator; it does nothing by itself.
 *
 * computeResults() repeats kgo/methods/valorization/calculator.py calculate() step by step, with
 * sums from left to right in data order, and returns the same keys; the tests compare the two on
 * random inputs (tests/unit/test_calculator.py). Steps:
 *
 *   bounds: the reference min and max when both are set, else the min and max of the units with a value
 *   x' = 100 (x - min) / (max - min), or 100 (max - x) / (max - min) for "-", held within 0..100;
 *        50 when min and max are equal; a missing value stays missing
 *   D  = sum(w_i x'_i) / sum(w_i) over the indicators with a value; none when they carry less than
 *        min_weight_share of the dimension's weight
 *   I  = sum(W_d D_d); none when a dimension has no score; rank "1224" on I rounded to 9 decimals
 *   LQ = (e_i / e) / (E_i / E);  C = 100 min(LQ, g) / g
 *   K, R = means of 100 (s - 1) / (L - 1) over the potential / readiness criteria
 *   P  = a K + (1 - a) C; quadrant by P and R against the threshold (at the threshold counts as high)
 *
 * readUnits() and readSectors() return {units | sectors, problems, notices}; a message is {key, args}
 * and names the file's row (1 = first line) and the column (code and spreadsheet letter).
 */
(function () {
  "use strict";

  var TOLERANCE = 1e-9;
  var REL_TOLERANCE = 1e-9;

  // --- the method -------------------------------------------------------------------------------

  function isNum(value) { return typeof value === "number" && isFinite(value); }

  function add(values) {
    var total = 0;
    for (var i = 0; i < values.length; i++) { total = total + values[i]; }
    return total;
  }

  function boundsEqual(low, high) {
    return Math.abs(high - low) <= REL_TOLERANCE * Math.max(Math.abs(high), Math.abs(low));
  }

  function scaled(x, low, high, direction, scale) {
    if (boundsEqual(low, high)) { return scale / 2; }
    var value = direction === "-" ? scale * (high - x) / (high - low) : scale * (x - low) / (high - low);
    return Math.min(scale, Math.max(0, value));
  }

  function columnBounds(values, refMin, refMax) {
    if (isNum(refMin) && isNum(refMax)) { return [refMin, refMax]; }
    var present = values.filter(isNum);
    if (!present.length) { return null; }
    return [Math.min.apply(null, present), Math.max.apply(null, present)];
  }

  function dimensionScore(row, indicators, minShare) {
    var total = add(indicators.map(function (i) { return i.weight; }));
    var available = add(indicators.map(function (i) { return isNum(row[i.id]) ? i.weight : 0; }));
    if (available <= 0 || available < minShare * total - TOLERANCE) { return null; }
    return add(indicators.map(function (i) { return isNum(row[i.id]) ? i.weight * row[i.id] : 0; })) / available;
  }

  function round9(value) { return Number(value.toFixed(9)); }

  function ranks(values) {
    var rounded = values.map(function (v) { return isNum(v) ? round9(v) : null; });
    var ordered = rounded.filter(function (v) { return v !== null; }).sort(function (a, b) { return b - a; });
    return rounded.map(function (v) { return v === null ? null : ordered.indexOf(v) + 1; });
  }

  function indexResults(params, units) {
    var scale = params.scale;
    var normalised = units.map(function () { return {}; });
    var bounds = {};
    params.indicators.forEach(function (ind) {
      var raw = units.map(function (u) { var v = u.values[ind.id]; return isNum(v) ? v : null; });
      var limits = columnBounds(raw, ind.ref_min, ind.ref_max);
      bounds[ind.id] = limits;
      raw.forEach(function (x, i) {
        normalised[i][ind.id] = (limits === null || x === null) ? null : scaled(x, limits[0], limits[1], ind.direction, scale);
      });
    });
    var dimensions = normalised.map(function (row) {
      var scores = {};
      params.dimensions.forEach(function (dim) {
        var members = params.indicators.filter(function (i) { return i.dimension === dim.id; });
        scores[dim.id] = dimensionScore(row, members, params.min_weight_share);
      });
      return scores;
    });
    var index = dimensions.map(function (scores) {
      if (params.dimensions.some(function (d) { return !isNum(scores[d.id]); })) { return null; }
      return add(params.dimensions.map(function (d) { return d.weight * scores[d.id]; }));
    });
    return { bounds: bounds, normalised: normalised, dimensions: dimensions, index: index, rank: ranks(index) };
  }

  function lqOf(eI, e, bigEI, bigE) {
    if (![eI, e, bigEI, bigE].every(isNum) || e <= 0 || bigE <= 0 || bigEI <= 0) { return null; }
    return (eI / e) / (bigEI / bigE);
  }

  function validLevel(level, levels) {
    return isNum(level) && Math.floor(level) === level && level >= 1 && level <= levels;
  }

  function quadrant(potential, readiness, threshold) {
    var highP = potential >= threshold - TOLERANCE, highR = readiness >= threshold - TOLERANCE;
    if (highP && highR) { return "develop"; }
    if (highP) { return "build-capacity"; }
    if (highR) { return "maintain"; }
    return "monitor";
  }

  function mean(values) { return add(values) / values.length; }

  function sectorResults(params, sectors) {
    var scale = params.scale, e = sectors.local_total, bigE = sectors.region_total;
    return (sectors.rows || []).map(function (row) {
      var lq = lqOf(row.local, e, row.region, bigE);
      var out = {
        name: row.name,
        local_share: isNum(row.local) && isNum(e) && e > 0 ? scale * row.local / e : null,
        region_share: isNum(row.region) && isNum(bigE) && bigE > 0 ? scale * row.region / bigE : null,
        lq: lq,
        concentration: lq === null ? null : scale * Math.min(lq, params.lq_cap) / params.lq_cap,
        qualitative_potential: null, potential: null, readiness: null, quadrant: null
      };
      var levels = row.levels || {};
      var complete = params.criteria.every(function (c) { return validLevel(levels[c.id], params.levels); });
      if (lq === null || !complete) { return out; }
      var toScore = function (c) { return scale * (levels[c.id] - 1) / (params.levels - 1); };
      var pot = params.criteria.filter(function (c) { return c.group === "potential"; }).map(toScore);
      var rdy = params.criteria.filter(function (c) { return c.group === "readiness"; }).map(toScore);
      out.qualitative_potential = mean(pot);
      out.potential = params.qualitative_share * out.qualitative_potential + (1 - params.qualitative_share) * out.concentration;
      out.readiness = mean(rdy);
      out.quadrant = quadrant(out.potential, out.readiness, params.threshold);
      return out;
    });
  }

  function computeResults(params, units, sectors) {
    var result = indexResults(params, units);
    result.sectors = sectors ? sectorResults(params, sectors) : [];
    return result;
  }

  // --- reading a file -----------------------------------------------------------------------------

  /* fixed(value, decimals): value.toFixed(decimals), the same rounding as kgo.methods.valorization.fixed. */
  function fixed(value, decimals) {
    var text = Number(value).toFixed(decimals);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
  }

  function detectDelimiter(text) {
    var line = text.split(/\r\n|\n|\r/).find(function (l) { return l.trim() !== ""; }) || "";
    var counts = { "\t": 0, ";": 0, ",": 0 }, quoted = false;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i];
      if (ch === "\"") { quoted = !quoted; } else if (!quoted && ch in counts) { counts[ch]++; }
    }
    if (counts["\t"] >= counts[";"] && counts["\t"] >= counts[","] && counts["\t"] > 0) { return "\t"; }
    return counts[";"] > counts[","] ? ";" : ",";
  }

  /* parseCsv(text): rows of cells (RFC 4180 quotes; comma, semicolon or tab, found from the first line). */
  function parseCsv(text) {
    text = String(text).replace(/^\ufeff/, "");
    var delimiter = detectDelimiter(text);
    var rows = [], row = [], cell = "", quoted = false, i = 0;
    while (i < text.length) {
      var ch = text[i];
      if (quoted) {
        if (ch === "\"" && text[i + 1] === "\"") { cell += "\""; i += 2; continue; }
        if (ch === "\"") { quoted = false; i++; continue; }
        cell += ch; i++; continue;
      }
      if (ch === "\"" && cell === "") { quoted = true; i++; continue; }
      if (ch === delimiter) { row.push(cell); cell = ""; i++; continue; }
      if (ch === "\r" || ch === "\n") {
        row.push(cell); rows.push(row); row = []; cell = "";
        i += (ch === "\r" && text[i + 1] === "\n") ? 2 : 1;
        continue;
      }
      cell += ch; i++;
    }
    if (cell !== "" || row.length) { row.push(cell); rows.push(row); }
    return rows;
  }

  function columnLetter(index) {
    var name = "";
    for (var n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) { name = String.fromCharCode(65 + (n - 1) % 26) + name; }
    return name;
  }

  function blank(cells) { return cells.every(function (c) { return String(c).trim() === ""; }); }

  /* A number as people type it: "4.8", "4,8", " 12 " (no thousands separators); null when empty,
     NaN when it is not a number. */
  function readNumber(text) {
    var value = String(text).replace(/[\s\u00a0]/g, "");
    if (value === "") { return null; }
    if (/^[+-]?\d+([.,]\d+)?$/.test(value)) { return Number(value.replace(",", ".")); }
    if (/^[+-]?[.,]\d+$/.test(value)) { return Number(value.replace(",", ".")); }
    return NaN;
  }

  function message(key, args) { return { key: key, args: args || [] }; }

  /* The header is the first of the top rows that holds the first column's code; failing that, the
     first that holds any other code (so that a missing first column is reported as such). */
  function findHeader(rows, required, firstCode) {
    var top = rows.slice(0, 10).map(function (row) { return row.map(function (c) { return String(c).trim(); }); });
    for (var r = 0; r < top.length; r++) { if (top[r].indexOf(firstCode) >= 0) { return r; } }
    for (var k = 0; k < top.length; k++) {
      if (required.some(function (code) { return top[k].indexOf(code) >= 0; })) { return k; }
    }
    return -1;
  }

  function columns(rows, header, codes, problems) {
    var cells = rows[header].map(function (c) { return String(c).trim(); });
    var where = {};
    codes.forEach(function (code) {
      var at = cells.indexOf(code);
      if (at < 0) { problems.push(message("missing_column", [code])); } else { where[code] = at; }
    });
    return where;
  }

  /* readUnits(text, spec): {units, problems, notices} from the indicator CSV. spec = {unit_code,
     indicators: [{id, min, max}]}. Row numbers are the file's line numbers (1 = first line). */
  function readUnits(text, spec) {
    var rows = parseCsv(text), problems = [], notices = [], units = [];
    var codes = spec.indicators.map(function (i) { return i.id; });
    var header = findHeader(rows, codes, spec.unit_code);
    if (header < 0) { return { units: [], problems: [message("no_header", [spec.unit_code])], notices: [] }; }
    var where = columns(rows, header, [spec.unit_code].concat(codes), problems);
    if (problems.length) { return { units: [], problems: problems, notices: [] }; }
    var lastFilled = rows.length - 1;
    while (lastFilled > header && blank(rows[lastFilled])) { lastFilled--; }
    var seen = {};
    for (var r = header + 1; r <= lastFilled; r++) {
      var cells = rows[r], line = r + 1;
      if (blank(cells)) { notices.push(message("empty_row", [line])); continue; }
      var name = String(cells[where[spec.unit_code]] || "").trim();
      var values = {}, missing = [];
      spec.indicators.forEach(function (ind) {
        var raw = cells[where[ind.id]] === undefined ? "" : cells[where[ind.id]];
        var value = readNumber(raw);
        var column = ind.id + " (" + columnLetter(where[ind.id]) + ")";
        if (value === null) { missing.push(ind.id); values[ind.id] = null; return; }
        if (isNaN(value)) { problems.push(message("not_a_number", [line, column, String(raw).trim()])); return; }
        if (value < ind.min || (isNum(ind.max) && value > ind.max)) {
          problems.push(message("out_of_range", [line, column, raw.trim(), ind.min, isNum(ind.max) ? ind.max : "∞"]));
          return;
        }
        values[ind.id] = value;
      });
      if (name === "") {
        problems.push(message("no_name", [line, spec.unit_code + " (" + columnLetter(where[spec.unit_code]) + ")"]));
        continue;
      }
      if (seen[name]) { problems.push(message("duplicate_name", [line, name, seen[name]])); continue; }
      seen[name] = line;
      if (missing.length === codes.length) { notices.push(message("no_values", [line, name])); }
      else if (missing.length) { notices.push(message("missing_values", [line, name, missing.join(", ")])); }
      units.push({ name: name, values: values });
    }
    if (!problems.length && units.length === 0) { problems.push(message("no_units", [])); }
    return { units: units, problems: problems, notices: notices };
  }

  /* readSectors(text, spec): {sectors, problems, notices} from the sector CSV. spec = {sector_code,
     local_code, region_code, total_code, criteria: [ids], levels}. */
  function readSectors(text, spec) {
    var rows = parseCsv(text), problems = [], notices = [];
    var codes = [spec.sector_code, spec.local_code, spec.region_code].concat(spec.criteria);
    var header = findHeader(rows, codes.slice(1), spec.sector_code);
    if (header < 0) { return { sectors: null, problems: [message("no_header", [spec.sector_code])], notices: [] }; }
    var where = columns(rows, header, codes, problems);
    if (problems.length) { return { sectors: null, problems: problems, notices: [] }; }
    var lastFilled = rows.length - 1;
    while (lastFilled > header && blank(rows[lastFilled])) { lastFilled--; }
    var sectors = { local_total: null, region_total: null, rows: [] }, totalLine = 0;
    for (var r = header + 1; r <= lastFilled; r++) {
      var cells = rows[r], line = r + 1;
      if (blank(cells)) { notices.push(message("empty_row", [line])); continue; }
      var name = String(cells[where[spec.sector_code]] || "").trim();
      var numbers = {};
      [spec.local_code, spec.region_code].forEach(function (code) {
        var raw = cells[where[code]] === undefined ? "" : cells[where[code]];
        var value = readNumber(raw);
        var column = code + " (" + columnLetter(where[code]) + ")";
        if (value !== null && isNaN(value)) { problems.push(message("not_a_number", [line, column, String(raw).trim()])); }
        else if (value !== null && value < 0) { problems.push(message("out_of_range", [line, column, raw.trim(), 0, "∞"])); }
        else { numbers[code] = value; }
      });
      if (name === "") {
        problems.push(message("no_name", [line, spec.sector_code + " (" + columnLetter(where[spec.sector_code]) + ")"]));
        continue;
      }
      if (name === spec.total_code) {
        totalLine = line;
        sectors.local_total = numbers[spec.local_code] === undefined ? null : numbers[spec.local_code];
        sectors.region_total = numbers[spec.region_code] === undefined ? null : numbers[spec.region_code];
        continue;
      }
      var levels = {}, rated = 0;
      spec.criteria.forEach(function (id) {
        var raw = cells[where[id]] === undefined ? "" : cells[where[id]];
        var value = readNumber(raw);
        var column = id + " (" + columnLetter(where[id]) + ")";
        if (value === null) { levels[id] = null; return; }
        if (isNaN(value)) { problems.push(message("not_a_number", [line, column, String(raw).trim()])); return; }
        if (!validLevel(value, spec.levels)) {
          problems.push(message("bad_level", [line, column, raw.trim(), spec.levels])); return;
        }
        levels[id] = value; rated++;
      });
      if (rated > 0 && rated < spec.criteria.length) { notices.push(message("partly_rated", [line, name])); }
      sectors.rows.push({ name: name, local: numbers[spec.local_code] === undefined ? null : numbers[spec.local_code],
                          region: numbers[spec.region_code] === undefined ? null : numbers[spec.region_code], levels: levels });
    }
    if (!totalLine) { problems.push(message("no_total", [spec.total_code, spec.sector_code])); }
    else if (!isNum(sectors.local_total) || !isNum(sectors.region_total) || sectors.local_total <= 0 || sectors.region_total <= 0) {
      problems.push(message("bad_total", [totalLine]));
    }
    return { sectors: problems.length ? null : sectors, problems: problems, notices: notices };
  }

  var api = { computeResults: computeResults, parseCsv: parseCsv, readUnits: readUnits, readSectors: readSectors,
              readNumber: readNumber, fixed: fixed, add: add };
  if (typeof window !== "undefined") { window.KgoCalculator = api; }
  if (typeof module !== "undefined" && module.exports) { module.exports = api; }
})();
