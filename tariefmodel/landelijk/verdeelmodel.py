"""Verdeelmodel van de DUVO: objectief, historisch, ingroeipad, zachte landing of gefaseerd verlies,
herverdeling, plaatsen.

Rekenmethode.md §2.1-2.2 (v2). Alles vectorieel over jaren (rijen, t) en regio's (kolommen, i).
Rekent onafgerond; afronden gebeurt pas bij het rapporteren.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Een herverdeling die op centen afgerond 0,00 is, maakt een regio geen winnaar of verliezer.
HALVE_CENT = 0.005
# Budgetneutraliteit: toegestane afwijking als fractie van het budget (afrondruis van floats).
BUDGET_TOLERANTIE = 1e-9


def _rij(x) -> np.ndarray:
    return np.atleast_1d(np.asarray(x, dtype=float))


def verdeelsleutel(aandelen, maatstaven) -> np.ndarray:
    """§2.1: het objectieve aandeel van elke regio, Σ_k g_k · x_ik / Σ_j x_jk (som over i = Σ g_k).

    ``maatstaven`` heeft vorm (regio's, maatstaven); elke kolom moet een positieve som hebben.
    """
    x = np.asarray(maatstaven, dtype=float)
    return (x / x.sum(axis=0)) @ _rij(aandelen)


def objectieve_verdeling(budget, aandelen, maatstaven) -> np.ndarray:
    """§2.1: O_i(t) = Bud_t · Σ_k g_k · x_ik / Σ_j x_jk. Vorm (jaren, regio's)."""
    return np.outer(_rij(budget), verdeelsleutel(aandelen, maatstaven))


def historische_verdeling(budget, historisch) -> np.ndarray:
    """§2.1: H_i(t) = Bud_t · h_i / Σ_j h_j. Vorm (jaren, regio's)."""
    h = _rij(historisch)
    return np.outer(_rij(budget), h / h.sum())


def infasering(historisch, objectief, alfa) -> np.ndarray:
    """§2.1: A_i(t) = (1 − α_t) · H_i(t) + α_t · O_i(t)."""
    a = _rij(alfa)[:, None]
    return (1 - a) * np.asarray(historisch, dtype=float) + a * np.asarray(objectief, dtype=float)


def zachte_landing(toegekend, historisch, max_verlies: float | None) -> tuple[np.ndarray, np.ndarray]:
    """§2.1 zachte landing: verlies t.o.v. H_i(t) hoogstens max_verlies · H_i(t), betaald door de winnaars.

    Verliezers onder de vloer (1 − max_verlies) · H_i(t) worden tot de vloer aangevuld; dat bedrag (de
    knelpuntenpot) gaat af van de winnaars naar rato van hun winst A_i(t) − H_i(t). De pot is nooit groter
    dan de totale winst (Σ(A − H) = 0), dus een winnaar wordt nooit verliezer en Σ_i A_i(t) blijft Bud_t.
    Geeft (toegekend na de zachte landing, knelpuntenpot per jaar). Leeg max_verlies = geen plafond.
    """
    a = np.asarray(toegekend, dtype=float)
    h = np.asarray(historisch, dtype=float)
    if max_verlies is None:
        return a.copy(), np.zeros(a.shape[0])
    aanvulling = np.maximum((1 - max_verlies) * h - a, 0)
    pot = aanvulling.sum(axis=1)
    winst = np.maximum(a - h, 0)
    som_winst = winst.sum(axis=1)
    fractie = np.divide(pot, som_winst, out=np.zeros_like(pot), where=som_winst > 0)
    return a + aanvulling - winst * fractie[:, None], pot


def gefaseerd_verlies(zonder_landing, historisch, beta) -> tuple[np.ndarray, np.ndarray]:
    """§2.1 (v2) gefaseerd verlies met een externe pot: verliezers dragen β_t van hun verlies.

    Met T_i(t) = (1 − α_t)·H_i(t) + α_t·O_i(t): een regio met T_i(t) < H_i(t) krijgt
    A_i(t) = H_i(t) + β_t·(T_i(t) − H_i(t)); elke andere regio T_i(t). De winnaars leveren niets in:
    de knelpuntenpot Σ_i A_i(t) − Bud_t = Σ_i A_i(t) − Σ_i T_i(t) komt van buiten de DUVO.
    Geeft (toegekend, knelpuntenpot per jaar).
    """
    t = np.asarray(zonder_landing, dtype=float)
    h = np.asarray(historisch, dtype=float)
    b = _rij(beta)[:, None]
    toegekend = np.where(t < h, h + b * (t - h), t)
    return toegekend, toegekend.sum(axis=1) - t.sum(axis=1)


def herverdeling(toegekend, historisch) -> np.ndarray:
    """§2.2: Δ_i = A_i(T) − H_i(T) in het laatste jaar T. Positief = winnaar, negatief = verliezer."""
    return np.asarray(toegekend, dtype=float)[-1] - np.asarray(historisch, dtype=float)[-1]


def plaatsen_effect(delta, kosten_per_plaats: float, reactie_nadeel: float, reactie_voordeel: float) -> np.ndarray:
    """§2.2: ΔN_i = reactie_nadeel · Δ_i / c voor verliezers, reactie_voordeel · Δ_i / c voor winnaars."""
    d = _rij(delta)
    reactie = np.where(d < 0, reactie_nadeel, reactie_voordeel)
    return reactie * d / kosten_per_plaats


def klasse(delta) -> np.ndarray:
    """+1 winnaar, −1 verliezer, 0 gelijk (op centen afgerond geen verschil)."""
    d = _rij(delta)
    return np.where(d >= HALVE_CENT, 1, np.where(d <= -HALVE_CENT, -1, 0))


@dataclass(frozen=True, eq=False)
class Verdeling:
    """De verdeling per jaar (rijen) en regio (kolommen), vóór en na de zachte landing of het gefaseerde verlies.

    ``beta`` is None in v1 (zachte landing: de winnaars betalen de pot); met β_t (v2) komt de pot van buiten
    de DUVO en is Σ_i A_i(t) = Bud_t + knelpuntenpot_t.
    """

    jaren: tuple[int, ...]
    budget: np.ndarray  # Bud_t
    alfa: np.ndarray  # α_t
    historisch: np.ndarray  # H_i(t)
    objectief: np.ndarray  # O_i(t)
    zonder_landing: np.ndarray  # (1 − α_t) H + α_t O
    toegekend: np.ndarray  # A_i(t) na de zachte landing of het gefaseerde verlies
    knelpuntenpot: np.ndarray  # per jaar
    beta: np.ndarray | None = None  # β_t (Aandeel verlies); None = v1

    @property
    def pot_extern(self) -> bool:
        """True: de knelpuntenpot komt van buiten de DUVO (β_t, v2); False: de winnaars betalen (v1)."""
        return self.beta is not None

    @property
    def externe_pot(self) -> np.ndarray:
        """§2.1 (v2) de knelpuntenpot van buiten de DUVO per jaar; 0 zonder Aandeel verlies."""
        return self.knelpuntenpot if self.pot_extern else np.zeros_like(self.budget)

    @property
    def herverdeling(self) -> np.ndarray:
        return herverdeling(self.toegekend, self.historisch)

    @property
    def budgetverschil(self) -> np.ndarray:
        """Σ_i A_i(t) − Bud_t − externe pot per jaar; budgetneutraal = overal (vrijwel) 0."""
        return self.toegekend.sum(axis=1) - self.budget - self.externe_pot

    @property
    def budgetneutraal(self) -> bool:
        return bool(np.all(np.abs(self.budgetverschil) <= BUDGET_TOLERANTIE * np.maximum(self.budget, 1)))


class BudgetNietNeutraal(AssertionError):
    """Σ toegekend ≠ budget: een programmafout, nooit een gebruikersfout."""


def verdeel(jaren, budget, alfa, historisch, aandelen, maatstaven, max_verlies: float | None,
            beta=None) -> Verdeling:
    """§2.1 in één keer: H, O, ingroeipad met α_t, dan gefaseerd verlies (met ``beta``, v2; max_verlies
    telt dan niet) of de zachte landing (v1); controleert de budgetneutraliteit (met de externe pot)."""
    budget = _rij(budget)
    h = historische_verdeling(budget, historisch)
    o = objectieve_verdeling(budget, aandelen, maatstaven)
    zonder = infasering(h, o, alfa)
    if beta is None:
        toegekend, pot = zachte_landing(zonder, h, max_verlies)
    else:
        beta = _rij(beta)
        toegekend, pot = gefaseerd_verlies(zonder, h, beta)
    verdeling = Verdeling(tuple(int(j) for j in jaren), budget, _rij(alfa), h, o, zonder, toegekend, pot, beta)
    if not verdeling.budgetneutraal:
        raise BudgetNietNeutraal(f"Σ toegekend wijkt af van het budget: {verdeling.budgetverschil}")
    return verdeling
