"""Benchmark van tariefmodel: python -m tariefmodel.benchmark [--json] [--snel] [--groei].

Eerlijk gemeten, elk getal benoemd naar wat het meet (issue 17; docs/prestaties.md):
- in-process: inlezen, bereken (voorbeeld en een groot VO van 10 producten × 200 personeelsregels), landelijk,
  10.000 scenario's;
- hele processen: ``tariefmodel --help`` en ``tariefmodel bereken`` op het voorbeeld;
- LibreOffice op een al geopend document (UNO, python3-uno): alles herrekenen, en één invoer wijzigen en
  herrekenen; daarnaast proces tegen proces (soffice starten, openen, herrekenen, opslaan);
- de rekenmachines ``formulas`` en ``pycel`` op dezelfde export;
- de app in een echte browser (Chromium via playwright): toets op een schuif tot de cijfers veranderd zijn en
  de app stil is (mediaan en p95), en de eerste pagina; plus de oude AppTest-meting, hernoemd;
- ``--groei``: lezen, rekenen, export, rapport, bundel en landelijk bij 1×, 10×, 100× en 1000× het voorbeeld,
  elk in een eigen proces met piekgeheugen (ru_maxrss) en een tijdslimiet.
Medianen in ms na een opwarmronde. Een meting die hier niet kan (geen soffice, geen chromium) geeft None met de
reden in 'problemen'. Geen tijdsasserties in de tests: machines zijn gedeeld; vergelijk verhoudingen uit één run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.invoer import KostprijsInvoer
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tariefmodel.werkboek.sjablonen import kostprijswerkboek

# Doelen uit issue 17 (en issue 7 voor inlezen en landelijk); None = niet gemeten.
DOELEN = {"bereken_groot_vo_ms": ("<=", 0.05), "scenarios_10k_ms": ("<=", 5),
          "verhouding_libreoffice_open_document_tegen_bereken": (">=", 100),
          "app_browser_schuif_mediaan_ms": ("<=", 150), "app_browser_schuif_p95_ms": ("<=", 300),
          "app_browser_eerste_pagina_ms": ("<=", 1500), "cli_help_proces_ms": ("<=", 150),
          "cli_bereken_proces_ms": ("<=", 300), "inlezen_voorbeeld_ms": ("<=", 300), "landelijk_voorbeeld_ms": ("<=", 50)}
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
    from tariefmodel.kostprijs.bezetting import vergeet

    vergeet()  # koud: geen bewaarde Erlang-uitkomsten van een vorige run
    resultaat = bereken(invoer, scenario_parameters(n))
    kostprijzen = np.stack([np.broadcast_to(p.kostprijs, (n,)) for p in resultaat.producten])
    kostprijzen.sort(axis=1)  # een eigen kopie (np.stack): op zijn plaats sorteren
    banden = percentielen(kostprijzen, (5, 50, 95))  # één keer voor alle producten
    return {p.code: tuple(b) for p, b in zip(resultaat.producten, banden.tolist(), strict=True)}


def percentielen(gesorteerd: np.ndarray, q) -> np.ndarray:
    """Per (oplopend gesorteerde) rij de percentielen ``q``, lineair tussen de twee naaste waarden zoals
    np.percentile. Eén keer sorteren (numpy sorteert met SIMD) is ~4x sneller dan np.percentile (partitie)."""
    plaats = (gesorteerd.shape[1] - 1) * np.asarray(q, dtype=float) / 100
    onder = np.floor(plaats).astype(np.intp)
    boven = np.minimum(onder + 1, gesorteerd.shape[1] - 1)
    laag, hoog = gesorteerd[:, onder], gesorteerd[:, boven]
    return laag + (plaats - onder) * (hoog - laag)


def meet_kostprijs(herhalingen: int) -> dict:
    voorbeeld, groot = voorbeeld_kostprijs(), groot_vo()
    invoer, invoer_voorbeeld = lees_kostprijswerkboek(groot), lees_kostprijswerkboek(voorbeeld)
    scenarios_ms = mediaan_ms(lambda: scenarioband(invoer), max(3, herhalingen // 5))
    return {
        "inlezen_voorbeeld_ms": mediaan_ms(lambda: lees_kostprijswerkboek(voorbeeld), herhalingen),
        "bereken_voorbeeld_ms": mediaan_ms(lambda: bereken(invoer_voorbeeld), herhalingen * 5),
        "bereken_groot_vo_ms": mediaan_ms(lambda: bereken(invoer), herhalingen * 5),
        "scenarios_10k_ms": scenarios_ms,
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
    return {"landelijk_voorbeeld_ms": mediaan_ms(lambda: _bereken_landelijk(invoer), herhalingen * 5),
            "landelijk_jaren": len(invoer.jaren), "landelijk_regios": len(invoer.regios)}


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


# --- hele processen ---------------------------------------------------------------------------------

def proces_ms(opdracht: list[str], herhalingen: int, **kwargs) -> float:
    """Mediaan (ms) van de wandkloktijd van een heel proces, na één opwarmrun (schijfcache)."""
    def run():
        subprocess.run(opdracht, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300,
                       **kwargs)
    return mediaan_ms(run, herhalingen)


def meet_cli(herhalingen: int) -> dict:
    from tariefmodel.voorbeelden import voorbeeld_kostprijs as maak

    with tempfile.TemporaryDirectory(prefix="tariefmodel-bench-") as map_:
        pad = Path(map_) / "voorbeeld.xlsx"
        pad.write_bytes(maak())
        python = [sys.executable, "-m", "tariefmodel"]
        return {"cli_help_proces_ms": proces_ms([*python, "--help"], herhalingen),
                "cli_bereken_proces_ms": proces_ms([*python, "bereken", str(pad)], herhalingen)}


# --- LibreOffice en andere rekenmachines op dezelfde export -----------------------------------------

def export_van(data: bytes) -> bytes:
    from tariefmodel.export.kostprijs import exporteer_kostprijs

    return exporteer_kostprijs(bereken(lees_kostprijswerkboek(data)))


INVOERNAAM, UITVOERCEL = "bezettingsnorm", ("Uitvoer", "E6")  # de eerste opvangprijs hangt af van de norm


def meet_libreoffice(xlsx: bytes, herhalingen: int) -> dict:
    """Open document via UNO (systeem-Python met python3-uno) en proces tegen proces (soffice --convert-to)."""
    from tariefmodel.export.herberekenen import herbereken_met_libreoffice, soffice

    if soffice() is None:
        raise RuntimeError("soffice ontbreekt (apt-get install libreoffice-calc-nogui)")
    uit = {"libreoffice_proces_herberekening_ms": mediaan_ms(lambda: herbereken_met_libreoffice(xlsx),
                                                            max(1, herhalingen // 5))}
    systeem = shutil.which("python3", path="/usr/bin") or "/usr/bin/python3"
    with tempfile.TemporaryDirectory(prefix="tariefmodel-bench-") as map_:
        pad = Path(map_) / "export.xlsx"
        pad.write_bytes(xlsx)
        script = Path(__file__).with_name("benchmark_libreoffice.py")
        proces = subprocess.run([systeem, str(script), str(pad), str(herhalingen), INVOERNAAM, ".".join(UITVOERCEL)],
                                capture_output=True, text=True, timeout=600, check=False)
    if proces.returncode != 0:
        raise RuntimeError(f"UNO-meting mislukt (python3-uno geïnstalleerd?): {proces.stderr.strip()[-300:]}")
    lo = json.loads(proces.stdout)
    if not lo["uitvoer_veranderde"]:
        raise RuntimeError("LibreOffice herrekende de uitvoer niet na de wijziging; meting ongeldig")
    uit.update({"libreoffice_open_document_laden_ms": lo["laden_ms"],
                "libreoffice_open_document_herberekening_ms": lo["herberekening_alles_ms"],
                "libreoffice_open_document_wijziging_ms": lo["wijziging_ms"]})
    return uit


def _cel(xlsx_pad: Path, naam: str) -> tuple[str, str]:
    """(blad, cel) van een benoemde cel in de export."""
    import openpyxl

    wb = openpyxl.load_workbook(xlsx_pad, read_only=False)
    blad, cel = next(iter(wb.defined_names[naam].destinations))
    return blad, cel.replace("$", "")


def meet_formulas(xlsx: bytes, herhalingen: int) -> dict:
    """Het pakket formulas: werkboek laden (compileren), alles berekenen, en één invoer gewijzigd."""
    import formulas

    with tempfile.TemporaryDirectory(prefix="tariefmodel-bench-") as map_:
        pad = Path(map_) / "export.xlsx"
        pad.write_bytes(xlsx)
        begin = time.perf_counter()
        model = formulas.ExcelModel().loads(str(pad)).finish()
        laden = (time.perf_counter() - begin) * 1000
        blad, cel = _cel(pad, INVOERNAAM)
        invoer = f"'[export.xlsx]{blad.upper()}'!{cel}"
        uitvoer = f"'[export.xlsx]{UITVOERCEL[0].upper()}'!{UITVOERCEL[1]}"
        basis = float(model.calculate()[invoer].value[0, 0])
        waarden = iter([basis * 0.99, basis] * (herhalingen + 2))
        alles = mediaan_ms(model.calculate, max(1, herhalingen // 5))
        wijziging = mediaan_ms(lambda: model.calculate(inputs={invoer: next(waarden)}, outputs=[uitvoer]),
                               max(1, herhalingen // 5))
    return {"formulas_laden_ms": laden, "formulas_herberekening_ms": alles, "formulas_wijziging_ms": wijziging}


def meet_pycel(xlsx: bytes, herhalingen: int) -> dict:
    """Het pakket pycel: laden, de uitvoercel berekenen, en na één gewijzigde invoer opnieuw.

    pycel 1.0b30 leest benoemde namen nog met de API van openpyxl < 3.1 (``defined_names.definedName``); die
    lijst wordt hier uit de nieuwe DefinedNameDict gegeven.
    """
    from openpyxl.workbook.defined_name import DefinedNameDict
    from pycel import ExcelCompiler

    if not hasattr(DefinedNameDict, "definedName"):
        DefinedNameDict.definedName = property(lambda self: list(self.values()))

    with tempfile.TemporaryDirectory(prefix="tariefmodel-bench-") as map_:
        pad = Path(map_) / "export.xlsx"
        pad.write_bytes(xlsx)
        begin = time.perf_counter()
        xl = ExcelCompiler(filename=str(pad))
        blad, cel = _cel(pad, INVOERNAAM)
        invoer, uitvoer = f"{blad}!{cel}", f"{UITVOERCEL[0]}!{UITVOERCEL[1]}"
        xl.evaluate(uitvoer)
        laden = (time.perf_counter() - begin) * 1000
        basis = xl.evaluate(invoer)
        waarden = iter([basis * 0.99, basis] * (herhalingen + 2))

        voor, gezien = xl.evaluate(uitvoer), []

        def wijzig():
            xl.set_value(invoer, next(waarden))
            gezien.append(xl.evaluate(uitvoer))

        wijziging = mediaan_ms(wijzig, herhalingen)
    if not any(abs(g - voor) > 1e-9 for g in gezien):
        raise RuntimeError("pycel rekende de uitvoer niet opnieuw na de wijziging; meting ongeldig")
    return {"pycel_laden_en_eerste_berekening_ms": laden, "pycel_wijziging_ms": wijziging}


# --- de app ---------------------------------------------------------------------------------------

APP = Path(__file__).resolve().parent.parent / "app.py"
CHROMIUM = Path("/usr/bin/chromium")
KLAAR = "[data-testid='stApp'][data-test-script-state='notRunning']"


def meet_apptest(herhalingen: int) -> dict:
    """AppTest (zonder server, websocket of browser): pagina Scenario's na één gewijzigde schuif."""
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

    return {"app_apptest_herberekening_ms": mediaan_ms(wijzig_en_herbereken, herhalingen)}


