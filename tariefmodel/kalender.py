"""Feestdaguren uit de kalender van het rekenjaar (rekenmethode §1.2 v2); neutraal: model én uitgangspunten.

De feestdagen die de CAO Sociaal Werk noemt en die op maandag t/m vrijdag vallen, maal de uren per feestdag.
De kalender (Pasen, Hemelvaart, Pinksteren, Koningsdag op 26 april als 27 april een zondag is) komt uit het
onderhouden pakket ``holidays``; welke dagen tellen en 5 mei staan in parameters/feestdaguren.yaml.
"""

from __future__ import annotations

import datetime as dt

from tariefmodel.parameters import gegevens

ZATERDAG = 5  # dt.date.weekday(): maandag = 0 ... vrijdag = 4


def cao_feestdagen(jaar: int) -> list[tuple[dt.date, str]]:
    """Alle CAO-feestdagen van ``jaar`` (ook die in het weekend), op datum."""
    import holidays  # pas bij gebruik: uitgangspunten (en dus de CLI-start) laadt dit pakket niet

    g = gegevens("feestdaguren")
    namen = set(g["cao_feestdagen"])
    kalender = holidays.country_holidays("NL", years=jaar, language="nl")
    dagen = {d: naam for d, naam in kalender.items() if naam in namen}
    for vast in g["cao_vaste_dagen"]:
        maand, dag = (int(x) for x in vast.split("-"))
        dagen.setdefault(dt.date(jaar, maand, dag), "Bevrijdingsdag")
    return sorted(dagen.items())


def feestdagen_op_werkdag(jaar: int) -> list[tuple[dt.date, str]]:
    return [(d, n) for d, n in cao_feestdagen(jaar) if d.weekday() < ZATERDAG]


def feestdaguren(jaar: int, uren_per_feestdag: float) -> float:
    """§1.2 v2: aantal CAO-feestdagen op een werkdag x uren per feestdag."""
    return len(feestdagen_op_werkdag(jaar)) * uren_per_feestdag
