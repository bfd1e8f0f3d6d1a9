"""Factories for the child registry."""

import datetime

import factory

from batochild.lib.text import fold
from registry.models import Child, Household, SpecialCircumstance
from tests.factories import ResidentialGroupFactory


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    residential_group = factory.SubFactory(ResidentialGroupFactory)
    commune = factory.LazyAttribute(lambda o: o.residential_group.commune)
    head_name = factory.Faker("name", locale="vi_VN")
    address = factory.Sequence(lambda n: f"Số {n}, đường Phạm Văn Đồng")


class ChildFactory(factory.django.DjangoModelFactory):
    """A child of a residential group; commune follows the group."""

    class Meta:
        model = Child

    residential_group = factory.SubFactory(ResidentialGroupFactory)
    commune = factory.LazyAttribute(lambda o: o.residential_group.commune)
    full_name = factory.Faker("name", locale="vi_VN")
    search_key = factory.LazyAttribute(lambda o: fold(o.full_name))
    birth_date = factory.Sequence(
        lambda n: datetime.date(2015, 1, 1) + datetime.timedelta(days=n)
    )
    sex = "nu"


class SpecialCircumstanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpecialCircumstance

    child = factory.SubFactory(ChildFactory)
    commune = factory.LazyAttribute(lambda o: o.child.commune)
    group = "MO_COI"
    subgroup = "MO_COI_3"
    identified_on = datetime.date(2025, 1, 10)
