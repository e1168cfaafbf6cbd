"""Grafieken van het landelijk beeld (bundel): de sectorbenchmark per producttype (altair, nl-NL).

Per producttype één strookdiagram: elke organisatie een punt (gewogen kostprijs), daaronder een doos van
het 1e tot het 3e kwartiel met de mediaan als streep, en het gewogen gemeentetarief van de sector als
stippellijn. Namen alleen als de gebruiker ze kiest; anders schuilnamen (VO 1, VO 2, …).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tariefmodel import formaat, grafieken
from tariefmodel.landelijk.sectorbeeld import Benchmark

BREEDTE, HOOGTE = 520, 150  # Streamlit rekent assen en titel mee in de hoogte


def benchmark_grafiek(b: Benchmark, *, tarief: float | None = None, met_namen: bool = False,
                      breedte: int | str = BREEDTE, markeer: str | None = None) -> alt.LayerChart:
    """Strookdiagram met doos (Q1–Q3) en mediaan voor één producttype; ``markeer``: schuilnaam om op te lichten."""
    data = pd.DataFrame([{"vo": naam if met_namen else schuil, "schuil": schuil, "kostprijs": k,
                          "tekst": formaat.euro(k)} for schuil, naam, k in b.waarden])
    data["gemarkeerd"] = ["gekozen" if markeer and s == markeer else "sector" for s in data["schuil"]]
    eenheid = b.eenheid
    x = alt.X("kostprijs:Q", title=f"Kostprijs per {eenheid} (gewogen per organisatie)",
              scale=alt.Scale(zero=False, nice=True), axis=alt.Axis(format="$,.0f", tickCount=6))
    doos = pd.DataFrame([{"q1": b.kwartiel_1, "q3": b.kwartiel_3, "mediaan": b.mediaan,
                          "tekst": f"1e kwartiel {formaat.euro(b.kwartiel_1)} · mediaan {formaat.euro(b.mediaan)} · "
                                   f"3e kwartiel {formaat.euro(b.kwartiel_3)}"}])
    lagen = [
        alt.Chart(doos).mark_bar(color=grafieken.KLEUR_LICHT, height=34, opacity=0.8).encode(
            x=alt.X("q1:Q"), x2="q3:Q", tooltip=alt.Tooltip("tekst:N", title="Sector")),
        alt.Chart(doos).mark_tick(color=grafieken.KLEUR_TOTAAL, thickness=3, size=40).encode(
            x="mediaan:Q", tooltip=alt.Tooltip("tekst:N", title="Sector")),
        alt.Chart(data).mark_circle(size=90, opacity=0.9, stroke="white", strokeWidth=1).encode(
            x=x, color=alt.Color("gemarkeerd:N", title=None, legend=None, scale=alt.Scale(
                domain=["sector", "gekozen"], range=[grafieken.KLEUR_STAP, grafieken.KLEUR_TARIEF])),
            tooltip=[alt.Tooltip("vo:N", title="Organisatie"), alt.Tooltip("tekst:N", title="Kostprijs")]),
    ]
    if tarief is not None:
        lijn = pd.DataFrame([{"x": tarief, "tekst": f"gewogen tarief {formaat.euro(tarief)}"}])
        lagen += [alt.Chart(lijn).mark_rule(color=grafieken.KLEUR_TARIEF, strokeDash=[5, 3], strokeWidth=2).encode(
                      x="x:Q", tooltip=alt.Tooltip("tekst:N", title="Gemeentetarief")),
                  alt.Chart(lijn).mark_text(align="left", dx=4, y=8, color=grafieken.KLEUR_TARIEF,
                                            fontSize=11).encode(x="x:Q", text="tekst:N")]
    return grafieken.nl(alt.layer(*lagen).properties(width=breedte, height=HOOGTE, title=b.naam))
