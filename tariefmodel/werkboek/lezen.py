"""Bladen uit een xlsx lezen: kopregel herkennen, lege regels overslaan, rijen valideren.

werkboekformaat.md: kopregel = rij 1; kopteksten matchen zonder hoofdletters en omringende spaties
(uitbreiding: ook zonder accenten, dus 'Clienten' = 'Cliënten'); lege regels worden overgeslagen.
v2 ("Nothing is ever silently misread"): ook zonder dubbele spaties, een eenheid tussen haakjes aan het eind
en een %-teken (``ORT %``, ``Werkelijke bezetting (%)``); gedocumenteerde synoniemen (``SYNONIEMEN``,
docs/werkboek-lezen.md); een onbekende kop geeft een waarschuwing met 'bedoelt u …?' (rapidfuzz).
"""

from __future__ import annotations

import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from typing import Any, TypeVar

import openpyxl
from defusedxml import DefusedXmlException
from pydantic import BaseModel, ValidationError

from tariefmodel.getallen import kort
from tariefmodel.meldingen import Meldingen, WerkboekFout
from tariefmodel.werkboek.formules import vul_formules_in
from tariefmodel.werkboek.pydantic_nl import nederlandse_melding

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Rij:
    """Een gegevensregel: het Excel-rijnummer en de waarden per (canonieke) kolomnaam."""

    nummer: int
    waarden: dict[str, Any]


def normaliseer(tekst: str) -> str:
    """Sleutel voor het matchen van blad- en kolomnamen (hoofdletters, spaties, accenten)."""
    zonder_accent = unicodedata.normalize("NFKD", str(tekst))
    kaal = "".join(t for t in zonder_accent if not unicodedata.combining(t))
    kaal = kaal.replace("\u2019", "'").replace("`", "'")
    return " ".join(kaal.split()).casefold()


_EENHEID_ACHTERAAN = re.compile(r"\s*(\([^()]*\)|\[[^\[\]]*\])\s*$")

SYNONIEMEN: dict[str, tuple[str, ...]] = {
    "Werkelijke bezetting": ("bezetting", "bezettingsgraad", "werkelijke bezettingsgraad", "bezettingspercentage"),
    "Gemeentetarief": ("tarief", "tarief gemeente", "gemeentelijk tarief", "tarief per eenheid"),
    "Maandsalaris": ("bruto maandsalaris", "salaris per maand", "maandloon", "brutosalaris per maand"),
    "Uren per traject": ("uren/traject", "uren traject", "uren per cliënt"),
    "Trajecten per jaar": ("aantal trajecten", "trajecten", "trajecten/jaar"),
    "Plaatsen": ("aantal plaatsen",),
    "FTE": ("fte's", "aantal fte", "formatie"),
    "ORT": ("ort-percentage", "ort percentage", "onregelmatigheidstoeslag"),
    "Bedrag": ("bedrag per jaar", "jaarbedrag"),
    "Kostensoort": ("soort kosten", "soort"),
    "Code": ("productcode",),
    "Naam": ("productnaam",),
    "Functie": ("functienaam",),
    "Parameter": ("naam parameter",),
    "Centrumgemeente": ("regio",),
}
"""Andere kopteksten met dezelfde betekenis (alleen als de vaste kolom in dat blad bestaat en het synoniem
niet zelf een kolom van dat blad is)."""

NOTITIEKOLOMMEN = ("toelichting", "opmerking", "opmerkingen", "notitie", "notities", "bron", "commentaar")
"""Kolommen voor eigen aantekeningen: worden niet gelezen en geven geen waarschuwing."""


def kopsleutel(tekst: object) -> str:
    """Sleutel voor een koptekst: als ``normaliseer``, en zonder eenheid tussen haakjes aan het eind, zonder
    ``%``/``€``, ``*`` of ``:`` (werkboekformaat.md v2): 'Werkelijke bezetting (%)' = 'ORT %'-stijl."""
    kaal = normaliseer(str(tekst))
    while True:
        korter = _EENHEID_ACHTERAAN.sub("", kaal)
        if korter == kaal:
            break
        kaal = korter
    kaal = kaal.replace("%", " ").replace("€", " ").rstrip("*: ")
    return " ".join(kaal.split())


TIJDEENHEDEN = {"dag": "dag", "dagen": "dag", "etmaal": "dag", "etmalen": "dag", "week": "week", "weken": "week",
                "maand": "maand", "maanden": "maand", "kwartaal": "kwartaal", "jaar": "jaar", "jaren": "jaar",
                "uur": "uur", "uren": "uur", "minuut": "minuut", "minuten": "minuut", "min": "minuut"}
