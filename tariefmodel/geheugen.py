"""Het geheugenbeheer van glibc afgestemd op rekenen met reeksen scenario's (issue 17, docs/prestaties.md).

Eén ``bereken`` over 10.000 scenario's maakt ~150 numpy-reeksen van 80 kB (de uitkomsten per product) en geeft
ze aan het eind allemaal terug. Met de standaardinstellingen geeft glibc dat geheugen meteen aan het systeem
terug (trimmen boven 128 kB) en vraagt het de volgende keer opnieuw: ~2.000 paginafouten per doorloop, de helft
van de rekentijd. Met een hogere terugeefdrempel blijft het geheugen in het proces en wordt het hergebruikt;
grote blokken (vanaf 16 MB) gaan zoals altijd via mmap en direct terug. Zelfde gedrag als de omgevingsvariabelen
MALLOC_TRIM_THRESHOLD_ en MALLOC_MMAP_THRESHOLD_ (glibc, mallopt(3)); wie die zelf zet, houdt zijn keuze.
"""

from __future__ import annotations

import functools
import os
import sys

TERUGGEEFDREMPEL = 64 * 2**20  # bytes vrij boven in de heap voordat glibc ze teruggeeft (M_TRIM_THRESHOLD)
MMAP_DREMPEL = 16 * 2**20  # blokken vanaf deze grootte via mmap (M_MMAP_THRESHOLD)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # de parameternummers uit glibc's malloc.h


@functools.cache
def geheugen_voor_reeksen() -> bool:
    """Stel glibc één keer per proces in (mallopt); False als dat niet kan (geen Linux/glibc) of als de
    gebruiker MALLOC_-variabelen zelf heeft gezet."""
    if not sys.platform.startswith("linux") or any(n.startswith("MALLOC_") for n in os.environ):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_TRIM_THRESHOLD, TERUGGEEFDREMPEL) and libc.mallopt(_M_MMAP_THRESHOLD, MMAP_DREMPEL))
    except (OSError, AttributeError):  # geen glibc (bijv. musl): standaardgedrag
        return False
