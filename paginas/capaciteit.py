"""Pagina Capaciteit: weigerkans (Erlang B) tegen plaatsen — marges in plaats van gemiddelden."""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st

from paginas import gedeeld as g
from tariefmodel import formaat, grafieken
from tariefmodel.grenzen import MAX_LAST_REGIO
from tariefmodel.kostprijs.gevoeligheid import weigercurve
from tariefmodel.landelijk import capaciteit as cap
from tariefmodel.landelijk.standaard import standaardwaarde

LOCATIE, REGIO, ZELF = "Een opvanglocatie uit het kostprijswerkboek", "Een regio uit het landelijk werkboek", \
    "Zelf invullen"


@dataclass(frozen=True)
class Situatie:
    naam: str
    plaatsen: int
    last: float  # aangeboden last A: gemiddeld aantal vrouwen (en gezinnen) dat tegelijk een plaats nodig heeft
    herkomst: str
    norm: float  # bezettingsnorm


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
    norm = float(invoer.waarde("bezettingsnorm"))
    bezetting = p.werkelijke_bezetting if p.werkelijke_bezetting is not None else norm
    plaatsen = max(1, round(p.plaatsen))  # Erlang rekent met hele plaatsen; 0,4 plaats wordt 1, niet 0
    afgerond = "" if plaatsen == p.plaatsen else f" (gerekend als {plaatsen})"
    return uit_bezetting(p.naam, plaatsen, bezetting, norm,
                         f"{formaat.getal(p.plaatsen, 0 if float(p.plaatsen).is_integer() else 1)} plaatsen"
                         f"{afgerond}, volgens het werkboek gemiddeld {formaat.procent(bezetting, 0)} bezet")


def uit_bezetting(naam: str, plaatsen: int, bezetting: float, norm: float, herkomst: str) -> Situatie | None:
    if not 0 < bezetting < 1:
        st.warning(f"Een gemiddelde bezetting van {formaat.procent(bezetting, 0)} laat niet zien hoeveel vrouwen "
                   "een plek nodig hadden: de opvang zit dan altijd vol en de vraag is onbekend. Vul bij 'Zelf "
                   "invullen' het aantal cliënten per jaar en de verblijfsduur in.")
        return None
    return Situatie(naam, plaatsen, cap.last_bij_gedragen_bezetting(plaatsen, bezetting), herkomst, norm)


def uit_regio() -> Situatie | None:
    r = g.landelijk_resultaat()
    regios = [x for x in r.regios if x.aangeboden_last is not None and x.plaatsen > 0]
    if not regios:
        st.info("Het landelijk werkboek heeft geen regio met cliënten per jaar en verblijfsduur.")
        return None
    naam = st.selectbox("Centrumgemeente", [x.centrumgemeente for x in regios], key="cap_regio",
                        persist_state="session")
    x = r.regio(naam)
    return Situatie(naam, int(x.plaatsen), x.aangeboden_last, f"{formaat.getal(x.plaatsen, 0)} plaatsen, "
                    f"{formaat.getal(x.clienten, 0)} cliënten per jaar, gemiddeld {formaat.getal(x.verblijfsduur, 0)} "
                    "dagen verblijf (landelijk werkboek)", float(r.parameters["bezettingsnorm"]))


def zelf() -> Situatie | None:
    links, rechts = st.columns(2)
    plaatsen = links.number_input("Aantal plaatsen", 1, 2000, 10, 1, key="cap_zelf_plaatsen", persist_state="session")
    manier = rechts.radio("De vraag", ["Gemiddelde bezetting", "Cliënten per jaar en verblijfsduur"],
                          key="cap_zelf_manier", persist_state="session", horizontal=True)
    norm = float(standaardwaarde("bezettingsnorm"))
    if manier == "Gemiddelde bezetting":
        with rechts:
            bezetting = g.procentschuif("Gemiddelde bezetting", 50.0, 99.0, 1.0, norm, "cap_zelf_bezetting")
        return uit_bezetting("Uw opvang", int(plaatsen), bezetting, norm,
                             f"{plaatsen} plaatsen, gemiddeld {formaat.procent(bezetting, 0)} bezet")
    clienten = rechts.number_input("Cliënten per jaar", 1, 100_000, 120, 1, key="cap_zelf_clienten",
                                   persist_state="session")
    duur = rechts.number_input("Gemiddelde verblijfsduur (dagen)", 1, 1000, 30, 1, key="cap_zelf_duur",
                               persist_state="session")
    last = cap.aangeboden_last(clienten, duur)
    if last > MAX_LAST_REGIO:  # begrensd werk: de server rekent voor iedereen (docs/veiligheid.md)
        st.warning(f"{formaat.getal(clienten, 0)} cliënten per jaar met gemiddeld {formaat.getal(duur, 0)} dagen "
                   f"verblijf betekent {formaat.getal(last, 0)} vrouwen tegelijk; dat is meer dan de grens van "
                   f"{formaat.getal(MAX_LAST_REGIO, 0)} waarvoor de app rekent. Controleer de getallen.")
        return None
    return Situatie("Uw opvang", int(plaatsen), last, f"{plaatsen} plaatsen, "
                    f"{clienten} cliënten per jaar, gemiddeld {duur} dagen verblijf", norm)


