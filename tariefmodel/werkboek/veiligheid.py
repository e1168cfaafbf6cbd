"""Controles op het bestand vóór het parsen (architectuur.md: 'Check the zip before opening').

Alles komt uit de eindrecord en de centrale map van het zip-bestand: er wordt niets uitgepakt behalve
het kleine ``[Content_Types].xml`` (na de groottecontroles), dus een zip-bom kost geen tijd of geheugen.
Geweigerd worden: bestanden die geen xlsx zijn (.xls, .csv, .pdf, .ods, Word, afgebroken of kapotte
zip), macro's (``xl/vbaProject.bin``, .xlsm/.xlsb, Excel 4-macrobladen), externe koppelingen
(``xl/externalLinks/``), gegevensverbindingen (``xl/connections.xml``, query-tabellen), ingesloten objecten
(``xl/embeddings/``, ActiveX), Strict OOXML (één duidelijke melding), versleutelde onderdelen, te veel onderdelen, te veel uitgepakte bytes en een
verdachte compressieverhouding. XML-entiteitaanvallen (XML-bom, XXE) houdt defusedxml tegen: openpyxl
gebruikt het zodra het geïnstalleerd is; dat wordt hieronder bij het importeren afgedwongen.
"""

from __future__ import annotations

import io
import struct
import zipfile

import openpyxl.xml

from tariefmodel.meldingen import WerkboekFout

if not openpyxl.xml.DEFUSEDXML:  # expliciet i.p.v. assert: blijft werken onder python -O
    raise ImportError(
        "defusedxml is niet actief voor openpyxl (openpyxl.xml.DEFUSEDXML is False): werkboeken zouden "
        "dan XML-bommen kunnen bevatten. Installeer defusedxml en zet OPENPYXL_DEFUSEDXML niet op False."
    )

# Grenzen (instellingen van de intake, geen rekenparameters). Een kostprijswerkboek is ca. 15 kB met
# 15 onderdelen en ca. 40 kB uitgepakte XML; de grenzen laten ruim honderd keer zoveel toe.
MAX_BESTANDSGROOTTE = 20 * 2**20  # bytes op schijf; groter is geen invulwerkboek meer
MAX_ONDERDELEN = 1000  # onderdelen (bestanden) in de zip; een gewoon werkboek heeft er 10 à 50
MAX_CENTRALE_MAP = 1 * 2**20  # bytes centrale map; begrenst het inlezen van de inhoudsopgave zelf
MAX_UITGEPAKT = 100 * 2**20  # uitgepakte bytes van alle onderdelen samen (ook afbeeldingen)
MAX_UITGEPAKT_XML = 10 * 2**20  # uitgepakte XML die openpyxl parst (≈ 6 s en 250 MB geheugen)
MAX_VERHOUDING = 100  # uitgepakt / ingepakt per onderdeel; gewone XML haalt 2 à 20, een zip-bom ~1000
VERHOUDING_VANAF = 1 * 2**20  # kleinere onderdelen mogen elke verhouding hebben (bijv. lege bladen)
MAX_CONTENT_TYPES = 256 * 2**10  # [Content_Types].xml is ~2 kB; alleen dit onderdeel wordt gelezen

_OPNIEUW_OPSLAAN = "open het in Excel en kies 'Opslaan als' > 'Excel-werkmap (*.xlsx)'"
_HANDTEKENINGEN = (  # begin van het bestand -> wat het (waarschijnlijk) is en wat te doen
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "dit is een oud Excel-bestand (.xls) of een werkboek met een "
     "wachtwoord; verwijder een eventueel wachtwoord, " + _OPNIEUW_OPSLAAN),
    (b"%PDF", "dit is een PDF-bestand, geen Excel-werkboek; vraag het ingevulde Excel-werkboek (.xlsx) op"),
    (b"{\\rtf", "dit is een RTF-tekstdocument, geen Excel-werkboek; vraag het ingevulde Excel-werkboek (.xlsx) op"),
)
_MACRO_NAMEN = ("vbaproject.bin", "vbaprojectsignature.bin", "xl/macrosheets/", "xl/dialogsheets/")


