"""Opdrachtregel `tariefmodel` (werkboekformaat.md, 'Command line').

Exitcodes: 0 goed, 2 ongeldige invoer (met Nederlandse meldingen), 1 alleen bij een programmafout.
Elke opdracht staat in een eigen module in tariefmodel.opdrachten met een functie ``registreer``.
Snel starten (issue 17: ``--help`` ≤ 0,15 s): hier en in de opdrachtmodules staat bovenaan alleen wat argparse
nodig heeft; zware pakketten (openpyxl, numpy, babel, ...) laadt elke opdracht pas in zijn eigen functie, of via
``lui(...)`` bij het eerste gebruik.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from tariefmodel.argparse_nl import NederlandseParser

OPDRACHTMODULES = ("kostprijs", "landelijk", "export", "rapport", "bundel", "vergelijk")
EXIT_GOED, EXIT_FOUT, EXIT_ONGELDIG = 0, 1, 2
EXIT_AFGEBROKEN = 141  # 128 + SIGPIPE, zoals de shell: de uitvoer werd niet meer gelezen


class Invoerprobleem(Exception):
    """Een gebruikersfout buiten het werkboek (bestand niet gevonden, ongeldige --zet...)."""


class _Parser(NederlandseParser):
    def error(self, message: str):  # argparse zou exit 2 geven met Engelse tekst; houd exit 2
        self.print_usage(sys.stderr)
        print(f"Fout in de opdracht: {message}", file=sys.stderr)
        raise SystemExit(EXIT_ONGELDIG)


class _Versie(argparse.Action):
    """--versie: leest de versie pas als erom gevraagd wordt (importlib.metadata is niet gratis)."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        from tariefmodel import __version__

        print(f"tariefmodel {__version__}")
        parser.exit()


def lui(naam: str):
    """De module ``naam``, pas echt geladen bij het eerste gebruik van een attribuut (importlib LazyLoader)."""
    import importlib.util

    if naam in sys.modules:
        return sys.modules[naam]
    spec = importlib.util.find_spec(naam)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[naam] = module
    spec.loader.exec_module(module)
    return module


def maak_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tariefmodel", description="Kostendekkende tarieven en DUVO-analyses voor de vrouwenopvang.")
    parser.add_argument("--versie", action=_Versie, help="toon de versie en stop")
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
    import os

    from tariefmodel.bestanden import UitvoerFout
    from tariefmodel.grenzen import zonder_numpy_waarschuwingen
    from tariefmodel.meldingen import WerkboekFout

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
        import traceback
        import uuid

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
