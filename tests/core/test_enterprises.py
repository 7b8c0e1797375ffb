import pytest
from sqlalchemy import select

from inspector.core.enterprises import EnterpriseFilter
from inspector.core.errors import ConcurrentEditError, DuplicateError, ValidationError
from inspector.db.models import AuditEvent, Enterprise
from tests.factories import credit_code, enterprise_input


def test_create_writes_enterprise_and_audit_event(services, actor) -> None:
    eid = services.enterprises.create(
        actor, enterprise_input(1, categories=["危化品使用", "涉爆粉尘"], dust_workers=12)
    )
    with services.db.reading() as s:
        e = s.get(Enterprise, eid)
        assert e.name == "常州市新北区测试化工有限公司1"
        assert sorted(c.kind for c in e.categories) == ["危化品使用", "涉爆粉尘"]
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity_id == eid)).all()
        assert [(ev.action, ev.actor_name) for ev in events] == [("create", "张检查")]
        assert events[0].after["credit_code"] == credit_code(1)


def test_invalid_input_writes_nothing_and_names_every_field(services, actor) -> None:
    bad = enterprise_input(1, name=" ", credit_code="91320000134766570A", phone="123")
    with pytest.raises(ValidationError) as exc:
        services.enterprises.create(actor, bad)
    assert [e.field for e in exc.value.errors] == ["name", "credit_code", "phone"]
    assert [e.message for e in exc.value.errors] == [
        "企业名称不能为空",
        "统一社会信用代码校验位错误：末位应为 R，请核对",
        "联系电话格式不正确：应为11位手机号或带区号的固定电话（如 0519-85123456）",
    ]
    assert services.enterprises.count(EnterpriseFilter()) == 0
    with services.db.reading() as s:
        assert s.scalar(select(AuditEvent.id)) is None


def test_dust_enterprise_needs_worker_count(services, actor) -> None:
    with pytest.raises(ValidationError, match="涉爆粉尘企业须填写涉粉作业人数"):
        services.enterprises.create(actor, enterprise_input(1, categories=["涉爆粉尘"]))


def test_duplicate_credit_code_refused(services, actor) -> None:
    services.enterprises.create(actor, enterprise_input(1))
    with pytest.raises(DuplicateError, match="已登记为"):
        services.enterprises.create(actor, enterprise_input(1, name="另一家公司"))


def test_update_records_only_changed_fields(services, actor) -> None:
    eid = services.enterprises.create(actor, enterprise_input(1))
    data, version = services.enterprises.get(eid)
    data.phone = "13912345678"
    data.categories = ["危化品储存"]
    services.enterprises.update(actor, eid, data, version)
    with services.db.reading() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.action == "update")).one()
        assert ev.before == {"phone": "0519-85123456", "categories": ["危化品使用"]}
        assert ev.after == {"phone": "13912345678", "categories": ["危化品储存"]}


def test_stale_edit_is_refused(services, actor) -> None:
    eid = services.enterprises.create(actor, enterprise_input(1))
    first, v1 = services.enterprises.get(eid)
    second, _ = services.enterprises.get(eid)
    first.phone = "13900000000"
    services.enterprises.update(actor, eid, first, v1)
    second.address = "别处"
    with pytest.raises(ConcurrentEditError):
        services.enterprises.update(actor, eid, second, v1)


def test_search_filter_sort_and_paging(services, actor) -> None:
    for n in range(1, 26):
        services.enterprises.create(
            actor,
            enterprise_input(
                n,
                name=f"企业{n:02d}",
                jurisdiction="春江镇" if n % 2 else "薛家镇",
                categories=["燃气"] if n % 5 == 0 else ["危化品经营"],
                status="停产" if n == 7 else "在产",
            ),
        )
    es = services.enterprises
    assert es.count(EnterpriseFilter()) == 25
    assert es.count(EnterpriseFilter(jurisdiction="薛家镇")) == 12
    assert es.count(EnterpriseFilter(category="燃气")) == 5
    assert [r.name for r in es.page(EnterpriseFilter(status="停产"), 0, 10)] == ["企业07"]
    assert [r.name for r in es.page(EnterpriseFilter(text="企业1"), 0, 50)] == [
        f"企业{n}" for n in range(10, 20)
    ]
    assert es.count(EnterpriseFilter(text=credit_code(3)[-8:])) == 1
    page2 = es.page(EnterpriseFilter(), 10, 10, sort="name", descending=True)
    assert [r.name for r in page2] == [f"企业{n:02d}" for n in range(15, 5, -1)]
    assert es.jurisdictions() == sorted(["春江镇", "薛家镇"])
    # LIKE wildcards typed by a user are literal.
    assert es.count(EnterpriseFilter(text="%")) == 0


def test_overlong_text_fields_are_refused_by_name_before_the_database_sees_them(services, actor) -> None:
    """PostgreSQL refuses text longer than the column; the user gets the field's name, not a traceback."""
    data = enterprise_input(9, jurisdiction="春江" * 30, principal="王" * 51, industry="化" * 101)
    with pytest.raises(ValidationError) as err:
        services.enterprises.create(actor, data)
    assert err.value.for_field("jurisdiction") == "属地过长：最多50个字符，当前60个"
    assert err.value.for_field("principal") == "主要负责人过长：最多50个字符，当前51个"
    assert err.value.for_field("industry") == "行业过长：最多100个字符，当前101个"
    assert services.enterprises.count(EnterpriseFilter()) == 0
