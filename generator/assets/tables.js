/* Sort and filter the portal's tables in the browser (progressive enhancement).
   Without JavaScript the table reads as a plain table. With it: each column header
   becomes a button that sorts (aria-sort tells screen readers the order), a labelled
   filter field hides rows that do not match, and a live region announces how many
   rows are shown. Self-hosted, no dependencies. */
(function () {
  "use strict";
  var collator = new Intl.Collator("sv", { numeric: true, sensitivity: "base" });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function enhance(table, number) {
    var body = table.tBodies[0];
    if (!body || table.hasAttribute("data-portal-enhanced")) return;
    table.setAttribute("data-portal-enhanced", "");
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var caption = table.caption ? table.caption.textContent.trim() : "tabellen";

    var controls = document.createElement("div");
    controls.className = "portal-filter";
    var label = document.createElement("label");
    var id = "portal-filter-" + number;
    label.setAttribute("for", id);
    label.textContent = "Filtrera " + caption.toLowerCase();
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
    controls.appendChild(status);
    var anchor = table.closest(".portal-scroll") || table;
    anchor.parentNode.insertBefore(controls, anchor);

    function announce(shown) {
      status.textContent = shown === rows.length ? "Visar alla " + rows.length + " rader."
        : "Visar " + shown + " av " + rows.length + " rader.";
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

    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "portal-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      var numeric = th.classList.contains("portal-num");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : collator.compare(x, y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    announce(rows.length);
  }

  function init() {
    var tables = document.querySelectorAll("table[data-portal-sortable]");
    Array.prototype.forEach.call(tables, function (table, i) { enhance(table, i + 1); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
