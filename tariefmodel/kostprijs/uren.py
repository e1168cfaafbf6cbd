"""Uren per fte: beschikbaar, inzetbaar, direct (rekenmethode.md §1.2)."""

from __future__ import annotations

from dataclasses import dataclass

UREN_PER_JAAR_24_7 = 8760  # 365 x 24: uren die een post die dag en nacht bezet is per jaar telt (§1.2)


@dataclass(frozen=True)
class Uren:
    beschikbaar: float  # U_b
    inzetbaar: float  # U_i
    direct: float  # U_d

    @property
    def fte_per_24_7_post(self):
        """FTE die een post nodig heeft die 24 uur per dag, 7 dagen per week bezet is: 8760 / U_i."""
        return UREN_PER_JAAR_24_7 / self.inzetbaar


def uren_per_fte(p) -> Uren:
    """§1.2: U_b = jaaruren - verlof - feestdagen; U_i = U_b (1 - verzuim) - scholing; U_d = U_i x directe tijd."""
    beschikbaar = p["jaaruren"] - p["verlofuren"] - p["feestdaguren"]
    inzetbaar = beschikbaar * (1 - p["verzuim"]) - p["scholing_overleg_uren"]
    return Uren(beschikbaar, inzetbaar, inzetbaar * p["directe_tijd_ambulant"])
