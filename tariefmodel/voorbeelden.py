"""Het illustratieve voorbeeld-VO 'Stichting Voorbeeldopvang' als gegevens (voor app, benchmark en workbooks/).

ILLUSTRATIEF: de organisatie bestaat niet. Formatie en kosten zijn verzonnen maar plausibel gemaakt met de
feiten in shared/domein (CAO Sociaal Werk 1-7-2024, schaalindeling uit de functiematrix, een 24/7-post vraagt
ca. 5,6-6 fte, satellietwoningen, noodbedden van enkele dagen). Gemeentetarieven zijn verzonnen: gepubliceerde
VO-tarieven zijn NOT FOUND.
"""

from __future__ import annotations

from tariefmodel.werkboek.sjablonen import kostprijswerkboek

ILLUSTRATIEF = [
    "ILLUSTRATIEF VOORBEELD — geen echte organisatie en geen echte cijfers.",
    "Formatie, kosten en gemeentetarieven zijn verzonnen (wel plausibel gemaakt met de CAO Sociaal Werk",
    "2025-2027 en openbare bronnen); vervang alles door de eigen begroting voordat u iets concludeert.",
]

UITGANGSPUNTEN = {
    "organisatie": "Stichting Voorbeeldopvang (illustratief)",
    "rekenjaar": 2026,
    "concept": "nee",
    "overige_personeelskosten_per_fte": 1250,
    "werkgever_grootte": "groot",
}

PRODUCTEN = [
    # Code, Naam, Soort, Eenheid, Plaatsen, Werkelijke bezetting, Uren per traject, Trajecten per jaar, Gemeentetarief
    ["CRISIS", "Crisisopvang (24/7)", "opvang", "etmaal", 16, 0.95, None, None, 260],
    ["NOOD", "Noodbedden", "opvang", "etmaal", 3, 0.70, None, None, 240],
    ["VERVOLG", "Vervolgopvang in satellietwoningen", "opvang", "etmaal", 20, 0.92, None, None, 120],
    ["AMB", "Ambulante begeleiding", "ambulant", "uur", None, None, None, None, 72],
    ["NAZORG", "Nazorg 12 maanden", "ambulant", "traject", None, None, 40, 55, 2600],
]

PERSONEEL = [
    # Functie, Product, Schaal, Trede, FTE, Maandsalaris, ORT
    ["Woonbegeleider dag/avond", "CRISIS", 8, 5, 10.0, None, 0.10],
    ["Woonbegeleider nacht (waakdienst)", "CRISIS", 8, 3, 5.6, None, 0.30],
    ["Maatschappelijk werker 2", "CRISIS", 9, 4, 2.0, None, 0],
    ["Kindbegeleider", "CRISIS", 8, 4, 1.5, None, 0.05],
    ["Gedragswetenschapper", "CRISIS", 10, 5, 0.4, None, 0],
    ["Woonbegeleider noodbedden", "NOOD", 8, 5, 1.2, None, 0.20],
    ["Woonbegeleider", "VERVOLG", 8, 5, 5.0, None, 0.05],
    ["Maatschappelijk werker 2", "VERVOLG", 9, 5, 2.0, None, 0],
    ["Kind- en gezinscoach", "VERVOLG", 8, 4, 1.5, None, 0],
    ["Ambulant hulpverlener", "AMB", 8, 6, 6.0, None, 0],
    ["Maatschappelijk werker 2", "AMB", 9, 5, 2.0, None, 0],
    ["Trajectbegeleider nazorg", "NAZORG", 8, 5, 3.0, None, 0],
    ["Teamleider", "OVERHEAD", 10, 6, 2.0, None, 0],
    ["Directeur-bestuurder", "OVERHEAD", None, None, 1.0, 7200, 0],
    ["Controller", "OVERHEAD", 11, 5, 0.8, None, 0],
    ["Administratief medewerker", "OVERHEAD", 5, 8, 2.0, None, 0],
    ["Beheerder", "OVERHEAD", 5, 6, 1.0, None, 0],
]

KOSTEN = [
    # Product, Kostensoort, Omschrijving, Bedrag
    ["CRISIS", "huisvesting", "Huur en energie opvanglocatie", 185000],
    ["CRISIS", "beveiliging", "Camerabewaking, toegangscontrole, extern beveiliger", 48000],
    ["CRISIS", "materieel", "Inrichting, voeding en huishoudelijk", 36000],
    ["NOOD", "huisvesting", "Huur noodbedden", 28000],
    ["VERVOLG", "huisvesting", "Huur 20 satellietwoningen", 216000],
    ["VERVOLG", "materieel", "Inrichting en onderhoud woningen", 24000],
    ["AMB", "overig", "Reiskosten ambulant", 14000],
    ["NAZORG", "overig", "Reiskosten nazorg", 6000],
    ["OVERHEAD", "huisvesting", "Kantoor", 90000],
    ["OVERHEAD", "overig", "ICT en registratiesysteem", 62000],
    ["OVERHEAD", "overig", "Accountant, verzekeringen, keurmerk", 26000],
    # AMvB art. 5.4 lid 3 sub f: kosten door gemeentelijke verplichtingen (uit de vorige regel gehaald)
    ["OVERHEAD", "gemeentelijke verplichtingen", "Subsidieverantwoording en monitorrapportages gemeente", 15000],
]



def voorbeeld_kostprijs() -> bytes:
    """Het voorbeeldwerkboek als xlsx-bytes."""
    return kostprijswerkboek(UITGANGSPUNTEN, PRODUCTEN, PERSONEEL, KOSTEN, toelichting=ILLUSTRATIEF)
