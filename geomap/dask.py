"""Scale-out on Dask: place a corpus of millions of reports partition by partition, in bounded memory.

    from geomap.dask import process_corpus
    process_corpus(["archive/*.jsonl"], "out/", scheduler="processes", workers=2)

JSON Lines files are split into byte ranges that start on line boundaries, with the number of the first line, so
each task reads exactly the records the single-process reader would and produces identical rows and ids. Dask
DataFrames (and CSV/Parquet files, read with dask.dataframe) are processed one partition per task. Every task
writes its own GeoParquet parts (``incidents/part-00000.parquet``, ``mentions/...``) and returns only counts, so
no worker ever holds more than one partition; the per-admin counts are summed at the end and written as
``counts_admin{1,2,3}.parquet``. Each worker process loads the gazetteer once (it is cached per process).
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from geomap.exc import InputError
from geomap.io.readers import expand_inputs

__all__ = ["admin_counts_from_parquet", "jsonl_blocks", "process_corpus", "process_dataframe"]

DEFAULT_BLOCK_BYTES = 2 * 1024 * 1024  # small enough that the last partitions do not leave cores idle


def _import_dask() -> Any:
    try:
        import dask
        import distributed
    except ImportError as exc:  # the [dask] extra
        raise ImportError("geomap.dask needs the 'dask' extra: pip install 'geomap[dask]'") from exc
    return dask, distributed


def jsonl_blocks(
    path: str | os.PathLike[str], block_bytes: int = DEFAULT_BLOCK_BYTES
) -> list[tuple[str, int, int, int]]:
    """(path, start byte, end byte, first line number) blocks covering a JSON Lines file, cut at line starts."""
    path = str(path)
    size = os.path.getsize(path)
    blocks = []
    start, line = 0, 1
    with open(path, "rb") as fh:
        while start < size:
            fh.seek(min(start + block_bytes, size))
            fh.readline()  # finish the line the cut fell in
            end = min(fh.tell(), size)
            fh.seek(start)
            lines = fh.read(end - start).count(b"\n")
            blocks.append((path, start, end, line))
            line += lines
            start = end
    return blocks


def _read_block(path: str, start: int, end: int, first_line: int) -> pd.DataFrame:
    with open(path, "rb") as fh:
        fh.seek(start)
        data = fh.read(end - start)
    rows = []
    for offset, raw in enumerate(data.split(b"\n")):
        if not raw.strip():
            continue
        lineno = first_line + offset
        try:
            rec = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"invalid JSON ({exc})", path=path, line=lineno) from exc
        if isinstance(rec, str):
            rec = {"text": rec}
        if not isinstance(rec, dict):
            raise InputError("expected a JSON object per line", path=path, line=lineno)
        rows.append(
            {
                **{
                    k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in rec.items()
                },
                "_file": path,
                "_line": lineno,
            }
        )
    return pd.DataFrame(rows)


def _process(frame: pd.DataFrame, out_dir: str, part: int, columns: dict[str, Any]) -> dict[str, Any]:
    """Place one partition, write its parts, return counts (runs on a worker)."""
    from geomap.incidents import geocode_incidents
    from geomap.io.writers import write_parquet

    if frame.empty:
        return {"part": part, "incidents": 0, "placed": 0, "mentions": 0, "admin": {}}
    result = geocode_incidents(frame, return_all=True, **columns)
    name = f"part-{part:05d}.parquet"
    write_parquet(result.incidents, Path(out_dir) / "incidents" / name)
    write_parquet(result.mentions, Path(out_dir) / "mentions" / name)
    placed = result.incidents[result.incidents["status"] == "placed"]
    admin = {f"admin{lv}": placed[f"admin{lv}_pcode"].value_counts().to_dict() for lv in (1, 2, 3)}
    return {
        "part": part,
        "incidents": len(result.incidents),
        "placed": len(placed),
        "mentions": len(result.mentions),
        "admin": admin,
    }


def _process_block(
    block: tuple[str, int, int, int], out_dir: str, part: int, columns: dict[str, Any]
) -> dict[str, Any]:
    """Read and place one JSON Lines block in the same task, so no partition travels between workers."""
    return _process(_read_block(*block), out_dir, part, columns)


def _client(scheduler: str, workers: int | None, memory_limit: str | None) -> Any:
    _, distributed = _import_dask()
    if scheduler in ("local", "processes"):
        return distributed.Client(
            distributed.LocalCluster(
                n_workers=workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                memory_limit=memory_limit or "auto",
                dashboard_address=None,
            )
        )
    if scheduler == "threads":
        return distributed.Client(
            distributed.LocalCluster(
                n_workers=1, threads_per_worker=workers or 2, processes=False, dashboard_address=None
            )
        )
    return distributed.Client(scheduler)  # an address: tcp://host:8786


def _run(
    tasks: list[Any],
    out: Path,
    *,
    client: Any,
    scheduler: str,
    workers: int | None,
    memory_limit: str | None = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Compute the partition tasks on `client` (or on a cluster made for the call and closed after it)."""
    own = client is None
    client = client or _client(scheduler, workers, memory_limit)
    try:
        futures = client.compute(tasks)
        if progress:
            from distributed import as_completed
            from tqdm.auto import tqdm

            for _ in tqdm(as_completed(futures), total=len(futures), desc="partitions"):
                pass
        summaries = client.gather(futures)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None:
                cluster.close()
    return _finish(out, sorted(summaries, key=lambda s: s["part"]))


