"""Pagina Verdeelmodel: winnaars en verliezers van de objectieve verdeling, ingroeipad en plaatseneffect."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken
from tariefmodel.landelijk.standaard import standaardwaarde


def instellingen(met_beta: bool) -> dict:
    """Scenario-instellingen van het verdeelmodel (rekenmethode §2.1-2.2; met Aandeel verlies §2.1 v2)."""
    k = st.columns(3)
    with k[0]:
        if met_beta:
            st.toggle("Zachte landing", key="vm_landing_uit", value=False, disabled=True,
                      help="Het werkboek heeft een kolom 'Aandeel verlies' (β) in het blad Overgang: verliezers "
                           "dragen β van hun verlies en het Rijk betaalt de rest uit een knelpuntenpot. Dan telt "
                           "max_verlies niet (rekenmethode §2.1 v2).")
            st.caption("Uit: dit werkboek faseert de verliezen met **Aandeel verlies** (β) en een knelpuntenpot "
                       "van het Rijk.")
            landing, verlies = False, None
        else:
            landing = st.toggle("Zachte landing", key="vm_landing", persist_state="session",
                                help="Begrens het verlies van een centrumgemeente per jaar (max_verlies); de "
                                     "winnaars betalen dat naar rato van hun winst.")
            verlies = g.procentschuif("Hoogstens verlies per jaar", 1.0, 30.0, 1.0, 0.10, "vm_max_verlies",
                                      uit=not landing)
    with k[1]:
        nadeel = g.procentschuif("Verliezers schrappen plaatsen", 0.0, 100.0, 5.0,
                                 float(standaardwaarde("reactie_nadeel")), "vm_nadeel",
                                 "reactie_nadeel: welk deel van het verloren budget in plaatsen wordt omgezet.")
    with k[2]:
        voordeel = g.procentschuif("Winnaars bouwen plaatsen bij", 0.0, 100.0, 5.0,
                                   float(standaardwaarde("reactie_voordeel")), "vm_voordeel",
                                   "reactie_voordeel: zet gelijk aan de verliezers om te zien dat herverdelen "
                                   "zelf budgetneutraal is (netto 0 plaatsen).")
    uit = {"reactie_nadeel": nadeel, "reactie_voordeel": voordeel}
    if landing:
        uit["max_verlies"] = verlies
    return uit


def kerncijfers(r) -> None:
    k = st.columns(4)
    k[0].metric(f"Herverdeeld in {r.laatste_jaar}", formaat.euro_heel(r.herverdeeld_bedrag),
                help="Som van de winsten (= som van de verliezen) tegenover de historische verdeling.")
    k[1].metric("Winnaars", str(len(r.winnaars)))
    k[2].metric("Verliezers", str(len(r.verliezers)))
    k[3].metric("Netto effect op plaatsen", formaat.getal(round(r.plaatsen_effect_netto), 0),
                help="Plaatsen die verliezers schrappen en winnaars bijbouwen, bij de gekozen reacties.")


def knelpuntenpot(r) -> None:
    """§2.1 (v2): per jaar β_t en de knelpuntenpot van buiten de DUVO (Σ toegekend − budget)."""
    v = r.verdeling
    if not v.pot_extern:
        return
    st.subheader("Gefaseerd verlies en knelpuntenpot")
    st.markdown("Verliezende regio's dragen per jaar het **aandeel verlies** β van hun korting; het Rijk betaalt "
                "de rest uit een **knelpuntenpot buiten de DUVO**. De winnaars leveren niets in (afspraak "
                "centrumgemeenten 2014 voor 2015–2017: 0, ⅓, daarna alles).")
    rijen = [{"Jaar": str(j), "Budget": formaat.euro_heel(b), "Aandeel objectief": formaat.procent(a, 0),
              "Aandeel verlies β": formaat.procent(beta, 0), "Knelpuntenpot": formaat.euro(k),
              "Toegekend totaal": formaat.euro_heel(b + k)}
             for j, b, a, beta, k in zip(r.jaren, v.budget, v.alfa, v.beta, v.externe_pot)]
    g.tabel(rijen, rechts=("Budget", "Aandeel objectief", "Aandeel verlies β", "Knelpuntenpot", "Toegekend totaal"))
    if not any(k > 0 for k in v.externe_pot):
        st.caption("De knelpuntenpot is in elk jaar 0: in de jaren met β < 1 verliest geen regio (bijvoorbeeld "
                   "omdat het aandeel objectief daar 0 is).")
    g.waarschuwingen(r.model_waarschuwingen)


def winnaars_verliezers(r) -> None:
    st.subheader(f"Winnaars en verliezers in {r.laatste_jaar}")
    st.markdown("Verschil tussen het toegekende budget en de historische verdeling per centrumgemeente.")
    data = pd.DataFrame([{"naam": x.centrumgemeente, "waarde": x.herverdeling} for x in r.regios])
    g.grafiek(grafieken.divergerende_grafiek(data, titel_x="Meer of minder budget", positief="erop vooruit",
                                             negatief="erop achteruit"))


def ingroei(r) -> None:
    st.subheader("Ingroeipad")
    alfa = ", ".join(f"{j}: {formaat.procent(a, 0)}" for j, a in zip(r.jaren, r.verdeling.alfa))
    st.markdown(f"Aandeel objectief verdeeld per jaar — {alfa}. Doorgetrokken lijn: het toegekende budget; "
                "stippellijn: wat de gemeente bij de historische verdeling zou krijgen.")
    standaard = [x.centrumgemeente for x in (r.verliezers[:1] + r.winnaars[:1])]
    namen = st.multiselect("Centrumgemeenten", [x.centrumgemeente for x in r.regios], default=standaard,
                           key="vm_ingroei", persist_state="session", max_selections=6)
    rijen = [{"jaar": j, "naam": n, "reeks": reeks, "bedrag": per_jaar[j]}
             for n in namen for reeks, per_jaar in (("Toegekend", r.regio(n).toegekend),
                                                     ("Historisch", r.regio(n).historisch_per_jaar))
             for j in r.jaren]
    if rijen:
        g.grafiek(grafieken.ingroei_grafiek(pd.DataFrame(rijen)))


def plaatsen(r) -> None:
    st.subheader("Wat betekent dat voor het aantal plaatsen?")
    st.markdown(f"Bij {formaat.euro_heel(r.kosten_per_plaats)} per plaats per jaar. Verliezers die bezuinigen op "
                "plaatsen, terwijl winnaars er geen bijbouwen, betekent landelijk minder plaatsen (LNVO, Visie op "
                "capaciteit).")
    data = pd.DataFrame([{"naam": x.centrumgemeente, "waarde": x.plaatsen_effect} for x in r.regios
                         if abs(x.plaatsen_effect) > 1e-9])
    if data.empty:
        st.info("Met deze instellingen verandert het aantal plaatsen niet.")
        return
    g.grafiek(grafieken.divergerende_grafiek(data, titel_x="Plaatsen erbij of eraf", positief="plaatsen erbij",
                                             negatief="plaatsen eraf", euro=False))


def tabel(r) -> None:
    rijen = [{"Centrumgemeente": x.centrumgemeente, "Historisch": formaat.euro_heel(x.historisch),
              "Objectief": formaat.euro_heel(x.objectief), f"Toegekend {r.laatste_jaar}": formaat.euro_heel(
                  x.toegekend[r.laatste_jaar]), "Verschil": g.verschil_tekst(x.herverdeling, heel=True),
              "Verschil %": formaat.procent(x.herverdeling_relatief), "Plaatsen": formaat.getal(x.plaatsen_effect, 1)}
             for x in sorted(r.regios, key=lambda x: x.herverdeling)]
    with st.expander("Alle centrumgemeenten in een tabel"):
        g.tabel(rijen, rechts=tuple(k for k in rijen[0] if k != "Centrumgemeente"), hoogte=500)


def main() -> None:
    g.kop("Verdeelmodel", "De DUVO wordt stapsgewijs objectief verdeeld (op maatstaven) in plaats van historisch. "
                          "Wie gaat erop vooruit, wie achteruit, en wat doet dat met het aantal plaatsen?")
    met_beta = g.landelijk_resultaat().verdeling.pot_extern
    parameters = instellingen(met_beta)
    r = g.landelijk_resultaat(parameters)
    g.landelijk_bijschrift(r)
    kerncijfers(r)
    knelpuntenpot(r)
    winnaars_verliezers(r)
    ingroei(r)
    plaatsen(r)
    tabel(r)
    g.kosten_per_plaats_keuze(r)


main()
