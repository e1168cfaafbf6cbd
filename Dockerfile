# tariefmodel als container, voor een organisatie die de app voor collega's host
# (README.md, 'Installeren bij uw organisatie'):
#   docker build -t tariefmodel .
#   docker run --rm -p 8501:8501 tariefmodel          # dan: open http://localhost:8501
# Alleen wat de app nodig heeft (geen test- of ontwikkelgereedschap), als gewone gebruiker, zonder telemetrie.
# scripts/container_stappen.sh speelt deze stappen na in een schone venv als er geen container-engine is.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_CLIENT_SHOW_ERROR_DETAILS=none

RUN useradd --create-home --uid 10001 --user-group --shell /usr/sbin/nologin tariefmodel

WORKDIR /app
COPY pyproject.toml README.md requirements.lock* ./
COPY tariefmodel ./tariefmodel
RUN if [ -f requirements.lock ]; then pip install -c requirements.lock '.[login]'; else pip install '.[login]'; fi
COPY app.py ./
COPY paginas ./paginas
COPY workbooks/voorbeeld_kostprijs.xlsx workbooks/voorbeeld_landelijk.xlsx ./workbooks/
COPY .streamlit/config.toml ./.streamlit/
COPY scripts/gezondheid.py ./scripts/
RUN python -m compileall -q app.py paginas tariefmodel

# De code is van root en alleen leesbaar voor de app: hij schrijft niets, geüploade werkboeken blijven in het geheugen.
USER tariefmodel
EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "scripts/gezondheid.py"]
CMD ["streamlit", "run", "app.py"]
