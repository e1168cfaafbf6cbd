"""Bovenregionale plaatsingen: instroom, uitstroom, netto, aandeel en verrekening (rekenmethode.md §2.5).

Werkt met de stromen M[h, o] = aantal plaatsingen van herkomstregio h in opvangregio o, **ijl** opgeslagen:
alleen de ingevulde combinaties (docs/veiligheid.md: geen N×N-matrix, die bij 9.000 regio's 600 MB is).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tariefmodel.landelijk.invoer import Plaatsing


@dataclass(frozen=True, eq=False)
class Stromen:
    """IJle stroommatrix: per ingevulde combinatie herkomst-index, opvang-index en aantal (opgeteld)."""

    herkomst: np.ndarray  # int
    opvang: np.ndarray  # int
    aantal: np.ndarray  # float
    regios: int

    @property
    def buiten(self) -> np.ndarray:
        """Per stroom: het aantal als herkomst en opvangregio verschillen, anders 0."""
        return np.where(self.herkomst != self.opvang, self.aantal, 0.0)

    def som(self) -> float:
        return float(self.aantal.sum())

    def spoor(self) -> float:
        """Σ M[r, r]: plaatsingen in de eigen regio."""
        return float(self.aantal[self.herkomst == self.opvang].sum())

    def _per(self, index: np.ndarray, gewicht: np.ndarray) -> np.ndarray:
        return np.bincount(index, weights=gewicht, minlength=self.regios).astype(float)


def stroommatrix(plaatsingen: Iterable[Plaatsing], regios: Sequence[str]) -> Stromen:
    """M[h, o]: som van Aantal per (herkomst, opvangregio), ijl."""
    index = {naam: i for i, naam in enumerate(regios)}
    som: dict[tuple[int, int], float] = {}
    for p in plaatsingen:
        sleutel = (index[p.herkomst], index[p.opvangregio])
        som[sleutel] = som.get(sleutel, 0.0) + p.aantal
    h = np.fromiter((k[0] for k in som), dtype=np.int64, count=len(som))
    o = np.fromiter((k[1] for k in som), dtype=np.int64, count=len(som))
    return Stromen(h, o, np.fromiter(som.values(), dtype=float, count=len(som)), len(regios))


def instroom_van_buiten(m: Stromen) -> np.ndarray:
    """§2.5: per opvangregio o, Σ_{h ≠ o} M[h, o]."""
    return m._per(m.opvang, m.buiten)


def uitstroom_naar_buiten(m: Stromen) -> np.ndarray:
    """§2.5: per herkomstregio h, Σ_{o ≠ h} M[h, o]."""
    return m._per(m.herkomst, m.buiten)


def totaal_opgevangen(m: Stromen) -> np.ndarray:
    """§2.5: per opvangregio, alle plaatsingen daar (eigen regio en van buiten)."""
    return m._per(m.opvang, m.aantal)


def aandeel_bovenregionaal(m: Stromen) -> np.ndarray:
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


def verrekening(m: Stromen, prijs: np.ndarray) -> Verrekening:
    """§2.5: wat elke regio ontvangt en betaalt als bovenregionale plaatsingen verrekend worden.

    De herkomstregio betaalt de prijs van de opvangregio. Een stroom zonder bekende prijs maakt de
    bedragen van de twee betrokken regio's onbekend (NaN); regio's zonder stromen krijgen 0.
    """
    buiten = m.buiten
    with np.errstate(invalid="ignore"):
        bedrag = np.where(buiten > 0, buiten * prijs[m.opvang], 0.0) if len(buiten) else buiten
    ontvangen, betaald = m._per(m.opvang, bedrag), m._per(m.herkomst, bedrag)
    return Verrekening(prijs, ontvangen, betaald, ontvangen - betaald)
