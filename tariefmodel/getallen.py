"""Getallen uit werkboekcellen: echte getallen of Nederlandse tekst ("12,5", "1.234,56", "85%").

werkboekformaat.md: "Number cells may hold numbers, or Dutch text numbers".
"""

from __future__ import annotations

import datetime as dt
import math
import re

from tariefmodel.grenzen import getal_fout

_DUIZENDTALLEN = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+$")
_EXCEL_FOUTEN = {"#DIV/0!", "#REF!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#VALUE!", "#GETTING_DATA",
                 "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
MAX_GETAL = 1e12  # grootste waarde in een cel (duizend miljard); groter is een tikfout en laat het rekenen overlopen


class GeenGetal(ValueError):
    """De cel bevat iets dat geen getal is; de tekst is een Nederlandse uitleg."""


def is_leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and waarde.strip() == "")


def lees_getal(waarde: object) -> float:
    """Zet een celwaarde om in een float, of geef een Nederlandse foutmelding (GeenGetal)."""
    if isinstance(waarde, bool):
        raise GeenGetal(f"verwacht een getal, maar de cel bevat een ja/nee-waarde ({waarde})")
    if isinstance(waarde, (int, float)):
        return _begrensd(waarde)
    if isinstance(waarde, dt.timedelta):
        raise GeenGetal("verwacht een getal, maar de cel bevat een tijdsduur; zet de celopmaak op 'Getal'")
    if isinstance(waarde, (dt.date, dt.datetime, dt.time)):
        raise GeenGetal(f"verwacht een getal, maar de cel bevat een datum of tijd ({waarde}); zet de celopmaak "
                        "op 'Getal'")
    if not isinstance(waarde, str):
        raise GeenGetal("verwacht een getal, maar de cel bevat iets anders (geen getal en geen tekst)")
    return _tekst_naar_getal(waarde)


_WEG = str.maketrans("", "", "\u00a0\u202f\u2009\u2007 \t€")
_NL_DUIZEND = re.compile(r"[1-9]\d{0,2}(\.\d{3})+")  # 1.234 / 12.345.678 (geen 0.025)
_EN_DUIZEND = re.compile(r"[1-9]\d{0,2}(,\d{3})+")  # 1,234 / 12,345,678
_GEWOON = re.compile(r"\d+([.,]\d+)?([eE][+-]?\d+)?")


def _tekst_naar_getal(tekst: str) -> float:
    """Tekst als getal (werkboekformaat.md v2 'Nothing is ever silently misread').

    Nederlands: ``12,5``, ``1.234``, ``1.234,56``, ``3.500,-``. Engels alleen als het eenduidig is: ``198,000.00`` (beide
    scheidingstekens), ``1,234,567``, ``0.025``, ``12.5``. Dubbelzinnig (``1,100``: 1,1 of 1100?) is een fout.
    ``€``, spaties en harde spaties tellen niet; ``%`` deelt door 100. Alleen de cijfers 0-9.
    """
    schoon = tekst.translate(_WEG).replace("\u2212", "-")
    if schoon.endswith((",-", ",--", ".-", ".--")):  # '€ 3.500,-': hele euro's
        schoon = schoon.rstrip("-")[:-1]
    if schoon.upper() in _EXCEL_FOUTEN:
        raise GeenGetal(f"de cel bevat de Excel-fout {schoon.upper()}; herstel de formule of vul een getal in")
    if any(t.isnumeric() and not t.isascii() for t in schoon):
        raise GeenGetal(f"'{kort(tekst)}' bevat cijfers die geen gewone cijfers 0-9 zijn (bijvoorbeeld Arabische "
                        "of brede cijfers); typ het getal opnieuw met de cijfers 0-9")
    procent = schoon.endswith("%")
    if procent:
        schoon = schoon[:-1]
    teken = -1.0 if schoon.startswith("-") else 1.0
    kern = schoon[1:] if schoon[:1] in "+-" else schoon
    getal = _kern_naar_getal(kern, tekst)
    return _begrensd(teken * (getal / 100 if procent else getal))


