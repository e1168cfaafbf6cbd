"""Veel objecten in één keer maken (een werkboek inlezen of schrijven) zonder de cyclische garbage collector.

Een werkboek van 17.000 personeelsregels wordt ~600.000 cellen (openpyxl bij het lezen, xlsxwriter bij het
schrijven) die tot het einde blijven leven en geen kringen vormen. De collector loopt bij elke volle ronde alle
levende objecten na, en die rondes komen terug zolang er objecten bij komen: bij 10× zoveel regels ~13–15× zoveel
tijd (issue 17, docs/prestaties.md). Zonder collector tijdens het lezen of schrijven is dat lineair; daarna
staat hij weer aan (als hij aan stond) en ruimt hij op zoals altijd.
"""

from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def zonder_cyclische_gc():
    """Context (en decorator): de collector uit zolang het blok loopt, daarna zoals hij was, ook na een fout."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
