"""Veiligheid van de gehoste app in een echte browser (docs/veiligheid.md).

1. Twee sessies op één server, elk met een eigen kostprijswerkboek: elke download (Excel, PDF, landelijk Excel
   met de kosten per plaats uit het kostprijswerkboek) noemt alleen het eigen werkboek en de eigen organisatie.
2. Een vijandige bestandsnaam en vijandige teksten in het werkboek worden als tekst getoond: geen opmaak, geen
   verborgen pagina, en geen verzoek naar een adres dat in het werkboek staat (een lokale luisteraar telt mee).
"""

from __future__ import annotations

import io
import re
import subprocess
import threading
import typing
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.test_browser import KLAAR, _open, _schermafdruk, app_url, browser  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _kostprijswerkboek(organisatie: str, producten=None, factor: float = 1.0) -> bytes:
    from tariefmodel import voorbeelden
    from tariefmodel.werkboek.sjablonen import kostprijswerkboek

    uitgangspunten = {**voorbeelden.UITGANGSPUNTEN, "organisatie": organisatie}
    kosten = [[*k[:3], k[3] * factor] for k in voorbeelden.KOSTEN]
    return kostprijswerkboek(uitgangspunten, producten or voorbeelden.PRODUCTEN, voorbeelden.PERSONEEL, kosten)


def _upload(pagina, naam: str, data: bytes) -> None:
    pagina.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        {"name": naam, "mimeType": XLSX, "buffer": data})
    pagina.get_by_text("in gebruik genomen").first.wait_for(timeout=60_000)
    pagina.wait_for_selector(KLAAR, timeout=60_000)


def _naar(pagina, titel: str) -> None:
    """Binnen de sessie naar een andere pagina (een nieuwe URL laden zou een nieuwe sessie beginnen)."""
    pagina.locator("[data-testid='stSidebarNav'] a", has_text=titel).first.click()
    pagina.get_by_role("heading", name=titel).first.wait_for(timeout=60_000)
    pagina.wait_for_selector(KLAAR, timeout=60_000)


def _tekst_van(naam: str, data: bytes) -> str:
    """Alle tekst in een gedownload bestand: celwaarden van een xlsx, tekst van een pdf."""
    if naam.endswith(".pdf"):
        return subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    from openpyxl import load_workbook

    boek = load_workbook(io.BytesIO(data))
    return "\n".join(str(c.value) for blad in boek.worksheets for rij in blad.iter_rows() for c in rij
                     if c.value is not None)


def _downloads(pagina) -> dict[str, str]:
    """Klik elke downloadknop op de pagina Downloads; geef {bestandsnaam: tekst van het bestand}."""
    maken = pagina.get_by_role("button", name="Handout maken")
    if maken.count():
        maken.click()
    pagina.get_by_text("PDF downloaden").first.wait_for(timeout=120_000)
    pagina.wait_for_selector(KLAAR, timeout=60_000)
    knoppen = pagina.locator("[data-testid='stMain'] [data-testid='stDownloadButton'] button")
    # kostprijs-Excel, PDF, landelijk Excel, werkboek met scenario's en de vergelijking (xlsx, pdf): elke knop
    assert knoppen.count() >= 3, "verwacht minstens: kostprijs-Excel, PDF en landelijk Excel"
    gevonden = {}
    for i in range(knoppen.count()):
        if knoppen.nth(i).is_disabled():  # bijv. 'werkboek met scenario's' zonder bewaard scenario
            continue
        with pagina.expect_download(timeout=120_000) as download:
            knoppen.nth(i).click()
        d = download.value
        with open(d.path(), "rb") as f:
            gevonden[d.suggested_filename] = _tekst_van(d.suggested_filename, f.read())
    return gevonden


