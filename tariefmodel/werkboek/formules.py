"""Formulecellen zonder opgeslagen uitkomst (werkboekformaat.md v2: "never read as empty").

Excel en LibreOffice slaan bij elke formule de uitkomst op; die leest openpyxl (``data_only=True``). Een
bestand dat door een script is geschreven heeft die uitkomst niet: openpyxl geeft dan ``None`` en de cel zou
als leeg (= standaardwaarde) worden gelezen. Zulke formules worden hier uitgerekend met het pakket
``formulas``; lukt dat niet (onbekende functie, verwijzing naar een andere formule zonder uitkomst...),
dan wordt de cel geweigerd en noemt de lezer blad, rij en kolom.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from dataclasses import dataclass

import openpyxl
from openpyxl.utils.cell import range_boundaries

_FORMULE_XML = re.compile(rb"<(?:\w+:)?f[\s>/]")
Plek = tuple[str, int, int]  # (blad, rij, kolom 1-based)


@dataclass(frozen=True)
class OnberekendeFormule:
    blad: str
    rij: int
    kolom: int
    formule: str


def heeft_formules(data: bytes) -> bool:
    """Staat er ergens een formule in de werkbladen? (snel: alleen de XML doorzoeken)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return any(_FORMULE_XML.search(z.read(n)) for n in z.namelist()
                   if n.startswith("xl/worksheets/") and n.endswith(".xml"))


def vul_formules_in(data: bytes, wb: openpyxl.Workbook) -> list[OnberekendeFormule]:
    """Reken formules zonder opgeslagen uitkomst uit en zet de uitkomst in ``wb`` (de data_only-versie).

    Geeft de formules die niet uit te rekenen zijn; die cellen blijven leeg en moeten worden geweigerd.
    """
    if not heeft_formules(data):
        return []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        bron = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    open_: dict[Plek, str] = {}
    for ws in bron.worksheets:
        if ws.title not in wb.sheetnames:
            continue
        doel = wb[ws.title]
        for (rij, kolom), cel in ws._cells.items():  # alleen de cellen uit het bestand (zie lezen.py)
            if cel.data_type == "f" and _waarde(doel, rij, kolom) is None:
                open_[(ws.title, rij, kolom)] = cel.value if isinstance(cel.value, str) else ""
    return _reken_uit(open_, wb)


def _waarde(ws, rij: int, kolom: int):
    cel = ws._cells.get((rij, kolom))
    return None if cel is None else cel.value


def _reken_uit(open_: dict[Plek, str], wb) -> list[OnberekendeFormule]:
    """Herhaal tot niets meer lukt: een formule die naar een nog open formule verwijst, wacht; een formule
    die niet uit te rekenen is blijft open (en wat ervan afhangt dus ook)."""
    onmogelijk: set[Plek] = set()
    voortgang = True
    while voortgang:
        voortgang = False
        for plek, formule in list(open_.items()):
            if plek in onmogelijk:
                continue
            uitkomst = _evalueer(formule, plek[0], wb, open_)
            if uitkomst is _ONMOGELIJK:
                onmogelijk.add(plek)
            elif uitkomst is not _WACHT:
                del open_[plek]
                wb[plek[0]].cell(row=plek[1], column=plek[2]).value = uitkomst
                voortgang = True
    return _geweigerd(open_)


def _geweigerd(open_: dict[Plek, str]) -> list[OnberekendeFormule]:
    return [OnberekendeFormule(b, r, k, f) for (b, r, k), f in sorted(open_.items())]


_WACHT, _ONMOGELIJK = object(), object()


def _evalueer(formule: str, blad: str, wb, open_: dict[Plek, str]):
    """De uitkomst van één formule, of _WACHT (verwijst naar een open formule) of _ONMOGELIJK."""
    if not formule.startswith("="):
        return _ONMOGELIJK
    try:
        import formulas
        import numpy as np

        functie = formulas.Parser().ast(formule)[1].compile()
        invoer = []
        for verwijzing in functie.inputs:
            waarden = _bereik(str(verwijzing), blad, wb, open_)
            if waarden is _WACHT or waarden is _ONMOGELIJK:
                return waarden
            invoer.append(waarden)
        uitkomst = np.asarray(functie(*invoer), dtype=object).ravel()
    except Exception:  # noqa: BLE001 - onbekende functie, syntaxis, externe verwijzing: niet uit te rekenen
        return _ONMOGELIJK
    if uitkomst.size != 1:
        return _ONMOGELIJK
    waarde = uitkomst[0]
    if isinstance(waarde, (bool, np.bool_)):
        return bool(waarde)
    if isinstance(waarde, (int, float, np.integer, np.floating)):
        return float(waarde)
    return str(waarde)  # tekst, of een Excel-fout (#DIV/0!) die de lezer als foutcel meldt


def _bereik(verwijzing: str, blad: str, wb, open_: dict[Plek, str]):
    """Waarden van 'B2', 'C2:C3' of 'Blad!B2' als 2D-array; lege cel = 0 zoals Excel rekent."""
    import numpy as np

    if "!" in verwijzing:
        blad, verwijzing = verwijzing.rsplit("!", 1)
        blad = blad.strip("'").replace("''", "'")
    titels = {t.upper(): t for t in wb.sheetnames}
    if blad.upper() not in titels:
        return _ONMOGELIJK
    ws = wb[titels[blad.upper()]]
    verwijzing = verwijzing.replace("$", "")
    if ":" not in verwijzing:
        verwijzing = f"{verwijzing}:{verwijzing}"
    try:
        k1, r1, k2, r2 = range_boundaries(verwijzing)
    except ValueError:
        return _ONMOGELIJK
    if None in (k1, r1, k2, r2) or (r2 - r1 + 1) * (k2 - k1 + 1) > 10_000:
        return _ONMOGELIJK  # hele kolommen of enorme bereiken: niet naspelen
    if any((ws.title, r, k) in open_ for r in range(r1, r2 + 1) for k in range(k1, k2 + 1)):
        return _WACHT
    rijen = [[_of_nul(_waarde(ws, r, k)) for k in range(k1, k2 + 1)] for r in range(r1, r2 + 1)]
    return np.array(rijen, dtype=object)


def _of_nul(waarde):
    return 0 if waarde is None else waarde


