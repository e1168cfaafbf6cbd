"""Het landelijk werkboek als leeg sjabloon en als ILLUSTRATIEF voorbeeld (werkboekformaat.md).

Het voorbeeld gebruikt de echte 35 centrumgemeenten met VERZONNEN cijfers. De landelijke totalen
zijn afgestemd op de bronnen in shared/domein (zie TOELICHTING_VOORBEELD); per regio is niets
gepubliceerd gevonden (NOT FOUND), dus elke regiowaarde is een verzinsel. Alle gegevens staan
expliciet in deze module of volgen er met vaste rekenregels uit: geen toeval.
"""

from __future__ import annotations

from tariefmodel.landelijk.centrumgemeenten import CENTRUMGEMEENTEN
from tariefmodel.landelijk.invoer import PARAMETERS_LANDELIJK
from tariefmodel.parameters import definities
from tariefmodel.uitgangspunten import peildatum
from tariefmodel.werkboek.landelijk import KOLOMMEN, REGIOS
from tariefmodel.werkboek.schrijven import MAX_RIJ, Blad, werkboek_bytes

REGIO_BEREIK = f"='{REGIOS.replace(chr(39), chr(39) * 2)}'!$A$2:$A${MAX_RIJ}"

TOELICHTING_LANDELIJK = [
    "Landelijk werkboek tariefmodel (werkboekformaat v1): DUVO, verdeelmodel, capaciteit (rekenmethode, deel 2: landelijk)",
    "",
    "Vul per blad vanaf rij 2 in. Oranje kopjes zijn verplicht. Lege regels worden overgeslagen.",
    "Getallen mogen als getal of als Nederlandse tekst: 12,5 of 1.234,56 of 85%. Bedragen in euro.",
    "Uitgangspunten: laat 'Waarde' leeg voor de meegeleverde standaard (de kolom Toelichting noemt waarde, status",
    "   en bron). max_verlies leeg = geen zachte landing; bijvoorbeeld 0,10 = hoogstens 10% verlies per jaar.",
    "Regio's: één regel per centrumgemeente. Plaatsen = aantal opvangplaatsen (geheel getal). Cliënten per jaar",
    "   en Gemiddelde verblijfsduur (dagen) zijn nodig voor bezettingsgraad en weigerkans (Erlang B).",
    "   Historisch budget = de verdeling vóór de herverdeling (alleen de verhouding telt).",
    "   Voeg na 'Historisch budget' één kolom per maatstaf toe (bijvoorbeeld Inwoners of een eigen maatstaf).",
    "Maatstaven: Maatstaf = precies de kolomnaam in Regio's; Aandeel = deel van het budget (samen 1 = 100%).",
    "Overgang: per jaar het landelijk budget en het aandeel objectief α (0 = historisch, 1 = volledig objectief).",
    "DUVO (optioneel): per centrumgemeente en jaar de uitkering en wat er aan vrouwenopvang en overig",
    "   (Veilig Thuis, preventie, ouderenmishandeling) is besteed.",
    "Plaatsingen (optioneel): Herkomst = regio waar de cliënt vandaan komt, Opvangregio = waar zij is opgevangen.",
    "   Een regel met Herkomst = Opvangregio telt de eigen cliënten (nodig voor het aandeel bovenregionaal).",
    "",
    "Waar vindt u de echte cijfers?",
    "- Uitkering per centrumgemeente: gemeentefonds, mei- en septembercirculaire, bijlage 'decentralisatie-uitkering",
    "  vrouwenopvang' (rijksoverheid.nl, zoek 'meicirculaire gemeentefonds <jaar>'; bijvoorbeeld meicirculaire 2013",
    "  bijlage p. 86, septembercirculaire 2015, meicirculaire 2016). Daar staat ook de verdeelsystematiek.",
    "- Maatstaven en gewichten van het objectieve model: Steiner/Panteia (2013), 'Objectief verdeelmodel",
    "  Decentralisatieuitkering Vrouwenopvang' en de circulaires van 2014 (in tariefmodel NOT FOUND).",
    "- Regio-indeling (regiogemeenten): Staatscourant 2022, 18613, bijlage I. Inwoners: CBS StatLine per gemeente.",
    "- Plaatsen per regio: Monitor Veilige Opvang (Valente/VNG); besteding: gemeentelijke jaarrekeningen (Iv3).",
    "De rekenmethode staat in de documentatie van tariefmodel (landelijk model: DUVO, verdeelmodel, capaciteit).",
]

