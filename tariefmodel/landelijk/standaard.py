"""Meegeleverde standaardwaarden voor functies die zonder werkboek aangeroepen worden.

Zo staat geen enkel getal in een formule: ook een standaardargument komt uit de gedateerde YAML.
"""

from __future__ import annotations

import datetime as dt

from tariefmodel.parameters import definities
from tariefmodel.uitgangspunten import peildatum


def standaardwaarde(naam: str, jaar: int | None = None):
    """De meegeleverde waarde van parameter ``naam`` in ``jaar`` (zonder jaar: de nieuwste waarde)."""
    definitie = definities()[naam]
    gevonden = definitie.op(peildatum(jaar) if jaar is not None else dt.date.max)
    return None if gevonden is None else gevonden.waarde
