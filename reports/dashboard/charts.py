"""Bar charts as SVG markup, drawn on the server.

The same markup goes into a page (no JavaScript) and into a WeasyPrint PDF: it
is plain SVG with presentation attributes only (fill=, font-size=): no style
attribute or element (the pages' Content-Security-Policy refuses inline
styles), no script, no link, image or font to fetch. Every text is escaped;
each bar carries a <title> with its figure, shown on hover and read by screen
readers, and the chart a <title> and <desc>.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Colour-blind-safe colours (Okabe-Ito), in the order series get them.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
TEXT = "#212529"
GRID = "#dee2e6"


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[int | float, ...]
    colour: str = ""


@dataclass(frozen=True)
class Layout:
    width: int = 640
    height: int = 260
    left: int = 36
    right: int = 8
    top: int = 12
    bottom: int = 58  # month labels and the legend
    font_size: int = 11
    font_family: str = "sans-serif"

    @property
    def plot_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> int:
        return self.height - self.top - self.bottom

    @property
    def baseline(self) -> int:
        return self.top + self.plot_height


def nice_maximum(value: float) -> tuple[int, int]:
    """(top of the axis, step between grid lines): 1, 2 or 5 times a power of ten,
    about four steps, never below 1."""
    if value <= 4:
        return 4, 1
    rough = value / 4
    power = 10 ** math.floor(math.log10(rough))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= rough)
    return int(step * math.ceil(value / step)), int(step)


def _number(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def bar_chart(
    *,
    title: str,
    categories: list[str],
    series: list[Series],
    stacked: bool = True,
    description: str = "",
    layout: Layout | None = None,
) -> SafeString:
    """An SVG bar chart: one bar per category, stacked series, or side by side
    when `stacked` is False."""
    layout = layout or Layout()
    colours = [s.colour or PALETTE[i % len(PALETTE)] for i, s in enumerate(series)]
    if stacked:
        highest = max(
            (sum(col) for col in zip(*(s.values for s in series), strict=True)),
            default=0,
        )
    else:
        highest = max((max(s.values, default=0) for s in series), default=0)
    top, step = nice_maximum(highest)
    parts = [_open(layout, title, description)]
    parts += _grid(layout, top, step)
    parts += _bars(layout, categories, series, colours, top, stacked)
    parts += _legend(layout, series, colours)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text is escaped above


def _open(layout: Layout, title: str, description: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'width="{layout.width}" height="{layout.height}" '
        f'viewBox="0 0 {layout.width} {layout.height}" '
        f'font-family="{escape(layout.font_family)}" font-size="{layout.font_size}" '
        f'fill="{TEXT}"><title>{escape(title)}</title>'
        f"<desc>{escape(description or title)}</desc>"
    )


def _grid(layout: Layout, top: int, step: int) -> list[str]:
    lines = []
    for tick in range(0, top + 1, step):
        y = layout.baseline - layout.plot_height * tick / top
        lines.append(
            f'<line x1="{layout.left}" y1="{y:.1f}" x2="{layout.width - layout.right}" '
            f'y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{layout.left - 4}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>'
        )
    return lines


def _bars(layout, categories, series, colours, top, stacked) -> list[str]:
    slot = layout.plot_width / max(len(categories), 1)
    width = slot * 0.7
    out = []
    for i, category in enumerate(categories):
        x = layout.left + slot * i + (slot - width) / 2
        below = 0.0
        for n, one in enumerate(series):
            value = one.values[i]
            height = layout.plot_height * value / top
            if stacked:
                left, bar_width = x, width
                y = layout.baseline - height - below
                below += height
            else:
                bar_width = width / len(series)
                left, y = x + bar_width * n, layout.baseline - height
            if value:
                label = escape(f"{category} · {one.label}: {_number(value)}")
                out.append(
                    f'<rect x="{left:.1f}" y="{y:.1f}" width="{bar_width:.1f}" '
                    f'height="{height:.1f}" fill="{colours[n]}"><title>{label}</title></rect>'
                )
        out.append(
            f'<text x="{x + width / 2:.1f}" y="{layout.baseline + 14}" '
            f'text-anchor="middle">{escape(category)}</text>'
        )
    return out


def _legend(layout: Layout, series, colours) -> list[str]:
    out, x = [], float(layout.left)
    y = layout.height - 14
    for one, colour in zip(series, colours, strict=True):
        out.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}">{escape(one.label)}</text>'
        )
        # Wide enough for the label at this font size (about 0.6 em a letter).
        x += 28 + len(one.label) * layout.font_size * 0.6
    return out
