"""Export-blad 'Capaciteit eenheden' (§2.4a): de formules, herrekend met `formulas`, geven de modelcijfers.

Erlang B en C staan als POISSON-formules; wat een zoektocht is (vraag uit opnames, plaatsen nodig,
bandbreedte) staat als waarde met het label "berekend door tariefmodel".
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from tariefmodel.export import exporteer_landelijk
from tariefmodel.landelijk import bereken_landelijk, naar_json
from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
from tests.herberekening import met_formulas
from tests.hulp.landelijk import landelijk_bytes
from tests.test_capaciteit_werkboek import _bladen

BLAD = "Capaciteit eenheden"
KOPPEN = {"Aangeboden last A": "aangeboden_last", "Weigerkans (verlies)": "weigerkans",
          "Geweigerd per jaar": "geweigerd_per_jaar", "Kans op wachten C": "kans_wachten",
          "Gemiddelde wachttijd W": "gemiddelde_wachttijd_dagen", "Gemiddeld wachtenden L": "wachtenden",
          "Plaatsen nodig": "plaatsen_nodig"}


@pytest.fixture(scope="module")
def export():
    resultaat = bereken_landelijk(lees_landelijk_werkboek(landelijk_bytes(_bladen()), "cap.xlsx"))
    xlsx = exporteer_landelijk(resultaat)
    return resultaat, xlsx, met_formulas(xlsx)


def test_herrekend_gelijk_aan_het_model(export):
    resultaat, _, h = export
    model = naar_json(resultaat)["capaciteit"]
    ws = h.opbouw[BLAD]
    koprij = next(r for r in range(1, 12) if ws.cell(r, 1).value == "Centrumgemeente")
    kolommen = {}
    for k in range(1, ws.max_column + 1):
        kop = str(ws.cell(koprij, k).value or "")
        for begin, sleutel in KOPPEN.items():
            if kop.startswith(begin):
                kolommen[sleutel] = ws.cell(koprij, k).column_letter
    assert set(kolommen) == set(KOPPEN.values())
    for i, regel in enumerate(model):
        rij = koprij + 1 + i
        assert h.waarde(BLAD, f"A{rij}") == regel["centrumgemeente"]
        for sleutel, letter in kolommen.items():
            gevonden, verwacht = h.waarde(BLAD, f"{letter}{rij}"), regel[sleutel]
            if verwacht is None:
                assert gevonden is None, f"{letter}{rij} {sleutel}: {gevonden!r} hoort leeg"
            else:
                assert gevonden == pytest.approx(verwacht, rel=1e-9), f"{letter}{rij} {sleutel}"


def test_zoektochten_zijn_gelabeld_berekend_door_tariefmodel(export):
    _, xlsx, _ = export
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))[BLAD]
    koppen = [str(c.value) for rij in ws.iter_rows(min_row=1, max_row=10) for c in rij if c.value]
    gelabeld = [k for k in koppen if "berekend door tariefmodel" in k]
    assert any(k.startswith("Plaatsen nodig") for k in gelabeld)
    assert any(k.startswith("Aangeboden last A") for k in gelabeld)
    assert sum("gevoeligheid_bezetting" in k for k in gelabeld) == 6
    formules = [c.value for rij in ws.iter_rows() for c in rij if isinstance(c.value, str) and c.value.startswith("=")]
    assert any("POISSON(" in f for f in formules)


@pytest.mark.libreoffice
def test_libreoffice_herrekent_eenheden_gelijk_aan_het_model(tmp_path):
    from tests.herberekening import met_libreoffice, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")
    resultaat = bereken_landelijk(lees_landelijk_werkboek(landelijk_bytes(_bladen()), "cap.xlsx"))
    xlsx = exporteer_landelijk(resultaat)
    h = met_libreoffice(xlsx, tmp_path)
    model = naar_json(resultaat)["capaciteit"]
    ws = h.opbouw[BLAD]
    koprij = next(r for r in range(1, 12) if ws.cell(r, 1).value == "Centrumgemeente")
    kop = {str(ws.cell(koprij, k).value): ws.cell(koprij, k).column_letter for k in range(1, ws.max_column + 1)}
    letters = {s: next(v for k, v in kop.items() if k.startswith(b)) for b, s in KOPPEN.items()}
    for i, regel in enumerate(model):
        for sleutel, letter in letters.items():
            gevonden = h.waarde(BLAD, f"{letter}{koprij + 1 + i}")
            if regel[sleutel] is None:
                assert gevonden is None
            else:
                assert gevonden == pytest.approx(regel[sleutel], rel=1e-9), (sleutel, i)
