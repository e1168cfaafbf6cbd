"""Grafieken in de app: de Vega-Lite-spec één keer per invoer bouwen, daarna uit de cache tekenen (issue 17).

Een altair-grafiek bouwen en valideren kost per grafiek tientallen milliseconden; ``st.altair_chart`` doet dat
bij elke herberekening opnieuw. Hier bouwt een functie uit ``tariefmodel.grafieken`` de grafiek met altair's
validatie uit (de vorm van onze eigen grafieken controleert tests/test_grafieken.py), ``to_dict`` maakt er één
keer een dict van en ``st.cache_data`` bewaart die, gesleuteld op de naam van de functie en **alle**
argumenten: precies wat de grafiek tekent (tabellen, getallen, teksten), geen sessiegegevens. Dezelfde invoer
geeft dezelfde spec, voor elke gebruiker; andere invoer een andere sleutel. ``st.vega_lite_chart`` krijgt de
dict en valideert niets meer.
"""

from __future__ import annotations

import threading
from contextlib import nullcontext

import streamlit as st

from tariefmodel import grafieken

try:  # hetzelfde slot als st.altair_chart: altair's thema is globaal voor alle threads
    from streamlit.elements.vega_charts import _altair_globals_lock as _SLOT
except ImportError:  # pragma: no cover - andere Streamlit-versie
    _SLOT = threading.Lock()


@st.cache_data(max_entries=512, show_spinner=False)
def spec(maker: str, *args, **kwargs) -> dict:
    """De Vega-Lite-spec van ``grafieken.<maker>(*args, **kwargs)`` als dict (gebouwd zonder validatie)."""
    import altair as alt
    from altair.utils.schemapi import debug_mode

    functie = getattr(grafieken, maker)
    with _SLOT, debug_mode(False):
        grafiek = functie(*args, **kwargs)
        # zoals st.altair_chart: zonder altair's standaardthema (dat zet breedte en hoogte van 300 px)
        thema = alt.theme.enable("none") if alt.theme.active == "default" else nullcontext()
        with thema:
            return vaste_datanamen(grafiek.to_dict(validate=False))


def vaste_datanamen(spec: dict) -> dict:
    """Geef de datasets van altair (namen als 'data-<hash van de inhoud>') vaste namen: data-0, data-1, ...

    Zo blijft de spec zelf gelijk als alleen de gegevens veranderen (een schuifje), en ververst de browser alleen
    de gegevens in plaats van de hele grafiek opnieuw op te bouwen (issue 17)."""
    namen = {oud: f"data-{i}" for i, oud in enumerate(spec.get("datasets", {}))}

    def hernoem(x):
        if isinstance(x, dict):
            return {k: (namen.get(v, v) if k == "name" and isinstance(v, str) else hernoem(v)) for k, v in x.items()}
        return [hernoem(v) for v in x] if isinstance(x, list) else x

    datasets = spec.get("datasets", {})
    uit = hernoem({k: v for k, v in spec.items() if k != "datasets"})
    if datasets:
        uit["datasets"] = {namen[k]: v for k, v in datasets.items()}
    return uit


def teken(maker: str, *args, **kwargs) -> None:
    """Teken ``grafieken.<maker>(*args, **kwargs)`` over de volle breedte, met de spec uit de cache."""
    st.vega_lite_chart(spec(maker, *args, **kwargs), width="stretch")
