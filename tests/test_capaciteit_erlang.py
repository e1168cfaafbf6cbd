"""Rekenmethode §2.4a (v2): Erlang B en C, terugrekenen van opnames naar vraag, ρ*, benodigde plaatsen.

De controlewaarden komen uit de bronnen (capaciteit-bronnen: M/M/16, M/M/20, ρ*) en uit Erlang-B-tabellen.
Erlang C wordt vergeleken met een onafhankelijke berekening: de somformule uit het leerboek,
exact uitgerekend met breuken (fractions), niet met de recursie van de code.
"""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from tariefmodel.capaciteit import erlang as e


def _erlang_b_exact(n: int, a: Fraction) -> Fraction:
    """B = (A^N/N!) / Σ_{k=0..N} A^k/k! (leerboek), exact."""
    termen = [a ** k / math.factorial(k) for k in range(n + 1)]
    return termen[-1] / sum(termen)


def _erlang_c_exact(n: int, a: Fraction) -> Fraction:
    """C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)) (leerboek, A < N), exact."""
    staart = a ** n / math.factorial(n) * n / (n - a)
    return staart / (sum(a ** k / math.factorial(k) for k in range(n)) + staart)


def _erlang_b_log(n: int, a: float) -> float:
    """B in logaritmen (lgamma) voor grote N: onafhankelijk van de recursie."""
    termen = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    grootste = max(termen)
    return math.exp(termen[-1] - grootste) / sum(math.exp(t - grootste) for t in termen)


# --- controlewaarden uit de bronnen ------------------------------------------------------------------

def test_mm16_verblijf_60_dagen_op_95_procent_wacht_58_komma_5_dagen():
    # capaciteit-bronnen: P(wachten) 0,78 en gemiddeld 58,5 dagen; bij 85% ongeveer 11 dagen.
    assert e.kans_wachten(16, 15.2) == pytest.approx(0.78, abs=0.005)
    assert e.gemiddelde_wachttijd(16, 15.2, 60) == pytest.approx(58.5, abs=0.05)
    assert e.gemiddelde_wachttijd(16, 16 * 0.85, 60) == pytest.approx(11, abs=0.5)


def test_mm20_verblijf_259_dagen_op_92_procent_wacht_101_komma_6_dagen():
    assert e.gemiddelde_wachttijd(20, 18.4, 259) == pytest.approx(101.6, abs=0.05)


@pytest.mark.parametrize("plaatsen, verwacht", [(3, 0.285), (16, 0.685), (20, 0.724)])
def test_bezetting_bij_weigerkans_5_procent(plaatsen, verwacht):
    rho = e.bezetting_bij_weigerkans(plaatsen, 0.05)
    assert rho == pytest.approx(verwacht, abs=0.0005)
    a_ster = rho * plaatsen / 0.95  # ρ* = A*(1 − ε)/N, dus A* = ρ*·N/(1 − ε); en B(N, A*) = ε
    assert float(_erlang_b_exact(plaatsen, Fraction(a_ster))) == pytest.approx(0.05, abs=1e-9)


@pytest.mark.parametrize("plaatsen, last, verwacht", [(10, 6.22, 0.050), (20, 15.25, 0.050), (10, 10.0, 0.2146)])
def test_erlang_b_tabelwaarden(plaatsen, last, verwacht):
    assert e.erlang_b(plaatsen, last) == pytest.approx(verwacht, abs=0.0005)


def test_tien_plaatsen_op_85_procent_gedragen_bezetting_weigert_33_procent():
    last = e.last_bij_gedragen_bezetting(10, 0.85)
    assert e.erlang_b(10, last) == pytest.approx(0.33, abs=0.005)
    assert last * (1 - float(_erlang_b_exact(10, Fraction(last)))) == pytest.approx(8.5, rel=1e-9)


# --- Erlang C tegen de exacte somformule --------------------------------------------------------------

@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 13, 20, 34])
@pytest.mark.parametrize("rho", [Fraction(1, 10), Fraction(1, 2), Fraction(4, 5), Fraction(19, 20), Fraction(99, 100)])
def test_erlang_c_gelijk_aan_exacte_somformule(n, rho):
    a = rho * n
    d, t = Fraction(60), Fraction(14)
    c = _erlang_c_exact(n, a)
    assert e.kans_wachten(n, float(a)) == pytest.approx(float(c), rel=1e-9)
    assert e.gemiddelde_wachttijd(n, float(a), 60) == pytest.approx(float(c * d / (n - a)), rel=1e-9)
    assert e.gemiddeld_wachtenden(n, float(a)) == pytest.approx(float(c * a / (n - a)), rel=1e-9)
    verwacht_staart = float(c) * math.exp(-float((n - a) * t / d))
    assert e.kans_wachttijd_langer_dan(n, float(a), 60, 14) == pytest.approx(verwacht_staart, rel=1e-9)


def test_erlang_c_met_de_hand_een_plaats():
    # M/M/1: C = ρ, W = ρ·d/(1 − ρ), L = ρ²/(1 − ρ). ρ = 0,5, d = 10: C 0,5, W 10 dagen, L 0,5.
    assert e.kans_wachten(1, 0.5) == pytest.approx(0.5)
    assert e.gemiddelde_wachttijd(1, 0.5, 10) == pytest.approx(10)
    assert e.gemiddeld_wachtenden(1, 0.5) == pytest.approx(0.5)


