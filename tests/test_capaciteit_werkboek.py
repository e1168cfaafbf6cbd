"""Blad Capaciteit van het landelijk werkboek (werkboekformaat v2) tegen met de hand uitgerekende waarden.

Rekenmethode §2.4a. Dagen per jaar 365, doel_weigerkans 0,05, doel_wachttijd 28, gevoeligheid_bezetting 0,02
(de meegeleverde standaarden). De verwachte waarden staan als rekensom in de test; waar een bisectie nodig is,
wordt de uitkomst gecontroleerd met de vergelijking die zij moet oplossen (exact, met breuken).
"""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest

from tariefmodel.cli import main
from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
from tests.hulp.landelijk import HANDWERKBOEK, landelijk_bytes

KOLOMMEN = ["Centrumgemeente", "Type", "Plaatsen", "Opgenomen per jaar", "Aanmeldingen per jaar",
            "Gemiddelde verblijfsduur", "Model"]
RIJEN = [
    ["Groningen", "nood", 3, None, 73, 5, None],  # rij 2: noodbed, 3 plaatsen, aanmeldingen bekend: A = 73·5/365 = 1
    ["Groningen", "crisis", 10, None, 146, 25, None],  # rij 3: A = 146·25/365 = 10
    ["Emmen", "crisis", 5, "36,5", None, 20, None],  # rij 4: alleen opnames: a = 36,5·20/365 = 2
    ["Leeuwarden", "crisis", 10, 73, None, 50, None],  # rij 5: a = 73·50/365 = 10 ≥ 10·0,999: zat vol
    ["Groningen", "vervolg", 16, 76, None, 73, None],  # rij 6: wachtrij, A = 76·73/365 = 15,2
    ["Leeuwarden", "vervolg", 18, 26, None, 259, None],  # rij 7: A = 26·259/365 = 18,449 ≥ 18: zonder grens
    ["Emmen", "Nood", 4, 146, None, 5, "Wachtrij"],  # rij 8: model overschreven: wachtrij, A = 146·5/365 = 2
]
SLEUTELS = {"centrumgemeente", "type", "model", "plaatsen", "aangeboden_last", "weigerkans", "geweigerd_per_jaar",
            "kans_wachten", "gemiddelde_wachttijd_dagen", "wachtenden", "plaatsen_nodig", "bandbreedte", "melding"}
CIJFERS = SLEUTELS - {"centrumgemeente", "type", "model", "plaatsen", "bandbreedte", "melding"}
WACHT = ("kans_wachten", "gemiddelde_wachttijd_dagen", "wachtenden")
WEIGER = ("weigerkans", "geweigerd_per_jaar")


def _b(n: int, a: Fraction) -> Fraction:
    termen = [a ** k / math.factorial(k) for k in range(n + 1)]
    return termen[-1] / sum(termen)


def _c(n: int, a: Fraction) -> Fraction:
    staart = a ** n / math.factorial(n) * n / (n - a)
    return staart / (sum(a ** k / math.factorial(k) for k in range(n)) + staart)


def _nodig_wachten(a: Fraction, d: int, doel: int = 28) -> int:
    n = math.floor(a) + 1
    while _c(n, a) * d / (n - a) > doel:
        n += 1
    return n


def _bladen(rijen=RIJEN) -> dict:
    return {**HANDWERKBOEK, "Capaciteit": (KOLOMMEN, rijen)}


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory) -> dict[int, dict]:
    pad = tmp_path_factory.mktemp("cap") / "capaciteit.xlsx"
    pad.write_bytes(landelijk_bytes(_bladen()))
    import contextlib
    import io

    uit = io.StringIO()
    with contextlib.redirect_stdout(uit):
        assert main(["landelijk", str(pad), "--json"]) == 0
    return {r["blad_rij"]: r for r in json.loads(uit.getvalue())["capaciteit"]}


def test_sleutels_volgens_werkboekformaat(uitkomst):
    for r in uitkomst.values():
        assert SLEUTELS <= set(r)
        assert set(r["bandbreedte"]) == {"laag", "hoog"}
        for band in r["bandbreedte"].values():
            assert CIJFERS <= set(band) and "melding" in band


