"""De vectoriële weg (``bereken``, kostprijs/vectorieel.py) en de uitgelegde weg (``bereken_uitgelegd``: per
personeelsregel de loonopbouw van §1.1, dan de sommen van §1.3) geven dezelfde cijfers (issue 17).

Equivalentie, geen vastgelegde uitvoer: elke uitkomst wordt vergeleken met de stap-voor-stap-berekening. De
twee wegen tellen deels anders op (de sommen per product lopen in regelvolgorde, maar werkgeverslasten per
product in plaats van per regel); het verschil mag daarom alleen afrondingsruis zijn: relatief ≤ 1e-12 (of
absoluut ≤ een miljoenste euro bij een verschil van grote getallen), en de cijfers
zoals ze gerapporteerd worden (JSON, de tarieftabel van `bereken`) zijn gelijk.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tariefmodel.kostprijs.berekening import bereken, bereken_uitgelegd
from tariefmodel.kostprijs.bezetting import weigerkans_bij_bezetting
from tariefmodel.kostprijs.invoer import OVERHEAD, Kostenregel, Personeelsregel, Product
from tariefmodel.kostprijs.rapportage import naar_json
from tariefmodel.opdrachten.kostprijs import tariefoverzicht
from tariefmodel.voorbeelden import voorbeeld_kostprijs
from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

RUIS = 1e-12
AFSTAND = 1e-6  # absoluut, in euro's: verschillen als risico = I − D − OH heffen grote getallen op
VOORBEELD = lees_kostprijswerkboek(voorbeeld_kostprijs(), "voorbeeld.xlsx")


def gelijk(a, b) -> bool:
    if a is None or b is None or isinstance(a, (str, bool, Product)):
        return a == b
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return bool(np.all((np.isnan(a) & np.isnan(b)) | np.isclose(a, b, rtol=RUIS, atol=AFSTAND)))


def vergelijk(invoer, parameters=None) -> None:
    v, u = bereken(invoer, parameters), bereken_uitgelegd(invoer, parameters)
    for pv, pu in zip(v.producten, u.producten, strict=True):
        for veld in dataclasses.fields(pu):
            assert gelijk(getattr(pv, veld.name), getattr(pu, veld.name)), (pu.code, veld.name)
    for naam in ("overhead_pool", "overhead_pool_personeel", "som_directe_kosten", "integrale_kosten"):
        assert gelijk(getattr(v, naam), getattr(u, naam)), naam
    assert v.regels == u.regels  # de regels van de vectoriële uitkomst zijn de uitgelegde opbouw zelf


def afgerond(x):
    """JSON met elk getal op 6 decimalen (ruim onder de cent; de afrondingsruis valt weg)."""
    if isinstance(x, float):
        return round(x, 6)
    if isinstance(x, dict):
        return {k: afgerond(w) for k, w in x.items()}
    if isinstance(x, list):
        return [afgerond(w) for w in x]
    return x


def test_voorbeeld_zelfde_cijfers_en_zelfde_rapportage():
    vergelijk(VOORBEELD)
    assert afgerond(naar_json(bereken(VOORBEELD))) == afgerond(naar_json(bereken_uitgelegd(VOORBEELD)))
    assert tariefoverzicht(bereken(VOORBEELD)) == tariefoverzicht(bereken_uitgelegd(VOORBEELD))


def test_voorbeeld_met_normmethode_en_weigerkans():
    vergelijk(VOORBEELD.met_scenario({"overhead_methode": "norm", "bezettingsnorm_methode": "weigerkans"}))


def test_scenario_arrays_gelijk_aan_elk_scenario_apart():
    """10 scenario's in één aanroep (ook vakantietoeslag, dus per regel × scenario) == elk apart uitgelegd."""
    rng = np.random.default_rng(17)
    arrays = {"sociale_premies": rng.uniform(0.16, 0.19, 10), "vakantietoeslag": rng.uniform(0.07, 0.09, 10),
              "bezettingsnorm": rng.uniform(0.75, 0.98, 10), "verzuim": rng.uniform(0.03, 0.1, 10)}
    samen = bereken(VOORBEELD, arrays)
    for i in range(10):
        apart = bereken_uitgelegd(VOORBEELD, {n: float(w[i]) for n, w in arrays.items()})
        for ps, pa in zip(samen.producten, apart.producten, strict=True):
            for naam in ("kostprijs", "integrale_kosten", "loonkosten", "werkgeverslasten", "weigerkans_bij_norm"):
                w = getattr(ps, naam)
                assert gelijk(None if w is None else np.broadcast_to(w, (10,))[i], getattr(pa, naam)), (pa.code, naam)


