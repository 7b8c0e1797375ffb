"""The demo vocabulary is data (resources/demo/names.toml): it loads, and a wrong entry is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.demo.names import NAMES_FILE, load, vocabulary
from inspector.core.enums import DUST_KINDS, HAZARD_SUBCATEGORIES, CategoryKind
from inspector.paths import resource


def test_shipped_vocabulary_loads_and_fits_the_app() -> None:
    words = vocabulary()
    assert len(words.town_officers) == len(words.jurisdictions)  # one officer per town office
    assert len(words.surnames) == len(words.surname_weights)
    assert {k for p in words.profiles for k in p.categories} == set(CategoryKind)
    assert set(words.dust_industry) == set(DUST_KINDS)
    assert {d for p in words.profiles for d in p.dust_kinds} <= set(DUST_KINDS)
    subcategories = {s for subs in HAZARD_SUBCATEGORIES.values() for s in subs}
    assert {t.subcategory for t in words.hazard_templates} <= subcategories
    assert any(t.major for t in words.hazard_templates)
    assert all(lo <= hi for t in (words.hazard_templates) for lo, hi in [t.funds])
    assert "{n}" in words.note_found


def test_a_template_without_contingency_gets_the_default() -> None:
    words = vocabulary()
    defaults = [t for t in words.hazard_templates if t.contingency.startswith("整改完成前落实专人巡查")]
    assert defaults and len(defaults) < len(words.hazard_templates)


def test_an_unknown_category_is_named(tmp_path: Path) -> None:
    text = resource(*NAMES_FILE).read_text(encoding="utf-8")
    bad = tmp_path / "names.toml"
    bad.write_text(text.replace('categories = ["燃气"]', 'categories = ["煤气"]', 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"names\.toml: ValueError: '煤气' is not a valid CategoryKind"):
        load(bad)


def test_a_missing_key_is_named(tmp_path: Path) -> None:
    text = resource(*NAMES_FILE).read_text(encoding="utf-8")
    bad = tmp_path / "names.toml"
    bad.write_text(text.replace("district_unit = ", "district_office = ", 1), encoding="utf-8")
    with pytest.raises(ValueError, match="KeyError: 'district_unit'"):
        load(bad)
