"""Gedeelde hulp voor de app: werkboekkeuze, inlezen (gecachet op bytes), foutafhandeling, opmaak.

Rekenwerk staat in tariefmodel/; hier alleen wat de schermen nodig hebben.
Geüploade bytes staan alleen in st.session_state van de gebruiker. De cache is gesleuteld op de
inhoud van het bestand: alleen wie exact dezelfde bytes heeft, krijgt hetzelfde resultaat terug.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import streamlit as st
from babel.dates import format_date

from tariefmodel import formaat
from tariefmodel.formaat import LOCALE, procent
from tariefmodel.grafieken import verschil_tekst  # noqa: F401 - voor de pagina's
from tariefmodel.meldingen import WerkboekFout

LOG = logging.getLogger("tariefmodel.app")
MAP = Path(__file__).resolve().parent.parent
VOORBEELDEN = {"kostprijs": MAP / "workbooks" / "voorbeeld_kostprijs.xlsx",
               "landelijk": MAP / "workbooks" / "voorbeeld_landelijk.xlsx"}
SOORTNAAM = {"kostprijs": "Kostprijswerkboek", "landelijk": "Landelijk werkboek"}
STATUS_UITLEG = {
    "FACT": "feit met bron", "DERIVED": "afgeleid uit bronnen", "ESTIMATE": "schatting (geen norm gevonden)",
    "NOT FOUND": "geen bron gevonden", "INSTELLING": "instelling van het model", "werkboek": "uit uw werkboek",
    "scenario": "door u gewijzigd",
}
ONZEKER = ("ESTIMATE", "NOT FOUND")
MAX_UPLOAD = 10 * 2**20  # bytes; ook genoemd onder de uploadknop (docs/veiligheid.md)


@dataclass(frozen=True)
class Werkboek:
    soort: str  # kostprijs | landelijk
    naam: str
    data: bytes
    voorbeeld: bool

    @property
    def sha(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def kort(self) -> str:
        return self.sha[:8]


@dataclass(frozen=True)
class Gelezen:
    """Uitkomst van het inlezen: invoer, of de Nederlandse meldingen (nooit een traceback)."""

    invoer: object | None
    fouten: tuple[str, ...] = ()
    referentie: str | None = None  # gezet bij een interne fout (programmafout)


# --- tekst uit werkboeken -------------------------------------------------------------------------

# Tekens die in Streamlit-markdown iets betekenen (CommonMark, tabellen, LaTeX ($), kleuren/iconen (:..:),
# HTML-entiteiten (&)). Met een backslash ervoor toont markdown ze letterlijk.
_MARKDOWNTEKENS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&^=\"'])")
_REGELEINDEN = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")
# GFM maakt van 'http://…', 'www.…' en 'naam@domein' ná het parsen een link (ook met backslashes ervoor):
# een onzichtbare woordverbinder (U+2060) ertussen houdt het tekst.
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?=@)")
WOORDVERBINDER = "\u2060"


def tekst(waarde) -> str:
    """Tekst uit een werkboek, een bestandsnaam of een invoerveld, veilig om in markdown te zetten.

    Elke regel in de app die zulke tekst toont (st.markdown, st.caption, st.error, labels, tabs) gaat hierdoor:
    markdown en HTML worden letterlijk getoond, nooit uitgevoerd (geen afbeeldingen van buiten, geen opmaak).
    Regeleinden worden spaties, zodat een celwaarde geen kopjes of lijsten kan beginnen; adressen
    (http://, www., e-mail) krijgen een onzichtbare woordverbinder, zodat ze geen link worden.
    """
    schoon = _AUTOLINK.sub(WOORDVERBINDER, _REGELEINDEN.sub(" ", str(waarde)))
    return _MARKDOWNTEKENS.sub(r"\\\1", schoon)


# --- inlezen --------------------------------------------------------------------------------------

def _lees(lezer, data: bytes, naam: str) -> Gelezen:
    try:
        return Gelezen(lezer(data, naam))
    except WerkboekFout as fout:
        return Gelezen(None, tuple(m.tekst() for m in fout.fouten) or (str(fout),))
    except Exception:  # noqa: BLE001 - programmafout: kort melden met referentie, details in het log
        return Gelezen(None, (), interne_fout_referentie("inlezen werkboek"))


@st.cache_data(max_entries=16, show_spinner=False)
def lees_kostprijs(data: bytes, naam: str) -> Gelezen:
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

    return _lees(lees_kostprijswerkboek, data, naam)


@st.cache_data(max_entries=16, show_spinner=False)
def lees_landelijk(data: bytes, naam: str) -> Gelezen:
    try:
        from tariefmodel.werkboek.landelijk import lees_landelijk_werkboek
    except ImportError:
        return Gelezen(None, ("Landelijke werkboeken kunnen in deze versie nog niet worden gelezen.",))
    return _lees(lees_landelijk_werkboek, data, naam)


LEZERS = {"kostprijs": lees_kostprijs, "landelijk": lees_landelijk}


@st.cache_data(max_entries=16, show_spinner=False)
def soort_van(data: bytes) -> tuple[str | None, tuple[str, ...]]:
    """('landelijk' | 'kostprijs', ()) of (None, meldingen) als het geen leesbaar werkboek is.

    Dezelfde herkenning als de CLI: een landelijk werkboek heeft de bladen Regio's, Maatstaven of Overgang.
    """
    from tariefmodel.werkboek.lezen import is_landelijk_werkboek

    try:
        return ("landelijk" if is_landelijk_werkboek(data) else "kostprijs"), ()
    except WerkboekFout as fout:
        return None, tuple(m.tekst() for m in fout.fouten) or (str(fout),)


def interne_fout_referentie(waar: str) -> str:
    """Log de stacktrace (alleen op de server) en geef een korte referentie voor de gebruiker."""
    referentie = uuid.uuid4().hex[:8]
    LOG.exception("Interne fout in tariefmodel-app (%s), referentie %s", waar, referentie)
    return referentie


def toon_interne_fout(referentie: str) -> None:
    st.error(f"**Er ging iets mis in het programma** (referentie `{referentie}`). Dit ligt niet aan uw "
             "werkboek. Meld de referentie en wat u deed aan de beheerder; probeer het daarna opnieuw.",
             icon=":material/error:")


# --- werkboekkeuze --------------------------------------------------------------------------------

@st.cache_data(show_spinner=False)
def _voorbeeldbytes(soort: str) -> bytes | None:
    """Het meegeleverde voorbeeld uit workbooks/; ontbreekt het bestand, dan uit de voorbeeldgegevens."""
    bestand = VOORBEELDEN[soort]
    if bestand.exists():
        return bestand.read_bytes()
    try:
        if soort == "kostprijs":
            from tariefmodel.voorbeelden import voorbeeld_kostprijs as maak
        else:
            from tariefmodel.werkboek.landelijk_sjabloon import voorbeeld_landelijk as maak
    except ImportError:
        return None
    return maak()


def werkboek(soort: str) -> Werkboek | None:
    """Het werkboek dat de gebruiker nu gebruikt: een upload in de sessie, anders het voorbeeld."""
    gekozen = st.session_state.get(f"werkboek_{soort}")
    if gekozen is not None:
        return gekozen
    data = _voorbeeldbytes(soort)
    return None if data is None else Werkboek(soort, VOORBEELDEN[soort].name, data, voorbeeld=True)


def verwerk_upload(naam: str, data: bytes) -> None:
    """Herken de soort, controleer het werkboek en neem het in gebruik als het geldig is."""
    if len(data) > MAX_UPLOAD:
        st.session_state["uploadfout"] = {"naam": naam, "referentie": None, "fouten": [
            f"het bestand is {len(data) / 2**20:.1f} MB; de grens is {MAX_UPLOAD // 2**20} MB. Een invulwerkboek "
            "is veel kleiner: verwijder afbeeldingen en bladen die niet nodig zijn".replace(".", ",", 1)]}
        return
    soort, fouten = soort_van(data)
    gelezen = LEZERS[soort](data, naam) if soort else Gelezen(None, fouten)
    if gelezen.invoer is None:
        st.session_state["uploadfout"] = {"naam": naam, "fouten": list(gelezen.fouten),
                                          "referentie": gelezen.referentie}
        return
    st.session_state[f"werkboek_{soort}"] = Werkboek(soort, naam, data, voorbeeld=False)
    st.session_state["uploadfout"] = None
    st.session_state["melding"] = f"{SOORTNAAM[soort]} '{tekst(naam)}' is in gebruik genomen."


def gebruik_voorbeeld(soort: str) -> None:
    st.session_state.pop(f"werkboek_{soort}", None)
    st.session_state["uploadfout"] = None


def invoer(soort: str):
    """De gevalideerde invoer van het gekozen werkboek; stopt de pagina met uitleg als die er niet is."""
    gekozen = werkboek(soort)
    if gekozen is None:
        st.info(f"Er is nog geen {SOORTNAAM[soort].lower()} gekozen. Upload er een in de zijbalk.",
                icon=":material/upload_file:")
        st.stop()
    gelezen = LEZERS[soort](gekozen.data, gekozen.naam)
    if gelezen.referentie:
        toon_interne_fout(gelezen.referentie)
        st.stop()
    if gelezen.invoer is None:
        toon_fouten(gekozen.naam, gelezen.fouten)
        st.stop()
    return gelezen.invoer


def toon_fouten(naam: str, fouten) -> None:
    regels = "\n".join(f"- {tekst(f)}" for f in fouten)
    st.error(f"**Het werkboek '{tekst(naam)}' kan niet worden gebruikt** ({len(fouten)} "
             f"{'fout' if len(fouten) == 1 else 'fouten'}). Pas het werkboek aan en upload het opnieuw:\n\n{regels}",
             icon=":material/rule:")


def toon_uploadfout() -> None:
    """Toon bovenaan de pagina waarom de laatste upload niet is gebruikt."""
    fout = st.session_state.get("uploadfout")
    if not fout:
        return
    if fout.get("referentie"):
        toon_interne_fout(fout["referentie"])
    else:
        toon_fouten(fout["naam"], fout["fouten"])
    links, rechts = st.columns([4, 1], vertical_alignment="center")
    links.caption("De cijfers hieronder komen uit het werkboek dat in de zijbalk als 'in gebruik' staat.")
    rechts.button("Melding sluiten", key="sluit_uploadfout", icon=":material/close:",
                  on_click=st.session_state.update, kwargs={"uploadfout": None})


def peildatum_tekst(rekenjaar: int) -> str:
    from tariefmodel.uitgangspunten import peildatum

    return format_date(peildatum(rekenjaar), format="d MMMM y", locale=LOCALE)


# --- opmaak ---------------------------------------------------------------------------------------

# Tot zoveel rijen een markdown-tabel: snel getekend, past op A4 en laadt geen Arrow- of tabelcomponent in de
# browser (st.table en st.dataframe laden samen ruim 1 MB JavaScript; issue 17). Langere tabellen scrollen in
# een st.dataframe.
KLEINE_TABEL = 15


def tabel(rijen: list[dict] | pd.DataFrame, rechts: tuple[str, ...] = (), hoogte: int | str = "auto") -> None:
    """Een tabel met al opgemaakte (Nederlandse) tekst; bedragkolommen rechts uitgelijnd."""
    data = rijen if isinstance(rijen, pd.DataFrame) else pd.DataFrame(rijen)
    if len(data) <= KLEINE_TABEL and hoogte == "auto":
        st.markdown(markdown_tabel(data, rechts))
        return
    config = {k: st.column_config.TextColumn(k, alignment="right" if k in rechts else "left") for k in data.columns}
    st.dataframe(data, hide_index=True, width="stretch", height=hoogte, column_config=config)


def sectie(kop: str | None = None, boven: str | None = None, rijen: list[dict] | None = None,
           rechts: tuple[str, ...] = (), onder: str | None = None, altijd_markdown: bool = False) -> None:
    """Kop, uitleg, een korte tabel en een onderschrift als één markdown-element (issue 17: elk element op de
    pagina kost bij elke herberekening tekentijd in de browser). Een lange tabel: los, als st.dataframe.
    ``kop``, ``boven`` en ``onder`` zijn markdown van de app zelf; tekst uit een werkboek gaat eerst door ``tekst``
    (dat maakt ook een ] letterlijk, zodat het onderschrift niet te vroeg sluit)."""
    delen = [f"### {kop}"] if kop else []
    delen += [boven] if boven else []
    lang = rijen is not None and len(rijen) > KLEINE_TABEL and not altijd_markdown  # printversie: altijd markdown
    if rijen and not lang:
        delen.append(markdown_tabel(pd.DataFrame(rijen), rechts))
    if lang:
        st.markdown("\n\n".join(delen))
        tabel(rijen, rechts=rechts)
        delen = []
    if onder:
        delen.append(f":small[:gray[{onder}]]")
    if delen:
        st.markdown("\n\n".join(delen))


def markdown_tabel(data: pd.DataFrame, rechts: tuple[str, ...] = ()) -> str:
    """Een GFM-tabel; ``rechts`` rechts uitgelijnd. Elke cel en elk kopje gaat door ``tekst``: een productnaam met
    <b>, ** of | blijft letterlijk (docs/veiligheid.md)."""
    def rij(cellen) -> str:  # een ontbrekende waarde (None, NaN) is een lege cel, zoals in st.dataframe
        return "| " + " | ".join(tekst("" if pd.isna(c) else c) for c in cellen) + " |"

    uitlijning = "| " + " | ".join("---:" if k in rechts else ":---" for k in data.columns) + " |"
    return "\n".join([rij(data.columns), uitlijning, *(rij(r) for r in data.itertuples(index=False))])


def grafiek(g) -> None:
    st.altair_chart(g, width="stretch")


def kop(titel: str, uitleg: str) -> None:
    st.title(titel)
    st.markdown(uitleg)


def waarschuwingen(teksten) -> None:
    teksten = list(teksten)
    if teksten:
        st.warning("**Let op**\n\n" + "\n".join(f"- {tekst(t)}" for t in teksten), icon=":material/warning:")


def eenheid_tekst(eenheid: str) -> str:
    return f"per {eenheid}"


def waarde_tekst(u) -> str:
    """Een uitgangspunt zoals de gebruiker het leest: 85%, € 1.250,00, 80 uur, werkelijk."""
    w = u.waarde
    if w is None:
        return "–"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, str):
        return w
    if u.eenheid.startswith("fractie"):
        return formaat.procent(w, 2 if round(w * 1000) != w * 1000 else 1).replace(",0%", "%")
    if u.eenheid.startswith("euro"):
        return formaat.euro(w)
    if u.eenheid.startswith("uren"):
        return f"{formaat.getal(w, 1).removesuffix(',0')} uur"
    if u.eenheid == "jaar":
        return str(int(w))
    return formaat.getal(w, 2).removesuffix(",00")


def status_tekst(u) -> str:
    """De status met uitleg; ESTIMATE en NOT FOUND krijgen een waarschuwingsteken."""
    label = u.label
    basis = label.split(" (")[0]
    uitleg = STATUS_UITLEG.get(basis, "")
    teken = "⚠️ " if basis in ONZEKER else ""
    return f"{teken}{label}" + (f" — {uitleg}" if uitleg else "")


def procentschuif(label: str, laag: float, hoog: float, stap: float, basis: float, sleutel_: str,
                  uitleg: str = "", uit: bool = False) -> float:
    """Schuifje in procenten met Nederlandse notatie (85,0%); geeft een fractie terug."""
    stappen = round((hoog - laag) / stap)
    opties = sorted({round(laag + i * stap, 4) for i in range(stappen + 1)} | {round(basis * 100, 4)})
    waarde = st.select_slider(label, opties, value=round(basis * 100, 4), help=uitleg or None, disabled=uit,
                              format_func=procent_kort, key=sleutel_, persist_state="session")
    return round(waarde / 100, 6)


@lru_cache(maxsize=4096)
def procent_kort(v: float) -> str:
    """85 -> '85%', 6,5% / 4,18%: zo weinig decimalen als de waarde nodig heeft (een schuifje maakt bij elke
    herberekening een label per optie: één keer opmaken is genoeg)."""
    decimalen = next(d for d in (0, 1, 2, 4) if abs(round(v, d) - v) < 1e-9 or d == 4)
    return procent(v / 100, decimalen)


# --- landelijk ------------------------------------------------------------------------------------

@st.cache_data(max_entries=32, show_spinner=False)
def landelijk_berekend(data: bytes, naam: str, kostprijsdata: bytes | None, kostprijsnaam: str | None,
                        parameters: tuple = ()):
    from tariefmodel.landelijk import bereken_landelijk

    c, bron = None, None
    if kostprijsdata is not None:
        from tariefmodel.opdrachten.bundel_lezen import bundel

        b = bundel([(kostprijsnaam, kostprijsdata)], met_voorbeelden=True)
        if b.kosten_per_plaats_per_jaar is not None:
            c, bron = b.kosten_per_plaats_per_jaar, f"lumpsum-equivalent opvang uit {kostprijsnaam}"
    return bereken_landelijk(lees_landelijk(data, naam).invoer.met_scenario(dict(parameters)), c, bron)


def landelijk_sleutel(parameters: dict | None = None) -> tuple:
    """Alles waar het landelijk resultaat van afhangt, als hashbare waarden (de cachesleutel).

    Het landelijk werkboek (bytes en naam), het kostprijswerkboek als de schakelaar 'kosten per plaats uit
    het kostprijswerkboek' aan staat (bytes en naam), en de scenario-parameters.
    """
    gekozen = werkboek("landelijk")
    kostprijs = werkboek("kostprijs") if st.session_state.get("land_c_uit_kostprijs") else None
    return (gekozen.data, gekozen.naam, kostprijs.data if kostprijs else None,
            kostprijs.naam if kostprijs else None, tuple(sorted((parameters or {}).items())))


def landelijk_resultaat(parameters: dict | None = None):
    """Het landelijk resultaat van het gekozen landelijk werkboek; stopt de pagina met uitleg als dat niet kan.

    Met de schakelaar 'kosten per plaats uit het kostprijswerkboek' (sessie-breed) rekent het model met het
    lumpsum-equivalent van de opvangproducten uit het gekozen kostprijswerkboek.
    """
    invoer("landelijk")  # toont fouten en stopt als het werkboek niet bruikbaar is
    try:
        return landelijk_berekend(*landelijk_sleutel(parameters))
    except ValueError as fout:
        st.error(f"Deze instelling kan niet worden gebruikt: {tekst(str(fout))}", icon=":material/error:")
        st.stop()


def kosten_per_plaats_keuze(r) -> None:
    """Schakelaar + uitleg: met welke kosten per plaats rekent het landelijk model?"""
    st.toggle("Kosten per plaats uit het kostprijswerkboek", key="land_c_uit_kostprijs", persist_state="session",
              help="Uit: de parameter kosten_per_plaats van het landelijk werkboek. Aan: integrale kosten gedeeld "
                   "door plaatsen van de opvangproducten in het gekozen kostprijswerkboek.")
    st.caption(f"Kosten per plaats per jaar: {formaat.euro_heel(r.kosten_per_plaats)} ({tekst(r.kosten_per_plaats_bron)}).")


def landelijk_kop(titel: str, uitleg: str, r) -> None:
    kop(titel, uitleg)
    landelijk_bijschrift(r)


def landelijk_bijschrift(r) -> None:
    """Welk landelijk werkboek, welk rekenjaar; en een duidelijke waarschuwing bij illustratieve cijfers."""
    invoer_ = r.invoer
    st.caption(f"Landelijk werkboek {tekst(invoer_.bestandsnaam)} · rekenjaar {invoer_.rekenjaar} · "
               f"{len(r.regios)} centrumgemeenten · jaren {r.jaren[0]}–{r.jaren[-1]}"
               f"{' · CONCEPT' if invoer_.concept else ''}")
    if invoer_.illustratief:
        st.info("**Illustratieve cijfers**: dit werkboek bevat verzonnen of benaderde gegevens. Gebruik de "
                "uitkomsten niet als feit.", icon=":material/info:")


def euro_mln(x: float | None) -> str:
    """Grote landelijke bedragen: € 171,2 mln."""
    return "–" if x is None else f"€ {formaat.getal(x / 1_000_000, 1)} mln"
