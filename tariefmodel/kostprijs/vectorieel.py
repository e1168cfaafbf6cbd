"""Rekenmethode §1.1 en §1.3 (v2) vectorieel over de personeelsregels: één doorloop, sommen per product.

De uitgelegde weg (``loon.loonopbouw`` per regel, ``berekening.bereken_uitgelegd``) blijft de referentie en
wat de gebruiker ziet (``KostprijsResultaat.regels``); deze module rekent dezelfde formules met numpy over alle
regels tegelijk. Een test houdt beide gelijk (tests/test_vectorieel.py).

Werkgeverslasten zijn lineair in hun tarieven: som_r f·(SP + P + OP) = sociale_premies · som f·premieloon +
pensioen_werkgever · som f·pensioenbasis + overige_personeelskosten_per_fte · som f. Zo rekent een
scenario-array voor die tarieven (10.000 scenario's) per product, niet per regel × scenario.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from operator import attrgetter

import numpy as np

from tariefmodel.kostprijs.invoer import OVERHEAD, KostprijsInvoer
from tariefmodel.kostprijs.loon import MAANDEN_PER_JAAR

# Kolommen van de productsommen (rijen van ``Regeltabel.som``).
FTE, SALARIS, CAO, BRUTO, PREMIELOON, PENSIOENBASIS = range(6)


@dataclass(frozen=True)
class Regeltabel:
    """De personeelsregels als kolommen (één element per regel) en de indeling naar product.

    ``product``: index in ``invoer.producten``; OVERHEAD = len(producten); een onbekende code daarna.
    """

    maandsalaris: np.ndarray  # m
    ort: np.ndarray  # o
    fte: np.ndarray  # f
    schaal: np.ndarray  # numerieke schaal, NaN zonder
    product: np.ndarray  # index van het product (intp)
    groepen: int  # producten + OVERHEAD + onbekend
    jaarsalaris: np.ndarray  # S = 12 x m
    bewaard: dict = field(default_factory=dict, compare=False)  # toeslag, ORT-basis, bakken van ``som``

    @property
    def overhead(self) -> np.ndarray:
        """bool per regel: hoort bij OVERHEAD."""
        return self.product == self.groepen - 2

    def som(self, x: np.ndarray) -> np.ndarray:
        """§1.3: per product de som over zijn regels, voor elke kolom van ``x`` (regels, ...) tegelijk. Tot twee
        dimensies één bincount (bak = product × kolom), in regelvolgorde zoals de uitgelegde weg; scenario-kolommen
        (regels, 6, scenario's) per product een numpy-som, zonder index of matrix ter grootte van regels × alles."""
        if x.ndim > 2:
            return np.stack([x[self.product == g].sum(axis=0) for g in range(self.groepen)])
        breedte = math.prod(x.shape[1:])
        sleutel = ("bakken", breedte)
        if sleutel not in self.bewaard:
            self.bewaard[sleutel] = (self.product[:, None] * breedte + np.arange(breedte)).ravel()
        sommen = np.bincount(self.bewaard[sleutel], weights=x.ravel(), minlength=self.groepen * breedte)
        return sommen.reshape(self.groepen, *x.shape[1:])


def _schaalgetal(schaal) -> float:
    """Zoals loon.krijgt_toeslag: een Schaal als getal, anders NaN (geen toeslag)."""
    if schaal is None:
        return np.nan
    try:
        return float(str(schaal).strip().replace(",", "."))
    except ValueError:
        return np.nan


class _Vertaling(dict):
    """{veldwaarde: getal}, elke waarde één keer vertaald (bij de eerste keer dat hij voorkomt)."""

    def __init__(self, functie):
        super().__init__()
        self.functie = functie

    def __missing__(self, waarde):
        getal = self[waarde] = self.functie(waarde)
        return getal


def kolom(regels, naam: str, vertaling=None, dtype=float) -> np.ndarray:
    """Eén veld van alle regels als array in één doorloop zonder Python-code per regel (map, attrgetter en
    dict-opzoeken lopen in C; er ontstaan geen objecten voor de garbage collector): lineair, ook bij 17.000
    regels. ``vertaling``: een functie van de (weinige verschillende) veldwaarden naar getallen."""
    waarden = map(attrgetter(naam), regels)
    if vertaling is not None:
        waarden = map(_Vertaling(vertaling).__getitem__, waarden)
    return np.fromiter(waarden, dtype=dtype, count=len(regels))


def som_per_code(regels, veld: str) -> dict[str, float]:
    """Per productcode de som van ``veld`` over ``regels``, in regelvolgorde (§1.3: som bedrag uit Kosten)."""
    nummers: dict[str, int] = {}
    index = kolom(regels, "product", lambda c: nummers.setdefault(c, len(nummers)), np.intp)
    return dict(zip(nummers, np.bincount(index, weights=kolom(regels, veld), minlength=len(nummers)).tolist()))


def maak_regeltabel(invoer: KostprijsInvoer) -> Regeltabel:
    """De regeltabel van ``invoer`` (één keer per invoer; zie ``regeltabel``)."""
    codes = {p.code: i for i, p in enumerate(invoer.producten)}
    oh = len(codes)
    codes[OVERHEAD] = oh
    regels = invoer.personeel
    maandsalaris = kolom(regels, "maandsalaris")
    return Regeltabel(maandsalaris=maandsalaris, ort=kolom(regels, "ort"), fte=kolom(regels, "fte"),
                      schaal=kolom(regels, "schaal", _schaalgetal),
                      product=kolom(regels, "product", lambda c: codes.get(c, oh + 1), np.intp),
                      groepen=oh + 2, jaarsalaris=MAANDEN_PER_JAAR * maandsalaris)


def regeltabel(invoer: KostprijsInvoer) -> Regeltabel:
    """De regeltabel, bewaard bij de (onveranderlijke) invoer: een scenario maakt een nieuwe invoer."""
    tabel = invoer.__dict__.get("_regeltabel")
    if tabel is None:
        tabel = maak_regeltabel(invoer)
        invoer.__dict__["_regeltabel"] = tabel  # frozen dataclass: niet via setattr
    return tabel


def _toeslag(t: Regeltabel, p) -> np.ndarray | float:
    """§1.1 v2 (loon.krijgt_toeslag): 1 voor een regel met Schaal in [amt_schaal_min, amt_schaal_max], geen
    OVERHEAD; anders 0."""
    if "arbeidsmarkttoeslag" not in p:
        return 0.0
    sleutel = ("toeslag", p["amt_schaal_min"], p["amt_schaal_max"])
    if sleutel not in t.bewaard:
        with np.errstate(invalid="ignore"):
            t.bewaard[sleutel] = ((t.schaal >= sleutel[1]) & (t.schaal <= sleutel[2]) & ~t.overhead).astype(float)
    return t.bewaard[sleutel]


def _ort_basis(t: Regeltabel, ort_grens) -> np.ndarray:
    """§1.1 v2: o wordt geheven over min(S, 12 x maandbedrag ORT-plafond); zonder plafond over S."""
    if ort_grens is None:
        return t.jaarsalaris
    sleutel = ("ort", ort_grens)
    if sleutel not in t.bewaard:
        t.bewaard[sleutel] = np.minimum(t.jaarsalaris, MAANDEN_PER_JAAR * ort_grens)
    return t.bewaard[sleutel]


def _kolom(x, scenario: bool):
    """Een regelkolom (regels,) als (regels, 1) als er scenario-arrays in de loonopbouw zitten."""
    return x[:, None] if scenario else x


def productsommen(invoer: KostprijsInvoer, p, ort_grens) -> list | np.ndarray:
    """§1.1 + §1.3: per product (rij; OVERHEAD en onbekend als laatste twee) de sommen FTE, SALARIS, CAO,
    BRUTO, PREMIELOON en PENSIOENBASIS (kolommen), elk gewogen met f. Met scenario-arrays voor de
    niet-lineaire tarieven (vakantietoeslag, eindejaarsuitkering, ...) rekent het per regel × scenario."""
    t = regeltabel(invoer)
    namen = ("arbeidsmarkttoeslag", "vakantietoeslag", "eindejaarsuitkering", "loopbaanbudget", "maximum_premieloon",
             "pensioen_franchise")
    scenario = any(isinstance(p.get(n), np.ndarray) and np.ndim(p[n]) > 0 for n in namen)
    s = _kolom(t.jaarsalaris, scenario)
    toeslag = _toeslag(t, p)
    amt = p["arbeidsmarkttoeslag"] * s * _kolom(toeslag, scenario) if "arbeidsmarkttoeslag" in p else 0.0 * s
    s_ster = s + amt
    vt = p["vakantietoeslag"] * s_ster
    eju = p["eindejaarsuitkering"] * (s_ster + vt)
    ort_bedrag = _kolom(t.ort * _ort_basis(t, ort_grens), scenario)
    pensioengevend = s_ster + vt + eju + ort_bedrag
    lb = p["loopbaanbudget"] * pensioengevend
    b = pensioengevend + lb
    premieloon = b if p.get("maximum_premieloon") is None else np.minimum(b, p["maximum_premieloon"])
    pensioenbasis = np.maximum(0.0, pensioengevend - p["pensioen_franchise"])
    f = _kolom(t.fte, scenario)
    kolommen = (f, f * s, f * (b - s), f * b, f * premieloon, f * pensioenbasis)
    if not scenario:  # (producten + 2) x 6, als Python-floats: de rest van §1.3-1.6 rekent per product
        return t.som(np.stack(kolommen, axis=1)).tolist()
    return t.som(np.stack(np.broadcast_arrays(*kolommen), axis=1))


def loonsommen(som: np.ndarray, rij: int, p) -> dict:
    """De sommen van één product (rij van ``productsommen``) als de grootheden van §1.3: fte, salaris
    (som f·S), cao (som f·(AMT+VT+EJU+ORT+LB)), werkgever (som f·(SP+P+OP)) en loon (som K_r = f·L)."""
    r = som[rij]
    werkgever = (p["sociale_premies"] * r[PREMIELOON] + p["pensioen_werkgever"] * r[PENSIOENBASIS]
                 + p["overige_personeelskosten_per_fte"] * r[FTE])
    return {"fte": r[FTE], "salaris": r[SALARIS], "cao": r[CAO], "werkgever": werkgever,
            "loon": r[BRUTO] + werkgever}
