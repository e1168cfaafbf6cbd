"""Altair-grafieken voor app en rapport, met de Nederlandse getalnotatie in de spec zelf.

Elke grafiek draagt ``config.locale`` (nl-NL getal- en tijdnotatie uit vl-convert): Vega-Lite leest
die in de browser (ook in Streamlit, dat ``usermeta.embedOptions.formatLocale`` weggooit) en in
vl-convert (PNG/SVG voor het rapport). Zo toont een as-formaat als ``$,.0f`` € 1.234.
Bedragen in labels en tooltips worden met Babel (tariefmodel.formaat) opgemaakt.
Geen streamlit hier: het model blijft vrij van de app.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from functools import lru_cache

import altair as alt
import pandas as pd

from tariefmodel import formaat
from tariefmodel.kostprijs.opbouw import opbouw

LOCALE = "nl-NL"
EURO_AS = "$,.0f"  # d3-formaat; met de nl-NL-locale: € 1.234
PROCENT_AS = ".0%"
# Streamlit tekent met autosize 'fit': de hoogte omvat assen en legenda. Zoveel pixels gaan daaraan op.
RAND_MET_LEGENDA = 110
RIJHOOGTE = 22  # pixels per staaf in lange lijsten (35 centrumgemeenten): anders vallen namen weg
LABELRUIMTE = 400  # legenda-labels niet afkappen

# Rustige kleuren voor een publiek-bestuurlijk publiek (kleurenblind-veilig: blauw tegen oranje).
KLEUR_STAP = "#6f93b8"
KLEUR_TOTAAL = "#1f4e79"
KLEUR_TARIEF = "#c0502b"
KLEUR_POSITIEF = "#2e7d5b"
KLEUR_NEGATIEF = "#c0502b"
KLEUR_GRIJS = "#8a96a3"
KLEUR_LICHT = "#b9cce0"

STAP_UITLEG = {
    "Loon": "Brutojaarsalarissen van het personeel van dit product (CAO Sociaal Werk).",
    "CAO-opslagen": "Vakantietoeslag, eindejaarsuitkering, onregelmatigheidstoeslag (ORT) en loopbaanbudget.",
    "Werkgeverslasten": "Sociale premies, pensioenpremie werkgever en overige personeelskosten (reis, opleiding).",
    "Materiële kosten": "Huisvesting, beveiliging, inrichting en andere kosten die direct bij dit product horen.",
    "Productiviteit": ("Niet elke plaats is elke dag bezet (bezettingsnorm) en niet elk uur is cliënturen "
                       "(verlof, verzuim, scholing, overleg): de kosten worden over minder eenheden verdeeld."),
    "Overhead": "Het aandeel in management, administratie, ICT en kantoor.",
    "Risico": "Opslag voor ondernemersrisico (reële prijs, AMvB art. 5.4).",
    "Kostprijs": "De kostendekkende prijs per eenheid: de som van alle stappen.",
}


@lru_cache(maxsize=1)
def locale() -> dict:
    """De Vega-Lite-locale nl-NL: {'number': ..., 'time': ...} (uit vl-convert, dus zonder netwerk)."""
    return copy.deepcopy(_locale())


@lru_cache(maxsize=1)
def _locale() -> dict:
    """vl-convert bouwt de locale bij elke aanroep opnieuw (ca. 15 ms); één keer is genoeg."""
    import vl_convert as vlc
    from babel.numbers import get_minus_sign_symbol

    # d3 schrijft anders '−' (U+2212); tekst, tabellen en exports gebruiken het minteken van Babel
    getallen = {**vlc.get_format_locale(LOCALE), "minus": get_minus_sign_symbol(formaat.LOCALE)}
    return {"number": getallen, "time": vlc.get_time_format_locale(LOCALE)}


def nl(grafiek: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Zet de nl-NL-locale in de spec (config.locale) en een rustige basisopmaak."""
    return grafiek.configure(locale=locale()).configure_view(strokeWidth=0).configure_axis(
        labelFontSize=12, titleFontSize=12, titleFontWeight="normal").configure_legend(
        labelLimit=LABELRUIMTE, labelFontSize=12, titleFontSize=12)


