"""Een corpus van kapotte en kwaadaardige werkboeken, ter plekke gemaakt (issue 6).

Niets staat als bestand in de repository: elk geval wordt opgebouwd met tariefmodel.werkboek.schrijven
(via tests.hulp.werkboeken), openpyxl (echte foutcellen, datums, ja/nee) of zipfile (bommen, macro's,
kapotte zip). Een ``Geval`` zegt welke tekst de melding moet bevatten: blad, rij en kolom waar dat kan.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import struct
import zipfile
from dataclasses import dataclass, field

import openpyxl

from tests.hulp.werkboeken import maak_kostprijswerkboek

BASIS = {
    "uitgangspunten": {"organisatie": "Corpus", "rekenjaar": 2026},
    "producten": [["OPV", "Opvang", "opvang", "etmaal", 10, 0.9, None, None, 250],
                  ["AMB", "Ambulant", "ambulant", "uur", None, None, None, None, 75],
                  ["TRJ", "Nazorg", "ambulant", "traject", None, None, 40, 30, 2500]],
    "personeel": [["Begeleider", "OPV", 8, 5, 6, None, 0.1],
                  ["Hulpverlener", "AMB", 8, 5, 2, None, 0],
                  ["Trajectbegeleider", "TRJ", None, None, 1, 3500, 0],
                  ["Teamleider", "OVERHEAD", 10, 5, 1, None, 0]],
    "kosten": [["OPV", "huisvesting", "Huur", 90000], ["OVERHEAD", "overig", "Kantoor", 40000]],
}


@dataclass(frozen=True)
class Geval:
    """Eén kapot werkboek en de tekstdelen die de melding moet bevatten."""

    naam: str
    data: bytes
    verwacht: tuple[str, ...]
    exit: int = 2
    opdrachten: tuple[str, ...] = field(default=("controleer", "bereken"))


# --- bouwstenen -----------------------------------------------------------------------------------

def basiswerkboek(**wijzig) -> bytes:
    """Het geldige basiswerkboek, met hele bladen vervangen (``producten=[...]``)."""
    werkboek = copy.deepcopy(BASIS)
    werkboek.update(wijzig)
    return maak_kostprijswerkboek(**werkboek)


def _opslaan(wb: openpyxl.Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def zet_cellen(data: bytes, cellen: dict[tuple[str, int, str], object]) -> bytes:
    """Zet cellen via openpyxl, adres = (blad, rij, kopnaam); echte datums, ja/nee en foutcellen."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    for (blad, rij, kolom), waarde in cellen.items():
        ws = wb[blad]
        kop = [c.value for c in ws[1]]
        ws.cell(row=rij, column=kop.index(kolom) + 1).value = waarde
    return _opslaan(wb)


def bewerk(data: bytes, functie) -> bytes:
    """Pas ``functie(wb)`` toe op het werkboek en geef de nieuwe bytes."""
    wb = openpyxl.load_workbook(io.BytesIO(data))
    functie(wb)
    return _opslaan(wb)


def herpak(data: bytes, vervang: dict[str, bytes | None] | None = None,
           extra: dict[str, bytes] | None = None, methode=zipfile.ZIP_DEFLATED) -> bytes:
    """Pak een xlsx opnieuw in: onderdelen vervangen (None = weglaten) en toevoegen."""
    vervang, extra = vervang or {}, extra or {}
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as bron, zipfile.ZipFile(uit, "w", methode) as doel:
        for info in bron.infolist():
            inhoud = vervang.get(info.filename, bron.read(info.filename))
            if inhoud is not None:
                doel.writestr(info.filename, inhoud)
        for naam, inhoud in extra.items():
            doel.writestr(naam, inhoud)
    return uit.getvalue()


