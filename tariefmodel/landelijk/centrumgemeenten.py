"""De 35 centrumgemeenten vrouwenopvang (domein/centrumgemeenten_vrouwenopvang.csv).

Bron: Stcrt 2022, 18613 (Regeling specifieke uitkering regionaal projectleider aanpak huiselijk geweld
en kindermishandeling 2022) en https://www.valente.nl/nieuws/extra-middelen-aanpak-huiselijk-geweld/
(18 juli 2022). Het aantal 35 is onafhankelijk bevestigd (35 × EUR 75.000 = EUR 2,625 mln, 2013/2014).
"""

from __future__ import annotations

CENTRUMGEMEENTEN = (
    "Alkmaar", "Almere", "Amersfoort", "Amsterdam", "Apeldoorn", "Arnhem", "Breda", "Delft", "Den Haag",
    "Den Helder", "Dordrecht", "Ede", "Eindhoven", "Emmen", "Enschede", "Gouda", "Groningen", "Haarlem",
    "Heerlen", "Helmond", "'s-Hertogenbosch", "Hilversum", "Leeuwarden", "Leiden", "Maastricht", "Nijmegen",
    "Nissewaard", "Rotterdam", "Tilburg", "Utrecht", "Venlo", "Vlaardingen", "Vlissingen", "Zaanstad", "Zwolle",
)

OUDE_OF_ANDERE_NAMEN = {
    "den bosch": "'s-Hertogenbosch",
    "hertogenbosch": "'s-Hertogenbosch",
    "'s-gravenhage": "Den Haag",
    "s-gravenhage": "Den Haag",
    "spijkenisse": "Nissewaard",  # Nissewaard bestaat sinds 1-1-2015 (duvo-bronnen.md §1)
}
"""Namen die gebruikers kunnen tegenkomen in oudere lijsten; alleen als hint, nooit stilzwijgend omgezet."""
