"""Tariefmodel vrouwenopvang: de app voor de onderhandelingstafel.

Start: ``streamlit run app.py``. De pagina's staan in paginas/, het rekenwerk in tariefmodel/.
"""

from __future__ import annotations

import streamlit as st

from paginas import gedeeld as g
from paginas import inloggen
from tariefmodel.grenzen import zonder_numpy_waarschuwingen

st.set_page_config(page_title="Tariefmodel vrouwenopvang", page_icon=":material/balance:", layout="wide",
                   initial_sidebar_state="expanded",
                   # de teksten van het menu die Streamlit laat instellen: Nederlands, Engelse links weg (issue 11)
                   menu_items={"Get help": None, "Report a bug": None,
                               "About": "**Tariefmodel vrouwenopvang**: kostendekkende tarieven, DUVO en capaciteit."})

PAGINAS = {
    "Kostprijs en tarief": [
        st.Page("paginas/kostprijs.py", title="Kostprijs", icon=":material/euro:", default=True),
        st.Page("paginas/scenarios.py", title="Scenario's", icon=":material/tune:"),
        st.Page("paginas/meerjaren.py", title="Meerjaren", icon=":material/trending_up:"),
    ],
    "Capaciteit en landelijk beeld": [
        st.Page("paginas/capaciteit.py", title="Capaciteit", icon=":material/hotel:"),
        st.Page("paginas/duvo.py", title="DUVO", icon=":material/account_balance:"),
        st.Page("paginas/verdeelmodel.py", title="Verdeelmodel", icon=":material/swap_horiz:"),
        st.Page("paginas/landelijk.py", title="Landelijk", icon=":material/map:"),
        st.Page("paginas/bundel.py", title="Landelijk beeld (bundel)", icon=":material/stacks:"),
    ],
    "Uitvoer": [
        st.Page("paginas/downloads.py", title="Downloads", icon=":material/download:"),
    ],
}


def _werkboekregel(soort: str) -> None:
    gekozen = g.werkboek(soort)
    if gekozen is None:
        st.caption(f"{g.SOORTNAAM[soort]}: nog niet gekozen")
        return
    herkomst = "voorbeeld, illustratief" if gekozen.voorbeeld else "uw upload"
    gelezen = g.LEZERS[soort](gekozen.data, gekozen.naam)
    jaar = getattr(gelezen.invoer, "rekenjaar", None)
    peildatum = f"  \n:small[:gray[Rekenjaar {jaar}; standaardparameters zoals geldig op {g.peildatum_tekst(jaar)}]]" \
        if jaar else ""
    # één element in plaats van drie: elk element op de pagina kost bij elke herberekening tekentijd (issue 17)
    st.markdown(f"**{g.SOORTNAAM[soort]}**  \n{g.tekst(gekozen.naam)} ({herkomst})  \n"
                f":small[:gray[Kenmerk (sha256): {gekozen.kort}]]{peildatum}")  # zonder `code`: geen extra lettertype
    if not gekozen.voorbeeld:
        st.button("Terug naar het voorbeeld", key=f"terug_{soort}", on_click=g.gebruik_voorbeeld, args=(soort,),
                  icon=":material/undo:")


def _upload() -> None:
    teller = st.session_state.setdefault("uploadteller", 0)
    bestand = st.file_uploader("Eigen werkboek uploaden (.xlsx)", type=["xlsx"], key=f"upload_{teller}",
                               help="Een kostprijswerkboek of een landelijk werkboek (herkend aan de bladen "
                                    "Regio's, Maatstaven en Overgang).")
    st.caption(f"Excel-werkboek (.xlsx), hoogstens {g.MAX_UPLOAD // 2**20} MB. Het bestand blijft alleen in uw sessie.")
    if bestand is not None:
        g.verwerk_upload(bestand.name, bestand.getvalue())
        st.session_state["uploadteller"] = teller + 1
        st.rerun()


