"""Het landelijk resultaat als JSON volgens werkboekformaat.md ('landelijk --json').

Contractsleutels staan vooraan; extra sleutels zijn toegestaan. Eurobedragen op centen (rond_euro);
ontbrekende gegevens zijn ``null``, nooit 0.
"""

from __future__ import annotations

from tariefmodel import __version__
from tariefmodel.afronding import rond_euro
from tariefmodel.capaciteit.eenheid import MELDING_ONBEGRENSD, MELDING_VOL
from tariefmodel.landelijk.berekening import LandelijkResultaat, RegioResultaat

ILLUSTRATIEF_LABEL = "ILLUSTRATIEF: de cijfers in dit werkboek zijn verzonnen; geen officiële bedragen"
KLASSE = {1: "winnaar", -1: "verliezer", 0: "gelijk"}


def _f(x) -> float | None:
    return None if x is None else float(x)


def _i(x) -> int | None:
    return None if x is None else int(x)


def _per_jaar(waarden) -> dict[str, float]:
    return {str(j): rond_euro(w) for j, w in waarden.items()}


def naar_json(r: LandelijkResultaat) -> dict:
    """Alle verplichte sleutels uit het contract, plus toelichtende extra's voor app en export."""
    invoer = r.invoer
    uit = {
        "regios": [_regio(g) for g in r.regios],
        "duvo": [_duvo(d) for d in r.duvo],
        "landelijk": _landelijk(r),
        "knelpuntenpot": {str(j): rond_euro(k) for j, k in zip(r.jaren, r.verdeling.externe_pot)},
        "illustratief": invoer.illustratief,
        "rekenjaar": invoer.rekenjaar,
        "jaren": list(r.jaren),
        "laatste_jaar": r.laatste_jaar,
        "winnaars": [g.centrumgemeente for g in r.winnaars],
        "verliezers": [g.centrumgemeente for g in r.verliezers],
        "duvo_landelijk": [_duvo_jaar(d) for d in r.duvo_per_jaar],
        "controle": {
            "budgetneutraal": r.verdeling.budgetneutraal,
            "budgetverschil": {str(j): float(x) for j, x in zip(r.jaren, r.verdeling.budgetverschil)},
        },
        "kosten_per_plaats": {"waarde": rond_euro(r.kosten_per_plaats), "bron": r.kosten_per_plaats_bron},
        "uitgangspunten": {n: _uitgangspunt(u) for n, u in sorted(invoer.uitgangspunten.items())},
        "waarschuwingen": [m.tekst() for m in invoer.waarschuwingen] + list(r.model_waarschuwingen),
        "werkboek": {"naam": invoer.bestandsnaam, "sha256": invoer.sha256, "concept": invoer.concept},
        "versie": __version__,
    }
    if r.eenheden is not None:
        uit["capaciteit"] = [capaciteit_json(e) for e in r.eenheden]
    if invoer.illustratief:
        uit = {"let_op": ILLUSTRATIEF_LABEL, **uit}
    return uit


