"""Places: the province, the commune (the tenant) and its residential groups.

Every later domain row carries `commune` (and `residential_group` where a group
owns it): these are the scope keys of DESIGN.md §3.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Role
from accounts.scope import user_scope


class Province(models.Model):
    name = models.CharField(
        _("name"), max_length=100, unique=True, db_collation="vi-x-icu"
    )
    code = models.CharField(_("code"), max_length=3, unique=True)

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommuneQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommuneQuerySet":
        """Communes the user is assigned to, and all of a viewer's province."""
        scope = user_scope(user)
        return self.filter(
            Q(id__in=scope.commune_ids) | Q(province_id__in=scope.province_ids)
        )


class Commune(models.Model):
    """A commune-level unit (xã, phường, đặc khu): the tenant of the application."""

    class Kind(models.TextChoices):
        XA = "xa", pgettext_lazy("commune kind", "Commune")
        PHUONG = "phuong", pgettext_lazy("commune kind", "Ward")
        DAC_KHU = "dac_khu", pgettext_lazy("commune kind", "Special zone")
        THI_TRAN = "thi_tran", pgettext_lazy("commune kind", "Township (before 7/2025)")

    class Terrain(models.TextChoices):
        # QĐ 06/QĐ-TTg thresholds for the child-friendly recognition (DOMAIN.md §8.2).
        PHUONG_TP_TW = "phuong_tp_tw", _("Ward of a centrally-run city")
        MIEN_NUI_HAI_DAO_DBKK = "mien_nui", _("Mountain, island or extremely difficult")
        CON_LAI = "con_lai", _("Other communes and wards")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    name = models.CharField(_("name"), max_length=100, db_collation="vi-x-icu")
    kind = models.CharField(
        _("type"), max_length=10, choices=Kind.choices, default=Kind.XA
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("province"),
    )
    admin_code = models.CharField(_("administrative code"), max_length=5, unique=True)
    terrain = models.CharField(
        _("terrain type"),
        max_length=15,
        choices=Terrain.choices,
        default=Terrain.CON_LAI,
    )
    place_name = models.CharField(
        _("place name on documents"),
        max_length=100,
        blank=True,
        help_text=_(
            "The place in the date line of documents; the commune name if empty."
        ),
    )
    predecessor_names = models.TextField(
        _("former units"),
        blank=True,
        help_text=_("The units merged into this one, for historical documents."),
    )

    objects = CommuneQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="commune_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    @property
    def document_place(self) -> str:
        return self.place_name or self.name


class ResidentialGroupQuerySet(models.QuerySet):
    def visible_to(self, user) -> "ResidentialGroupQuerySet":
        """All groups of the user's communes; a group leader sees only their own."""
        scope = user_scope(user)
        staff_roles = set(Role) - {Role.GROUP_LEADER, Role.PROVINCE_VIEWER}
        return self.filter(
            Q(commune_id__in=scope.communes_for(*staff_roles))
            | Q(id__in=scope.leader_group_ids)
        )


class ResidentialGroup(models.Model):
    """A thôn or tổ dân phố: the unit a group leader reports for."""

    class Kind(models.TextChoices):
        THON = "thon", _("Village (thôn)")
        TO_DAN_PHO = "to_dan_pho", _("Residential group (tổ dân phố)")
        KHAC = "khac", _("Other")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        related_name="groups",
        verbose_name=_("commune"),
    )
    name = models.CharField(_("name"), max_length=100, db_collation="vi-x-icu")
    kind = models.CharField(
        _("type"), max_length=12, choices=Kind.choices, default=Kind.THON
    )
    legacy_name = models.CharField(_("former name"), max_length=100, blank=True)
    active_from = models.DateField(_("active from"), null=True, blank=True)
    active_to = models.DateField(_("active until"), null=True, blank=True)

    objects = ResidentialGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("residential group")
        verbose_name_plural = _("residential groups")
        ordering = ["commune", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "name"], name="group_unique_name"
            ),
            # Target of composite foreign keys (residential_group, commune) on rows
            # owned by a group: the database itself keeps both keys consistent.
            models.UniqueConstraint(fields=["id", "commune"], name="group_id_commune"),
        ]

    def __str__(self) -> str:
        return self.name
