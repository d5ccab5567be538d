"""The Prefect layer and the ``factwatch`` CLI. The only package that imports
Prefect; it wires the pure stages of ``extractors``, ``facts`` and ``store``."""

import os

# No usage analytics from a pipeline that runs on a schedule unattended.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
