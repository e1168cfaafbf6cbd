"""Auditeerbare Excel-export van het landelijk model (rekenmethode.md §2, FAST-opzet).

Bladen: Toelichting, Invoer, Parameters, Verdeling (§2.1-2.2), Capaciteit (§2.4-2.5), DUVO (§2.3),
Uitvoer en Controle. Live formules met de door Python berekende waarde erbij; het kleinste aantal
plaatsen voor de doel-weigerkans is een zoektocht en staat als waarde (methode vermeld).
"""

from __future__ import annotations

from xlsxwriter.utility import xl_rowcol_to_cell

from tariefmodel.export.controle import foutchecks, grenschecks, schrijf_controleblad
from tariefmodel.export.landelijk_capaciteit import (
    schrijf_capaciteit,
    schrijf_duvo,
    schrijf_duvo_per_jaar,
    schrijf_eenheden,
)
from tariefmodel.export.landelijk_invoer import schrijf_invoer, schrijf_parameters
from tariefmodel.export.landelijk_uitvoer import checks, invoerchecks, schrijf_uitvoer
from tariefmodel.export.landelijk_verdeling import schrijf_verdeling
from tariefmodel.export.opmaak import (
    EERSTE_RIJ,
    Boek,
    Kop,
    aandachtspunten,
    beveilig,
    schrijf_toelichting,
    schrijf_voorblad,
)
from tariefmodel.landelijk import LandelijkResultaat
from tariefmodel.landelijk.rapportage import ILLUSTRATIEF_LABEL
from tariefmodel.uitgangspunten import peildatum

BLADEN = [
    ("Invoer", "Regio's (met maatstaven), Maatstaven, Overgang, DUVO en Plaatsingen zoals gelezen"),
    ("Parameters", "elke parameter als benoemde cel, met eenheid, status en bron"),
    ("Verdeling", ("§2.1-2.2: verdeelsleutel, historisch, objectief, ingroeipad, zachte landing, toegekend, "
                   "herverdeling en plaatseneffect")),
    ("Capaciteit", "§2.4-2.5: bezettingsgraad, Erlang-B-weigerkans, benodigde plaatsen, Istanbul-norm, plaatsingen"),
    ("Capaciteit eenheden", ("§2.4a (alleen met blad Capaciteit): weigeren (Erlang B) of wachten (Erlang C) per "
                             "opvangeenheid, met bandbreedte")),
    ("DUVO", "§2.3: bestedingsgat, bestedingsgraad, kosten van normcapaciteit en financieringstekort"),
    ("Uitvoer", "per centrumgemeente de uitkomsten (eurobedragen op centen)"),
    ("Controle", "controles die 0 moeten zijn"),
]
STAPPEN = [
    "Gele cellen zijn invoer (Invoer, Parameters); alle andere getallen zijn formules die Excel opnieuw uitrekent.",
    "Formules gebruiken benoemde cellen uit Parameters, geen getallen in formules.",
    "Elke tabel in Verdeling is één stap uit §2.1-2.2 met één formule; regio's zijn rijen, jaren kolommen.",
    ("Weigerkans (Erlang B) is een formule: POISSON(P; A; onwaar) / POISSON(P; A; waar), gelijk aan de "
     "recursie van §2.4. 'Plaatsen nodig voor doel_weigerkans' is een zoektocht en staat als waarde (grijs)."),
    "Bovenregionale verrekening (§2.5, bedragen) staat niet in dit werkboek; zie 'tariefmodel landelijk --json'.",
    ("Typ een nieuwe regio, DUVO-regel, plaatsing of een nieuw jaar in een lege gele rij onder de tabel in Invoer: "
     "alles rekent mee. Een regel onder de reserverijen, een onbekende regionaam of een nieuwe regio met "
     "cliëntgegevens (aangeboden last is een zoektocht) laat Controle aanslaan: exporteer dan opnieuw."),
    "Controle moet 0 afwijkingen tonen.",
]


def exporteer_landelijk(resultaat: LandelijkResultaat, gemaakt_door: str = "") -> bytes:
    """De xlsx-bytes van de auditeerbare export van ``resultaat`` (uit ``bereken_landelijk``); ``gemaakt_door``
    in de kop."""
    invoer = resultaat.invoer
    titel = f"Landelijk model{' (ILLUSTRATIEF)' if invoer.illustratief else ''} — rekenjaar {invoer.rekenjaar}"
    boek = Boek(Kop(titel, invoer.bestandsnaam, invoer.sha256, invoer.concept,
                    f"peildatum parameters {peildatum(invoer.rekenjaar):%d-%m-%Y}", gemaakt_door))
    schrijf_voorblad(boek, "Landelijk model: DUVO, verdeelmodel en capaciteit (rekenmethode §2)",
                     "landelijk" + (" (ILLUSTRATIEF)" if invoer.illustratief else ""), invoer.rekenjaar,
                     f"{peildatum(invoer.rekenjaar):%d-%m-%Y}")
    _toelichting(boek, resultaat)
    plaatsen = schrijf_invoer(boek, resultaat)
    schrijf_parameters(boek, resultaat)
    verdeling = schrijf_verdeling(boek, resultaat, plaatsen)
    capaciteit = schrijf_capaciteit(boek, resultaat, plaatsen)
    schrijf_eenheden(boek, resultaat)
    duvo = schrijf_duvo(boek, resultaat, plaatsen, capaciteit)
    per_jaar = None if duvo is None else schrijf_duvo_per_jaar(boek, resultaat, duvo)
    uitvoer = schrijf_uitvoer(boek, resultaat, verdeling, capaciteit)
    schrijf_controleblad(boek, invoerchecks(resultaat, plaatsen, verdeling, capaciteit, duvo)
                         + checks(resultaat, verdeling, capaciteit, duvo, per_jaar, uitvoer) + grenschecks(boek)
                         + foutchecks(_uitvoerbereiken(boek)))
    for ws in boek.wb.worksheets():  # formules vast, gele invoer vrij; zonder wachtwoord (bewust op te heffen)
        if not ws.protect_options:
            beveilig(ws)
    boek.wb.get_worksheet_by_name("Uitvoer").activate()
    return boek.bytes()


def _uitvoerbereiken(boek: Boek) -> list[tuple[str, str]]:
    """Elk rekenblad van boven tot onder (geen foutwaarde toegestaan)."""
    uit = []
    for ws in boek.wb.worksheets():
        if ws.name in {"Verdeling", "Capaciteit", "Capaciteit eenheden", "DUVO", "Uitvoer"}:
            laatste = xl_rowcol_to_cell(max(ws.dim_rowmax or 0, EERSTE_RIJ), max(ws.dim_colmax or 0, 0), True, True)
            uit.append((ws.name, f"'{ws.name}'!$A${EERSTE_RIJ + 1}:{laatste}"))
    return uit


def _toelichting(boek: Boek, r: LandelijkResultaat) -> None:
    invoer = r.invoer
    schrijf_toelichting(boek, "Auditeerbaar landelijk model: DUVO, verdeelmodel en capaciteit (rekenmethode §2).",
                        BLADEN, STAPPEN, aandachtspunten(invoer.uitgangspunten, invoer.waarschuwingen,
                                                         [ILLUSTRATIEF_LABEL + "."] if invoer.illustratief else []))
