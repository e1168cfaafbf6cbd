"""Rekenmethode §2.3 (DUVO-besteding) en §2.5 (bovenregionale plaatsingen), met de hand uitgerekend."""

from __future__ import annotations

import numpy as np
import pytest

from tariefmodel.landelijk.duvo import (
    bestedingsgat,
    bestedingsgraad,
    duvo_overzicht,
    financieringstekort,
    kosten_normcapaciteit,
    landelijk_per_jaar,
)
from tariefmodel.landelijk.invoer import DuvoRegel, Plaatsing
from tariefmodel.landelijk.plaatsingen import (
    aandeel_bovenregionaal,
    instroom_van_buiten,
    prijs_per_plaatsing,
    stroommatrix,
    totaal_opgevangen,
    uitstroom_naar_buiten,
    verrekening,
)


def test_bestedingsgat_en_graad():
    # 1.000.000 − 600.000 − 250.000 = 150.000; graad 600.000 / 1.000.000 = 0,6
    assert bestedingsgat(1_000_000, 600_000, 250_000) == pytest.approx(150_000)
    assert bestedingsgraad(600_000, 1_000_000) == pytest.approx(0.6)
    assert bestedingsgat(1_000_000, 600_000) == pytest.approx(400_000)  # overig leeg = 0
    assert bestedingsgat(1_000_000, 900_000, 300_000) == pytest.approx(-200_000)  # gemeente legt bij
    assert bestedingsgraad(1, 0) is None


def test_kosten_normcapaciteit_en_financieringstekort():
    # 250.000 inwoners -> Istanbul-norm 25 plaatsen × 80.000 = 2.000.000; − besteding 600.000 = 1.400.000
    assert kosten_normcapaciteit(25, 80_000) == pytest.approx(2_000_000)
    assert financieringstekort(25, 80_000, 600_000) == pytest.approx(1_400_000)


def test_duvo_overzicht_en_landelijke_totalen():
    regels = [DuvoRegel("B", 2024, 500_000, 450_000, 100_000), DuvoRegel("A", 2024, 1_000_000, 600_000, 250_000),
              DuvoRegel("A", 2023, 900_000, 500_000, None)]
    uit = duvo_overzicht(regels, {"A": 25.0, "B": 10.0}, {"A": 12, "B": None}, 80_000)
    assert [(d.centrumgemeente, d.jaar) for d in uit] == [("A", 2023), ("A", 2024), ("B", 2024)]
    a24 = uit[1]
    assert a24.financieringstekort == pytest.approx(1_400_000)
    assert a24.kosten_capaciteit_weigerkans == pytest.approx(960_000)  # 12 × 80.000
    assert a24.financieringstekort_weigerkans == pytest.approx(360_000)
    assert uit[2].kosten_capaciteit_weigerkans is None
    jaren = landelijk_per_jaar(uit)
    assert [j.jaar for j in jaren] == [2023, 2024]
    j24 = jaren[1]
    # 2024: uitkering 1,5 mln; VO 1,05 mln; overig 0,35 mln; gat 150k + (−50k) = 100k; graad 1,05/1,5 = 0,7
    assert (j24.aantal_regios, j24.uitkering, j24.besteding_vrouwenopvang, j24.besteding_overig) == (
        2, pytest.approx(1_500_000), pytest.approx(1_050_000), pytest.approx(350_000))
    assert j24.bestedingsgat == pytest.approx(100_000)
    assert j24.bestedingsgraad == pytest.approx(0.7)
    # normcapaciteit: (25 + 10) × 80.000 = 2,8 mln; tekort 2,8 mln − 1,05 mln = 1,75 mln
    assert j24.kosten_normcapaciteit == pytest.approx(2_800_000)
    assert j24.financieringstekort == pytest.approx(1_750_000)


