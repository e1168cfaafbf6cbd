"""Auditeerbare exports: Excel-werkboeken met live formules (FAST-opzet, architectuur.md).

``exporteer_kostprijs(resultaat) -> bytes`` (rekenmethode.md §1),
``exporteer_scenario(basis, scenario, naam="") -> bytes`` (met blad Scenario: basis / scenario / verschil) en
``exporteer_landelijk(resultaat) -> bytes`` (§2).
"""

from tariefmodel.export.kostprijs import exporteer_kostprijs, exporteer_scenario
from tariefmodel.export.landelijk import exporteer_landelijk

__all__ = ["exporteer_kostprijs", "exporteer_landelijk", "exporteer_scenario"]
