"""Output files that appear whole or not at all: written under a hidden temporary name beside the target and
renamed onto it when complete; several files (one run's layers) replaced together as one set.

A target that is not a regular file (a FIFO, a device, a symbolic link, a folder) is never replaced; without
`overwrite` an existing target is refused, also when another run creates it while this one works (the final step
links the file into place, which fails if the name is taken)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from geomap.exc import OutputError

__all__ = ["ReplaceSet", "atomic_path"]


def _checked(path: str | os.PathLike[str], overwrite: bool) -> Path:
    target = Path(path)
    if "\x00" in str(target):
        raise OutputError(f"invalid output path {str(target)!r}")
    if target.is_symlink():
        raise OutputError(f"{target} is a symbolic link; write to the file it points to, or remove the link")
    if target.exists() and target.is_dir():
        raise OutputError(f"{target} is a folder, not a file")
    if target.exists() and not target.is_file():
        raise OutputError(f"{target} is not a regular file (a pipe or a device); it is never replaced")
    if target.exists() and not overwrite:
        raise OutputError(f"{target} exists; pass --overwrite (overwrite=True) to replace it")
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"folder {parent} does not exist")
    return target


def _install(tmp: Path, target: Path, overwrite: bool) -> None:
    """Move a finished temporary file onto its target: replacing it, or (without `overwrite`) only if the name is
    still free, so that two runs racing for one name cannot both succeed."""
    if overwrite:
        _checked(target, overwrite=True)  # nothing became a link, pipe or folder while the run worked
        os.replace(tmp, target)
        return
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OutputError(f"{target} was created by someone else while this run worked; nothing replaced") from None
    except OSError:  # a file system without hard links: the check and the rename, as close together as they go
        _checked(target, overwrite=False)
        os.replace(tmp, target)
        return
    tmp.unlink()


class ReplaceSet:
    """Finished files waiting to replace their targets together: `commit` installs them all, or, if one fails,
    puts every target already replaced back as it was."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path, bool]] = []

    def add(self, tmp: Path, target: Path, overwrite: bool) -> None:
        self.pending.append((tmp, target, overwrite))

    def commit(self) -> None:
        backups: list[tuple[Path, Path | None]] = []  # (target, its earlier file kept aside, or None if new)
        try:
            for tmp, target, overwrite in self.pending:
                backups.append((target, _kept_aside(target)))
                _install(tmp, target, overwrite)
        except BaseException:
            for target, earlier in reversed(backups):
                with contextlib.suppress(OSError):
                    if earlier is not None:
                        os.replace(earlier, target)
                        earlier.unlink(missing_ok=True)  # still there if the target was never replaced (same file)
                    else:
                        target.unlink(missing_ok=True)
            self.discard()
            raise
        for _, earlier in backups:
            if earlier is not None:
                earlier.unlink(missing_ok=True)
        self.pending = []

    def discard(self) -> None:
        for tmp, _, _ in self.pending:
            tmp.unlink(missing_ok=True)
        self.pending = []


def _kept_aside(target: Path) -> Path | None:
    """A hard link to the target's current file, to put back if the set cannot be completed."""
    if not target.exists():
        return None
    aside = _temporary_name(target, ".old")
    try:
        os.link(target, aside)
    except OSError:
        return None  # no hard links here: that target is replaced without a way back
    return aside


def _temporary_name(target: Path, kind: str) -> Path:
    parent = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f"{kind}{target.suffix}", dir=parent)
    os.close(fd)
    os.unlink(tmp)  # writers that refuse existing files (GDAL) get a fresh name
    return Path(tmp)


@contextlib.contextmanager
def atomic_path(
    path: str | os.PathLike[str], *, overwrite: bool = True, together: ReplaceSet | None = None
) -> Iterator[Path]:
    """A temporary path beside `path`; moved onto `path` if the block succeeds (or handed to `together`, to be
    installed with the other files of its set), removed if it fails."""
    target = _checked(path, overwrite)
    tmp = _temporary_name(target, ".tmp")
    try:
        yield tmp
        if together is None:
            _install(tmp, target, overwrite)
        else:
            together.add(tmp, target, overwrite)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
