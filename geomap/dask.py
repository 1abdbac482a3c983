"""Scale-out on Dask: place a corpus of millions of records block by block, in bounded memory, with exactly the
rows, ids and order of the single-process path.

    from geomap.dask import process_corpus
    process_corpus(["archive/*.jsonl"], "out/", scheduler="processes", workers=2)

Every input file is split as `geomap.io.readers.split_file` cuts it (JSON Lines and CSV/TSV into byte ranges that
start at a record, with the number of their first line; Parquet into runs of row groups; other formats whole), and
each block is read and placed by one task with the same readers and placers as `iter_incidents`, the reading
options (encoding, column choices) travelling with it. A task writes its parts (GeoParquet) into a staging folder
and returns only counts and its ids, so no worker holds more than one block. Ids are then made unique over the
whole corpus in input order, as `iter_incidents` does, and only parts holding a renamed id are rewritten.

`process_corpus` publishes a partitioned dataset: ``incidents/part-NNNNN.parquet``, ``mentions/...``,
``areas.parquet`` and ``counts_admin{1,2,3}.parquet``, replacing any parts an earlier run left. `corpus_parts`
streams the placed parts in order instead, for `geomap.write_layers` (what ``geomap incidents --scheduler`` does:
its outputs are the same files the single-process command writes); asked to merge the reports of one event, it plans
each event type's merge on a worker while the cluster is up (`geomap.incidents.merged_parts`).
"""

from __future__ import annotations

import contextlib
import functools
import glob
import os
import shutil
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.coding.merge import MergePlan
from geomap.exc import InputError
from geomap.incidents import ColumnMap, Incidents
from geomap.incidents.areas import AreaTally
from geomap.incidents.chunk import MentionScope, Placers, apply_renames, place_chunk
from geomap.incidents.frames import concat_incidents, mention_frame
from geomap.incidents.ids import IdRegistry
from geomap.incidents.merging import StoredParts, merge_plan, merge_rows, merged_by_plan, plan_shards_here
from geomap.incidents.schema import CRS
from geomap.io.readers import BLOCK_BYTES, CHUNK_ROWS, Block, expand_inputs, read_block, split_file
from geomap.kinds import KIND_OF_ADMIN_LEVEL
from geomap.layers import ADMIN_LEVELS, counts_layer, placed_counts
from geomap.scheduler import CONNECT_SECONDS, check_scheduler_address

__all__ = ["Scheduler", "admin_counts_from_parquet", "corpus_parts", "process_corpus", "process_dataframe"]

LAYERS = ("incidents", "mentions")  # written part by part; areas and counts are gathered at the end


class Scheduler(StrEnum):
    """Where tasks run; any other value is taken as a scheduler address (``tcp://host:8786``)."""

    PROCESSES = "processes"  # a local cluster of worker processes, one thread each
    THREADS = "threads"  # one local worker process with several threads
    LOCAL = "local"  # the same as processes


def _import_dask() -> Any:
    try:
        import dask
        import distributed
    except ImportError as exc:  # the [dask] extra
        msg = "geomap.dask needs the 'dask' extra: pip install 'geomap[dask]'"
        raise ImportError(msg) from exc
    return dask, distributed


# --------------------------------------------------------------------------------------------- on workers
@dataclass
class PartSummary:
    """What a task returns: counts, its ids (for making them unique over the corpus) and its areas."""

    part: int
    ids: list[str]
    generated: np.ndarray
    mention_counts: np.ndarray
    placed: int
    admin: dict[int, Counter]
    areas: gpd.GeoDataFrame
    event_index: np.ndarray | None = None  # per incident: 0 for a record, k for a report's (k+1)-th event
    merge_rows: pd.DataFrame | None = None  # what merging reads of its incidents, when the run merges
    stop: InputError | None = None  # where reading its block stopped (the records before it are in the part)
    mentions: int = field(init=False)

    def __post_init__(self) -> None:
        self.mentions = int(self.mention_counts.sum())


@functools.cache
def _placers() -> Placers:
    """One set of placers (gazetteer, geocoder, geoparser) per worker process."""
    from geomap.gazetteer import load_gazetteer

    return Placers(load_gazetteer())


def _part_name(part: int) -> str:
    return f"part-{part:05d}.parquet"