def test_noodbed_drie_plaatsen_met_aanmeldingen(uitkomst):
    r = uitkomst[2]
    assert (r["model"], r["plaatsen"]) == ("verlies", 3)
    assert r["aangeboden_last"] == pytest.approx(1.0)
    # B(3, 1) = (1/6) / (1 + 1 + 1/2 + 1/6) = 1/16; geweigerd = 73 aanvragen · 1/16 = 4,5625
    assert r["weigerkans"] == pytest.approx(1 / 16, rel=1e-9)
    assert r["geweigerd_per_jaar"] == pytest.approx(4.5625, rel=1e-9)
    # B(4, 1) = (1/24) / (65/24) = 1/65 ≤ 0,05 < 1/16: 4 plaatsen
    assert r["plaatsen_nodig"] == 4
    assert all(r[k] is None for k in WACHT) and r["melding"] is None
    # Bandbreedte: gedragen bezetting 1·(15/16)/3 = 0,3125 ± 0,02; de last van de band lost A·(1 − B) = 3·ρ op.
    for band, rho in (("laag", 0.2925), ("hoog", 0.3325)):
        b = r["bandbreedte"][band]
        assert b["aangeboden_last"] * (1 - float(_b(3, Fraction(b["aangeboden_last"])))) == pytest.approx(3 * rho)
        assert b["weigerkans"] == pytest.approx(float(_b(3, Fraction(b["aangeboden_last"]))), rel=1e-9)
        assert b["geweigerd_per_jaar"] == pytest.approx(b["aangeboden_last"] * 365 / 5 * b["weigerkans"], rel=1e-9)
    assert r["bandbreedte"]["laag"]["weigerkans"] < r["weigerkans"] < r["bandbreedte"]["hoog"]["weigerkans"]


def test_crisis_met_aanmeldingen(uitkomst):
    r = uitkomst[3]
    assert r["aangeboden_last"] == pytest.approx(10.0)
    assert r["weigerkans"] == pytest.approx(float(_b(10, Fraction(10))), rel=1e-9)
    assert r["weigerkans"] == pytest.approx(0.2146, abs=1e-4)  # Erlang-B-tabel
    assert r["geweigerd_per_jaar"] == pytest.approx(146 * float(_b(10, Fraction(10))), rel=1e-9)
    assert r["plaatsen_nodig"] == 15  # Erlang-B-tabel: A = 10 bij 5% vraagt 15 plaatsen


def test_crisis_alleen_opnames_rekent_de_vraag_terug(uitkomst):
    r = uitkomst[4]
    a = r["aangeboden_last"]
    # A·(1 − B(5, A)) = 2 ⇒ A ≈ 2,0872, B ≈ 0,04177 (met de hand: 2,0872 · 0,95823 ≈ 2,000)
    assert a == pytest.approx(2.0872, abs=1e-4)
    assert a * (1 - float(_b(5, Fraction(a)))) == pytest.approx(2.0, rel=1e-9)
    assert r["weigerkans"] == pytest.approx(0.04177, abs=1e-5)
    assert r["geweigerd_per_jaar"] == pytest.approx(a * 365 / 20 * r["weigerkans"], rel=1e-9)
    assert r["plaatsen_nodig"] == 5


def test_opvang_die_vol_zat_geeft_null_en_melding(uitkomst):
    r = uitkomst[5]
    assert r["melding"] == "de opvang zat vol: de vraag is niet af te leiden uit opnames"
    assert all(r[k] is None for k in CIJFERS)
    for band in r["bandbreedte"].values():
        assert all(band[k] is None for k in CIJFERS)


def test_vervolg_wachtrij(uitkomst):
    r = uitkomst[6]
    c = _c(16, Fraction(76 * 73, 365))
    assert r["model"] == "wachtrij" and r["aangeboden_last"] == pytest.approx(15.2)
    assert r["kans_wachten"] == pytest.approx(float(c), rel=1e-9) and r["kans_wachten"] == pytest.approx(0.78, abs=0.005)
    assert r["gemiddelde_wachttijd_dagen"] == pytest.approx(float(c) * 73 / 0.8, rel=1e-9)  # ≈ 71,2 dagen
    assert r["wachtenden"] == pytest.approx(float(c) * 15.2 / 0.8, rel=1e-9)
    assert r["plaatsen_nodig"] == _nodig_wachten(Fraction(76 * 73, 365), 73) == 17
    assert all(r[k] is None for k in WEIGER)
    # Band: bezetting A/N = 0,95 ± 0,02 → A = 14,88 en 15,52
    laag, hoog = r["bandbreedte"]["laag"], r["bandbreedte"]["hoog"]
    assert laag["aangeboden_last"] == pytest.approx(14.88) and hoog["aangeboden_last"] == pytest.approx(15.52)
    assert hoog["gemiddelde_wachttijd_dagen"] == pytest.approx(
        float(_c(16, Fraction("15.52"))) * 73 / (16 - 15.52), rel=1e-9)


def test_wachtrij_zonder_grens(uitkomst):
    r = uitkomst[7]
    assert r["melding"] == "de wachtlijst groeit zonder grens"
    assert r["aangeboden_last"] == pytest.approx(26 * 259 / 365)
    assert all(r[k] is None for k in WACHT + WEIGER)
    assert r["plaatsen_nodig"] == _nodig_wachten(Fraction(26 * 259, 365), 259)


