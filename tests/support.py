"""Test helpers: repo and eval-data paths and a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# the public eval data: ../shared beside the repository (FACTWATCH_SHARED overrides it, e.g. for a worktree elsewhere)
SHARED = Path(os.environ.get("FACTWATCH_SHARED") or REPO / ".." / "shared").resolve()
EXAMPLES = REPO / "examples" / "pages"
NATO_PAGE = EXAMPLES / "000_d540749bced65822.txt"
MFAT_PAGE = EXAMPLES / "003_74ff5ea0b7a0eaf4.txt"


def needs_shared(*paths: Path) -> pytest.MarkDecorator:
    """Skip (as a module's ``pytestmark`` or a test's mark) unless every path of the eval data is there."""
    missing = [p for p in paths if not p.exists()]
    reason = f"{missing[0]} not found (../shared beside the repo, or FACTWATCH_SHARED)" if missing else ""
    return pytest.mark.skipif(bool(missing), reason=reason)


def seed_sources(folder: Path) -> Path:
    """The two seed pages copied to ``folder/pages`` and a sources.toml listing them."""
    (folder / "pages").mkdir()
    for p in (NATO_PAGE, MFAT_PAGE):
        shutil.copy(p, folder / "pages" / p.name)
    (folder / "sources.toml").write_text(
        f'[[sources]]\nid = "nato-nz"\npath = "pages/{NATO_PAGE.name}"\n'
        f'[[sources]]\nid = "mfat-nato"\npath = "pages/{MFAT_PAGE.name}"\n'
    )
    return folder / "sources.toml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class PrefectServer:
    api: str
    env: dict[str, str]  # this process's environment at its start, with its PREFECT_API_URL


class StartedPrefectServer:
    """`prefect server start` on a free port of 127.0.0.1 with its database in ``home``, started at once;
    ``ready()`` waits for its health check, ``stop()`` stops it (its process group)."""

    def __init__(self, home: Path, **settings: str) -> None:
        port = free_port()
        self.api = f"http://127.0.0.1:{port}/api"
        self.env = os.environ | {"PREFECT_API_URL": self.api, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
        server_env = self.env | {"PREFECT_HOME": str(home), "PREFECT_UI_ENABLED": "false"} | settings
        home.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([str(Path(sys.executable).with_name("prefect")), "server", "start", "--host",
                                      "127.0.0.1", "--port", str(port)], env=server_env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
        self._started = time.monotonic()
        self._stopped = False

    def ready(self, timeout: float = 180) -> PrefectServer:
        import httpx

        deadline = self._started + timeout
        while True:
            try:
                if httpx.get(f"{self.api}/health", timeout=2).status_code == 200:
                    return PrefectServer(self.api, self.env)
            except httpx.HTTPError:
                pass
            assert self.proc.poll() is None, "Prefect server exited"
            assert time.monotonic() < deadline, "Prefect server did not start"
            time.sleep(0.2)

    def stop(self) -> None:
        if not self._stopped:  # (once: its process group's id is free for reuse afterwards)
            self._stopped = True
            stop_group(self.proc, grace=10)  # (a test server: its database is thrown away)


def stop_group(proc: subprocess.Popen, grace: float = 30) -> None:
    """Stop a process started with ``start_new_session=True`` and all its group: SIGTERM, ``grace``
    seconds, then SIGKILL (also for what the group still holds once the leader is gone)."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10)):
        if proc.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(wait)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def wait_for(path: Path, proc: subprocess.Popen, timeout: float, poll: float) -> None:
    """Wait for ``path`` to appear while ``proc`` (a run with stderr piped) is still going."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        assert proc.poll() is None, f"run ended before {path.name}: {proc.stderr.read()[-3000:]}"
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(poll)


def every_other_page(pages: list, count: int) -> list:
    """A gate's fixed subset of a labelled set: every second page by id (``count`` of them)."""
    chosen = sorted(p.page_id for p in pages)[::2]
    assert len(chosen) == count
    return [p for p in pages if p.page_id in chosen]


def read_statements(text: str, models, anchor) -> list:
    """The dated statements of a text, through the real model, sentence by sentence."""
    from extractors.coreference import UNTYPED, page_discourse
    from extractors.document import parsed_text
    from extractors.events import group_dates_by_sentence, statements_from_parse
    from extractors.reading import read_texts
    from extractors.roles import sentence_names
    from extractors.timex import date_mentions

    (reading,) = read_texts([text], models.reader)
    dated = [(sentence, dates, models.parser(parsed_text(text[sentence[0]:sentence[1]])))
             for sentence, dates in group_dates_by_sentence(reading.sentences, date_mentions(text, anchor))]
    names = [m for (s, _), _, parsed in dated for m in sentence_names(parsed, s, ()) if m.label == UNTYPED
             and not any(n.char_start < m.char_end and m.char_start < n.char_end for n in reading.mentions)]
    discourse = page_discourse(reading.sentences, [*reading.mentions, *names], reading.acronyms, text)
    out = []
    for sentence, dates, parsed in dated:
        out.extend(statements_from_parse(text, sentence, parsed, dates, reading.mentions, discourse=discourse))
    return out


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class _QuietServer(ThreadingHTTPServer):
    """A client that drops a kept-alive connection is normal (the fetcher closes what it no longer
    needs); socketserver would print that reset as a traceback into the output a test inspects."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            super().handle_error(request, client_address)


class PageServer:
    """Serves a dict of routes on a free loopback port; routes can change between requests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    reply = Reply(404, b"not found", {"Content-Type": "text/plain"})
                elif callable(route):
                    reply = route(self)
                    if reply is None:
                        return
                else:
                    reply = route
                self.send_response(reply.status)
                headers = {"Content-Length": str(len(reply.body))} | reply.headers
                for k, v in headers.items():
                    self.send_header(k, v)
                self.end_headers()
                if reply.body:
                    try:
                        self.wfile.write(reply.body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

            def log_message(self, *args) -> None:
                pass

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> PageServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
