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
    assert "tekort " + formaat.euro_heel(basis.tekort).replace("\u00a0", " ") in tekst  # saldo, met woord
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


def eerste_pagina(pdf: bytes, tmp_path: Path) -> str:
    poppler()
    pad = tmp_path / "p1.pdf"
    pad.write_bytes(pdf)
    uit = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pad), "-"], check=True, capture_output=True,
                         text=True).stdout
    return " ".join(uit.replace("\u200b", "").split())


def _met_tarieven(tarieven: dict[str, str | None]):
    """Het voorbeeld met andere gemeentetarieven; None = tarief leeg gemaakt."""
    import dataclasses

    invoer = _invoer()
    producten = [dataclasses.replace(p, gemeentetarief=None if tarieven.get(p.code, "") is None else
                                     float(tarieven.get(p.code) or p.gemeentetarief)) for p in invoer.producten]
    return bereken(dataclasses.replace(invoer, producten=producten))


def test_pagina_1_voorbeeld_noemt_elk_product_onder_de_kosten(basis, pdf, tmp_path):
    """Issue 13: niet 'dekken de kosten' uit het totaal; per product (CRISIS 433,67 tegen 260: tekort)."""
    tekst = eerste_pagina(pdf, tmp_path)
    assert "dekken de kosten niet voor 4 van de 5 producten" in tekst
    assert "dekken de kosten van elk product" not in tekst
    for code in ("CRISIS", "VERVOLG", "AMB", "NAZORG"):
        assert f"{code} tekort" in tekst
    assert "Wel gedekt: NOOD" in tekst  # 240 > 164,09


def test_pagina_1_gemengd_met_product_zonder_tarief(tmp_path):
    """CRISIS zonder tarief, NOOD en VERVOLG ruim boven de kostprijs, AMB en NAZORG eronder: het saldo kan
    een overschot zijn, de zin zegt toch dat AMB en NAZORG niet gedekt zijn en noemt CRISIS."""
    r = _met_tarieven({"CRISIS": None, "NOOD": "400", "VERVOLG": "400", "AMB": "50", "NAZORG": "1000"})
    assert r.product("CRISIS").gemeentetarief is None
    tekst = eerste_pagina(rapport_pdf(r), tmp_path)
    assert r.tekort < 0  # saldo is een overschot ...
    assert "dekken de kosten niet voor 2 van de 4 producten" in tekst  # ... maar niet alles is gedekt
    assert "AMB tekort" in tekst and "NAZORG tekort" in tekst
    assert "Zonder gemeentetarief, dus niet vergeleken: CRISIS" in tekst
    kosten = formaat.euro_heel(r.product("CRISIS").integrale_kosten).replace("\u00a0", " ")
    assert kosten in tekst
    assert "dekken de kosten van elk product" not in tekst


def test_pagina_1_alles_gedekt(tmp_path):
    """Elk tarief ruim boven kostprijs / bezetting (CRISIS 433,67 → 800; NAZORG 3.405,08 → 8.000, ...)."""
    r = _met_tarieven({"CRISIS": "800", "NOOD": "300", "VERVOLG": "300", "AMB": "150", "NAZORG": "8000"})
    assert all(p.tekort < 0 for p in r.producten)
    tekst = eerste_pagina(rapport_pdf(r), tmp_path)
    assert "dekken de kosten van elk product met een tarief (CRISIS, NOOD, VERVOLG, AMB, NAZORG)" in tekst
    assert "overschot " + formaat.euro_heel(-r.tekort).replace("\u00a0", " ") in tekst
    assert "niet voor" not in tekst and "tekort €" not in tekst


def test_meerjaren_vijftien_jaar_leesbaar_en_reeksen_per_jaar(tmp_path):
    invoer = _invoer().met_scenario({"meerjaren_jaren": "15", "cao_stijging_2028": "0,07"})
    r = bereken(invoer)
    tekst = tekst_van(rapport_pdf(r), tmp_path)
    for jaar in range(2026, 2041):
        assert str(jaar) in tekst
    assert "2028: 7,00%" in tekst  # de jaaroverride, niet de standaardwaarde
    assert "gemaakt " in tekst


def test_amvb_toets_a_tot_f(pdf, tmp_path):
    tekst = tekst_van(pdf, tmp_path)
    assert "AMvB-toets" in tekst
    for element in ("beroepskracht", "overheadkosten", "niet-productieve", "opleidingskosten", "indexatie",
                    "gemeentelijke"):  # a-f (losse woorden: pdftotext breekt kolommen over regels)
        assert element in tekst
    from tariefmodel.rapport.gegevens import amvb

    ontbreekt = [e for e in amvb(bereken(_invoer())) if not e["gevuld"]]
    assert ("NIET GEVULD" in tekst) == bool(ontbreekt)
    een_jaar = bereken(_invoer().met_scenario({"meerjaren_jaren": "1"}))  # geen index voor het volgende jaar: e
    assert any(e["element"] == "e" and not e["gevuld"] for e in amvb(een_jaar))
    assert "NIET GEVULD" in tekst_van(rapport_pdf(een_jaar), tmp_path)
