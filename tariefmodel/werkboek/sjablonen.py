"""Het kostprijswerkboek als sjabloon (leeg) of gevuld (voorbeeld, tests): één opbouw voor beide."""

from __future__ import annotations

from tariefmodel.kostprijs.invoer import OVERHEAD, PARAMETERS_KOSTPRIJS
from tariefmodel.parameters import definities
from tariefmodel.uitgangspunten import TEKSTPARAMETERS, afgeleide_standaard, standaard
from tariefmodel.werkboek.kostprijs import KOLOMMEN
from tariefmodel.werkboek.schrijven import Blad, werkboek_bytes

TOELICHTING_KOSTPRIJS = [
    "Kostprijswerkboek tariefmodel (werkboekformaat v2)",
    "",
    "Vul per blad vanaf rij 2 in. Oranje kopjes zijn verplicht. Lege regels worden overgeslagen.",
    "Getallen mogen als getal of als Nederlandse tekst: 12,5 of 1.234,56 of 85%.",
    "Uitgangspunten: laat 'Waarde' leeg voor de meegeleverde standaard van het rekenjaar (zie Toelichting per regel).",
    "   Reeksen kun je per jaar zetten: cao_stijging_2027, ova_2028, prijsindex_2027.",
    "Producten: Soort = opvang (eenheid etmaal, Plaatsen verplicht) of ambulant (eenheid uur of traject;",
    "   traject vraagt 'Uren per traject'). Gemeentetarief is per eenheid; leeg = geen vergelijking.",
    f"Personeel: Product = een productcode of {OVERHEAD}. Maandsalaris (voltijd, 36 uur) of Schaal + Trede",
    "   uit de CAO Sociaal Werk of uit het blad Salaristabel. ORT als fractie (0,15 = 15%). Bij Schaal + Trede",
    "   rekent het model met het jaargemiddelde van de CAO-tabellen over het rekenjaar (1-7-2024; 1-10-2025 en",
    "   1-10-2026 afgeleid: +3,5% en +2,1%, DERIVED). Eigen regels in Salaristabel gaan voor.",
    "Producten: Bezettingsnorm per opvangproduct (leeg = bezettingsnorm uit Uitgangspunten).",
    f"Kosten: Bedrag per jaar; Product = een productcode of {OVERHEAD}. Kostensoort 'gemeentelijke verplichtingen'",
    "   (rapportage, administratie) telt als element f van de AMvB-toets; 'reis' of 'opleiding' als element d.",
    "De rekenmethode (AMvB reële prijs Wmo, art. 5.4 lid 3 Uitvoeringsbesluit Wmo 2015) staat in de documentatie van tariefmodel.",
]


def _parameterregels(waarden: dict, rekenjaar: int) -> list[list]:
    regels = []
    for naam in ["organisatie", "rekenjaar", "concept"]:
        regels.append([naam, waarden.get(naam), TEKSTPARAMETERS[naam], _toelichting_tekst(naam)])
    for naam in sorted(PARAMETERS_KOSTPRIJS - set(TEKSTPARAMETERS)):
        d = definities()[naam]
        std = afgeleide_standaard(naam, {}, rekenjaar) or standaard(d, rekenjaar)
        uitleg = d.omschrijving + (f". Standaard {rekenjaar}: {_waarde(std.waarde)} ({std.label}; {std.bron})"
                                   if std.waarde is not None else f". Geen meegeleverde standaard voor {rekenjaar}")
        regels.append([naam, waarden.get(naam), d.eenheid, uitleg])
    extra = sorted(set(waarden) - PARAMETERS_KOSTPRIJS)  # bijv. reeksen per jaar
    regels += [[naam, waarden[naam], "", ""] for naam in extra]
    return regels


def _waarde(w) -> str:
    """Een standaardwaarde zoals in een Nederlands werkboek: 0,0418 en 50,4."""
    return f"{w:g}".replace(".", ",") if isinstance(w, float) else str(w)


def _toelichting_tekst(naam: str) -> str:
    return {"organisatie": "Naam van de organisatie", "rekenjaar": "Jaar waarvoor de kostprijs geldt",
            "concept": "ja = concept (staat op het rapport)"}[naam]


def kostprijswerkboek(uitgangspunten: dict | None = None, producten=(), personeel=(), kosten=(),
                      salaristabel=(), toelichting: list[str] | None = None, rekenjaar: int = 2026) -> bytes:
    """Bytes van een kostprijswerkboek; zonder gegevens is het het lege sjabloon."""
    waarden = uitgangspunten or {}
    jaar = int(waarden.get("rekenjaar") or rekenjaar)
    bladen = [
        Blad("Uitgangspunten", KOLOMMEN["Uitgangspunten"][0], _parameterregels(waarden, jaar),
             breedtes={"Parameter": 34, "Waarde": 16, "Eenheid": 26, "Toelichting": 110},
             verplicht=KOLOMMEN["Uitgangspunten"][1]),
        Blad("Producten", KOLOMMEN["Producten"][0], [list(r) for r in producten],
             keuzelijsten={"Soort": ["opvang", "ambulant"], "Eenheid": ["etmaal", "uur", "traject"]},
             breedtes={"Naam": 36}, verplicht=KOLOMMEN["Producten"][1]),
        Blad("Personeel", KOLOMMEN["Personeel"][0], [list(r) for r in personeel], breedtes={"Functie": 34},
             verplicht=KOLOMMEN["Personeel"][1]),
        Blad("Kosten", KOLOMMEN["Kosten"][0], [list(r) for r in kosten], breedtes={"Omschrijving": 40},
             verplicht=KOLOMMEN["Kosten"][1]),
        Blad("Salaristabel", KOLOMMEN["Salaristabel"][0], [list(r) for r in salaristabel],
             verplicht=KOLOMMEN["Salaristabel"][1]),
    ]
    return werkboek_bytes(bladen, (toelichting or []) + ([""] if toelichting else []) + TOELICHTING_KOSTPRIJS)
