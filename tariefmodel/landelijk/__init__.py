"""Landelijk model (rekenmethode.md §2): DUVO-besteding, verdeelmodel, capaciteit, bovenregionale plaatsingen.

Publieke ingangen:
- ``bereken_landelijk(invoer) -> LandelijkResultaat`` (berekening.py)
- ``naar_json(resultaat) -> dict`` (rapportage.py, sleutels volgens werkboekformaat.md)
- bouwstenen per paragraaf: ``verdeelmodel``, ``capaciteit``, ``duvo``, ``plaatsingen``; ``bundel`` voor
  het optellen van kostprijswerkboeken.
"""

from tariefmodel.landelijk.berekening import LandelijkResultaat, RegioResultaat, bereken_landelijk
from tariefmodel.landelijk.rapportage import naar_json

__all__ = ["LandelijkResultaat", "RegioResultaat", "bereken_landelijk", "naar_json"]
