"""PDF-handout van de vergelijking: het werkboek en elk scenario naast elkaar (`vergelijk --pdf`, Downloads).

Zelfde aanpak als het kostprijsrapport (rapport/__init__.py): alle tekst en getallen gaan, al
Nederlands opgemaakt, als JSON naar het typst-sjabloon vergelijking.typ; tekst van de gebruiker wordt
zo nooit typst-opmaak.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

from tariefmodel import formaat
from tariefmodel.kostprijs.vergelijking import Kolom, beschrijving, wijziging_tekst
from tariefmodel.rapport.gegevens import voetregel

SJABLOON = "vergelijking.typ"
LIGGEND_VANAF = 5  # vanaf zoveel kolommen (werkboek + scenario's) past de tabel alleen liggend


def gegevens(kolommen: list[Kolom]) -> dict:
    r0 = kolommen[0].resultaat
    invoer = r0.invoer
    namen = [k.naam for k in kolommen]
    producten = []
    for i, p0 in enumerate(r0.producten):
        ps = [k.resultaat.producten[i] for k in kolommen]
        producten.append({
            "titel": f"{p0.product.naam} (per {p0.product.eenheid})",
            "rijen": [["Kostprijs", *(formaat.euro(p.kostprijs) for p in ps)],
                      ["Gemeentetarief", *(formaat.euro(p.gemeentetarief) for p in ps)],
                      ["Tekort per jaar", *(formaat.euro_heel(p.tekort) for p in ps)],
                      ["Dekking", *(formaat.procent(p.dekkingsgraad) for p in ps)]],
        })
    totaal = [
        ["Integrale kosten per jaar", *(formaat.euro_heel(k.resultaat.integrale_kosten) for k in kolommen)],
        ["Gemeente betaalt in totaal", *(formaat.euro_heel(k.gemeente_betaalt) for k in kolommen)],
        ["Bij kostendekkende tarieven", *(formaat.euro_heel(k.kostendekkend) for k in kolommen)],
        ["Tekort per jaar", *(formaat.euro_heel(k.resultaat.tekort) for k in kolommen)],
        ["Dekking", *(formaat.procent(k.dekkingsgraad) for k in kolommen)],
        [f"Tekort over {kolommen[0].jaren} jaar", *(formaat.euro_heel(k.cumulatief_tekort) for k in kolommen)],
    ]
    return {
        "titel": f"Vergelijking scenario's {invoer.organisatie} {invoer.rekenjaar}",
        "organisatie": invoer.organisatie, "rekenjaar": str(invoer.rekenjaar), "concept": invoer.concept,
        "liggend": len(kolommen) >= LIGGEND_VANAF, "namen": namen,
        "scenarios": [{"naam": k.naam, "wijzigingen": [wijziging_tekst(n, w) for n, w in k.wijzigingen.items()]
                       or [beschrijving({})]} for k in kolommen],
        "producten": producten, "totaal": totaal, "voet": voetregel(r0),
    }


def vergelijking_pdf(kolommen: list[Kolom]) -> bytes:
    """De PDF-bytes van de vergelijkingshandout."""
    import typst

    with tempfile.TemporaryDirectory(prefix="tariefmodel-vergelijking-") as map_:
        werkmap = Path(map_)
        (werkmap / "gegevens.json").write_text(json.dumps(gegevens(kolommen), ensure_ascii=False), encoding="utf-8")
        sjabloon = werkmap / SJABLOON
        sjabloon.write_text(resources.files("tariefmodel.rapport").joinpath(SJABLOON).read_text(encoding="utf-8"),
                            encoding="utf-8")
        return typst.compile(str(sjabloon), root=str(werkmap))