def _place_frames(frames: Iterable[pd.DataFrame], stage: str, part: int, opts: _Options) -> PartSummary:
    """Place the frames of one task, write its parts into `stage`, return its summary."""
    from geomap.io.writers import write_parquet

    placed = [
        place_chunk(f, opts.columns.recognise(f.columns), _placers(), mentions=opts.mentions)
        for f in frames
        if not f.empty
    ]
    if not placed:
        return PartSummary(part, [], np.zeros(0, bool), np.zeros(0, int), 0, {}, AreaTally().frame())
    result = concat_incidents([p.result for p in placed])
    for layer in LAYERS:
        write_parquet(getattr(result, layer), Path(stage) / layer / _part_name(part))
    inc = result.incidents
    return PartSummary(
        part=part,
        ids=inc["event_id_cnty"].tolist(),
        generated=np.concatenate([p.generated for p in placed]),
        mention_counts=np.concatenate([p.mention_counts for p in placed]),
        placed=int((inc["status"] == "placed").sum()),
        admin={level: placed_counts(inc, level) for level in ADMIN_LEVELS},
        areas=result.areas,
        event_index=np.concatenate([p.event_index for p in placed]),
        merge_rows=merge_rows(inc) if opts.merge else None,
    )


def _place_block(block: Block, stage: str, part: int, opts: _Options) -> PartSummary:
    """Read and place one block in the same task, so no records travel between workers. Where the block cannot be
    read further, its records up to there and one flagged record are placed and the error is returned with them:
    the client decides, in input order, what one process would have done (`_as_one_process`)."""
    stops: list[InputError] = []
    frames = read_block(block, chunk_rows=CHUNK_ROWS, flag_unreadable=True, on_stop=stops.append)
    summary = _place_frames(frames, stage, part, opts)
    summary.stop = stops[0] if stops else None
    return summary


def _blocks(path: str, opts: _Options, lenient: bool) -> list[Block]:
    """A file's blocks; with `lenient`, a file that cannot even be split is one block (flagged when read)."""
    try:
        return split_file(path, encoding=opts.encoding, block_bytes=opts.block_bytes)
    except InputError:
        if not lenient:
            raise
        return [Block(path, encoding=opts.encoding)]


def _place_partition(frame: pd.DataFrame, first_line: int, stage: str, part: int, opts: _Options) -> PartSummary:
    """Place one partition of a Dask DataFrame; rows are numbered over the whole frame."""
    frame = frame.reset_index(drop=True).assign(_file="<data>", _line=range(first_line, first_line + len(frame)))
    return _place_frames([frame], stage, part, opts)


# ------------------------------------------------------------------------------------------- on the client
def _client(scheduler: Scheduler | str, workers: int | None, memory_limit: str | None) -> Any:
    _, distributed = _import_dask()
    kind = Scheduler(scheduler) if scheduler in set(Scheduler) else None
    if kind in (Scheduler.PROCESSES, Scheduler.LOCAL):
        cluster = distributed.LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit or "auto",
            dashboard_address=None,
        )
        return distributed.Client(cluster)
    if kind is Scheduler.THREADS:
        cluster = distributed.LocalCluster(
            n_workers=1, threads_per_worker=workers or 2, processes=False, dashboard_address=None
        )
        return distributed.Client(cluster)
    if "://" not in str(scheduler) and ":" not in str(scheduler):
        msg = f"unknown scheduler {scheduler!r}; use {', '.join(Scheduler)} or an address such as tcp://host:8786"
        raise ValueError(msg)
    check_scheduler_address(str(scheduler))
    return distributed.Client(str(scheduler), timeout=f"{CONNECT_SECONDS}s")


@contextlib.contextmanager
def _connected(client: Any, scheduler: Scheduler | str, workers: int | None, memory_limit: str | None) -> Iterator[Any]:
    """`client`, or the client of a cluster made for the run and closed when it ends."""
    if client is not None:
        yield client
        return
    client = _client(scheduler, workers, memory_limit)
    try:
        yield client
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None:
            cluster.close()


def _compute(tasks: list[Any], client: Any, progress: bool) -> list:
    """Run the tasks on `client`; their summaries by part."""
    futures = client.compute(tasks)
    if progress:
        from distributed import as_completed
        from tqdm.auto import tqdm

        for _ in tqdm(as_completed(futures), total=len(futures), desc="partitions"):
            pass
    return sorted(client.gather(futures), key=lambda s: s.part)


