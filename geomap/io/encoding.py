"""Decoding files from the field: UTF-8 (with or without BOM), UTF-16 and Windows-1256, detected, never guessed
silently. A file that is not text gets an `InputError` naming it."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from geomap.exc import InputError

__all__ = ["ascii_compatible", "decode_bytes", "file_encoding", "read_text"]

# Encodings Arabic data actually arrives in; charset-normalizer is asked to choose among these only, so that a
# Windows-1256 spreadsheet export is not mistaken for some Cyrillic code page.
_ARABIC_CANDIDATES = ["utf_8", "cp1256", "iso8859_6", "utf_16", "mac_arabic", "cp720", "cp864", "latin_1"]


def decode_bytes(data: bytes, *, path: str = "<bytes>", encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). An explicit `encoding` wins; otherwise BOMs, strict UTF-8, then detection."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", path=path) from exc
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text:
            raise InputError("binary data (NUL bytes), not a text file", path=path)
        return text, "utf-8"
    if _looks_utf16(data):
        try:
            return data.decode("utf-16-le"), "utf-16-le"
        except UnicodeDecodeError:
            pass
    if data.count(b"\x00") > 0:
        raise InputError("binary data (NUL bytes), not a text file", path=path)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_ARABIC_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise InputError("cannot detect the text encoding; pass --encoding", path=path)
    return str(best), best.encoding


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4000]
    return len(sample) >= 4 and sample[1::2].count(0) > 0.3 * len(sample[1::2])


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """The text of a file, decoded as `decode_bytes` does; line endings normalised to \\n."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    text, _ = decode_bytes(data, path=str(path), encoding=encoding)
    return text.replace("\r\n", "\n").replace("\r", "\n")


HEAD_BYTES = 65536  # encodings of files read line by line are detected on this much of their start


def file_encoding(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """The encoding to read a file with line by line: `encoding` if given (checked on the file's start), else
    detected on its first 64 KiB (cut at a line end, so no character is split)."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if not head:
        raise InputError("empty file", path=str(p))
    if len(head) == HEAD_BYTES:
        head = head[: head.rfind(b"\n") + 1] or head
    _, enc = decode_bytes(head, path=str(p), encoding=encoding)
    return enc


def ascii_compatible(encoding: str) -> bool:
    """Whether a newline is the single byte 0x0A and ASCII bytes never occur inside other characters, so a file
    in this encoding can be cut at newline bytes."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))
