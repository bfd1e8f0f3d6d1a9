"""What renders each kind of generated document: a print template and the
function that builds its context from the document row.

Builders are named by dotted path and imported only when a document is
rendered: the case documents' builders live in cases, which imports reports, so
reports must not import cases while the apps load.
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string

from reports.models import GeneratedDocument

Kind = GeneratedDocument.Kind


@dataclass(frozen=True)
class DocumentKind:
    template: str
    context_builder: str  # dotted path of a function (document) -> dict


KINDS = {
    Kind.TEST_PAGE: DocumentKind(
        "reports/pdf/test_page.html", "reports.services.test_page_context"
    ),
    Kind.CASE_INTAKE: DocumentKind(
        "reports/pdf/case_intake.html", "cases.casework.documents.intake_context"
    ),
    Kind.CASE_APPROVAL: DocumentKind(
        "reports/pdf/case_approval.html", "cases.casework.documents.approval_context"
    ),
    Kind.PERIODIC_REPORT: DocumentKind(
        "reports/pdf/periodic_report.html",
        "reports.periodic.documents.report_context",
    ),
    Kind.CASE_SEPARATION: DocumentKind(
        "reports/pdf/case_separation.html",
        "cases.casework.documents.separation_context",
    ),
    Kind.CHILDFRIENDLY_EVALUATION: DocumentKind(
        "reports/pdf/childfriendly_evaluation.html",
        "reports.childfriendly.documents.evaluation_context",
    ),
    Kind.CHILDFRIENDLY_MINUTES: DocumentKind(
        "reports/pdf/childfriendly_minutes.html",
        "reports.childfriendly.documents.minutes_context",
    ),
    Kind.ANNUAL_PLAN: DocumentKind(
        "reports/pdf/annual_plan.html", "reports.plans.documents.plan_context"
    ),
}


def template_and_context(document: GeneratedDocument) -> tuple[str, dict]:
    kind = KINDS[document.kind]
    return kind.template, import_string(kind.context_builder)(document)
