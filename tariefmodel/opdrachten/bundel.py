"""Opdracht bundel: het landelijk beeld uit een map kostprijswerkboeken (voor Valente).

Elk bestand apart; een fout in één bestand wordt gemeld (bestandsnaam + meldingen) zonder de rest te
stoppen. Exit 0 als minstens één bestand berekend is, anders 2. Er wordt niets geschreven.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tariefmodel.cli import EXIT_GOED, EXIT_ONGELDIG, Invoerprobleem, lui
from tariefmodel.opdrachten.gedeeld import argument_json, druk_json, tekst_tabel

if TYPE_CHECKING:
    from tariefmodel.landelijk.bundel import BundelResultaat

formaat = lui("tariefmodel.formaat")


def registreer(sub) -> None:
    p = sub.add_parser("bundel", help="tel alle kostprijswerkboeken in een map op tot een landelijk beeld")
    p.add_argument("map", metavar="MAP/")
    argument_json(p)
    p.set_defaults(functie=bundel_opdracht)


def bundel_opdracht(args) -> int:
    from tariefmodel.landelijk.bundel import bundel_map, bundel_naar_json

    map_ = Path(args.map)
    if not map_.exists():
        raise Invoerprobleem(f"map '{args.map}' bestaat niet")
    if not map_.is_dir():
        raise Invoerprobleem(f"'{args.map}' is geen map; geef een map met kostprijswerkboeken (.xlsx)")
    r = bundel_map(map_)
    if not r.bestanden:
        raise Invoerprobleem(f"in map '{args.map}' staan geen .xlsx-bestanden")
    if args.json:
        druk_json(bundel_naar_json(r))
    else:
        print(overzicht(r, args.map))
    _druk_bestandsfouten(r)
    if not r.berekend:
        print("Geen enkel werkboek kon worden berekend.", file=sys.stderr)
        return EXIT_ONGELDIG
    return EXIT_GOED


def overzicht(r: BundelResultaat, map_: str) -> str:
    from tariefmodel.landelijk.bundel import OVERGESLAGEN

    delen = [(f"Landelijk beeld uit {len(r.berekend)} kostprijswerkboek(en) in '{map_}' "
             f"({len(r.fouten)} met fouten, "
             f"{sum(b.status == OVERGESLAGEN for b in r.bestanden)} overgeslagen)")]
    if r.berekend:
        delen += [_totaal(r), _per_soort(r), _organisaties(r)]
    overgeslagen = [f"  {b.naam}: {b.reden}" for b in r.bestanden if b.status == OVERGESLAGEN]
    if overgeslagen:
        delen.append("Overgeslagen:\n" + "\n".join(overgeslagen))
    if r.waarschuwingen:
        delen.append("Let op:\n" + "\n".join(f"  {w}" for w in r.waarschuwingen))
    return "\n\n".join(delen)


def _totaal(r: BundelResultaat) -> str:
    return (f"Totaal integrale kosten {formaat.euro(r.integrale_kosten)}; opbrengst {formaat.euro(r.opbrengst)}; "
            f"tekort {formaat.euro(r.tekort)} (producten met een gemeentetarief).\n"
            f"Gewogen kostprijs per etmaal {formaat.euro(r.kostprijs_per_etmaal)}; per uur "
            f"{formaat.euro(r.kostprijs_per_uur)}; kosten per opvangplaats per jaar "
            f"{formaat.euro_heel(r.kosten_per_plaats_per_jaar)}.")


def _per_soort(r: BundelResultaat) -> str:
    rijen = [[s.soort, f"per {s.eenheid}", str(s.producten), str(s.organisaties),
              formaat.euro_heel(s.integrale_kosten), formaat.euro(s.kostprijs_gewogen),
              formaat.euro_heel(s.opbrengst), formaat.euro_heel(s.tekort)] for s in r.per_soort]
    return tekst_tabel(["Soort", "Eenheid", "Producten", "Organisaties", "Integrale kosten", "Gewogen kostprijs",
                        "Opbrengst", "Tekort"], rijen, rechts={2, 3, 4, 5, 6, 7})


def _organisaties(r: BundelResultaat) -> str:
    rijen = [[o.organisatie, o.bestand, str(o.rekenjaar), formaat.euro_heel(o.integrale_kosten),
              formaat.euro_heel(o.opbrengst), formaat.euro_heel(o.tekort), formaat.getal(o.plaatsen, 0),
              formaat.euro(o.kostprijs_per_etmaal), formaat.euro(o.kostprijs_per_uur),
              formaat.procent(o.overhead_percentage)] for o in r.organisaties]
    return tekst_tabel(["Organisatie", "Bestand", "Jaar", "Integrale kosten", "Opbrengst", "Tekort", "Plaatsen",
                        "Per etmaal", "Per uur", "Overhead"], rijen, rechts={3, 4, 5, 6, 7, 8, 9})


def _druk_bestandsfouten(r: BundelResultaat) -> None:
    """Per bestand met fouten: de bestandsnaam en elke melding (naar stderr)."""
    from tariefmodel.landelijk.bundel import FOUT

    fout = [b for b in r.bestanden if b.status == FOUT]
    for b in fout:
        meldingen = [m for m in b.meldingen if m.ernst == "fout"]
        print(f"Bestand '{b.naam}' is niet meegeteld ({len(meldingen)} fout(en)):", file=sys.stderr)
        for m in meldingen:
            print(f"  {m.tekst()}", file=sys.stderr)
