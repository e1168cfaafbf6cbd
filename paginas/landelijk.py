"""Pagina Landelijk: plaatsen tegen de Istanbul-norm en de weigerkans, per centrumgemeente en landelijk."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken


def kerncijfers(r) -> None:
    c = r.capaciteit
    k = st.columns(4)
    k[0].metric("Opvangplaatsen", formaat.getal(c.plaatsen, 0))
    k[1].metric("Istanbul-norm", formaat.getal(c.istanbul_norm, 0),
                delta=f"{formaat.getal(c.istanbul_tekort, 0)} tekort" if c.istanbul_tekort > 0 else None,
                delta_color="off", help="Eén (gezins)plaats per 10.000 inwoners: een aanbeveling bij het "
                                        "Verdrag van Istanbul, geen wettelijke norm.")
    k[2].metric("Verwachte weigerkans landelijk", formaat.procent(c.weigerkans, 0),
                help=f"Over {c.regios_met_clientgegevens} regio's met cliëntgegevens (Erlang B per regio).")
    k[3].metric(f"Nodig voor ≤ {formaat.procent(r.parameters['doel_weigerkans'], 0)} weigeren",
                formaat.getal(c.plaatsen_nodig_weigerkans, 0),
                help="Som over de regio's van de plaatsen die nodig zijn om hoogstens "
                     f"{formaat.procent(r.parameters['doel_weigerkans'], 0)} van de aanvragen te weigeren.")
    if r.plaatsingen is not None and r.plaatsingen.aandeel_bovenregionaal is not None:
        st.caption(f"{formaat.procent(r.plaatsingen.aandeel_bovenregionaal, 0)} van de "
                   f"{formaat.getal(r.plaatsingen.totaal, 0)} plaatsingen was bovenregionaal (een vrouw wordt "
                   "om veiligheidsredenen in een andere regio opgevangen).")


def istanbul(r) -> None:
    st.subheader("Plaatsen per centrumgemeente tegen de normen")
    st.markdown("De staaf is het aantal plaatsen nu; de streepjes zijn de Istanbul-norm en het aantal plaatsen "
                "dat nodig is om hoogstens "
                f"{formaat.procent(r.parameters['doel_weigerkans'], 0)} van de aanvragen te weigeren.")
    data = pd.DataFrame([{"naam": x.centrumgemeente, "plaatsen": x.plaatsen, "norm": x.istanbul_norm,
                          "nodig": x.plaatsen_nodig_weigerkans} for x in r.regios])
    g.grafiek(grafieken.istanbul_grafiek(data))


def tabel(r) -> None:
    rijen = [{"Centrumgemeente": x.centrumgemeente, "Inwoners": formaat.getal(x.inwoners, 0),
              "Plaatsen": formaat.getal(x.plaatsen, 0), "Istanbul-norm": formaat.getal(x.istanbul_norm, 0),
              "Tekort t.o.v. norm": formaat.getal(x.istanbul_tekort, 0),
              "Bezettingsgraad": formaat.procent(x.bezettingsgraad, 0), "Weigerkans": formaat.procent(x.weigerkans, 0),
              "Nodig (weigerkans)": formaat.getal(x.plaatsen_nodig_weigerkans, 0),
              "Bovenregionaal": formaat.procent(x.bovenregionaal_aandeel, 0)}
             for x in sorted(r.regios, key=lambda x: -x.istanbul_tekort)]
    with st.expander("Alle centrumgemeenten in een tabel", expanded=False):
        g.tabel(rijen, rechts=tuple(k for k in rijen[0] if k != "Centrumgemeente"), hoogte=500)
    st.caption("Bezettingsgraad = cliënten × verblijfsduur / (365 × plaatsen): boven 100% betekent dat de vraag "
               "groter is dan het aanbod. '–' = geen cliëntgegevens in het werkboek.")


def main() -> None:
    r = g.landelijk_resultaat()
    g.landelijk_kop("Landelijk", "Het landelijke beeld van de opvangcapaciteit: hoeveel plaatsen er zijn, hoeveel "
                                 "de Istanbul-norm vraagt en hoe vaak een vrouw naar verwachting geweigerd wordt.", r)
    g.waarschuwingen(m.tekst() for m in r.invoer.waarschuwingen)  # boven de cijfers (werkboekformaat.md v2)
    kerncijfers(r)
    istanbul(r)
    tabel(r)


main()