# Plaatsingen (met de hand): X->X 70, Y->X 20, Z->X 10, X->Y 5, Y->Y 40, Z->Y 15; W komt niet voor.
REGIOS = ["X", "Y", "Z", "W"]
RIJEN = [Plaatsing("X", "X", 70), Plaatsing("Y", "X", 20), Plaatsing("Z", "X", 10), Plaatsing("X", "Y", 5),
         Plaatsing("Y", "Y", 40), Plaatsing("Z", "Y", 15)]


def test_instroom_uitstroom_netto_aandeel():
    m = stroommatrix(RIJEN, REGIOS)
    # instroom van buiten: X 20 + 10 = 30; Y 5 + 15 = 20; Z 0; W 0
    assert instroom_van_buiten(m) == pytest.approx([30, 20, 0, 0])
    # uitstroom naar buiten: X 5; Y 20; Z 10 + 15 = 25; W 0
    assert uitstroom_naar_buiten(m) == pytest.approx([5, 20, 25, 0])
    # totaal opgevangen: X 100, Y 60; aandeel X 30/100 = 0,3; Y 20/60 = 1/3; Z en W: niemand opgevangen
    assert totaal_opgevangen(m) == pytest.approx([100, 60, 0, 0])
    aandeel = aandeel_bovenregionaal(m)
    assert aandeel[:2] == pytest.approx([0.3, 1 / 3])
    assert np.isnan(aandeel[2]) and np.isnan(aandeel[3])


def test_verrekening_vast_bedrag():
    m = stroommatrix(RIJEN, REGIOS)
    v = verrekening(m, prijs_per_plaatsing(1000, 80_000, np.array([np.nan] * 4), 365, 0.85))
    # ontvangen X 30 × 1000; Y 20 × 1000. Betaald X 5k, Y 20k, Z 25k. Saldo X +25k, Y 0, Z −25k
    assert v.ontvangen == pytest.approx([30_000, 20_000, 0, 0])
    assert v.betaald == pytest.approx([5_000, 20_000, 25_000, 0])
    assert v.saldo == pytest.approx([25_000, 0, -25_000, 0])


def test_verrekening_uit_bezette_etmalen():
    # §2.5 (v2): c = 73.000, bezettingsnorm 0,8 -> per bezet etmaal 73.000 / (365 · 0,8) = 250;
    # d_X = 50 dagen -> 250 · 50 = 12.500; d_Y = 36,5 -> 9.125
    prijs = prijs_per_plaatsing(None, 73_000, np.array([50, 36.5, np.nan, np.nan]), 365, 0.8)
    assert prijs[:2] == pytest.approx([12_500, 9_125])
    v = verrekening(stroommatrix(RIJEN, REGIOS), prijs)
    # ontvangen X 30 × 12.500 = 375.000; Y 20 × 9.125 = 182.500
    # betaald X 5 × 9.125 = 45.625; Y 20 × 12.500 = 250.000; Z 10 × 12.500 + 15 × 9.125 = 261.875
    assert v.ontvangen == pytest.approx([375_000, 182_500, 0, 0])
    assert v.betaald == pytest.approx([45_625, 250_000, 261_875, 0])
    assert v.saldo == pytest.approx([329_375, -67_500, -261_875, 0])
    assert v.saldo.sum() == pytest.approx(0)


def test_verrekening_zonder_prijs_is_onbekend_alleen_waar_stromen_zijn():
    # Y heeft geen verblijfsduur: de stromen naar Y (X->Y, Z->Y) zijn onbekend; W blijft 0
    v = verrekening(stroommatrix(RIJEN, REGIOS), prijs_per_plaatsing(None, 73_000,
                                                                     np.array([50, np.nan, 40, 40]), 365, 0.8))
    assert np.isnan(v.ontvangen[1]) and np.isnan(v.betaald[0]) and np.isnan(v.betaald[2])
    assert v.ontvangen[0] == pytest.approx(375_000)  # Y->X 20 + Z->X 10 tegen 12.500
    assert v.saldo[3] == 0
