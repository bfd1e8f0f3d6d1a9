"""Importing the commune's Excel lists: check (dry run), commit, duplicates, scope.

Workbooks are built in memory with openpyxl. Celery is eager in the test
settings: the check and the commit run when the view's transaction commits.
"""

import datetime
import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from accounts.models import AuditEntry
from registry.importing import services
from registry.models import Child, ChildEvent, ImportBatch
from tests.conftest import CAST
from tests.registry.factories import ChildFactory

TEMPLATE_HEADERS = [
    "Mã trẻ",
    "Họ và tên",
    "Ngày sinh (dd/mm/yyyy)",
    "Tuổi ước lượng",
    "Giới tính",
    "Dân tộc",
    "Số định danh cá nhân",
    "Thôn/Tổ dân phố",
    "Phân loại",
    "Số thẻ BHYT",
    "Hạn thẻ BHYT (dd/mm/yyyy)",
    "Đăng ký khai sinh",
    "Tình trạng đi học",
    "Ghi chú",
]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Officers only; other_officer imports into their own commune.
START_STATUS = dict.fromkeys(CAST, 403) | {"officer": 200, "other_officer": 200}
# A batch of Ba Tơ: 403 for those who cannot import at all, 404 for an officer
# of another commune (existence does not leak).
DETAIL_STATUS = START_STATUS | {"other_officer": 404}


def xlsx_file(
    rows: list[dict], *, headers=None, before=(), name="danh-sach.xlsx"
) -> SimpleUploadedFile:
    """An uploaded workbook: optional title rows, a header row, then `rows`
    (dicts from header to value; missing keys are empty cells)."""
    headers = headers or TEMPLATE_HEADERS
    workbook = Workbook()
    sheet = workbook.active
    for line in before:
        sheet.append(line)
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX_TYPE)


def child_row(**values) -> dict:
    """A valid row of the template, with `values` (by short name) overriding."""
    row = {
        "Họ và tên": "Đinh Văn Chiến",
        "Ngày sinh (dd/mm/yyyy)": "05/09/2016",
        "Giới tính": "Nam",
        "Dân tộc": "H're",
        "Số định danh cá nhân": "051216000123",
        "Thôn/Tổ dân phố": "Tổ dân phố 1",
        "Đăng ký khai sinh": "Có",
    }
    names = {
        "code": "Mã trẻ",
        "name": "Họ và tên",
        "born": "Ngày sinh (dd/mm/yyyy)",
        "age": "Tuổi ước lượng",
        "sex": "Giới tính",
        "ethnic": "Dân tộc",
        "personal_id": "Số định danh cá nhân",
        "group": "Thôn/Tổ dân phố",
        "classification": "Phân loại",
        "card": "Số thẻ BHYT",
        "card_until": "Hạn thẻ BHYT (dd/mm/yyyy)",
        "registered": "Đăng ký khai sinh",
        "school": "Tình trạng đi học",
        "notes": "Ghi chú",
    }
    row.update({names[k]: v for k, v in values.items()})
    return row


@pytest.fixture
def officer(client, cast):
    client.force_login(cast.officer)
    return client


@pytest.fixture
def check(officer, django_capture_on_commit_callbacks):
    """Upload a file as the officer; the batch, checked."""

    def run(file) -> ImportBatch:
        with django_capture_on_commit_callbacks(execute=True):
            response = officer.post(reverse("registry:child_import"), {"file": file})
        assert response.status_code == 302, response.content
        return ImportBatch.objects.get(code=response.url.rstrip("/").split("/")[-1])

    return run


@pytest.fixture
def commit(officer, django_capture_on_commit_callbacks):
    """Press "Add to the registry" as the officer; the batch afterwards."""

    def run(batch: ImportBatch) -> ImportBatch:
        url = reverse("registry:child_import_detail", args=[batch.code])
        with django_capture_on_commit_callbacks(execute=True):
            response = officer.post(url)
        assert response.status_code == 302
        batch.refresh_from_db()
        return batch

    return run


