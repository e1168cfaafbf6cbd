"""Het blad Parameters: elke scalar een benoemde cel met eenheid, status en bron (FAST, architectuur.md).

Gedeeld door de kostprijs- en de landelijke export. ESTIMATE en NOT FOUND (standaardwaarden zonder
gepubliceerde bron) staan vet op een rode achtergrond.
"""

from __future__ import annotations

from dataclasses import dataclass

from tariefmodel.export.opmaak import EERSTE_RIJ, Boek, is_leeg
from tariefmodel.parameters import definities

PARAMETERS = "Parameters"
KOPJES = ["Naam (in formules)", "Waarde", "Eenheid", "Status", "Geldig vanaf", "Bron", "Omschrijving", "Minimum",
          "Maximum"]
OMSCHRIJVING = ("Uitgangspunten (gele cellen, elk een benoemde cel: de formules gebruiken de naam). "
                "Status ESTIMATE of NOT FOUND: geen gepubliceerde bron; controleer de waarde.")
VASTE_GETALLEN_TITEL = ("Vaste getallen en codes (geen parameters van de rekenmethode, wel benoemd: geen "
                        "constanten in formules)")


def parameterblad(boek: Boek, titel: str) -> tuple[object, int]:
    """Nieuw blad Parameters met als eerste sectie ``titel``; geeft het blad en de eerste vrije rij."""
    ws = boek.blad(PARAMETERS, OMSCHRIJVING, [34, 16, 30, 22, 12, 70, 60, 10, 10])
    return ws, sectie(boek, ws, EERSTE_RIJ, titel)


def sectie(boek: Boek, ws, rij: int, titel: str) -> int:
    """Sectietitel met de kopjes eronder; geeft de rij van de eerste regel."""
    boek.sectie(ws, rij, titel)
    boek.kopregel(ws, rij + 1, KOPJES)
    return rij + 2


def schrijf_vaste_getallen(boek: Boek, ws, rij: int, regels) -> int:
    """Sectie met de vaste getallen en codes (naam, waarde, eenheid, uitleg) vanaf ``rij``; geeft de volgende rij."""
    rij = sectie(boek, ws, rij, VASTE_GETALLEN_TITEL)
    for naam, waarde, eenheid, uitleg in regels:
        rij = vaste_regel(boek, ws, rij, naam, waarde, eenheid, uitleg)
    return rij


def notatie(eenheid: str) -> str:
    """Getalnotatie bij de eenheid van een parameter."""
    if "fractie" in eenheid:
        return "procent"
    if "euro" in eenheid:
        return "euro"
    if eenheid in {"jaar", "jaren", "dagen"}:
        return "geheel"
    return "getal"


def vaste_regel(boek: Boek, ws, rij: int, naam: str, waarde, eenheid: str, uitleg: str) -> int:
    """Een vast getal of een code die formules gebruiken (geen parameter, wel benoemd)."""
    boek.tekst(ws, rij, 0, naam, boek.opmaak(vet=True))
    soort = "getal" if isinstance(waarde, (int, float)) else "tekst"
    boek.waarde(ws, rij, 1, waarde, boek.opmaak(soort, invoer=True, num_format="General")
                if soort == "getal" else boek.opmaak(soort, invoer=True))
    boek.noem(naam, PARAMETERS, rij, 1)
    boek.tekst(ws, rij, 2, eenheid)
    boek.tekst(ws, rij, 3, "VAST")
    boek.tekst(ws, rij, 6, uitleg)
    return rij + 1


def parameterregel(boek: Boek, ws, rij: int, naam: str, u, waarde, omschrijving: str | None = None) -> int:
    """Eén parameter (Uitgangspunt ``u``) als benoemde cel ``naam``; een lege waarde blijft een lege cel."""
    definitie = definities().get(naam.rsplit("_", 1)[0] if naam[-4:].isdigit() else naam)
    if isinstance(waarde, bool):
        waarde = "ja" if waarde else "nee"
    boek.tekst(ws, rij, 0, naam, boek.opmaak(vet=True))
    boek.waarde(ws, rij, 1, waarde, boek.opmaak(notatie(u.eenheid) if not isinstance(waarde, str) else "tekst",
                                                invoer=True))
    boek.noem(naam, PARAMETERS, rij, 1)
    boek.tekst(ws, rij, 2, u.eenheid)
    waarschuwing = u.onzeker
    boek.tekst(ws, rij, 3, u.label, boek.opmaak(vet=waarschuwing, bg_color="#F8CBAD") if waarschuwing else None)
    boek.waarde(ws, rij, 4, u.geldig_vanaf.strftime("%d-%m-%Y") if u.geldig_vanaf else None)
    bron_cel(boek, ws, rij, 5, u.bron)
    boek.tekst(ws, rij, 6, omschrijving or (definitie.omschrijving if definitie else u.toelichting))
    if definitie is not None and not isinstance(waarde, str) and not is_leeg(waarde):
        _bereik(boek, ws, rij, naam, definitie)
    elif definitie is not None and definitie.keuzes:
        ws.data_validation(rij, 1, rij, 1, {"validate": "list", "source": list(definitie.keuzes)})
        boek.grenzen.append(Grens(naam, rij, keuzes=tuple(definitie.keuzes)))
    return rij + 1


@dataclass(frozen=True)
class Grens:
    """Het toegestane bereik van een parameter (zoals de intake): voor validatie en blad Controle."""

    naam: str
    rij: int  # rij in Parameters; kolom H = minimum, I = maximum
    minimum: float | None = None
    maximum: float | None = None
    min_exclusief: bool = False
    keuzes: tuple[str, ...] = ()


def _bereik(boek: Boek, ws, rij: int, naam: str, d) -> None:
    """Minimum en maximum naast de waarde, als gegevensvalidatie en als Grens voor blad Controle."""
    if d.minimum is None and d.maximum is None:
        return
    boek.waarde(ws, rij, 7, d.minimum)
    boek.waarde(ws, rij, 8, d.maximum)
    delen = [f"minstens {d.minimum:g}" if d.minimum is not None else "", f"hoogstens {d.maximum:g}"
             if d.maximum is not None else ""]
    melding = f"{naam}: toegestaan is {' en '.join(x for x in delen if x)} ({d.eenheid})"
    if d.minimum is not None and d.maximum is not None:
        regel = {"validate": "decimal", "criteria": "between", "minimum": d.minimum, "maximum": d.maximum}
    elif d.minimum is not None:
        regel = {"validate": "decimal", "criteria": ">" if d.min_exclusief else ">=", "value": d.minimum}
    else:
        regel = {"validate": "decimal", "criteria": "<=", "value": d.maximum}
    ws.data_validation(rij, 1, rij, 1, {**regel, "error_title": "Buiten het bereik", "error_message": melding[:250]})
    boek.grenzen.append(Grens(naam, rij, d.minimum, d.maximum, bool(d.min_exclusief)))


def bron_cel(boek: Boek, ws, rij: int, kolom: int, bron: str) -> None:
    """Een bron als hyperlink als het een openbaar adres is (https://…), anders als tekst."""
    adres = (bron or "").split()[0] if bron else ""
    if adres.startswith(("https://", "http://")) and len(adres) < 255 and '"' not in adres:
        ws.write_url(rij, kolom, adres, boek.opmaak(font_color="#1F4E79", underline=1), string=bron[:255],
                     tip="openbare bron")
    else:
        boek.tekst(ws, rij, kolom, bron)