def kies_situatie(werkboek) -> Situatie | None:
    opties = [LOCATIE, ZELF]
    if g.werkboek("landelijk") is not None:
        opties.insert(1, REGIO)
    keuze = st.radio("Waarvoor rekenen?", opties, horizontal=True, key="cap_keuze", persist_state="session")
    if keuze == LOCATIE:
        return uit_locatie(werkboek)
    if keuze == REGIO:
        return uit_regio()
    return zelf()


def uitkomsten(s: Situatie, doel: float) -> dict:
    nodig = cap.plaatsen_voor_weigerkans(s.last, doel)
    op_norm = cap.plaatsen_op_bezettingsnorm(s.last, s.norm)
    return {"weigerkans": cap.erlang_b(s.plaatsen, s.last), "bezetting": cap.gedragen_last(s.plaatsen, s.last) / s.plaatsen,
            "nodig": nodig, "bezetting_nodig": cap.gedragen_last(nodig, s.last) / nodig,
            "op_norm": op_norm, "weigerkans_norm": cap.erlang_b(op_norm, s.last)}


def kerncijfers(s: Situatie, u: dict, doel: float) -> None:
    k = st.columns(4)
    k[0].metric("Weigerkans nu", formaat.procent(u["weigerkans"], 0),
                help="Kans dat alle plaatsen bezet zijn als er een vrouw (of gezin) aanklopt (Erlang B).")
    k[1].metric(f"Nodig voor ≤ {formaat.procent(doel, 0)} weigeren", f"{u['nodig']} plaatsen",
                delta=f"{u['nodig'] - s.plaatsen:+d} plaatsen", delta_color="off",
                help=f"Het kleinste aantal plaatsen waarbij hoogstens {formaat.procent(doel, 0)} van de aanvragen "
                     "geweigerd wordt.")
    k[2].metric("Gemiddelde bezetting dan", formaat.procent(u["bezetting_nodig"], 0),
                help="Met dat aantal plaatsen: het deel van de plaatsen dat gemiddeld bezet is.")
    k[3].metric(f"Op {formaat.procent(s.norm, 0)} bezetting", f"{u['op_norm']} plaatsen",
                help=f"Aantal plaatsen waarbij de gemiddelde bezetting hoogstens {formaat.procent(s.norm, 0)} is; "
                     f"de weigerkans is dan {formaat.procent(u['weigerkans_norm'], 0)}.")


def uitleg(s: Situatie, u: dict, doel: float) -> None:
    st.markdown(
        f"**{g.tekst(s.naam)}** ({g.tekst(s.herkomst)}): gemiddeld hebben **{formaat.getal(s.last, 1)}** vrouwen en gezinnen "
        f"tegelijk een plaats nodig. Met {s.plaatsen} plaatsen is de opvang gemiddeld "
        f"{formaat.procent(u['bezetting'], 0)} bezet, maar de vraag schommelt: op drukke momenten is alles vol. "
        f"Dan wordt naar verwachting **{formaat.procent(u['weigerkans'], 0)}** van de aanvragen geweigerd. "
        f"Om hoogstens {formaat.procent(doel, 0)} te weigeren zijn **{u['nodig']} plaatsen** nodig; die zijn dan "
        f"gemiddeld {formaat.procent(u['bezetting_nodig'], 0)} bezet. Een lagere gemiddelde bezetting is dus geen "
        "leegstand maar de marge die nodig is om pieken op te vangen.")


def curve(s: Situatie, u: dict, doel: float) -> None:
    van = max(1, math.floor(0.5 * min(s.plaatsen, s.last)))
    tot = math.ceil(1.15 * max(s.plaatsen, u["nodig"], u["op_norm"])) + 2
    data = weigercurve(s.last, van, tot)
    st.markdown("**Weigerkans tegen het aantal plaatsen**")
    g.grafiek(grafieken.weigerkans_grafiek(data, huidig=s.plaatsen, doel=doel, bij_norm=u["op_norm"],
                                           norm_label=f"{formaat.procent(s.norm, 0)} bezetting"))
    st.caption("Rekenmodel: Erlang B (rekenmethode §2.4). Het gaat ervan uit dat een vrouw die geweigerd wordt niet "
               "wacht maar elders (of niet) geholpen wordt; de vraag is een gemiddelde over het jaar.")


def main() -> None:
    werkboek = g.werkboek("kostprijs")
    g.kop("Capaciteit", "Hoeveel plaatsen zijn nodig zodat een vrouw die aanklopt bijna altijd terecht kan? "
                        "*Marges in plaats van gemiddelden*: in veel sectoren wordt gerekend met **85% bezetting**, "
                        "omdat de vraag schommelt (LNVO, Visie op capaciteit).")
    s = kies_situatie(werkboek)
    if s is None:
        return
    standaard = float(standaardwaarde("doel_weigerkans"))
    doel = g.procentschuif("Hoeveel weigeren is aanvaardbaar?", 1.0, 20.0, 1.0, standaard, "cap_doel",
                           "Doel-weigerkans (standaard 5%: een planningsconventie, geen vastgestelde norm — ESTIMATE).")
    u = uitkomsten(s, doel)
    kerncijfers(s, u, doel)
    uitleg(s, u, doel)
    curve(s, u, doel)


main()
