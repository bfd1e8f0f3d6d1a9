"""Activities of a campaign or standing alone (Thông tư 28/2019 Điều 3), their
photos and the consents that allow photos of children (DOMAIN.md §3, §13)."""

import uuid

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.scope import CommuneScopedQuerySet
from campaigns.models.campaigns import Campaign, FundingSource

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp")
# Participant counts: children by sex and age band, then adults. The bands are
# the reports' (under 6, primary age, lower-secondary age); a child is under 16.
PARTICIPANT_BANDS = ("under_6", "6_10", "11_15")
CHILD_COUNT_FIELDS = tuple(
    f"{sex}_{band}" for band in PARTICIPANT_BANDS for sex in ("boys", "girls")
)


class Category(models.TextChoices):
    """The activity contents of Thông tư 28/2019 Điều 3, in its order."""

    COMMUNICATION = "communication", _("Communication")
    RESOURCES = "resources", _("Resource mobilisation")
    PARTICIPATION = "participation", _("Children's participation")
    SUMMER = "summer", _("Summer activities")
    RECREATION = "recreation", _("Recreation, culture and sport")
    HAZARD_CHECK = "hazard_check", _("Checking hazardous places")
    MOVEMENT = "movement", _("Whole-people movement for children")


class SubKind(models.TextChoices):
    RADIO = "radio_broadcast", _("Radio broadcast")
    MEETING = "meeting", _("Meeting or talk")
    BANNER = "banner_leaflet", _("Banners, posters or leaflets")
    LAUNCH = "launch", _("Launch ceremony")
    FORUM = "forum", _("Forum or dialogue")
    CLUB = "club", _("Children's club or group")
    LIFE_SKILLS = "life_skills", _("Life-skills or self-protection class")
    SWIMMING = "swimming", _("Swimming and water-safety class")
    FESTIVAL = "festival", _("Festival, cultural or sports event")
    VISIT = "visit", _("Visits and gifts")
    FUNDRAISING = "fundraising", _("Fundraising")
    INSPECTION = "inspection", _("Inspection of hazardous places")
    OTHER = "other", _("Other")


class Organiser(models.TextChoices):
    COMMUNE = "commune", _("Commune People's Committee")
    HEALTH_STATION = "health_station", _("Health station")
    POLICE = "police", _("Commune police")
    JUSTICE = "justice", _("Justice and civil status")
    RADIO = "radio", _("Commune radio")
    WOMEN_UNION = "women_union", _("Women's Union")
    YOUTH_UNION = "youth_union", _("Youth Union")
    SCHOOL = "school", _("School")
    RESIDENTIAL_GROUP = "residential_group", _("Residential group")
    OTHER = "other", _("Other organisation")


def _count(label):
    return models.PositiveIntegerField(label, default=0)


class Activity(models.Model):
    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("campaign"),
    )
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    sub_kind = models.CharField(_("kind"), max_length=20, choices=SubKind.choices)
    title = models.CharField(_("what was done"), max_length=250)
    held_on = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    organiser = models.CharField(
        _("organised by"), max_length=20, choices=Organiser.choices
    )
    residential_group = models.ForeignKey(
        "registry.ResidentialGroup",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("residential group"),
    )
    sessions = models.PositiveSmallIntegerField(
        _("times held"),
        default=1,
        help_text=_("Broadcasts aired, sessions or classes held."),
    )
    boys_under_6 = _count(_("boys under 6"))
    girls_under_6 = _count(_("girls under 6"))
    boys_6_10 = _count(_("boys aged 6-10"))
    girls_6_10 = _count(_("girls aged 6-10"))
    boys_11_15 = _count(_("boys aged 11-15"))
    girls_11_15 = _count(_("girls aged 11-15"))
    adults = _count(_("adults"))
    cost = models.PositiveBigIntegerField(_("cost (VND)"), default=0)
    cost_source = models.CharField(
        _("paid from"),
        max_length=10,
        choices=FundingSource.choices,
        default=FundingSource.STATE,
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["commune", "-held_on", "-id"], name="activity_order"),
            models.Index(fields=["commune", "campaign"], name="activity_campaign"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def children_total(self) -> int:
        return sum(getattr(self, name) for name in CHILD_COUNT_FIELDS)

    @property
    def boys(self) -> int:
        return self.boys_under_6 + self.boys_6_10 + self.boys_11_15

    @property
    def girls(self) -> int:
        return self.girls_under_6 + self.girls_6_10 + self.girls_11_15


class PhotoConsent(models.Model):
    """Consent to photograph a child at an activity and keep the photo: the
    parent's, and from age 7 the child's own (Luật Trẻ em Điều 6.11; NĐ 56/2017
    Điều 36; Luật Bảo vệ dữ liệu cá nhân 2025 Điều 24)."""

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("activity"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    child = models.ForeignKey(
        "registry.Child",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("child"),
    )
    parent_name = models.CharField(_("parent or legal representative"), max_length=150)
    parent_consent_on = models.DateField(_("parent's consent given on"))
    child_consent_on = models.DateField(
        _("child's own consent given on"),
        null=True,
        blank=True,
        help_text=_("Required from the age of 7."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("photo consent")
        verbose_name_plural = _("photo consents")
        indexes = [
            models.Index(fields=["commune", "activity"], name="consent_activity")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "child"],
                name="consent_once_per_activity",
                violation_error_message=_(
                    "The consent for this child is already recorded."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.activity_id}:{self.child_id}"


class ActivityPhoto(models.Model):
    """A photo kept as evidence of an activity. Stored under MEDIA_ROOT, which is
    never served directly: the photo view checks scope and writes the audit log."""

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.CASCADE,
        related_name="photos",
        verbose_name=_("activity"),
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    file = models.ImageField(
        _("photo"),
        upload_to="campaigns/photos/%Y/%m/",
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS)],
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    shows_children = models.BooleanField(
        _("children can be recognised in this photo"), default=False
    )
    children = models.ManyToManyField(
        "registry.Child",
        through="PhotoSubject",
        related_name="+",
        verbose_name=_("children in the photo"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = CommuneScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("activity photo")
        verbose_name_plural = _("activity photos")
        indexes = [models.Index(fields=["commune", "activity"], name="photo_activity")]

    def __str__(self) -> str:
        return self.caption or str(self.code)[:8]


class PhotoSubject(models.Model):
    """A child recognisable in a photo: the link the consent rule is checked on."""

    photo = models.ForeignKey(ActivityPhoto, on_delete=models.CASCADE)
    child = models.ForeignKey(
        "registry.Child", on_delete=models.PROTECT, related_name="+"
    )
    commune = models.ForeignKey(
        "registry.Commune", on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        indexes = [models.Index(fields=["commune", "child"], name="photosubject_child")]
        constraints = [
            models.UniqueConstraint(fields=["photo", "child"], name="photosubject_once")
        ]

    def __str__(self) -> str:
        return f"{self.photo_id}:{self.child_id}"
