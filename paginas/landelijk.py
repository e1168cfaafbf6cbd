"""Pagina Landelijk: plaatsen tegen de Istanbul-norm en de weigerkans, per centrumgemeente en landelijk."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken
from tariefmodel.capaciteit.eenheid import MELDING_ONBEGRENSD, MELDING_VOL


def kerncijfers(r) -> None:
    c = r.capaciteit
    k = st.columns(4)
    k[0].metric("Opvangplaatsen", formaat.getal(c.plaatsen, 0))
    k[1].metric("Istanbul-norm", formaat.getal(c.istanbul_norm, 0),
                delta=f"{formaat.getal(c.istanbul_tekort, 0)} tekort" if c.istanbul_tekort > 0 else None,
                delta_color="off", help="Eén (gezins)plaats per 10.000 inwoners: een aanbeveling bij het "
                                        "Verdrag van Istanbul, geen wettelijke norm.")
    k[2].metric("Verwachte weigerkans landelijk", formaat.procent(c.weigerkans, 0),
                delta=f"≈ {formaat.getal(c.geweigerd_per_jaar, 0)} geweigerd per jaar" if c.geweigerd_per_jaar else None,
                delta_color="off",
                help="Erlang B per regio; de vraag is teruggerekend uit de opnames (rekenmethode §2.4a). Regio's die "
                     "vol zaten tellen niet mee: daar is de vraag niet uit de opnames af te leiden.")
    k[3].metric(f"Nodig voor ≤ {formaat.procent(r.parameters['doel_weigerkans'], 0)} weigeren",
                formaat.getal(c.plaatsen_nodig_weigerkans, 0),
                help="Som over de regio's van de plaatsen die nodig zijn om hoogstens "
                     f"{formaat.procent(r.parameters['doel_weigerkans'], 0)} van de aanvragen te weigeren.")
    if c.regios_vol:
        st.warning(f"{c.regios_vol} regio's zaten vol (gemiddeld ≥ 99,9% bezet): de opvang zat vol, de vraag is niet "
                   "af te leiden uit opnames. Daar staat geen weigerkans; vul in het blad Capaciteit de aanmeldingen "
                   "in.", icon=":material/warning:")
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
              "Bezettingsgraad": formaat.procent(x.bezettingsgraad, 0), "Weigerkans": "vol" if x.capaciteit_melding else formaat.procent(x.weigerkans, 0),
              "Geweigerd/jaar": formaat.getal(x.geweigerd_per_jaar, 0),
              "Nodig (weigerkans)": formaat.getal(x.plaatsen_nodig_weigerkans, 0),
              "Bovenregionaal": formaat.procent(x.bovenregionaal_aandeel, 0)}
             for x in sorted(r.regios, key=lambda x: -x.istanbul_tekort)]
    with st.expander("Alle centrumgemeenten in een tabel", expanded=False):
        g.tabel(rijen, rechts=tuple(k for k in rijen[0] if k != "Centrumgemeente"), hoogte=500)
    st.caption("Bezettingsgraad = opgenomen cliënten × verblijfsduur / (365 × plaatsen). Weigerkans: Erlang B met de "
               "vraag teruggerekend uit de opnames (verliesmodel); 'vol' = de opvang zat vol, de vraag is niet af te "
               "leiden uit opnames. '–' = geen cliëntgegevens in het werkboek.")


def _procent(x) -> str:
    return formaat.procent(x, 0)


def _heel(x) -> str:
    return formaat.getal(x, 0)


def _kort(melding: str | None) -> str:
    """De melding van §2.4a kort voor in de tabel (de volledige tekst staat in het bijschrift)."""
    return {MELDING_VOL: "zat vol", MELDING_ONBEGRENSD: "wachtlijst zonder grens"}.get(melding, melding or "")


def _band(e, veld: str, opmaak) -> str:
    midden, laag, hoog = (getattr(x, veld) for x in (e.cijfers, e.uitkomst.laag, e.uitkomst.hoog))
    if midden is None:
        return "–"
    return f"{opmaak(midden)} ({opmaak(laag)}–{opmaak(hoog)})"


def eenheden(r) -> None:
    """Blad Capaciteit (§2.4a): geweigerd per jaar (nood, crisis) en wachttijd (vervolg) per regio."""
    if not r.eenheden:
        return
    st.subheader("Weigeren en wachten per opvangeenheid")
    verlies = [e for e in r.eenheden if e.model == "verlies"]
    wachtrij = [e for e in r.eenheden if e.model == "wachtrij"]
    k = st.columns(3)
    k[0].metric("Geweigerd per jaar (nood en crisis)",
                formaat.getal(sum(e.cijfers.geweigerd_per_jaar or 0 for e in verlies), 0),
                help="Som over de eenheden met een verliesmodel waarvan de vraag bekend is.")
    k[1].metric("Op de wachtlijst (vervolg)", formaat.getal(sum(e.cijfers.wachtenden or 0 for e in wachtrij), 0),
                help="Gemiddeld aantal wachtenden, som over de wachtrijen die niet zonder grens groeien.")
    k[2].metric("Eenheden zonder uitkomst", str(sum(1 for e in r.eenheden if e.cijfers.melding)),
                help="Vol (vraag niet af te leiden) of een wachtlijst die zonder grens groeit.")
    rijen = [{"Centrumgemeente": e.centrumgemeente, "Type": e.type, "Model": e.model,
              "Plaatsen": formaat.getal(e.plaatsen, 0), "Let op": _kort(e.cijfers.melding),
              "Weigerkans (band)": _band(e, "weigerkans", _procent),
              "Geweigerd/jaar (band)": _band(e, "geweigerd_per_jaar", _heel),
              "Wachttijd dagen (band)": _band(e, "gemiddelde_wachttijd_dagen", _heel),
              "Wachtenden": formaat.getal(e.cijfers.wachtenden, 1),
              "Plaatsen nodig": formaat.getal(e.cijfers.plaatsen_nodig, 0)}
             for e in r.eenheden]
    g.tabel(rijen, rechts=("Plaatsen", "Weigerkans (band)", "Geweigerd/jaar (band)", "Wachttijd dagen (band)",
                           "Wachtenden", "Plaatsen nodig"))
    st.caption(f"Tussen haakjes: bij een bezetting ± {formaat.procent(r.parameters['gevoeligheid_bezetting'], 0)}. "
               f"Plaatsen nodig: voor hoogstens {formaat.procent(r.parameters['doel_weigerkans'], 0)} weigeren "
               f"(verlies) of gemiddeld hoogstens {formaat.getal(r.parameters['doel_wachttijd'], 0)} dagen wachten "
               f"(wachtrij). 'Zat vol': {MELDING_VOL}. 'Wachtlijst zonder grens': {MELDING_ONBEGRENSD}. "
               "Zie de pagina Capaciteit voor de aannames: de cijfers zijn een ondergrens.")


def main() -> None:
    r = g.landelijk_resultaat()
    g.landelijk_kop("Landelijk", "Het landelijke beeld van de opvangcapaciteit: hoeveel plaatsen er zijn, hoeveel "
                                 "de Istanbul-norm vraagt en hoe vaak een vrouw naar verwachting geweigerd wordt.", r)
    g.waarschuwingen(m.tekst() for m in r.invoer.waarschuwingen)  # boven de cijfers (werkboekformaat.md v2)
    kerncijfers(r)
    istanbul(r)
    eenheden(r)
    tabel(r)


main()
