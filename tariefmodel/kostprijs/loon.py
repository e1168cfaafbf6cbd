"""Loonkosten per fte van een personeelsregel (rekenmethode.md §1.1).

Werkt met floats en met numpy-arrays (vectorieel rekenen over scenario's).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

MAANDEN_PER_JAAR = 12  # jaarsalaris = 12 x maandsalaris (§1.1); geen parameter, een kalenderfeit


@dataclass(frozen=True)
class Loonopbouw:
    """Elke stap van §1.1 per fte per jaar."""

    jaarsalaris: float  # S
    arbeidsmarkttoeslag: float  # AMT (v2)
    vakantietoeslag: float  # VT
    eindejaarsuitkering: float  # EJU
    onregelmatigheid: float  # ORT
    loopbaanbudget: float  # LB
    brutoloon: float  # B
    sociale_premies: float  # SP
    pensioen: float  # P
    overige_personeelskosten: float  # OP
    loonkosten_per_fte: float  # L

    @property
    def cao_opslagen(self):
        return (self.arbeidsmarkttoeslag + self.vakantietoeslag + self.eindejaarsuitkering + self.onregelmatigheid
                + self.loopbaanbudget)

    @property
    def werkgeverslasten(self):
        return self.sociale_premies + self.pensioen + self.overige_personeelskosten


def loonopbouw(maandsalaris, ort, p, *, toeslag: bool = False, ort_grens=None) -> Loonopbouw:
    """§1.1 (v2): van maandsalaris m en ORT-fractie o naar loonkosten per fte L.

    ``toeslag``: de regel krijgt de arbeidsmarkttoeslag (schaal in [amt_schaal_min, amt_schaal_max], geen
    OVERHEAD; zie ``krijgt_toeslag``). ``ort_grens``: het maandbedrag van het ORT-plafond (schaal
    ort_max_schaal, trede ort_max_trede); None = geen plafond. Zonder ``maximum_premieloon`` in ``p`` geen
    premieplafond.
    """
    s = MAANDEN_PER_JAAR * maandsalaris
    amt = p["arbeidsmarkttoeslag"] * s if toeslag else 0.0 * s
    s_ster = s + amt
    vt = p["vakantietoeslag"] * s_ster
    eju = p["eindejaarsuitkering"] * (s_ster + vt)
    ort_basis = s if ort_grens is None else np.minimum(s, MAANDEN_PER_JAAR * ort_grens)
    ort_bedrag = ort * ort_basis
    lb = p["loopbaanbudget"] * (s_ster + vt + eju + ort_bedrag)
    b = s_ster + vt + eju + ort_bedrag + lb
    premieloon = b if p.get("maximum_premieloon") is None else np.minimum(b, p["maximum_premieloon"])
    sp = p["sociale_premies"] * premieloon
    pensioen = p["pensioen_werkgever"] * np.maximum(0.0, s_ster + vt + eju + ort_bedrag - p["pensioen_franchise"])
    op = p["overige_personeelskosten_per_fte"]
    return Loonopbouw(s, amt, vt, eju, ort_bedrag, lb, b, sp, pensioen, op, b + sp + pensioen + op)


def krijgt_toeslag(schaal, product: str, p) -> bool:
    """§1.1 v2: arbeidsmarkttoeslag voor een regel met een Schaal in [amt_schaal_min, amt_schaal_max] en een
    product dat niet OVERHEAD is; een regel zonder (numerieke) Schaal krijgt hem niet."""
    from tariefmodel.kostprijs.invoer import OVERHEAD

    if product == OVERHEAD or schaal is None or "arbeidsmarkttoeslag" not in p:
        return False
    try:
        nummer = float(str(schaal).strip().replace(",", "."))
    except ValueError:
        return False
    return bool(p["amt_schaal_min"] <= nummer <= p["amt_schaal_max"])
