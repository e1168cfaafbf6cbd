"""Verouderde naam: gebruik ``tariefmodel.landelijk.berekening`` (of ``from tariefmodel.landelijk import ...``).

Blijft bestaan zodat code die ``tariefmodel.landelijk.model`` importeert blijft werken.
"""

from tariefmodel.landelijk.berekening import (
    CapaciteitLandelijk,
    LandelijkResultaat,
    PlaatsingenLandelijk,
    RegioResultaat,
    bereken_landelijk,
    parameters_van,
)

__all__ = ["CapaciteitLandelijk", "LandelijkResultaat", "PlaatsingenLandelijk", "RegioResultaat",
           "bereken_landelijk", "parameters_van"]
