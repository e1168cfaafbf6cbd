"""Pagina Meerjaren: CAO-stijging tegen OVA-indexatie over meerdere jaren en het cumulatieve tekort."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from paginas import grafiekspec
from paginas import scenariostaat as sc
from tariefmodel import formaat
from tariefmodel.kostprijs.gevoeligheid import Scenario, meerjaren_tabel
from tariefmodel.kostprijs.meerjaren import indices
from tariefmodel.kostprijs.vergelijking import beschrijving

TOTAAL = "TOTAAL"
INDICES = {"CAO-stijging": "cao_stijging", "Prijsindex": "prijsindex", "OVA / tariefindex": "tariefindex"}


def instellingen(invoer, werkboek) -> tuple[int, Scenario]:
    """Aantal jaren, en het scenario van de pagina Scenario's met de (gedeelde) CAO- en OVA-schuifjes."""
    links, rechts = st.columns([1, 2])
    standaard = int(invoer.waarde("meerjaren_jaren"))
    jaren = links.select_slider("Aantal jaren", list(range(5, 11)) if standaard >= 5 else list(range(standaard, 11)),
                                value=max(5, min(standaard, 10)), key=f"mj_{werkboek.kort}_jaren",
                                persist_state="session", help="Inclusief het rekenjaar.")
    with rechts:
        index = sc.indexschuifjes(werkboek, invoer)
    wijzigingen = {n: w for n, w in sc.huidig(werkboek).wijzigingen.items() if n not in index}
    wijzigingen |= sc.alleen_wijzigingen(invoer, index)
    sc.zet_huidig(werkboek, wijzigingen)
    scenario = sc.huidig(werkboek)
    st.caption("Berekend met de instellingen van de pagina Scenario's: "
               + beschrijving(scenario.wijzigingen) + ". De CAO- en OVA-schuifjes zijn dezelfde als daar.")
    return jaren, scenario


def productkeuze(r, werkboek) -> str:
    namen = {TOTAAL: "Alle producten samen", **{p.code: p.product.naam for p in r.producten
                                                  if p.gemeentetarief is not None}}
    return st.selectbox("Product", list(namen), format_func=namen.get, key=f"mj_{werkboek.kort}_product",
                        persist_state="session")


def grafieken_tonen(data: pd.DataFrame, code: str, eenheid: str) -> None:
    links, rechts = st.columns(2, gap="large")
    with links:
        if code == TOTAAL:
            st.markdown("**Kosten tegen opbrengst per jaar**")
            reeksen = pd.concat([data.assign(reeks="Kosten", bedrag=data["integrale_kosten"]),
                                 data.assign(reeks="Opbrengst tegen gemeentetarief", bedrag=data["opbrengst"])])
            grafiekspec.teken("meerjaren_grafiek", reeksen, "jaar")
        else:
            st.markdown(f"**Kostprijs tegen tarief {g.eenheid_tekst(eenheid)}**")
            reeksen = pd.concat([data.assign(reeks="Kostprijs", bedrag=data["kostprijs"]),
                                 data.assign(reeks="Tarief gemeente", bedrag=data["tarief"])])
            grafiekspec.teken("meerjaren_grafiek", reeksen, eenheid)
    with rechts:
        st.markdown("**Cumulatief tekort**")
        grafiekspec.teken("tekort_grafiek", data.assign(bedrag=data["cumulatief_tekort"]))


def tabel(data: pd.DataFrame, code: str, r) -> None:
    statussen = {int(j): _status(r, int(j)) for j in data["jaar"]}
    rijen = []
    for _, rij in data.iterrows():
        eerste = int(rij["jaar"]) == int(data["jaar"].iloc[0])
        regel = {"Jaar": str(int(rij["jaar"])), **{k: "–" if eerste else formaat.procent(rij[v], 2)
                                                   for k, v in INDICES.items()}}
        if code != TOTAAL:
            regel |= {"Kostprijs": formaat.euro(rij["kostprijs"]), "Tarief": formaat.euro(rij["tarief"])}
        regel |= {"Kosten": formaat.euro_heel(rij["integrale_kosten"]), "Opbrengst": formaat.euro_heel(rij["opbrengst"]),
                  "Tekort in het jaar": formaat.euro_heel(rij["tekort"]),
                  "Cumulatief tekort": formaat.euro_heel(rij["cumulatief_tekort"]),
                  "Status indexcijfers": statussen[int(rij["jaar"])]}
        rijen.append(regel)
    g.tabel(rijen, rechts=tuple(k for k in rijen[0] if k not in ("Jaar", "Status indexcijfers")))
    st.caption("Het rekenjaar is jaar 0: daarin groeit nog niets. Daarna groeit het loondeel van de kosten met de "
               "CAO-stijging, de rest met de prijsindex en het gemeentetarief met de OVA (of de tariefindex). "
               "Doorgetrokken: de laatst gepubliceerde waarde, ook gebruikt voor latere jaren.")


def _status(r, jaar: int) -> str:
    """Kort: welke indexcijfers een schatting zijn (ESTIMATE/NOT FOUND) en welke doorgetrokken."""
    soorten: dict[str, list[str]] = {}
    for naam, u in zip(("CAO", "prijs", "OVA"), indices(r, jaar)):
        basis = u.label.split(" (")[0]
        if basis in g.ONZEKER:
            soorten.setdefault(basis, []).append(naam)
        elif "doorgetrokken" in u.label:
            soorten.setdefault("doorgetrokken", []).append(naam)
    delen = [f"{'/'.join(namen)} {soort}" for soort, namen in soorten.items()]
    return ("⚠️ " + "; ".join(delen)) if delen else "vastgesteld"


def samenvatting(data: pd.DataFrame, naam: str) -> None:
    laatste = data.iloc[-1]
    eerste = data.iloc[0]
    st.markdown(f"**{g.tekst(naam)}**: in {int(eerste['jaar'])} is het tekort {formaat.euro_heel(eerste['tekort'])}; in "
                f"{int(laatste['jaar'])} {formaat.euro_heel(laatste['tekort'])}. Opgeteld over "
                f"{len(data)} jaar: **{formaat.euro_heel(laatste['cumulatief_tekort'])}**. Stijgen de lonen "
                "(CAO) harder dan het tarief (OVA), dan groeit het gat elk jaar.")


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    invoer = g.invoer("kostprijs")
    g.kop("Meerjaren", "Wat gebeurt er als de lonen met de CAO stijgen en het tarief met de OVA wordt "
                       "geïndexeerd? Per jaar de kostprijs, het geïndexeerde tarief en het tekort dat zich opstapelt.")
    raming(werkboek, invoer)


@st.fragment
def raming(werkboek, invoer) -> None:
    """De schuifjes en alles wat ervan afhangt: een schuifje herberekent alleen dit fragment (issue 17)."""
    jaren, scenario = instellingen(invoer, werkboek)
    try:
        r = scenario.bereken(invoer)
    except ValueError as fout:
        st.error(f"Dit scenario kan niet worden berekend: {g.tekst(fout)}")
        return
    code = productkeuze(r, werkboek)
    data = meerjaren_tabel(r, jaren)
    data = data[data["code"] == code].reset_index(drop=True)
    if data.empty:
        st.info("Geen van de producten heeft een gemeentetarief: er is niets om mee te vergelijken.")
        return
    eenheid = "jaar" if code == TOTAAL else r.product(code).product.eenheid
    samenvatting(data, "Alle producten samen" if code == TOTAAL else r.product(code).product.naam)
    grafieken_tonen(data, code, eenheid)
    tabel(data, code, r)


main()
