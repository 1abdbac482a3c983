"""A Dask scheduler address checked before Dask connects to it: a closed port, a listener that never answers or a
server speaking another protocol (an HTTP port) fail within seconds with one line, instead of a 30-second retry
loop, a hang, or Dask reading an HTTP reply as a frame length and trying to allocate exabytes."""

from __future__ import annotations

import socket
import struct
from urllib.parse import urlsplit

from geomap.exc import GeomapError

__all__ = ["CONNECT_SECONDS", "SchedulerError", "check_scheduler_address"]

CONNECT_SECONDS = 5.0  # a scheduler on a reachable host accepts and greets at once; longer is a wrong address
_MAX_GREETING_BYTES = 64 * 1024 * 1024  # a scheduler's first message (its handshake) is a few hundred bytes


class SchedulerError(GeomapError, ConnectionError):
    """The scheduler address does not lead to a Dask scheduler."""


def _host_port(address: str) -> tuple[str, int] | None:
    parts = urlsplit(address if "://" in address else f"tcp://{address}")
    if parts.scheme != "tcp" or parts.hostname is None:
        return None  # tls://, ucx://, inproc://: left to Dask (with its connect timeout)
    try:
        return parts.hostname, parts.port or 8786
    except ValueError as exc:
        msg = f"scheduler address {address!r}: {exc}"
        raise SchedulerError(msg) from None


def check_scheduler_address(address: str, *, timeout: float = CONNECT_SECONDS) -> None:
    """Connect to a ``tcp://`` scheduler address and read its greeting (a Dask scheduler speaks first); raise
    `SchedulerError` naming the address when nothing listens, nothing answers, or the answer is not Dask's."""
    target = _host_port(address)
    if target is None:
        return
    try:
        with socket.create_connection(target, timeout=timeout) as conn:
            conn.settimeout(timeout)
            head = conn.recv(8)
    except TimeoutError:
        msg = f"the scheduler at {address} did not answer within {timeout:.0f} s (is it a Dask scheduler?)"
        raise SchedulerError(msg) from None
    except OSError as exc:
        msg = f"cannot reach the scheduler at {address}: {exc.strerror or exc}"
        raise SchedulerError(msg) from None
    if len(head) < 8 or head.startswith(b"HTTP") or struct.unpack("<Q", head)[0] > _MAX_GREETING_BYTES:
        msg = f"{address} is not a Dask scheduler (it answered {head[:8]!r})"
        raise SchedulerError(msg)
