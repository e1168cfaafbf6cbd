"""Het landelijk werkboek lezen en controleren (werkboekformaat.md, 'Landelijk werkboek').

Alle fouten worden verzameld en samen gemeld (Blad/rij/kolom); pas daarna volgt WerkboekFout.
"""

from __future__ import annotations

import difflib
import hashlib
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from tariefmodel import grenzen
from tariefmodel import uitgangspunten as up
from tariefmodel.getallen import GeenGetal, is_leeg, lees_getal
from tariefmodel.landelijk.centrumgemeenten import CENTRUMGEMEENTEN, OUDE_OF_ANDERE_NAMEN
from tariefmodel.landelijk.invoer import (
    PARAMETERS_LANDELIJK,
    DuvoRegel,
    LandelijkInvoer,
    Maatstaf,
    Overgangsjaar,
    Plaatsing,
    Regio,
)
from tariefmodel.meldingen import Meldingen
from tariefmodel.werkboek import landelijk_capaciteit
from tariefmodel.werkboek.lezen import (
    Rij,
    lees_blad,
    meld_onbekende_bladen,
    normaliseer,
    open_werkboek,
    valideer_rijen,
)
from tariefmodel.werkboek.pydantic_nl import (
    Bedrag,
    Fractie,
    Getal,
    OptBedrag,
    OptFractie,
    OptGetal,
    Tekst,
    getal_of_leeg,
)

REGIOS = "Regio's"
# Instellingen van de controle, geen rekenparameters:
TOLERANTIE_AANDELEN = 0.0005  # de maatstafaandelen mogen 0,05 procentpunt van 100% afwijken (afronding)
JAAR_MIN, JAAR_MAX = 2000, 2100

KOLOMMEN = {
    "Uitgangspunten": (["Parameter", "Waarde", "Eenheid", "Toelichting"], ["Parameter", "Waarde"]),
    REGIOS: (["Centrumgemeente", "Inwoners", "Plaatsen", "Cliënten per jaar", "Gemiddelde verblijfsduur",
              "Historisch budget"], ["Centrumgemeente", "Inwoners", "Plaatsen", "Historisch budget"]),
    "Maatstaven": (["Maatstaf", "Aandeel", "Toelichting"], ["Maatstaf", "Aandeel"]),
    "Overgang": (["Jaar", "Budget", "Aandeel objectief", "Aandeel verlies"], ["Jaar", "Budget", "Aandeel objectief"]),
    "DUVO": (["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang", "Besteding overig"],
             ["Centrumgemeente", "Jaar", "Uitkering", "Besteding vrouwenopvang"]),
    "Plaatsingen": (["Herkomst", "Opvangregio", "Aantal"], ["Herkomst", "Opvangregio", "Aantal"]),
    landelijk_capaciteit.BLAD: landelijk_capaciteit.KOLOMMEN,
}
OPTIONELE_BLADEN = {"DUVO", "Plaatsingen", landelijk_capaciteit.BLAD}
# Andere kopteksten die hetzelfde betekenen als een vaste kolom van Regio's.
KOLOMALIASSEN = {normaliseer(a): k for a, k in [
    ("Gemiddelde verblijfsduur (dagen)", "Gemiddelde verblijfsduur"),
    ("Gemiddelde verblijfsduur (days)", "Gemiddelde verblijfsduur"),
    ("Verblijfsduur", "Gemiddelde verblijfsduur"),
    ("Cliënten", "Cliënten per jaar"),
]}
VERPLICHTE_GETALPARAMETERS = ("bezettingsnorm", "doel_weigerkans", "kosten_per_plaats", "reactie_nadeel",
                              "reactie_voordeel", "dagen_per_jaar", "istanbul_inwoners_per_plaats")


def _geheel(waarde):
    getal = getal_of_leeg(waarde)
    if getal is None:
        return None
    if not float(getal).is_integer():
        raise ValueError(f"verwacht een geheel getal (gevonden: {str(waarde).replace('.', ',')})")
    return int(getal)


