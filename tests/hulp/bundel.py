"""Tien verzonnen kostprijswerkboeken van VO-organisaties (één per regio) voor de bundeltests en de screenshot.

Geen voorbeeld uit het pakket: andere formatie, kosten en tarieven per organisatie met vaste rekenregels.
"""

from __future__ import annotations

from tests.hulp.werkboeken import maak_kostprijswerkboek

REGIOS = ("Zwolle", "Groningen", "Amsterdam", "Rotterdam", "Utrecht", "Breda", "Eindhoven", "Maastricht",
          "Leeuwarden", "Den Haag")


def vo_werkboek(i: int, regio: str, rekenjaar: int = 2026) -> bytes:
    """Organisatie i: crisisopvang (10-28 plaatsen), ambulant, met een tarief dat per organisatie verschilt."""
    plaatsen = 10 + (i * 7) % 19
    fte = round(plaatsen * (0.45 + 0.03 * (i % 4)), 1)
    return maak_kostprijswerkboek(
        {"organisatie": f"Vrouwenopvang {regio}", "rekenjaar": rekenjaar, "overige_personeelskosten_per_fte": 1100},
        [["CRI", "Crisisopvang", "opvang", "etmaal", plaatsen, None, None, None, 150 + 8 * (i % 5)],
         ["AMB", "Ambulante begeleiding", "ambulant", "uur", None, None, None, None, 68 + 2 * (i % 3)]],
        [["Woonbegeleider", "CRI", 8, 5, fte, None, 0.15], ["Hulpverlener", "AMB", 8, 6, 2 + i % 3, None, 0],
         ["Staf", "OVERHEAD", 10, 4, 1 + (i % 2) * 0.5, None, 0]],
        [["CRI", "huisvesting", "Huur opvanglocatie", 6_000 * plaatsen + 1_000 * i],
         ["OVERHEAD", "overig", "ICT en administratie", 30_000 + 2_500 * i]])


def tien_werkboeken() -> list[tuple[str, bytes]]:
    return [(f"vo_{i + 1:02d}_{regio.replace(' ', '_').lower()}.xlsx", vo_werkboek(i, regio))
            for i, regio in enumerate(REGIOS)]
