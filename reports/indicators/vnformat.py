"""Numbers as Vietnamese documents write them: "1.234", "92,5%", "1.500.000 đồng"."""

from decimal import Decimal


def format_number(value: int | float | Decimal | None, *, decimals: int = 1) -> str:
    """Thousands with ".", decimals with ","; whole numbers without decimals."""
    if value is None:
        return "…"
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{float(value):,.{decimals}f}"
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_percent(value: float | None) -> str:
    return "…%" if value is None else f"{format_number(value)}%"


def format_money(value: int | None) -> str:
    return f"{format_number(value)} đồng"
