"""Rekenmethode §2.4: Erlang B, benodigde plaatsen, bezettingsgraad en Istanbul-norm.

Verwachte waarden komen uit gepubliceerde Erlang-B-tabellen, uit de tabel in kostprijs-bronnen.md §4.2
of zijn met de hand uitgerekend (in het commentaar). De gesloten vorm in ``_erlang_b_gesloten`` is een
onafhankelijke berekening (A^P/P! / Σ A^k/k!, in logaritmen), niet de recursie van de code.
"""

from __future__ import annotations

import math

import pytest

from tariefmodel.capaciteit.erlang import (
    erlang_b,
    last_bij_gedragen_bezetting,
    plaatsen_voor_weigerkans,
)
from tariefmodel.landelijk.capaciteit import (
    aangeboden_last,
    bezettingsgraad,
    istanbul_norm,
    istanbul_tekort,
    plaatsen_op_bezettingsnorm,
)


def _erlang_b_gesloten(n: int, a: float) -> float:
    """E_B(A, n) = (A^n / n!) / Σ_{k=0..n} A^k / k!, via log-som-exp zodat grote n niet overloopt."""
    termen = [k * math.log(a) - math.lgamma(k + 1) for k in range(n + 1)]
    grootste = max(termen)
    return math.exp(termen[-1] - grootste) / sum(math.exp(t - grootste) for t in termen)


@pytest.mark.parametrize("plaatsen, last, verwacht", [
    (10, 6.22, 0.050),  # rekenmethode §2.4 en gepubliceerde Erlang-B-tabel (10 lijnen, 5%: 6,216)
    (20, 15.25, 0.050),  # idem (20 lijnen, 5%: 15,249)
    (50, 44.53, 0.050),  # kostprijs-bronnen.md §4.2
    (10, 4.46, 0.010),  # 1%-kolom
    (100, 84.06, 0.010),  # 1%-kolom
])
def test_erlang_b_tabelwaarden(plaatsen, last, verwacht):
    assert erlang_b(plaatsen, last) == pytest.approx(verwacht, abs=0.0005)


def test_erlang_b_kleine_gevallen_met_de_hand():
    # B(0) = 1; B(1, A) = A / (1 + A); A = 2: B(1) = 2/3
    assert erlang_b(0, 2.0) == 1.0
    assert erlang_b(1, 2.0) == pytest.approx(2 / 3)
    # B(2, 2) = (2²/2!) / (1 + 2 + 2) = 2/5
    assert erlang_b(2, 2.0) == pytest.approx(0.4)
    # B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19
    assert erlang_b(3, 2.0) == pytest.approx(4 / 19)
    # B(5, 2) = (32/120) / (1 + 2 + 2 + 4/3 + 2/3 + 4/15) = 0,26667 / 7,26667
    assert erlang_b(5, 2.0) == pytest.approx((32 / 120) / (1 + 2 + 2 + 4 / 3 + 2 / 3 + 4 / 15))


def test_erlang_b_bij_last_nul():
    assert erlang_b(0, 0.0) == 1.0
    assert erlang_b(1, 0.0) == 0.0
    assert erlang_b(300, 0.0) == 0.0


@pytest.mark.parametrize("plaatsen, last", [(500, 480.0), (500, 600.0), (800, 700.0), (1000, 1200.0), (50, 0.3)])
def test_erlang_b_stabiel_bij_honderden_plaatsen(plaatsen, last):
    b = erlang_b(plaatsen, last)
    assert 0 < b < 1 and math.isfinite(b)
    assert b == pytest.approx(_erlang_b_gesloten(plaatsen, last), rel=1e-9)


def test_erlang_b_daalt_met_plaatsen_en_stijgt_met_last():
    assert erlang_b(11, 6.22) < erlang_b(10, 6.22) < erlang_b(9, 6.22)
    assert erlang_b(10, 6.0) < erlang_b(10, 6.22) < erlang_b(10, 7.0)


