"""Pagina Scenario's: aannames aanpassen met directe herberekening, scenario's bewaren en vergelijken, tornado."""

from __future__ import annotations

import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import (
    Scenario,
    cumulatief_tekort,
    opmaak,
    tornado,
    totalen,
    vergelijking,
    wijzigingen,
)

BASIS = "Werkboek"
HUIDIG = "Huidige instellingen"
# (parameter, label, min %, max %, stap %, uitleg) — schuifjes in procenten; het model rekent in fracties.
SCHUIFJES = [
    ("bezettingsnorm", "Bezettingsnorm opvang", 50.0, 100.0, 1.0,
     ("Over hoeveel etmalen de kosten van een plaats worden verdeeld. 85% is gangbaar (LNVO, Visie op "
      "capaciteit); een hogere norm geeft een lagere prijs per etmaal.")),
    ("verzuim", "Ziekteverzuim", 0.0, 20.0, 0.5, "Deel van de beschikbare uren dat medewerkers ziek zijn."),
    ("directe_tijd_ambulant", "Directe tijd ambulant", 30.0, 95.0, 1.0,
     "Deel van de inzetbare uren dat een ambulant hulpverlener met of voor cliënten werkt."),
    ("risico_opslag", "Risico-opslag", 0.0, 10.0, 0.5, "Opslag op directe kosten plus overhead."),
    ("cao_stijging", "CAO-loonstijging per jaar", 0.0, 10.0, 0.1,
     "Werkt door in de meerjarenraming (cumulatief tekort), niet in de kostprijs van het rekenjaar."),
]
METHODEN = {"werkelijk": "Werkelijke overhead (pro rata)", "norm": "Genormeerd percentage"}


def sleutel(werkboek, naam: str) -> str:
    return f"sc_{werkboek.kort}_{naam}"


def aannames(invoer, werkboek) -> dict:
    """De schuifjes; geeft de gekozen parameters."""
    gekozen = {naam: g.procentschuif(label, laag, hoog, stap, float(invoer.waarde(naam)), sleutel(werkboek, naam),
                                   uitleg)
               for naam, label, laag, hoog, stap, uitleg in SCHUIFJES}
    gekozen |= overhead(invoer, werkboek)
    return gekozen


def overhead(invoer, werkboek) -> dict:
    methode = st.radio("Overhead", list(METHODEN), format_func=METHODEN.get, horizontal=True,
                       index=list(METHODEN).index(invoer.waarde("overhead_methode")),
                       key=sleutel(werkboek, "overhead_methode"), persist_state="session",
                       help="Werkelijk: de overheadkosten uit het werkboek, verdeeld naar rato van de directe "
                            "kosten. Norm: een onderhandeld percentage van de directe kosten.")
    norm = g.procentschuif("Overheadnorm", 0.0, 40.0, 0.5, float(invoer.waarde("overhead_norm")),
                         sleutel(werkboek, "overhead_norm"), "Alleen bij de methode 'genormeerd percentage'.",
                         uit=methode != "norm")
    return {"overhead_methode": methode, "overhead_norm": norm}


def tarieven(invoer, werkboek) -> dict:
    """Tekstvelden voor het gemeentetarief per product (Nederlandse notatie: 275 of 275,50)."""
    st.markdown("**Gemeentetarief per product** (in euro; typ bijvoorbeeld 275 of 275,50)")
    uit = {}
    kolommen = st.columns(3)
    for i, p in enumerate(invoer.producten):
        tekst = "" if p.gemeentetarief is None else formaat.getal(p.gemeentetarief, 2)
        ingevuld = kolommen[i % 3].text_input(f"{p.naam} ({g.eenheid_tekst(p.eenheid)})", tekst,
                                 key=sleutel(werkboek, f"tarief_{p.code}"), persist_state="session",
                                 placeholder="geen tarief")
        if ingevuld.strip() and ingevuld.strip() != tekst:
            uit[p.code] = ingevuld.strip()
    return uit


def huidig_scenario(invoer, gekozen: dict, tarief: dict) -> Scenario:
    basis = {n: invoer.waarde(n) for n in gekozen}
    return Scenario(HUIDIG, wijzigingen(basis, gekozen), tarief)