def controleer_bestand(data: bytes) -> None:
    """Weiger met een Nederlandse melding wat geen veilig xlsx-werkboek is (zie moduletekst)."""
    if not data:
        raise WerkboekFout.enkel("het bestand is leeg (0 bytes); sla het werkboek opnieuw op en probeer het nog eens")
    if len(data) > MAX_BESTANDSGROOTTE:
        raise _fout(f"het bestand is {_mb(len(data))}; de grens is {_mb(MAX_BESTANDSGROOTTE)}. Een invulwerkboek "
                    "is veel kleiner: verwijder afbeeldingen en bladen die niet nodig zijn")
    if not data.startswith(b"PK\x03\x04"):
        raise _fout(_soort(data))
    _controleer_centrale_map(data)
    with _open_zip(data) as zf:
        onderdelen = zf.infolist()
        _controleer_onderdelen(onderdelen)
        _controleer_soort(zf, {o.filename.lower() for o in onderdelen})


def _fout(bericht: str) -> WerkboekFout:
    return WerkboekFout.enkel(f"het bestand wordt niet geopend: {bericht}")


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB".replace(".", ",")


def _soort(data: bytes) -> str:
    """Wat het bestand lijkt te zijn en wat de gebruiker kan doen."""
    for begin, uitleg in _HANDTEKENINGEN:
        if data.startswith(begin):
            return uitleg
    kop = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kop.startswith(b"<"):
        soort = "een XML- of HTML-bestand (bijvoorbeeld 'XML-spreadsheet 2003' of een webpagina)"
    elif b"\x00" not in kop:
        soort = "een tekstbestand (bijvoorbeeld CSV)"
    else:
        soort = "een onbekend bestandstype"
    return f"dit is {soort}, geen Excel-werkboek (.xlsx); {_OPNIEUW_OPSLAAN}"


def _controleer_centrale_map(data: bytes) -> None:
    """Aantal onderdelen en grootte van de centrale map uit de eindrecord, vóór zipfile alles inleest."""
    staart = data[-(0xFFFF + 22):]
    plek = staart.rfind(b"PK\x05\x06")
    if plek < 0 or len(staart) - plek < 22:
        raise _beschadigd()
    aantal, grootte = struct.unpack("<10xHI6x", staart[plek:plek + 22])[0:2]
    if aantal > MAX_ONDERDELEN or grootte > MAX_CENTRALE_MAP:
        raise _te_veel(aantal)


def _beschadigd() -> WerkboekFout:
    return _fout("het zip-bestand is beschadigd of onvolledig (bijvoorbeeld half gedownload of afgebroken bij "
                 "het opslaan); vraag het werkboek opnieuw op of sla het in Excel opnieuw op")


def _te_veel(aantal: int) -> WerkboekFout:
    return _fout(f"het werkboek bestaat uit {aantal} onderdelen (grens {MAX_ONDERDELEN}); dat past niet bij een "
                 "invulwerkboek en kan een zip-bom zijn. Kopieer de gegevens naar een nieuw werkboek")


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, struct.error, EOFError):
        raise _beschadigd() from None


def _controleer_onderdelen(onderdelen: list[zipfile.ZipInfo]) -> None:
    """Aantal, dubbele namen, versleuteling, compressiemethode, uitgepakte grootte en verhouding."""
    if len(onderdelen) > MAX_ONDERDELEN:
        raise _te_veel(len(onderdelen))
    namen = [o.filename.lower() for o in onderdelen]
    if len(set(namen)) != len(namen):
        raise _fout("het zip-bestand bevat onderdelen met dezelfde naam (beschadigd of gemanipuleerd); "
                    + _OPNIEUW_OPSLAAN)
    for o in onderdelen:
        _controleer_onderdeel(o)
    totaal = sum(o.file_size for o in onderdelen)
    xml = sum(o.file_size for o in onderdelen if o.filename.lower().endswith((".xml", ".rels", ".vml")))
    if totaal > MAX_UITGEPAKT or xml > MAX_UITGEPAKT_XML:
        raise _fout(f"uitgepakt is het werkboek {_mb(totaal)} (waarvan {_mb(xml)} werkbladgegevens); de grenzen "
                    f"zijn {_mb(MAX_UITGEPAKT)} en {_mb(MAX_UITGEPAKT_XML)}. Verwijder bladen, afbeeldingen of "
                    "regels die niet nodig zijn")


def _controleer_onderdeel(o: zipfile.ZipInfo) -> None:
    if o.flag_bits & 0x1:
        raise _fout(f"onderdeel '{o.filename}' is versleuteld; verwijder het wachtwoord en sla opnieuw op")
    if o.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise _fout(f"onderdeel '{o.filename}' gebruikt een compressiemethode die Excel niet gebruikt; "
                    + _OPNIEUW_OPSLAAN)
    if o.file_size > VERHOUDING_VANAF and o.file_size > MAX_VERHOUDING * max(o.compress_size, 1):
        verhouding = o.file_size // max(o.compress_size, 1)
        raise _fout(f"onderdeel '{o.filename}' pakt uit tot {verhouding} keer zijn ingepakte grootte (grens "
                    f"{MAX_VERHOUDING}); dat is kenmerkend voor een zip-bom. Gebruik het oorspronkelijke werkboek")


