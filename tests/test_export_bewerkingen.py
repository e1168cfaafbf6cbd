"""Issue 13: een controller bewerkt de export (regels onder elke tabel, schaal, tarief leeg) en LibreOffice
rekent het werkboek opnieuw uit; de uitkomst is op de cent gelijk aan `bereken` op het even gewijzigde
invoerwerkboek, zonder foutwaarden en met Controle 0. Een genegeerde regel, een parameter buiten zijn
bereik en een bedorven formule maken Controle ≠ 0.

De verwachte getallen komen uit het model (`bereken`) op een onafhankelijk gebouwd invoerwerkboek; het
model zelf is met handberekende gevallen getest (tests/gevallen). Eén soffice-run per werkboek.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from tariefmodel.export import exporteer_kostprijs
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.herberekening import met_libreoffice, soffice, vergelijk_kostprijs
from tests.hulp.werkboeken import maak_kostprijswerkboek

pytestmark = pytest.mark.libreoffice

UITGANGSPUNTEN = {"organisatie": "Controller", "rekenjaar": 2026, "meerjaren_jaren": 3}
PRODUCTEN = [["OPV", "Opvang", "opvang", "etmaal", 6, None, None, None, 260],
             ["TRJ", "Traject", "ambulant", "traject", None, None, 20, 40, 1500]]
PERSONEEL = [["Begeleider", "OPV", "8", "5", 6, None, 0.2], ["Nacht", "OPV", None, None, 2, 3300, 0.3],
             ["Coach", "TRJ", "9", "3", 1.5, None, 0], ["Staf", "OVERHEAD", "10", "4", 1, None, 0]]
KOSTEN = [["OPV", "huisvesting", "Huur", 50000], ["OVERHEAD", "overig", "Kantoor", 20000]]

# De bewerkingen van de controller, in invoervorm (zelfde wijziging in het invoerwerkboek).
NIEUW_PRODUCT = ["NIEUW", "Nieuwe opvang", "opvang", "etmaal", 3, None, None, None, 250]
NIEUWE_REGELS = [["Extra begeleider", "OPV", "8", "5", 2, None, 0.1], ["Begeleider nieuw", "NIEUW", "7", "4", 3, None, 0.15]]
NIEUWE_KOSTEN = [["NIEUW", "huisvesting", "Huur nieuw", 30000], ["OVERHEAD", "overig", "Accountant", 8000]]


def _exporteer(producten, personeel, kosten):
    data = maak_kostprijswerkboek(UITGANGSPUNTEN, producten, personeel, kosten)
    resultaat = bereken(lees_kostprijswerkboek(data, "controller.xlsx"))
    return resultaat, exporteer_kostprijs(resultaat)


def _eerste_lege_rij(ws, kolom: int = 1) -> int:
    """De eerste lege gele rij onder de tabel (kopregel in rij 6 van de export)."""
    rij = 7
    while ws.cell(rij, kolom).value not in (None, ""):
        rij += 1
    return rij


def _typ(ws, rij: int, waarden) -> None:
    for k, waarde in enumerate(waarden, start=1):
        ws.cell(rij, k).value = waarde


def _bewerk(xlsx: bytes) -> bytes:
    """Wat de controller doet: in de export (kolomvolgorde van de export, niet van het invoerwerkboek)."""
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    producten, personeel, kosten = wb["Invoer"], wb["Personeel"], wb["Kosten"]
    _typ(producten, _eerste_lege_rij(producten), NIEUW_PRODUCT)
    for functie, product, schaal, trede, fte, salaris, ort in NIEUWE_REGELS:
        _typ(personeel, _eerste_lege_rij(personeel), [product, functie, schaal, trede, fte, salaris, ort])
    for product, soort, omschrijving, bedrag in NIEUWE_KOSTEN:
        _typ(kosten, _eerste_lege_rij(kosten), [product, omschrijving, soort, bedrag])
    assert personeel["C7"].value == "8"
    personeel["C7"].value = "9"  # schaal van Begeleider: 8 -> 9 (salaris uit de Salaristabel)
    assert producten["A8"].value == "TRJ"
    producten["I8"].value = None  # gemeentetarief TRJ leeggemaakt
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _verwacht():
    """Hetzelfde, maar als invoerwerkboek voor `bereken`."""
    producten = [list(p) for p in PRODUCTEN] + [NIEUW_PRODUCT]
    producten[1][8] = None
    personeel = [list(r) for r in PERSONEEL] + NIEUWE_REGELS
    personeel[0][2] = "9"
    data = maak_kostprijswerkboek(UITGANGSPUNTEN, producten, personeel, KOSTEN + NIEUWE_KOSTEN)
    return bereken(lees_kostprijswerkboek(data, "verwacht.xlsx"))


@pytest.fixture(scope="module")
def basis():
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")
    return _exporteer(PRODUCTEN, PERSONEEL, KOSTEN)


def _foutwaarden(h) -> list[str]:
    return [f"{blad}!{cel}: {w}" for blad, cellen in h.waarden.items() for cel, w in cellen.items()
            if isinstance(w, str) and w.startswith("#")]


def test_bewerkingen_van_de_controller_rekenen_mee_als_het_model(basis, tmp_path):
    _, xlsx = basis
    h = met_libreoffice(_bewerk(xlsx), tmp_path, opgeslagen_door_openpyxl=True)
    verwacht = _verwacht()
    assert verwacht.product("TRJ").gemeentetarief is None and len(verwacht.producten) == 3
    assert _foutwaarden(h) == []
    assert vergelijk_kostprijs(h, naar_json(verwacht)) == []  # Uitvoer, totalen, kerncijfers, Meerjaren, Controle 0
    assert h.waarde("Controle", "F5") == 0


def test_controle_ziet_genegeerde_regel_bereik_en_bedorven_formule(basis, tmp_path):
    """Negatieve controles in één werkboek: elk moet zijn eigen controle laten aanslaan."""
    _, xlsx = basis
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    personeel = wb["Personeel"]
    laatste_reserve = _eerste_lege_rij(personeel) + 49  # RESERVE_REGELS lege rijen onder de tabel
    _typ(personeel, laatste_reserve + 5, ["OPV", "Genegeerd", None, None, 1, 3000, 0])  # onder de reserve
    ws = wb["Parameters"]
    rij = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "verzuim")
    ws.cell(rij, 2).value = 1.2  # buiten [0, 1]: de intake weigert dit
    berekening = wb["Berekening"]
    bedorven = next(c for r in berekening.iter_rows() for c in r
                    if isinstance(c.value, str) and c.value.startswith("=IF(") and "overhead_pool*" in c.value)
    bedorven.value = bedorven.value.replace("overhead_pool*", "overhead_pool_kosten*", 1)
    uit = io.BytesIO()
    wb.save(uit)
    h = met_libreoffice(uit.getvalue(), tmp_path, opgeslagen_door_openpyxl=True)
    controle = h.opbouw["Controle"]
    afwijkend = {controle.cell(r, 2).value for r in range(7, controle.max_row + 1) if h.waarde("Controle", f"F{r}") != 0}
    assert h.waarde("Controle", "F5") >= 3
    assert any(t.startswith("Personeel: aantal regels") for t in afwijkend), afwijkend
    assert any(t.startswith("Personeel: Σ FTE") for t in afwijkend), afwijkend
    assert any(t.startswith("Bereik: verzuim") for t in afwijkend), afwijkend
    assert any(t.startswith("Overhead verdeeld") for t in afwijkend), afwijkend


def test_rekenjaar_wijzigen_hernoemt_de_meerjaren_en_volgt_de_reeksen(basis, tmp_path):
    """Meerjaren-labels en indexreeksen volgen de cel rekenjaar (geen vaste jaartallen)."""
    _, xlsx = basis
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    ws = wb["Parameters"]
    rij = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "rekenjaar")
    ws.cell(rij, 2).value = 2028
    namen = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(1, ws.max_row + 1)}
    uit = io.BytesIO()
    wb.save(uit)
    h = met_libreoffice(uit.getvalue(), tmp_path, opgeslagen_door_openpyxl=True)
    assert [h.waarde("Meerjaren", f"{k}5") for k in "EFG"] == [2028, 2029, 2030]
    rij_cao = next(r for r in range(1, 40) if h.tekst("Meerjaren", r, 1) == "CAO-loonstijging")
    assert h.waarde("Meerjaren", f"F{rij_cao}") == pytest.approx(namen["cao_stijging_2029"])
    assert h.waarde("Meerjaren", f"G{rij_cao}") == pytest.approx(namen["cao_stijging_2030"])
    assert _foutwaarden(h) == []


# --- werkgever_grootte en ρ* (rekenmethode §1.1 v2 'Employer size', §1.6 v2 methode weigerkans) ----------

WEIGERKANS = {**UITGANGSPUNTEN, "bezettingsnorm_methode": "weigerkans", "doel_weigerkans": "5%"}


def _zet_parameter(wb, naam: str, waarde) -> None:
    ws = wb["Parameters"]
    rij = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == naam)
    ws.cell(rij, 2).value = waarde


def _weigerkans_export(uitgangspunten):
    data = maak_kostprijswerkboek(uitgangspunten, PRODUCTEN, PERSONEEL, KOSTEN)
    resultaat = bereken(lees_kostprijswerkboek(data, "weigerkans.xlsx"))
    return resultaat, exporteer_kostprijs(resultaat)


def test_werkgever_grootte_wijzigen_neemt_sociale_premies_mee(tmp_path):
    """Het werkboek zet sociale_premies niet: de cel is een formule op werkgever_grootte. Klein in de export =
    `bereken` met werkgever_grootte = klein (andere premie, andere kostprijzen); ρ* past nog (Controle 0)."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")
    basis, xlsx = _weigerkans_export(WEIGERKANS)
    verwacht = bereken(lees_kostprijswerkboek(maak_kostprijswerkboek({**WEIGERKANS, "werkgever_grootte": "klein"},
                                                                     PRODUCTEN, PERSONEEL, KOSTEN), "klein.xlsx"))
    assert verwacht.parameters["sociale_premies"] != basis.parameters["sociale_premies"]
    assert verwacht.product("OPV").bezettingsnorm_bron == "weigerkans"
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    _zet_parameter(wb, "werkgever_grootte", "klein")
    uit = io.BytesIO()
    wb.save(uit)
    h = met_libreoffice(uit.getvalue(), tmp_path, opgeslagen_door_openpyxl=True)
    assert _foutwaarden(h) == []
    assert vergelijk_kostprijs(h, naar_json(verwacht)) == []
    assert h.waarde("Controle", "F5") == 0


