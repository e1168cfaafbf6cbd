"""`tariefmodel bundel MAP/`: kostprijswerkboeken optellen tot een landelijk beeld, fouten per bestand.

De optelling wordt gecontroleerd tegen de losse berekeningen van elk werkboek (rekenmethode §1, elders
getest) en tegen met de hand opgeschreven formules voor de gewogen kostprijzen:
  per etmaal = Σ integrale kosten opvang / Σ (plaatsen · 365 · bezettingsnorm)
  per uur    = Σ integrale kosten ambulant / Σ directe uren
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tariefmodel.cli import main
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.opdrachten.bundel_lezen import BEREKEND, FOUT, OVERGESLAGEN, bundel, bundel_map
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.landelijk import landelijk_bytes
from tests.hulp.werkboeken import maak_kostprijswerkboek

DAGEN, NORM = 365, 0.85

ORG_A = maak_kostprijswerkboek(
    {"organisatie": "Stichting A", "rekenjaar": 2026, "overige_personeelskosten_per_fte": 1000},
    [["OPV", "Opvang", "opvang", "etmaal", 10, None, None, None, 200]],
    [["Begeleider", "OPV", None, None, 5, 3000, 0], ["Staf", "OVERHEAD", None, None, 1, 4000, 0]],
    [["OPV", "huisvesting", "Huur", 100_000]])
ORG_B = maak_kostprijswerkboek(
    {"organisatie": "Stichting B", "rekenjaar": 2026, "overige_personeelskosten_per_fte": 1000},
    [["CRI", "Crisis", "opvang", "etmaal", 20, 0.9, None, None, 250],
     ["AMB", "Ambulant", "ambulant", "uur", None, None, None, None, None]],
    [["Begeleider", "CRI", None, None, 12, 3200, 0.2], ["Hulpverlener", "AMB", None, None, 3, 3500, 0]],
    [["CRI", "huisvesting", "Huur", 150_000], ["OVERHEAD", "overig", "ICT", 40_000]])
ONGELDIG = maak_kostprijswerkboek(
    {"organisatie": "Stichting C", "rekenjaar": 2026},
    [["OPV", "Opvang", "opvang", "etmaal", 10, None, None, None, 200]],
    [["Begeleider", "ONBEKEND", None, None, 5, 3000, 0]], [])


def _los(data: bytes):
    return bereken(lees_kostprijswerkboek(data))


@pytest.fixture
def map_(tmp_path) -> Path:
    (tmp_path / "a.xlsx").write_bytes(ORG_A)
    (tmp_path / "b.xlsx").write_bytes(ORG_B)
    (tmp_path / "c_ongeldig.xlsx").write_bytes(ONGELDIG)
    (tmp_path / "kapot.xlsx").write_text("geen excel")
    (tmp_path / "landelijk.xlsx").write_bytes(landelijk_bytes())
    (tmp_path / "~$a.xlsx").write_bytes(b"slotbestand")  # Excel-slotbestand: wordt genegeerd
    (tmp_path / "notities.txt").write_text("geen werkboek")
    shutil.copy(tmp_path / "a.xlsx", tmp_path / "a_kopie.xlsx")  # zelfde inhoud: één keer meetellen
    return tmp_path


def test_bundel_telt_op_en_meldt_fouten_per_bestand(map_):
    r = bundel_map(map_)
    status = {b.naam: b.status for b in r.bestanden}
    assert status == {"a.xlsx": BEREKEND, "a_kopie.xlsx": OVERGESLAGEN, "b.xlsx": BEREKEND,
                      "c_ongeldig.xlsx": FOUT, "kapot.xlsx": FOUT, "landelijk.xlsx": OVERGESLAGEN}
    ongeldig = next(b for b in r.bestanden if b.naam == "c_ongeldig.xlsx")
    assert any(m.tekst().startswith("Blad 'Personeel', rij 2, kolom 'Product': onbekende productcode 'ONBEKEND'")
               for m in ongeldig.meldingen)

    a, b = _los(ORG_A), _los(ORG_B)
    assert r.integrale_kosten == pytest.approx(a.integrale_kosten + b.integrale_kosten)
    assert r.opbrengst == pytest.approx(a.opbrengst + b.opbrengst)  # AMB heeft geen tarief: telt niet mee
    assert r.tekort == pytest.approx(a.tekort + b.tekort)

    opv, cri, amb = a.product("OPV"), b.product("CRI"), b.product("AMB")
    per_etmaal = (opv.integrale_kosten + cri.integrale_kosten) / ((10 + 20) * DAGEN * NORM)
    assert r.kostprijs_per_etmaal == pytest.approx(per_etmaal)
    assert r.kostprijs_per_uur == pytest.approx(amb.integrale_kosten / amb.directe_uren)
    assert r.kosten_per_plaats_per_jaar == pytest.approx((opv.integrale_kosten + cri.integrale_kosten) / 30)

    soorten = {(s.soort, s.eenheid): s for s in r.per_soort}
    assert set(soorten) == {("opvang", "etmaal"), ("ambulant", "uur")}
    assert (soorten[("opvang", "etmaal")].producten, soorten[("opvang", "etmaal")].organisaties) == (2, 2)
    assert soorten[("ambulant", "uur")].opbrengst is None  # geen gemeentetarief: null, niet 0
    assert [o.organisatie for o in r.organisaties] == ["Stichting A", "Stichting B"]
    org_b = r.organisaties[1]
    assert org_b.kostprijs_per_etmaal == pytest.approx(cri.integrale_kosten / (20 * DAGEN * NORM))
    assert org_b.producten_zonder_tarief == ("AMB",)


def test_verschillende_rekenjaren_geven_een_waarschuwing():
    ander_jaar = maak_kostprijswerkboek(
        {"organisatie": "Stichting D", "rekenjaar": 2025},
        [["OPV", "Opvang", "opvang", "etmaal", 4, None, None, None, 200]],
        [["Begeleider", "OPV", None, None, 2, 3000, 0]], [])
    r = bundel([("a.xlsx", ORG_A), ("d.xlsx", ander_jaar)])
    assert any("verschillende rekenjaren (2025, 2026)" in w for w in r.waarschuwingen)


def test_cli_bundel_tekst_en_exitcodes(map_, capsys, tmp_path):
    assert main(["bundel", str(map_)]) == 0
    uit = capsys.readouterr()
    assert "Landelijk beeld uit 2 kostprijswerkboek(en)" in uit.out
    assert "Stichting A" in uit.out and "Stichting B" in uit.out
    assert "Bestand 'kapot.xlsx' is niet meegeteld" in uit.err
    assert "Bestand 'c_ongeldig.xlsx' is niet meegeteld" in uit.err
    assert "Traceback" not in uit.err

    alleen_fout = tmp_path / "alleen_fout"
    alleen_fout.mkdir()
    (alleen_fout / "kapot.xlsx").write_text("x")
    assert main(["bundel", str(alleen_fout)]) == 2
    leeg = tmp_path / "leeg"
    leeg.mkdir()
    assert main(["bundel", str(leeg)]) == 2
    assert main(["bundel", str(tmp_path / "bestaat_niet")]) == 2
    assert main(["bundel", str(map_ / "a.xlsx")]) == 2
    assert "geen map" in capsys.readouterr().err


def test_cli_bundel_json(map_, capsys):
    assert main(["bundel", str(map_), "--json"]) == 0
    uit = json.loads(capsys.readouterr().out)
    assert uit["aantal"] == {"berekend": 2, "fout": 2, "overgeslagen": 2}
    a, b = _los(ORG_A), _los(ORG_B)
    assert uit["totaal"]["integrale_kosten"] == pytest.approx(a.integrale_kosten + b.integrale_kosten, abs=0.01)
    assert {o["organisatie"] for o in uit["organisaties"]} == {"Stichting A", "Stichting B"}
    fouten = {x["naam"]: x["meldingen"] for x in uit["bestanden"] if x["status"] == "fout"}
    assert set(fouten) == {"c_ongeldig.xlsx", "kapot.xlsx"} and all(fouten.values())


def test_bundel_schrijft_niets_in_de_map(map_):
    voor = {p.name: p.read_bytes() for p in map_.iterdir()}
    bundel_map(map_)
    assert {p.name: p.read_bytes() for p in map_.iterdir()} == voor
