"""Pagina Scenario's: aannames en volumes aanpassen, scenario's laden, bewaren, vergelijken en meenemen.

De instellingen staan in één scenariostaat (paginas/scenariostaat.py) die Meerjaren en Downloads ook
gebruiken: hetzelfde scenario geeft op elke pagina dezelfde cijfers.
"""

from __future__ import annotations

import streamlit as st

from paginas import gedeeld as g
from paginas import grafiekspec
from paginas import scenariostaat as sc
from tariefmodel import formaat, grafieken
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import Scenario, tornado, vergelijking
from tariefmodel.kostprijs.vergelijking import (
    beschrijving,
    geschilpunten,
    vergelijk,
    wijziging_tekst,
)


def laden(werkboek, invoer):
    """Een bewaard scenario in de schuifjes zetten, of alles terug naar het werkboek; geeft de plek (een
    popover in dezelfde rij) waar bewaren komt."""
    bewaard = sc.bewaard(werkboek)
    rij = st.container(horizontal=True, vertical_alignment="bottom")  # één rij, geen kolomblokken (issue 17)
    keuze = rij.selectbox("Bewaard scenario", list(bewaard) or ["(nog geen bewaarde scenario's)"],
                          key=sc.sleutel(werkboek, "laadkeuze"), disabled=not bewaard, width=280)
    rij.button("In de schuifjes laden", icon=":material/upload:", disabled=not bewaard,
               on_click=sc.laad, args=(werkboek, invoer, bewaard.get(keuze, Scenario(sc.BASIS))))
    rij.button("Terug naar het werkboek", icon=":material/restart_alt:", on_click=sc.herstel, args=(werkboek, invoer))
    melding = st.session_state.pop("scenario_melding", None)
    if melding:
        st.success(g.tekst(melding), icon=":material/check_circle:")
    return rij.popover("Bewaren of meenemen", icon=":material/bookmark_add:")


def aannames(werkboek, invoer, tonen: bool = True) -> dict:
    """De schuifjes; met ``tonen=False`` alleen hun waarden uit de sessie (om eerst te rekenen, dan te tekenen)."""
    gekozen = {s.naam: sc.schuif(werkboek, s, float(invoer.waarde(s.naam)), tonen=tonen) for s in sc.SCHUIFJES}
    gekozen |= sc.overhead(werkboek, invoer, tonen=tonen)
    if not tonen:
        return gekozen | sc.indexschuifjes(werkboek, invoer, tonen=False)
    # CAO, OVA en de indexmethode werken alleen door in het meerjarentekort: in een uitklapper (ook op Meerjaren)
    index = st.expander("Meerjarenraming: CAO en OVA", key=sc.sleutel(werkboek, "indexschuifjes"), on_change="rerun")
    with index:
        gekozen |= sc.indexschuifjes(werkboek, invoer, tonen=bool(index.open))
    return gekozen


def uitkomst_berekenen(invoer, scenario: Scenario):
    """De kostprijs van het scenario, of de Nederlandse reden waarom het niet kan."""
    try:
        return scenario.bereken(invoer), None
    except ValueError as fout:
        return None, f"Dit scenario kan niet worden berekend: {g.tekst(fout)}"


def resultaat_tonen(basis, scenario: Scenario, r, fout: str | None) -> None:
    if r is None:
        st.error(fout, icon=":material/error:")
        return
    totaal_metrics(basis, r)
    rijen = [{
        "Product": p.product.naam, "Eenheid": g.eenheid_tekst(p.product.eenheid),
        "Werkboek": formaat.euro(basis.product(p.code).kostprijs), "Scenario": formaat.euro(p.kostprijs),
        "Verschil": _verschil(p.kostprijs - basis.product(p.code).kostprijs),
        "Tekort per jaar": formaat.euro_heel(p.tekort), "Dekkingsgraad": formaat.procent(p.dekkingsgraad),
    } for p in r.producten]
    g.sectie(boven="**Kostprijs per eenheid**", rijen=rijen,
             rechts=("Werkboek", "Scenario", "Verschil", "Tekort per jaar", "Dekkingsgraad"),
             onder="Wijzigingen: " + g.tekst(beschrijving(scenario.wijzigingen)), altijd_markdown=sc.printversie())