def test_tien_plaatsen_op_85_procent_gedragen_bezetting_weigert_een_derde():
    # kostprijs-bronnen.md §4.2: bij 85% bezetting weigert een eenheid van 10 plaatsen ≈ 33%,
    # 20 plaatsen ≈ 17%, 50 plaatsen ≈ 5%, 100 plaatsen ≈ 1,5%
    for plaatsen, verwacht in [(10, 0.33), (20, 0.17), (50, 0.05), (100, 0.015)]:
        last = last_bij_gedragen_bezetting(plaatsen, 0.85)
        assert last * (1 - erlang_b(plaatsen, last)) == pytest.approx(0.85 * plaatsen)
        assert erlang_b(plaatsen, last) == pytest.approx(verwacht, abs=0.006)


def test_plaatsen_voor_weigerkans():
    # A = 2: B(2) = 0,4 > 0,25 en B(3) = 4/19 ≈ 0,21 ≤ 0,25, dus 3 plaatsen
    assert plaatsen_voor_weigerkans(2.0, 0.25) == 3
    # A = 10: B(14, 10) ≈ 0,057 > 5%, B(15, 10) ≈ 0,036: 15 plaatsen (Erlang-B-tabel: 15 lijnen dragen 10,63)
    assert plaatsen_voor_weigerkans(10.0, 0.05) == 15
    # A = 6,22 geeft B(10) = 0,0501 > 0,05 (net): 11; A = 6,2 geeft B(10) ≤ 0,05: 10
    assert plaatsen_voor_weigerkans(6.22, 0.05) == 11
    assert plaatsen_voor_weigerkans(6.2, 0.05) == 10
    assert plaatsen_voor_weigerkans(0.0, 0.05) == 0  # geen vraag, geen plaatsen
    assert plaatsen_voor_weigerkans(5.0, 1.0) == 0  # B(0) = 1 ≤ 1
    assert plaatsen_voor_weigerkans(480.0, 0.05) == pytest.approx(480, abs=15)  # groot en eindig


def test_plaatsen_op_bezettingsnorm():
    assert plaatsen_op_bezettingsnorm(8.5, 0.85) == 10  # 8,5 / 0,85 = 10 precies, niet 11
    assert plaatsen_op_bezettingsnorm(8.6, 0.85) == 11  # 10,12 -> 11
    assert plaatsen_op_bezettingsnorm(10.0, 0.85) == 12  # 11,76 -> 12
    assert plaatsen_op_bezettingsnorm(0.0, 0.85) == 0
    assert plaatsen_op_bezettingsnorm(8.5) == 10  # standaard bezettingsnorm 0,85 uit de YAML


def test_bezettingsgraad_en_last():
    # 100 cliënten × 31,025 dagen / 365 = 8,5 plaatsen gemiddeld bezet; op 10 plaatsen 85%
    assert aangeboden_last(100, 31.025) == pytest.approx(8.5)
    assert bezettingsgraad(100, 31.025, 10) == pytest.approx(0.85)
    assert bezettingsgraad(73, 50, 10, dagen_per_jaar=365) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="meer dan 0 plaatsen"):
        bezettingsgraad(10, 10, 0)


def test_istanbul_norm():
    assert istanbul_norm(18_000_000) == pytest.approx(1800)  # duvo-bronnen.md §4: ≈ 1.800 plaatsen
    assert istanbul_norm(250_000) == pytest.approx(25)
    assert istanbul_tekort(250_000, 10) == pytest.approx(15)
    assert istanbul_tekort(100_000, 12) == pytest.approx(-2)  # meer plaatsen dan de norm
    assert istanbul_norm(250_000, inwoners_per_plaats=5000) == pytest.approx(50)


@pytest.mark.parametrize("aanroep", [
    lambda: erlang_b(-1, 2.0), lambda: erlang_b(2.5, 2.0), lambda: erlang_b(3, -1.0),
    lambda: erlang_b(3, float("nan")), lambda: plaatsen_voor_weigerkans(2.0, 0.0),
    lambda: plaatsen_op_bezettingsnorm(2.0, 0.0), lambda: last_bij_gedragen_bezetting(10, 1.0),
])
def test_ongeldige_invoer_geeft_nederlandse_valueerror(aanroep):
    with pytest.raises(ValueError, match="moet|vraagt"):
        aanroep()
