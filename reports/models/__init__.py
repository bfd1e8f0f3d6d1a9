"""The reports app's models: generated documents, reporting configuration,
periodic reports and their numbering, annual plans."""

from reports.models.childfriendly import (
    Assessment,
    CriteriaSet,
    Criterion,
    Indicator,
    Score,
)
from reports.models.config import ReportingProfile, ReportKind, ReportRecipient
from reports.models.documents import (
    CLERK_HIDDEN_KINDS,
    GeneratedDocument,
    GeneratedDocumentQuerySet,
)
from reports.models.periodic import (
    NARRATIVE_SECTIONS,
    NumberSequence,
    PeriodicReport,
    PeriodicReportQuerySet,
)
from reports.models.plans import (
    AnnualPlan,
    AnnualPlanQuerySet,
    PlanContentArea,
    PlanTarget,
    PlanTask,
)
from reports.models.rollups import DashboardRollup

__all__ = [
    "CLERK_HIDDEN_KINDS",
    "NARRATIVE_SECTIONS",
    "AnnualPlan",
    "AnnualPlanQuerySet",
    "Assessment",
    "CriteriaSet",
    "Criterion",
    "DashboardRollup",
    "GeneratedDocument",
    "GeneratedDocumentQuerySet",
    "Indicator",
    "NumberSequence",
    "PeriodicReport",
    "PeriodicReportQuerySet",
    "PlanContentArea",
    "PlanTarget",
    "PlanTask",
    "ReportKind",
    "ReportRecipient",
    "ReportingProfile",
    "Score",
]
