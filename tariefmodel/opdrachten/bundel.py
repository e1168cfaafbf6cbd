"""Opdracht bundel: het landelijk beeld uit een map kostprijswerkboeken (voor Valente; werkboekformaat v2).

    tariefmodel bundel MAP/ [--json] [--xlsx UIT.xlsx] [--pdf UIT.pdf] [--met-voorbeelden] [--met-namen]

Elk bestand apart (ook in submappen); een fout in één bestand wordt gemeld (bestandsnaam + meldingen)
zonder de rest te stoppen. Dezelfde organisatie twee keer of verschillende rekenjaren: exit 2 met de
bestandsnamen, er wordt niets opgeteld. Een lege map of geen enkel berekenbaar werkboek: exit 2.
Er wordt niets in de map geschreven; --xlsx en --pdf moeten buiten de map staan.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from tariefmodel.cli import EXIT_GOED, EXIT_ONGELDIG, Invoerprobleem, lui
from tariefmodel.opdrachten.gedeeld import argument_json, druk_json, schrijf_uitvoer, tekst_tabel

if TYPE_CHECKING:
    from tariefmodel.landelijk.sectorbeeld import Sectorbeeld

formaat = lui("tariefmodel.formaat")  # babel pas bij de eerste tabel (issue 17: snel starten)


def registreer(sub) -> None:
    p = sub.add_parser("bundel", help="landelijk beeld uit een map kostprijswerkboeken (één per VO-organisatie)")
    p.add_argument("map", metavar="MAP/")
    argument_json(p)
    p.add_argument("--xlsx", metavar="UIT.xlsx", help="schrijf het landelijk beeld als Excel-werkboek")
    p.add_argument("--pdf", metavar="UIT.pdf", help="schrijf het landelijk beeld als PDF")
    p.add_argument("--met-voorbeelden", action="store_true",
                   help="tel ook werkboeken mee die als illustratief gemarkeerd zijn (standaard: overgeslagen)")
    p.add_argument("--met-namen", action="store_true",
                   help="toon in de benchmark de namen van de organisaties (standaard: VO 1, VO 2, …)")
    p.set_defaults(functie=bundel_opdracht)


def _controleer_uitvoer(args, map_: Path) -> None:
    for pad, extensie in ((args.xlsx, ".xlsx"), (args.pdf, ".pdf")):
        if pad is None:
            continue
        if Path(pad).suffix.lower() != extensie:
            raise Invoerprobleem(f"het uitvoerbestand '{pad}' moet eindigen op {extensie}")
        doel = Path(pad).resolve()
        if map_.resolve() in doel.parents:
            raise Invoerprobleem(f"'{pad}' staat in de map die gebundeld wordt; schrijf de uitvoer buiten die map "
                                 "(anders leest de volgende bundel hem mee)")


def bundel_opdracht(args) -> int:
    from tariefmodel.opdrachten.bundel_lezen import BundelGeweigerd, bundel, uit_map

    map_ = Path(args.map)
    if not map_.exists():
        raise Invoerprobleem(f"map '{args.map}' bestaat niet")
    if not map_.is_dir():
        raise Invoerprobleem(f"'{args.map}' is geen map; geef een map met kostprijswerkboeken (.xlsx)")
    _controleer_uitvoer(args, map_)
    verzameling = uit_map(map_)
    if not verzameling.bestanden:
        _druk_notities(verzameling.notities)
        raise Invoerprobleem(f"in map '{args.map}' (met submappen) staan geen .xlsx-bestanden")
    try:
        r = bundel(verzameling.bestanden, args.met_voorbeelden)
    except BundelGeweigerd as fout:
        print(f"De map '{args.map}' wordt niet gebundeld; niets is opgeteld:", file=sys.stderr)
        for reden in fout.redenen:
            print(f"  {reden}", file=sys.stderr)
        return EXIT_ONGELDIG
    if args.json:
        from tariefmodel.landelijk.sectorbeeld_json import naar_json

        druk_json(naar_json(r, verzameling.notities, args.met_namen))
    else:
        print(overzicht(r, args.map, verzameling.notities))
    _druk_bestandsfouten(r)
    if not r.berekend:
        print("Geen enkel werkboek kon worden berekend (of alleen illustratieve voorbeelden; tel die mee met "
              "--met-voorbeelden).", file=sys.stderr)
        return EXIT_ONGELDIG
    _schrijf(args, r, verzameling.notities)
    return EXIT_GOED


def _schrijf(args, r: Sectorbeeld, notities) -> None:
    if args.xlsx:
        from tariefmodel.export.landelijk_bundel import bundel_xlsx

        schrijf_uitvoer(args.xlsx, bundel_xlsx(r, notities, args.met_namen))
    if args.pdf:
        from tariefmodel.rapport.bundel import bundel_pdf

        schrijf_uitvoer(args.pdf, bundel_pdf(r, args.met_namen))


def overzicht(r: Sectorbeeld, map_: str, notities=()) -> str:
    delen = [(f"Landelijk beeld {r.rekenjaar or ''} uit {len(r.berekend)} kostprijswerkboek(en) in '{map_}' "
              f"({len(r.fouten)} met fouten, {len(r.overgeslagen)} overgeslagen, {len(r.voorbeelden)} illustratief "
              "niet meegeteld)")]
    if r.berekend:
        delen += [_totaal(r), _per_soort(r), _organisaties(r), _benchmark(r)]
    overgeslagen = [f"  {b.naam}: {b.reden}" for b in r.bestanden if b.reden]
    if overgeslagen or notities:
        delen.append("Overgeslagen en gemarkeerd:\n" + "\n".join(overgeslagen + [f"  {n}" for n in notities]))
    if r.waarschuwingen:
        delen.append("Let op:\n" + "\n".join(f"  {w}" for w in r.waarschuwingen))
    return "\n\n".join(delen)


def _totaal(r: Sectorbeeld) -> str:
    plaatsen = ("" if r.tekort_in_plaatsen is None else
                f"\nTekort opvang in plaatsen tegen de kostendekkende prijs: {formaat.getal(r.tekort_in_plaatsen, 1)} "
                f"(tekort opvang / {formaat.euro_heel(r.kosten_per_plaats_per_jaar)} per plaats per jaar).")
    return (f"Totaal integrale kosten {formaat.euro_heel(r.integrale_kosten)}; opbrengst "
            f"{formaat.euro_heel(r.opbrengst)}; tekort {formaat.euro_heel(r.tekort)} (producten met een "
            f"gemeentetarief; gelijk aan de som van 'tariefmodel bereken' per werkboek).{plaatsen}\n"
            "Gemiddelden zijn gewogen met het volume (etmalen op de bezettingsnorm, directe uren of trajecten).")


def _per_soort(r: Sectorbeeld) -> str:
    rijen = [[s.naam, str(s.producten), formaat.euro_heel(s.integrale_kosten), formaat.euro(s.kostprijs),
              formaat.euro(s.tarief), formaat.euro_heel(s.opbrengst), formaat.euro_heel(s.tekort)]
             for s in r.per_soort]
    return "Landelijk per producttype\n" + tekst_tabel(
        ["Producttype", "Producten", "Integrale kosten", "Kostprijs (gewogen)", "Tarief (gewogen)", "Opbrengst",
         "Tekort"], rijen, rechts={1, 2, 3, 4, 5, 6})


def _organisaties(r: Sectorbeeld) -> str:
    rijen = [[o.organisatie, o.bestand, o.centrumgemeente or "–", s.naam, formaat.euro(s.kostprijs),
              formaat.euro(s.tarief), formaat.euro_heel(s.tekort)]
             for o in r.organisaties for s in o.per_soort]
    return "Per organisatie en producttype\n" + tekst_tabel(
        ["Organisatie", "Bestand", "Regio", "Producttype", "Kostprijs", "Tarief", "Tekort"], rijen,
        rechts={4, 5, 6})


def _benchmark(r: Sectorbeeld) -> str:
    rijen = [[b.naam, str(len(b.waarden)), formaat.euro(b.kwartiel_1), formaat.euro(b.mediaan),
              formaat.euro(b.kwartiel_3)] for b in r.benchmark]
    return ("Sectorbenchmark: gewogen kostprijs per organisatie (één waarneming per organisatie)\n" +
            tekst_tabel(["Producttype", "Organisaties", "1e kwartiel", "Mediaan", "3e kwartiel"], rijen,
                        rechts={1, 2, 3, 4}))


def _druk_notities(notities) -> None:
    for n in notities:
        print(f"  {n}", file=sys.stderr)


def _druk_bestandsfouten(r: Sectorbeeld) -> None:
    """Per bestand met fouten: de bestandsnaam en elke melding (naar stderr)."""
    from tariefmodel.landelijk.sectorbeeld import FOUT

    for b in (b for b in r.bestanden if b.status == FOUT):
        meldingen = [m for m in b.meldingen if m.ernst == "fout"]
        print(f"Bestand '{b.naam}' is niet meegeteld ({len(meldingen)} fout(en)):", file=sys.stderr)
        for m in meldingen:
            print(f"  {m.tekst()}", file=sys.stderr)