def totaal_metrics(basis, r) -> None:
    from tariefmodel.kostprijs.gevoeligheid import cumulatief_tekort

    rij = st.container(horizontal=True)  # één rij zonder kolomblokken: minder elementen per schuif
    rij.metric("Tekort per jaar", formaat.euro_heel(r.tekort),
               delta=_delta(r.tekort - basis.tekort), delta_color="inverse",
               help="Ten opzichte van het werkboek. Een lager tekort is groen.")
    rij.metric("Integrale kosten", formaat.euro_heel(r.integrale_kosten),
               delta=_delta(r.integrale_kosten - basis.integrale_kosten), delta_color="off")
    cumulatief, basis_cumulatief = cumulatief_tekort(r), cumulatief_tekort(basis)
    rij.metric(f"Tekort {int(r.parameters['meerjaren_jaren'])} jaar samen", formaat.euro_heel(cumulatief),
               delta=None if cumulatief is None or basis_cumulatief is None else
                     _delta(cumulatief - basis_cumulatief), delta_color="inverse",
               help="Met CAO-stijging tegen OVA-indexatie; dezelfde instellingen als op de pagina Meerjaren.")


def _verschil(verschil: float) -> str:
    return "–" if abs(verschil) < 0.005 else sc.euro_verschil(verschil, heel=False)


def _delta(verschil: float) -> str | None:
    return None if abs(verschil) < 0.5 else g.verschil_tekst(verschil, heel=True)


def bewaren(werkboek) -> None:
    """De huidige instellingen (gezet door de schuifjes hierboven in dezelfde run) onder een naam bewaren."""
    bewaard = sc.bewaard(werkboek)
    with st.form("bewaar", clear_on_submit=True, border=False):
        naam = st.text_input("Deze instellingen bewaren als", placeholder="bijv. Voorstel gemeente")
        if st.form_submit_button("Bewaren", icon=":material/bookmark_add:"):
            naam = naam.strip()
            if not naam or naam.casefold() in (sc.BASIS.casefold(), sc.HUIDIG.casefold(), "basis"):
                st.warning("Geef het scenario een eigen naam.")
            else:
                bewaard[naam] = Scenario(naam, dict(sc.huidig(werkboek).wijzigingen))
                st.session_state["scenario_melding"] = (f"Scenario '{naam}' is bewaard in deze sessie. Download het "
                                                        "werkboek met scenario's om het mee te nemen.")
                st.rerun()  # opnieuw van boven: de keuzelijst 'Bewaard scenario' kent het nieuwe scenario dan al
    sc.download_werkboek(werkboek, "dl_werkboek_scenarios")


def vergelijken(invoer, werkboek) -> dict | None:
    alle = sc.keuzes(werkboek)
    bewaard = sc.bewaard(werkboek)
    opties = list(alle)
    # De sleutel telt de bewaarde scenario's mee: een net bewaard scenario staat zo meteen in de vergelijking.
    gekozen = st.multiselect("Scenario's naast elkaar", opties, default=opties,
                             key=sc.sleutel(werkboek, f"vergelijk_{len(bewaard)}"))
    if sc.BASIS not in gekozen:
        gekozen = [sc.BASIS, *gekozen]
    try:
        kolommen = vergelijk(invoer, {n: alle[n] for n in gekozen if n != sc.BASIS})
    except ValueError as fout:
        st.error(f"Een scenario kan niet worden berekend: {g.tekst(fout)}")
        return None
    if len(kolommen) < 2:
        st.info("Kies een of meer scenario's om naast het werkboek te zetten.")
        return None
    vergelijk_tabellen(kolommen)
    for naam in bewaard:
        st.caption(f"**{g.tekst(naam)}**: {g.tekst(beschrijving(bewaard[naam].wijzigingen))}")
    if bewaard and st.button("Bewaarde scenario's wissen", icon=":material/delete:"):
        bewaard.clear()
        st.rerun()  # de hele pagina: de keuzelijst 'Bewaard scenario' staat buiten het fragment
    return {k.naam: alle[k.naam] for k in kolommen[1:]}


def vergelijk_tabellen(kolommen) -> None:
    namen = [k.naam for k in kolommen]
    st.markdown("**Wat kost dit de gemeente?**")
    regels = [("Gemeente betaalt in totaal (tarief × volume)", lambda k: formaat.euro_heel(k.gemeente_betaalt)),
              ("Bij kostendekkende tarieven (kostprijs × volume)", lambda k: formaat.euro_heel(k.kostendekkend)),
              ("Verschil: wat de gemeente te weinig betaalt",
               lambda k: formaat.euro_heel(k.kostendekkend - k.gemeente_betaalt)),
              ("Tekort per jaar (kosten − opbrengst)", lambda k: formaat.euro_heel(k.resultaat.tekort)),
              ("Dekkingsgraad (opbrengst / kosten)", lambda k: formaat.procent(k.dekkingsgraad)),
              (f"Tekort over {kolommen[0].jaren} jaar", lambda k: formaat.euro_heel(k.cumulatief_tekort))]
    sc.tabel([{"": label, **{k.naam: f(k) for k in kolommen}} for label, f in regels], rechts=tuple(namen))
    st.caption("Volume = het gerealiseerde volume van het scenario (plaatsen × 365 × werkelijke bezetting, uren of "
               "trajecten). Alleen producten met een gemeentetarief.")
    st.markdown("**Kostprijs per product**")
    rijen = [{"Product": f"{p.product.naam} ({g.eenheid_tekst(p.product.eenheid)})",
              **{k.naam: formaat.euro(k.resultaat.producten[i].kostprijs) for k in kolommen}}
             for i, p in enumerate(kolommen[0].resultaat.producten)]
    sc.tabel(rijen, rechts=tuple(namen))
    data = vergelijking({k.naam: k.resultaat for k in kolommen})
    afwijkend = data[(data["scenario"] != sc.BASIS) & (data["verschil"].abs() > 1e-9)]
    if not afwijkend.empty:
        st.markdown(f"**Kostprijs ten opzichte van '{sc.BASIS}'**")
        grafiekspec.teken("scenario_grafiek", data[data["scenario"] != sc.BASIS].reset_index(drop=True))


