"""Pagina Capaciteit: weigeren (verliesmodel) of wachten (wachtrij), met bandbreedte — rekenmethode §2.4a (v2).

Marges in plaats van gemiddelden: hoe vaak een vrouw geweigerd wordt of hoe lang zij wacht, en wat een
andere bezetting of een ander aantal plaatsen doet met het tarief (kostprijs per etmaal).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from paginas import gedeeld as g
from paginas import grafiekspec
from tariefmodel import formaat
from tariefmodel.capaciteit import eenheid as ce
from tariefmodel.capaciteit import erlang
from tariefmodel.grenzen import MAX_LAST_REGIO
from tariefmodel.kostprijs.gevoeligheid import kostprijs_bij_bezetting, weigercurve
from tariefmodel.landelijk import capaciteit as lan_cap
from tariefmodel.landelijk.standaard import standaardwaarde

LOCATIE, EENHEID, REGIO, ZELF = ("Een opvanglocatie uit het kostprijswerkboek", "Een eenheid uit het blad Capaciteit",
                                 "Een regio uit het landelijk werkboek", "Zelf invullen")
GRAFIEK_MAX_PUNTEN = 1_000  # hoogstens zoveel plaatsen in de weigercurve (leesbaarheid, geen rekenparameter)
SCHUIF_BEZETTING = (50, 99)  # procent: bereik van de schuif (instelling van de pagina, geen rekenparameter)
MODELNAAM = {ce.VERLIES: "Weigeren (nood- en crisisopvang, Erlang B)",
             ce.WACHTRIJ: "Wachten (vervolgopvang, Erlang C)"}
AANNAMES = (
    "**Deze cijfers zijn een ondergrens: het model is optimistisch.** Het gaat uit van aanvragen die "
    "onafhankelijk van elkaar binnenkomen en van één gezamenlijke pool plaatsen. In werkelijkheid:\n"
    "- **pieken**: aanvragen komen in golven (landelijke pieken tegelijk, een moeder komt met kinderen), "
    "dus vaker tegelijk dan het model aanneemt;\n"
    "- **overloop**: vrouwen die elders geweigerd zijn, kloppen hier aan; die stroom is nog grilliger;\n"
    "- **langer verblijf als de uitstroom vastloopt**: zonder woning blijft een vrouw langer, juist als het "
    "druk is — de verblijfsduur is dan geen vast gegeven;\n"
    "- **aparte deelpools**: plaatsen voor gezinnen, voor vrouwen alleen of op een geheim adres zijn niet "
    "uitwisselbaar; elke deelpool is kleiner en weigert vaker dan het totaal.\n\n"
    "Bronnen: Landelijk Netwerk Vrouwenopvang, *Visie op capaciteit* (mei 2024); De Bruin e.a., "
    "*Dimensioning hospital wards using the Erlang loss model*, Annals of Operations Research (2010).")


@dataclass(frozen=True)
class Situatie:
    naam: str
    plaatsen: int
    last: float | None  # aangeboden last A; None = de vraag is niet af te leiden (opvang zat vol)
    model: str
    verblijfsduur: float
    herkomst: str
    product: object | None = None  # kostprijsproduct (voor de schuif prijs tegen weigeren)
    melding: str | None = None
    rekenregels: ce.Rekenregels | None = None  # None = de meegeleverde standaarden


def regels(s: Situatie | None = None) -> ce.Rekenregels:
    """De parameters van §2.4a: die van het landelijk werkboek, anders de meegeleverde standaarden."""
    if s is not None and s.rekenregels is not None:
        return s.rekenregels
    return ce.Rekenregels(float(standaardwaarde("dagen_per_jaar")), float(standaardwaarde("doel_weigerkans")),
                          float(standaardwaarde("doel_wachttijd")), float(standaardwaarde("gevoeligheid_bezetting")))


def _model_en_duur(sleutel: str, model: str = ce.VERLIES, duur: float | None = None) -> tuple[str, float]:
    links, rechts = st.columns(2)
    model = links.radio("Wat gebeurt er als alles vol is?", list(MODELNAAM), index=list(MODELNAAM).index(model),
                        format_func=MODELNAAM.get, key=f"{sleutel}_model", persist_state="session")
    standaard = duur if duur is not None else (259 if model == ce.WACHTRIJ else 28)
    duur = rechts.number_input("Gemiddelde verblijfsduur (dagen)", 1, 3650, int(standaard), 1,
                               key=f"{sleutel}_duur_{model}", persist_state="session",
                               help="Vervolgopvang: gemiddeld 259 dagen (Monitor Veilige Opvang 2022-2023). "
                                    "Crisisopvang: dagen tot weken.")
    return model, float(duur)


def _last_bij_bezetting(model: str, plaatsen: int, bezetting: float) -> float | None:
    return ce.last_bij_bezetting(model, plaatsen, bezetting)


def uit_locatie(werkboek) -> Situatie | None:
    invoer = g.invoer("kostprijs")
    opvang = [p for p in invoer.producten if p.soort == "opvang" and p.plaatsen]
    if not opvang:
        st.info("Het kostprijswerkboek heeft geen opvangproduct met plaatsen.")
        return None
    namen = {p.code: p.naam for p in opvang}
    code = st.selectbox("Opvanglocatie", list(namen), format_func=namen.get, key=f"cap_{werkboek.kort}_product",
                        persist_state="session")
    p = next(p for p in opvang if p.code == code)
    model, duur = _model_en_duur("cap_locatie", ce.WACHTRIJ if "vervolg" in p.naam.lower() else ce.VERLIES)
    norm = float(invoer.waarde("bezettingsnorm"))
    bezetting = p.werkelijke_bezetting if p.werkelijke_bezetting is not None else norm
    plaatsen = max(1, round(p.plaatsen))  # Erlang rekent met hele plaatsen; 0,4 plaats wordt 1, niet 0
    afgerond = "" if plaatsen == p.plaatsen else f" (gerekend als {plaatsen})"
    last = _last_bij_bezetting(model, plaatsen, bezetting)
    return Situatie(p.naam, plaatsen, last, model, duur, f"{formaat.getal(p.plaatsen, 0 if float(p.plaatsen).is_integer() else 1)} plaatsen"
                    f"{afgerond}, volgens het werkboek gemiddeld {formaat.procent(bezetting, 0)} bezet", p,
                    None if last is not None else ce.MELDING_VOL)


def uit_eenheid() -> Situatie | None:
    r = g.landelijk_resultaat()
    eenheden = r.eenheden or ()
    labels = [f"{e.centrumgemeente} · {e.type}" for e in eenheden]
    keuze = st.selectbox("Opvangeenheid (blad Capaciteit)", range(len(labels)), format_func=labels.__getitem__,
                         key="cap_eenheid", persist_state="session")
    e = eenheden[keuze]
    vraag = (f"{formaat.getal(e.aanmeldingen, 0)} aanmeldingen" if e.aanmeldingen is not None else
             f"{formaat.getal(e.opgenomen, 0)} opnames")
    return Situatie(labels[keuze], e.plaatsen, e.cijfers.aangeboden_last, e.model, e.verblijfsduur,
                    f"{e.plaatsen} plaatsen, {vraag} per jaar, gemiddeld {formaat.getal(e.verblijfsduur, 0)} dagen "
                    "verblijf (landelijk werkboek, blad Capaciteit)", melding=e.cijfers.melding
                    if e.cijfers.melding == ce.MELDING_VOL else None, rekenregels=lan_cap.rekenregels(r.parameters))


def uit_regio() -> Situatie | None:
    r = g.landelijk_resultaat()
    regios = [x for x in r.regios if x.clienten is not None and x.verblijfsduur is not None and x.plaatsen > 0]
    if not regios:
        st.info("Het landelijk werkboek heeft geen regio met cliënten per jaar en verblijfsduur.")
        return None
    naam = st.selectbox("Centrumgemeente", [x.centrumgemeente for x in regios], key="cap_regio",
                        persist_state="session")
    x = r.regio(naam)
    return Situatie(naam, int(x.plaatsen), x.aangeboden_last, ce.VERLIES, float(x.verblijfsduur),
                    f"{formaat.getal(x.plaatsen, 0)} plaatsen, {formaat.getal(x.clienten, 0)} opgenomen cliënten per "
                    f"jaar, gemiddeld {formaat.getal(x.verblijfsduur, 0)} dagen verblijf (landelijk werkboek)",
                    melding=x.capaciteit_melding, rekenregels=lan_cap.rekenregels(r.parameters))


def zelf() -> Situatie | None:
    model, duur = _model_en_duur("cap_zelf")
    links, rechts = st.columns(2)
    plaatsen = int(links.number_input("Aantal plaatsen", 1, 2000, 10, 1, key="cap_zelf_plaatsen",
                                      persist_state="session"))
    manier = rechts.radio("De vraag", ["Gemiddelde bezetting", "Aanmeldingen per jaar"], key="cap_zelf_manier",
                          persist_state="session", horizontal=True)
    if manier == "Gemiddelde bezetting":
        with rechts:
            bezetting = g.procentschuif("Gemiddelde bezetting", 50.0, 99.0, 1.0,
                                        float(standaardwaarde("bezettingsnorm")), "cap_zelf_bezetting")
        return Situatie("Uw opvang", plaatsen, _last_bij_bezetting(model, plaatsen, bezetting), model, duur,
                        f"{plaatsen} plaatsen, gemiddeld {formaat.procent(bezetting, 0)} bezet")
    aanmeldingen = rechts.number_input("Aanmeldingen per jaar", 1, 100_000, 120, 1, key="cap_zelf_aanmeldingen",
                                       persist_state="session")
    last = aanmeldingen * duur / regels().dagen_per_jaar
    if last > MAX_LAST_REGIO:  # begrensd werk: de server rekent voor iedereen (docs/veiligheid.md)
        st.warning(f"{formaat.getal(aanmeldingen, 0)} aanmeldingen per jaar met gemiddeld {formaat.getal(duur, 0)} "
                   f"dagen verblijf betekent {formaat.getal(last, 0)} vrouwen tegelijk; dat is meer dan de grens van "
                   f"{formaat.getal(MAX_LAST_REGIO, 0)} waarvoor de app rekent. Controleer de getallen.")
        return None
    return Situatie("Uw opvang", plaatsen, last, model, duur,
                    f"{plaatsen} plaatsen, {aanmeldingen} aanmeldingen per jaar, gemiddeld {formaat.getal(duur, 0)} "
                    "dagen verblijf")


def kies_situatie(werkboek) -> Situatie | None:
    opties = [LOCATIE, ZELF]
    if g.werkboek("landelijk") is not None:
        opties.insert(1, REGIO)
        if g.landelijk_resultaat().eenheden:
            opties.insert(1, EENHEID)
    keuze = st.radio("Waarvoor rekenen?", opties, horizontal=True, key="cap_keuze", persist_state="session")
    return {LOCATIE: lambda: uit_locatie(werkboek), EENHEID: uit_eenheid, REGIO: uit_regio, ZELF: zelf}[keuze]()


# --- uitkomsten ------------------------------------------------------------------------------------------

def _band(s: Situatie, u: ce.Uitkomst, veld: str, opmaak) -> str:
    laag, hoog = getattr(u.laag, veld), getattr(u.hoog, veld)
    p = formaat.procent(regels(s).gevoeligheid_bezetting, 0)
    if laag is None and hoog is None:
        return ""
    return f"bij ± {p} bezetting: {opmaak(laag)} – {opmaak(hoog)}"


def _procent(x):
    return formaat.procent(x, 0) if x is not None else "niet te berekenen"


def _dagen(x):
    return f"{formaat.getal(x, 0)} dagen" if x is not None else "zonder grens"


def _aantal(x, decimalen: int = 0):
    return formaat.getal(x, decimalen) if x is not None else "–"


def kerncijfers(s: Situatie, u: ce.Uitkomst) -> None:
    c = u.cijfers
    k = st.columns(4)
    if s.model == ce.VERLIES:
        k[0].metric("Weigerkans nu", _procent(c.weigerkans), help="Kans dat alle plaatsen bezet zijn als er een "
                    "vrouw (of gezin) aanklopt (Erlang B).")
        k[0].caption(_band(s, u, "weigerkans", _procent))
        k[1].metric("Geweigerd per jaar", _aantal(c.geweigerd_per_jaar),
                    help="Aanvragen per jaar × weigerkans: zoveel vrouwen moeten naar een noodbed, hotel of andere regio.")
        k[1].caption(_band(s, u, "geweigerd_per_jaar", _aantal))
        doel = f"≤ {formaat.procent(regels(s).doel_weigerkans, 0)} weigeren"
        rho = erlang.bezetting_bij_weigerkans(s.plaatsen, regels(s).doel_weigerkans)
        k[3].metric(f"Bezetting bij {doel}", formaat.procent(rho, 0), help=f"ρ*: de hoogste gemiddelde bezetting "
                    f"die {s.plaatsen} plaatsen halen zonder meer dan het doel te weigeren (§2.4a).")
    else:
        k[0].metric("Kans op wachten", _procent(c.kans_wachten), help="Kans dat een vrouw niet direct terecht kan "
                    "maar op de wachtlijst komt (Erlang C).")
        k[0].caption(_band(s, u, "kans_wachten", _procent))
        k[1].metric("Gemiddelde wachttijd", _dagen(c.gemiddelde_wachttijd_dagen),
                    help="Gemiddeld over alle aanmeldingen, ook wie direct terecht kan.")
        k[1].caption(_band(s, u, "gemiddelde_wachttijd_dagen", _dagen))
        k[3].metric("Gemiddeld op de wachtlijst", _aantal(c.wachtenden, 1), help="Gemiddeld aantal wachtenden.")
        k[3].caption(_band(s, u, "wachtenden", lambda x: _aantal(x, 1)))
    doel = (f"≤ {formaat.procent(regels(s).doel_weigerkans, 0)} weigeren" if s.model == ce.VERLIES else
            f"gemiddeld ≤ {formaat.getal(regels(s).doel_wachttijd, 0)} dagen wachten")
    k[2].metric(f"Plaatsen nodig voor {doel}", f"{_aantal(c.plaatsen_nodig)}",
                delta=None if c.plaatsen_nodig is None else f"{c.plaatsen_nodig - s.plaatsen:+d} plaatsen",
                delta_color="off")
    k[2].caption(_band(s, u, "plaatsen_nodig", _aantal))
    if c.melding:
        st.warning(f"{g.tekst(s.naam)}: {c.melding}. De wachttijd is niet te berekenen: er komen gemiddeld meer vrouwen "
                   "bij dan er plaatsen vrijkomen.", icon=":material/warning:")


def uitleg(s: Situatie, u: ce.Uitkomst) -> None:
    c = u.cijfers
    tekst = (f"**{g.tekst(s.naam)}** ({g.tekst(s.herkomst)}): gemiddeld hebben **{formaat.getal(s.last, 1)}** vrouwen en gezinnen "
             f"tegelijk een plaats nodig. ")
    if s.model == ce.VERLIES:
        tekst += (f"Met {s.plaatsen} plaatsen is de opvang gemiddeld {formaat.procent(c.bezetting, 0)} bezet, maar "
                  f"de vraag schommelt: op drukke momenten is alles vol en wordt naar verwachting "
                  f"**{_procent(c.weigerkans)}** van de aanvragen geweigerd. Een lagere gemiddelde bezetting is dus "
                  "geen leegstand maar de marge die nodig is om pieken op te vangen.")
    else:
        tekst += (f"Met {s.plaatsen} plaatsen wacht een vrouw gemiddeld **{_dagen(c.gemiddelde_wachttijd_dagen)}**; "
                  "vlak bij volle bezetting loopt de wachttijd snel op.")
    st.markdown(tekst)


def curve(s: Situatie, u: ce.Uitkomst) -> None:
    if s.model != ce.VERLIES:
        return
    nodig = u.cijfers.plaatsen_nodig or s.plaatsen
    van = max(1, math.floor(0.5 * min(s.plaatsen, s.last)))
    tot = math.ceil(1.15 * max(s.plaatsen, nodig)) + 2
    if tot - van > GRAFIEK_MAX_PUNTEN:
        st.caption("Te veel plaatsen voor een leesbare grafiek van de weigerkans.")
        return
    st.markdown("**Weigerkans tegen het aantal plaatsen**")
    grafiekspec.teken("weigerkans_grafiek", weigercurve(s.last, van, tot), huidig=s.plaatsen,
                      doel=regels(s).doel_weigerkans, bij_norm=nodig, norm_label="Nodig")


# --- prijs tegen weigeren: één schuif ---------------------------------------------------------------------

def _tarief(code: str, bezetting: float) -> float | None:
    """Kostprijs per etmaal bij deze bezetting (kostprijsmodel §1.6: integrale kosten / (plaatsen · dagen · bezetting))."""
    if not bezetting > 0:
        return None
    tabel = kostprijs_bij_bezetting(g.invoer("kostprijs"), [min(1.0, bezetting)])
    rij = tabel[tabel["code"] == code]
    return None if rij.empty else float(rij["kostprijs"].iloc[0])


def _reeks(s: Situatie, manier: str) -> pd.DataFrame:
    """Per schuifstand: bezetting, kostprijs per etmaal en weigerkans of wachttijd (voor de afweegrafiek).

    Plaatsen: één doorloop van de Erlang-B-recursie tot het grootste aantal (O(N)); bezetting: per stand
    de last die die bezetting geeft. Zo blijft de rekentijd begrensd door de schuif.
    """
    if manier == "Bezetting":
        punten = []
        for procent in range(SCHUIF_BEZETTING[0], SCHUIF_BEZETTING[1] + 1):
            last = _last_bij_bezetting(s.model, s.plaatsen, procent / 100)
            if last is not None:
                punten.append((procent / 100, s.plaatsen, last, erlang.erlang_b(s.plaatsen, last)))
    else:
        reeks = erlang.erlang_b_reeks(_max_plaatsen(s), s.last)
        punten = [(n, n, s.last, reeks[n]) for n in range(1, _max_plaatsen(s) + 1)]
    rijen = [(x, *_bezetting_en_kans(s, n, last, b)) for x, n, last, b in punten]
    rijen = [(x, bez, kans) for x, bez, kans in rijen if bez > 0]
    tabel = kostprijs_bij_bezetting(g.invoer("kostprijs"), [bez for _, bez, _ in rijen])
    prijzen = tabel[tabel["code"] == s.product.code]["kostprijs"].tolist()
    return pd.DataFrame({"x": [x for x, _, _ in rijen], "kostprijs": prijzen, "capaciteit": [k for *_, k in rijen]})


def _bezetting_en_kans(s: Situatie, n: int, last: float, b: float) -> tuple[float, float | None]:
    """Gedragen bezetting en weigerkans (verlies) of gemiddelde wachttijd (wachtrij; None zonder grens), §2.4a."""
    if s.model == ce.VERLIES:
        return min(1.0, last * (1 - b) / n), b
    if not last < n:
        return 1.0, None
    c = n * b / (n - last * (1 - b))
    return last / n, c * s.verblijfsduur / (n - last)


def _max_plaatsen(s: Situatie) -> int:
    return max(2 * s.plaatsen, s.plaatsen + 10)


@st.fragment
def afweging(s: Situatie) -> None:
    """Schuif plaatsen of bezetting en zie het tarief en de weigerkans of wachttijd samen veranderen. Een
    fragment (issue 17): de schuif herberekent alleen dit deel, niet de zijbalk en de cijfers erboven."""
    if s.product is None:
        return
    st.subheader("Prijs tegen weigeren of wachten")
    r = regels(s)
    manier = st.radio("Wat schuift u?", ["Bezetting", "Plaatsen"], horizontal=True, key="cap_afweging",
                      persist_state="session")
    if manier == "Bezetting":
        bezetting = g.procentschuif("Bezetting waarop het tarief rekent", *map(float, SCHUIF_BEZETTING), 1.0,
                                    float(g.invoer("kostprijs").waarde("bezettingsnorm")), "cap_af_bezetting")
        plaatsen, last, gekozen = s.plaatsen, _last_bij_bezetting(s.model, s.plaatsen, bezetting), bezetting
        uitleg = (f"Het tarief rekent met {formaat.procent(bezetting, 0)} bezetting; om die bezetting echt te halen "
                  f"met {plaatsen} plaatsen moet de vraag zo groot zijn dat de opvang zo vaak vol is.")
    else:
        plaatsen = st.slider("Aantal plaatsen", 1, _max_plaatsen(s), s.plaatsen, key="cap_af_plaatsen")
        last, gekozen = s.last, plaatsen
        uitleg = (f"Dezelfde vraag ({formaat.getal(last, 1)} tegelijk) op {plaatsen} plaatsen; de kosten per plaats "
                  "blijven gelijk, dus het tarief per bezet etmaal stijgt als de bezetting daalt.")
    if last is None:
        st.warning(ce.MELDING_VOL + ".")
        return
    c = ce.cijfers_bij_last(s.model, plaatsen, s.verblijfsduur, last, r)
    bezetting = min(1.0, c.bezetting)
    k = st.columns(3)
    k[0].metric("Kostprijs per etmaal", formaat.euro(_tarief(s.product.code, bezetting)),
                help="Uit het kostprijsmodel: integrale kosten / (plaatsen · 365 · bezetting).")
    k[1].metric("Gemiddelde bezetting", formaat.procent(bezetting, 0))
    if s.model == ce.VERLIES:
        k[2].metric("Weigerkans", _procent(c.weigerkans), help=f"Geweigerd per jaar: {_aantal(c.geweigerd_per_jaar)}")
    else:
        k[2].metric("Gemiddelde wachttijd", _dagen(c.gemiddelde_wachttijd_dagen))
    st.caption(uitleg)
    grafiekspec.teken("afweeg_grafiek", _reeks(s, manier), s.model == ce.VERLIES, manier, gekozen)
    st.caption("Doorgetrokken lijn: kostprijs per etmaal (links). Gestippeld: "
               f"{'weigerkans' if s.model == ce.VERLIES else 'gemiddelde wachttijd'} (rechts). Een lager tarief "
               "door een hogere bezetting betekent vaker weigeren of langer wachten.")


def aannames() -> None:
    with st.container(border=True):
        st.markdown("##### Aannames")
        st.markdown(AANNAMES)


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    g.kop("Capaciteit", "Hoe vaak wordt een vrouw geweigerd, of hoe lang wacht zij? Nood- en crisisopvang moeten "
                        "dezelfde dag een plek hebben (een volle opvang weigert); in de vervolgopvang komt een vrouw "
                        "op de wachtlijst. Elk cijfer met een marge van ± "
                        f"{formaat.procent(regels().gevoeligheid_bezetting, 0)} bezetting (rekenmethode §2.4a).")
    s = kies_situatie(werkboek)
    if s is not None and (s.melding or s.last is None):
        st.warning(f"{g.tekst(s.naam)}: {s.melding or ce.MELDING_VOL}. Een verliesmodel kan niet uitrekenen hoeveel vrouwen "
                   "geweigerd zijn als de opvang het hele jaar vol zat; vul het aantal aanmeldingen in.",
                   icon=":material/warning:")
    elif s is not None:
        try:
            u = ce.bij_last(s.model, s.plaatsen, s.verblijfsduur, s.last, regels(s))
        except ValueError as fout:  # buiten de grenzen van het model (bijv. een vraag van honderdduizenden)
            st.warning(f"Niet te berekenen: {g.tekst(fout)}.", icon=":material/warning:")
        else:
            kerncijfers(s, u)
            uitleg(s, u)
            curve(s, u)
            afweging(s)
    aannames()


main()
