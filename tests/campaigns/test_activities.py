"""Activities, and photos of children only with the consents the law asks for."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry
from campaigns.models import Activity, ActivityPhoto, PhotoSubject
from campaigns.services.activities import (
    activity_create,
    activity_delete,
    activity_update,
    consent_record,
    photo_add,
    photo_delete,
)
from campaigns.services.campaigns import campaign_set_status
from tests.campaigns.conftest import photo_file
from tests.campaigns.factories import ActivityFactory
from tests.registry.factories import ChildFactory

# Service messages are matched in English, the language of the source.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

BROADCAST = {
    "category": "communication",
    "sub_kind": "radio_broadcast",
    "title": "Phát thanh về Tháng hành động vì trẻ em",
    "held_on": datetime.date(2025, 6, 3),
    "organiser": "radio",
    "sessions": 4,
    "cost": 400_000,
}


def test_the_officer_records_a_broadcast_in_the_campaign(cast, places, june):
    activity = activity_create(
        actor=cast.officer,
        commune=places.commune,
        fields=BROADCAST | {"campaign": june},
    )
    assert activity.campaign == june
    assert activity.children_total == 0
    entry = AuditEntry.objects.get(action="activity.created")
    assert entry.detail == {"category": "communication", "sub_kind": "radio_broadcast"}


def test_an_activity_may_stand_alone(cast, places):
    activity = activity_create(
        actor=cast.officer,
        commune=places.commune,
        fields=BROADCAST
        | {
            "category": "hazard_check",
            "sub_kind": "inspection",
            "organiser": "residential_group",
            "residential_group": places.group_a,
        },
    )
    assert activity.campaign is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"held_on": datetime.date(2025, 7, 16)}, "held_on"),
        ({"organiser": "residential_group"}, "residential_group"),
        ({"category": "nonsense"}, "category"),
    ],
)
def test_activity_fields_are_checked(cast, places, change, field):
    with pytest.raises(ValidationError) as caught:
        activity_create(
            actor=cast.officer, commune=places.commune, fields=BROADCAST | change
        )
    assert field in caught.value.message_dict


def test_no_campaign_or_group_of_another_commune(cast, places, june):
    with pytest.raises(ValidationError) as caught:
        activity_create(
            actor=cast.other_officer,
            commune=places.other_commune,
            fields=BROADCAST | {"campaign": june, "residential_group": places.group_a},
        )
    assert {"campaign", "residential_group"} <= set(caught.value.message_dict)


def test_a_closed_campaign_takes_no_new_activity(cast, places, june):
    campaign_set_status(actor=cast.officer, campaign=june, status="finished")
    with pytest.raises(ValidationError, match="finished or cancelled"):
        activity_create(
            actor=cast.officer,
            commune=places.commune,
            fields=BROADCAST | {"campaign": june},
        )


def test_a_closed_campaigns_activity_can_be_corrected_but_not_joined(
    cast, places, june
):
    activity = ActivityFactory(campaign=june)
    standalone = ActivityFactory(
        campaign=None, commune=places.commune, created_by=cast.officer
    )
    campaign_set_status(actor=cast.officer, campaign=june, status="finished")
    activity_update(actor=cast.officer, activity=activity, fields={"sessions": 5})
    activity.refresh_from_db()
    assert activity.sessions == 5
    with pytest.raises(ValidationError, match="finished or cancelled"):
        activity_update(
            actor=cast.officer, activity=standalone, fields={"campaign": june}
        )


def test_only_the_officer_writes(cast, places, june):
    activity = ActivityFactory(campaign=june)
    for member in ("chairman", "leader_a", "partner", "other_officer"):
        with pytest.raises(PermissionDenied):
            activity_update(
                actor=getattr(cast, member), activity=activity, fields={"title": "x"}
            )
    activity_update(actor=cast.officer, activity=activity, fields={"boys_6_10": 12})
    activity.refresh_from_db()
    assert activity.boys_6_10 == 12


@pytest.fixture
def activity(june):
    return ActivityFactory(
        campaign=june,
        category="participation",
        sub_kind="life_skills",
        title="Lớp kỹ năng phòng, chống đuối nước",
    )


@pytest.fixture
def six_year_old(places):
    return ChildFactory(
        residential_group=places.group_a, birth_date=datetime.date(2019, 1, 1)
    )


@pytest.fixture
def nine_year_old(places):
    return ChildFactory(
        residential_group=places.group_a, birth_date=datetime.date(2016, 1, 1)
    )


def consent(cast, activity, child, **extra):
    return consent_record(
        actor=cast.officer,
        activity=activity,
        child=child,
        parent_name="Đinh Văn Mẹ",
        parent_consent_on=datetime.date(2025, 6, 10),
        **extra,
    )


def add_photo(cast, activity, children):
    return photo_add(
        actor=cast.officer,
        activity=activity,
        file=photo_file(),
        caption="Các em học bơi",
        shows_children=True,
        children=children,
    )


def test_a_photo_without_children_needs_no_consent(cast, activity):
    photo = photo_add(actor=cast.officer, activity=activity, file=photo_file())
    assert photo.shows_children is False
    assert photo.file.name.startswith("campaigns/photos/")


def test_a_photo_of_children_must_name_them(cast, activity):
    with pytest.raises(ValidationError) as caught:
        photo_add(
            actor=cast.officer,
            activity=activity,
            file=photo_file(),
            shows_children=True,
        )
    assert "children" in caught.value.message_dict


def test_a_photo_of_a_child_needs_the_parents_consent(cast, activity, six_year_old):
    with pytest.raises(ValidationError, match="no consent of a parent"):
        add_photo(cast, activity, [six_year_old])
    consent(cast, activity, six_year_old)
    photo = add_photo(cast, activity, [six_year_old])
    assert list(photo.children.all()) == [six_year_old]
    assert PhotoSubject.objects.get().commune_id == activity.commune_id


def test_from_seven_the_childs_own_consent_is_needed_too(cast, activity, nine_year_old):
    consent(cast, activity, nine_year_old)  # the parent only
    with pytest.raises(ValidationError, match="7 or older"):
        add_photo(cast, activity, [nine_year_old])
    assert not ActivityPhoto.objects.exists()
    # Recording it again completes the same consent.
    consent(cast, activity, nine_year_old, child_consent_on=datetime.date(2025, 6, 11))
    assert add_photo(cast, activity, [nine_year_old]).pk


def test_one_child_without_consent_refuses_the_whole_photo(
    cast, activity, six_year_old, nine_year_old
):
    consent(cast, activity, six_year_old)
    with pytest.raises(ValidationError) as caught:
        add_photo(cast, activity, [six_year_old, nine_year_old])
    assert len(caught.value.message_dict["children"]) == 1
    assert not ActivityPhoto.objects.exists()


def test_a_consent_is_for_one_activity(cast, june, activity, six_year_old):
    consent(cast, activity, six_year_old)
    elsewhere = ActivityFactory(campaign=june)
    with pytest.raises(ValidationError, match="no consent"):
        add_photo(cast, elsewhere, [six_year_old])


def test_consents_are_checked_and_audited(cast, activity, six_year_old, places):
    with pytest.raises(ValidationError) as caught:
        consent(
            cast, activity, six_year_old, child_consent_on=datetime.date(2025, 8, 1)
        )
    assert "child_consent_on" in caught.value.message_dict
    with pytest.raises(ValidationError, match="another commune"):
        consent(cast, activity, ChildFactory(residential_group=places.other_group))
    with pytest.raises(PermissionDenied):
        consent_record(
            actor=cast.chairman,
            activity=activity,
            child=six_year_old,
            parent_name="x",
            parent_consent_on=datetime.date(2025, 6, 1),
        )
    consent(cast, activity, six_year_old)
    entry = AuditEntry.objects.get(action="photo_consent.recorded")
    assert entry.detail == {"activity": str(activity.code), "child_consent": False}


def test_deleting_a_photo_removes_its_file_after_commit(
    cast, activity, django_capture_on_commit_callbacks
):
    photo = photo_add(actor=cast.officer, activity=activity, file=photo_file())
    storage, name = photo.file.storage, photo.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        photo_delete(actor=cast.officer, photo=photo)
    assert not storage.exists(name)
    assert AuditEntry.objects.filter(action="photo.deleted").count() == 1


def test_deleting_an_activity_removes_its_photos(
    cast, activity, django_capture_on_commit_callbacks
):
    photo = photo_add(actor=cast.officer, activity=activity, file=photo_file())
    storage, name = photo.file.storage, photo.file.name
    with pytest.raises(PermissionDenied):
        activity_delete(actor=cast.chairman, activity=activity)
    with django_capture_on_commit_callbacks(execute=True):
        activity_delete(actor=cast.officer, activity=activity)
    assert not Activity.objects.exists()
    assert not storage.exists(name)
    assert AuditEntry.objects.get(action="activity.deleted").detail == {"photos": 1}


def test_a_photo_whose_consent_was_taken_back_is_no_longer_served(
    client, cast, activity, nine_year_old
):
    from django.urls import reverse

    consent(cast, activity, nine_year_old, child_consent_on=datetime.date(2025, 6, 11))
    photo = add_photo(cast, activity, [nine_year_old])
    client.force_login(cast.officer)
    url = reverse("campaigns:photo_file", args=[photo.code])
    shown = client.get(url)
    assert b"".join(shown.streaming_content)  # read to the end: the file is closed
    assert shown.status_code == 200
    consent(cast, activity, nine_year_old, child_consent_on=None)  # the child says no
    assert client.get(url).status_code == 404