def resultaat_tonen(invoer, basis, scenario: Scenario):
    try:
        r = scenario.bereken(invoer)
    except ValueError as fout:
        st.error(f"Dit scenario kan niet worden berekend: {g.tekst(fout)}", icon=":material/error:")
        return None
    totaal_metrics(basis, r)
    rijen = [{
        "Product": p.product.naam, "Eenheid": p.product.eenheid,
        "Werkboek": formaat.euro(basis.product(p.code).kostprijs), "Scenario": formaat.euro(p.kostprijs),
        "Verschil": _verschil(p.kostprijs - basis.product(p.code).kostprijs),
        "Tekort per jaar": formaat.euro_heel(p.tekort),
    } for p in r.producten]
    st.markdown("**Kostprijs per eenheid**")
    g.tabel(rijen, rechts=("Werkboek", "Scenario", "Verschil", "Tekort per jaar"))
    st.caption("Wijzigingen: " + beschrijving(scenario, invoer))
    return r


def totaal_metrics(basis, r) -> None:
    kolommen = st.columns(3)
    kolommen[0].metric("Tekort per jaar", formaat.euro_heel(r.tekort),
                       delta=_delta(r.tekort - basis.tekort), delta_color="inverse",
                       help="Ten opzichte van het werkboek. Een lager tekort is groen.")
    kolommen[1].metric("Integrale kosten", formaat.euro_heel(r.integrale_kosten),
                       delta=_delta(r.integrale_kosten - basis.integrale_kosten),
                       delta_color="off")
    cumulatief, basis_cumulatief = cumulatief_tekort(r), cumulatief_tekort(basis)
    kolommen[2].metric(f"Tekort {int(r.parameters['meerjaren_jaren'])} jaar samen", formaat.euro_heel(cumulatief),
                       delta=None if cumulatief is None or basis_cumulatief is None else
                       _delta(cumulatief - basis_cumulatief),
                       delta_color="inverse", help="Met CAO-stijging tegen OVA-indexatie (pagina Meerjaren).")


def _verschil(verschil: float) -> str:
    return "–" if abs(verschil) < 0.005 else g.verschil_tekst(verschil)


def _delta(verschil: float) -> str | None:
    return None if abs(verschil) < 0.5 else g.verschil_tekst(verschil, heel=True)


def beschrijving(scenario: Scenario, invoer) -> str:
    delen = [f"{_label(n)} {_waarde(n, w)}" for n, w in scenario.parameters.items()]
    namen = {p.code: p.naam for p in invoer.producten}
    delen += [f"tarief {namen[c]} € {t}" for c, t in scenario.tarieven.items()]
    return "; ".join(delen) if delen else "geen (gelijk aan het werkboek)"


def _label(naam: str) -> str:
    return {s[0]: s[1] for s in SCHUIFJES}.get(naam, {"overhead_methode": "Overhead",
                                                      "overhead_norm": "Overheadnorm"}.get(naam, naam)).lower()


def _waarde(naam: str, waarde) -> str:
    return METHODEN.get(waarde, waarde).lower() if isinstance(waarde, str) else opmaak(waarde, "procent")


def bewaren(scenario: Scenario, werkboek) -> None:
    bewaard = st.session_state.setdefault("scenarios", {}).setdefault(werkboek.sha, {})
    with st.form("bewaar", clear_on_submit=True, border=False):
        kolommen = st.columns([2, 1], vertical_alignment="bottom")
        naam = kolommen[0].text_input("Deze instellingen bewaren als", placeholder="bijv. Voorstel gemeente")
        if kolommen[1].form_submit_button("Bewaren", icon=":material/bookmark_add:", width="stretch"):
            naam = naam.strip()
            if not naam or naam in (BASIS, HUIDIG):
                st.warning("Geef het scenario een eigen naam.")
            else:
                bewaard[naam] = Scenario(naam, dict(scenario.parameters), dict(scenario.tarieven))
                st.success(f"Scenario '{g.tekst(naam)}' is bewaard (alleen in deze sessie).")


