"""De gecachete grafiekspecs van de app (paginas/grafiekspec.py, issue 17): dezelfde grafiek als altair met
validatie, gesleuteld op alles wat de grafiek tekent."""

from __future__ import annotations

from pathlib import Path

import altair as alt
import pytest

from paginas import grafiekspec
from tariefmodel import grafieken as g
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import tornado
from tariefmodel.kostprijs.opbouw import opbouw
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"


@pytest.fixture(scope="module")
def resultaat():
    return bereken(lees_kostprijswerkboek(VOORBEELD.read_bytes(), VOORBEELD.name))


def _gevalideerd(grafiek) -> dict:
    """De spec zoals st.altair_chart hem maakt: met altair's validatie, zonder het standaardthema."""
    with alt.theme.enable("none"):
        return grafiek.to_dict(validate=True)


def test_opbouw_uit_de_stappen_is_dezelfde_grafiek(resultaat):
    p = resultaat.product("CRISIS")
    stappen = tuple((s, float(b)) for s, b in opbouw(p, resultaat.parameters))
    spec = grafiekspec.spec("opbouw_grafiek_stappen", stappen, p.product.eenheid, float(p.gemeentetarief))
    assert spec == grafiekspec.vaste_datanamen(_gevalideerd(g.opbouw_grafiek(p, resultaat.parameters)))
    assert spec["config"]["locale"]["number"]["decimal"] == ","  # de nl-NL-locale blijft in de spec
    assert "width" not in spec.get("config", {}).get("view", {}), "geen standaardthema (300 px)"


def test_tornado_uit_de_tabel_is_dezelfde_grafiek(resultaat):
    regels = tornado(resultaat.invoer)["CRISIS"]
    basis = float(resultaat.product("CRISIS").kostprijs)
    spec = grafiekspec.spec("tornado_grafiek_data", g.tornado_data(regels, basis), basis, "etmaal")
    assert spec == grafiekspec.vaste_datanamen(_gevalideerd(g.tornado_grafiek(regels, basis, "etmaal")))


def test_andere_invoer_geeft_een_andere_spec(resultaat):
    """De cache sleutelt op elk argument: een ander tarief staat in de spec, niet de vorige uit de cache."""
    p = resultaat.product("CRISIS")
    stappen = tuple((s, float(b)) for s, b in opbouw(p, resultaat.parameters))
    met_260 = grafiekspec.spec("opbouw_grafiek_stappen", stappen, "etmaal", 260.0)
    met_300 = grafiekspec.spec("opbouw_grafiek_stappen", stappen, "etmaal", 300.0)
    assert met_260 != met_300
    tarieven = [rij["tarief"] for naam, rijen in met_300["datasets"].items() for rij in rijen if "tarief" in rij]
    assert tarieven == [300.0]
    assert grafiekspec.spec("opbouw_grafiek_stappen", stappen, "etmaal", 260.0) == met_260


def test_alleen_andere_gegevens_laten_de_spec_zonder_datasets_gelijk(resultaat):
    """Vaste datanamen: bij een schuifje veranderen alleen de datasets, zodat de browser de grafiek niet opnieuw
    opbouwt; de gegevens zelf zijn wel de nieuwe."""
    p = resultaat.product("CRISIS")
    stappen = tuple((s, float(b)) for s, b in opbouw(p, resultaat.parameters))
    a = grafiekspec.spec("opbouw_grafiek_stappen", stappen, "etmaal", 260.0)
    b = grafiekspec.spec("opbouw_grafiek_stappen", stappen, "etmaal", 300.0)
    assert {k: v for k, v in a.items() if k != "datasets"} == {k: v for k, v in b.items() if k != "datasets"}
    assert list(a["datasets"]) == list(b["datasets"]) == [f"data-{i}" for i in range(len(a["datasets"]))]
    assert a["datasets"] != b["datasets"]
