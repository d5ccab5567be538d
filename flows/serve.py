"""Scheduled re-ingestion: the run flow served as a deployment with a
schedule, on the Prefect server at PREFECT_API_URL.

Prefect's temporary server (what a plain `factwatch run` starts when no
server is configured) cannot schedule, so serving refuses to start without a
real server and says how to start one.
"""

from __future__ import annotations

import os
import re
import signal
import threading
from pathlib import Path

import httpx
from prefect.runner import Runner
from prefect.settings import PREFECT_API_URL

from errors import ConfigError
from flows.child_guard import children
from flows.pipeline import run_flow

HOW_TO_START = (
    "start one in another terminal with `prefect server start` (UI at http://127.0.0.1:4200), then "
    "`export PREFECT_API_URL=http://127.0.0.1:4200/api` and run `factwatch serve` again"
)


class ServeError(ConfigError, RuntimeError):
    """``factwatch serve`` cannot start: no Prefect server, or no schedule."""


def check_server() -> str:
    """The API URL of a reachable Prefect server, or ServeError saying what to do."""
    api = PREFECT_API_URL.value()
    if not api:
        raise ServeError(f"factwatch serve needs a Prefect server and PREFECT_API_URL is not set: {HOW_TO_START}")
    try:
        resp = httpx.get(api.rstrip("/") + "/health", timeout=5.0, trust_env=False)
        resp.raise_for_status()
    except httpx.HTTPError as exc:
        raise ServeError(f"no Prefect server answers at {api} ({exc}): {HOW_TO_START}") from None
    return api


def deployment_name(sources_file: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", sources_file.stem.lower()).strip("-") or "sources"
    return f"factwatch-{slug}"


def serve(sources_file: Path, data_dir: Path | str, *, cron: str | None, interval: float | None, lock_wait: float) -> None:
    """Register the deployment with its schedule and run its flow runs until SIGINT/SIGTERM."""
    if (cron is None) == (interval is None):
        raise ServeError("give exactly one of --cron EXPR or --interval SECONDS")
    check_server()
    name = deployment_name(sources_file)
    from store.filesystem import is_url

    data = str(data_dir) if is_url(str(data_dir)) else str(Path(data_dir).resolve())  # (a URL carries no secret)

    # SIGTERM: the schedule is paused first, so no run starts after the signal, then the
    # flow runs in progress are stopped and serving ends (exit 0). Prefect's runner installs
    # its own SIGTERM handler when it starts, one that can hang in its event loop and never
    # pauses: that handler is what is replaced, for the time of this call.
    def on_sigterm(runner, *args) -> None:
        pausing = threading.Thread(target=pause_deployment, args=(name,), daemon=True)
        pausing.start()
        pausing.join(15)
        for pid in children(os.getpid()):  # the flow runs in progress
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        os._exit(0)

    original = Runner.handle_sigterm
    Runner.handle_sigterm = on_sigterm
    try:
        run_flow.serve(
            name=name,
            cron=cron,
            interval=interval,
            parameters={"sources_file": str(sources_file.resolve()), "data_dir": data,
                        "lock_wait": lock_wait},
            description=f"factwatch: re-ingest the sources of {sources_file.resolve()} into {data}",
            tags=["factwatch"],
            pause_on_shutdown=True,
        )
    except KeyboardInterrupt:
        pass
    finally:
        Runner.handle_sigterm = original
        pause_deployment(name)


def pause_deployment(name: str) -> None:
    """Pause the schedule of deployment ``name`` of the run flow (best effort: the server may be gone)."""
    from prefect.client.orchestration import get_client

    try:
        with get_client(sync_client=True) as client:
            deployment = client.read_deployment_by_name(f"{run_flow.name}/{name}")
            client.pause_deployment(deployment.id)
    except Exception:  # noqa: BLE001 - stopping must not fail because the server did
        pass
