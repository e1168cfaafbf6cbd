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
    if isinstance(waarde, (dt.date, dt.datetime, dt.time)):
        raise GeenGetal(f"verwacht een getal, maar de cel bevat een datum ({waarde})")
    if not isinstance(waarde, str):
        soort = "een tijdsduur" if isinstance(waarde, dt.timedelta) else "iets anders dan een getal of tekst"
        raise GeenGetal(f"verwacht een getal, maar de cel bevat {soort} ({waarde})")
    return _tekst_naar_getal(waarde)


def _tekst_naar_getal(tekst: str) -> float:
    schoon = tekst.strip().replace("\u00a0", "").replace(" ", "").replace("€", "")
    if schoon.upper() in _EXCEL_FOUTEN:
        raise GeenGetal(f"de cel bevat de Excel-fout {schoon.upper()}; herstel de formule of vul een getal in")
    procent = schoon.endswith("%")
    if procent:
        schoon = schoon[:-1]
    if "," in schoon:
        schoon = schoon.replace(".", "").replace(",", ".")
    elif _DUIZENDTALLEN.match(schoon):
        schoon = schoon.replace(".", "")
    try:
        getal = float(schoon)
    except ValueError:
        raise GeenGetal(f"'{tekst}' is geen getal (gebruik bijvoorbeeld 12,5 of 1.234,56 of 85%)") from None
    return _begrensd(getal / 100 if procent else getal)


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
