"""A gazetteer read from a file builds places and indexes on demand, and they equal those built from records."""

import re
from dataclasses import replace

import pyarrow.parquet as pq
import pytest

from geomap.exc import GazetteerError
from geomap.gazetteer import Gazetteer, read_places
from geomap.gazetteer.load import read_gazetteer
from geomap.gazetteer.name_index import FINGERPRINT_KEY
from geomap.gazetteer.places import DATA_DIR

SHIPPED = DATA_DIR / "gazetteer.parquet"


def test_places_built_on_demand_equal_the_records_read_at_once():
    records = {p.id: p for p in read_places(SHIPPED)}
    gaz = read_gazetteer(SHIPPED)
    for pid in ("C4121", "SY07", "region/syrian-badia", "landmark/nasib-crossing", "C6105"):
        built, record = gaz.lookup(pid), records[pid]
        assert built.to_record() == record.to_record()
        assert built.geometry.equals(record.geometry)
    assert gaz.lookup("c4121") is gaz.lookup("C4121")  # by P-code, and built once
    assert [p.id for p in gaz] == list(records)


def test_a_file_folded_by_another_normaliser_is_folded_again(tmp_path, gaz):
    table = pq.ParquetFile(SHIPPED).read()
    stale = tmp_path / "stale.parquet"
    pq.write_table(table.replace_schema_metadata({FINGERPRINT_KEY: b"another normaliser"}), stale)
    assert dict(read_gazetteer(stale).names()) == dict(gaz.names())


def test_unreadable_file_names_its_path(tmp_path):
    bad = tmp_path / "gazetteer.parquet"
    bad.write_bytes(b"not parquet")
    with pytest.raises(GazetteerError, match=re.escape(str(bad))):
        read_gazetteer(bad)


def test_a_later_record_of_the_same_id_replaces_the_earlier_in_its_place(gaz):
    sarmada, idlib = gaz.lookup("C4121"), gaz.lookup("SY07")
    renamed = replace(sarmada, aliases=("سرمدا الشمالية",))
    small = Gazetteer([sarmada, idlib, renamed])
    assert [p.id for p in small] == ["C4121", "SY07"] and len(small) == 2
    assert small.lookup("C4121").aliases == ("سرمدا الشمالية",)
    assert small.ids_for_name("سرمدا الشماليه") == ("C4121",)