def _jaar(waarde):
    jaar = _geheel(waarde)
    if jaar is not None and not JAAR_MIN <= jaar <= JAAR_MAX:
        raise ValueError(f"{jaar} is geen geldig jaar ({JAAR_MIN}-{JAAR_MAX})")
    return jaar


Geheel = Annotated[int, BeforeValidator(_geheel)]
Jaar = Annotated[int, BeforeValidator(_jaar)]


class _Regel(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="ignore")


# Bovengrenzen per regio (controle-instellingen, geen rekenparameters). Heel Nederland heeft ca. 1.024
# opvangplaatsen en ca. 18 mln inwoners (duvo-bronnen.md §4); een regiowaarde daarboven is een tikfout.
# Ze houden ook de Erlang-B-recursie (§2.4) begrensd: hoogstens ca. MAX_PLAATSEN stappen per regio.
MAX_PLAATSEN = grenzen.MAX_PLAATSEN_REGIO
MAX_CLIENTEN = 1_000_000
MAX_VERBLIJFSDUUR = 3_650  # dagen (tien jaar)
MAX_INWONERS = 30_000_000


class RegioRegel(_Regel):
    centrumgemeente: Tekst = Field(alias="Centrumgemeente")
    inwoners: Getal = Field(alias="Inwoners", gt=0, le=MAX_INWONERS)
    plaatsen: Geheel = Field(alias="Plaatsen", ge=0, le=MAX_PLAATSEN)
    clienten: OptGetal = Field(None, alias="Cliënten per jaar", ge=0, le=MAX_CLIENTEN)
    verblijfsduur: OptGetal = Field(None, alias="Gemiddelde verblijfsduur", gt=0, le=MAX_VERBLIJFSDUUR)
    historisch_budget: Bedrag = Field(alias="Historisch budget", ge=0)


class MaatstafRegel(_Regel):
    maatstaf: Tekst = Field(alias="Maatstaf")
    aandeel: Fractie = Field(alias="Aandeel", ge=0, le=1)


class OvergangRegel(_Regel):
    jaar: Jaar = Field(alias="Jaar")
    budget: Bedrag = Field(alias="Budget", gt=0)
    aandeel_objectief: Fractie = Field(alias="Aandeel objectief", ge=0, le=1)
    aandeel_verlies: OptFractie = Field(None, alias="Aandeel verlies", ge=0, le=1)  # β_t, rekenmethode §2.1 (v2)


class DuvoRegelModel(_Regel):
    centrumgemeente: Tekst = Field(alias="Centrumgemeente")
    jaar: Jaar = Field(alias="Jaar")
    uitkering: Bedrag = Field(alias="Uitkering", gt=0)
    besteding_vrouwenopvang: Bedrag = Field(alias="Besteding vrouwenopvang", ge=0)
    besteding_overig: OptBedrag = Field(None, alias="Besteding overig", ge=0)


class PlaatsingRegel(_Regel):
    herkomst: Tekst = Field(alias="Herkomst")
    opvangregio: Tekst = Field(alias="Opvangregio")
    aantal: Getal = Field(alias="Aantal", ge=0)


