"""One incident per event across reports, in the pipeline: `merged` on incidents in memory, `merged_parts` on parts
streamed from files, holding only what grouping reads.

Reports of one event may be in any two parts, so every part is placed before any is merged. `merged_parts` writes
each part to a work folder as it comes, keeps the few columns grouping reads (`geomap.coding.merge.GROUP_COLUMNS`),
groups, reads back the rows of the incidents that merge, then gives the parts again, merged: the same incidents,
mentions and areas as `merged(concat_incidents(parts))`, in the same order, part by part.
"""

from __future__ import annotations

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

__all__ = ["merged", "merged_parts"]


def merged(result: Incidents) -> Incidents:
    """`result` with the reports of one event merged into one incident (`geomap.coding.merge_reports`); the
    mentions of a merged-away report stay listed under its own id, named in the incident's `merged_ids`."""
    incidents = merge_reports(result.incidents)
    if len(incidents) == len(result.incidents):
        return result
    return Incidents(incidents, result.mentions, _counted(result.areas, incidents))


def merged_parts(parts: Iterable[Incidents], workdir: str | Path) -> Iterator[Incidents]:
    """`parts` with the reports of one event merged, as `merged(concat_incidents(parts))` would give them, part by
    part: memory holds one part and the grouping columns of every incident, not every part.

    Parameters
    ----------
    parts : iterable of Incidents
        The placed parts, in input order, their ids unique across parts (as `iter_incidents` makes them).
    workdir : str or Path
        A folder for the parts while they wait (a temporary folder inside it, removed when the parts are given).
    """
    with tempfile.TemporaryDirectory(prefix=".geomap-merge-", dir=workdir) as tmp:
        paths: list[Path] = []
        keys: list[pd.DataFrame] = []
        for k, part in enumerate(parts):
            paths.append(Path(tmp) / f"part-{k:06d}.pickle")
            pd.to_pickle(part, paths[-1])
            keys.append(part.incidents[[c for c in GROUP_COLUMNS if c in part.incidents.columns]])
        if not keys:
            return
        offsets = np.cumsum([0, *(len(k) for k in keys)])
        groups = merge_groups(pd.concat(keys, ignore_index=True))
        del keys
        if not groups:
            for path in paths:
                yield pd.read_pickle(path)
            return
        part_of = functools.partial(np.searchsorted, offsets, side="right")
        # the anchors whose cells a merged incident takes in another part than their own
        crossing = {g[0] for g in groups if part_of(g[0]) != part_of(min(g))}
        cells, anchors, areas = _read_back(paths, offsets, {i for g in groups for i in g}, crossing)
        plan = plan_merges(groups, cells, {pos: k for k, pos in enumerate(cells.index)})
        del cells
        for path, offset in zip(paths, offsets[:-1], strict=True):
            part: Incidents = pd.read_pickle(path)
            frame = with_merge_columns(part.incidents.reset_index(drop=True))
            incidents = apply_merges(frame, plan, offset=int(offset), anchors=anchors)
            geo = gpd.GeoDataFrame(incidents, geometry=part.incidents.geometry.name, crs=part.incidents.crs)
            yield Incidents(geo, part.mentions, _counted(areas, geo))


def _read_back(
    paths: list[Path], offsets: np.ndarray, members: set[int], anchors: set[int]
) -> tuple[pd.DataFrame, pd.DataFrame, gpd.GeoDataFrame]:
    """From the waiting parts: the cells a merged incident is made of for every merging report (`VALUE_COLUMNS`),
    the whole rows of `anchors` (both indexed by input position, with the merge columns), and every area."""
    cells, whole, areas = [], [], []
    for path, offset, end in zip(paths, offsets[:-1], offsets[1:], strict=True):
        part: Incidents = pd.read_pickle(path)
        areas.append(part.areas)
        here = sorted(i for i in members if offset <= i < end)
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