def error_rows(batch: ImportBatch) -> dict[int, list[str]]:
    return {
        row["row"]: [e["message"] for e in row["errors"]]
        for row in batch.result["rows"]
        if row["action"] == "error"
    }


def actions(batch: ImportBatch) -> dict[int, str]:
    return {row["row"]: row["action"] for row in batch.result["rows"]}


# --- The happy path ---


def test_a_checked_file_is_added_to_the_registry_in_one_go(check, commit, cast, places):
    file = xlsx_file(
        [
            child_row(),
            child_row(
                name="Phạm Thị Lan",
                sex="Nữ",
                ethnic="Kinh",
                personal_id="051315000045",
                born="12/03/2015",
                group="Tổ dân phố 2",
                classification="HCĐB",
                school="Tiểu học",
                notes="Mồ côi cha",
            ),
        ]
    )
    batch = check(file)
    assert batch.status == ImportBatch.Status.CHECKED
    assert (batch.row_count, batch.created_count, batch.error_count) == (2, 2, 0)
    assert not Child.objects.exists(), "the check writes nothing"

    batch = commit(batch)

    assert batch.status == ImportBatch.Status.COMMITTED
    assert batch.committed_by == cast.officer
    lan = Child.objects.get(personal_id="051315000045")
    assert lan.full_name == "Phạm Thị Lan"
    assert lan.birth_date == datetime.date(2015, 3, 12)
    assert lan.residential_group == places.group_b
    assert lan.classification == Child.Classification.HCDB
    assert lan.school == Child.School.PRIMARY
    assert lan.ethnic_group.name == "Kinh"
    assert lan.commune == places.commune
    chien = Child.objects.get(personal_id="051216000123")
    assert chien.ethnic_group.name == "Hrê"
    assert chien.birth_registered is True
    assert ChildEvent.objects.filter(kind=ChildEvent.Kind.IMPORTED).count() == 2


def test_checking_and_adding_are_audited_with_counts_only(check, commit, cast):
    batch = commit(check(xlsx_file([child_row()])))
    checked = AuditEntry.objects.get(action="child.import_checked")
    committed = AuditEntry.objects.get(action="child.import_committed")
    assert checked.user == cast.officer
    assert committed.object_id == str(batch.code)
    assert committed.detail == {
        "rows": 1,
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "duplicates": 0,
        "errors": 0,
    }
    assert "Chiến" not in str(checked.detail) + str(committed.detail)


def test_the_check_page_shows_the_column_mapping_and_ignored_columns(check, officer):
    headers = ["STT", "Ho ten", "Ngày tháng năm sinh", "Giới", "Tổ", "Cột lạ"]
    file = xlsx_file(
        [
            {
                "STT": 1,
                "Ho ten": "Hồ Văn Rết",
                "Ngày tháng năm sinh": "1/2/2017",
                "Giới": "nam",
                "Tổ": "Tổ 1",
            }
        ],
        headers=headers,
        before=[["DANH SÁCH TRẺ EM XÃ BA TƠ"], []],
    )
    batch = check(file)
    assert batch.result["header_row"] == 3
    mapped = {c["header"]: c["field"] for c in batch.result["columns"]}
    assert mapped == {
        "Ho ten": "full_name",
        "Ngày tháng năm sinh": "birth_date",
        "Giới": "sex",
        "Tổ": "residential_group",
    }
    assert {c["header"] for c in batch.result["ignored"]} == {"STT", "Cột lạ"}
    assert batch.created_count == 1
    page = officer.get(reverse("registry:child_import_detail", args=[batch.code]))
    assert page.status_code == 200
    assert "Cột lạ" in page.text
    assert 'id="import-commit"' in page.text


# --- Errors: row numbers, and nothing half-imported ---


def test_one_bad_row_blocks_the_whole_file_with_its_row_number(check, commit):
    file = xlsx_file(
        [
            child_row(),
            child_row(name="Phạm Thị Lan", sex="Nữ", personal_id="05131500004"),
            child_row(name="Hồ Văn Rết", personal_id=None, born="31/02/2016"),
            child_row(name="Võ Văn Bé", personal_id=None, group="Thôn 9"),
        ]
    )
    batch = check(file)
    # Row 1 is the header: the second data row is Excel row 3.
    errors = error_rows(batch)
    assert set(errors) == {3, 4, 5}
    assert batch.error_count == 3
    assert batch.created_count == 1
    assert not batch.can_commit

    commit(batch)

    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CHECKED
    assert not Child.objects.exists()


