"""Opdrachten van de opdrachtregel; elke module heeft ``registreer(subparsers)``."""
