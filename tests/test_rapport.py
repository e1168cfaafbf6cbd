"""Het PDF-handout (issue 5): A4, Nederlands, met tarieven, opbouw, bronnen, scenario en voetregel."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tariefmodel import __version__, formaat
from tariefmodel.cli import main
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.rapport import rapport_pdf
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

VOORBEELD = Path(__file__).parents[1] / "workbooks" / "voorbeeld_kostprijs.xlsx"
TYPST_OPMAAK = '#panic("stop") *vet* _schuin_ $x^2$ [haak] <label> @verwijzing \\ `code` = Kop'


def _invoer():
    return lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name)


def poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("pdftotext/pdfinfo (Debian poppler-utils) staan niet op PATH")


def tekst_van(pdf: bytes, tmp_path: Path) -> str:
    poppler()
    pad = tmp_path / "rapport.pdf"
    pad.write_bytes(pdf)
    uit = subprocess.run(["pdftotext", "-layout", str(pad), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(uit.replace("\u200b", "").split())  # witruimte (ook vaste spaties) als één spatie


def pagina_s(pdf: bytes, tmp_path: Path) -> int:
    poppler()
    pad = tmp_path / "pagina.pdf"
    pad.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(pad)], check=True, capture_output=True, text=True).stdout
    return int(next(r.split()[-1] for r in info.splitlines() if r.startswith("Pages:")))


@pytest.fixture(scope="module")
def basis():
    return bereken(_invoer())


@pytest.fixture(scope="module")
def pdf(basis):
    return rapport_pdf(basis)


def test_pdf_met_organisatie_tarieven_en_voetregel(basis, pdf, tmp_path):
    assert pdf.startswith(b"%PDF")
    assert 2 <= pagina_s(pdf, tmp_path) <= 4
    tekst = tekst_van(pdf, tmp_path)
    assert basis.invoer.organisatie in tekst
    assert "rekenjaar 2026" in tekst
    for p in basis.producten:
        assert formaat.euro(p.kostprijs).replace("\u00a0", " ") in tekst, p.code  # € 433,67
        assert formaat.euro(p.gemeentetarief).replace("\u00a0", " ") in tekst
    assert formaat.euro_heel(basis.tekort).replace("\u00a0", " ") in tekst
    assert "Opbouw van de kostprijs" in tekst and "Productiviteit" in tekst  # de grafieken (SVG met tekst)
    assert "ESTIMATE" in tekst and "verzuim" in tekst  # uitgangspunten met status
    assert f"tariefmodel {__version__}" in tekst and basis.invoer.sha256[:12] in tekst
    assert "peildatum 01-07-2026" in tekst
    assert "CONCEPT" not in tekst
    assert "Scenario" not in tekst


def test_concept_staat_op_elke_pagina(tmp_path):
    invoer = _invoer().met_scenario({"concept": "ja"})
    pdf = rapport_pdf(bereken(invoer))
    tekst = tekst_van(pdf, tmp_path)
    assert tekst.count("CONCEPT") >= pagina_s(pdf, tmp_path)


def test_scenario_tegen_basis(basis, tmp_path):
    scenario = bereken(_invoer().met_scenario({"bezettingsnorm": "0,95"}, {"CRISIS": "300"}))
    tekst = tekst_van(rapport_pdf(basis, scenario), tmp_path)
    assert "Scenario tegen de basis" in tekst
    assert "bezettingsnorm = 95,00% (basis: 85,00%)" in tekst
    assert "gemeentetarief CRISIS = € 300,00 (basis: € 260,00)" in tekst
    assert formaat.euro(scenario.product("CRISIS").kostprijs).replace("\u00a0", " ") in tekst


def test_tekst_van_de_gebruiker_wordt_geen_typst_opmaak(tmp_path):
    invoer = _invoer().met_scenario({"organisatie": TYPST_OPMAAK})
    tekst = tekst_van(rapport_pdf(bereken(invoer)), tmp_path)
    assert '#panic("stop") *vet* _schuin_ $x^2$ [haak] <label> @verwijzing' in tekst


def test_opdracht_rapport(tmp_path, capsys):
    uit = tmp_path / "handout.pdf"
    assert main(["rapport", str(VOORBEELD), str(uit), "--zet", "risico_opslag=3%"]) == 0
    assert uit.read_bytes().startswith(b"%PDF")
    assert "Scenario tegen de basis" in tekst_van(uit.read_bytes(), tmp_path)
    assert main(["rapport", str(VOORBEELD), str(VOORBEELD)]) == 2  # nooit over de invoer heen
    assert main(["rapport", str(VOORBEELD), str(tmp_path / "x.xlsx")]) == 2
    assert main(["rapport", str(VOORBEELD), str(tmp_path / "y.pdf"), "--zet", "verzuim=veel"]) == 2
    assert "Fout" in capsys.readouterr().err