def naar_svg(grafiek: alt.TopLevelMixin) -> str:
    """SVG met Nederlandse getalnotatie (voor het rapport)."""
    import vl_convert as vlc

    return vlc.vegalite_to_svg(grafiek.to_dict(), format_locale=LOCALE, time_format_locale=LOCALE)


def naar_png(grafiek: alt.TopLevelMixin, schaal: float = 2.0) -> bytes:
    """PNG met Nederlandse getalnotatie (voor het rapport)."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(grafiek.to_dict(), scale=schaal, format_locale=LOCALE, time_format_locale=LOCALE)


def _eenheid_tekst(eenheid: str) -> str:
    return f"per {eenheid}"


# --- kostprijsopbouw (waterval) -------------------------------------------------------------------

def opbouw_data(stappen: Sequence[tuple[str, float]]) -> pd.DataFrame:
    """Waterval-tabel: per stap begin, eind en bedrag; de laatste regel is de kostprijs (0 -> som)."""
    rijen, stand = [], 0.0
    for stap, bedrag in stappen:
        bedrag = float(bedrag)
        rijen.append({"stap": stap, "begin": stand, "eind": stand + bedrag, "bedrag": bedrag, "soort": "stap"})
        stand += bedrag
    rijen.append({"stap": "Kostprijs", "begin": 0.0, "eind": stand, "bedrag": stand, "soort": "totaal"})
    data = pd.DataFrame(rijen)
    data["label"] = [formaat.euro(b) if s == "totaal" else verschil_tekst(b)
                     for b, s in zip(data["bedrag"], data["soort"])]
    data["uitleg"] = [STAP_UITLEG.get(s, "") for s in data["stap"]]
    return data


def opbouw_grafiek(product, parameters, *, titel: str | None = None, breedte: int | str = "container",
                   hoogte: int = 300) -> alt.LayerChart:
    """De kostprijsopbouw van één product als waterval, met het gemeentetarief als verticale lijn.

    ``product`` is een ProductResultaat, ``parameters`` de parameters van de berekening
    (``resultaat.parameters``). Leest van boven (loon) naar beneden (kostprijs).
    """
    stappen = tuple((stap, float(bedrag)) for stap, bedrag in opbouw(product, parameters))
    return opbouw_grafiek_stappen(stappen, product.product.eenheid, product.gemeentetarief, titel=titel,
                                  breedte=breedte, hoogte=hoogte)


def opbouw_grafiek_stappen(stappen: Sequence[tuple[str, float]], eenheid: str, gemeentetarief: float | None, *,
                           titel: str | None = None, breedte: int | str = "container",
                           hoogte: int = 300) -> alt.LayerChart:
    """De waterval van ``opbouw_grafiek`` uit alleen wat hij tekent: de stappen, de eenheid en het tarief.

    Zo kan de app de spec per invoer bewaren (paginas/grafiekspec.py).
    """
    data = opbouw_data(stappen)
    eenheid = _eenheid_tekst(eenheid)
    volgorde = list(data["stap"])
    y = alt.Y("stap:N", sort=volgorde, title=None, axis=alt.Axis(labelLimit=160, ticks=False))
    x_titel = f"Bedrag {eenheid}"
    balken = alt.Chart(data).mark_bar(cornerRadius=2, height={"band": 0.7}).encode(
        y=y, x=alt.X("begin:Q", title=x_titel, axis=alt.Axis(format=EURO_AS)), x2="eind:Q",
        color=alt.Color("soort:N", scale=alt.Scale(domain=["stap", "totaal"], range=[KLEUR_STAP, KLEUR_TOTAAL]),
                        legend=None),
        tooltip=[alt.Tooltip("stap:N", title="Stap"), alt.Tooltip("label:N", title=f"Bedrag {eenheid}"),
                 alt.Tooltip("uitleg:N", title="Uitleg")],
    )
    labels = alt.Chart(data).mark_text(align="left", dx=4, fontSize=12, color="#1b1b1b").encode(
        y=y, x=alt.X("label_x:Q"), text="label:N").transform_calculate(label_x="max(datum.begin, datum.eind)")
    lagen = [balken, labels]
    if gemeentetarief is not None:
        lagen += _tariefregel(gemeentetarief, eenheid)
    grafiek = alt.layer(*lagen).properties(width=breedte, height=hoogte)
    if titel:
        grafiek = grafiek.properties(title=titel)
    return nl(grafiek)


def _tariefregel(tarief: float, eenheid: str) -> list[alt.Chart]:
    data = pd.DataFrame({"tarief": [float(tarief)], "label": [f"Gemeentetarief {formaat.euro(tarief)}"]})
    regel = alt.Chart(data).mark_rule(color=KLEUR_TARIEF, strokeWidth=2, strokeDash=[6, 3]).encode(
        x="tarief:Q", tooltip=[alt.Tooltip("label:N", title=f"Wat de gemeente betaalt {eenheid}")])
    tekst = alt.Chart(data).mark_text(align="left", baseline="top", dx=4, y=2, color=KLEUR_TARIEF,
                                      fontWeight="bold", fontSize=12).encode(x="tarief:Q", text="label:N")
    return [regel, tekst]


# --- gevoeligheid (tornado) -----------------------------------------------------------------------

def tornado_grafiek(regels: Iterable, basis: float, eenheid: str, *, breedte: int | str = "container") -> alt.LayerChart:
    """Tornado: per uitgangspunt de kostprijs bij de lage en de hoge waarde, gesorteerd op effect.

    ``regels``: TornadoRegel-objecten (tariefmodel.kostprijs.gevoeligheid.tornado).
    """
    return tornado_grafiek_data(tornado_data(regels, basis), basis, eenheid, breedte=breedte)


def tornado_data(regels: Iterable, basis: float) -> pd.DataFrame:
    """De balken van de tornado als tabel: per uitgangspunt een regel voor laag en een voor hoog."""
    rijen = []
    for r in regels:
        for kant, waarde, prijs in (("laag", r.laag, r.kostprijs_laag), ("hoog", r.hoog, r.kostprijs_hoog)):
            rijen.append({"uitgangspunt": r.label, "kant": f"{kant}: {r.tekst(waarde)}",
                          "richting": "hoger" if prijs >= basis else "lager", "begin": basis, "eind": float(prijs),
                          "label": formaat.euro(prijs), "verschil": verschil_tekst(prijs - basis),
                          "instelling": r.tekst(waarde)})
    return pd.DataFrame(rijen, columns=["uitgangspunt", "kant", "richting", "begin", "eind", "label", "verschil",
                                        "instelling"])


def tornado_grafiek_data(data: pd.DataFrame, basis: float, eenheid: str, *,
                         breedte: int | str = "container") -> alt.LayerChart:
    """De tornado uit ``tornado_data``: alles wat hij tekent staat in ``data``, ``basis`` en ``eenheid``."""
    volgorde = list(dict.fromkeys(data["uitgangspunt"])) if len(data) else []
    y = alt.Y("uitgangspunt:N", sort=volgorde, title=None, axis=alt.Axis(labelLimit=220, ticks=False))
    balken = alt.Chart(data).mark_bar(height={"band": 0.6}).encode(
        y=y, x=alt.X("begin:Q", title=f"Kostprijs {_eenheid_tekst(eenheid)}", axis=alt.Axis(format=EURO_AS),
                     scale=alt.Scale(zero=False)), x2="eind:Q",
        color=alt.Color("richting:N", scale=alt.Scale(domain=["lager", "hoger"], range=[KLEUR_POSITIEF, KLEUR_NEGATIEF]),
                        legend=alt.Legend(title="Kostprijs wordt", orient="bottom")),
        tooltip=[alt.Tooltip("uitgangspunt:N", title="Uitgangspunt"), alt.Tooltip("instelling:N", title="Waarde"),
                 alt.Tooltip("label:N", title="Kostprijs"), alt.Tooltip("verschil:N", title="Verschil")],
    )
    rechts = alt.Chart(data).transform_filter("datum.eind >= datum.begin").mark_text(
        align="left", dx=4, fontSize=11, color="#1b1b1b").encode(y=y, x="eind:Q", text="instelling:N")
    links = alt.Chart(data).transform_filter("datum.eind < datum.begin").mark_text(
        align="right", dx=-4, fontSize=11, color="#1b1b1b").encode(y=y, x="eind:Q", text="instelling:N")
    basislijn = alt.Chart(pd.DataFrame({"x": [float(basis)], "label": [f"Basis {formaat.euro(basis)}"]})).mark_rule(
        color=KLEUR_TOTAAL, strokeWidth=2).encode(x="x:Q", tooltip=[alt.Tooltip("label:N", title="Kostprijs nu")])
    hoogte = RAND_MET_LEGENDA + 44 * max(1, len(volgorde))
    return nl(alt.layer(balken, rechts, links, basislijn).properties(width=breedte, height=hoogte))


def verschil_tekst(verschil: float | None, heel: bool = False) -> str:
    """Een verandering met teken: '+ € 12,50' of '- € 1.234' (gewoon minteken: Streamlit kleurt daarop)."""
    if verschil is None:
        return "–"
    bedrag = formaat.euro_heel(abs(verschil)) if heel else formaat.euro(abs(verschil))
    return f"+ {bedrag}" if verschil >= 0 else f"- {bedrag}"


# --- bezetting -> kostprijs -----------------------------------------------------------------------

def bezetting_grafiek(data: pd.DataFrame, *, markeer: float | None = None,
                      breedte: int | str = "container") -> alt.LayerChart:
    """Kostprijs per etmaal tegen de bezettingsnorm, één lijn per opvangproduct.

    ``data`` heeft kolommen product, bezetting (fractie) en kostprijs.
    """
    data = data.assign(label=[formaat.euro(k) for k in data["kostprijs"]],
                       bezetting_tekst=[formaat.procent(b, 0) for b in data["bezetting"]])
    basis = alt.Chart(data).encode(
        x=alt.X("bezetting:Q", title="Bezettingsnorm", axis=alt.Axis(format=PROCENT_AS),
                scale=alt.Scale(zero=False)),
        y=alt.Y("kostprijs:Q", title="Kostprijs per etmaal", axis=alt.Axis(format=EURO_AS)),
        color=alt.Color("product:N", title="Product", legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("product:N", title="Product"), alt.Tooltip("bezetting_tekst:N", title="Bezetting"),
                 alt.Tooltip("label:N", title="Kostprijs per etmaal")],
    )
    lagen = [basis.mark_line(strokeWidth=2.5), basis.mark_point(filled=True, size=50)]
    if markeer is not None:
        lagen.append(alt.Chart(pd.DataFrame({"x": [markeer]})).mark_rule(
            color=KLEUR_GRIJS, strokeDash=[4, 4]).encode(x="x:Q"))
    return nl(alt.layer(*lagen).properties(width=breedte, height=280))


# --- scenario's vergelijken -----------------------------------------------------------------------

def scenario_grafiek(data: pd.DataFrame, *, breedte: int | str = "container") -> alt.LayerChart:
    """Kostprijs per product per scenario als verschil met de basis in procenten.

    ``data`` heeft kolommen product, scenario, verschil (fractie t.o.v. basis) en kostprijs. Elke balk krijgt
    een label met de kostprijs en het verschil, ook een balk van 0% (die anders onzichtbaar zou zijn);
    productnamen worden nooit afgekort of weggelaten.
    """
    data = data.assign(label=[formaat.euro(k) for k in data["kostprijs"]],
                       verschil_tekst=[formaat.procent(v) for v in data["verschil"]])
    data = data.assign(balklabel=[f"{k} ({'+' if v >= 0 else ''}{t})" for k, v, t in
                                  zip(data["label"], data["verschil"], data["verschil_tekst"])],
                       positief=data["verschil"] >= 0)
    volgorde = list(dict.fromkeys(data["scenario"]))
    producten = list(dict.fromkeys(data["product"]))
    uiterst = max(0.01, float(data["verschil"].abs().max()))
    basis = alt.Chart(data).encode(
        y=alt.Y("product:N", title=None, sort=producten,
                axis=alt.Axis(labelLimit=0, labelOverlap=False, labelPadding=6)),
        yOffset=alt.YOffset("scenario:N", sort=volgorde),
        x=alt.X("verschil:Q", title="Kostprijs t.o.v. het werkboek", axis=alt.Axis(format="+.0%"),
                scale=alt.Scale(domain=[-uiterst * 1.9, uiterst * 1.9])),
        color=alt.Color("scenario:N", title="Scenario", sort=volgorde, legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("scenario:N", title="Scenario"), alt.Tooltip("product:N", title="Product"),
                 alt.Tooltip("label:N", title="Kostprijs"), alt.Tooltip("verschil_tekst:N", title="Verschil")],
    )
    balken = basis.mark_bar(cornerRadius=2)
    rechts = basis.transform_filter("datum.positief").mark_text(align="left", dx=4, fontSize=11).encode(
        text="balklabel:N", color=alt.value("#333333"))
    links = basis.transform_filter("!datum.positief").mark_text(align="right", dx=-4, fontSize=11).encode(
        text="balklabel:N", color=alt.value("#333333"))
    aantal = len(producten) * max(1, len(volgorde))
    return nl(alt.layer(balken, rechts, links).properties(width=breedte, height=RAND_MET_LEGENDA + 24 * aantal))


# --- meerjaren ------------------------------------------------------------------------------------

def meerjaren_grafiek(data: pd.DataFrame, eenheid: str, *, breedte: int | str = "container") -> alt.LayerChart:
    """Kosten (CAO- en prijsstijging) tegen het tarief (OVA) per jaar: twee lijnen.

    ``data`` heeft kolommen jaar, reeks en bedrag; de eerste reeks (kosten) is donkerblauw, de tweede
    (tarief of opbrengst) oranjerood.
    """
    data = data.dropna(subset=["bedrag"]).assign(label=lambda d: [formaat.euro(b) for b in d["bedrag"]])
    reeksen = list(dict.fromkeys(data["reeks"]))
    basis = alt.Chart(data).encode(
        x=alt.X("jaar:O", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("bedrag:Q", title=f"Bedrag {_eenheid_tekst(eenheid)}", axis=alt.Axis(format=EURO_AS),
                scale=alt.Scale(zero=False)),
        color=alt.Color("reeks:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=reeksen, range=[KLEUR_TOTAAL, KLEUR_TARIEF][:len(reeksen)])),
        tooltip=[alt.Tooltip("jaar:O", title="Jaar"), alt.Tooltip("reeks:N", title="Reeks"),
                 alt.Tooltip("label:N", title="Bedrag")],
    )
    return nl(alt.layer(basis.mark_line(strokeWidth=2.5), basis.mark_point(filled=True, size=60))
              .properties(width=breedte, height=300))


def tekort_grafiek(data: pd.DataFrame, *, titel_y: str = "Cumulatief tekort",
                   breedte: int | str = "container") -> alt.Chart:
    """Staven per jaar: tekort (positief = verlies voor de aanbieder) in rood, overschot in groen.

    ``data`` heeft kolommen jaar en bedrag.
    """
    data = data.dropna(subset=["bedrag"]).assign(
        label=lambda d: [formaat.euro_heel(b) for b in d["bedrag"]],
        soort=lambda d: ["tekort" if b > 0 else "overschot" for b in d["bedrag"]])
    grafiek = alt.Chart(data).mark_bar(cornerRadius=2).encode(
        x=alt.X("jaar:O", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("bedrag:Q", title=titel_y, axis=alt.Axis(format=EURO_AS)),
        color=alt.Color("soort:N", scale=alt.Scale(domain=["tekort", "overschot"],
                                                   range=[KLEUR_NEGATIEF, KLEUR_POSITIEF]), legend=None),
        tooltip=[alt.Tooltip("jaar:O", title="Jaar"), alt.Tooltip("label:N", title=titel_y)],
    )
    return nl(grafiek.properties(width=breedte, height=300))


# --- capaciteit -----------------------------------------------------------------------------------

def weigerkans_grafiek(data: pd.DataFrame, *, huidig: int | None = None, doel: float | None = None,
                       bij_norm: int | None = None, norm_label: str = "85% bezetting",
                       breedte: int | str = "container") -> alt.LayerChart:
    """Weigerkans (Erlang B) tegen het aantal plaatsen, met de huidige plaatsen, het doel en de bezettingsnorm.

    ``data`` heeft kolommen plaatsen, weigerkans en bezetting (fracties).
    """
    data = data.assign(weiger_tekst=[formaat.procent(w) for w in data["weigerkans"]],
                       bezetting_tekst=[formaat.procent(b) for b in data["bezetting"]])
    x = alt.X("plaatsen:Q", title="Aantal plaatsen", axis=alt.Axis(format="d", tickMinStep=1))
    lijn = alt.Chart(data).mark_line(color=KLEUR_TOTAAL, strokeWidth=2.5, point=alt.OverlayMarkDef(size=30)).encode(
        x=x, y=alt.Y("weigerkans:Q", title="Kans dat een vrouw geweigerd wordt", axis=alt.Axis(format=PROCENT_AS)),
        tooltip=[alt.Tooltip("plaatsen:Q", title="Plaatsen"), alt.Tooltip("weiger_tekst:N", title="Weigerkans"),
                 alt.Tooltip("bezetting_tekst:N", title="Gemiddelde bezetting")])
    lagen = [lijn]
    if doel is not None:
        lagen += _horizontale_lijn(doel, f"Doel: hoogstens {formaat.procent(doel, 0)} weigeren")
    markeringen = [(huidig, "Nu", KLEUR_TARIEF), (bij_norm, norm_label, KLEUR_GRIJS)]
    for rij, (waarde, tekst, kleur) in enumerate(m for m in markeringen if m[0] is not None):
        lagen += _verticale_lijn(waarde, f"{tekst}: {waarde} plaatsen", kleur, rij)
    return nl(alt.layer(*lagen).properties(width=breedte, height=340))


def afweeg_grafiek(data: pd.DataFrame, verlies: bool, manier: str, gekozen: float, *,
                   breedte: int | str = "container") -> alt.LayerChart:
    """Kostprijs per etmaal (links) en weigerkans (``verlies``) of gemiddelde wachttijd (rechts) tegen de schuif
    ``manier`` (Bezetting of Plaatsen) van de pagina Capaciteit; ``gekozen`` = de stand van de schuif.

    ``data`` heeft kolommen x, kostprijs en capaciteit.
    """
    as_x = (alt.X("x:Q", title="Bezetting waarop het tarief rekent", axis=alt.Axis(format=PROCENT_AS))
            if manier == "Bezetting" else alt.X("x:Q", title="Aantal plaatsen", axis=alt.Axis(format="d")))
    basis = alt.Chart(data).encode(x=as_x)
    prijs = basis.mark_line(color=KLEUR_TOTAAL, strokeWidth=2.5).encode(
        y=alt.Y("kostprijs:Q", title="Kostprijs per etmaal", axis=alt.Axis(format=EURO_AS, titleColor=KLEUR_TOTAAL)))
    titel = "Weigerkans" if verlies else "Gemiddelde wachttijd (dagen)"
    kans = basis.mark_line(color=KLEUR_TARIEF, strokeWidth=2.5, strokeDash=[6, 3]).encode(
        y=alt.Y("capaciteit:Q", title=titel,
                axis=alt.Axis(format=PROCENT_AS if verlies else ",.0f", titleColor=KLEUR_TARIEF)))
    nu = alt.Chart(pd.DataFrame({"x": [gekozen]})).mark_rule(color=KLEUR_GRIJS).encode(x="x:Q")
    return nl(alt.layer(prijs, kans, nu).resolve_scale(y="independent").properties(width=breedte, height=300))


def _horizontale_lijn(y: float, label: str) -> list[alt.Chart]:
    data = pd.DataFrame({"y": [y], "label": [label]})
    regel = alt.Chart(data).mark_rule(color=KLEUR_POSITIEF, strokeDash=[6, 3], strokeWidth=2).encode(y="y:Q")
    tekst = alt.Chart(data).mark_text(align="right", baseline="bottom", x="width", dx=-4, dy=-3,
                                      color=KLEUR_POSITIEF, fontWeight="bold").encode(y="y:Q", text="label:N")
    return [regel, tekst]


def _verticale_lijn(x: float, label: str, kleur: str, rij: int = 0) -> list[alt.Chart]:
    """Verticale markering met label bovenin; ``rij`` schuift het label omlaag zodat labels niet overlappen."""
    data = pd.DataFrame({"x": [x], "label": [label]})
    regel = alt.Chart(data).mark_rule(color=kleur, strokeWidth=2, strokeDash=[4, 3]).encode(x="x:Q")
    tekst = alt.Chart(data).mark_text(align="left", baseline="top", dx=4, y=4 + 18 * rij, color=kleur,
                                      fontWeight="bold").encode(x="x:Q", text="label:N")
    return [regel, tekst]


# --- landelijk ------------------------------------------------------------------------------------

def divergerende_grafiek(data: pd.DataFrame, *, titel_x: str, positief: str, negatief: str, euro: bool = True,
                         kleuren: tuple[str, str] = (KLEUR_POSITIEF, KLEUR_NEGATIEF),
                         breedte: int | str = "container") -> alt.LayerChart:
    """Horizontale staven links/rechts van nul, grootste bovenaan (winnaars/verliezers, bestedingsgat).

    ``data`` heeft kolommen naam en waarde; ``positief``/``negatief`` zijn de legendateksten.
    """
    data = data.dropna(subset=["waarde"]).sort_values("waarde", ascending=False)
    opmaak = formaat.euro_heel if euro else (lambda w: formaat.getal(w, 1))
    data = data.assign(label=[("+ " if w > 0 else "") + opmaak(w) for w in data["waarde"]],
                       richting=[positief if w >= 0 else negatief for w in data["waarde"]])
    y = alt.Y("naam:N", sort=list(data["naam"]), title=None, axis=alt.Axis(labelLimit=200, ticks=False))
    balken = alt.Chart(data).mark_bar(cornerRadius=2).encode(
        y=y, x=alt.X("waarde:Q", title=titel_x, axis=alt.Axis(format=EURO_AS if euro else ",.0f")),
        color=alt.Color("richting:N", title=None, legend=alt.Legend(orient="bottom"),
                        scale=alt.Scale(domain=[positief, negatief], range=list(kleuren))),
        tooltip=[alt.Tooltip("naam:N", title="Centrumgemeente"), alt.Tooltip("label:N", title=titel_x)])
    nul = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#1b1b1b").encode(x="x:Q")
    return nl(alt.layer(balken, nul).properties(width=breedte, height=RAND_MET_LEGENDA + RIJHOOGTE * max(1, len(data))))


def ingroei_grafiek(data: pd.DataFrame, *, breedte: int | str = "container") -> alt.LayerChart:
    """Toegekend budget per jaar tegen de historische verdeling: één kleur per centrumgemeente.

    ``data`` heeft kolommen jaar, naam, reeks ('Toegekend' / 'Historisch') en bedrag.
    """
    data = data.assign(label=[formaat.euro_heel(b) for b in data["bedrag"]])
    basis = alt.Chart(data).encode(
        x=alt.X("jaar:O", title="Jaar", axis=alt.Axis(labelAngle=0)),
        y=alt.Y("bedrag:Q", title="Budget per jaar", axis=alt.Axis(format=EURO_AS), scale=alt.Scale(zero=False)),
        color=alt.Color("naam:N", title="Centrumgemeente", legend=alt.Legend(orient="bottom", symbolType="stroke")),
        strokeDash=alt.StrokeDash("reeks:N", title=None,
                                  legend=alt.Legend(orient="bottom", symbolType="stroke", symbolStrokeColor="#555",
                                                    symbolStrokeWidth=2),
                                  scale=alt.Scale(domain=["Toegekend", "Historisch"], range=[[1, 0], [5, 4]])),
        tooltip=[alt.Tooltip("naam:N", title="Centrumgemeente"), alt.Tooltip("jaar:O", title="Jaar"),
                 alt.Tooltip("reeks:N", title="Verdeling"), alt.Tooltip("label:N", title="Bedrag")])
    return nl(alt.layer(basis.mark_line(strokeWidth=2.5), basis.mark_point(filled=True, size=40))
              .properties(width=breedte, height=360))


def istanbul_grafiek(data: pd.DataFrame, *, breedte: int | str = "container") -> alt.LayerChart:
    """Plaatsen per centrumgemeente (staaf) tegen de Istanbul-norm en de plaatsen nodig voor de doel-weigerkans.

    ``data`` heeft kolommen naam, plaatsen, norm en nodig (mag leeg zijn).
    """
    data = data.sort_values("norm", ascending=False)
    lang = data.melt(id_vars=["naam"], value_vars=["norm", "nodig"], var_name="maat", value_name="aantal").dropna()
    lang["maat"] = lang["maat"].map({"norm": "Istanbul-norm (1 per 10.000 inwoners)",
                                     "nodig": "Nodig voor de doel-weigerkans"})
    y = alt.Y("naam:N", sort=list(data["naam"]), title=None, axis=alt.Axis(labelLimit=200, ticks=False))
    balken = alt.Chart(data).mark_bar(color=KLEUR_LICHT, cornerRadius=2, height={"band": 0.7}).encode(
        y=y, x=alt.X("plaatsen:Q", title="Aantal plaatsen"),
        tooltip=[alt.Tooltip("naam:N", title="Centrumgemeente"), alt.Tooltip("plaatsen:Q", title="Plaatsen nu"),
                 alt.Tooltip("norm:Q", title="Istanbul-norm", format=".0f"),
                 alt.Tooltip("nodig:Q", title="Nodig (weigerkans)")])
    punten = alt.Chart(lang).mark_tick(thickness=3, size=14).encode(
        y=y, x="aantal:Q", color=alt.Color("maat:N", title=None, legend=alt.Legend(orient="bottom"),
                                           scale=alt.Scale(range=[KLEUR_TARIEF, KLEUR_TOTAAL])))
    return nl(alt.layer(balken, punten).properties(width=breedte,
                                                   height=RAND_MET_LEGENDA + RIJHOOGTE * max(1, len(data))))
