"""Pagina DUVO: wat centrumgemeenten van de decentralisatie-uitkering aan vrouwenopvang besteden."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken


def kerncijfers(jaar) -> None:
    k = st.columns(6)
    k[0].metric("Uitkering", g.euro_mln(jaar.uitkering), help=f"DUVO aan {jaar.aantal_regios} centrumgemeenten: "
                                                               f"{formaat.euro_heel(jaar.uitkering)}.")
    k[1].metric("Naar vrouwenopvang", g.euro_mln(jaar.besteding_vrouwenopvang),
                help=f"Besteding vrouwenopvang: {formaat.euro_heel(jaar.besteding_vrouwenopvang)}.")
    k[2].metric("Bestedingsgraad", formaat.procent(jaar.bestedingsgraad),
                help="Besteding vrouwenopvang / uitkering.")
    k[3].metric("Niet besteed (bruto)", g.euro_mln(jaar.onderbesteding),
                help=f"Onderbesteding: de som van de bestedingsgaten van de {jaar.regios_met_onderbesteding} "
                     f"centrumgemeenten die minder besteden dan hun uitkering "
                     f"({formaat.euro_heel(jaar.onderbesteding)}).")
    k[4].metric("Bestedingsgat netto", g.euro_mln(jaar.bestedingsgat),
                help="Uitkering − besteding vrouwenopvang − besteding overig, landelijk opgeteld: de onderbesteding "
                     f"min {formaat.euro_heel(jaar.overbesteding)} die andere gemeenten uit eigen middelen "
                     f"bijleggen ({formaat.euro_heel(jaar.bestedingsgat)}).")
    k[5].metric("Tekort t.o.v. norm", g.euro_mln(jaar.financieringstekort),
                help="Kosten van de normcapaciteit (1 plaats per 10.000 inwoners × kosten per plaats) − "
                     "besteding vrouwenopvang.")


def tabel(regels) -> None:
    rijen = [{
        "Centrumgemeente": d.centrumgemeente, "Uitkering": formaat.euro_heel(d.uitkering),
        "Naar vrouwenopvang": formaat.euro_heel(d.besteding_vrouwenopvang),
        "Overig besteed": formaat.euro_heel(d.besteding_overig), "Bestedingsgat": formaat.euro_heel(d.bestedingsgat),
        "Niet besteed": formaat.euro_heel(d.onderbesteding),
        "Bestedingsgraad": formaat.procent(d.bestedingsgraad),
        "Tekort t.o.v. norm": formaat.euro_heel(d.financieringstekort),
    } for d in regels]
    g.tabel(rijen, rechts=tuple(k for k in rijen[0] if k != "Centrumgemeente"), hoogte=420)


def verloop(r) -> None:
    if len(r.duvo_per_jaar) < 2:
        return
    st.subheader("Verloop over de jaren (landelijk)")
    data = pd.DataFrame([{"jaar": j.jaar, "bedrag": j.onderbesteding} for j in r.duvo_per_jaar])
    g.grafiek(grafieken.tekort_grafiek(data, titel_y="Niet besteed (bruto) landelijk"))


def main() -> None:
    r = g.landelijk_resultaat()
    g.landelijk_kop("DUVO", "De **decentralisatie-uitkering vrouwenopvang** (DUVO) gaat naar 35 centrumgemeenten. "
                            "Hoeveel daarvan gaat echt naar vrouwenopvang, en hoeveel zou de normcapaciteit kosten?", r)
    if not r.duvo:
        st.info("Dit landelijk werkboek heeft geen blad **DUVO** met uitkering en besteding per centrumgemeente.")
        return
    jaren = [j.jaar for j in r.duvo_per_jaar]
    jaar = st.segmented_control("Jaar", jaren, default=jaren[-1], key="duvo_jaar", persist_state="session") \
        or jaren[-1]
    gekozen = next(j for j in r.duvo_per_jaar if j.jaar == jaar)
    kerncijfers(gekozen)
    st.caption(f"In {jaar} laten {gekozen.regios_met_onderbesteding} centrumgemeenten samen "
               f"{formaat.euro_heel(gekozen.onderbesteding)} van hun uitkering onbesteed; andere gemeenten leggen "
               f"{formaat.euro_heel(gekozen.overbesteding)} bij. Het netto bestedingsgat "
               f"({formaat.euro_heel(gekozen.bestedingsgat)}) verrekent die twee en is dus niet wat er onbesteed "
               "blijft.")
    regels = [d for d in r.duvo if d.jaar == jaar]
    st.subheader(f"Bestedingsgat per centrumgemeente in {jaar}")
    st.markdown("Rechts (oranje): geld van de uitkering dat **niet** aan vrouwenopvang of andere doelen is besteed. "
                "Links (blauw): de gemeente besteedt meer dan de uitkering.")
    data = pd.DataFrame([{"naam": d.centrumgemeente, "waarde": d.bestedingsgat} for d in regels])
    g.grafiek(grafieken.divergerende_grafiek(data, titel_x="Bestedingsgat", positief="niet besteed",
                                             negatief="meer besteed dan de uitkering",
                                             kleuren=(grafieken.KLEUR_TARIEF, grafieken.KLEUR_TOTAAL)))
    tabel(regels)
    st.caption("Tekort t.o.v. norm = kosten van de Istanbul-normcapaciteit (1 plaats per 10.000 inwoners × kosten "
               "per plaats) − besteding vrouwenopvang.")
    g.kosten_per_plaats_keuze(r)
    verloop(r)


main()
