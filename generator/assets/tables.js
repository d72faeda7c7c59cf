/* Sort and filter the portal's tables in the browser (progressive enhancement).
   Without JavaScript the table reads as a plain table. With it: each column header
   becomes a button that sorts (aria-sort tells screen readers the order), a labelled
   filter field hides rows that do not match, a live region announces how many
   rows are shown, and a button saves the rows shown as CSV. Self-hosted, no dependencies. */
(function () {
  "use strict";
  var collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });  // the data is Swedish on either site

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  /* The number a numeric cell says: its data-sort as given (empty: unknown, NaN), else its text as the page's
     language writes numbers ("1 234,5" in Swedish, "1,234.5" in English), so 1 234 is never read as 1. */
  var decimalComma = (document.documentElement.lang || "sv") !== "en";
  function numberIn(text) {
    text = text.replace(/\s/g, "").replace(/\u2212/g, "-");
    text = decimalComma ? text.replace(",", ".") : text.replace(/,/g, "");
    return parseFloat(text);
  }

  /* A cell as the CSV holds it: the machine value the page gives (an id, a code, an ISO date,
     a plain number), else its text. */
  function csvValue(cell) {
    if (!cell) return "";
    if (cell.hasAttribute("data-value")) return cell.getAttribute("data-value");
    if (cell.hasAttribute("data-sort")) return cell.getAttribute("data-sort");
    return cell.textContent.trim();
  }

  /* The bulk CSV's rules (generator/downloads/tables.py): text a spreadsheet would run as a
     formula gets the prefix the page names (data-csv-rule), numbers stay as they are; RFC 4180
     quoting, CRLF line ends, UTF-8 without byte-order mark. */
  function csvLine(values, numeric, rule) {
    return values.map(function (value, i) {
      if (!numeric[i] && rule.starts.some(function (s) { return value.indexOf(s) === 0; })) value = rule.prefix + value;
      return /[",\r\n]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
    }).join(",") + "\r\n";
  }

  function downloadCsv(table, headers, body) {
    var rule = JSON.parse(table.getAttribute("data-csv-rule"));
    var numeric = [false].concat(headers.map(function (th) { return th.classList.contains("portal-num"); }));
    var lines = [csvLine(["id"].concat(headers.map(function (th) {
      return th.getAttribute("data-csv") || th.textContent.trim();  // a column no field names is named as shown
    })), [], rule)];
    Array.prototype.forEach.call(body.rows, function (row) {
      if (row.hidden) return;
      var values = [row.getAttribute("data-id") || ""];
      headers.forEach(function (th, index) { values.push(csvValue(row.cells[index])); });
      lines.push(csvLine(values, numeric, rule));
    });
    var url = URL.createObjectURL(new Blob(lines, { type: "text/csv;charset=utf-8" }));
    var link = document.createElement("a");
    link.href = url;
    link.download = (table.getAttribute("data-csv-file") || portalSay("file")) + ".csv";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || table.hasAttribute("data-portal-enhanced")) return;
    table.setAttribute("data-portal-enhanced", "");
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var caption = table.caption ? table.caption.textContent.trim() : portalSay("table");

    var controls = document.createElement("div");
    controls.className = "portal-filter";
    var label = document.createElement("label");
    var id = "portal-filter-" + number;
    label.setAttribute("for", id);
    label.textContent = portalSay("filter", { caption: caption });
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    var status = document.createElement("p");
    status.className = "portal-count";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    controls.appendChild(label);
    controls.appendChild(input);
    /* Sorting without the column headers, which cards hide from sight: a list of the columns each way. */
    var order = rows.slice();  // the page's own order
    var sortBy = document.createElement("select");
    sortBy.id = "portal-sort-" + number;
    var sortLabel = document.createElement("label");
    sortLabel.setAttribute("for", sortBy.id);
    sortLabel.textContent = portalSay("sortby");
    var choice = function (value, text) { sortBy.appendChild(new Option(text, value)); };
    choice("", portalSay("pageorder"));
    headers.forEach(function (th, index) {
      var column = th.textContent.trim();
      choice(index + " ascending", portalSay("ascending", { column: column }));
      choice(index + " descending", portalSay("descending", { column: column }));
    });
    controls.appendChild(sortLabel);
    controls.appendChild(sortBy);
    if (table.hasAttribute("data-csv-rule")) {
      var save = document.createElement("button");
      save.type = "button";
      save.className = "portal-save";
      save.textContent = portalSay("save");
      save.addEventListener("click", function () { downloadCsv(table, headers, body); });
      controls.appendChild(save);
    }
    controls.appendChild(status);
    var anchor = table.closest(".portal-scroll") || table;
    anchor.parentNode.insertBefore(controls, anchor);

    function announce(shown) {
      status.textContent = shown === rows.length ? portalSay("all", { n: rows.length })
        : portalSay("some", { shown: shown, n: rows.length });
    }

    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      announce(shown);
    });

    /* Rows in the order of column `index` (null: the page's order), said by the header's aria-sort and the list. */
    function sort(index, ascending) {
      headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
      if (index === null) {
        rows.splice.apply(rows, [0, rows.length].concat(order));
      } else {
        var th = headers[index], numeric = th.classList.contains("portal-num");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          if (!numeric) return ascending ? collator.compare(x, y) : collator.compare(y, x);
          x = numberIn(x); y = numberIn(y);
          if (isNaN(x) || isNaN(y)) return isNaN(x) - isNaN(y);  // unknown (data-sort="") last either way, never a 0
          return ascending ? x - y : y - x;
        });
      }
      sortBy.value = index === null ? "" : index + (ascending ? " ascending" : " descending");
      rows.forEach(function (row) { body.appendChild(row); });
    }

    sortBy.addEventListener("change", function () {
      var chosen = sortBy.value.split(" ");
      sort(chosen[0] === "" ? null : Number(chosen[0]), chosen[1] === "ascending");
    });
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "portal-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () { sort(index, th.getAttribute("aria-sort") !== "ascending"); });
    });
    announce(rows.length);
  }

  /* Rows become cards where a table is wider than its place (portal.css switches them on by
     the number of columns; this catches the tables whose text is wider than that expects). */
  function fit(table) {
    var place = table.parentNode;
    table.classList.remove("portal-cards");
    if (table.offsetWidth > place.clientWidth) table.classList.add("portal-cards");
  }

  function init() {
    var tables = document.querySelectorAll("table[data-portal-sortable]");
    Array.prototype.forEach.call(tables, function (table, i) { enhance(table, i + 1); });
    var all = Array.prototype.slice.call(document.querySelectorAll(".portal-scroll > table.portal-table"));
    all.forEach(fit);
    if (window.ResizeObserver) {
      var widths = new WeakMap();
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) {
          var width = entry.contentRect.width;
          if (widths.get(entry.target) === width) return;  // only a change of width can change the fit
          widths.set(entry.target, width);
          fit(entry.target.firstElementChild);
        });
      });
      all.forEach(function (table) { observer.observe(table.parentNode); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
