"""Issue 2: de opdrachtregel volgens werkboekformaat.md, op het voorbeeldwerkboek."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tariefmodel.cli import main

VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"
SLEUTELS_PRODUCT = {"code", "soort", "eenheid", "directe_kosten", "overhead", "integrale_kosten", "kostprijs",
                    "kostprijs_per_plaats_per_jaar", "gemeentetarief", "verschil_per_eenheid", "opbrengst", "tekort"}


def test_bereken_json_heeft_alle_contractsleutels(capsys):
    assert main(["bereken", str(VOORBEELD), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert {"organisatie", "rekenjaar", "overhead_percentage", "uren_per_fte", "producten", "totaal"} <= set(uit)
    assert set(uit["uren_per_fte"]) >= {"beschikbaar", "inzetbaar", "direct"}
    assert set(uit["totaal"]) >= {"integrale_kosten", "opbrengst", "tekort"}
    for product in uit["producten"]:
        assert SLEUTELS_PRODUCT <= set(product)
    assert "illustratief" in uit["organisatie"]
    assert abs(sum(p["integrale_kosten"] for p in uit["producten"]) - uit["totaal"]["integrale_kosten"]) < 0.05


def test_opbouw_telt_op_tot_kostprijs(capsys):
    main(["bereken", str(VOORBEELD), "--json"])
    for product in json.loads(capsys.readouterr().out)["producten"]:
        assert abs(sum(product["opbouw"].values()) - product["kostprijs"]) < 0.05


def test_zet_bezettingsnorm_verlaagt_kostprijs_per_etmaal(capsys):
    main(["bereken", str(VOORBEELD), "--json"])
    basis = {p["code"]: p for p in json.loads(capsys.readouterr().out)["producten"]}
    main(["bereken", str(VOORBEELD), "--json", "--zet", "bezettingsnorm=95%"])
    hoog = {p["code"]: p for p in json.loads(capsys.readouterr().out)["producten"]}
    for code, p in basis.items():
        if p["soort"] == "opvang":  # kostprijs x 0,85 / 0,95
            assert abs(hoog[code]["kostprijs"] - p["kostprijs"] * 0.85 / 0.95) < 0.02
        else:
            assert hoog[code]["kostprijs"] == p["kostprijs"]


def test_bereken_tekst_toont_tarieftabel():
    uit = subprocess.run([sys.executable, "-m", "tariefmodel", "bereken", str(VOORBEELD)],
                         capture_output=True, text=True, check=True)
    assert "Kostprijs" in uit.stdout and "Gemeentetarief" in uit.stdout
    assert "€" in uit.stdout and "ESTIMATE" in uit.stdout


def test_sjabloon_en_controleer(tmp_path, capsys):
    sjabloon = tmp_path / "leeg.xlsx"
    assert main(["sjabloon", "kostprijs", str(sjabloon)]) == 0
    assert main(["controleer", str(sjabloon)]) == 2  # leeg sjabloon: organisatie, rekenjaar en producten ontbreken
    fout = capsys.readouterr().err
    assert "Blad 'Uitgangspunten'" in fout and "organisatie" in fout
    assert main(["controleer", str(VOORBEELD)]) == 0


def test_onbekend_bestand_en_geen_xlsx(tmp_path, capsys):
    assert main(["bereken", str(tmp_path / "bestaat-niet.xlsx")]) == 2
    tekst = tmp_path / "tekst.xlsx"
    tekst.write_text("dit is geen werkboek")
    assert main(["bereken", str(tekst)]) == 2
    uit = capsys.readouterr().err
    assert "bestaat niet" in uit and "geen Excel-werkboek" in uit


def test_sjabloon_schrijft_niet_over_invoer(tmp_path):
    kopie = tmp_path / "voorbeeld.xlsx"
    kopie.write_bytes(VOORBEELD.read_bytes())
    assert main(["sjabloon", "kostprijs", str(kopie)]) == 2  # bestaand bestand: alleen met --overschrijf
    assert main(["sjabloon", "kostprijs", str(kopie), "--overschrijf"]) == 0
    assert main(["controleer", str(kopie)]) == 2
