"""Uitvoerbestanden veilig (docs/veiligheid.md): geen ingevuld werkboek overschrijven, geen alleen-lezen bestand
vervangen, een volle schijf is exit 2, en het rapport laat bij SIGTERM geen tijdelijke map achter."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tariefmodel.cli import main

MAP = Path(__file__).resolve().parent.parent
VOORBEELD = MAP / "workbooks" / "voorbeeld_kostprijs.xlsx"


def test_sjabloon_weigert_een_bestaand_bestand(tmp_path, capsys):
    ingevuld = tmp_path / "mijn_begroting.xlsx"
    ingevuld.write_bytes(VOORBEELD.read_bytes())
    assert main(["sjabloon", "kostprijs", str(ingevuld)]) == 2
    assert "bestaat al" in capsys.readouterr().err
    assert ingevuld.read_bytes() == VOORBEELD.read_bytes(), "het ingevulde werkboek is veranderd"


def test_sjabloon_met_overschrijf_vervangt(tmp_path):
    ingevuld = tmp_path / "mijn_begroting.xlsx"
    ingevuld.write_bytes(VOORBEELD.read_bytes())
    assert main(["sjabloon", "kostprijs", str(ingevuld), "--overschrijf"]) == 0
    assert ingevuld.read_bytes() != VOORBEELD.read_bytes()


def test_sjabloon_naar_een_nieuw_bestand(tmp_path):
    assert main(["sjabloon", "landelijk", str(tmp_path / "nieuw.xlsx")]) == 0
    assert (tmp_path / "nieuw.xlsx").stat().st_size > 0


def test_alleen_lezen_uitvoer_wordt_geweigerd(tmp_path, capsys):
    uit = tmp_path / "uit.xlsx"
    uit.write_bytes(b"oud")
    uit.chmod(0o444)
    try:
        assert main(["exporteer", str(VOORBEELD), str(uit)]) == 2
        assert "alleen-lezen" in capsys.readouterr().err
        assert uit.read_bytes() == b"oud"
    finally:
        uit.chmod(0o644)


def test_volle_schijf_bij_rapport_is_exit_2(tmp_path, capsys, monkeypatch):
    import tariefmodel.rapport

    def vol(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tariefmodel.rapport, "rapport_pdf", vol)
    assert main(["rapport", str(VOORBEELD), str(tmp_path / "uit.pdf")]) == 2
    fout = capsys.readouterr().err
    assert "schijfruimte" in fout and "No space" not in fout
    assert not (tmp_path / "uit.pdf").exists()


def test_volle_schijf_bij_schrijven_in_het_nederlands(tmp_path, capsys, monkeypatch):
    def vol(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", vol)
    assert main(["sjabloon", "kostprijs", str(tmp_path / "s.xlsx")]) == 2
    fout = capsys.readouterr().err
    assert "de schijf is vol" in fout and "No space" not in fout
    assert list(tmp_path.iterdir()) == [], "tijdelijk bestand achtergebleven"


def test_rapport_ruimt_tijdelijke_map_op_bij_sigterm(tmp_path):
    tijdelijk = tmp_path / "tmp"
    tijdelijk.mkdir()
    omgeving = {**os.environ, "TMPDIR": str(tijdelijk), "PYTHONPATH": str(MAP)}
    proces = subprocess.Popen([sys.executable, "-m", "tariefmodel", "rapport", str(VOORBEELD),
                               str(tmp_path / "uit.pdf")], env=omgeving, cwd=MAP,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        gezien = False
        for _ in range(6000):  # wacht (hoogstens ca. 60 s) tot de rapportmap bestaat
            if any(p.name.startswith("tariefmodel-rapport-") for p in tijdelijk.iterdir()):
                gezien = True
                break
            if proces.poll() is not None:
                break
            time.sleep(0.01)
        assert gezien, "de tijdelijke rapportmap is niet gezien"
        proces.send_signal(signal.SIGTERM)
        proces.wait(timeout=60)
    finally:
        if proces.poll() is None:
            proces.kill()
            proces.wait()
    assert proces.returncode == 128 + signal.SIGTERM, proces.stderr.read()
    assert [p.name for p in tijdelijk.iterdir()] == [], "tijdelijke bestanden achtergebleven"
