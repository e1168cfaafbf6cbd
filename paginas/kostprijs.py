"""Pagina Kostprijs: het kostendekkende tarief per product, waarom het zo hoog is en wat de gemeente betaalt."""

from __future__ import annotations

import streamlit as st

from paginas import gedeeld as g
from paginas import grafiekspec
from tariefmodel import formaat, grafieken
from tariefmodel.kostprijs.amvb import WETSARTIKEL, amvb_toets, ontbrekend
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.gevoeligheid import kostprijs_bij_bezetting
from tariefmodel.kostprijs.meerjaren import tariefindex
from tariefmodel.kostprijs.opbouw import opbouw
from tariefmodel.parameters import definities

BEZETTINGEN = (0.80, 0.85, 0.90, 0.95, 1.00)  # kolommen van de tabel 'wat als de bezetting anders is'
ANDERE_BEZETTING = 0.95  # de vergelijking die aan tafel valt: 95% (volle opvang) tegen de norm


def kop(invoer, werkboek) -> None:
    g.kop("Kostprijs per product",
          "Het **kostendekkende tarief** per product volgens de rekenmethode (AMvB reële prijs Wmo), naast "
          "het tarief dat de gemeente nu betaalt.")
    st.caption(f"{g.tekst(invoer.organisatie)} · rekenjaar {invoer.rekenjaar}"
               f"{' · CONCEPT' if invoer.concept else ''} · werkboek {g.tekst(werkboek.naam)}")
    if werkboek.voorbeeld:
        st.info("U kijkt naar het **illustratieve voorbeeld** (een verzonnen organisatie). Upload links uw eigen "
                "werkboek om met uw eigen begroting te rekenen.", icon=":material/info:")


def kerncijfers(r) -> None:
    if not r.met_tarief:
        st.info("In het werkboek staat geen gemeentetarief: hieronder alleen de kostprijs. Vul in het blad "
                "Producten de kolom Gemeentetarief in, of probeer een tarief op de pagina Scenario's.",
                icon=":material/info:")
    rij = st.container(horizontal=True)  # één rij zonder kolomblokken: minder elementen
    rij.metric("Integrale kosten per jaar", formaat.euro_heel(r.integrale_kosten),
               help="Alle kosten van de producten, inclusief overhead en risico-opslag.")
    rij.metric("Opbrengst tegen gemeentetarief", formaat.euro_heel(r.opbrengst),
               help="Gemeentetarief × gerealiseerd volume, voor producten met een gemeentetarief.")
    rij.metric("Tekort per jaar", formaat.euro_heel(r.tekort),
               help="Kosten min opbrengst. Positief: de aanbieder draagt een verlies.")
    kosten = sum(p.integrale_kosten for p in r.met_tarief)
    rij.metric("Dekkingsgraad", formaat.procent(r.opbrengst / kosten if kosten else None),
               help="Welk deel van de kosten het gemeentetarief dekt.")


def tarieftabel(r) -> None:
    rijen = [{
        "Product": p.product.naam, "Eenheid": g.eenheid_tekst(p.product.eenheid),
        "Kostendekkend tarief": formaat.euro(p.kostprijs), "Gemeentetarief": formaat.euro(p.gemeentetarief),
        "Verschil per eenheid": formaat.euro(p.verschil_per_eenheid), "Tekort per jaar": formaat.euro_heel(p.tekort),
        "Dekkingsgraad": formaat.procent(p.dekkingsgraad),
    } for p in r.producten]
    g.sectie("Kostprijs tegenover gemeentetarief", rijen=rijen, rechts=(
        "Kostendekkend tarief", "Gemeentetarief", "Verschil per eenheid", "Tekort per jaar", "Dekkingsgraad"),
        onder="Verschil = gemeentetarief − kostprijs (negatief: de gemeente betaalt minder dan de kostprijs). "
              "Tekort = kosten − opbrengst bij het gerealiseerde volume (positief: verlies voor de aanbieder).")


