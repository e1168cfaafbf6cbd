"""Pydantic-bouwstenen voor werkboekregels, met Nederlandse foutmeldingen."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator

from tariefmodel.getallen import GeenGetal, fractie_fout, is_excel_fout, is_leeg, kort, lees_getal


def getal_of_leeg(waarde: Any) -> float | None:
    """Een celwaarde als getal (echte waarde of Nederlandse tekst), None als de cel leeg is; ValueError met
    Nederlandse uitleg als het geen getal is."""
    if is_leeg(waarde):
        return None
    try:
        return lees_getal(waarde)
    except GeenGetal as fout:
        raise ValueError(str(fout)) from None


def fractie_of_leeg(waarde: Any) -> float | None:
    """Een fractie (0,05 of 5%); een kaal getal boven 1 is een fout met de vraag 'bedoelt u 5%?'
    (werkboekformaat.md v2: nooit stil verkeerd lezen)."""
    getal = getal_of_leeg(waarde)
    fout = fractie_fout(waarde, getal)
    if fout:
        raise ValueError(fout)
    return getal


def bedrag_of_leeg(waarde: Any) -> float | None:
    """Een bedrag in euro's: zoals ``getal_of_leeg``, maar een percentage ('5%') is hier een fout en niet stil
    0,05 euro (werkboekformaat.md v2: nooit stil verkeerd lezen)."""
    if isinstance(waarde, str) and waarde.strip().endswith("%"):
        raise ValueError(f"'{kort(waarde)}' is een percentage, maar hier hoort een bedrag in euro's; vul het bedrag "
                         "in (bijvoorbeeld 260 of 1.234,56)")
    return getal_of_leeg(waarde)


def geen_excel_fout(waarde: Any) -> Any:
    """Weiger een Excel-foutcel (#REF!, #N/A...) waar tekst of een keuze hoort; anders ongewijzigd."""
    if is_excel_fout(waarde):
        raise ValueError(f"de cel bevat de Excel-fout {str(waarde).strip().upper()}; herstel de formule of "
                         "vul de waarde zelf in")
    return waarde


def _tekst(waarde: Any) -> Any:
    if is_leeg(waarde):
        return None
    geen_excel_fout(waarde)
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip()


Getal = Annotated[float, BeforeValidator(getal_of_leeg)]
"""Een verplicht getal (echte waarde of Nederlandse tekst)."""
Tekst = Annotated[str, BeforeValidator(_tekst)]
"""Een verplichte, niet-lege tekst (hoofdletters blijven zoals ingevuld)."""
OptGetal = Annotated[float | None, BeforeValidator(getal_of_leeg)]
"""Een getal dat leeg mag blijven (None)."""
Fractie = Annotated[float, BeforeValidator(fractie_of_leeg)]
"""Een verplichte fractie: 0,05 of 5%; een kaal getal boven 1 wordt geweigerd met de vraag 'bedoelt u 5%?'."""
OptFractie = Annotated[float | None, BeforeValidator(fractie_of_leeg)]
"""Een fractie die leeg mag blijven: 0,05 of 5%; een kaal getal boven 1 wordt geweigerd met een suggestie."""
Bedrag = Annotated[float, BeforeValidator(bedrag_of_leeg)]
"""Een verplicht bedrag in euro's (getal of Nederlandse tekst; '5%' wordt geweigerd)."""
OptBedrag = Annotated[float | None, BeforeValidator(bedrag_of_leeg)]
"""Een bedrag in euro's dat leeg mag blijven."""
OptTekst = Annotated[str | None, BeforeValidator(_tekst)]
"""Een tekst die leeg mag blijven (None); hoofdletters blijven zoals ingevuld."""

_VERTALING = {
    "missing": "verplichte waarde ontbreekt",
    "float_type": "verwacht een getal",
    "float_parsing": "verwacht een getal",
    "string_type": "verwacht een tekst",
    "int_type": "verwacht een geheel getal",
}


def nederlandse_melding(detail: dict) -> str:
    """Vertaal een pydantic-foutdetail naar een Nederlandse zin (getallen in Nederlandse notatie)."""
    soort = detail.get("type", "")
    ctx = detail.get("ctx") or {}
    gevonden = _nl(detail.get("input"))
    if soort == "value_error":
        return str(ctx.get("error", detail.get("msg", "")))
    if detail.get("input") is None and soort in {"float_type", "string_type", "int_type", "literal_error"}:
        return "verplichte waarde ontbreekt"
    if soort == "greater_than_equal":
        return f"moet {_nl(ctx.get('ge'))} of groter zijn (gevonden: {gevonden})"
    if soort == "greater_than":
        return f"moet groter zijn dan {_nl(ctx.get('gt'))} (gevonden: {gevonden})"
    if soort == "less_than_equal":
        return f"mag niet groter zijn dan {_nl(ctx.get('le'))} (gevonden: {gevonden})"
    if soort == "literal_error":
        keuzes = str(ctx.get("expected", "")).replace(" or ", " of ")
        return f"'{detail.get('input')}' is niet toegestaan; kies uit {keuzes}"
    return _VERTALING.get(soort, f"ongeldige waarde ({detail.get('msg')})")


def _nl(waarde: Any) -> str:
    """12.5 -> '12,5'; 3.0 -> '3'; andere waarden ongewijzigd als tekst."""
    if isinstance(waarde, float) and not isinstance(waarde, bool):
        return f"{waarde:.10g}".replace(".", ",")
    return str(waarde)
