"""Gezondheidscontrole van de container (HEALTHCHECK): exit 0 als Streamlit op /_stcore/health 'ok' antwoordt.

De poort komt uit STREAMLIT_SERVER_PORT (standaard 8501), zodat de controle past bij een andere poort.
"""

import os
import sys
import urllib.request

POORT = os.environ.get("STREAMLIT_SERVER_PORT", "8501")

try:
    with urllib.request.urlopen(f"http://127.0.0.1:{POORT}/_stcore/health", timeout=4) as antwoord:
        sys.exit(0 if antwoord.status == 200 else 1)
except OSError:
    sys.exit(1)
