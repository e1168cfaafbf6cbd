"""Opdracht rapport: het PDF-handout van een kostprijswerkboek (issue 5, docs/export.md).

    tariefmodel rapport WERKBOEK.xlsx UIT.pdf [--zet naam=waarde]…

Met --zet vergelijkt het handout de basis (het werkboek) met het scenario.
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
    p = sub.add_parser("rapport", help="PDF-handout (A4) van een kostprijswerkboek; met --zet basis tegen scenario")
    werkboekargumenten(p, "scenario: overschrijf een parameter of gemeentetarief[CODE]=bedrag; het rapport "
                       "vergelijkt", uit="UIT.pdf")
    p.set_defaults(functie=rapport)


def rapport(args) -> int:
    from tariefmodel.opdrachten.kostprijs import laad_met_scenario
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    controleer_uitvoerpad(args.uit, args.werkboek, ".pdf")
    if is_landelijk_werkboek(lees_invoer(args.werkboek)):
        raise Invoerprobleem("het rapport is er (nog) alleen voor een kostprijswerkboek; gebruik voor een "
                             "landelijk werkboek 'tariefmodel exporteer'")
    from tariefmodel.kostprijs.berekening import bereken
    from tariefmodel.rapport import rapport_pdf

    basis = bereken(laad_met_scenario(args.werkboek, None))
    scenario = bereken(laad_met_scenario(args.werkboek, args.zet)) if args.zet else None
    schrijf_uitvoer(args.uit, rapport_pdf(basis, scenario), args.werkboek)
    return EXIT_GOED