def vo_tegen_gemeente(invoer, werkboek) -> None:
    """Welke aannames zetten de twee kanten anders, en wat kost elk daarvan (alleen op het werkboek gezet)?"""
    alle = {n: s for n, s in sc.keuzes(werkboek).items()}
    namen = list(alle)
    links, rechts = st.columns(2)
    a = links.selectbox("Kant van de aanbieder (VO)", namen, index=min(2, len(namen) - 1),
                        key=sc.sleutel(werkboek, "kant_vo"))
    b = rechts.selectbox("Kant van de gemeente", namen, index=min(3, len(namen) - 1) if len(namen) > 3 else 0,
                         key=sc.sleutel(werkboek, "kant_gemeente"))
    try:
        punten = geschilpunten(invoer, alle[a], alle[b])
        tekort_a, tekort_b = (float(bereken(alle[n].toepassen(invoer)).tekort) for n in (a, b))
    except ValueError as fout:
        st.error(f"Een scenario kan niet worden berekend: {g.tekst(fout)}")
        return
    if not punten:
        st.info("Deze twee zetten alle aannames hetzelfde.")
        return
    rijen = [{"Aanname": p.naam, a: wijziging_tekst(p.naam, p.waarde_a).removeprefix(p.naam + " ")
              if p.waarde_a is not None else "–",
              b: wijziging_tekst(p.naam, p.waarde_b).removeprefix(p.naam + " ") if p.waarde_b is not None else "–",
              "Effect op het tekort per jaar": sc.euro_verschil(p.effect),
              "Effect op kostendekkend totaal": sc.euro_verschil(p.effect_kostendekkend)} for p in punten]
    if a == b:
        st.info("Kies twee verschillende scenario's.")
        return
    sc.tabel(rijen, rechts=("Effect op het tekort per jaar", "Effect op kostendekkend totaal"))
    st.caption(f"Elke aanname apart op het werkboek gezet: het tekort met de waarde van '{g.tekst(b)}' min het tekort met de "
               f"waarde van '{g.tekst(a)}'. Samen: {sc.euro_verschil(tekort_b - tekort_a)} per jaar (de effecten "
               "tellen niet precies op: aannames versterken elkaar, bijv. tarief en volume). Kostendekkend totaal = "
               "kostprijs × volume: daarin werkt ook een bezettingsnorm door, die het tekort zelf niet raakt.")


def tornado_tonen(invoer, scenario: Scenario, werkboek) -> None:
    try:
        scenario_invoer = scenario.toepassen(invoer)
    except ValueError:
        return
    r = bereken(scenario_invoer)
    namen = {p.code: p.product.naam for p in r.producten}
    code = st.selectbox("Product", list(namen), format_func=namen.get, key=sc.sleutel(werkboek, "tornado"))
    regels = tornado(scenario_invoer)[code]
    p = r.product(code)
    if not regels:
        st.info("Geen van de uitgangspunten verandert de kostprijs van dit product.")
        return
    st.markdown(f"Elk uitgangspunt apart op een lage en een hoge waarde gezet; de rest blijft zoals nu "
                f"ingesteld (kostprijs {formaat.euro(p.kostprijs)} {g.eenheid_tekst(p.product.eenheid)}). "
                f"Het grootste effect heeft **{regels[0].label.lower()}**: tussen "
                f"{regels[0].tekst(regels[0].laag)} en {regels[0].tekst(regels[0].hoog)} loopt de kostprijs van "
                f"{formaat.euro(min(regels[0].kostprijs_laag, regels[0].kostprijs_hoog))} tot "
                f"{formaat.euro(max(regels[0].kostprijs_laag, regels[0].kostprijs_hoog))}.")
    basis = float(p.kostprijs)
    grafiekspec.teken("tornado_grafiek_data", grafieken.tornado_data(regels, basis), basis, p.product.eenheid)


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    invoer = g.invoer("kostprijs")
    basis = bereken(invoer)
    g.kop("Scenario's", "Verander de aannames en volumes en zie direct wat er met de kostprijs en het tekort "
                        "gebeurt. Bewaar instellingen onder een naam, zet ze naast elkaar en neem ze mee in een "
                        "kopie van uw werkboek.")
    sc.printknop()
    sc.toon_bladmeldingen(werkboek)
    # Laden en bewaren staan buiten het fragment: ze herberekenen de hele pagina (ook de keuzelijst), een
    # schuifje alleen het fragment. Bewaren komt na het fragment in de code (het leest de instellingen die
    # het fragment net zette), maar staat op het scherm in dezelfde rij als laden (een popover).
    with st.container(border=True):
        bewaarplek = laden(werkboek, invoer)
    instellingen(werkboek, invoer, basis)
    with bewaarplek:
        bewaren(werkboek)