def vergelijken(invoer, werkboek, huidig: Scenario) -> None:
    bewaard = st.session_state.get("scenarios", {}).get(werkboek.sha, {})
    opties = [BASIS, *bewaard, HUIDIG]
    # De sleutel telt de bewaarde scenario's mee: een net bewaard scenario staat zo meteen in de vergelijking.
    gekozen = st.multiselect("Scenario's naast elkaar", opties, default=opties,
                             key=sleutel(werkboek, f"vergelijk_{len(bewaard)}"))
    scenarios = {BASIS: Scenario(BASIS), HUIDIG: huidig, **bewaard}
    try:
        resultaten = {naam: scenarios[naam].bereken(invoer) for naam in gekozen}
    except ValueError as fout:
        st.error(f"Een scenario kan niet worden berekend: {g.tekst(fout)}")
        return
    if len(resultaten) < 2:
        st.info("Kies twee of meer scenario's om te vergelijken. Bewaar eerst uw instellingen onder een naam.")
        return
    vergelijk_tabellen(resultaten, scenarios, invoer)
    for naam in bewaard:
        st.caption(f"**{g.tekst(naam)}**: {g.tekst(beschrijving(bewaard[naam], invoer))}")
    if bewaard:
        st.button("Bewaarde scenario's wissen", icon=":material/delete:", on_click=bewaard.clear)


def vergelijk_tabellen(resultaten, scenarios, invoer) -> None:
    data = vergelijking(resultaten)
    st.markdown("**Kostprijs per product**")
    tabel = data.pivot(index="product", columns="scenario", values="kostprijs").reindex(
        index=list(dict.fromkeys(data["product"])), columns=list(resultaten))
    eenheden = dict(zip(data["product"], data["eenheid"]))
    rijen = [{"Product": f"{prod} ({g.eenheid_tekst(eenheden[prod])})",
              **{s: formaat.euro(w) for s, w in rij.items()}} for prod, rij in tabel.iterrows()]
    g.tabel(rijen, rechts=tuple(resultaten))
    st.markdown("**Totaal van de organisatie**")
    tot = totalen(resultaten).set_index("scenario")
    cumulatief = {naam: cumulatief_tekort(r) for naam, r in resultaten.items()}
    regels = [("Integrale kosten per jaar", tot["integrale_kosten"], formaat.euro_heel),
              ("Opbrengst tegen gemeentetarief", tot["opbrengst"], formaat.euro_heel),
              ("Tekort per jaar", tot["tekort"], formaat.euro_heel),
              ("Dekkingsgraad", tot["dekkingsgraad"], formaat.procent),
              ("Cumulatief tekort meerjaren", cumulatief, formaat.euro_heel)]
    g.tabel([{"": label, **{s: fmt(reeks[s]) for s in resultaten}} for label, reeks, fmt in regels],
            rechts=tuple(resultaten))
    afwijkend = data[(data["scenario"] != next(iter(resultaten))) & (data["verschil"].abs() > 1e-9)]
    if not afwijkend.empty:
        st.markdown(f"**Kostprijs ten opzichte van '{g.tekst(next(iter(resultaten)))}'**")
        g.grafiek(grafieken.scenario_grafiek(data[data["scenario"] != next(iter(resultaten))]))


def tornado_tonen(invoer, scenario: Scenario, werkboek) -> None:
    try:
        scenario_invoer = scenario.toepassen(invoer)
    except ValueError:
        return
    r = bereken(scenario_invoer)
    namen = {p.code: p.product.naam for p in r.producten}
    code = st.selectbox("Product", list(namen), format_func=namen.get, key=sleutel(werkboek, "tornado"))
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
    g.grafiek(grafieken.tornado_grafiek(regels, p.kostprijs, p.product.eenheid))


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    invoer = g.invoer("kostprijs")
    basis = bereken(invoer)
    g.kop("Scenario's", "Verander de aannames en zie direct wat er met de kostprijs en het tekort gebeurt. "
                        "Bewaar instellingen onder een naam om ze naast elkaar te zetten.")
    links, rechts = st.columns([1, 2.2], gap="large")
    with links:
        st.subheader("Aannames")
        gekozen = aannames(invoer, werkboek)
    with rechts:
        uitkomst = st.container()
        tarief = tarieven(invoer, werkboek)
        scenario = huidig_scenario(invoer, gekozen, tarief)
        bewaren(scenario, werkboek)
    with uitkomst:
        st.subheader("Uitkomst")
        resultaat_tonen(invoer, basis, scenario)
    st.subheader("Scenario's vergelijken")
    vergelijken(invoer, werkboek, scenario)
    st.subheader("Welke aanname weegt het zwaarst?")
    tornado_tonen(invoer, scenario, werkboek)


main()
