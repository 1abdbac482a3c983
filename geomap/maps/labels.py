"""The map interface in Arabic (default) and English: the options that take a fixed set of strings, and every
label the page shows. Labels are geomap's own constants; the page still shows them with textContent."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ATTRIBUTION", "LABELS", "MAP_ATTRIBUTION", "AdminLevel", "Cluster", "Lang"]


class Lang(StrEnum):
    """Interface language of a map."""

    AR = "ar"
    EN = "en"


class Cluster(StrEnum):
    """How incidents are drawn: grouped into counted clusters (spread out at the last zoom) or one dot each."""

    AUTO = "auto"
    NONE = "none"


class AdminLevel(StrEnum):
    """Admin level of a choropleth."""

    ADMIN1 = "admin1"
    ADMIN2 = "admin2"
    ADMIN3 = "admin3"

    @property
    def level(self) -> int:
        return int(self.value[-1])


ATTRIBUTION = (
    "Boundaries: Syrian Arab Republic COD-AB, UNCS and UN OCHA via HDX (CC BY 3.0 IGO); the designations employed "
    "do not imply official endorsement or acceptance by the United Nations. Countries: Natural Earth (public domain) "
    "via countryinfo. Places: OCHA, GeoNames (CC BY 4.0). Map: geomap."
)
MAP_ATTRIBUTION = "Boundaries © UNCS, UN OCHA (CC BY 3.0 IGO) · Natural Earth · GeoNames · geomap"  # on the map itself

_AR = {
    "title": "خريطة الحوادث",
    "panel": "الفلاتر ومفتاح الخريطة",
    "openPanel": "الفلاتر",
    "closePanel": "إغلاق",
    "shown": "حادثة معروضة من",
    "types": "نوع الحدث",
    "untyped": "غير مصنف",
    "otherTypes": "أنواع أخرى",
    "all": "الكل",
    "none": "لا شيء",
    "dates": "الفترة",
    "from": "من",
    "to": "إلى",
    "play": "تشغيل",
    "pause": "إيقاف",
    "undated": "بلا تاريخ",
    "actor": "الجهة الفاعلة",
    "actorHint": "اكتب جزءاً من اسم الجهة",
    "precision": "دقة الموقع",
    "precisionNames": {"1": "بلدة أو نقطة", "2": "جزء من منطقة أو قرب بلدة", "3": "منطقة واسعة", "0": "غير معروفة"},
    "outside": "حوادث خارج سوريا",
    "export": "تصدير الحوادث المعروضة",
    "search": "ابحث عن مكان",
    "searchGo": "اذهب",
    "notFound": "لا يوجد مكان بهذا الاسم",
    "results": "نتائج",
    "list": "الحوادث في نطاق الخريطة",
    "more": "حادثة أخرى: قرّب الخريطة لرؤيتها",
    "incidents": "الحوادث",
    "areas": "مناطق الحوادث",
    "choropleth": "عدد الحوادث حسب الوحدة الإدارية",
    "heat": "كثافة الحوادث",
    "builtin": "الخريطة المدمجة (دون إنترنت)",
    "labelsLayer": "أسماء الأماكن",
    "date": "التاريخ",
    "type": "النوع",
    "subType": "النوع الفرعي",
    "actors": "الأطراف",
    "fatalities": "القتلى",
    "injuries": "الجرحى",
    "notStated": "غير مذكور",
    "confidence": "الثقة",
    "sources": "المصادر",
    "reports": "عدد التقارير",
    "merged": "تقارير مدمجة",
    "id": "المعرّف",
    "link": "رابط",
    "cluster": "حادثة هنا، انقر للتكبير أو للتفريق",
    "tilesFailed": "تعذر تحميل خريطة الإنترنت، فعُرضت الخريطة المدمجة.",
    "sea": "البحر المتوسط",
    "outsideNote": "خارج سوريا",
    "kinds": {
        "governorate": "محافظة",
        "district": "منطقة",
        "subdistrict": "ناحية",
        "community": "بلدة أو قرية",
        "neighbourhood": "حي",
        "region": "منطقة جغرافية",
        "landmark": "معلم",
    },
}
_EN = {
    "title": "Incident map",
    "panel": "Filters and legend",
    "openPanel": "Filters",
    "closePanel": "Close",
    "shown": "incidents shown of",
    "types": "Event type",
    "untyped": "Untyped",
    "otherTypes": "Other types",
    "all": "All",
    "none": "None",
    "dates": "Dates",
    "from": "From",
    "to": "To",
    "play": "Play",
    "pause": "Pause",
    "undated": "undated",
    "actor": "Actor",
    "actorHint": "Type part of an actor's name",
    "precision": "Location precision",
    "precisionNames": {"1": "Town or point", "2": "Part of a region, near a town", "3": "Large region", "0": "Unknown"},
    "outside": "Incidents outside Syria",
    "export": "Export the incidents shown",
    "search": "Search for a place",
    "searchGo": "Go",
    "notFound": "No place of that name",
    "results": "results",
    "list": "Incidents in view",
    "more": "more incidents: zoom in to see them",
    "incidents": "Incidents",
    "areas": "Incident areas",
    "choropleth": "Incidents per admin unit",
    "heat": "Incident density",
    "builtin": "Built-in map (offline)",
    "labelsLayer": "Place names",
    "date": "Date",
    "type": "Type",
    "subType": "Sub-event type",
    "actors": "Actors",
    "fatalities": "Fatalities",
    "injuries": "Injuries",
    "notStated": "not stated",
    "confidence": "Confidence",
    "sources": "Sources",
    "reports": "Reports",
    "merged": "Merged reports",
    "id": "ID",
    "link": "link",
    "cluster": "incidents here; click to zoom in or spread them out",
    "tilesFailed": "Online map tiles could not be loaded; the built-in map is shown.",
    "sea": "Mediterranean Sea",
    "outsideNote": "outside Syria",
    "kinds": {
        "governorate": "governorate",
        "district": "district",
        "subdistrict": "sub-district",
        "community": "town or village",
        "neighbourhood": "neighbourhood",
        "region": "region",
        "landmark": "landmark",
    },
}
LABELS: dict[Lang, dict[str, object]] = {Lang.AR: _AR, Lang.EN: _EN}
