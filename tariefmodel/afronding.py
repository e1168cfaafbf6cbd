"""Afronding op centen, half van nul af, zoals Excel ROUND(x; 2) (rekenmethode.md §1.7)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def rond_euro(x: float | None) -> float | None:
    """Rond een eurobedrag af op centen (half away from zero); None blijft None.

    Eerst naar 15 significante cijfers, zoals Excel intern rekent, zodat 2.675 -> 2.68.
    """
    if x is None:
        return None
    return float(Decimal(f"{float(x):.15g}").quantize(CENT, rounding=ROUND_HALF_UP))
