"""Bovenregionale plaatsingen: instroom, uitstroom, netto, aandeel en verrekening (rekenmethode.md §2.5).

Werkt met een stroommatrix M[h, o] = aantal plaatsingen van herkomstregio h in opvangregio o.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tariefmodel.landelijk.invoer import Plaatsing


def stroommatrix(plaatsingen: Iterable[Plaatsing], regios: Sequence[str]) -> np.ndarray:
    """M[h, o]: som van Aantal per (herkomst, opvangregio)."""
    index = {naam: i for i, naam in enumerate(regios)}
    m = np.zeros((len(regios), len(regios)))
    for p in plaatsingen:
        m[index[p.herkomst], index[p.opvangregio]] += p.aantal
    return m


def instroom_van_buiten(m: np.ndarray) -> np.ndarray:
    """§2.5: per opvangregio o, Σ_{h ≠ o} M[h, o]."""
    return m.sum(axis=0) - np.diag(m)


def uitstroom_naar_buiten(m: np.ndarray) -> np.ndarray:
    """§2.5: per herkomstregio h, Σ_{o ≠ h} M[h, o]."""
    return m.sum(axis=1) - np.diag(m)


def totaal_opgevangen(m: np.ndarray) -> np.ndarray:
    """§2.5: per opvangregio, alle plaatsingen daar (eigen regio en van buiten)."""
    return m.sum(axis=0)


def aandeel_bovenregionaal(m: np.ndarray) -> np.ndarray:
    """§2.5: instroom van buiten / totaal opgevangen; NaN als een regio niemand opving."""
    totaal = totaal_opgevangen(m)
    return np.divide(instroom_van_buiten(m), totaal, out=np.full(totaal.shape, np.nan), where=totaal > 0)


def prijs_per_bezet_etmaal(kosten_per_plaats: float, dagen_per_jaar: float, bezettingsnorm: float) -> float:
    """§2.5 (v2): de kosten van een **bezet** etmaal, c / (dagen_per_jaar · bezettingsnorm).

    Een plaats kost c per jaar maar is op de norm maar ``bezettingsnorm`` van de dagen bezet; de kosten per
    beschikbare plaatsdag (c / 365) betalen een opvangregio bij 85 % dus ca. 15 % te weinig.
    """
    return kosten_per_plaats / (dagen_per_jaar * bezettingsnorm)


def prijs_per_plaatsing(kosten_per_plaatsing: float | None, kosten_per_plaats: float,
                        verblijfsduur: np.ndarray, dagen_per_jaar: float, bezettingsnorm: float) -> np.ndarray:
    """Verrekenbedrag per plaatsing in elke opvangregio (rekenmethode §2.5 v2, docs/landelijk.md).

    Gezet ``kosten_per_plaatsing``: dat vaste bedrag. Leeg: de kosten per bezet etmaal maal de gemiddelde
    verblijfsduur d_o van de opvangregio, c / (dagen_per_jaar · bezettingsnorm) · d_o (NaN als d_o ontbreekt).
    """
    d = np.asarray(verblijfsduur, dtype=float)
    if kosten_per_plaatsing is not None:
        return np.full(d.shape, float(kosten_per_plaatsing))
    return prijs_per_bezet_etmaal(kosten_per_plaats, dagen_per_jaar, bezettingsnorm) * d


@dataclass(frozen=True, eq=False)
class Verrekening:
    prijs: np.ndarray  # per opvangregio
    ontvangen: np.ndarray  # per regio: voor opvang van buiten
    betaald: np.ndarray  # per regio: voor eigen inwoners elders
    saldo: np.ndarray  # ontvangen − betaald; Σ saldo = 0


def verrekening(m: np.ndarray, prijs: np.ndarray) -> Verrekening:
    """§2.5: wat elke regio ontvangt en betaalt als bovenregionale plaatsingen verrekend worden.

    De herkomstregio betaalt de prijs van de opvangregio. Een stroom zonder bekende prijs maakt de
    bedragen van de twee betrokken regio's onbekend (NaN); regio's zonder stromen krijgen 0.
    """
    buiten = m * (1 - np.eye(len(m)))
    bedrag = np.where(buiten > 0, buiten * prijs[None, :], 0.0)
    ontvangen, betaald = bedrag.sum(axis=0), bedrag.sum(axis=1)
    return Verrekening(prijs, ontvangen, betaald, ontvangen - betaald)
