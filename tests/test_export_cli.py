"""Opdracht `tariefmodel exporteer` (issue 5): schrijft atomair, nooit naar de invoer, exit 2 bij fouten."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from tariefmodel.cli import main

VOORBEELD = Path(__file__).parents[1] / "workbooks" / "voorbeeld_kostprijs.xlsx"


def test_exporteer_kostprijs(tmp_path, capsys):
    uit = tmp_path / "export.xlsx"
    voor = VOORBEELD.read_bytes()
    assert main(["exporteer", str(VOORBEELD), str(uit)]) == 0
    assert VOORBEELD.read_bytes() == voor
    wb = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()))
    assert wb.sheetnames == ["Voorblad", "Toelichting", "Invoer", "Personeel", "Kosten", "Salaristabel", "Parameters",
                             "Loonkosten", "Berekening", "Uitvoer", "Meerjaren", "Controle"]
    assert "Geschreven" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["export.xlsx"]  # geen tijdelijke bestanden achtergelaten


def test_exporteer_met_scenario(tmp_path):
    uit = tmp_path / "scenario.xlsx"
    assert main(["exporteer", str(VOORBEELD), str(uit), "--zet", "bezettingsnorm=0,9",
                 "--zet", "gemeentetarief[CRISIS]=300"]) == 0
    wb = openpyxl.load_workbook(io.BytesIO(uit.read_bytes()), data_only=True)
    ws = wb["Parameters"]
    rij = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "bezettingsnorm")
    assert ws.cell(rij, 2).value == 0.9 and ws.cell(rij, 4).value == "scenario"
    assert wb["Invoer"]["I7"].value == 300  # eerste product in Invoer › Producten
    sc = wb["Scenario"]  # basis / scenario / verschil (CRISIS: tarief 260 -> 300)
    rijen = {sc.cell(r, 1).value: [sc.cell(r, k).value for k in range(3, 12)] for r in range(1, sc.max_row + 1)}
    assert rijen["CRISIS"][3:6] == [260, 300, 40]
    teksten = [sc.cell(r, 2).value for r in range(1, sc.max_row + 1)]
    assert "gemeentetarief CRISIS: 260.0 → 300.0" in teksten and any(str(t).startswith("bezettingsnorm") for t in teksten)


def test_exporteer_weigert_en_meldt_zonder_traceback(tmp_path, capsys):
    assert main(["exporteer", str(VOORBEELD), str(VOORBEELD)]) == 2
    assert main(["exporteer", str(VOORBEELD), str(tmp_path / "uit.pdf")]) == 2
    assert main(["exporteer", str(tmp_path / "bestaat-niet.xlsx"), str(tmp_path / "uit.xlsx")]) == 2
    assert main(["exporteer", str(VOORBEELD), str(tmp_path / "geen-map" / "uit.xlsx")]) == 2
    assert main(["exporteer", str(VOORBEELD), str(tmp_path / "uit.xlsx"), "--zet", "verzuim=veel"]) == 2
    kapot = tmp_path / "kapot.xlsx"
    kapot.write_text("geen excel")
    assert main(["exporteer", str(kapot), str(tmp_path / "uit.xlsx")]) == 2
    fouten = capsys.readouterr().err
    assert "Traceback" not in fouten and "hetzelfde als het invoerbestand" in fouten
    assert not (tmp_path / "uit.xlsx").exists()


VOORBEELD_LANDELIJK = Path(__file__).parents[1] / "workbooks" / "voorbeeld_landelijk.xlsx"


def test_exporteer_weigert_de_kostprijsinvoer_als_uitvoer(tmp_path, capsys):
    """issue 13: `exporteer land.xlsx kp.xlsx --kostprijs kp.xlsx` overschreef het kostprijswerkboek."""
    import os
    import shutil

    kp = tmp_path / "kp.xlsx"
    shutil.copy(VOORBEELD, kp)
    voor = kp.read_bytes()
    os.symlink(kp, tmp_path / "link.xlsx")
    os.link(kp, tmp_path / "hard.xlsx")
    (tmp_path / "map").mkdir()
    shutil.copy(VOORBEELD, tmp_path / "map" / "a.xlsx")
    for uit, bron in [(kp, kp), (tmp_path / "link.xlsx", kp), (tmp_path / "hard.xlsx", kp),
                      (tmp_path / "sub" / ".." / "kp.xlsx", kp), (tmp_path / "map" / "a.xlsx", tmp_path / "map")]:
        (tmp_path / "sub").mkdir(exist_ok=True)
        assert main(["exporteer", str(VOORBEELD_LANDELIJK), str(uit), "--kostprijs", str(bron)]) == 2, uit
    assert kp.read_bytes() == voor
    fouten = capsys.readouterr().err
    assert "Traceback" not in fouten and fouten.count("hetzelfde als het invoerbestand") == 5


def test_rapport_en_export_weigeren_link_naar_invoer_en_alleen_lezen(tmp_path, capsys):
    import os
    import shutil

    kp = tmp_path / "kp.xlsx"
    shutil.copy(VOORBEELD, kp)
    os.symlink(kp, tmp_path / "link.pdf")
    assert main(["rapport", str(kp), str(tmp_path / "link.pdf")]) == 2
    alleen_lezen = tmp_path / "vast.xlsx"
    alleen_lezen.write_bytes(b"oud")
    alleen_lezen.chmod(0o444)
    if os.access(alleen_lezen, os.W_OK):  # root negeert rechten
        return
    assert main(["exporteer", str(kp), str(alleen_lezen)]) == 2
    assert alleen_lezen.read_bytes() == b"oud"
    fouten = capsys.readouterr().err
    assert "alleen-lezen" in fouten and "hetzelfde als het invoerbestand" in fouten and "Traceback" not in fouten


def test_wat_niet_in_excel_past_wordt_geweigerd_met_exit_2(monkeypatch, tmp_path, capsys):
    """Nooit afkappen: meer regels dan een blad rijen heeft geeft een Nederlandse melding en exit 2."""
    import pytest

    from tariefmodel.bestanden import UitvoerFout
    from tariefmodel.export import kostprijs_invoer
    from tariefmodel.export.opmaak import MAX_RIJEN, NietTeExporteren

    assert issubclass(NietTeExporteren, UitvoerFout)  # de CLI maakt er exit 2 van
    with pytest.raises(NietTeExporteren, match="passen niet in een Excel-blad"):
        kostprijs_invoer.past(MAX_RIJEN, 6, "blad Personeel")
    kostprijs_invoer.past(MAX_RIJEN - 6, 6, "blad Personeel")  # precies passend mag
    monkeypatch.setattr(kostprijs_invoer, "RESERVE_REGELS", MAX_RIJEN)  # elk werkboek is nu te groot
    uit = tmp_path / "te-groot.xlsx"
    assert main(["exporteer", str(VOORBEELD), str(uit)]) == 2
    assert not uit.exists() and "passen niet in een Excel-blad" in capsys.readouterr().err
