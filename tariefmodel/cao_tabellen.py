"""De CAO-tabellen per maand en de CAO-stijging die eruit volgt (rekenmethode §1.1 en §1.8 v2).

Neutraal (naast ``tariefmodel/parameters``): het kostprijsmodel en ``uitgangspunten`` (de afgeleide standaard
van cao_stijging) gebruiken het allebei, zonder dat ``uitgangspunten`` het model importeert.
"""

from __future__ import annotations

import datetime as dt

from tariefmodel.parameters import CaoTabellen, Salaristabel, cao_tabellen

MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def tabel_op(datum: dt.date, tabellen: CaoTabellen | None = None) -> Salaristabel:
    """De tabel die op ``datum`` geldt (vóór de eerste: de eerste)."""
    alle = (tabellen or cao_tabellen()).tabellen
    geldig = [t for t in alle if t.datum <= datum]
    return geldig[-1] if geldig else alle[0]


def maandtabellen(jaar: int, tabellen: CaoTabellen | None = None) -> list[Salaristabel]:
    """Per maand van ``jaar`` de tabel die op de eerste van die maand geldt."""
    return [tabel_op(dt.date(jaar, maand, 1), tabellen) for maand in range(1, 13)]


def doorgetrokken_maanden(jaar: int, tabellen: CaoTabellen | None = None) -> tuple[int, ...]:
    """Maanden van ``jaar`` die op of na het einde van de looptijd van de laatste CAO vallen."""
    t = tabellen or cao_tabellen()
    return tuple(maand for maand in range(1, 13) if dt.date(jaar, maand, 1) >= t.bekend_tot)


def maanden_tekst(maanden: tuple[int, ...]) -> str:
    """(6, 7, ..., 12) -> 'juni t/m december'; losse maanden met komma's."""
    if not maanden:
        return ""
    if list(maanden) == list(range(maanden[0], maanden[-1] + 1)) and len(maanden) > 2:
        return f"{MAANDEN[maanden[0] - 1]} t/m {MAANDEN[maanden[-1] - 1]}"
    return ", ".join(MAANDEN[m - 1] for m in maanden)


def cao_stijging_uit_tabellen(jaar: int, tabellen: CaoTabellen | None = None) -> float | None:
    """§1.8 v2: jaargemiddelde(jaar) / jaargemiddelde(jaar - 1) - 1, als geen maand van beide jaren vóór de
    eerste tabel valt, jaar - 1 geen doorgetrokken maand heeft en jaar niet helemaal doorgetrokken is; anders None.
    Rekent met de verhogingsfactoren (niet met afgeronde cellen), zodat de stijging voor elke cel gelijk is."""
    t = tabellen or cao_tabellen()
    if dt.date(jaar - 1, 1, 1) < t.tabellen[0].datum or doorgetrokken_maanden(jaar - 1, t):
        return None
    if len(doorgetrokken_maanden(jaar, t)) == 12:
        return None
    return _factor_jaar(jaar, t) / _factor_jaar(jaar - 1, t) - 1


def cao_stijging_tabellen(jaar: int) -> tuple[float, str, str, str] | None:
    """(waarde, status, bron, toelichting) van de CAO-stijging uit de tabellen, of None (zie hierboven)."""
    t = cao_tabellen()
    waarde = cao_stijging_uit_tabellen(jaar, t)
    if waarde is None:
        return None
    datums = ", ".join(f"{m.datum:%d-%m-%Y}" for m in t.tabellen)
    toelichting = (f"Jaargemiddelde {jaar} t.o.v. {jaar - 1} uit de CAO-tabellen ({datums}; verhogingen: "
                   f"{t.tabellen[-1].bron})")
    doorgetrokken = doorgetrokken_maanden(jaar, t)
    if doorgetrokken:
        toelichting += (f"; {maanden_tekst(doorgetrokken)} {jaar} vallen na de looptijd van de CAO "
                        f"({t.bekend_tot:%d-%m-%Y}) en zijn zonder verhoging doorgetrokken")
        return waarde, "ESTIMATE", f"CAO-tabellen, deels doorgetrokken; {t.bekend_tot_bron}", toelichting
    return waarde, "DERIVED", f"CAO-tabellen; {t.tabellen[-1].bron}", toelichting


def _factor_jaar(jaar: int, t: CaoTabellen) -> float:
    return sum(m.factor for m in maandtabellen(jaar, t)) / 12
