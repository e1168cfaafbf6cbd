"""Optioneel inloggen (st.login): met een [auth]-blok in secrets ziet wie niet is ingelogd geen pagina en geen
cijfer; ingelogd staat de naam in de zijbalk en in de exports. Zonder [auth]-blok blijft alles zoals het was."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from paginas.inloggen import aanbieders, ontsnap
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek
from tests.test_app import tabellen

MAP = Path(__file__).resolve().parent.parent
AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-geheim-" * 4,
        "client_id": "tariefmodel", "client_secret": "geheim",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
PAGINAS = ["paginas/kostprijs.py", "paginas/scenarios.py", "paginas/capaciteit.py", "paginas/downloads.py"]


def app(user: dict, auth: dict | None = AUTH) -> AppTest:
    at = AppTest.from_file(str(MAP / "app.py"), default_timeout=60)
    if auth is not None:
        at.secrets["auth"] = auth
    at.user = user
    return at


def alle_tekst(at: AppTest) -> str:
    delen = [e.value for soort in (at.markdown, at.caption, at.title, at.header, at.subheader, at.info,
                                   at.warning, at.error, at.success) for e in soort]
    return "\n".join(str(d) for d in delen)


@pytest.mark.parametrize("pagina", [None, *PAGINAS])
def test_niet_ingelogd_ziet_geen_cijfers(pagina):
    at = app({})  # een nieuwe bezoeker: geen is_logged_in
    at.run()
    if pagina:
        at.switch_page(pagina).run()
    assert not at.exception
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not at.metric and not tabellen(at) and not at.get("arrow_vega_lite_chart")
    assert not at.sidebar.file_uploader and not at.get("download_button")
    tekst = alle_tekst(at)
    assert "€" not in tekst and "Log in" in tekst


def test_ingelogd_ziet_de_app_en_zijn_naam_in_de_zijbalk():
    at = app({"is_logged_in": True, "name": "Jan de_Vries", "email": "jan@voorbeeld.nl"})
    at.run()
    assert not at.exception
    assert at.metric and tabellen(at)
    assert any("Ingelogd als **Jan de\\_Vries**" in c.value for c in at.sidebar.caption)
    assert "Uitloggen" in [b.label for b in at.sidebar.button]


def test_zonder_auth_blok_geen_inlogknop():
    at = app({"email": "test@example.com"}, auth=None)
    at.run()
    assert not at.exception
    assert at.metric
    assert not [b for b in at.button if b.label.startswith("Inloggen")]
    assert not [b for b in at.sidebar.button if b.label == "Uitloggen"]


def test_aanbieders_een_of_meer_blokken():
    assert aanbieders(AUTH) == [None]
    meer = {"redirect_uri": "x", "cookie_secret": "y", "microsoft": {"client_id": "a"}, "google": {"client_id": "b"}}
    assert aanbieders(meer) == ["microsoft", "google"]


def test_naam_is_geen_opmaak():
    assert ontsnap("*x* [a](b)") == "\\*x\\* \\[a\\]\\(b\\)"


def test_excel_export_noemt_wie_hem_maakte():
    from tariefmodel.export import exporteer_kostprijs
    from tariefmodel.voorbeelden import voorbeeld_kostprijs

    r = bereken(lees_kostprijswerkboek(voorbeeld_kostprijs()))
    for door, verwacht in (("Jan de Vries", True), ("", False)):
        wb = openpyxl.load_workbook(io.BytesIO(exporteer_kostprijs(r, gemaakt_door=door)), read_only=True)
        kop = " ".join(str(c) for rij in wb["Uitvoer"].iter_rows(max_row=3, values_only=True) for c in rij if c)
        assert ("door Jan de Vries" in kop) is verwacht, kop
