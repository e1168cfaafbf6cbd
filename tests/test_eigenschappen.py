"""Issue 6: eigenschapstests (hypothesis).

- willekeurige geldige kostprijswerkboeken worden gelezen en berekend zonder fout;
- willekeurige rommel in willekeurige cellen geeft exit 0 of 2, nooit een stacktrace of exit 1;
- invarianten van het model: meer FTE verlaagt de integrale kosten nooit (rekenmethode §1.1-1.5),
  een hogere bezettingsnorm verhoogt de kostprijs per etmaal nooit (§1.6), de Erlang-B-weigerkans
  daalt als er plaatsen bijkomen (§2.4) en de verdeling telt elk jaar op tot het budget (§2.1).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import json
import math
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl.utils.exceptions import IllegalCharacterError

from tariefmodel.cli import main
from tariefmodel.grenzen import KLEINSTE_GETAL
from tariefmodel.kostprijs.berekening import bereken
from tariefmodel.kostprijs.invoer import OVERHEAD, Kostenregel, Personeelsregel, Product
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.parameters import cao_salaristabel
from tariefmodel.werkboek.kostprijs import KOLOMMEN, MIN_TARIEF, lees_kostprijswerkboek
from tests.hulp.kapotte_werkboeken import BASIS, basiswerkboek

INSTELLINGEN = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CAO = sorted(cao_salaristabel())
BASISINVOER = lees_kostprijswerkboek(basiswerkboek(), "basis.xlsx")

# --- strategieën ----------------------------------------------------------------------------------

def _getal(*args, **kwargs):
    """Een getal zoals in een echt werkboek: nooit dichter bij 0 dan KLEINSTE_GETAL (dat weigert het inlezen)."""
    return st.floats(*args, **kwargs).map(lambda x: 0.0 if abs(x) < KLEINSTE_GETAL else x)


geld = _getal(min_value=0, max_value=2_000_000, allow_nan=False)
fte = _getal(min_value=0.05, max_value=25, allow_nan=False)


@st.composite
def producten(draw) -> list[Product]:
    aantal = draw(st.integers(1, 4))
    uit = []
    for i in range(aantal):
        soort = draw(st.sampled_from(["opvang", "ambulant"]))
        tarief = draw(st.none() | _getal(0, 5000))
        if soort == "opvang":
            uit.append(Product(f"P{i}", f"Opvang {i}", "opvang", "etmaal", plaatsen=draw(st.integers(1, 80)),
                               werkelijke_bezetting=draw(st.none() | _getal(0, 1.3)), gemeentetarief=tarief,
                               rij=i + 2))
        else:
            eenheid = draw(st.sampled_from(["uur", "traject"]))
            uit.append(Product(f"P{i}", f"Ambulant {i}", "ambulant", eenheid,
                               uren_per_traject=draw(_getal(1, 200)) if eenheid == "traject" else None,
                               trajecten_per_jaar=draw(st.none() | _getal(0, 500)) if eenheid == "traject" else None,
                               gemeentetarief=tarief, rij=i + 2))
    return uit


@st.composite
def personeelsregel(draw, product: str) -> Personeelsregel:
    return Personeelsregel(f"Functie {product}", product, draw(fte), draw(_getal(1800, 9000)),
                           draw(_getal(0, 0.4)))


@st.composite
def kostprijsinvoer(draw):
    """Een geldige invoer: elk product heeft minstens één personeelsregel met FTE > 0."""
    prods = draw(producten())
    personeel = [draw(personeelsregel(p.code)) for p in prods]
    personeel += draw(st.lists(st.sampled_from([p.code for p in prods] + [OVERHEAD]).flatmap(personeelsregel),
                               max_size=4))
    kosten = draw(st.lists(st.builds(Kostenregel, st.sampled_from([p.code for p in prods] + [OVERHEAD]),
                                     st.just("overig"), geld), max_size=5))
    wijziging = {"bezettingsnorm": draw(st.floats(0.5, 1)), "overhead_methode": draw(st.sampled_from(["werkelijk", "norm"])),
                 "risico_opslag": draw(st.floats(0, 0.1))}
    invoer = dataclasses.replace(BASISINVOER, producten=tuple(prods), personeel=tuple(personeel), kosten=tuple(kosten))
    return invoer.met_scenario(wijziging)


def _personeelscel(r: Personeelsregel, via_cao: tuple[str, str] | None) -> list:
    if via_cao:
        return [r.functie, r.product, via_cao[0], via_cao[1], r.fte, None, r.ort]
    return [r.functie, r.product, None, None, r.fte, r.maandsalaris, r.ort]


@st.composite
def geldig_werkboek(draw) -> bytes:
    """Dezelfde invoer als werkboek, met getallen soms als Nederlandse tekst en salarissen uit de CAO-tabel."""
    invoer = draw(kostprijsinvoer())
    als_tekst = draw(st.booleans())

    def getal(x):
        return None if x is None else (f"{x:.4f}".replace(".", ",") if als_tekst else x)

    def tarief(x):  # een tarief onder één cent is geen geldige invoer (intake: fout, werkboek/kostprijs.MIN_TARIEF)
        return getal(None if x is None else (0.0 if x < MIN_TARIEF else x))

    prod = [[p.code, p.naam, p.soort, p.eenheid, getal(p.plaatsen), getal(p.werkelijke_bezetting),
             getal(p.uren_per_traject), getal(p.trajecten_per_jaar), tarief(p.gemeentetarief)] for p in invoer.producten]
    pers = [_personeelscel(r, draw(st.none() | st.sampled_from(CAO))) for r in invoer.personeel]
    kost = [[k.product, k.kostensoort, "omschrijving", getal(k.bedrag)] for k in invoer.kosten]
    # een naam die met '=' begint schrijft de sjabloonschrijver als formule (#NAME?): geen geldige invoer hier
    up = {"organisatie": draw(st.text(min_size=1, max_size=30).filter(lambda t: t.strip() and t.lstrip()[0] not in "=+-@{#")),
          "rekenjaar": draw(st.integers(2025, 2030)),
          "bezettingsnorm": f"{invoer.waarde('bezettingsnorm'):.2%}".replace(".", ","),
          "overhead_methode": invoer.waarde("overhead_methode")}
    return basiswerkboek(uitgangspunten=up, producten=prod, personeel=pers, kosten=kost)


rommel = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**15), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.sampled_from(["#DIV/0!", "#REF!", "#N/A", "#VALUE!", "1.234,56", "85%", "-0",
                                           "OVERHEAD", "opvang", "traject", "1e400", "nan", "=1+1", " "]),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
)


def _werkboek_met_rommel(cellen: list[tuple[str, int, int, object]]) -> bytes:
    """Het basiswerkboek met willekeurige waarden in willekeurige cellen (via openpyxl: echte datums/fouten)."""
    wb = openpyxl.load_workbook(io.BytesIO(basiswerkboek()))
    for blad, rij, kolom, waarde in cellen:
        ws = wb[blad]
        ws.cell(row=rij, column=kolom).value = waarde
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


rommelcel = st.tuples(st.sampled_from(list(KOLOMMEN)), st.integers(1, 8), st.integers(1, 9), rommel)


def _json_zonder_nan(resultaat) -> dict:
    uit = naar_json(resultaat)
    json.dumps(uit, allow_nan=False)
    return uit


# --- nooit een crash -------------------------------------------------------------------------------

@INSTELLINGEN
@given(geldig_werkboek())
def test_geldige_werkboeken_worden_berekend(data):
    invoer = lees_kostprijswerkboek(data, "eigenschap.xlsx")
    uit = _json_zonder_nan(bereken(invoer))
    for p in uit["producten"]:
        assert p["kostprijs"] > 0 and p["integrale_kosten"] > 0


@INSTELLINGEN
@given(st.lists(rommelcel, min_size=1, max_size=6))
def test_rommel_in_cellen_geeft_nooit_een_stacktrace(cellen):
    try:
        data = _werkboek_met_rommel(cellen)
    except (ValueError, TypeError, IllegalCharacterError):  # openpyxl weigert ze al bij het schrijven
        assume(False)
    with tempfile.TemporaryDirectory() as map_:
        pad = Path(map_) / "rommel.xlsx"
        pad.write_bytes(data)
        for opdracht in (["controleer"], ["bereken", "--json"]):
            uit, fout = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
                code = main([opdracht[0], str(pad), *opdracht[1:]])
            assert code in (0, 2), fout.getvalue()
            assert "Traceback" not in fout.getvalue() and "Interne fout" not in fout.getvalue()
            if code == 0 and opdracht[0] == "bereken":
                json.loads(uit.getvalue())  # geldige JSON, geen NaN/Infinity


# --- invarianten van het kostprijsmodel ------------------------------------------------------------

@INSTELLINGEN
@given(kostprijsinvoer(), st.data(), st.floats(0.01, 10))
def test_meer_fte_verlaagt_integrale_kosten_nooit(invoer, data, extra):
    i = data.draw(st.integers(0, len(invoer.personeel) - 1))
    regels = list(invoer.personeel)
    regels[i] = dataclasses.replace(regels[i], fte=regels[i].fte + extra)
    voor, na = bereken(invoer), bereken(dataclasses.replace(invoer, personeel=tuple(regels)))
    marge = 1e-9 * max(1.0, float(voor.integrale_kosten))
    assert na.integrale_kosten >= voor.integrale_kosten - marge
    product = regels[i].product
    for p_voor, p_na in zip(voor.producten, na.producten):
        if product in (OVERHEAD, p_voor.code):
            assert p_na.integrale_kosten >= p_voor.integrale_kosten - marge


@INSTELLINGEN
@given(kostprijsinvoer(), st.floats(0.05, 1), st.floats(0.05, 1))
def test_hogere_bezettingsnorm_verhoogt_kostprijs_per_etmaal_nooit(invoer, a, b):
    laag, hoog = sorted((a, b))
    bij_laag = bereken(invoer.met_scenario({"bezettingsnorm": laag}))
    bij_hoog = bereken(invoer.met_scenario({"bezettingsnorm": hoog}))
    for p_laag, p_hoog in zip(bij_laag.producten, bij_hoog.producten):
        if p_laag.product.eenheid == "etmaal":
            assert p_hoog.kostprijs <= p_laag.kostprijs * (1 + 1e-12)


def test_basis_van_de_eigenschappen_is_geldig():
    assert [p.code for p in BASISINVOER.producten] == [r[0] for r in BASIS["producten"]]


# --- invarianten van het landelijk model (tariefmodel/landelijk) -----------------------------------

from tariefmodel.capaciteit import erlang as capaciteit
from tariefmodel.landelijk import verdeelmodel


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 300), st.floats(0, 500, allow_nan=False))
def test_erlang_b_weigerkans_daalt_als_plaatsen_stijgen(plaatsen, last):
    minder, meer = capaciteit.erlang_b(plaatsen, last), capaciteit.erlang_b(plaatsen + 1, last)
    assert 0 <= meer <= minder <= 1
    if last > 0 and minder > 0:
        assert meer < minder


@st.composite
def verdeelinvoer(draw):
    regios = draw(st.integers(2, 35))
    maatstaven = draw(st.integers(1, 4))
    jaren = draw(st.integers(1, 6))
    positief = st.floats(1, 1e7, allow_nan=False)
    gewichten = np.array(draw(st.lists(st.floats(0.01, 1), min_size=maatstaven, max_size=maatstaven)))
    return {
        "jaren": list(range(2026, 2026 + jaren)),
        "budget": draw(st.lists(st.floats(1e6, 5e8), min_size=jaren, max_size=jaren)),
        "alfa": draw(st.lists(st.floats(0, 1), min_size=jaren, max_size=jaren)),
        "historisch": draw(st.lists(positief, min_size=regios, max_size=regios)),
        "aandelen": gewichten / gewichten.sum(),
        "maatstaven": np.array(draw(st.lists(st.lists(positief, min_size=maatstaven, max_size=maatstaven),
                                             min_size=regios, max_size=regios))),
        "max_verlies": draw(st.none() | st.floats(0, 1)),
    }


@settings(max_examples=200, deadline=None)
@given(verdeelinvoer())
def test_verdeling_telt_op_tot_het_budget(invoer):
    verdeling = verdeelmodel.verdeel(**invoer)
    for jaar, budget in enumerate(invoer["budget"]):
        assert math.isclose(float(verdeling.toegekend[jaar].sum()), budget, rel_tol=1e-9)
    assert np.all(verdeling.toegekend >= -1e-6 * max(invoer["budget"]))
