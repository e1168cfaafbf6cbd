"""Normbezetting, weigerkans en break-even van opvangproducten (rekenmethode §1.6 en §2.4a, v2).

Met dezelfde Erlang-functies als het capaciteitsmodel (tariefmodel.capaciteit.erlang). Erlang rekent met
een geheel aantal plaatsen; bij een gebroken aantal (2,5 plaatsen) zijn de weigerkansgetallen None.
Parameterwaarden mogen numpy-arrays zijn (scenario's): dan wordt per waarde gerekend.
"""

from __future__ import annotations

import math

import numpy as np

from tariefmodel.capaciteit.erlang import (
    bezetting_bij_weigerkans,
    erlang_b,
    last_bij_gedragen_bezetting,
)


def geheel_aantal(plaatsen) -> int | None:
    """N als geheel getal (Erlang), of None."""
    try:
        n = float(plaatsen)
    except (TypeError, ValueError):
        return None
    return int(n) if n.is_integer() and n >= 1 else None


def _per_waarde(functie, *args):
    """functie(*args), of per element als een argument een numpy-array is. Buiten het bereik van de
    Erlang-functies (bijv. een onrealistisch groot aantal plaatsen): None."""
    try:
        if any(isinstance(a, np.ndarray) for a in args):
            return np.vectorize(functie, otypes=[float])(*args)
        return functie(*args)
    except ValueError:
        return None


def rho_ster(plaatsen, doel):
    """§2.4a: ρ*(N, ε) = A*(1 − ε)/N met B(N, A*) = ε; None zonder geheel aantal plaatsen."""
    n = geheel_aantal(plaatsen)
    if n is None:
        return None
    return _per_waarde(lambda d: bezetting_bij_weigerkans(n, float(d)), doel)


def weigerkans_bij_bezetting(plaatsen, bezetting):
    """De weigerkans B(N, A) bij de last A waarbij N plaatsen gemiddeld ``bezetting`` bezet zijn (verliesmodel).

    Bij bezetting 1 (of meer) weigert de eenheid alles wat extra komt: 1,0. None zonder geheel aantal plaatsen.
    """
    n = geheel_aantal(plaatsen)
    if n is None:
        return None

    def enkel(b):
        b = float(b)
        return 1.0 if b >= 1 else erlang_b(n, last_bij_gedragen_bezetting(n, b))

    return _per_waarde(enkel, bezetting)


def normbezetting(eigen, plaatsen, p, methode: str = "vast"):
    """§1.6 v2: b_p = de eigen Bezettingsnorm van het product; anders bij bezettingsnorm_methode = weigerkans
    ρ*(N, doel_weigerkans); anders bezettingsnorm. Geeft (b_p, bron) met bron 'product' / 'weigerkans' / 'vast'."""
    if eigen is not None:
        return eigen, "product"
    if methode == "weigerkans":
        rho = rho_ster(plaatsen, p["doel_weigerkans"])
        if rho is not None:
            return rho, "weigerkans"
    return p["bezettingsnorm"], "vast"


def breakeven_bezetting(integraal, plaatsen, dagen, tarief):
    """§1.6 v2: I_p / (N · dagen_per_jaar · Gemeentetarief); None zonder (positief) tarief, en None als de
    uitkomst geen eindig getal is (een tarief zo klein dat geen bezetting het dekt: er is geen break-even)."""
    if tarief is None or not tarief > 0:
        return None
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # overloop wordt hieronder None
        uitkomst = np.divide(integraal, np.multiply(np.multiply(plaatsen, dagen), tarief))
    if np.ndim(uitkomst) == 0:  # één product
        return float(uitkomst) if math.isfinite(uitkomst) else None
    return uitkomst if np.all(np.isfinite(uitkomst)) else None  # gevoeligheid: een reeks waarden tegelijk
