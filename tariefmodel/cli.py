"""Opdrachtregel `tariefmodel` (werkboekformaat.md, 'Command line').

Exitcodes: 0 goed, 2 ongeldige invoer (met Nederlandse meldingen), 1 alleen bij een programmafout.
Elke opdracht staat in een eigen module in tariefmodel.opdrachten met een functie ``registreer``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
import uuid

from tariefmodel import __version__
from tariefmodel.bestanden import UitvoerFout
from tariefmodel.werkboek.meldingen import WerkboekFout

OPDRACHTMODULES = ("kostprijs", "landelijk", "export", "rapport", "bundel")
EXIT_GOED, EXIT_FOUT, EXIT_ONGELDIG = 0, 1, 2
EXIT_AFGEBROKEN = 141  # 128 + SIGPIPE, zoals de shell: de uitvoer werd niet meer gelezen


class Invoerprobleem(Exception):
    """Een gebruikersfout buiten het werkboek (bestand niet gevonden, ongeldige --zet...)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse zou exit 2 geven met Engelse tekst; houd exit 2
        self.print_usage(sys.stderr)
        print(f"Fout in de opdracht: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ONGELDIG)


def maak_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tariefmodel", description="Kostendekkende tarieven en DUVO-analyses voor de vrouwenopvang.")
    parser.add_argument("--versie", action="version", version=f"tariefmodel {__version__}")
    sub = parser.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=_Parser)
    for naam in OPDRACHTMODULES:
        importlib.import_module(f"tariefmodel.opdrachten.{naam}").registreer(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = maak_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "functie", None):
        parser.print_help()
        return EXIT_ONGELDIG
    from tariefmodel.grenzen import zonder_numpy_waarschuwingen

    zonder_numpy_waarschuwingen()
    try:
        return args.functie(args)
    except WerkboekFout as fout:
        druk_meldingen(fout.meldingen)
        return EXIT_ONGELDIG
    except (Invoerprobleem, UitvoerFout) as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return EXIT_ONGELDIG
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # de lezer (bijv. `| head`) stopte eerder: geen programmafout
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_AFGEBROKEN
    except Exception:  # noqa: BLE001 - een programmafout: kort melden, geen stacktrace voor de gebruiker
        referentie = uuid.uuid4().hex[:8]
        if os.environ.get("TARIEFMODEL_DEBUG"):
            traceback.print_exc()
        print(f"Interne fout in tariefmodel (referentie {referentie}). Dit is een fout in het programma, niet in "
              "uw werkboek; meld de referentie en de opdracht aan de beheerder "
              "(TARIEFMODEL_DEBUG=1 toont details).", file=sys.stderr)
        return EXIT_FOUT


def druk_meldingen(meldingen, stroom=None) -> None:
    """Fouten eerst, dan waarschuwingen, elk op een eigen regel."""
    stroom = stroom or sys.stderr
    fouten = [m for m in meldingen if m.ernst == "fout"]
    waarschuwingen = [m for m in meldingen if m.ernst != "fout"]
    if fouten:
        print(f"Het werkboek bevat {len(fouten)} fout(en):", file=stroom)
        for m in fouten:
            print(f"  {m.tekst()}", file=stroom)
    if waarschuwingen:
        print(f"Waarschuwingen ({len(waarschuwingen)}):", file=stroom)
        for m in waarschuwingen:
            print(f"  {m.tekst()}", file=stroom)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
