/*
 * Valorisation calculator of the Guidelines (publication "Smernice"): the reader's own numbers run
 * through the method of the Guidelines in the browser, offline; nothing is sent anywhere.
 *
 * The block is rendered by kgo/render/renderers/valorization_calculator.py (marker
 * <!-- data: valorization calculator -->). The method's parameters are NOT written here: the page
 * carries them as JSON (<script type="application/json" class="ki-calc-data">), made from
 * data/valorization.yaml by kgo.methods.valorization.method_params(); the words of the interface
 * come with them, in the edition's language and script. The method itself is
 * docs/assets/js/calculator-method.js (window.KgoCalculator), loaded before this file.
 */
(function () {
  "use strict";

  if (typeof document === "undefined" || !window.KgoCalculator) { return; }
  var calc = window.KgoCalculator;
  var computeResults = calc.computeResults, readUnits = calc.readUnits, readSectors = calc.readSectors;
  var readNumber = calc.readNumber, fixed = calc.fixed, add = calc.add;

  function isNum(value) { return typeof value === "number" && isFinite(value); }

  function message(key, args) { return { key: key, args: args || [] }; }


  function fill(template, args) {
    return String(template).replace(/\{(\d+)\}/g, function (all, n) { return args[Number(n) - 1] === undefined ? all : String(args[Number(n) - 1]); });
  }

  function setup(root) {
    if (root.getAttribute("data-ki-calc-ready") === "1") { return; }
    root.setAttribute("data-ki-calc-ready", "1");
    var source = root.querySelector("script.ki-calc-data");
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var ui = data.ui, lang = data.lang;
    var state = { units: null, sectors: null };
    var messages = root.querySelector(".ki-calc-messages");
    var output = root.querySelector(".ki-calc-results");
    var exportButton = root.querySelector("[data-action=export]");

    function number(value, decimals) {
      if (!isNum(value)) { return "–"; }
      var text = fixed(value, decimals), parts = text.split(".");
      var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, data.group_mark);
      return parts.length > 1 ? whole + data.decimal_mark + parts[1] : whole;
    }

    function text(msg) {
      var args = msg.args.map(function (a) { return typeof a === "number" ? number(a, Math.floor(a) === a ? 0 : 2) : a; });
      return fill(ui["msg_" + msg.key], args);
    }

    function show(problems, notices) {
      messages.textContent = "";
      messages.hidden = !(problems.length || notices.length);
      if (problems.length) {
        var title = document.createElement("p");
        title.className = "ki-calc-problems-title";
        title.textContent = ui.problems_title;
        messages.appendChild(title);
        var list = document.createElement("ul");
        list.className = "ki-calc-problems";
        problems.forEach(function (m) { var li = document.createElement("li"); li.textContent = text(m); list.appendChild(li); });
        messages.appendChild(list);
      }
      if (notices.length) {
        var notes = document.createElement("ul");
        notes.className = "ki-calc-notices";
        notices.forEach(function (m) { var li = document.createElement("li"); li.textContent = text(m); notes.appendChild(li); });
        messages.appendChild(notes);
      }
    }

    function readParams() {
      var params = JSON.parse(JSON.stringify(data.params)), problems = [];
      Array.prototype.forEach.call(root.querySelectorAll("input[data-param]"), function (input) {
        var value = readNumber(input.value), path = input.getAttribute("data-param").split(":");
        var optional = input.hasAttribute("data-optional");
        if (value === null && optional) { value = null; }
        else if (value === null || isNaN(value) ||
                 (input.hasAttribute("data-min") && value < Number(input.getAttribute("data-min"))) ||
                 (input.hasAttribute("data-max") && value > Number(input.getAttribute("data-max")))) {
          problems.push(message("bad_parameter", [input.getAttribute("data-label"), input.value]));
          return;
        }
        if (path[0] === "dimension") {
          params.dimensions.forEach(function (d) { if (d.id === path[1]) { d.weight = value; } });
        } else if (path[0] === "indicator") {
          params.indicators.forEach(function (i) { if (i.id === path[1]) { i[path[2]] = value; } });
        } else { params[path[0]] = value; }
      });
      var total = add(params.dimensions.map(function (d) { return d.weight; }));
      if (Math.abs(total - 1) > 0.0005) { problems.push(message("weights_sum", [ui.dimensions, number(total, 3)])); }
      params.dimensions.forEach(function (dim) {
        var sum = add(params.indicators.filter(function (i) { return i.dimension === dim.id; }).map(function (i) { return i.weight; }));
        if (Math.abs(sum - 1) > 0.0005) { problems.push(message("weights_sum", [data.dimension_names[dim.id], number(sum, 3)])); }
      });
      params.indicators.forEach(function (ind) {
        if (isNum(ind.ref_min) !== isNum(ind.ref_max)) { problems.push(message("reference_pair", [ind.id])); }
      });
      return { params: params, problems: problems };
    }

    /* A table that scrolls sideways takes keyboard focus (as overrides/main.html does at load). */
    function focusable() {
      Array.prototype.forEach.call(root.querySelectorAll("table"), function (box) {
        var x = getComputedStyle(box).overflowX;
        var scrolls = (x === "auto" || x === "scroll") && box.scrollWidth > box.clientWidth + 1;
        if (scrolls && !box.hasAttribute("tabindex")) { box.setAttribute("tabindex", "0"); box.setAttribute("data-kg-scroll", ""); }
      });
    }

    function table(caption, headers, rows, numericFrom) {
      var el = document.createElement("table");
      el.className = "data-table";
      var cap = document.createElement("caption"); cap.textContent = caption; el.appendChild(cap);
      var thead = document.createElement("thead"), tr = document.createElement("tr");
      headers.forEach(function (h, i) {
        var th = document.createElement("th"); th.setAttribute("scope", "col"); th.textContent = h;
        if (i >= numericFrom) { th.className = "num"; }
        tr.appendChild(th);
      });
      thead.appendChild(tr); el.appendChild(thead);
      var tbody = document.createElement("tbody");
      rows.forEach(function (row) {
        var r = document.createElement("tr");
        row.forEach(function (value, i) {
          var c = document.createElement(i === 0 ? "th" : "td");
          if (i === 0) { c.setAttribute("scope", "row"); }
          if (i >= numericFrom) { c.className = "num"; }
          c.textContent = value;
          r.appendChild(c);
        });
        tbody.appendChild(r);
      });
      el.appendChild(tbody);
      var wrap = document.createElement("div"); wrap.className = "data-table-wrap"; wrap.appendChild(el);
      output.appendChild(wrap);
      return el;
    }

    function chart(rows, threshold) {
      var ns = "http://www.w3.org/2000/svg", t = threshold * 3;
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 380 370"); svg.setAttribute("width", "100%"); svg.setAttribute("role", "img");
      svg.setAttribute("style", "max-width:32rem"); svg.setAttribute("font-size", "11");
      var title = document.createElementNS(ns, "title"); title.textContent = ui.caption_matrix; svg.appendChild(title);
      function el(name, attrs, content) {
        var node = document.createElementNS(ns, name);
        Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
        if (content !== undefined) { node.textContent = content; }
        svg.appendChild(node);
      }
      el("rect", { x: 40, y: 20, width: 300, height: 300, fill: "none", stroke: "currentColor" });
      el("rect", { x: 40 + t, y: 20, width: 300 - t, height: 300 - t, fill: "currentColor", "fill-opacity": "0.08" });
      el("line", { x1: 40 + t, y1: 20, x2: 40 + t, y2: 320, stroke: "currentColor", "stroke-dasharray": "4 3" });
      el("line", { x1: 40, y1: 320 - t, x2: 340, y2: 320 - t, stroke: "currentColor", "stroke-dasharray": "4 3" });
      el("text", { x: 190, y: 345, "text-anchor": "middle" }, ui.readiness + " →");
      el("text", { x: 14, y: 170, "text-anchor": "middle", transform: "rotate(-90 14 170)" }, ui.potential + " →");
      rows.forEach(function (row) {
        if (row.quadrant === null) { return; }
        el("circle", { cx: (40 + row.readiness * 3).toFixed(1), cy: (320 - row.potential * 3).toFixed(1), r: 4, fill: "currentColor" });
        el("text", { x: (47 + row.readiness * 3).toFixed(1), y: (324 - row.potential * 3).toFixed(1) }, row.name);
      });
      var figure = document.createElement("figure"); figure.className = "data-figure"; figure.appendChild(svg);
      output.appendChild(figure);
    }

    function render(result, params, units, sectors) {
      output.textContent = "";
      var names = units.map(function (u) { return u.name; });
      table(ui.caption_normalised, [ui.indicator].concat(names), params.indicators.map(function (ind) {
        return [data.indicator_names[ind.id]].concat(result.normalised.map(function (row) { return number(row[ind.id], 1); }));
      }), 1);
      table(ui.caption_dimensions, [ui.dimension].concat(names), params.dimensions.map(function (dim) {
        return [data.dimension_names[dim.id]].concat(result.dimensions.map(function (row) { return number(row[dim.id], 1); }));
      }), 1);
      table(ui.caption_index, [ui.unit, ui.index, ui.rank], units.map(function (u, i) {
        return [u.name, number(result.index[i], 1), result.rank[i] === null ? "–" : String(result.rank[i])];
      }), 1).classList.add("ki-calc-index");
      if (sectors) {
        table(ui.caption_lq, [ui.sector, ui.share_local, ui.share_region, ui.lq, ui.concentration], result.sectors.map(function (s) {
          return [s.name, number(s.local_share, 2), number(s.region_share, 2), number(s.lq, 2), number(s.concentration, 1)];
        }), 1);
        table(ui.caption_matrix, [ui.sector, ui.qualitative_potential, ui.potential, ui.readiness, ui.quadrant],
          result.sectors.map(function (s) {
            return [s.name, number(s.qualitative_potential, 1), number(s.potential, 1), number(s.readiness, 1),
                    s.quadrant === null ? ui.not_in_matrix : data.quadrant_names[s.quadrant]];
          }), 1).classList.add("ki-calc-matrix");
        chart(result.sectors, params.threshold);
      }
      focusable();
    }

    function exportRows(result, params, units) {
      var header = [data.unit_code, "index", "rank"].concat(params.dimensions.map(function (d) { return d.id; }));
      return [header].concat(units.map(function (u, i) {
        return [u.name, isNum(result.index[i]) ? fixed(result.index[i], data.export_decimals) : "",
                result.rank[i] === null ? "" : String(result.rank[i])].concat(params.dimensions.map(function (d) {
          var v = result.dimensions[i][d.id];
          return isNum(v) ? fixed(v, data.export_decimals) : "";
        }));
      }));
    }

    function csvText(rows) {
      return "\ufeff" + rows.map(function (row) {
        return row.map(function (cell) {
          var t = String(cell);
          return /[",\r\n]/.test(t) ? "\"" + t.replace(/"/g, "\"\"") + "\"" : t;
        }).join(",");
      }).join("\r\n") + "\r\n";
    }

    function download(filename, content) {
      var blob = new Blob([content], { type: "text/csv;charset=utf-8" });
      var url = URL.createObjectURL(blob), link = document.createElement("a");
      link.href = url; link.download = filename;
      document.body.appendChild(link); link.click(); document.body.removeChild(link);
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }

    var last = null;

    function update() {
      var problems = [], notices = [];
      var units = null, sectors = null;
      if (state.units !== null) {
        var read = readUnits(state.units, data.units_spec);
        problems = problems.concat(read.problems); notices = notices.concat(read.notices);
        units = read.units;
      }
      if (state.sectors !== null) {
        var readS = readSectors(state.sectors, data.sectors_spec);
        problems = problems.concat(readS.problems); notices = notices.concat(readS.notices);
        sectors = readS.sectors;
      }
      var p = readParams();
      problems = problems.concat(p.problems);
      show(problems, notices);
      exportButton.disabled = true;
      last = null;
      if (problems.length || state.units === null) {
        output.textContent = "";
        root.setAttribute("data-state", problems.length ? "error" : "empty");
        return;
      }
      var result = computeResults(p.params, units, sectors);
      render(result, p.params, units, sectors);
      last = { result: result, params: p.params, units: units };
      exportButton.disabled = false;
      root.setAttribute("data-state", "done");
    }

    function readFile(input, key) {
      var file = input.files && input.files[0];
      if (!file) { return; }
      var reader = new FileReader();
      reader.onload = function () { state[key] = String(reader.result); root.querySelector("textarea[data-input=" + key + "]").value = state[key]; update(); };
      reader.readAsText(file, "utf-8");
    }

    Array.prototype.forEach.call(root.querySelectorAll("input[type=file][data-input]"), function (input) {
      input.addEventListener("change", function () { readFile(input, input.getAttribute("data-input")); });
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) { return; }
      var action = button.getAttribute("data-action");
      if (action === "calculate") {
        Array.prototype.forEach.call(root.querySelectorAll("textarea[data-input]"), function (area) {
          var key = area.getAttribute("data-input");
          state[key] = area.value.trim() === "" ? null : area.value;
        });
        update();
      }
      if (action === "export" && last) { download(data.export_filename, csvText(exportRows(last.result, last.params, last.units))); }
      if (action === "reset-params") {
        Array.prototype.forEach.call(root.querySelectorAll("input[data-param]"), function (input) { input.value = input.defaultValue; });
        if (state.units !== null) { update(); }
      }
    });
    root.addEventListener("change", function (event) {
      if (event.target.hasAttribute("data-param") && state.units !== null) { update(); }
    });
    root.addEventListener("submit", function (event) { event.preventDefault(); });
    root.addEventListener("toggle", focusable, true);
    window.addEventListener("resize", focusable);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".ki-calc"), setup);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's instant navigation, if it is ever turned on
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
