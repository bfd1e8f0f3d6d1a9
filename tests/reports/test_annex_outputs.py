"""What is made of an annex: the de-identified copy, the frozen dict, the .xlsx
and the narrative's first draft; and the catalogue kept in step with the enums
and the documentation."""

import datetime
import io
import json
from pathlib import Path

import openpyxl
import pytest

from campaigns.models import Category, FundingSource
from cases.models import ABUSE_KINDS, Kind
from registry.circumstances import CircumstanceGroup, subgroups_of
from registry.models import Child
from reports.indicators import codes
from reports.indicators.figures import Figure, make_sections
from reports.indicators.sentences import SECTION_KEYS, prefill_sections
from reports.indicators.smallcells import deidentify
from reports.indicators.structure import Annex, Cell, Row, Section
from reports.indicators.xlsx import annex_workbook

D = datetime.date


def annex_with(values: dict) -> Annex:
    """An annex of zeros but for `values`: {"code": n, "code.cell": n}."""
    figures = {code: Figure(0) for code in codes.INDICATORS}
    for key, value in values.items():
        code, _dot, cell = key.rpartition(".") if key.count(".") > 1 else (key, "", "")
        if cell:
            figures[code].cells[cell] = value
        else:
            figures[key].value = value
    return Annex(
        commune_id=1,
        commune_name="Ba Tơ",
        commune_kind="xa",
        date_from=D(2024, 12, 15),
        date_to=D(2025, 6, 14),
        computed_at=datetime.datetime(2025, 6, 20, 2, 0, tzinfo=datetime.UTC),
        sections=make_sections(figures),
    )


def row(cells, *, value=None, additive=True, protected=True) -> Annex:
    cells = [Cell(str(i), f"ô {i}", v) for i, v in enumerate(cells)]
    total = sum(c.value for c in cells) if value is None else value
    one = Row("x.y", "Chỉ tiêu", total, cells=cells, additive=additive)
    one.protected = protected
    return Annex(
        1,
        "Ba Tơ",
        "xa",
        D(2025, 1, 1),
        D(2025, 6, 14),
        datetime.datetime(2025, 6, 20, tzinfo=datetime.UTC),
        [Section("s", "I.", [one])],
    )


def shown(annex: Annex) -> list:
    return [None if c.suppressed else c.value for c in annex.row("x.y").cells]


# De-identification.


def test_small_cells_are_hidden_and_totals_kept():
    annex = row([1, 2, 0, 7])
    safe = deidentify(annex, threshold=3)
    assert shown(safe) == [None, None, 0, 7]
    assert safe.row("x.y").value == 10
    assert safe.small_cell_threshold == 3
    assert safe.values()["x.y.0"] is None
    assert shown(annex) == [1, 2, 0, 7]  # the original is left alone


def test_one_hidden_cell_hides_the_smallest_other_one():
    safe = deidentify(row([1, 4, 5, 0]), threshold=3)
    assert shown(safe) == [None, None, 5, 0]
    first, second = safe.row("x.y").cells[:2]
    assert (first.complementary, second.complementary) == (False, True)


def test_a_zero_is_hidden_when_nothing_else_can_be():
    assert shown(deidentify(row([2, 0]), threshold=3)) == [None, None]


def test_cells_that_do_not_add_up_need_no_second_cell():
    safe = deidentify(row([1, 5, 9], value=12, additive=False), threshold=3)
    assert shown(safe) == [None, 5, 9]


def test_money_and_activities_are_not_suppressed():
    assert shown(deidentify(row([1, 2], protected=False), threshold=3)) == [1, 2]


def test_the_threshold_comes_from_the_settings(settings):
    settings.REPORT_SMALL_CELL = 5
    safe = deidentify(row([4, 5, 6]))
    assert shown(safe) == [None, None, 6]
    assert safe.small_cell_threshold == 5


def test_the_known_annex_hides_small_abuse_cells():
    annex = annex_with({"abuse.reports": 3, "abuse.reports.bao_luc": 3})
    safe = deidentify(annex, threshold=3)
    assert safe.values()["abuse.reports.bao_luc"] == 3
    annex = annex_with({"abuse.reports": 3, "abuse.reports.bao_luc": 2})
    safe = deidentify(annex, threshold=3)
    assert safe.values()["abuse.reports"] == 3
    assert safe.values()["abuse.reports.bao_luc"] is None
    assert safe.row("abuse.reports").cell("bao_luc").suppressed


# Frozen as a dict.


def test_the_dict_is_json_and_reads_back_the_same():
    annex = deidentify(annex_with({"children.total": 1234, "children.sex.nu": 1}))
    frozen = json.loads(json.dumps(annex.to_dict()))
    assert Annex.from_dict(frozen) == annex
    assert Annex.from_dict(frozen).values() == annex.values()


def test_a_dict_from_newer_code_is_refused():
    frozen = annex_with({}).to_dict() | {"schema": 99}
    with pytest.raises(ValueError, match="newer"):
        Annex.from_dict(frozen)


