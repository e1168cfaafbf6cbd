"""Tegelkaart van de 35 centrumgemeenten vrouwenopvang (meegeleverde gegevens, geen download).

``tegels()`` leest tegels.csv (centrumgemeente, rij, kolom, label) uit het pakket; ``tegelkaart`` tekent
met altair één tegel per centrumgemeente op haar grove plek, gekleurd naar een gekozen cijfer, met een
legenda en Nederlandse getalnotatie (nl-NL-locale in de spec, labels en tooltips via Babel).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from functools import lru_cache
from importlib import resources

import altair as alt
import pandas as pd

from tariefmodel import formaat, grafieken

TEGEL_B, TEGEL_H = 84, 46  # pixels per tegel
GEEN_GEGEVENS = "geen gegevens"


@lru_cache(maxsize=1)
def _tegels() -> tuple[tuple[str, int, int, str], ...]:
    tekst = resources.files(__name__).joinpath("tegels.csv").read_text(encoding="utf-8")
    regels = [r for r in tekst.splitlines() if r and not r.startswith("#")]
    return tuple((r["centrumgemeente"], int(r["rij"]), int(r["kolom"]), r["label"])
                 for r in csv.DictReader(io.StringIO("\n".join(regels))))


def tegels() -> pd.DataFrame:
    """Kolommen centrumgemeente, rij (0 = noord), kolom (0 = west), label."""
    return pd.DataFrame(_tegels(), columns=["centrumgemeente", "rij", "kolom", "label"])


def tegelkaart(waarden: Mapping[str, float | None], titel: str, *, opmaak: Callable[[float], str] = formaat.euro_heel,
               asformaat: str = grafieken.EURO_AS, divergerend: bool = False) -> alt.LayerChart:
    """Tegelkaart gekleurd naar ``waarden`` (centrumgemeente -> cijfer; None of ontbrekend = grijs).

    ``divergerend``: blauw (negatief) – wit (0) – oranje (positief), bijvoorbeeld voor een tekort dat ook een
    overschot kan zijn; anders een oplopende schaal.
    """
    data = tegels()
    gekend = [waarden.get(n) for n in data["centrumgemeente"]]
    data["tekst"] = ["–" if w is None else opmaak(w) for w in gekend]
    data["tip"] = [GEEN_GEGEVENS if w is None else opmaak(w) for w in gekend]
    data["waarde"] = [None if w is None else float(w) for w in gekend]
    data["tekstkleur"] = _tekstkleuren(data["waarde"], divergerend)
    x = alt.X("kolom:O", axis=None, scale=alt.Scale(paddingInner=0.08))
    y = alt.Y("rij:O", axis=None, scale=alt.Scale(paddingInner=0.1))
    tooltip = [alt.Tooltip("centrumgemeente:N", title="Centrumgemeente"), alt.Tooltip("tip:N", title=titel)]
    basis = alt.Chart(data).mark_rect(cornerRadius=3, color="#e4e8ec").encode(x=x, y=y, tooltip=tooltip)
    bekend = data.dropna(subset=["waarde"])
    lagen = [basis]
    if not bekend.empty:
        lagen.append(alt.Chart(bekend).mark_rect(cornerRadius=3).encode(
            x=x, y=y, tooltip=tooltip,
            color=alt.Color("waarde:Q", title=titel, scale=_schaal(bekend["waarde"], divergerend),
                            legend=alt.Legend(format=asformaat, orient="right", gradientLength=260, titleLimit=320))))
    kleur = alt.condition(alt.datum.tekstkleur == "white", alt.value("white"), alt.value("#1b1b1b"))
    lagen.append(alt.Chart(data).mark_text(dy=-7, fontSize=10, fontWeight="bold").encode(
        x=x, y=y, text="label:N", color=kleur, tooltip=tooltip))
    lagen.append(alt.Chart(data).mark_text(dy=8, fontSize=9).encode(
        x=x, y=y, text="tekst:N", color=kleur, tooltip=tooltip))
    kolommen, rijen = int(data["kolom"].max()) + 1, int(data["rij"].max()) + 1
    return grafieken.nl(alt.layer(*lagen).properties(width=kolommen * TEGEL_B, height=rijen * TEGEL_H))


def _tekstkleuren(waarden: pd.Series, divergerend: bool) -> list[str]:
    """Wit op een donkere tegel (de buitenste 40 % van de schaal), anders bijna zwart."""
    bekend = waarden.dropna()
    if bekend.empty:
        return ["#1b1b1b"] * len(waarden)
    laag, hoog = float(bekend.min()), float(bekend.max())
    grens = max(abs(laag), abs(hoog), 1e-9)
    uit = []
    for w in waarden:
        if pd.isna(w):
            uit.append("#1b1b1b")
        elif divergerend:
            uit.append("white" if abs(w) > 0.6 * grens else "#1b1b1b")
        else:
            uit.append("white" if hoog > laag and (w - laag) / (hoog - laag) > 0.6 else "#1b1b1b")
    return uit


def _schaal(waarden: pd.Series, divergerend: bool) -> alt.Scale:
    if divergerend:
        grens = max(abs(float(waarden.min())), abs(float(waarden.max())), 1e-9)
        return alt.Scale(scheme="blueorange", domain=[-grens, grens], domainMid=0)
    return alt.Scale(scheme="oranges")
