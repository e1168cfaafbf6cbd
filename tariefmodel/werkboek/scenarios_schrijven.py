"""Een kopie van het werkboek met het blad `Scenario's` toegevoegd of vervangen (werkboekformaat.md v2).

Het werkboek blijft van de gebruiker: we openen het niet met openpyxl (dat zou bij het opslaan de
opgeslagen waarden van formules weggooien en opmaak herschrijven), maar vervangen in het zip-bestand
alleen het deel van dat ene blad. Elk ander deel (bladen, stijlen, gedeelde teksten, namen) blijft
byte voor byte gelijk; bij een nieuw blad krijgen alleen workbook.xml, de relaties en [Content_Types].xml
er één regel bij. Het invoerbestand zelf wordt nooit geschreven: de uitkomst is nieuwe bytes.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree

from tariefmodel.kostprijs.gevoeligheid import Scenario
from tariefmodel.werkboek.lezen import normaliseer
from tariefmodel.werkboek.scenarios import BLAD, KOLOMMEN
from tariefmodel.werkboek.veiligheid import controleer_bestand

WERKBLAD = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
INHOUD_WERKBLAD = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BREEDTES = (28, 30, 14, 60)  # kolombreedtes in tekens: Scenario, Parameter, Waarde, Toelichting


def met_scenarioblad(data: bytes, scenarios: Sequence[Scenario],
                     toelichtingen: Mapping[str, Mapping[str, str]] | None = None) -> bytes:
    """Nieuwe xlsx-bytes: ``data`` met een blad Scenario's dat precies ``scenarios`` bevat."""
    controleer_bestand(data)
    blad = blad_xml(scenarios, toelichtingen or {})
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        delen = {i.filename: zin.read(i) for i in zin.infolist()}
        infos = zin.infolist()
    pad = _bestaand_blad(delen)
    if pad is None:
        pad = _voeg_blad_toe(delen)
    else:
        delen.pop(_relaties_van(pad), None)  # tabellen/opmerkingen van het oude blad horen niet bij het nieuwe
    delen[pad] = blad
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zout:
        gezien = set()
        for info in infos:
            if info.filename in delen:
                zout.writestr(info, delen[info.filename])
                gezien.add(info.filename)
        for naam in sorted(set(delen) - gezien):
            zout.writestr(naam, delen[naam])
    return uit.getvalue()


def _wortel(xml: bytes):
    return ElementTree.fromstring(xml)


def _doelen(delen: dict[str, bytes]) -> dict[str, str]:
    """rId -> pad in het zip-bestand, uit xl/_rels/workbook.xml.rels."""
    uit = {}
    for rel in _wortel(delen["xl/_rels/workbook.xml.rels"]):
        doel = rel.get("Target", "")
        uit[rel.get("Id")] = doel.lstrip("/") if doel.startswith("/") else posixpath.normpath(f"xl/{doel}")
    return uit


def _bestaand_blad(delen: dict[str, bytes]) -> str | None:
    """Het zip-pad van het blad Scenario's (naam zonder hoofdletters/accenten), of None."""
    doelen = _doelen(delen)
    for sheet in _wortel(delen["xl/workbook.xml"]).iter(f"{{{MAIN}}}sheet"):
        if normaliseer(sheet.get("name", "")) == normaliseer(BLAD):
            return doelen.get(sheet.get(f"{{{REL}}}id"))
    return None


def _relaties_van(pad: str) -> str:
    map_, naam = posixpath.split(pad)
    return f"{map_}/_rels/{naam}.rels"


