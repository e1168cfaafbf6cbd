"""Bovenregionale plaatsingen: instroom, uitstroom, netto, aandeel en verrekening (rekenmethode.md §2.5).

Werkt met een stroommatrix M[h, o] = aantal plaatsingen van herkomstregio h in opvangregio o.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from tariefmodel.landelijk.invoer import Plaatsing


@dataclass(frozen=True, eq=False)
class Stroommatrix:
    """M[h, o] als lijst van stromen (herkomst-index, opvang-index, aantal), niet als vol N × N-blok.

    Sommen per rij, kolom en diagonaal zijn bincounts over de stromen: geheugen en tijd groeien met het aantal
    regels van het blad Plaatsingen, niet met het kwadraat van het aantal regio's (bij 35.000 regio's zou het volle
    blok 9,8 GB zijn; issue 17).
    """

    n: int
    herkomst: np.ndarray
    opvang: np.ndarray
    aantal: np.ndarray

    def kolomsom(self) -> np.ndarray:
        return np.bincount(self.opvang, self.aantal, minlength=self.n)

    def rijsom(self) -> np.ndarray:
        return np.bincount(self.herkomst, self.aantal, minlength=self.n)

    def diagonaal(self) -> np.ndarray:
        eigen = self.herkomst == self.opvang
        return np.bincount(self.herkomst[eigen], self.aantal[eigen], minlength=self.n)

    def totaal(self) -> float:
        return float(self.aantal.sum())

    def spoor(self) -> float:
        return float(self.aantal[self.herkomst == self.opvang].sum())

    def toarray(self) -> np.ndarray:
        """Het volle blok (alleen voor kleine aantallen regio's: controle en weergave)."""
        m = np.zeros((self.n, self.n))
        np.add.at(m, (self.herkomst, self.opvang), self.aantal)
        return m


def stroommatrix(plaatsingen: Iterable[Plaatsing], regios: Sequence[str]) -> Stroommatrix:
    """M[h, o]: som van Aantal per (herkomst, opvangregio)."""
    index = {naam: i for i, naam in enumerate(regios)}
    rijen = [(index[p.herkomst], index[p.opvangregio], p.aantal) for p in plaatsingen]
    h, o, a = zip(*rijen) if rijen else ((), (), ())
    return Stroommatrix(len(regios), np.array(h, dtype=np.intp), np.array(o, dtype=np.intp), np.array(a, dtype=float))


def instroom_van_buiten(m: Stroommatrix) -> np.ndarray:
    """§2.5: per opvangregio o, Σ_{h ≠ o} M[h, o]."""
    return m.kolomsom() - m.diagonaal()


def uitstroom_naar_buiten(m: Stroommatrix) -> np.ndarray:
    """§2.5: per herkomstregio h, Σ_{o ≠ h} M[h, o]."""
    return m.rijsom() - m.diagonaal()


def totaal_opgevangen(m: Stroommatrix) -> np.ndarray:
    """§2.5: per opvangregio, alle plaatsingen daar (eigen regio en van buiten)."""
    return m.kolomsom()


def aandeel_bovenregionaal(m: Stroommatrix) -> np.ndarray:
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


def verrekening(m: Stroommatrix, prijs: np.ndarray) -> Verrekening:
    """§2.5: wat elke regio ontvangt en betaalt als bovenregionale plaatsingen verrekend worden.

    De herkomstregio betaalt de prijs van de opvangregio. Een stroom zonder bekende prijs maakt de
    bedragen van de twee betrokken regio's onbekend (NaN); regio's zonder stromen krijgen 0.
    """
    buiten = (m.herkomst != m.opvang) & (m.aantal > 0)
    bedrag = m.aantal[buiten] * prijs[m.opvang[buiten]]  # per stroom: de prijs van de opvangregio
    ontvangen = np.bincount(m.opvang[buiten], bedrag, minlength=m.n)
    betaald = np.bincount(m.herkomst[buiten], bedrag, minlength=m.n)
    return Verrekening(prijs, ontvangen, betaald, ontvangen - betaald)
