/* What the portal's scripts write, in the page's language: the build fills in WORDS from the interface
   catalogue (generator/i18n.py, sitesource.script_words), a counted phrase as its forms by CLDR plural
   category, which Intl.PluralRules picks as Babel does on the server. Loaded before tables.js and search.js. */
(function () {
  "use strict";
  var WORDS = {};
  var plurals = new Intl.PluralRules(WORDS.lang);
  var numbers = new Intl.NumberFormat(WORDS.lang);
  /* The phrase `key` with its {placeholders} filled: numbers as the language writes them; `n` picks the form. */
  window.portalSay = function (key, values) {
    values = values || {};
    var phrase = WORDS[key];
    if (typeof phrase === "object") phrase = phrase[plurals.select(values.n)] || phrase.other;
    return phrase.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!(name in values)) return whole;
      return typeof values[name] === "number" ? numbers.format(values[name]) : values[name];
    });
  };
})();