def _voeg_blad_toe(delen: dict[str, bytes]) -> str:
    """Registreer een nieuw werkblad achteraan (workbook.xml, relaties, inhoudstypen); geeft zijn pad."""
    nummer = 1
    while f"xl/worksheets/sheet{nummer}.xml" in delen:
        nummer += 1
    pad = f"xl/worksheets/sheet{nummer}.xml"
    rels = delen["xl/_rels/workbook.xml.rels"].decode("utf-8")
    ids = set(re.findall(r'Id="([^"]+)"', rels))
    rid = next(f"rId{k}" for k in range(1, len(ids) + 2) if f"rId{k}" not in ids)
    delen["xl/_rels/workbook.xml.rels"] = _voor_sluittag(
        rels, "Relationships", f'<Relationship Id="{rid}" Type="{WERKBLAD}" Target="/{pad}"/>')
    wb = delen["xl/workbook.xml"].decode("utf-8")
    prefix, hoofd = _prefix(wb, REL), _prefix(wb, MAIN, leeg=True)
    sheet_ids = [int(s.get("sheetId", 0)) for s in _wortel(delen["xl/workbook.xml"]).iter(f"{{{MAIN}}}sheet")]
    element = f'<{hoofd + ":" if hoofd else ""}sheet name={quoteattr(BLAD)} sheetId="{max(sheet_ids, default=0) + 1}" {prefix}:id="{rid}"/>'
    delen["xl/workbook.xml"] = _voor_sluittag(wb, "sheets", element, voorvoegsel=hoofd)
    typen = delen["[Content_Types].xml"].decode("utf-8")
    delen["[Content_Types].xml"] = _voor_sluittag(
        typen, "Types", f'<Override PartName="/{pad}" ContentType="{INHOUD_WERKBLAD}"/>')
    return pad


def _prefix(xml: str, namespace: str, leeg: bool = False) -> str:
    """Het voorvoegsel waarmee ``xml`` de namespace aanduidt ('' voor de standaardnamespace, als ``leeg``)."""
    for gevonden in re.finditer(r'xmlns(?::([A-Za-z_][\w.-]*))?="([^"]*)"', xml):
        if gevonden.group(2) == namespace and (gevonden.group(1) or leeg):
            return gevonden.group(1) or ""
    if leeg:
        return ""
    raise ValueError("het werkboek declareert de relatie-namespace niet; sla het opnieuw op in Excel")


def _voor_sluittag(xml: str, tag: str, element: str, voorvoegsel: str = "") -> bytes:
    sluit = f"</{voorvoegsel + ':' if voorvoegsel else ''}{tag}>"
    positie = xml.rfind(sluit)
    if positie < 0:
        raise ValueError(f"onverwachte opbouw van het werkboek ({sluit} ontbreekt); sla het opnieuw op in Excel")
    return (xml[:positie] + element + xml[positie:]).encode("utf-8")


def _cel(rij: int, kolom: int, waarde) -> str:
    adres = f"{'ABCD'[kolom]}{rij}"
    if isinstance(waarde, (int, float)) and not isinstance(waarde, bool):
        return f'<c r="{adres}"><v>{float(waarde)!r}</v></c>'
    tekst = "ja" if waarde is True else "nee" if waarde is False else str(waarde)
    return f'<c r="{adres}" t="inlineStr"><is><t xml:space="preserve">{escape(_xml_tekst(tekst))}</t></is></c>'


def _xml_tekst(tekst: str) -> str:
    """Tekens die XML 1.0 niet toestaat (stuurtekens) vallen weg."""
    return "".join(t for t in tekst if t in "\t\n\r" or ord(t) >= 0x20)


def blad_xml(scenarios: Sequence[Scenario], toelichtingen: Mapping[str, Mapping[str, str]]) -> bytes:
    """Het werkblad: kopregel en één rij per wijziging (tekst inline, dus geen gedeelde teksten nodig)."""
    rijen = [KOLOMMEN]
    for s in scenarios:
        eigen = toelichtingen.get(s.naam, {})
        rijen += [[s.naam, naam, waarde, eigen.get(naam, "")] for naam, waarde in s.wijzigingen.items()]
    regels = []
    for r, rij in enumerate(rijen, start=1):
        cellen = "".join(_cel(r, k, w) for k, w in enumerate(rij) if w != "")
        regels.append(f'<row r="{r}">{cellen}</row>')
    kolommen = "".join(f'<col min="{k}" max="{k}" width="{b}" customWidth="1"/>' for k, b in enumerate(BREEDTES, 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
            f'<cols>{kolommen}</cols><sheetData>{"".join(regels)}</sheetData></worksheet>').encode()
