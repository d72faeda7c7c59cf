/* The search page (sok/) over Pagefind's index; the menu button and Material's table boxes by keyboard.
   Results are links in a list; how many were found is announced in a live region.
   Pagefind's index is served from the site itself (pagefind/), nothing else is fetched. */
(function () {
  "use strict";

  /* Material's menu button is a label for the drawer's checkbox: not reachable by keyboard.
     It becomes a button (same icon) that toggles the checkbox and says whether the menu is open. */
  function drawerByKeyboard() {
    var label = document.querySelector(".portal-drawer-button");
    var toggle = document.getElementById("__drawer");
    if (!label || !toggle) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("aria-label", label.getAttribute("data-label"));
    button.setAttribute("aria-controls", "__drawer");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.replaceWith(button);
    var sync = function () { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); };
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
      sync();
    });
    toggle.addEventListener("change", sync);
    sync();
  }

  function item(result) {
    var entry = document.createElement("li");
    var link = document.createElement("a");
    link.href = result.url;
    link.textContent = (result.meta && result.meta.title) || result.url;
    var excerpt = document.createElement("p");
    excerpt.innerHTML = result.excerpt; // Pagefind's excerpt: the page's text, escaped, with <mark> around the words
    entry.appendChild(link);
    entry.appendChild(excerpt);
    return entry;
  }

  var PAGE = 20; // results fetched at a time: each one is a fragment to download

  function show(found, query, status, list, more) {
    list.textContent = "";
    var shown = 0;
    var next = function () {
      var batch = found.results.slice(shown, shown + PAGE);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (results) {
        results.forEach(function (result) { list.appendChild(item(result)); });
        var first = list.children[shown];
        shown += results.length;
        more.hidden = shown >= found.results.length;
        return first;
      });
    };
    var total = found.results.length;
    return next().then(function () {
      status.textContent = (total === 0 ? portalSay("none", { query: query }) : portalSay("found", { n: total, query: query }))
        + (total > shown ? " " + portalSay("first", { n: shown }) : "");
      more.onclick = function () {
        next().then(function (first) {
          if (first) first.querySelector("a").focus();
          status.textContent = portalSay("first", { n: shown });
        });
      };
    });
  }

  function searchPage() {
    var form = document.getElementById("portal-search-form");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("portal-search-status");
    var list = document.getElementById("portal-search-results");
    var more = document.getElementById("portal-search-more");
    var bundle = new URL(form.getAttribute("data-bundle"), location.href); // the site's pagefind/, every language's
    var loading = import(new URL("pagefind.js", bundle).href).then(function (pagefind) {
      return pagefind.options({ baseUrl: new URL("../", bundle).pathname }).then(function () { return pagefind; });
    });
    var run = function (query) {
      query = query.trim();
      if (!query) { list.textContent = ""; status.textContent = ""; more.hidden = true; return; }
      status.textContent = portalSay("busy");
      loading.then(function (pagefind) {
        return pagefind.search(query);
      }).then(function (found) {
        return show(found, query, status, list, more);
      }).catch(function () { status.textContent = portalSay("failed"); });
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

  /* Material wraps each Markdown table in a scrolling box (hand-written pages, the data dictionary)
     that a keyboard cannot reach: each becomes a focusable region named after the heading above it. */
  function scrollingTablesByKeyboard() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      var heading = box.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", heading ? heading.textContent.trim() : document.title);
    });
  }

  drawerByKeyboard();
  searchPage();
  scrollingTablesByKeyboard();
  new MutationObserver(scrollingTablesByKeyboard).observe(document.body, { childList: true, subtree: true });
})();
