"""The dashboard of a commune, the lists behind its numbers, and the province
view with its .xlsx export."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from accounts.services import audit_record
from reports.dashboard import drilldown, selectors
from reports.dashboard.forms import dashboard_query
from reports.dashboard.province import province_table, province_workbook, provinces_for
from reports.dashboard.rollups import REFRESH_SECONDS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _commune(request):
    commune, communes = selectors.dashboard_commune_get(
        request.user, dashboard_query(request)["commune"]
    )
    if commune is None:
        raise PermissionDenied  # a role's page: 403, as the case list
    return commune, communes


@require_safe
def dashboard(request):
    commune, communes = _commune(request)
    data = selectors.dashboard_for(request.user, commune, communes, timezone.now())
    context = {"dashboard": data, "refresh_minutes": REFRESH_SECONDS // 60}
    return render(request, "reports/dashboard.html", context)


@require_safe
def dashboard_list(request, list_name):
    commune, _communes = _commune(request)
    query = dashboard_query(request)
    group = drilldown.drill_group(commune, query["group"])
    what = query["what"]
    sections = drilldown.drill_list(
        request.user, list_name, commune, group, timezone.now(), what
    )
    audit_record(
        actor=request.user,
        action="dashboard.drilldown",
        commune=commune,
        request=request,
        detail={
            "list": list_name,
            "what": what,
            "group": str(group.code) if group else "",
            "rows": sum(section.total for section in sections),
        },
    )
    context = {
        "commune": commune,
        "group": group,
        "title": drilldown.LISTS[list_name],
        "sections": sections,
        "show_names": drilldown.can_see_names(request.user, commune.pk),
        "limit": drilldown.LIST_LIMIT,
    }
    return render(request, "reports/dashboard_list.html", context)


def _province(request):
    provinces = provinces_for(request.user)
    if not provinces:
        raise PermissionDenied
    code = dashboard_query(request)["province"]
    if not code:
        return provinces[0], provinces
    for province in provinces:
        if province.code == code:
            return province, provinces
    raise Http404


def _table(request, province):
    return province_table(
        province,
        sort=dashboard_query(request)["sort"],
        descending=dashboard_query(request)["order"] == "desc",
    )


@require_safe
def province(request):
    chosen, provinces = _province(request)
    context = {
        "table": _table(request, chosen),
        "provinces": provinces,
        "sort": dashboard_query(request)["sort"],
        "descending": dashboard_query(request)["order"] == "desc",
        "refresh_minutes": REFRESH_SECONDS // 60,
    }
    return render(request, "reports/dashboard_province.html", context)


@require_safe
def province_xlsx(request):
    chosen, _provinces = _province(request)
    table = _table(request, chosen)
    audit_record(
        actor=request.user,
        action="dashboard.province_exported",
        request=request,
        detail={"province": chosen.code, "communes": len(table.lines)},
    )
    response = HttpResponse(province_workbook(table), content_type=XLSX)
    name = f"province-{chosen.code}-{table.date_to:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