# Onder de uitkomst: elk in een eigen uitklapper, dicht als de pagina opent en pas getekend als hij open is
# (issue 17: een schuifje tekent alleen wat op het scherm staat).
ANALYSES = (("vergelijk", "Scenario's vergelijken: wat kost dit de gemeente?"),
            ("geschil", "VO tegen gemeente: waar zit het verschil?"),
            ("tornado", "Welke aanname weegt het zwaarst?"))


def analyses(werkboek, invoer, scenario: Scenario) -> None:
    tekenen = {"vergelijk": lambda: vergelijken(invoer, werkboek),
               "geschil": lambda: vo_tegen_gemeente(invoer, werkboek),
               "tornado": lambda: tornado_tonen(invoer, scenario, werkboek)}
    for naam, titel in ANALYSES:
        uitklapper = st.expander(titel, key=sc.sleutel(werkboek, f"analyse_{naam}"), on_change="rerun")
        if uitklapper.open:
            with uitklapper:
                tekenen[naam]()


@st.fragment
def instellingen(werkboek, invoer, basis) -> None:
    """De schuifjes en alles wat ervan afhangt (issue 17): een schuifje of keuze hier herberekent alleen dit
    fragment. Eerst rekenen (met de waarden die de schuifjes in de sessie hebben), dan alles in één keer tekenen:
    zo komt het scherm in zo weinig mogelijk tekenrondes binnen. Alleen wat open staat wordt getekend: de velden
    per product en de analyses als hun uitklapper open is."""
    per_product, fouten = sc.productvelden(werkboek, invoer, tonen=False)
    wijzigingen = sc.alleen_wijzigingen(invoer, aannames(werkboek, invoer, tonen=False)) | per_product
    sc.zet_huidig(werkboek, wijzigingen)
    scenario = sc.huidig(werkboek)
    r, fout = uitkomst_berekenen(invoer, scenario)
    links, rechts = st.columns([1, 2.2], gap="large")
    with links:
        st.subheader("Aannames")
        getekend = aannames(werkboek, invoer)
    with rechts:
        st.subheader("Uitkomst")
        resultaat_tonen(basis, scenario, r, fout)
        velden = st.expander("Tarieven en volumes per product", key=sc.sleutel(werkboek, "productvelden"),
                             on_change="rerun")
        getekende_velden = per_product
        if velden.open:
            with velden:
                st.caption("Nederlandse notatie: 275,50 · 95% · 1,1. Leeg of gelijk aan het werkboek = geen wijziging.")
                getekende_velden = sc.productvelden(werkboek, invoer)[0]
        for fout in fouten:
            st.error(g.tekst(fout), icon=":material/error:")
    _zelfde_als_getekend(invoer, getekend, getekende_velden, wijzigingen)
    analyses(werkboek, invoer, scenario)


def _zelfde_als_getekend(invoer, getekend: dict, getekende_velden: dict, wijzigingen: dict) -> None:
    """De schuifjes geven de sessiewaarden terug waarmee al gerekend is; wijkt er toch één af, dan één keer
    opnieuw (nooit cijfers die niet bij de schuifjes horen), en daarna een melding in plaats van een lus."""
    if sc.alleen_wijzigingen(invoer, getekend) | getekende_velden == wijzigingen:
        st.session_state.pop("scenario_opnieuw", None)
        return
    if not st.session_state.get("scenario_opnieuw"):
        st.session_state["scenario_opnieuw"] = True
        st.rerun(scope="fragment")
    st.warning("De cijfers horen mogelijk niet bij de stand van de schuifjes; verschuif er één opnieuw.",
               icon=":material/warning:")

main()
