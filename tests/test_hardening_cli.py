"""Issue 18, command line: one-line errors instead of tracebacks, spreadsheet-safe CSV everywhere, bounded waits."""

import csv
import io
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from geomap.cli import main


@pytest.fixture
def runner():
    return CliRunner()


def test_geoparse_csv_neutralises_formulas(runner, tmp_path):
    path = tmp_path / "reports.jsonl"
    record = {"id": '=HYPERLINK("http://x","y")', "text": "قصف مدفعي على بلدة سرمدا بريف إدلب"}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    r = runner.invoke(main, ["geoparse", str(path), "--format", "csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert rows and all(row["record"] == "'" + record["id"] for row in rows)


def test_geocode_column_to_stdout_neutralises_cells_and_headers_but_not_numbers(runner, tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("location,=cmd|' /C calc'!A0,change\nSarmada,@SUM(A1),-3\nIdlib,-2+3,+1.5\n", encoding="utf-8")
    r = runner.invoke(main, ["geocode", "--column", "location", str(path)])
    assert r.exit_code == 0, r.output
    rows = list(csv.reader(io.StringIO(r.output)))
    assert rows[0][1] == "'=cmd|' /C calc'!A0"
    assert [row[1] for row in rows[1:]] == ["'@SUM(A1)", "'-2+3"]
    assert [row[2] for row in rows[1:]] == ["-3", "+1.5"]  # numbers stay numbers


def geomap_cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "geomap.cli", *map(str, args)], capture_output=True, **kwargs)


def one_line_error(done, *words):
    err = done.stderr.decode() if isinstance(done.stderr, bytes) else done.stderr
    assert done.returncode in (1, 2) and "Traceback" not in err, err
    assert all(w in err for w in words), err
    return err


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl", "deep.geojson"])
def test_json_nested_100k_deep_is_one_line(tmp_path, name):
    path = tmp_path / name
    path.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    done = geomap_cli("incidents", path, "-o", tmp_path / "out.geojson")
    one_line_error(done, str(path), "nested")


def test_a_decode_error_names_the_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"id,location\n1,\xff\xfe\xfd\n")
    done = geomap_cli("incidents", path, "-o", tmp_path / "out.geojson", "--encoding", "utf-8")
    one_line_error(done, str(path), "decode")


def test_closed_standard_streams_are_one_line(tmp_path):
    closed_out = subprocess.run(
        [sys.executable, "-m", "geomap.cli", "geoparse", "-"],
        input="قصف على بلدة سرمدا".encode(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: __import__("os").close(1),
    )
    one_line_error(closed_out, "standard output is closed")
    closed_in = subprocess.run(
        [sys.executable, "-m", "geomap.cli", "geoparse", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        preexec_fn=lambda: __import__("os").close(0),
    )
    one_line_error(closed_in, "standard input is closed")


def test_an_id_column_named_with_an_underscore(tmp_path):
    path = tmp_path / "mongo.csv"
    path.write_text("_id,location,_line\nk1,Sarmada,7\nk2,Idlib,8\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    done = geomap_cli("incidents", path, "--id-column", "_id", "-o", out)
    assert done.returncode == 0, done.stderr
    got = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert [r["event_id_cnty"] for r in got] == ["k1", "k2"] and [r["input_line"] for r in got] == ["2", "3"]


def test_workers_without_a_scheduler_is_a_usage_error(tmp_path, samples):
    done = geomap_cli("incidents", samples / "reports.jsonl", "-o", tmp_path / "o.geojson", "--workers", "2")
    one_line_error(done, "--workers", "--scheduler")
    assert done.returncode == 2


def test_workers_are_capped(tmp_path, samples):
    out = tmp_path / "o.geojson"
    done = geomap_cli("incidents", samples / "reports.jsonl", "-o", out, "--scheduler", "threads", "--workers", "9999")
    one_line_error(done, "--workers")


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:1", "tcp://127.0.0.1:{http}", "tcp://127.0.0.1:{silent}"])
def test_a_scheduler_that_does_not_answer_fails_within_seconds(tmp_path, samples, address):
    import socket
    import threading
    import time

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts, never answers
    http = socket.socket()
    http.bind(("127.0.0.1", 0))
    http.listen()

    def answer_http():
        conn, _ = http.accept()
        conn.recv(1024)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")

    threading.Thread(target=answer_http, daemon=True).start()
    target = address.format(silent=silent.getsockname()[1], http=http.getsockname()[1])
    t = time.perf_counter()
    done = geomap_cli("incidents", samples / "reports.jsonl", "-o", tmp_path / "o.geojson", "--scheduler", target)
    assert time.perf_counter() - t < 25
    one_line_error(done, "scheduler")
    silent.close()
    http.close()


def test_dev_zero_and_fifos_are_refused_quickly(tmp_path):
    import os

    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    one_line_error(geomap_cli("incidents", link, "-o", tmp_path / "o.geojson", timeout=30), "not a regular file")
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    one_line_error(geomap_cli("incidents", fifo, "-o", tmp_path / "o.geojson", timeout=30), "not a regular file")
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "geomap.cli", "geoparse", "-"], stdin=zero, capture_output=True, timeout=60
        )
    one_line_error(done, "standard input")