def test_weigerkans_reeks_gelijk_aan_scalaire_bisectie():
    """Newton over een array (scenario's) == de scalaire bisectie per waarde (§2.4a), tot op 1e-9."""
    normen = np.array([0.0, 0.1, 0.5, 0.85, 0.97, 0.999, 1.0, 1.2])
    for plaatsen in (1, 3, 12, 80):
        reeks = weigerkans_bij_bezetting(plaatsen, normen)
        for b, w in zip(normen, reeks, strict=True):
            assert math.isclose(w, weigerkans_bij_bezetting(plaatsen, float(b)), rel_tol=1e-9, abs_tol=1e-12)


schaal = st.none() | st.sampled_from(["3", "5", "6", "7", "8", "9", "10", "11", "A"])


@st.composite
def invoer_met_personeel(draw):
    """Het voorbeeld met willekeurige producten-indeling, salarissen (ook boven het ORT- en premieplafond),
    ORT, schalen (arbeidsmarkttoeslag of niet) en kosten."""
    codes = [p.code for p in VOORBEELD.producten] + [OVERHEAD]
    regels = draw(st.lists(st.builds(
        Personeelsregel, st.just("Functie"), st.sampled_from(codes), st.floats(0.05, 30),
        st.floats(1500, 20_000), st.floats(0, 0.5), schaal), min_size=1, max_size=60))
    # elk product minstens één regel met fte > 0 (anders deelt §1.6 door 0 uren, in beide wegen)
    regels += [Personeelsregel("Basis", p.code, 1.0, 3000.0) for p in VOORBEELD.producten]
    kosten = draw(st.lists(st.builds(Kostenregel, st.sampled_from(codes), st.just("overig"),
                                     st.floats(0, 2_000_000)), max_size=8))
    parameters = {"overhead_methode": draw(st.sampled_from(["werkelijk", "norm"])),
                  "risico_opslag": draw(st.floats(0, 0.1)), "bezettingsnorm": draw(st.floats(0.5, 0.99))}
    return dataclasses.replace(VOORBEELD, personeel=tuple(regels), kosten=tuple(kosten)).met_scenario(parameters)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(invoer_met_personeel())
def test_willekeurige_personeelsregels_zelfde_cijfers(invoer):
    vergelijk(invoer)


def test_som_per_code_telt_bedragen_per_product_op():
    """§1.3 som bedrag per product, met de hand: A = 100 + 250,5 = 350,5; OVERHEAD = 80; B = 0."""
    from tariefmodel.kostprijs.vectorieel import som_per_code

    kosten = [Kostenregel("A", "huur", 100.0), Kostenregel(OVERHEAD, "ICT", 80.0), Kostenregel("A", "overig", 250.5),
              Kostenregel("B", "overig", 0.0)]
    assert som_per_code(kosten, "bedrag") == {"A": 350.5, OVERHEAD: 80.0, "B": 0.0}
    assert som_per_code([], "bedrag") == {}


def test_regeltabel_kolommen_en_productindex():
    """Elke regel zijn eigen waarden; product → index (OVERHEAD = aantal producten, onbekend daarna), Schaal als
    getal ('8' → 8, ' 9,5 ' → 9,5, geen of 'A' → NaN)."""
    from tariefmodel.kostprijs.vectorieel import maak_regeltabel

    codes = [p.code for p in VOORBEELD.producten]
    regels = (Personeelsregel("x", codes[1], 0.5, 3000.0, 0.1, "8"), Personeelsregel("y", OVERHEAD, 1.0, 4000.0),
              Personeelsregel("z", "ONBEKEND", 2.0, 5000.0, 0.0, " 9,5 "), Personeelsregel("w", codes[1], 1.5, 2000.0,
                                                                                            0.0, "A"))
    t = maak_regeltabel(dataclasses.replace(VOORBEELD, personeel=regels))
    n = len(codes)
    assert t.product.tolist() == [1, n, n + 1, 1] and t.groepen == n + 2
    assert t.overhead.tolist() == [False, True, False, False]
    assert t.fte.tolist() == [0.5, 1.0, 2.0, 1.5] and t.jaarsalaris.tolist() == [36_000.0, 48_000.0, 60_000.0, 24_000.0]
    assert t.ort.tolist() == [0.1, 0.0, 0.0, 0.0]
    assert t.schaal[[0, 2]].tolist() == [8.0, 9.5] and np.isnan(t.schaal[[1, 3]]).all()
    assert t.som(t.fte)[1] == 2.0 and t.som(t.fte)[n] == 1.0  # 0,5 + 1,5 fte bij product 1
    sommen = t.som(np.stack([t.fte, t.jaarsalaris], axis=1))  # twee kolommen tegelijk, ook (regels, 2, 3)
    assert sommen[1].tolist() == [2.0, 60_000.0] and sommen[n + 1].tolist() == [2.0, 60_000.0]
    assert sommen[0].tolist() == [0.0, 0.0]  # product zonder regels
    drie = t.som(np.stack([t.fte, t.jaarsalaris], axis=1)[:, :, None] * np.array([1.0, 2.0, 3.0]))
    assert drie.shape == (n + 2, 2, 3) and drie[1, 1].tolist() == [60_000.0, 120_000.0, 180_000.0]
