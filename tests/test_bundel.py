"""`tariefmodel bundel MAP/`: kostprijswerkboeken tot een landelijk beeld (werkboekformaat v2, `bundel`).

De optelling wordt gecontroleerd tegen de losse berekeningen van elk werkboek (rekenmethode §1, elders
getest) en tegen met de hand opgeschreven formules:
  gewogen kostprijs opvang = Σ integrale kosten opvang / Σ (plaatsen · 365 · bezettingsnorm)
  gewogen kostprijs per uur = Σ integrale kosten ambulant-uur / Σ directe uren
  gewogen tarief = Σ tarief_p · volume_p / Σ volume_p
  tekort in plaatsen = tekort opvang / (Σ integrale kosten opvang / Σ plaatsen)
  kwartielen van drie waarden a ≤ b ≤ c (lineair): Q1 = a + ½(b − a), mediaan b, Q3 = b + ½(c − b)
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from tariefmodel.cli import main
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.landelijk.sectorbeeld import BEREKEND, FOUT, OVERGESLAGEN, VOORBEELD
from tariefmodel.opdrachten.bundel_lezen import (
    BundelGeweigerd,
    ZipGeweigerd,
    bundel,
    bundel_map,
    uit_map,
    uit_zip,
)
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.landelijk import landelijk_bytes
from tests.hulp.werkboeken import maak_kostprijswerkboek

DAGEN, NORM = 365, 0.85


def _org(naam: str, jaar: int = 2026, plaatsen: int = 10, tarief: float | None = 200, fte: float = 5) -> bytes:
    return maak_kostprijswerkboek(
        {"organisatie": naam, "rekenjaar": jaar, "overige_personeelskosten_per_fte": 1000},
        [["OPV", "Opvang", "opvang", "etmaal", plaatsen, None, None, None, tarief]],
        [["Begeleider", "OPV", None, None, fte, 3000, 0], ["Staf", "OVERHEAD", None, None, 1, 4000, 0]],
        [["OPV", "huisvesting", "Huur", 100_000]])


ORG_A = _org("Stichting A Zwolle")
ORG_B = maak_kostprijswerkboek(
    {"organisatie": "Stichting B", "rekenjaar": 2026, "overige_personeelskosten_per_fte": 1000},
    [["CRI", "Crisis", "opvang", "etmaal", 20, 0.9, None, None, 250],
     ["AMB", "Ambulant", "ambulant", "uur", None, None, None, None, 80]],
    [["Begeleider", "CRI", None, None, 12, 3200, 0.2], ["Hulpverlener", "AMB", None, None, 3, 3500, 0]],
    [["CRI", "huisvesting", "Huur", 150_000], ["OVERHEAD", "overig", "ICT", 40_000]])
ORG_C = _org("Stichting C", plaatsen=8, fte=7)
ONGELDIG = maak_kostprijswerkboek(
    {"organisatie": "Stichting D", "rekenjaar": 2026},
    [["OPV", "Opvang", "opvang", "etmaal", 10, None, None, None, 200]],
    [["Begeleider", "ONBEKEND", None, None, 5, 3000, 0]], [])


def _los(data: bytes):
    return bereken(lees_kostprijswerkboek(data))


@pytest.fixture
def map_(tmp_path) -> Path:
    m = tmp_path / "map"
    (m / "noord").mkdir(parents=True)
    (m / "a.xlsx").write_bytes(ORG_A)
    (m / "noord" / "b.xlsx").write_bytes(ORG_B)  # submap: wordt meegenomen
    (m / "noord" / "c.xlsx").write_bytes(ORG_C)
    (m / "d_ongeldig.xlsx").write_bytes(ONGELDIG)
    (m / "kapot.xlsx").write_text("geen excel")
    (m / "landelijk.xlsx").write_bytes(landelijk_bytes())
    (m / "voorbeeld.xlsx").write_bytes(voorbeeld_kostprijs())  # illustratief: standaard niet meegeteld
    (m / "~$a.xlsx").write_bytes(b"slotbestand")
    (m / "notities.txt").write_text("geen werkboek")
    return m


def test_bundel_telt_op_gelijk_aan_losse_berekeningen(map_):
    r = bundel_map(map_)
    status = {b.naam: b.status for b in r.bestanden}
    assert status == {"a.xlsx": BEREKEND, "noord/b.xlsx": BEREKEND, "noord/c.xlsx": BEREKEND,
                      "d_ongeldig.xlsx": FOUT, "kapot.xlsx": FOUT, "landelijk.xlsx": OVERGESLAGEN,
                      "voorbeeld.xlsx": VOORBEELD}
    ongeldig = next(b for b in r.bestanden if b.naam == "d_ongeldig.xlsx")
    assert any(m.tekst().startswith("Blad 'Personeel', rij 2, kolom 'Product': onbekende productcode 'ONBEKEND'")
               for m in ongeldig.meldingen)

    a, b, c = _los(ORG_A), _los(ORG_B), _los(ORG_C)
    assert r.integrale_kosten == pytest.approx(a.integrale_kosten + b.integrale_kosten + c.integrale_kosten)
    assert r.opbrengst == pytest.approx(a.opbrengst + b.opbrengst + c.opbrengst)
    assert r.tekort == pytest.approx(a.tekort + b.tekort + c.tekort)

    opv_a, cri, amb, opv_c = a.product("OPV"), b.product("CRI"), b.product("AMB"), c.product("OPV")
    kosten_opvang = opv_a.integrale_kosten + cri.integrale_kosten + opv_c.integrale_kosten
    etmalen = (10 + 20 + 8) * DAGEN * NORM
    opvang = r.soort("opvang", "etmaal")
    assert opvang.kostprijs == pytest.approx(kosten_opvang / etmalen)
    assert opvang.tarief == pytest.approx((200 * 10 + 250 * 20 + 200 * 8) * DAGEN * NORM / etmalen)
    assert r.soort("ambulant", "uur").kostprijs == pytest.approx(amb.integrale_kosten / amb.directe_uren)
    assert r.kosten_per_plaats_per_jaar == pytest.approx(kosten_opvang / 38)
    tekort_opvang = opv_a.tekort + cri.tekort + opv_c.tekort
    assert r.tekort_in_plaatsen == pytest.approx(tekort_opvang / (kosten_opvang / 38))
    assert r.rekenjaar == 2026
    assert [o.centrumgemeente for o in r.organisaties] == ["Zwolle", None, None]


def test_benchmark_kwartielen_met_de_hand(map_):
    r = bundel_map(map_)
    bm = next(x for x in r.benchmark if x.soort == "opvang")
    k = sorted(_los(d).product(code).kostprijs for d, code in ((ORG_A, "OPV"), (ORG_B, "CRI"), (ORG_C, "OPV")))
    assert [w[2] for w in bm.waarden] == pytest.approx(k)
    assert bm.kwartiel_1 == pytest.approx(k[0] + (k[1] - k[0]) / 2)
    assert bm.mediaan == pytest.approx(k[1])
    assert bm.kwartiel_3 == pytest.approx(k[1] + (k[2] - k[1]) / 2)
    assert sorted(w[0] for w in bm.waarden) == ["VO 1", "VO 2", "VO 3"]  # schuilnamen


def test_dubbele_organisatie_geweigerd_met_bestandsnamen(map_, capsys):
    (map_ / "noord" / "a_kopie.xlsx").write_bytes(ORG_A)
    with pytest.raises(BundelGeweigerd) as fout:
        bundel_map(map_)
    assert "'a.xlsx', 'noord/a_kopie.xlsx'" in str(fout.value)
    assert main(["bundel", str(map_), "--json"]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""  # niets opgeteld, geen totalen
    assert "organisatie 'Stichting A Zwolle' staat in meer dan één bestand" in uit.err
    assert "'a.xlsx', 'noord/a_kopie.xlsx'" in uit.err and "Traceback" not in uit.err


def test_andere_naamschrijfwijze_is_dezelfde_organisatie(tmp_path):
    with pytest.raises(BundelGeweigerd):
        bundel([("x.xlsx", _org("Stichting  X")), ("y.xlsx", _org("stichting x", plaatsen=4))])


def test_gemengde_rekenjaren_geweigerd_met_bestandsnamen(map_, capsys):
    (map_ / "e_2025.xlsx").write_bytes(_org("Stichting E", jaar=2025))
    assert main(["bundel", str(map_)]) == 2
    fout = capsys.readouterr().err
    assert "verschillende rekenjaren (2025: 'e_2025.xlsx'; 2026: 'a.xlsx', 'noord/b.xlsx', 'noord/c.xlsx')" in fout


def test_illustratief_alleen_met_voorbeelden(map_, capsys):
    assert main(["bundel", str(map_), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["aantal"] == {"berekend": 3, "fout": 2, "overgeslagen": 1, "voorbeeld": 1}
    voorbeeld = next(b for b in uit["bestanden"] if b["naam"] == "voorbeeld.xlsx")
    assert "illustratief" in voorbeeld["reden"] and "--met-voorbeelden" in voorbeeld["reden"]
    zonder = uit["totaal"]["integrale_kosten"]
    assert main(["bundel", str(map_), "--json", "--met-voorbeelden"]) == 0
    met = json.loads(capsys.readouterr().out)
    assert met["aantal"]["berekend"] == 4
    extra = _los(voorbeeld_kostprijs()).integrale_kosten
    assert met["totaal"]["integrale_kosten"] == pytest.approx(zonder + extra, abs=0.02)


def test_slotbestanden_en_andere_bestanden_met_notitie(map_, capsys):
    v = uit_map(map_)
    assert [n for n, _ in v.bestanden] == ["a.xlsx", "d_ongeldig.xlsx", "kapot.xlsx", "landelijk.xlsx",
                                           "noord/b.xlsx", "noord/c.xlsx", "voorbeeld.xlsx"]
    assert any("'~$a.xlsx' overgeslagen: Excel-slotbestand" in n for n in v.notities)
    assert any("'notities.txt' overgeslagen: geen .xlsx-bestand" in n for n in v.notities)
    assert main(["bundel", str(map_)]) == 0
    uit = capsys.readouterr()
    assert "Excel-slotbestand" in uit.out and "Bestand 'kapot.xlsx' is niet meegeteld" in uit.err


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="geen symlinks")
def test_koppeling_naar_buiten_de_map_wordt_niet_gevolgd(map_, tmp_path):
    buiten = tmp_path / "buiten"
    buiten.mkdir()
    (buiten / "geheim.xlsx").write_bytes(_org("Stichting Buiten"))
    (map_ / "link.xlsx").symlink_to(buiten / "geheim.xlsx")
    (map_ / "linkmap").symlink_to(buiten, target_is_directory=True)
    v = uit_map(map_)
    assert all("geheim" not in n and "link" not in n for n, _ in v.bestanden)
    assert any("'link.xlsx' overgeslagen: een koppeling naar buiten de map" in n for n in v.notities)
    assert any("'linkmap/' overgeslagen" in n for n in v.notities)


def test_tekst_en_exitcodes(map_, capsys, tmp_path):
    assert main(["bundel", str(map_)]) == 0
    uit = capsys.readouterr()
    assert "Landelijk beeld 2026 uit 3 kostprijswerkboek(en)" in uit.out
    assert "gewogen met het volume" in uit.out and "Mediaan" in uit.out
    assert "Bestand 'd_ongeldig.xlsx' is niet meegeteld" in uit.err and "Traceback" not in uit.err
    leeg = tmp_path / "leeg"
    (leeg / "sub").mkdir(parents=True)
    (leeg / "sub" / "lees mij.txt").write_text("x")
    assert main(["bundel", str(leeg)]) == 2
    assert "geen .xlsx-bestanden" in capsys.readouterr().err
    alleen_fout = tmp_path / "alleen_fout"
    alleen_fout.mkdir()
    (alleen_fout / "kapot.xlsx").write_text("x")
    assert main(["bundel", str(alleen_fout)]) == 2
    assert main(["bundel", str(tmp_path / "bestaat_niet")]) == 2
    assert main(["bundel", str(map_ / "a.xlsx")]) == 2
    assert "geen map" in capsys.readouterr().err


def test_json_per_organisatie_en_producttype(map_, capsys):
    assert main(["bundel", str(map_), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    b = _los(ORG_B)
    org_b = next(o for o in uit["organisaties"] if o["organisatie"] == "Stichting B")
    soorten = {s["eenheid"]: s for s in org_b["per_soort"]}
    assert soorten["etmaal"]["kostprijs"] == pytest.approx(b.product("CRI").kostprijs, abs=0.005)
    assert soorten["etmaal"]["tarief"] == 250.0 and soorten["uur"]["tarief"] == 80.0
    assert soorten["uur"]["tekort"] == pytest.approx(b.product("AMB").tekort, abs=0.005)
    assert "gewogen met het volume" in uit["middeling"]
    assert uit["benchmark"]["namen_getoond"] is False
    assert all(w["vo"].startswith("VO ") for s in uit["benchmark"]["per_soort"] for w in s["waarden"])


def test_xlsx_en_pdf_buiten_de_map(map_, capsys, tmp_path):
    xlsx, pdf = tmp_path / "landelijk_beeld.xlsx", tmp_path / "landelijk_beeld.pdf"
    assert main(["bundel", str(map_), "--xlsx", str(xlsx), "--pdf", str(pdf)]) == 0
    assert xlsx.read_bytes()[:2] == b"PK" and pdf.read_bytes()[:4] == b"%PDF"
    voor = sorted(p.name for p in map_.rglob("*"))
    assert main(["bundel", str(map_), "--xlsx", str(map_ / "uit.xlsx")]) == 2
    assert "buiten die map" in capsys.readouterr().err
    assert sorted(p.name for p in map_.rglob("*")) == voor


def test_xlsx_bevat_de_totalen(map_, tmp_path):
    import openpyxl

    xlsx = tmp_path / "beeld.xlsx"
    assert main(["bundel", str(map_), "--xlsx", str(xlsx)]) == 0
    wb = openpyxl.load_workbook(xlsx, data_only=True)  # de door tariefmodel opgeslagen formulewaarden
    alle_tekst = " ".join(str(c) for ws in wb.worksheets for rij in ws.iter_rows(values_only=True) for c in rij if c)
    assert "Stichting A Zwolle" not in alle_tekst and "a.xlsx" not in alle_tekst  # namen verborgen
    assert "VO 1" in alle_tekst
    assert {"Landelijk", "Per organisatie", "Benchmark", "Bestanden"} <= set(wb.sheetnames)
    waarden = [c for rij in wb["Landelijk"].iter_rows(values_only=True) for c in rij if isinstance(c, float)]
    a, b, c = _los(ORG_A), _los(ORG_B), _los(ORG_C)
    assert any(abs(w - (a.tekort + b.tekort + c.tekort)) < 0.01 for w in waarden)


# --- zip (upload in de app) -------------------------------------------------------------------------------

def _zip(leden: dict[str, bytes], compressie=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compressie) as zf:
        for naam, data in leden.items():
            zf.writestr(naam, data)
    return buf.getvalue()


def test_zip_met_werkboeken():
    v = uit_zip(_zip({"vo/a.xlsx": ORG_A, "b.xlsx": ORG_B, "~$b.xlsx": b"x", "leesmij.txt": b"x",
                      "__MACOSX/._a.xlsx": b"x"}))
    assert [n for n, _ in v.bestanden] == ["b.xlsx", "vo/a.xlsx"]
    assert len(v.notities) == 2
    r = bundel(v.bestanden)
    assert r.tekort == pytest.approx(_los(ORG_A).tekort + _los(ORG_B).tekort)


def test_zipbom_geweigerd():
    bom = _zip({"bom.xlsx": b"\0" * (30 * 2**20)})  # 30 MB nullen: groter dan een werkboek en sterk ingepakt
    with pytest.raises(ZipGeweigerd, match="bom.xlsx"):
        uit_zip(bom, "bom.zip")
    with pytest.raises(ZipGeweigerd, match="geen leesbaar zip-bestand"):
        uit_zip(b"PK\x03\x04 kapot", "kapot.zip")


def test_werkboekbom_in_zip_wordt_per_bestand_geweigerd():
    # een lid dat zelf een zip-bom-xlsx is: de gewone werkboekcontrole weigert hem, de rest telt mee
    binnen = _zip({"[Content_Types].xml": b"<Types/>", "xl/worksheets/sheet1.xml": b" " * (5 * 2**20)})
    v = uit_zip(_zip({"a.xlsx": ORG_A, "bom.xlsx": binnen}, zipfile.ZIP_STORED))
    r = bundel(v.bestanden)
    status = {b.naam: b.status for b in r.bestanden}
    assert status == {"a.xlsx": BEREKEND, "bom.xlsx": FOUT}
    assert "niet geopend" in next(b for b in r.bestanden if b.naam == "bom.xlsx").meldingen[0].tekst()


def test_bundel_schrijft_niets_in_de_map(map_):
    voor = {p: p.read_bytes() for p in map_.rglob("*") if p.is_file()}
    bundel_map(map_)
    assert {p: p.read_bytes() for p in map_.rglob("*") if p.is_file()} == voor


def test_xlsx_formules_herrekend_gelijk_aan_het_model(map_, tmp_path):
    """Herrekend zonder de opgeslagen waarden (pakket formulas): SUMIF, gewogen prijzen en KWARTIEL kloppen."""
    import openpyxl

    from tests.herberekening import met_formulas

    xlsx = tmp_path / "beeld.xlsx"
    assert main(["bundel", str(map_), "--xlsx", str(xlsx)]) == 0
    h = met_formulas(xlsx.read_bytes())
    r = bundel_map(map_)
    ws = openpyxl.load_workbook(xlsx)["Landelijk"]
    rij = next(c.row for c in ws["A"] if c.value == "Opvang (per etmaal)")
    opvang = r.soort("opvang", "etmaal")
    assert h.waarde("Landelijk", f"C{rij}") == pytest.approx(opvang.integrale_kosten)
    assert h.waarde("Landelijk", f"E{rij}") == pytest.approx(opvang.kostprijs)
    assert h.waarde("Landelijk", f"F{rij}") == pytest.approx(opvang.tarief)
    totaal = next(c.row for c in ws["A"] if c.value == "Totaal")
    assert h.waarde("Landelijk", f"H{totaal}") == pytest.approx(r.tekort)
    bm = next(b for b in r.benchmark if b.soort == "opvang")
    bws = openpyxl.load_workbook(xlsx)["Benchmark"]
    kop = next(c.row for c in bws["A"] if c.value == bm.naam)
    assert [h.waarde("Benchmark", f"{k}{kop + 1}") for k in "BCD"] == pytest.approx(
        [bm.kwartiel_1, bm.mediaan, bm.kwartiel_3])


@pytest.mark.libreoffice
def test_xlsx_herrekend_met_libreoffice(map_, tmp_path):
    """Dezelfde controle met LibreOffice headless: elke formulecel gelijk aan de opgeslagen Python-waarde."""
    import io

    import openpyxl

    from tests.herberekening import met_libreoffice, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) ontbreekt")
    xlsx = tmp_path / "beeld.xlsx"
    assert main(["bundel", str(map_), "--xlsx", str(xlsx)]) == 0
    data = xlsx.read_bytes()
    h = met_libreoffice(data)
    opgeslagen = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    getallen = 0
    for blad, cellen in h.waarden.items():
        for plek, waarde in cellen.items():
            verwacht = opgeslagen[blad][plek].value
            if isinstance(verwacht, (int, float)):
                getallen += 1
                assert waarde == pytest.approx(verwacht, rel=1e-9, abs=1e-6), f"{blad}!{plek}"
    assert getallen >= 20
