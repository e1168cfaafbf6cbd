"""Issue 3: de Streamlit-app, getest met AppTest vanuit het startbestand (app.py).

Elke pagina op het voorbeeld zonder fout; een geldig ander werkboek uploaden verandert de cijfers; een
ongeldig werkboek geeft de Nederlandse meldingen; een scenario beweegt de kostprijs de goede kant op.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tariefmodel import voorbeelden
from tariefmodel.werkboek.sjablonen import kostprijswerkboek

MAP = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGINAS = ["paginas/kostprijs.py", "paginas/scenarios.py", "paginas/meerjaren.py", "paginas/capaciteit.py",
           "paginas/duvo.py", "paginas/verdeelmodel.py", "paginas/landelijk.py", "paginas/downloads.py"]


def _t(markdown: str) -> str:
    """De getoonde tekst: zonder de backslashes waarmee gedeeld.tekst() markdown letterlijk maakt."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def start(pagina: str | None = None) -> AppTest:
    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=30)
    at.run()
    if pagina:
        at.switch_page(pagina)
        at.run()
    return at


def zonder_fouten(at: AppTest) -> None:
    assert not at.exception, [_t(e.value) for e in at.exception]
    teksten = [_t(e.value) for e in at.error]
    assert not any("Er ging iets mis" in t for t in teksten), teksten


def metriek(at: AppTest, label: str) -> str:
    return next(_t(m.value) for m in at.metric if m.label == label)


def tabellen(at: AppTest, blok=None) -> list:
    """Alle tabellen in volgorde van de pagina, als DataFrame: een korte tabel is een markdown-tabel (cellen
    letterlijk gemaakt met gedeeld.tekst), een lange een st.dataframe (paginas/gedeeld.tabel)."""
    uit = []
    for e in (at.main if blok is None else blok):
        if getattr(e, "type", None) == "dataframe":
            uit.append(e.value)
        elif getattr(e, "type", None) == "markdown" and (tabel := _markdown_tabel(e.value)) is not None:
            uit.append(tabel)
    return uit


def _markdown_tabel(tekst: str):
    """De (eerste) GFM-tabel in een markdown-element (ook onder een kop en uitleg, gedeeld.sectie), of None."""
    regels = tekst.splitlines()
    scheiding = next((i for i, r in enumerate(regels) if i and re.fullmatch(r"\|( :?-+:? \|)+", r)), None)
    if scheiding is None or not regels[scheiding - 1].startswith("| "):
        return None
    tabel = [regels[scheiding - 1]] + [r for r in regels[scheiding + 1:] if r.startswith("| ") or not r]
    tabel = tabel[:next((i for i, r in enumerate(tabel) if not r), len(tabel))]
    cellen = [[_t(c).strip() for c in re.split(r"(?<!\\)\|", r.strip())[1:-1]] for r in tabel]
    return pd.DataFrame(cellen[1:], columns=cellen[0])


def open_uitklapper(at: AppTest, sleutel_eindigt_op: str) -> AppTest:
    """Een uitklapper of tabblad die pas bij openen tekent (on_change='rerun'): open via zijn sleutel."""
    return zet_staat(at, sleutel_eindigt_op, True)


def zet_staat(at: AppTest, sleutel_eindigt_op: str, waarde) -> AppTest:
    sleutels = [k for k in at.session_state if k.endswith(sleutel_eindigt_op)]
    assert sleutels, f"geen sleutel die eindigt op {sleutel_eindigt_op!r}"
    for k in sleutels:
        at.session_state[k] = waarde
    return at.run()


def tariefregel(at: AppTest, product: str) -> dict:
    tabel = tabellen(at)[0]
    return tabel[tabel["Product"] == product].iloc[0].to_dict()


