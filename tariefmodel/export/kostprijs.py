"""Auditeerbare Excel-export van het kostprijsmodel (rekenmethode.md §1, FAST-opzet).

Bladen: Toelichting, Invoer, Parameters, Berekening (live formules), Uitvoer (ROUND op centen, §1.7),
Meerjaren (§1.8) en Controle (verschillen die 0 moeten zijn). Elke formulecel bevat ook de door
Python berekende waarde; Excel en LibreOffice rekenen bij het openen opnieuw.
"""

from __future__ import annotations

from tariefmodel.export.controle import Check, foutchecks, grenschecks
from tariefmodel.export.kostprijs_berekening import schrijf_berekening
from tariefmodel.export.kostprijs_invoer import schrijf_invoer, schrijf_parameters
from tariefmodel.export.kostprijs_meerjaren import schrijf_meerjaren
from tariefmodel.export.kostprijs_scenario import schrijf_scenario
from tariefmodel.export.kostprijs_uitvoer import schrijf_controle, schrijf_uitvoer
from tariefmodel.export.opmaak import (
    EERSTE_RIJ,
    Boek,
    Kop,
    aandachtspunten,
    cel,
    schrijf_toelichting,
    schrijf_voorblad,
)
from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.opruimen import zonder_cyclische_gc
from tariefmodel.uitgangspunten import peildatum

