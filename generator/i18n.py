"""The site's languages: which one a page is being rendered in, and its interface text in English.

Swedish is the source language. Code and templates write each interface string in
Swedish, `t("Resor")` or `t("Resor {year}", year=2016)`, and an English page looks the
string up in `catalogue_en.EN`. A string missing there stops the English rendering
with `MissingTranslation` naming it, rather than leaving Swedish on an English page;
`tests/test_english.py` names every `t("...")` in the code that the catalogue lacks.

Free text from the data (titles, names, purposes, reports) is not translated: on
English pages it is marked `lang="sv"` (`from_data`) so a screen reader reads it as
Swedish. Which language is current is a context variable set around a rendering
(`language("en")`), so the many small functions that format a page need no argument
for it.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from typing import Iterator

from babel import Locale
from markupsafe import Markup

from generator.catalogue_en import EN

LANGUAGES = ("sv", "en")
"""Swedish first: the site's own language; English is its twin under `en/`."""
NAMES = {"sv": "Svenska", "en": "English"}
"""Each language in its own words, as the language switch names it."""
CATALOGUES = {"en": EN}


def other(lang: str) -> str:
    """The language a page's switch leads to."""
    return next(language for language in LANGUAGES if language != lang)


_current: contextvars.ContextVar[str] = contextvars.ContextVar("portal_language", default="sv")


class MissingTranslation(KeyError):
    """An interface string without its English: add it to `generator/catalogue_en.py`."""

    def __str__(self) -> str:
        return f"no English for {self.args[0]!r}: add it to generator/catalogue_en.py"


def current() -> str:
    return _current.get()


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Render in `lang` inside the block."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language: {lang!r}")
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def key(text: str, context: str = "") -> str:
    """The catalogue's key of `text`: itself, or `context|text` where one Swedish word has two English ones
    (`Organ`: *Bodies* in the menu, *Body* heading a column of single bodies: `context="singular"`)."""
    return f"{context}|{text}" if context else text


def t(text: str, context: str = "", **values) -> str:
    """`text` (Swedish) in the current language, its `{placeholders}` filled from `values`."""
    lang = _current.get()
    if lang != "sv":
        try:
            text = CATALOGUES[lang][key(text, context)]
        except KeyError:
            raise MissingTranslation(key(text, context)) from None
    return text.format(**values) if values else text


def plural_form(n, lang: str | None = None) -> str:
    """The CLDR plural category of `n` in `lang` ('one', 'other', ...), as Babel and the browser's
    `Intl.PluralRules` both give it: never a hand-written `n == 1`."""
    return Locale.parse(lang or _current.get()).plural_form(abs(n))


def plural_forms(one: str, other: str) -> dict[str, str]:
    """A counted phrase's forms in the current language by plural category, from its two Swedish forms.

    The English catalogue holds them under the Swedish singular's key (`{"one": ..., "other": ...}`)."""
    lang = _current.get()
    if lang == "sv":
        return {"one": one, "other": other}
    try:
        return CATALOGUES[lang][key(one)]
    except KeyError:
        raise MissingTranslation(key(one)) from None


def n_(one: str, other: str, count, **values) -> str:
    """The form of a counted phrase that `count` takes in the current language, `{n}` and `values` filled in.

    Written in Swedish as its two forms, `n_("{n} resa", "{n} resor", count)`. `count` fills `{n}` as given
    unless `values` has an `n` (the number formatted for the page)."""
    forms = plural_forms(one, other)
    text = forms.get(plural_form(count), forms["other"])
    return text.format(**{"n": count, **values})


def record_counts(added: int, changed: int, removed: int) -> str:
    """How many records a change added, changed and removed, each counted apart (the versions page, `portal diff`)."""
    return t("Poster: {added}, {changed}, {removed}.", added=n_("{n} tillagd", "{n} tillagda", added),
             changed=n_("{n} ändrad", "{n} ändrade", changed), removed=n_("{n} borttagen", "{n} borttagna", removed))


def data_lang() -> str | None:
    """The `lang` of a text from the data on the page being rendered: None on Swedish pages, where it is the page's."""
    return None if _current.get() == "sv" else "sv"


def from_data(value) -> str | Markup:
    """Free text from the data as a page shows it: on an English page wrapped in `<span lang="sv">`."""
    if _current.get() == "sv" or value is None or value == "" or value == "–":
        return value
    return Markup('<span lang="sv">{}</span>').format(value)