KOLOMUITLEG = {
    "Centrumgemeente": "Naam zoals in de lijst van 35 centrumgemeenten vrouwenopvang",
    "Inwoners": "Inwoners van de hele regio (centrumgemeente + regiogemeenten)",
    "Plaatsen": "Aantal opvangplaatsen (geheel getal)",
    "Cliënten per jaar": "Opnames per jaar (voor bezettingsgraad en Erlang B)",
    "Gemiddelde verblijfsduur": "Gemiddelde verblijfsduur in dagen",
    "Historisch budget": "Verdeling vóór de herverdeling (alleen de verhouding telt)",
    "Maatstaf": "Precies de kolomnaam van de maatstaf in het blad Regio's",
    "Aandeel": "Deel van het budget voor deze maatstaf (samen 1 = 100%)",
    "Jaar": "Kalenderjaar",
    "Budget": "Landelijk budget (euro) in dit jaar",
    "Aandeel objectief": "α: 0 = historisch, 1 = volledig objectief",
    "Uitkering": "DUVO-uitkering aan deze centrumgemeente in dit jaar (euro)",
    "Besteding vrouwenopvang": "Besteed aan vrouwenopvang (euro)",
    "Besteding overig": "Besteed aan overig DUVO-beleid: Veilig Thuis, preventie, ouderenmishandeling (euro)",
    "Herkomst": "Regio waar de cliënt vandaan komt",
    "Opvangregio": "Regio waar de cliënt is opgevangen",
    "Aantal": "Aantal plaatsingen",
}


def _validatie(kolom: str) -> dict | None:
    """Data-validatie per kolom (waarschuwt; plakken van Nederlandse tekstgetallen blijft mogelijk)."""
    waarschuw = {"error_type": "warning", "ignore_blank": True}
    if kolom in {"Centrumgemeente", "Herkomst", "Opvangregio"}:
        return {"validate": "list", "source": REGIO_BEREIK, "error_title": "Onbekende centrumgemeente",
                "error_message": "Kies een centrumgemeente uit het blad Regio's.", **waarschuw}
    if kolom in {"Aandeel", "Aandeel objectief"}:
        return {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 1,
                "error_message": "Vul een fractie tussen 0 en 1 in (bijvoorbeeld 0,5 of 50%).", **waarschuw}
    if kolom == "Jaar":
        return {"validate": "integer", "criteria": "between", "minimum": 2000, "maximum": 2100,
                "error_message": "Vul een jaartal in (2000-2100).", **waarschuw}
    if kolom == "Plaatsen":
        return {"validate": "integer", "criteria": ">=", "value": 0,
                "error_message": "Vul een geheel aantal plaatsen in (0 of meer).", **waarschuw}
    if kolom in {"Inwoners", "Cliënten per jaar", "Gemiddelde verblijfsduur", "Historisch budget", "Budget",
                 "Uitkering", "Besteding vrouwenopvang", "Besteding overig", "Aantal"}:
        return {"validate": "decimal", "criteria": ">=", "value": 0,
                "error_message": "Vul een getal van 0 of meer in.", **waarschuw}
    return None


