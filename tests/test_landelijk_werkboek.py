"""Het landelijk werkboek lezen: geldige invoer, Nederlandse getallen, en precieze foutmeldingen.

Elke foutmelding moet blad, rij en kolom noemen (werkboekformaat.md: Blad '<blad>', rij <n>, kolom '<k>').
De testwerkboeken worden hier gebouwd met werkboek_bytes (tests/hulp/landelijk.py).
"""

from __future__ import annotations

import pytest

from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
from tests.hulp.landelijk import HANDWERKBOEK, REGIOKOLOMMEN, landelijk_bytes, met


def _fouten(bladen) -> list[str]:
    with pytest.raises(WerkboekFout) as fout:
        lees_landelijk_werkboek(landelijk_bytes(bladen), "fout.xlsx")
    return [m.tekst() for m in fout.value.fouten]


def _een_fout(bladen, verwacht_begin: str, bevat: str = "") -> None:
    fouten = _fouten(bladen)
    treffers = [f for f in fouten if f.startswith(verwacht_begin) and bevat in f]
    assert treffers, f"geen melding '{verwacht_begin}…{bevat}' in {fouten}"


def test_geldig_handwerkboek_met_nederlandse_getallen():
    invoer = lees_landelijk_werkboek(landelijk_bytes(), "hand.xlsx")
    assert [r.naam for r in invoer.regios] == ["Groningen", "Leeuwarden", "Emmen"]
    assert invoer.waarde("kosten_per_plaats") == 60_000  # "60.000"
    assert invoer.waarde("max_verlies") is None
    assert [(m.naam, m.aandeel) for m in invoer.maatstaven] == [("Inwoners", pytest.approx(0.6)),
                                                                 ("meldingen", pytest.approx(0.4))]
    assert invoer.regios[0].maatstaven == {"Inwoners": 250_000, "meldingen": 100}  # kolom 'Meldingen'
    assert [(o.jaar, o.budget, o.aandeel_objectief) for o in invoer.overgang] == [
        (2025, 1_000_000, 0), (2026, 1_000_000, 0.5), (2027, 2_000_000, 1)]
    assert invoer.duvo[1].centrumgemeente == "Emmen"  # 'emmen' gematcht op de naam in Regio's
    assert invoer.regios[1].clienten is None and invoer.regios[1].verblijfsduur is None
    assert len(invoer.plaatsingen) == 6
    assert invoer.sha256 and invoer.bestandsnaam == "hand.xlsx"
    # waarschuwing: Emmen zonder Besteding overig
    assert any("Besteding overig" in m.tekst() for m in invoer.waarschuwingen)


def test_zonder_optionele_bladen():
    invoer = lees_landelijk_werkboek(landelijk_bytes({**HANDWERKBOEK, "DUVO": None, "Plaatsingen": None}))
    assert invoer.duvo == () and invoer.plaatsingen is None


def test_aandelen_tellen_niet_op_tot_een():
    _een_fout(met("Maatstaven", rijen=[["Inwoners", 0.6], ["Meldingen", 0.3]]),
              "Blad 'Maatstaven', kolom 'Aandeel': de aandelen tellen op tot 0,9 (90%)")


def test_kleine_afrondverschillen_in_aandelen_worden_rechtgetrokken():
    invoer = lees_landelijk_werkboek(landelijk_bytes(met("Maatstaven", rijen=[["Inwoners", "33,33%"],
                                                                              ["Meldingen", "66,67%"]])))
    assert sum(m.aandeel for m in invoer.maatstaven) == pytest.approx(1, abs=1e-12)


def test_maatstaf_zonder_kolom_in_regios():
    _een_fout(met("Maatstaven", rijen=[["Inwoners", 0.6], ["Zorgzwaarte", 0.4]]),
              "Blad 'Maatstaven', rij 3, kolom 'Maatstaf': maatstaf 'Zorgzwaarte' heeft geen kolom in het blad Regio's")


