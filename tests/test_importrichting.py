"""Importrichting (architectuur.md v2): bytes -> werkboek (lezen) -> model, nooit terug.

De modelpakketten importeren niets uit ``tariefmodel.werkboek`` en niets uit de opdrachten, ook niet
binnen een functie of via een module die zelf uit het leeslaag importeert (``uitgangspunten``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tariefmodel

PAKKET = Path(tariefmodel.__file__).parent
MODELPAKKETTEN = ("kostprijs", "landelijk", "capaciteit")
VERBODEN = ("tariefmodel.werkboek", "tariefmodel.opdrachten", "tariefmodel.export", "tariefmodel.rapport",
            "streamlit", "paginas")
# neutrale modules buiten de pakketten die het model wel mag gebruiken; ook die mogen niet terugimporteren
NEUTRAAL = ("uitgangspunten.py", "meldingen.py", "getallen.py", "afronding.py", "parameters/__init__.py",
            "kalender.py", "cao_tabellen.py", "geheugen.py", "opruimen.py")


def _imports(pad: Path) -> list[tuple[int, str]]:
    """Alle geïmporteerde modulenamen in een bestand, ook in functies (ast.walk ziet alles)."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    namen = []
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            namen += [(knoop.lineno, a.name) for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            if knoop.level:  # relatieve import: los op tegen het pakket van het bestand
                basis = ".".join(pad.relative_to(PAKKET.parent).with_suffix("").parts[:-knoop.level])
                module = f"{basis}.{knoop.module}" if knoop.module else basis
            else:
                module = knoop.module or ""
            namen.append((knoop.lineno, module))
            namen += [(knoop.lineno, f"{module}.{a.name}") for a in knoop.names]
    return namen


def _bestanden() -> list[Path]:
    uit = [p for naam in MODELPAKKETTEN if (PAKKET / naam).is_dir() for p in sorted((PAKKET / naam).rglob("*.py"))]
    return uit + [PAKKET / n for n in NEUTRAAL if (PAKKET / n).exists()]


@pytest.mark.parametrize("pad", _bestanden(), ids=lambda p: str(p.relative_to(PAKKET)))
def test_model_importeert_niets_uit_de_leeslaag(pad):
    fout = [f"{pad.name}:{regel} importeert {naam}" for regel, naam in _imports(pad)
            if any(naam == v or naam.startswith(v + ".") for v in VERBODEN)]
    assert not fout, "\n".join(fout)


@pytest.mark.parametrize("naam", NEUTRAAL)
def test_neutrale_bouwstenen_importeren_het_model_niet(naam):
    """Geen kring model -> uitgangspunten -> model: de neutrale modules staan onder het model."""
    model = tuple(f"tariefmodel.{p}" for p in MODELPAKKETTEN)
    fout = [f"{naam}:{r} importeert {n}" for r, n in _imports(PAKKET / naam)
            if any(n == m or n.startswith(m + ".") for m in model)]
    assert not fout, "\n".join(fout)


def test_de_regel_vangt_een_import_in_een_functie(tmp_path):
    """De controle zelf kan falen: een import binnen een functie wordt gevonden."""
    bron = tmp_path / "x.py"
    bron.write_text("def f():\n    from tariefmodel.werkboek.kostprijs import X\n", encoding="utf-8")
    assert (2, "tariefmodel.werkboek.kostprijs") in _imports(bron)


def test_model_leest_geen_bestanden():
    """Geen bestands-I/O in het model: geen open(), Path.read_*/write_* of openpyxl."""
    fout = []
    for pad in [p for p in _bestanden() if p.name != "__init__.py" or p.parent.name != "parameters"]:
        boom = ast.parse(pad.read_text(encoding="utf-8"))
        for knoop in ast.walk(boom):
            if isinstance(knoop, ast.Call):
                f = knoop.func
                naam = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
                if naam in {"open", "read_bytes", "read_text", "write_bytes", "write_text", "load_workbook", "iterdir",
                            "glob", "rglob"}:
                    fout.append(f"{pad.relative_to(PAKKET)}:{knoop.lineno} {naam}()")
        fout += [f"{pad.relative_to(PAKKET)}:{r} importeert {n}" for r, n in _imports(pad) if n.startswith("openpyxl")]
    assert not fout, "\n".join(fout)
