"""Codegezondheid (rekenmethode v2, herkomst): elke getoonde bron is een openbaar adres of een documenttitel
met datum, nooit een interne bestandsnaam ('kostprijs-bronnen.md §2.7', 'seeds', een issuenummer)."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.parameters import cao_salaristabel, definities, gegevens
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.landelijk_sjabloon import landelijk_werkboek, voorbeeld_landelijk
from tariefmodel.werkboek.sjablonen import kostprijswerkboek

INTERN = re.compile(r"\.md\b|\.csv\b|\bseeds\b|\bissue\b|§|-bronnen\b|shared/|docs/", re.IGNORECASE)


def intern(tekst: str) -> list[str]:
    return INTERN.findall(str(tekst))


@pytest.mark.parametrize("tekst", ["kostprijs-bronnen.md §2.7 (aanname)", "seeds: LNVO", "issue 2/3",
                                   "zie docs/landelijk.md", "capacity_figures.csv"])
def test_de_controle_vangt_interne_namen(tekst):
    assert intern(tekst)


def test_geen_parameterbron_noemt_een_intern_bestand():
    fout = []
    for naam, d in definities().items():
        for w in d.waarden:
            fout += [(naam, w.datum, w.bron) for _ in intern(w.bron)]
            fout += [(naam, w.datum, w.toelichting) for _ in intern(w.toelichting)]
        extra = {k: v for k, v in gegevens(naam).items() if "bron" in k}
        fout += [(naam, k, v) for k, v in extra.items() if intern(v)]
    fout += [(k, b.bron) for k, b in cao_salaristabel().items() if intern(b.bron)]
    assert fout == []


def _teksten(data: bytes) -> list[str]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    return [str(c.value) for ws in wb.worksheets for rij in ws.iter_rows() for c in rij if isinstance(c.value, str)]


@pytest.mark.parametrize("maak", [kostprijswerkboek, voorbeeld_kostprijs, landelijk_werkboek, voorbeeld_landelijk])
def test_sjablonen_en_voorbeelden_noemen_geen_interne_bestanden(maak):
    assert [t for t in _teksten(maak()) if intern(t)] == []


def test_bronnen_in_de_json_van_het_voorbeeld():
    uit = naar_json(bereken(lees_kostprijswerkboek(voorbeeld_kostprijs(), "voorbeeld.xlsx")))
    fout = [(n, u["bron"]) for n, u in uit["uitgangspunten"].items() if intern(u["bron"])]
    fout += [(p["functie"], p["salarisbron"]) for p in uit["personeel"] if intern(p["salarisbron"])]
    assert fout == []


def test_doorgetrokken_waarde_is_nooit_fact():
    """Een jaarlijks vastgestelde waarde na het jaar van haar laatste bron heet doorgetrokken (ESTIMATE)."""
    uit = naar_json(bereken(lees_kostprijswerkboek(voorbeeld_kostprijs(), "voorbeeld.xlsx")))
    ova = uit["uitgangspunten"]["ova"]  # laatste OVA: 2025 (voorlopig); rekenjaar 2026
    assert ova["status"].startswith("ESTIMATE") and "doorgetrokken" in ova["status"]
    tekst = " ".join(_teksten(voorbeeld_kostprijs()))
    assert "Standaard 2026: 0,0418 (FACT" not in tekst and "Standaard 2026: 0.0418 (FACT" not in tekst