def _plan_on_workers(client: Any, shards: list[pd.DataFrame]) -> list[MergePlan]:
    """Plan a merge's shards side by side (`geomap.incidents.merging.ShardPlanner`): packed into one batch per
    worker, most rows first into the lightest batch, each batch sent to its worker and planned there."""
    workers = sorted(client.nthreads())  # every worker (a scheduler's summary may list only some)
    if not workers:
        return plan_shards_here(shards)
    batches: list[list[int]] = [[] for _ in workers]
    rows = [0] * len(workers)
    for k in sorted(range(len(shards)), key=lambda k: -len(shards[k])):
        lightest = rows.index(min(rows))
        batches[lightest].append(k)
        rows[lightest] += len(shards[k])
    running = []
    for worker, batch in zip(workers, batches, strict=True):
        if batch:
            sent = client.scatter([shards[k] for k in batch], workers=[worker], hash=False)
            task = client.submit(plan_shards_here, sent, workers=[worker], allow_other_workers=True, pure=False)
            running.append((batch, task))
    plans: dict[int, MergePlan] = {}
    for batch, future in running:
        plans.update(zip(batch, future.result(), strict=True))
    return [plans[k] for k in range(len(shards))]


def _files(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str]:
    """Input files: glob patterns expanded (for shells that did not), then files and folders as the
    single-process reader takes them."""
    paths = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    out: list[str] = []
    for p in map(str, paths):
        for m in sorted(glob.glob(p)) if any(ch in p for ch in "*?[") else [p]:
            out.extend(str(f) for f in expand_inputs([m]))
    if not out:
        raise InputError("no input files", path=", ".join(map(str, paths)))
    return out


def _unique_ids(summaries: list[PartSummary], stage: Path) -> None:
    """Make ids unique over the corpus in input order; rewrite the staged parts that hold a renamed id."""
    from geomap.io.writers import write_parquet

    registry = IdRegistry()
    for s in summaries:
        renames = registry.assign(s.ids, s.generated, s.event_index)
        if not renames:
            continue
        name = _part_name(s.part)
        incidents, mentions = _read_part(stage / "incidents" / name), _read_part(stage / "mentions" / name)
        apply_renames(incidents, mentions, s.mention_counts, renames)
        write_parquet(incidents, stage / "incidents" / name)
        write_parquet(mentions, stage / "mentions" / name)
        s.ids = incidents["event_id_cnty"].tolist()
        if s.merge_rows is not None:
            s.merge_rows["event_id_cnty"] = incidents["event_id_cnty"].to_numpy()


@dataclass(frozen=True)
class _Options:
    """Reading and placing options every task gets."""

    columns: ColumnMap
    mentions: MentionScope
    encoding: str | None
    block_bytes: int
    merge: bool = False  # tasks also return what merging reads (`merge_rows`)


def _place_corpus(files: list[str], stage: Path, opts: _Options, client: Any, progress: bool) -> list[PartSummary]:
    dask, _ = _import_dask()
    for layer in LAYERS:
        (stage / layer).mkdir(parents=True, exist_ok=True)
    place = dask.delayed(_place_block, pure=True)
    lenient = len(files) > 1  # as `iter_incidents`: in a run of several files one bad file is one flagged record
    blocks = [b for f in files for b in _blocks(f, opts, lenient)]
    tasks = [place(b, str(stage), i, opts) for i, b in enumerate(blocks)]
    summaries = _as_one_process(_compute(tasks, client, progress), blocks, lenient, stage)
    if not any(s.ids for s in summaries):
        raise InputError("no records in the input", path=", ".join(files))
    _unique_ids(summaries, stage)
    return summaries


def _as_one_process(summaries: list[PartSummary], blocks: list[Block], lenient: bool, stage: Path) -> list[PartSummary]:
    """The parts one process reading the blocks in order would give: it stops at the first block that cannot be
    read to its end (raising its error, unless `lenient`), and does not read the rest of that file (the later
    blocks' staged parts are removed)."""
    kept: list[PartSummary] = []
    stopped: set[str] = set()
    for s in summaries:
        path = blocks[s.part].path
        if path in stopped:
            for layer in LAYERS:
                (stage / layer / _part_name(s.part)).unlink(missing_ok=True)
            continue
        if s.stop is not None:
            if not lenient:
                raise s.stop
            stopped.add(path)
        kept.append(s)
    return kept


def _totals(summaries: list[PartSummary], output: str) -> dict[str, Any]:
    return {
        "partitions": len(summaries),
        "incidents": sum(len(s.ids) for s in summaries),
        "placed": sum(s.placed for s in summaries),
        "mentions": sum(s.mentions for s in summaries),
        "output": output,
    }