def _sjablonen() -> None:
    st.download_button("Leeg kostprijswerkboek", data=_sjabloon_kostprijs(),
                       file_name="sjabloon_kostprijs.xlsx", icon=":material/download:", width="stretch",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    landelijk = _sjabloon_landelijk()
    if landelijk is not None:
        st.download_button("Leeg landelijk werkboek", data=landelijk, file_name="sjabloon_landelijk.xlsx",
                           icon=":material/download:", width="stretch",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@st.cache_data(show_spinner=False)
def _sjabloon_kostprijs() -> bytes:
    from tariefmodel.werkboek.sjablonen import kostprijswerkboek

    return kostprijswerkboek()


@st.cache_data(show_spinner=False)
def _sjabloon_landelijk() -> bytes | None:
    try:
        from tariefmodel.werkboek.landelijk_sjabloon import landelijk_werkboek
    except ImportError:
        return None
    return landelijk_werkboek()


# Streamlit zet Engelse uitleg onder de uploadknop ('10MB per file'); wij zeggen het in het Nederlands.
# Afdrukken (issue 15): geen zijbalk, kop of knoppen op papier; tabellen, grafieken en kerncijfers niet
# over een paginarand. Met 'Printversie' op de pagina Scenario's worden de tabellen gewone HTML-tabellen die
# zich naar de A4-breedte schikken (een st.dataframe is een canvas met de schermbreedte).
STIJL = """<style>
[data-testid='stFileUploaderDropzoneInstructions'] { display: none; }
[data-testid='stMarkdownContainer'] table { font-size: 0.875rem; width: 100%; }
[data-testid='stMarkdownContainer'] th, [data-testid='stMarkdownContainer'] td { padding: 0.3rem 0.5rem; }
@media print {
  @page { size: A4; margin: 1.2cm; }
  [data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl'], [data-testid='stHeader'],
  [data-testid='stToolbar'], [data-testid='stDecoration'], [data-testid='stBaseButton-secondary'],
  [data-testid='stDownloadButton'], [data-testid='stButton'], [data-testid='stForm'],
  [data-testid='stFormSubmitButton'] { display: none !important; }
  [data-testid='stMain'], [data-testid='stAppViewContainer'] { margin-left: 0 !important; }
  [data-testid='stMainBlockContainer'] { max-width: 100% !important; padding: 0 !important; }
  [data-testid='stTable'], [data-testid='stDataFrame'], [data-testid='stVegaLiteChart'], [data-testid='stMetric'],
  [data-testid='stExpander'], table, tr { break-inside: avoid; page-break-inside: avoid; }
  [data-testid='stTable'] table, [data-testid='stMarkdownContainer'] table { width: 100% !important; font-size: 9pt; }
}
</style>"""


def zijbalk() -> None:
    st.html(STIJL)
    with st.sidebar:
        inloggen.zijbalk()
        st.subheader("Werkboek in gebruik")
        for soort in ("kostprijs", "landelijk"):
            _werkboekregel(soort)
        melding = st.session_state.pop("melding", None)
        if melding:
            st.success(melding, icon=":material/check_circle:")
        if st.session_state.get("uploadfout"):
            st.error("Het laatst geüploade werkboek is niet gebruikt; zie de meldingen op de pagina.",
                     icon=":material/error:")
        _upload()
        sjablonen = st.expander("Lege werkboeken (sjablonen)", key="sjablonen_open", on_change="rerun")
        if sjablonen.open:  # pas getekend als hij open is
            with sjablonen:
                _sjablonen()


def main() -> None:
    inloggen.poort()  # staat inloggen aan (secrets.toml [auth]): niets van de app voordat u bent ingelogd
    zonder_numpy_waarschuwingen()
    pagina = st.navigation(PAGINAS)
    try:
        zijbalk()
        g.toon_uploadfout()
        pagina.run()
    except Exception:  # noqa: BLE001 - programmafout: geen stacktrace in de browser, wel een referentie
        g.toon_interne_fout(g.interne_fout_referentie(f"pagina {pagina.title}"))


main()
