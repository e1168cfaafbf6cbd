"""REGRESSIEFIXTURE, GEEN OFFICIËLE CIJFERS: winnaars en verliezers van het ILLUSTRATIEVE landelijk voorbeeld.

Legt per scenario de uitkomsten van workbooks/voorbeeld_landelijk.xlsx vast, zodat een onbedoelde wijziging
in het verdeelmodel opvalt. De cijfers in het voorbeeld zijn verzonnen; deze fixture zegt niets over echte
centrumgemeenten. Bijwerken na een bedoelde wijziging: ``python scripts/werk_regressie_bij.py`` (eerst
``--dry-run`` om de verschillen te zien).
"""

from __future__ import annotations

from pathlib import Path

from tariefmodel.afronding import rond_euro

MAP = Path(__file__).parent
FIXTURE = MAP / "landelijk_voorbeeld.json"
WERKBOEK = MAP.parent.parent / "workbooks" / "voorbeeld_landelijk.xlsx"
LET_OP = ("REGRESSIEFIXTURE (golden master), GEEN OFFICIËLE CIJFERS: uitkomsten van het ILLUSTRATIEVE voorbeeld "
          "workbooks/voorbeeld_landelijk.xlsx met verzonnen cijfers. Alleen om onbedoelde wijzigingen te vangen. "
          "Bijwerken: python scripts/werk_regressie_bij.py --dry-run, daarna zonder --dry-run.")
MARGE = {"euro": 0.01, "relatief": 1e-9}

ZONDER_BETA = "_zonder_aandeel_verlies"  # geen parameter: haalt de kolom Aandeel verlies weg (v1)

SCENARIOS = {
    "basis": {},
    # het voorbeeld heeft 'Aandeel verlies' (v2); de zachte landing (v1) geldt alleen zonder die kolom
    "zachte_landing_10_procent": {"max_verlies": 0.1, ZONDER_BETA: True},
    "winnaars_bouwen_bij": {"reactie_voordeel": 1.0},
    "kosten_per_plaats_120000": {"kosten_per_plaats": 120_000},
}


def uitkomst(zet: dict) -> dict:
    """De vastgelegde uitkomsten van één scenario (eurobedragen op centen)."""
    from dataclasses import replace

    from tariefmodel.landelijk import bereken_landelijk
    from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek

    zet = dict(zet)
    zonder_beta = zet.pop(ZONDER_BETA, False)
    invoer = lees_landelijk_werkboek(WERKBOEK.read_bytes(), WERKBOEK.name).met_scenario(zet)
    if zonder_beta:
        invoer = replace(invoer, overgang=tuple(replace(o, aandeel_verlies=None) for o in invoer.overgang))
    r = bereken_landelijk(invoer)
    t = r.laatste_jaar
    c = r.capaciteit
    return {
        "winnaars": [g.centrumgemeente for g in r.winnaars],
        "verliezers": [g.centrumgemeente for g in r.verliezers],
        "herverdeling": {g.centrumgemeente: rond_euro(g.herverdeling) for g in r.regios},
        "toegekend_laatste_jaar": {g.centrumgemeente: rond_euro(g.toegekend[t]) for g in r.regios},
        "plaatsen_effect": {g.centrumgemeente: g.plaatsen_effect for g in r.regios},
        "plaatsen_effect_netto": r.plaatsen_effect_netto,
        "knelpuntenpot": {str(j): rond_euro(k) for j, k in zip(r.jaren, r.verdeling.knelpuntenpot)},
        "capaciteit": {"weigerkans": c.weigerkans, "bezettingsgraad": c.bezettingsgraad,
                       "plaatsen_nodig_weigerkans": c.plaatsen_nodig_weigerkans,
                       "plaatsen_nodig_bezettingsnorm": c.plaatsen_nodig_bezettingsnorm,
                       "istanbul_tekort": c.istanbul_tekort},
        "duvo_financieringstekort": {str(d.jaar): rond_euro(d.financieringstekort) for d in r.duvo_per_jaar},
    }


def alle_uitkomsten() -> dict:
    """De hele fixture: eerste sleutel zegt dat het een regressiefixture is, geen officiële cijfers."""
    return {"_let_op": LET_OP, "werkboek": "workbooks/voorbeeld_landelijk.xlsx", "marge": MARGE,
            "scenarios": {naam: {"zet": zet, "uitkomst": uitkomst(zet)} for naam, zet in SCENARIOS.items()}}


def verschillen(verwacht, berekend, pad: str = "") -> list[str]:
    """Alle verschillen buiten de marge, als leesbare regels (leeg = gelijk)."""
    if isinstance(verwacht, dict) and isinstance(berekend, dict):
        uit = [f"{pad}.{k}: ontbreekt" for k in verwacht if k not in berekend]
        uit += [f"{pad}.{k}: nieuw" for k in berekend if k not in verwacht]
        for k in verwacht:
            if k in berekend:
                uit += verschillen(verwacht[k], berekend[k], f"{pad}.{k}")
        return uit
    if isinstance(verwacht, list) or isinstance(berekend, list) or isinstance(verwacht, str):
        return [] if verwacht == berekend else [f"{pad}: {verwacht!r} -> {berekend!r}"]
    if verwacht is None or berekend is None:
        return [] if verwacht is berekend else [f"{pad}: {verwacht!r} -> {berekend!r}"]
    marge = max(MARGE["euro"] if isinstance(verwacht, float) and _is_euro(pad) else 0,
                MARGE["relatief"] * max(abs(verwacht), abs(berekend)))
    return [] if abs(verwacht - berekend) <= marge else [f"{pad}: {verwacht!r} -> {berekend!r}"]


def _is_euro(pad: str) -> bool:
    return any(s in pad for s in ("herverdeling", "toegekend", "knelpuntenpot", "financieringstekort"))
