"""DUVO-besteding: uitkering tegenover besteding, en de kosten van normcapaciteit (rekenmethode.md §2.3)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tariefmodel.landelijk.invoer import DuvoRegel


def bestedingsgat(uitkering: float, besteding_vrouwenopvang: float, besteding_overig: float | None = None) -> float:
    """§2.3: bestedingsgat = uitkering − besteding vrouwenopvang − besteding overig (leeg overig = 0).

    Positief: een deel van de uitkering is niet aan vrouwenopvang of ander DUVO-beleid besteed.
    Negatief: de gemeente legt eigen geld bij.
    """
    return uitkering - besteding_vrouwenopvang - (besteding_overig or 0.0)


def onderbesteding(gat: float) -> float:
    """§2.3 (v2) bruto onderbesteding: het bestedingsgat waar het positief is, anders 0.

    Het netto landelijke bestedingsgat verrekent de onderbesteding van de ene regio met de overbesteding
    (eigen geld) van de andere; de som van de onderbestedingen is wat er werkelijk niet besteed is.
    """
    return max(gat, 0.0)


def bestedingsgraad(besteding_vrouwenopvang: float, uitkering: float) -> float | None:
    """§2.3: bestedingsgraad VO = besteding vrouwenopvang / uitkering (None bij uitkering 0)."""
    return besteding_vrouwenopvang / uitkering if uitkering else None


def kosten_normcapaciteit(normplaatsen: float, kosten_per_plaats: float) -> float:
    """§2.3: kosten van normcapaciteit = normplaatsen (§2.4) · c."""
    return normplaatsen * kosten_per_plaats


def financieringstekort(normplaatsen: float, kosten_per_plaats: float, besteding_vrouwenopvang: float) -> float:
    """§2.3: financieringstekort = kosten van normcapaciteit − besteding vrouwenopvang."""
    return kosten_normcapaciteit(normplaatsen, kosten_per_plaats) - besteding_vrouwenopvang


@dataclass(frozen=True)
class DuvoResultaat:
    """Eén centrumgemeente in één jaar."""

    centrumgemeente: str
    jaar: int
    uitkering: float
    besteding_vrouwenopvang: float
    besteding_overig: float | None
    bestedingsgat: float  # netto (§2.3)
    onderbesteding: float  # bruto: het gat waar het positief is, anders 0 (§2.3 v2)
    bestedingsgraad: float | None
    istanbul_norm: float  # normplaatsen (Istanbul)
    kosten_normcapaciteit: float  # Istanbul-norm · c
    financieringstekort: float
    plaatsen_nodig_weigerkans: int | None
    kosten_capaciteit_weigerkans: float | None  # plaatsen nodig voor de doel-weigerkans · c
    financieringstekort_weigerkans: float | None


@dataclass(frozen=True)
class DuvoJaar:
    """Landelijke totalen van één jaar over de centrumgemeenten met een DUVO-regel in dat jaar."""

    jaar: int
    aantal_regios: int
    uitkering: float
    besteding_vrouwenopvang: float
    besteding_overig: float
    bestedingsgat: float  # netto: Σ bestedingsgat
    onderbesteding: float  # bruto: Σ onderbesteding (alleen regio's met een positief gat)
    overbesteding: float  # Σ max(−bestedingsgat, 0): eigen geld van regio's die meer besteden; netto = onder − over
    regios_met_onderbesteding: int
    bestedingsgraad: float | None
    kosten_normcapaciteit: float
    financieringstekort: float


def duvo_regel(regel: DuvoRegel, istanbul: float, nodig_weigerkans: int | None,
               kosten_per_plaats: float) -> DuvoResultaat:
    """§2.3 voor één regel; normcapaciteit = Istanbul-norm, en apart die voor de doel-weigerkans (§2.4)."""
    kosten_wk = None if nodig_weigerkans is None else kosten_normcapaciteit(nodig_weigerkans, kosten_per_plaats)
    gat = bestedingsgat(regel.uitkering, regel.besteding_vrouwenopvang, regel.besteding_overig)
    return DuvoResultaat(
        centrumgemeente=regel.centrumgemeente, jaar=regel.jaar, uitkering=regel.uitkering,
        besteding_vrouwenopvang=regel.besteding_vrouwenopvang, besteding_overig=regel.besteding_overig,
        bestedingsgat=gat, onderbesteding=onderbesteding(gat),
        bestedingsgraad=bestedingsgraad(regel.besteding_vrouwenopvang, regel.uitkering),
        istanbul_norm=istanbul,
        kosten_normcapaciteit=kosten_normcapaciteit(istanbul, kosten_per_plaats),
        financieringstekort=financieringstekort(istanbul, kosten_per_plaats, regel.besteding_vrouwenopvang),
        plaatsen_nodig_weigerkans=nodig_weigerkans, kosten_capaciteit_weigerkans=kosten_wk,
        financieringstekort_weigerkans=None if kosten_wk is None else kosten_wk - regel.besteding_vrouwenopvang,
    )


def duvo_overzicht(regels: Iterable[DuvoRegel], istanbul: Mapping[str, float],
                   nodig_weigerkans: Mapping[str, int | None], kosten_per_plaats: float) -> tuple[DuvoResultaat, ...]:
    """§2.3 voor alle DUVO-regels, gesorteerd op jaar en dan in de volgorde van ``istanbul`` (blad Regio's)."""
    volgorde = {naam: i for i, naam in enumerate(istanbul)}
    uit = [duvo_regel(r, istanbul[r.centrumgemeente], nodig_weigerkans.get(r.centrumgemeente), kosten_per_plaats)
           for r in regels]
    return tuple(sorted(uit, key=lambda d: (d.jaar, volgorde[d.centrumgemeente])))


def landelijk_per_jaar(resultaten: Iterable[DuvoResultaat]) -> tuple[DuvoJaar, ...]:
    """§2.3 'national totals': sommen per jaar, netto (bestedingsgat) en bruto (onderbesteding, v2);
    de bestedingsgraad is Σ besteding VO / Σ uitkering."""
    per_jaar: dict[int, list[DuvoResultaat]] = {}
    for r in resultaten:
        per_jaar.setdefault(r.jaar, []).append(r)
    uit = []
    for jaar, rs in sorted(per_jaar.items()):
        uitkering = sum(r.uitkering for r in rs)
        vo = sum(r.besteding_vrouwenopvang for r in rs)
        uit.append(DuvoJaar(
            jaar=jaar, aantal_regios=len(rs), uitkering=uitkering, besteding_vrouwenopvang=vo,
            besteding_overig=sum(r.besteding_overig or 0.0 for r in rs),
            bestedingsgat=sum(r.bestedingsgat for r in rs), onderbesteding=sum(r.onderbesteding for r in rs),
            overbesteding=sum(max(-r.bestedingsgat, 0.0) for r in rs),
            regios_met_onderbesteding=sum(r.onderbesteding > 0 for r in rs),
            bestedingsgraad=bestedingsgraad(vo, uitkering),
            kosten_normcapaciteit=sum(r.kosten_normcapaciteit for r in rs),
            financieringstekort=sum(r.financieringstekort for r in rs),
        ))
    return tuple(uit)
