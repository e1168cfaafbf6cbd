"""Het maandsalaris uit de gedateerde CAO-tabellen: het jaargemiddelde over het rekenjaar (rekenmethode §1.1 v2).

m = (1/12) x som over de 12 maanden van het rekenjaar van het tabelbedrag dat op de eerste van die maand geldt.
Een maand vóór de eerste tabel gebruikt de eerste, een maand vanaf het einde van de looptijd van de laatste
CAO gebruikt de laatste tabel: die maand is 'doorgetrokken' en het resultaat zegt dat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from tariefmodel.cao_tabellen import doorgetrokken_maanden, maanden_tekst, maandtabellen
from tariefmodel.parameters import CaoTabellen, cao_tabellen


@dataclass(frozen=True)
class Jaargemiddelde:
    bedrag: float  # m, onafgerond
    tabellen: tuple[dt.date, ...]  # de tabellen die in het jaar gelden (geldig-vanaf-datums)
    doorgetrokken: tuple[int, ...]  # maandnummers (1-12) met een doorgetrokken tabel
    voor_eerste: tuple[int, ...]  # maandnummers vóór de eerste meegeleverde tabel


def jaargemiddelde(schaal: str, trede: str, jaar: int, tabellen: CaoTabellen | None = None) -> Jaargemiddelde | None:
    """§1.1 v2: het jaargemiddelde van (schaal, trede) in ``jaar``; None als de cel in geen tabel staat."""
    t = tabellen or cao_tabellen()
    per_maand = maandtabellen(jaar, t)
    sleutel = (str(schaal), str(trede).lower())
    if any(sleutel not in m.bedragen for m in per_maand):
        return None
    bedrag = sum(m.bedragen[sleutel] for m in per_maand) / len(per_maand)
    return Jaargemiddelde(bedrag, tuple(sorted({m.datum for m in per_maand})), doorgetrokken_maanden(jaar, t),
                          tuple(maand for maand in range(1, 13) if dt.date(jaar, maand, 1) < t.tabellen[0].datum))


def bron_tekst(g: Jaargemiddelde, jaar: int) -> str:
    """Salarisbron zoals de gebruiker hem ziet."""
    datums = ", ".join(f"{d:%d-%m-%Y}" for d in g.tabellen)
    tekst = f"CAO Sociaal Werk, jaargemiddelde {jaar} (tabellen {datums}; DERIVED)"
    if g.doorgetrokken:
        tekst += f"; {maanden_tekst(g.doorgetrokken)} doorgetrokken (ESTIMATE)"
    return tekst


def maandbedrag(schaal, trede, jaar: int, eigen: Mapping[tuple[str, str], float] | None = None) -> float | None:
    """Maandsalaris van (schaal, trede) voor ``jaar``: het werkboek (Salaristabel) gaat voor, anders het
    jaargemiddelde van de meegeleverde tabellen; None als de cel nergens staat."""
    sleutel = (_sleutel(schaal), _sleutel(trede))
    if eigen and sleutel in eigen:
        return eigen[sleutel]
    return _standaard_maandbedrag(*sleutel, jaar)


@lru_cache(maxsize=4096)
def _standaard_maandbedrag(schaal: str, trede: str, jaar: int) -> float | None:
    """Het jaargemiddelde uit de meegeleverde CAO-tabellen (die veranderen niet tijdens een proces)."""
    gemiddeld = jaargemiddelde(schaal, trede, jaar)
    return None if gemiddeld is None else gemiddeld.bedrag


def _sleutel(waarde) -> str:
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return str(waarde).strip().lower()


def salarissen_voor_jaar(personeel, jaar: int, eigen: Mapping[tuple[str, str], float] | None = None):
    """Scenario op rekenjaar: regels met een salaris uit de CAO-tabellen krijgen het jaargemiddelde van ``jaar``;
    een eigen Maandsalaris of een regel uit het blad Salaristabel blijft staan."""
    from dataclasses import replace

    uit = []
    for r in personeel:
        if r.salarisbron.startswith("CAO") and r.schaal is not None and r.trede is not None:
            g = jaargemiddelde(r.schaal, r.trede, jaar)
            if g is not None and not (eigen and (r.schaal, r.trede) in eigen):
                r = replace(r, maandsalaris=g.bedrag, salarisbron=bron_tekst(g, jaar))
        uit.append(r)
    return tuple(uit)
