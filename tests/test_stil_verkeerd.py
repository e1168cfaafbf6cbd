"""Gemelde stille misverstanden (ronde 2, intake-QA): elk een test die faalt als het terugkomt.

werkboekformaat.md v2: "Nothing is ever silently misread".
"""

from __future__ import annotations

import json
import warnings

import pytest

from tariefmodel.cli import main
from tariefmodel.getallen import lees_getal
from tariefmodel.kostprijs.bezetting import breakeven_bezetting
from tariefmodel.meldingen import WerkboekFout
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.hulp.kapotte_werkboeken import BASIS, basiswerkboek, zet_cellen


def _json(tmp_path, capsys, data: bytes, *extra) -> dict:
    pad = tmp_path / "w.xlsx"
    pad.write_bytes(data)
    assert main(["bereken", str(pad), "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def _fout(data: bytes) -> str:
    with pytest.raises(WerkboekFout) as fout:
        lees_kostprijswerkboek(data)
    return "\n".join(m.tekst() for m in fout.value.meldingen)


# --- '0.129' is 12,9 %, nooit 129 -----------------------------------------------------------------------

@pytest.mark.parametrize(("zet", "waarde"), [
    ("pensioen_werkgever=0.129", 0.129), ("pensioen_werkgever=0,129", 0.129), ("pensioen_werkgever=12,9%", 0.129),
    ("pensioen_werkgever=12.9%", 0.129), ("pensioen_werkgever= 0.129 ", 0.129),
])
def test_zet_fractie_met_punt_is_een_fractie(tmp_path, capsys, zet, waarde):
    uit = _json(tmp_path, capsys, basiswerkboek(), "--zet", zet)
    assert uit["uitgangspunten"]["pensioen_werkgever"]["waarde"] == pytest.approx(waarde)


@pytest.mark.parametrize("zet", ["pensioen_werkgever=1.290", "pensioen_werkgever=129", "pensioen_werkgever=1,290"])
def test_zet_fractie_die_129_zou_worden_is_een_fout(tmp_path, capsys, zet):
    pad = tmp_path / "w.xlsx"
    pad.write_bytes(basiswerkboek())
    assert main(["bereken", str(pad), "--zet", zet]) == 2
    fout = capsys.readouterr().err
    assert "pensioen_werkgever" in fout and "Traceback" not in fout


@pytest.mark.parametrize(("tekst", "getal"), [
    ("0.129", 0.129), ("0,129", 0.129), ("1.234", 1234), ("1,5", 1.5), ("12,5%", 0.125), ("1.234,5", 1234.5),
    ("\u00a012,5\u00a0%", 0.125), ("0.5", 0.5),
])
def test_tekstgetal_regels(tekst, getal):
    assert lees_getal(tekst) == pytest.approx(getal)


def test_tekst_0_punt_129_in_fractiekolom_is_een_fractie():
    invoer = lees_kostprijswerkboek(zet_cellen(basiswerkboek(), {("Personeel", 2, "ORT"): "0.129"}))
    assert invoer.personeel[0].ort == pytest.approx(0.129)


def test_tekst_1_punt_290_in_fractiekolom_is_een_fout():
    """'1.290' is Nederlands 1290; als fractie is dat onmogelijk: een fout die de cel noemt, nooit 1290."""
    tekst = _fout(zet_cellen(basiswerkboek(), {("Personeel", 2, "ORT"): "1.290"}))
    assert "Blad 'Personeel', rij 2, kolom 'ORT':" in tekst


def test_tekst_1_punt_234_in_geldkolom_is_nederlands_duizendtal():
    invoer = lees_kostprijswerkboek(zet_cellen(basiswerkboek(), {("Kosten", 2, "Bedrag"): "1.234"}))
    assert invoer.kosten[0].bedrag == pytest.approx(1234)


def test_tekst_1_komma_5_in_fte_is_anderhalf():
    invoer = lees_kostprijswerkboek(zet_cellen(basiswerkboek(), {("Personeel", 2, "FTE"): "1,5"}))
    assert invoer.personeel[0].fte == pytest.approx(1.5)


# --- een absurd klein tarief: geen 'oneindig', maar een melding --------------------------------------------

def test_tarief_onder_een_cent_is_een_fout_die_de_cel_noemt():
    producten = [list(r) for r in BASIS["producten"]]
    producten[0][8] = 0.004  # boven de algemene bewaking tegen absurd kleine getallen (1e-6), onder één cent
    tekst = _fout(basiswerkboek(producten=producten))
    assert "Blad 'Producten', rij 2, kolom 'Gemeentetarief':" in tekst and "minder dan één cent" in tekst


def test_absurd_klein_tarief_is_ook_een_fout_die_de_cel_noemt():
    producten = [list(r) for r in BASIS["producten"]]
    producten[0][8] = 1e-300
    tekst = _fout(basiswerkboek(producten=producten))
    assert "Blad 'Producten', rij 2, kolom 'Gemeentetarief':" in tekst and "onrealistisch klein" in tekst


def test_tarief_van_een_cent_is_geldig():
    producten = [list(r) for r in BASIS["producten"]]
    producten[0][8] = 0.01
    invoer = lees_kostprijswerkboek(basiswerkboek(producten=producten))
    assert invoer.producten[0].gemeentetarief == pytest.approx(0.01)


def test_breakeven_zonder_eindige_uitkomst_is_none_zonder_waarschuwing():
    import numpy as np

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert breakeven_bezetting(np.float64(2e6), 10, 365, np.float64(1e-310)) is None
        assert breakeven_bezetting(2e6, 10, 365, 0.0) is None
    # 730.000 / (10 · 365 · 250) = 0,8 (hand: 10 · 365 = 3.650; 3.650 · 250 = 912.500; 730.000 / 912.500 = 0,8)
    assert breakeven_bezetting(730_000, 10, 365, 250) == pytest.approx(0.8)


# --- een eenheid in de kop die niet past: nooit stil weken als dagen lezen -----------------------------------

@pytest.mark.parametrize(("kop", "kolom"), [
    ("Gemiddelde verblijfsduur (dagen)", "Gemiddelde verblijfsduur"), ("Bedrag [€ per jaar]", "Bedrag"),
    ("Werkelijke bezetting (%)", "Werkelijke bezetting"), ("Gemeentetarief (€ per etmaal)", "Gemeentetarief"),
    ("Gemeentetarief (€/uur)", "Gemeentetarief"), ("Maandsalaris (bruto, € per maand)", "Maandsalaris"),
    ("Zorgzwaartepunten (illustratief)", "Zorgzwaartepunten (illustratief)"), ("FTE (aantal)", "FTE"),
])
def test_passende_eenheid_in_de_kop_is_goed(kop, kolom):
    from tariefmodel.werkboek.lezen import strijdige_eenheid

    assert strijdige_eenheid(kop, kolom) is None


@pytest.mark.parametrize(("kop", "kolom", "deel"), [
    ("Gemiddelde verblijfsduur (weken)", "Gemiddelde verblijfsduur", "weken"),
    ("Bedrag (x € 1.000)", "Bedrag", "duizenden"), ("Bedrag (k€)", "Bedrag", "duizenden"),
    ("Inwoners (x 1.000)", "Inwoners", "duizenden"), ("Maandsalaris (per jaar)", "Maandsalaris", "per maand"),
    ("Gemeentetarief (€ per jaar)", "Gemeentetarief", "etmaal, uur of traject"),
    ("Uren per traject (minuten)", "Uren per traject", "per uur"), ("Plaatsen (etmalen)", "Plaatsen", "geen tijd"),
])
def test_strijdige_eenheid_in_de_kop_is_een_fout(kop, kolom, deel):
    from tariefmodel.werkboek.lezen import strijdige_eenheid

    assert deel in (strijdige_eenheid(kop, kolom) or "")


def test_maandsalaris_als_uurloon_geeft_waarschuwing():
    data = zet_cellen(basiswerkboek(), {("Personeel", 4, "Maandsalaris"): "24,50"})  # BASIS rij 4: eigen 3.500
    tekst = "\n".join(m.tekst() for m in lees_kostprijswerkboek(data).waarschuwingen)
    assert "Blad 'Personeel', rij 4, kolom 'Maandsalaris':" in tekst and "uurloon" in tekst


@pytest.mark.parametrize(("tekst", "bedoeld"), [("0,95%", "95%"), ("0,3 %", "30%")])
def test_fractie_met_procentteken_vraagt_of_het_procent_was(tekst, bedoeld):
    from tariefmodel.getallen import klein_procent

    assert f"bedoelt u {bedoeld}?" in klein_procent(tekst)


@pytest.mark.parametrize("tekst", ["1%", "5%", "95%", "0,95", 0.0095])
def test_gewone_procenten_geven_geen_vraag(tekst):
    from tariefmodel.getallen import klein_procent

    assert klein_procent(tekst) is None
