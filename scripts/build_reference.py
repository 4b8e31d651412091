"""Rebuild the packaged reference tables from ``../shared/data`` (run from the repository root).

    python scripts/build_reference.py [--shared ../shared]

Writes ``src/orewire/data/reference/``:
- ``china_mofcom.csv``: copied unchanged (China's mineral export-control measures);
- ``usgs_world.csv``: USGS MCS 2025 and 2024 world production and reserves by country, from the
  derived share table, with an ISO 3166 alpha-3 code added to every country row;
- ``usgs_concentration.csv`` and ``usgs_world_long.csv.gz``: the other derived tables, unchanged
  (the long table gzipped).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import re
import shutil
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "orewire" / "data" / "reference"

# USGS spellings that pycountry does not resolve by name.
USGS_NAMES = {
    "Burma": "MMR", "Congo (Kinshasa)": "COD", "Congo (Brazzaville)": "COG", "Korea, North": "PRK",
    "Korea, Republic of": "KOR", "Laos": "LAO", "Russia": "RUS", "Iran": "IRN", "Syria": "SYR",
    "Turkey": "TUR", "Vietnam": "VNM", "Bolivia": "BOL", "Tanzania": "TZA", "Taiwan": "TWN",
    "Côte d’Ivoire": "CIV", "Czechia": "CZE", "Moldova": "MDA", "Venezuela": "VEN",
}


def iso3(usgs_country: str) -> str:
    """ISO3 for a USGS country label; '' for aggregates ('Other countries') and unknown labels."""
    name = usgs_country.replace("\xa0", " ").strip()
    if name in USGS_NAMES:
        return USGS_NAMES[name]
    name = re.sub(r"\s*\(.*\)$", "", name)          # "Brazil (beneficiated)"
    name = re.sub(r",\s*concentrate$", "", name)     # "Ukraine, concentrate"
    for candidate in (name, name[:-1] if name.endswith("e") else None):  # MCS2024 "Russiae" = Russia, estimated
        if not candidate:
            continue
        if candidate in USGS_NAMES:
            return USGS_NAMES[candidate]
        try:
            return pycountry.countries.lookup(candidate).alpha_3
        except LookupError:
            continue
    return ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared", help="the shared data folder")
    args = ap.parse_args()
    data = Path(args.shared) / "data"
    OUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(data / "export_controls" / "china_mofcom.csv", OUT / "china_mofcom.csv")
    unmapped: set[str] = set()
    with open(data / "usgs_mcs" / "derived" / "mcs_country_shares.csv", newline="", encoding="utf-8") as src, \
            open(OUT / "usgs_world.csv", "w", newline="", encoding="utf-8") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=[*reader.fieldnames, "iso3"], lineterminator="\n")  # type: ignore[misc]
        writer.writeheader()
        for row in reader:
            code = iso3(row["country"])
            if not code:
                unmapped.add(row["country"])
            writer.writerow({**row, "country": row["country"].replace("\xa0", " "), "iso3": code})
    derived = data / "usgs_mcs" / "derived"
    shutil.copyfile(derived / "mcs_concentration.csv", OUT / "usgs_concentration.csv")
    with open(derived / "mcs_world_long.csv", "rb") as src, open(OUT / "usgs_world_long.csv.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as dst:
        shutil.copyfileobj(src, dst)  # every value with its unit, flags and notes (production, capacity, reserves)
    if unmapped:
        print("no ISO3 for:", sorted(unmapped), file=sys.stderr)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
