"""De tegelkaart: meegeleverde gegevens (35 centrumgemeenten, elk één tegel) en een altair-spec met legenda."""

from __future__ import annotations

from tariefmodel import grafieken
from tariefmodel.kaart import tegelkaart, tegels
from tariefmodel.landelijk.centrumgemeenten import CENTRUMGEMEENTEN


def test_elke_centrumgemeente_een_eigen_tegel():
    t = tegels()
    assert sorted(t["centrumgemeente"]) == sorted(CENTRUMGEMEENTEN) and len(t) == 35
    assert len(set(zip(t["rij"], t["kolom"]))) == 35  # geen twee tegels op dezelfde plek
    noord = dict(zip(t["centrumgemeente"], t["rij"]))
    west = dict(zip(t["centrumgemeente"], t["kolom"]))
    assert noord["Groningen"] < noord["Utrecht"] < noord["Maastricht"]  # grof geografisch
    assert west["Den Haag"] < west["Utrecht"] < west["Enschede"]


def test_kaart_met_legenda_en_nederlandse_notatie():
    spec = tegelkaart({"Zwolle": -1234.0, "Breda": 250_000.0}, "Tekort", divergerend=True).to_dict()
    assert spec["config"]["locale"]["number"]["decimal"] == ","
    kleur = next(laag["encoding"]["color"] for laag in spec["layer"] if laag["encoding"].get("color", {}).get("field"))
    assert kleur["legend"]["format"] == grafieken.EURO_AS and kleur["title"] == "Tekort"
    data = {d["centrumgemeente"]: d for d in next(iter(spec["datasets"].values()))}
    assert data["Zwolle"]["tekst"] == "€\xa0-1.234" and data["Breda"]["tekst"] == "€\xa0250.000"
    assert data["Venlo"]["tekst"] == "–" and data["Venlo"]["tip"] == "geen gegevens"