"""Tijdseenheden die in een kop tussen haakjes kunnen staan, naar hun grondvorm."""
TIJD_VAN_KOLOM = {"Gemiddelde verblijfsduur": {"dag"}, "Maandsalaris": {"maand"}, "Bedrag": {"jaar"},
                  "Uren per traject": {"uur"}, "Trajecten per jaar": {"jaar"}, "Cliënten per jaar": {"jaar"},
                  "Opgenomen per jaar": {"jaar"}, "Aanmeldingen per jaar": {"jaar"}, "Historisch budget": {"jaar"},
                  "Budget": {"jaar"}, "Uitkering": {"jaar"}, "Besteding vrouwenopvang": {"jaar"},
                  "Besteding overig": {"jaar"}, "Gemeentetarief": {"dag", "uur"}}
"""De tijdseenheid waarin de tool een kolom leest; een andere eenheid in de kop is een fout (nooit stil weken
als dagen lezen). Kolommen die hier niet staan hebben geen tijdseenheid."""
_SCHAALWOORD = re.compile(r"[x×*]\s*(€|eur|euro)?\s*1[.\s]?000|k\s*€|€\s*k\b|\bkeur\b|duizend|\bmln\b|miljoen|"
                          r"[x×*]\s*(€|eur|euro)?\s*1\s*mln")


def strijdige_eenheid(kop: object, kolom: str) -> str | None:
    """Een eenheid tussen haakjes in de kop die niet past bij hoe de tool kolom ``kolom`` leest: de Nederlandse
    uitleg, anders None. 'Gemiddelde verblijfsduur (weken)' of 'Bedrag (x 1000)' is nooit stil goed."""
    delen, kaal = [], normaliseer(str(kop))
    while (m := _EENHEID_ACHTERAAN.search(kaal)) is not None:
        delen.append(m.group(1)[1:-1])
        kaal = kaal[: m.start()]
    for deel in delen:
        if _SCHAALWOORD.search(deel):
            return (f"de kop zegt '{deel.strip()}', maar de tool leest deze kolom in hele euro's of aantallen, niet in "
                    f"duizenden of miljoenen: vul de volledige getallen in en noem de kolom '{kolom}'")
        verwacht = TIJD_VAN_KOLOM.get(kolom, set())
        for woord in re.findall(r"[a-z]+", deel):
            if woord in TIJDEENHEDEN and TIJDEENHEDEN[woord] not in verwacht:
                leest = ("eenheid van het product (etmaal, uur of traject)" if kolom == "Gemeentetarief" else
                         " of ".join(sorted(verwacht)) if verwacht else "geen tijdseenheid")
                return (f"de kop zegt '{deel.strip()}', maar de tool leest deze kolom per {leest}: reken de waarden "
                        f"om en noem de kolom '{kolom}'") if verwacht else (
                    f"de kop zegt '{deel.strip()}', maar deze kolom heeft {leest}: noem de kolom '{kolom}'")
    return None


def geef_cellen_vrij(wb: openpyxl.Workbook) -> None:
    """Na het lezen: de cellen van elk blad meteen vrijgeven. Een openpyxl-cel verwijst naar zijn blad en het blad
    naar zijn cellen (een kring); zonder dit ruimt pas de cyclische collector ze op, bij 17.000 regels ~450.000
    objecten in één keer (issue 17: lezen 100× → 1000× was ~12×, zo ~10×)."""
    for ws in wb.worksheets:
        getattr(ws, "_cells", {}).clear()


def open_werkboek(data: bytes) -> openpyxl.Workbook:
    """Open xlsx-bytes met openpyxl (normale modus, berekende waarden van formules).

    Eerst de bestandscontroles (veiligheid.py). Alles wat openpyxl daarna nog weigert, ligt aan het
    bestand: dat wordt een WerkboekFout, nooit een stacktrace (issue 6). XML-entiteiten (XML-bom,
    XXE) weigert defusedxml; dat krijgt een eigen melding.
    """
    from tariefmodel.werkboek.veiligheid import controleer_bestand

    controleer_bestand(data)
    try:
        with warnings.catch_warnings():  # openpyxl waarschuwt in het Engels over niet-ondersteunde extensies
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            wb.tariefmodel_onberekend = vul_formules_in(data, wb)  # formules zonder opgeslagen uitkomst
            return wb
    except Exception as fout:  # noqa: BLE001 - kapotte zip-gegevens, ongeldige XML, onverwachte structuur
        if _heeft_oorzaak(fout, DefusedXmlException):
            raise WerkboekFout.enkel(
                "het bestand wordt niet geopend: het bevat XML-entiteiten of verwijzingen naar externe "
                "bestanden (mogelijk een 'XML-bom'); Excel maakt die zelf nooit. Gebruik het oorspronkelijke "
                "werkboek of kopieer de gegevens naar een nieuw werkboek"
            ) from None
        raise WerkboekFout.enkel(
            "het bestand kan niet als Excel-werkboek (.xlsx) worden gelezen; het is beschadigd of door een "
            "ander programma vreemd opgeslagen. Open het in Excel en kies "
            "'Opslaan als' > 'Excel-werkmap (*.xlsx)'"
        ) from None


