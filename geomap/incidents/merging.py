"""One incident per event across reports, in the pipeline: `merged` on incidents in memory, `merged_parts` on parts
streamed from files, holding only what grouping reads.

Reports of one event may be in any two parts, so every part is placed before any is merged. `merged_parts` holds
the parts as they come (in a work folder once they pass `HELD_ROWS` incidents), keeps the few columns grouping reads
(`geomap.coding.merge.GROUP_COLUMNS`), groups, reads back the rows of the incidents that merge, then gives the parts
again, merged: the same incidents, mentions and areas as `merged(concat_incidents(parts))`, in the same order, part
by part.
"""

from __future__ import annotations

import bisect
import functools
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geomap.coding.merge import (
    GROUP_COLUMNS,
    VALUE_COLUMNS,
    apply_merges,
    merge_groups,
    merge_reports,
    plan_merges,
    with_merge_columns,
)
from geomap.incidents.frames import Incidents

__all__ = ["HELD_ROWS", "merged", "merged_parts"]

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

    def __iter__(self) -> Iterator[Incidents]:
        for entry in self.entries:
            yield entry if isinstance(entry, Incidents) else pd.read_pickle(entry)


def merged(result: Incidents) -> Incidents:
    """`result` with the reports of one event merged into one incident (`geomap.coding.merge_reports`); the
    mentions of a merged-away report stay listed under its own id, named in the incident's `merged_ids`."""
    incidents = merge_reports(result.incidents)
    if len(incidents) == len(result.incidents):
        return result
    return Incidents(incidents, result.mentions, _counted(result.areas, incidents))


def merged_parts(parts: Iterable[Incidents], workdir: str | Path, *, held_rows: int = HELD_ROWS) -> Iterator[Incidents]:
    """`parts` with the reports of one event merged, as `merged(concat_incidents(parts))` would give them, part by
    part: past `held_rows` incidents, memory holds one part and the grouping columns of every incident, not every
    part.

    Parameters
    ----------
    parts : iterable of Incidents
        The placed parts, in input order, their ids unique across parts (as `iter_incidents` makes them).
    workdir : str or Path
        A folder for the parts while they wait (a temporary folder inside it, removed when the parts are given).
    held_rows : int, default HELD_ROWS
        Parts are held in memory up to this many incidents in all; past it, every part waits on disk.
    """
    with tempfile.TemporaryDirectory(prefix=".geomap-merge-", dir=workdir) as tmp:
        waiting = _Waiting(Path(tmp), held_rows)
        keys: list[pd.DataFrame] = []
        for part in parts:
            waiting.add(part)
            keys.append(part.incidents[[c for c in GROUP_COLUMNS if c in part.incidents.columns]])
        if not keys:
            return
        offsets = np.cumsum([0, *(len(k) for k in keys)])
        groups = merge_groups(pd.concat(keys, ignore_index=True))
        del keys
        if not groups:
            yield from waiting
            return
        part_of = functools.partial(np.searchsorted, offsets, side="right")
        # the anchors whose cells a merged incident takes in another part than their own
        crossing = {g[0] for g in groups if part_of(g[0]) != part_of(min(g))}
        cells, anchors, areas = _read_back(waiting, offsets, {i for g in groups for i in g}, crossing)
        plan = plan_merges(groups, cells, {pos: k for k, pos in enumerate(cells.index)})
        del cells
        for part, offset in zip(waiting, offsets[:-1], strict=True):
            frame = with_merge_columns(part.incidents.reset_index(drop=True))
            incidents = apply_merges(frame, plan, offset=int(offset), anchors=anchors)
            geo = gpd.GeoDataFrame(incidents, geometry=part.incidents.geometry.name, crs=part.incidents.crs)
            yield Incidents(geo, part.mentions, _counted(areas, geo))


def _read_back(
    waiting: _Waiting, offsets: np.ndarray, members: set[int], anchors: set[int]
) -> tuple[pd.DataFrame, pd.DataFrame, gpd.GeoDataFrame]:
    """From the waiting parts: the cells a merged incident is made of for every merging report (`VALUE_COLUMNS`),
    the whole rows of `anchors` (both indexed by input position, with the merge columns), and every area."""
    cells, whole, areas = [], [], []
    ordered = sorted(members)
    for part, offset, end in zip(waiting, offsets[:-1], offsets[1:], strict=True):
        areas.append(part.areas)
        here = ordered[bisect.bisect_left(ordered, offset) : bisect.bisect_left(ordered, end)]
        if not here:
            continue
        frame = with_merge_columns(part.incidents.reset_index(drop=True))
        rows = frame.iloc[[i - offset for i in here]].set_axis(here)
        cells.append(rows[[c for c in VALUE_COLUMNS if c in rows.columns]])
        whole.append(rows.loc[[i for i in here if i in anchors]])
    every_area = pd.concat(areas, ignore_index=True).drop_duplicates("area_id")
    return pd.concat(cells), pd.concat(whole), gpd.GeoDataFrame(every_area, geometry="geometry", crs=areas[0].crs)


def _counted(areas: gpd.GeoDataFrame, incidents: pd.DataFrame) -> gpd.GeoDataFrame:
    """`areas` with the number of `incidents` placed in each; the areas none is placed in left out."""
    counts = incidents["area_id"].value_counts()
    counted = areas.assign(incidents=areas["area_id"].map(counts).fillna(0).astype("int64"))
    return counted[counted["incidents"] > 0].reset_index(drop=True)
