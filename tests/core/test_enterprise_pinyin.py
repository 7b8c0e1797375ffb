"""Pinyin keys, the pinyin sort of names and 属地, and the pinyin search of the registry."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from inspector.core.enterprises import EnterpriseFilter, cannot_match
from inspector.core.pinyin import pinyin_keys, pinyin_query, prefix_end, sort_key
from inspector.db.models import Enterprise
from tests.factories import enterprise_input


@pytest.mark.parametrize(
    ("text", "initials", "full"),
    [
        ("常州华科", "czhk", "changzhouhuake"),
        ("重庆长安化工有限公司", "cqcahgyxgs", "chongqingchanganhuagongyouxiangongsi"),  # 重 is chong
        ("长沙银行", "csyh", "changshayinhang"),  # 长 chang before 沙, 行 hang in 银行
        ("中国ABC12科技", "zgabc12kj", "zhongguoabc12keji"),  # Latin and digits kept whole
        ("ＢＡＳＦ（常州）化工", "basfczhg", "basfchangzhouhuagong"),  # full-width folded, brackets dropped
        ("绿源", "ly", "lvyuan"),  # ü is v, as keyboards type it
        ("春江镇", "cjz", "chunjiangzhen"),
        ("", "", ""),
    ],
)
def test_keys(text: str, initials: str, full: str) -> None:
    assert pinyin_keys(text) == (initials, full)


def test_queries_and_prefix_ranges() -> None:
    assert pinyin_query(" CZHK ") == "czhk"
    assert pinyin_query("chang zhou") == "changzhou"
    assert pinyin_query("ｃｚｈ") == "czh"
    for not_pinyin in ("常州", "MA1", "czh2", "", "  "):
        assert pinyin_query(not_pinyin) is None
    assert prefix_end("czh") == "czi" and prefix_end("z") == "{"
    assert sorted(["常州", "北京", "安徽", "重庆"], key=sort_key) == ["安徽", "北京", "常州", "重庆"]


def test_a_miss_rules_out_longer_texts_by_prefix_for_pinyin_and_by_containment_for_chinese() -> None:
    assert cannot_match("czhkx", "czhk") and not cannot_match("xczhk", "czhk")
    assert cannot_match("新北常州", "常州") and not cannot_match("常", "常州")
    assert not cannot_match("czhk", "常州") and not cannot_match("常州", "cz")


def test_homophones_sort_by_name_then_id(services, actor) -> None:
    """华 and 化 are both hua: equal keys go by the name (in the database's collation: code point on
    SQLite, tone order on a PostgreSQL with a zh collation), then the id, so pages never overlap."""
    es = services.enterprises
    for n, name in enumerate(["常州华科有限公司", "常州化科有限公司", "常州华科有限公司"], start=1):
        es.create(actor, enterprise_input(n, name=name))
    f = EnterpriseFilter(text="czhk")
    rows = es.page(f, 0, 10)
    assert sorted(r.name for r in rows) == sorted(
        ["常州华科有限公司", "常州化科有限公司", "常州华科有限公司"]
    )
    assert rows[0].name == rows[1].name or rows[1].name == rows[2].name  # the two 华科 side by side
    same = [r.id for r in rows if r.name == "常州华科有限公司"]
    assert same == sorted(same)  # then by id
    assert [r.id for r in es.page(f, 0, 10, descending=True)] == [r.id for r in rows][::-1]
    assert [r.id for r in es.page(f, 0, 1) + es.page(f, 1, 1) + es.page(f, 2, 1)] == [r.id for r in rows]


def test_pinyin_search_sort_and_jurisdictions(services, actor) -> None:
    es = services.enterprises
    names = {
        1: ("常州华科精细化工有限公司", "薛家镇"),
        2: ("北京中化化工有限公司", "春江镇"),
        3: ("安徽华星化工有限公司", "安家镇"),
        4: ("重庆长安化工有限公司", "春江镇"),
        5: ("常州华强物流有限公司", "薛家镇"),
    }
    ids = {
        n: es.create(actor, enterprise_input(n, name=name, jurisdiction=place))
        for n, (name, place) in names.items()
    }

    def found(text: str) -> list[str]:
        return [name for _id, name, _code in es.search_names(text)]

    assert found("czhk") == ["常州华科精细化工有限公司"]
    assert found("changzhouhuake") == ["常州华科精细化工有限公司"]
    assert found("changz") == ["常州华科精细化工有限公司", "常州华强物流有限公司"]  # huake before huaqiang
    assert found("CZH") == found("czh") == found("changz")
    assert found("cqca") == ["重庆长安化工有限公司"]  # phrase-aware: 重庆 is chongqing, not zhongqing
    assert found("zhongqing") == []
    assert found("华科") == ["常州华科精细化工有限公司"]  # Chinese text: anywhere in the name, as before
    assert es.count(EnterpriseFilter(text="czhk")) == 1
    assert es.count(EnterpriseFilter(text="hgyxgs")) == 0  # pinyin matches from the start

    page = [r.name for r in es.page(EnterpriseFilter(), 0, 10)]
    assert page == [
        "安徽华星化工有限公司",
        "北京中化化工有限公司",
        "常州华科精细化工有限公司",
        "常州华强物流有限公司",
        "重庆长安化工有限公司",  # chong… after chang…
    ]
    assert [r.name for r in es.page(EnterpriseFilter(), 0, 10, descending=True)] == page[::-1]
    by_place = [(r.jurisdiction, r.name) for r in es.page(EnterpriseFilter(), 0, 10, sort="jurisdiction")]
    assert by_place == [  # each 属地's names in pinyin order too (bei before chong; huake before huaqiang)
        ("安家镇", "安徽华星化工有限公司"),
        ("春江镇", "北京中化化工有限公司"),
        ("春江镇", "重庆长安化工有限公司"),
        ("薛家镇", "常州华科精细化工有限公司"),
        ("薛家镇", "常州华强物流有限公司"),
    ]
    assert es.jurisdictions() == ["安家镇", "春江镇", "薛家镇"]

    # An edit of the name or 属地 rewrites the keys.
    data, version = es.get(ids[3])
    data.name, data.jurisdiction = "张家港华星化工有限公司", "孟河镇"
    es.update(actor, ids[3], data, version)
    assert found("zjg") == ["张家港华星化工有限公司"] and found("ahhx") == []
    assert es.jurisdictions() == ["春江镇", "孟河镇", "薛家镇"]
    with services.db.reading() as s:
        row = s.scalars(select(Enterprise).where(Enterprise.id == ids[3])).one()
        assert (row.name_initials, row.jurisdiction_pinyin) == ("zjghxhgyxgs", "menghezhen")


def test_the_registry_by_jurisdiction_lists_each_places_names_in_pinyin_order(services, actor) -> None:
    es = services.enterprises
    for n, name in enumerate(("重庆长安化工有限公司", "北京中化化工有限公司", "安徽华星化工有限公司"), 1):
        es.create(actor, enterprise_input(n, name=name, jurisdiction="春江镇"))  # ids against pinyin
    rows = es.page(EnterpriseFilter(), 0, 10, sort="jurisdiction")
    assert [r.name for r in rows] == ["安徽华星化工有限公司", "北京中化化工有限公司", "重庆长安化工有限公司"]
