"""Peak memory and time of whole runs against hostile pages (not part of `make test`).

Serves on 127.0.0.1: a page with 50,000 dates (2.7 MB), 1 MB of text without
sentence punctuation, 150,000 one-word paragraphs (2 MB), a gzip bomb, a nested gzip bomb, a gzip-bombed
robots.txt and a server trickling one byte at a time; runs `factwatch run`
over each (one source per run, default settings but ``timeout``) in a
subprocess. The last cases, ``pool`` and ``pool-blocks``, read the costly
pages among 30 ordinary ones, so that they are read in the run's pool of
reader processes (flows.read_pool) rather than in the run's own process.

The run's memory is the resident memory of its whole process tree (the run,
Prefect's temporary server, the watchdog, the reader processes), sampled every
0.1 s from /proc: ``peak_mb`` is the largest sum seen, ``largest_mb`` the
largest single process.

    nice .venv/bin/python bench/hostile_bench.py [--timeout 3] [--only NAME,...]

The last line is one JSON object: {name: {"seconds", "peak_mb", "largest_mb", "exit"}}.
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

from flows.child_guard import descendants  # noqa: E402
from tests.support import PageServer, Reply  # noqa: E402

FACTWATCH = str(Path(sys.executable).with_name("factwatch"))
HTML = {"Content-Type": "text/html; charset=utf-8"}


def pages() -> dict[str, Reply]:
    dated = "".join(f"<p>The council met on {1 + i % 28} March {1950 + i % 70} about item {i}.</p>"
                    for i in range(50_000))
    run_on = " ".join(f"word{i} Testland" for i in range(70_000))
    bomb = gzip.compress(b"<p>" + b"a" * 200_000_000, 9)
    blocks = "".join(f"<p>w{i}</p>" for i in range(150_000))
    return {
        "blocks-150k": Reply(200, f"<html><body><main>{blocks}</main></body></html>".encode(), HTML),
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


_PAGE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(pid: int) -> list[int]:
    """Resident bytes of ``pid`` and of every descendant, from /proc."""
    out = []
    for p in [pid, *descendants(pid)]:
        try:
            with open(f"/proc/{p}/statm", "rb") as fh:
                out.append(int(fh.read().split()[1]) * _PAGE)
        except (OSError, IndexError, ValueError):
            pass
    return out


def run_one(urls: dict[str, str], timeout: float, robots: bool, env: dict) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        sources = Path(tmp) / "sources.toml"
        text = (f"[settings]\nrobots = {str(robots).lower()}\nretries = 0\ntimeout = {timeout}\n"
                f"allow_networks = [\"127.0.0.0/8\"]\n\n")
        text += "".join(f"[[sources]]\nid = \"{sid}\"\nurl = \"{url}\"\n\n" for sid, url in urls.items())
        sources.write_text(text)
        start = time.monotonic()
        errors = Path(tmp) / "stderr"  # a file, not a pipe: a long traceback cannot stall the run
        with errors.open("w") as err:
            proc = subprocess.Popen([FACTWATCH, "run", "--sources", str(sources), "--data", str(Path(tmp) / "data"),
                                     "--quiet"], env=env, stdout=subprocess.DEVNULL, stderr=err)
        peak = largest = 0
        try:
            while proc.poll() is None:
                sizes = tree_rss(proc.pid)
                peak, largest = max(peak, sum(sizes)), max([largest, *sizes])
                time.sleep(0.1)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        stderr = errors.read_text(errors="replace")
        seconds = time.monotonic() - start
    mb = 1024 * 1024
    return {"seconds": round(seconds, 1), "peak_mb": round(peak / mb), "largest_mb": round(largest / mb),
            "exit": proc.returncode, "stderr": stderr.strip().splitlines()[-1:] if stderr.strip() else []}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeout", type=float, default=3.0)
    ap.add_argument("--only", default=None, help="names of the cases to run, comma-separated")
    args = ap.parse_args()
    env = dict(os.environ)
    results = {}
    with PageServer() as server:
        for name, reply in pages().items():
            server.routes[f"/{name}"] = reply
        server.routes["/trickle"] = trickle
        server.routes["/robots.txt"] = Reply(200, gzip.compress(b"User-agent: *\n" + b"#" * 200_000_000, 9),
                                             {"Content-Type": "text/plain", "Content-Encoding": "gzip"})
        ordinary = ("<html><body><main><h1>Page {i}</h1><p>Testland signed agreement {i} with NATO on 3 March "
                    "{year}.</p><p>The council of Testland met again in {year2}.</p></main></body></html>")
        for i in range(30):
            server.routes[f"/ordinary-{i}"] = Reply(200, ordinary.format(i=i, year=1990 + i, year2=1991 + i).encode(), HTML)
        cases = [(name, {name: server.url(f"/{name}")}, False) for name in pages()] + [
            ("trickle", {"trickle": server.url("/trickle")}, False),
            ("robots-bomb", {"robots-bomb": server.url("/dates-50k")}, True),
            ("pool", {"dates-50k": server.url("/dates-50k"), "no-punctuation-1mb": server.url("/no-punctuation-1mb"),
                      **{f"ordinary-{i}": server.url(f"/ordinary-{i}") for i in range(30)}}, False),
            ("pool-blocks", {"blocks-150k": server.url("/blocks-150k"),
                             **{f"ordinary-{i}": server.url(f"/ordinary-{i}") for i in range(30)}}, False),
        ]
        for name, urls, robots in cases:
            if args.only and name not in args.only.split(","):
                continue
            results[name] = run_one(urls, args.timeout, robots, env)
            print(name, results[name], flush=True)
    print(json.dumps({k: {x: v[x] for x in ("seconds", "peak_mb", "largest_mb", "exit")} for k, v in results.items()}))


if __name__ == "__main__":
    main()
