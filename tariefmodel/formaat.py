"""Nederlandse getalnotatie met Babel (nooit locale.setlocale: Streamlit deelt één proces)."""

from __future__ import annotations

from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "nl_NL"


def euro(x: float | None, leeg: str = "–") -> str:
    """€ 1.234,56 (met vaste spatie na het euroteken)."""
    if x is None:
        return leeg
    return format_currency(x, "EUR", locale=LOCALE)


def euro_heel(x: float | None, leeg: str = "–") -> str:
    """€ 1.234 (afgerond op hele euro's, voor grote bedragen)."""
    if x is None:
        return leeg
    return format_currency(round(x), "EUR", format="¤ #,##0;¤ -#,##0", locale=LOCALE, currency_digits=False)


def getal(x: float | None, decimalen: int = 2, leeg: str = "–") -> str:
    if x is None:
        return leeg
    patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
    return format_decimal(x, format=patroon, locale=LOCALE)


def procent(x: float | None, decimalen: int = 1, leeg: str = "–") -> str:
    if x is None:
        return leeg
    patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "") + "%"
    return format_percent(x, format=patroon, locale=LOCALE)
