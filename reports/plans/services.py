"""Writes of annual plans: create from the model plan, copy last year's, save the
officer's edits (optimistic lock), produce the PDF, adopt with a number (the
clerk), and start a new version of an adopted plan (issue #7, item 1)."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from accounts.scope import user_scope
from accounts.services import audit_record
from reports import services as documents
from reports.models import (
    AnnualPlan,
    GeneratedDocument,
    PlanContentArea,
    PlanTarget,
    PlanTask,
)
from reports.periodic.config import profile_for
from reports.periodic.numbering import last_issued_on, number_next
from reports.plans.model_plan import model_plan

Status = AnnualPlan.Status
TEXT_FIELDS = (
    "title",
    "legal_bases",
    "objectives",
    "requirements",
    "closing",
    "recipients",
)
TARGET_FIELDS = ("lead", "target", "indicator", "label", "comparison")
AREA_FIELDS = ("title", "body")
TASK_FIELDS = ("organisation", "heading", "body")


class PlanConflictError(ValidationError):
    """Someone saved the plan after the page was read: nothing is overwritten."""


def _require(user, commune_id: int, *roles) -> None:
    if commune_id not in user_scope(user).communes_for(*roles):
        raise PermissionDenied


def plan_title(plan: AnnualPlan) -> str:
    """ "Kế hoạch triển khai thực hiện công tác trẻ em năm 2026"."""
    title = plan.title.strip()
    return f"Kế hoạch {title[:1].lower()}{title[1:]}"[:200]


def _check_year_free(commune_id: int, year: int) -> None:
    taken = AnnualPlan.objects.filter(
        commune_id=commune_id, year=year, status__in=[Status.DRAFT, Status.ADOPTED]
    )
    if taken.exists():
        raise ValidationError(
            _("The commune already has a plan for %(year)s.") % {"year": year}
        )


def _rows(plan: AnnualPlan, model, fields, rows: list[dict]) -> list:
    made = []
    for order, row in enumerate(rows):
        obj = model(
            commune_id=plan.commune_id,
            plan=plan,
            order=order,
            **{name: row[name] for name in fields if name in row},
        )
        # Uniqueness is checked below for the whole batch (the rows are new).
        obj.full_clean(validate_unique=False, validate_constraints=False)
        made.append(obj)
    return made


def _fill(plan: AnnualPlan, *, targets, areas, tasks) -> None:
    """Replace the plan's targets, content areas and tasks with `rows`."""
    organisations = [row["organisation"] for row in tasks]
    if len(organisations) != len(set(organisations)):
        raise ValidationError(_("Give each organisation's tasks in one block."))
    new = (
        (PlanTarget, _rows(plan, PlanTarget, TARGET_FIELDS, targets)),
        (PlanContentArea, _rows(plan, PlanContentArea, AREA_FIELDS, areas)),
        (PlanTask, _rows(plan, PlanTask, TASK_FIELDS, tasks)),
    )
    for model, objs in new:
        model.objects.filter(commune_id=plan.commune_id, plan=plan).delete()
        model.objects.bulk_create(objs)


def _contents(plan: AnnualPlan) -> dict[str, list[dict]]:
    """The plan's rows as the dicts _fill() takes."""

    def values(related, fields):
        return [{name: getattr(row, name) for name in fields} for row in related]

    return {
        "targets": values(plan.targets.all(), TARGET_FIELDS),
        "areas": values(plan.areas.all(), AREA_FIELDS),
        "tasks": values(plan.tasks.all(), TASK_FIELDS),
    }


@transaction.atomic
def plan_create(*, actor, commune, year: int, request=None) -> AnnualPlan:
    """A draft for `year` prefilled from the model plan (the seed's structure):
    legal bases, purpose, the three targets with their indicators, the six
    content areas and each organisation's tasks."""
    _require(actor, commune.pk, Role.OFFICER)
    _check_year_free(commune.pk, year)
    data = model_plan(commune, year, profile_for(commune))
    plan = AnnualPlan(
        commune=commune,
        year=year,
        created_by=actor,
        **{name: data[name] for name in TEXT_FIELDS},
    )
    plan.full_clean()
    plan.save()
    _fill(plan, targets=data["targets"], areas=data["areas"], tasks=data["tasks"])
    audit_record(
        actor=actor,
        action="plan.created",
        obj=plan,
        request=request,
        detail={"year": year},
    )
    return plan


def shift_years(text: str, old: int, new: int) -> str:
    """ "năm 2025" → "năm 2026"; periods such as "đến năm 2025" or "2021 - 2025"
    and dated references ("ngày 29/3/2025") are left for the officer."""
    pattern = rf"(?<!đến )\b([Nn]ăm) {old}\b"
    return re.sub(pattern, rf"\g<1> {new}", text)


def _copy(source: AnnualPlan, *, actor, year: int, **extra) -> AnnualPlan:
    texts = {
        name: shift_years(getattr(source, name), source.year, year)
        for name in TEXT_FIELDS
    }
    plan = AnnualPlan(
        commune_id=source.commune_id, year=year, created_by=actor, **texts, **extra
    )
    plan.full_clean(validate_constraints=False)  # the caller checked the year
    plan.save()
    contents = _contents(source)
    for row in contents["areas"] + contents["tasks"]:
        for name in ("title", "heading", "body"):
            if name in row:
                row[name] = shift_years(row[name], source.year, year)
    _fill(plan, **contents)
    return plan