def lees_landelijk_werkboek(data: bytes, bestandsnaam: str = "") -> LandelijkInvoer:
    """Lees en controleer een landelijk werkboek; WerkboekFout met alle meldingen bij fouten."""
    wb = open_werkboek(data)
    meldingen = Meldingen()
    bladen = {naam: lees_blad(wb, naam, *KOLOMMEN[naam], meldingen, verplicht=naam not in OPTIONELE_BLADEN,
                              extra_kolommen=naam == REGIOS)
              for naam in KOLOMMEN}
    bladen = {naam: _begrensd_aantal(naam, rijen, meldingen) for naam, rijen in bladen.items()}
    overgang = _overgang(bladen["Overgang"], meldingen)
    uitgangspunten = _uitgangspunten(bladen["Uitgangspunten"], overgang, meldingen)
    maatstaven = _maatstaven(bladen["Maatstaven"], meldingen)
    regios = _regios(bladen[REGIOS], maatstaven, meldingen, _dagen_per_jaar(uitgangspunten))
    maatstaven = _zonder_lege_nulmaatstaven(maatstaven, regios, meldingen)
    namen = {normaliseer(r.naam): r.naam for r in regios}
    hints = _Hints()
    duvo = _duvo(bladen["DUVO"], namen, meldingen, hints)
    plaatsingen = (None if bladen["Plaatsingen"] is None
                   else _plaatsingen(bladen["Plaatsingen"], namen, meldingen, hints))
    capaciteit = None if bladen[landelijk_capaciteit.BLAD] is None else landelijk_capaciteit.lees_capaciteit(
        bladen[landelijk_capaciteit.BLAD], lambda *a: _regionaam(a[0], namen, *a[1:], hints), meldingen)
    meld_onbekende_bladen(wb, (*KOLOMMEN, "Capaciteit", "Scenario's", "Toelichting"), meldingen)
    meldingen.sorteer(list(KOLOMMEN))  # op blad en rij; stabiel binnen een rij
    meldingen.stop_bij_fouten()
    return LandelijkInvoer(uitgangspunten, tuple(regios), tuple(maatstaven), tuple(overgang), tuple(duvo),
                           plaatsingen, bestandsnaam, hashlib.sha256(data).hexdigest(),
                           tuple(meldingen.waarschuwingen), capaciteit)


def _begrensd_aantal(blad: str, rijen, meldingen: Meldingen):
    """Hoogstens MAX_REGIOS regio's en MAX_REGELS regels per blad (tariefmodel/grenzen.py); de rest wordt
    niet gelezen, zodat één werkboek de server niet minutenlang bezighoudt."""
    grens = grenzen.MAX_REGIOS if blad == REGIOS else grenzen.MAX_REGELS
    if rijen is None or len(rijen) <= grens:
        return rijen
    meldingen.fout(f"het blad heeft {len(rijen):,} regels; hoogstens {grens:,} kunnen worden gelezen "
                   f"({'Nederland heeft 342 gemeenten' if blad == REGIOS else 'grens per blad'}). Verwijder de "
                   "overbodige regels".replace(",", "."), blad=blad, rij=rijen[grens].nummer,
                   kolom=KOLOMMEN[blad][0][0])
    return rijen[:grens]


def _dagen_per_jaar(uitgangspunten: dict) -> float | None:
    u = uitgangspunten.get("dagen_per_jaar")
    return u.waarde if u is not None and isinstance(u.waarde, (int, float)) and u.waarde > 0 else None



# --- Uitgangspunten ------------------------------------------------------------------------------------

def _uitgangspunten(rijen, overgang: list[Overgangsjaar], meldingen: Meldingen) -> dict:
    if rijen is None:
        return {}
    regels = [(r.nummer, r.waarden.get("Parameter"), r.waarden.get("Waarde")) for r in rijen]
    gezet = up.bepaal(regels, PARAMETERS_LANDELIJK, meldingen, verplicht=())
    if "rekenjaar" not in gezet and overgang:
        jaar = overgang[-1].jaar
        meldingen.waarschuwing(f"parameter 'rekenjaar' ontbreekt; de standaardwaarden van {jaar} (laatste jaar "
                               "van Overgang) zijn gebruikt", blad="Uitgangspunten", kolom="Waarde")
        gezet["rekenjaar"] = up.Uitgangspunt("rekenjaar", jaar, "jaar", "AFGELEID",
                                             "laatste jaar van het blad Overgang", "afgeleid")
        gezet = up.vul_standaarden(gezet, PARAMETERS_LANDELIJK, jaar)
    elif "rekenjaar" not in gezet:
        meldingen.fout("parameter 'rekenjaar' ontbreekt of is leeg; vul deze in", blad="Uitgangspunten",
                       kolom="Waarde")
        return gezet
    for naam in VERPLICHTE_GETALPARAMETERS:
        if gezet.get(naam) is None or gezet[naam].waarde is None:
            meldingen.fout(f"parameter '{naam}' heeft geen standaardwaarde voor rekenjaar "
                           f"{gezet['rekenjaar'].waarde}; vul een waarde in", blad="Uitgangspunten", kolom="Waarde")
    return gezet


# --- Maatstaven ----------------------------------------------------------------------------------------

