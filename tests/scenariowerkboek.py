"""Testwerkboek: het voorbeeld met een blad Scenario's, gemaakt met openpyxl (los van de eigen schrijver)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

VOORBEELD = Path(__file__).resolve().parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"

# Drie scenario's zoals een financieel manager ze voorbereidt; waarden deels als Nederlandse tekst.
SCENARIOS = [
    ["Voorstel VO", "bezettingsnorm", "80%", "lagere norm: crisisopvang moet plaats vrijhouden"],
    ["Voorstel VO", "gemeentetarief[CRISIS]", "310,00", None],
    ["Voorstel VO", "risico_opslag", 0.03, None],
    ["Voorstel gemeente", "verzuim", "5%", "sectorgemiddelde volgens de gemeente"],
    ["Voorstel gemeente", "directe_tijd_ambulant", 0.75, None],
    ["Voorstel gemeente", "plaatsen[VERVOLG]", 18, None],
    ["Voorstel gemeente", "werkelijke_bezetting[CRISIS]", "90%", None],
    ["Compromis", "gemeentetarief[CRISIS]", 285, None],
    ["Compromis", "trajecten_per_jaar[NAZORG]", 60, None],
    ["Compromis", "fte_factor[AMB]", "1,1", None],
    ["Compromis", "overhead_methode", "norm", None],
    ["Compromis", "overhead_norm", "18%", None],
]
# Dezelfde scenario's als --zet-opties.
ZET = {
    "Voorstel VO": ["bezettingsnorm=80%", "gemeentetarief[CRISIS]=310,00", "risico_opslag=0,03"],
    "Voorstel gemeente": ["verzuim=5%", "directe_tijd_ambulant=0,75", "plaatsen[VERVOLG]=18",
                          "werkelijke_bezetting[CRISIS]=90%"],
    "Compromis": ["gemeentetarief[CRISIS]=285", "trajecten_per_jaar[NAZORG]=60", "fte_factor[AMB]=1,1",
                  "overhead_methode=norm", "overhead_norm=18%"],
}


def met_scenarios(rijen=SCENARIOS, basis: bytes | None = None) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(basis or VOORBEELD.read_bytes()))
    ws = wb.create_sheet("Scenario's")
    ws.append(["Scenario", "Parameter", "Waarde", "Toelichting"])
    for rij in rijen:
        ws.append(rij)
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()
