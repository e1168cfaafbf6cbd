"""Oud importpad: het getallen-lezen staat nu in ``tariefmodel.getallen`` (neutraal: cellen én ``--zet``)."""

from tariefmodel.getallen import *
from tariefmodel.getallen import GeenGetal, is_excel_fout, is_leeg, lees_getal  # noqa: F401