def _maatstaven(rijen, meldingen: Meldingen) -> list[Maatstaf]:
    blad = "Maatstaven"
    if rijen is None:
        return []
    if not rijen:
        meldingen.fout("geen maatstaven ingevuld; geef minstens één maatstaf met een aandeel", blad=blad, rij=2,
                       kolom="Maatstaf")
        return []
    fouten_voor = len(meldingen.fouten)
    uit: dict[str, Maatstaf] = {}
    for rij, r in valideer_rijen(MaatstafRegel, rijen, blad, meldingen):
        sleutel = normaliseer(r.maatstaf)
        if sleutel in uit:
            meldingen.fout(f"maatstaf '{r.maatstaf}' staat twee keer in het blad (ook rij {uit[sleutel].rij})",
                           blad=blad, rij=rij.nummer, kolom="Maatstaf")
            continue
        uit[sleutel] = Maatstaf(r.maatstaf, r.aandeel, rij.nummer)
    if len(meldingen.fouten) > fouten_voor:
        return list(uit.values())  # eerst de regels herstellen; de som zegt dan nog niets
    return _normaliseer_aandelen(list(uit.values()), meldingen)


def _normaliseer_aandelen(maatstaven: list[Maatstaf], meldingen: Meldingen) -> list[Maatstaf]:
    """Σ aandelen moet 1 zijn (§2.1); kleine afrondverschillen worden rechtgetrokken (naar rato)."""
    som = sum(m.aandeel for m in maatstaven)
    if abs(som - 1) > TOLERANTIE_AANDELEN:
        meldingen.fout(f"de aandelen tellen op tot {_nl(som, 4)} ({_nl(som * 100, 2)}%); samen moeten ze precies "
                       "1 (100%) zijn", blad="Maatstaven", kolom="Aandeel")
        return maatstaven
    return [Maatstaf(m.naam, m.aandeel / som, m.rij) for m in maatstaven]


# --- Regio's -------------------------------------------------------------------------------------------

def _regios(rijen, maatstaven: list[Maatstaf], meldingen: Meldingen, dagen_per_jaar: float | None = None
            ) -> list[Regio]:
    if rijen is None:
        return []
    if not rijen:
        meldingen.fout("geen regio's ingevuld; vul per centrumgemeente een regel in", blad=REGIOS, rij=2,
                       kolom="Centrumgemeente")
        return []
    rijen = [_met_aliassen(r) for r in rijen]
    kolommen = _maatstafkolommen(rijen[0], maatstaven, meldingen)
    _waarschuw_ongebruikte_kolommen(rijen, kolommen, meldingen)
    uit: dict[str, Regio] = {}
    centrumhints = _Hints()
    for rij, r in valideer_rijen(RegioRegel, rijen, REGIOS, meldingen):
        waarden = _maatstafwaarden(rij, kolommen, meldingen)
        sleutel = normaliseer(r.centrumgemeente)
        if sleutel in uit:
            meldingen.fout(f"centrumgemeente '{r.centrumgemeente}' staat twee keer in het blad (ook rij "
                           f"{uit[sleutel].rij})", blad=REGIOS, rij=rij.nummer, kolom="Centrumgemeente")
            continue
        _controleer_regio(r, rij.nummer, meldingen, dagen_per_jaar, centrumhints)
        if waarden is not None:
            uit[sleutel] = Regio(r.centrumgemeente, r.inwoners, r.plaatsen, r.historisch_budget, waarden,
                                 r.clienten, r.verblijfsduur, rij.nummer)
    regios = list(uit.values())
    if not meldingen.heeft_fouten:
        _controleer_sommen(regios, maatstaven, kolommen, meldingen)
    return regios


def _met_aliassen(rij: Rij) -> Rij:
    waarden = {}
    for naam, waarde in rij.waarden.items():
        naam = KOLOMALIASSEN.get(normaliseer(naam), naam)
        if naam not in waarden or is_leeg(waarden[naam]):
            waarden[naam] = waarde
    return Rij(rij.nummer, waarden)


