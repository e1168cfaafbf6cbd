"""Capaciteit per regio: bezettingsgraad, Erlang-B-weigerkans, benodigde plaatsen, Istanbul-norm.

Rekenmethode.md §2.4. Alle functies rekenen onafgerond. Standaardwaarden (dagen per jaar,
inwoners per Istanbul-plaats) komen uit de gedateerde YAML-parameters, niet uit de code.
"""

from __future__ import annotations

import math

from tariefmodel.landelijk.standaard import standaardwaarde

# Numerieke tolerantie (geen rekenparameter): ceil(10,000000000000002) mag geen 11 worden
# als 8,5 / 0,85 wiskundig precies 10 is.
AFROND_TOLERANTIE = 1e-9
# Zoekstappen voor het terugrekenen van een last uit een gedragen bezetting (bisectie, 2^-200).
_BISECTIESTAPPEN = 200


def _controleer_niet_negatief(**waarden: float) -> None:
    for naam, waarde in waarden.items():
        if waarde is None or not math.isfinite(waarde) or waarde < 0:
            raise ValueError(f"{naam} moet een eindig getal van 0 of meer zijn (gevonden: {waarde})")


def erlang_b(plaatsen: int, last: float) -> float:
    """Erlang-B-weigerkans B(P) bij P plaatsen en aangeboden last A (§2.4).

    Recursie B(0) = 1; B(k) = A·B(k−1) / (k + A·B(k−1)). Elke tussenwaarde ligt in [0, 1], dus er
    is geen overloop (geen A^P/P!), ook niet bij honderden plaatsen. Bij last 0 is B(P) = 0 voor P ≥ 1.
    """
    _controleer_niet_negatief(last=last)
    if int(plaatsen) != plaatsen or plaatsen < 0:
        raise ValueError(f"plaatsen moet een geheel getal van 0 of meer zijn (gevonden: {plaatsen})")
    b = 1.0
    for k in range(1, int(plaatsen) + 1):
        ab = last * b
        b = ab / (k + ab)
    return b


def plaatsen_voor_weigerkans(last: float, doel: float) -> int:
    """Het kleinste aantal plaatsen P met B(P) ≤ doel (§2.4, `doel_weigerkans`).

    B(k) daalt strikt naar 0 bij groeiende k (voor A > 0), dus de zoektocht eindigt altijd.
    Zonder vraag (A = 0) zijn er geen plaatsen nodig: 0 (B(0) = 1 zou anders 1 plaats geven).
    """
    _controleer_niet_negatief(last=last)
    if not 0 < doel <= 1:
        raise ValueError(f"de doel-weigerkans moet groter dan 0 en hoogstens 1 zijn (gevonden: {doel})")
    if last == 0:
        return 0
    k, b = 0, 1.0
    while b > doel:
        k += 1
        ab = last * b
        b = ab / (k + ab)
    return k


def aangeboden_last(clienten: float, verblijfsduur: float, dagen_per_jaar: float | None = None) -> float:
    """Aangeboden last A = C·d / dagen per jaar: het gemiddeld aantal gelijktijdig benodigde plaatsen (§2.4)."""
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


def gedragen_last(plaatsen: int, last: float) -> float:
    """Gedragen (werkelijk bezette) last A·(1 − B(P)): de aangeboden last minus de weigeringen."""
    return last * (1 - erlang_b(plaatsen, last))


def last_bij_gedragen_bezetting(plaatsen: int, bezetting: float) -> float:
    """De aangeboden last A waarbij P plaatsen gemiddeld een fractie ``bezetting`` bezet zijn.

    Uitbreiding (docs/landelijk.md): lost A·(1 − B(P, A)) = bezetting · P op met bisectie; de
    gedragen last stijgt strikt in A en blijft onder P, dus bezetting moet kleiner dan 1 zijn.
    Voorbeeld uit de bronnen: 10 plaatsen op 85% bezetting → A ≈ 12,6 en weigerkans ≈ 33%.
    """
    if not 0 <= bezetting < 1:
        raise ValueError(f"de gedragen bezetting moet in [0, 1) liggen (gevonden: {bezetting})")
    doel = bezetting * plaatsen
    laag, hoog = 0.0, 1.0
    while gedragen_last(plaatsen, hoog) < doel:
        hoog *= 2
    for _ in range(_BISECTIESTAPPEN):
        midden = (laag + hoog) / 2
        if gedragen_last(plaatsen, midden) < doel:
            laag = midden
        else:
            hoog = midden
        if hoog - laag <= math.ulp(hoog):
            break
    return (laag + hoog) / 2
