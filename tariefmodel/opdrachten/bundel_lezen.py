"""Kostprijswerkboeken verzamelen (map of zip) en elk apart lezen en berekenen, voor het landelijk beeld.

Het optellen, de controles en de benchmark zitten in het model (tariefmodel/landelijk/sectorbeeld.py).
Hier alleen bestanden:
- een map wordt doorzocht met submappen; Excel-slotbestanden (``~$…``) en bestanden die geen .xlsx zijn
  worden overgeslagen met een notitie; een koppeling (symlink) wordt nooit gevolgd naar buiten de map;
- een zip (upload in de app) wordt eerst zelf gecontroleerd (aantal, grootte, compressieverhouding,
  versleuteling: dezelfde grenzen als voor een werkboek, tariefmodel/werkboek/veiligheid.py); elk lid
  doorloopt daarna de gewone controles van één werkboek;
- een fout in één bestand wordt gemeld zonder de rest te stoppen; er wordt niets geschreven.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tariefmodel.foutteksten import os_fout
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.landelijk.centrumgemeenten import CENTRUMGEMEENTEN, OUDE_OF_ANDERE_NAMEN
from tariefmodel.landelijk.sectorbeeld import (
    BEREKEND,
    FOUT,
    OVERGESLAGEN,
    VOORBEELD,
    BundelBestand,
    BundelGeweigerd,
    Sectorbeeld,
    sectorbeeld,
)
from tariefmodel.meldingen import Melding, WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.lezen import normaliseer, open_werkboek, zoek_blad
from tariefmodel.werkboek.veiligheid import (
    MAX_BESTANDSGROOTTE,
    MAX_UITGEPAKT,
    MAX_VERHOUDING,
    VERHOUDING_VANAF,
)

__all__ = [
    "BEREKEND",
    "FOUT",
    "OVERGESLAGEN",
    "VOORBEELD",
    "BundelGeweigerd",
    "Verzameling",
    "bereken_bestand",
    "bundel",
    "bundel_map",
    "uit_map",
    "uit_zip",
]

# Instellingen van de intake, geen rekenparameters: 35 regio's met elk een paar VO's is ruim onder de 500.
MAX_BESTANDEN = 500
MAX_ZIP = 10 * MAX_BESTANDSGROOTTE  # bytes van de zip zelf
SLOT = "~$"


@dataclass
class Verzameling:
    """De gevonden werkboeken (naam, bytes of OSError) en de notities over wat is overgeslagen."""

    bestanden: list[tuple[str, bytes | OSError]] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)


def _soort_notitie(naam: str) -> str | None:
    """Waarom een bestand geen kandidaat is (None = wel een .xlsx om te lezen)."""
    kort = naam.rsplit("/", 1)[-1]
    if kort.startswith(SLOT):
        return f"'{naam}' overgeslagen: Excel-slotbestand (het werkboek is ergens geopend)"
    if not kort.casefold().endswith(".xlsx"):
        return f"'{naam}' overgeslagen: geen .xlsx-bestand"
    return None


# --- map ------------------------------------------------------------------------------------------------

def uit_map(map_: Path | str) -> Verzameling:
    """Alle .xlsx-bestanden in ``map_`` en de submappen (alleen lezen), gesorteerd op relatieve naam."""
    wortel = Path(map_).resolve()
    uit = Verzameling()
    kandidaten: list[tuple[str, Path]] = []
    for huidig, mappen, bestanden in os.walk(wortel, followlinks=False):
        for m in sorted(mappen):
            if (Path(huidig) / m).is_symlink():
                uit.notities.append(f"'{_rel(Path(huidig) / m, wortel)}/' overgeslagen: een koppeling naar een "
                                    "andere map wordt niet gevolgd")
        for naam in bestanden:
            pad = Path(huidig) / naam
            rel = _rel(pad, wortel)
            if pad.is_symlink() and not _binnen(pad.resolve(), wortel):
                uit.notities.append(f"'{rel}' overgeslagen: een koppeling naar buiten de map wordt niet gevolgd")
                continue
            notitie = _soort_notitie(rel)
            if notitie:
                uit.notities.append(notitie)
                continue
            kandidaten.append((rel, pad))
    kandidaten.sort(key=lambda k: k[0].casefold())
    if len(kandidaten) > MAX_BESTANDEN:
        uit.notities.append(f"er staan {len(kandidaten)} werkboeken in de map; alleen de eerste {MAX_BESTANDEN} "
                            "zijn gelezen")
    uit.bestanden = [(rel, _lees(pad)) for rel, pad in kandidaten[:MAX_BESTANDEN]]
    return uit


def _rel(pad: Path, wortel: Path) -> str:
    return Path(os.path.relpath(pad, wortel)).as_posix()


def _binnen(pad: Path, wortel: Path) -> bool:
    return pad == wortel or wortel in pad.parents


def _lees(pad: Path) -> bytes | OSError:
    """Hoogstens MAX_BESTANDSGROOTTE + 1 bytes: groter wordt verderop geweigerd als geen invulwerkboek."""
    try:
        if not pad.is_file():
            return OSError(0, "geen gewoon bestand")
        with pad.open("rb") as f:
            return f.read(MAX_BESTANDSGROOTTE + 1)
    except OSError as fout:
        return fout


# --- zip ------------------------------------------------------------------------------------------------

class ZipGeweigerd(ValueError):
    """De zip zelf is niet veilig of niet te lezen (Nederlandse tekst)."""


def uit_zip(data: bytes, naam: str = "upload.zip") -> Verzameling:
    """De .xlsx-leden van een zip; ZipGeweigerd als de zip een bom, versleuteld of kapot is."""
    if len(data) > MAX_ZIP:
        raise ZipGeweigerd(f"'{naam}' is groter dan {MAX_ZIP // 2**20} MB; upload minder werkboeken tegelijk")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        leden = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ZipGeweigerd(f"'{naam}' is geen leesbaar zip-bestand; pak het opnieuw in of upload de werkboeken "
                           "los") from None
    uit = Verzameling()
    bestanden = [lid for lid in leden if not lid.is_dir() and not lid.filename.startswith("__MACOSX/")]
    _controleer_zip(naam, bestanden)
    for lid in sorted(bestanden, key=lambda x: x.filename.casefold()):
        notitie = _soort_notitie(lid.filename)
        if notitie:
            uit.notities.append(notitie)
            continue
        uit.bestanden.append((lid.filename, _lees_lid(zf, lid)))
    return uit


def _controleer_zip(naam: str, leden: list[zipfile.ZipInfo]) -> None:
    if len(leden) > MAX_BESTANDEN:
        raise ZipGeweigerd(f"'{naam}' bevat {len(leden)} bestanden; de grens is {MAX_BESTANDEN}")
    if sum(lid.file_size for lid in leden) > MAX_UITGEPAKT:
        raise ZipGeweigerd(f"'{naam}' pakt uit tot meer dan {MAX_UITGEPAKT // 2**20} MB; dat zijn geen "
                           "invulwerkboeken (zip-bom?)")
    for lid in leden:
        if lid.flag_bits & 0x1:
            raise ZipGeweigerd(f"'{naam}': '{lid.filename}' is versleuteld; pak de werkboeken in zonder wachtwoord")
        if lid.file_size > MAX_BESTANDSGROOTTE:
            raise ZipGeweigerd(f"'{naam}': '{lid.filename}' is uitgepakt groter dan "
                               f"{MAX_BESTANDSGROOTTE // 2**20} MB; dat is geen invulwerkboek")
        if lid.file_size > VERHOUDING_VANAF and lid.file_size > MAX_VERHOUDING * max(lid.compress_size, 1):
            raise ZipGeweigerd(f"'{naam}': '{lid.filename}' is verdacht sterk ingepakt (zip-bom?); het wordt "
                               "niet uitgepakt")


def _lees_lid(zf: zipfile.ZipFile, lid: zipfile.ZipInfo) -> bytes | OSError:
    """Lees een lid, nooit meer dan de opgegeven grootte + 1 byte (een lid kan over zijn grootte liegen)."""
    try:
        with zf.open(lid) as f:
            data = f.read(min(lid.file_size, MAX_BESTANDSGROOTTE) + 1)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        return OSError(0, "het lid is niet uit te pakken (kapotte of onbekende compressie)")
    if len(data) > lid.file_size:
        return OSError(0, "het lid is groter dan de zip opgeeft (zip-bom?)")
    return data


# --- één werkboek --------------------------------------------------------------------------------------

def bereken_bestand(naam: str, data: bytes | OSError, met_voorbeelden: bool = False) -> BundelBestand:
    """Lees en bereken één kostprijswerkboek; landelijk werkboek overgeslagen, illustratief apart gezet."""
    if isinstance(data, OSError):
        reden = data.strerror if not data.errno and data.strerror else os_fout(data)  # errno 0: eigen tekst
        bericht = f"het bestand kan niet worden gelezen ({reden})"
        return BundelBestand(naam, FOUT, meldingen=(Melding(bericht),))
    sha = hashlib.sha256(data).hexdigest()
    try:
        wb = open_werkboek(data)
        if zoek_blad(wb, "Regio's") is not None:
            return BundelBestand(naam, OVERGESLAGEN, reden="landelijk werkboek (blad Regio's), geen "
                                 "kostprijswerkboek", sha256=sha)
        resultaat = bereken(lees_kostprijswerkboek(data, naam))
    except WerkboekFout as fout:
        return BundelBestand(naam, FOUT, meldingen=tuple(fout.meldingen), sha256=sha)
    except Exception as fout:  # noqa: BLE001 - één kapot bestand mag de bundel niet stoppen
        bericht = (f"interne fout bij het berekenen van dit bestand ({type(fout).__name__}); dit is een fout in "
                   "het programma, niet in uw werkboek: meld het aan de beheerder")
        return BundelBestand(naam, FOUT, meldingen=(Melding(bericht),), sha256=sha)
    regio = raad_centrumgemeente(resultaat.invoer.organisatie, naam)
    status, reden = BEREKEND, ""
    if is_illustratief(wb, resultaat.invoer.organisatie):
        reden = "gemarkeerd als illustratief (verzonnen cijfers)"
        if not met_voorbeelden:
            status, reden = VOORBEELD, reden + "; niet meegeteld (meetellen: --met-voorbeelden)"
    return BundelBestand(naam, status, resultaat, tuple(resultaat.invoer.waarschuwingen), reden, sha, regio)


def is_illustratief(wb, organisatie: str) -> bool:
    """Gemarkeerd als illustratief: in de organisatienaam, als parameter 'illustratief' = ja, of de Toelichting
    begint met 'ILLUSTRATIEF' (zo markeren tariefmodel en het voorbeeldwerkboek het)."""
    if "illustratief" in organisatie.casefold():
        return True
    toelichting = zoek_blad(wb, "Toelichting")
    if toelichting is not None:
        for (cel,) in toelichting.iter_rows(min_row=1, max_row=5, max_col=1, values_only=True):
            if isinstance(cel, str) and cel.strip().upper().startswith("ILLUSTRATIEF"):
                return True
    uitgangspunten = zoek_blad(wb, "Uitgangspunten")
    if uitgangspunten is not None:
        for rij in uitgangspunten.iter_rows(min_row=2, max_row=200, max_col=2, values_only=True):
            if isinstance(rij[0], str) and normaliseer(rij[0]) == "illustratief":
                return normaliseer(str(rij[1] or "")) in {"ja", "true", "1", "waar"}
    return False


def _woorden(tekst: str) -> str:
    return " " + re.sub(r"[^0-9a-z]+", " ", normaliseer(tekst)).strip() + " "


def raad_centrumgemeente(organisatie: str, bestandsnaam: str) -> str | None:
    """De centrumgemeente die in de organisatie- of bestandsnaam staat (langste treffer), anders None."""
    tekst = _woorden(organisatie) + _woorden(Path(bestandsnaam).stem)
    kandidaten = {_woorden(c): c for c in CENTRUMGEMEENTEN}
    kandidaten.update({_woorden(k): v for k, v in OUDE_OF_ANDERE_NAMEN.items()})
    treffers = [(len(k), v) for k, v in kandidaten.items() if k in tekst]
    return max(treffers)[1] if treffers else None


# --- de bundel -----------------------------------------------------------------------------------------

def bundel(bestanden: Iterable[tuple[str, bytes | OSError]], met_voorbeelden: bool = False) -> Sectorbeeld:
    """Bereken elk (naam, bytes)-paar en tel op (tariefmodel.landelijk.sectorbeeld); BundelGeweigerd bij
    dezelfde organisatie twee keer of verschillende rekenjaren."""
    return sectorbeeld(bereken_bestand(naam, data, met_voorbeelden) for naam, data in bestanden)


def bundel_map(map_: Path | str, met_voorbeelden: bool = False) -> Sectorbeeld:
    """``bundel`` over ``uit_map(map_)``; de notities staan in ``Sectorbeeld.waarschuwingen`` niet: zie uit_map."""
    return bundel(uit_map(map_).bestanden, met_voorbeelden)
