"""Golden master (REGRESSIEFIXTURE, GEEN OFFICIËLE CIJFERS) van de winnaars en verliezers van het voorbeeld.

Faalt deze test na een bedoelde wijziging, kijk dan met ``python scripts/werk_regressie_bij.py --dry-run``
wat er verandert en werk de fixture bij. Het voorbeeld is illustratief; zie tests/regressie/landelijk.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.regressie.landelijk import FIXTURE, LET_OP, WERKBOEK, uitkomst, verschillen

VASTGELEGD = json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_fixture_zegt_dat_het_geen_officiele_cijfers_zijn():
    assert next(iter(VASTGELEGD)) == "_let_op"
    assert VASTGELEGD["_let_op"] == LET_OP and "GEEN OFFICIËLE CIJFERS" in LET_OP
    kop = (Path(__file__).parent.parent / "scripts" / "werk_regressie_bij.py").read_text(encoding="utf-8")
    assert kop.startswith('"""REGRESSIEFIXTURE bijwerken — GEEN OFFICIËLE CIJFERS.')


@pytest.mark.parametrize("naam", list(VASTGELEGD["scenarios"]))
def test_scenario_gelijk_aan_golden_master(naam):
    scenario = VASTGELEGD["scenarios"][naam]
    lijst = verschillen(scenario["uitkomst"], uitkomst(scenario["zet"]), naam)
    assert not lijst, "afwijking van de golden master:\n" + "\n".join(lijst[:30])


def test_verschillen_vangt_een_wijziging():
    basis = VASTGELEGD["scenarios"]["basis"]["uitkomst"]
    gewijzigd = json.loads(json.dumps(basis))
    gewijzigd["herverdeling"]["Zwolle"] += 0.02
    gewijzigd["winnaars"] = gewijzigd["winnaars"][::-1]
    assert len(verschillen(basis, gewijzigd)) == 2


def test_bekende_patronen_in_het_voorbeeld():
    """Het patroon uit de bronnen (seeds/002, duvo-bronnen §2a): G4 winnen, Zwolle en Leeuwarden verliezen,
    en omdat alleen verliezers reageren daalt het aantal plaatsen landelijk."""
    basis = VASTGELEGD["scenarios"]["basis"]["uitkomst"]
    assert {"Amsterdam", "Rotterdam", "Den Haag", "Utrecht"} <= set(basis["winnaars"])
    assert {"Zwolle", "Leeuwarden"} <= set(basis["verliezers"])
    assert basis["plaatsen_effect_netto"] < 0
    assert VASTGELEGD["scenarios"]["winnaars_bouwen_bij"]["uitkomst"]["plaatsen_effect_netto"] == pytest.approx(
        0, abs=1e-9)
    zacht = VASTGELEGD["scenarios"]["zachte_landing_10_procent"]["uitkomst"]
    assert zacht["plaatsen_effect_netto"] > basis["plaatsen_effect_netto"]  # minder verlies, minder afbouw


def test_voorbeeldwerkboek_is_actueel():
    """workbooks/voorbeeld_landelijk.xlsx hoort te zijn wat voorbeeld_landelijk() nu maakt."""
    from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
    from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk

    opgeslagen = lees_landelijk_werkboek(WERKBOEK.read_bytes())
    nu = lees_landelijk_werkboek(voorbeeld_landelijk())
    for veld in ("regios", "maatstaven", "overgang", "duvo", "plaatsingen"):
        assert getattr(opgeslagen, veld) == getattr(nu, veld), f"{veld}: draai workbooks/maak_voorbeelden.py"


def test_werk_bij_dry_run_schrijft_niets():
    voor = FIXTURE.read_bytes()
    uit = subprocess.run([sys.executable, "scripts/werk_regressie_bij.py", "--dry-run"],
                         capture_output=True, text=True, check=False, cwd=Path(__file__).parent.parent)
    assert uit.returncode == 0, uit.stderr
    assert "Geen verschillen" in uit.stdout and "niet gewijzigd" in uit.stdout
    assert FIXTURE.read_bytes() == voor