def _heeft_oorzaak(fout: BaseException | None, soort: type[BaseException]) -> bool:
    """Zit ``soort`` in de keten van oorzaken? openpyxl verpakt parserfouten in een ValueError."""
    gezien = set()
    while fout is not None and id(fout) not in gezien:
        if isinstance(fout, soort):
            return True
        gezien.add(id(fout))
        fout = fout.__cause__ or fout.__context__
    return False


def zoek_blad(wb: openpyxl.Workbook, naam: str):
    """Het werkblad met deze naam (zonder hoofdletters/spaties/accenten), of None."""
    gezocht = normaliseer(naam)
    for ws in wb.worksheets:
        if normaliseer(ws.title) == gezocht:
            return ws
    return None


def lees_blad(
    wb: openpyxl.Workbook,
    blad: str,
    kolommen: list[str],
    verplichte_kolommen: list[str],
    meldingen: Meldingen,
    verplicht: bool = True,
    extra_kolommen: bool = False,
) -> list[Rij] | None:
    """Lees de gegevensregels van een blad; None als het blad ontbreekt of onbruikbaar is.

    ``extra_kolommen``: neem ook onbekende kolommen op (onder hun eigen kopnaam), zoals de
    maatstafkolommen in het blad Regio's.
    """
    ws = zoek_blad(wb, blad)
    if ws is None:
        if verplicht:
            aanwezig = ", ".join(f"'{w.title}'" for w in wb.worksheets) or "geen"
            meldingen.fout(f"blad ontbreekt (aanwezige bladen: {aanwezig})", blad=blad)
        return None
    cellen = _gevulde_cellen(ws)
    kop = _regel(cellen.get(1, {}))
    posities = _kolomposities(kop, blad, kolommen, verplichte_kolommen, meldingen, extra_kolommen)
    if posities is None:
        _zoek_verschoven_kopregel(cellen, blad, kolommen, verplichte_kolommen, meldingen)
        return None
    _meld_onberekende_formules(wb, ws.title, blad, posities, meldingen)
    _meld_verborgen_kolommen(ws, blad, posities, cellen, meldingen)
    rijen = []
    for nummer in sorted(n for n in cellen if n > 1):
        regel = cellen[nummer]
        waarden = {naam: regel.get(i) for naam, i in posities.items()}
        if all(_leeg(v) for v in waarden.values()):
            continue
        if _verborgen(ws.row_dimensions, nummer):
            meldingen.waarschuwing("deze rij is verborgen maar telt mee; hoort hij er niet bij, verwijder hem dan",
                                   blad=blad, rij=nummer)
        rijen.append(Rij(nummer, waarden))
    return rijen


def _verborgen(dimensies, sleutel) -> bool:
    """Verborgen rij of kolom (zonder ``dimensies[sleutel]``: dat maakt een lege dimensie aan)."""
    d = dimensies.get(sleutel)
    return bool(d is not None and d.hidden)


def _meld_verborgen_kolommen(ws, blad: str, posities: dict[str, int], cellen, meldingen: Meldingen) -> None:
    """Een gelezen kolom die verborgen is, met waarden erin: een waarschuwing (hij telt mee)."""
    from openpyxl.utils import get_column_letter

    verborgen = set()
    for d in ws.column_dimensions.values():  # een dimensie kan een bereik min..max beslaan
        if d.hidden and d.min and d.max:
            verborgen |= set(range(d.min - 1, d.max))
    for naam, i in posities.items():
        gevuld = any(not _leeg(r.get(i)) for n, r in cellen.items() if n > 1)
        if gevuld and (i in verborgen or _verborgen(ws.column_dimensions, get_column_letter(i + 1))):
            meldingen.waarschuwing("deze kolom is verborgen maar wordt gelezen en telt mee", blad=blad, rij=1,
                                   kolom=naam)


