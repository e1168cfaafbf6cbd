"""Verzamelt de met de hand uitgewerkte rekengevallen in tests/gevallen/*.yaml als pytest-tests.

Naar het voorbeeld van openfisca: elk geval heeft naam, invoer, verwachte uitvoer en een marge.
Soorten: loon (§1.1), uren (§1.2), werkboek (volledig werkboek -> bereken --json, §1.1-1.8).
"""

from __future__ import annotations

import math
import os

import pytest
import yaml

from tests.hulp.werkboeken import maak_kostprijswerkboek


def pytest_collect_file(parent, file_path):
    if file_path.suffix == ".yaml" and file_path.parent.name == "gevallen":
        return GevallenBestand.from_parent(parent, path=file_path)
    return None


class GevallenBestand(pytest.File):
    def collect(self):
        for geval in yaml.safe_load(self.path.read_text(encoding="utf-8")):
            yield Geval.from_parent(self, name=geval["naam"], geval=geval)


class Geval(pytest.Item):
    def __init__(self, *, geval, **kwargs):
        super().__init__(**kwargs)
        self.geval = geval

    def runtest(self):
        berekend = _REKEN[self.geval["soort"]](self.geval)
        vergelijk(self.geval["uitvoer"], berekend, self.geval.get("marge", 0), pad=self.name)

    def reportinfo(self):
        return self.path, 0, f"geval: {self.name}"


def _loon(geval):
    from tariefmodel.kostprijs.loon import loonopbouw

    i = geval["invoer"]
    return vars(loonopbouw(i["maandsalaris"], i["ort"], geval["parameters"], toeslag=i.get("toeslag", False),
                           ort_grens=i.get("ort_grens")))


def _salaris(geval):
    from tariefmodel.cao_tabellen import cao_stijging_uit_tabellen
    from tariefmodel.kostprijs.salaris import jaargemiddelde

    i = geval["invoer"]
    g = jaargemiddelde(str(i["schaal"]), str(i["trede"]), i["jaar"])
    return {"maandsalaris": g.bedrag, "doorgetrokken_maanden": len(g.doorgetrokken),
            "cao_stijging": cao_stijging_uit_tabellen(i["jaar"])}


def _feestdagen(geval):
    from tariefmodel.kalender import feestdagen_op_werkdag, feestdaguren

    jaar = geval["invoer"]["jaar"]
    return {"uren": feestdaguren(jaar, geval["invoer"]["uren_per_feestdag"]),
            "datums": [d for d, _ in feestdagen_op_werkdag(jaar)]}


def _erlang(geval):
    from tariefmodel.kostprijs.bezetting import rho_ster, weigerkans_bij_bezetting

    i = geval["invoer"]
    return {"rho_ster": rho_ster(i["plaatsen"], i["doel"]),
            "weigerkans_bij_85": weigerkans_bij_bezetting(i["plaatsen"], 0.85)}


def _uren(geval):
    from tariefmodel.kostprijs.uren import uren_per_fte

    u = uren_per_fte(geval["parameters"])
    return {**vars(u), "fte_per_24_7_post": u.fte_per_24_7_post}


def _werkboek(geval):
    from tariefmodel.kostprijs.berekening import bereken
    from tariefmodel.kostprijs.rapportage import naar_json
    from tariefmodel.werkboek.kostprijs import lees_kostprijswerkboek

    invoer = lees_kostprijswerkboek(maak_kostprijswerkboek(**geval["werkboek"]), "geval.xlsx")
    uit = naar_json(bereken(invoer.met_scenario(geval.get("zet"))))
    uit["producten"] = {p["code"]: p for p in uit["producten"]}
    jaren: dict = {}
    for j in uit["meerjaren"]:
        jaren.setdefault(j["code"], {})[j["jaar"]] = j
    uit["meerjaren"] = jaren
    return uit


_REKEN = {"loon": _loon, "uren": _uren, "werkboek": _werkboek, "salaris": _salaris, "feestdagen": _feestdagen,
          "erlang": _erlang}


def vergelijk(verwacht, berekend, marge, pad=""):
    """Elke verwachte sleutel moet bestaan en (binnen de marge) gelijk zijn; None moet None zijn."""
    if isinstance(verwacht, dict):
        assert isinstance(berekend, dict), f"{pad}: verwacht een tabel, kreeg {berekend!r}"
        for sleutel, waarde in verwacht.items():
            assert sleutel in berekend, f"{pad}: sleutel {sleutel!r} ontbreekt"
            vergelijk(waarde, berekend[sleutel], marge, f"{pad}.{sleutel}")
    elif isinstance(verwacht, (int, float)) and not isinstance(verwacht, bool):
        assert berekend is not None, f"{pad}: verwacht {verwacht}, kreeg None"
        assert math.isclose(float(berekend), verwacht, abs_tol=marge, rel_tol=1e-6 if marge < 0.01 else 0), \
            f"{pad}: verwacht {verwacht}, berekend {berekend}"
    else:
        assert berekend == verwacht, f"{pad}: verwacht {verwacht!r}, kreeg {berekend!r}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI (TARIEFMODEL_CI=1) mag geen test worden overgeslagen: een skip wordt een fout.

    Zo verbergt een ontbrekende chromium of LibreOffice nooit stil een browser- of herberekeningstest.
    """
    uitkomst = yield
    rapport = uitkomst.get_result()
    if os.environ.get("TARIEFMODEL_CI") and rapport.skipped and not hasattr(rapport, "wasxfail"):
        rapport.outcome = "failed"
        rapport.longrepr = f"overgeslagen in CI, dat mag niet: {rapport.longrepr}"
