"""Een geëxporteerd werkboek onafhankelijk herrekenen: met het pakket `formulas` en met LibreOffice headless.

Vóór het herrekenen worden alle opgeslagen formulewaarden uit de xlsx gehaald (``zonder_waarden``): elk
getal dat daarna wordt gelezen, komt dus uit de herberekening en niet uit Python.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from pathlib import Path

import openpyxl

_FORMULECEL = re.compile(rb"<c ([^>]*)>(<f>[^<]*</f>)<v>[^<]*</v></c>")
_TYPE = re.compile(rb' t="[a-z]+"')


def zonder_waarden(xlsx: bytes) -> bytes:
    """De xlsx zonder opgeslagen formulewaarden (alleen de formules blijven)."""
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as bron, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as doel:
        for item in bron.infolist():
            data = bron.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data, aantal = _FORMULECEL.subn(_kaal, data)
                assert aantal or b"<f>" not in data, f"{item.filename}: formulewaarden niet verwijderd"
            doel.writestr(item, data)
    return uit.getvalue()


def _kaal(cel: re.Match) -> bytes:
    return b"<c " + _TYPE.sub(b"", cel.group(1)) + b">" + cel.group(2) + b"</c>"


class Herberekend:
    """Waarden per blad en cel (bijv. ``h.waarde('Uitvoer', 'E6')``), plus de opbouw van het werkboek."""

    def __init__(self, waarden: dict[str, dict[str, object]], xlsx: bytes):
        self.waarden = waarden
        self.opbouw = openpyxl.load_workbook(io.BytesIO(xlsx))  # teksten en formules (niet herrekend)

    def waarde(self, blad: str, cel: str):
        herrekend = self.waarden.get(blad, {})
        if cel in herrekend:
            gevonden = herrekend[cel]
        else:  # geen formule: dan staat de ingevoerde waarde in het werkboek zelf
            gevonden = self.opbouw[blad][cel].value
            assert not (isinstance(gevonden, str) and gevonden.startswith("=")), f"{blad}!{cel} niet herrekend"
        return None if gevonden == "" else gevonden

    def tekst(self, blad: str, rij: int, kolom: int):
        return self.opbouw[blad].cell(rij, kolom).value


def met_formulas(xlsx: bytes) -> Herberekend:
    """Herreken met het pure-Python-pakket ``formulas``."""
    import formulas

    kaal = zonder_waarden(xlsx)
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "export.xlsx"
        pad.write_bytes(kaal)
        model = formulas.ExcelModel().loads(str(pad)).finish()
        oplossing = model.calculate()
    bladen = {naam.upper(): naam for naam in openpyxl.load_workbook(io.BytesIO(kaal)).sheetnames}
    waarden: dict[str, dict[str, object]] = {}
    for sleutel, waarde in oplossing.items():
        gevonden = re.fullmatch(r"'\[[^\]]+\](.+)'!([A-Z]+\d+)", sleutel)
        if not gevonden or gevonden.group(1) not in bladen:
            continue
        cel = getattr(waarde, "value", waarde)
        cel = cel[0][0] if hasattr(cel, "__getitem__") and not isinstance(cel, str) else cel
        waarden.setdefault(bladen[gevonden.group(1)], {})[gevonden.group(2)] = _gewoon(cel)
    return Herberekend(waarden, kaal)


def _gewoon(waarde):
    if hasattr(waarde, "item"):
        waarde = waarde.item()
    if type(waarde).__name__ in {"XlError", "_XlEmpty"} or str(waarde) == "empty":
        return str(waarde) if str(waarde).startswith("#") else None
    return waarde


def soffice() -> str | None:
    from tariefmodel.export.herberekenen import soffice as pad

    return pad()


def met_libreoffice(xlsx: bytes, werkmap: Path | None = None, opgeslagen_door_openpyxl: bool = False) -> Herberekend:
    """Herreken met LibreOffice headless (tariefmodel.export.herberekenen: wegwerpprofiel, OOXMLRecalcMode = 0).

    ``opgeslagen_door_openpyxl``: een door de controller (openpyxl) bewerkt werkboek heeft al geen opgeslagen
    formulewaarden meer."""
    from tariefmodel.export.herberekenen import herbereken_met_libreoffice

    kaal = xlsx if opgeslagen_door_openpyxl else zonder_waarden(xlsx)
    wb = openpyxl.load_workbook(io.BytesIO(herbereken_met_libreoffice(kaal)), data_only=True)
    formules = openpyxl.load_workbook(io.BytesIO(kaal))
    waarden = {}
    for ws in formules.worksheets:
        waarden[ws.title] = {c.coordinate: wb[ws.title][c.coordinate].value
                             for rij in ws.iter_rows() for c in rij if c.data_type == "f"}
    return Herberekend(waarden, kaal)


# --- vergelijken met het Python-model (bereken --json) ---------------------------------------------

KOPRIJ = 5  # Excel-rij van de kopjes in Uitvoer (opmaak.EERSTE_RIJ + 1)
UITVOER_SLEUTELS = {
    "Kostprijs per eenheid": "kostprijs", "Gemeentetarief": "gemeentetarief",
    "Verschil per eenheid": "verschil_per_eenheid", "Integrale kosten": "integrale_kosten",
    "Opbrengst": "opbrengst", "Tekort": "tekort", "Dekkingsgraad": "dekkingsgraad",
    "Kostprijs per plaats per jaar": "kostprijs_per_plaats_per_jaar", "Kostprijs per uur": "kostprijs_per_uur",
    "Loonkosten": "loonkosten", "Overige directe kosten": "overige_directe_kosten",
    "Directe kosten": "directe_kosten", "Overhead": "overhead", "Risico-opslag": "risico",
    "Normvolume": "normvolume", "Gerealiseerd volume": "gerealiseerd_volume", "FTE": "fte",
}
GEEN_EURO = {"dekkingsgraad", "normvolume", "gerealiseerd_volume", "fte"}
MEERJAREN_RIJEN = {"Kostprijs (afgerond)": "kostprijs", "Tarief (afgerond)": "tarief",
                   "Tekort (afgerond)": "tekort", "Cumulatief tekort (afgerond)": "cumulatief_tekort"}


def _verschil(plek: str, blad_waarde, verwacht, euro: bool) -> str | None:
    if verwacht is None:
        return None if blad_waarde is None else f"{plek}: verwacht leeg, werkboek {blad_waarde!r}"
    if not isinstance(blad_waarde, (int, float)) or isinstance(blad_waarde, bool):
        return f"{plek}: verwacht {verwacht}, werkboek {blad_waarde!r}"
    marge = 0.0001 if euro else 1e-9 * max(1.0, abs(verwacht))
    if abs(blad_waarde - verwacht) > marge:
        return f"{plek}: verwacht {verwacht}, werkboek {blad_waarde}"
    return None


def vergelijk_kostprijs(h: Herberekend, model: dict) -> list[str]:
    """Alle verschillen tussen de herrekende export en ``naar_json(resultaat)``; leeg = gelijk op de cent."""
    from openpyxl.utils import get_column_letter

    kolommen = {h.tekst("Uitvoer", KOPRIJ, k): get_column_letter(k) for k in range(1, 40)}
    fouten = []
    for i, p in enumerate(model["producten"]):
        rij = KOPRIJ + 1 + i
        if h.waarde("Uitvoer", f"A{rij}") != p["code"]:
            fouten.append(f"Uitvoer!A{rij}: verwacht {p['code']}, werkboek {h.waarde('Uitvoer', f'A{rij}')!r}")
        for kop, sleutel in UITVOER_SLEUTELS.items():
            plek = f"Uitvoer!{kolommen[kop]}{rij} ({p['code']} {sleutel})"
            fouten.append(_verschil(plek, h.waarde("Uitvoer", f"{kolommen[kop]}{rij}"), p[sleutel],
                                    sleutel not in GEEN_EURO))
    ws = h.opbouw["Uitvoer"]
    totaalrij = next(r for r in range(KOPRIJ + 1, ws.max_row + 1) if ws.cell(r, 1).value == "Totaal")
    for rij in range(KOPRIJ + 1 + len(model["producten"]), totaalrij):  # reserverijen: leeg, geen foutwaarde
        for k in range(1, len(UITVOER_SLEUTELS) + 5):
            waarde = h.waarde("Uitvoer", f"{get_column_letter(k)}{rij}")
            if waarde not in (None, ""):
                fouten.append(f"Uitvoer!{get_column_letter(k)}{rij}: reserverij niet leeg ({waarde!r})")
    for kop, sleutel in (("Integrale kosten", "integrale_kosten"), ("Opbrengst", "opbrengst"), ("Tekort", "tekort")):
        plek = f"Uitvoer!{kolommen[kop]}{totaalrij}"
        fouten.append(_verschil(plek, h.waarde("Uitvoer", plek.split("!")[1]), model["totaal"][sleutel], True))
    fouten += _kerncijfers(h, model, totaalrij)
    fouten += _meerjaren(h, model)
    fouten += _controle(h)
    return [f for f in fouten if f]


def _kerncijfers(h: Herberekend, model: dict, totaalrij: int) -> list[str | None]:
    verwacht = {"Overheadpercentage (O / Σ D)": model["overhead_percentage"],
                "Beschikbare uren per fte": model["uren_per_fte"]["beschikbaar"],
                "Inzetbare uren per fte": model["uren_per_fte"]["inzetbaar"],
                "Directe uren per fte": model["uren_per_fte"]["direct"],
                "Fte per 24/7-post": model["uren_per_fte"]["fte_per_24_7_post"]}
    fouten = []
    for rij in range(totaalrij + 1, totaalrij + 12):
        label = h.tekst("Uitvoer", rij, 2)
        if label in verwacht:
            fouten.append(_verschil(f"Uitvoer!E{rij} ({label})", h.waarde("Uitvoer", f"E{rij}"),
                                    verwacht.pop(label), False))
    return fouten + [f"Uitvoer: kerncijfer '{label}' niet gevonden" for label in verwacht]


def _meerjaren(h: Herberekend, model: dict) -> list[str | None]:
    from openpyxl.utils import get_column_letter

    ws = h.opbouw["Meerjaren"]
    jaren = {}
    for k in range(5, 40):
        jaar = h.waarde("Meerjaren", f"{get_column_letter(k)}5")
        if isinstance(jaar, (int, float)):
            jaren[int(jaar)] = get_column_letter(k)
    fouten, code = [], None
    verwacht = {(j["code"], j["jaar"]): j for j in model.get("meerjaren", [])}
    gevonden = set()
    for rij in range(6, ws.max_row + 1):
        label = ws.cell(rij, 1).value
        if label == "Product":  # elke productsectie: de code zoals herrekend (leeg = reserve)
            code = h.waarde("Meerjaren", f"E{rij}") or None
        if label in MEERJAREN_RIJEN and code is None:
            fouten += [f"Meerjaren!{letter}{rij}: reserve niet leeg" for letter in jaren.values()
                       if h.waarde("Meerjaren", f"{letter}{rij}") not in (None, "")]
        elif label in MEERJAREN_RIJEN:
            for jaar, letter in jaren.items():
                j = verwacht[(code, jaar)]
                gevonden.add((code, jaar))
                fouten.append(_verschil(f"Meerjaren!{letter}{rij} ({code} {jaar} {label})",
                                        h.waarde("Meerjaren", f"{letter}{rij}"), j[MEERJAREN_RIJEN[label]], True))
    ontbreekt = set(verwacht) - gevonden
    return fouten + ([f"Meerjaren: ontbreekt {sorted(ontbreekt)}"] if ontbreekt else [])


def _controle(h: Herberekend) -> list[str | None]:
    ws = h.opbouw["Controle"]
    fouten = [None if h.waarde("Controle", "F5") == 0 else f"Controle!F5: {h.waarde('Controle', 'F5')} afwijkingen"]
    for rij in range(7, ws.max_row + 1):
        if ws.cell(rij, 2).value and h.waarde("Controle", f"F{rij}") != 0:
            fouten.append(f"Controle!F{rij} ({ws.cell(rij, 2).value}): afwijking {h.waarde('Controle', f'E{rij}')}")
    return fouten


# --- landelijk ----------------------------------------------------------------------------------

def _kolommen(h: Herberekend, blad: str, rij: int) -> dict[str, str]:
    """Kolomkop -> kolomletter; een kop die een formule is (volgt het jaar) komt uit de herberekening."""
    from openpyxl.utils import get_column_letter

    uit = {}
    for k in range(1, h.opbouw[blad].max_column + 1):
        kop = h.tekst(blad, rij, k)
        if isinstance(kop, str) and kop.startswith("="):
            kop = h.waarde(blad, f"{get_column_letter(k)}{rij}")
        if kop:
            uit[kop] = get_column_letter(k)
    return uit


def _rijen(h: Herberekend, blad: str, van: int, kolommen: str = "A") -> dict:
    """(herrekende) sleutel in ``kolommen`` -> rij, vanaf ``van`` tot de somregel ('Σ' of 'Totaal', sleutel
    '__som__'); lege (reserve)rijen tellen niet."""
    uit = {}
    for rij in range(van, h.opbouw[blad].max_row + 1):
        if h.tekst(blad, rij, 1) in ("Σ", "Totaal"):
            uit["__som__"] = rij
            break
        sleutel = tuple(h.waarde(blad, f"{k}{rij}") for k in kolommen)
        if sleutel[0] not in (None, ""):
            uit[sleutel if len(kolommen) > 1 else sleutel[0]] = rij
    return uit


def _euro_of_getal(plek: str, blad_waarde, verwacht, euro: bool) -> str | None:
    """Euro: op centen afgerond gelijk (rond_euro); anders binnen 1e-9."""
    from tariefmodel.afronding import rond_euro

    if euro and isinstance(blad_waarde, (int, float)) and not isinstance(blad_waarde, bool):
        blad_waarde = rond_euro(blad_waarde)
    return _verschil(plek, blad_waarde, verwacht, euro)


def vergelijk_landelijk(h: Herberekend, model: dict) -> list[str]:
    """Alle verschillen tussen de herrekende landelijke export en ``naar_json`` (landelijk --json)."""
    fouten: list[str | None] = []
    t = model["laatste_jaar"]
    kol = _kolommen(h, "Uitvoer", 5)
    velden = {f"Historisch {t}": ("historisch", True), f"Objectief {t}": ("objectief", True),
              "Herverdeling": ("herverdeling", True), "Plaatseneffect": ("plaatsen_effect", False),
              "Herverdeling %": ("herverdeling_relatief", False), "Bezettingsgraad": ("bezettingsgraad", False),
              "Weigerkans": ("weigerkans", False), "Plaatsen nodig (doel-weigerkans)": ("plaatsen_nodig_weigerkans", False),
              "Plaatsen nodig (bezettingsnorm)": ("plaatsen_nodig_bezettingsnorm", False),
              "Istanbul-norm": ("istanbul_norm", False), "Istanbul-tekort": ("istanbul_tekort", False),
              "Plaatsen": ("plaatsen", False), "Aandeel bovenregionaal": ("bovenregionaal_aandeel", False)}
    rijen = _rijen(h, "Uitvoer", 6)
    if len(rijen) - 1 != len(model["regios"]):
        fouten.append(f"Uitvoer: {len(rijen) - 1} regio's, verwacht {len(model['regios'])}")
    for g in model["regios"]:
        if g["centrumgemeente"] not in rijen:
            fouten.append(f"Uitvoer: {g['centrumgemeente']} ontbreekt")
            continue
        rij = rijen[g["centrumgemeente"]]
        for kop, (sleutel, euro) in velden.items():
            if kop in kol:
                plek = f"{kol[kop]}{rij}"
                fouten.append(_verschil(f"Uitvoer!{plek} ({g['centrumgemeente']} {sleutel})",
                                        h.waarde("Uitvoer", plek), g[sleutel], euro))
        for jaar, bedrag in g["toegekend"].items():
            if f"Toegekend {jaar}" not in kol:
                fouten.append(f"Uitvoer: kolom 'Toegekend {jaar}' ontbreekt")
                continue
            plek = f"{kol[f'Toegekend {jaar}']}{rij}"
            fouten.append(_verschil(f"Uitvoer!{plek} ({g['centrumgemeente']} toegekend {jaar})",
                                    h.waarde("Uitvoer", plek), bedrag, True))
        if h.waarde("Uitvoer", f"{kol['Klasse']}{rij}") != g["klasse"]:
            fouten.append(f"Uitvoer!{kol['Klasse']}{rij}: klasse {h.waarde('Uitvoer', kol['Klasse'] + str(rij))!r}")
    totaal = rijen["__som__"]
    land = model["landelijk"]
    for kop, verwacht in (("Plaatseneffect", land["plaatsen_effect_netto"]), ("Istanbul-norm", land["istanbul_norm"]),
                          ("Plaatsen", land["plaatsen"])):
        fouten.append(_verschil(f"Uitvoer!{kol[kop]}{totaal} (totaal {kop})", h.waarde("Uitvoer", f"{kol[kop]}{totaal}"),
                                verwacht, False))
    fouten += _capaciteit_landelijk(h, land)
    fouten += _duvo(h, model)
    fouten += _controle(h)
    return [f for f in fouten if f]


def _capaciteit_landelijk(h: Herberekend, land: dict) -> list[str | None]:
    ws = h.opbouw["Capaciteit"]
    labels = {"Bezettingsgraad Σ a / Σ P": "bezettingsgraad", "Weigerkans Σ A·B / Σ A": "weigerkans"}
    gevonden = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value in labels}
    fouten = [f"Capaciteit: regel '{label}' ontbreekt" for label in labels if label not in gevonden]
    for label, rij in gevonden.items():
        fouten.append(_verschil(f"Capaciteit!B{rij} ({label})", h.waarde("Capaciteit", f"B{rij}"),
                                land[labels[label]], False))
    return fouten


def _duvo(h: Herberekend, model: dict) -> list[str | None]:
    if not model["duvo"]:
        return ["DUVO: blad hoort er niet te zijn"] if "DUVO" in h.opbouw.sheetnames else []
    kol = _kolommen(h, "DUVO", 6)
    velden = {"Uitkering": ("uitkering", True), "Besteding vrouwenopvang": ("besteding_vrouwenopvang", True),
              "Besteding overig": ("besteding_overig", True), "Bestedingsgat = U − VO − overig": ("bestedingsgat", True),
              "Bestedingsgraad VO / U": ("bestedingsgraad", False),
              "Kosten normcapaciteit = norm · kosten_per_plaats": ("kosten_normcapaciteit", True),
              "Financieringstekort = kosten − VO": ("financieringstekort", True)}
    fouten: list[str | None] = []
    rijen = _rijen(h, "DUVO", 7, "AB")
    if len(rijen) - 1 != len(model["duvo"]):
        fouten.append(f"DUVO: {len(rijen) - 1} regels, verwacht {len(model['duvo'])}")
    namen = {g["centrumgemeente"].casefold(): g["centrumgemeente"] for g in model["regios"]}
    rijen = {(namen.get(str(k[0]).casefold(), k[0]), k[1]) if isinstance(k, tuple) else k: v for k, v in rijen.items()}
    for d in model["duvo"]:
        if (d["centrumgemeente"], d["jaar"]) not in rijen:
            fouten.append(f"DUVO: {d['centrumgemeente']} {d['jaar']} ontbreekt")
            continue
        rij = rijen[(d["centrumgemeente"], d["jaar"])]
        for kop, (sleutel, euro) in velden.items():
            plek = f"{kol[kop]}{rij}"
            fouten.append(_euro_of_getal(f"DUVO!{plek} ({d['centrumgemeente']} {d['jaar']} {sleutel})",
                                         h.waarde("DUVO", plek), d[sleutel], euro))
    ws = h.opbouw["DUVO"]
    kop_rij = next(r for r in range(rijen["__som__"], ws.max_row + 1) if ws.cell(r, 1).value == "Jaar")
    kol = _kolommen(h, "DUVO", kop_rij)
    for i, d in enumerate(model["duvo_landelijk"]):
        rij = kop_rij + 1 + i
        if h.waarde("DUVO", f"A{rij}") != d["jaar"]:
            fouten.append(f"DUVO!A{rij}: jaar {h.waarde('DUVO', f'A{rij}')!r}, verwacht {d['jaar']}")
        for kop, sleutel in (("Uitkering", "uitkering"), ("Besteding vrouwenopvang", "besteding_vrouwenopvang"),
                             ("Bestedingsgat", "bestedingsgat"), ("Financieringstekort", "financieringstekort"),
                             ("Bestedingsgraad", "bestedingsgraad"), ("Regio's", "aantal_regios")):
            plek = f"{kol[kop]}{rij}"
            fouten.append(_euro_of_getal(f"DUVO!{plek} ({d['jaar']} {sleutel})", h.waarde("DUVO", plek), d[sleutel],
                                         sleutel not in {"bestedingsgraad", "aantal_regios"}))
    return fouten
