"""Writes of an import: store the upload, check it (dry run), commit it.

The check and the commit run in a Celery worker (registry/tasks.py): a list of
5,000 children takes longer than a web request should. Each step first claims
the batch with a conditional UPDATE, so a task delivered twice, or two clicks
on the commit button, do the work once.

The commit is all or nothing: one transaction re-reads the file, plans it again
against the registry as it is now, and writes every row through the registry
services, which validate each child once more. If the plan differs from what
the officer was shown, or any row fails, nothing is written.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import audit_record
from registry.importing.plan import Action, Plan, build_plan
from registry.importing.reader import UnreadableFileError, read_rows
from registry.models import Commune, ImportBatch
from registry.services import child_register, child_update

# A worker that died mid-task leaves CHECKING or COMMITTING behind; after this
# long (more than the task's time limit) another delivery may take over.
STALE_CLAIM = datetime.timedelta(minutes=20)


class PlanChangedError(Exception):
    """The registry changed between the check and the commit."""


class CommitRejectedError(Exception):
    def __init__(self, errors: list[dict]):
        super().__init__(f"{len(errors)} rows rejected")
        self.errors = errors


@transaction.atomic
def import_upload(
    *, actor: User, commune: Commune, upload, language: str
) -> ImportBatch:
    """Store an uploaded .xlsx as a new batch waiting for its check.

    The caller queues `registry.tasks.check_import` after the commit.
    """
    batch = ImportBatch(
        commune=commune,
        uploaded_by=actor,
        original_name=upload.name[-200:],
        language=language,
    )
    # Stored under the batch's code: the officer's file name stays out of paths.
    batch.file.save(f"{batch.code}.xlsx", upload, save=False)
    batch.full_clean()
    batch.save()
    return batch


def _claim(batch_id: int, waiting: str, working: str) -> bool:
    """Move the batch from `waiting` to `working`, or take over a stale `working`
    one; False if another delivery of the task has it, or it is done."""
    now = timezone.now()
    stale = ImportBatch.objects.filter(
        pk=batch_id, status=working, started_at__lt=now - STALE_CLAIM
    )
    fresh = ImportBatch.objects.filter(pk=batch_id, status=waiting)
    return bool(fresh.update(status=working, started_at=now)) or bool(
        stale.update(started_at=now)
    )


def _plan(batch: ImportBatch, *, user: User, validate: bool) -> Plan:
    with batch.file.open("rb") as file:
        mapping, rows = read_rows(file)
    return build_plan(
        mapping, rows, user=user, commune=batch.commune, validate=validate
    )


def _store_plan(batch: ImportBatch, plan: Plan) -> None:
    batch.result = plan.as_json()
    batch.row_count = len(plan.rows)
    batch.created_count = plan.count(Action.CREATE)
    batch.updated_count = plan.count(Action.UPDATE)
    batch.unchanged_count = plan.count(Action.UNCHANGED)
    batch.duplicate_count = plan.count(Action.DUPLICATE)
    batch.error_count = plan.count(Action.ERROR)


def _counts(batch: ImportBatch) -> dict:
    return {
        "rows": batch.row_count,
        "created": batch.created_count,
        "updated": batch.updated_count,
        "unchanged": batch.unchanged_count,
        "duplicates": batch.duplicate_count,
        "errors": batch.error_count,
    }


def _fail(batch: ImportBatch, status: str, message: str) -> None:
    batch.status, batch.error = status, message
    batch.save(update_fields=["status", "error"])


def import_check(*, batch_id: int) -> ImportBatch:
    """The dry run: what each row would do. Idempotent; writes no child."""
    if not _claim(batch_id, ImportBatch.Status.PENDING, ImportBatch.Status.CHECKING):
        return ImportBatch.objects.get(pk=batch_id)
    batch = ImportBatch.objects.select_related("commune", "uploaded_by").get(
        pk=batch_id
    )
    with translation.override(batch.language):
        try:
            plan = _plan(batch, user=batch.uploaded_by, validate=True)
        except UnreadableFileError as exc:
            _fail(batch, ImportBatch.Status.INVALID, exc.message)
            return batch
        except Exception:
            # Not swallowed: marked so the officer's page stops polling, then re-raised.
            _fail(batch, ImportBatch.Status.INVALID, _unexpected())
            raise
    _finish_check(batch, plan)
    return batch


def _unexpected() -> str:
    return _(
        "Something went wrong while reading this file. Please try again; if it "
        "fails again, tell the administrator."
    )


@transaction.atomic
def _finish_check(batch: ImportBatch, plan: Plan, *, error: str = "") -> None:
    _store_plan(batch, plan)
    batch.status, batch.error = ImportBatch.Status.CHECKED, error
    batch.checked_at = timezone.now()
    batch.save()
    audit_record(
        actor=batch.uploaded_by,
        action="child.import_checked",
        obj=batch,
        detail=_counts(batch),
    )


@transaction.atomic
def import_request_commit(*, actor: User, batch: ImportBatch) -> bool:
    """Queue the commit of a checked batch without errors; False if it is not
    (or no longer) in that state. The caller queues `registry.tasks.commit_import`."""
    return bool(
        ImportBatch.objects.filter(
            pk=batch.pk, status=ImportBatch.Status.CHECKED, error_count=0
        ).update(status=ImportBatch.Status.QUEUED, committed_by=actor)
    )


def _apply(plan: Plan, *, actor: User, commune: Commune) -> list[dict]:
    """Write every row through the services; the errors of the rows they refuse."""
    errors = []
    for row in plan.rows:
        try:
            if row.action == Action.CREATE:
                child_register(
                    actor=actor, commune=commune, fields=row.fields, source="import"
                )
            elif row.action == Action.UPDATE:
                child_update(
                    actor=actor,
                    child=row.child,
                    fields=row.fields,
                    version=row.child.version,
                    source="import",
                )
        except ValidationError as exc:
            errors += [{"row": row.number, "message": m} for m in exc.messages]
        except IntegrityError:
            # A concurrent write took a unique value (a personal ID number).
            errors.append({"row": row.number, "message": _retry_message()})
    return errors


def _retry_message() -> str:
    return _("Another record changed while importing this row. Check the file again.")


def _commit(batch: ImportBatch) -> Plan:
    """Everything in one transaction; raises to roll it all back."""
    with transaction.atomic():
        # One import at a time per commune: the second one plans against the
        # first. NO KEY: rows that merely reference the commune (a child saved
        # from the form meanwhile) must not wait for the import to finish.
        Commune.objects.select_for_update(no_key=True).get(pk=batch.commune_id)
        plan = _plan(batch, user=batch.committed_by, validate=False)
        if plan.signature() != batch.result.get("signature"):
            raise PlanChangedError
        errors = _apply(plan, actor=batch.committed_by, commune=batch.commune)
        if errors:
            raise CommitRejectedError(errors)
        batch.status = ImportBatch.Status.COMMITTED
        batch.committed_at = timezone.now()
        batch.save(update_fields=["status", "committed_at"])
        audit_record(
            actor=batch.committed_by,
            action="child.import_committed",
            obj=batch,
            detail=_counts(batch),
        )
    return plan


def import_commit(*, batch_id: int) -> ImportBatch:
    """Add a checked batch to the registry, all or nothing. Idempotent."""
    if not _claim(batch_id, ImportBatch.Status.QUEUED, ImportBatch.Status.COMMITTING):
        return ImportBatch.objects.get(pk=batch_id)
    batch = ImportBatch.objects.select_related(
        "commune", "uploaded_by", "committed_by"
    ).get(pk=batch_id)
    with translation.override(batch.language):
        try:
            _commit(batch)
        except PlanChangedError:
            # Show the officer the new plan; they commit again if it is right.
            plan = _plan(batch, user=batch.committed_by, validate=True)
            _finish_check(batch, plan, error=_changed_message())
        except CommitRejectedError as exc:
            batch.result = {**batch.result, "commit_errors": exc.errors}
            batch.save(update_fields=["result"])
            _fail(batch, ImportBatch.Status.FAILED, _rejected_message())
        except Exception:
            # Not swallowed: the transaction has rolled back; mark it, then re-raise.
            _fail(batch, ImportBatch.Status.FAILED, _unexpected())
            raise
    return batch


def _changed_message() -> str:
    return _(
        "The registry changed after this file was checked, so nothing was added. "
        "Here is the new check: look at it again before adding."
    )


def _rejected_message() -> str:
    return _(
        "Nothing was added: some rows were refused while adding them. "
        "Correct them in the file and upload it again."
    )
