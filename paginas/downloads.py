"""Pagina Downloads: de uitkomsten als Excel (met formules) en de handout als PDF — dezelfde functies als de CLI."""

from __future__ import annotations

import re

import streamlit as st

from paginas import gedeeld as g
from paginas import scenariostaat as sc
from paginas.inloggen import gebruiker
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import Scenario
from tariefmodel.kostprijs.vergelijking import beschrijving

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WERKBOEK = "Werkboek (zonder wijzigingen)"


def _sleutel(s: Scenario | None) -> tuple:
    return () if s is None else s.sleutel()


def _uit_sleutel(sleutel: tuple) -> Scenario | None:
    return None if not sleutel else Scenario.uit_sleutel(sleutel)


@st.cache_data(max_entries=16, show_spinner=False)
def kostprijs_excel(data: bytes, naam: str, scenario: tuple, door: str = "") -> bytes:
    from tariefmodel.export import exporteer_kostprijs

    invoer = g.lees_kostprijs(data, naam).invoer
    s = _uit_sleutel(scenario)
    return exporteer_kostprijs(s.bereken(invoer) if s else bereken(invoer), gemaakt_door=door)


@st.cache_data(max_entries=8, show_spinner=False)
def kostprijs_pdf(data: bytes, naam: str, scenario: tuple, door: str = "") -> bytes:
    from tariefmodel.rapport import rapport_pdf

    invoer = g.lees_kostprijs(data, naam).invoer
    s = _uit_sleutel(scenario)
    return rapport_pdf(bereken(invoer), s.bereken(invoer) if s else None, door)


@st.cache_data(max_entries=8, show_spinner=False)
def landelijk_excel(data: bytes, naam: str, kostprijsdata: bytes | None, kostprijsnaam: str | None,
                    parameters: tuple = (), door: str = "") -> bytes:
    """De landelijke export; de sleutel is die van het resultaat (``g.landelijk_sleutel``), niets anders."""
    from tariefmodel.export.landelijk import exporteer_landelijk

    return exporteer_landelijk(g.landelijk_berekend(data, naam, kostprijsdata, kostprijsnaam, parameters),
                               gemaakt_door=door)


def bestandsnaam(tekst: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", tekst).strip("_") or "tariefmodel"


def kies_scenario(werkboek) -> Scenario | None:
    """Het werkboek, de huidige instellingen van de pagina Scenario's of een bewaard scenario (gedeelde staat)."""
    keuzes = sc.keuzes(werkboek)
    namen = [WERKBOEK if n == sc.BASIS else n for n in keuzes]
    keuze = st.selectbox("Welke berekening?", namen, key="dl_scenario",
                         help="Dezelfde scenario's als op de pagina's Scenario's en Meerjaren.")
    if len(keuzes) <= 2:
        st.caption("Nog geen bewaarde scenario's: op de pagina Scenario's kunt u instellingen bewaren.")
    gekozen = keuzes[sc.BASIS if keuze == WERKBOEK else keuze]
    if keuze != WERKBOEK:
        st.caption(f"{g.tekst(keuze)}: {g.tekst(beschrijving(gekozen.wijzigingen))}")
    return None if keuze == WERKBOEK or not gekozen.wijzigingen else gekozen


def vergelijking(werkboek) -> None:
    """De vergelijking van het werkboek en alle bewaarde scenario's, als Excel en als PDF."""
    st.subheader("Vergelijking van de scenario's")
    bewaard = sc.bewaard(werkboek)
    huidig = sc.huidig(werkboek)
    scenarios = {**bewaard, **({sc.HUIDIG: huidig} if huidig.wijzigingen else {})}
    if not scenarios:
        st.caption("Bewaar op de pagina Scenario's een of meer scenario's om ze hier naast elkaar te downloaden.")
    sleutels = tuple(s.sleutel() for s in scenarios.values())
    stam = bestandsnaam(werkboek.naam.removesuffix(".xlsx"))
    links, midden, rechts = st.columns(3)
    with links:
        st.markdown("**Excel** — werkboek en scenario's als kolommen; afgeleide regels als formule.")
        st.download_button("Vergelijking (Excel)", sc.vergelijking_xlsx(werkboek.data, werkboek.naam, sleutels),
                           file_name=f"{stam}_vergelijking.xlsx", mime=XLSX, icon=":material/table_view:",
                           key="dl_vergelijking_xlsx", disabled=not scenarios)
    with midden:
        st.markdown("**Handout (PDF)** — wat de gemeente betaalt en het tekort per scenario.")
        if scenarios and st.toggle("Handout maken", key="dl_vergelijking_pdf_maken"):
            st.download_button("Vergelijking (PDF)", sc.vergelijking_pdf(werkboek.data, werkboek.naam, sleutels),
                               file_name=f"{stam}_vergelijking.pdf", mime="application/pdf",
                               icon=":material/picture_as_pdf:", key="dl_vergelijking_pdf")
    with rechts:
        st.markdown("**Uw werkboek met scenario's** — om te mailen en volgende keer weer te openen.")
        sc.download_werkboek(werkboek, "dl_werkboek_scenarios_downloads")


def kostprijs(werkboek) -> None:
    st.subheader("Kostprijs")
    invoer = g.invoer("kostprijs")
    scenario = kies_scenario(werkboek)
    naam = bestandsnaam(f"{invoer.organisatie}_{invoer.rekenjaar}" + (f"_{scenario.naam}" if scenario else ""))
    links, rechts = st.columns(2)
    with links:
        st.markdown("**Excel met formules** — invoer, berekening en controles, na te rekenen in Excel.")
        st.download_button("Excel downloaden", kostprijs_excel(werkboek.data, werkboek.naam, _sleutel(scenario), gebruiker()),
                           file_name=f"{naam}_kostprijs.xlsx", mime=XLSX, icon=":material/table_view:",
                           type="primary")
    with rechts:
        st.markdown("**Handout (PDF)** — tarieven, opbouw, uitgangspunten" + (" en het scenario tegen het werkboek."
                                                                             if scenario else "."))
        pdf_knop(werkboek, scenario, naam)


def pdf_knop(werkboek, scenario: Scenario | None, naam: str) -> None:
    sleutel = (werkboek.sha, _sleutel(scenario), gebruiker())
    klaar = st.session_state.get("dl_pdf")
    if not klaar or klaar[0] != sleutel:
        if not st.button("Handout maken", icon=":material/picture_as_pdf:"):
            return
        with st.spinner("De handout wordt gemaakt…"):
            st.session_state["dl_pdf"] = klaar = (sleutel, kostprijs_pdf(werkboek.data, werkboek.naam,
                                                                          _sleutel(scenario), gebruiker()))
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
    xlsx = landelijk_excel(*g.landelijk_sleutel(), door=gebruiker())
    st.download_button("Excel downloaden", xlsx,
                       file_name=f"{bestandsnaam(werkboek.naam.removesuffix('.xlsx'))}_landelijk.xlsx", mime=XLSX,
                       icon=":material/table_view:", key="dl_landelijk")


def main() -> None:
    g.kop("Downloads", "De uitkomsten om mee te nemen: een Excel-werkboek met formules (na te rekenen) en een "
                       "handout (PDF, A4) voor het gesprek met de gemeente. Het gaat om het werkboek dat nu "
                       "in gebruik is (zie de zijbalk).")
    kostprijs(g.werkboek("kostprijs"))
    vergelijking(g.werkboek("kostprijs"))
    landelijk()


main()