def _zoek_verschoven_kopregel(cellen, blad, kolommen, verplicht, meldingen: Meldingen) -> None:
    """Staat de kopregel lager (een titel erboven)? Zeg dan waar, in plaats van alleen 'kolom ontbreekt'."""
    bekend = {kopsleutel(k): k for k in kolommen}
    for nummer in sorted(n for n in cellen if 1 < n <= 10):
        gevonden = {bekend.get(kopsleutel(v)) for v in cellen[nummer].values() if not _leeg(v)}
        if all(k in gevonden for k in verplicht):
            meldingen.fout(f"de kopteksten staan in rij {nummer}, maar de kopregel hoort in rij 1: verwijder de "
                           "regel(s) erboven (bijvoorbeeld een titel)", blad=blad, rij=nummer, kolom=verplicht[0])
            return


def _meld_onberekende_formules(wb, titel: str, blad: str, posities: dict[str, int], meldingen: Meldingen) -> None:
    """Een formule zonder opgeslagen uitkomst die niet uit te rekenen is: nooit als lege cel lezen."""
    kolomnaam = {i: naam for naam, i in posities.items()}
    for f in getattr(wb, "tariefmodel_onberekend", ()):
        if f.blad == titel and f.rij > 1 and (f.kolom - 1) in kolomnaam:
            meldingen.fout(
                f"de cel bevat de formule '{kort(f.formule)}' zonder opgeslagen uitkomst (het bestand is door een "
                "programma geschreven, niet in Excel opgeslagen) en de tool kan die formule niet uitrekenen. Open "
                "het bestand in Excel of LibreOffice en sla het op, of typ de waarde zelf in",
                blad=blad, rij=f.rij, kolom=kolomnaam[f.kolom - 1])


def _gevulde_cellen(ws) -> dict[int, dict[int, Any]]:
    """{rijnummer: {kolomindex (0-based): waarde}} van de cellen die echt in het blad staan.

    Niet ``ws.iter_rows``: die loopt over het hele bereik tot ``max_row`` x ``max_column`` en maakt
    elke lege cel aan. Eén losse cel op XFD1048576 (12 kB bestand) gaf zo 17 miljard cellen: een hang.
    """
    per_rij: dict[int, dict[int, Any]] = {}
    for (rij, kolom), cel in ws._cells.items():  # openpyxl 3.x: alleen de cellen uit het bestand
        if cel.value is not None:
            per_rij.setdefault(rij, {})[kolom - 1] = cel.value
    return per_rij


def _regel(cellen: dict[int, Any]) -> tuple:
    return tuple(cellen.get(i) for i in range(max(cellen, default=-1) + 1))


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _kolomposities(kop, blad, kolommen, verplicht, meldingen, extra) -> dict[str, int] | None:
    bekend = {kopsleutel(k): k for k in kolommen}
    for k in kolommen:
        for synoniem in SYNONIEMEN.get(k, ()):
            bekend.setdefault(kopsleutel(synoniem), k)
    posities: dict[str, int] = {}
    onbekend: dict[str, str] = {}  # sleutel -> koptekst zoals ingevuld (eerste keer)
    for i, cel in enumerate(kop):
        if _leeg(cel):
            continue
        naam = bekend.get(kopsleutel(cel))
        strijdig = strijdige_eenheid(cel, naam) if naam is not None else None
        if strijdig:
            meldingen.fout(strijdig, blad=blad, rij=1, kolom=naam)
            return None
        if naam is None and extra:
            naam = str(cel).strip()
        if naam is None:
            if kopsleutel(cel) not in NOTITIEKOLOMMEN:
                onbekend.setdefault(kopsleutel(cel), " ".join(str(cel).split()))
            continue
        if naam in posities:
            meldingen.fout("kolom staat twee keer in de kopregel", blad=blad, rij=1, kolom=naam)
            return None
        posities[naam] = i
    ontbrekend = [k for k in verplicht if k not in posities]
    genoemd = _meld_ontbrekend(ontbrekend, onbekend, blad, kolommen, meldingen)
    _meld_onbekend({s: t for s, t in onbekend.items() if s not in genoemd},
                   [k for k in kolommen if k not in posities], blad, meldingen)
    return None if ontbrekend else posities


def _meld_ontbrekend(ontbrekend, onbekend, blad, kolommen, meldingen) -> set[str]:
    """Een ontbrekende verplichte kolom noemt de meest gelijkende kop die er wel staat."""
    genoemd = set()
    for k in ontbrekend:
        verwacht = ", ".join(f"'{v}'" for v in kolommen)
        bericht = f"verplichte kolom ontbreekt in de kopregel (verwachte kolommen: {verwacht})"
        sleutel = _dichtstbij(kopsleutel(k), tuple(onbekend), drempel=70)
        if sleutel is not None:
            genoemd.add(sleutel)
            bericht += f"; de kopregel heeft wel '{kort(onbekend[sleutel])}': bedoelt u die? Noem de kolom '{k}'"
        meldingen.fout(bericht, blad=blad, rij=1, kolom=k)
    return genoemd


