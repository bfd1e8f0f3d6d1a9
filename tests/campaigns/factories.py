"""Factories for campaigns: rows as the services would leave them."""

import datetime

import factory

from campaigns.models import Activity, Campaign, Support, Training, TrainingAttendee
from tests.factories import CommuneFactory, UserFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    commune = factory.SubFactory(CommuneFactory)
    kind = Campaign.Kind.ACTION_MONTH
    year = 2025
    title = factory.LazyAttribute(lambda o: f"Tháng hành động vì trẻ em năm {o.year}")
    theme = "Hành động thiết thực, ưu tiên nguồn lực cho trẻ em"
    starts_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 1))
    ends_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 30))
    created_by = factory.SubFactory(UserFactory)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    campaign = factory.SubFactory(CampaignFactory)
    commune = factory.LazyAttribute(lambda o: o.campaign.commune)
    category = "communication"
    sub_kind = "radio_broadcast"
    title = "Phát thanh phòng, chống đuối nước"
    held_on = datetime.date(2025, 6, 5)
    organiser = "radio"
    created_by = factory.LazyAttribute(lambda o: o.campaign.created_by)


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    campaign = factory.SubFactory(CampaignFactory)
    commune = factory.LazyAttribute(lambda o: o.campaign.commune)
    child = None  # always given: a child of the campaign's commune
    residential_group = factory.LazyAttribute(lambda o: o.child.residential_group)
    kind = Support.Kind.GIFT
    value = 300_000
    source = "state"
    given_on = datetime.date(2025, 6, 1)
    given_by = factory.LazyAttribute(lambda o: o.campaign.created_by)


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    commune = factory.SubFactory(CommuneFactory)
    title = "Tập huấn nâng cao năng lực quản lý nhà nước về công tác trẻ em"
    organiser = "Sở Y tế tỉnh Quảng Ngãi"
    held_on = datetime.date(2025, 8, 12)
    hours = 8
    created_by = factory.SubFactory(UserFactory)


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingAttendee

    training = factory.SubFactory(TrainingFactory)
    commune = factory.LazyAttribute(lambda o: o.training.commune)
    full_name = factory.Faker("name", locale="vi_VN")
    kind = TrainingAttendee.Kind.STAFF
    sex = "nu"
