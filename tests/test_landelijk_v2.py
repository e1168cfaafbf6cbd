"""Rekenmethode v2 §2.1 (gefaseerd verlies, externe knelpuntenpot), §2.3 (bruto onderbesteding), §2.5 (verrekening
per bezet etmaal), tegen met de hand uitgerekende waarden.

Drie regio's (zelfde sleutels als tests/test_landelijk_verdeelmodel.py):
  objectieve sleutel A 0,16  B 0,30  C 0,54;  historisch 0,3  0,3  0,4.
  2015: budget 1.000.000, α 1,   β 0
        H = 300.000 / 300.000 / 400.000;  O = T = 160.000 / 300.000 / 540.000
        A verliest (T < H): A_A = 300.000 + 0·(−140.000) = 300.000; B = T = 300.000; C = T = 540.000
        Σ A = 1.140.000 -> knelpuntenpot 140.000
  2016: budget 1.200.000, α 0,5, β ⅓
        H = 360.000 / 360.000 / 480.000;  O = 192.000 / 360.000 / 648.000
        T = ½H + ½O = 276.000 / 360.000 / 564.000
        A_A = 360.000 + ⅓·(276.000 − 360.000) = 360.000 − 28.000 = 332.000; B 360.000; C 564.000
        Σ A = 1.256.000 -> knelpuntenpot 56.000
  2017: budget 1.000.000, α 1,   β 1  -> A = T = 160.000 / 300.000 / 540.000, knelpuntenpot 0
  2018: budget 999.999,   α 1,   β ⅓
        H = 299.999,70 / 299.999,70 / 399.999,60;  O = T = 159.999,84 / 299.999,70 / 539.999,46
        A_A = 299.999,70 + ⅓·(−139.999,86) = 299.999,70 − 46.666,62 = 253.333,08
        knelpuntenpot = ⅔ · 139.999,86 = 93.333,24
  Herverdeling in 2018: Δ = A − H = −46.666,62 / 0 / +139.999,86.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

from tariefmodel.afronding import rond_euro
from tariefmodel.cli import main
from tariefmodel.landelijk.duvo import onderbesteding
from tariefmodel.landelijk.plaatsingen import prijs_per_bezet_etmaal, prijs_per_plaatsing
from tariefmodel.landelijk.verdeelmodel import gefaseerd_verlies, verdeel
from tests.hulp.landelijk import landelijk_bytes, met

MAATSTAVEN = [[200, 50], [300, 150], [500, 300]]
AANDELEN = [0.6, 0.4]
HISTORISCH = [300, 300, 400]
JAREN = [2015, 2016, 2017, 2018]
BUDGET = [1_000_000, 1_200_000, 1_000_000, 999_999]
ALFA = [1.0, 0.5, 1.0, 1.0]
BETA = [0.0, 1 / 3, 1.0, 1 / 3]


def _centen(rij) -> list[float]:
    return [rond_euro(float(x)) for x in rij]


def test_gefaseerd_verlies_tot_op_de_cent():
    v = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, None, beta=BETA)
    assert _centen(v.zonder_landing[1]) == [276_000.00, 360_000.00, 564_000.00]
    assert _centen(v.toegekend[0]) == [300_000.00, 300_000.00, 540_000.00]
    assert _centen(v.toegekend[1]) == [332_000.00, 360_000.00, 564_000.00]
    assert _centen(v.toegekend[2]) == [160_000.00, 300_000.00, 540_000.00]
    assert _centen(v.toegekend[3]) == [253_333.08, 299_999.70, 539_999.46]
    assert _centen(v.knelpuntenpot) == [140_000.00, 56_000.00, 0.00, 93_333.24]
    assert _centen(v.externe_pot) == _centen(v.knelpuntenpot)
    assert _centen(v.herverdeling) == [-46_666.62, 0.00, 139_999.86]
    assert v.pot_extern and v.budgetneutraal  # Σ A = budget + externe pot


def test_winnaars_leveren_niets_in_en_max_verlies_telt_niet():
    met_beta = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, 0.05, beta=BETA)
    zonder_plafond = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, None, beta=BETA)
    np.testing.assert_array_equal(met_beta.toegekend, zonder_plafond.toegekend)
    # C wint elk jaar precies T_C: 540.000, 564.000, 540.000, 539.999,46
    assert _centen(met_beta.toegekend[:, 2]) == [540_000.00, 564_000.00, 540_000.00, 539_999.46]


def test_zonder_beta_blijft_v1():
    v1 = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, None)
    assert not v1.pot_extern and list(v1.externe_pot) == [0, 0, 0, 0]
    np.testing.assert_allclose(v1.toegekend, v1.zonder_landing)
    # β = 1 in elk jaar is hetzelfde als v1 zonder plafond, maar de pot is dan 0 (niet None)
    alle_een = verdeel(JAREN, BUDGET, ALFA, HISTORISCH, AANDELEN, MAATSTAVEN, None, beta=[1, 1, 1, 1])
    np.testing.assert_allclose(alle_een.toegekend, v1.toegekend)
    assert list(alle_een.knelpuntenpot) == [0, 0, 0, 0]


def test_gefaseerd_verlies_los():
    # één jaar: T = 90 / 110 tegen H = 100 / 100, β = 0,25 -> A = 100 − 2,5 = 97,5 / 110; pot 7,5
    a, pot = gefaseerd_verlies([[90.0, 110.0]], [[100.0, 100.0]], [0.25])
    assert a.tolist() == [[97.5, 110.0]] and pot.tolist() == [7.5]


# --- het landelijk werkboek met de kolom Aandeel verlies (HANDWERKBOEK, tests/hulp/landelijk.py) ------------
# Overgang: 2025 1 mln α 0 β 0; 2026 1 mln α ½ β ⅓; 2027 2 mln α 1 β ½.
#   2025: T = H = 400k / 300k / 300k -> pot 0
#   2026: H = 400k / 300k / 300k; T = 370k / 300k / 330k; Groningen A = 400k + ⅓·(−30k) = 390.000; pot 20.000
#   2027: H = 800k / 600k / 600k; T = 680k / 600k / 720k; Groningen A = 800k + ½·(−120k) = 740.000; pot 60.000
#   herverdeling −60.000 / 0 / +120.000; plaatseneffect Groningen −60.000 / 60.000 = −1 (netto −1)
OVERGANG_BETA = (["Jaar", "Budget", "Aandeel objectief", "Aandeel verlies"],
                 [[2025, "1.000.000", 0, 0], [2026, 1_000_000, "50%", 1 / 3], [2027, 2_000_000, 1, "50%"]])


def _json(capsys, pad, *extra) -> dict:
    assert main(["landelijk", str(pad), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def beta_werkboek(tmp_path):
    pad = tmp_path / "beta.xlsx"
    pad.write_bytes(landelijk_bytes(met("Overgang", *OVERGANG_BETA)))
    return pad


def test_werkboek_met_aandeel_verlies(capsys, beta_werkboek):
    uit = _json(capsys, beta_werkboek)
    assert uit["knelpuntenpot"] == {"2025": 0.0, "2026": 20_000.0, "2027": 60_000.0}
    r = {g["centrumgemeente"]: g for g in uit["regios"]}
    assert r["Groningen"]["toegekend"] == {"2025": 400_000.0, "2026": 390_000.0, "2027": 740_000.0}
    assert r["Leeuwarden"]["toegekend"] == {"2025": 300_000.0, "2026": 300_000.0, "2027": 600_000.0}
    assert r["Emmen"]["toegekend"] == {"2025": 300_000.0, "2026": 330_000.0, "2027": 720_000.0}
    assert [r[n]["herverdeling"] for n in r] == [-60_000.0, 0.0, 120_000.0]
    assert r["Groningen"]["aanvulling_per_jaar"] == {"2025": 0.0, "2026": 20_000.0, "2027": 60_000.0}
    assert uit["landelijk"]["plaatsen_effect_netto"] == pytest.approx(-1.0)
    assert uit["landelijk"]["knelpuntenpot_herkomst"] == "extern"
    assert uit["landelijk"]["aandeel_verlies"] == {"2025": 0.0, "2026": pytest.approx(1 / 3), "2027": 0.5}
    assert uit["controle"]["budgetneutraal"] is True


def test_max_verlies_genegeerd_met_waarschuwing(capsys, beta_werkboek):
    uit = _json(capsys, beta_werkboek, "--zet", "max_verlies=0,01")
    assert uit["knelpuntenpot"] == {"2025": 0.0, "2026": 20_000.0, "2027": 60_000.0}
    assert uit["landelijk"]["max_verlies_genegeerd"] is True
    assert any("max_verlies is genegeerd" in w for w in uit["waarschuwingen"])
    assert main(["landelijk", str(beta_werkboek), "--zet", "max_verlies=0,01"]) == 0
    tekst = capsys.readouterr()
    assert "max_verlies is genegeerd" in tekst.err
    assert "2026: β 0,33; knelpuntenpot €\xa020.000,00" in tekst.out


def test_zonder_kolom_knelpuntenpot_nul_en_v1(capsys, tmp_path):
    pad = tmp_path / "v1.xlsx"
    pad.write_bytes(landelijk_bytes())
    uit = _json(capsys, pad, "--zet", "max_verlies=0,1")
    assert uit["knelpuntenpot"] == {"2025": 0.0, "2026": 0.0, "2027": 0.0}
    # v1 zachte landing 10%: 2027 vloer 0,9 · 800k = 720k -> Groningen +40k uit de winst van Emmen (120k -> 80k)
    r = {g["centrumgemeente"]: g for g in uit["regios"]}
    assert r["Groningen"]["toegekend"]["2027"] == 720_000.0 and r["Emmen"]["toegekend"]["2027"] == 680_000.0
    assert uit["landelijk"]["knelpuntenpot"]["2027"] == 40_000.0
    assert uit["landelijk"]["knelpuntenpot_herkomst"] == "winnaars"


def test_aandeel_verlies_buiten_bereik_is_fout(capsys, tmp_path):
    pad = tmp_path / "fout.xlsx"
    kolommen, rijen = OVERGANG_BETA
    pad.write_bytes(landelijk_bytes(met("Overgang", kolommen, [rijen[0], [2026, 1_000_000, 0.5, 1.5], rijen[2]])))
    assert main(["landelijk", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "Overgang" in fout and "rij 3" in fout and "Aandeel verlies" in fout


# --- §2.3 (v2): bruto onderbesteding naast het netto bestedingsgat -----------------------------------------

def test_onderbesteding_per_regel():
    assert onderbesteding(80_000.0) == 80_000.0 and onderbesteding(-5_000.0) == 0.0 and onderbesteding(0.0) == 0.0


def test_bruto_en_netto_landelijk(capsys, tmp_path):
    # DUVO 2027: Groningen 680.000 − 500.000 − 100.000 = +80.000; Emmen 720.000 − 700.000 − 50.000 = −30.000;
    # Leeuwarden 600.000 − 540.000 − 45.000 = +15.000.
    # netto 80.000 − 30.000 + 15.000 = 65.000; bruto onderbesteding 80.000 + 15.000 = 95.000; over 30.000
    duvo = (["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang", "Besteding overig"],
            [["Groningen", 2027, 680_000, 500_000, 100_000], ["Emmen", 2027, 720_000, 700_000, 50_000],
             ["Leeuwarden", 2027, 600_000, 540_000, 45_000]])
    pad = tmp_path / "duvo.xlsx"
    pad.write_bytes(landelijk_bytes(met("DUVO", *duvo)))
    uit = _json(capsys, pad)
    per = {d["centrumgemeente"]: d for d in uit["duvo"]}
    assert [per[n]["onderbesteding"] for n in ("Groningen", "Emmen", "Leeuwarden")] == [80_000.0, 0.0, 15_000.0]
    assert per["Emmen"]["bestedingsgat"] == -30_000.0
    jaar = uit["duvo_landelijk"][0]
    assert (jaar["bestedingsgat"], jaar["onderbesteding"], jaar["overbesteding"]) == (65_000.0, 95_000.0, 30_000.0)
    assert jaar["regios_met_onderbesteding"] == 2
    assert uit["landelijk"]["bestedingsgat"] == {"2027": 65_000.0}
    assert uit["landelijk"]["onderbesteding"] == {"2027": 95_000.0}


# --- §2.5 (v2): verrekening per bezet etmaal -------------------------------------------------------------

def test_prijs_per_bezet_etmaal():
    # c 80.000, 365 dagen, norm 0,85: 80.000 / 310,25 = 257,8566... per bezet etmaal;
    # 100 dagen verblijf -> 25.785,66 (de beschikbare plaatsdag zou 80.000 · 100 / 365 = 21.917,81 geven)
    assert prijs_per_bezet_etmaal(80_000, 365, 0.85) == pytest.approx(80_000 / 310.25, rel=1e-12)
    prijs = prijs_per_plaatsing(None, 80_000, np.array([100.0]), 365, 0.85)
    assert rond_euro(float(prijs[0])) == 25_785.66


def test_verrekening_in_het_werkboek(capsys, tmp_path):
    # HANDWERKBOEK zonder vast bedrag: c 60.000; bezettingsnorm 0,8 -> 60.000 / (365 · 0,8) = 205,4794...
    # Groningen d = 50 -> 10.273,97; Leeuwarden zonder verblijfsduur -> prijs onbekend (null)
    uit_blad = (["Parameter", "Waarde"], [["rekenjaar", 2027], ["kosten_per_plaats", "60.000"],
                                          ["bezettingsnorm", "80%"]])
    pad = tmp_path / "verrekening.xlsx"
    pad.write_bytes(landelijk_bytes(met("Uitgangspunten", *uit_blad)))
    uit = _json(capsys, pad)
    r = {g["centrumgemeente"]: g for g in uit["regios"]}
    assert r["Groningen"]["prijs_per_plaatsing"] == 10_273.97
    assert r["Leeuwarden"]["prijs_per_plaatsing"] is None


def test_export_met_aandeel_verlies_herrekend(tmp_path, beta_werkboek):
    """De export rekent de β-regel zelf uit (formules herrekend zonder opgeslagen waarden): toegekend en pot kloppen,
    en het blad Controle telt 0 afwijkingen."""
    import io

    import openpyxl

    from tests.herberekening import met_formulas

    uit = tmp_path / "export.xlsx"
    assert main(["exporteer", str(beta_werkboek), str(uit)]) == 0
    h = met_formulas(uit.read_bytes())
    assert h.waarde("Controle", "F5") == 0
    ws = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()))["Controle"]
    regels = {ws.cell(r, 2).value: r for r in range(7, ws.max_row + 1)}
    rij = regels["2026: Σ toegekend = budget + knelpuntenpot"]
    assert h.waarde("Controle", f"C{rij}") == pytest.approx(1_020_000)
    rij = regels["Σ herverdeling laatste jaar = knelpuntenpot laatste jaar"]
    assert h.waarde("Controle", f"D{rij}") == pytest.approx(60_000)


@settings(max_examples=60, deadline=None)
@given(h=hst.lists(hst.floats(1, 1e6), min_size=2, max_size=6), data=hst.data())
def test_eigenschappen_gefaseerd_verlies(h, data):
    """Voor elke invoer: winnaars krijgen precies T, verliezers iets tussen T en H, Σ A = budget + pot ≥ budget."""
    n = len(h)
    x = data.draw(hst.lists(hst.floats(1, 1e6), min_size=n, max_size=n))
    alfa = data.draw(hst.lists(hst.floats(0, 1), min_size=3, max_size=3))
    beta = data.draw(hst.lists(hst.floats(0, 1), min_size=3, max_size=3))
    v = verdeel([1, 2, 3], [1e6, 2e6, 1.5e6], alfa, h, [1.0], [[w] for w in x], None, beta=beta)
    t, hist, a = v.zonder_landing, v.historisch, v.toegekend
    assert v.budgetneutraal
    assert np.all(a[t >= hist] == t[t >= hist])
    verlies = t < hist
    assert np.all(a[verlies] >= t[verlies] - 1e-6) and np.all(a[verlies] <= hist[verlies] + 1e-6)
    assert np.all(v.knelpuntenpot >= -1e-6)
    np.testing.assert_allclose(a.sum(axis=1), v.budget + v.knelpuntenpot, rtol=1e-9)
