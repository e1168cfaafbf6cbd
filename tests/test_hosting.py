"""Hosting voor een organisatie (README, 'Installeren bij uw organisatie').

- Een sessie schrijft niets naar schijf: geüploade werkboeken blijven in het geheugen van de sessie. Bewezen op
  twee manieren: een audit-hook van Python telt elke poging om een bestand te schrijven, en de bestandsboom van
  de app, HOME en TMPDIR is na de sessie gelijk aan die ervoor. Eén uitzondering, benoemd: de PDF-handout
  gebruikt tijdens het maken een tijdelijke map in TMPDIR die meteen weer verdwijnt (in de container is /tmp
  geheugen, compose.yaml).
- Met inloggen aan (een [auth]-blok) ziet een bezoeker die niet is ingelogd geen cijfer; na inloggen bij een
  lokale test-OIDC-aanbieder ziet hij de app en zijn naam (echte server en browser).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.test_app import _t
from tests.test_browser import KLAAR, _vrije_poort, _wacht_op, browser  # noqa: F401 - fixture

MAP = Path(__file__).resolve().parent.parent
APPDELEN = ["app.py", "paginas", "tariefmodel", "workbooks", ".streamlit/config.toml"]

# Start Streamlit met een audit-hook die elke schrijfpoging naar een bestand noteert (behalve /dev/*).
AUDITSTART = textwrap.dedent("""
    import os, sys
    log = open(os.environ["SCHRIJFLOG"], "w", buffering=1)
    SCHRIJVEN = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
    def hook(event, args):
        if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            pad, modus, vlaggen = os.fsdecode(args[0]), args[1] or "", args[2] or 0
            if (any(c in str(modus) for c in "wax+") or vlaggen & SCHRIJVEN) and not pad.startswith("/dev/"):
                log.write(f"open {pad}\\n")
        elif event in ("os.mkdir", "os.rename", "os.replace", "os.remove", "os.rmdir", "shutil.copyfile"):
            log.write(f"{event} {os.fsdecode(args[0])}\\n")
    sys.addaudithook(hook)
    from streamlit.web import cli
    sys.argv = ["streamlit", "run", "app.py", *sys.argv[1:]]
    cli.main()