def _publish(stage: Path, out: Path, summaries: list[PartSummary]) -> None:
    """Move the staged parts into `out` (replacing an earlier run's), then write the areas and counts."""
    from geomap.gazetteer import load_gazetteer
    from geomap.io.writers import write_parquet

    for layer in LAYERS:
        target = out / layer
        if target.exists():
            shutil.rmtree(target)
        os.replace(stage / layer, target)
    areas = AreaTally()
    for s in summaries:
        areas.add_frame(s.areas)
    write_parquet(areas.frame(), out / "areas.parquet")
    gaz = load_gazetteer()
    for level in ADMIN_LEVELS:
        totals: Counter[str] = Counter()
        for s in summaries:
            totals.update(s.admin.get(level, {}))
        write_parquet(counts_layer(totals, level, gaz), out / f"counts_admin{level}.parquet")


@contextlib.contextmanager
def _staging(beside: Path) -> Iterator[Path]:
    """A hidden folder for the parts of one run, removed when the run ends (whether it succeeded or not)."""
    beside.mkdir(parents=True, exist_ok=True)
    stage = beside / f".geomap-parts-{uuid.uuid4().hex[:12]}"
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _options(
    columns: ColumnMap | None,
    mentions: MentionScope | str,
    encoding: str | None,
    block_bytes: int,
    merge: bool = False,
) -> _Options:
    return _Options(columns or ColumnMap(), MentionScope(mentions), encoding, block_bytes, merge)


def process_corpus(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    scheduler: Scheduler | str = Scheduler.PROCESSES,
    workers: int | None = None,
    encoding: str | None = None,
    columns: ColumnMap | None = None,
    mentions: MentionScope | str = MentionScope.ALL,
    block_bytes: int = BLOCK_BYTES,
    memory_limit: str | None = None,
    client: Any = None,
    progress: bool = False,
) -> dict[str, Any]:
    """Place every record of a corpus on Dask and write it as a partitioned GeoParquet dataset.

    Parameters
    ----------
    paths : path, glob pattern, or iterable of them
        Files and folders of any supported format (as `iter_incidents` reads them).
    out_dir : path
        Receives ``incidents/`` and ``mentions/`` (one ``part-NNNNN.parquet`` per block, in input order),
        ``areas.parquet`` and ``counts_admin{1,2,3}.parquet``; parts of an earlier run there are replaced.
    scheduler : Scheduler or str
        ``processes`` (a local cluster of `workers` processes), ``threads``, or a scheduler address.
    workers : int, optional
        Local workers (default: one per core).
    encoding : str, optional
        Encoding of the text files (detected per file when not given).
    columns : ColumnMap, optional
        The user's column choices (`ColumnMap.from_options`); recognition by name otherwise.
    mentions : MentionScope or {"all", "placing", "none"}
        Which texts to geoparse, and which mentions the mentions parts list.
    block_bytes : int
        About how much of a file one task reads.
    memory_limit : str, optional
        Per-worker memory limit of a local cluster (default "auto").
    client : distributed.Client, optional
        An existing client to run on (then `scheduler`, `workers` and `memory_limit` are not used).
    progress : bool
        A progress bar of finished blocks.

    Returns
    -------
    dict
        ``partitions``, ``incidents``, ``placed``, ``mentions`` and ``output``.
    """
    files, out, opts = _files(paths), Path(out_dir), _options(columns, mentions, encoding, block_bytes)
    with _staging(out) as stage, _connected(client, scheduler, workers, memory_limit) as connected:
        summaries = _place_corpus(files, stage, opts, connected, progress)
        _publish(stage, out, summaries)
    return _totals(summaries, str(out))


def _read_part(path: Path, rows: np.ndarray | None = None) -> gpd.GeoDataFrame:
    """A staged part (or its `rows` only), its text read as Arrow strings (not turned back into Python strings only
    to be written out again) and its CRS known rather than parsed from each file."""
    import pyarrow.parquet as pq
    import shapely

    table = pq.read_table(path)
    if rows is not None:
        table = table.take(rows)
    frame = table.drop_columns(["geometry"]).to_pandas()
    geometry = gpd.GeoSeries(shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False)), crs=CRS)
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=CRS)


@dataclass(frozen=True)
class _StagedParts(StoredParts):
    """The placed parts staged on disk, read one by one, in input order (parts with no incident left out)."""

    stage: Path
    summaries: list[PartSummary]
    mentions: MentionScope

    def __len__(self) -> int:
        return len(self.summaries)

    def __getitem__(self, k: int) -> Incidents:
        s = self.summaries[k]
        name = _part_name(s.part)
        listed = self.mentions is not MentionScope.NONE  # otherwise the parts are empty: not worth reading
        part_mentions = _read_part(self.stage / "mentions" / name) if listed else mention_frame({}, 0)
        return Incidents(_read_part(self.stage / "incidents" / name), part_mentions, s.areas)

    def incident_rows(self, k: int, rows: np.ndarray) -> pd.DataFrame:
        return _read_part(self.stage / "incidents" / _part_name(self.summaries[k].part), rows)