def test_maatstafwaarde_ontbreekt_of_is_negatief():
    rijen = [r[:] for r in HANDWERKBOEK["Regio's"][1]]
    rijen[0][6] = None
    rijen[2][6] = -5
    fouten = _fouten(met("Regio's", rijen=rijen))
    assert "Blad 'Regio's', rij 2, kolom 'Meldingen': verplichte waarde ontbreekt (maatstaf 'meldingen')" in fouten
    assert any(f.startswith("Blad 'Regio's', rij 4, kolom 'Meldingen': een maatstafwaarde mag niet negatief")
               for f in fouten)


def test_negatieve_bedragen_en_aandeel_objectief_buiten_bereik():
    fouten = _fouten(met("Overgang", rijen=[[2025, -1000, 0], [2026, 1000, 1.5], [2027, 1000, -0.1]]))
    assert any(f.startswith("Blad 'Overgang', rij 2, kolom 'Budget': moet groter zijn dan 0") for f in fouten)
    assert any(f.startswith("Blad 'Overgang', rij 3, kolom 'Aandeel objectief': mag niet groter zijn dan 1")
               for f in fouten)
    assert any(f.startswith("Blad 'Overgang', rij 4, kolom 'Aandeel objectief': moet 0 of groter zijn")
               for f in fouten)


def test_negatief_historisch_budget_en_niet_gehele_plaatsen():
    rijen = [r[:] for r in HANDWERKBOEK["Regio's"][1]]
    rijen[1][5] = -300_000
    rijen[2][2] = "12,5"
    fouten = _fouten(met("Regio's", rijen=rijen))
    assert any(f.startswith("Blad 'Regio's', rij 3, kolom 'Historisch budget': moet 0 of groter zijn") for f in fouten)
    assert "Blad 'Regio's', rij 4, kolom 'Plaatsen': verwacht een geheel getal (gevonden: 12,5)" in fouten


def test_onbekende_regio_in_plaatsingen_en_duvo_met_hint():
    plaatsingen = met("Plaatsingen", rijen=[["Groningen", "Groningen", 70], ["Groningn", "Emmen", 3]])
    _een_fout(plaatsingen, "Blad 'Plaatsingen', rij 3, kolom 'Herkomst': onbekende centrumgemeente 'Groningn'",
              "(bedoelt u 'Groningen'?)")
    duvo = met("DUVO", rijen=[["Assen", 2027, 100, 50, 10]])
    _een_fout(duvo, "Blad 'DUVO', rij 2, kolom 'Centrumgemeente': onbekende centrumgemeente 'Assen'")


def test_dubbele_regio_jaar_en_duvoregel():
    rijen = [*HANDWERKBOEK["Regio's"][1], ["GRONINGEN", 1, 1, None, None, 1, 1]]
    _een_fout(met("Regio's", rijen=rijen), "Blad 'Regio's', rij 5, kolom 'Centrumgemeente': centrumgemeente "
              "'GRONINGEN' staat twee keer in het blad (ook rij 2)")
    _een_fout(met("Overgang", rijen=[[2025, 1000, 0], [2025, 1000, 1]]),
              "Blad 'Overgang', rij 3, kolom 'Jaar': jaar 2025 staat twee keer in het blad (ook rij 2)")
    _een_fout(met("DUVO", rijen=[["Emmen", 2027, 1, 1, 0], ["Emmen", 2027, 2, 1, 0]]),
              "Blad 'DUVO', rij 3, kolom 'Jaar': Emmen 2027 staat twee keer in het blad (ook rij 2)")
    _een_fout(met("Plaatsingen", rijen=[["Emmen", "Groningen", 1], ["emmen", "groningen", 2]]),
              "Blad 'Plaatsingen', rij 3, kolom 'Opvangregio': de combinatie Emmen → Groningen staat twee keer")


def test_blad_en_kolom_ontbreken():
    _een_fout(met("Overgang"), "Blad 'Overgang': blad ontbreekt")
    kolommen = [k for k in REGIOKOLOMMEN if k != "Historisch budget"]
    rijen = [[w for k, w in zip(REGIOKOLOMMEN, r) if k != "Historisch budget"] for r in HANDWERKBOEK["Regio's"][1]]
    _een_fout(met("Regio's", kolommen, rijen), "Blad 'Regio's', rij 1, kolom 'Historisch budget': verplichte kolom "
              "ontbreekt")