def _vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_app(poort: int, log) -> subprocess.Popen:
    import urllib.request

    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(poort), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"], cwd=APP.parent, stdout=log, stderr=subprocess.STDOUT)
    einde = time.monotonic() + 90
    while time.monotonic() < einde:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{poort}/_stcore/health", timeout=2):
                return proces
        except OSError:
            if proces.poll() is not None:
                break
            time.sleep(0.2)
    proces.kill()
    raise RuntimeError("de app startte niet")


def _p95(tijden: list[float]) -> float:
    return float(np.percentile(tijden, 95))


def meet_browser(herhalingen: int) -> dict:
    """Chromium (playwright): eerste pagina tot de cijfers er staan en de app stil is; en per pagina met een
    schuif (``SCHUIVEN``: Scenario's, Capaciteit, Meerjaren) een toets op die schuif tot de cijfers veranderd
    zijn en de app stil is. De kopcijfers zijn die van Scenario's; ``app_browser_schuif_per_pagina`` geeft alle."""
    if not CHROMIUM.exists():
        raise RuntimeError("/usr/bin/chromium ontbreekt")
    from playwright.sync_api import sync_playwright

    poort = _vrije_poort()
    url = f"http://127.0.0.1:{poort}"
    with tempfile.TemporaryFile("w+") as log:
        proces = _start_app(poort, log)
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                             args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
                eerste = []
                for k in range(max(3, herhalingen // 3) + 1):
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    pagina = context.new_page()
                    begin = time.perf_counter()
                    pagina.goto(url, wait_until="commit")
                    pagina.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
                    pagina.wait_for_selector(KLAAR, timeout=60_000)
                    if k:  # de eerste keer warmt de server op (imports, caches)
                        eerste.append((time.perf_counter() - begin) * 1000)
                    context.close()
                per_pagina = {f"{pad}: {label}": _schuiftijden(browser, f"{url}/{pad}", herhalingen, label)
                              for pad, label in SCHUIVEN}
                browser.close()
        finally:
            proces.terminate()
            proces.wait(timeout=20)
    schuif = next(iter(per_pagina.values()))  # de kopcijfers: Scenario's, de onderhandelingspagina
    return {"app_browser_eerste_pagina_ms": statistics.median(eerste),
            "app_browser_schuif_mediaan_ms": statistics.median(schuif),
            "app_browser_schuif_p95_ms": _p95(schuif), "app_browser_schuif_max_ms": max(schuif),
            "app_browser_schuif_metingen": len(schuif),
            "app_browser_schuif_per_pagina": {naam: {"mediaan_ms": statistics.median(t), "p95_ms": _p95(t),
                                                     "max_ms": max(t)} for naam, t in per_pagina.items()}}


# De cijfers op de pagina (kerncijfers, tabellen en teksten, niet de schuifjes zelf) als één tekst.
CIJFERS_JS = """() => {
  const m = [...document.querySelectorAll("[data-testid='stMain'] :is([data-testid='stMetricValue'], " +
    "[data-testid='stMarkdownContainer'], [data-testid='stTable'])")]
    .filter(e => !e.closest("[data-testid='stSlider'], [data-testid='stWidgetLabel'], [data-testid='stExpander'] summary"));
  return m.length ? m.map(e => e.innerText).join(' | ') : null;
}"""
SCHUIF = "Risico-opslag"  # werkt door in kostprijs én integrale kosten (bezettingsnorm verandert het tekort niet)
# (pagina, schuif): elke pagina met een schuif die de cijfers verandert; de eerste geeft de kopcijfers
SCHUIVEN = (("scenarios", SCHUIF), ("capaciteit", "Bezetting waarop het tarief rekent"),
            ("meerjaren", "CAO-loonstijging per jaar"))


def _schuiftijden(browser, url: str, herhalingen: int, label: str = SCHUIF) -> list[float]:
    context = browser.new_context(viewport={"width": 1400, "height": 1200})
    pagina = context.new_page()
    pagina.goto(url)
    pagina.wait_for_selector(KLAAR, timeout=60_000)
    pagina.wait_for_function(f"({CIJFERS_JS})() !== null", timeout=60_000)
    schuif = pagina.get_by_role("slider", name=label).first
    schuif.focus()
    tijden = []
    for k in range(herhalingen + 1):
        voor = pagina.evaluate(CIJFERS_JS)
        begin = time.perf_counter()
        pagina.keyboard.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
        pagina.wait_for_function(f"""(voor) => ({CIJFERS_JS})() !== voor &&
            document.querySelector("{KLAAR}") !== null""", arg=voor, polling="raf", timeout=60_000)
        if k:  # de eerste wijziging vult de caches
            tijden.append((time.perf_counter() - begin) * 1000)
    context.close()
    return tijden


# --- groei: 1×, 10×, 100×, 1000× het voorbeeld, elk in een eigen proces ------------------------------

GROEISTAPPEN = ("lezen", "rekenen", "export", "rapport", "bundel", "landelijk")
FACTOREN = (1, 10, 100, 1000)


def voorbeeld_geschaald(factor: int, naam: str | None = None) -> bytes:
    """Het voorbeeld met elke personeels- en kostenregel ``factor`` keer (zelfde producten)."""
    from tariefmodel import voorbeelden as v

    uitgangspunten = {**v.UITGANGSPUNTEN, **({"organisatie": naam} if naam else {})}
    return kostprijswerkboek(uitgangspunten, v.PRODUCTEN, v.PERSONEEL * factor, v.KOSTEN * factor)


def groeicel(stap: str, factor: int) -> dict:
    """Eén cel van de groeitabel (draait in een eigen proces): bouw de invoer, meet één keer de stap."""
    from dataclasses import replace

    if stap == "landelijk":
        invoer = landelijk_geschaald(_landelijk_voorbeeld(), factor)
        functie, omvang = (lambda: _bereken_landelijk(invoer)), f"{len(invoer.regios)} regio's"
    elif stap == "bundel":
        from tariefmodel.landelijk.bundel import bundel

        bestanden = [(f"vo_{k}.xlsx", voorbeeld_geschaald(1, f"VO {k}")) for k in range(factor)]
        functie, omvang = (lambda: bundel(bestanden)), f"{factor} werkboeken"
    else:
        data = voorbeeld_geschaald(factor)
        invoer = lees_kostprijswerkboek(data)
        omvang = f"{len(invoer.personeel)} personeelsregels"
        if stap == "lezen":
            functie = lambda: lees_kostprijswerkboek(data)
        elif stap == "rekenen":  # een verse kopie per run: de regeltabel (vectorieel.py) telt elke keer mee
            functie = lambda: bereken(replace(invoer))
        elif stap == "export":
            from tariefmodel.export.kostprijs import exporteer_kostprijs

            r = bereken(invoer)
            functie = lambda: exporteer_kostprijs(r)
        elif stap == "rapport":
            from tariefmodel.rapport import rapport_pdf

            r = bereken(invoer)
            functie = lambda: rapport_pdf(r)
        else:
            raise ValueError(stap)
    herhalingen = 5 if (factor <= 10 or stap == "rekenen") and stap not in ("rapport", "bundel") else 1
    ms = mediaan_ms(functie, herhalingen, opwarmen=1 if factor <= 10 or stap == "rekenen" else 0)
    # Piek-RSS van dit hele proces (incl. Python, pakketten en de opgebouwde invoer): VmHWM uit /proc.
    return {"ms": ms, "omvang": omvang, "piekgeheugen_mb": round(_geheugen_mb("self", "VmHWM") or 0.0, 1)}


def groeitabel(factoren=FACTOREN, limiet_s: float = 120, geheugen_gb: float = 4) -> list[dict]:
    """Elke stap × factor in een eigen proces (python -m tariefmodel.benchmark --cel STAP FACTOR); piekgeheugen
    = VmHWM (piek-RSS) van dat proces; boven ``limiet_s`` of ``geheugen_gb`` afgebroken en zo gemeld."""
    rijen = []
    for stap in GROEISTAPPEN:
        afgebroken = False
        for factor in factoren:
            if afgebroken:  # een grotere factor duurt zeker langer
                rijen.append({"stap": stap, "factor": factor, "ms": None, "status": "overgeslagen"})
                continue
            rij = _groeiproces(stap, factor, limiet_s, geheugen_gb)
            afgebroken = rij["status"] != "ok"
            rijen.append(rij)
    return rijen


def _geheugen_mb(pid: int | str, veld: str) -> float | None:
    """VmRSS of VmHWM (piek) van een proces uit /proc, in MB; None als het proces weg is."""
    try:
        for regel in Path(f"/proc/{pid}/status").read_text().splitlines():
            if regel.startswith(f"{veld}:"):
                return int(regel.split()[1]) / 1024
    except OSError:
        return None
    return None


def _groeiproces(stap: str, factor: int, limiet_s: float, geheugen_gb: float) -> dict:
    """Eén cel in een eigen proces; de bewaker stopt het boven ``limiet_s`` seconden of ``geheugen_gb`` RSS."""
    rij = {"stap": stap, "factor": factor}
    with tempfile.TemporaryFile("w+") as uit:
        proces = subprocess.Popen([sys.executable, "-m", "tariefmodel.benchmark", "--cel", stap, str(factor)],
                                  stdout=uit, stderr=subprocess.DEVNULL)
        begin, piek = time.monotonic(), 0.0
        while proces.poll() is None:
            piek = max(piek, _geheugen_mb(proces.pid, "VmHWM") or 0.0)
            reden = (f"afgebroken na {limiet_s:.0f} s" if time.monotonic() - begin > limiet_s else
                     f"afgebroken boven {geheugen_gb:.0f} GB geheugen" if piek > geheugen_gb * 1024 else None)
            if reden:
                proces.kill()
                proces.wait()
                return {**rij, "ms": None, "piekgeheugen_mb": round(piek, 1), "status": reden}
            time.sleep(0.05)
        uit.seek(0)
        tekst = uit.read().strip()
    if proces.returncode != 0 or not tekst:
        return {**rij, "ms": None, "piekgeheugen_mb": round(piek, 1), "status": f"mislukt (exit {proces.returncode})"}
    return {**rij, **json.loads(tekst.splitlines()[-1]), "status": "ok"}


def groei_per_10x(rijen: list[dict]) -> dict[str, list[float | None]]:
    """Per stap: de tijdsverhouding van elke factor tot de vorige (lineair = 10)."""
    uit = {}
    for stap in GROEISTAPPEN:
        tijden = [r["ms"] for r in rijen if r["stap"] == stap]
        uit[stap] = [round(b / a, 1) if a and b else None for a, b in itertools.pairwise(tijden)]
    return uit


# --- alles samen ----------------------------------------------------------------------------------

def _deel(a, b):
    return a / b if a is not None and b else None


def verhoudingen(u: dict) -> dict:
    """Elke verhouding benoemd: wat tegen wat, en of het in-process of proces tegen proces is. De rekenmachines
    rekenden de export van ``u['export_werkboek']``; de noemer is ``bereken`` van datzelfde werkboek."""
    u = {**u, "bereken_groot_vo_ms": u.get(f"bereken_{u.get('export_werkboek', 'groot_vo')}_ms")}
    return {
        "verhouding_libreoffice_open_document_tegen_bereken": _deel(
            u.get("libreoffice_open_document_herberekening_ms"), u.get("bereken_groot_vo_ms")),
        "verhouding_libreoffice_wijziging_tegen_bereken": _deel(
            u.get("libreoffice_open_document_wijziging_ms"), u.get("bereken_groot_vo_ms")),
        "verhouding_libreoffice_proces_tegen_cli_bereken_proces": _deel(
            u.get("libreoffice_proces_herberekening_ms"), u.get("cli_bereken_proces_ms")),
        "verhouding_formulas_herberekening_tegen_bereken": _deel(
            u.get("formulas_herberekening_ms"), u.get("bereken_groot_vo_ms")),
        "verhouding_pycel_wijziging_tegen_bereken": _deel(u.get("pycel_wijziging_ms"), u.get("bereken_groot_vo_ms")),
        "verhouding_browser_schuif_tegen_libreoffice_wijziging": _deel(
            u.get("app_browser_schuif_mediaan_ms"), u.get("libreoffice_open_document_wijziging_ms")),
    }


SLEUTELS = ("inlezen_voorbeeld_ms", "bereken_voorbeeld_ms", "bereken_groot_vo_ms", "scenarios_10k_ms",
            "landelijk_voorbeeld_ms", "cli_help_proces_ms", "cli_bereken_proces_ms",
            "libreoffice_proces_herberekening_ms", "libreoffice_open_document_laden_ms",
            "libreoffice_open_document_herberekening_ms", "libreoffice_open_document_wijziging_ms",
            "formulas_laden_ms", "formulas_herberekening_ms", "formulas_wijziging_ms",
            "pycel_laden_en_eerste_berekening_ms", "pycel_wijziging_ms", "app_apptest_herberekening_ms",
            "app_browser_eerste_pagina_ms", "app_browser_schuif_mediaan_ms", "app_browser_schuif_p95_ms")


def meet_alles(herhalingen: int, groei: tuple[int, ...] | None = None, limiet_s: float = 120,
               export_werkboek: str = "groot_vo") -> dict:
    """Alle metingen; een onderdeel dat niet kan draaien geeft None met de reden in 'problemen'.

    ``export_werkboek``: welk werkboek LibreOffice, formulas en pycel rekenen ('groot_vo' of, snel, 'voorbeeld').
    """
    uit: dict = {"datum": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
                 "export_werkboek": export_werkboek}
    problemen = {}
    uit.update(meet_kostprijs(herhalingen))
    xlsx = export_van(groot_vo() if export_werkboek == "groot_vo" else voorbeeld_kostprijs())
    for naam, meting in (("landelijk", lambda: meet_landelijk(herhalingen)),
                         ("cli", lambda: meet_cli(herhalingen)),
                         ("libreoffice", lambda: meet_libreoffice(xlsx, herhalingen)),
                         ("formulas", lambda: meet_formulas(xlsx, herhalingen)),
                         ("pycel", lambda: meet_pycel(xlsx, herhalingen)),
                         ("apptest", lambda: meet_apptest(herhalingen)),
                         ("browser", lambda: meet_browser(herhalingen))):
        try:
            uit.update(meting())
        except Exception as fout:  # noqa: BLE001 - de benchmark meldt wat niet kon, en gaat door
            problemen[naam] = f"{type(fout).__name__}: {fout}"[:500]
    for sleutel in SLEUTELS:
        uit.setdefault(sleutel, None)
    uit.update(verhoudingen(uit))
    if groei:
        uit["groei"] = groeitabel(groei, limiet_s)
        uit["groei_per_10x"] = groei_per_10x(uit["groei"])
    uit["doelen_gehaald"] = {k: _gehaald(uit.get(k), *v) for k, v in DOELEN.items()}
    uit["problemen"] = problemen
    return uit


def _gehaald(waarde, richting, doel):
    if waarde is None:
        return None
    return waarde <= doel if richting == "<=" else waarde >= doel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tariefmodel.benchmark", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="één JSON-object op stdout")
    parser.add_argument("--snel", action="store_true", help="minder herhalingen; groei alleen 1× en 10×")
    parser.add_argument("--groei", action="store_true", help="ook de groeitabel 1×/10×/100×/1000× (minuten)")
    parser.add_argument("--limiet", type=float, default=120, help="seconden per cel van de groeitabel")
    parser.add_argument("--cel", nargs=2, metavar=("STAP", "FACTOR"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.cel:  # één cel van de groeitabel, in een eigen proces
        print(json.dumps(groeicel(args.cel[0], int(args.cel[1]))))
        return 0
    groei = (1, 10) if args.snel else (FACTOREN if args.groei else None)
    uit = meet_alles(3 if args.snel else 15, groei, args.limiet, "voorbeeld" if args.snel else "groot_vo")
    if args.json:
        json.dump(uit, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for sleutel, waarde in uit.items():
            print(f"{sleutel}: {waarde}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
