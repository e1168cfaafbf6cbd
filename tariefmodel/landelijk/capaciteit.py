"""Capaciteit per regio: bezettingsgraad, weigerkans, benodigde plaatsen, Istanbul-norm (rekenmethode §2.4, §2.4a).

De Erlang-formules staan in :mod:`tariefmodel.capaciteit`; hier staan alleen de regiogrootheden.
Standaardwaarden (dagen per jaar, inwoners per Istanbul-plaats) komen uit de gedateerde YAML-parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tariefmodel.capaciteit import eenheid as cap_eenheid
from tariefmodel.capaciteit import erlang
from tariefmodel.landelijk.standaard import standaardwaarde

# Numerieke tolerantie (geen rekenparameter): ceil(10,000000000000002) mag geen 11 worden
# als 8,5 / 0,85 wiskundig precies 10 is.
AFROND_TOLERANTIE = 1e-9


def _controleer_niet_negatief(**waarden: float) -> None:
    for naam, waarde in waarden.items():
        if waarde is None or not math.isfinite(waarde) or waarde < 0:
            raise ValueError(f"{naam} moet een eindig getal van 0 of meer zijn (gevonden: {waarde})")


def aangeboden_last(clienten: float, verblijfsduur: float, dagen_per_jaar: float | None = None) -> float:
    """Last C·d / dagen per jaar: het gemiddeld aantal gelijktijdig bezette of benodigde plaatsen (§2.4).

    Uit opgenomen cliënten is dit de gedragen last, niet de vraag (§2.4a); zie :func:`regio_capaciteit`.
    """
    dagen = standaardwaarde("dagen_per_jaar") if dagen_per_jaar is None else dagen_per_jaar
    _controleer_niet_negatief(clienten=clienten, verblijfsduur=verblijfsduur)
    return clienten * verblijfsduur / dagen


def bezettingsgraad(clienten: float, verblijfsduur: float, plaatsen: float,
                    dagen_per_jaar: float | None = None) -> float:
    """Bezettingsgraad = C·d / (dagen per jaar · P) (§2.4). Kan boven 1 uitkomen (overvol)."""
    if not plaatsen > 0:
        raise ValueError(f"de bezettingsgraad vraagt meer dan 0 plaatsen (gevonden: {plaatsen})")
    return aangeboden_last(clienten, verblijfsduur, dagen_per_jaar) / plaatsen


def plaatsen_op_bezettingsnorm(last: float, norm: float | None = None) -> int:
    """Plaatsen nodig op de bezettingsnorm = ceil(A / bezettingsnorm) (§2.4)."""
    norm = standaardwaarde("bezettingsnorm") if norm is None else norm
    _controleer_niet_negatief(last=last)
    if not 0 < norm <= 1:
        raise ValueError(f"de bezettingsnorm moet groter dan 0 en hoogstens 1 zijn (gevonden: {norm})")
    return math.ceil(last / norm - AFROND_TOLERANTIE)


def istanbul_norm(inwoners: float, inwoners_per_plaats: float | None = None) -> float:
    """Istanbul-norm = inwoners / 10 000: één (gezins)plaats per 10 000 inwoners (§2.4)."""
    per_plaats = standaardwaarde("istanbul_inwoners_per_plaats") if inwoners_per_plaats is None else inwoners_per_plaats
    _controleer_niet_negatief(inwoners=inwoners)
    return inwoners / per_plaats


def istanbul_tekort(inwoners: float, plaatsen: float, inwoners_per_plaats: float | None = None) -> float:
    """Tekort = Istanbul-norm − plaatsen (§2.4); negatief = meer plaatsen dan de norm."""
    return istanbul_norm(inwoners, inwoners_per_plaats) - plaatsen


def regio_capaciteit(plaatsen: int, clienten: float, verblijfsduur: float, dagen_per_jaar: float,
                     doel_weigerkans: float, bezettingsnorm: float) -> dict:
    """De regiovelden van §2.4, op de manier van §2.4a (v2): verliesmodel, cliënten = opgenomen (gedragen last).

    De vraag A volgt uit A·(1 − B(P, A)) = C·d/365. Zat de regio vol (gedragen last ≥ P·0,999), dan zijn
    last, weigerkans en plaatsen nodig None en staat in ``melding`` waarom.
    """
    gedragen = aangeboden_last(clienten, verblijfsduur, dagen_per_jaar)
    uit = {"model": cap_eenheid.VERLIES, "bezettingsgraad": gedragen / plaatsen if plaatsen > 0 else None,
           "aangeboden_last": None, "weigerkans": None, "geweigerd_per_jaar": None,
           "plaatsen_nodig_weigerkans": None, "plaatsen_nodig_bezettingsnorm": None, "melding": None}
    if plaatsen == 0 and gedragen == 0:
        return uit | {"aangeboden_last": 0.0, "plaatsen_nodig_weigerkans": 0, "plaatsen_nodig_bezettingsnorm": 0}
    if gedragen >= plaatsen * cap_eenheid.VOL_GRENS:
        return uit | {"melding": cap_eenheid.MELDING_VOL}
    last = erlang.last_uit_gedragen_last(plaatsen, gedragen)
    b = erlang.erlang_b(plaatsen, last)
    return uit | {"aangeboden_last": last, "weigerkans": b,
                  "geweigerd_per_jaar": last * dagen_per_jaar / verblijfsduur * b,
                  "plaatsen_nodig_weigerkans": erlang.plaatsen_voor_weigerkans(last, doel_weigerkans),
                  "plaatsen_nodig_bezettingsnorm": plaatsen_op_bezettingsnorm(last, bezettingsnorm)}


def rekenregels(p) -> cap_eenheid.Rekenregels:
    """De parameters van §2.4a uit de (numerieke) landelijke Uitgangspunten."""
    return cap_eenheid.Rekenregels(dagen_per_jaar=p["dagen_per_jaar"], doel_weigerkans=p["doel_weigerkans"],
                                   doel_wachttijd=p["doel_wachttijd"],
                                   gevoeligheid_bezetting=p["gevoeligheid_bezetting"])


@dataclass(frozen=True)
class EenheidResultaat:
    """Eén regel van het blad Capaciteit met zijn uitkomst (§2.4a)."""

    centrumgemeente: str
    type: str
    uitkomst: cap_eenheid.Uitkomst
    verblijfsduur: float
    opgenomen: float | None
    aanmeldingen: float | None
    rij: int | None = None

    @property
    def model(self) -> str:
        return self.uitkomst.model

    @property
    def plaatsen(self) -> int:
        return self.uitkomst.plaatsen

    @property
    def cijfers(self) -> cap_eenheid.Cijfers:
        return self.uitkomst.cijfers


def bereken_eenheden(regels, p) -> tuple[EenheidResultaat, ...] | None:
    """§2.4a voor alle regels van het blad Capaciteit (None zonder blad)."""
    if regels is None:
        return None
    r = rekenregels(p)
    return tuple(EenheidResultaat(
        c.centrumgemeente, c.type,
        cap_eenheid.bereken_eenheid(cap_eenheid.Eenheid(c.plaatsen, c.verblijfsduur, c.opgenomen, c.aanmeldingen,
                                                        c.model), r),
        c.verblijfsduur, c.opgenomen, c.aanmeldingen, c.rij) for c in regels)
