"""Issue 15 in een echte browser: werkboek met scenario's uploaden, een scenario laden, een hefboom wijzigen,
bewaren in een kopie (echte download), die kopie in een nieuwe sessie openen: dezelfde cijfers.

Schermafdruk van de pagina Scenario's: screenshots/scenarios_onderhandeling.png.
"""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.scenariowerkboek import met_scenarios
from tests.test_browser import KLAAR, _open, _schermafdruk, app_url, browser  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def _wacht(pagina) -> None:
    pagina.wait_for_timeout(400)
    pagina.wait_for_selector(KLAAR, timeout=60_000)


def _upload(pagina, pad) -> None:
    pagina.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(pad))
    pagina.get_by_text("in gebruik genomen").first.wait_for(timeout=60_000)
    _wacht(pagina)


def _naar(pagina, titel: str) -> None:
    pagina.locator("[data-testid='stSidebarNav'] a", has_text=titel).first.click()
    pagina.get_by_role("heading", name=titel).first.wait_for(timeout=60_000)
    _wacht(pagina)


def _kies(pagina, label: str, optie: str) -> None:
    pagina.get_by_role("combobox", name=label).first.click()
    pagina.get_by_role("option", name=optie, exact=True).first.click()
    _wacht(pagina)


def _knop(pagina, tekst: str) -> None:
    pagina.get_by_role("button", name=tekst, exact=True).first.click()  # niet 'Bewaren of meenemen'
    _wacht(pagina)


def _metriek(pagina, label: str) -> str:
    metriek = pagina.locator("[data-testid='stMetric']", has_text=label).first
    return metriek.locator("[data-testid='stMetricValue']").inner_text().strip()


def _bewaarpaneel(pagina) -> None:
    """Bewaren en de download staan in de popover 'Bewaren of meenemen' naast de laadknop."""
    if not pagina.get_by_label("Deze instellingen bewaren als").is_visible():
        pagina.get_by_role("button", name="Bewaren of meenemen").first.click()
        pagina.get_by_label("Deze instellingen bewaren als").wait_for(timeout=30_000)


def _laad(pagina, naam: str) -> None:
    _kies(pagina, "Bewaard scenario", naam)
    _knop(pagina, "In de schuifjes laden")
    pagina.get_by_text(f"Scenario '{naam}' is geladen.").first.wait_for(timeout=30_000)


def test_onderhandeling_bewaren_en_heropenen(browser, app_url, tmp_path):  # noqa: F811
    bron = tmp_path / "drie.xlsx"
    bron.write_bytes(met_scenarios())
    hash_voor = hashlib.sha256(bron.read_bytes()).hexdigest()
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL", accept_downloads=True)
    pagina = context.new_page()
    try:
        _open(pagina, app_url)
        _upload(pagina, bron)
        _naar(pagina, "Scenario's")
        _laad(pagina, "Compromis")
        pagina.get_by_text("Tarieven en volumes per product").first.click()
        _wacht(pagina)  # de velden worden pas getekend als de uitklapper open is (een herberekening)
        veld = pagina.get_by_label("Gemeentetarief (€)").first  # Crisisopvang staat bovenaan
        assert veld.input_value() == "285,00"
        veld.fill("295,00")
        veld.press("Enter")
        _wacht(pagina)
        tekort, meerjarig = _metriek(pagina, "Tekort per jaar"), _metriek(pagina, "Tekort 6 jaar samen")
        _bewaarpaneel(pagina)
        pagina.get_by_label("Deze instellingen bewaren als").fill("Compromis 295")
        _knop(pagina, "Bewaren")
        pagina.get_by_text("Scenario 'Compromis 295' is bewaard").first.wait_for(timeout=30_000)
        _schermafdruk(pagina, "scenarios_onderhandeling")
        _bewaarpaneel(pagina)
        with pagina.expect_download() as download:
            pagina.get_by_role("button", name="Werkboek met scenario's downloaden").first.click()
        kopie = tmp_path / "kopie.xlsx"
        download.value.save_as(str(kopie))
        assert download.value.suggested_filename == "drie_met_scenarios.xlsx"
        _naar(pagina, "Meerjaren")
        samenvatting = pagina.get_by_text("Opgeteld over").first.inner_text()
        assert re.sub(r"\s", " ", meerjarig) in re.sub(r"\s", " ", samenvatting), "Meerjaren = Scenario's"
    finally:
        context.close()
    assert hashlib.sha256(bron.read_bytes()).hexdigest() == hash_voor

    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="nl-NL")  # een nieuwe sessie
    pagina = context.new_page()
    try:
        _open(pagina, app_url)
        _upload(pagina, kopie)
        _naar(pagina, "Scenario's")
        _laad(pagina, "Compromis 295")
        assert _metriek(pagina, "Tekort per jaar") == tekort
        assert _metriek(pagina, "Tekort 6 jaar samen") == meerjarig
    finally:
        context.close()