def _maatstafkolommen(voorbeeld: Rij, maatstaven: list[Maatstaf], meldingen: Meldingen) -> dict[str, str]:
    """Per maatstaf de kolom in Regio's (zonder hoofdletters/accenten); fout als die ontbreekt."""
    kolommen = {normaliseer(k): k for k in voorbeeld.waarden}
    uit = {}
    for m in maatstaven:
        kolom = kolommen.get(normaliseer(m.naam))
        if kolom is None or kolom == "Centrumgemeente":
            aanwezig = ", ".join(f"'{k}'" for k in voorbeeld.waarden if k != "Centrumgemeente")
            meldingen.fout(f"maatstaf '{m.naam}' heeft geen kolom in het blad {REGIOS} (kolommen daar: {aanwezig}); "
                           f"voeg een kolom '{m.naam}' toe of corrigeer de naam", blad="Maatstaven", rij=m.rij,
                           kolom="Maatstaf")
            continue
        uit[m.naam] = kolom
    return uit


def _waarschuw_ongebruikte_kolommen(rijen: list[Rij], kolommen: dict[str, str], meldingen: Meldingen) -> None:
    vast = set(KOLOMMEN[REGIOS][0])
    for kolom in rijen[0].waarden:
        if kolom in vast or kolom in kolommen.values():
            continue
        gevuld = [r.waarden[kolom] for r in rijen if not is_leeg(r.waarden[kolom])]
        if gevuld and all(_is_getal(w) for w in gevuld):
            meldingen.waarschuwing("kolom met getallen die geen maatstaf is in het blad Maatstaven; telt niet mee "
                                   "in de verdeling", blad=REGIOS, rij=1, kolom=kolom)


def _is_getal(waarde) -> bool:
    try:
        lees_getal(waarde)
    except GeenGetal:
        return False
    return True


def _maatstafwaarden(rij: Rij, kolommen: dict[str, str], meldingen: Meldingen) -> dict[str, float] | None:
    uit, goed = {}, True
    for maatstaf, kolom in kolommen.items():
        ruw = rij.waarden.get(kolom)
        try:
            if is_leeg(ruw):
                raise GeenGetal(f"verplichte waarde ontbreekt (maatstaf '{maatstaf}')")
            waarde = lees_getal(ruw)
            if waarde < 0:
                raise GeenGetal(f"een maatstafwaarde mag niet negatief zijn (gevonden: {_nl(waarde)})")
        except GeenGetal as fout:
            meldingen.fout(str(fout), blad=REGIOS, rij=rij.nummer, kolom=kolom)
            goed = False
            continue
        uit[maatstaf] = waarde
    return uit if goed else None


_CENTRUMGEMEENTEN = frozenset(normaliseer(c) for c in CENTRUMGEMEENTEN)


def _controleer_regio(r: RegioRegel, nummer: int, meldingen: Meldingen, dagen_per_jaar: float | None,
                      hints: _Hints) -> None:
    if normaliseer(r.centrumgemeente) not in _CENTRUMGEMEENTEN:
        hint = hints(r.centrumgemeente, CENTRUMGEMEENTEN)
        meldingen.waarschuwing(f"'{r.centrumgemeente}' is geen van de 35 centrumgemeenten vrouwenopvang (Stcrt 2022, "
                               f"18613){hint}", blad=REGIOS, rij=nummer, kolom="Centrumgemeente")
    if (r.clienten is None) != (r.verblijfsduur is None):
        ontbreekt = "Gemiddelde verblijfsduur" if r.verblijfsduur is None else "Cliënten per jaar"
        meldingen.waarschuwing("bezettingsgraad en weigerkans vragen zowel 'Cliënten per jaar' als 'Gemiddelde "
                               "verblijfsduur'; zonder beide blijven ze leeg", blad=REGIOS, rij=nummer, kolom=ontbreekt)
    last = r.clienten * r.verblijfsduur / dagen_per_jaar if r.clienten and r.verblijfsduur and dagen_per_jaar else 0
    if last > grenzen.MAX_LAST_REGIO:
        meldingen.fout(f"cliënten per jaar × verblijfsduur / dagen_per_jaar ({_nl(dagen_per_jaar)}) vraagt "
                       f"{_duizendtal(last)} plaatsen tegelijk, meer dan de grens van {_duizendtal(grenzen.MAX_LAST_REGIO)}; "
                       "dat kan niet kloppen (controleer de eenheden: verblijfsduur in dagen, en dagen_per_jaar "
                       "in Uitgangspunten)", blad=REGIOS, rij=nummer, kolom="Cliënten per jaar")
    if r.plaatsen == 0 and r.clienten:
        meldingen.waarschuwing("0 plaatsen maar wel cliënten: bezettingsgraad en weigerkans zijn niet te berekenen "
                               "(de vraag is niet af te leiden uit opnames)", blad=REGIOS, rij=nummer, kolom="Plaatsen")


