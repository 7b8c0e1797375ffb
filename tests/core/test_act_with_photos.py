"""HazardService.act_with_photos: an action and its 整改后 photos in one transaction."""

from __future__ import annotations

import pytest

from inspector.core.errors import ConcurrentEditError, DomainError, ValidationError
from inspector.core.lifecycle import RectifyOnSpot, ReportDone, StartRectification
from inspector.core.photos import PhotoInput
from tests.core.test_lifecycle_support import JPEG, World, day, full_plan


@pytest.fixture
def w(db) -> World:
    return World.build(db)


def test_report_done_with_after_photos_writes_both_events(w: World) -> None:
    hid = w.new_hazard()
    w.hazards.act(w.actor, hid, StartRectification(full_plan(day(14))))
    w.hazards.act_with_photos(
        w.actor, hid, ReportDone(day(-1), "已更换"), [PhotoInput("整改后", data=JPEG, filename="a.jpg")]
    )
    d = w.hazards.detail(hid)
    assert d.state == "待复查"
    assert [(p.phase, p.filename) for p in d.photos] == [("整改后", "a.jpg")]
    assert [e.action for e in w.events(hid)][-2:] == ["report_done", "add_photos"]


def test_a_bad_photo_rolls_back_the_action(w: World) -> None:
    hid = w.new_hazard()
    events = len(w.events(hid))
    with pytest.raises(ValidationError) as info:
        w.hazards.act_with_photos(
            w.actor,
            hid,
            RectifyOnSpot(day(-1), "当场整改"),
            [PhotoInput("整改后", data=b"not a photo", filename="x.txt")],
        )
    assert "不是JPEG或PNG图片" in str(info.value)
    assert w.hazard(hid).state == "待整改"
    assert len(w.events(hid)) == events


def test_no_photos_is_a_plain_action_and_version_is_checked(w: World) -> None:
    hid = w.new_hazard()
    version = w.hazards.detail(hid).version
    with pytest.raises(ConcurrentEditError):
        w.hazards.act_with_photos(
            w.actor, hid, RectifyOnSpot(day(-1)), [PhotoInput("整改后", data=JPEG)], version + 1
        )
    new = w.hazards.act_with_photos(w.actor, hid, RectifyOnSpot(day(-1)), [], version)
    assert new > version and w.hazard(hid).state == "已销号"
    with pytest.raises(DomainError):
        w.hazards.act_with_photos(w.actor, hid, RectifyOnSpot(day(-1)), [PhotoInput("整改后", data=JPEG)])
