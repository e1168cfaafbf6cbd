"""Opdracht rapport: het PDF-handout van een kostprijswerkboek (issue 5, docs/export.md).

    tariefmodel rapport WERKBOEK.xlsx UIT.pdf [--zet naam=waarde]…

Met --zet vergelijkt het handout de basis (het werkboek) met het scenario.
"""

from __future__ import annotations

import errno
import signal
import threading
from contextlib import contextmanager

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
    with _opruimen_bij_sigterm():
        try:
            pdf = rapport_pdf(basis, scenario)
        except OSError as fout:
            if fout.errno in (errno.ENOSPC, errno.EDQUOT):
                raise Invoerprobleem("er is geen schijfruimte meer voor de tijdelijke bestanden van het rapport; "
                                     "maak ruimte vrij of wijs met TMPDIR een andere map aan") from None
            raise
    schrijf_uitvoer(args.uit, pdf, args.werkboek)
    return EXIT_GOED


@contextmanager
def _opruimen_bij_sigterm():
    """Bij SIGTERM (bijv. ``kill`` of een container die stopt) netjes stoppen: SystemExit loopt door de
    ``with TemporaryDirectory`` van het rapport, zodat de tijdelijke map verdwijnt (docs/veiligheid.md)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    vorige = signal.signal(signal.SIGTERM, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, vorige)


def _stop(signum, _frame) -> None:
    raise SystemExit(128 + signum)
