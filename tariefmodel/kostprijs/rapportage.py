"""Het resultaat als JSON volgens werkboekformaat.md ('bereken --json'), eurobedragen op centen."""

from __future__ import annotations

from tariefmodel import __version__
from tariefmodel.afronding import rond_euro
from tariefmodel.kostprijs.berekening import KostprijsResultaat, ProductResultaat
from tariefmodel.kostprijs.meerjaren import meerjaren
from tariefmodel.kostprijs.opbouw import opbouw


def naar_json(r: KostprijsResultaat, met_meerjaren: bool = True) -> dict:
    """Alle verplichte sleutels uit het contract, plus opbouw, uitgangspunten en waarschuwingen."""
    invoer = r.invoer
    uit = {
        "organisatie": invoer.organisatie,
        "rekenjaar": invoer.rekenjaar,
        "overhead_percentage": float(r.overhead_percentage),
        "overhead_methode": invoer.waarde("overhead_methode"),
        "uren_per_fte": {"beschikbaar": float(r.uren.beschikbaar), "inzetbaar": float(r.uren.inzetbaar),
                         "direct": float(r.uren.direct), "fte_per_24_7_post": float(r.uren.fte_per_24_7_post)},
        "producten": [_product(p, r.parameters) for p in r.producten],
        "totaal": {"integrale_kosten": rond_euro(r.integrale_kosten), "opbrengst": rond_euro(r.opbrengst),
                   "tekort": rond_euro(r.tekort),
                   "producten_zonder_tarief": [p.code for p in r.producten if p.gemeentetarief is None]},
        "uitgangspunten": {n: _uitgangspunt(u) for n, u in sorted(invoer.uitgangspunten.items())},
        "waarschuwingen": [m.tekst() for m in invoer.waarschuwingen],
        "werkboek": {"naam": invoer.bestandsnaam, "sha256": invoer.sha256, "concept": invoer.concept},
        "versie": __version__,
    }
    if met_meerjaren:
        uit["meerjaren"] = [
            {"jaar": j.jaar, "code": j.code, "kostprijs": rond_euro(j.kostprijs), "tarief": rond_euro(j.tarief),
             "tekort": rond_euro(j.tekort), "cumulatief_tekort": rond_euro(j.cumulatief_tekort),
             "cao_stijging": j.cao_stijging, "prijsindex": j.prijsindex, "tariefindex": j.tariefindex}
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
    }


def _uitgangspunt(u) -> dict:
    waarde = u.waarde
    if hasattr(waarde, "item"):
        waarde = waarde.item()
    return {"waarde": waarde, "eenheid": u.eenheid, "status": u.label, "bron": u.bron,
            "geldig_vanaf": u.geldig_vanaf.isoformat() if u.geldig_vanaf else None}
