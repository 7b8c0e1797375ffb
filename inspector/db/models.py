"""SQLAlchemy 2.0 models for every entity of DOMAIN.md.

Portable across SQLite and PostgreSQL: no dialect-specific types. Enumerations are stored as their
Chinese value strings (see core.enums) so a raw SQL look at the database is readable too.
Overdue (逾期) is never stored; it is derived from ``Hazard.deadline`` and the state.

One room past 600 lines: the schema is read as a whole, and the migrations in db/ mirror it.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now(), onupdate=func.now())


def pinyin_key_type(length: int) -> String:
    """A stored pinyin key (migration 0012): plain text on SQLite, which compares bytes; ``C``
    collation on PostgreSQL, so a btree index there sorts the ASCII keys the same way and serves
    prefix range scans (``key >= 'czh' AND key < 'czi'``) as SQLite's does."""
    return String(length).with_variant(postgresql.VARCHAR(length, collation="C"), "postgresql")


class Enterprise(Timestamped, Base):
    __tablename__ = "enterprises"
    __table_args__ = (
        # Sort by pinyin (then name, id) and prefix search on the full pinyin or the initials;
        # 属地 by pinyin, then the names by pinyin (migration 0014), as every list and the ledger.
        Index("ix_enterprises_name_pinyin", "name_pinyin", "name", "id"),
        Index("ix_enterprises_name_initials", "name_initials"),
        Index(
            "ix_enterprises_place_order", "jurisdiction_pinyin", "jurisdiction", "name_pinyin", "name", "id"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    credit_code: Mapped[str] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    jurisdiction: Mapped[str] = mapped_column(String(50), index=True)  # 属地: 园区/镇/街道
    industry: Mapped[str] = mapped_column(String(100), default="")
    legal_representative: Mapped[str] = mapped_column(String(50), default="")
    principal: Mapped[str] = mapped_column(String(50), default="")  # 主要负责人
    safety_director: Mapped[str] = mapped_column(String(50), default="")  # 安全总监
    phone: Mapped[str] = mapped_column(String(50), default="")
    # 职务 of the 法定代表人（负责人） as the 现场检查记录 prints it, e.g. 总经理 (migration 0005).
    head_title: Mapped[str] = mapped_column(String(50), default="")
    status: Mapped[str] = mapped_column(String(10), default="在产", index=True)
    risk_grade: Mapped[str | None] = mapped_column(String(4))
    # Category details kept on the enterprise: one value each, whichever category row needs it.
    dust_kind: Mapped[str | None] = mapped_column(String(50))
    dust_workers: Mapped[int | None] = mapped_column(Integer)  # 涉粉作业人数
    major_hazard_grade: Mapped[str | None] = mapped_column(String(4))  # 重大危险源等级
    hazardous_processes: Mapped[str] = mapped_column(String(300), default="")  # 、-separated
    plant_in_plant: Mapped[bool] = mapped_column(Boolean, default=False)  # 厂中厂
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Pinyin keys of the name and 属地 (core.pinyin), written with them by core.enterprises: 常州华科
    # is stored as "czhk" and "changzhouhuake" (up to six letters per character).
    name_initials: Mapped[str] = mapped_column(pinyin_key_type(200), default="")
    name_pinyin: Mapped[str] = mapped_column(pinyin_key_type(1200), default="")
    jurisdiction_pinyin: Mapped[str] = mapped_column(pinyin_key_type(300), default="")

    categories: Mapped[list[EnterpriseCategory]] = relationship(
        back_populates="enterprise", cascade="all, delete-orphan", order_by="EnterpriseCategory.kind"
    )

    __mapper_args__ = {"version_id_col": version}


class EnterpriseCategory(Base):
    __tablename__ = "enterprise_categories"
    __table_args__ = (
        UniqueConstraint("enterprise_id", "kind"),
        Index("ix_enterprise_categories_kind", "kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # CategoryKind value
    enterprise: Mapped[Enterprise] = relationship(back_populates="categories")


class Inspector(Base):
    __tablename__ = "inspectors"
    __table_args__ = (Index("uq_inspectors_db_role", "db_role", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    certificate_no: Mapped[str] = mapped_column(String(50), default="")  # 执法证号
    unit: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(10), default="检查员")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The person's own PostgreSQL login on a team server (migration 0007); None on a laptop.
    db_role: Mapped[str | None] = mapped_column(String(63))


inspection_inspectors = Table(
    "inspection_inspectors",
    Base.metadata,
    Column("inspection_id", ForeignKey("inspections.id", ondelete="CASCADE"), primary_key=True),
    Column("inspector_id", ForeignKey("inspectors.id"), primary_key=True),
    # "Hazards found by inspector X" filters from the inspector side of the pair.
    Index("ix_inspection_inspectors_inspector_id", "inspector_id"),
)

reinspection_inspectors = Table(
    "reinspection_inspectors",
    Base.metadata,
    Column("reinspection_id", ForeignKey("reinspections.id", ondelete="CASCADE"), primary_key=True),
    Column("inspector_id", ForeignKey("inspectors.id"), primary_key=True),
    Index("ix_reinspection_inspectors_inspector_id", "inspector_id"),
)


class Inspection(Timestamped, Base):
    """检查记录. ``doc_year``/``doc_serial`` are the serial its documents share (DOCUMENTS.md),
    drawn when the first document of the visit is issued (migration 0005)."""

    __tablename__ = "inspections"
    __table_args__ = (
        Index("ix_inspections_enterprise_date", "enterprise_id", "inspected_on"),
        Index("uq_inspections_doc_year_serial", "doc_year", "doc_serial", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    inspected_on: Mapped[date] = mapped_column(Date, index=True)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    kind: Mapped[str] = mapped_column(String(20))  # InspectionKind value
    representative: Mapped[str] = mapped_column(String(50), default="")  # 企业陪同人员
    place: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")  # 检查情况
    checklist: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    doc_year: Mapped[int | None] = mapped_column(Integer)
    doc_serial: Mapped[int | None] = mapped_column(Integer)

    enterprise: Mapped[Enterprise] = relationship()
    inspectors: Mapped[list[Inspector]] = relationship(secondary=inspection_inspectors)
    hazards: Mapped[list[Hazard]] = relationship(back_populates="inspection", order_by="Hazard.id")


OPEN_LATE_COLUMNS = ("state", "deadline", "reported_done_on", "enterprise_id", "category")
# Literal values, not parameters: a query uses the partial index only when it names the same states
# (OPEN_HAZARDS_SQL, qualified, so it stays unambiguous in a join).
_OPEN_STATES = "('待整改', '整改中', '待复查')"
OPEN_STATES_SQL = text(f"state IN {_OPEN_STATES}")
OPEN_HAZARDS_SQL = text(f"hazards.state IN {_OPEN_STATES}")


class Hazard(Timestamped, Base):
    """隐患. Change state only through core.lifecycle (one transition function with its audit event).

    On SQLite, the FTS5 table ``hazards_fts`` (number, location, description) is kept in sync by
    triggers created in migration 0002, and ``hazard_tallies`` (the 统计 page's monthly counts,
    inspector.db.tallies) by those of migration 0013; a later batch migration that recreates
    ``hazards`` or ``enterprises`` must recreate those triggers too.
    """

    __tablename__ = "hazards"
    __table_args__ = (
        Index("ix_hazards_state_deadline", "state", "deadline"),
        Index("ix_hazards_enterprise_state", "enterprise_id", "state"),
        Index("ix_hazards_found_on", "found_on"),
        Index("ix_hazards_closed_on", "closed_on"),
        Index("ix_hazards_level_state", "level", "state"),
        # Sorting the whole list by 整改时限 without a state filter (migration 0002).
        Index("ix_hazards_deadline", "deadline"),
        Index("ix_hazards_category_subcategory", "category", "subcategory"),
        # The tracker's default view: open hazards, newest first (migration 0003).
        Index("ix_hazards_state_found_on", "state", "found_on"),
        # Each tracker sort in index order, id as tie-break, state trailing (migration 0011).
        Index("ix_hazards_state_id", "state", "id"),
        Index("ix_hazards_level_id_state", "level", "id", "state"),
        Index("ix_hazards_category_id_state", "category", "id", "state"),
        Index("ix_hazards_found_on_id_state", "found_on", "id", "state"),
        Index("ix_hazards_deadline_id_state", "deadline", "id", "state"),
        Index("ix_hazards_number_state", "number", "state"),
        Index("ix_hazards_enterprise_id_state", "enterprise_id", "id", "state"),
        # 统计 / ledger: every column they read, per enterprise (migration 0011).
        Index("ix_hazards_stats", "enterprise_id", "category", "found_on", "closed_on", "level", "state"),
        # The open hazards' columns that core.overdue.classify reads, for the 统计 page's and the
        # charts' 逾期 figures; partial, so it holds only the open few (migration 0013).
        Index(
            "ix_hazards_open_late",
            *OPEN_LATE_COLUMNS,
            sqlite_where=OPEN_STATES_SQL,
            postgresql_where=OPEN_STATES_SQL,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)  # 隐患编号, never reused
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    source: Mapped[str] = mapped_column(String(10), default="检查发现")
    location: Mapped[str] = mapped_column(String(200))  # 部位
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(10))  # 基础管理/现场管理
    subcategory: Mapped[str] = mapped_column(String(30), default="")
    level: Mapped[str] = mapped_column(String(10), default="一般隐患")
    legal_basis: Mapped[str] = mapped_column(Text, default="")
    found_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(10), default="待整改")
    # 时限 of the five-in-place: the current deadline; extensions keep the old one in DeadlineExtension.
    deadline: Mapped[date | None] = mapped_column(Date)
    rectified_on_spot: Mapped[bool] = mapped_column(Boolean, default=False)  # 立查立改
    # 现场处理措施 (OnsiteMeasure values, ；-joined) for the 现场处理措施决定书 (migration 0005).
    onsite_measures: Mapped[str] = mapped_column(String(200), default="")
    reported_done_on: Mapped[date | None] = mapped_column(Date)  # 整改完成日期 (enterprise's report)
    closed_on: Mapped[date | None] = mapped_column(Date)  # 销号日期
    notes: Mapped[str] = mapped_column(Text, default="")  # 备注
    version: Mapped[int] = mapped_column(Integer, default=1)

    enterprise: Mapped[Enterprise] = relationship()
    inspection: Mapped[Inspection | None] = relationship(back_populates="hazards")
    plan: Mapped[RectificationPlan | None] = relationship(
        back_populates="hazard", uselist=False, cascade="all, delete-orphan"
    )
    reinspections: Mapped[list[ReInspection]] = relationship(
        back_populates="hazard", order_by="ReInspection.id", cascade="all, delete-orphan"
    )
    extensions: Mapped[list[DeadlineExtension]] = relationship(
        back_populates="hazard", order_by="DeadlineExtension.id", cascade="all, delete-orphan"
    )
    supervision: Mapped[Supervision | None] = relationship(
        back_populates="hazard", uselist=False, cascade="all, delete-orphan"
    )
    photos: Mapped[list[Photo]] = relationship(
        back_populates="hazard", order_by="Photo.id", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}


class RectificationPlan(Timestamped, Base):
    """整改方案（五到位）. The fifth element, 时限, is ``Hazard.deadline`` (one place, indexed)."""

    __tablename__ = "rectification_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), unique=True)
    responsible_unit: Mapped[str] = mapped_column(String(200), default="")  # 责任
    responsible_person: Mapped[str] = mapped_column(String(50), default="")
    measures: Mapped[str] = mapped_column(Text, default="")  # 措施
    funds: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))  # 资金（元）
    contingency: Mapped[str] = mapped_column(Text, default="")  # 预案 / 管控措施

    hazard: Mapped[Hazard] = relationship(back_populates="plan")


class DeadlineExtension(Base):
    """延期: the old deadline stays on record with the reason."""

    __tablename__ = "deadline_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), index=True)
    old_deadline: Mapped[date | None] = mapped_column(Date)
    new_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    hazard: Mapped[Hazard] = relationship(back_populates="extensions")


class ReInspection(Base):
    __tablename__ = "reinspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(4))  # 合格/不合格
    opinion: Mapped[str] = mapped_column(Text, default="")
    new_deadline: Mapped[date | None] = mapped_column(Date)  # on failure
    # The deadline the failed rectification had; kept because a failure replaces Hazard.deadline.
    previous_deadline: Mapped[date | None] = mapped_column(Date)

    hazard: Mapped[Hazard] = relationship(back_populates="reinspections")
    inspectors: Mapped[list[Inspector]] = relationship(secondary=reinspection_inspectors)


class Supervision(Base):
    """挂牌督办 of a major hazard; delisted (摘牌) only when the hazard is closed."""

    __tablename__ = "supervisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), unique=True)
    listed_on: Mapped[date] = mapped_column(Date, index=True)
    unit: Mapped[str] = mapped_column(String(100))  # 督办单位
    delisted_on: Mapped[date | None] = mapped_column(Date, index=True)

    hazard: Mapped[Hazard] = relationship(back_populates="supervision")


class PhotoBlob(Base):
    """Photo bytes stored once by content hash, in the database so a team server shares them."""

    __tablename__ = "photo_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    mime: Mapped[str] = mapped_column(String(30), default="image/jpeg")


class Photo(Base):
    __tablename__ = "photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    hazard_id: Mapped[int] = mapped_column(ForeignKey("hazards.id", ondelete="CASCADE"), index=True)
    phase: Mapped[str] = mapped_column(String(4))  # 整改前/整改后
    sha256: Mapped[str] = mapped_column(ForeignKey("photo_blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255), default="")
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    hazard: Mapped[Hazard] = relationship(back_populates="photos")
    blob: Mapped[PhotoBlob] = relationship()


document_hazards = Table(
    "document_hazards",
    Base.metadata,
    Column("document_id", ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True),
    Column("hazard_id", ForeignKey("hazards.id"), primary_key=True),
)


class Document(Base):
    """An issued enforcement document (执法文书); its number is never reused.

    ``seq`` counts the documents of a kind in a year (unique with them); the printed number uses
    the visit's chain ``serial`` and, for a second document of one kind in a chain (a later
    复查意见书, another 送达回执), ``sub`` ≥ 2: 〔2026〕12-2号.
    """

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kind", "year", "seq", name="uq_documents_kind_year_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # DocumentKind value
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int | None] = mapped_column(Integer)
    sub: Mapped[int] = mapped_column(Integer, default=1)
    number: Mapped[str] = mapped_column(String(60), unique=True)
    issued_on: Mapped[date] = mapped_column(Date, index=True)  # the 执法统计 counts by period (0006)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"), index=True)
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), index=True)
    # A re-inspection opinion refers to the order it follows up.
    refers_to_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # what was printed, for reprints
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    hazards: Mapped[list[Hazard]] = relationship(secondary=document_hazards, order_by="Hazard.id")
    refers_to: Mapped[Document | None] = relationship(remote_side=[id])


class Delivery(Base):
    """送达: when, how and to whom a document was handed over; remedy periods run from here."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), unique=True)
    receipt_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)  # 送达回执
    delivered_on: Mapped[date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(10))  # DeliveryMethod value
    place: Mapped[str] = mapped_column(String(200), default="")
    recipient: Mapped[str] = mapped_column(String(50), default="")
    server1_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    server2_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    document: Mapped[Document] = relationship(foreign_keys=[document_id])
    server1: Mapped[Inspector] = relationship(foreign_keys=[server1_id])
    server2: Mapped[Inspector] = relationship(foreign_keys=[server2_id])


class Checklist(Base):
    """检查表: one identity across versions. ``code`` is stable: a shipped standard's (GM-2023) or
    JG-<n> for an office's own list (migration 0008)."""

    __tablename__ = "checklists"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    source: Mapped[str] = mapped_column(String(10))  # ChecklistSource value
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    versions: Mapped[list[ChecklistVersion]] = relationship(
        back_populates="checklist", order_by="ChecklistVersion.version"
    )


class ChecklistVersion(Base):
    """One version of a checklist, never changed once written: editing adds the next version, and
    a visit's results point at the items of the version it used. ``digest`` fingerprints the
    content (core.checklists.model.content_digest), so an unchanged edit or a re-read of the same
    shipped file adds nothing."""

    __tablename__ = "checklist_versions"
    __table_args__ = (UniqueConstraint("checklist_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_id: Mapped[int] = mapped_column(ForeignKey("checklists.id"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    number: Mapped[str] = mapped_column(String(100), default="")  # 文号 of a standard
    in_force: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))  # Verification value
    applies_to: Mapped[str] = mapped_column(String(200), default="")  # 、-joined CategoryKind; "" = all
    note: Mapped[str] = mapped_column(Text, default="")
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))

    checklist: Mapped[Checklist] = relationship(back_populates="versions")
    items: Mapped[list[ChecklistItem]] = relationship(
        back_populates="version", order_by="ChecklistItem.position", cascade="all, delete-orphan"
    )


class ChecklistItem(Base):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("checklist_versions.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(40), default="")  # 第十一条（三）
    article: Mapped[str] = mapped_column(String(20), default="")
    item_no: Mapped[str] = mapped_column(String(20), default="")
    category: Mapped[str] = mapped_column(String(50), default="")  # 类别
    content: Mapped[str] = mapped_column(Text)  # 检查内容
    basis: Mapped[str] = mapped_column(Text, default="")  # 检查依据
    major: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否重大隐患判定项
    status: Mapped[str] = mapped_column(String(12))  # Verification value
    applies_to: Mapped[str] = mapped_column(String(200), default="")

    version: Mapped[ChecklistVersion] = relationship(back_populates="items")


class ChecklistResult(Base):
    """One item's result in one visit (合格/不合格/不适用), with the hazard it produced, if any.
    ``proposed_major`` keeps that the criteria proposed 重大隐患; the hazard's level is what the
    inspector decided."""

    __tablename__ = "checklist_results"
    __table_args__ = (
        UniqueConstraint("inspection_id", "item_id"),
        # "Most frequently failed items" and an enterprise's history per item read from the item.
        Index("ix_checklist_results_item_result", "item_id", "result"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("checklist_items.id"))
    result: Mapped[str] = mapped_column(String(6))  # ItemResult value
    note: Mapped[str] = mapped_column(Text, default="")
    proposed_major: Mapped[bool] = mapped_column(Boolean, default=False)
    hazard_id: Mapped[int | None] = mapped_column(ForeignKey("hazards.id"), index=True)

    item: Mapped[ChecklistItem] = relationship()


class Sequence(Base):
    """Counters for hazard and document numbers, one row per (name, year); never decremented."""

    __tablename__ = "sequences"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Setting(Base):
    """Settings shared by a team (the 机关设置 of core.office), not per-user UI state."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class AuditEvent(Base):
    """执法全过程记录: who changed what, when, before and after."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity_type", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    actor_name: Mapped[str] = mapped_column(String(50), default="")
    entity_type: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text, default="")  # one Chinese line for the timeline
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


# -- plans, campaigns, 双随机 draws and 现场检查方案 (migration 0009) ------------------------------


class InspectionPlan(Base):
    """监督检查计划 of one year (安全生产法 第六十二条): its items say what is checked, how often."""

    __tablename__ = "inspection_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(100), default="")  # 编制单位
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, default=1)

    items: Mapped[list[PlanItem]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItem.position"
    )

    __mapper_args__ = {"version_id_col": version}


class PlanItem(Base):
    """计划事项: a target set (core.targets, stored as JSON), a frequency and cap per enterprise in
    the plan's year, the months it runs in, and 重点 or 双随机 (with the share to draw)."""

    __tablename__ = "plan_items"
    __table_args__ = (UniqueConstraint("plan_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("inspection_plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text, default="")
    mode: Mapped[str] = mapped_column(String(10))  # PlanMode value
    target: Mapped[dict[str, Any]] = mapped_column(JSON)
    frequency: Mapped[int] = mapped_column(Integer, default=1)  # checks per enterprise in the year
    cap: Mapped[int | None] = mapped_column(Integer)  # at most this many checks a year; None: no cap
    months: Mapped[str] = mapped_column(String(40), default="")  # "3,6,9"; empty: the whole year
    unit: Mapped[str] = mapped_column(String(100), default="")  # 责任单位
    draw_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))  # 双随机 share of the pool
    draw_count: Mapped[int | None] = mapped_column(Integer)
    checklist_code: Mapped[str | None] = mapped_column(String(40))

    plan: Mapped[InspectionPlan] = relationship(back_populates="items")