@transaction.atomic
def plan_copy_from(*, actor, source: AnnualPlan, year: int, request=None) -> AnnualPlan:
    """A new draft for `year` as a copy of `source` (usually last year's plan):
    its texts, targets, content areas and tasks, with "năm <source year>" moved
    to the new year. Legal bases citing dated documents are the officer's to
    update."""
    _require(actor, source.commune_id, Role.OFFICER)
    _check_year_free(source.commune_id, year)
    plan = _copy(source, actor=actor, year=year, copied_from=source)
    audit_record(
        actor=actor,
        action="plan.copied",
        obj=plan,
        request=request,
        detail={"year": year, "from_year": source.year},
    )
    return plan


@transaction.atomic
def plan_save(
    *,
    actor,
    plan: AnnualPlan,
    version: int | None,
    texts: dict,
    targets: list[dict],
    areas: list[dict],
    tasks: list[dict],
    request=None,
) -> AnnualPlan:
    """The officer's edits. Refused if someone saved the plan since the page was
    read (`version`); the PDF of the old text is no longer the plan's."""
    _require(actor, plan.commune_id, Role.OFFICER)
    plan = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_editable:
        raise ValidationError(
            _("An adopted plan cannot be changed; make a new version.")
        )
    if version != plan.version:
        raise PlanConflictError(
            _("Someone else saved this plan while you were writing. Open it again.")
        )
    for name in TEXT_FIELDS:
        setattr(plan, name, str(texts.get(name, "")))
    plan.document = None
    plan.version += 1
    plan.full_clean(validate_constraints=False)
    plan.save()
    _fill(plan, targets=targets, areas=areas, tasks=tasks)
    audit_record(actor=actor, action="plan.edited", obj=plan, request=request)
    return plan


def _render_on_commit(document: GeneratedDocument) -> None:
    from reports import tasks  # tasks import services: keep the graph one-way

    transaction.on_commit(lambda: tasks.render_document.delay(document.pk))


def _request_pdf(actor, plan: AnnualPlan, title: str, request) -> GeneratedDocument:
    return documents.document_request(
        requester=actor,
        commune=plan.commune,
        kind=GeneratedDocument.Kind.ANNUAL_PLAN,
        title=title,
        subject_id=plan.pk,
        request=request,
    )


@transaction.atomic
def plan_generate(*, actor, plan: AnnualPlan, request=None) -> GeneratedDocument:
    """Render the draft's PDF ("Số:    /KH-UBND", the date left blank)."""
    _require(actor, plan.commune_id, Role.OFFICER)
    plan = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if not plan.is_editable:
        raise ValidationError(_("An adopted plan's PDF is made when it is adopted."))
    document = _request_pdf(actor, plan, plan_title(plan), request)
    plan.document = document
    plan.save(update_fields=["document"])
    _render_on_commit(document)
    return document


@transaction.atomic
def plan_adopt(
    *, actor, plan: AnnualPlan, adopted_on: datetime.date, request=None
) -> AnnualPlan:
    """The clerk gives the next number of the commune's yearly sequence (shared
    with the reports, NĐ 30 Điều 15) and the date; the final PDF is rendered.
    Adopting a new version supersedes the plan it replaces."""
    _require(actor, plan.commune_id, Role.CLERK)
    plan = (
        AnnualPlan.objects.select_for_update(of=("self",))
        .select_related("document", "commune")
        .get(pk=plan.pk)
    )
    if (
        plan.status != Status.DRAFT
        or plan.document is None
        or plan.document.status != GeneratedDocument.Status.READY
    ):
        raise ValidationError(
            _("Only a draft whose PDF of the current text is ready can be adopted.")
        )
    if adopted_on > timezone.localdate():
        raise ValidationError(_("The adoption date cannot be in the future."))
    last = last_issued_on(plan.commune_id, adopted_on.year)
    if last is not None and adopted_on < last:
        # NĐ 30 Điều 15: numbers follow the order of issue, reports and plans alike.
        raise ValidationError(
            _("A document of the commune was issued on %(date)s: issue on or after it.")
            % {"date": last.strftime("%d/%m/%Y")}
        )
    if plan.supersedes_id:
        # First: one adopted plan per commune and year at every moment.
        AnnualPlan.objects.filter(pk=plan.supersedes_id).update(
            status=Status.SUPERSEDED
        )
    plan.number = number_next(commune_id=plan.commune_id, year=adopted_on.year)
    plan.adopted_on = adopted_on
    plan.adopted_by = actor
    plan.status = Status.ADOPTED
    plan.document = _request_pdf(
        actor, plan, f"{plan_title(plan)} (số {plan.number})", request
    )
    plan.version += 1
    plan.save()
    audit_record(
        actor=actor,
        action="plan.adopted",
        obj=plan,
        request=request,
        detail={"number": plan.number, "year": adopted_on.year},
    )
    _render_on_commit(plan.document)
    return plan


@transaction.atomic
def plan_new_version(*, actor, plan: AnnualPlan, request=None) -> AnnualPlan:
    """An adopted plan is never edited: a new draft of the same year starts from
    its content and replaces it once adopted."""
    _require(actor, plan.commune_id, Role.OFFICER)
    plan = AnnualPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != Status.ADOPTED:
        raise ValidationError(_("Only an adopted plan gets a new version."))
    if AnnualPlan.objects.filter(
        commune_id=plan.commune_id, year=plan.year, status=Status.DRAFT
    ).exists():
        raise ValidationError(_("A draft of this year's plan already exists."))
    draft = _copy(plan, actor=actor, year=plan.year, supersedes=plan)
    audit_record(actor=actor, action="plan.new_version", obj=draft, request=request)
    return draft