def _validaties(blad: str, kolommen: list[str]) -> dict[str, dict]:
    """De controles van een blad, met invoerhulp (titel en uitleg bij de cel) waar de kolom uitleg heeft."""
    if blad == "Uitgangspunten":
        return {}
    uit = {}
    for naam in kolommen:
        validatie = _validatie(naam)
        if validatie is None or (blad == REGIOS and naam == "Centrumgemeente"):
            continue  # Regio's › Centrumgemeente: de keuzelijst van de andere bladen komt juist uit deze kolom
        if naam in KOLOMUITLEG:
            validatie = {**validatie, "input_title": naam[:32], "input_message": KOLOMUITLEG[naam][:255]}
        uit[naam] = validatie
    return uit


def _parameterregels(waarden: dict, rekenjaar: int) -> list[list]:
    regels = [["rekenjaar", waarden.get("rekenjaar"), "jaar", "Jaar van de standaardwaarden (peildatum 1 juli)"]]
    for naam in ["illustratief", *sorted(PARAMETERS_LANDELIJK - {"rekenjaar", "concept", "illustratief"})]:
        d = definities()[naam]
        std = d.op(peildatum(rekenjaar))
        standaard = "leeg" if std is None or std.waarde is None else str(std.waarde).replace(".", ",")
        uitleg = d.omschrijving + (f". Standaard {rekenjaar}: {standaard} ({std.status}; {std.bron})" if std else
                                   f". Geen meegeleverde standaard voor {rekenjaar}")
        regels.append([naam, waarden.get(naam), d.eenheid, uitleg])
    return regels


def landelijk_bladen(uitgangspunten: dict | None = None, regios=(), maatstafkolommen=(), maatstaven=(),
                     overgang=(), duvo=(), plaatsingen=(), rekenjaar: int = 2024) -> list[Blad]:
    """De bladen van een landelijk werkboek; zonder gegevens die van het lege sjabloon."""
    waarden = uitgangspunten or {}
    jaar = int(waarden.get("rekenjaar") or rekenjaar)
    vast = KOLOMMEN[REGIOS][0]
    regiorijen = [list(r) for r in regios] or [[naam] for naam in CENTRUMGEMEENTEN]
    bladen = [
        Blad("Uitgangspunten", KOLOMMEN["Uitgangspunten"][0], _parameterregels(waarden, jaar),
             breedtes={"Parameter": 30, "Waarde": 14, "Eenheid": 30, "Toelichting": 120},
             verplicht=KOLOMMEN["Uitgangspunten"][1]),
        Blad(REGIOS, [*vast, *maatstafkolommen], regiorijen, breedtes={"Centrumgemeente": 20},
             verplicht=KOLOMMEN[REGIOS][1], vaste_kolommen=1),
        Blad("Maatstaven", KOLOMMEN["Maatstaven"][0], [list(r) for r in maatstaven],
             breedtes={"Maatstaf": 34, "Toelichting": 90}, verplicht=KOLOMMEN["Maatstaven"][1]),
        Blad("Overgang", KOLOMMEN["Overgang"][0], [list(r) for r in overgang], verplicht=KOLOMMEN["Overgang"][1]),
        Blad("DUVO", KOLOMMEN["DUVO"][0], [list(r) for r in duvo], breedtes={"Centrumgemeente": 20},
             verplicht=KOLOMMEN["DUVO"][1]),
        Blad("Plaatsingen", KOLOMMEN["Plaatsingen"][0], [list(r) for r in plaatsingen],
             breedtes={"Herkomst": 20, "Opvangregio": 20}, verplicht=KOLOMMEN["Plaatsingen"][1]),
    ]
    for blad in bladen:
        blad.validaties = _validaties(blad.naam, blad.kolommen)
    return bladen


def landelijk_werkboek() -> bytes:
    """Het lege sjabloon: kopregels, de 35 centrumgemeenten, keuzelijsten, getalcontroles en een Toelichting."""
    return werkboek_bytes(landelijk_bladen(), TOELICHTING_LANDELIJK)


# --- Het illustratieve voorbeeld -----------------------------------------------------------------------

