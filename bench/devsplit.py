"""The kept-aside part of each development set: chosen by a hash of a stable key, never by looking at the data.

Tune on the rest; report both parts. A rule that helps only the examples it was written for shows up as a gap
between the two."""

from __future__ import annotations

import hashlib

ASIDE_EVERY = 4  # one record in four (by hash) is kept aside


def is_aside(key: str) -> bool:
    """True when the record with this key (a report id, a UCDP place string) belongs to the kept-aside part."""
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % ASIDE_EVERY == 0


def part_name(key: str) -> str:
    return "aside" if is_aside(key) else "tune"
