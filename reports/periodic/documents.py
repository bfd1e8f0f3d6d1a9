"""The PDF of a periodic report: NĐ 30 layout, the narrative, the annex as one
table per section (blocks, not one giant table), de-identified, and for an issued
report its number, date and verification code with a QR."""

import segno
from django.conf import settings
from django.urls import reverse
from django.utils.safestring import mark_safe

from reports import docformat
from reports.dashboard import charts
from reports.indicators.smallcells import cell_display, deidentify
from reports.indicators.structure import Annex
from reports.indicators.vnformat import format_number, format_percent
from reports.models import NARRATIVE_SECTIONS, PeriodicReport, ReportingProfile
from reports.periodic.config import profile_for, recipients
from reports.periodic.services import report_summary
from reports.services import chairman_name

AUTHORITY_LINES = {
    ReportingProfile.Authority.DEPUTY: ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
    ReportingProfile.Authority.CHAIRMAN: ("CHỦ TỊCH",),
    ReportingProfile.Authority.COLLECTIVE: ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
}


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]


def annex_rows(annex: Annex) -> list[dict]:
    """Sections of display rows: label, value, percent and the breakdown cells,
    with small cells shown as "< n"."""
    threshold = annex.small_cell_threshold
    sections = []
    for section in annex.sections:
        rows = []
        for row in section.rows:
            cells = [(c.label, cell_display(c, threshold)) for c in row.cells]
            rows.append(
                {
                    "label": row.label,
                    "value": format_number(row.value, decimals=0)
                    if row.value is not None
                    else "—",
                    "percent": format_percent(row.percent)
                    if row.percent is not None
                    else "",
                    "cells": cells,
                }
            )
        sections.append({"title": section.title, "rows": rows})
    return sections


def _chart(months: list[dict]):
    """The dashboard's incidents chart, the same SVG, from the frozen counts."""
    if not months:
        return ""
    return charts.bar_chart(
        title="Tin báo theo tháng",
        categories=[m["month"] for m in months],
        series=[
            charts.Series("Xâm hại", tuple(m["abuse"] for m in months)),
            charts.Series("Đuối nước", tuple(m["drowning"] for m in months)),
            charts.Series(
                "Tai nạn, thương tích khác", tuple(m["other"] for m in months)
            ),
        ],
        layout=charts.Layout(font_family="Liberation Serif"),
    )


def _verification(report: PeriodicReport) -> dict | None:
    if report.status not in (report.Status.ISSUED, report.Status.SUPERSEDED):
        return None
    path = reverse("reports:report_verify", args=[report.verification])
    url = settings.SITE_URL.rstrip("/") + path
    # Our own code and URL, never user text: safe to inline as SVG.
    svg = segno.make(url, error="m").svg_inline(scale=2, omitsize=False)
    return {"code": report.verification, "url": url, "qr": mark_safe(svg)}  # noqa: S308


def report_context(document) -> dict:
    report = PeriodicReport.objects.select_related("commune__province").get(
        pk=document.subject_id, commune_id=document.commune_id
    )
    commune = report.commune
    profile = profile_for(commune)
    addressed, copies = recipients(commune, report.kind)
    doc = docformat.OfficialDocument(
        header=docformat.DocumentHeader(
            issuing_body=docformat.commune_issuing_body(commune),
            number=docformat.number_line(report.number, "BC-UBND"),
            place_date=docformat.place_date_line(
                commune.document_place, report.issued_on, year=report.year
            ),
        ),
        type_name="BÁO CÁO",
        summary=report_summary(report),
        signature=docformat.SignatureBlock(
            authority=AUTHORITY_LINES[profile.signer_authority],
            signer_name=profile.signer_name or chairman_name(commune),
        ),
        recipients=tuple(f"- {line}" for line in copies),
    )
    annex = deidentify(Annex.from_dict(report.annex))
    return {
        "doc": doc,
        "report": report,
        # "xã Ba Tơ", "phường …" in the running text.
        "commune_words": f"{docformat.KIND_WORDS.get(commune.kind, 'XÃ').lower()} "
        f"{commune.name}",
        "addressed": addressed,
        "sections": [
            (title, _paragraphs(report.narrative.get(key, "")))
            for key, title in NARRATIVE_SECTIONS
        ],
        "annex": annex_rows(annex),
        "targets": report.annex.get("targets", []),
        "chart": _chart(report.annex.get("months", [])),
        "threshold": annex.small_cell_threshold,
        "verification": _verification(report),
    }