def _patch_centrale_map(data: bytes, naam: str, offset: int, formaat: str, waarde: int) -> bytes:
    """Verander één veld van de centrale-mapregel van ``naam`` (offset binnen de regel)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        begin = zf.start_dir
    gevonden = data.find(b"PK\x01\x02", begin)
    while gevonden >= 0:
        lengte_naam, lengte_extra, lengte_commentaar = struct.unpack("<HHH", data[gevonden + 28:gevonden + 34])
        if data[gevonden + 46:gevonden + 46 + lengte_naam].decode() == naam:
            uit = bytearray(data)
            struct.pack_into(formaat, uit, gevonden + offset, waarde)
            return bytes(uit)
        gevonden = data.find(b"PK\x01\x02", gevonden + 46 + lengte_naam + lengte_extra + lengte_commentaar)
    raise KeyError(naam)


def zip_bom(megabytes: int = 20) -> bytes:
    """Een echte zip-bom: geldig werkboek plus een onderdeel van ``megabytes`` MB nullen (~1000:1)."""
    return herpak(basiswerkboek(), extra={"xl/media/image1.png": bytes(megabytes * 2**20)})


def liegende_zip(megabytes: int = 500) -> bytes:
    """Een zip waarvan de centrale map een onderdeel van ``megabytes`` MB belooft (ingepakt 1/5 daarvan,
    dus geen verdachte verhouding): alleen de controle op de uitgepakte grootte houdt dit tegen."""
    data = _patch_centrale_map(basiswerkboek(), "xl/worksheets/sheet1.xml", 24, "<I", megabytes * 2**20)
    return _patch_centrale_map(data, "xl/worksheets/sheet1.xml", 20, "<I", megabytes * 2**20 // 5)


def xml_bom(onderdeel: str = "xl/sharedStrings.xml", niveaus: int = 10) -> bytes:
    """'Billion laughs': geneste entiteiten die zonder defusedxml tot ~10^niveaus tekens uitdijen."""
    regels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, niveaus)]
    xml = ('<?xml version="1.0"?>\n<!DOCTYPE sst [\n' + "\n".join(regels) + "\n]>\n"
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           f"<si><t>&lol{niveaus - 1};</t></si></sst>")
    return herpak(basiswerkboek(), vervang={onderdeel: xml.encode()})


def xxe() -> bytes:
    """Een externe entiteit (XXE) die /etc/passwd in het werkboek zou lezen."""
    xml = ('<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           "<si><t>&xxe;</t></si></sst>")
    return herpak(basiswerkboek(), vervang={"xl/sharedStrings.xml": xml.encode()})


def veel_onderdelen(aantal: int = 1500) -> bytes:
    return herpak(basiswerkboek(), extra={f"xl/media/image{i}.png": b"x" for i in range(aantal)})


def kapotte_gegevens() -> bytes:
    """Centrale map intact, maar de ingepakte bytes van een werkblad zijn overschreven."""
    data = bytearray(basiswerkboek())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/worksheets/sheet2.xml")
    lengte_naam, lengte_extra = struct.unpack("<HH", data[info.header_offset + 26:info.header_offset + 30])
    begin = info.header_offset + 30 + lengte_naam + lengte_extra
    data[begin + 10:begin + 60] = b"\xff" * 50
    return bytes(data)


def met_content_type(data: bytes, oud: str, nieuw: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        tekst = zf.read("[Content_Types].xml").decode()
    return herpak(data, vervang={"[Content_Types].xml": tekst.replace(oud, nieuw).encode()})


def _zip(onderdelen: dict[str, bytes]) -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zf:
        for naam, inhoud in onderdelen.items():
            zf.writestr(naam, inhoud)
    return uit.getvalue()


# --- het corpus -----------------------------------------------------------------------------------

def bestandsgevallen() -> list[Geval]:
    """Wat vóór het parsen geweigerd moet worden (veiligheid.py) of openpyxl niet kan lezen."""
    goed = basiswerkboek()
    g = Geval
    return [
        g("leeg", b"", ("het bestand is leeg",)),
        g("csv", b"Code;Naam;Soort\nOPV;Opvang;opvang\n", ("tekstbestand (bijvoorbeeld CSV)",)),
        g("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ("PDF-bestand",)),
        g("xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), ("oud Excel-bestand (.xls)",)),
        g("html", b"<html><body><table><tr><td>1</td></tr></table></body></html>", ("HTML-bestand",)),
        g("afgebroken", goed[: len(goed) // 2], ("beschadigd of onvolledig",)),
        g("zonder_staart", goed[:-10], ("beschadigd of onvolledig",)),
        g("kapotte_gegevens", kapotte_gegevens(), ("beschadigd",)),
        g("ods", _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"}),
          ("OpenDocument-bestand (.ods)",)),
        g("docx", _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), ("Word-document",)),
        g("gewone_zip", _zip({"notities.txt": b"hallo"}), ("een zip-bestand, geen Excel-werkboek",)),
        g("macro_vba", herpak(goed, extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0"}), ("macro's",)),
        g("macro_xlsm_type", met_content_type(goed, "sheet.main+xml", "sheet.macroEnabled.main+xml"),
          ("macro's",)),
        g("macro_excel4", herpak(goed, extra={"xl/macrosheets/sheet1.xml": b"<x/>"}), ("macro's",)),
        g("xlsb", herpak(goed, extra={"xl/workbook.bin": b"\x00"}), (".xlsb",)),
        g("externe_koppeling", herpak(goed, extra={"xl/externalLinks/externalLink1.xml": b"<x/>"}),
          ("externe verwijzingen",)),
        g("te_veel_onderdelen", veel_onderdelen(), ("onderdelen (grens",)),
        g("zip_bom", zip_bom(), ("zip-bom",)),
        g("liegende_grootte", liegende_zip(), ("uitgepakt is het werkboek",)),
        g("xml_bom", xml_bom(), ("XML-bom",)),
        g("xml_bom_werkblad", xml_bom("xl/worksheets/sheet1.xml"), ("XML-bom",)),
        g("xxe", xxe(), ("externe bestanden",)),
        g("versleuteld", _patch_centrale_map(goed, "xl/worksheets/sheet1.xml", 8, "<H", 1), ("versleuteld",)),
        g("deflate64", _patch_centrale_map(goed, "xl/worksheets/sheet1.xml", 10, "<H", 9), ("compressiemethode",)),
        g("ongeldige_xml", herpak(goed, vervang={"xl/workbook.xml": b"<workbook><sheets>"}),
          ("kan niet als Excel-werkboek (.xlsx) worden gelezen",)),
        g("zonder_workbook_xml", herpak(goed, vervang={"xl/workbook.xml": None}),
          ("kan niet als Excel-werkboek (.xlsx) worden gelezen",)),
    ]


def _zonder_kolom(blad: str, kolom: str):
    def functie(wb):
        ws = wb[blad]
        for cel in ws[1]:
            if cel.value == kolom:
                ws.delete_cols(cel.column)
                return
    return functie


def _titelregel(wb):
    wb["Producten"].insert_rows(1)
    wb["Producten"]["A1"] = "Producten van Stichting Corpus"


def _zonder_blad(naam: str):
    def functie(wb):
        del wb[naam]
    return functie


def _verspreide_cel(wb):
    """Eén cel op de laatste rij en één in de laatste kolom: het blad is 1.048.576 x 16.384 groot."""
    wb["Kosten"]["A1048576"] = "verdwaald"
    wb["Kosten"]["XFD1"] = " "


def inhoudsgevallen() -> list[Geval]:
    """Werkboeken die wel te openen zijn maar fouten bevatten: melding met blad, rij en kolom."""
    goed = basiswerkboek()
    pers, prod, kost = BASIS["personeel"], BASIS["producten"], BASIS["kosten"]
    g = Geval
    zet = zet_cellen
    return [
        # bladen en kolommen
        g("blad_ontbreekt", bewerk(goed, _zonder_blad("Producten")),
          ("Blad 'Producten': blad ontbreekt (aanwezige bladen: 'Uitgangspunten', 'Personeel'",)),
        g("kolom_ontbreekt", bewerk(goed, _zonder_kolom("Personeel", "FTE")),
          ("Blad 'Personeel', rij 1, kolom 'FTE': verplichte kolom ontbreekt", "verwachte kolommen: 'Functie'")),
        g("kop_niet_op_rij_1", bewerk(goed, _titelregel),
          ("Blad 'Producten', rij 1, kolom 'Code': verplichte kolom ontbreekt",)),
        g("kolom_dubbel", zet(goed, {("Kosten", 1, "Omschrijving"): "Bedrag"}),
          ("Blad 'Kosten', rij 1, kolom 'Bedrag': kolom staat twee keer in de kopregel",)),
        # verkeerde soorten waarden
        g("tekst_in_getal", zet(goed, {("Personeel", 3, "FTE"): "twee"}),
          ("Blad 'Personeel', rij 3, kolom 'FTE': 'twee' is geen getal",)),
        g("datum_in_getal", zet(goed, {("Kosten", 2, "Bedrag"): dt.datetime(2026, 1, 1)}),
          ("Blad 'Kosten', rij 2, kolom 'Bedrag': verwacht een getal, maar de cel bevat een datum",)),
        g("ja_nee_in_getal", zet(goed, {("Producten", 2, "Plaatsen"): True}),
          ("Blad 'Producten', rij 2, kolom 'Plaatsen': verwacht een getal, maar de cel bevat een ja/nee-waarde",)),
        g("datum_als_rekenjaar", zet(goed, {("Uitgangspunten", 3, "Waarde"): dt.datetime(2026, 7, 1)}),
          ("Blad 'Uitgangspunten', rij 3, kolom 'Waarde': rekenjaar: verwacht een getal, maar de cel bevat een datum",)),
        # Excel-foutcellen (echte foutcellen, t="e")
        g("div0_in_bedrag", zet(goed, {("Kosten", 3, "Bedrag"): "#DIV/0!"}),
          ("Blad 'Kosten', rij 3, kolom 'Bedrag': de cel bevat de Excel-fout #DIV/0!",)),
        g("ref_in_code", zet(goed, {("Producten", 3, "Code"): "#REF!"}),
          ("Blad 'Producten', rij 3, kolom 'Code': de cel bevat de Excel-fout #REF!",)),
        g("na_in_soort", zet(goed, {("Producten", 2, "Soort"): "#N/A"}),
          ("Blad 'Producten', rij 2, kolom 'Soort': de cel bevat de Excel-fout #N/A",)),
        g("na_in_parameter", zet(goed, {("Uitgangspunten", 2, "Waarde"): "#N/A"}),
          ("Blad 'Uitgangspunten', rij 2, kolom 'Waarde': organisatie: de cel bevat de Excel-fout #N/A",)),
        g("ref_in_product", zet(goed, {("Personeel", 2, "Product"): "#REF!"}),
          ("Blad 'Personeel', rij 2, kolom 'Product': de cel bevat de Excel-fout #REF!",)),
        g("value_in_schaal", zet(goed, {("Personeel", 2, "Schaal"): "#VALUE!"}),
          ("Blad 'Personeel', rij 2, kolom 'Schaal': de cel bevat de Excel-fout #VALUE!",)),
        # negatief en buiten bereik
        g("negatieve_fte", zet(goed, {("Personeel", 2, "FTE"): -2}),
          ("Blad 'Personeel', rij 2, kolom 'FTE': moet 0 of groter zijn",)),
        g("negatief_bedrag", zet(goed, {("Kosten", 2, "Bedrag"): "-1.000,00"}),
          ("Blad 'Kosten', rij 2, kolom 'Bedrag': moet 0 of groter zijn",)),
        g("ort_boven_1", zet(goed, {("Personeel", 2, "ORT"): 1.5}),
          ("Blad 'Personeel', rij 2, kolom 'ORT': mag niet groter zijn dan 1",)),
        g("bezetting_als_geheel_getal", zet(goed, {("Producten", 2, "Werkelijke bezetting"): 95}),
          ("Blad 'Producten', rij 2, kolom 'Werkelijke bezetting':", "95%")),
        g("absurd_groot_bedrag", zet(goed, {("Kosten", 2, "Bedrag"): 1e300}),
          ("Blad 'Kosten', rij 2, kolom 'Bedrag':", "onrealistisch groot")),
        g("nan_als_tekst", zet(goed, {("Kosten", 2, "Bedrag"): "NaN"}),
          ("Blad 'Kosten', rij 2, kolom 'Bedrag':",)),
        # onbekende en dubbele codes
        g("onbekende_code_personeel", basiswerkboek(personeel=pers + [["X", "XYZ", 8, 5, 1, None, 0]]),
          ("Blad 'Personeel', rij 6, kolom 'Product': onbekende productcode 'XYZ'",)),
        g("onbekende_code_kosten", basiswerkboek(kosten=kost + [["ABC", "overig", "x", 10]]),
          ("Blad 'Kosten', rij 4, kolom 'Product': onbekende productcode 'ABC'",)),
        g("dubbele_code", basiswerkboek(producten=prod + [["opv", "Dubbel", "opvang", "etmaal", 5]]),
          ("Blad 'Producten', rij 5, kolom 'Code': productcode 'OPV' komt twee keer voor (ook rij 2)",)),
        g("overhead_als_code", basiswerkboek(producten=prod + [["OVERHEAD", "Staf", "opvang", "etmaal", 1]]),
          ("Blad 'Producten', rij 5, kolom 'Code': 'OVERHEAD' is gereserveerd",)),
        g("onbekende_soort", basiswerkboek(producten=[["OPV", "Opvang", "crisis", "etmaal", 10], *prod[1:]]),
          ("Blad 'Producten', rij 2, kolom 'Soort': 'crisis' is niet toegestaan; kies uit 'opvang' of 'ambulant'",)),
        g("dubbele_salaristrede", basiswerkboek(salaristabel=[[8, 5, 3500], [8, 5, 3600]]),
          ("Blad 'Salaristabel', rij 3, kolom 'Trede': schaal 8 trede 5 staat twee keer in de salaristabel",)),
        g("onbekende_trede", basiswerkboek(personeel=pers + [["Y", "OPV", 8, 99, 1, None, 0]]),
          ("Blad 'Personeel', rij 6, kolom 'Trede': schaal 8 trede 99 staat niet in de salaristabel",)),
        g("geen_salaris", basiswerkboek(personeel=pers + [["Y", "OPV", None, None, 1, None, 0]]),
          ("Blad 'Personeel', rij 6, kolom 'Schaal': vul Maandsalaris in, of Schaal en Trede",)),
        # producten die niet te berekenen zijn
        g("opvang_zonder_plaatsen", basiswerkboek(producten=[["OPV", "Opvang", "opvang", "etmaal", 0], *prod[1:]]),
          ("Blad 'Producten', rij 2, kolom 'Plaatsen': een opvangproduct heeft plaatsen nodig",)),
        g("ambulant_zonder_personeel", basiswerkboek(personeel=[r for r in pers if r[1] != "AMB"]),
          ("Blad 'Producten', rij 3, kolom 'Code': ambulant product 'AMB' heeft geen personeel",)),
        g("traject_zonder_uren", basiswerkboek(producten=[*prod[:2], ["TRJ", "N", "ambulant", "traject", None,
                                                                      None, None, 30]]),
          ("Blad 'Producten', rij 4, kolom 'Uren per traject': een trajectproduct heeft 'Uren per traject' nodig",)),
        g("opvang_zonder_kosten", basiswerkboek(producten=prod + [["LEEG", "Leeg", "opvang", "etmaal", 4]]),
          ("Blad 'Producten', rij 5, kolom 'Code': opvangproduct 'LEEG' heeft geen personeel en geen kosten",)),
        g("opvang_met_eenheid_uur", basiswerkboek(producten=[["OPV", "Opvang", "opvang", "uur", 10], *prod[1:]]),
          ("Blad 'Producten', rij 2, kolom 'Eenheid': een opvangproduct heeft eenheid 'etmaal'",)),
        g("geen_producten", basiswerkboek(producten=[], personeel=[], kosten=[]),
          ("Blad 'Producten', rij 2, kolom 'Code': er staat geen enkel product in het blad",)),
        # parameters
        g("onbekende_parameter", basiswerkboek(uitgangspunten={**BASIS["uitgangspunten"], "bezetingsnorm": 0.9}),
          ("kolom 'Parameter': onbekende parameter 'bezetingsnorm'",)),
        g("onmogelijke_bezettingsnorm", basiswerkboek(uitgangspunten={**BASIS["uitgangspunten"],
                                                                      "bezettingsnorm": 1.2}),
          ("kolom 'Waarde': bezettingsnorm: mag niet groter zijn dan 1",)),
        g("verzuim_100_procent", basiswerkboek(uitgangspunten={**BASIS["uitgangspunten"], "verzuim": "100%"}),
          ("Blad 'Uitgangspunten'", "kolom 'Waarde'", "inzetbare uren")),
        g("ongeldige_methode", basiswerkboek(uitgangspunten={**BASIS["uitgangspunten"], "overhead_methode": "gok"}),
          ("kolom 'Waarde': overhead_methode: 'gok' is niet toegestaan",)),
        g("rekenjaar_ontbreekt", basiswerkboek(uitgangspunten={"organisatie": "Corpus"}),
          ("Blad 'Uitgangspunten', rij 3, kolom 'Waarde': parameter 'rekenjaar' ontbreekt",)),
        g("rekenjaar_als_tekst", zet(goed, {("Uitgangspunten", 3, "Waarde"): "volgend jaar"}),
          ("kolom 'Waarde': rekenjaar: 'volgend jaar' is geen getal",)),
        g("dubbele_parameter", zet(goed, {("Uitgangspunten", 5, "Parameter"): "rekenjaar"}),
          ("Blad 'Uitgangspunten', rij 5, kolom 'Parameter': parameter 'rekenjaar' staat twee keer",)),
        # alles in één keer, en geen gevolgfouten
        g("alle_fouten_tegelijk", zet(basiswerkboek(personeel=pers + [["A", "XYZ", 8, 5, 1, None, 0]]),
                                      {("Kosten", 2, "Bedrag"): "#REF!", ("Producten", 3, "Plaatsen"): -1,
                                       ("Uitgangspunten", 3, "Waarde"): "twintig"}),
          ("Blad 'Personeel', rij 6, kolom 'Product'", "Blad 'Kosten', rij 2, kolom 'Bedrag'",
           "Blad 'Producten', rij 3, kolom 'Plaatsen'", "Blad 'Uitgangspunten', rij 3, kolom 'Waarde'")),
        g("verdwaalde_cel_onderaan", bewerk(goed, _verspreide_cel),
          ("Blad 'Kosten', rij 1048576, kolom 'Kostensoort': verplichte waarde ontbreekt",)),
    ]


def waarschuwingsgevallen() -> list[Geval]:
    """Geldige werkboeken met waarschuwingen: exit 0, de waarschuwing wordt getoond."""
    pers = BASIS["personeel"]
    return [
        Geval("hoge_overhead", basiswerkboek(personeel=pers + [["Staf", "OVERHEAD", 11, 5, 8, None, 0]]),
              ("Waarschuwingen", "overheadpercentage", "ongebruikelijk hoog"), exit=0),
        Geval("overbezetting", zet_cellen(basiswerkboek(), {("Producten", 2, "Werkelijke bezetting"): 1.1}),
              ("Waarschuwingen", "Blad 'Producten', rij 2, kolom 'Werkelijke bezetting'", "meer dan 100%"), exit=0),
    ]


def gevolgfoutgevallen() -> list[tuple[Geval, tuple[str, ...]]]:
    """Gevallen met tekst die de melding juist NIET mag bevatten (gevolgfouten)."""
    prod = BASIS["producten"]
    ongeldig_product = basiswerkboek(producten=[["OPV", "Opvang", "opvang", "etmaal", "tien"], *prod[1:]])
    return [
        (Geval("ongeldig_product_geen_gevolgfouten", ongeldig_product,
               ("Blad 'Producten', rij 2, kolom 'Plaatsen'",)), ("onbekende productcode 'OPV'",)),
        (Geval("blad_producten_weg_geen_gevolgfouten", bewerk(basiswerkboek(), _zonder_blad("Producten")),
               ("blad ontbreekt",)), ("onbekende productcode",)),
    ]


# --- landelijk werkboek ---------------------------------------------------------------------------

def landelijke_gevallen() -> list[Geval]:
    """Kapotte landelijke werkboeken (werkboekformaat.md, 'Landelijk werkboek'), op basis van het
    handwerkboek van tests/hulp/landelijk.py; opdrachten 'landelijk' en 'controleer'."""
    from tests.hulp.landelijk import HANDWERKBOEK, REGIOKOLOMMEN, landelijk_bytes, met

    goed = landelijk_bytes()
    up = HANDWERKBOEK["Uitgangspunten"][1]
    zet = zet_cellen

    def g(naam, data, *verwacht):
        return Geval(naam, data, verwacht, opdrachten=("landelijk", "controleer"))

    return [
        g("l_blad_maatstaven_ontbreekt", landelijk_bytes(met("Maatstaven")),
          "Blad 'Maatstaven': blad ontbreekt (aanwezige bladen:"),
        g("l_kolom_inwoners_ontbreekt", landelijk_bytes(met("Regio's", [k if k != "Inwoners" else "Inw"
                                                                        for k in REGIOKOLOMMEN])),
          "Blad 'Regio's', rij 1, kolom 'Inwoners': verplichte kolom ontbreekt", "verwachte kolommen: 'Centrumgemeente'"),
        g("l_tekst_in_inwoners", zet(goed, {("Regio's", 2, "Inwoners"): "veel"}),
          "Blad 'Regio's', rij 2, kolom 'Inwoners': 'veel' is geen getal"),
        g("l_datum_in_budget", zet(goed, {("Overgang", 2, "Budget"): dt.datetime(2026, 1, 1)}),
          "Blad 'Overgang', rij 2, kolom 'Budget': verwacht een getal, maar de cel bevat een datum"),
        g("l_datum_als_jaar", zet(goed, {("Overgang", 2, "Jaar"): dt.datetime(2025, 1, 1)}),
          "Blad 'Overgang', rij 2, kolom 'Jaar': verwacht een getal, maar de cel bevat een datum"),
        g("l_ja_nee_in_plaatsen", zet(goed, {("Regio's", 3, "Plaatsen"): True}),
          "Blad 'Regio's', rij 3, kolom 'Plaatsen': verwacht een getal, maar de cel bevat een ja/nee-waarde"),
        g("l_div0_in_historisch", zet(goed, {("Regio's", 2, "Historisch budget"): "#DIV/0!"}),
          "Blad 'Regio's', rij 2, kolom 'Historisch budget': de cel bevat de Excel-fout #DIV/0!"),
        g("l_na_in_centrumgemeente", zet(goed, {("Regio's", 2, "Centrumgemeente"): "#N/A"}),
          "Blad 'Regio's', rij 2, kolom 'Centrumgemeente': de cel bevat de Excel-fout #N/A"),
        g("l_ref_in_maatstaf", zet(goed, {("Maatstaven", 2, "Maatstaf"): "#REF!"}),
          "Blad 'Maatstaven', rij 2, kolom 'Maatstaf': de cel bevat de Excel-fout #REF!"),
        g("l_negatief_budget", zet(goed, {("Overgang", 3, "Budget"): -5}),
          "Blad 'Overgang', rij 3, kolom 'Budget': moet groter zijn dan 0 (gevonden: -5)"),
        g("l_aandeel_objectief_buiten_bereik", zet(goed, {("Overgang", 3, "Aandeel objectief"): 1.5}),
          "Blad 'Overgang', rij 3, kolom 'Aandeel objectief': mag niet groter zijn dan 1 (gevonden: 1,5)"),
        g("l_aandelen_niet_100", zet(goed, {("Maatstaven", 2, "Aandeel"): 0.9}),
          "Blad 'Maatstaven', kolom 'Aandeel': de aandelen tellen op tot 1,3"),
        g("l_plaatsen_niet_geheel", zet(goed, {("Regio's", 2, "Plaatsen"): 10.5}),
          "Blad 'Regio's', rij 2, kolom 'Plaatsen': verwacht een geheel getal"),
        g("l_onbekende_centrumgemeente", zet(goed, {("DUVO", 2, "Centrumgemeente"): "Atlantis"}),
          "Blad 'DUVO', rij 2, kolom 'Centrumgemeente': onbekende centrumgemeente 'Atlantis'"),
        g("l_dubbele_regio", zet(goed, {("Regio's", 3, "Centrumgemeente"): "Groningen"}),
          "Blad 'Regio's', rij 3, kolom 'Centrumgemeente': centrumgemeente 'Groningen' staat twee keer"),
        g("l_dubbel_jaar", zet(goed, {("Overgang", 3, "Jaar"): 2025}),
          "Blad 'Overgang', rij 3, kolom 'Jaar': jaar 2025 staat twee keer in het blad (ook rij 2)"),
        g("l_negatieve_plaatsingen", zet(goed, {("Plaatsingen", 2, "Aantal"): -3}),
          "Blad 'Plaatsingen', rij 2, kolom 'Aantal': moet 0 of groter zijn (gevonden: -3)"),
        g("l_onbekende_parameter", landelijk_bytes(met("Uitgangspunten", None, up + [["bezetingsnorm", 0.9]])),
          "Blad 'Uitgangspunten', rij 6, kolom 'Parameter': onbekende parameter 'bezetingsnorm'"),
        g("l_onmogelijke_bezettingsnorm", landelijk_bytes(met("Uitgangspunten", None, up + [["bezettingsnorm", 2]])),
          "Blad 'Uitgangspunten', rij 6, kolom 'Waarde': bezettingsnorm: mag niet groter zijn dan 1"),
        g("l_kosten_per_plaats_nul", landelijk_bytes(met("Uitgangspunten", None, [["rekenjaar", 2027],
                                                                                  ["kosten_per_plaats", 0]])),
          "Blad 'Uitgangspunten', rij 3, kolom 'Waarde': kosten_per_plaats: moet minstens"),
        g("l_maatstaf_telt_op_tot_nul", zet(goed, {("Regio's", r, "Meldingen"): 0 for r in (2, 3, 4)}),
          "Blad 'Maatstaven', rij 3, kolom 'Maatstaf': de kolom 'Meldingen' in Regio's telt op tot 0"),
        g("l_geen_regios", landelijk_bytes(met("Regio's", None, [])),
          "Blad 'Regio's', rij 2, kolom 'Centrumgemeente': geen regio's ingevuld"),
        g("l_absurd_groot_budget", zet(goed, {("Overgang", 2, "Budget"): 1e15}),
          "Blad 'Overgang', rij 2, kolom 'Budget': het getal is onrealistisch groot"),
    ]


def landelijke_hanggevallen() -> list[Geval]:
    """Geldig volgens de intake, maar het landelijk model rekent er minuten aan (Erlang-B-lussen over
    plaatsen en over de last). Bekend probleem, gemeld bij issue 6; de tests draaien ze niet."""
    from tests.hulp.landelijk import landelijk_bytes

    goed = landelijk_bytes()
    return [
        Geval("l_miljard_plaatsen", zet_cellen(goed, {("Regio's", 2, "Plaatsen"): 10**9}),
              ("Blad 'Regio's', rij 2, kolom 'Plaatsen'",), opdrachten=("landelijk",)),
        Geval("l_enorme_last", zet_cellen(goed, {("Regio's", 2, "Cliënten per jaar"): 10**7,
                                                 ("Regio's", 2, "Gemiddelde verblijfsduur"): 10**4}),
              ("Blad 'Regio's', rij 2, kolom 'Cliënten per jaar'",), opdrachten=("landelijk",)),
    ]
