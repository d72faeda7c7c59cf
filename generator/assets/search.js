/* The search page (sok/) over Pagefind's index, and the menu button by keyboard.
   Results are links in a list; how many were found is announced in a live region.
   Pagefind's index is served from the site itself (pagefind/), nothing else is fetched. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL("../../", script.src); // this file is at assets/portal/search.js

  function drawerByKeyboard() {
    var button = document.querySelector(".portal-drawer-button");
    var toggle = document.getElementById("__drawer");
    if (!button || !toggle) return;
    var sync = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        toggle.click();
      }
    });
    toggle.addEventListener("change", sync);
    sync();
  }

  function text(key) {
    var form = document.getElementById("portal-search-form");
    return form.getAttribute("data-" + key);
  }

  function show(results, query, status, list) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = result.url;
      link.textContent = (result.meta && result.meta.title) || result.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind's excerpt: page text, escaped, with <mark> around the words
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    status.textContent = (results.length === 0 ? text("none") : text("found").replace("#", results.length))
      .replace("%s", query);
  }

  function searchPage() {
    var form = document.getElementById("portal-search-form");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("portal-search-status");
    var list = document.getElementById("portal-search-results");
    var loading = import(new URL("pagefind/pagefind.js", root).href);
    var run = function (query) {
      query = query.trim();
      if (!query) { list.textContent = ""; status.textContent = ""; return; }
      status.textContent = text("busy");
      loading.then(function (pagefind) {
        return pagefind.search(query);
      }).then(function (found) {
        return Promise.all(found.results.slice(0, 20).map(function (r) { return r.data(); }))
          .then(function (results) { show(results, query, status, list); });
      }).catch(function () { status.textContent = text("failed"); });
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url);
      run(input.value);
    });
    var query = new URL(location.href).searchParams.get("q") || "";
    input.value = query;
    run(query);
  }

  drawerByKeyboard();
  searchPage();
})();
