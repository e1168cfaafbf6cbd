"""Maak de voorbeeldwerkboeken en sjablonen in deze map opnieuw.

    python workbooks/maak_voorbeelden.py

De gegevens van het voorbeeld staan in tariefmodel/voorbeelden.py.

ILLUSTRATIEF: 'Stichting Voorbeeldopvang' bestaat niet. Formatie en kosten zijn verzonnen maar
plausibel gemaakt met de feiten in shared/domein (CAO Sociaal Werk 1-7-2024, schaalindeling uit de
functiematrix, een 24/7-post vraagt ca. 5,6 fte, satellietwoningen, noodbedden van enkele dagen).
Gemeentetarieven zijn verzonnen: gepubliceerde VO-tarieven zijn NOT FOUND.
"""

from __future__ import annotations

from pathlib import Path

from tariefmodel.bestanden import schrijf_atomair
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.landelijk_sjabloon import landelijk_werkboek, voorbeeld_landelijk
from tariefmodel.werkboek.sjablonen import kostprijswerkboek

MAP = Path(__file__).parent


def main() -> int:
    schrijf_atomair(MAP / "voorbeeld_kostprijs.xlsx", voorbeeld_kostprijs())
    schrijf_atomair(MAP / "sjabloon_kostprijs.xlsx", kostprijswerkboek())
    schrijf_atomair(MAP / "sjabloon_landelijk.xlsx", landelijk_werkboek())
    schrijf_atomair(MAP / "voorbeeld_landelijk.xlsx", voorbeeld_landelijk())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
