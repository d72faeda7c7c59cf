"""What a published data version is: its number, date, licence, publisher and how to cite it.

Read once from `datapackage.yaml` (as it was in that version) and shared by every
writer, so the workbook, the Data Package, the catalogue and the changelog agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.pii import organisation_number

DEFAULT_LICENCE = "CC0-1.0"
LICENCES = {  # SPDX id -> (title, URL of the licence text)
    "CC0-1.0": ("Creative Commons Zero v1.0 Universal", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "CC-BY-4.0": ("Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution Share Alike 4.0 International",
                     "https://creativecommons.org/licenses/by-sa/4.0/"),
}


@dataclass(frozen=True)
class Release:
    package: dict  # datapackage.yaml of that version
    date: dt.date | None  # the version's last commit; None outside git
    base_url: str  # the site's absolute URL, ending with /

    @property
    def version(self) -> str:
        return str(self.package.get("version", "0.0.0"))

    @property
    def name(self) -> str:
        return str(self.package.get("name", "data"))

    @property
    def licence(self) -> str:
        return str(self.package.get("licence") or DEFAULT_LICENCE)

    @property
    def licence_title(self) -> str:
        return LICENCES.get(self.licence, (self.licence, ""))[0]

    @property
    def licence_url(self) -> str:
        return LICENCES.get(self.licence, ("", f"https://spdx.org/licenses/{self.licence}.html"))[1]

    @property
    def publisher(self) -> dict:
        publisher = self.package.get("publisher") or {}
        return publisher if isinstance(publisher, dict) else {"name": str(publisher)}

    @property
    def organisation_number(self) -> str | None:
        """The publisher's organisation number (`publisher.organisation_number`), as ten digits."""
        return organisation_number(self.publisher.get("organisation_number") or "")

    def url(self, path: str = "") -> str:
        """Absolute URL of a file of this version's downloads."""
        return f"{self.base_url}data/v{self.version}/{path}"

    def citation(self, lang: str = "sv") -> str:
        """How to cite this version: publisher, title, version, date, stable URL."""
        title = self.package.get("title" if lang == "sv" else "title_en") or self.package.get("title", self.name)
        date = f" ({self.date.isoformat()})" if self.date else ""
        return f"{self.publisher.get('name', '')}: {title}, version {self.version}{date}. {self.url()}"

    def meta(self) -> dict:
        """The facts the workbook's first sheet states."""
        return {"title": self.package.get("title", self.name), "title_en": self.package.get("title_en", ""),
                "version": self.version, "licence": f"{self.licence_title} ({self.licence}) {self.licence_url}",
                "publisher": self.publisher.get("name", ""), "citation": self.citation(),
                "example_data": bool(self.package.get("example_data"))}