def _controleer_soort(zf: zipfile.ZipFile, namen: set[str]) -> None:
    """Is het een Excel-werkboek zonder macro's en externe koppelingen?"""
    if "[content_types].xml" not in namen:
        soort = "een OpenDocument-bestand (.ods)" if "mimetype" in namen else "een zip-bestand"
        raise _fout(f"dit is {soort}, geen Excel-werkboek (.xlsx); {_OPNIEUW_OPSLAAN}")
    if not any(n.startswith("xl/") for n in namen):
        soort = "Word-document" if any(n.startswith("word/") for n in namen) else "Office-bestand"
        raise _fout(f"dit is een {soort}, geen Excel-werkboek (.xlsx)")
    if "xl/workbook.bin" in namen:
        raise _fout(f"dit is een binair Excel-werkboek (.xlsb); {_OPNIEUW_OPSLAAN}")
    macro = "het werkboek bevat macro's (.xlsm); om veiligheidsredenen worden macro's niet geopend. Sla het " \
            "in Excel op als 'Excel-werkmap (*.xlsx)' (zonder macro's)"
    if any(n.endswith(_MACRO_NAMEN) or n.startswith(_MACRO_NAMEN) for n in namen):
        raise _fout(macro)
    if any(n.startswith("xl/externallinks/") for n in namen):
        raise _fout("het werkboek bevat koppelingen naar andere bestanden (externe verwijzingen); die waarden "
                    "zijn hier niet te controleren. Kies in Excel 'Gegevens' > 'Koppelingen bewerken' > "
                    "'Koppeling verbreken' en sla opnieuw op")
    if any(n == "xl/connections.xml" or n.startswith("xl/querytables/") for n in namen):
        raise _fout("het werkboek bevat gegevensverbindingen (naar een database, website of ander bestand); "
                    "die waarden zijn hier niet te controleren en worden niet bijgewerkt. Kies in Excel "
                    "'Gegevens' > 'Query's en verbindingen', verwijder de verbindingen en sla opnieuw op")
    if any(n.startswith(("xl/embeddings/", "xl/activex/")) for n in namen):
        raise _fout("het werkboek bevat ingesloten objecten (bijvoorbeeld een Word-document, PDF of OLE-/ActiveX-"
                    "object); die worden om veiligheidsredenen niet geopend. Verwijder ze en sla opnieuw op")
    if _macro_type(zf):  # als laatste: de enige onderdelen die (begrensd) gelezen worden
        raise _fout(macro)
    if _strict_ooxml(zf):
        raise _fout("het werkboek is opgeslagen als 'Strict Open XML-spreadsheet'; dat formaat wordt niet "
                    "gelezen. Open het in Excel en sla het werkboek op als gewone Excel-werkmap (*.xlsx)")


def _macro_type(zf: zipfile.ZipFile) -> bool:
    """Zegt [Content_Types].xml 'macroEnabled' (.xlsm)? Begrensd gelezen; geen XML-parser nodig."""
    return b"macroenabled" in (_klein_onderdeel(zf, "[content_types].xml") or b"").lower()


def _strict_ooxml(zf: zipfile.ZipFile) -> bool:
    """Strict OOXML (ISO 29500 strict) gebruikt de naamruimte purl.oclc.org/ooxml in ``_rels/.rels``;
    openpyxl leest dat niet (het vindt dan geen enkel blad)."""
    return b"purl.oclc.org/ooxml" in (_klein_onderdeel(zf, "_rels/.rels") or b"").lower()


def _klein_onderdeel(zf: zipfile.ZipFile, naam: str) -> bytes | None:
    """De bytes van een klein onderdeel (hoogstens MAX_CONTENT_TYPES), of None als het ontbreekt."""
    info = next((o for o in zf.infolist() if o.filename.lower() == naam), None)
    if info is None:
        return None
    if info.file_size > MAX_CONTENT_TYPES:
        raise _fout(f"het onderdeel '{info.filename}' is verdacht groot; {_OPNIEUW_OPSLAAN}")
    try:
        with zf.open(info) as f:
            return f.read(MAX_CONTENT_TYPES + 1)
    except Exception:  # noqa: BLE001 - BadZipFile, zlib.error, EOFError...: kapotte gegevens
        raise _beschadigd() from None
