"""De benoemde grenzen (tariefmodel/grenzen.py) als pydantic-controle op een kolom van een werkboekregel."""

from __future__ import annotations

from pydantic import AfterValidator

from tariefmodel.grenzen import Grens


def binnen(grens: Grens) -> AfterValidator:
    """Weiger een waarde buiten ``grens`` met de Nederlandse uitleg en de reden (leeg mag: None blijft None)."""

    def controleer(waarde):
        if waarde is not None and (fout := grens.fout(waarde)):
            raise ValueError(fout)
        return waarde

    return AfterValidator(controleer)
