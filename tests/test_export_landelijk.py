"""De landelijke export (issue 5): verdeling, ingroeipad, zachte landing, capaciteit en DUVO als formules.

Herrekend met `formulas` (klein handwerkboek: snel) en met LibreOffice (ook het voorbeeld met 35
centrumgemeenten), vergeleken met `landelijk --json` tot op de cent.
"""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from tariefmodel.export import exporteer_landelijk
from tariefmodel.landelijk import bereken_landelijk, naar_json
from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
from tests.herberekening import met_formulas, met_libreoffice, soffice, vergelijk_landelijk
from tests.hulp.landelijk import landelijk_bytes
from tests.test_export_kostprijs import getallen_in, vervang_formule

VOORBEELD = Path(__file__).parents[1] / "workbooks" / "voorbeeld_landelijk.xlsx"


def _hand():
    return bereken_landelijk(lees_landelijk_werkboek(landelijk_bytes(), "hand.xlsx"))


def _zachte_landing():
    """Zachte landing (max_verlies), winnaars die plaatsen bijbouwen, en c uit een kostprijswerkboek."""
    invoer = lees_landelijk_werkboek(landelijk_bytes(), "hand.xlsx").met_scenario(
        {"max_verlies": "5%", "reactie_voordeel": "0,5", "concept": "ja"})
    return bereken_landelijk(invoer, 95_000.5, "lumpsum-equivalent uit test.xlsx")


def _voorbeeld():
    return bereken_landelijk(lees_landelijk_werkboek(VOORBEELD.read_bytes(), VOORBEELD.name))


@pytest.fixture(scope="module", params=["hand", "zachte_landing"])
def klein(request):
    resultaat = _hand() if request.param == "hand" else _zachte_landing()
    return resultaat, exporteer_landelijk(resultaat)


def test_zachte_landing_wordt_echt_gebruikt():
    r = _zachte_landing()
    assert r.verdeling.knelpuntenpot.max() > 0 and r.plaatsen_effect_netto != 0


def test_formulas_herrekent_tot_op_de_cent_gelijk_aan_het_model(klein):
    resultaat, xlsx = klein
    assert vergelijk_landelijk(met_formulas(xlsx), naar_json(resultaat)) == []


@pytest.mark.libreoffice
@pytest.mark.parametrize("maak", [_voorbeeld, _hand, _zachte_landing], ids=["voorbeeld", "hand", "zachte_landing"])
def test_libreoffice_herrekent_tot_op_de_cent_gelijk_aan_het_model(maak, tmp_path):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH; installeer libreoffice-calc-nogui")
    resultaat = maak()
    assert vergelijk_landelijk(met_libreoffice(exporteer_landelijk(resultaat), tmp_path), naar_json(resultaat)) == []


@pytest.mark.parametrize("blad, oud, nieuw", [
    ("Verdeling", ',"",MAX(0,', ',"",MIN(0,'),  # de winst boven historisch
    ("Capaciteit", "/dagen_per_jaar)", "/dagen_per_jaar/bezettingsnorm)"),  # de aangeboden last
    ("Uitvoer", ",2)))</f>", ",2)*1.01))</f>"),  # een uitvoercel
])
def test_een_foute_formule_wordt_gevonden(blad, oud, nieuw):
    resultaat = _zachte_landing()
    bedorven = vervang_formule(exporteer_landelijk(resultaat), blad, oud, nieuw)
    assert vergelijk_landelijk(met_formulas(bedorven), naar_json(resultaat))


def test_geen_constanten_in_formules(klein):
    _, xlsx = klein
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    gevonden = {(ws.title, c.coordinate, c.value): g for ws in wb.worksheets for rij in ws.iter_rows() for c in rij
                if c.data_type == "f" and (g := set(getallen_in(str(c.value))) - {"0", "1"})}
    assert gevonden == {}


def test_parameters_benoemd_en_kop():
    resultaat = _zachte_landing()
    wb = openpyxl.load_workbook(io.BytesIO(exporteer_landelijk(resultaat)))
    assert {"max_verlies", "reactie_nadeel", "kosten_per_plaats", "bezettingsnorm", "doel_weigerkans",
            "halve_cent"} <= set(wb.defined_names)
    ws = wb["Parameters"]
    rijen = {ws.cell(r, 1).value: [ws.cell(r, k).value for k in range(2, 7)] for r in range(1, ws.max_row + 1)}
    assert rijen["kosten_per_plaats"][0] == 95_000.5 and "test.xlsx" in rijen["kosten_per_plaats"][4]
    assert rijen["max_verlies"][0] == 0.05 and rijen["max_verlies"][2] == "scenario"
    assert all(ws["D1"].value == "CONCEPT" for ws in wb.worksheets)
    assert "DUVO" in wb.sheetnames and wb["Uitvoer"]["A1"].value.startswith("Landelijk model")


def test_opdracht_exporteer_landelijk(tmp_path):
    from tariefmodel.cli import main

    werkboek = tmp_path / "hand.xlsx"
    werkboek.write_bytes(landelijk_bytes())
    uit = tmp_path / "export.xlsx"
    assert main(["exporteer", str(werkboek), str(uit), "--zet", "max_verlies=0,05"]) == 0
    assert "Verdeling" in openpyxl.load_workbook(uit).sheetnames
    assert main(["exporteer", str(werkboek), str(uit), "--zet", "gemeentetarief[X]=1"]) == 2


def test_validatie_op_invoer_en_beveiliging_zonder_wachtwoord():
    """Issue 13: elke numerieke invoercel (ook de reserverijen) heeft de grenzen van de intake; elk blad is
    beveiligd zonder wachtwoord, met gele invoer vrij en formules vast."""
    from tariefmodel.export.landelijk_invoer import RESERVE
    from tariefmodel.werkboek.landelijk import MAX_PLAATSEN

    wb = openpyxl.load_workbook(io.BytesIO(exporteer_landelijk(_hand())))
    assert all(ws.protection.sheet and not ws.protection.password for ws in wb.worksheets)
    ws = wb["Invoer"]
    eerste = next(r for r in range(1, ws.max_row) if str(ws.cell(r, 1).value).startswith("Regio's")) + 2
    laatste_reserve = eerste + 3 + RESERVE["Regio's"] - 1

    def regel(cel):
        return next((dv for dv in ws.data_validations.dataValidation if cel in dv.sqref), None)

    plaatsen = regel(f"C{laatste_reserve}")
    assert plaatsen is not None and plaatsen.type == "whole" and float(plaatsen.formula2) == MAX_PLAATSEN
    assert regel(f"C{laatste_reserve + 1}") is None  # onder de reserve: geen invoercel
    werkboekrij = next(c for c in ws[eerste - 1] if c.value == "Werkboekrij").column_letter
    assert not ws[f"C{laatste_reserve}"].protection.locked and ws[f"{werkboekrij}{eerste}"].protection.locked
    jaar = regel(f"A{next(r for r in range(1, ws.max_row) if ws.cell(r, 1).value == 'Overgang (typ een nieuwe regel in een lege gele rij)') + 5}")
    assert jaar is not None and (int(jaar.formula1), int(jaar.formula2)) == (2000, 2100)
    verdeling = wb["Verdeling"]
    formule = next(c for r in verdeling.iter_rows() for c in r if isinstance(c.value, str) and c.value.startswith("="))
    assert formule.protection.locked
