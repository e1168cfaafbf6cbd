"""Auditeerbare Excel-export van het kostprijsmodel (rekenmethode.md §1, FAST-opzet).

Bladen: Toelichting, Invoer, Parameters, Berekening (live formules), Uitvoer (ROUND op centen, §1.7),
Meerjaren (§1.8) en Controle (verschillen die 0 moeten zijn). Elke formulecel bevat ook de door
Python berekende waarde; Excel en LibreOffice rekenen bij het openen opnieuw.
"""

from __future__ import annotations

from tariefmodel.export.kostprijs_berekening import schrijf_berekening
from tariefmodel.export.kostprijs_invoer import schrijf_invoer, schrijf_parameters
from tariefmodel.export.kostprijs_meerjaren import schrijf_meerjaren
from tariefmodel.export.kostprijs_uitvoer import schrijf_controle, schrijf_uitvoer
from tariefmodel.export.opmaak import Boek, Kop, aandachtspunten, schrijf_toelichting
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.uitgangspunten import peildatum

BLADEN = [
    ("Toelichting", "dit blad: wat staat waar en hoe u het controleert"),
    ("Invoer", "Producten, Personeel (met het gebruikte maandsalaris en zijn bron) en Kosten zoals gelezen"),
    ("Parameters", "elke parameter als benoemde cel, met eenheid, status en bron"),
    ("Berekening", "rekenmethode §1.1-1.6 stap voor stap, één formule per rij"),
    ("Uitvoer", "kostprijs, gemeentetarief, verschil, opbrengst, tekort en dekkingsgraad per product"),
    ("Meerjaren", "meerjarenraming §1.8, jaren als kolommen"),
    ("Controle", "controles die 0 moeten zijn"),
]
STAPPEN = [
    "Gele cellen zijn invoer (Invoer, Parameters); alle andere getallen zijn formules die Excel opnieuw uitrekent.",
    "Formules gebruiken benoemde cellen uit Parameters (Formules › Namen beheren), geen getallen in formules.",
    "Elke rij in Berekening is één stap uit de rekenmethode; kolom B toont de rekenregel.",
    "Wijzig een parameter of een invoercel: Uitvoer, Meerjaren en Controle rekenen mee.",
    "Controle moet 0 afwijkingen tonen; elke controle vergelijkt twee routes naar hetzelfde getal.",
    "Status ESTIMATE of NOT FOUND (blad Parameters, rood) betekent: geen gepubliceerde bron; bespreek de waarde.",
]


def kop(r: KostprijsResultaat, soort: str = "Kostprijs") -> Kop:
    invoer = r.invoer
    return Kop(f"{soort} {invoer.organisatie} — rekenjaar {invoer.rekenjaar}", invoer.bestandsnaam, invoer.sha256,
               invoer.concept, f"peildatum parameters {peildatum(invoer.rekenjaar):%d-%m-%Y}")


def exporteer_kostprijs(resultaat: KostprijsResultaat, gemaakt_door: str = "") -> bytes:
    """De xlsx-bytes van de auditeerbare export van ``resultaat`` (uit ``bereken``); ``gemaakt_door`` in de kop."""
    boek = Boek(kop(resultaat))
    boek.kop.gemaakt_door = gemaakt_door
    _toelichting(boek, resultaat)
    plaatsen = schrijf_invoer(boek, resultaat)
    schrijf_parameters(boek, resultaat)
    berekening = schrijf_berekening(boek, resultaat, plaatsen)
    totalen = schrijf_uitvoer(boek, resultaat, berekening, plaatsen)
    meerjaren_checks = schrijf_meerjaren(boek, resultaat, berekening)
    schrijf_controle(boek, resultaat, berekening, plaatsen, totalen, meerjaren_checks)
    boek.wb.get_worksheet_by_name("Uitvoer").activate()
    return boek.bytes()


def _toelichting(boek: Boek, r: KostprijsResultaat) -> None:
    schrijf_toelichting(boek, "Auditeerbare kostprijsberekening volgens de rekenmethode van tariefmodel "
                        "(AMvB reële prijs Wmo, art. 5.4 Uitvoeringsbesluit).", BLADEN, STAPPEN,
                        aandachtspunten(r.invoer.uitgangspunten, r.invoer.waarschuwingen), terugloop=False)
