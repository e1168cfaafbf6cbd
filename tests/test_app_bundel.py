"""De app-pagina 'Landelijk beeld (bundel)' met AppTest: tien geüploade werkboeken, weigering, zip.

De bedragen worden vergeleken met de losse berekening van elk werkboek (rekenmethode §1, elders getest).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tariefmodel import formaat
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.bundel import tien_werkboeken, vo_werkboek

MAP = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGINA = "paginas/bundel.py"


def start() -> AppTest:
    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(PAGINA)
    return at.run()


def uploader(at: AppTest):
    return next(u for u in at.main.get("file_uploader") if "Kostprijswerkboeken" in u.label)


def upload(at: AppTest, bestanden, soort=XLSX) -> AppTest:
    uploader(at).set_value([(naam, data, soort) for naam, data in bestanden])
    return at.run()


def metriek(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def zonder_fouten(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_tien_werkboeken_tabel_benchmark_kaart_en_downloads():
    at = start()
    zonder_fouten(at)
    assert any("Nog geen werkboeken" in i.value for i in at.info)
    werkboeken = tien_werkboeken()
    at = upload(at, werkboeken)
    zonder_fouten(at)
    assert not at.error
    assert metriek(at, "Organisaties") == "10"
    tekort = sum(bereken(lees_kostprijswerkboek(d)).tekort for _, d in werkboeken)
    assert formaat.euro_heel(tekort) in next(m.help for m in at.metric if m.label.startswith("Tekort tegen"))
    tabel = at.dataframe[0].value
    assert len(tabel) == 10 * 2 + 2  # tien organisaties × opvang en ambulant, plus twee landelijke regels
    assert set(tabel["Organisatie"]) == {f"VO {i}" for i in range(1, 11)} | {"Landelijk"}  # namen verborgen
    assert len(at.get("vega_lite_chart")) >= 3  # twee benchmarks en de kaart
    assert [s.label for s in at.selectbox] == ["Kleur de kaart naar"]
    at.toggle(key="bundel_namen").set_value(True)
    at.run()
    assert "Vrouwenopvang Zwolle" in set(at.dataframe[0].value["Organisatie"])
    at.selectbox[0].set_value("Istanbul-tekort (plaatsen)")
    at.run()
    zonder_fouten(at)
    assert [b.label for b in at.main.get("download_button")] == ["Landelijk beeld (Excel)", "Landelijk beeld (PDF)"]


def test_dubbele_organisatie_en_gemengde_jaren_geweigerd():
    at = start()
    werkboeken = tien_werkboeken()[:3]
    at = upload(at, [*werkboeken, ("kopie.xlsx", werkboeken[0][1]), ("ouder.xlsx", vo_werkboek(7, "Venlo", 2025))])
    zonder_fouten(at)
    tekst = at.error[0].value
    assert "niet opgeteld" in tekst and "'vo_01_zwolle.xlsx', 'kopie.xlsx'" in tekst
    assert "verschillende rekenjaren (2025: 'ouder.xlsx'" in tekst
    assert not at.metric  # geen totalen


def test_zip_upload_en_zipbom():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, data in tien_werkboeken()[:4]:
            zf.writestr(f"regio/{naam}", data)
        zf.writestr("~$vo_01.xlsx", b"slot")
    at = upload(start(), [("alle.zip", buf.getvalue())], "application/zip")
    zonder_fouten(at)
    assert metriek(at, "Organisaties") == "4"
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bom.xlsx", b"\0" * (30 * 2**20))
    at = upload(start(), [("bom.zip", bom.getvalue())], "application/zip")
    zonder_fouten(at)
    assert any("zip wordt niet gebruikt" in e.value for e in at.error)


@pytest.mark.parametrize("pagina", ["paginas/verdeelmodel.py", "paginas/duvo.py"])
def test_verdeelmodel_en_duvo_tonen_v2(pagina):
    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=60)
    at.run()
    at.switch_page(pagina)
    at.run()
    zonder_fouten(at)
    if pagina.endswith("verdeelmodel.py"):
        assert any(s.value == "Gefaseerd verlies en knelpuntenpot" for s in at.subheader)
    else:
        labels = [m.label for m in at.metric]
        assert "Niet besteed (bruto)" in labels and "Bestedingsgat netto" in labels
