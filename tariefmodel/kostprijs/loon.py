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
        return self.vakantietoeslag + self.eindejaarsuitkering + self.onregelmatigheid + self.loopbaanbudget

    @property
    def werkgeverslasten(self):
        return self.sociale_premies + self.pensioen + self.overige_personeelskosten


def loonopbouw(maandsalaris, ort, p) -> Loonopbouw:
    """§1.1: van maandsalaris m en ORT-fractie o naar loonkosten per fte L."""
    s = MAANDEN_PER_JAAR * maandsalaris
    vt = p["vakantietoeslag"] * s
    eju = p["eindejaarsuitkering"] * (s + vt)
    ort_bedrag = ort * s
    lb = p["loopbaanbudget"] * (s + vt + eju + ort_bedrag)
    b = s + vt + eju + ort_bedrag + lb
    sp = p["sociale_premies"] * b
    pensioen = p["pensioen_werkgever"] * np.maximum(0.0, s + vt + eju - p["pensioen_franchise"])
    op = p["overige_personeelskosten_per_fte"]
    return Loonopbouw(s, vt, eju, ort_bedrag, lb, b, sp, pensioen, op, b + sp + pensioen + op)
