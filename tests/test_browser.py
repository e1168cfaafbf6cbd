"""De app in een echte browser: Debian-chromium via playwright, de app op localhost.

Elke pagina wordt bezocht; er mag geen foutelement en geen 'Traceback' op staan. Schermafdrukken gaan
naar screenshots/ (git-ignored), zodat een mens ze kan bekijken. Zonder /usr/bin/chromium: overgeslagen.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

MAP = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = MAP / "screenshots"
VLAGGEN = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--no-first-run"]
KLAAR = "[data-testid='stApp'][data-test-script-state='notRunning']"
# (url-pad, naam van het bestand, tekst die op de pagina moet staan)
PAGINAS = [
    ("", "kostprijs", "Kostprijs per product"),
    ("scenarios", "scenarios", "Scenario"),
    ("meerjaren", "meerjaren", "Meerjaren"),
    ("capaciteit", "capaciteit", "Capaciteit"),
    ("duvo", "duvo", "DUVO"),
    ("verdeelmodel", "verdeelmodel", "Verdeelmodel"),
    ("landelijk", "landelijk", "Landelijk"),
    ("downloads", "downloads", "Downloads"),
]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wacht_op(url: str, proces: subprocess.Popen, seconden: float = 60) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"streamlit stopte met code {proces.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwoord:
                if antwoord.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError("streamlit startte niet binnen de tijd")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """Start de app op een vrije poort op localhost; het serverlog gaat naar een tijdelijk bestand."""
    poort = _vrije_poort()
    omgeving = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("w")
    proces = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(MAP / "app.py"), "--server.port", str(poort),
         "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none"],
        cwd=MAP, env=omgeving, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{poort}"
    try:
        _wacht_op(url, proces)
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proces.kill()
            proces.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium ontbreekt (CI installeert het met apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=VLAGGEN, headless=True)
        yield b
        b.close()


def _open(pagina, url: str) -> None:
    pagina.goto(url, wait_until="domcontentloaded")
    pagina.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    pagina.wait_for_selector(KLAAR, timeout=60_000)
    pagina.wait_for_timeout(1500)  # grafieken (vega) tekenen na de laatste run
    pagina.wait_for_selector(KLAAR, timeout=60_000)


def _schermafdruk(pagina, naam: str) -> None:
    """De hele pagina: Streamlit scrolt binnen stMain, dus maak het venster zo hoog als de inhoud."""
    SCREENSHOTS.mkdir(exist_ok=True)
    hoogte = pagina.evaluate("document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    pagina.set_viewport_size({"width": 1400, "height": min(max(900, hoogte + 40), 16_000)})
    pagina.wait_for_timeout(800)
    pagina.wait_for_selector(KLAAR, timeout=60_000)
    pagina.screenshot(path=str(SCREENSHOTS / f"{naam}.png"), full_page=True)


def _controleer(pagina, naam: str) -> None:
    _schermafdruk(pagina, naam)
    assert pagina.locator("[data-testid='stException']").count() == 0, f"foutelement op pagina {naam}"
    tekst = pagina.inner_text("body")
    assert "Traceback" not in tekst, f"stacktrace op pagina {naam}"
    assert "Er ging iets mis in het programma" not in tekst, f"interne fout op pagina {naam}"


@pytest.mark.parametrize(("pad", "naam", "verwacht"), PAGINAS, ids=[p[1] for p in PAGINAS])
def test_pagina_zonder_fouten(browser, app_url, pad, naam, verwacht):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    try:
        _open(pagina, f"{app_url}/{pad}")
        _controleer(pagina, naam)
        assert verwacht in pagina.inner_text("[data-testid='stMain']")
    finally:
        context.close()


def test_grafiek_gebruikt_nederlandse_notatie(browser, app_url):
    """De as van de opbouwgrafiek toont € met punt als duizendtal-scheiding (nl-NL-locale in de spec)."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pagina = context.new_page()
    try:
        _open(pagina, app_url)
        pagina.get_by_text("De opbouw als grafiek, per product").click()  # pas getekend als hij open is
        pagina.locator("[data-testid='stVegaLiteChart'] svg").first.wait_for(timeout=60_000)
        tekst = pagina.evaluate(
            "() => Array.from(document.querySelectorAll(\"[data-testid='stVegaLiteChart'] svg\"))"
            ".map(s => s.textContent).join(' ')")
        assert "€" in tekst, "geen euroteken in de grafieken"
        assert "$" not in tekst, "dollarteken in de grafieken: de nl-NL-locale is niet toegepast"
    finally:
        context.close()


def test_ongeldig_werkboek_uploaden_toont_nederlandse_meldingen(browser, app_url, tmp_path):
    """Echt uploaden via de knop in de zijbalk: meldingen in het Nederlands, geen stacktrace."""
    from tariefmodel import voorbeelden
    from tariefmodel.werkboek.sjablonen import kostprijswerkboek

    producten = [list(p) for p in voorbeelden.PRODUCTEN]
    producten[0][2] = "residentieel"
    bestand = tmp_path / "fout_werkboek.xlsx"
    bestand.write_bytes(kostprijswerkboek(voorbeelden.UITGANGSPUNTEN, producten, voorbeelden.PERSONEEL,
                                          voorbeelden.KOSTEN))
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pagina = context.new_page()
    try:
        _open(pagina, app_url)
        pagina.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(bestand))
        pagina.get_by_text("kan niet worden gebruikt").first.wait_for(timeout=60_000)
        pagina.wait_for_selector(KLAAR, timeout=60_000)
        _controleer(pagina, "uploadfout")
        tekst = pagina.inner_text("[data-testid='stMain']")
        assert "Blad 'Producten', rij 2, kolom 'Soort'" in tekst
    finally:
        context.close()


def test_bundelpagina_met_tien_werkboeken(browser, app_url, tmp_path):
    """Landelijk beeld (bundel): tien werkboeken echt uploaden; tabel, benchmark en kaart staan op de pagina."""
    from tests.hulp.bundel import tien_werkboeken

    paden = []
    for naam, data in tien_werkboeken():
        (tmp_path / naam).write_bytes(data)
        paden.append(str(tmp_path / naam))
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")
    pagina = context.new_page()
    try:
        _open(pagina, f"{app_url}/bundel")
        pagina.locator("[data-testid='stMain'] [data-testid='stFileUploader'] input[type='file']").set_input_files(paden)
        pagina.get_by_text("Kaart van de 35 centrumgemeenten").first.wait_for(timeout=60_000)
        pagina.wait_for_selector(KLAAR, timeout=60_000)
        pagina.wait_for_timeout(2500)  # vega tekent de grafieken na de run
        _controleer(pagina, "bundel")
        tekst = pagina.inner_text("[data-testid='stMain']")
        assert "10** werkboeken meegeteld" in tekst or "10 werkboeken meegeteld" in tekst
        assert "Sectorbenchmark" in tekst
        grafieken = pagina.evaluate(
            "() => Array.from(document.querySelectorAll(\"[data-testid='stVegaLiteChart'] svg\"))"
            ".map(s => s.textContent)")
        assert len(grafieken) >= 3, "benchmark en kaart ontbreken"
        kaart = grafieken[-1]
        assert "Zwolle" in kaart and "Maastricht" in kaart and "€" in kaart and "$" not in kaart
    finally:
        context.close()