class Campaign(Base):
    """专项行动: full coverage of a target set between ``starts_on`` and ``deadline``; any visit
    of a target enterprise in that window covers it (core.campaigns)."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    basis: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[dict[str, Any]] = mapped_column(JSON)
    starts_on: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date] = mapped_column(Date, index=True)
    checklist_code: Mapped[str | None] = mapped_column(String(40))
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_items.id"))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class InspectorConflict(Base):
    """回避: an inspector declared not to check an enterprise (kinship, former employer…)."""

    __tablename__ = "inspector_conflicts"
    __table_args__ = (Index("ix_inspector_conflicts_enterprise_id", "enterprise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    inspector_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    declared_on: Mapped[date] = mapped_column(Date)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))


class Draw(Base):
    """双随机 draw: the pool as it was (enterprise and inspector ids), the seed and the options, so
    anyone can redo it and get the same list; never changed once stored."""

    __tablename__ = "draws"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_items.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    seed: Mapped[str] = mapped_column(String(40))
    count: Mapped[int] = mapped_column(Integer)  # how many enterprises were drawn
    percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))  # as asked, when asked by share
    pool: Mapped[list[int]] = mapped_column(JSON)  # enterprise ids, ascending
    inspector_pool: Mapped[list[int]] = mapped_column(JSON)  # inspector ids, ascending
    options: Mapped[dict[str, Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 over pool, inspectors, seed, options
    drawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    drawn_at: Mapped[datetime] = mapped_column(DateTime)

    entries: Mapped[list[DrawEntry]] = relationship(
        back_populates="draw", cascade="all, delete-orphan", order_by="DrawEntry.position"
    )


class DrawEntry(Base):
    """One drawn enterprise and its two inspectors."""

    __tablename__ = "draw_entries"
    __table_args__ = (
        UniqueConstraint("draw_id", "position"),
        Index("ix_draw_entries_enterprise_id", "enterprise_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    draw_id: Mapped[int] = mapped_column(ForeignKey("draws.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    inspector1_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    inspector2_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))

    draw: Mapped[Draw] = relationship(back_populates="entries")


class InspectionScheme(Base):
    """现场检查方案 (DOCUMENTS.md): drafted, 审核 and 审批 by 科室负责人 before the visit; on
    approval it is numbered as the first document of the chain, and the visit logged from it
    shares that serial (``doc_year``/``doc_serial``)."""

    __tablename__ = "inspection_schemes"
    __table_args__ = (Index("ix_inspection_schemes_enterprise_id", "enterprise_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enterprise_id: Mapped[int] = mapped_column(ForeignKey("enterprises.id"))
    planned_on: Mapped[date] = mapped_column(Date, index=True)  # 检查时间
    contact: Mapped[str] = mapped_column(String(50), default="")  # 联系人
    inspector1_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    inspector2_id: Mapped[int] = mapped_column(ForeignKey("inspectors.id"))
    content: Mapped[str] = mapped_column(Text, default="")  # 检查内容
    method: Mapped[str] = mapped_column(Text, default="")  # 检查方式
    remarks: Mapped[str] = mapped_column(Text, default="")  # 备注
    state: Mapped[str] = mapped_column(String(6), index=True)  # SchemeState value
    drafted_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    review_opinion: Mapped[str] = mapped_column(Text, default="")
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    approval_opinion: Mapped[str] = mapped_column(Text, default="")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))
    approved_on: Mapped[date | None] = mapped_column(Date)
    plan_item_id: Mapped[int | None] = mapped_column(ForeignKey("plan_items.id"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaigns.id"))
    draw_entry_id: Mapped[int | None] = mapped_column(ForeignKey("draw_entries.id"))
    inspection_id: Mapped[int | None] = mapped_column(ForeignKey("inspections.id"), unique=True)
    doc_year: Mapped[int | None] = mapped_column(Integer)
    doc_serial: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())
    version: Mapped[int] = mapped_column(Integer, default=1)

    enterprise: Mapped[Enterprise] = relationship()
    inspector1: Mapped[Inspector] = relationship(foreign_keys=[inspector1_id])
    inspector2: Mapped[Inspector] = relationship(foreign_keys=[inspector2_id])

    __mapper_args__ = {"version_id_col": version}


class VisitWarning(Base):
    """A plan rule a logged visit broke (over the cap, a repeat check by another team), with the
    reason the inspector gave for going ahead."""

    __tablename__ = "visit_warnings"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(ForeignKey("inspections.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # VisitWarningKind value
    message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("inspectors.id"))


class ChecklistPhoto(Base):
    """A photo taken for one checklist item of a visit (issue 11); bytes shared with PhotoBlob."""

    __tablename__ = "checklist_photos"

    id: Mapped[int] = mapped_column(primary_key=True)
    result_id: Mapped[int] = mapped_column(ForeignKey("checklist_results.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("photo_blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(255), default="")
    caption: Mapped[str] = mapped_column(String(200), default="")
    added_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    blob: Mapped[PhotoBlob] = relationship()
