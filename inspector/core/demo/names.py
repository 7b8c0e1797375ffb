"""The demo vocabulary (resources/demo/names.toml) as typed, immutable values.

The words live in a data file so someone who knows the domain can correct them without reading
code; this module only reads and checks them (every 监管类别 must be one the app knows), once.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from inspector.core.enums import CategoryKind
from inspector.paths import resource


@dataclass(frozen=True)
class Profile:
    """A kind of supervised enterprise: its categories, industry words and usual work areas."""

    key: str
    weight: int
    categories: tuple[CategoryKind, ...]
    extra_categories: tuple[tuple[CategoryKind, float], ...]  # (category, probability)
    industry: str
    name_words: tuple[str, ...]
    areas: tuple[str, ...]
    major_source_p: float = 0.0  # share with a 重大危险源
    process_p: float = 0.0  # share with 重点监管危险化工工艺
    risk: tuple[int, int, int, int] = (1, 3, 4, 2)  # weights for 红/橙/黄/蓝
    dust_kinds: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()  # preferred 属地 (half of them land there)


@dataclass(frozen=True)
class HazardTemplate:
    """One kind of finding: where, what, which rule it breaks and how it is usually fixed."""

    subcategory: str
    locations: tuple[str, ...]
    description: str
    legal_basis: str
    measures: str
    funds: tuple[int, int]  # typical cost in yuan (low, high)
    kinds: frozenset[str]  # empty: applies to every enterprise
    major: bool
    contingency: str


@dataclass(frozen=True)
class Vocabulary:
    """Places, names and hazard templates of a district like 常州市新北区."""

    district: str
    address_prefix: str
    jurisdictions: dict[str, tuple[int, tuple[str, ...]]]  # 属地 → (weight, roads)
    district_unit: str
    district_staff: tuple[tuple[str, str], ...]  # (name, role)
    town_officers: tuple[str, ...]
    supervision_units: tuple[str, ...]
    surnames: tuple[str, ...]
    surname_weights: tuple[int, ...]
    given_chars: tuple[str, ...]
    mobile_prefixes: tuple[str, ...]
    landline_prefixes: tuple[str, ...]
    trade_chars: tuple[str, ...]
    name_prefixes: tuple[str, ...]
    name_prefix_weights: tuple[int, ...]
    company_suffixes: tuple[str, ...]
    responsible_units: tuple[str, ...]
    profiles: tuple[Profile, ...]
    dust_industry: dict[str, str]
    inspection_notes: tuple[str, ...]
    note_found: str  # {n}: the number of hazards found
    note_none: str
    extension_reasons: tuple[str, ...]
    review_pass: tuple[str, ...]
    review_fail: tuple[str, ...]
    on_spot_note: str
    major_note: str
    hazard_templates: tuple[HazardTemplate, ...]


NAMES_FILE = ("demo", "names.toml")


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once per process."""
    return load(resource(*NAMES_FILE))


def load(path: Path) -> Vocabulary:
    """Read and check a vocabulary file; a wrong 监管类别 or a missing key raises ValueError."""
    with path.open("rb") as f:
        raw = tomllib.load(f)
    try:
        return _vocabulary(raw)
    except (KeyError, TypeError, ValueError) as e:
        raise ValueError(f"{path}: {type(e).__name__}: {e}") from None


def _strings(values: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


def _pairs(values: Any) -> tuple[tuple[str, int], ...]:
    return tuple((str(a), int(b)) for a, b in values)


def _profile(raw: dict[str, Any]) -> Profile:
    r1, r2, r3, r4 = (int(w) for w in raw.get("risk", (1, 3, 4, 2)))
    return Profile(
        key=str(raw["key"]),
        weight=int(raw["weight"]),
        categories=tuple(CategoryKind(c) for c in raw["categories"]),
        extra_categories=tuple(
            (CategoryKind(c), float(p)) for c, p in raw.get("extra_categories", {}).items()
        ),
        industry=str(raw["industry"]),
        name_words=_strings(raw["name_words"]),
        areas=_strings(raw["areas"]),
        major_source_p=float(raw.get("major_source_p", 0.0)),
        process_p=float(raw.get("process_p", 0.0)),
        risk=(r1, r2, r3, r4),
        dust_kinds=_strings(raw.get("dust_kinds", ())),
        jurisdictions=_strings(raw.get("jurisdictions", ())),
    )


def _template(raw: dict[str, Any], default_contingency: str) -> HazardTemplate:
    low, high = (int(x) for x in raw["funds"])
    return HazardTemplate(
        subcategory=str(raw["subcategory"]),
        locations=_strings(raw["locations"]),
        description=str(raw["description"]),
        legal_basis=str(raw["legal_basis"]),
        measures=str(raw["measures"]),
        funds=(low, high),
        kinds=frozenset(CategoryKind(k).value for k in raw.get("kinds", ())),
        major=bool(raw.get("major", False)),
        contingency=str(raw.get("contingency", default_contingency)),
    )


def _vocabulary(raw: dict[str, Any]) -> Vocabulary:
    surnames = _pairs(raw["surnames"])
    prefixes = _pairs(raw["name_prefixes"])
    default_contingency = str(raw["default_contingency"])
    return Vocabulary(
        district=str(raw["district"]),
        address_prefix=str(raw["address_prefix"]),
        jurisdictions={
            str(name): (int(j["weight"]), _strings(j["roads"])) for name, j in raw["jurisdictions"].items()
        },
        district_unit=str(raw["district_unit"]),
        district_staff=tuple((str(name), str(role)) for name, role in raw["district_staff"]),
        town_officers=_strings(raw["town_officers"]),
        supervision_units=_strings(raw["supervision_units"]),
        surnames=tuple(s for s, _w in surnames),
        surname_weights=tuple(w for _s, w in surnames),
        given_chars=_strings(raw["given_chars"]),
        mobile_prefixes=_strings(raw["mobile_prefixes"]),
        landline_prefixes=_strings(raw["landline_prefixes"]),
        trade_chars=_strings(raw["trade_chars"]),
        name_prefixes=tuple(p for p, _w in prefixes),
        name_prefix_weights=tuple(w for _p, w in prefixes),
        company_suffixes=_strings(raw["company_suffixes"]),
        responsible_units=_strings(raw["responsible_units"]),
        profiles=tuple(_profile(p) for p in raw["profiles"]),
        dust_industry={str(k): str(v) for k, v in raw["dust_industry"].items()},
        inspection_notes=_strings(raw["inspection_notes"]),
        note_found=str(raw["note_found"]),
        note_none=str(raw["note_none"]),
        extension_reasons=_strings(raw["extension_reasons"]),
        review_pass=_strings(raw["review_pass"]),
        review_fail=_strings(raw["review_fail"]),
        on_spot_note=str(raw["on_spot_note"]),
        major_note=str(raw["major_note"]),
        hazard_templates=tuple(_template(t, default_contingency) for t in raw["hazards"]),
    )
