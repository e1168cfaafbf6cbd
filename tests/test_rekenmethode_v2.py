"""Rekenmethode v2: slechte invoer (blad, rij, kolom), doorgetrokken CAO-tabellen en de v2-sleutels van
`bereken --json`. De getallen zelf staan met de hand uitgewerkt in tests/gevallen/v2.yaml en testopvang.yaml."""

from __future__ import annotations

import copy
import json

import pytest

from tariefmodel.cli import main
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.werkboeken import maak_kostprijswerkboek
from tests.test_validatie import BASIS


def _werkboek(**uitgangspunten) -> dict:
    w = copy.deepcopy(BASIS)
    w["uitgangspunten"] = {**w["uitgangspunten"], **uitgangspunten}
    return w


def _fout(werkboek: dict) -> str:
    with pytest.raises(WerkboekFout) as fout:
        lees_kostprijswerkboek(maak_kostprijswerkboek(**werkboek), "x.xlsx")
    return str(fout.value)


@pytest.mark.parametrize("naam, waarde, tekst", [
    ("werkgever_grootte", "middel", "kies uit: groot, klein"),
    ("bezettingsnorm_methode", "erlang", "kies uit: vast, weigerkans"),
    ("tarief_index_methode", "cbs", "kies uit: vng, ova, eigen"),
    ("arbeidsmarkttoeslag", "113%", "mag niet groter zijn dan 0,2"),
    ("maximum_premieloon", "0", "moet groter zijn dan 0"),
    ("ort_max_trede", "-1", "moet minstens 0 zijn"),
])
def test_onbekende_keuze_of_waarde_buiten_bereik_noemt_blad_rij_en_kolom(naam, waarde, tekst):
    melding = _fout(_werkboek(**{naam: waarde}))
    assert "Blad 'Uitgangspunten', rij " in melding and "kolom 'Waarde'" in melding
    assert naam in melding and tekst in melding


def test_bezettingsnorm_per_product_boven_1_is_een_fout():
    w = copy.deepcopy(BASIS)
    w["producten"][0] = w["producten"][0] + [1.5]
    melding = _fout(w)
    assert "Blad 'Producten', rij 2, kolom 'Bezettingsnorm'" in melding


def test_bad_input_in_de_cli_geeft_exit_2(tmp_path, capsys):
    pad = tmp_path / "w.xlsx"
    pad.write_bytes(maak_kostprijswerkboek(**_werkboek(werkgever_grootte="middel")))
    assert main(["bereken", str(pad)]) == 2
    uit = capsys.readouterr()
    assert "werkgever_grootte" in uit.out + uit.err and "Traceback" not in uit.out + uit.err


def _lees(**uitgangspunten):
    return lees_kostprijswerkboek(maak_kostprijswerkboek(**_werkboek(**uitgangspunten)), "x.xlsx")


def test_rekenjaar_2026_geeft_geen_waarschuwing_over_salaristabellen():
    assert not [m for m in _lees(rekenjaar=2026).waarschuwingen if "CAO-tabel" in m.tekst()]


def test_rekenjaar_na_de_cao_noemt_de_doorgetrokken_maanden():
    teksten = [m.tekst() for m in _lees(rekenjaar=2027).waarschuwingen if "CAO-tabel" in m.tekst()]
    assert len(teksten) == 1 and "juni t/m december 2027" in teksten[0]
    assert teksten[0].startswith("Blad 'Uitgangspunten', rij ")
    teksten = [m.tekst() for m in _lees(rekenjaar=2028).waarschuwingen if "CAO-tabel" in m.tekst()]
    assert "januari t/m december 2028" in teksten[0] and "1-10-2026" in teksten[0]


def test_json_heeft_de_v2_sleutels():
    uit = naar_json(bereken(_lees()))
    for sleutel in ("werkgever_grootte", "sociale_premies", "personeel", "amvb_toets", "waarschuwingen", "scenario"):
        assert sleutel in uit
    assert uit["werkgever_grootte"] == "groot" and uit["sociale_premies"] == 0.1849  # 2026: 7,63+2,74+1,52+0,5+6,10
    assert uit["scenario"] is None
    rij = uit["personeel"][0]
    # Begeleider schaal 8 trede 5, rekenjaar 2026: jaargemiddelde 3.926,225 -> 3.926,23 (tests/gevallen/v2.yaml)
    assert (rij["blad_rij"], rij["maandsalaris"]) == (2, 3926.23) and rij["salarisbron"].startswith("CAO")
    assert [e["element"] for e in uit["amvb_toets"]] == list("abcdef")
    f = uit["amvb_toets"][-1]
    assert f["gevuld"] is False  # BASIS heeft geen Kosten met soort 'gemeentelijke verplichtingen'
    json.dumps(uit, allow_nan=False)


def test_scenario_op_werkgever_grootte_ververst_de_premie():
    invoer = _lees().met_scenario({"werkgever_grootte": "klein"})
    assert bereken(invoer).parameters["sociale_premies"] == 0.1713  # 2026: 6,27+2,74+1,52+0,5+6,10


def test_scenario_op_rekenjaar_ververst_salarissen():
    invoer = _lees().met_scenario({"rekenjaar": 2028})
    rij = next(r for r in invoer.personeel if r.functie == "Begeleider")
    assert rij.maandsalaris == pytest.approx(3987.74)  # tabel 1-10-2026, heel 2028 doorgetrokken
