"""Issue 2: elke klasse ongeldige invoer geeft exit 2 en een melding met blad, rij en kolom."""

from __future__ import annotations

import copy
import hashlib

import pytest

from tariefmodel.cli import main
from tests.hulp.werkboeken import maak_kostprijswerkboek

BASIS = {
    "uitgangspunten": {"organisatie": "Validatie", "rekenjaar": 2026},
    "producten": [["OPV", "Opvang", "opvang", "etmaal", 10, None, None, None, 250],
                  ["AMB", "Ambulant", "ambulant", "uur", None, None, None, None, 75],
                  ["TRJ", "Nazorg", "ambulant", "traject", None, None, 40, 30, 2500]],
    "personeel": [["Begeleider", "OPV", 8, 5, 6, None, 0.1],
                  ["Hulpverlener", "AMB", 8, 5, 2, None, 0],
                  ["Trajectbegeleider", "TRJ", None, None, 1, 3500, 0],
                  ["Teamleider", "OVERHEAD", 10, 5, 1, None, 0]],
    "kosten": [["OPV", "huisvesting", "Huur", 90000], ["OVERHEAD", "overig", "Kantoor", 40000]],
}


def _draai(tmp_path, capsys, werkboek: dict, *extra: str) -> tuple[int, str]:
    pad = tmp_path / "werkboek.xlsx"
    pad.write_bytes(maak_kostprijswerkboek(**werkboek))
    voor = hashlib.sha256(pad.read_bytes()).hexdigest()
    code = main(["bereken", str(pad), *extra])
    uit = capsys.readouterr()
    assert hashlib.sha256(pad.read_bytes()).hexdigest() == voor, "het invoerwerkboek is gewijzigd"
    assert "Traceback" not in uit.out + uit.err
    return code, uit.out + uit.err


def _met(**wijzig) -> dict:
    werkboek = copy.deepcopy(BASIS)
    for sleutel, waarde in wijzig.items():
        werkboek[sleutel] = waarde
    return werkboek


def test_basiswerkboek_is_geldig(tmp_path, capsys):
    code, uit = _draai(tmp_path, capsys, BASIS)
    assert code == 0, uit
    assert "OPV" in uit and "€" in uit


@pytest.mark.parametrize("wijziging, verwacht", [
    ({"personeel": BASIS["personeel"] + [["Onbekend", "XYZ", 8, 5, 1, None, 0]]},
     "Blad 'Personeel', rij 6, kolom 'Product': onbekende productcode 'XYZ'"),
    ({"kosten": BASIS["kosten"] + [["ABC", "overig", "x", 10]]},
     "Blad 'Kosten', rij 4, kolom 'Product': onbekende productcode 'ABC'"),
    ({"producten": BASIS["producten"] + [["OPV", "Dubbel", "opvang", "etmaal", 5, None, None, None, None]]},
     "Blad 'Producten', rij 5, kolom 'Code': productcode 'OPV' komt twee keer voor"),
    ({"producten": [["OPV", "Opvang", "opvang", "etmaal", None, None, None, None, 250], *BASIS["producten"][1:]]},
     "Blad 'Producten', rij 2, kolom 'Plaatsen': een opvangproduct heeft plaatsen nodig"),
    ({"personeel": [r for r in BASIS["personeel"] if r[1] != "AMB"]},
     "Blad 'Producten', rij 3, kolom 'Code': ambulant product 'AMB' heeft geen personeel"),
    ({"producten": [*BASIS["producten"][:2], ["TRJ", "Nazorg", "ambulant", "traject", None, None, None, 30, 2500]]},
     "Blad 'Producten', rij 4, kolom 'Uren per traject': een trajectproduct heeft 'Uren per traject' nodig"),
    ({"uitgangspunten": {**BASIS["uitgangspunten"], "bezettingsnorm": 1.2}},
     "kolom 'Waarde': bezettingsnorm: mag niet groter zijn dan 1"),
    ({"uitgangspunten": {**BASIS["uitgangspunten"], "bezettingsnorm": 0}},
     "kolom 'Waarde': bezettingsnorm: moet groter zijn dan 0"),
    ({"uitgangspunten": {**BASIS["uitgangspunten"], "bezetingsnorm": 0.9}},
     "kolom 'Parameter': onbekende parameter 'bezetingsnorm'"),
    ({"personeel": BASIS["personeel"] + [["Raar", "OPV", 8, 5, "veel", None, 0]]},
     "Blad 'Personeel', rij 6, kolom 'FTE': 'veel' is geen getal"),
    ({"personeel": BASIS["personeel"] + [["Zonder salaris", "OPV", 8, 99, 1, None, 0]]},
     "Blad 'Personeel', rij 6, kolom 'Trede': schaal 8 trede 99 staat niet in de salaristabel"),
])
def test_ongeldige_invoer_exit_2_met_plek(tmp_path, capsys, wijziging, verwacht):
    code, uit = _draai(tmp_path, capsys, _met(**wijziging))
    assert code == 2
    assert verwacht in uit


def test_alle_fouten_in_een_keer(tmp_path, capsys):
    werkboek = _met(personeel=BASIS["personeel"] + [["A", "XYZ", 8, 5, 1, None, 0], ["B", "OPV", 8, 5, -1, None, 0]],
                    kosten=BASIS["kosten"] + [["QQQ", "overig", "x", 10]])
    code, uit = _draai(tmp_path, capsys, werkboek)
    assert code == 2
    assert "rij 6, kolom 'Product'" in uit and "rij 7, kolom 'FTE'" in uit and "Blad 'Kosten', rij 4" in uit


def test_ongeldige_zet_geeft_exit_2(tmp_path, capsys):
    code, uit = _draai(tmp_path, capsys, BASIS, "--zet", "bezettingsnorm=2")
    assert code == 2 and "bezettingsnorm" in uit
    code, uit = _draai(tmp_path, capsys, BASIS, "--zet", "gemeentetarief[NIETS]=10")
    assert code == 2 and "NIETS" in uit


def test_nederlandse_tekstgetallen(tmp_path, capsys):
    werkboek = _met(kosten=[["OPV", "huisvesting", "Huur", "90.000,00"], ["OVERHEAD", "overig", "Kantoor", "40.000"]],
                    uitgangspunten={**BASIS["uitgangspunten"], "bezettingsnorm": "85%"})
    code_tekst, uit_tekst = _draai(tmp_path, capsys, werkboek, "--json")
    code_getal, uit_getal = _draai(tmp_path, capsys, BASIS, "--json")
    assert code_tekst == code_getal == 0
    assert uit_tekst.replace("Validatie", "") .split('"uitgangspunten"')[0] == \
        uit_getal.replace("Validatie", "").split('"uitgangspunten"')[0]


def test_geen_standaardwaarde_voor_het_rekenjaar_noemt_de_rij(tmp_path, capsys):
    """Rekenjaar 2023: sociale premies 2023 zijn niet meegeleverd, dus sociale_premies heeft geen standaard.
    (v2: voor 2024 zijn de premies er wel, met de Zvw 2024 van 6,57%.)"""
    werkboek = _met(uitgangspunten={"organisatie": "Validatie", "rekenjaar": 2023})
    code, uit = _draai(tmp_path, capsys, werkboek)
    assert code == 2
    regel = next(r for r in uit.splitlines() if "sociale_premies" in r)
    assert "Blad 'Uitgangspunten', rij " in regel and "kolom 'Waarde'" in regel and "NOT FOUND" in regel
