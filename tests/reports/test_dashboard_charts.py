"""The SVG charts: well-formed, nothing to fetch and no inline style (the pages'
CSP), text escaped, bars to scale, and the same markup rendered by WeasyPrint."""

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint import HTML

from reports.dashboard.charts import Layout, Series, bar_chart, nice_maximum
from reports.pdf import FontsOnlyFetcher
from tests.reports.pdf_checks import pdf_text

SVG = "{http://www.w3.org/2000/svg}"
MONTHS = ["01/25", "02/25", "03/25"]


def chart(**kwargs):
    options = {
        "title": "Báo tin theo tháng",
        "categories": MONTHS,
        "series": [Series("Xâm hại", (1, 0, 4)), Series("Đuối nước", (2, 0, 4))],
    }
    return bar_chart(**(options | kwargs))


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # noqa: S314 - the code's own output, not a user's


def bars(svg: str) -> list[ET.Element]:
    return parse(svg).findall(f"{SVG}rect[{SVG}title]")


def test_the_chart_is_plain_svg_with_nothing_to_fetch():
    svg = str(chart())
    root = parse(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg"
    assert root.find(f"{SVG}title").text == "Báo tin theo tháng"
    for forbidden in ("style", "<script", "href", "url(", "<image", "<foreign"):
        assert forbidden not in svg


def test_every_text_is_escaped():
    svg = str(chart(title="<b>&", series=[Series("<script>", (1, 2, 3))]))
    assert "<script>" not in svg
    assert "&lt;b&gt;&amp;" in svg
    parse(svg)


def test_stacked_bars_are_drawn_to_scale():
    found = bars(str(chart()))
    # Zeros draw nothing; March: 4 + 4 on an axis up to 8.
    assert len(found) == 4
    layout = Layout()
    march = [b for b in found if b.find(f"{SVG}title").text.startswith("03/25")]
    heights = [float(b.get("height")) for b in march]
    assert heights == [pytest.approx(layout.plot_height * 4 / 8, abs=0.1)] * 2
    assert float(march[1].get("y")) + heights[1] == pytest.approx(
        float(march[0].get("y"))
    )
    assert [b.find(f"{SVG}title").text for b in march] == [
        "03/25 · Xâm hại: 4",
        "03/25 · Đuối nước: 4",
    ]


def test_side_by_side_bars_share_the_slot():
    found = bars(str(chart(stacked=False)))
    january = [b for b in found if b.find(f"{SVG}title").text.startswith("01/25")]
    assert float(january[1].get("x")) > float(january[0].get("x"))
    assert january[0].get("y") != january[1].get("y")


@pytest.mark.parametrize(
    ("highest", "top", "step"),
    [(0, 4, 1), (3, 4, 1), (7, 8, 2), (13, 15, 5), (101, 150, 50), (950, 1000, 500)],
)
def test_the_axis_ends_on_a_round_number(highest, top, step):
    assert nice_maximum(highest) == (top, step)


def test_an_empty_chart_still_draws():
    svg = str(chart(series=[Series("Xâm hại", (0, 0, 0))]))
    assert bars(svg) == []
    assert ">01/25<" in svg


def test_weasyprint_renders_the_same_chart_in_a_pdf(caplog):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    svg = chart(layout=Layout(font_family="Liberation Serif"))
    html = (
        "<html><head><style>@font-face { font-family: 'Liberation Serif'; "
        "src: url('LiberationSerif-Regular.ttf'); }</style></head>"
        f"<body><h1>Biểu đồ</h1>{svg}</body></html>"
    )
    base = Path(settings.PDF_FONT_DIR).resolve().as_uri() + "/"
    pdf = HTML(string=html, base_url=base, url_fetcher=FontsOnlyFetcher()).write_pdf()
    text = pdf_text(pdf)
    for label in (*MONTHS, "Xâm hại", "Đuối nước"):
        assert label in text
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