def test_the_personal_id_rules_of_the_services_are_reused(check, officer):
    # 4th digit 2 means a boy born in the 2000s; the row says a girl.
    batch = check(xlsx_file([child_row(sex="Nữ")]))
    [message] = error_rows(batch)[2]
    # The message of registry.validators (English or, once compiled, Vietnamese).
    assert "4" in message
    assert "2016" in message
    page = officer.get(reverse("registry:child_import_detail", args=[batch.code]))
    assert 'data-row="2"' in page.text
    assert 'id="import-commit"' not in page.text


def test_a_row_refused_while_adding_leaves_nothing_written(check, commit, monkeypatch):
    batch = check(
        xlsx_file(
            [child_row(), child_row(name="Phạm Thị Lan", sex="Nữ", personal_id=None)]
        )
    )
    real_register = services.child_register

    def refuse_lan(**kwargs):
        if kwargs["fields"]["full_name"] == "Phạm Thị Lan":
            from django.core.exceptions import ValidationError

            raise ValidationError({"full_name": ["refused"]})
        return real_register(**kwargs)

    monkeypatch.setattr(services, "child_register", refuse_lan)
    batch = commit(batch)

    assert batch.status == ImportBatch.Status.FAILED
    assert batch.result["commit_errors"] == [{"row": 3, "message": "refused"}]
    assert not Child.objects.exists()
    assert not ChildEvent.objects.exists()
    assert not AuditEntry.objects.filter(action="child.import_committed").exists()


def test_a_registry_change_after_the_check_is_shown_before_anything_is_added(
    check, commit, places
):
    batch = check(
        xlsx_file(
            [child_row(), child_row(name="Phạm Thị Lan", sex="Nữ", personal_id=None)]
        )
    )
    # Meanwhile someone registers a child with the first row's personal ID.
    ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến Khác",
        personal_id="051216000123",
        sex="nam",
        birth_date=datetime.date(2016, 9, 5),
    )
    batch = commit(batch)
    assert batch.status == ImportBatch.Status.CHECKED
    assert batch.error
    assert actions(batch) == {2: "duplicate", 3: "create"}
    assert Child.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("danh-sach.csv", "Họ và tên,Ngày sinh\n".encode()),
        ("danh-sach.xlsx", b"PK\x03\x04 not really a workbook"),
        ("danh-sach.xlsx", b"\x00" * 100),
    ],
)
def test_a_file_that_is_not_a_workbook_gets_a_clear_message(officer, name, content):
    upload = SimpleUploadedFile(name, content, content_type=XLSX_TYPE)
    response = officer.post(reverse("registry:child_import"), {"file": upload})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportBatch.objects.exists()


def test_a_workbook_without_a_header_row_is_refused_with_a_message(check):
    batch = check(xlsx_file([{"A": "x"}], headers=["A", "B"]))
    assert batch.status == ImportBatch.Status.INVALID
    assert "Họ và tên" in batch.error


def test_a_code_from_another_commune_is_a_row_error(check, places):
    elsewhere = ChildFactory(residential_group=places.other_group)
    batch = check(xlsx_file([child_row(code=str(elsewhere.code))]))
    assert list(error_rows(batch)) == [2]


# --- Values: dates, ages, text ---


def test_excel_date_cells_and_text_dates_are_read(check, commit):
    rows = [
        child_row(name="A Một", personal_id=None, born=datetime.date(2016, 9, 5)),
        child_row(name="A Hai", personal_id=None, born="5/9/2016"),
        child_row(name="A Sáu", personal_id=None, born=42618),  # a serial number
        child_row(name="A Ba", personal_id=None, born="05-09-2016"),
        child_row(name="A Bốn", personal_id=None, born="2016-09-05", card="TE1515"),
        child_row(
            name="A Năm",
            personal_id=None,
            card="TE1516",
            card_until=datetime.date(2027, 9, 30),
        ),
    ]
    commit(check(xlsx_file(rows)))
    assert set(Child.objects.values_list("birth_date", flat=True)) == {
        datetime.date(2016, 9, 5)
    }
    assert Child.objects.get(full_name="A Năm").insurance_expiry == datetime.date(
        2027, 9, 30
    )