def waarom(p, stappen) -> str:
    grootste = sorted(stappen, key=lambda s: -s[1])[:2]
    eenheid = g.eenheid_tekst(p.product.eenheid)
    tekst = (f"**Waarom {formaat.euro(p.kostprijs)} {eenheid}?** De grootste posten zijn "
             f"{grootste[0][0].lower()} ({formaat.euro(grootste[0][1])}) en {grootste[1][0].lower()} "
             f"({formaat.euro(grootste[1][1])}).")
    if p.gemeentetarief is not None:
        tekst += (f" De gemeente betaalt **{formaat.euro(p.gemeentetarief)}**: dat dekt "
                  f"{formaat.procent(p.dekkingsgraad)} van de kosten bij het gerealiseerde volume "
                  "(dekkingsgraad, zoals in de tabel).")
    return tekst


def productdetails(p) -> str:
    delen = [f"{formaat.getal(p.fte, 1)} fte eigen personeel"]
    if p.product.soort == "opvang":
        delen.append(f"{formaat.getal(p.product.plaatsen, 0)} plaatsen")
        delen.append(f"kosten per beschikbare plaats per jaar {formaat.euro_heel(p.kostprijs_per_plaats_per_jaar)}")
    if p.directe_uren is not None:
        delen.append(f"{formaat.getal(p.directe_uren, 0)} directe uren per jaar")
    delen.append(f"integrale kosten {formaat.euro_heel(p.integrale_kosten)} per jaar")
    return " · ".join(delen)


def _stappen(p, parameters) -> tuple[tuple[str, float], ...]:
    return tuple((stap, float(bedrag)) for stap, bedrag in opbouw(p, parameters))


@st.fragment
def opbouw_per_product(r) -> None:
    """Per product in één zin waarom de kostprijs zo hoog is; de grafieken pas als de uitklapper open is, en dan
    alleen het open tabblad (issue 17: de eerste pagina laadt geen grafiekbibliotheek)."""
    g.sectie("Waarom is de kostprijs zo hoog? De opbouw per product",
             "\n".join(f"- {g.tekst(p.product.naam)}. {waarom(p, _stappen(p, r.parameters))}" for p in r.producten))
    grafiek = st.expander("De opbouw als grafiek, per product", key="kostprijs_opbouw_grafiek", on_change="rerun",
                          icon=":material/bar_chart:")
    if not grafiek.open:
        return
    with grafiek:
        st.markdown("Van loon naar kostprijs, stap voor stap. De rode stippellijn is het gemeentetarief. "
                    "Beweeg over een balk voor uitleg.")
        tabs = st.tabs([g.tekst(p.product.naam) for p in r.producten], on_change="rerun",
                       key="kostprijs_opbouw_" + "_".join(p.code for p in r.producten))
        for tab, p in zip(tabs, r.producten):
            if tab.open is False:
                continue
            with tab:
                grafiekspec.teken("opbouw_grafiek_stappen", _stappen(p, r.parameters), p.product.eenheid,
                                  None if p.gemeentetarief is None else float(p.gemeentetarief))
                st.caption(productdetails(p))
        st.markdown("**Wat betekenen de stappen?**\n\n" +
                    "\n".join(f"- **{stap}**: {uitleg}" for stap, uitleg in grafieken.STAP_UITLEG.items()))


@st.cache_data(max_entries=32, show_spinner=False)
def bezettingsdata(data: bytes, naam: str, normen: tuple[float, ...]):
    """kostprijs_bij_bezetting van het werkboek met deze bytes: één keer per werkboek en normen, niet bij elke
    nieuwe sessie opnieuw (issue 17: de eerste pagina)."""
    return kostprijs_bij_bezetting(g.lees_kostprijs(data, naam).invoer, normen)


