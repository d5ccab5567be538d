"""The Prefect layer and the ``factwatch`` CLI. The only package that imports
Prefect; it wires the pure stages of ``extractors``, ``facts`` and ``store``."""
