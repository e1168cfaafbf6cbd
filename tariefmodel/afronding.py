"""Afronding op centen, half van nul af, zoals Excel ROUND(x; 2) (rekenmethode.md §1.7)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
EURO = Decimal(1)


def rond_euro(x: float | None) -> float | None:
    """Rond een eurobedrag af op centen (half away from zero); None blijft None.

    Eerst naar 15 significante cijfers, zoals Excel intern rekent, zodat 2.675 -> 2.68.
    """
    return None if x is None else float(_rond(x, CENT))


def rond_hele_euro(x: float) -> int:
    """Rond af op hele euro's, half van nul af (ROUND(x; 0)): 2,50 -> 3, -2,50 -> -3."""
    return int(_rond(x, EURO))


def _rond(x: float, eenheid: Decimal) -> Decimal:
    return Decimal(f"{float(x):.15g}").quantize(eenheid, rounding=ROUND_HALF_UP)