def test_model_overschreven_naar_wachtrij(uitkomst):
    r = uitkomst[8]
    assert (r["type"], r["model"]) == ("nood", "wachtrij")
    # M/M/4 met A = 2: A^4/4! · 4/2 = 4/3; Σ_{k<4} = 1 + 2 + 2 + 4/3 = 19/3; C = (4/3)/(23/3) = 4/23
    assert r["kans_wachten"] == pytest.approx(4 / 23, rel=1e-9)
    assert r["gemiddelde_wachttijd_dagen"] == pytest.approx(4 / 23 * 5 / 2, rel=1e-9)  # 10/23 dag
    assert r["wachtenden"] == pytest.approx(4 / 23 * 2 / 2, rel=1e-9)
    # 3 plaatsen: C = 4/9, W = 4/9 · 5 / 1 ≈ 2,2 dagen ≤ 28, en minder dan 3 kan niet (A = 2)
    assert r["plaatsen_nodig"] == 3
    assert r["weigerkans"] is None and r["geweigerd_per_jaar"] is None  # het andere model: null, nooit 0
    assert r["bandbreedte"]["laag"]["aangeboden_last"] == pytest.approx(1.92)  # (0,5 − 0,02) · 4


def test_voorbeeld_regios_die_vol_zaten_tonen_de_melding(capsys):
    from pathlib import Path

    voorbeeld = Path(__file__).parents[1] / "workbooks" / "voorbeeld_landelijk.xlsx"
    assert main(["landelijk", str(voorbeeld), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    vol = {r["centrumgemeente"] for r in uit["regios"] if r["capaciteit_melding"]}
    assert {"Amsterdam", "Den Haag", "Rotterdam", "Vlissingen"} <= vol  # 100,3-102,5% bezet (issue-audit)
    for r in uit["regios"]:
        if r["centrumgemeente"] in vol:
            assert r["weigerkans"] is None and r["plaatsen_nodig_weigerkans"] is None
    assert any(r["melding"] for r in uit["capaciteit"])


# --- foute invoer ---------------------------------------------------------------------------------------

def _fouten(rijen) -> list[str]:
    with pytest.raises(WerkboekFout) as fout:
        lees_landelijk_werkboek(landelijk_bytes(_bladen(rijen)), "fout.xlsx")
    return [m.tekst() for m in fout.value.fouten]


@pytest.mark.parametrize("rij, begin, bevat", [
    (["Groningen", "opvang", 3, 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Type'", "nood"),
    (["Groningen", "crisis", 3, 10, None, 5, "erlang"], "Blad 'Capaciteit', rij 2, kolom 'Model'", "verlies"),
    (["Groningen", "crisis", 0, 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'", "0 plaatsen"),
    (["Groningen", "crisis", 0, None, 12, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'", "0 plaatsen"),
    (["Groningen", "crisis", -1, 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'", "0 of groter"),
    (["Groningen", "crisis", 2001, 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'", "niet groter zijn dan 2000"),
    (["Groningen", "crisis", "2,5", 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'", "geheel"),
    (["Groningen", "crisis", 3, -4, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Opgenomen per jaar'", "0"),
    (["Groningen", "crisis", 3, 10, None, 0, None], "Blad 'Capaciteit', rij 2, kolom 'Gemiddelde verblijfsduur'",
     "groter zijn dan 0"),
    (["Groningen", "crisis", 3, None, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Opgenomen per jaar'",
     "Aanmeldingen"),
    (["Groningen", "crisis", 3, None, 1_000_000, 3650, None],
     "Blad 'Capaciteit', rij 2, kolom 'Aanmeldingen per jaar'", "plaatsen tegelijk"),
    (["Grunn", "crisis", 3, 10, None, 5, None], "Blad 'Capaciteit', rij 2, kolom 'Centrumgemeente'", "onbekende"),
])
def test_foute_regel_geeft_nederlandse_melding_met_plek(rij, begin, bevat):
    fouten = _fouten([rij])
    assert any(f.startswith(begin) and bevat in f for f in fouten), fouten


def test_dubbele_regel_is_een_fout():
    fouten = _fouten([RIJEN[0], RIJEN[0]])
    assert any(f.startswith("Blad 'Capaciteit', rij 3, kolom 'Type'") and "twee keer" in f for f in fouten), fouten


def test_cli_foute_capaciteit_exit_2_zonder_traceback(tmp_path, capsys):
    pad = tmp_path / "fout.xlsx"
    pad.write_bytes(landelijk_bytes(_bladen([["Groningen", "crisis", 0, 10, None, 5, None]])))
    assert main(["landelijk", str(pad), "--json"]) == 2
    fout = capsys.readouterr().err
    assert "Blad 'Capaciteit', rij 2, kolom 'Plaatsen'" in fout and "Traceback" not in fout


def test_zonder_blad_geen_capaciteit_sleutel(capsys, tmp_path):
    pad = tmp_path / "zonder.xlsx"
    pad.write_bytes(landelijk_bytes())
    assert main(["landelijk", str(pad), "--json"]) == 0
    assert "capaciteit" not in json.loads(capsys.readouterr().out)
