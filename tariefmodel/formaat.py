"""Nederlandse getalnotatie met Babel (nooit locale.setlocale: Streamlit deelt één proces)."""

from __future__ import annotations

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent

from tariefmodel.afronding import rond_hele_euro

LOCALE = "nl_NL"
# Het bedragpatroon van de locale (¤\xa0#,##0.00;¤\xa0-#,##0.00) zonder centen: dezelfde vaste spatie na het
# euroteken en hetzelfde minteken als euro().
_HELE_EUROS = Locale.parse(LOCALE).currency_formats["standard"].pattern.replace(".00", "")


def euro(x: float | None, leeg: str = "–") -> str:
    """€ 1.234,56 (met vaste spatie na het euroteken)."""
    if x is None:
        return leeg
    return format_currency(x, "EUR", locale=LOCALE)


def euro_heel(x: float | None, leeg: str = "–") -> str:
    """€ 1.234 (afgerond op hele euro's, voor grote bedragen; vaste spatie na het euroteken zoals euro)."""
    if x is None:
        return leeg
    return format_currency(rond_hele_euro(x), "EUR", format=_HELE_EUROS, locale=LOCALE, currency_digits=False)


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
