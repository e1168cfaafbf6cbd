"""Het resultaat als JSON volgens werkboekformaat.md ('bereken --json'), eurobedragen op centen."""

from __future__ import annotations

from tariefmodel import __version__
from tariefmodel.afronding import rond_euro
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.kostprijs.amvb import amvb_toets
from tariefmodel.kostprijs.meerjaren import meerjaren, tariefindex
from tariefmodel.kostprijs.opbouw import opbouw


def naar_json(r: KostprijsResultaat, met_meerjaren: bool = True, scenario: dict | None = None) -> dict:
    """Alle verplichte sleutels uit het contract (werkboekformaat v2), plus opbouw, uitgangspunten en
    waarschuwingen. ``scenario``: {"naam", "wijzigingen"} van een benoemd scenario; zonder: uit de
    --zet-wijzigingen (herkomst scenario), anders null."""
    invoer = r.invoer
    u = invoer.uitgangspunten
    uit = {
        "organisatie": invoer.organisatie,
        "rekenjaar": invoer.rekenjaar,
        "overhead_percentage": float(r.overhead_percentage),
        "overhead_methode": invoer.waarde("overhead_methode"),
        "uren_per_fte": {"beschikbaar": float(r.uren.beschikbaar), "inzetbaar": float(r.uren.inzetbaar),
                         "direct": float(r.uren.direct), "fte_per_24_7_post": float(r.uren.fte_per_24_7_post)},
        "werkgever_grootte": u["werkgever_grootte"].waarde if "werkgever_grootte" in u else None,
        "sociale_premies": float(r.parameters["sociale_premies"]),
        "ort_grens_maandsalaris": rond_euro(r.ort_grens),
        "personeel": [_personeel(x) for x in r.regels],
        "producten": [_product(p, r.parameters) for p in r.producten],
        "amvb_toets": [vars(e) for e in amvb_toets(r, _volgende_index(r))],
        "totaal": {"integrale_kosten": rond_euro(r.integrale_kosten), "opbrengst": rond_euro(r.opbrengst),
                   "tekort": rond_euro(r.tekort),
                   "producten_zonder_tarief": [p.code for p in r.producten if p.gemeentetarief is None]},
        "uitgangspunten": {n: _uitgangspunt(u) for n, u in sorted(invoer.uitgangspunten.items())},
        "waarschuwingen": [m.tekst() for m in invoer.waarschuwingen],
        "scenario": scenario if scenario is not None else _zet_scenario(u),
        "werkboek": {"naam": invoer.bestandsnaam, "sha256": invoer.sha256, "concept": invoer.concept},
        "versie": __version__,
    }
    if met_meerjaren:
        uit["meerjaren"] = [
            {"jaar": j.jaar, "code": j.code, "kostprijs": rond_euro(j.kostprijs), "tarief": rond_euro(j.tarief),
             "tekort": rond_euro(j.tekort), "cumulatief_tekort": rond_euro(j.cumulatief_tekort),
             "cao_stijging": j.cao_stijging, "prijsindex": j.prijsindex, "tariefindex": j.tariefindex,
             "status": {"cao_stijging": j.status_cao_stijging, "prijsindex": j.status_prijsindex,
                        "tariefindex": j.status_tariefindex}}
            for j in meerjaren(r)
        ]
    return uit


def _product(p: ProductResultaat, parameters) -> dict:
    return {
        "code": p.code, "naam": p.product.naam, "soort": p.product.soort, "eenheid": p.product.eenheid,
        "fte": float(p.fte), "loonkosten": rond_euro(p.loonkosten),
        "overige_directe_kosten": rond_euro(p.overige_directe_kosten),
        "directe_kosten": rond_euro(p.directe_kosten), "overhead": rond_euro(p.overhead),
        "risico": rond_euro(p.risico), "integrale_kosten": rond_euro(p.integrale_kosten),
        "normvolume": float(p.normvolume), "directe_uren": None if p.directe_uren is None else float(p.directe_uren),
        "kostprijs": rond_euro(p.kostprijs), "kostprijs_per_uur": rond_euro(p.kostprijs_per_uur),
        "kostprijs_per_plaats_per_jaar": rond_euro(p.kostprijs_per_plaats_per_jaar),
        "gemeentetarief": rond_euro(p.gemeentetarief), "verschil_per_eenheid": rond_euro(p.verschil_per_eenheid),
        "gerealiseerd_volume": float(p.gerealiseerd_volume), "volume_geschat": p.volume_geschat,
        "opbrengst": rond_euro(p.opbrengst), "tekort": rond_euro(p.tekort),
        "dekkingsgraad": None if p.dekkingsgraad is None else float(p.dekkingsgraad),
        "opbouw": {stap: rond_euro(w) for stap, w in opbouw(p, parameters)},
        "bezettingsnorm": _getal(p.bezettingsnorm), "bezettingsnorm_bron": p.bezettingsnorm_bron,
        "breakeven_bezetting": _getal(p.breakeven_bezetting),
        "bezetting_bij_doel_weigerkans": _getal(p.bezetting_bij_doel_weigerkans),
        "kostprijs_bij_doel_weigerkans": rond_euro(p.kostprijs_bij_doel_weigerkans),
        "weigerkans_bij_norm": _getal(p.weigerkans_bij_norm),
    }


def _getal(x) -> float | None:
    return None if x is None else float(x)


def _personeel(x) -> dict:
    """werkboekformaat v2: per regel van Personeel het maandsalaris dat gebruikt is (jaargemiddelde, op centen)."""
    g = x.regel
    return {"blad_rij": g.rij, "functie": g.functie, "product": g.product, "fte": float(g.fte),
            "schaal": g.schaal, "trede": g.trede, "maandsalaris": rond_euro(g.maandsalaris),
            "salarisbron": g.salarisbron, "arbeidsmarkttoeslag": rond_euro(x.opbouw.arbeidsmarkttoeslag),
            "loonkosten_per_fte": rond_euro(x.opbouw.loonkosten_per_fte)}


def _volgende_index(r: KostprijsResultaat):
    try:
        return tariefindex(r.invoer.uitgangspunten, r.invoer.rekenjaar + 1)
    except (KeyError, TypeError, ValueError):
        return None


def _zet_scenario(u) -> dict | None:
    wijzigingen = {n: (x.waarde.item() if hasattr(x.waarde, "item") else x.waarde)
                   for n, x in sorted(u.items()) if x.herkomst == "scenario"}
    return {"naam": "--zet", "wijzigingen": wijzigingen} if wijzigingen else None


def _uitgangspunt(u) -> dict:
    waarde = u.waarde
    if hasattr(waarde, "item"):
        waarde = waarde.item()
    return {"waarde": waarde, "eenheid": u.eenheid, "status": u.label, "bron": u.bron,
            "geldig_vanaf": u.geldig_vanaf.isoformat() if u.geldig_vanaf else None}