def test_rho_ster_is_gelabeld_en_controle_ziet_andere_plaatsen(tmp_path):
    """ρ* staat als waarde 'berekend door tariefmodel' met N en doel_weigerkans ernaast; een ander aantal
    Plaatsen laat de ρ*-controle aanslaan."""
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) staat niet op PATH")
    _, xlsx = _weigerkans_export(WEIGERKANS)
    wb = openpyxl.load_workbook(io.BytesIO(xlsx))
    labels = [c.value for c in wb["Berekening"]["A"] if isinstance(c.value, str)]
    assert any("berekend door tariefmodel" in t for t in labels)
    assert any(t.strip().startswith("invoer van ρ*: Plaatsen N") for t in labels)
    assert wb["Invoer"]["A7"].value == "OPV"
    wb["Invoer"]["E7"].value = 9  # 6 -> 9 plaatsen: ρ*(6; 5%) past niet meer
    uit = io.BytesIO()
    wb.save(uit)
    h = met_libreoffice(uit.getvalue(), tmp_path, opgeslagen_door_openpyxl=True)
    controle = h.opbouw["Controle"]
    afwijkend = {controle.cell(r, 2).value for r in range(7, controle.max_row + 1) if h.waarde("Controle", f"F{r}") != 0}
    assert any(t.startswith("ρ* (berekend door tariefmodel)") for t in afwijkend), afwijkend