def bezetting(werkboek, r) -> None:
    data = bezettingsdata(werkboek.data, werkboek.naam, BEZETTINGEN)
    if data.empty:
        return
    norm = r.parameters["bezettingsnorm"]
    rijen = []
    for code, groep in data.groupby("code", sort=False):
        rij = {"Product": groep["product"].iloc[0]}
        rij |= {f"{formaat.procent(b, 0)} bezet": formaat.euro(k) for b, k in zip(groep["bezetting"], groep["kostprijs"])}
        rijen.append(rij)
    g.sectie("Wat als de bezetting anders is?",
             f"De kostprijs per etmaal rekent met een bezettingsnorm van **{formaat.procent(norm, 0)}**: de "
             "kosten van een plaats worden verdeeld over de etmalen waarin hij gemiddeld bezet is. Een hogere "
             "norm geeft een lagere prijs per etmaal, maar de totale kosten blijven gelijk — en een opvang die "
             "gemiddeld vol zit, moet vaker vrouwen weigeren (zie de pagina Capaciteit).",
             rijen, rechts=tuple(f"{formaat.procent(b, 0)} bezet" for b in BEZETTINGEN))
    st.markdown(voorbeeldzin(werkboek, norm))
    st.page_link("paginas/scenarios.py", label="Zelf de bezettingsnorm en andere aannames aanpassen",
                 icon=":material/tune:")


def voorbeeldzin(werkboek, norm: float) -> str:
    """'Bij 95% in plaats van 85% bezetting daalt de kostprijs van X van € a naar € b per etmaal.'"""
    ander = ANDERE_BEZETTING if abs(norm - ANDERE_BEZETTING) > 1e-9 else BEZETTINGEN[1]
    data = bezettingsdata(werkboek.data, werkboek.naam, (norm, ander))
    eerste = data[data["code"] == data["code"].iloc[0]]
    nu, dan = eerste["kostprijs"].iloc[0], eerste["kostprijs"].iloc[1]
    richting = "daalt" if dan < nu else "stijgt"
    return (f"Bij **{formaat.procent(ander, 0)}** in plaats van {formaat.procent(norm, 0)} bezetting {richting} de "
            f"kostprijs van {g.tekst(eerste['product'].iloc[0])} van {formaat.euro(nu)} naar **{formaat.euro(dan)}** "
            "per etmaal.")


@st.cache_data(max_entries=32, show_spinner=False)
def weigerrijen(data: bytes, naam: str) -> tuple[float | None, list[dict]]:
    """(doel_weigerkans, rijen) van de tabel hieronder voor het werkboek met deze bytes; de Erlang-zoektochten
    één keer per werkboek, niet bij elke nieuwe sessie (issue 17)."""
    r = bereken(g.lees_kostprijs(data, naam).invoer)
    doel = r.parameters.get("doel_weigerkans")
    doeltekst = formaat.procent(doel, 0)
    return doel, [{
        "Product": p.product.naam, "Plaatsen": formaat.getal(p.product.plaatsen, 0),
        "Norm": formaat.procent(p.bezettingsnorm, 1), "Prijs bij norm": formaat.euro(p.kostprijs),
        "Weigert bij norm": formaat.procent(p.weigerkans_bij_norm, 0),
        f"Bezetting bij {doeltekst} weigeren": formaat.procent(p.bezetting_bij_doel_weigerkans, 1),
        f"Prijs bij {doeltekst} weigeren": formaat.euro(p.kostprijs_bij_doel_weigerkans),
        "Break-even": formaat.procent(p.breakeven_bezetting, 1),
    } for p in r.producten if p.product.soort == "opvang"]


def weigerkans(werkboek) -> None:
    """§1.6 v2: per opvangproduct de weigerkans die de prijs inhoudt, de prijs bij de doel-weigerkans en de
    break-even bezetting van het gemeentetarief."""
    doel, rijen = weigerrijen(werkboek.data, werkboek.naam)
    if not rijen:
        return
    g.sectie("Bezettingsnorm, weigerkans en break-even",
             f"Een kleine opvang die gemiddeld vol zit, moet vaak nee verkopen. Per product: de **weigerkans** "
             f"die de bezettingsnorm inhoudt (Erlang-verliesmodel), de **kostprijs bij een weigerkans van "
             f"{formaat.procent(doel, 0)}** en de **break-even bezetting**: bij welke bezetting het gemeentetarief "
             "de kosten dekt (boven 100%: nooit).", rijen, rechts=tuple(k for k in rijen[0] if k != "Product"),
             onder="Weigerkans: het deel van de aanmeldingen dat geen plaats vindt als de plaatsen gemiddeld op de "
                   "norm bezet zijn (Erlang B, aankomsten zonder wachtrij). Break-even = integrale kosten / "
                   "(plaatsen × dagen × gemeentetarief).")