def _meld_onbekend(onbekend: dict[str, str], vrij: list[str], blad, meldingen) -> None:
    """Een kop die nergens bij past wordt genoemd, nooit stil genegeerd (werkboekformaat.md v2)."""
    kandidaten = {kopsleutel(k): k for k in vrij}
    for sleutel, tekst in onbekend.items():  # één suggestie per verschillende onbekende kop
        bericht = f"kolom '{kort(tekst)}' wordt niet gebruikt"
        gevonden = _dichtstbij(sleutel, tuple(kandidaten), drempel=70)
        if gevonden is not None:
            bericht += f"; bedoelt u '{kandidaten[gevonden]}'? Pas de koptekst aan"
        else:
            bericht += " (geen bekende kolom van dit blad; eigen aantekeningen kunnen in een kolom 'Toelichting')"
        meldingen.waarschuwing(bericht, blad=blad, rij=1, kolom=kort(tekst))


def _dichtstbij(sleutel: str, kandidaten: tuple[str, ...], drempel: float) -> str | None:
    """De kandidaat die het meest op ``sleutel`` lijkt (rapidfuzz WRatio), of None onder de drempel."""
    if not kandidaten or not sleutel:
        return None
    from rapidfuzz import fuzz, process

    gevonden = process.extractOne(sleutel, kandidaten, scorer=fuzz.WRatio, score_cutoff=drempel)
    return gevonden[0] if gevonden else None


def meld_onbekende_bladen(wb, bekende_bladen, meldingen: Meldingen) -> None:
    """Een blad dat de tool niet kent wordt genoemd in een waarschuwing (werkboekformaat.md v2)."""
    bekend = {normaliseer(b): b for b in bekende_bladen}
    aanwezig = {normaliseer(ws.title) for ws in wb.worksheets}
    ontbrekend = tuple(k for k in bekend if k not in aanwezig)
    for ws in wb.worksheets:
        if normaliseer(ws.title) in bekend:
            continue
        bericht = "dit blad wordt niet gelezen"
        gevonden = _dichtstbij(normaliseer(ws.title), ontbrekend, drempel=70)
        if gevonden is not None:
            bericht += f"; bedoelt u blad '{bekend[gevonden]}'? Pas de bladnaam aan"
        else:
            bericht += f" (bekende bladen: {', '.join(bekende_bladen)})"
        meldingen.waarschuwing(bericht, blad=ws.title)


def valideer_rijen(model: type[M], rijen: list[Rij], blad: str, meldingen: Meldingen) -> list[tuple[Rij, M]]:
    """Valideer elke regel met een pydantic-model (aliassen = Nederlandse kopteksten).

    Alle fouten worden verzameld; geldige regels komen terug met hun Rij.
    """
    goed = []
    for rij in rijen:
        try:
            goed.append((rij, model.model_validate(rij.waarden)))
        except ValidationError as fout:
            for detail in fout.errors(include_url=False):
                kolom = str(detail["loc"][0]) if detail["loc"] else None
                meldingen.fout(nederlandse_melding(detail), blad=blad, rij=rij.nummer, kolom=kolom)
    return goed


LANDELIJKE_BLADEN = ("Regio's", "Maatstaven", "Overgang")
"""Bladen die alleen een landelijk werkboek heeft (werkboekformaat.md)."""


def bladnamen(data: bytes) -> list[str]:
    """De bladnamen uit xl/workbook.xml, zonder het hele werkboek te parsen (na de bestandscontroles)."""
    import zipfile

    from defusedxml import ElementTree

    from tariefmodel.werkboek.veiligheid import controleer_bestand

    controleer_bestand(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            wortel = ElementTree.fromstring(z.read("xl/workbook.xml"))
    except Exception:  # noqa: BLE001 - onleesbaar: open_werkboek geeft straks de precieze melding
        return []
    return [e.get("name", "") for e in wortel.iter() if e.tag.endswith("}sheet") or e.tag == "sheet"]


def is_landelijk_werkboek(data: bytes) -> bool:
    """Landelijk werkboek = het heeft een van de landelijke bladen (Regio's, Maatstaven, Overgang)."""
    namen = {normaliseer(n) for n in bladnamen(data)}
    return any(normaliseer(b) in namen for b in LANDELIJKE_BLADEN)
