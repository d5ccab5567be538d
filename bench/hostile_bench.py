"""Peak memory and time of whole runs against hostile pages (not part of `make test`).

Serves on 127.0.0.1: a page with 50,000 dates (2.7 MB), 1 MB of text without
sentence punctuation, a gzip bomb, a nested gzip bomb, a gzip-bombed
robots.txt and a server trickling one byte at a time; runs `factwatch run`
over each (one source per run, default settings but ``timeout``) in a
subprocess and prints its wall time and the peak RSS of its largest process.

    .venv/bin/python bench/hostile_bench.py [--timeout 3] [--only NAME]

The last line is one JSON object: {name: {"seconds", "peak_mb", "exit"}}.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import PageServer, Reply  # noqa: E402

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
HTML = {"Content-Type": "text/html; charset=utf-8"}


def pages() -> dict[str, Reply]:
    dated = "".join(f"<p>The council met on {1 + i % 28} March {1950 + i % 70} about item {i}.</p>"
                    for i in range(50_000))
    run_on = " ".join(f"word{i} Testland" for i in range(70_000))
    bomb = gzip.compress(b"<p>" + b"a" * 200_000_000, 9)
    return {
        "dates-50k": Reply(200, f"<html><body><main>{dated}</main></body></html>".encode(), HTML),
        "no-punctuation-1mb": Reply(200, f"<html><body><main><p>{run_on}</p></main></body></html>".encode(), HTML),
        "gzip-bomb": Reply(200, bomb, HTML | {"Content-Encoding": "gzip"}),
        "nested-gzip-bomb": Reply(200, gzip.compress(bomb, 9), HTML | {"Content-Encoding": "gzip, gzip"}),
    }


def trickle(handler):
    w = handler.wfile
    try:
        w.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n\r\n")
        end = time.monotonic() + 120
        while time.monotonic() < end:
            w.write(b"a")
            w.flush()
            time.sleep(0.5)
    except OSError:
        pass
    handler.close_connection = True


def run_one(name: str, url: str, timeout: float, robots: bool, env: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        sources.write_text(f"[settings]\nrobots = {str(robots).lower()}\nretries = 0\ntimeout = {timeout}\n"
                           f"allow_networks = [\"127.0.0.0/8\"]\n\n[[sources]]\nid = \"{name}\"\nurl = \"{url}\"\n")
        start = time.monotonic()
        # a fresh parent per run: RUSAGE_CHILDREN's peak is then this run's (its largest process)
        proc = subprocess.run([sys.executable, "-c", _MEASURE, FACTWATCH, "run", "--sources", str(sources), "--data",
                               str(Path(tmp) / "data"), "--quiet"], env=env, capture_output=True, text=True)
        seconds = time.monotonic() - start
    code, peak_kb = (int(x) for x in proc.stdout.split()[-2:])
    return {"seconds": round(seconds, 1), "peak_mb": round(peak_kb / 1024), "exit": code,
            "stderr": proc.stderr.strip().splitlines()[-1:] if proc.stderr.strip() else []}


_MEASURE = ("import resource, subprocess, sys; p = subprocess.run(sys.argv[1:]); "
            "print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=3.0)
    ap.add_argument("--only", default=None)
    args = ap.parse_args()
    env = dict(os.environ)
    results = {}
    with PageServer() as server:
        for name, reply in pages().items():
            server.routes[f"/{name}"] = reply
        server.routes["/trickle"] = trickle
        server.routes["/robots.txt"] = Reply(200, gzip.compress(b"User-agent: *\n" + b"#" * 200_000_000, 9),
                                             {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
        cases = [(name, f"/{name}", False) for name in pages()] + [("trickle", "/trickle", False),
                                                                    ("robots-bomb", "/dates-50k", True)]
        for name, path, robots in cases:
            if args.only and name != args.only:
                continue
            results[name] = run_one(name, server.url(path), args.timeout, robots, env)
            print(name, results[name], flush=True)
    print(json.dumps({k: {x: v[x] for x in ("seconds", "peak_mb", "exit")} for k, v in results.items()}))


if __name__ == "__main__":
    main()