def _controleer_sommen(regios: list[Regio], maatstaven: list[Maatstaf], kolommen, meldingen: Meldingen) -> None:
    """Een verdeling naar rato kan niet als alle waarden 0 zijn (§2.1 deelt door Σ_j)."""
    if regios and sum(r.historisch_budget for r in regios) <= 0:
        meldingen.fout("de historische budgetten tellen op tot 0; vul de historische verdeling in (bijvoorbeeld de "
                       "uitkering van het laatste jaar vóór de herverdeling)", blad=REGIOS, kolom="Historisch budget")
    for m in maatstaven:
        if m.naam in kolommen and m.aandeel > 0 and sum(r.maatstaven[m.naam] for r in regios) <= 0:
            meldingen.fout(f"de kolom '{kolommen[m.naam]}' in {REGIOS} telt op tot 0; deze maatstaf kan geen budget "
                           "verdelen", blad="Maatstaven", rij=m.rij, kolom="Maatstaf")


def _zonder_lege_nulmaatstaven(maatstaven: list[Maatstaf], regios: list[Regio], meldingen: Meldingen
                               ) -> list[Maatstaf]:
    """Een maatstaf met aandeel 0 en een kolom vol nullen verdeelt niets (0/0 in §2.1): laat hem weg, met een
    waarschuwing. (Met een aandeel groter dan 0 is zo'n kolom een fout; zie _controleer_sommen.)"""
    if not regios:
        return maatstaven
    leeg = [m for m in maatstaven if m.aandeel == 0 and sum(r.maatstaven.get(m.naam, 0) for r in regios) <= 0]
    for m in leeg:
        meldingen.waarschuwing(f"maatstaf '{m.naam}' heeft aandeel 0 en alleen nullen in het blad {REGIOS}; hij "
                               "telt niet mee", blad="Maatstaven", rij=m.rij, kolom="Aandeel")
    return [m for m in maatstaven if m not in leeg]


# --- Overgang ------------------------------------------------------------------------------------------

def _overgang(rijen, meldingen: Meldingen) -> list[Overgangsjaar]:
    blad = "Overgang"
    if rijen is None:
        return []
    uit: dict[int, Overgangsjaar] = {}
    for rij, r in valideer_rijen(OvergangRegel, rijen, blad, meldingen):
        if r.jaar in uit:
            meldingen.fout(f"jaar {r.jaar} staat twee keer in het blad (ook rij {uit[r.jaar].rij})", blad=blad,
                           rij=rij.nummer, kolom="Jaar")
            continue
        uit[r.jaar] = Overgangsjaar(r.jaar, r.budget, r.aandeel_objectief, rij.nummer, r.aandeel_verlies)
    if not rijen:
        meldingen.fout("geen jaren ingevuld; geef minstens één jaar met budget en aandeel objectief", blad=blad,
                       rij=2, kolom="Jaar")
    return [uit[j] for j in sorted(uit)]


# --- DUVO en Plaatsingen -------------------------------------------------------------------------------

def _regionaam(ruw: str, namen: dict[str, str], blad: str, rij: int, kolom: str, meldingen: Meldingen,
               hints: _Hints) -> str | None:
    """De naam zoals in Regio's (zonder hoofdletters/accenten gematcht); fout met hint als die onbekend is."""
    gevonden = namen.get(normaliseer(ruw))
    if gevonden is None and namen:
        meldingen.fout(f"onbekende centrumgemeente '{ruw}': die staat niet in het blad {REGIOS}"
                       f"{hints(ruw, namen.values())}", blad=blad, rij=rij, kolom=kolom)
    return gevonden


