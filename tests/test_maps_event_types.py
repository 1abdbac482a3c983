"""geomap.maps.event_types: ACLED types in Arabic, and one colour per type shared by every map."""

from geomap.maps.event_types import EVENT_TYPES, EXTRA_COLOURS, OTHER_COLOUR, SUB_EVENT_TYPES, type_colours, type_name


def test_acled_types_and_sub_types_have_arabic_names():
    assert type_name("Battles", "ar") == "معارك"
    assert type_name("Air/drone strike", "ar") == "غارة جوية أو بطائرة مسيّرة"
    assert type_name("Battles", "en") == "Battles"
    assert type_name("Local category", "ar") == "Local category"  # unknown types keep their own text
    arabic = [name for name, _ in EVENT_TYPES.values()] + list(SUB_EVENT_TYPES.values())
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in name) for name in arabic)


def test_colours_are_stable_and_bounded():
    values = ["Battles"] * 5 + [f"type {i}" for i in range(30)] + [None]
    colours = type_colours(values)
    assert colours["Battles"] == EVENT_TYPES["Battles"][1]
    assert set(colours.values()) <= {c for _, c in EVENT_TYPES.values()} | set(EXTRA_COLOURS) | {
        OTHER_COLOUR,
        colours[None],
    }
    assert list(colours.values()).count(OTHER_COLOUR) == 30 - len(EXTRA_COLOURS)
    assert type_colours(list(reversed(values))) == colours  # order of rows does not change colours
