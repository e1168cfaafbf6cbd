"""Bladen uit een xlsx lezen: kopregel herkennen, lege regels overslaan, rijen valideren.

werkboekformaat.md: kopregel = rij 1; kopteksten matchen zonder hoofdletters en omringende spaties
(uitbreiding: ook zonder accenten, dus 'Clienten' = 'Cliënten'); lege regels worden overgeslagen.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import Any, TypeVar

import openpyxl
from pydantic import BaseModel, ValidationError

from tariefmodel.werkboek.meldingen import Meldingen, WerkboekFout
from tariefmodel.werkboek.pydantic_nl import nederlandse_melding

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Rij:
    """Een gegevensregel: het Excel-rijnummer en de waarden per (canonieke) kolomnaam."""

    nummer: int
    waarden: dict[str, Any]


def normaliseer(tekst: str) -> str:
    """Sleutel voor het matchen van blad- en kolomnamen (hoofdletters, spaties, accenten)."""
    zonder_accent = unicodedata.normalize("NFKD", str(tekst))
    kaal = "".join(t for t in zonder_accent if not unicodedata.combining(t))
    kaal = kaal.replace("\u2019", "'").replace("`", "'")
    return " ".join(kaal.split()).casefold()


def open_werkboek(data: bytes) -> openpyxl.Workbook:
    """Open xlsx-bytes met openpyxl (normale modus, berekende waarden van formules)."""
    from tariefmodel.werkboek.veiligheid import controleer_bestand

    controleer_bestand(data)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as fout:
        raise WerkboekFout.enkel(
            f"het bestand kan niet als Excel-werkboek (.xlsx) worden gelezen ({type(fout).__name__})"
        ) from None


def zoek_blad(wb: openpyxl.Workbook, naam: str):
    """Het werkblad met deze naam (zonder hoofdletters/spaties/accenten), of None."""
    gezocht = normaliseer(naam)
    for ws in wb.worksheets:
        if normaliseer(ws.title) == gezocht:
            return ws
    return None


def lees_blad(
    wb: openpyxl.Workbook,
    blad: str,
    kolommen: list[str],
    verplichte_kolommen: list[str],
    meldingen: Meldingen,
    verplicht: bool = True,
    extra_kolommen: bool = False,
) -> list[Rij] | None:
    """Lees de gegevensregels van een blad; None als het blad ontbreekt of onbruikbaar is.

    ``extra_kolommen``: neem ook onbekende kolommen op (onder hun eigen kopnaam), zoals de
    maatstafkolommen in het blad Regio's.
    """
    ws = zoek_blad(wb, blad)
    if ws is None:
        if verplicht:
            aanwezig = ", ".join(f"'{w.title}'" for w in wb.worksheets) or "geen"
            meldingen.fout(f"blad ontbreekt (aanwezige bladen: {aanwezig})", blad=blad)
        return None
    regels = ws.iter_rows(values_only=True)
    kop = next(regels, None)
    posities = _kolomposities(kop or (), blad, kolommen, verplichte_kolommen, meldingen, extra_kolommen)
    if posities is None:
        return None
    rijen = []
    for nummer, regel in enumerate(regels, start=2):
        waarden = {naam: (regel[i] if i < len(regel) else None) for naam, i in posities.items()}
        if all(_leeg(v) for v in waarden.values()):
            continue
        rijen.append(Rij(nummer, waarden))
    return rijen


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _kolomposities(kop, blad, kolommen, verplicht, meldingen, extra) -> dict[str, int] | None:
    bekend = {normaliseer(k): k for k in kolommen}
    posities: dict[str, int] = {}
    for i, cel in enumerate(kop):
        if _leeg(cel):
            continue
        naam = bekend.get(normaliseer(cel), str(cel).strip() if extra else None)
        if naam is None:
            continue
        if naam in posities:
            meldingen.fout("kolom staat twee keer in de kopregel", blad=blad, rij=1, kolom=naam)
            return None
        posities[naam] = i
    ontbrekend = [k for k in verplicht if k not in posities]
    for k in ontbrekend:
        verwacht = ", ".join(f"'{v}'" for v in kolommen)
        meldingen.fout(
            f"verplichte kolom ontbreekt in de kopregel (verwachte kolommen: {verwacht})",
            blad=blad, rij=1, kolom=k,
        )
    return None if ontbrekend else posities


def valideer_rijen(model: type[M], rijen: list[Rij], blad: str, meldingen: Meldingen) -> list[tuple[Rij, M]]:
    """Valideer elke regel met een pydantic-model (aliassen = Nederlandse kopteksten).

    Alle fouten worden verzameld; geldige regels komen terug met hun Rij.
    """
    goed = []
    for rij in rijen:
        try:
            goed.append((rij, model.model_validate(rij.waarden)))
        except ValidationError as fout:
            for detail in fout.errors(include_url=False):
                kolom = str(detail["loc"][0]) if detail["loc"] else None
                meldingen.fout(nederlandse_melding(detail), blad=blad, rij=rij.nummer, kolom=kolom)
    return goed
