"""Erlang-kern: weigerkans B(N, A) en de bezetting ρ*(N, ε) bij een doel-weigerkans (rekenmethode §2.4a, v2).

Alle lussen zijn begrensd: de recursie loopt N stappen (N begrensd door de invoer), bisecties een
vast aantal stappen (:data:`BISECTIESTAPPEN`), dus logaritmisch in de gevraagde nauwkeurigheid.
"""

from __future__ import annotations

import math

# Numerieke grenzen (geen rekenparameters).
BISECTIESTAPPEN = 200  # halveringen; 2^-200 van het startinterval, ruim onder 1e-9
BISECTIE_TOLERANTIE = 1e-12  # absolute tolerantie op de last bij het stoppen


def _controleer_plaatsen(plaatsen: int) -> int:
    if isinstance(plaatsen, bool) or int(plaatsen) != plaatsen or plaatsen < 0:
        raise ValueError(f"plaatsen moet een geheel getal van 0 of meer zijn (gevonden: {plaatsen})")
    return int(plaatsen)


def _controleer_last(last: float) -> float:
    if last is None or not math.isfinite(last) or last < 0:
        raise ValueError(f"de last moet een eindig getal van 0 of meer zijn (gevonden: {last})")
    return float(last)


def erlang_b(plaatsen: int, last: float) -> float:
    """Erlang-B-weigerkans B(N, A) bij N plaatsen en aangeboden last A (§2.4a).

    Recursie B(0) = 1; B(k) = A·B(k−1) / (k + A·B(k−1)). Elke tussenwaarde ligt in [0, 1], dus er
    is geen overloop (geen A^N/N!), ook niet bij duizenden plaatsen. Bij last 0 is B(N) = 0 voor N ≥ 1.
    """
    n = _controleer_plaatsen(plaatsen)
    a = _controleer_last(last)
    b = 1.0
    for k in range(1, n + 1):
        ab = a * b
        b = ab / (k + ab)
    return b


def last_bij_weigerkans(plaatsen: int, doel: float) -> float:
    """De aangeboden last A* met B(N, A*) = ε, door bisectie (§2.4a).

    B stijgt strikt in A. Bovengrens: de gedragen last A·(1 − B) is kleiner dan N, dus bij
    A = N/(1 − ε) geldt B > ε; het startinterval is [0, N/(1 − ε)].
    """
    n = _controleer_plaatsen(plaatsen)
    if not 0 < doel < 1:
        raise ValueError(f"de doel-weigerkans moet tussen 0 en 1 liggen (gevonden: {doel})")
    if n == 0:
        raise ValueError("ρ* vraagt minstens 1 plaats")
    laag, hoog = 0.0, n / (1 - doel)
    for _ in range(BISECTIESTAPPEN):
        midden = (laag + hoog) / 2
        if erlang_b(n, midden) < doel:
            laag = midden
        else:
            hoog = midden
        if hoog - laag <= BISECTIE_TOLERANTIE * max(1.0, hoog):
            break
    return (laag + hoog) / 2


def bezetting_bij_weigerkans(plaatsen: int, doel: float) -> float:
    """ρ*(N, ε) = A*·(1 − ε)/N met B(N, A*) = ε: de hoogste gedragen bezetting bij weigerkans ε (§2.4a)."""
    a = last_bij_weigerkans(plaatsen, doel)
    return a * (1 - doel) / int(plaatsen)