def test_twee_sessies_krijgen_elk_alleen_hun_eigen_downloads(browser, app_url):  # noqa: F811
    sessies = {
        "a": ("Stichting Aurora Opvang", "aurora_begroting.xlsx", 1.0),
        "b": ("Stichting Boreas Huis", "boreas_begroting.xlsx", 1.7),
    }
    paginas, contexten = {}, []
    try:
        for sleutel, (organisatie, bestand, factor) in sessies.items():
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            contexten.append(context)
            pagina = paginas[sleutel] = context.new_page()
            _open(pagina, app_url)
            _upload(pagina, bestand, _kostprijswerkboek(organisatie, factor=factor))
            _naar(pagina, "Verdeelmodel")
            pagina.get_by_text("Kosten per plaats uit het kostprijswerkboek").first.click()
            pagina.get_by_text(f"lumpsum-equivalent opvang uit {bestand}").first.wait_for(timeout=60_000)
        # Eerst alles in sessie a (vult de caches), dan in sessie b, dan nog eens in a.
        uitkomst = {}
        for ronde, sleutel in enumerate(("a", "b", "a")):
            _naar(paginas[sleutel], "Downloads")
            uitkomst[(ronde, sleutel)] = _downloads(paginas[sleutel])
            _naar(paginas[sleutel], "Kostprijs")
    finally:
        for context in contexten:
            context.close()
    for (_, sleutel), bestanden in uitkomst.items():
        eigen_org, eigen_bestand, _ = sessies[sleutel]
        ander_org, ander_bestand, _ = sessies["b" if sleutel == "a" else "a"]
        assert len(bestanden) >= 3, bestanden.keys()
        for naam, inhoud in bestanden.items():
            assert ander_org.split()[1] not in naam and ander_org not in inhoud, f"{sleutel}: {naam} lekt"
            assert ander_bestand not in inhoud, f"sessie {sleutel}: {naam} noemt het werkboek van de ander"
            if "landelijk" in naam:
                assert eigen_bestand in inhoud, f"sessie {sleutel}: {naam} noemt het eigen werkboek niet"
            else:
                assert eigen_org.split()[1] in naam, naam
                assert eigen_org in inhoud, f"sessie {sleutel}: {naam} noemt de eigen organisatie niet"


class _Teller(BaseHTTPRequestHandler):
    verzoeken: typing.ClassVar[list[str]] = []

    def do_GET(self):
        _Teller.verzoeken.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def luisteraar():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Teller)
    _Teller.verzoeken = []
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def test_vijandige_naam_en_teksten_worden_tekst(browser, app_url, luisteraar):  # noqa: F811
    from tariefmodel import voorbeelden

    bestand = "<style>[data-testid=stMain]{display:none}</style>.xlsx"
    organisatie = f"![x](http://127.0.0.1:{luisteraar}/p.png)"
    producten = [list(p) for p in voorbeelden.PRODUCTEN]
    producten[0][1] = f"<b>Vet</b> **Ster** <img src='http://127.0.0.1:{luisteraar}/i.png'>"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pagina = context.new_page()
    try:
        _open(pagina, app_url)
        _upload(pagina, bestand, _kostprijswerkboek(organisatie, producten))
        pagina.wait_for_timeout(1500)
        hoofd = pagina.locator("[data-testid='stMain']")
        assert hoofd.evaluate("e => getComputedStyle(e).display") != "none", "de bestandsnaam verbergt de pagina"
        zijbalk = pagina.inner_text("[data-testid='stSidebar']").replace("\u2060", "")  # woordverbinder
        assert "<style>[data-testid=stMain]{display:none}</style>.xlsx" in zijbalk, "naam niet als tekst getoond"
        tekst = pagina.inner_text("[data-testid='stMain']").replace("\u2060", "")
        assert organisatie in tekst, "organisatie niet letterlijk getoond"
        assert "<b>Vet</b> **Ster**" in tekst, "productnaam niet letterlijk getoond"
        opmaak = pagina.locator("[data-testid='stApp'] :is(b, strong, em, i, style)")
        assert opmaak.filter(has_text=re.compile(r"^(Vet|Ster)$")).count() == 0, "opmaak uit het werkboek"
        assert pagina.locator(f"img[src*='127.0.0.1:{luisteraar}']").count() == 0
        assert pagina.locator(f"a[href*='127.0.0.1:{luisteraar}']").count() == 0, "adres uit het werkboek werd een link"
        _schermafdruk(pagina, "vijandige_teksten")
        for titel in ("Capaciteit", "Downloads", "Kostprijs"):
            _naar(pagina, titel)
        # Een landelijk werkboek met een vijandige regionaam: elke landelijke pagina.
        from tariefmodel.werkboek.landelijk_sjabloon import VOORBEELD_REGIOS
        from tests.hulp.reproducers import landelijk

        regios = [list(r) for r in VOORBEELD_REGIOS]
        regios[0][0] = f"![r](http://127.0.0.1:{luisteraar}/r.png) **Vet** <i>x</i>"
        _upload(pagina, "landelijk <b>x</b>.xlsx", landelijk(regios=regios))
        for titel in ("Capaciteit", "DUVO", "Verdeelmodel", "Landelijk", "Downloads"):
            _naar(pagina, titel)
            opmaak = pagina.locator("[data-testid='stApp'] :is(i, b, em, strong)")
            assert opmaak.filter(has_text=re.compile(r"^(x|Vet)$")).count() == 0, f"opmaak uit het werkboek op {titel}"
            assert pagina.locator(f"a[href*='127.0.0.1:{luisteraar}'], img[src*='127.0.0.1:{luisteraar}']").count() == 0
            assert "Er ging iets mis" not in pagina.inner_text("[data-testid='stMain']")
        pagina.wait_for_timeout(1000)
        assert _Teller.verzoeken == [], f"verzoek naar een adres uit het werkboek: {_Teller.verzoeken}"
    finally:
        context.close()