ILLUSTRATIEF = [
    "ILLUSTRATIEF VOORBEELD — de 35 centrumgemeenten zijn echt, ALLE CIJFERS PER REGIO ZIJN VERZONNEN.",
    "Geen officiële bedragen: vervang ze door de circulairebedragen en eigen gegevens voordat u iets concludeert.",
    "",
    "Landelijke totalen, afgestemd op openbare bronnen:",
    "- Inwoners samen 18,0 mln: het Istanbul-ankerpunt '≈ 1.800 plaatsen bij 1 per 10.000 inwoners'",
    "  (minister, Kamervragen 2025D00709, jan. 2025). Inwoners per regio: NOT FOUND, verzonnen.",
    "- Plaatsen samen 1.024: Monitor Veilige Opvang 2022-2023 (Valente/VNG). Per regio verzonnen, behalve",
    "  Vlissingen 30 (Zeeland, Emergis 2023) en Almere 27 (Oranje Huis 2017: 2 nood + 10 crisis + 15 begeleid wonen).",
    "- Cliënten per jaar samen 3.868, dicht bij de 3.880 volwassenen in de vrouwenopvang in 2022 (Valente-infographic",
    "  2022). Verblijfsduur 75-108 dagen: verzonnen, tussen crisisopvang (dagen-weken) en vervolgopvang",
    "  (gemiddeld 259 dagen, Monitor Veilige Opvang).",
    "- Historisch budget samen 104 mln: 'van 23 naar 104 miljoen euro' (c. 2013, regioaanpakveiligthuis.nl).",
    "- Overgang (budget per jaar): 2015-2017 104 + 10 (kwaliteitsimpuls) + 2,6 (EGG/loverboys) = 116,6 mln;",
    "  2018 + 11,9 (Veilig Thuis); 2019-2020 Veilig Thuis lineair naar 38,6 (tussenjaren NOT FOUND);",
    "  vanaf 2020 + 16 (Voorjaarsnota 2020); 2021-2024 171,2 mln. Die 171 mln is zelf een SCHATTING",
    "  (ondergrens, zonder AWBZ-overheveling en zonder loon- en prijsbijstelling).",
    "- Aandeel objectief: 2015-2016 0 (de VNG ging er ten onrechte van uit dat 2016 al een stap bevatte),",
    "  2017 0,5 (bestuurlijk overleg VWS/VNG mei 2016: 50% historisch, 50% objectief), vanaf 2018 1,0",
    "  (AANNAME: de verdeling vanaf 2018 is NOT FOUND).",
    "- Maatstaven: de echte maatstaven en gewichten (Steiner/Panteia 2013) zijn NOT FOUND. Hier: Inwoners (het",
    "  oude model verdeelde naar inwoners en minderheden) 60% en 'Zorgzwaartepunten (illustratief)' 40%",
    "  (Commissie De Jong: verdeling naar geobjectiveerde zorgzwaarte); beide gewichten verzonnen.",
    "  Patroon zoals de bronnen het beschrijven: de grote steden krijgen er geld bij, regio's buiten de Randstad",
    "  (Zwolle, Leeuwarden met landelijke specialistische opvang) leveren in.",
    "- Plaatsingen: ongeveer 28% van buiten de eigen regio (2015: 70% uit het eigen werkgebied; Valente schat 25%).",
    "- DUVO-besteding: verzonnen; de uitkering is de modeluitkomst van dat jaar. Een landelijk cijfer over",
    "  besteding tegenover uitkering is NOT FOUND.",
    "",
]

