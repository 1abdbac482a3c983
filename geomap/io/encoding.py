"""Decoding files from the field: UTF-8 (with or without BOM), UTF-16 and Windows-1256, detected, never guessed
silently. A file that is not text gets an `InputError` naming it."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator
from pathlib import Path

from geomap.exc import InputError
from geomap.io.limits import MAX_RECORD_BYTES, MAX_WHOLE_FILE_BYTES

__all__ = ["ascii_compatible", "decode_bytes", "file_encoding", "read_text", "record_too_long", "wide_lines"]

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
    order = utf16_order(data)
    if order is not None:
        try:
            return data.decode(order), order
        except UnicodeDecodeError:
            pass
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if "\x00" in text:
            raise InputError("binary data (NUL bytes), not a text file", path=path)
        return text, "utf-8"
    if data.count(b"\x00") > 0:
        raise InputError("binary data (NUL bytes), not a text file", path=path)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_ARABIC_CANDIDATES).best()
    if best is None or best.encoding is None:
        raise InputError("cannot detect the text encoding; pass --encoding", path=path)
    return str(best), best.encoding


# UTF-16 without a BOM: the high bytes of Arabic and Latin text are 0x00 (ASCII), 0x06 (Arabic), 0x20 (punctuation)
# or 0xFE/0xFB (presentation forms); in UTF-8 or Windows-1256 text NUL bytes do not occur at all.
_UTF16_HIGH_BYTES = frozenset((0x00, 0x06, 0x20, 0xFB, 0xFE))
_UTF16_HIGH_SHARE = 0.9  # share of high bytes that must be one of those
_UTF16_NUL_SHARE = 0.05  # and share of them that must be NUL (some ASCII: spaces, digits, separators)


def utf16_order(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` if `data` (without a BOM) reads as UTF-16 text, else None."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for order, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        usual = sum(1 for b in high if b in _UTF16_HIGH_BYTES)
        if usual >= _UTF16_HIGH_SHARE * len(high) and high.count(0) >= _UTF16_NUL_SHARE * len(high):
            return order
    return None


def read_text(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """The text of a file, decoded as `decode_bytes` does; line endings normalised to \\n."""
    p = Path(path)
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_WHOLE_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if len(data) > MAX_WHOLE_FILE_BYTES:
        msg = f"longer than {MAX_WHOLE_FILE_BYTES // 2**20} MiB, the limit for a file read whole; split it"
        raise InputError(msg, path=str(path))
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
        head = _whole_characters(head, encoding)
    _, enc = decode_bytes(head, path=str(p), encoding=encoding)
    if enc.replace("_", "-").lower() in ("utf-16", "utf16") and not head.startswith(_UTF16_BOMS):
        enc = utf16_order(head) or "utf-16-le"  # "utf-16" without a BOM: the byte order the text shows
    return enc


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _whole_characters(head: bytes, encoding: str | None) -> bytes:
    """The start of a file cut where no character is split: after a line end in single-byte-newline encodings, at
    an even length short of a lead surrogate in UTF-16."""
    wide = head.startswith(_UTF16_BOMS) or utf16_order(head) is not None
    if encoding:
        wide = not ascii_compatible(encoding)
    if not wide:
        return head[: head.rfind(b"\n") + 1] or head
    cut = len(head) - len(head) % 4  # whole UTF-16 units (and UTF-32 characters)
    big = head.startswith(codecs.BOM_UTF16_BE) or utf16_order(head) == "utf-16-be"
    last = head[cut - 2] if big else head[cut - 1]
    return head[: cut - 2] if 0xD8 <= last <= 0xDB else head[:cut]


def ascii_compatible(encoding: str) -> bool:
    """Whether a newline is the single byte 0x0A and ASCII bytes never occur inside other characters, so a file
    in this encoding can be cut at newline bytes."""
    return not codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))


_WIDE_READ = 1024 * 1024  # bytes of a UTF-16/32 file decoded at a time


def record_too_long(path: str, lineno: int) -> InputError:
    """The error for one line (one record) longer than the limit."""
    msg = f"a record longer than {MAX_RECORD_BYTES // 2**20} MiB (the limit for one line)"
    return InputError(msg, path=path, line=lineno)


def wide_lines(path: str, encoding: str, first_line: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) of a whole UTF-16/32 file, decoded piece by piece (a newline is not one byte there, so
    it cannot be split as bytes); CR LF and a lone CR end a line as LF does. Bytes that do not decode are an error
    naming the line they are on, raised after the lines before it."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    pending, lineno = "", first_line
    with open(path, "rb") as fh:
        while True:
            data = fh.read(_WIDE_READ)
            try:
                text, bad = pending + decoder.decode(data, final=not data), None
            except UnicodeDecodeError as exc:  # its object: the bytes being decoded, after any BOM
                text, bad = pending + exc.object[: exc.start].decode(exc.encoding), exc
            held = "\r" if data and bad is None and text.endswith("\r") else ""  # may be half of a \r\n
            lines = text[: len(text) - len(held)].replace("\r\n", "\n").replace("\r", "\n").split("\n")
            pending = lines.pop() + held
            for line in lines:
                yield lineno, line
                lineno += 1
            if bad is not None:
                raise InputError(f"cannot decode as {encoding}: {bad.reason}", path=path, line=lineno) from bad
            if len(pending) * 2 > MAX_RECORD_BYTES:  # at least two bytes a character in these encodings
                raise record_too_long(path, lineno)
            if not data:
                break
    if pending:
        yield lineno, pending
