"""One incident per event across reports, in the pipeline: `merged` on incidents in memory, `merged_parts` on parts
streamed from files, holding only what grouping reads.

Reports of one event may be in any two parts, so every part is placed before any is merged. `merged_parts` holds
the parts as they come (in a work folder once they pass `HELD_ROWS` incidents) and keeps the few columns grouping and
merging read (`geomap.coding.merge.GROUP_COLUMNS`, `VALUE_COLUMNS`). Reports of different event types never merge,
so the merge is planned per event type (`plan_shard`), one shard after another or side by side on a cluster's
workers; then the parts are given again, merged: the same incidents, mentions and areas as
`merged(concat_incidents(parts))`, in the same order, part by part.
"""

from __future__ import annotations

import functools
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.coding.merge import (
    GROUP_COLUMNS,
    VALUE_COLUMNS,
    MergePlan,
    apply_merges,
    merge_groups,
    merge_reports,
    plan_merges,
    with_merge_columns,
)
from geomap.incidents.frames import Incidents

__all__ = [
    "HELD_ROWS",
    "ShardPlanner",
    "StoredParts",
    "merge_rows",
    "merged",
    "merged_parts",
    "merged_stored_parts",
    "plan_shard",
    "plan_shards_here",
]

HELD_ROWS = 100_000  # parts wait in memory up to this many incidents in all (fast); past it, all wait on disk


class _Waiting:
    """The placed parts while they wait for the grouping: in memory while they are few, in a folder once many."""

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
    """The merge plan of the rows of one event type (grouping and value columns, indexed by input position)."""
    positions = rows.index.to_numpy()
    groups = [[int(positions[k]) for k in g] for g in merge_groups(rows.reset_index(drop=True))]
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
    part: past `held_rows` incidents, memory holds one part and the grouping and value columns of every incident,
    not every part.

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
        yield from merged_stored_parts(waiting, rows, areas, planner=planner)


class StoredParts(Protocol):
    """Placed parts that can be read again, one by one, in any order."""

    def __len__(self) -> int: ...

    def __getitem__(self, k: int) -> Incidents: ...

    def incident_rows(self, k: int, rows: np.ndarray) -> pd.DataFrame:
        """The incidents of part `k` at positions `rows` of the part (reading no more than it must)."""
        ...


def merged_stored_parts(
    parts: StoredParts,
    rows: list[pd.DataFrame],
    areas: list[gpd.GeoDataFrame],
    *,
    planner: ShardPlanner = plan_shards_here,
) -> Iterator[Incidents]:
    """`merged_parts` of parts already stored, whose `merge_rows` (`rows`) and areas are known, part by part."""
    if not rows:
        return
    offsets = np.cumsum([0, *(len(r) for r in rows)])
    plan = MergePlan.combined(planner(_shards(pd.concat(rows, ignore_index=True))))
    if not len(plan.at):
        yield from (parts[k] for k in range(len(parts)))
        return
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


def merge_rows(incidents: pd.DataFrame) -> pd.DataFrame:
    """What grouping and planning read of a part's incidents (with the merge columns)."""
    wanted = list(dict.fromkeys([*GROUP_COLUMNS, *VALUE_COLUMNS]))
    frame = with_merge_columns(incidents[[c for c in wanted if c in incidents.columns]].reset_index(drop=True))
    return frame[[c for c in wanted if c in frame.columns]]


def _shards(rows: pd.DataFrame) -> list[pd.DataFrame]:
    """The rows of each event type (indexed by input position), most rows first; rows without one never merge."""
    types = rows["event_type"].astype(object).where(rows["event_type"].notna(), "").astype(str)
    shards = [rows.iloc[positions] for kind, positions in types.groupby(types, sort=True).indices.items() if kind]
    return sorted(shards, key=len, reverse=True)


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
