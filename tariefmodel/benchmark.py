"""Benchmark van tariefmodel: python -m tariefmodel.benchmark [--json] [--snel] [--schaal].

Bouwt zijn eigen invoer (het voorbeeldwerkboek, een groot gegenereerd VO met 10 producten en 200
personeelsregels, het landelijke voorbeeld met 35 regio's), meet elke stap een aantal keren na een
opwarmronde en rapporteert medianen in milliseconden (scenarios_10k_s in seconden). Doelen (issue 7):
bereken_ms <= 5, inlezen_ms <= 300, landelijk_ms <= 50, scenarios_10k_s <= 1,
versnelling_vs_libreoffice >= 100, app_rerun_ms <= 300. Geen tijdsasserties in de tests: machines zijn
gedeeld en lawaaiig; vergelijk verhoudingen uit één run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.invoer import KostprijsInvoer
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.sjablonen import kostprijswerkboek

DOELEN = {"bereken_ms": ("<=", 5), "inlezen_ms": ("<=", 300), "landelijk_ms": ("<=", 50),
          "scenarios_10k_s": ("<=", 1), "versnelling_vs_libreoffice": (">=", 100), "app_rerun_ms": ("<=", 300)}
AANTAL_SCENARIOS = 10_000
ZAAD = 20261122  # vast zaad: elke run trekt dezelfde scenario's

# Bereiken van de kernaannames voor de scenario's (laag, hoog): plausibele marges rond de standaard.
SCENARIOBEREIKEN = {
    "bezettingsnorm": (0.75, 0.98), "verzuim": (0.03, 0.10), "directe_tijd_ambulant": (0.55, 0.80),
    "risico_opslag": (0.0, 0.05), "scholing_overleg_uren": (40, 120), "sociale_premies": (0.16, 0.19),
}


def mediaan_ms(functie: Callable[[], object], herhalingen: int, opwarmen: int = 1) -> float:
    """Mediaan in ms van ``herhalingen`` runs na ``opwarmen`` runs die niet meetellen."""
    for _ in range(opwarmen):
        functie()
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return statistics.median(tijden)


def groot_vo(producten: int = 10, regels: int = 200) -> bytes:
    """Een gegenereerd VO: de helft opvang, de rest ambulant per uur en per traject; 5% van de regels overhead."""
    soorten = [("opvang", "etmaal"), ("ambulant", "uur"), ("ambulant", "traject")]
    prod = []
    for i in range(producten):
        soort, eenheid = soorten[0] if i < producten // 2 else soorten[1 + i % 2]
        prod.append([f"P{i}", f"Product {i}", soort, eenheid, 12 if soort == "opvang" else None, None,
                     40 if eenheid == "traject" else None, 25 if eenheid == "traject" else None, 150])
    direct = regels - regels // 20  # de laatste 5% van de regels is overhead
    pers = [[f"Functie {j}", "OVERHEAD" if j >= direct else f"P{j % producten}", 8, str(j % 9), 1.0 + j % 3 / 2,
             None, 0.1 if j % 2 else 0] for j in range(regels)]
    kosten = [[f"P{i}", "huisvesting", "Huur", 50_000] for i in range(producten)] + [["OVERHEAD", "overig", "ICT", 80_000]]
    return kostprijswerkboek({"organisatie": "Groot VO (gegenereerd)", "rekenjaar": 2026}, prod, pers, kosten)


def scenario_parameters(n: int = AANTAL_SCENARIOS, zaad: int = ZAAD) -> dict[str, np.ndarray]:
    """n scenario's: elke kernaanname uniform getrokken binnen SCENARIOBEREIKEN."""
    rng = np.random.default_rng(zaad)
    return {naam: rng.uniform(laag, hoog, n) for naam, (laag, hoog) in SCENARIOBEREIKEN.items()}


def scenarioband(invoer: KostprijsInvoer, n: int = AANTAL_SCENARIOS) -> dict[str, tuple[float, float, float]]:
    """Vectorieel: per product de 5e, 50e en 95e percentiel van de kostprijs over n scenario's."""
    resultaat = bereken(invoer, scenario_parameters(n))
    return {p.code: tuple(np.percentile(np.broadcast_to(p.kostprijs, (n,)), [5, 50, 95])) for p in resultaat.producten}


