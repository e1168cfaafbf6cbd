"""Opbouw van de kostprijs per eenheid in stappen, zoals de Rekentool Wmo (rekenmethode.md, inleiding).

loon -> CAO-opslagen -> werkgeverslasten -> materiële kosten -> productiviteit/bezetting -> overhead
-> risico = kostprijs. De eerste vier stappen delen door de bruto capaciteit (opvang: plaatsen x dagen,
ambulant: betaalde uren = fte x jaaruren); 'productiviteit' is het verschil met delen door het
normvolume (bezettingsnorm, resp. directe uren). De stappen tellen exact op tot de kostprijs.
"""

from __future__ import annotations

from tariefmodel.kostprijs.berekening import ProductResultaat

STAPPEN = ("Loon", "CAO-opslagen", "Werkgeverslasten", "Materiële kosten", "Productiviteit", "Overhead", "Risico")


def opbouw(p: ProductResultaat, parameters) -> list[tuple[str, float]]:
    """[(stap, bedrag per eenheid)] die optellen tot p.kostprijs."""
    if p.product.soort == "opvang":
        bruto = p.product.plaatsen * parameters["dagen_per_jaar"]
    else:
        bruto = p.fte * parameters["jaaruren"]
    factor = p.product.uren_per_traject if p.product.eenheid == "traject" else 1.0
    per_bruto = [p.jaarsalaris, p.cao_opslagen, p.werkgeverslasten, p.overige_directe_kosten]
    waarden = [w / bruto * factor for w in per_bruto]
    waarden.append(p.directe_kosten / p.normvolume * factor - p.directe_kosten / bruto * factor)
    waarden.append(p.overhead / p.normvolume * factor)
    waarden.append(p.risico / p.normvolume * factor)
    return list(zip(STAPPEN, waarden))