def _regio(g: RegioResultaat) -> dict:
    return {
        "centrumgemeente": g.centrumgemeente,
        "historisch": rond_euro(g.historisch),
        "objectief": rond_euro(g.objectief),
        "toegekend": _per_jaar(g.toegekend),
        "herverdeling": rond_euro(g.herverdeling),
        "plaatsen_effect": float(g.plaatsen_effect),
        "bezettingsgraad": _f(g.bezettingsgraad),
        "weigerkans": _f(g.weigerkans),
        "plaatsen_nodig_weigerkans": _i(g.plaatsen_nodig_weigerkans),
        "plaatsen_nodig_bezettingsnorm": _i(g.plaatsen_nodig_bezettingsnorm),
        "istanbul_norm": float(g.istanbul_norm),
        "istanbul_tekort": float(g.istanbul_tekort),
        "bovenregionaal_aandeel": _f(g.bovenregionaal_aandeel),
        # extra's
        "klasse": KLASSE[g.klasse],
        "herverdeling_relatief": _f(g.herverdeling_relatief),
        "historisch_per_jaar": _per_jaar(g.historisch_per_jaar),
        "objectief_per_jaar": _per_jaar(g.objectief_per_jaar),
        "aanvulling_per_jaar": _per_jaar(g.aanvulling),
        "inwoners": float(g.inwoners),
        "plaatsen": int(g.plaatsen),
        "clienten_per_jaar": _f(g.clienten),
        "gemiddelde_verblijfsduur": _f(g.verblijfsduur),
        "aangeboden_last": _f(g.aangeboden_last),
        "capaciteitsmodel": g.capaciteitsmodel,
        "geweigerd_per_jaar": _f(g.geweigerd_per_jaar),
        "capaciteit_melding": g.capaciteit_melding,
        "instroom_van_buiten": _f(g.instroom_van_buiten),
        "uitstroom_naar_buiten": _f(g.uitstroom_naar_buiten),
        "netto_plaatsingen": _f(g.netto_plaatsingen),
        "totaal_opgevangen": _f(g.totaal_opgevangen),
        "prijs_per_plaatsing": rond_euro(g.prijs_per_plaatsing),
        "verrekening_ontvangen": rond_euro(g.verrekening_ontvangen),
        "verrekening_betaald": rond_euro(g.verrekening_betaald),
        "verrekening_saldo": rond_euro(g.verrekening_saldo),
    }


def _duvo(d) -> dict:
    return {
        "centrumgemeente": d.centrumgemeente, "jaar": d.jaar, "uitkering": rond_euro(d.uitkering),
        "besteding_vrouwenopvang": rond_euro(d.besteding_vrouwenopvang),
        "bestedingsgat": rond_euro(d.bestedingsgat), "bestedingsgraad": _f(d.bestedingsgraad),
        "onderbesteding": rond_euro(d.onderbesteding),
        # extra's
        "besteding_overig": rond_euro(d.besteding_overig),
        "istanbul_norm": float(d.istanbul_norm),
        "kosten_normcapaciteit": rond_euro(d.kosten_normcapaciteit),
        "financieringstekort": rond_euro(d.financieringstekort),
        "plaatsen_nodig_weigerkans": _i(d.plaatsen_nodig_weigerkans),
        "kosten_capaciteit_weigerkans": rond_euro(d.kosten_capaciteit_weigerkans),
        "financieringstekort_weigerkans": rond_euro(d.financieringstekort_weigerkans),
    }


def _duvo_jaar(d) -> dict:
    return {
        "jaar": d.jaar, "aantal_regios": d.aantal_regios, "uitkering": rond_euro(d.uitkering),
        "besteding_vrouwenopvang": rond_euro(d.besteding_vrouwenopvang),
        "besteding_overig": rond_euro(d.besteding_overig), "bestedingsgat": rond_euro(d.bestedingsgat),
        "onderbesteding": rond_euro(d.onderbesteding), "overbesteding": rond_euro(d.overbesteding),
        "regios_met_onderbesteding": d.regios_met_onderbesteding,
        "bestedingsgraad": _f(d.bestedingsgraad), "kosten_normcapaciteit": rond_euro(d.kosten_normcapaciteit),
        "financieringstekort": rond_euro(d.financieringstekort),
    }


