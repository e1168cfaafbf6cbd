"""Een geëxporteerd werkboek onafhankelijk herrekenen: met het pakket `formulas` en met LibreOffice headless.

Vóór het herrekenen worden alle opgeslagen formulewaarden uit de xlsx gehaald (``zonder_waarden``): elk
getal dat daarna wordt gelezen, komt dus uit de herberekening en niet uit Python.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import openpyxl

PROFIEL = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">
<value>0</value></prop></item>
</oor:items>
"""
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
    return shutil.which("soffice") or shutil.which("libreoffice")


def met_libreoffice(xlsx: bytes, werkmap: Path) -> Herberekend:
    """Herreken met LibreOffice headless (throwaway-profiel met OOXMLRecalcMode = 0: altijd herrekenen)."""
    kaal = zonder_waarden(xlsx)
    profiel = werkmap / "profiel"
    (profiel / "user").mkdir(parents=True, exist_ok=True)
    (profiel / "user" / "registrymodifications.xcu").write_text(PROFIEL, encoding="utf-8")
    bron, uit = werkmap / "bron", werkmap / "uit"
    bron.mkdir(exist_ok=True)
    uit.mkdir(exist_ok=True)
    (bron / "export.xlsx").write_bytes(kaal)
    subprocess.run([soffice(), "--headless", "--norestore", f"-env:UserInstallation={profiel.as_uri()}",
                    "--convert-to", "xlsx", "--outdir", str(uit), str(bron / "export.xlsx")],
                   check=True, capture_output=True, timeout=180)
    wb = openpyxl.load_workbook(uit / "export.xlsx", data_only=True)
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
    totaalrij = KOPRIJ + 1 + len(model["producten"])
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
        if isinstance(label, str) and " — " in label:
            code = label.split(" — ")[0]
        if label in MEERJAREN_RIJEN:
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
