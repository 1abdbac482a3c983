"""Name handling shared by the build steps: alias lists, «مركز» prefixes, Arabic alternates from GeoNames."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from geomap.arabic import is_arabic
from geomap.build.sources import clean
from geomap.gazetteer.schema import Place

__all__ = ["NON_ARABIC_LETTERS", "add_aliases", "alias_tuple", "arabic_alternates", "strip_markaz"]

# Letters used in Persian, Urdu, Kurdish or Pashto but not in Arabic: GeoNames alternates containing them are not
# Arabic names.
NON_ARABIC_LETTERS = frozenset("پچژگکیۀےٹڈڑںھۆێەڵڕګځښ")


def alias_tuple(
    name_ar: str, name_en: str, names: Iterable[str | None], existing: Iterable[str] = ()
) -> tuple[str, ...]:
    """`existing` plus each of `names` (whitespace folded) that is new and is neither the Arabic nor English name."""
    out = list(existing)
    for name in names:
        name = clean(name)
        if name and name != name_ar and name != name_en and name not in out:
            out.append(name)
    return tuple(out)


def add_aliases(place: Place, *names: str | None) -> Place:
    """The place with `names` appended to its aliases (see `alias_tuple`)."""
    aliases = alias_tuple(place.name_ar, place.name_en, names, place.aliases)
    return place if aliases == place.aliases else replace(place, aliases=aliases)


def strip_markaz(name: str) -> str | None:
    """«مركز إدلب» → «إدلب» (and «مركزالحفة» → «الحفة»), the name people use for a centre sub-district."""
    if name.startswith("مركز"):
        rest = name[len("مركز") :].strip()
        return rest or None
    return None


def arabic_alternates(names: Iterable[str]) -> list[str]:
    """The Arabic-script names among `names`, without Persian/Kurdish letters or Latin, first occurrence kept."""
    out = []
    for n in names:
        n = clean(n)
        if (
            is_arabic(n)
            and not (set(n) & NON_ARABIC_LETTERS)
            and not any(c.isascii() and c.isalpha() for c in n)
            and n not in out
        ):
            out.append(n)
    return out