def test_historische_budgetten_of_maatstaf_tellen_op_tot_nul():
    rijen = [[*r[:5], 0, 0] for r in HANDWERKBOEK["Regio's"][1]]
    fouten = _fouten(met("Regio's", rijen=rijen))
    assert any(f.startswith("Blad 'Regio's', kolom 'Historisch budget': de historische budgetten tellen op tot 0")
               for f in fouten)
    assert any(f.startswith("Blad 'Maatstaven', rij 3, kolom 'Maatstaf': de kolom 'Meldingen'") for f in fouten)


def test_alle_fouten_in_een_keer():
    bladen = {**HANDWERKBOEK,
              "Maatstaven": (["Maatstaf", "Aandeel"], [["Inwoners", 0.5], ["Meldingen", 0.2]]),
              "Overgang": (["Jaar", "Budget", "Aandeel objectief"], [[2025, -1, 0]]),
              "Plaatsingen": (["Herkomst", "Opvangregio", "Aantal"], [["Emmen", "Nergens", 1]])}
    fouten = _fouten(bladen)
    assert {f.split(",")[0] for f in fouten} >= {"Blad 'Maatstaven'", "Blad 'Overgang'", "Blad 'Plaatsingen'"}


def test_onbekende_parameter_en_waarde_buiten_bereik():
    fouten = _fouten(met("Uitgangspunten", rijen=[["rekenjaar", 2027], ["doel_weigerkans", 0], ["max_verlies", 2],
                                                  ["organisatie", "x"]]))
    assert any(f.startswith("Blad 'Uitgangspunten', rij 3, kolom 'Waarde': doel_weigerkans: moet groter zijn dan 0")
               for f in fouten)
    assert any(f.startswith("Blad 'Uitgangspunten', rij 4, kolom 'Waarde': max_verlies: mag niet groter zijn dan 1")
               for f in fouten)
    assert any(f.startswith("Blad 'Uitgangspunten', rij 5, kolom 'Parameter': onbekende parameter 'organisatie'")
               for f in fouten)


def test_waarschuwingen_blokkeren_niet():
    rijen = [r[:] for r in HANDWERKBOEK["Regio's"][1]]
    rijen[0][0] = "Den Bosch"
    rijen[2][4] = None  # Emmen: cliënten zonder verblijfsduur
    bladen = {**met("Regio's", rijen=rijen), "DUVO": None, "Plaatsingen": None,
              "Uitgangspunten": (["Parameter", "Waarde"], [["kosten_per_plaats", 60_000]])}
    invoer = lees_landelijk_werkboek(landelijk_bytes(bladen))
    teksten = [m.tekst() for m in invoer.waarschuwingen]
    assert any(t.startswith("Blad 'Regio's', rij 2, kolom 'Centrumgemeente': 'Den Bosch' is geen van de 35")
               and "(bedoelt u ''s-Hertogenbosch'?)" in t for t in teksten)
    assert any(t.startswith("Blad 'Regio's', rij 4, kolom 'Gemiddelde verblijfsduur'") for t in teksten)
    # rekenjaar ontbreekt: standaarden van het laatste jaar van Overgang, met waarschuwing
    assert invoer.rekenjaar == 2027
    assert any("'rekenjaar' ontbreekt" in t for t in teksten)


def test_kolomalias_voor_verblijfsduur():
    kolommen = [k if k != "Gemiddelde verblijfsduur" else "Gemiddelde verblijfsduur (dagen)" for k in REGIOKOLOMMEN]
    invoer = lees_landelijk_werkboek(landelijk_bytes(met("Regio's", kolommen=kolommen)))
    assert invoer.regios[0].verblijfsduur == 50


def test_geen_excel_bestand():
    with pytest.raises(WerkboekFout, match="Excel"):
        lees_landelijk_werkboek(b"dit is geen xlsx")
