"""Trainings of the commune's staff and collaborators, with attendees and hours."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry
from campaigns.models import TrainingAttendee
from campaigns.services.trainings import (
    attendee_add,
    attendee_remove,
    training_create,
    training_update,
)

pytestmark = pytest.mark.django_db

TRAINING = {
    "title": "Tập huấn nâng cao năng lực quản lý nhà nước về công tác trẻ em",
    "organiser": "Sở Y tế tỉnh Quảng Ngãi",
    "held_on": datetime.date(2025, 5, 20),
    "hours": Decimal("7.5"),
}


def test_the_officer_records_a_training_and_its_attendees(cast, places):
    training = training_create(
        actor=cast.officer, commune=places.commune, fields=TRAINING
    )
    attendee = attendee_add(
        actor=cast.officer,
        training=training,
        full_name="  Nguyễn  Thị Hồng ",
        kind="staff",
        sex="nu",
        position="Công chức Văn hóa - Xã hội",
    )
    assert attendee.full_name == "Nguyễn Thị Hồng"
    assert attendee.commune == places.commune
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"training.created", "training.attendee_added"} <= actions
    attendee_remove(actor=cast.officer, attendee=attendee)
    assert not TrainingAttendee.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"hours": Decimal(0)}, "hours"),
        ({"held_on": datetime.date(2025, 7, 16)}, "held_on"),
    ],
)
def test_training_fields_are_checked(cast, places, change, field):
    with pytest.raises(ValidationError) as caught:
        training_create(
            actor=cast.officer, commune=places.commune, fields=TRAINING | change
        )
    assert field in caught.value.message_dict


def test_only_the_officer_writes_trainings(cast, places):
    with pytest.raises(PermissionDenied):
        training_create(actor=cast.chairman, commune=places.commune, fields=TRAINING)
    training = training_create(
        actor=cast.officer, commune=places.commune, fields=TRAINING
    )
    with pytest.raises(PermissionDenied):
        training_update(
            actor=cast.other_officer, training=training, fields={"title": "x"}
        )
    with pytest.raises(PermissionDenied):
        attendee_add(
            actor=cast.leader_a,
            training=training,
            full_name="A",
            kind="staff",
            sex="nu",
        )


def test_a_training_may_belong_to_a_campaign_of_the_same_commune(cast, places, june):
    with pytest.raises(ValidationError) as caught:
        training_create(
            actor=cast.other_officer,
            commune=places.other_commune,
            fields=TRAINING | {"campaign": june},
        )
    assert "campaign" in caught.value.message_dict
    training = training_create(
        actor=cast.officer, commune=places.commune, fields=TRAINING | {"campaign": june}
    )
    assert training.campaign == june
