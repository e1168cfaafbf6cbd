"""Issue 15: `tariefmodel vergelijk` (JSON, Excel, PDF) toont het werkboek en elk scenario."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess

import openpyxl
import pytest

from tariefmodel.cli import main
from tariefmodel.kostprijs.gevoeligheid import Scenario
from tariefmodel.kostprijs.vergelijking import geschilpunten
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.scenariowerkboek import VOORBEELD, ZET, met_scenarios

NAMEN = ["Werkboek", *ZET]


@pytest.fixture()
def drie(tmp_path):
    pad = tmp_path / "drie.xlsx"
    pad.write_bytes(met_scenarios())
    return pad


def _hash(pad) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def test_json_heeft_basis_en_elk_scenario_met_dezelfde_cijfers_als_bereken(drie, capsys):
    voor = _hash(drie)
    assert main(["vergelijk", str(drie), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert [k["naam"] for k in uit["kolommen"]] == NAMEN
    for kolom in uit["kolommen"]:
        args = ["--scenario", kolom["naam"]] if kolom["naam"] != "Werkboek" else []
        assert main(["bereken", str(drie), "--json", *args]) == 0
        los = json.loads(capsys.readouterr().out)
        assert kolom["totaal"]["tekort"] == los["totaal"]["tekort"]
        assert kolom["totaal"]["gemeente_betaalt"] == los["totaal"]["opbrengst"]
        assert [p["kostprijs"] for p in kolom["producten"]] == [p["kostprijs"] for p in los["producten"]]
        laatste = max(j["jaar"] for j in los["meerjaren"])
        cumulatief = sum(j["cumulatief_tekort"] for j in los["meerjaren"]
                         if j["jaar"] == laatste and j["cumulatief_tekort"] is not None)
        assert kolom["totaal"]["cumulatief_tekort"] == pytest.approx(cumulatief, abs=0.05)
        # kostendekkend = Σ kostprijs × gerealiseerd volume; dekking = opbrengst / kosten (zelfde definitie)
        met = [p for p in kolom["producten"] if p["gemeentetarief"] is not None]
        assert kolom["totaal"]["kostendekkend"] == pytest.approx(
            sum(p["kostprijs"] * p["gerealiseerd_volume"] for p in met), rel=1e-6)
        assert kolom["totaal"]["dekkingsgraad"] == pytest.approx(
            sum(p["opbrengst"] for p in met) / sum(p["integrale_kosten"] for p in met), rel=1e-6)
    assert _hash(drie) == voor


def _tekort_basis(drie, capsys) -> float:
    assert main(["bereken", str(drie), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["totaal"]["tekort"]


def test_xlsx_heeft_een_kolom_per_scenario_en_live_formules(drie, tmp_path, capsys):
    tekort = _tekort_basis(drie, capsys)
    voor = _hash(drie)
    uit = tmp_path / "vergelijking.xlsx"
    assert main(["vergelijk", str(drie), "--xlsx", str(uit)]) == 0
    assert _hash(drie) == voor
    ws = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()))["Vergelijking"]
    kop = [c.value for c in ws[5]]
    assert kop[3:] == NAMEN
    labels = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
    rij = labels["Gemeente betaalt in totaal"]
    assert all(str(ws.cell(rij, 4 + k).value).startswith("=SUM(") for k in range(len(NAMEN)))
    assert ws.cell(rij, 3).value == "formule"
    assert ws.cell(labels["Kostprijs (kostendekkend tarief)"], 3).value == "waarde"
    waarden = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()), data_only=True)["Vergelijking"]
    assert waarden.cell(labels["Tekort per jaar"], 4).value == pytest.approx(tekort, abs=0.01)


def test_pdf_noemt_basis_en_alle_scenarios(drie, tmp_path, capsys):
    from tariefmodel import formaat

    tekort = formaat.euro_heel(_tekort_basis(drie, capsys)).replace("\xa0", " ")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) staat niet op PATH")
    uit = tmp_path / "vergelijking.pdf"
    assert main(["vergelijk", str(drie), "--pdf", str(uit)]) == 0
    tekst = subprocess.run(["pdftotext", "-layout", str(uit), "-"], check=True, capture_output=True,
                           text=True).stdout
    for naam in NAMEN:
        assert naam in tekst
    assert "Gemeente betaalt in totaal" in tekst and tekort in tekst.replace("\xa0", " ")


def test_uitvoer_gelijk_aan_invoer_geweigerd(drie, capsys):
    voor = _hash(drie)
    assert main(["vergelijk", str(drie), "--xlsx", str(drie)]) == 2
    assert main(["vergelijk", str(drie), "--pdf", str(drie.with_suffix(".xlsx"))]) == 2
    assert _hash(drie) == voor


def test_vo_tegen_gemeente_effect_per_aanname():
    invoer = lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name)
    vo = Scenario("VO", {"gemeentetarief[CRISIS]": 300.0, "verzuim": 0.06})
    gemeente = Scenario("Gemeente", {"gemeentetarief[CRISIS]": 270.0, "verzuim": 0.06, "plaatsen[NOOD]": 3.0})
    punten = geschilpunten(invoer, vo, gemeente)
    assert [p.naam for p in punten] == ["gemeentetarief[CRISIS]"]  # verzuim gelijk; plaatsen[NOOD] = werkboek (3)
    # tarief 300 -> 270 bij 16 · 365 · 0,95 gerealiseerde etmalen: 30 · 5548 = € 166.440 meer tekort
    assert punten[0].effect == pytest.approx(30 * 16 * 365 * 0.95)


def test_bezettingsnorm_raakt_niet_het_tekort_wel_het_kostendekkend_totaal():
    invoer = lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name)
    [punt] = geschilpunten(invoer, Scenario("VO", {"bezettingsnorm": 0.80}), Scenario("Gemeente", {"bezettingsnorm": 0.85}))
    assert punt.effect == pytest.approx(0, abs=1e-6)  # tekort = I − tarief × gerealiseerd volume (§1.6)
    # kostprijs × volume daalt met factor 0,80/0,85 voor elk opvangproduct met tarief
    from tariefmodel.afronding import rond_euro
    from tariefmodel.kostprijs.berekening import bereken

    opvang = [p for p in bereken(invoer.met_scenario({"bezettingsnorm": 0.80})).producten if p.product.soort == "opvang"]
    lager = sum((rond_euro(p.kostprijs * 0.80 / 0.85) - rond_euro(p.kostprijs)) * p.gerealiseerd_volume for p in opvang)
    assert punt.effect_kostendekkend == pytest.approx(lager, rel=1e-4)
