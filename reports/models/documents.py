"""Generated documents: one stored PDF per request, rendered by Celery."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.scope import user_scope

# Case documents stay with the caseworker and the chairman: the intake report
# names the informant (NĐ 56 Điều 24), the decisions name the child and tell the
# separation's reason (DOMAIN.md §15 gives the clerk no case access). The clerk
# sees the commune's reports and plans, which hold counts, not children.
CLERK_HIDDEN_KINDS = frozenset({"case_intake", "case_approval", "case_separation"})


class GeneratedDocumentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "GeneratedDocumentQuerySet":
        """Officers and chairmen: every document of their commune. The clerk, who
        numbers and files issued documents: all but the confidential kinds."""
        scope = user_scope(user)
        full = scope.communes_for(Role.OFFICER, Role.CHAIRMAN)
        clerk = scope.communes_for(Role.CLERK) - full
        return self.filter(
            Q(commune_id__in=full)
            | (Q(commune_id__in=clerk) & ~Q(kind__in=CLERK_HIDDEN_KINDS))
        )


class GeneratedDocument(models.Model):
    class Kind(models.TextChoices):
        TEST_PAGE = "test_page", _("Format test page")
        CASE_INTAKE = "case_intake", _("Intake report (Form 01)")
        CASE_APPROVAL = "case_approval", _("Plan approval decision (Form 05)")
        CASE_SEPARATION = "case_separation", _("Separation decision (Form 07)")
        PERIODIC_REPORT = "periodic_report", _("Periodic report")
        ANNUAL_PLAN = "annual_plan", _("Annual plan")
        CHILDFRIENDLY_EVALUATION = (
            "childfriendly_evaluation",
            _("Child-friendly self-assessment table"),
        )
        CHILDFRIENDLY_MINUTES = (
            "childfriendly_minutes",
            _("Child-friendly self-assessment meeting minutes"),
        )

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RENDERING = "rendering", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    # The row the document is about: the case (Mẫu 01), the support plan (Mẫu 05)
    # or the separation (Mẫu 07). A plain id: reports must not depend on cases.
    subject_id = models.PositiveBigIntegerField(_("subject"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = GeneratedDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("generated document")
        verbose_name_plural = _("generated documents")
        indexes = [
            models.Index(
                fields=["commune", "-created_at"], name="gendoc_commune_created"
            ),
            models.Index(
                fields=["kind", "subject_id"],
                name="gendoc_subject",
                condition=Q(subject_id__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="ready") | ~Q(file=""), name="gendoc_ready_has_file"
            ),
            models.CheckConstraint(
                condition=Q(kind="test_page") | Q(subject_id__isnull=False),
                name="gendoc_case_kind_has_subject",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.READY, self.Status.FAILED)
