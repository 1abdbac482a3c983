"""One incident per event across reports, in the pipeline: `merged` on incidents in memory, `merged_parts` on parts
streamed from files, holding only what merging reads.

Reports of one event may be in any two parts, so every part is placed before any is merged. `merged_parts` holds
the parts as they come (in a work folder once they pass `HELD_ROWS` incidents) and keeps the few columns grouping and
merging read (`merge_rows`). `merge_plan` plans the merge from those rows: reports of different event types never
merge, so each type's rows are planned apart (`plan_shard`), one after another or side by side on a cluster's
workers (a `ShardPlanner`). `merged_by_plan` then gives the parts again, merged: the same incidents, mentions and
areas as `merged(concat_incidents(parts))`, in the same order, part by part.
"""

from __future__ import annotations

import abc
import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.coding.merge import (
    GROUP_COLUMNS,
    VALUE_COLUMNS,
    MergePlan,
    apply_merges,
    column_texts,
    event_dates,
    merge_groups,
    merge_reports,
    plan_merges,
    table_events_of,
    with_merge_columns,
)
from geomap.incidents.frames import Incidents

__all__ = [
    "HELD_ROWS",
    "ShardPlanner",
    "StoredParts",
    "merge_plan",
    "merge_rows",
    "merged",
    "merged_by_plan",
    "merged_parts",
    "plan_shard",
    "plan_shards_here",
]

HELD_ROWS = 100_000  # parts wait in memory up to this many incidents in all (fast); past it, all wait on disk
_DATES = "_merge_event_dates"  # the rows' event dates parsed over the whole input, carried with each shard


class StoredParts(Sequence[Incidents]):
    """Placed parts that can be read again, one by one, in any order (`merged_by_plan` reads them twice)."""

    @abc.abstractmethod
    def incident_rows(self, k: int, rows: np.ndarray) -> pd.DataFrame:
        """The incidents of part `k` at positions `rows` of the part (reading no more than it must)."""