def meet_kostprijs(herhalingen: int) -> dict:
    voorbeeld, groot = voorbeeld_kostprijs(), groot_vo()
    invoer = lees_kostprijswerkboek(groot)
    scenarios_ms = mediaan_ms(lambda: scenarioband(invoer), max(3, herhalingen // 5))
    return {
        "inlezen_ms": mediaan_ms(lambda: lees_kostprijswerkboek(voorbeeld), herhalingen),
        "bereken_ms": mediaan_ms(lambda: bereken(invoer), herhalingen * 5),
        "scenarios_10k_s": scenarios_ms / 1000,
        "scenarios_10k_piekgeheugen_mb": piekgeheugen_mb(lambda: scenarioband(invoer)),
    }


def piekgeheugen_mb(functie: Callable[[], object]) -> float:
    """Piek van het door Python toegewezen geheugen (tracemalloc) tijdens één aanroep, in MB."""
    import tracemalloc

    tracemalloc.start()
    try:
        functie()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def meet_landelijk(herhalingen: int) -> dict:
    invoer = _landelijk_voorbeeld()
    return {"landelijk_ms": mediaan_ms(lambda: _bereken_landelijk(invoer), herhalingen * 5),
            "landelijk_jaren": len(invoer.jaren), "landelijk_regios": len(invoer.regios)}


def meet_libreoffice(bereken_ms: float, herhalingen: int) -> dict:
    from tariefmodel.export.herberekenen import herbereken_met_libreoffice
    from tariefmodel.export.kostprijs import exporteer_kostprijs

    data = exporteer_kostprijs(bereken(lees_kostprijswerkboek(groot_vo())))
    ms = mediaan_ms(lambda: herbereken_met_libreoffice(data), max(1, herhalingen // 5), opwarmen=1)
    return {"libreoffice_recalc_ms": ms, "versnelling_vs_libreoffice": ms / bereken_ms}


APP = Path(__file__).resolve().parent.parent / "app.py"


def meet_app(herhalingen: int) -> dict:
    """AppTest-herberekening van de pagina Scenario's na één gewijzigde parameter (bezettingsnorm).

    De schuif wisselt steeds tussen twee waarden, zodat elke run echt opnieuw rekent. Streamlit wordt
    hier pas geïmporteerd: het model zelf blijft vrij van streamlit.
    """
    from streamlit.testing.v1 import AppTest

    if not APP.exists():
        raise FileNotFoundError(f"{APP} (de app staat naast het pakket in de broncheckout)")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("paginas/scenarios.py").run()
    schuif = next(s for s in at.select_slider if s.key.endswith("bezettingsnorm"))
    waarden = iter([90.0, 95.0] * (herhalingen + 2))

    def wijzig_en_herbereken():
        schuif.set_value(next(waarden)).run()
        if at.exception:
            raise RuntimeError(at.exception[0].value)

    return {"app_rerun_ms": mediaan_ms(wijzig_en_herbereken, herhalingen)}


def schaalmeting() -> list[dict]:
    """Hoe de rekentijd groeit met personeelsregels, producten en regio's (1x, 10x, 100x)."""
    rijen = []
    for factor in (1, 10, 100):
        invoer = lees_kostprijswerkboek(groot_vo(producten=10, regels=20 * factor))
        rijen.append({"wat": "personeelsregels", "aantal": 20 * factor,
                      "bereken_ms": mediaan_ms(lambda i=invoer: bereken(i), 5)})
    for factor in (1, 10, 100):
        invoer = lees_kostprijswerkboek(groot_vo(producten=5 * factor, regels=100 * factor))
        rijen.append({"wat": "producten (met 20 regels per product)", "aantal": 5 * factor,
                      "bereken_ms": mediaan_ms(lambda i=invoer: bereken(i), 3)})
    basis = _landelijk_voorbeeld()
    for factor in (1, 10, 100):
        invoer = landelijk_geschaald(basis, factor)
        rijen.append({"wat": "regio's (landelijk model, 10 jaar)", "aantal": len(invoer.regios),
                      "bereken_ms": mediaan_ms(lambda i=invoer: _bereken_landelijk(i), 3)})
    return rijen


def _landelijk_voorbeeld():
    from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
    from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk

    return lees_landelijk_werkboek(voorbeeld_landelijk())


def _bereken_landelijk(invoer):
    from tariefmodel.landelijk import bereken_landelijk

    return bereken_landelijk(invoer)


def landelijk_geschaald(invoer, factor: int):
    """Het landelijke voorbeeld met elke regio ``factor`` keer (naam + volgnummer), voor de groeitabel."""
    from dataclasses import replace

    def hernoem(naam: str, k: int) -> str:
        return naam if k == 0 else f"{naam} {k}"

    return replace(
        invoer,
        regios=tuple(replace(r, naam=hernoem(r.naam, k)) for k in range(factor) for r in invoer.regios),
        duvo=tuple(replace(d, centrumgemeente=hernoem(d.centrumgemeente, k)) for k in range(factor) for d in invoer.duvo),
        plaatsingen=None if invoer.plaatsingen is None else tuple(
            replace(p, herkomst=hernoem(p.herkomst, k), opvangregio=hernoem(p.opvangregio, k))
            for k in range(factor) for p in invoer.plaatsingen),
    )


def meet_alles(herhalingen: int) -> dict:
    """Alle metingen; een onderdeel dat niet kan draaien geeft None met de reden in 'problemen'."""
    uit: dict = {}
    problemen = {}
    uit.update(meet_kostprijs(herhalingen))
    for naam, meting in (("landelijk", lambda: meet_landelijk(herhalingen)),
                         ("libreoffice", lambda: meet_libreoffice(uit["bereken_ms"], herhalingen)),
                         ("app", lambda: meet_app(herhalingen))):
        try:
            uit.update(meting())
        except Exception as fout:  # noqa: BLE001 - de benchmark meldt wat niet kon, en gaat door
            problemen[naam] = f"{type(fout).__name__}: {fout}"
    for sleutel in ("landelijk_ms", "libreoffice_recalc_ms", "versnelling_vs_libreoffice", "app_rerun_ms"):
        uit.setdefault(sleutel, None)
    uit["doelen_gehaald"] = {k: _gehaald(uit.get(k), *v) for k, v in DOELEN.items()}
    if problemen:
        uit["problemen"] = problemen
    return uit


def _gehaald(waarde, richting, doel):
    if waarde is None:
        return None
    return waarde <= doel if richting == "<=" else waarde >= doel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tariefmodel.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="één JSON-object op stdout")
    parser.add_argument("--snel", action="store_true", help="minder herhalingen (voor de rooktest)")
    parser.add_argument("--schaal", action="store_true", help="ook de groeitabel 1x/10x/100x")
    args = parser.parse_args(argv)
    uit = meet_alles(3 if args.snel else 15)
    if args.schaal:
        uit["schaal"] = schaalmeting()
    if args.json:
        json.dump(uit, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for sleutel, waarde in uit.items():
            print(f"{sleutel}: {waarde}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
