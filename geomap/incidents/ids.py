"""Unique incident ids over a whole run: chunks, files and Dask partitions alike.

A record keeps its own id unless an earlier record took it; records without an id get ``FILE-LINE``. A taken id
becomes ``id#2``, ``id#3`` ... (skipping any such name already in use, so a real ``a#2`` in the data is never
duplicated) and the record is flagged with why: a duplicate id in the data, a made-up id that a real one already
holds, or a real id that a record without an id was given earlier. Records are taken strictly in input order, so
the ids do not depend on how the input is cut into chunks or Dask blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["IdRegistry", "Rename"]


@dataclass(frozen=True, slots=True)
class Rename:
    """A record whose id was taken: its position in the chunk, new id and the flag that says so."""

    row: int
    new_id: str
    flag: str


class IdRegistry:
    """Ids handed out so far in a run, and how often each base id was asked for."""

    def __init__(self) -> None:
        self._generated: dict[str, bool] = {}  # id in use -> whether geomap made it up
        self._asked: dict[str, int] = {}  # base id asked for again -> times asked so far

    def __len__(self) -> int:
        return len(self._generated)

    def assign(
        self, ids: Sequence[str], generated: Sequence[bool] | np.ndarray, event_index: np.ndarray | None = None
    ) -> list[Rename]:
        """Claim `ids` (one chunk, in order); return the renames for those already taken, by row.

        `event_index` (0 for a report's lead incident, k for its (k+1)-th event, whose id is ``<lead id>-<k+1>``)
        keeps a report's further events with their lead: when the lead is renamed, they follow (``id#2-2``)."""
        ids = list(ids)
        if len(set(ids)) == len(ids) and self._generated.keys().isdisjoint(ids):
            self._generated.update(zip(ids, map(bool, generated), strict=True))
            return []
        renames: list[Rename] = []
        lead = None
        for i, asked in enumerate(ids):
            k = 0 if event_index is None else int(event_index[i])
            base = f"{lead}-{k + 1}" if k and lead is not None else asked
            r = self._claim(i, base, bool(generated[i]))
            if r is None and base != asked:
                r = Rename(i, base, f"a further event of report {lead!r}, whose id was renamed")
            if r is not None:
                renames.append(r)
            if not k:
                lead = base if r is None else r.new_id
        return renames

    def _claim(self, row: int, base: str, generated: bool) -> Rename | None:
        if base not in self._generated:
            self._generated[base] = generated
            return None
        first_was_generated = self._generated[base]
        n = self._asked.get(base, 1) + 1
        self._asked[base] = n
        new = f"{base}#{n}"
        while new in self._generated:
            n += 1
            new = f"{base}#{n}"
        self._generated[new] = generated
        if generated:
            flag = f"id {base!r} made from the file name and line is already in use; renamed {new!r}"
        elif first_was_generated:
            flag = f"id {base!r} was already given to a record without an id; renamed {new!r}"
        else:
            flag = f"duplicate id {base!r} (occurrence {self._asked[base]})"
        return Rename(row, new, flag)
