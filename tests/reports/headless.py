"""Headless Chromium driven over the DevTools protocol, for the browser tests.

Why the DevTools protocol and not ``--enable-logging=stderr``: stderr mixes
the page's console with Chromium's own noise (D-Bus, GPU, crash reporter),
drops messages below its log level, and says nothing about dialogs or
network requests. Over the protocol (a websocket; the ``websockets`` client
comes with Prefect) we get exactly the page's events: console calls
(``Runtime.consoleAPICalled``), uncaught exceptions (``Runtime.exceptionThrown``),
browser-side errors such as Content-Security-Policy violations and failed
loads (``Log.entryAdded``), JavaScript dialogs (``Page.javascriptDialogOpening``)
and every request the page makes (``Network.requestWillBeSent``).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
)
WIDTH, HEIGHT = 1280, 1600


def find_chromium() -> str | None:
    """$FACTWATCH_CHROMIUM if set (a path; an empty or missing one means none), else the first on PATH."""
    chosen = os.environ.get("FACTWATCH_CHROMIUM")
    if chosen is not None:
        return chosen if chosen and os.access(chosen, os.X_OK) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None


@dataclass
class PageLoad:
    url: str
    console: list[str] = field(default_factory=list)  # console.error/assert calls, exceptions, error log entries
    warnings: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    elements: dict[str, int] = field(default_factory=dict)  # tag -> count, from the live DOM


class BrowserError(RuntimeError):
    pass


class HeadlessChromium:
    def __init__(self, executable: str, timeout: float = 30.0):
        self.executable = executable
        self.timeout = timeout
        self._next = 0
        self._events: list[dict] = []

    def __enter__(self) -> HeadlessChromium:
        from websockets.sync.client import connect

        self._dir = Path(tempfile.mkdtemp(prefix="factwatch-chromium-"))
        self._log = open(self._dir / "stderr.log", "wb")
        self.proc = subprocess.Popen(
            [self.executable, *FLAGS, f"--user-data-dir={self._dir / 'profile'}", "--remote-debugging-port=0",
             f"--window-size={WIDTH},{HEIGHT}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=self._log, stdin=subprocess.DEVNULL,
        )
        port_file = self._dir / "profile" / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.__exit__(None, None, None)
                raise BrowserError(f"chromium did not start: {self.stderr()[-2000:]}")
            time.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        self.ws = connect(f"ws://127.0.0.1:{port}{path}", max_size=None, open_timeout=self.timeout)
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.call(f"{domain}.enable", session=True)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False}, session=True)
        return self

    def __exit__(self, *exc) -> None:
        ws = getattr(self, "ws", None)
        if ws is not None:
            ws.close()
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._log.close()
        shutil.rmtree(self._dir, ignore_errors=True)

    def stderr(self) -> str:
        self._log.flush()
        return (self._dir / "stderr.log").read_text(errors="replace")

    # -- protocol

    def call(self, method: str, params: dict | None = None, session: bool = False) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        self.ws.send(json.dumps(msg))
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._recv(deadline - time.monotonic())
            if reply is None:
                raise BrowserError(f"{method}: no reply in {self.timeout} s")
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def _recv(self, timeout: float) -> dict | None:
        try:
            raw = self.ws.recv(timeout=max(timeout, 0.0))
        except TimeoutError:
            return None
        msg = json.loads(raw)
        if "method" in msg:
            self._events.append(msg)
            if msg["method"] == "Page.javascriptDialogOpening":  # never leave the page blocked on a dialog
                self.ws.send(json.dumps({"id": 0, "method": "Page.handleJavaScriptDialog",
                                         "params": {"accept": False}, "sessionId": self.session}))
        return msg

    def _wait_for(self, method: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while True:
            if any(e["method"] == method for e in self._events):
                return True
            if self._recv(deadline - time.monotonic()) is None:
                return False

    # -- what the tests use

    def load(self, path: Path, settle: float = 0.5) -> PageLoad:
        """Open ``path`` and report what the page did while loading (and ``settle`` seconds after)."""
        self._events = []
        url = Path(path).resolve().as_uri()
        self.call("Page.navigate", {"url": url}, session=True)
        if not self._wait_for("Page.loadEventFired", self.timeout):
            raise BrowserError(f"{url} did not finish loading in {self.timeout} s")
        deadline = time.monotonic() + settle
        while self._recv(deadline - time.monotonic()) is not None:
            pass
        out = PageLoad(url=url)
        for e in self._events:
            p = e.get("params", {})
            m = e["method"]
            if m == "Runtime.consoleAPICalled":
                text = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
                (out.console if p.get("type") in ("error", "assert") else out.warnings).append(f"console.{p.get('type')}: {text}")
            elif m == "Runtime.exceptionThrown":
                d = p.get("exceptionDetails", {})
                out.console.append(f"exception: {d.get('exception', {}).get('description') or d.get('text')}")
            elif m == "Log.entryAdded":
                entry = p.get("entry", {})
                line = f"{entry.get('source')} {entry.get('level')}: {entry.get('text')}"
                (out.console if entry.get("level") == "error" else out.warnings).append(line)
            elif m == "Page.javascriptDialogOpening":
                out.dialogs.append(f"{p.get('type')}: {p.get('message')}")
            elif m == "Network.requestWillBeSent":
                out.requests.append(p.get("request", {}).get("url", ""))
        counts = self.call("Runtime.evaluate", {
            "expression": "JSON.stringify(Object.fromEntries(['script','img','iframe','object','embed','a','svg','mark',"
                          "'section'].map(t => [t, document.getElementsByTagName(t).length])))",
            "returnByValue": True,
        }, session=True)
        out.elements = json.loads(counts["result"]["value"])
        return out

    def screenshot(self, path: Path) -> bytes:
        data = base64.b64decode(self.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"])
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(data)
        return data
