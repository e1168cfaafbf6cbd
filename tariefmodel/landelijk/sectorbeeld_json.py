"""Het landelijk beeld (bundel) als JSON: `tariefmodel bundel MAP/ --json` (werkboekformaat v2).

Eurobedragen op centen (rond_euro), ontbrekend = null. Organisatienamen staan in ``organisaties`` (de
gebruiker heeft de bestanden zelf); de benchmark noemt alleen schuilnamen, tenzij ``met_namen``.
"""

from __future__ import annotations

from tariefmodel import __version__
from tariefmodel.afronding import rond_euro
from tariefmodel.landelijk.sectorbeeld import Benchmark, Sectorbeeld, Soortregel

GEWOGEN = ("gewogen met het volume waarover de kostprijs is berekend: kostprijs = Σ integrale kosten / Σ volume, "
           "tarief = Σ tarief × volume / Σ volume (alleen producten met een gemeentetarief); volume = etmalen op "
           "de bezettingsnorm, directe uren of trajecten")
BENCHMARK = ("per producttype de gewogen kostprijs van elke organisatie (één waarneming per organisatie); "
             "kwartielen lineair geïnterpoleerd (Excel KWARTIEL.INC)")


def soort_json(s: Soortregel) -> dict:
    return {
        "soort": s.soort, "eenheid": s.eenheid, "naam": s.naam, "producten": s.producten,
        "integrale_kosten": rond_euro(s.integrale_kosten), "volume": s.volume, "plaatsen": s.plaatsen,
        "kostprijs": rond_euro(s.kostprijs), "tarief": rond_euro(s.tarief),
        "verschil_per_eenheid": rond_euro(None if s.tarief is None else s.tarief - s.kostprijs),
        "producten_met_tarief": s.producten_met_tarief, "opbrengst": rond_euro(s.opbrengst),
        "tekort": rond_euro(s.tekort), "kosten_per_plaats_per_jaar": rond_euro(s.kosten_per_plaats_per_jaar),
    }


def benchmark_json(b: Benchmark, met_namen: bool = False) -> dict:
    return {
        "soort": b.soort, "eenheid": b.eenheid, "naam": b.naam, "organisaties": len(b.waarden),
        "kwartiel_1": rond_euro(b.kwartiel_1), "mediaan": rond_euro(b.mediaan), "kwartiel_3": rond_euro(b.kwartiel_3),
        "waarden": [{"vo": naam if met_namen else schuil, "kostprijs": rond_euro(k)} for schuil, naam, k in b.waarden],
    }


def naar_json(r: Sectorbeeld, notities: list[str] | tuple[str, ...] = (), met_namen: bool = False) -> dict:
    telling = {"berekend": len(r.berekend), "fout": len(r.fouten), "overgeslagen": len(r.overgeslagen),
               "voorbeeld": len(r.voorbeelden)}
    return {
        "rekenjaar": r.rekenjaar,
        "aantal": telling,
        "totaal": {"integrale_kosten": rond_euro(r.integrale_kosten), "opbrengst": rond_euro(r.opbrengst),
                   "tekort": rond_euro(r.tekort), "tekort_in_plaatsen": r.tekort_in_plaatsen,
                   "kosten_per_plaats_per_jaar": rond_euro(r.kosten_per_plaats_per_jaar)},
        "middeling": GEWOGEN,
        "per_soort": [soort_json(s) for s in r.per_soort],
        "organisaties": [{
            "bestand": o.bestand, "organisatie": o.organisatie, "rekenjaar": o.rekenjaar,
            "centrumgemeente": o.centrumgemeente, "integrale_kosten": rond_euro(o.integrale_kosten),
            "opbrengst": rond_euro(o.opbrengst), "tekort": rond_euro(o.tekort),
            "producten_zonder_tarief": list(o.producten_zonder_tarief),
            "overhead_percentage": o.overhead_percentage, "per_soort": [soort_json(s) for s in o.per_soort],
        } for o in r.organisaties],
        "benchmark": {"methode": BENCHMARK, "namen_getoond": met_namen,
                      "per_soort": [benchmark_json(b, met_namen) for b in r.benchmark]},
        "bestanden": [{"naam": b.naam, "status": b.status, "reden": b.reden or None,
                       "meldingen": [m.tekst() for m in b.meldingen if m.ernst == "fout"],
                       "waarschuwingen": [m.tekst() for m in b.meldingen if m.ernst != "fout"]}
                      for b in r.bestanden],
        "notities": list(notities),
        "waarschuwingen": list(r.waarschuwingen),
        "versie": __version__,
    }