def amvb(r) -> None:
    """§1.6 v2: de AMvB-toets a-f."""
    st.subheader(f"Bevat de prijs alle kostprijselementen van {WETSARTIKEL}?")
    elementen = amvb_toets(r, tariefindex(r.invoer.uitgangspunten, r.invoer.rekenjaar + 1))
    missend = ontbrekend(elementen)
    if missend:
        st.warning("Niet gevuld: " + "; ".join(f"**{e.element}. {e.omschrijving}**" for e in missend) +
                   ". Vul ze in het werkboek in (of leg uit waarom ze 0 zijn).", icon=":material/warning:")
    rijen = [{"": e.element, "Kostprijselement": e.omschrijving, "Gevuld": "ja" if e.gevuld else "NEE",
              "Gevonden": e.toelichting} for e in elementen]
    g.sectie(rijen=rijen, onder="Waar het model kijkt: " + "; ".join(f"{e.element}. {e.invoer}" for e in elementen)
             + ".")


def personeel(r) -> None:
    st.subheader("Hoeveel personeel vraagt een post die dag en nacht bezet is?")
    u = r.uren
    rij = st.container(horizontal=True)
    rij.metric("FTE voor één 24/7-post", formaat.getal(u.fte_per_24_7_post, 2),
               help="8.760 uur per jaar gedeeld door de inzetbare uren per fte.")
    rij.metric("Beschikbare uren per fte", formaat.getal(u.beschikbaar, 0),
               help="Jaaruren min verlof en feestdagen.")
    rij.metric("Inzetbare uren per fte", formaat.getal(u.inzetbaar, 0),
               help="Beschikbare uren min verzuim, scholing en overleg.")
    rij.metric("Directe uren per fte (ambulant)", formaat.getal(u.direct, 0),
               help="Inzetbare uren × aandeel directe tijd: de uren met of voor cliënten.")
    st.caption(f"Overhead: {formaat.procent(r.overhead_percentage)} van de directe kosten "
               f"(methode: {r.invoer.waarde('overhead_methode')}).")


@st.fragment
def uitgangspunten(invoer) -> None:
    st.subheader("Uitgangspunten en bronnen")
    onzeker = [u for u in invoer.uitgangspunten.values() if u.onzeker]
    if onzeker:
        st.warning(f"{len(onzeker)} uitgangspunten zijn een **schatting (ESTIMATE)** of hebben **geen bron (NOT "
                   "FOUND)**: " + ", ".join(_omschrijving(u.naam) for u in onzeker) +
                   ". Vul ze in uw werkboek in als u betere cijfers heeft.", icon=":material/warning:")
    lijst = st.expander("Alle uitgangspunten met status en bron", expanded=False, key="kostprijs_bronnen",
                        on_change="rerun")
    if lijst.open is False:  # dicht: de lange tabel niet opbouwen (issue 17)
        return
    with lijst:
        rijen = [{"Uitgangspunt": _omschrijving(u.naam), "Parameter": u.naam, "Waarde": g.waarde_tekst(u),
                  "Status": g.status_tekst(u), "Bron": u.bron}
                 for u in sorted(invoer.uitgangspunten.values(), key=lambda u: u.naam)]
        g.tabel(rijen, rechts=("Waarde",), hoogte=600)


def _omschrijving(naam: str) -> str:
    d = definities().get(naam)
    return d.omschrijving if d else naam.capitalize()


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    invoer = g.invoer("kostprijs")
    r = bereken(invoer)
    kop(invoer, werkboek)
    g.waarschuwingen(m.tekst() for m in invoer.waarschuwingen)  # boven de cijfers (werkboekformaat.md v2)
    kerncijfers(r)
    tarieftabel(r)
    weigerkans(werkboek)
    amvb(r)
    opbouw_per_product(r)
    bezetting(werkboek, r)
    personeel(r)
    uitgangspunten(invoer)


main()