class _Hints:
    """``_hint`` één keer per verschillende onbekende naam, en voor hoogstens MAX_HINTS namen (grenzen.py):
    een fuzzy match per regel maakt het inlezen kwadratisch in het aantal regels."""

    def __init__(self) -> None:
        self.bekend: dict[str, str] = {}

    def __call__(self, ruw: str, kandidaten) -> str:
        sleutel = normaliseer(ruw)
        if sleutel not in self.bekend:
            self.bekend[sleutel] = _hint(ruw, kandidaten) if len(self.bekend) < grenzen.MAX_HINTS else ""
        return self.bekend[sleutel]


def _hint(ruw: str, kandidaten) -> str:
    """' (bedoelt u 'X'?)' met X een kandidaat: een bekende andere naam, of de best lijkende naam."""
    sleutels = {normaliseer(k): k for k in kandidaten}
    oud = OUDE_OF_ANDERE_NAMEN.get(normaliseer(ruw))
    if oud is not None and normaliseer(oud) in sleutels:
        return f" (bedoelt u '{sleutels[normaliseer(oud)]}'?)"
    dichtbij = difflib.get_close_matches(normaliseer(ruw), list(sleutels), n=1, cutoff=0.75)
    return f" (bedoelt u '{sleutels[dichtbij[0]]}'?)" if dichtbij else ""


def _duvo(rijen, namen: dict[str, str], meldingen: Meldingen, hints: _Hints) -> list[DuvoRegel]:
    blad = "DUVO"
    uit: dict[tuple[str, int], DuvoRegel] = {}
    for rij, r in valideer_rijen(DuvoRegelModel, rijen or [], blad, meldingen):
        naam = _regionaam(r.centrumgemeente, namen, blad, rij.nummer, "Centrumgemeente", meldingen, hints)
        if naam is None:
            continue
        if (naam, r.jaar) in uit:
            meldingen.fout(f"{naam} {r.jaar} staat twee keer in het blad (ook rij {uit[(naam, r.jaar)].rij})",
                           blad=blad, rij=rij.nummer, kolom="Jaar")
            continue
        uit[(naam, r.jaar)] = DuvoRegel(naam, r.jaar, r.uitkering, r.besteding_vrouwenopvang, r.besteding_overig,
                                        rij.nummer)
    zonder_overig = [d for d in uit.values() if d.besteding_overig is None]
    if zonder_overig:
        meldingen.waarschuwing(f"{len(zonder_overig)} regel(s) zonder 'Besteding overig' (eerste: rij "
                               f"{zonder_overig[0].rij}): gerekend als 0, dus het bestedingsgat is daar een bovengrens",
                               blad=blad, kolom="Besteding overig")
    return list(uit.values())


def _plaatsingen(rijen, namen: dict[str, str], meldingen: Meldingen, hints: _Hints) -> tuple[Plaatsing, ...]:
    blad = "Plaatsingen"
    uit: dict[tuple[str, str], Plaatsing] = {}
    for rij, r in valideer_rijen(PlaatsingRegel, rijen, blad, meldingen):
        herkomst = _regionaam(r.herkomst, namen, blad, rij.nummer, "Herkomst", meldingen, hints)
        opvang = _regionaam(r.opvangregio, namen, blad, rij.nummer, "Opvangregio", meldingen, hints)
        if herkomst is None or opvang is None:
            continue
        if (herkomst, opvang) in uit:
            meldingen.fout(f"de combinatie {herkomst} → {opvang} staat twee keer in het blad (ook rij "
                           f"{uit[(herkomst, opvang)].rij}); tel de aantallen op in één regel", blad=blad,
                           rij=rij.nummer, kolom="Opvangregio")
            continue
        uit[(herkomst, opvang)] = Plaatsing(herkomst, opvang, r.aantal, rij.nummer)
    return tuple(uit.values())


def _duizendtal(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


def _nl(x: float, decimalen: int = 2) -> str:
    tekst = f"{x:.{decimalen}f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",")
