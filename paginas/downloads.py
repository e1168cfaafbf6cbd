"""Pagina Downloads: de uitkomsten als Excel (met formules) en de handout als PDF — dezelfde functies als de CLI."""

from __future__ import annotations

import re

import streamlit as st

from paginas import gedeeld as g
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import Scenario

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WERKBOEK = "Werkboek (zonder wijzigingen)"


def _sleutel(s: Scenario | None) -> tuple:
    return () if s is None else (s.naam, tuple(sorted(s.parameters.items())), tuple(sorted(s.tarieven.items())))


def _uit_sleutel(sleutel: tuple) -> Scenario | None:
    return None if not sleutel else Scenario(sleutel[0], dict(sleutel[1]), dict(sleutel[2]))


@st.cache_data(max_entries=16, show_spinner=False)
def kostprijs_excel(data: bytes, naam: str, scenario: tuple) -> bytes:
    from tariefmodel.export import exporteer_kostprijs

    invoer = g.lees_kostprijs(data, naam).invoer
    s = _uit_sleutel(scenario)
    return exporteer_kostprijs(s.bereken(invoer) if s else bereken(invoer))


@st.cache_data(max_entries=8, show_spinner=False)
def kostprijs_pdf(data: bytes, naam: str, scenario: tuple) -> bytes:
    from tariefmodel.rapport import rapport_pdf

    invoer = g.lees_kostprijs(data, naam).invoer
    s = _uit_sleutel(scenario)
    return rapport_pdf(bereken(invoer), s.bereken(invoer) if s else None)


@st.cache_data(max_entries=8, show_spinner=False)
def landelijk_excel(data: bytes, naam: str, kostprijsdata: bytes | None, kostprijsnaam: str | None,
                    parameters: tuple = ()) -> bytes:
    """De landelijke export; de sleutel is die van het resultaat (``g.landelijk_sleutel``), niets anders."""
    from tariefmodel.export.landelijk import exporteer_landelijk

    return exporteer_landelijk(g.landelijk_berekend(data, naam, kostprijsdata, kostprijsnaam, parameters))


def bestandsnaam(tekst: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", tekst).strip("_") or "tariefmodel"


def kies_scenario(werkboek) -> Scenario | None:
    bewaard = st.session_state.get("scenarios", {}).get(werkboek.sha, {})
    keuze = st.selectbox("Welke berekening?", [WERKBOEK, *bewaard], key="dl_scenario",
                         help="Bewaar op de pagina Scenario's instellingen onder een naam om ze hier mee te nemen.")
    if not bewaard:
        st.caption("Nog geen bewaarde scenario's: op de pagina Scenario's kunt u instellingen bewaren.")
    return None if keuze == WERKBOEK else bewaard[keuze]


def kostprijs(werkboek) -> None:
    st.subheader("Kostprijs")
    invoer = g.invoer("kostprijs")
    scenario = kies_scenario(werkboek)
    naam = bestandsnaam(f"{invoer.organisatie}_{invoer.rekenjaar}" + (f"_{scenario.naam}" if scenario else ""))
    links, rechts = st.columns(2)
    with links:
        st.markdown("**Excel met formules** — invoer, berekening en controles, na te rekenen in Excel.")
        st.download_button("Excel downloaden", kostprijs_excel(werkboek.data, werkboek.naam, _sleutel(scenario)),
                           file_name=f"{naam}_kostprijs.xlsx", mime=XLSX, icon=":material/table_view:",
                           type="primary")
    with rechts:
        st.markdown("**Handout (PDF)** — tarieven, opbouw, uitgangspunten" + (" en het scenario tegen het werkboek."
                                                                             if scenario else "."))
        pdf_knop(werkboek, scenario, naam)


def pdf_knop(werkboek, scenario: Scenario | None, naam: str) -> None:
    sleutel = (werkboek.sha, _sleutel(scenario))
    klaar = st.session_state.get("dl_pdf")
    if not klaar or klaar[0] != sleutel:
        if not st.button("Handout maken", icon=":material/picture_as_pdf:"):
            return
        with st.spinner("De handout wordt gemaakt…"):
            st.session_state["dl_pdf"] = klaar = (sleutel, kostprijs_pdf(werkboek.data, werkboek.naam,
                                                                          _sleutel(scenario)))
    st.download_button("PDF downloaden", klaar[1], file_name=f"{naam}_handout.pdf", mime="application/pdf",
                       icon=":material/download:", type="primary")


def landelijk() -> None:
    st.subheader("Landelijk")
    werkboek = g.werkboek("landelijk")
    if werkboek is None:
        st.info("Er is geen landelijk werkboek in gebruik.")
        return
    st.markdown("**Excel met formules** — verdeelmodel, capaciteit en DUVO, na te rekenen in Excel.")
    g.landelijk_resultaat()  # toont fouten en stopt als het werkboek of de instelling niet bruikbaar is
    xlsx = landelijk_excel(*g.landelijk_sleutel())
    st.download_button("Excel downloaden", xlsx,
                       file_name=f"{bestandsnaam(werkboek.naam.removesuffix('.xlsx'))}_landelijk.xlsx", mime=XLSX,
                       icon=":material/table_view:", key="dl_landelijk")


def main() -> None:
    g.kop("Downloads", "De uitkomsten om mee te nemen: een Excel-werkboek met formules (na te rekenen) en een "
                       "handout (PDF, A4) voor het gesprek met de gemeente. Het gaat om het werkboek dat nu "
                       "in gebruik is (zie de zijbalk).")
    kostprijs(g.werkboek("kostprijs"))
    landelijk()


main()
