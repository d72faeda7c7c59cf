"""What a published data version is: its number, date, licence, publisher and how to cite it.

Made from the version's `Metadata` (its `datapackage.yaml` as read by the loader) and
shared by every writer, so the workbook, the Data Package, the catalogue and the changelog agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.package import LICENCES, Metadata
from generator.pii import organisation_number

@dataclass(frozen=True)
class Release:
    package: Metadata  # datapackage.yaml of that version
    date: dt.date | None  # the version's last commit; None outside git
    base_url: str  # the site's absolute URL, ending with /

    @property
    def version(self) -> str:
        return self.package.version

    @property
    def name(self) -> str:
        return self.package.name

    @property
    def licence(self) -> str:
        return self.package.licence

    @property
    def licence_title(self) -> str:
        return LICENCES.get(self.licence, (self.licence, ""))[0]

    @property
    def licence_url(self) -> str:
        return LICENCES.get(self.licence, ("", f"https://spdx.org/licenses/{self.licence}.html"))[1]

    @property
    def publisher(self) -> dict:
        return self.package.publisher

    @property
    def organisation_number(self) -> str | None:
        """The publisher's organisation number (`publisher.organisation_number`), as ten digits."""
        return organisation_number(self.publisher.get("organisation_number") or "")

    def url(self, path: str = "") -> str:
        """Absolute URL of a file of this version's downloads."""
        return f"{self.base_url}data/v{self.version}/{path}"

    def citation(self, lang: str = "sv") -> str:
        """How to cite this version: publisher, title, version, date, stable URL."""
        title = (self.package.title if lang == "sv" else self.package.title_en) or self.package.title
        date = f" ({self.date.isoformat()})" if self.date else ""
        return f"{self.publisher.get('name', '')}: {title}, version {self.version}{date}. {self.url()}"

    def meta(self) -> dict:
        """The facts the workbook's first sheet states."""
        return {"title": self.package.title, "title_en": self.package.title_en,
                "version": self.version, "licence": f"{self.licence_title} ({self.licence}) {self.licence_url}",
                "publisher": self.publisher.get("name", ""), "citation": self.citation(),
                "example_data": self.package.example_data}
