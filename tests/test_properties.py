"""Property-based tests: any Unicode string geoparses, offsets always slice the original text, normalising is
idempotent, and no reader crashes with anything but an InputError on arbitrary bytes."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import InputError, geoparse
from geomap.arabic import normalize, normalize_name
from geomap.io.readers import iter_records

ARABIC = "".join(chr(c) for c in range(0x0600, 0x0700))
MARKS = "\u200f\u200e\u200b\u202b\u202c\u0640\u064b\u064e\u0650\u0652 \n\t،."
PLACES = ["سرمدا", "إدلب", "ريف حلب الشرقي", "البادية السورية", "دير الزور", "للحسكة", "واشنطن", "Idlib", "حماة"]
text_strategy = st.one_of(
    st.text(),
    st.text(alphabet=ARABIC + MARKS + string.ascii_letters + "0123456789", max_size=300),
    st.lists(st.one_of(st.sampled_from(PLACES), st.text(alphabet=ARABIC + MARKS, max_size=8)), max_size=30).map(
        " ".join
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_any_text_geoparses_and_offsets_slice_the_original(text):
    for m in geoparse(text):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert 0 <= m.phrase_start <= m.start and m.end <= m.phrase_end <= len(text)
        assert 0.0 <= m.confidence <= 1.0 and m.precision in (1, 2, 3)
        assert m.lat is not None and -90 <= m.lat <= 90


@settings(max_examples=500, deadline=None)
@given(text_strategy)
def test_normalising_twice_equals_once(text):
    once = normalize_name(text)
    assert normalize_name(once) == once
    norm = normalize(text)
    assert normalize(norm.text).text == norm.text
    offsets = [norm.to_original(i, i + 1)[0] for i in range(len(norm.text))]
    assert all(0 <= o < len(text) for o in offsets)
    assert offsets == sorted(set(offsets))
    kept = normalize("".join(text[o] for o in offsets))  # deletions are the only change
    assert kept.offsets_identical and kept.text == norm.text
    assert [norm.to_normalized(o) for o in offsets] == list(range(len(norm.text)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".tsv", ".json", ".jsonl", ".geojson", ".txt"]))
def test_readers_fail_only_with_input_errors(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    try:
        for chunk in iter_records(path):
            assert "_line" in chunk.columns or chunk.empty
    except InputError as exc:
        assert str(path) in str(exc)