# Centrumgemeente, Inwoners, Plaatsen, Cliënten per jaar, Gemiddelde verblijfsduur, Historisch budget,
# Inwoners is ook maatstaf; laatste kolom: Zorgzwaartepunten (illustratief). ALLE WAARDEN VERZONNEN.
VOORBEELD_REGIOS = [
    ("Alkmaar", 420_000, 22, 81, 89, 2_281_000, 399),
    ("Almere", 460_000, 27, 116, 83, 2_232_000, 483),
    ("Amersfoort", 300_000, 18, 71, 86, 1_699_000, 285),
    ("Amsterdam", 1_080_000, 78, 280, 103, 6_795_000, 1566),
    ("Apeldoorn", 480_000, 24, 91, 85, 2_621_000, 432),
    ("Arnhem", 730_000, 38, 140, 94, 3_979_000, 766),
    ("Breda", 750_000, 34, 128, 88, 3_785_000, 712),
    ("Delft", 330_000, 17, 73, 80, 1_747_000, 314),
    ("Den Haag", 800_000, 58, 197, 108, 4_853_000, 1120),
    ("Den Helder", 170_000, 12, 58, 75, 1_213_000, 153),
    ("Dordrecht", 450_000, 24, 93, 86, 2_475_000, 450),
    ("Ede", 340_000, 16, 64, 81, 1_747_000, 289),
    ("Eindhoven", 800_000, 40, 152, 92, 4_174_000, 840),
    ("Emmen", 500_000, 24, 93, 85, 2_912_000, 475),
    ("Enschede", 630_000, 34, 128, 90, 3_591_000, 630),
    ("Gouda", 270_000, 14, 59, 79, 1_504_000, 243),
    ("Groningen", 600_000, 38, 139, 98, 4_174_000, 630),
    ("Haarlem", 560_000, 28, 107, 87, 2_912_000, 532),
    ("Heerlen", 390_000, 22, 85, 91, 2_329_000, 410),
    ("Helmond", 200_000, 10, 42, 77, 1_068_000, 180),
    ("'s-Hertogenbosch", 650_000, 32, 121, 89, 3_494_000, 618),
    ("Hilversum", 260_000, 13, 53, 81, 1_456_000, 234),
    ("Leeuwarden", 660_000, 38, 130, 105, 4_756_000, 627),
    ("Leiden", 570_000, 28, 107, 88, 3_009_000, 542),
    ("Maastricht", 250_000, 16, 62, 89, 1_650_000, 262),
    ("Nijmegen", 560_000, 32, 119, 94, 3_397_000, 588),
    ("Nissewaard", 230_000, 11, 46, 78, 1_213_000, 218),
    ("Rotterdam", 1_180_000, 80, 285, 105, 7_085_000, 1711),
    ("Tilburg", 480_000, 28, 105, 91, 2_815_000, 504),
    ("Utrecht", 900_000, 52, 186, 102, 4_756_000, 1125),
    ("Venlo", 510_000, 24, 92, 86, 2_815_000, 484),
    ("Vlaardingen", 210_000, 12, 53, 79, 1_213_000, 210),
    ("Vlissingen", 390_000, 30, 122, 90, 2_524_000, 351),
    ("Zaanstad", 350_000, 18, 73, 85, 1_844_000, 350),
    ("Zwolle", 540_000, 32, 117, 99, 3_882_000, 486),
]
ZORGZWAARTE = "Zorgzwaartepunten (illustratief)"
VOORBEELD_MAATSTAVEN = [
    ("Inwoners", 0.6, "Verzonnen gewicht; het oude model verdeelde naar inwoners en minderheden"),
    (ZORGZWAARTE, 0.4, "Verzonnen maatstaf en gewicht; de echte maatstaven (Steiner/Panteia 2013) zijn NOT FOUND"),
]
# Jaar, Budget, Aandeel objectief (zie ILLUSTRATIEF voor de opbouw uit de bronnen)
VOORBEELD_OVERGANG = [
    (2015, 116_600_000, 0.0), (2016, 116_600_000, 0.0), (2017, 116_600_000, 0.5), (2018, 128_500_000, 1.0),
    (2019, 137_400_000, 1.0), (2020, 162_300_000, 1.0), (2021, 171_200_000, 1.0), (2022, 171_200_000, 1.0),
    (2023, 171_200_000, 1.0), (2024, 171_200_000, 1.0),
]
VOORBEELD_DUVO_JAREN = (2023, 2024)
# Vaste rekenregels voor verzonnen bestedingen en plaatsingen (geen toeval):
BESTEDING_VO = (0.50, 0.30, 7, 11)  # aandeel VO = 0,50 + 0,30 · ((i·7) mod 11) / 10
BESTEDING_OVERIG = (0.18, 0.20, 5, 7)  # aandeel overig = 0,18 + 0,20 · ((i·5) mod 7) / 6
GROEI_BESTEDING = 0.02  # besteding groeit 2% per jaar na het eerste DUVO-jaar
AANDEEL_VAN_BUITEN = (0.20, 0.16, 3, 5)  # 0,20 + 0,16 · ((i·3) mod 5) / 4
HERKOMST_STAPPEN = ((5, 0.5), (12, 0.3), (23, 0.2))  # herkomst = (i + stap) mod 35, met dit deel van de instroom


