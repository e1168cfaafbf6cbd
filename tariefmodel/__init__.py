"""tariefmodel: kostendekkende tarieven en DUVO-analyses voor de vrouwenopvang."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tariefmodel")
except PackageNotFoundError:  # pragma: no cover - broncheckout zonder installatie
    __version__ = "0.0.0"
