"""Errors raised by geomap. Each subclasses `GeomapError` and the built-in it resembles, so callers can catch
either (``except LookupError`` keeps working for a missing place, ``except ValueError`` for bad input)."""

from __future__ import annotations

__all__ = ["GazetteerError", "GeomapError", "InputError", "OutputError", "PlaceNotFound"]


class GeomapError(Exception):
    """Root of every geomap error."""


class GazetteerError(GeomapError, RuntimeError):
    """The shipped gazetteer is missing or unreadable, or a gazetteer build failed."""


class PlaceNotFound(GeomapError, LookupError):
    """No gazetteer entry has the given id or P-code."""


class InputError(GeomapError, ValueError):
    """Input that cannot be read: names the file, line and field where it can."""

    def __init__(
        self, message: str, *, path: str | None = None, line: int | None = None, field: str | None = None
    ) -> None:
        self.path, self.line, self.field = path, line, field
        where = ", ".join(
            part
            for part in (path, f"line {line}" if line is not None else None, f"field {field!r}" if field else None)
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class OutputError(GeomapError, OSError):
    """An output cannot be written (refused overwrite, unknown format, unwritable path)."""