def werkboek_met(producten=None, uitgangspunten=None) -> bytes:
    """Het voorbeeld met andere producten of uitgangspunten."""
    return kostprijswerkboek({**voorbeelden.UITGANGSPUNTEN, **(uitgangspunten or {})},
                             producten or voorbeelden.PRODUCTEN, voorbeelden.PERSONEEL, voorbeelden.KOSTEN)


def upload(at: AppTest, naam: str, data: bytes) -> AppTest:
    at.sidebar.file_uploader[0].set_value((naam, data, XLSX))
    return at.run()


# --- elke pagina ----------------------------------------------------------------------------------

@pytest.mark.parametrize("pagina", PAGINAS)
def test_pagina_toont_zonder_fout_op_het_voorbeeld(pagina):
    at = start(pagina)
    zonder_fouten(at)
    assert at.title, "elke pagina heeft een titel"


def test_kostprijspagina_beantwoordt_de_vragen_van_een_nieuwkomer():
    at = start()
    zonder_fouten(at)
    crisis = tariefregel(at, "Crisisopvang (24/7)")
    assert crisis["Kostendekkend tarief"].startswith("€") and "," in crisis["Kostendekkend tarief"]
    assert crisis["Gemeentetarief"] == "€\xa0260,00"
    teksten = " ".join(_t(m.value) for m in at.markdown)
    assert "Waarom" in teksten and "De gemeente betaalt" in teksten
    assert any("85% bezet" in k and "95% bezet" in k for k in [" ".join(d.columns) for d in tabellen(at)])
    assert any("ESTIMATE" in _t(w.value) for w in at.warning), "schattingen blijven zichtbaar"
    assert metriek(at, "FTE voor één 24/7-post").replace(",", "").isdigit()


def test_zijbalk_toont_werkboek_kenmerk_en_peildatum():
    at = start()
    zijbalk = " ".join(_t(m.value) for m in at.sidebar.markdown) + " ".join(_t(c.value) for c in at.sidebar.caption)
    assert "voorbeeld_kostprijs.xlsx" in zijbalk
    assert "sha256" in zijbalk
    assert "1 juli 2026" in zijbalk


# --- uploaden -------------------------------------------------------------------------------------

def test_geldig_ander_werkboek_verandert_de_cijfers():
    at = start()
    voor = tariefregel(at, "Crisisopvang (24/7)")
    producten = [list(p) for p in voorbeelden.PRODUCTEN]
    producten[0][4] = 24  # CRISIS: 24 in plaats van 16 plaatsen, zelfde personeel
    producten[0][8] = 300  # en een ander gemeentetarief
    upload(at, "eigen_opvang.xlsx", werkboek_met(producten))
    zonder_fouten(at)
    na = tariefregel(at, "Crisisopvang (24/7)")
    assert na["Gemeentetarief"] == "€\xa0300,00"
    assert na["Kostendekkend tarief"] != voor["Kostendekkend tarief"]
    zijbalk = " ".join(_t(m.value) for m in at.sidebar.markdown)
    assert "eigen_opvang.xlsx" in zijbalk and "uw upload" in zijbalk


def test_ongeldig_werkboek_geeft_nederlandse_meldingen_en_houdt_het_oude():
    at = start()
    producten = [list(p) for p in voorbeelden.PRODUCTEN]
    producten[0][2] = "residentieel"  # geen geldige Soort
    producten[1][4] = None  # opvang zonder plaatsen
    upload(at, "fout.xlsx", werkboek_met(producten))
    zonder_fouten(at)
    fouten = " ".join(_t(e.value) for e in at.error)
    assert "kan niet worden gebruikt" in fouten
    assert "Blad 'Producten', rij 2, kolom 'Soort'" in fouten
    assert "plaatsen" in fouten
    assert "Traceback" not in fouten
    assert "voorbeeld_kostprijs.xlsx" in " ".join(_t(m.value) for m in at.sidebar.markdown)


