"""Normbezetting, weigerkans en break-even van opvangproducten (rekenmethode §1.6 en §2.4a, v2).

Met dezelfde Erlang-functies als het capaciteitsmodel (tariefmodel.capaciteit.erlang). Erlang rekent met
een geheel aantal plaatsen; bij een gebroken aantal (2,5 plaatsen) zijn de weigerkansgetallen None.
Parameterwaarden mogen numpy-arrays zijn (scenario's): dan wordt per waarde gerekend.
"""

from __future__ import annotations

import math
from functools import lru_cache

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
    return _per_waarde(lambda d: _rho_ster(n, float(d)), doel)


@lru_cache(maxsize=1024)
def _rho_ster(n: int, doel: float) -> float:
    """ρ*(N, ε) per (N, ε) één keer (bisectie): een zuivere functie van twee getallen."""
    return bezetting_bij_weigerkans(n, doel)


@lru_cache(maxsize=1024)
def _weigerkans(n: int, bezetting: float) -> float:
    """B(N, A) bij gedragen bezetting b, per (N, b) één keer (bisectie)."""
    return 1.0 if bezetting >= 1 else erlang_b(n, last_bij_gedragen_bezetting(n, bezetting))


def weigerkans_bij_bezetting(plaatsen, bezetting):
    """De weigerkans B(N, A) bij de last A waarbij N plaatsen gemiddeld ``bezetting`` bezet zijn (verliesmodel).

    Bij bezetting 1 (of meer) weigert de eenheid alles wat extra komt: 1,0. None zonder geheel aantal plaatsen.
    """
    n = geheel_aantal(plaatsen)
    if n is None:
        return None

    if isinstance(bezetting, np.ndarray) and bezetting.ndim > 0:
        if np.any(bezetting < 0):  # zoals de scalaire weg
            return None
        return _weigerkans_reeks_bewaard(n, bezetting.astype(float, copy=False).tobytes(), bezetting.shape)
    return _per_waarde(lambda b: _weigerkans(n, float(b)), bezetting)


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
    if not any(isinstance(x, np.ndarray) for x in (integraal, plaatsen, dagen)):  # één product: gewone getallen
        try:
            uitkomst = float(integraal) / (float(plaatsen) * float(dagen) * float(tarief))
        except ZeroDivisionError:
            return None
        return uitkomst if math.isfinite(uitkomst) else None
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):  # overloop wordt hieronder None
        uitkomst = np.divide(integraal, np.multiply(np.multiply(plaatsen, dagen), tarief))
    if np.ndim(uitkomst) == 0:
        return float(uitkomst) if math.isfinite(uitkomst) else None
    return uitkomst if np.all(np.isfinite(uitkomst)) else None  # gevoeligheid: een reeks waarden tegelijk


def _erlang_b_en_afgeleide(n: int, a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """B(N, A) met de recursie B(k) = A·B(k−1) / (k + A·B(k−1)) en dB/dA = B·(N/A − 1 + B), elementsgewijs."""
    b = np.ones_like(a)
    for k in range(1, n + 1):
        ab = a * b
        b = ab / (k + ab)
    with np.errstate(divide="ignore", invalid="ignore"):
        afgeleide = np.where(a > 0, b * (n / a - 1 + b), 1.0 if n == 0 else 0.0)
    return b, afgeleide


NEWTONSTAPPEN = 30  # kwadratische convergentie: na ~6 stappen op machineprecisie; vaste bovengrens


@lru_cache(maxsize=8)
def _weigerkans_reeks_bewaard(n: int, waarden: bytes, vorm: tuple) -> np.ndarray:
    """Per (N, array) één keer: producten met evenveel plaatsen en dezelfde norm-array (scenario's) delen hem."""
    uit = _weigerkans_reeks(n, np.frombuffer(waarden).reshape(vorm))
    uit.flags.writeable = False  # gedeeld: niet wijzigen
    return uit


def _weigerkans_reeks(n: int, bezetting: np.ndarray) -> np.ndarray:
    """weigerkans_bij_bezetting voor een hele array (scenario's) in één keer: Newton op A·(1 − B(N, A)) = b·N,
    vanaf de bovengrens A = a·N/(N − a) (daar is de gedragen last ≥ a; de functie is stijgend en concaaf, dus
    Newton daalt monotoon naar de wortel). b ≥ 1: 1, zoals de scalaire versie."""
    b = np.asarray(bezetting, dtype=float)
    binnen = (b >= 0) & (b < 1)
    doel = np.where(binnen, b, 0.5) * n
    a = doel * n / (n - doel)
    for _ in range(NEWTONSTAPPEN):
        kans, afgeleide = _erlang_b_en_afgeleide(n, a)
        helling = 1 - kans - a * afgeleide
        stap = (a * (1 - kans) - doel) / np.where(helling > 0, helling, 1.0)
        a = np.maximum(a - stap, doel)
        if np.all(np.abs(stap) <= 1e-13 * np.maximum(1.0, a)):
            break
    kans, _ = _erlang_b_en_afgeleide(n, a)
    return np.where(binnen, kans, np.where(b >= 1, 1.0, np.nan))


def vergeet() -> None:
    """Wis de bewaarde Erlang-uitkomsten (de benchmark meet zo een koude berekening)."""
    for functie in (_rho_ster, _weigerkans, _weigerkans_reeks_bewaard):
        functie.cache_clear()
