"""Rekenmethode §2.1-2.2: objectieve en historische verdeling, ingroeipad, zachte landing, plaatsen.

De getallen in het commentaar zijn met de hand uitgerekend; de eigenschapstests (hypothesis) controleren
de budgetneutraliteit over willekeurige invoer.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tariefmodel.landelijk.verdeelmodel import (
    BudgetNietNeutraal,
    herverdeling,
    historische_verdeling,
    infasering,
    klasse,
    objectieve_verdeling,
    plaatsen_effect,
    verdeel,
    verdeelsleutel,
    zachte_landing,
)

# Drie regio's, twee maatstaven (met de hand):
#   M1: 200, 300, 500 (Σ 1000) -> 0,2 0,3 0,5;  M2: 50, 150, 300 (Σ 500) -> 0,1 0,3 0,6
#   aandelen g = 0,6 en 0,4 -> sleutel A = 0,6·0,2 + 0,4·0,1 = 0,16; B = 0,18 + 0,12 = 0,30; C = 0,30 + 0,24 = 0,54
MAATSTAVEN = [[200, 50], [300, 150], [500, 300]]
AANDELEN = [0.6, 0.4]
HISTORISCH = [300, 300, 400]  # -> 0,3 0,3 0,4
JAREN = [2025, 2026, 2027]
BUDGET = [1_000_000, 1_000_000, 1_200_000]
ALFA = [0.0, 0.5, 1.0]


def test_verdeelsleutel_met_de_hand():
    assert verdeelsleutel(AANDELEN, MAATSTAVEN) == pytest.approx([0.16, 0.30, 0.54])


def test_objectief_historisch_en_ingroeipad_met_de_hand():
    h = historische_verdeling(BUDGET, HISTORISCH)
    o = objectieve_verdeling(BUDGET, AANDELEN, MAATSTAVEN)
    a = infasering(h, o, ALFA)
    # 2025: α = 0 -> A = H = 300k, 300k, 400k
    assert a[0] == pytest.approx([300_000, 300_000, 400_000])
    # 2026: O = 160k, 300k, 540k; A = ½H + ½O = 230k, 300k, 470k
    assert o[1] == pytest.approx([160_000, 300_000, 540_000])
    assert a[1] == pytest.approx([230_000, 300_000, 470_000])
    # 2027: budget 1,2 mln, α = 1: H = 360k, 360k, 480k; A = O = 192k, 360k, 648k
    assert h[2] == pytest.approx([360_000, 360_000, 480_000])
    assert a[2] == pytest.approx([192_000, 360_000, 648_000])


def test_herverdeling_winnaars_verliezers_en_plaatsen():
    v = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, None)
    # Δ = A(2027) − H(2027) = −168k, 0, +168k
    assert v.herverdeling == pytest.approx([-168_000, 0, 168_000])
    assert list(klasse(v.herverdeling)) == [-1, 0, 1]
    # c = 80.000: verliezer −168k / 80k = −2,1 plaatsen; winnaar met reactie 0: 0
    effect = plaatsen_effect(v.herverdeling, 80_000, 1.0, 0.0)
    assert effect == pytest.approx([-2.1, 0, 0])
    assert effect.sum() == pytest.approx(-2.1)
    # reactie_voordeel = reactie_nadeel: netto 0 (herverdeling is budgetneutraal)
    assert plaatsen_effect(v.herverdeling, 80_000, 1.0, 1.0).sum() == pytest.approx(0, abs=1e-9)
    # halve reactie aan beide kanten: −1,05 en +1,05
    assert plaatsen_effect(v.herverdeling, 80_000, 0.5, 0.5) == pytest.approx([-1.05, 0, 1.05])


def test_zachte_landing_met_de_hand_drie_regios():
    v = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, max_verlies=0.10)
    # 2026: vloor A = 0,9 · 300k = 270k, zonder landing 230k -> pot 40k; enige winnaar C (winst 70k)
    #       levert 40k in: 470k -> 430k. Resultaat 270k, 300k, 430k
    assert v.toegekend[1] == pytest.approx([270_000, 300_000, 430_000])
    # 2027: vloer 0,9 · 360k = 324k, zonder landing 192k -> pot 132k; C: 648k − 132k = 516k
    assert v.toegekend[2] == pytest.approx([324_000, 360_000, 516_000])
    assert v.knelpuntenpot == pytest.approx([0, 40_000, 132_000])
    assert v.herverdeling == pytest.approx([-36_000, 0, 36_000])
    assert v.budgetneutraal


def test_zachte_landing_naar_rato_van_de_winst():
    # H = 100 per regio; zonder landing 50, 90, 140, 120 (Σ 400). max_verlies 0,2 -> vloer 80.
    # Regio 1 krijgt 30 aanvulling (pot 30); regio 2 (90 ≥ 80) niets.
    # Winst: regio 3 40, regio 4 20 -> regio 3 levert 30·40/60 = 20 in, regio 4 30·20/60 = 10.
    a, pot = zachte_landing([[50, 90, 140, 120]], [[100, 100, 100, 100]], 0.2)
    assert a[0] == pytest.approx([80, 90, 120, 110])
    assert pot == pytest.approx([30])


def test_zachte_landing_zonder_plafond_en_met_nul():
    a, pot = zachte_landing([[50, 150]], [[100, 100]], None)
    assert a[0] == pytest.approx([50, 150]) and pot == pytest.approx([0])
    # max_verlies 0: niemand verliest, dus de winnaar houdt niets over: terug naar historisch
    a, pot = zachte_landing([[50, 150]], [[100, 100]], 0.0)
    assert a[0] == pytest.approx([100, 100]) and pot == pytest.approx([50])


def test_verdeel_weigert_aandelen_die_niet_optellen_tot_een():
    with pytest.raises(BudgetNietNeutraal):
        verdeel([2025], [1000], [1.0], [1, 1], [0.5, 0.4], [[1, 1], [2, 3]], None)


# --- Eigenschappen over willekeurige invoer (hypothesis) --------------------------------------------------

@st.composite
def verdeelinvoer(draw):
    n = draw(st.integers(1, 40))
    k = draw(st.integers(1, 4))
    t = draw(st.integers(1, 10))
    positief = st.floats(0.01, 1e9, allow_nan=False, allow_infinity=False)
    niet_negatief = st.one_of(st.just(0.0), positief)
    budget = draw(st.lists(st.floats(1.0, 1e10), min_size=t, max_size=t))
    alfa = draw(st.lists(st.floats(0.0, 1.0), min_size=t, max_size=t))
    historisch = draw(st.lists(niet_negatief, min_size=n, max_size=n).filter(lambda h: sum(h) > 0))
    kolommen = [draw(st.lists(niet_negatief, min_size=n, max_size=n).filter(lambda x: sum(x) > 0)) for _ in range(k)]
    ruw = draw(st.lists(st.floats(0.0, 1.0), min_size=k, max_size=k).filter(lambda g: sum(g) > 0.01))
    aandelen = [g / sum(ruw) for g in ruw]
    max_verlies = draw(st.one_of(st.none(), st.floats(0.0, 1.0)))
    return list(range(2020, 2020 + t)), budget, alfa, historisch, aandelen, np.array(kolommen).T, max_verlies


@settings(max_examples=150, deadline=None)
@given(verdeelinvoer())
def test_budgetneutraal_elk_jaar(invoer):
    jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies = invoer
    v = verdeel(jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies)
    assert v.toegekend.sum(axis=1) == pytest.approx(budget, rel=1e-9)
    assert v.objectief.sum(axis=1) == pytest.approx(budget, rel=1e-9)
    assert v.historisch.sum(axis=1) == pytest.approx(budget, rel=1e-9)
    assert np.all(v.toegekend >= -1e-9 * max(budget))


@settings(max_examples=150, deadline=None)
@given(verdeelinvoer())
def test_zachte_landing_houdt_vloer_en_maakt_geen_winnaar_tot_verliezer(invoer):
    jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies = invoer
    v = verdeel(jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies)
    marge = 1e-9 * max(budget)
    if max_verlies is not None:
        assert np.all(v.toegekend >= (1 - max_verlies) * v.historisch - marge)
    winnaars = v.zonder_landing >= v.historisch
    assert np.all(v.toegekend[winnaars] >= v.historisch[winnaars] - marge)
    assert np.all(v.knelpuntenpot >= 0)


@settings(max_examples=100, deadline=None)
@given(verdeelinvoer(), st.floats(0.0, 1.0), st.floats(1_000, 500_000))
def test_gelijke_reactie_geeft_netto_nul_plaatsen(invoer, reactie, kosten):
    jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies = invoer
    v = verdeel(jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies)
    netto = plaatsen_effect(v.herverdeling, kosten, reactie, reactie).sum()
    assert netto == pytest.approx(0, abs=1e-9 * max(budget) / kosten + 1e-12)


def test_herverdeling_is_laatste_jaar():
    assert herverdeling([[1, 2], [3, 5]], [[1, 1], [4, 4]]) == pytest.approx([-1, 1])
