"""Bladen uit een xlsx lezen: kopregel herkennen, lege regels overslaan, rijen valideren.

werkboekformaat.md: kopregel = rij 1; kopteksten matchen zonder hoofdletters en omringende spaties
(uitbreiding: ook zonder accenten, dus 'Clienten' = 'Cliënten'); lege regels worden overgeslagen.
"""

from __future__ import annotations

import io
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any, TypeVar

import openpyxl
from defusedxml import DefusedXmlException
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
    """Open xlsx-bytes met openpyxl (normale modus, berekende waarden van formules).

    Eerst de bestandscontroles (veiligheid.py). Alles wat openpyxl daarna nog weigert, ligt aan het
    bestand: dat wordt een WerkboekFout, nooit een stacktrace (issue 6). XML-entiteiten (XML-bom,
    XXE) weigert defusedxml; dat krijgt een eigen melding.
    """
    from tariefmodel.werkboek.veiligheid import controleer_bestand

    controleer_bestand(data)
    try:
        with warnings.catch_warnings():  # openpyxl waarschuwt in het Engels over niet-ondersteunde extensies
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as fout:  # noqa: BLE001 - kapotte zip-gegevens, ongeldige XML, onverwachte structuur
        if _heeft_oorzaak(fout, DefusedXmlException):
            raise WerkboekFout.enkel(
                "het bestand wordt niet geopend: het bevat XML-entiteiten of verwijzingen naar externe "
                "bestanden (mogelijk een 'XML-bom'); Excel maakt die zelf nooit. Gebruik het oorspronkelijke "
                "werkboek of kopieer de gegevens naar een nieuw werkboek"
            ) from None
        raise WerkboekFout.enkel(
            "het bestand kan niet als Excel-werkboek (.xlsx) worden gelezen; het is beschadigd of door een "
            "ander programma vreemd opgeslagen. Open het in Excel en kies "
            "'Opslaan als' > 'Excel-werkmap (*.xlsx)'"
        ) from None


def _heeft_oorzaak(fout: BaseException | None, soort: type[BaseException]) -> bool:
    """Zit ``soort`` in de keten van oorzaken? openpyxl verpakt parserfouten in een ValueError."""
    gezien = set()
    while fout is not None and id(fout) not in gezien:
        if isinstance(fout, soort):
            return True
        gezien.add(id(fout))
        fout = fout.__cause__ or fout.__context__
    return False


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
    cellen = _gevulde_cellen(ws)
    kop = _regel(cellen.get(1, {}))
    posities = _kolomposities(kop, blad, kolommen, verplichte_kolommen, meldingen, extra_kolommen)
    if posities is None:
        return None
    rijen = []
    for nummer in sorted(n for n in cellen if n > 1):
        regel = cellen[nummer]
        waarden = {naam: regel.get(i) for naam, i in posities.items()}
        if all(_leeg(v) for v in waarden.values()):
            continue
        rijen.append(Rij(nummer, waarden))
    return rijen


def _gevulde_cellen(ws) -> dict[int, dict[int, Any]]:
    """{rijnummer: {kolomindex (0-based): waarde}} van de cellen die echt in het blad staan.

    Niet ``ws.iter_rows``: die loopt over het hele bereik tot ``max_row`` x ``max_column`` en maakt
    elke lege cel aan. Eén losse cel op XFD1048576 (12 kB bestand) gaf zo 17 miljard cellen: een hang.
    """
    per_rij: dict[int, dict[int, Any]] = {}
    for (rij, kolom), cel in ws._cells.items():  # openpyxl 3.x: alleen de cellen uit het bestand
        if cel.value is not None:
            per_rij.setdefault(rij, {})[kolom - 1] = cel.value
    return per_rij


def _regel(cellen: dict[int, Any]) -> tuple:
    return tuple(cellen.get(i) for i in range(max(cellen, default=-1) + 1))


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


LANDELIJKE_BLADEN = ("Regio's", "Maatstaven", "Overgang")
"""Bladen die alleen een landelijk werkboek heeft (werkboekformaat.md)."""


def bladnamen(data: bytes) -> list[str]:
    """De bladnamen uit xl/workbook.xml, zonder het hele werkboek te parsen (na de bestandscontroles)."""
    import zipfile

    from defusedxml import ElementTree

    from tariefmodel.werkboek.veiligheid import controleer_bestand

    controleer_bestand(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            wortel = ElementTree.fromstring(z.read("xl/workbook.xml"))
    except Exception:  # noqa: BLE001 - onleesbaar: open_werkboek geeft straks de precieze melding
        return []
    return [e.get("name", "") for e in wortel.iter() if e.tag.endswith("}sheet") or e.tag == "sheet"]


def is_landelijk_werkboek(data: bytes) -> bool:
    """Landelijk werkboek = het heeft een van de landelijke bladen (Regio's, Maatstaven, Overgang)."""
    namen = {normaliseer(n) for n in bladnamen(data)}
    return any(normaliseer(b) in namen for b in LANDELIJKE_BLADEN)