def test_an_estimated_age_becomes_the_first_of_july_of_the_estimated_year(
    check, commit
):
    commit(check(xlsx_file([child_row(personal_id=None, born=None, age=5)])))
    child = Child.objects.get()
    today = timezone.localdate()
    assert child.birth_date_is_estimated is True
    assert child.birth_date == min(datetime.date(today.year - 5, 7, 1), today)


def test_an_age_does_not_overwrite_a_known_date_of_birth_of_that_year(check, places):
    year = timezone.localdate().year - 7
    ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến",
        sex="nam",
        birth_date=datetime.date(year, 2, 14),
    )
    batch = check(
        xlsx_file(
            [
                child_row(
                    born=None, age=7, personal_id=None, ethnic=None, registered=None
                )
            ]
        )
    )
    assert batch.unchanged_count == 1


def test_decomposed_vietnamese_is_stored_composed(check, commit):
    nfd = unicodedata.normalize("NFD", "Nguyễn  Thị Đới ")
    commit(check(xlsx_file([child_row(name=nfd, sex="Nữ", personal_id=None)])))
    child = Child.objects.get()
    assert child.full_name == "Nguyễn Thị Đới"
    assert unicodedata.is_normalized("NFC", child.full_name)
    assert child.search_key == "nguyen thi doi"


def test_a_personal_id_typed_as_a_number_keeps_its_leading_zero(check, commit):
    commit(check(xlsx_file([child_row(personal_id=51216000123)])))
    assert Child.objects.get().personal_id == "051216000123"


# --- Re-import and duplicates ---


def test_importing_the_same_file_again_changes_nothing(check, commit):
    rows = [
        child_row(),
        child_row(name="Hồ Thị Hà", sex="Nữ", personal_id=None, age=4, born=None),
    ]
    commit(check(xlsx_file(rows)))
    before = list(Child.objects.values_list("pk", "version", "updated_at"))
    events = ChildEvent.objects.count()

    again = check(xlsx_file(rows))

    assert (again.unchanged_count, again.created_count, again.duplicate_count) == (
        2,
        0,
        0,
    )
    assert not again.can_commit
    commit(again)
    assert list(Child.objects.values_list("pk", "version", "updated_at")) == before
    assert ChildEvent.objects.count() == events


def test_a_row_with_the_code_updates_that_child(check, commit, places):
    child = ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến",
        sex="nam",
        birth_date=datetime.date(2016, 9, 5),
    )
    batch = check(xlsx_file([child_row(code=str(child.code), school="THCS")]))
    assert batch.updated_count == 1, batch.result["rows"][0]["errors"]
    [update] = batch.result["rows"]
    assert {"old": "", "new": "THCS"} in [
        {"old": c["old"], "new": c["new"]} for c in update["changes"]
    ]
    commit(batch)
    child.refresh_from_db()
    assert child.school == Child.School.LOWER_SECONDARY
    assert child.personal_id == "051216000123"
    assert child.version == 2


def test_a_known_personal_id_with_other_details_is_flagged_not_merged(
    check, commit, places
):
    known = ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến Em",
        personal_id="051216000123",
        sex="nam",
        birth_date=datetime.date(2016, 9, 5),
    )
    batch = check(
        xlsx_file([child_row(), child_row(name="Hồ Văn Rết", personal_id=None)])
    )
    assert actions(batch) == {2: "duplicate", 3: "create"}
    [duplicate] = [r for r in batch.result["rows"] if r["action"] == "duplicate"]
    assert duplicate["match"]["code"] == str(known.code)
    commit(batch)
    known.refresh_from_db()
    assert known.full_name == "Đinh Văn Chiến Em"
    assert Child.objects.count() == 2


