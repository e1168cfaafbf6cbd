"""Inlezen zonder cyclische garbage collector (tariefmodel/opruimen.py, issue 17): tijdens het lezen uit,
daarna weer zoals hij was, ook na een fout. (Voor de export: tests/test_export_kostprijs.py.)"""

from __future__ import annotations

import gc

import pytest

from tariefmodel import voorbeelden
from tariefmodel.opruimen import zonder_cyclische_gc
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek import kostprijs as lezer


def test_blok_zonder_collector_en_daarna_zoals_hij_was():
    assert gc.isenabled()
    with zonder_cyclische_gc():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(KeyError), zonder_cyclische_gc():
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with zonder_cyclische_gc():
            pass
        assert not gc.isenabled()  # stond uit: blijft uit
    finally:
        gc.enable()


def test_inlezen_zonder_collector_en_alle_regels(monkeypatch):
    tijdens = []
    echt = lezer._personeel
    monkeypatch.setattr(lezer, "_personeel", lambda *a: (tijdens.append(gc.isenabled()), echt(*a))[1])
    invoer = lezer.lees_kostprijswerkboek(voorbeeld_kostprijs())
    assert tijdens == [False] and gc.isenabled()
    assert len(invoer.personeel) == len(voorbeelden.PERSONEEL)  # geen regel kwijt


def test_geheugen_voor_reeksen_een_keer_en_alleen_bij_scenario_reeksen(monkeypatch):
    """glibc wordt één keer ingesteld, alleen door een bereken met numpy-reeksen; een MALLOC_-variabele van de
    gebruiker gaat voor."""
    import numpy as np

    from tariefmodel import geheugen
    from tariefmodel.kostprijs import berekening

    aanroepen = []
    monkeypatch.setattr(berekening, "geheugen_voor_reeksen", lambda: aanroepen.append(1))
    invoer = lezer.lees_kostprijswerkboek(voorbeeld_kostprijs())
    berekening.bereken(invoer)
    berekening.bereken(invoer, {"risico_opslag": 0.02})
    assert aanroepen == []
    berekening.bereken(invoer, {"risico_opslag": np.array([0.0, 0.02])})
    assert aanroepen == [1]
    geheugen.geheugen_voor_reeksen.cache_clear()
    monkeypatch.setenv("MALLOC_ARENA_MAX", "2")
    assert geheugen.geheugen_voor_reeksen() is False
    geheugen.geheugen_voor_reeksen.cache_clear()


def test_cellen_na_het_lezen_vrijgegeven_zonder_kringen(monkeypatch):
    """De openpyxl-cellen (kring cel ↔ blad) zijn na het lezen weg; de invoer is compleet."""
    from tariefmodel.werkboek import lezen

    geopend = []
    echt = lezer.open_werkboek
    monkeypatch.setattr(lezer, "open_werkboek", lambda data: geopend.append(echt(data)) or geopend[-1])
    invoer = lezer.lees_kostprijswerkboek(voorbeeld_kostprijs())
    assert len(invoer.personeel) == len(voorbeelden.PERSONEEL) and len(invoer.kosten) == len(voorbeelden.KOSTEN)
    assert all(not ws._cells for ws in geopend[0].worksheets)
    lezen.geef_cellen_vrij(geopend[0])  # twee keer mag