def _landelijk(r: LandelijkResultaat) -> dict:
    c = r.capaciteit
    v = r.verdeling
    uit = {
        "budget": {str(j): rond_euro(b) for j, b in zip(r.jaren, v.budget)},
        "plaatsen_effect_netto": r.plaatsen_effect_netto,
        "istanbul_norm": float(c.istanbul_norm),
        "plaatsen": float(c.plaatsen),
        # extra's
        "aandeel_objectief": {str(j): float(a) for j, a in zip(r.jaren, v.alfa)},
        "knelpuntenpot": {str(j): rond_euro(k) for j, k in zip(r.jaren, v.knelpuntenpot)},
        "knelpuntenpot_herkomst": ("extern" if v.pot_extern else
                                   "winnaars" if r.parameters.get("max_verlies") is not None else None),
        "aandeel_verlies": None if v.beta is None else {str(j): float(b) for j, b in zip(r.jaren, v.beta)},
        "max_verlies_genegeerd": r.max_verlies_genegeerd,
        "bestedingsgat": {str(d.jaar): rond_euro(d.bestedingsgat) for d in r.duvo_per_jaar},
        "onderbesteding": {str(d.jaar): rond_euro(d.onderbesteding) for d in r.duvo_per_jaar},
        "herverdeeld_bedrag": rond_euro(r.herverdeeld_bedrag),
        "aantal_winnaars": len(r.winnaars),
        "aantal_verliezers": len(r.verliezers),
        "plaatsen_effect_verliezers": float(sum(g.plaatsen_effect for g in r.verliezers)),
        "plaatsen_effect_winnaars": float(sum(g.plaatsen_effect for g in r.winnaars)),
        "istanbul_tekort": float(c.istanbul_tekort),
        "regios_met_clientgegevens": c.regios_met_clientgegevens,
        "aangeboden_last": _f(c.aangeboden_last),
        "bezettingsgraad": _f(c.bezettingsgraad),
        "weigerkans": _f(c.weigerkans),
        "plaatsen_nodig_weigerkans": _i(c.plaatsen_nodig_weigerkans),
        "plaatsen_nodig_bezettingsnorm": _i(c.plaatsen_nodig_bezettingsnorm),
        "geweigerd_per_jaar": _f(c.geweigerd_per_jaar),
        "regios_vol": c.regios_vol,
    }
    if r.eenheden is not None:
        uit["capaciteit"] = _capaciteit_landelijk(r.eenheden)
    if r.plaatsingen is not None:
        uit["plaatsingen"] = {"totaal": r.plaatsingen.totaal, "bovenregionaal": r.plaatsingen.bovenregionaal,
                              "aandeel_bovenregionaal": _f(r.plaatsingen.aandeel_bovenregionaal)}
    else:
        uit["plaatsingen"] = None
    return uit


CIJFERSLEUTELS = ("aangeboden_last", "weigerkans", "geweigerd_per_jaar", "kans_wachten",
                  "gemiddelde_wachttijd_dagen", "wachtenden", "plaatsen_nodig")


def _cijfers(c) -> dict:
    uit = {k: (_i(getattr(c, k)) if k == "plaatsen_nodig" else _f(getattr(c, k))) for k in CIJFERSLEUTELS}
    return uit | {"bezetting": _f(c.bezetting), "melding": c.melding}


def capaciteit_json(e) -> dict:
    """Eén regel van ``capaciteit`` (werkboekformaat v2, rekenmethode §2.4a); onafgerond, None = null."""
    midden = _cijfers(e.cijfers)
    melding = midden.pop("melding")
    return {"centrumgemeente": e.centrumgemeente, "type": e.type, "model": e.model, "plaatsen": int(e.plaatsen),
            **midden, "bandbreedte": {"laag": _cijfers(e.uitkomst.laag), "hoog": _cijfers(e.uitkomst.hoog)},
            "melding": melding, "blad_rij": e.rij}


def _capaciteit_landelijk(eenheden) -> dict:
    """Landelijke sommen van het blad Capaciteit: geweigerd per jaar (verlies) en wachtenden (wachtrij)."""
    verlies = [e.cijfers for e in eenheden if e.model == "verlies"]
    wachtrij = [e.cijfers for e in eenheden if e.model == "wachtrij"]
    return {
        "geweigerd_per_jaar": sum(c.geweigerd_per_jaar for c in verlies if c.geweigerd_per_jaar is not None),
        "wachtenden": sum(c.wachtenden for c in wachtrij if c.wachtenden is not None),
        "eenheden_vol": sum(1 for e in eenheden if e.cijfers.melding == MELDING_VOL),
        "eenheden_zonder_grens": sum(1 for c in wachtrij if c.melding == MELDING_ONBEGRENSD),
    }


def _uitgangspunt(u) -> dict:
    waarde = u.waarde.item() if hasattr(u.waarde, "item") else u.waarde
    return {"waarde": waarde, "eenheid": u.eenheid, "status": u.label, "bron": u.bron,
            "geldig_vanaf": u.geldig_vanaf.isoformat() if u.geldig_vanaf else None}
