"""Grafieken (tariefmodel.grafieken): Nederlandse notatie in de spec, waterval telt op, geen streamlit."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import vl_convert as vlc

from tariefmodel import grafieken as g
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import tornado
from tariefmodel.kostprijs.opbouw import STAPPEN, opbouw
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"
DUIZENDTAL = re.compile(r"€\xa0\d{1,3}(\.\d{3})+")  # € 1.000 of € 4.000.000: punt als duizendtal-scheiding


@pytest.fixture(scope="module")
def resultaat():
    return bereken(lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name))


def svg_tekst(grafiek) -> str:
    """Alle tekst in de SVG, gerenderd zonder locale-argument: de locale moet uit de spec zelf komen."""
    svg = vlc.vegalite_to_svg(grafiek.to_dict())
    return " ".join(re.findall(r">([^<>]+)<", svg))


def test_spec_bevat_nl_locale(resultaat):
    spec = g.opbouw_grafiek(resultaat.producten[0], resultaat.parameters).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    assert spec["config"]["locale"]["number"]["thousands"] == "."
    assert spec["config"]["locale"]["number"]["currency"][0].startswith("€")
    assert spec["config"]["locale"]["time"]["months"][2] == "maart"


def test_waterval_telt_op_tot_de_kostprijs(resultaat):
    for p in resultaat.producten:
        data = g.opbouw_data(opbouw(p, resultaat.parameters))
        assert list(data["stap"]) == [*STAPPEN, "Kostprijs"]
        stappen = data[data["soort"] == "stap"]
        assert stappen["eind"].iloc[-1] == pytest.approx(float(p.kostprijs), abs=1e-9)
        assert data["begin"].iloc[1:-1].tolist() == pytest.approx(stappen["eind"].iloc[:-1].tolist())
        totaal = data.iloc[-1]
        assert (totaal["begin"], totaal["eind"]) == (0.0, pytest.approx(float(p.kostprijs)))


def test_waterval_svg_in_nederlandse_notatie(resultaat):
    crisis = resultaat.product("CRISIS")
    tekst = svg_tekst(g.opbouw_grafiek(crisis, resultaat.parameters, breedte=600))
    assert "$" not in tekst
    assert "€\xa00" in tekst  # as: € 0
    assert f"Gemeentetarief {g.formaat.euro(crisis.gemeentetarief)}" in tekst
    assert g.formaat.euro(crisis.kostprijs) in tekst  # label van de kostprijsbalk, bijv. € 433,67
    assert "Loon" in tekst and "Productiviteit" in tekst and "Risico" in tekst


def test_grote_bedragen_met_punt_als_duizendtal():
    data = pd.DataFrame({"jaar": [2026, 2027] * 2, "reeks": ["Kosten"] * 2 + ["Opbrengst"] * 2,
                         "bedrag": [4_339_605.0, 4_496_512.0, 3_168_619.0, 3_301_067.0]})
    tekst = svg_tekst(g.meerjaren_grafiek(data, "jaar", breedte=500))
    assert DUIZENDTAL.search(tekst), tekst
    assert "," not in re.sub(r"€\xa0[\d.]+,\d+", "", tekst.replace(", ", " "))  # geen Engelse komma's in bedragen


def test_naar_svg_en_png(resultaat):
    grafiek = g.opbouw_grafiek(resultaat.producten[0], resultaat.parameters, breedte=300, hoogte=200)
    assert g.naar_svg(grafiek).lstrip().startswith("<svg")
    assert g.naar_png(grafiek)[:8] == b"\x89PNG\r\n\x1a\n"


def test_tornado_volgorde_volgt_het_effect(resultaat):
    regels = tornado(resultaat.invoer)["CRISIS"]
    spec = g.tornado_grafiek(regels, resultaat.product("CRISIS").kostprijs, "etmaal").to_dict()
    y = spec["layer"][0]["encoding"]["y"]
    assert y["sort"] == [r.label for r in regels]
    assert regels[0].naam == "bezettingsnorm"


def test_verschil_tekst():
    assert g.verschil_tekst(12.5) == "+ €\xa012,50"
    assert g.verschil_tekst(-1234) == "- €\xa01.234,00"
    assert g.verschil_tekst(-1234.4, heel=True).replace("\xa0", " ") == "- € 1.234"
    assert g.verschil_tekst(None) == "–"


@pytest.mark.parametrize("bouw", [
    lambda: g.weigerkans_grafiek(pd.DataFrame({"plaatsen": [8, 9, 10], "weigerkans": [0.45, 0.38, 0.33],
                                               "bezetting": [0.88, 0.86, 0.85]}), huidig=10, doel=0.05, bij_norm=9),
    lambda: g.divergerende_grafiek(pd.DataFrame({"naam": ["A", "B"], "waarde": [1000.0, -2000.0]}),
                                   titel_x="Verschil", positief="erop vooruit", negatief="erop achteruit"),
    lambda: g.istanbul_grafiek(pd.DataFrame({"naam": ["A", "B"], "plaatsen": [10, 20], "norm": [15.0, 18.0],
                                             "nodig": [12, None]})),
    lambda: g.ingroei_grafiek(pd.DataFrame({"jaar": [2015, 2016], "naam": ["A", "A"],
                                            "reeks": ["Toegekend", "Historisch"], "bedrag": [1.0e6, 1.1e6]})),
    lambda: g.tekort_grafiek(pd.DataFrame({"jaar": [2026, 2027], "bedrag": [1.0e6, -2.0e5]})),
    lambda: g.scenario_grafiek(pd.DataFrame({"product": ["X"], "scenario": ["S"], "verschil": [-0.1],
                                             "kostprijs": [100.0]})),
])
def test_alle_grafieken_zijn_geldige_vega_lite_met_nl_locale(bouw):
    grafiek = bouw()
    spec = grafiek.to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    vlc.vegalite_to_vega(spec)  # compileert zonder fout
    assert "$" not in svg_tekst(grafiek)


def test_model_blijft_vrij_van_streamlit():
    code = ("import sys, tariefmodel.grafieken, tariefmodel.kostprijs.gevoeligheid; "
            "sys.exit(1 if 'streamlit' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
