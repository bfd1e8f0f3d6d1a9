"""One uploaded Excel list of children: its check (dry run) and its commit.

The file is kept under MEDIA_ROOT with the batch, so the commit reads exactly
what the officer checked. The dry-run result is stored as JSON: the page shows
it, and the commit compares its fresh plan against it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from accounts.scope import CommuneScopedQuerySet


class ImportBatchQuerySet(CommuneScopedQuerySet):
    # Only the culture-social officer imports (registry.permissions.can_edit_children).
    commune_wide_roles = frozenset({Role.OFFICER})


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be checked")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked")
        INVALID = "invalid", _("File not readable")
        QUEUED = "queued", _("Waiting to be added to the registry")
        COMMITTING = "committing", _("Adding to the registry")
        COMMITTED = "committed", _("Added to the registry")
        FAILED = "failed", _("Not added")

    code = models.UUIDField(
        _("public id"), default=uuid.uuid4, unique=True, editable=False
    )
    commune = models.ForeignKey(
        "registry.Commune",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("commune"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    committed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("file name"), max_length=200)
    # The check and the commit run in a worker: their messages use this language.
    language = models.CharField(max_length=10, default="vi")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    result = models.JSONField(_("check result"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("new"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    duplicate_count = models.PositiveIntegerField(_("likely duplicates"), default=0)
    error_count = models.PositiveIntegerField(_("rows with errors"), default=0)
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    checked_at = models.DateTimeField(_("checked at"), null=True, blank=True)
    committed_at = models.DateTimeField(_("added at"), null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        indexes = [
            models.Index(
                fields=["commune", "-created_at"], name="importbatch_commune_created"
            )
        ]

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_busy(self) -> bool:
        """A worker has this batch (or will soon): the page keeps polling."""
        return self.status in (
            self.Status.PENDING,
            self.Status.CHECKING,
            self.Status.QUEUED,
            self.Status.COMMITTING,
        )

    @property
    def can_commit(self) -> bool:
        return (
            self.status == self.Status.CHECKED
            and self.error_count == 0
            and (self.created_count or self.updated_count) > 0
        )