BLADEN = [
    ("Voorblad", "versie, peildatum van de parameters, invoerhash, aanmaakdatum en status"),
    ("Toelichting", "dit blad: wat staat waar en hoe u het controleert"),
    ("Invoer", "Producten zoals gelezen, met lege gele reserverijen voor een nieuw product"),
    ("Personeel", "personeelsregels (maandsalaris leeg = uit Salaristabel op schaal en trede), met reserverijen"),
    ("Kosten", "overige kosten per product of OVERHEAD, met reserverijen"),
    ("Salaristabel", "maandsalaris per schaal en trede (CAO-tabel, eigen tabel van het werkboek gaat voor)"),
    ("Parameters", "elke parameter als benoemde cel, met eenheid, status, bron en toegestaan bereik"),
    ("Loonkosten", "rekenmethode §1.1: één rij per personeelsregel, één formule per kolom"),
    ("Berekening", "rekenmethode §1.2-1.6 stap voor stap, één formule per rij, één kolom per product"),
    ("Uitvoer", "kostprijs, gemeentetarief, verschil, opbrengst, tekort en dekkingsgraad per product"),
    ("Meerjaren", "meerjarenraming §1.8, jaren als kolommen"),
    ("Controle", "controles die 0 moeten zijn"),
]
STAPPEN = [
    ("Gele cellen zijn invoer (Invoer, Personeel, Kosten, Salaristabel, Parameters); alle andere getallen zijn "
    "formules die Excel opnieuw uitrekent. Formulecellen zijn beveiligd zonder wachtwoord (Controleren › "
    "Beveiliging blad opheffen) zodat u ze alleen bewust wijzigt."),
    ("Een regel getypt in een lege gele rij onder een tabel rekent mee; een regel daaronder of een onbekende "
    "productcode laat Controle aanslaan."),
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


@zonder_cyclische_gc()
def exporteer_kostprijs(resultaat: KostprijsResultaat, basis: KostprijsResultaat | None = None,
                        scenario_naam: str = "", gemaakt_door: str = "") -> bytes:
    """De xlsx-bytes van de auditeerbare export van ``resultaat`` (uit ``bereken``).

    Met ``basis`` (de uitkomst zonder scenario) is ``resultaat`` het scenario en komt er een blad Scenario bij:
    basis / scenario / verschil per product (zie ``exporteer_scenario``)."""
    boek = Boek(kop(resultaat))
    boek.kop.gemaakt_door = gemaakt_door  # wie ingelogd was in de app
    invoer = resultaat.invoer
    schrijf_voorblad(boek, "Kostprijs en gemeentetarief (rekenmethode §1)", invoer.organisatie, invoer.rekenjaar,
                     f"{peildatum(invoer.rekenjaar):%d-%m-%Y}")
    _toelichting(boek, resultaat)
    plaatsen = schrijf_invoer(boek, resultaat)
    schrijf_parameters(boek, resultaat)
    berekening = schrijf_berekening(boek, resultaat, plaatsen)
    totalen = schrijf_uitvoer(boek, resultaat, berekening, plaatsen)
    meerjaren_checks = schrijf_meerjaren(boek, resultaat, berekening)
    if basis is not None:
        schrijf_scenario(boek, basis, resultaat, scenario_naam)
    schrijf_controle(boek, resultaat, berekening, plaatsen, totalen,
                     meerjaren_checks + _rho_checks(berekening) + grenschecks(boek)
                     + foutchecks(_uitvoerbereiken(berekening, resultaat)))
    boek.wb.get_worksheet_by_name("Uitvoer").activate()
    return boek.bytes()


def exporteer_scenario(basis: KostprijsResultaat, scenario: KostprijsResultaat, naam: str = "") -> bytes:
    """Export van ``scenario`` met blad Scenario (basis / scenario / verschil); voor `--zet` en `--scenario`."""
    return exporteer_kostprijs(scenario, basis, naam)


def _rho_checks(b) -> list[Check]:
    """ρ* (methode weigerkans) is een waarde: past hij niet meer bij Plaatsen of doel_weigerkans, dan ≠ 0."""
    if "rho_controle" not in b.producten.rijen:
        return []
    rij = b.producten.bereik("rho_controle", blad=True)
    return [Check("ρ* (berekend door tariefmodel) past bij de huidige Plaatsen en doel_weigerkans: aantal producten "
                  "met B(N; A*) / doel_weigerkans ≠ 1 (exporteer opnieuw)",
                  f'COUNTIF({rij},">"&(1+controle_marge))+COUNTIF({rij},"<"&(1-controle_marge))', 0.0, "0", 0.0)]


def _uitvoerbereiken(b, r: KostprijsResultaat) -> list[tuple[str, str]]:
    """De formulebereiken die geen foutwaarde mogen bevatten (blad Controle)."""
    from tariefmodel.export.kostprijs_meerjaren import MEERJAREN
    from tariefmodel.export.kostprijs_uitvoer import KOLOMMEN, UITVOER, VASTE_KOLOMMEN

    t = b.personeel
    jaren = int(r.parameters["meerjaren_jaren"])
    return [
        ("Loonkosten", f"{t.blad}!{cel(t.rij0, 0, absoluut=True)}:{cel(t.rij0 + t.aantal, t.volgende - 1, absoluut=True)}"),
        ("Berekening", (f"Berekening!{cel(EERSTE_RIJ + 1, 3, absoluut=True)}:"
                       f"{cel(b.opbouw.rij, 3 + b.aantal, absoluut=True)}")),
        ("Uitvoer", (f"{UITVOER}!{cel(EERSTE_RIJ + 1, 0, absoluut=True)}:"
                    f"{cel(EERSTE_RIJ + 1 + b.aantal, VASTE_KOLOMMEN + len(KOLOMMEN) - 1, absoluut=True)}")),
        ("Meerjaren", f"{MEERJAREN}!{cel(EERSTE_RIJ, 4, absoluut=True)}:{cel(b.meerjaren_tot, 3 + jaren, absoluut=True)}"),
    ]


def _toelichting(boek: Boek, r: KostprijsResultaat) -> None:
    schrijf_toelichting(boek, "Auditeerbare kostprijsberekening volgens de rekenmethode van tariefmodel "
                        "(AMvB reële prijs Wmo, art. 5.4 Uitvoeringsbesluit).", BLADEN, STAPPEN,
                        aandachtspunten(r.invoer.uitgangspunten, r.invoer.waarschuwingen), terugloop=False)
