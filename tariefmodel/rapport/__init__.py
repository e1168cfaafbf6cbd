"""PDF-handout in het Nederlands met typst (issue 5, docs/export.md).

``rapport_pdf(resultaat, scenario=None) -> bytes``: A4 met organisatie, rekenjaar, tarieftabel, de
opbouw van de kostprijs (waterval per product, offline getekend met vl-convert), het gat, de
uitgangspunten met status en bron, het scenario tegen de basis, en in de voet versie, peildatum en hash.
"""

from __future__ import annotations

import json
import tempfile
from importlib import resources
from pathlib import Path

from tariefmodel.kostprijs.berekening import KostprijsResultaat
from tariefmodel.rapport.gegevens import gegevens
from tariefmodel.rapport.grafiek import opbouw_svgs

SJABLOON = "kostprijs.typ"

__all__ = ["rapport_pdf"]


def rapport_pdf(resultaat: KostprijsResultaat, scenario: KostprijsResultaat | None = None,
                gemaakt_door: str = "") -> bytes:
    """De PDF-bytes van het handout; met ``scenario`` ook de vergelijking basis tegen scenario;
    ``gemaakt_door`` (wie ingelogd was in de app) in de voet."""
    import typst

    with tempfile.TemporaryDirectory(prefix="tariefmodel-rapport-") as map_:
        werkmap = Path(map_)
        grafieken = []
        for k, (titel, svg) in enumerate(opbouw_svgs(resultaat)):
            bestand = f"opbouw_{k}.svg"
            (werkmap / bestand).write_text(svg, encoding="utf-8")
            grafieken.append({"bestand": bestand, "titel": titel})
        data = gegevens(resultaat, scenario, grafieken)
        if gemaakt_door:
            data["voet"] += f" · gemaakt door {gemaakt_door}"
        (werkmap / "gegevens.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        sjabloon = werkmap / SJABLOON
        sjabloon.write_text(resources.files(__name__).joinpath(SJABLOON).read_text(encoding="utf-8"),
                            encoding="utf-8")
        return typst.compile(str(sjabloon), root=str(werkmap))
