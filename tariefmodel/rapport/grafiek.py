"""De opbouw van de kostprijs per product als SVG-waterval voor papier, offline getekend met vl-convert.

Zelfde gegevens en kleuren als de app (``tariefmodel.grafieken.opbouw_data``), maar met een vaste
x-as die ruimte laat voor de labels en het gemeentetarief, zodat elke grafiek op A4 even groot en
leesbaar is. Nederlandse getalnotatie via de nl-NL-locale in de spec (architectuur.md).
"""

from __future__ import annotations

import altair as alt

from tariefmodel import formaat, grafieken
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.kostprijs.opbouw import opbouw

BREEDTE, HOOGTE = 250, 150  # pixels van het tekenvlak: twee grafieken naast elkaar op A4 staand
RUIMTE = 1.32  # de x-as loopt tot 132% van het grootste bedrag: ruimte voor de labels


def opbouw_svg(p: ProductResultaat, parameters) -> str:
    """Waterval loon → … → risico = kostprijs, met het gemeentetarief als stippellijn."""
    data = grafieken.opbouw_data(opbouw(p, parameters))
    hoogste = max([*data["eind"], *data["begin"], p.gemeentetarief or 0.0, 1e-9])
    laagste = min([0.0, *data["eind"], *data["begin"]])
    x = alt.X("begin:Q", title=f"Bedrag per {p.product.eenheid}", scale=alt.Scale(domain=[laagste, hoogste * RUIMTE]),
              axis=alt.Axis(format=grafieken.EURO_AS, tickCount=5))
    y = alt.Y("stap:N", sort=list(data["stap"]), title=None, axis=alt.Axis(ticks=False, labelLimit=120))
    balken = alt.Chart(data).mark_bar(height={"band": 0.7}).encode(
        y=y, x=x, x2="eind:Q", color=alt.Color("soort:N", legend=None, scale=alt.Scale(
            domain=["stap", "totaal"], range=[grafieken.KLEUR_STAP, grafieken.KLEUR_TOTAAL])))
    labels = alt.Chart(data).transform_calculate(rechts="max(datum.begin, datum.eind)").mark_text(
        align="left", dx=3, fontSize=10, color="#1b1b1b").encode(y=y, x="rechts:Q", text="label:N")
    lagen = [balken, labels]
    if p.gemeentetarief is not None:
        lagen += _tarief(p.gemeentetarief, hoogste * RUIMTE)
    grafiek = alt.layer(*lagen).properties(width=BREEDTE, height=HOOGTE)
    return grafieken.naar_svg(grafieken.nl(grafiek))


def _tarief(tarief: float, einde: float) -> list[alt.Chart]:
    data = alt.Data(values=[{"tarief": float(tarief), "label": f"tarief {formaat.euro(tarief)}"}])
    regel = alt.Chart(data).mark_rule(color=grafieken.KLEUR_TARIEF, strokeWidth=1.5, strokeDash=[5, 3]).encode(
        x="tarief:Q")
    rechts = tarief > 0.6 * einde  # label links van de lijn als die dicht bij de rand staat
    tekst = alt.Chart(data).mark_text(align="right" if rechts else "left", dx=-3 if rechts else 3, baseline="bottom",
                                      y=-3, fontSize=10, fontWeight="bold", color=grafieken.KLEUR_TARIEF).encode(
        x="tarief:Q", text="label:N")
    return [regel, tekst]


def opbouw_svgs(r: KostprijsResultaat) -> list[tuple[str, str]]:
    """[(titel, svg)] per product, in de volgorde van het werkboek."""
    return [(f"{p.code} — {p.product.naam} (per {p.product.eenheid})", opbouw_svg(p, r.parameters))
            for p in r.producten]