def _regel(i: int, regel: tuple) -> float:
    basis, bereik, factor, modulus = regel
    return basis + bereik * ((i * factor) % modulus) / (modulus - 1)


def _voorbeeld_duvo() -> list[list]:
    """DUVO-regels: uitkering = de modeluitkomst van dat jaar; bestedingen met vaste verzonnen aandelen."""
    from tariefmodel.landelijk.verdeelmodel import verdeel

    jaren = [o[0] for o in VOORBEELD_OVERGANG]
    verdeling = verdeel(jaren, [o[1] for o in VOORBEELD_OVERGANG], [o[2] for o in VOORBEELD_OVERGANG],
                        [r[5] for r in VOORBEELD_REGIOS], [m[1] for m in VOORBEELD_MAATSTAVEN],
                        [[r[1], r[6]] for r in VOORBEELD_REGIOS], None)
    rijen = []
    for n, jaar in enumerate(VOORBEELD_DUVO_JAREN):
        t = jaren.index(jaar)
        for i, r in enumerate(VOORBEELD_REGIOS):
            uitkering = round(float(verdeling.toegekend[t, i]))
            groei = (1 + GROEI_BESTEDING) ** n
            rijen.append([r[0], jaar, uitkering, round(uitkering * _regel(i, BESTEDING_VO) * groei),
                          round(uitkering * _regel(i, BESTEDING_OVERIG) * groei)])
    return rijen


def _voorbeeld_plaatsingen() -> list[list]:
    """Per opvangregio: eigen cliënten plus instroom van buiten uit drie vaste herkomstregio's."""
    rijen = []
    for i, r in enumerate(VOORBEELD_REGIOS):
        clienten = r[3]
        van_buiten = round(clienten * _regel(i, AANDEEL_VAN_BUITEN))
        rijen.append([r[0], r[0], clienten - van_buiten])
        for stap, deel in HERKOMST_STAPPEN:
            herkomst = VOORBEELD_REGIOS[(i + stap) % len(VOORBEELD_REGIOS)][0]
            rijen.append([herkomst, r[0], round(van_buiten * deel)])
    return rijen


def voorbeeld_landelijk() -> bytes:
    """Het ILLUSTRATIEVE voorbeeld: echte 35 centrumgemeenten, verzonnen maar plausibele cijfers."""
    bladen = landelijk_bladen(
        uitgangspunten={"rekenjaar": 2024, "illustratief": "ja"},
        regios=[list(r) for r in VOORBEELD_REGIOS], maatstafkolommen=[ZORGZWAARTE],
        maatstaven=VOORBEELD_MAATSTAVEN, overgang=VOORBEELD_OVERGANG, duvo=_voorbeeld_duvo(),
        plaatsingen=_voorbeeld_plaatsingen(),
    )
    return werkboek_bytes(bladen, ILLUSTRATIEF + TOELICHTING_LANDELIJK)
