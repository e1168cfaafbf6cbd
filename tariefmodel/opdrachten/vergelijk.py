"""Opdracht `vergelijk`: het werkboek en elk scenario uit het blad Scenario's naast elkaar (werkboekformaat.md v2)."""

from __future__ import annotations

from pathlib import Path

from tariefmodel.cli import EXIT_GOED, EXIT_ONGELDIG, Invoerprobleem, druk_meldingen, lui
from tariefmodel.opdrachten.gedeeld import (
    argument_json,
    controleer_uitvoerpad,
    druk_json,
    lees_invoer,
    schrijf_uitvoer,
    tekst_tabel,
)

formaat = lui("tariefmodel.formaat")  # babel pas bij de eerste tabel (issue 17: snel starten)


def registreer(sub) -> None:
    p = sub.add_parser("vergelijk", help="het werkboek en elk scenario (blad Scenario's) naast elkaar")
    p.add_argument("werkboek", metavar="WERKBOEK.xlsx")
    argument_json(p)
    p.add_argument("--xlsx", metavar="UIT.xlsx", help="schrijf de vergelijking als Excel-werkboek")
    p.add_argument("--pdf", metavar="UIT.pdf", help="schrijf de vergelijking als handout (PDF)")
    p.set_defaults(functie=vergelijk_opdracht)


def vergelijk_opdracht(args) -> int:
    from tariefmodel.kostprijs.vergelijking import naar_json, vergelijk
    from tariefmodel.opdrachten.kostprijs import lees_met_scenarios
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    for uit, extensie in ((args.xlsx, ".xlsx"), (args.pdf, ".pdf")):
        if uit:
            controleer_uitvoerpad(uit, args.werkboek, extensie)
    data = lees_invoer(args.werkboek)
    if is_landelijk_werkboek(data):
        print("Dit is een landelijk werkboek; 'vergelijk' werkt op een kostprijswerkboek.")
        return EXIT_ONGELDIG
    invoer, blad = lees_met_scenarios(data, Path(args.werkboek).name)
    try:
        kolommen = vergelijk(invoer, blad.scenarios)
    except ValueError as fout:
        raise Invoerprobleem(str(fout)) from None
    if args.xlsx:
        from tariefmodel.export.vergelijking import exporteer_vergelijking

        schrijf_uitvoer(args.xlsx, exporteer_vergelijking(kolommen), args.werkboek)
    if args.pdf:
        from tariefmodel.rapport.vergelijking import vergelijking_pdf

        schrijf_uitvoer(args.pdf, vergelijking_pdf(kolommen), args.werkboek)
    if args.json:
        uit = naar_json(kolommen)
        uit["ongeldige_scenarios"] = list(blad.ongeldig)
        uit["waarschuwingen"] = [m.tekst() for m in invoer.waarschuwingen]
        druk_json(uit)
    elif not (args.xlsx or args.pdf):
        print(overzicht(kolommen))
    druk_meldingen(invoer.waarschuwingen)
    return EXIT_GOED


def overzicht(kolommen) -> str:
    """De vergelijking als teksttabel: totalen en de kostprijs per product."""
    from tariefmodel.kostprijs.vergelijking import beschrijving

    namen = [k.naam for k in kolommen]
    rijen = [["Gemeente betaalt", *(formaat.euro_heel(k.gemeente_betaalt) for k in kolommen)],
             ["Kostendekkend", *(formaat.euro_heel(k.kostendekkend) for k in kolommen)],
             ["Tekort per jaar", *(formaat.euro_heel(k.resultaat.tekort) for k in kolommen)],
             [f"Tekort {kolommen[0].jaren} jaar", *(formaat.euro_heel(k.cumulatief_tekort) for k in kolommen)],
             ["Dekking", *(formaat.procent(k.dekkingsgraad) for k in kolommen)]]
    for i, p in enumerate(kolommen[0].resultaat.producten):
        rijen.append([f"Kostprijs {p.code}", *(formaat.euro(k.resultaat.producten[i].kostprijs) for k in kolommen)])
    tabel = tekst_tabel(["", *namen], rijen, rechts=set(range(1, len(namen) + 1)))
    uitleg = "\n".join(f"{k.naam}: {beschrijving(k.wijzigingen)}" for k in kolommen[1:])
    if len(kolommen) == 1:
        uitleg = "Het werkboek heeft geen (geldige) scenario's in het blad Scenario's."
    return tabel + "\n\n" + uitleg