def test_wachtrij_zonder_grens_weigert():
    for last in (16.0, 17.5):
        with pytest.raises(ValueError, match="groeit zonder grens"):
            e.kans_wachten(16, last)


# --- numeriek: 1 tot 2.000 plaatsen, lasten tot 2.000 -------------------------------------------------

@pytest.mark.parametrize("n, a", [(1, 2000.0), (2000, 1.0), (2000, 1990.0), (2000, 2000.0), (1500, 1700.0)])
def test_erlang_b_geen_overloop_bij_grote_getallen(n, a):
    b = e.erlang_b(n, a)
    assert 0 <= b <= 1 and math.isfinite(b)
    assert b == pytest.approx(_erlang_b_log(n, a), rel=1e-9, abs=1e-300)


@pytest.mark.parametrize("n, a", [(2000, 1999.0), (2000, 1800.0), (1, 0.999)])
def test_erlang_c_geen_overloop_bij_grote_getallen(n, a):
    c = e.kans_wachten(n, a)
    assert 0 <= c <= 1 and math.isfinite(e.gemiddelde_wachttijd(n, a, 259))
    b = _erlang_b_log(n, a)
    assert c == pytest.approx(n * b / (n - a * (1 - b)), rel=1e-6)


def test_terugrekenen_opnames_naar_vraag_ook_dicht_bij_vol():
    for n, a in [(1, 0.5), (3, 2.99), (16, 15.9), (2000, 1997.0)]:
        last = e.last_uit_gedragen_last(n, a)
        assert last >= a
        assert last * (1 - _erlang_b_log(n, last)) == pytest.approx(a, rel=1e-9)
    assert e.last_uit_gedragen_last(10, 0.0) == 0.0
    with pytest.raises(ValueError):
        e.last_uit_gedragen_last(10, 10.0)


# --- benodigde plaatsen -------------------------------------------------------------------------------

@pytest.mark.parametrize("last", [0.3, 1.0, 6.22, 10.0, 37.5, 200.0, 2000.0])
@pytest.mark.parametrize("doel", [0.01, 0.05, 0.2])
def test_plaatsen_voor_weigerkans_is_het_kleinste_aantal(last, doel):
    n = e.plaatsen_voor_weigerkans(last, doel)
    assert _erlang_b_log(n, last) <= doel + 1e-12
    assert n == 0 or _erlang_b_log(n - 1, last) > doel
    assert n <= math.ceil(2 * last) + math.ceil(math.log2(1 / doel)) + 1  # de bovengrens uit de docstring


@pytest.mark.parametrize("last, d, doel", [(15.2, 60, 28), (18.4, 259, 28), (0.5, 30, 1), (14.19, 259, 28),
                                           (1500.0, 259, 28), (18.449, 259, 28)])
def test_plaatsen_voor_wachttijd_is_het_kleinste_aantal(last, d, doel):
    n = e.plaatsen_voor_wachttijd(last, d, doel)

    def w(k):  # onafhankelijk: W = C·d/(N − A) met C uit de lgamma-vorm van B
        b = _erlang_b_log(k, last)
        return k * b / (k - last * (1 - b)) * d / (k - last)
    assert n > last and w(n) <= doel
    assert n - 1 <= last or w(n - 1) > doel


def test_mm16_heeft_17_plaatsen_nodig_voor_vier_weken():
    # W(16) = 58,5 > 28; W(17) met A = 15,2: C(17) ≈ 0,49 → 0,49 · 60 / 1,8 ≈ 16 dagen ≤ 28.
    assert e.plaatsen_voor_wachttijd(15.2, 60, 28) == 17


def test_zonder_vraag_geen_plaatsen():
    assert e.plaatsen_voor_weigerkans(0.0, 0.05) == 0
    assert e.plaatsen_voor_wachttijd(0.0, 60, 28) == 0


@pytest.mark.parametrize("aanroep", [
    lambda: e.erlang_b(-1, 2.0), lambda: e.erlang_b(2.5, 2.0), lambda: e.erlang_b(3, -1.0),
    lambda: e.erlang_b(3, float("inf")), lambda: e.erlang_b(e.MAX_PLAATSEN + 1, 1.0),
    lambda: e.bezetting_bij_weigerkans(0, 0.05), lambda: e.bezetting_bij_weigerkans(5, 0.0),
    lambda: e.plaatsen_voor_weigerkans(2.0, 0.0), lambda: e.plaatsen_voor_wachttijd(2.0, 60, 0),
])
def test_ongeldige_invoer_geeft_valueerror(aanroep):
    with pytest.raises(ValueError):
        aanroep()


def test_terugrekenen_grote_regio_vlak_onder_vol_geeft_geen_fout():
    # De bovengrens a·N/(N − a) is hier ≈ 2·10^7 (boven MAX_LAST); de bisectie mag daar niet op stuklopen.
    n, a = 20_000, 19_979.0
    last = e.last_uit_gedragen_last(n, a)
    assert math.isfinite(last) and last > a
    assert last * (1 - _erlang_b_log(n, last)) == pytest.approx(a, rel=1e-9)


def test_erlang_b_reeks_is_de_recursie_in_een_doorloop():
    reeks = e.erlang_b_reeks(30, 12.5)
    assert len(reeks) == 31 and reeks[0] == 1.0
    for k in (1, 7, 30):
        assert reeks[k] == pytest.approx(float(_erlang_b_exact(k, Fraction(25, 2))), rel=1e-12)
