"""Werkboeken zoals mensen het sjabloon invullen (ronde 2, intake-QA): het voorbeeld met één gewoonte erin.

Elk ``Gewoonte``-geval zegt wat de gebruiker bedoelde: ``referentie`` (dezelfde cijfers als het
referentiewerkboek: standaard het ongewijzigde voorbeeld), ``fout`` (exit 2 met blad, rij en kolom) of
``waarschuwing`` (andere cijfers, maar een waarschuwing die blad, rij en kolom noemt). ``melding`` zijn
tekstdelen die in de fout of waarschuwing moeten staan.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl

from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk

NBSP = "\u00a0"


@dataclass(frozen=True)
class Gewoonte:
    naam: str
    bouw: Callable[[], bytes]
    uitkomst: str  # "referentie" | "fout" | "waarschuwing"
    melding: tuple[str, ...] = ()
    soort: str = "kostprijs"  # of "landelijk"
    referentie: Callable[[], bytes] | None = None  # None: het ongewijzigde voorbeeld
    libreoffice: bool = False


# --- bouwstenen -----------------------------------------------------------------------------------------

def boek(soort: str = "kostprijs") -> openpyxl.Workbook:
    data = voorbeeld_kostprijs() if soort == "kostprijs" else voorbeeld_landelijk()
    return openpyxl.load_workbook(io.BytesIO(data))


def opslaan(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def kolom(ws, kop: str, rij: int = 1) -> int:
    for cel in ws[rij]:
        if cel.value == kop:
            return cel.column
    raise KeyError(kop)


def gewijzigd(soort: str = "kostprijs", **bladen: Callable) -> Callable[[], bytes]:
    """Een bouwer: het voorbeeld, met per blad een wijziging (``Producten=functie(ws)``)."""
    return gewijzigd_bladen(soort, bladen)


def gewijzigd_bladen(soort: str, bladen: dict[str, Callable]) -> Callable[[], bytes]:
    """Als ``gewijzigd``, voor bladnamen die geen Python-naam zijn (``{"Regio's": f}``)."""
    def bouw() -> bytes:
        wb = boek(soort)
        for naam, functie in bladen.items():
            functie(wb[naam])
        return opslaan(wb)
    return bouw


def extra_blad(naam: str, rijen: list[list]) -> Callable[[], bytes]:
    def bouw() -> bytes:
        wb = boek()
        ws = wb.create_sheet(naam)
        for r in rijen:
            ws.append(r)
        return opslaan(wb)
    return bouw


def parameter(naam: str, waarde) -> Callable:
    """Zet de Waarde van parameter ``naam`` in het blad Uitgangspunten."""
    def wijzig(ws):
        rij = next(c.row for c in ws["A"] if c.value == naam)
        ws.cell(rij, kolom(ws, "Waarde")).value = waarde
    return wijzig


def koppen(**nieuw: str) -> Callable:
    """Hernoem kopteksten in rij 1: ``koppen(ORT="ORT %")``; spaties in de oude naam als ``_``."""
    def wijzig(ws):
        for oud, kop in nieuw.items():
            ws.cell(1, kolom(ws, oud.replace("_", " "))).value = kop
    return wijzig


def cellen(waarden: dict[tuple[int, str], object]) -> Callable:
    """Zet cellen: ``{(rij, 'Bedrag'): '€ 3.500,-'}`` (kop zoals in het voorbeeld)."""
    def wijzig(ws):
        for (rij, kop), waarde in waarden.items():
            ws.cell(rij, kolom(ws, kop)).value = waarde
    return wijzig


def samen(*wijzigingen: Callable) -> Callable:
    def wijzig(ws):
        for w in wijzigingen:
            w(ws)
    return wijzig


def voeg_rij_in(voor: int, waarden: list | None = None) -> Callable:
    def wijzig(ws):
        ws.insert_rows(voor)
        for i, w in enumerate(waarden or [], start=1):
            ws.cell(voor, i).value = w
    return wijzig


def rij_erbij(waarden: list) -> Callable:
    def wijzig(ws):
        ws.append(waarden)
    return wijzig


def extra_kolom(kop: str, teksten: list[str]) -> Callable:
    def wijzig(ws):
        k = ws.max_column + 1
        ws.cell(1, k).value = kop
        for i, t in enumerate(teksten, start=2):
            ws.cell(i, k).value = t
    return wijzig


def verberg(rij: int | None = None, kolom: str | None = None) -> Callable:
    """Verberg een rij of kolom (in plaats van verwijderen: een gewoonte)."""
    def wijzig(ws):
        if rij is not None:
            ws.row_dimensions[rij].hidden = True
        if kolom is not None:
            ws.column_dimensions[kolom].hidden = True
    return wijzig


def met_libreoffice(bouw: Callable[[], bytes]) -> Callable[[], bytes]:
    """Open en sla op met LibreOffice (soffice --convert-to xlsx, wegwerpprofiel): formules krijgen een
    opgeslagen uitkomst, zoals bij een gebruiker die in LibreOffice werkt."""
    def opnieuw() -> bytes:
        from tariefmodel.export.herberekenen import herbereken_met_libreoffice

        return herbereken_met_libreoffice(bouw())
    return opnieuw


# --- het corpus -----------------------------------------------------------------------------------------

def _kosten_som() -> float:
    wb = boek()
    ws = wb["Kosten"]
    return sum(ws.cell(r, 4).value for r in range(2, ws.max_row + 1))


def _salaris_als_getal(bedrag) -> Callable[[], bytes]:
    """Referentie: Gedragswetenschapper (Personeel rij 6) met een eigen Maandsalaris als echt getal."""
    return gewijzigd(Personeel=cellen({(6, "Schaal"): None, (6, "Trede"): None, (6, "Maandsalaris"): bedrag}))


def _aandeel_verlies(waarde) -> Callable[[], bytes]:
    return gewijzigd("landelijk", Overgang=cellen({(3, "Aandeel verlies"): waarde}))


GEWOONTES: list[Gewoonte] = [
    Gewoonte("koppen_met_eenheid_en_hoofdletters", gewijzigd(
        Personeel=koppen(ORT="ORT %", FTE="FTE's", Schaal="Schaal ", Maandsalaris="  MAANDSALARIS "),
        Producten=koppen(Werkelijke_bezetting="Werkelijke bezetting (%)", Gemeentetarief="Gemeentetarief (€)",
                         Plaatsen="Aantal  plaatsen"),
        Kosten=koppen(Bedrag="Bedrag [€ per jaar]", Kostensoort="kostensoort")), "referentie"),
    Gewoonte("kop_met_harde_spatie", gewijzigd(
        Producten=koppen(Gemeentetarief=f"Gemeentetarief{NBSP}(€)"), Personeel=koppen(FTE=f"FTE{NBSP}")),
        "referentie"),
    Gewoonte("bedragen_als_tekst", gewijzigd(Kosten=cellen({
        (2, "Bedrag"): "€ 185.000,-", (3, "Bedrag"): "48.000", (4, "Bedrag"): "36000,00",
        (5, "Bedrag"): f"€{NBSP}28.000", (6, "Bedrag"): "216,000.00", (7, "Bedrag"): f"24{NBSP}000",
        (8, "Bedrag"): " 14.000,00 ", (9, "Bedrag"): "€6.000"})), "referentie"),
    Gewoonte("engels_duizendtal_is_dubbelzinnig", gewijzigd(Kosten=cellen({(9, "Bedrag"): "6,000"})), "fout",
             ("Blad 'Kosten', rij 9, kolom 'Bedrag'", "dubbelzinnig")),
    Gewoonte("tarieven_als_tekst", gewijzigd(Producten=cellen({
        (2, "Gemeentetarief"): "€ 260,00", (3, "Gemeentetarief"): "240,-", (4, "Gemeentetarief"): "€ 120",
        (5, "Gemeentetarief"): "72,00", (6, "Gemeentetarief"): "2.600"})), "referentie"),
    Gewoonte("procenten_als_tekst", gewijzigd(
        Producten=cellen({(2, "Werkelijke bezetting"): "95%", (3, "Werkelijke bezetting"): "70 %",
                          (4, "Werkelijke bezetting"): "0,92"}),
        Personeel=cellen({(2, "ORT"): "10%", (3, "ORT"): "30%", (5, "ORT"): "5%", (7, "ORT"): f"20{NBSP}%",
                          (8, "ORT"): "5,0%"})), "referentie"),
    Gewoonte("bezetting_als_kaal_procentgetal", gewijzigd(Producten=cellen({(2, "Werkelijke bezetting"): 95})),
             "fout", ("Blad 'Producten', rij 2, kolom 'Werkelijke bezetting'", "95%")),
    Gewoonte("ort_als_kaal_procentgetal_onder_ort_procent", gewijzigd(
        Personeel=samen(koppen(ORT="ORT %"), cellen({(2, "ORT %"): 10, (3, "ORT %"): 30}))),
        "fout", ("Blad 'Personeel', rij 2, kolom 'ORT", "10%")),
    Gewoonte("bezettingsnorm_85_procent", gewijzigd(
        Uitgangspunten=parameter("bezettingsnorm", "85%")), "referentie"),
    Gewoonte("bezettingsnorm_0_komma_85", gewijzigd(
        Uitgangspunten=parameter("bezettingsnorm", "0,85")), "referentie"),
    Gewoonte("bezettingsnorm_kaal_85", gewijzigd(
        Uitgangspunten=parameter("bezettingsnorm", 85)), "fout", ("Blad 'Uitgangspunten', rij 8", "85%")),
    Gewoonte("getallen_als_tekst_in_personeel_en_producten", gewijzigd(
        Personeel=cellen({(2, "FTE"): "10,0", (3, "FTE"): "5,6", (2, "Schaal"): "8 ", (2, "Trede"): "5",
                          (4, "Schaal"): " 9", (5, "FTE"): "1.5"}),
        Producten=cellen({(2, "Plaatsen"): "16", (4, "Plaatsen"): " 20 "})), "referentie"),
    Gewoonte("productcodes_met_kleine_letters_en_spaties", gewijzigd(
        Personeel=cellen({(2, "Product"): "crisis", (3, "Product"): " CRISIS ", (11, "Product"): "Amb"}),
        Kosten=cellen({(2, "Product"): "Crisis ", (10, "Product"): "overhead"})), "referentie"),
    Gewoonte("totaalregel_onder_kosten", lambda: gewijzigd(Kosten=rij_erbij(["Totaal", None, None, _kosten_som()]))(),
             "referentie", ("Blad 'Kosten', rij 14", "totaalregel")),
    Gewoonte("somregel_zonder_product_onder_kosten", lambda: gewijzigd(
        Kosten=rij_erbij([None, None, None, _kosten_som()]))(), "referentie", ("Blad 'Kosten', rij 14",)),
    Gewoonte("subtotaalregel_in_personeel", gewijzigd(
        Personeel=voeg_rij_in(7, ["Subtotaal crisisopvang", "CRISIS", None, None, 19.5, None, None])),
        "referentie", ("Blad 'Personeel', rij 7", "totaalregel")),
    Gewoonte("jaarsalaris_in_maandsalaris", _salaris_als_getal(12 * 4_900), "waarschuwing",
             ("Blad 'Personeel', rij 6, kolom 'Maandsalaris'", "jaarsalaris")),
    Gewoonte("maandsalaris_als_nederlandse_tekst", _salaris_als_getal("€ 4.900,00"), "referentie",
             referentie=_salaris_als_getal(4900)),
    Gewoonte("opmerkingen_in_extra_kolommen", gewijzigd(
        Personeel=extra_kolom("Opmerking", ["vacature", "incl. slaapdienst"]),
        Producten=extra_kolom("Toelichting", ["24/7", "3 bedden"]),
        Kosten=extra_kolom("Notities", ["huurcontract 2025"])), "referentie"),
    Gewoonte("lege_rijen_tussendoor", gewijzigd(
        Producten=voeg_rij_in(4), Personeel=samen(voeg_rij_in(5), voeg_rij_in(5), voeg_rij_in(12)),
        Kosten=voeg_rij_in(3)), "referentie"),
    Gewoonte("titelrij_boven_de_koppen", gewijzigd(
        Producten=voeg_rij_in(1, ["Producten en tarieven 2026 — Stichting Voorbeeldopvang"])), "fout",
        ("Blad 'Producten'", "rij 2")),
    Gewoonte("extra_blad", extra_blad("Notities", [["Overleg gemeente", "12-03"], ["Begroting", 1234]]), "referentie"),
    Gewoonte("formule_van_openpyxl_zonder_uitkomst", gewijzigd(
        Kosten=cellen({(2, "Bedrag"): "=180000+5000", (5, "Bedrag"): "=SUM(14000,14000)"}),
        Producten=cellen({(2, "Plaatsen"): "=8*2"})), "referentie"),
    Gewoonte("formule_opgeslagen_door_libreoffice", met_libreoffice(gewijzigd(
        Kosten=cellen({(2, "Bedrag"): "=180000+5000", (5, "Bedrag"): "=SUM(14000,14000)"}),
        Producten=cellen({(2, "Plaatsen"): "=8*2"}))), "referentie", libreoffice=True),
    Gewoonte("excel_maakte_een_datum_van_fte", gewijzigd(Personeel=cellen({(5, "FTE"): dt.datetime(2026, 5, 1)})),
             "fout", ("Blad 'Personeel', rij 5, kolom 'FTE'", "datum")),
    Gewoonte("subtotaal_in_omschrijving", gewijzigd(Kosten=voeg_rij_in(
        8, ["VERVOLG", "huisvesting", "Subtotaal vervolgopvang", 240_000])),  # 216.000 + 24.000 (rij 6 en 7)
        "referentie", ("Blad 'Kosten', rij 8, kolom 'Omschrijving'", "subtotaal")),
    Gewoonte("omschrijving_totaal_die_geen_som_is", gewijzigd(Kosten=rij_erbij(
        ["OVERHEAD", "overig", "Totaal schoonmaak locatie B", 5_000])), "waarschuwing",
        ("Blad 'Kosten', rij 14, kolom 'Omschrijving'", "telt mee")),
    Gewoonte("uurloon_in_maandsalaris", _salaris_als_getal("28,50"), "waarschuwing",
             ("Blad 'Personeel', rij 6, kolom 'Maandsalaris'", "uurloon")),
    Gewoonte("verborgen_rij", gewijzigd(Kosten=verberg(rij=3)), "referentie", ("Blad 'Kosten', rij 3", "verborgen")),
    Gewoonte("verborgen_kolom", gewijzigd(Personeel=verberg(kolom="G")), "referentie",
             ("Blad 'Personeel', rij 1, kolom 'ORT'", "verborgen")),
    Gewoonte("procent_in_geldkolom", gewijzigd(Producten=cellen({(2, "Gemeentetarief"): "5%"})), "fout",
             ("Blad 'Producten', rij 2, kolom 'Gemeentetarief'", "percentage")),
    Gewoonte("fte_als_procent", gewijzigd(Personeel=cellen({(6, "FTE"): "40%"})), "referentie"),  # voorbeeld: 0,4
    Gewoonte("synoniem_met_eenheid", gewijzigd(Personeel=koppen(Maandsalaris="Bruto maandsalaris (€)", FTE="Aantal FTE"),
                                               Kosten=koppen(Bedrag="Jaarbedrag (€)")), "referentie"),
    Gewoonte("bedragen_in_duizenden", gewijzigd(Kosten=koppen(Bedrag="Bedrag (x € 1.000)")), "fout",
             ("Blad 'Kosten', rij 1, kolom 'Bedrag'", "duizenden")),
    Gewoonte("bedrag_per_maand", gewijzigd(Kosten=koppen(Bedrag="Bedrag (€ per maand)")), "fout",
             ("Blad 'Kosten', rij 1, kolom 'Bedrag'", "per jaar")),
    Gewoonte("jaartal_in_de_kop", gewijzigd(Producten=koppen(Gemeentetarief="Gemeentetarief 2026")), "waarschuwing",
             ("Blad 'Producten', rij 1, kolom 'Gemeentetarief 2026'", "bedoelt u 'Gemeentetarief'")),
    # --- landelijk ---
    Gewoonte("capaciteit_verblijfsduur_met_eenheid", gewijzigd_bladen("landelijk", {"Capaciteit": koppen(
        Gemiddelde_verblijfsduur="Gemiddelde verblijfsduur (dagen)", Plaatsen="Aantal plaatsen")}),
        "referentie", soort="landelijk"),
    Gewoonte("aandeel_verlies_als_procent", _aandeel_verlies("33%"), "referentie", soort="landelijk",
             referentie=_aandeel_verlies(0.33)),
    Gewoonte("landelijk_getallen_als_tekst", gewijzigd_bladen("landelijk", {
        "Regio's": cellen({(2, "Inwoners"): "420.000", (2, "Historisch budget"): "€ 2.281.000,-"}),
        "Maatstaven": cellen({(2, "Aandeel"): "60%", (3, "Aandeel"): "0,4"})}), "referentie", soort="landelijk"),
    Gewoonte("capaciteit_verblijfsduur_in_weken", gewijzigd_bladen("landelijk", {"Capaciteit": koppen(
        Gemiddelde_verblijfsduur="Gemiddelde verblijfsduur (weken)")}), "fout",
        ("Blad 'Capaciteit', rij 1, kolom 'Gemiddelde verblijfsduur'", "weken"), soort="landelijk"),
    Gewoonte("aandeel_verlies_kaal_33", _aandeel_verlies(33), "fout",
             ("Blad 'Overgang', rij 3, kolom 'Aandeel verlies'", "33%"), soort="landelijk"),
    Gewoonte("maatstaf_aandelen_als_kale_procenten", gewijzigd_bladen("landelijk", {
        "Maatstaven": cellen({(2, "Aandeel"): 60, (3, "Aandeel"): 40})}), "fout",
        ("Blad 'Maatstaven', rij 2, kolom 'Aandeel'", "60%"), soort="landelijk"),
    Gewoonte("procent_als_budget", gewijzigd_bladen("landelijk", {"Regio's": cellen({(2, "Historisch budget"): "5%"})}),
             "fout", ("Blad 'Regio's', rij 2, kolom 'Historisch budget'", "percentage"), soort="landelijk"),
]
GEWOONTES.append(Gewoonte(
    "fractie_getypt_in_procentcel", gewijzigd(Producten=cellen({(2, "Werkelijke bezetting"): "0,95%"})), "waarschuwing",
    ("Blad 'Producten', rij 2, kolom 'Werkelijke bezetting'", "bedoelt u 95%?")))
