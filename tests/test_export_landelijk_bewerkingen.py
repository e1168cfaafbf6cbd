"""Issue 13 (landelijk): een controller bewerkt de landelijke export — een regio, een DUVO-regel, een
Plaatsingen-regel en een Overgangsjaar onder de tabellen, een ander aantal inwoners — en LibreOffice rekent
het werkboek opnieuw uit (geforceerd, zonder opgeslagen waarden). De uitkomst is op de cent gelijk aan
`landelijk --json` op het even gewijzigde invoerwerkboek, zonder foutwaarden en met Controle 0. Een regio
onder de reserverijen en een bedorven formule maken Controle ≠ 0.

De verwachte getallen komen uit het model op een onafhankelijk gebouwd invoerwerkboek (tests/hulp/landelijk.py;
het model zelf is met handberekende gevallen getest in tests/test_landelijk_cli.py en test_landelijk_v2.py).
Eén soffice-run per werkboek; de bewerkingen zijn per werkboek gebundeld (de machine is gedeeld).
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from tariefmodel.export import exporteer_landelijk
from tariefmodel.export.landelijk_invoer import RESERVE
from tariefmodel.landelijk import bereken_landelijk, naar_json
from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
from tests.herberekening import met_libreoffice, soffice, vergelijk_landelijk
from tests.hulp.landelijk import HANDWERKBOEK, landelijk_bytes

pytestmark = pytest.mark.libreoffice

# De bewerkingen, in de kolomvolgorde van het invoerwerkboek (= die van de export).
NIEUWE_REGIO = ["Assen", 70_000, 4, None, None, 150_000, 200]
NIEUWE_DUVO = [["Assen", 2027, 300_000, 250_000, 20_000], ["Leeuwarden", 2028, 400_000, 410_000, None]]
NIEUWE_PLAATSING = ["Assen", "Groningen", 7]
NIEUW_JAAR = [2028, 2_100_000, 1]
INWONERS_EMMEN = 120_000


def _bladen(beta: bool) -> dict:
    bladen = {k: (list(v[0]), [list(r) for r in v[1]]) for k, v in HANDWERKBOEK.items()}
    if beta:  # verdeelmodel v2: Aandeel verlies β_t met de externe knelpuntenpot (rekenmethode §2.1)
        kolommen, rijen = bladen["Overgang"]
        bladen["Overgang"] = (kolommen + ["Aandeel verlies"], [r + [b] for r, b in zip(rijen, [1, 0.5, 0.25])])
    return bladen


def _verwacht(beta: bool):
    """Dezelfde bewerkingen in het invoerwerkboek, doorgerekend door het model."""
    bladen = _bladen(beta)
    bladen["Regio's"][1].append(list(NIEUWE_REGIO))
    emmen = next(r for r in bladen["Regio's"][1] if r[0] == "Emmen")
    emmen[1] = INWONERS_EMMEN
    bladen["DUVO"][1].extend(list(r) for r in NIEUWE_DUVO)
    bladen["Plaatsingen"][1].append(list(NIEUWE_PLAATSING))
    bladen["Overgang"][1].append(list(NIEUW_JAAR) + ([None] if beta else []))  # leeg β telt als 1
    return bereken_landelijk(lees_landelijk_werkboek(landelijk_bytes(bladen), "verwacht.xlsx"))


def _exporteer(beta: bool) -> bytes:
    return exporteer_landelijk(bereken_landelijk(lees_landelijk_werkboek(landelijk_bytes(_bladen(beta)), "hand.xlsx")))


def _tabel(ws, titel: str) -> int:
    """De eerste regel (Excel-rij) van tabel ``titel`` in blad Invoer."""
    return next(r for r in range(1, ws.max_row + 1)
                if isinstance(ws.cell(r, 1).value, str) and ws.cell(r, 1).value.startswith(titel)) + 2


def _eerste_lege_rij(ws, titel: str) -> int:
    rij = _tabel(ws, titel)
    while ws.cell(rij, 1).value not in (None, ""):
        rij += 1
    return rij


def _typ(ws, rij: int, waarden) -> None:
    for k, waarde in enumerate(waarden, start=1):
        ws.cell(rij, k).value = waarde


def _bewerk(xlsx: bytes) -> bytes:
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    ws = wb["Invoer"]
    _typ(ws, _eerste_lege_rij(ws, "Regio's"), NIEUWE_REGIO)
    for regel in NIEUWE_DUVO:
        _typ(ws, _eerste_lege_rij(ws, "DUVO"), regel)
    _typ(ws, _eerste_lege_rij(ws, "Plaatsingen"), NIEUWE_PLAATSING)
    _typ(ws, _eerste_lege_rij(ws, "Overgang"), NIEUW_JAAR)
    emmen = next(r for r in range(_tabel(ws, "Regio's"), ws.max_row) if ws.cell(r, 1).value == "Emmen")
    ws.cell(emmen, 2).value = INWONERS_EMMEN
    return _opslaan(wb)


def _opslaan(wb) -> bytes:
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _foutwaarden(h) -> list[str]:
    return [f"{blad}!{cel}: {w}" for blad, cellen in h.waarden.items() for cel, w in cellen.items()
            if isinstance(w, str) and w.startswith("#")]


def _afwijkend(h) -> set[str]:
    ws = h.opbouw["Controle"]
    return {ws.cell(r, 2).value for r in range(7, ws.max_row + 1) if ws.cell(r, 2).value
            and h.waarde("Controle", f"F{r}") != 0}


@pytest.fixture(autouse=True)
def _libreoffice():
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")


@pytest.mark.parametrize("beta", [False, True], ids=["v1_zachte_landing", "v2_aandeel_verlies"])
def test_regels_onder_de_tabellen_en_inwoners_rekenen_mee_als_het_model(beta, tmp_path):
    verwacht = _verwacht(beta)
    model = naar_json(verwacht)
    assert len(verwacht.regios) == 4 and verwacht.jaren[-1] == 2028 and len(verwacht.duvo) == 4
    assert (verwacht.verdeling.beta is not None) == beta
    h = met_libreoffice(_bewerk(_exporteer(beta)), tmp_path, opgeslagen_door_openpyxl=True)
    assert _foutwaarden(h) == []
    assert vergelijk_landelijk(h, model) == []  # Uitvoer, Capaciteit, DUVO (ook per jaar) en Controle 0
    assert h.waarde("Controle", "F5") == 0
    assert h.waarde("Uitvoer", next(f"{c.column_letter}5" for c in h.opbouw["Uitvoer"][5]
                                    if str(c.value).startswith('="Historisch'))) == "Historisch 2028"


def test_controle_ziet_regio_onder_de_reserve_en_bedorven_formule(tmp_path):
    """Negatieve controles, elk in een eigen werkboek (twee soffice-runs)."""
    xlsx = _exporteer(False)
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    ws = wb["Invoer"]
    onder = _tabel(ws, "Regio's") + len(HANDWERKBOEK["Regio's"][1]) + RESERVE["Regio's"]
    assert ws.cell(onder - 1, 1).value is None and ws.cell(onder, 1).value is None
    _typ(ws, onder, NIEUWE_REGIO)  # de eerste rij ónder de reserverijen
    h = met_libreoffice(_opslaan(wb), tmp_path, opgeslagen_door_openpyxl=True)
    assert h.waarde("Controle", "F5") >= 1
    assert any(t.startswith("Regio's: aantal namen") for t in _afwijkend(h)), _afwijkend(h)

    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    ws = wb["Verdeling"]
    bedorven = next(c for r in ws.iter_rows() for c in r if isinstance(c.value, str) and "*$" in c.value
                    and c.value.startswith('=IF(') and "Historisch" not in c.value)
    bedorven.value = bedorven.value[:-1] + "*1.1)"  # één cel van de historische verdeling 10% te hoog
    h = met_libreoffice(_opslaan(wb), tmp_path, opgeslagen_door_openpyxl=True)
    assert h.waarde("Controle", "F5") >= 1
    assert any("Σ historisch = budget" in t for t in _afwijkend(h)), _afwijkend(h)