class _Waiting(StoredParts):
    """The placed parts while they wait for the merge plan: in memory while they are few, in a folder once many."""

    def __init__(self, folder: Path, held_rows: int) -> None:
        self.folder, self.held_rows, self.rows = folder, held_rows, 0
        self.entries: list[Incidents | Path] = []

    def add(self, part: Incidents) -> None:
        self.rows += len(part.incidents)
        self.entries.append(part)
        if self.rows > self.held_rows:  # too many to hold: every part from now on waits on disk
            self.entries = [self._spill(k, e) if isinstance(e, Incidents) else e for k, e in enumerate(self.entries)]

    def _spill(self, k: int, part: Incidents) -> Path:
        path = self.folder / f"part-{k:06d}.pickle"
        pd.to_pickle(part, path)
        return path

    def __getitem__(self, k: int) -> Incidents:
        entry = self.entries[k]
        return entry if isinstance(entry, Incidents) else pd.read_pickle(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def incident_rows(self, k: int, rows: np.ndarray) -> pd.DataFrame:
        return self[k].incidents.iloc[rows]


def merged(result: Incidents) -> Incidents:
    """`result` with the reports of one event merged into one incident (`geomap.coding.merge_reports`); the
    mentions of a merged-away report stay listed under its own id, named in the incident's `merged_ids`."""
    incidents = merge_reports(result.incidents)
    if len(incidents) == len(result.incidents):
        return result
    return Incidents(incidents, result.mentions, _counted(result.areas, incidents))


def plan_shard(rows: pd.DataFrame) -> MergePlan:
    """The merge plan of the rows of one event type (a shard from `merge_plan`, indexed by input position)."""
    positions = rows.index.to_numpy()
    frame = rows.reset_index(drop=True)
    groups = [[int(positions[k]) for k in g] for g in merge_groups(frame, dates=frame[_DATES])]
    return plan_merges(groups, rows, {int(p): k for k, p in enumerate(positions)})


def plan_shards_here(shards: list[pd.DataFrame]) -> list[MergePlan]:
    """Plan the shards one after another in this process."""
    return [plan_shard(s) for s in shards]


# How the shards of a merge are planned: `plan_shards_here`, or side by side (`geomap.dask` plans on its workers).
ShardPlanner = Callable[[list[pd.DataFrame]], list[MergePlan]]


def merged_parts(
    parts: Iterable[Incidents],
    workdir: str | Path,
    *,
    held_rows: int = HELD_ROWS,
    planner: ShardPlanner = plan_shards_here,
) -> Iterator[Incidents]:
    """`parts` with the reports of one event merged, as `merged(concat_incidents(parts))` would give them, part by
    part: past `held_rows` incidents, memory holds two parts (one read ahead) and the grouping and value columns of
    every incident (until the merge is planned), not every part.

    Parameters
    ----------
    parts : iterable of Incidents
        The placed parts, in input order, their ids unique across parts (as `iter_incidents` makes them).
    workdir : str or Path
        A folder for the parts while they wait (a temporary folder inside it, removed when the parts are given).
    held_rows : int, default HELD_ROWS
        Parts are held in memory up to this many incidents in all; past it, every part waits on disk.
    planner : callable, default plan_shards_here
        Plans the merge of each event type's rows (`plan_shard` on each shard, in order).
    """
    with tempfile.TemporaryDirectory(prefix=".geomap-merge-", dir=workdir) as tmp:
        waiting = _Waiting(Path(tmp), held_rows)
        rows: list[pd.DataFrame] = []
        areas: list[gpd.GeoDataFrame] = []
        for part in parts:
            waiting.add(part)
            rows.append(merge_rows(part.incidents))
            areas.append(part.areas)
        sizes = [len(r) for r in rows]
        plan = merge_plan(rows, planner)
        rows.clear()
        yield from merged_by_plan(waiting, sizes, plan, areas)


def merge_rows(incidents: pd.DataFrame) -> pd.DataFrame:
    """What planning a merge reads of a part's incidents: the grouping and value columns, with the merge columns."""
    wanted = list(dict.fromkeys([*GROUP_COLUMNS, *VALUE_COLUMNS]))
    frame = with_merge_columns(incidents[[c for c in wanted if c in incidents.columns]].reset_index(drop=True))
    return frame[[c for c in wanted if c in frame.columns]]


def merge_plan(rows: list[pd.DataFrame], planner: ShardPlanner = plan_shards_here) -> MergePlan:
    """The merge plan of an input whose parts' `merge_rows` are `rows` (in input order).

    Parameters
    ----------
    rows : list of DataFrame
        `merge_rows` of each part.
    planner : callable, default plan_shards_here
        Plans each event type's shard (`plan_shard`); the shards hold every row of their type, indexed by input
        position, with the dates parsed over the whole input.

    Returns
    -------
    MergePlan
        Positions in the whole input.
    """
    whole = pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()
    if whole.empty or all(table_events_of(whole)):
        return MergePlan.combined([])  # nothing may merge (as `merge_groups`, nothing is parsed)
    whole[_DATES] = event_dates(whole)  # a date format is inferred from the first date of the whole input
    return MergePlan.combined(planner(_shards(whole)))


def _shards(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows of each event type (indexed by input position), most rows first; rows without one never merge."""
    types = pd.Series(column_texts(rows, "event_type"), index=rows.index)
    shards = [rows.iloc[positions] for kind, positions in types.groupby(types, sort=True).indices.items() if kind]
    return sorted(shards, key=len, reverse=True)


def merged_by_plan(
    parts: StoredParts, sizes: list[int], plan: MergePlan, areas: list[gpd.GeoDataFrame]
) -> Iterator[Incidents]:
    """The parts (of `sizes` incidents each, with their `areas`) with `plan` carried out on them, part by part."""
    if not len(plan.at):
        yield from parts
        return
    offsets = np.cumsum([0, *sizes])
    part_of = functools.partial(np.searchsorted, offsets, side="right")
    crossing = plan.anchor[part_of(plan.anchor) != part_of(plan.at)]  # anchors whose cells go to another part
    anchors = _whole_rows(parts, offsets, crossing)
    every_area = gpd.GeoDataFrame(
        pd.concat(areas, ignore_index=True).drop_duplicates("area_id"), geometry="geometry", crs=areas[0].crs
    )
    for part, offset in zip(_read_ahead(parts, range(len(parts))), offsets[:-1].tolist(), strict=True):
        frame = with_merge_columns(part.incidents.reset_index(drop=True))
        incidents = apply_merges(frame, plan, offset=offset, anchors=anchors)
        geo = gpd.GeoDataFrame(incidents, geometry=part.incidents.geometry.name, crs=part.incidents.crs)
        yield Incidents(geo, part.mentions, _counted(every_area, geo))


def _whole_rows(parts: StoredParts, offsets: np.ndarray, positions: np.ndarray) -> pd.DataFrame:
    """The whole rows at `positions` (with the merge columns, indexed by input position), read from the parts
    holding them only."""
    wanted = np.sort(positions)
    whole = []
    for k in np.unique(np.searchsorted(offsets, wanted, side="right") - 1).tolist():
        here = wanted[(wanted >= offsets[k]) & (wanted < offsets[k + 1])]
        whole.append(with_merge_columns(parts.incident_rows(k, here - offsets[k]).set_axis(here)))
    return pd.concat(whole) if whole else pd.DataFrame()


def _read_ahead(parts: StoredParts, ks: Iterable[int]) -> Iterator[Incidents]:
    """`parts[k]` for each of `ks`, the next one read in a thread while the caller works on this one (reading
    Parquet or a pickle spends most of its time outside the interpreter lock)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        ahead = None
        for k in ks:
            following = pool.submit(parts.__getitem__, k)
            if ahead is not None:
                yield ahead.result()
            ahead = following
        if ahead is not None:
            yield ahead.result()


def _counted(areas: gpd.GeoDataFrame, incidents: pd.DataFrame) -> gpd.GeoDataFrame:
    """`areas` with the number of `incidents` placed in each; the areas none is placed in left out."""
    counts = incidents["area_id"].value_counts()
    counted = areas.assign(incidents=areas["area_id"].map(counts).fillna(0).astype("int64"))
    return counted[counted["incidents"] > 0].reset_index(drop=True)