def test_the_same_name_birth_date_and_group_is_flagged_even_without_tones(
    check, places
):
    ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến",
        sex="nam",
        birth_date=datetime.date(2016, 9, 5),
    )
    batch = check(xlsx_file([child_row(name="DINH VAN CHIEN", personal_id=None)]))
    assert actions(batch) == {2: "duplicate"}
    assert batch.duplicate_count == 1


def test_an_identical_existing_child_is_unchanged_not_a_duplicate(check, places):
    ChildFactory(
        residential_group=places.group_a,
        full_name="Đinh Văn Chiến",
        sex="nam",
        birth_date=datetime.date(2016, 9, 5),
    )
    batch = check(
        xlsx_file([child_row(personal_id=None, ethnic=None, registered=None)])
    )
    assert batch.unchanged_count == 1
    assert batch.duplicate_count == 0


def test_two_rows_of_one_file_for_the_same_child_are_both_flagged(check, commit):
    rows = [
        child_row(),
        child_row(name="Hồ Văn Rết", personal_id=None),
        child_row(name="Đinh Văn Chiến", personal_id=None, notes="ghi lại"),
    ]
    batch = check(xlsx_file(rows))
    assert actions(batch) == {2: "duplicate", 3: "create", 4: "duplicate"}
    matches = {r["row"]: r["match"] for r in batch.result["rows"]}
    assert matches[2] == {"row": 4}
    assert matches[4] == {"row": 2}
    commit(batch)
    assert list(Child.objects.values_list("full_name", flat=True)) == ["Hồ Văn Rết"]


# --- Who may import ---


@pytest.fixture
def ba_to_batch(cast, places):
    return ImportBatch.objects.create(
        commune=places.commune,
        uploaded_by=cast.officer,
        original_name="danh-sach.xlsx",
        file="imports/x.xlsx",
    )


@pytest.mark.parametrize("member", CAST)
def test_the_import_page_and_template_by_role(client, cast, member):
    client.force_login(getattr(cast, member))
    page = client.get(reverse("registry:child_import"))
    template = client.get(reverse("registry:child_import_template"))
    assert page.status_code == START_STATUS[member]
    assert template.status_code == START_STATUS[member]
    if template.status_code == 200:
        data = b"".join(template.streaming_content)
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert [c.value for c in sheet[1]] == TEMPLATE_HEADERS


@pytest.mark.parametrize("member", CAST)
def test_uploading_by_role(client, cast, member, django_capture_on_commit_callbacks):
    client.force_login(getattr(cast, member))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("registry:child_import"), {"file": xlsx_file([child_row()])}
        )
    expected = 302 if START_STATUS[member] == 200 else 403
    assert response.status_code == expected
    assert ImportBatch.objects.exists() is (expected == 302)


@pytest.mark.parametrize("member", CAST)
def test_an_import_of_ba_to_by_role(client, cast, ba_to_batch, member):
    client.force_login(getattr(cast, member))
    url = reverse("registry:child_import_detail", args=[ba_to_batch.code])
    assert client.get(url).status_code == DETAIL_STATUS[member]
    posted = client.post(url)
    assert posted.status_code == (302 if member == "officer" else DETAIL_STATUS[member])


def test_the_page_polls_while_the_worker_has_the_file(client, cast, ba_to_batch):
    client.force_login(cast.officer)
    url = reverse("registry:child_import_detail", args=[ba_to_batch.code])
    page = client.get(url)
    assert 'hx-trigger="every 2s"' in page.text
    assert 'id="import-refresh"' in page.text  # without JavaScript
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in fragment.text
    assert 'id="import-result"' in fragment.text


def test_a_batch_is_checked_and_committed_once(check, commit, cast):
    batch = check(xlsx_file([child_row()]))
    assert services.import_check(batch_id=batch.pk).status == ImportBatch.Status.CHECKED
    commit(batch)
    assert (
        services.import_commit(batch_id=batch.pk).status == ImportBatch.Status.COMMITTED
    )
    assert Child.objects.count() == 1
    assert AuditEntry.objects.filter(action="child.import_committed").count() == 1
