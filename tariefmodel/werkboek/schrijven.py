"""Werkboeken schrijven met XlsxWriter: sjablonen, voorbeelden en testwerkboeken.

Tekst wordt altijd als tekst geschreven (write_string), dus '=...' wordt nooit een formule.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import xlsxwriter

MAX_RIJ = 1000  # keuzelijsten en andere controles gelden van rij 2 tot en met deze rij


@dataclass
class Blad:
    naam: str
    kolommen: list[str]
    rijen: list[list] = field(default_factory=list)
    keuzelijsten: dict[str, list[str]] = field(default_factory=dict)  # kolom -> toegestane waarden
    breedtes: dict[str, int] = field(default_factory=dict)
    verplicht: list[str] = field(default_factory=list)
    # kolom -> opties voor XlsxWriter data_validation (getalcontrole, keuzelijst uit een bereik, invoerhulp);
    # gaat voor een keuzelijst van dezelfde kolom
    validaties: dict[str, dict] = field(default_factory=dict)
    vaste_kolommen: int = 0  # kolommen links die bij het scrollen blijven staan (de kopregel staat altijd vast)

    def alle_validaties(self) -> dict[str, dict]:
        """Keuzelijsten en validaties samen, als data_validation-opties per kolom."""
        lijsten = {kolom: {"validate": "list", "source": waarden, "error_message": f"Kies uit: {', '.join(waarden)}"}
                   for kolom, waarden in self.keuzelijsten.items()}
        return {**lijsten, **self.validaties}


def schrijf_cel(ws, rij: int, kolom: int, waarde, opmaak=None) -> None:
    """Schrijf één waarde met het juiste type; tekst die op een formule lijkt blijft tekst."""
    if waarde is None:
        return
    if isinstance(waarde, bool):
        ws.write_boolean(rij, kolom, waarde, opmaak)
    elif isinstance(waarde, (int, float)):
        ws.write_number(rij, kolom, waarde, opmaak)
    else:
        ws.write_string(rij, kolom, str(waarde), opmaak)


def werkboek_bytes(bladen: list[Blad], toelichting: list[str] | None = None) -> bytes:
    """Een xlsx met per blad een vetgedrukte kopregel (rij 1), gegevens, controles en een Toelichting."""
    buffer = io.BytesIO()
    wb = xlsxwriter.Workbook(buffer, {"in_memory": True})
    kop = wb.add_format({"bold": True, "bg_color": "#DCE6F0", "border": 1})
    kop_verplicht = wb.add_format({"bold": True, "bg_color": "#F4D6A0", "border": 1})
    for blad in bladen:
        ws = wb.add_worksheet(blad.naam)
        for k, naam in enumerate(blad.kolommen):
            ws.write_string(0, k, naam, kop_verplicht if naam in blad.verplicht else kop)
            ws.set_column(k, k, blad.breedtes.get(naam, max(12, len(naam) + 2)))
        for r, rij in enumerate(blad.rijen, start=1):
            for k, waarde in enumerate(rij):
                schrijf_cel(ws, r, k, waarde)
        for naam, opties in blad.alle_validaties().items():
            k = blad.kolommen.index(naam)
            ws.data_validation(1, k, MAX_RIJ - 1, k, opties)
        ws.freeze_panes(1, blad.vaste_kolommen)
    if toelichting:
        ws = wb.add_worksheet("Toelichting")
        ws.set_column(0, 0, 120)
        for r, regel in enumerate(toelichting):
            ws.write_string(r, 0, regel)
    wb.close()
    return buffer.getvalue()
