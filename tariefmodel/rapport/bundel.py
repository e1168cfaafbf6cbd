"""PDF van het landelijk beeld (bundel) met typst: `tariefmodel bundel MAP/ --pdf UIT.pdf` en de app.

Totalen, per producttype, per organisatie (schuilnamen tenzij ``met_namen``), de sectorbenchmark met een
strookdiagram per producttype (offline SVG via vl-convert) en een telling van de bestanden.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

from tariefmodel import __version__, formaat, grafieken
from tariefmodel.landelijk.sectorbeeld import Sectorbeeld, schuilnamen, schuilvolgorde
from tariefmodel.landelijk.sectorbeeld_json import BENCHMARK, GEWOGEN
from tariefmodel.sectorgrafieken import benchmark_grafiek

SJABLOON = "bundel.typ"


def gegevens(r: Sectorbeeld, met_namen: bool, grafiekbestanden: list[dict]) -> dict:
    """Alles wat het sjabloon toont, al als Nederlandse tekst."""
    namen = schuilnamen(r.organisaties)
    n = r.tekort_in_plaatsen
    plaatsen = ("" if n is None else
                f" Het {'tekort' if n >= 0 else 'overschot'} op de opvang komt overeen met {formaat.getal(abs(n), 0)} "
                f"plaatsen tegen de kostendekkende prijs ({formaat.euro_heel(r.kosten_per_plaats_per_jaar)} per plaats "
                "per jaar).")
    samenvatting = (f"{len(r.berekend)} VO-organisaties rekenden voor {r.rekenjaar} samen "
                    f"{formaat.euro_heel(r.integrale_kosten)} aan integrale kosten; de gemeentetarieven brengen "
                    f"{formaat.euro_heel(r.opbrengst)} op. Tekort (kosten − opbrengst): {formaat.euro_heel(r.tekort)}"
                    + (" (negatief: de tarieven dekken meer dan de kosten)." if r.tekort < 0 else ".") + plaatsen)
    per_soort = [[s.naam, formaat.euro_heel(s.integrale_kosten), formaat.euro(s.kostprijs), formaat.euro(s.tarief),
                  formaat.euro_heel(s.opbrengst), formaat.euro_heel(s.tekort)] for s in r.per_soort]
    per_soort.append(["Totaal", formaat.euro_heel(r.integrale_kosten), "", "", formaat.euro_heel(r.opbrengst),
                      formaat.euro_heel(r.tekort)])
    organisaties = [[o.organisatie if met_namen else namen[o.bestand], s.naam, formaat.euro(s.kostprijs),
                     formaat.euro(s.tarief),
                     formaat.euro(None if s.tarief is None else s.tarief - s.kostprijs), formaat.euro_heel(s.tekort)]
                    for o in sorted(r.organisaties, key=lambda o: (o.organisatie if met_namen else
                                                     schuilvolgorde(namen[o.bestand])))
                    for s in o.per_soort]
    return {
        "titel": "Kostprijs en tarief in de vrouwenopvang: het landelijk beeld",
        "rekenjaar": str(r.rekenjaar), "samenvatting": samenvatting, "per_soort": per_soort,
        "middeling": f"Gemiddelden {GEWOGEN}. Verschil = tarief − kostprijs.",
        "organisaties": organisaties,
        "namen": ("Organisaties bij naam." if met_namen else
                  "Organisaties onder schuilnaam (VO 1, VO 2, …; genummerd op het kenmerk van het werkboek)."),
        "benchmark_uitleg": BENCHMARK[0].upper() + BENCHMARK[1:] + ".",
        "benchmark": [[b.naam, str(len(b.waarden)), formaat.euro(b.kwartiel_1), formaat.euro(b.mediaan),
                       formaat.euro(b.kwartiel_3)] for b in r.benchmark],
        "grafieken": grafiekbestanden,
        "kaart_uitleg": ("" if met_namen else "De kaart per centrumgemeente staat alleen in de PDF met namen "
                         "(--met-namen of 'Namen tonen'): met één organisatie per regio verraadt de regio de naam."),
        "bestanden": (f"{len(r.berekend)} berekend, {len(r.fouten)} met fouten, {len(r.overgeslagen)} overgeslagen, "
                      f"{len(r.voorbeelden)} illustratief en niet meegeteld."),
        "voet": f"tariefmodel {__version__} · rekenjaar {r.rekenjaar} · {len(r.berekend)} werkboeken",
    }


def _kaart(r: Sectorbeeld) -> str | None:
    """Tegelkaart van het tekort per centrumgemeente (regio geraden uit de naam); None als geen regio bekend is."""
    from tariefmodel.kaart import tegelkaart

    tekort: dict[str, float] = {}
    for o in r.organisaties:
        if o.centrumgemeente:
            tekort[o.centrumgemeente] = tekort.get(o.centrumgemeente, 0.0) + o.tekort
    if not tekort:
        return None
    return grafieken.naar_svg(tegelkaart(tekort, "Tekort tegen de gemeentetarieven", divergerend=True))


def bundel_pdf(r: Sectorbeeld, met_namen: bool = False) -> bytes:
    """De PDF-bytes van het landelijk beeld."""
    import typst

    with tempfile.TemporaryDirectory(prefix="tariefmodel-bundel-") as map_:
        werkmap = Path(map_)
        bestanden = []
        for k, b in enumerate(r.benchmark):
            tarief = next((s.tarief for s in r.per_soort if (s.soort, s.eenheid) == (b.soort, b.eenheid)), None)
            svg = grafieken.naar_svg(benchmark_grafiek(b, tarief=tarief, met_namen=met_namen))
            (werkmap / f"benchmark_{k}.svg").write_text(svg, encoding="utf-8")
            bestanden.append({"bestand": f"benchmark_{k}.svg", "titel": b.naam})
        kaart = _kaart(r) if met_namen else None  # de regio verraadt de organisatie: alleen met namen
        if kaart is not None:
            (werkmap / "kaart.svg").write_text(kaart, encoding="utf-8")
            bestanden.append({"bestand": "kaart.svg", "titel": "Tekort per centrumgemeente"})
        (werkmap / "gegevens.json").write_text(json.dumps(gegevens(r, met_namen, bestanden), ensure_ascii=False),
                                               encoding="utf-8")
        sjabloon = werkmap / SJABLOON
        sjabloon.write_text(resources.files("tariefmodel.rapport").joinpath(SJABLOON).read_text(encoding="utf-8"),
                            encoding="utf-8")
        return typst.compile(str(sjabloon), root=str(werkmap))
