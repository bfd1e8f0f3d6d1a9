"""Exporting the child list to .xlsx: scope, filters, content, audit, queries."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import AuditEntry
from batochild.lib.text import fold_compact
from registry.models import Child, EthnicGroup, ImportBatch
from tests.conftest import CAST
from tests.registry.factories import ChildFactory
from tests.registry.test_import import TEMPLATE_HEADERS, XLSX_TYPE

# Officers and chairmen of a commune; other_officer exports their own commune.
EXPORT_STATUS = dict.fromkeys(CAST, 403) | {
    "officer": 200,
    "chairman": 200,
    "other_officer": 200,
}


@pytest.fixture
def children(places):
    """Two children in Ba Tơ, one soft-deleted, one in the other commune."""
    return {
        "lan": ChildFactory(
            residential_group=places.group_a,
            full_name="Phạm Thị Lan",
            personal_id="051315000045",
            birth_date=datetime.date(2015, 3, 12),
            ethnic_group=EthnicGroup.objects.get(name="Kinh"),
            classification=Child.Classification.HCDB,
            insurance_card_number="TE1515123456789",
            insurance_expiry=datetime.date(2027, 9, 30),
            birth_registered=True,
            school=Child.School.PRIMARY,
            notes="Mồ côi cha\nỞ với bà",
        ),
        "ret": ChildFactory(
            residential_group=places.group_b,
            full_name="Hồ Văn Rết",
            sex="nam",
            birth_date=datetime.date(2019, 7, 1),
            birth_date_is_estimated=True,
        ),
        "deleted": ChildFactory(
            residential_group=places.group_a,
            full_name="Xóa Nhầm",
            deleted_at=timezone.now(),
        ),
        "other": ChildFactory(residential_group=places.other_group, full_name="Võ Ba"),
    }


def export(client, query: str = ""):
    response = client.get(reverse("registry:child_export") + query)
    data = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, data


def sheet_rows(data: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    return list(sheet.iter_rows(values_only=True))


@pytest.mark.parametrize("member", CAST)
def test_the_export_by_role(client, cast, children, member):
    client.force_login(getattr(cast, member))
    response, data = export(client)
    assert response.status_code == EXPORT_STATUS[member]
    if member == "other_officer":
        assert [r[1] for r in sheet_rows(data)[1:]] == ["Võ Ba"]


def test_the_export_lists_every_visible_child_in_the_template_columns(
    client, cast, children
):
    client.force_login(cast.chairman)
    response, data = export(client)
    assert response["Content-Type"] == XLSX_TYPE
    today = timezone.localdate()
    assert f"tre-em-ba-to-{today:%Y-%m-%d}.xlsx" in response["Content-Disposition"]
    header, *rows = sheet_rows(data)
    assert list(header) == TEMPLATE_HEADERS
    assert [r[1] for r in rows] == ["Hồ Văn Rết", "Phạm Thị Lan"]
    ret, lan = rows
    assert lan[0] == str(children["lan"].code)
    assert lan[2].date() == datetime.date(2015, 3, 12)
    assert lan[4:10] == (
        "Nữ",
        "Kinh",
        "051315000045",
        "Tổ dân phố 1",
        "HCĐB",
        "TE1515123456789",
    )
    assert lan[10].date() == datetime.date(2027, 9, 30)
    assert lan[11:] == ("Có", "Tiểu học", "Mồ côi cha\nỞ với bà")
    # An estimated date of birth is written as the age in years.
    assert (ret[2], ret[3]) == (None, today.year - 2019)


def test_the_export_applies_the_list_filters(client, cast, children, places):
    client.force_login(cast.officer)
    _, by_group = export(client, f"?group={places.group_b.pk}")
    _, by_class = export(client, "?classification=hcdb")
    _, by_search = export(client, "?q=pham thi lan")
    assert [r[1] for r in sheet_rows(by_group)[1:]] == ["Hồ Văn Rết"]
    assert [r[1] for r in sheet_rows(by_class)[1:]] == ["Phạm Thị Lan"]
    assert [r[1] for r in sheet_rows(by_search)[1:]] == ["Phạm Thị Lan"]


def test_an_export_is_audited_with_the_row_count_only(client, cast, children, places):
    client.force_login(cast.officer)
    export(client)
    entry = AuditEntry.objects.get(action="child.exported")
    assert entry.user == cast.officer
    assert entry.commune == places.commune
    assert entry.detail == {"rows": 2}


def test_the_export_has_a_fixed_number_of_queries(
    client, cast, places, django_assert_max_num_queries
):
    client.force_login(cast.officer)
    ChildFactory.create_batch(3, residential_group=places.group_a)
    with django_assert_max_num_queries(10) as few:
        export(client)
    ChildFactory.create_batch(40, residential_group=places.group_b)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _, data = export(client)
    assert len(sheet_rows(data)) == 44


def test_an_exported_file_imports_back_unchanged(
    client, cast, children, django_capture_on_commit_callbacks
):
    client.force_login(cast.officer)
    _, data = export(client)
    before = list(Child.objects.values_list("pk", "version"))
    upload = SimpleUploadedFile("tre-em.xlsx", data, content_type=XLSX_TYPE)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("registry:child_import"), {"file": upload})
    batch = ImportBatch.objects.get()
    assert (batch.row_count, batch.unchanged_count) == (2, 2), batch.result["rows"]
    assert not batch.can_commit
    assert list(Child.objects.values_list("pk", "version")) == before


@pytest.mark.django_db
def test_every_ethnic_group_name_written_by_the_export_reads_back():
    keys = {
        group.name: group.match_keys.split("|") for group in EthnicGroup.objects.all()
    }
    assert len(keys) == 54
    assert all(fold_compact(name) in found for name, found in keys.items())


def test_text_that_looks_like_a_formula_is_exported_as_text(client, cast, places):
    import io

    from openpyxl import load_workbook

    from tests.registry.factories import ChildFactory

    ChildFactory(
        residential_group=places.group_a,
        full_name='=HYPERLINK("http://evil.example","x")',
        notes="=1+1",
    )
    client.force_login(cast.officer)
    response = client.get(reverse("registry:child_export"))
    data = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [
        cell for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)
    ]
    formulas = [c.value for c in cells if c.value.startswith("=")]
    assert formulas
    assert all(c.data_type == "s" for c in cells if c.value.startswith("="))
