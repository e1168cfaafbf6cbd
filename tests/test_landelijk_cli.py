"""`tariefmodel landelijk` op een werkboek dat NIET het voorbeeld is, tegen met de hand uitgerekende waarden.

Het werkboek (tests/hulp/landelijk.py, HANDWERKBOEK):
  Regio's     Inwoners  Plaatsen  Cliënten  Verblijfsduur  Historisch  Meldingen
  Groningen    250.000        10        73             50     400.000        100
  Leeuwarden   150.000        20         –              –     300.000        300
  Emmen        100.000         5      36,5             20     300.000        600
  Maatstaven: Inwoners 60%, Meldingen 40%. Overgang: 2025 1 mln α 0; 2026 1 mln α 0,5; 2027 2 mln α 1.
  kosten_per_plaats 60.000; kosten_per_plaatsing 1.000.

Met de hand:
  sleutel objectief: Groningen 0,6·0,5 + 0,4·0,1 = 0,34; Leeuwarden 0,6·0,3 + 0,4·0,3 = 0,30;
                     Emmen 0,6·0,2 + 0,4·0,6 = 0,36. Historisch 0,4 / 0,3 / 0,3.
  2025 (α 0): 400.000 / 300.000 / 300.000
  2026 (α ½): ½·(400k, 300k, 300k) + ½·(340k, 300k, 360k) = 370.000 / 300.000 / 330.000
  2027 (α 1, budget 2 mln): H = 800k / 600k / 600k; O = A = 680k / 600k / 720k
  herverdeling −120.000 / 0 / +120.000; plaatseneffect −120.000 / 60.000 = −2 (winnaar reactie 0): netto −2
  Groningen: A = 73·50/365 = 10; bezetting 10/10 = 1; B(10, 10) ≈ 0,2146 (Erlang-B-tabel);
             5%-weigerkans: B(14, 10) ≈ 0,057 > 0,05, B(15, 10) ≈ 0,036 -> 15; norm ceil(10/0,85) = 12
  Emmen:     A = 36,5·20/365 = 2; bezetting 2/5 = 0,4; B(5, 2) = (32/120)/(1+2+2+4/3+2/3+4/15) ≈ 0,0367;
             B(4, 2) = (16/24)/7 ≈ 0,095 > 0,05 -> 5; norm ceil(2/0,85) = 3
  Istanbul: 25 / 15 / 10 (tekort 15 / −5 / 5); landelijk 50 tegen 35 plaatsen
  Plaatsingen: instroom van buiten Groningen 20+10 = 30 van 100 (0,3); Leeuwarden 5+15 = 20 van 60 (1/3);
               Emmen ving niemand op: null. Verrekening à 1.000: saldo +25.000 / 0 / −25.000
  DUVO Groningen 2027: 680.000 − 500.000 − 100.000 = 80.000; graad 500/680 = 0,73529;
       normcapaciteit 25 · 60.000 = 1,5 mln; financieringstekort 1,5 mln − 500.000 = 1.000.000
  DUVO Emmen 2027: 720.000 − 700.000 − 0 = 20.000; graad 700/720 = 0,97222
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tariefmodel.cli import main
from tests.hulp.landelijk import HANDWERKBOEK, landelijk_bytes, met

VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_landelijk.xlsx"
SLEUTELS_REGIO = {"centrumgemeente", "historisch", "objectief", "toegekend", "herverdeling", "plaatsen_effect",
                  "bezettingsgraad", "weigerkans", "plaatsen_nodig_weigerkans", "plaatsen_nodig_bezettingsnorm",
                  "istanbul_norm", "istanbul_tekort", "bovenregionaal_aandeel"}
SLEUTELS_DUVO = {"centrumgemeente", "jaar", "uitkering", "besteding_vrouwenopvang", "bestedingsgat",
                 "bestedingsgraad"}
SLEUTELS_LANDELIJK = {"budget", "plaatsen_effect_netto", "istanbul_norm", "plaatsen"}


@pytest.fixture
def handwerkboek(tmp_path) -> Path:
    pad = tmp_path / "hand.xlsx"
    pad.write_bytes(landelijk_bytes())
    return pad


def _json(capsys, *argv) -> dict:
    assert main(["landelijk", *map(str, argv), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_handwerkboek_tegen_handberekening(capsys, handwerkboek):
    uit = _json(capsys, handwerkboek)
    r = {g["centrumgemeente"]: g for g in uit["regios"]}
    assert list(r) == ["Groningen", "Leeuwarden", "Emmen"]
    assert r["Groningen"]["toegekend"] == {"2025": 400_000.0, "2026": 370_000.0, "2027": 680_000.0}
    assert r["Emmen"]["toegekend"] == {"2025": 300_000.0, "2026": 330_000.0, "2027": 720_000.0}
    assert [r[n]["historisch"] for n in r] == [800_000.0, 600_000.0, 600_000.0]
    assert [r[n]["objectief"] for n in r] == [680_000.0, 600_000.0, 720_000.0]
    assert [r[n]["herverdeling"] for n in r] == [-120_000.0, 0.0, 120_000.0]
    assert [r[n]["plaatsen_effect"] for n in r] == pytest.approx([-2.0, 0.0, 0.0])
    assert uit["winnaars"] == ["Emmen"] and uit["verliezers"] == ["Groningen"]

    g, lw, e = r["Groningen"], r["Leeuwarden"], r["Emmen"]
    # v2 (§2.4a): cliënten per jaar zijn opnames (gedragen last). Groningen: 100% bezet = vol, dus geen
    # weigerkans maar een melding (v1 gaf hier 0,2146 alsof de opnames de vraag waren).
    assert g["bezettingsgraad"] == pytest.approx(1.0)
    assert g["weigerkans"] is None and g["plaatsen_nodig_weigerkans"] is None
    assert g["capaciteit_melding"] == "de opvang zat vol: de vraag is niet af te leiden uit opnames"
    # Emmen: gedragen last 2 op 5 plaatsen; de vraag A volgt uit A·(1 − B(5, A)) = 2. Met de hand: A ≈ 2,0872
    # (B(5; 2,0872) = (A^5/120) / Σ A^k/k! ≈ 0,04177, en 2,0872 · 0,95823 ≈ 2,000).
    assert e["bezettingsgraad"] == pytest.approx(0.4)
    a = e["aangeboden_last"]
    assert a == pytest.approx(2.0872, abs=1e-4)
    b_hand = (a ** 5 / 120) / (1 + a + a ** 2 / 2 + a ** 3 / 6 + a ** 4 / 24 + a ** 5 / 120)
    assert e["weigerkans"] == pytest.approx(b_hand, rel=1e-9) and e["weigerkans"] == pytest.approx(0.04177, abs=1e-5)
    assert a * (1 - b_hand) == pytest.approx(2.0, rel=1e-9)
    assert (e["plaatsen_nodig_weigerkans"], e["plaatsen_nodig_bezettingsnorm"]) == (5, 3)  # ceil(2,087/0,85) = 3
    for sleutel in ("bezettingsgraad", "weigerkans", "plaatsen_nodig_weigerkans", "plaatsen_nodig_bezettingsnorm"):
        assert lw[sleutel] is None  # geen cliëntgegevens: null, nooit 0
    assert [r[n]["istanbul_norm"] for n in r] == pytest.approx([25, 15, 10])
    assert [r[n]["istanbul_tekort"] for n in r] == pytest.approx([15, -5, 5])
    assert g["bovenregionaal_aandeel"] == pytest.approx(0.3)
    assert lw["bovenregionaal_aandeel"] == pytest.approx(1 / 3)
    assert e["bovenregionaal_aandeel"] is None
    assert [r[n]["verrekening_saldo"] for n in r] == [25_000.0, 0.0, -25_000.0]

    d = {x["centrumgemeente"]: x for x in uit["duvo"]}
    assert d["Groningen"]["bestedingsgat"] == 80_000.0
    assert d["Groningen"]["bestedingsgraad"] == pytest.approx(500 / 680)
    assert d["Groningen"]["financieringstekort"] == 1_000_000.0
    assert d["Emmen"]["bestedingsgat"] == 20_000.0 and d["Emmen"]["besteding_overig"] is None
    assert d["Emmen"]["bestedingsgraad"] == pytest.approx(700 / 720)

    land = uit["landelijk"]
    assert land["budget"] == {"2025": 1_000_000.0, "2026": 1_000_000.0, "2027": 2_000_000.0}
    assert land["plaatsen_effect_netto"] == pytest.approx(-2.0)
    assert (land["istanbul_norm"], land["plaatsen"]) == (pytest.approx(50), 35.0)
    assert uit["controle"]["budgetneutraal"] is True


def test_scenario_zachte_landing_en_reactie(capsys, handwerkboek):
    # max_verlies 0,1: 2026 Groningen 370k ≥ vloer 360k (geen aanvulling); 2027 vloer 0,9·800k = 720k,
    # zonder landing 680k -> pot 40k, betaald door Emmen (enige winnaar): 720k − 40k = 680k.
    uit = _json(capsys, handwerkboek, "--zet", "max_verlies=0,1")
    r = {g["centrumgemeente"]: g for g in uit["regios"]}
    assert [r[n]["toegekend"]["2027"] for n in r] == [720_000.0, 600_000.0, 680_000.0]
    assert uit["landelijk"]["knelpuntenpot"] == {"2025": 0.0, "2026": 0.0, "2027": 40_000.0}
    assert r["Groningen"]["plaatsen_effect"] == pytest.approx(-80_000 / 60_000)
    # winnaars die net zo reageren als verliezers: netto 0 plaatsen
    uit = _json(capsys, handwerkboek, "--zet", "reactie_voordeel=1")
    assert uit["landelijk"]["plaatsen_effect_netto"] == pytest.approx(0, abs=1e-9)
    assert {g["centrumgemeente"]: g["plaatsen_effect"] for g in uit["regios"]}["Emmen"] == pytest.approx(2.0)


def test_tekstuitvoer_in_nederlandse_notatie(capsys, handwerkboek):
    assert main(["landelijk", str(handwerkboek)]) == 0
    uit = capsys.readouterr().out.replace("\u00a0", " ")  # vaste spatie na € (formaat.euro_heel)
    assert "1 winnaars en 1 verliezers in 2027" in uit
    assert "landelijk netto -2,0 plaatsen" in uit
    assert "€ 680.000" in uit and "€ 60.000 per plaats" in uit
    assert "ILLUSTRATIEF" not in uit


def test_contractsleutels_en_null_in_voorbeeld(capsys):
    uit = _json(capsys, VOORBEELD)
    assert next(iter(uit)) == "let_op" and uit["illustratief"] is True
    assert len(uit["regios"]) == 35
    for g in uit["regios"]:
        assert SLEUTELS_REGIO <= set(g)
        assert set(g["toegekend"]) == {str(j) for j in range(2015, 2025)}
    for d in uit["duvo"]:
        assert SLEUTELS_DUVO <= set(d)
    assert SLEUTELS_LANDELIJK <= set(uit["landelijk"])
    assert uit["landelijk"]["plaatsen"] == 1024 and uit["landelijk"]["istanbul_norm"] == pytest.approx(1800)


def test_zonder_plaatsingen_is_bovenregionaal_null(capsys, tmp_path):
    pad = tmp_path / "zonder.xlsx"
    pad.write_bytes(landelijk_bytes({**HANDWERKBOEK, "Plaatsingen": None, "DUVO": None}))
    uit = _json(capsys, pad)
    assert all(g["bovenregionaal_aandeel"] is None for g in uit["regios"])
    assert uit["duvo"] == [] and uit["landelijk"]["plaatsingen"] is None


def test_ongeldig_werkboek_exit_2_met_melding(capsys, tmp_path):
    pad = tmp_path / "fout.xlsx"
    pad.write_bytes(landelijk_bytes(met("Maatstaven", rijen=[["Inwoners", 0.6], ["Zorgzwaarte", 0.4]])))
    for opdracht in ("landelijk", "controleer"):
        assert main([opdracht, str(pad)]) == 2
        fout = capsys.readouterr().err
        assert "Blad 'Maatstaven', rij 3, kolom 'Maatstaf': maatstaf 'Zorgzwaarte' heeft geen kolom" in fout
        assert "Traceback" not in fout


def test_exitcodes_bij_verkeerde_invoer(capsys, tmp_path, handwerkboek):
    assert main(["landelijk", str(tmp_path / "bestaat_niet.xlsx")]) == 2
    kostprijs = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"
    assert main(["landelijk", str(kostprijs)]) == 2
    assert "geen landelijk werkboek" in capsys.readouterr().err
    assert main(["landelijk", str(handwerkboek), "--zet", "max_verlies=2"]) == 2
    assert main(["landelijk", str(handwerkboek), "--zet", "bestaat_niet=1"]) == 2
    assert main(["controleer", str(handwerkboek)]) == 0


def test_kosten_per_plaats_uit_kostprijswerkboek(capsys, handwerkboek):
    kostprijs = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"
    bereken = subprocess.run([sys.executable, "-m", "tariefmodel", "bereken", str(kostprijs), "--json"],
                             capture_output=True, text=True, check=True)
    producten = [p for p in json.loads(bereken.stdout)["producten"] if p["soort"] == "opvang"]
    # c = Σ integrale kosten / Σ plaatsen van de opvangproducten (lumpsum-equivalent)
    plaatsen = {p["code"]: p["integrale_kosten"] / p["kostprijs_per_plaats_per_jaar"] for p in producten}
    c = sum(p["integrale_kosten"] for p in producten) / sum(plaatsen.values())
    uit = _json(capsys, handwerkboek, "--kostprijs", kostprijs)
    assert uit["kosten_per_plaats"]["waarde"] == pytest.approx(c, abs=0.01)
    groningen = uit["regios"][0]
    assert groningen["plaatsen_effect"] == pytest.approx(-120_000 / c, rel=1e-6)


def test_subprocess_geen_traceback_en_werkboek_onaangeroerd(tmp_path, handwerkboek):
    voor = handwerkboek.read_bytes()
    uit = subprocess.run([sys.executable, "-m", "tariefmodel", "landelijk", str(handwerkboek)],
                         capture_output=True, text=True, check=False)
    assert uit.returncode == 0 and "Traceback" not in uit.stderr
    assert handwerkboek.read_bytes() == voor
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_text("geen excel")
    uit = subprocess.run([sys.executable, "-m", "tariefmodel", "landelijk", str(kapot)],
                         capture_output=True, text=True, check=False)
    assert uit.returncode == 2 and "Traceback" not in uit.stderr


def test_sjabloon_landelijk(tmp_path, capsys):
    pad = tmp_path / "sjabloon.xlsx"
    assert main(["sjabloon", "landelijk", str(pad)]) == 0
    import openpyxl

    wb = openpyxl.load_workbook(pad)
    assert wb.sheetnames == ["Uitgangspunten", "Regio's", "Maatstaven", "Overgang", "DUVO", "Plaatsingen",
                             "Capaciteit", "Toelichting"]
    regios = wb["Regio's"]
    assert [c.value for c in regios[1]][:6] == HANDWERKBOEK["Regio's"][0][:6]
    assert regios.cell(2, 1).value == "Alkmaar" and regios.cell(36, 1).value == "Zwolle"
    assert regios.data_validations.dataValidation, "getalcontroles ontbreken"
    toelichting = " ".join(str(c.value) for c in wb["Toelichting"]["A"] if c.value)
    assert "circulaire" in toelichting
    # leeg sjabloon is ongeldig, maar met meldingen en exit 2 (geen traceback)
    assert main(["controleer", str(pad)]) == 2
    assert "verplichte waarde ontbreekt" in capsys.readouterr().err
