"""Pydantic-bouwstenen voor werkboekregels, met Nederlandse foutmeldingen."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from tariefmodel.werkboek.getallen import GeenGetal, is_excel_fout, is_leeg, lees_getal


def _getal(waarde: Any) -> Any:
    if is_leeg(waarde):
        return None
    try:
        return lees_getal(waarde)
    except GeenGetal as fout:
        raise ValueError(str(fout)) from None


def _tekst(waarde: Any) -> Any:
    if is_leeg(waarde):
        return None
    if is_excel_fout(waarde):
        raise ValueError(f"de cel bevat de Excel-fout {str(waarde).strip()}; vul een tekst in")
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip()


Getal = Annotated[float, BeforeValidator(_getal)]
"""Een verplicht getal (echte waarde of Nederlandse tekst)."""
Tekst = Annotated[str, BeforeValidator(_tekst)]
"""Een verplichte, niet-lege tekst."""

_VERTALING = {
    "missing": "verplichte waarde ontbreekt",
    "float_type": "verwacht een getal",
    "float_parsing": "verwacht een getal",
    "string_type": "verwacht een tekst",
    "int_type": "verwacht een geheel getal",
}


def nederlandse_melding(detail: dict) -> str:
    """Vertaal een pydantic-foutdetail naar een Nederlandse zin."""
    soort = detail.get("type", "")
    ctx = detail.get("ctx") or {}
    if soort == "value_error":
        return str(ctx.get("error", detail.get("msg", "")))
    if detail.get("input") is None and soort in {"float_type", "string_type", "int_type", "literal_error"}:
        return "verplichte waarde ontbreekt"
    if soort == "greater_than_equal":
        return f"moet {ctx.get('ge')} of groter zijn (gevonden: {detail.get('input')})"
    if soort == "greater_than":
        return f"moet groter zijn dan {ctx.get('gt')} (gevonden: {detail.get('input')})"
    if soort == "less_than_equal":
        return f"mag niet groter zijn dan {ctx.get('le')} (gevonden: {detail.get('input')})"
    if soort == "literal_error":
        return f"'{detail.get('input')}' is niet toegestaan; kies uit {ctx.get('expected')}"
    return _VERTALING.get(soort, f"ongeldige waarde ({detail.get('msg')})")
