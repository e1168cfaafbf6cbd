"""Opdrachten sjabloon, controleer en bereken (werkboekformaat.md)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from tariefmodel.cli import EXIT_GOED, EXIT_ONGELDIG, Invoerprobleem, druk_meldingen, lui
from tariefmodel.opdrachten.gedeeld import (
    druk_json,
    lees_invoer,
    lees_wijzigingen,
    schrijf_uitvoer,
    tekst_tabel,
    werkboekargumenten,
)

if TYPE_CHECKING:
    from tariefmodel.kostprijs.gevoeligheid import Scenario
    from tariefmodel.kostprijs.invoer import KostprijsInvoer
    from tariefmodel.werkboek.scenarios import Scenarioblad

formaat = lui("tariefmodel.formaat")  # babel pas bij de eerste tabel (issue 17: snel starten)


def registreer(sub) -> None:
    p = sub.add_parser("sjabloon", help="schrijf een leeg werkboek (kostprijs of landelijk)")
    p.add_argument("soort", choices=["kostprijs", "landelijk"])
    p.add_argument("uit", metavar="UIT.xlsx")
    p.add_argument("--overschrijf", action="store_true",
                   help="vervang een bestaand bestand (zonder deze optie weigert sjabloon een bestaand bestand, "
                        "zodat een ingevuld werkboek nooit per ongeluk leeg wordt)")
    p.set_defaults(functie=sjabloon)

    p = sub.add_parser("controleer", help="controleer een werkboek en toon alle problemen")
    p.add_argument("werkboek", metavar="WERKBOEK.xlsx")
    p.add_argument("--xlsx", metavar="UIT.xlsx",
                   help="schrijf een kopie van het werkboek met de foute cellen gemarkeerd en een opmerking per cel")
    p.set_defaults(functie=controleer)

    p = sub.add_parser("bereken", help="kostprijs per product (rekenmethode §1)")
    werkboekargumenten(p, "scenario: overschrijf een parameter (verzuim=6%%) of een waarde per product: "
                          "bezettingsnorm, plaatsen, werkelijke_bezetting, trajecten_per_jaar, gemeentetarief, "
                          "fte_factor, als plaatsen[CODE]=18", json=True)
    p.add_argument("--scenario", metavar="NAAM", help="reken het scenario NAAM uit het blad Scenario's door")
    p.set_defaults(functie=bereken_opdracht)


def sjabloon(args) -> int:
    from tariefmodel.bestanden import controleer_overschrijven

    controleer_overschrijven(Path(args.uit), args.overschrijf)
    if args.soort == "kostprijs":
        from tariefmodel.werkboek.sjablonen import kostprijswerkboek

        data = kostprijswerkboek()
    else:
        from tariefmodel.werkboek.landelijk_sjabloon import landelijk_werkboek

        data = landelijk_werkboek()
    schrijf_uitvoer(args.uit, data, overschrijven=args.overschrijf)
    return EXIT_GOED


def controleer(args) -> int:
    from tariefmodel.bestanden import controleer_niet_invoer
    from tariefmodel.meldingen import WerkboekFout
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    if args.xlsx:
        controleer_niet_invoer(Path(args.xlsx), Path(args.werkboek))  # vóór het lezen: nooit de invoer overschrijven
    data = lees_invoer(args.werkboek)
    try:
        if is_landelijk_werkboek(data):
            from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek

            invoer = lees_landelijk_werkboek(data, Path(args.werkboek).name)
        else:
            invoer = lees_kostprijswerkboek(data, Path(args.werkboek).name)
    except WerkboekFout as fout:
        if args.xlsx:
            _schrijf_gemarkeerd(args, data, fout.meldingen)
        raise
    druk_meldingen(invoer.waarschuwingen)
    if args.xlsx:
        _schrijf_gemarkeerd(args, data, list(invoer.waarschuwingen))
    print(f"Het werkboek '{args.werkboek}' is geldig.")
    return EXIT_GOED


def _schrijf_gemarkeerd(args, data: bytes, meldingen) -> None:
    """controleer --xlsx: een gemarkeerde kopie (nooit de invoer zelf; atomair via bestanden.py)."""
    from tariefmodel.werkboek.markeren import gemarkeerde_kopie

    try:
        kopie = gemarkeerde_kopie(data, meldingen)
    except Exception:  # noqa: BLE001 - het bestand is niet als werkboek te openen: dan is er niets te markeren
        print("Geen gemarkeerde kopie: het bestand is niet als werkboek te openen.", file=sys.stderr)
        return
    schrijf_uitvoer(args.xlsx, kopie, args.werkboek)


def laad_met_scenario(pad: str, zet: list[str] | None) -> KostprijsInvoer:
    """Lees een kostprijswerkboek en pas --zet-wijzigingen toe."""
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

    invoer = lees_kostprijswerkboek(lees_invoer(pad), Path(pad).name)
    try:
        return invoer.met_scenario(lees_wijzigingen(zet))
    except ValueError as fout:
        raise Invoerprobleem(f"--zet: {fout}") from None


def lees_met_scenarios(data: bytes, naam: str) -> tuple[KostprijsInvoer, Scenarioblad]:
    """Werkboek en blad Scenario's; meldingen over ongeldige scenario's worden waarschuwingen van de invoer."""
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
    from tariefmodel.werkboek.scenarios import lees_scenarios

    invoer = lees_kostprijswerkboek(data, naam)
    blad = lees_scenarios(data, invoer)
    return replace(invoer, waarschuwingen=(*invoer.waarschuwingen, *blad.waarschuwingen())), blad


def kies_scenario(blad: Scenarioblad, naam: str) -> Scenario:
    """Het scenario NAAM (zonder hoofdletters te onderscheiden); WerkboekFout als het ongeldig is."""
    from tariefmodel.meldingen import WerkboekFout

    gevonden = {n.casefold(): n for n in [*blad.scenarios, *blad.ongeldig]}.get(naam.strip().casefold())
    if gevonden is None:
        bekend = ", ".join(f"'{n}'" for n in [*blad.scenarios, *blad.ongeldig]) or "geen (het blad ontbreekt of is leeg)"
        raise Invoerprobleem(f"scenario '{naam}' staat niet in het blad Scenario's (scenario's in het werkboek: "
                             f"{bekend})")
    if gevonden in blad.ongeldig:
        raise WerkboekFout(list(blad.ongeldig[gevonden]))
    return blad.scenarios[gevonden]


def bereken_opdracht(args) -> int:
    from tariefmodel.kostprijs.berekening import bereken
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    data = lees_invoer(args.werkboek)
    if is_landelijk_werkboek(data):
        print("Dit is een landelijk werkboek; gebruik 'tariefmodel landelijk'.")
        return EXIT_ONGELDIG
    invoer, blad = lees_met_scenarios(data, Path(args.werkboek).name)
    gekozen = kies_scenario(blad, args.scenario) if args.scenario else None
    zet = lees_wijzigingen(args.zet)
    wijzigingen = {**(gekozen.wijzigingen if gekozen else {}), **zet}
    try:
        resultaat = bereken(invoer.met_scenario(wijzigingen))
    except ValueError as fout:
        raise Invoerprobleem(f"{'--zet' if zet else 'scenario'}: {fout}") from None
    if args.json:
        from tariefmodel.kostprijs.rapportage import (
            naar_json,  # importlib.metadata (versie) alleen voor JSON
        )

        uit = naar_json(resultaat)
        uit["scenario"] = ({"naam": gekozen.naam if gekozen else "--zet",
                            "wijzigingen": {n: _json(w) for n, w in wijzigingen.items()}} if wijzigingen else None)
        druk_json(uit)
    else:
        druk_meldingen(resultaat.invoer.waarschuwingen)  # boven de cijfers (werkboekformaat.md v2)
        if gekozen:
            from tariefmodel.kostprijs.vergelijking import beschrijving


            print(f"Scenario '{gekozen.naam}': {beschrijving(wijzigingen)}\n")
        print(tariefoverzicht(resultaat))
    return EXIT_GOED


def _json(w):
    return w.item() if hasattr(w, "item") else w


def tariefoverzicht(r) -> str:
    """De tarieftabel zoals de financieel manager hem leest."""
    invoer = r.invoer
    kop = (f"{invoer.organisatie} — rekenjaar {invoer.rekenjaar}"
           f"{' (CONCEPT)' if invoer.concept else ''}\n"
           f"Overhead {formaat.procent(r.overhead_percentage)} van de directe kosten "
           f"(methode: {invoer.waarde('overhead_methode')}); uren per fte: beschikbaar "
           f"{formaat.getal(r.uren.beschikbaar, 1)}, inzetbaar {formaat.getal(r.uren.inzetbaar, 1)}, direct "
           f"{formaat.getal(r.uren.direct, 1)}; een 24/7-post vraagt {formaat.getal(r.uren.fte_per_24_7_post, 2)} fte.\n")
    rijen = [[p.code, p.product.naam, f"per {p.product.eenheid}", formaat.euro(p.kostprijs),
              formaat.euro(p.gemeentetarief), formaat.euro(p.verschil_per_eenheid), formaat.euro_heel(p.integrale_kosten),
              formaat.euro_heel(p.tekort), formaat.procent(p.dekkingsgraad)] for p in r.producten]
    tabel = tekst_tabel(["Code", "Product", "Eenheid", "Kostprijs", "Gemeentetarief", "Verschil", "Integrale kosten",
                         "Tekort/jaar", "Dekking"], rijen, rechts={3, 4, 5, 6, 7, 8})
    totaal = (f"\nTotaal integrale kosten {formaat.euro(r.integrale_kosten)}; opbrengst {formaat.euro(r.opbrengst)}; "
              f"tekort {formaat.euro(r.tekort)} (producten met een gemeentetarief)." if r.met_tarief else
              f"\nTotaal integrale kosten {formaat.euro(r.integrale_kosten)}; geen enkel product heeft een "
              "gemeentetarief, dus opbrengst en tekort zijn niet te berekenen.")
    schattingen = sorted(n for n, u in invoer.uitgangspunten.items() if u.onzeker)
    noot = (f"\nLet op: standaardwaarden met status ESTIMATE of NOT FOUND in gebruik: {', '.join(schattingen)}."
            if schattingen else "")
    return kop + "\n" + tabel + totaal + noot
