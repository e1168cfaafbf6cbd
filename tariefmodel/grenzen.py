"""Benoemde grenzen op de invoer: wat het inlezen weigert, met de reden (docs/veiligheid.md).

Geen rekenparameters maar instellingen van de controle. Ze houden twee dingen tegen: tikfouten die een
onzin-uitkomst geven (€ 0,00 of miljarden plaatsen), en invoer die de server minutenlang laat rekenen terwijl
andere gebruikers wachten (Streamlit bedient iedereen uit één proces). Elke grens ligt ruim boven wat een
echte organisatie of regio in Nederland heeft. De parameters uit het blad Uitgangspunten hebben hun bereik in
hun eigen YAML (``bereik``); hier staan de grenzen op de kolommen van de andere bladen.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass


@dataclass(frozen=True)
class Grens:
    """Een toegestaan bereik voor een kolom; ``laag_open``: de ondergrens zelf mag niet (> in plaats van ≥)."""

    laag: float | None
    hoog: float | None
    eenheid: str
    reden: str
    laag_open: bool = False

    def fout(self, waarde: float) -> str | None:
        """Nederlandse uitleg als ``waarde`` buiten de grens valt, anders None."""
        if self.laag is not None and (waarde < self.laag or self.laag_open and waarde == self.laag):
            teken = "groter dan" if self.laag_open else "minstens"
            return f"moet {teken} {_nl(self.laag)} {self.eenheid} zijn (gevonden: {_nl(waarde)}); {self.reden}"
        if self.hoog is not None and waarde > self.hoog:
            return f"mag hoogstens {_nl(self.hoog)} {self.eenheid} zijn (gevonden: {_nl(waarde)}); {self.reden}"
        return None


# Kleiner dan dit (maar niet 0) is in geen enkele cel een echte waarde: zo'n getal (bijv. 1E-320) komt uit
# een formule of een tikfout, en delen erdoor geeft 'oneindig'.
KLEINSTE_GETAL = 1e-6

# Negatieve waarden weigert de regel zelf al (ge=0); hier de grenzen daarboven.
# --- kostprijswerkboek, blad Producten -------------------------------------------------------------------
PLAATSEN_PRODUCT = Grens(None, 5_000, "plaatsen",
                         "de grootste opvanglocaties in Nederland hebben enkele honderden plaatsen")
UREN_PER_TRAJECT = Grens(1, 10_000, "uur",
                         "een traject is minstens één uur begeleiding; 10.000 uur is ruim vijf jaar voltijds")
TRAJECTEN_PER_JAAR = Grens(None, 1_000_000, "trajecten", "meer trajecten per jaar dan er inwoners zijn kan niet")
FTE_REGEL = Grens(None, 10_000, "fte", "meer dan 10.000 fte op één regel is een tikfout")

MAX_PRODUCTEN = 500  # regels in Producten; een organisatie heeft er enkele tientallen
MAX_GENOEMDE_CODES = 20  # zoveel bekende codes noemt de melding 'onbekende productcode' (de rest: aantal)

# --- landelijk werkboek ----------------------------------------------------------------------------------
MAX_REGIOS = 400  # Nederland heeft 342 gemeenten (2024): meer regio's dan gemeenten kan niet
MAX_REGELS = 20_000  # regels per blad (DUVO: regio's × jaren; Plaatsingen: herkomst × opvangregio)
MAX_PLAATSEN_REGIO = 100_000  # plaatsen in één regio; ook de grens van de Erlang-berekening per regio
# Cliënten per jaar × verblijfsduur / dagen_per_jaar = gemiddeld tegelijk aanwezig (aangeboden last, §2.4).
# De grootste regio heeft een last van ca. 80; 5.000 is vijf keer alle opvangplaatsen van Nederland (ca. 1.000
# in 2023). Daarboven rekent de zoektocht naar 'plaatsen nodig' (Erlang B, kwadratisch in de last) op de pagina
# Capaciteit minuten (gemeten: last 50.000 ≈ 100 s) terwijl andere gebruikers wachten.
MAX_LAST_REGIO = 5_000

# Hoeveel verschillende onbekende namen krijgen een hint 'bedoelt u ...?' (de rest alleen de melding).
MAX_HINTS = 50


def zonder_numpy_waarschuwingen() -> None:
    """Geen Engelse numpy-RuntimeWarnings ('invalid value encountered in divide') voor de gebruiker.

    De bewaking hierboven houdt NaN, oneindig en 0/0 al voor het model tegen; een NaN die toch ontstaat, wordt
    in de uitvoer 'onbekend' (–). Aangeroepen door de CLI en de app (procesbreed, één keer)."""
    warnings.filterwarnings("ignore", message=r".*encountered in ", category=RuntimeWarning)


def getal_fout(waarde: float) -> str | None:
    """De algemene bewaking vóór het model: geen NaN, geen oneindig, geen absurd klein getal."""
    if not math.isfinite(waarde):
        return "verwacht een getal, maar de cel bevat 'oneindig' of 'geen getal'"
    if waarde != 0 and abs(waarde) < KLEINSTE_GETAL:
        return (f"het getal is onrealistisch klein (dichter bij 0 dan {_nl(KLEINSTE_GETAL)}); vul 0 in of "
                "controleer de formule in de cel")
    return None


def _nl(x: float) -> str:
    """Nederlandse notatie zonder overbodige decimalen: 10.000 / 0,25 / 0,000001."""
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}".replace(",", ".")
    tekst = f"{x:.6f}".rstrip("0") if abs(x) >= 1e-6 else f"{x:.3g}"
    return tekst.replace(".", ",")