def test_geen_excel_bestand_geeft_nederlandse_melding():
    at = start()
    upload(at, "notities.xlsx", b"dit is geen werkboek")
    zonder_fouten(at)
    assert any("geen Excel-werkboek" in _t(e.value) for e in at.error)


def test_landelijk_werkboek_wordt_herkend():
    from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk

    at = start("paginas/landelijk.py")
    upload(at, "mijn_landelijk.xlsx", voorbeeld_landelijk())
    zonder_fouten(at)
    assert "mijn_landelijk.xlsx" in " ".join(_t(m.value) for m in at.sidebar.markdown)
    assert "voorbeeld_kostprijs.xlsx" in " ".join(_t(m.value) for m in at.sidebar.markdown)


def test_terug_naar_het_voorbeeld():
    at = start()
    upload(at, "eigen.xlsx", werkboek_met(uitgangspunten={"organisatie": "Stichting Eigen"}))
    assert "Stichting Eigen" in " ".join(_t(c.value) for c in at.caption)
    at.sidebar.button(key="terug_kostprijs").click().run()
    assert "Stichting Voorbeeldopvang" in " ".join(_t(c.value) for c in at.caption)


# --- scenario's -----------------------------------------------------------------------------------

def _schuif(at: AppTest, naam: str):
    return next(s for s in at.select_slider if s.key == naam or s.key.endswith(f"_{naam}"))


def _scenario_kostprijs(at: AppTest, product: str) -> str:
    tabel = next(d for d in tabellen(at) if "Scenario" in d.columns)
    return tabel[tabel["Product"] == product].iloc[0]["Scenario"]


def _euro(tekst: str) -> float:
    return float(tekst.replace("€", "").replace("\xa0", "").replace(".", "").replace(",", ".").strip())


def test_hogere_bezettingsnorm_verlaagt_de_kostprijs_per_etmaal():
    at = start("paginas/scenarios.py")
    basis = _euro(_scenario_kostprijs(at, "Crisisopvang (24/7)"))
    ambulant = _scenario_kostprijs(at, "Ambulante begeleiding")
    _schuif(at, "bezettingsnorm").set_value(95.0).run()
    zonder_fouten(at)
    nieuw = _euro(_scenario_kostprijs(at, "Crisisopvang (24/7)"))
    assert nieuw < basis
    assert nieuw == pytest.approx(basis * 0.85 / 0.95, abs=0.01)  # kosten gelijk, 95/85 zoveel etmalen
    assert _scenario_kostprijs(at, "Ambulante begeleiding") == ambulant  # ambulant rekent niet met bezetting


def test_hoger_verzuim_verhoogt_de_kostprijs_per_uur():
    at = start("paginas/scenarios.py")
    basis = _euro(_scenario_kostprijs(at, "Ambulante begeleiding"))
    _schuif(at, "verzuim").set_value(10.0).run()
    assert _euro(_scenario_kostprijs(at, "Ambulante begeleiding")) > basis


def test_lager_gemeentetarief_verhoogt_het_tekort():
    at = open_uitklapper(start("paginas/scenarios.py"), "_productvelden")
    voor = metriek(at, "Tekort per jaar")
    next(t for t in at.text_input if (t.key or "").endswith("_p_gemeentetarief_CRISIS")).set_value("200").run()
    zonder_fouten(at)
    assert _euro(metriek(at, "Tekort per jaar")) > _euro(voor)


def test_ongeldig_tarief_geeft_nederlandse_melding():
    at = open_uitklapper(start("paginas/scenarios.py"), "_productvelden")
    next(t for t in at.text_input if (t.key or "").endswith("_p_gemeentetarief_CRISIS")).set_value("veel").run()
    zonder_fouten(at)
    assert any("gemeentetarief" in _t(e.value) and "geen getal" in _t(e.value) for e in at.error)


