"""Erlang-formules: verliesmodel (Erlang B) en wachtrijmodel (Erlang C, M/M/N), rekenmethode §2.4a (v2).

Alle lussen zijn begrensd: de recursie loopt N stappen en N is begrensd door :data:`MAX_PLAATSEN`;
de zoektochten naar plaatsen hebben een bovengrens die uit de invoer volgt; bisecties stoppen na
hoogstens :data:`BISECTIESTAPPEN` halveringen (logaritmisch in de gevraagde nauwkeurigheid).
"""

from __future__ import annotations

import math

# Numerieke grenzen (geen rekenparameters).
BISECTIESTAPPEN = 200  # halveringen; in de praktijk stopt de bisectie na ca. 50 stappen op de tolerantie
BISECTIE_TOLERANTIE = 1e-12  # relatieve tolerantie op de last (ruim binnen de 1e-9 van §2.4a)
# Bovengrenzen waarbinnen de functies rekenen (ruim boven alles wat één opvangeenheid of regio kan hebben:
# heel Nederland telt ca. 1.024 plaatsen). De invoer begrenst de werkboekwaarden al scherper.
MAX_PLAATSEN = 100_000
MAX_LAST = 1_000_000


def _controleer_plaatsen(plaatsen: int) -> int:
    if isinstance(plaatsen, bool) or int(plaatsen) != plaatsen or not 0 <= plaatsen <= MAX_PLAATSEN:
        raise ValueError(f"plaatsen moet een geheel getal van 0 tot en met {MAX_PLAATSEN} zijn (gevonden: {plaatsen})")
    return int(plaatsen)


def _controleer_last(last: float) -> float:
    if last is None or not math.isfinite(last) or not 0 <= last <= MAX_LAST:
        raise ValueError(f"de last moet een eindig getal van 0 tot en met {MAX_LAST} zijn (gevonden: {last})")
    return float(last)


def _controleer_fractie(naam: str, waarde: float, tot_en_met_1: bool = False) -> float:
    if waarde is None or not math.isfinite(waarde) or not (0 < waarde <= 1 if tot_en_met_1 else 0 < waarde < 1):
        grens = "hoogstens 1" if tot_en_met_1 else "kleiner dan 1"
        raise ValueError(f"{naam} moet groter dan 0 en {grens} zijn (gevonden: {waarde})")
    return float(waarde)


# --- Erlang B: verliesmodel ------------------------------------------------------------------------

def erlang_b(plaatsen: int, last: float) -> float:
    """Erlang-B-weigerkans B(N, A) bij N plaatsen en aangeboden last A (§2.4, §2.4a).

    Recursie B(0) = 1; B(k) = A·B(k−1) / (k + A·B(k−1)). Elke tussenwaarde ligt in [0, 1], dus er
    is geen overloop (geen A^N/N!), ook niet bij duizenden plaatsen. Bij last 0 is B(N) = 0 voor N ≥ 1.
    """
    return _erlang_b_kern(_controleer_plaatsen(plaatsen), _controleer_last(last))


def _erlang_b_kern(n: int, a: float) -> float:
    """De recursie zonder invoercontrole (voor de bisecties; elke tussenwaarde ligt in [0, 1])."""
    b = 1.0
    for k in range(1, n + 1):
        ab = a * b
        b = ab / (k + ab)
    return b


def erlang_b_reeks(plaatsen: int, last: float) -> list[float]:
    """[B(0, A), B(1, A), …, B(N, A)] in één doorloop van de recursie (O(N), voor curves)."""
    n, a = _controleer_plaatsen(plaatsen), _controleer_last(last)
    reeks = [1.0]
    for k in range(1, n + 1):
        ab = a * reeks[-1]
        reeks.append(ab / (k + ab))
    return reeks


def gedragen_last(plaatsen: int, last: float) -> float:
    """Gedragen (werkelijk bezette) last A·(1 − B(N, A)): de aangeboden last minus de weigeringen."""
    return last * (1 - erlang_b(plaatsen, last))


def _bisectie(functie, doel: float, laag: float, hoog: float) -> float:
    """Het punt x in [laag, hoog] met functie(x) = doel, voor een stijgende functie (begrensd aantal stappen)."""
    for _ in range(BISECTIESTAPPEN):
        midden = (laag + hoog) / 2
        if functie(midden) < doel:
            laag = midden
        else:
            hoog = midden
        if hoog - laag <= BISECTIE_TOLERANTIE * max(1.0, hoog):
            break
    return (laag + hoog) / 2


def last_uit_gedragen_last(plaatsen: int, gedragen: float) -> float:
    """De aangeboden last A met A·(1 − B(N, A)) = a: de vraag achter de opnames (§2.4a, verliesmodel).

    De gedragen last stijgt strikt in A en blijft onder N, dus a moet kleiner dan N zijn. Bovengrens:
    1/B(N, A) ≥ 1 + N/A geeft A·(1 − B) ≥ A·N/(A + N), dus bij A = a·N/(N − a) is de gedragen last ≥ a.
    """
    n = _controleer_plaatsen(plaatsen)
    a = _controleer_last(gedragen)
    if not a < n:
        raise ValueError(f"de gedragen last moet kleiner zijn dan het aantal plaatsen ({a} ≥ {n})")
    if a == 0:
        return 0.0
    return _bisectie(lambda x: x * (1 - _erlang_b_kern(n, x)), a, a, a * n / (n - a))