def _kern_naar_getal(kern: str, tekst: str) -> float:
    if "," in kern and "." in kern:
        if kern.rfind(",") > kern.rfind("."):  # Nederlands: 1.234,56
            geheel, _, rest = kern.rpartition(",")
            if _NL_DUIZEND.fullmatch(geheel) and rest.isdigit():
                return float(geheel.replace(".", "") + "." + rest)
        else:  # Engels: 198,000.00
            geheel, _, rest = kern.rpartition(".")
            if _EN_DUIZEND.fullmatch(geheel) and rest.isdigit():
                return float(geheel.replace(",", "") + "." + rest)
        raise _geen_getal(tekst)
    if kern.count(",") > 1:
        if _EN_DUIZEND.fullmatch(kern):
            return float(kern.replace(",", ""))
        raise _geen_getal(tekst)
    if "," in kern and _EN_DUIZEND.fullmatch(kern):  # 1,100: Nederlands 1,1 of Engels 1100?
        geheel, rest = kern.split(",")
        raise GeenGetal(f"'{kort(tekst)}' is dubbelzinnig: bedoelt u {geheel},{rest.rstrip('0') or '0'} (komma als "
                        f"decimaalteken) of {geheel}{rest} (Engelse duizendtallen)? Schrijf het zonder twijfel, "
                        f"bijvoorbeeld {geheel}{rest} of {geheel},{rest[:2]}")
    if _NL_DUIZEND.fullmatch(kern):
        return float(kern.replace(".", ""))
    if kern.count(".") > 1 or not _GEWOON.fullmatch(kern):
        raise _geen_getal(tekst)
    return float(kern.replace(",", "."))


def _geen_getal(tekst: str) -> GeenGetal:
    return GeenGetal(f"'{kort(tekst)}' is geen getal (gebruik bijvoorbeeld 12,5 of 1.234,56 of 85%)")


def kort(waarde: object, maximum: int = 40) -> str:
    """Een ingevulde waarde om te herhalen in een melding: op één regel, lange tekst afgekapt met '…'."""
    tekst = " ".join(str(waarde).split())
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip() + "…"


def _begrensd(getal: float) -> float:
    """Weiger NaN, oneindig en onrealistisch grote getallen (|x| > MAX_GETAL): tikfouten, en het
    rekenen met zulke getallen loopt over naar 'oneindig'."""
    if isinstance(getal, float) and not math.isfinite(getal):
        raise GeenGetal("verwacht een getal, maar de cel bevat 'oneindig' of 'geen getal' (NaN)")
    if fout := getal_fout(float(getal)):  # de ene bewaking vóór het model (tariefmodel/grenzen.py)
        raise GeenGetal(fout)
    if abs(getal) > MAX_GETAL:
        raise GeenGetal(f"het getal is onrealistisch groot (meer dan {MAX_GETAL:,.0f}); controleer de cel"
                        .replace(",", "."))
    return float(getal)


def is_excel_fout(waarde: object) -> bool:
    return isinstance(waarde, str) and waarde.strip().upper() in _EXCEL_FOUTEN


def fractie_fout(ruw: object, getal: float | None, naam: str = "hier") -> str | None:
    """Een kaal getal boven 1 waar een fractie hoort: de melding 'bedoelt u 65%?', anders None.

    werkboekformaat.md v2: "A bare number above 1 in a fraction is an error that suggests the percentage".
    """
    if getal is None or getal <= 1 or (isinstance(ruw, str) and ruw.strip().endswith("%")):
        return None
    procent = f"{getal:g}".replace(".", ",")
    fractie = f"{getal / 100:g}".replace(".", ",")
    return (f"mag niet groter zijn dan 1 (gevonden: {procent}): {naam} hoort een fractie; bedoelt u {procent}%? "
            f"Vul {procent}% of {fractie} in")


def klein_procent(ruw: object) -> str | None:
    """'0,95%' waar een fractie hoort: waarschijnlijk 95% bedoeld (0,95 in een cel met procentopmaak getypt). De
    melding 'bedoelt u 95%?', anders None. Alleen tekst met '%' en een getal tussen 0 en 1."""
    if not isinstance(ruw, str) or not ruw.strip().endswith("%"):
        return None
    try:
        getal = lees_getal(ruw) * 100
    except GeenGetal:
        return None
    if not 0 < getal < 1:
        return None
    procent, bedoeld = f"{getal:g}".replace(".", ","), f"{getal * 100:g}".replace(".", ",")
    return (f"'{kort(ruw)}' is {procent} procent ({f'{getal / 100:g}'.replace('.', ',')}); bedoelt u {bedoeld}%? "
            f"Vul dan {bedoeld}% of {f'{getal:g}'.replace('.', ',')} in")

