"""factory_boy factories shared by the app test packages."""

import factory

from accounts.models import Assignment, Role, User
from registry.models import Commune, Province, ResidentialGroup

PASSWORD = "correct horse battery"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = "51"
    name = "Quảng Ngãi"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    name = factory.Sequence(lambda n: f"Ba Xã {n}")
    admin_code = factory.Sequence(lambda n: f"{90000 + n}")
    province = factory.SubFactory(ProvinceFactory)


class ResidentialGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResidentialGroup

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Tổ dân phố {n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Faker("name", locale="vi_VN")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook
        if create:
            obj.save()


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    user = factory.SubFactory(UserFactory)
    role = Role.OFFICER
    commune = factory.SubFactory(CommuneFactory)


def user_with_role(
    role: str,
    *,
    commune=None,
    group=None,
    province=None,
    organisation="",
    **user_fields,
) -> User:
    """A user holding one assignment: the building block of the cast."""
    user = UserFactory(**user_fields)
    Assignment.objects.create(
        user=user,
        role=role,
        commune=commune,
        residential_group=group,
        province=province,
        organisation=organisation,
    )
    return user
