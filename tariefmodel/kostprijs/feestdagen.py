"""Feestdaguren uit de kalender van het rekenjaar (rekenmethode §1.2 v2).

De feestdagen die de CAO Sociaal Werk noemt en die op maandag t/m vrijdag vallen, maal de uren per feestdag.
De kalender (Pasen, Hemelvaart, Pinksteren, Koningsdag op 26 april als 27 april een zondag is) komt uit het
onderhouden pakket ``holidays``; welke dagen tellen en 5 mei staan in parameters/feestdaguren.yaml.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import holidays

from tariefmodel.parameters import definities, gegevens

ZATERDAG = 5  # dt.date.weekday(): maandag = 0 ... vrijdag = 4


def cao_feestdagen(jaar: int) -> list[tuple[dt.date, str]]:
    """Alle CAO-feestdagen van ``jaar`` (ook die in het weekend), op datum."""
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


def feestdaguren_standaard(uitgangspunten: Mapping, jaar: int):
    """De standaardwaarde van feestdaguren voor ``jaar`` als Uitgangspunt (status DERIVED)."""
    from tariefmodel.uitgangspunten import Uitgangspunt, standaard

    per_dag = uitgangspunten.get("uren_per_feestdag") or standaard(definities()["uren_per_feestdag"], jaar)
    dagen = feestdagen_op_werkdag(jaar)
    uren = len(dagen) * float(per_dag.waarde)
    lijst = ", ".join(f"{n} {d:%d-%m}" for d, n in dagen)
    toelichting = (f"{len(dagen)} CAO-feestdagen op een werkdag in {jaar} ({lijst}) x {per_dag.waarde:g} uur = "
                   f"{uren:g} uur").replace(".", ",")
    bron = f"{gegevens('feestdaguren')['bron_feestdagen']}; kalender {jaar} (Python-pakket holidays)"
    return Uitgangspunt("feestdaguren", uren, definities()["feestdaguren"].eenheid, "DERIVED", bron, "standaard",
                        toelichting, dt.date(jaar, 1, 1))