def _finish(out_dir: Path, summaries: list[dict[str, Any]]) -> dict[str, Any]:
    from collections import Counter

    from geomap.gazetteer import load_gazetteer
    from geomap.io.writers import write_parquet
    from geomap.layers import counts_layer

    gaz = load_gazetteer()
    for lv in (1, 2, 3):
        totals: Counter[str] = Counter()
        for s in summaries:
            totals.update({pcode: int(n) for pcode, n in s["admin"].get(f"admin{lv}", {}).items()})
        write_parquet(counts_layer(totals, lv, gaz), out_dir / f"counts_admin{lv}.parquet")
    return {
        "partitions": len(summaries),
        "incidents": sum(s["incidents"] for s in summaries),
        "placed": sum(s["placed"] for s in summaries),
        "mentions": sum(s["mentions"] for s in summaries),
        "output": str(out_dir),
    }


_DASK_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


def _expand(paths: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Input files: glob patterns expanded, then files and folders as the single-process reader takes them
    (`expand_inputs`), keeping from folders the formats processed here."""
    out: list[str] = []
    for p in map(str, paths):
        for m in sorted(glob.glob(p)) if any(ch in p for ch in "*?[") else [p]:
            files = expand_inputs([m])
            out.extend(str(f) for f in files if not os.path.isdir(m) or f.suffix.lower() in _DASK_SUFFIXES)
    if not out:
        raise InputError("no input files", path=", ".join(map(str, paths)))
    return out


def process_corpus(
    paths: Iterable[str | os.PathLike[str]] | str,
    out_dir: str | os.PathLike[str],
    *,
    scheduler: str = "processes",
    workers: int | None = None,
    block_bytes: int = DEFAULT_BLOCK_BYTES,
    memory_limit: str | None = None,
    client: Any = None,
    progress: bool = False,
    **columns: Any,
) -> dict[str, Any]:
    """Place every record of a corpus (JSON Lines, CSV, Parquet files) on Dask and write partitioned GeoParquet.

    `scheduler` is ``processes`` (a local cluster of `workers` processes), ``threads``, or a scheduler address;
    pass an existing distributed `client` to reuse it. Returns counts."""
    dask, _ = _import_dask()
    files = _expand([paths] if isinstance(paths, (str, os.PathLike)) else paths)
    out = Path(out_dir)
    (out / "incidents").mkdir(parents=True, exist_ok=True)
    (out / "mentions").mkdir(parents=True, exist_ok=True)
    tasks = []
    part = 0
    process = dask.delayed(_process, pure=True)
    process_block = dask.delayed(_process_block, pure=True)
    for f in files:
        suffix = Path(f).suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            for block in jsonl_blocks(f, block_bytes):
                tasks.append(process_block(block, str(out), part, columns))
                part += 1
        else:
            import dask.dataframe as dd

            ddf = (
                dd.read_csv(f, dtype=str, blocksize=block_bytes, keep_default_na=False)
                if suffix == ".csv"
                else dd.read_parquet(f)
            )
            for piece in ddf.to_delayed():
                tasks.append(process(piece, str(out), part, columns))
                part += 1
    return _run(
        tasks, out, client=client, scheduler=scheduler, workers=workers, memory_limit=memory_limit, progress=progress
    )


def admin_counts_from_parquet(incidents_dir: str | os.PathLike[str], level: int = 1) -> pd.DataFrame:
    """Incidents per admin unit by a spatial join of the partitioned incident points with the admin polygons
    (dask-geopandas), independent of the admin codes stored on each row — a check on them, and the way to count
    points that came with their own coordinates from anywhere."""
    import dask_geopandas

    from geomap.gazetteer import load_gazetteer

    kind = {1: "governorate", 2: "district", 3: "subdistrict"}[level]
    points = dask_geopandas.read_parquet(str(Path(incidents_dir) / "*.parquet"))
    points = points[points["status"] == "placed"][["event_id_cnty", "geometry"]]
    units = load_gazetteer().layer(kind)[["pcode", "geometry"]]
    joined = dask_geopandas.sjoin(points, units, predicate="within")
    counts = joined.groupby("pcode")["event_id_cnty"].count().compute()
    return counts.rename("incidents").sort_index().reset_index()


def process_dataframe(
    ddf: Any,
    out_dir: str | os.PathLike[str],
    *,
    client: Any = None,
    scheduler: str = "processes",
    workers: int | None = None,
    **columns: Any,
) -> dict[str, Any]:
    """The same for a dask DataFrame already in hand: one task per partition."""
    dask, _ = _import_dask()
    out = Path(out_dir)
    (out / "incidents").mkdir(parents=True, exist_ok=True)
    (out / "mentions").mkdir(parents=True, exist_ok=True)
    process = dask.delayed(_process, pure=True)
    tasks = [process(piece, str(out), i, columns) for i, piece in enumerate(ddf.to_delayed())]
    return _run(tasks, out, client=client, scheduler=scheduler, workers=workers)
