"""Issue 6: elk kapot werkboek geeft exit 2, een Nederlandse melding met blad/rij/kolom, geen
stacktrace, en het invoerbestand blijft byte voor byte gelijk. Uitvoer wordt atomair geschreven.

Het corpus wordt ter plekke gemaakt door tests/hulp/kapotte_werkboeken.py.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tariefmodel import bestanden
from tariefmodel.bestanden import UitvoerFout, controleer_niet_invoer, schrijf_atomair
from tariefmodel.cli import main
from tests.hulp import kapotte_werkboeken as kapot

BESTAND = kapot.bestandsgevallen()
INHOUD = kapot.inhoudsgevallen()
VOORBEELD = Path(__file__).parent.parent / "workbooks" / "voorbeeld_kostprijs.xlsx"


def _sha(pad: Path) -> str:
    return hashlib.sha256(pad.read_bytes()).hexdigest()


def _draai(tmp_path: Path, capsys, data: bytes, opdracht: str, *extra: str) -> tuple[int, str]:
    """Draai een opdracht op een werkboek; controleer dat de invoer en de map onaangeroerd blijven."""
    pad = tmp_path / "werkboek.xlsx"
    pad.write_bytes(data)
    voor, inhoud_map = _sha(pad), sorted(os.listdir(tmp_path))
    code = main([opdracht, str(pad), *extra])
    uit = capsys.readouterr()
    tekst = uit.out + uit.err
    assert _sha(pad) == voor, "het invoerwerkboek is gewijzigd"
    assert sorted(os.listdir(tmp_path)) == inhoud_map, "er is een bestand bijgekomen naast de invoer"
    assert "Traceback" not in tekst and "Interne fout" not in tekst, tekst
    return code, tekst


def _foutregels(tekst: str) -> list[str]:
    regels = tekst.split("Waarschuwingen (")[0].splitlines()
    return [r.strip() for r in regels if r.startswith("  ")]


@pytest.mark.parametrize("opdracht", ["controleer", "bereken"])
@pytest.mark.parametrize("geval", BESTAND, ids=lambda g: g.naam)
def test_kapot_bestand(tmp_path, capsys, geval, opdracht):
    code, tekst = _draai(tmp_path, capsys, geval.data, opdracht)
    assert code == 2, tekst
    for deel in geval.verwacht:
        assert deel in tekst, tekst


@pytest.mark.parametrize("opdracht", ["controleer", "bereken"])
@pytest.mark.parametrize("geval", INHOUD, ids=lambda g: g.naam)
def test_kapotte_inhoud_noemt_blad_rij_kolom(tmp_path, capsys, geval, opdracht):
    code, tekst = _draai(tmp_path, capsys, geval.data, opdracht)
    assert code == 2, tekst
    for deel in geval.verwacht:
        assert deel in tekst, tekst
    regels = _foutregels(tekst)
    assert regels, tekst
    for regel in regels:
        assert regel.startswith("Blad '"), f"melding zonder blad: {regel}"
        assert "kolom '" in regel or "blad ontbreekt" in regel, f"melding zonder kolom: {regel}"


def _landelijk(functie) -> list:
    """Het landelijk werkboek komt uit een ander issue; zonder lezer geen landelijke gevallen."""
    try:
        import tariefmodel.werkboek.landelijk  # noqa: F401

        return functie()
    except ModuleNotFoundError:
        return []


LANDELIJK = _landelijk(kapot.landelijke_gevallen)


@pytest.mark.parametrize("opdracht", ["landelijk", "controleer"])
@pytest.mark.parametrize("geval", LANDELIJK, ids=lambda g: g.naam)
def test_kapot_landelijk_werkboek_noemt_blad_rij_kolom(tmp_path, capsys, geval, opdracht):
    code, tekst = _draai(tmp_path, capsys, geval.data, opdracht)
    assert code == 2, tekst
    for deel in geval.verwacht:
        assert deel in tekst, tekst
    for regel in _foutregels(tekst):
        assert regel.startswith("Blad '"), f"melding zonder blad: {regel}"


@pytest.mark.skipif(not LANDELIJK, reason="tariefmodel.werkboek.landelijk bestaat nog niet")
@pytest.mark.parametrize("geval", BESTAND, ids=lambda g: g.naam)
def test_kapot_bestand_via_opdracht_landelijk(tmp_path, capsys, geval):
    code, tekst = _draai(tmp_path, capsys, geval.data, "landelijk")
    assert code == 2, tekst
    for deel in geval.verwacht:
        assert deel in tekst, tekst


@pytest.mark.parametrize("geval", _landelijk(kapot.landelijke_hanggevallen), ids=lambda g: g.naam)
def test_landelijk_hangt_niet_bij_absurde_aantallen(tmp_path, capsys, geval):
    code, tekst = _draai(tmp_path, capsys, geval.data, "landelijk")
    assert code == 2 and geval.verwacht[0] in tekst


@pytest.mark.parametrize("geval", kapot.waarschuwingsgevallen(), ids=lambda g: g.naam)
@pytest.mark.parametrize("opdracht", ["controleer", "bereken"])
def test_waarschuwingen_blokkeren_niet(tmp_path, capsys, geval, opdracht):
    code, tekst = _draai(tmp_path, capsys, geval.data, opdracht)
    assert code == 0, tekst
    for deel in geval.verwacht:
        assert deel in tekst, tekst


@pytest.mark.parametrize("geval, verboden", kapot.gevolgfoutgevallen(), ids=lambda g: getattr(g, "naam", ""))
def test_geen_gevolgfouten(tmp_path, capsys, geval, verboden):
    """Eén fout in Producten geeft niet ook nog 'onbekende productcode' op elke regel die het product noemt."""
    code, tekst = _draai(tmp_path, capsys, geval.data, "controleer")
    assert code == 2
    for deel in geval.verwacht:
        assert deel in tekst
    for deel in verboden:
        assert deel not in tekst, tekst


def test_alle_klassen_in_een_keer(tmp_path, capsys):
    geval = next(g for g in INHOUD if g.naam == "alle_fouten_tegelijk")
    _, tekst = _draai(tmp_path, capsys, geval.data, "controleer")
    assert "Het werkboek bevat 4 fout(en)" in tekst


@pytest.mark.parametrize("naam", ["zip_bom", "xml_bom", "kapotte_gegevens", "verdwaalde_cel_onderaan",
                                  "macro_vba", "div0_in_bedrag"])
def test_echte_opdrachtregel_zonder_stacktrace(tmp_path, naam):
    """Via het echte proces (python -m tariefmodel): exit 2, melding op stderr, geen stacktrace."""
    geval = next(g for g in BESTAND + INHOUD if g.naam == naam)
    pad = tmp_path / "werkboek.xlsx"
    pad.write_bytes(geval.data)
    voor = _sha(pad)
    uit = subprocess.run([sys.executable, "-m", "tariefmodel", "controleer", str(pad)], check=False,
                         capture_output=True, text=True, timeout=120)
    assert uit.returncode == 2, uit.stderr
    assert "Traceback" not in uit.stdout + uit.stderr
    assert geval.verwacht[0] in uit.stderr
    assert _sha(pad) == voor


# --- gebruikersfouten buiten het werkboek ---------------------------------------------------------

@pytest.mark.parametrize("argumenten, verwacht", [
    (["controleer", "/dev/zero"], "geen gewoon bestand"),
    (["controleer", "bestaat-niet.xlsx"], "bestaat niet"),
    (["controleer", "."], "is een map"),
    (["bereken", str(VOORBEELD), "--zet", "verzuim=1", "--zet", "scholing_overleg_uren=0"], "inzetbare uren"),
    (["bereken", str(VOORBEELD), "--zet", "bezettingsnorm=#N/A"], "Excel-fout #N/A"),
    (["bereken", str(VOORBEELD), "--zet", "jaaruren=1e99"], "onrealistisch groot"),
    (["bestaat-niet"], "Fout in de opdracht"),
])
def test_gebruikersfouten_exit_2(capsys, argumenten, verwacht):
    voor = _sha(VOORBEELD)
    try:
        code = main(argumenten)
    except SystemExit as stop:  # argparse stopt zelf, met exit 2
        code = stop.code
    uit = capsys.readouterr()
    assert code == 2
    assert verwacht in uit.out + uit.err
    assert "Traceback" not in uit.out + uit.err
    assert _sha(VOORBEELD) == voor


# --- niets gaat verloren: atomair schrijven, nooit naar de invoer ---------------------------------

def test_sjabloon_naar_een_map_geeft_exit_2(tmp_path, capsys):
    assert main(["sjabloon", "kostprijs", str(tmp_path)]) == 2
    assert "is een map" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_sjabloon_naar_onbestaande_map_geeft_exit_2(tmp_path, capsys):
    assert main(["sjabloon", "kostprijs", str(tmp_path / "nergens" / "s.xlsx")]) == 2
    assert "bestaat niet" in capsys.readouterr().err


def test_sjabloon_in_map_zonder_schrijfrecht(tmp_path, capsys, monkeypatch):
    """Geen schrijfrecht in de map (nagebootst: de tests draaien soms als root)."""
    def geweigerd(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(bestanden.tempfile, "mkstemp", geweigerd)
    assert main(["sjabloon", "kostprijs", str(tmp_path / "s.xlsx")]) == 2
    assert "kan niet worden geschreven" in capsys.readouterr().err
    assert os.listdir(tmp_path) == []


def test_sjabloon_overschrijft_atomair_en_leesbaar(tmp_path, capsys):
    uit = tmp_path / "s.xlsx"
    uit.write_bytes(b"oud")
    assert main(["sjabloon", "kostprijs", str(uit), "--overschrijf"]) == 0
    assert uit.read_bytes().startswith(b"PK")
    assert os.listdir(tmp_path) == ["s.xlsx"]
    assert uit.stat().st_mode & 0o777 == 0o644 or uit.stat().st_mode & 0o044


@pytest.mark.parametrize("plek", ["os.replace", "os.fsync"])
def test_crash_tijdens_schrijven_laat_het_oude_bestand_heel(tmp_path, capsys, monkeypatch, plek):
    uit = tmp_path / "s.xlsx"
    uit.write_bytes(b"oude inhoud")

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(plek, crash)
    assert main(["sjabloon", "kostprijs", str(uit), "--overschrijf"]) == 2
    assert "ongewijzigd" in capsys.readouterr().err
    assert uit.read_bytes() == b"oude inhoud"
    assert os.listdir(tmp_path) == ["s.xlsx"], "het tijdelijke bestand is blijven staan"


def test_onderbreking_tijdens_schrijven_laat_het_oude_bestand_heel(tmp_path, monkeypatch):
    """Ook een KeyboardInterrupt (BaseException) midden in het schrijven laat niets half achter."""
    uit = tmp_path / "s.xlsx"
    uit.write_bytes(b"oude inhoud")

    def onderbreek(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(bestanden.os, "fsync", onderbreek)
    with pytest.raises(KeyboardInterrupt):
        schrijf_atomair(uit, b"nieuw" * 1000)
    assert uit.read_bytes() == b"oude inhoud"
    assert os.listdir(tmp_path) == ["s.xlsx"]


def test_uitvoer_mag_nooit_de_invoer_zijn(tmp_path):
    invoer = tmp_path / "werkboek.xlsx"
    invoer.write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    with pytest.raises(UitvoerFout):
        controleer_niet_invoer(tmp_path / "sub" / ".." / "werkboek.xlsx", invoer)
    os.link(invoer, tmp_path / "harde-link.xlsx")
    with pytest.raises(UitvoerFout):
        controleer_niet_invoer(tmp_path / "harde-link.xlsx", invoer)
    controleer_niet_invoer(tmp_path / "anders.xlsx", invoer)


def test_lezende_opdrachten_schrijven_niets(tmp_path, capsys):
    """controleer en bereken (ook --json) laten het werkboek en de map ongemoeid."""
    data = VOORBEELD.read_bytes()
    for opdracht in (["controleer"], ["bereken"], ["bereken", "--json"]):
        code, _ = _draai(tmp_path, capsys, data, opdracht[0], *opdracht[1:])
        assert code == 0
