"""Opdracht exporteer: een auditeerbaar Excel-werkboek met live formules (issue 5, docs/export.md).

    tariefmodel exporteer WERKBOEK.xlsx UIT.xlsx [--zet naam=waarde]…

Kostprijs- of landelijk werkboek, herkend aan het blad "Regio's". Schrijft atomair en nooit naar de invoer.
"""

from __future__ import annotations

from tariefmodel.cli import EXIT_GOED, Invoerprobleem
from tariefmodel.opdrachten.gedeeld import (
    controleer_uitvoerpad,
    lees_invoer,
    schrijf_uitvoer,
    werkboekargumenten,
)


def registreer(sub) -> None:
    p = sub.add_parser("exporteer", help="auditeerbaar Excel-werkboek met live formules (kostprijs of landelijk)")
    werkboekargumenten(p, "scenario: overschrijf een parameter (of gemeentetarief[CODE]=bedrag bij kostprijs)",
                       uit="UIT.xlsx")
    p.add_argument("--kostprijs", metavar="KOSTPRIJS.xlsx|MAP",
                   help="alleen landelijk: kosten per plaats uit een kostprijswerkboek of een map ervan")
    p.set_defaults(functie=exporteer)


def exporteer(args) -> int:
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    invoer = [args.werkboek] + ([args.kostprijs] if args.kostprijs else [])
    controleer_uitvoerpad(args.uit, invoer, ".xlsx")
    data = lees_invoer(args.werkboek)
    if is_landelijk_werkboek(data):
        xlsx = _landelijk(args)
    else:
        if args.kostprijs:
            raise Invoerprobleem("--kostprijs hoort bij een landelijk werkboek")
        from tariefmodel.export import exporteer_kostprijs
        from tariefmodel.kostprijs.berekening import bereken
        from tariefmodel.opdrachten.kostprijs import laad_met_scenario

        scenario = bereken(laad_met_scenario(args.werkboek, args.zet))
        basis = bereken(laad_met_scenario(args.werkboek, None)) if args.zet else None
        xlsx = exporteer_kostprijs(scenario, basis)
    schrijf_uitvoer(args.uit, xlsx, *invoer)
    return EXIT_GOED


def _landelijk(args) -> bytes:
    from tariefmodel.export.landelijk import exporteer_landelijk
    from tariefmodel.landelijk import bereken_landelijk
    from tariefmodel.opdrachten.landelijk import kosten_uit_kostprijs, laad

    invoer = laad(args.werkboek, args.zet)
    c, bron = kosten_uit_kostprijs(args.kostprijs) if args.kostprijs else (None, None)
    return exporteer_landelijk(bereken_landelijk(invoer, c, bron))
