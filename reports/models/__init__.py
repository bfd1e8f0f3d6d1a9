"""The reports app's models: generated documents, reporting configuration,
periodic reports and their numbering."""

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

__all__ = [
    "CLERK_HIDDEN_KINDS",
    "NARRATIVE_SECTIONS",
    "GeneratedDocument",
    "GeneratedDocumentQuerySet",
    "NumberSequence",
    "PeriodicReport",
    "PeriodicReportQuerySet",
    "ReportKind",
    "ReportRecipient",
    "ReportingProfile",
]
