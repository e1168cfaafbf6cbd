"""Opdrachten sjabloon, controleer en bereken (werkboekformaat.md)."""

from __future__ import annotations

from pathlib import Path

from tariefmodel import formaat
from tariefmodel.bestanden import controleer_overschrijven
from tariefmodel.cli import EXIT_GOED, EXIT_ONGELDIG, Invoerprobleem, druk_meldingen
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.invoer import KostprijsInvoer
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.opdrachten.gedeeld import (
    druk_json,
    lees_invoer,
    lees_zet,
    schrijf_uitvoer,
    tekst_tabel,
    werkboekargumenten,
)
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.lezen import is_landelijk_werkboek


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
    p.set_defaults(functie=controleer)

    p = sub.add_parser("bereken", help="kostprijs per product (rekenmethode §1)")
    werkboekargumenten(p, "scenario: overschrijf een parameter, of gemeentetarief[CODE]=bedrag", json=True)
    p.set_defaults(functie=bereken_opdracht)


def sjabloon(args) -> int:
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
    data = lees_invoer(args.werkboek)
    if is_landelijk_werkboek(data):
        from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek

        invoer = lees_landelijk_werkboek(data, Path(args.werkboek).name)
    else:
        invoer = lees_kostprijswerkboek(data, Path(args.werkboek).name)
    druk_meldingen(invoer.waarschuwingen)
    print(f"Het werkboek '{args.werkboek}' is geldig.")
    return EXIT_GOED


def laad_met_scenario(pad: str, zet: list[str] | None) -> KostprijsInvoer:
    """Lees een kostprijswerkboek en pas --zet-wijzigingen toe."""
    invoer = lees_kostprijswerkboek(lees_invoer(pad), Path(pad).name)
    parameters, tarieven = lees_zet(zet)
    try:
        return invoer.met_scenario(parameters, tarieven)
    except ValueError as fout:
        raise Invoerprobleem(f"--zet: {fout}") from None


def bereken_opdracht(args) -> int:
    data = lees_invoer(args.werkboek)
    if is_landelijk_werkboek(data):
        print("Dit is een landelijk werkboek; gebruik 'tariefmodel landelijk'.")
        return EXIT_ONGELDIG
    resultaat = bereken(laad_met_scenario(args.werkboek, args.zet))
    if args.json:
        druk_json(naar_json(resultaat))
    else:
        print(tariefoverzicht(resultaat))
        druk_meldingen(resultaat.invoer.waarschuwingen)
    return EXIT_GOED


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
              f"tekort {formaat.euro(r.tekort)} (producten met een gemeentetarief).")
    schattingen = sorted(n for n, u in invoer.uitgangspunten.items() if u.onzeker)
    noot = (f"\nLet op: standaardwaarden met status ESTIMATE of NOT FOUND in gebruik: {', '.join(schattingen)}."
            if schattingen else "")
    return kop + "\n" + tabel + totaal + noot
