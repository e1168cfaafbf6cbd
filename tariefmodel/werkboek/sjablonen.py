"""Het kostprijswerkboek als sjabloon (leeg) of gevuld (voorbeeld, tests): één opbouw voor beide."""

from __future__ import annotations

from tariefmodel.kostprijs.invoer import OVERHEAD, PARAMETERS_KOSTPRIJS
from tariefmodel.parameters import definities
from tariefmodel.uitgangspunten import TEKSTPARAMETERS, peildatum
from tariefmodel.werkboek.kostprijs import KOLOMMEN
from tariefmodel.werkboek.schrijven import Blad, werkboek_bytes

TOELICHTING_KOSTPRIJS = [
    "Kostprijswerkboek tariefmodel (werkboekformaat v1)",
    "",
    "Vul per blad vanaf rij 2 in. Oranje kopjes zijn verplicht. Lege regels worden overgeslagen.",
    "Getallen mogen als getal of als Nederlandse tekst: 12,5 of 1.234,56 of 85%.",
    "Uitgangspunten: laat 'Waarde' leeg voor de meegeleverde standaard van het rekenjaar (zie Toelichting per regel).",
    "   Reeksen kun je per jaar zetten: cao_stijging_2027, ova_2028, prijsindex_2027.",
    "Producten: Soort = opvang (eenheid etmaal, Plaatsen verplicht) of ambulant (eenheid uur of traject;",
    "   traject vraagt 'Uren per traject'). Gemeentetarief is per eenheid; leeg = geen vergelijking.",
    f"Personeel: Product = een productcode of {OVERHEAD}. Maandsalaris (voltijd, 36 uur) of Schaal + Trede",
    "   uit de CAO Sociaal Werk (tabel 1-7-2024) of uit het blad Salaristabel. ORT als fractie (0,15 = 15%).",
    f"Kosten: Bedrag per jaar; Product = een productcode of {OVERHEAD}.",
    "De rekenmethode staat in docs/rekenmethode.md van tariefmodel (AMvB reële prijs Wmo, art. 5.4 Uitvoeringsbesluit).",
]


def _parameterregels(waarden: dict, rekenjaar: int) -> list[list]:
    regels = []
    for naam in ["organisatie", "rekenjaar", "concept"]:
        regels.append([naam, waarden.get(naam), TEKSTPARAMETERS[naam], _toelichting_tekst(naam)])
    for naam in sorted(PARAMETERS_KOSTPRIJS - set(TEKSTPARAMETERS)):
        d = definities()[naam]
        std = d.op(peildatum(rekenjaar))
        uitleg = d.omschrijving + (f". Standaard {rekenjaar}: {std.waarde} ({std.status}; {std.bron})" if std else
                                   f". Geen meegeleverde standaard voor {rekenjaar}")
        regels.append([naam, waarden.get(naam), d.eenheid, uitleg])
    extra = sorted(set(waarden) - PARAMETERS_KOSTPRIJS)  # bijv. reeksen per jaar
    regels += [[naam, waarden[naam], "", ""] for naam in extra]
    return regels


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