""")


def boom(*mappen: Path) -> dict[str, tuple[int, int]]:
    """Elk bestand en elke map onder ``mappen``: pad -> (grootte, mtime_ns)."""
    uit = {}
    for m in mappen:
        for pad in [m, *m.rglob("*")]:
            st = pad.lstat()
            uit[str(pad)] = (st.st_size if pad.is_file() else 0, st.st_mtime_ns)
    return uit


def verschil(voor: dict, na: dict) -> dict[str, list[str]]:
    return {"nieuw": sorted(set(na) - set(voor)), "weg": sorted(set(voor) - set(na)),
            "gewijzigd": sorted(p for p in set(voor) & set(na) if voor[p] != na[p] and not Path(p).is_dir())}


def kopie_van_de_app(doel: Path) -> Path:
    for deel in APPDELEN:
        bron = MAP / deel
        if bron.is_dir():
            shutil.copytree(bron, doel / deel, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (doel / deel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(bron, doel / deel)
    return doel


class Server:
    """De app als echte server uit een kopie in ``map_``, met eigen HOME en TMPDIR en de audit-hook."""

    def __init__(self, map_: Path, secrets: str | None = None):
        self.app, self.home, self.tmp = (map_ / "app"), (map_ / "home"), (map_ / "tmp")
        kopie_van_de_app(self.app)
        self.home.mkdir()
        self.tmp.mkdir()
        self.poort = _vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        self.schrijflog = map_ / "schrijflog.txt"
        self.serverlog = map_ / "server.log"
        if secrets is not None:  # ~/.streamlit/secrets.toml: buiten de app-map, zoals een mount
            (self.home / ".streamlit").mkdir()
            (self.home / ".streamlit" / "secrets.toml").write_text(secrets.format(url=self.url), encoding="utf-8")

    def __enter__(self):
        omgeving = {**{k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")},
                    "HOME": str(self.home), "TMPDIR": str(self.tmp), "SCHRIJFLOG": str(self.schrijflog),
                    "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": str(self.app)}
        self.log = self.serverlog.open("w")
        self.proces = subprocess.Popen(
            [sys.executable, "-c", AUDITSTART, "--server.port", str(self.poort), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=self.app, env=omgeving, stdout=self.log, stderr=subprocess.STDOUT)
        try:
            _wacht_op(self.url, self.proces)
        except Exception:
            self.__exit__()
            raise
        return self

    def __exit__(self, *_):
        self.proces.terminate()
        try:
            self.proces.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait(timeout=10)
        self.log.close()

    def schrijfpogingen(self) -> list[str]:
        return self.schrijflog.read_text(encoding="utf-8").splitlines()


def _wacht(pagina) -> None:
    pagina.wait_for_selector("[data-testid='stApp']", timeout=60_000)
    pagina.wait_for_selector(KLAAR, timeout=60_000)
    pagina.wait_for_timeout(800)
    pagina.wait_for_selector(KLAAR, timeout=60_000)


# --- niets op schijf ------------------------------------------------------------------------------

def ander_werkboek(pad: Path) -> Path:
    from tariefmodel import voorbeelden
    from tariefmodel.werkboek.sjablonen import kostprijswerkboek

    uitgangspunten = {**voorbeelden.UITGANGSPUNTEN, "organisatie": "Stichting Uploadtest"}
    pad.write_bytes(kostprijswerkboek(uitgangspunten, voorbeelden.PRODUCTEN, voorbeelden.PERSONEEL,
                                      voorbeelden.KOSTEN))
    return pad


@pytest.mark.browser
def test_sessie_met_upload_schrijft_niets_naar_schijf(browser, tmp_path):  # noqa: F811 - fixture
    """Upload via de knop, elke pagina, Excel en handout: daarna is de bestandsboom gelijk en is er niets
    geschreven behalve de tijdelijke map van de handout, die weer weg is."""
    upload = ander_werkboek(tmp_path / "upload.xlsx")
    with Server(tmp_path / "server") as server:
        voor = boom(server.app, server.home, server.tmp)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        pagina = context.new_page()
        try:
            pagina.goto(server.url, wait_until="domcontentloaded")
            _wacht(pagina)
            pagina.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(str(upload))
            pagina.get_by_text("uw upload").first.wait_for(timeout=60_000)
            _wacht(pagina)
            for pad in ("scenarios", "meerjaren", "capaciteit", "downloads"):
                pagina.get_by_role("link", name={"scenarios": "Scenario's"}.get(pad, pad.capitalize())).click()
                _wacht(pagina)
            assert "uw upload" in pagina.inner_text("[data-testid='stSidebar']")  # de upload geldt nog
            voor_handout = server.schrijfpogingen()
            pagina.get_by_role("button", name="Handout maken").click()
            pagina.get_by_role("button", name="PDF downloaden").wait_for(timeout=120_000)
            _wacht(pagina)
        finally:
            context.close()
        na = boom(server.app, server.home, server.tmp)
        pogingen = server.schrijfpogingen()
    assert verschil(voor, na) == {"nieuw": [], "weg": [], "gewijzigd": []}
    assert voor_handout == [], voor_handout  # upload, elke pagina en de Excel: geen enkele schrijfpoging
    # De handout: alleen in TMPDIR (tempfile test eerst of de map beschrijfbaar is, dan de tijdelijke map van
    # de handout; rmtree verwijdert met namen relatief aan die map).
    buiten_tmp = [p for p in pogingen if p.split(" ", 1)[1].startswith("/") and not p.split(" ", 1)[1].startswith(
        f"{server.tmp}/")]
    assert buiten_tmp == [], buiten_tmp


def test_apptest_sessie_met_upload_opent_geen_bestand_om_te_schrijven(tmp_path):
    """Zonder browser: dezelfde sessie in AppTest (upload, elke pagina, Excel), met een audit-hook."""
    from streamlit.testing.v1 import AppTest

    from tests.test_app import PAGINAS, XLSX

    data = ander_werkboek(tmp_path / "upload.xlsx").read_bytes()
    pogingen: list[str] = []
    actief = [True]

    def hook(event, args):
        if not actief[0] or event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
            return
        vlaggen = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
        if (any(c in str(args[1] or "") for c in "wax+") or (args[2] or 0) & vlaggen) \
                and not os.fsdecode(args[0]).startswith("/dev/"):
            pogingen.append(os.fsdecode(args[0]))

    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=60)
    sys.addaudithook(hook)  # kan niet worden verwijderd; 'actief' zet hem na de test uit
    try:
        at.run()
        at.sidebar.file_uploader[0].set_value(("upload.xlsx", data, XLSX))
        at.run()
        for pagina in PAGINAS:
            at.switch_page(pagina).run()
            assert not at.exception, [e.value for e in at.exception]
            assert "upload.xlsx (uw upload)" in _t(" ".join(m.value for m in at.sidebar.markdown))
    finally:
        actief[0] = False
    assert pogingen == [], pogingen


# --- inloggen met een echte (lokale) OIDC-aanbieder -----------------------------------------------

SECRETS = """
[auth]
redirect_uri = "{{url}}/oauth2callback"
cookie_secret = "een-lang-testgeheim-van-minstens-tweeendertig-tekens"
client_id = "tariefmodel-test"
client_secret = "testgeheim"
server_metadata_url = "{metadata_url}"
"""


@pytest.mark.browser
def test_inloggen_met_oidc_eerst_geen_cijfers_daarna_de_app(browser, tmp_path):  # noqa: F811 - fixture
    pytest.importorskip("authlib")
    from tests.hulp.oidc import TestAanbieder

    with TestAanbieder("tariefmodel-test", {"name": "Jan de Vries", "email": "jan@voorbeeld.nl"}) as aanbieder, \
            Server(tmp_path / "server", SECRETS.format(metadata_url=aanbieder.metadata_url)) as server:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        pagina = context.new_page()
        try:
            for pad in ("", "scenarios", "downloads"):  # ook een diepe link toont niets
                pagina.goto(f"{server.url}/{pad}", wait_until="domcontentloaded")
                _wacht(pagina)
                tekst = pagina.inner_text("body")
                assert "Log in met uw account" in tekst
                assert "€" not in tekst and "Kostprijs per product" not in tekst
                assert pagina.locator("[data-testid='stMetric'], [data-testid='stVegaLiteChart'], "
                                      "[data-testid='stDataFrame'], [data-testid='stFileUploader']").count() == 0
            pagina.get_by_role("button", name="Inloggen").click()
            pagina.get_by_text("Ingelogd als").wait_for(timeout=60_000)
            _wacht(pagina)
            assert "Jan de Vries" in pagina.inner_text("[data-testid='stSidebar']")
            assert "Kostprijs per product" in pagina.inner_text("[data-testid='stMain']")
        finally:
            context.close()
