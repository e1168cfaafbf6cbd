"""Rooktest: de benchmark draait en geeft elke sleutel uit issue 7 (geen tijdsasserties: machines zijn lawaaiig)."""

from __future__ import annotations

import json
import subprocess
import sys

SLEUTELS = {"inlezen_ms", "bereken_ms", "landelijk_ms", "scenarios_10k_s", "libreoffice_recalc_ms",
            "versnelling_vs_libreoffice", "app_rerun_ms"}


def test_benchmark_geeft_alle_sleutels():
    uit = subprocess.run([sys.executable, "-m", "tariefmodel.benchmark", "--json", "--snel"],
                         capture_output=True, text=True, check=True, timeout=600)
    resultaat = json.loads(uit.stdout)
    assert SLEUTELS <= set(resultaat)
    assert not resultaat.get("problemen"), resultaat.get("problemen")
    assert all(isinstance(resultaat[s], (int, float)) and resultaat[s] > 0 for s in SLEUTELS)


def test_scenarioband_is_geordend_en_rond_het_basisgeval():
    from tariefmodel.benchmark import groot_vo, scenarioband
    from tariefmodel.kostprijs.berekening import bereken
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

    invoer = lees_kostprijswerkboek(groot_vo())
    band = scenarioband(invoer, n=2000)
    basis = {p.code: p.kostprijs for p in bereken(invoer).producten}
    for code, (p5, p50, p95) in band.items():
        assert p5 <= p50 <= p95
        assert p5 < basis[code] * 1.5 and p95 > basis[code] * 0.5