def test_scenario_bewaren_en_vergelijken():
    at = start("paginas/scenarios.py")
    _schuif(at, "bezettingsnorm").set_value(95.0).run()
    naamveld = next(t for t in at.text_input if t.label == "Deze instellingen bewaren als")
    naamveld.set_value("Voorstel gemeente")
    next(b for b in at.button if b.label == "Bewaren").click().run()
    zonder_fouten(at)
    open_uitklapper(at, "_analyse_vergelijk")
    vergelijking = next(d for d in tabellen(at) if {"Voorstel gemeente", "Product"} <= set(d.columns))
    rij = vergelijking[vergelijking["Product"].str.startswith("Crisisopvang")].iloc[0]
    assert _euro(rij["Voorstel gemeente"]) < _euro(rij["Werkboek"])


def test_scenario_blijft_bij_paginawissel():
    at = start("paginas/scenarios.py")
    _schuif(at, "bezettingsnorm").set_value(95.0).run()
    at.switch_page("paginas/kostprijs.py").run()
    at.switch_page("paginas/scenarios.py").run()
    assert _schuif(at, "bezettingsnorm").value == 95.0


# --- overige pagina's -----------------------------------------------------------------------------

def test_capaciteit_toont_weigerkans_en_benodigde_plaatsen():
    at = start("paginas/capaciteit.py")
    at.radio(key="cap_keuze").set_value("Zelf invullen").run()
    zonder_fouten(at)
    # 10 plaatsen op 85% gedragen bezetting weigert ongeveer 33% (rekenmethode §2.4)
    assert metriek(at, "Weigerkans nu") == "33%"


def test_downloads_excel_en_pdf():
    at = start("paginas/downloads.py")
    zonder_fouten(at)
    knoppen = {b.key or b.label: b for b in at.get("download_button")}
    assert "Excel downloaden" in knoppen
    assert "dl_landelijk" in knoppen, "de Excel-export van het landelijk model hoort op de pagina"
    next(b for b in at.button if b.label == "Handout maken").click().run()
    zonder_fouten(at)
    assert "PDF downloaden" in [b.label for b in at.get("download_button")]


def test_interne_fout_toont_referentie_en_geen_stacktrace(monkeypatch):
    from tariefmodel.kostprijs import berekening

    def kapot(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(berekening, "bereken", kapot)
    at = start()
    assert not at.exception
    fout = " ".join(_t(e.value) for e in at.error)
    assert "Er ging iets mis in het programma" in fout and "referentie" in fout
    assert "RuntimeError" not in fout and "Traceback" not in fout


def test_kosten_per_plaats_uit_het_kostprijswerkboek():
    at = start("paginas/duvo.py")
    voor = metriek(at, "Tekort t.o.v. norm")
    at.toggle(key="land_c_uit_kostprijs").set_value(True).run()
    zonder_fouten(at)
    assert any("lumpsum-equivalent" in _t(c.value) for c in at.caption)
    assert metriek(at, "Tekort t.o.v. norm") != voor
    at.switch_page("paginas/verdeelmodel.py").run()  # de keuze geldt ook op de andere landelijke pagina's
    assert any("lumpsum-equivalent" in _t(c.value) for c in at.caption)


def test_verdeelmodel_gelijke_reacties_zijn_budgetneutraal_voor_plaatsen():
    at = start("paginas/verdeelmodel.py")
    assert metriek(at, "Netto effect op plaatsen").startswith("-")  # verliezers schrappen, winnaars niet
    _schuif(at, "vm_voordeel").set_value(100.0).run()
    zonder_fouten(at)
    assert metriek(at, "Netto effect op plaatsen") == "0"


def test_capaciteit_voor_een_regio_uit_het_landelijk_werkboek():
    at = start("paginas/capaciteit.py")
    at.radio(key="cap_keuze").set_value("Een regio uit het landelijk werkboek").run()
    zonder_fouten(at)
    assert metriek(at, "Weigerkans nu").endswith("%")
    assert any("landelijk werkboek" in _t(m.value) for m in at.markdown)
