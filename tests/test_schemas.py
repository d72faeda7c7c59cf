"""The Table Schemas stand on their own: Frictionless reads them, and catches a broken
foreign key in plain CSV files without any of our code in between."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from frictionless import Schema

from generator.entities import PUBLISHED, RESOURCES, SCHEMA_DIR, schema_descriptor

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


@pytest.mark.parametrize("resource", PUBLISHED)
def test_schema_is_valid_table_schema_with_both_languages(resource):
    schema = Schema.from_descriptor(str(SCHEMA_DIR / f"{resource}.json"))
    assert schema.primary_key
    descriptor = schema_descriptor(resource)
    for key in ("title", "title_en", "description", "description_en"):
        assert descriptor[key], f"{resource}: {key}"
    for field in descriptor["fields"]:
        for key in ("title", "title_en", "description", "description_en"):
            assert field.get(key), f"{resource}.{field['name']}: {key}"
        if "x-labels" in field:  # labels for exactly the allowed codes, of an enum or a ;-list pattern
            codes = field["constraints"].get("enum") or field["constraints"]["pattern"].split(")")[0].strip("^(").split("|")
            assert set(field["x-labels"]) == set(codes), field["name"]


def test_foreign_keys_point_at_existing_resources_and_fields():
    for resource in PUBLISHED:
        for fk in schema_descriptor(resource).get("foreignKeys", []):
            target = fk["reference"]["resource"]
            assert target in RESOURCES
            target_fields = {f["name"] for f in schema_descriptor(target)["fields"]}
            assert fk["reference"]["fields"] in target_fields


def _package(tmp_path: Path, trip_body: str) -> Path:
    """A two-table data package in CSV, using our schema files as they are."""
    def slim(resource: str, keep: list[str]) -> dict:
        schema = json.loads((SCHEMA_DIR / f"{resource}.json").read_text(encoding="utf-8"))
        schema["fields"] = [f for f in schema["fields"] if f["name"] in keep]
        schema["foreignKeys"] = [fk for fk in schema.get("foreignKeys", []) if fk["fields"] in keep]
        return schema

    (tmp_path / "municipalities.csv").write_text("id,name,country,twin_city_policy\nstockholm,Stockholms stad,SE,forbidden\n", encoding="utf-8")
    (tmp_path / "bodies.csv").write_text(f"id,municipality_id,name,kind\nks,{trip_body},Kommunstyrelsen,executive_board\n", encoding="utf-8")
    package = {
        "name": "test",
        "resources": [
            {"name": "municipalities", "path": "municipalities.csv", "schema": slim("municipalities", ["id", "name", "country", "twin_city_policy"])},
            {"name": "bodies", "path": "bodies.csv", "schema": slim("bodies", ["id", "municipality_id", "name", "kind"])},
        ],
    }
    path = tmp_path / "datapackage.json"
    path.write_text(json.dumps(package), encoding="utf-8")
    return path


def test_frictionless_cli_accepts_good_csv(tmp_path):
    result = subprocess.run([str(FRICTIONLESS), "validate", str(_package(tmp_path, "stockholm"))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_frictionless_cli_rejects_a_broken_foreign_key(tmp_path):
    result = subprocess.run([str(FRICTIONLESS), "validate", str(_package(tmp_path, "stokholm"))], capture_output=True, text=True)
    assert result.returncode != 0
    assert "foreign-key" in result.stdout
    assert "stokholm" in result.stdout