# The .xlsx.


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_the_workbook_has_every_figure():
    annex = annex_with(
        {"children.total": 1234, "under6.total": 200, "under6.insured": 150}
    )
    sheet = _sheet(annex_workbook(annex, title="Biểu số liệu 6 tháng đầu năm 2025"))
    lines = {r[0]: r for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert sheet["A1"].value == "Biểu số liệu 6 tháng đầu năm 2025"
    assert "15/12/2024" in sheet["A2"].value
    assert lines["children.total"][1:3] == ("Tổng số trẻ em dưới 16 tuổi", 1234)
    assert lines["under6.insured"][2:5] == (150, 200, 75.0)
    assert lines["hcdb.group.3"][2] == 0
    figures = {k for k in codes.all_value_codes() if not k.endswith("_pct")}
    assert figures - set(lines) == set()


def test_the_workbook_writes_text_never_formulas():
    annex = row([5, 6])
    annex.row("x.y").label = '=HYPERLINK("http://x")'
    sheet = _sheet(annex_workbook(annex, title="=1+1"))
    assert sheet["A1"].value == "=1+1"
    assert sheet["A1"].data_type == "s"
    assert any(
        c.value == '=HYPERLINK("http://x")' and c.data_type == "s" for c in sheet["B"]
    )


def test_hidden_cells_read_less_than_the_threshold():
    sheet = _sheet(annex_workbook(deidentify(row([1, 4, 5])), title="Biểu"))
    values = {r[0]: r[2] for r in sheet.iter_rows(values_only=True) if r and r[0]}
    assert (values["x.y.0"], values["x.y.1"], values["x.y.2"]) == ("< 3", "x", 5)
    assert "< 3" in sheet["A3"].value


# The narrative's first draft.


def test_the_draft_tells_the_numbers_the_vietnamese_way():
    annex = annex_with(
        {
            "children.total": 1234,
            "children.sex.nu": 612,
            "children.sex.nam": 622,
            "under6.total": 300,
            "under6.insured": 285,
            "abuse.reports": 2,
            "abuse.reports.bao_luc": 2,
            "abuse.children": 2,
            "hcdb.total": 40,
            "hcdb.supported": 38,
            "campaigns.supports": 10,
            "campaigns.supported_children": 10,
            "campaigns.support_value": 3_000_000,
            "campaigns.support_value.state": 3_000_000,
        }
    )
    sections = prefill_sections(annex, period_label="6 tháng đầu năm 2025")
    assert set(sections) == set(SECTION_KEYS)
    assert (
        "toàn xã có 1.234 trẻ em dưới 16 tuổi, trong đó 612 em nữ"
        in (sections["situation"])
    )
    assert "285 em có thẻ bảo hiểm y tế còn hạn (95%)" in sections["situation"]
    assert (
        "Trong 6 tháng đầu năm 2025, xã tiếp nhận 2 vụ xâm hại"
        in (sections["situation"])
    )
    assert "Tiếp nhận 2 vụ xâm hại trẻ em (2 vụ bạo lực)" in sections["results"]
    assert "3.000.000 đồng (ngân sách nhà nước 3.000.000 đồng)" in sections["results"]
    assert sections["results"].startswith("1. Công tác chỉ đạo")
    assert "6. Xây dựng xã, phường phù hợp với trẻ em" in sections["results"]
    assert "Còn 15 trẻ em dưới 6 tuổi chưa có thẻ" in sections["shortcomings"]
    assert "Còn 2 trẻ em có hoàn cảnh đặc biệt" in sections["shortcomings"]
    assert "cấp thẻ bảo hiểm y tế cho 15 trẻ em" in sections["next_steps"]
    assert "trợ giúp 2 trẻ em có hoàn cảnh đặc biệt" in sections["recommendations"]


def test_a_quiet_period_says_so():
    sections = prefill_sections(annex_with({}), period_label="năm 2025")
    assert "không tiếp nhận vụ xâm hại trẻ em nào" in sections["situation"]
    assert "chưa ghi nhận tồn tại, hạn chế nổi bật" in sections["shortcomings"]


def test_a_hidden_cell_reads_under_the_threshold():
    annex = annex_with(
        {"abuse.reports": 5, "abuse.reports.bao_luc": 1, "abuse.reports.bo_mac": 4}
    )
    sections = prefill_sections(deidentify(annex), period_label="năm 2025")
    assert "dưới 3 vụ bạo lực, (ẩn) vụ bỏ mặc" in sections["results"]


# The catalogue.


def test_the_catalogue_follows_the_enums():
    assert [c for c, _ in codes.ABUSE_FORMS] == [
        k.value for k in Kind if k in ABUSE_KINDS
    ]
    assert [c for c, _ in codes.INJURY_KINDS] == [
        k.value for k in Kind if k not in ABUSE_KINDS
    ]
    assert [g for g, *_ in codes.HCDB_GROUPS] == list(CircumstanceGroup.values)
    assert [c for c, _ in codes.ACTIVITY_CATEGORIES] == list(Category.values)
    assert [c for c, _ in codes.FUNDING_SOURCES] == list(FundingSource.values)
    levels = [c for c, _ in codes.DISABILITY_LEVELS]
    assert levels[:-1] == list(Child.DisabilityLevel.values)
    assert set(codes.LEVEL_OF_SUBGROUP) == {
        s.code for s in subgroups_of(CircumstanceGroup.KHUYET_TAT)
    }


def test_every_percentage_points_at_a_code():
    for indicator in codes.INDICATORS.values():
        assert indicator.percent_of in (None, *codes.INDICATORS)
        assert indicator.measure in (codes.STOCK, codes.FLOW)


def test_the_documentation_lists_every_code():
    text = (Path(__file__).resolve().parents[2] / "docs" / "indicators.md").read_text()
    missing = [code for code in codes.INDICATORS if f"`{code}`" not in text]
    assert missing == []