@contextlib.contextmanager
def corpus_parts(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    staging_dir: str | os.PathLike[str],
    scheduler: Scheduler | str = Scheduler.PROCESSES,
    workers: int | None = None,
    encoding: str | None = None,
    columns: ColumnMap | None = None,
    mentions: MentionScope | str = MentionScope.ALL,
    block_bytes: int = BLOCK_BYTES,
    client: Any = None,
    progress: bool = False,
    merge: bool = False,
) -> Iterator[Iterator[Incidents]]:
    """Place a corpus on Dask; inside the block, its placed parts stream in input order (ids unique, as
    `iter_incidents` yields them), ready for `geomap.write_layers`.

    The parts are staged in a hidden folder made in `staging_dir` (visible to every worker) and removed on exit.
    With `merge`, the reports of one event are merged into one incident across the parts, as
    `geomap.incidents.merged_parts` merges them, each event type's merge planned on a worker. The other parameters
    are those of `process_corpus`."""
    files = _files(paths)
    opts = _options(columns, mentions, encoding, block_bytes, merge)
    with _staging(Path(staging_dir)) as stage:
        with _connected(client, scheduler, workers, None) as connected:
            summaries = [s for s in _place_corpus(files, stage, opts, connected, progress) if s.ids]
            parts = _StagedParts(stage, summaries, opts.mentions)
            plan = _plan(parts, connected) if merge else None
        # Planning is done (a cluster made for the run is closed): the parts are read, and merged, here as they are
        # written.
        if plan is None:
            yield iter(parts)
        else:
            yield merged_by_plan(parts, [len(s.ids) for s in summaries], plan, [s.areas for s in summaries])


def _plan(parts: _StagedParts, client: Any) -> MergePlan:
    """The merge plan of the staged parts, each event type's planned on a worker; the rows it is made from are
    released once it is made."""
    rows = [s.merge_rows for s in parts.summaries if s.merge_rows is not None]
    if len(rows) != len(parts.summaries):
        raise RuntimeError("a task of a merging run returned no merge rows")
    for s in parts.summaries:
        s.merge_rows = None
    return merge_plan(rows, functools.partial(_plan_on_workers, client))


def process_dataframe(
    ddf: Any,
    out_dir: str | os.PathLike[str],
    *,
    client: Any = None,
    scheduler: Scheduler | str = Scheduler.PROCESSES,
    workers: int | None = None,
    columns: ColumnMap | None = None,
    mentions: MentionScope | str = MentionScope.ALL,
) -> dict[str, Any]:
    """`process_corpus` for a Dask DataFrame already in hand: one task per partition, rows numbered over the whole
    frame (so generated ids are those `geocode_incidents` gives the same rows)."""
    dask, _ = _import_dask()
    opts = _options(columns, mentions, None, BLOCK_BYTES)
    first_lines = np.concatenate([[1], 1 + np.cumsum(ddf.map_partitions(len).compute().to_numpy())])
    out = Path(out_dir)
    place = dask.delayed(_place_partition, pure=True)
    with _staging(out) as stage, _connected(client, scheduler, workers, None) as connected:
        for layer in LAYERS:
            (stage / layer).mkdir(parents=True, exist_ok=True)
        tasks = [place(piece, int(first_lines[i]), str(stage), i, opts) for i, piece in enumerate(ddf.to_delayed())]
        summaries = _compute(tasks, connected, progress=False)
        _unique_ids(summaries, stage)
        _publish(stage, out, summaries)
    return _totals(summaries, str(out))


def admin_counts_from_parquet(incidents_dir: str | os.PathLike[str], level: int = 1) -> pd.DataFrame:
    """Incidents per admin unit by a spatial join of the partitioned incident points with the admin polygons
    (dask-geopandas), independent of the admin codes stored on each row — a check on them, and the way to count
    points that came with their own coordinates from anywhere."""
    import dask_geopandas

    from geomap.gazetteer import load_gazetteer

    points = dask_geopandas.read_parquet(str(Path(incidents_dir) / "*.parquet"))
    points = points[points["status"] == "placed"][["event_id_cnty", "geometry"]]
    units = load_gazetteer().layer(KIND_OF_ADMIN_LEVEL[level])[["pcode", "geometry"]]
    joined = dask_geopandas.sjoin(points, units, predicate="within")
    counts = joined.groupby("pcode")["event_id_cnty"].count().compute()
    return counts.rename("incidents").sort_index().reset_index()
