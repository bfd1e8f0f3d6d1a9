"""The indicator cards: which figures the dashboard shows, with the plan's target
and the trend against the same period last year.

A card's code is a key of Annex.values() (reports.indicators.codes): the card
shows exactly the annex's figure, read from the rollup. The province view
shows the same indicators (province.py).
"""

import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.formats import get_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reports.indicators.structure import Number

UP, DOWN = "up", "down"


@dataclass(frozen=True)
class CardSpec:
    code: str
    label: Promise
    # Which way is good news, for the trend's colour (None: neither).
    better: str | None = None
    # Figures printed under the value: (code, label).
    parts: tuple[tuple[str, Promise], ...] = ()
    # The list behind the number (drilldown.LISTS) and its filter.
    drilldown: str = ""
    what: str = ""

    @property
    def is_percent(self) -> bool:
        return self.code.endswith("_pct")


CARDS = (
    CardSpec("children.total", _("Children under 16")),
    CardSpec(
        "hcdb.supported_pct",
        _("Children in special circumstances supported"),
        UP,
        (
            ("hcdb.supported", _("supported")),
            ("hcdb.total", _("in special circumstances")),
        ),
        drilldown="unsupported",
    ),
    CardSpec(
        "newborns.insured_pct",
        _("Newborns with a health-insurance card"),
        UP,
        (
            ("newborns.insured", _("with a card")),
            ("newborns.total", _("born this year")),
        ),
    ),
    CardSpec(
        "under6.insured_pct",
        _("Children under 6 with a health-insurance card"),
        UP,
        (("under6.insured", _("with a card")), ("under6.total", _("under 6"))),
    ),
    CardSpec(
        "disabled.reached_pct",
        _("Children with disabilities reached by services"),
        UP,
        (
            ("disabled.reached", _("reached")),
            ("disabled.total", _("with disabilities")),
        ),
    ),
    CardSpec(
        "abuse.children",
        _("Children abused"),
        DOWN,
        (("abuse.reports", _("reports")),),
        drilldown="incidents",
        what="abuse",
    ),
    CardSpec(
        "injury.reports",
        _("Children injured"),
        DOWN,
        (("injury.deaths", _("died")),),
        drilldown="incidents",
        what="injury",
    ),
    CardSpec(
        "injury.reports.duoi_nuoc",
        _("Drownings"),
        DOWN,
        (("injury.deaths_drowning", _("died")),),
        drilldown="incidents",
        what="drowning",
    ),
    CardSpec(
        "cases.received",
        _("Cases opened"),
        parts=(("cases.closed", _("closed")),),
    ),
    CardSpec("cases.open_at_end", _("Open cases"), drilldown="open_cases"),
    CardSpec(
        "cases.plans_on_time_pct",
        _("Support plans approved on time"),
        UP,
        (
            ("cases.plans_on_time", _("on time")),
            ("cases.plans_approved", _("approved")),
        ),
    ),
    CardSpec(
        "campaigns.supported_children",
        _("Children given support in campaigns"),
        UP,
        (("campaigns.supports", _("gifts and support")),),
    ),
)


@functools.lru_cache(maxsize=16)
def _formatter(language: str):
    with translation.override(language):
        decimal = get_format("DECIMAL_SEPARATOR")
        thousands = get_format("THOUSAND_SEPARATOR")
    separators = str.maketrans({".": decimal, ",": thousands})

    # The same small counts come back thousands of times in a province.
    @functools.lru_cache(maxsize=4096)
    def show(value: Number | None, is_percent: bool = False) -> str:
        if value is None:
            return "—"
        whole = float(value).is_integer()
        text = (f"{int(value):,}" if whole else f"{value:,.1f}").translate(separators)
        return f"{text} %" if is_percent else text

    return show


def number_formatter():
    """display() for the reader's language, looked up once: the province
    table formats thousands of figures."""
    return _formatter(translation.get_language() or settings.LANGUAGE_CODE)


def display(value: Number | None, *, is_percent: bool = False) -> str:
    """A figure in the reader's language ("1.234" and "92,5" in Vietnamese); a
    percentage of nothing is "—"."""
    return number_formatter()(value, is_percent)


@dataclass(frozen=True)
class Trend:
    delta: float
    last: str
    # True: good news, False: bad, None: neither or no change.
    good: bool | None

    @property
    def arrow(self) -> str:
        return "▲" if self.delta > 0 else "▼" if self.delta < 0 else "="

    @property
    def display(self) -> str:
        return display(abs(self.delta))

    @property
    def text(self) -> str:
        return gettext(
            "%(arrow)s %(change)s on the same period last year (%(last)s)"
        ) % {
            "arrow": self.arrow,
            "change": self.display,
            "last": self.last,
        }


def trend(spec: CardSpec, value, last) -> Trend | None:
    if value is None or last is None:
        return None
    delta = round(value - last, 1)
    good = None
    if delta and spec.better:
        good = (delta > 0) == (spec.better == UP)
    return Trend(delta, display(last, is_percent=spec.is_percent), good)


@dataclass
class Card:
    spec: CardSpec
    value: Number | None
    display: str
    parts: list[tuple[Promise, str]]
    trend: Trend | None
    # The plan's target on this figure (reports.plans.targets.TargetRow), if any.
    target: object | None = None
    query: dict = field(default_factory=dict)


def build_cards(values: dict, last_year: dict | None, targets: list) -> list[Card]:
    """The cards with their figures from the year's rollup, the trend against
    last year's and the first plan target measured by the same figure."""
    by_code = {}
    for row in targets:
        by_code.setdefault(row.indicator, row)
    cards = []
    for spec in CARDS:
        value = values.get(spec.code)
        last = last_year.get(spec.code) if last_year else None
        cards.append(
            Card(
                spec=spec,
                value=value,
                display=display(value, is_percent=spec.is_percent),
                parts=[
                    (label, display(values.get(code))) for code, label in spec.parts
                ],
                trend=trend(spec, value, last),
                target=by_code.get(spec.code),
                query={"what": spec.what} if spec.what else {},
            )
        )
    return cards
