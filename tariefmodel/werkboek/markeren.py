"""Een kopie van het werkboek met de foute cellen gemarkeerd (``controleer --xlsx``, issue 11).

Fouten rood, waarschuwingen geel, met de melding als opmerking in de cel, zodat de gebruiker het bestand in
Excel kan herstellen. Het invoerbestand zelf wordt nooit gewijzigd: dit maakt alleen nieuwe bytes.
"""

from __future__ import annotations

import io
import warnings
from collections import defaultdict

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from tariefmodel.meldingen import Melding
from tariefmodel.werkboek.lezen import SYNONIEMEN, kopsleutel, zoek_blad

KLEUR = {"fout": "FFC7CE", "waarschuwing": "FFEB9C"}  # Excel-stijlen 'Ongeldig' en 'Neutraal'
AUTEUR = "tariefmodel controleer"


def gemarkeerde_kopie(data: bytes, meldingen: list[Melding]) -> bytes:
    """xlsx-bytes: het werkboek met per melding een kleur en een opmerking op de cel (of de kop/eerste cel)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data))  # met formules: de kopie blijft een werkend werkboek
    per_cel: dict[tuple[str, int, int], list[Melding]] = defaultdict(list)
    for m in meldingen:
        ws = zoek_blad(wb, m.blad) if m.blad else None
        if ws is None:
            ws = wb.worksheets[0]
        per_cel[(ws.title, m.rij or 1, _kolom(ws, m.kolom) if ws.title == _titel(wb, m.blad) else 1)].append(m)
    for (titel, rij, kolom), lijst in per_cel.items():
        cel = wb[titel].cell(row=rij, column=kolom)
        ernst = "fout" if any(m.ernst == "fout" for m in lijst) else "waarschuwing"
        cel.fill = PatternFill("solid", start_color=KLEUR[ernst], end_color=KLEUR[ernst])
        tekst = "\n".join(f"{'Fout' if m.ernst == 'fout' else 'Let op'}: {_zonder_plek(m)}" for m in lijst)
        cel.comment = Comment(tekst, AUTEUR, width=360, height=max(80, 40 * len(lijst)))
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _titel(wb, blad: str | None) -> str | None:
    ws = zoek_blad(wb, blad) if blad else None
    return ws.title if ws is not None else None


def _kolom(ws, kolom: str | None) -> int:
    """Kolomnummer van de kop ``kolom`` in rij 1 (zoals de lezer matcht), anders 1."""
    if not kolom:
        return 1
    gezocht = {kopsleutel(kolom), *(kopsleutel(s) for s in SYNONIEMEN.get(kolom, ()))}
    for cel in ws[1]:
        if cel.value is not None and kopsleutel(cel.value) in gezocht:
            return cel.column
    return 1


def _zonder_plek(m: Melding) -> str:
    """De melding zonder 'Blad …, rij …' (de opmerking staat al op die plek), wel de kolom als die ontbrak."""
    return m.bericht