def last_bij_gedragen_bezetting(plaatsen: int, bezetting: float) -> float:
    """De aangeboden last A waarbij N plaatsen gemiddeld een fractie ``bezetting`` bezet zijn (verliesmodel).

    Voorbeeld uit de bronnen: 10 plaatsen op 85% bezetting → A ≈ 12,6 en weigerkans ≈ 33%.
    """
    if bezetting is None or not 0 <= bezetting < 1:
        raise ValueError(f"de gedragen bezetting moet in [0, 1) liggen (gevonden: {bezetting})")
    return last_uit_gedragen_last(plaatsen, bezetting * plaatsen)


def last_bij_weigerkans(plaatsen: int, doel: float) -> float:
    """De aangeboden last A* met B(N, A*) = ε, door bisectie (§2.4a).

    B stijgt strikt in A. Bovengrens: A·(1 − B) < N, dus bij A = N/(1 − ε) geldt B > ε.
    """
    n = _controleer_plaatsen(plaatsen)
    doel = _controleer_fractie("de doel-weigerkans", doel)
    if n == 0:
        raise ValueError("ρ* vraagt minstens 1 plaats")
    return _bisectie(lambda x: _erlang_b_kern(n, x), doel, 0.0, n / (1 - doel))


def bezetting_bij_weigerkans(plaatsen: int, doel: float) -> float:
    """ρ*(N, ε) = A*·(1 − ε)/N met B(N, A*) = ε: de hoogste gedragen bezetting bij weigerkans ε (§2.4a)."""
    a = last_bij_weigerkans(plaatsen, doel)
    return a * (1 - doel) / int(plaatsen)


def plaatsen_voor_weigerkans(last: float, doel: float) -> int:
    """Het kleinste aantal plaatsen N met B(N, A) ≤ ε (§2.4, `doel_weigerkans`).

    Begrensd: B(k) ≤ (A/k)·B(k−1), dus vanaf k ≥ 2A halveert B per plaats; na
    ceil(2A) + ceil(log2(1/ε)) plaatsen is B ≤ ε zeker. Zonder vraag (A = 0): 0 plaatsen.
    """
    a = _controleer_last(last)
    doel = _controleer_fractie("de doel-weigerkans", doel, tot_en_met_1=True)
    if a == 0:
        return 0
    grens = math.ceil(2 * a) + math.ceil(math.log2(1 / doel)) + 1
    b = 1.0
    for k in range(grens + 1):
        if k > 0:
            ab = a * b
            b = ab / (k + ab)
        if b <= doel:
            return k
    raise AssertionError("bovengrens van plaatsen_voor_weigerkans bereikt")  # wiskundig onmogelijk


# --- Erlang C: wachtrijmodel (M/M/N) ---------------------------------------------------------------

def _controleer_stabiel(plaatsen: int, last: float) -> tuple[int, float]:
    n, a = _controleer_plaatsen(plaatsen), _controleer_last(last)
    if not a < n:
        raise ValueError(f"de wachtlijst groeit zonder grens: de last ({a}) is niet kleiner dan de plaatsen ({n})")
    return n, a


def kans_wachten(plaatsen: int, last: float) -> float:
    """Erlang C: P(wachten) = N·B(N, A) / (N − A·(1 − B(N, A))), alleen voor A < N (§2.4a)."""
    n, a = _controleer_stabiel(plaatsen, last)
    b = erlang_b(n, a)
    return n * b / (n - a * (1 - b))


def gemiddelde_wachttijd(plaatsen: int, last: float, verblijfsduur: float) -> float:
    """Gemiddelde wachttijd W = C · d / (N − A) in dagen (§2.4a); d = gemiddelde verblijfsduur."""
    n, a = _controleer_stabiel(plaatsen, last)
    return kans_wachten(n, a) * verblijfsduur / (n - a)


def kans_wachttijd_langer_dan(plaatsen: int, last: float, verblijfsduur: float, dagen: float) -> float:
    """P(wacht > t) = C · exp(−(N − A) · t / d) (§2.4a)."""
    n, a = _controleer_stabiel(plaatsen, last)
    return kans_wachten(n, a) * math.exp(-(n - a) * dagen / verblijfsduur)


def gemiddeld_wachtenden(plaatsen: int, last: float) -> float:
    """Gemiddeld aantal wachtenden L = C · A / (N − A) (§2.4a)."""
    n, a = _controleer_stabiel(plaatsen, last)
    return kans_wachten(n, a) * a / (n - a)


def plaatsen_voor_wachttijd(last: float, verblijfsduur: float, doel_dagen: float) -> int:
    """Het kleinste N met gemiddelde wachttijd ≤ doel (§2.4a, `doel_wachttijd`), door bisectie over N.

    W daalt in N. Ondergrens floor(A) + 1 (stabiel); bovengrens: C ≤ 1 dus W ≤ d/(N − A), en bij
    N ≥ A + d/doel is W ≤ doel. Zonder vraag (A = 0): 0 plaatsen.
    """
    a = _controleer_last(last)
    if not (verblijfsduur > 0 and doel_dagen > 0):
        raise ValueError("verblijfsduur en doel-wachttijd moeten groter dan 0 zijn")
    if a == 0:
        return 0
    laag = math.floor(a) + 1
    hoog = max(laag, math.ceil(a + verblijfsduur / doel_dagen))
    if hoog > MAX_PLAATSEN:
        raise ValueError(f"de doel-wachttijd vraagt meer dan {MAX_PLAATSEN} plaatsen")
    while laag < hoog:  # bisectie: hoogstens log2(hoog − laag) + 1 stappen
        midden = (laag + hoog) // 2
        if gemiddelde_wachttijd(midden, a, verblijfsduur) <= doel_dagen:
            hoog = midden
        else:
            laag = midden + 1
    return laag
