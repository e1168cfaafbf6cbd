"""Browsertijden van twee (of meer) versies van de app om en om, in één browsersessie (issue 17).

Gebruik: python scripts/vergelijk_browser.py AANTAL MAP_A MAP_B [...]
Elke MAP is een uitgepakte versie van de repository (bijv. ``git archive <commit> | tar -x -C /tmp/oud``).
Per map een eigen Streamlit-server; eerst om en om drie keer de eerste pagina (na één opwarmronde), daarna
op de pagina Scenario's per ronde één toets op de schuif Risico-opslag per versie. Zo treft een wisselende
belasting van de machine alle versies gelijk: vergelijk de verhoudingen. Zelfde meetpunt als
``tariefmodel.benchmark.meet_browser``: toets tot de cijfers veranderd zijn en de app stil is.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tariefmodel import benchmark as b

WACHT = f"""(voor) => ({b.CIJFERS_JS})() !== voor && document.querySelector("{b.KLAAR}") !== null"""


def _server(stapel: ExitStack, map_: str) -> str:
    poort = b._vrije_poort()
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", f"{map_}/app.py", "--server.port", str(poort),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
         "--browser.gatherUsageStats", "false"], cwd=map_, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=map_))
    stapel.callback(lambda: (proces.terminate(), proces.wait(timeout=20)))
    url = f"http://127.0.0.1:{poort}"
    for _ in range(450):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return url
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"de app in {map_} startte niet")


def _eerste_pagina(browser, url: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pagina = context.new_page()
    begin = time.perf_counter()
    pagina.goto(url, wait_until="commit")
    pagina.wait_for_selector("[data-testid='stMetric']", timeout=60_000)
    pagina.wait_for_selector(b.KLAAR, timeout=60_000)
    context.close()
    return (time.perf_counter() - begin) * 1000


def _scenariopagina(browser, url: str):
    pagina = browser.new_context(viewport={"width": 1400, "height": 1200}).new_page()
    pagina.goto(f"{url}/scenarios")
    pagina.wait_for_selector(b.KLAAR, timeout=60_000)
    pagina.wait_for_function(f"({b.CIJFERS_JS})() !== null", timeout=60_000)
    return pagina


def _toets(pagina, k: int) -> float:
    pagina.bring_to_front()
    pagina.get_by_role("slider", name=b.SCHUIF).focus()
    voor = pagina.evaluate(b.CIJFERS_JS)
    begin = time.perf_counter()
    pagina.keyboard.press("ArrowRight" if k % 2 == 0 else "ArrowLeft")
    pagina.wait_for_function(WACHT, arg=voor, polling="raf", timeout=60_000)
    return (time.perf_counter() - begin) * 1000


def main(aantal: int, mappen: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    with ExitStack() as stapel:
        urls = [_server(stapel, m) for m in mappen]
        pw = stapel.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path=str(b.CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        stapel.callback(browser.close)
        eerste: dict[str, list[float]] = {m: [] for m in mappen}
        for k in range(4):  # ronde 0 warmt de servers op
            for m, url in zip(mappen, urls):
                tijd = _eerste_pagina(browser, url)
                if k:
                    eerste[m].append(tijd)
        paginas = [_scenariopagina(browser, url) for url in urls]
        schuif: dict[str, list[float]] = {m: [] for m in mappen}
        for k in range(aantal + 1):  # de eerste toets vult de caches
            for m, pagina in zip(mappen, paginas):
                tijd = _toets(pagina, k)
                if k:
                    schuif[m].append(tijd)
        for m in mappen:
            print(json.dumps({"map": m, "eerste_pagina_ms": round(statistics.median(eerste[m])),
                              "schuif_mediaan_ms": round(statistics.median(schuif[m])),
                              "schuif_p95_ms": round(float(np.percentile(schuif[m], 95))),
                              "schuif_max_ms": round(max(schuif[m]))}), flush=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), [os.path.abspath(m) for m in sys.argv[2:]])
