"""Where a data dir lives: a local folder or an object-store prefix.

``--data`` (and ``[settings] data``) is either a local path or a URL such as
``s3://bucket/prefix``. ``open_storage`` turns it into a ``Storage``: the one
place that reads, writes, lists and deletes the objects of raw/, cache/ and
curated/, through fsspec (s3fs for ``s3://``). Paths inside a storage are
relative, ``/``-separated keys (``raw/objects/ab/ab12...``).

- ``LocalStorage``: a folder; a write goes to a temp file in ``<data>/.staging``
  and is renamed into place (``store.atomic``), exactly as before.
- ``ObjectStorage``: a bucket prefix; a write is one PUT, which an object
  store makes visible whole or not at all, so no rename is needed. An
  exclusive create (``If-None-Match: *``) and conditional replace/delete
  (``If-Match``) back the store lock.

Endpoint and credentials come from the standard variables (``AWS_ENDPOINT_URL``,
``AWS_ACCESS_KEY_ID``, ``AWS_SECRET_ACCESS_KEY``, ``AWS_REGION``), which
botocore reads itself, or from the ``[storage]`` table of sources.toml
(``StorageOptions``). Secrets are kept out of every repr and string, so they
never reach a table, a log line, a report or a Prefect parameter.
"""

from __future__ import annotations

import hashlib
import io
import os
import posixpath
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from errors import StorageError
from store import atomic

_URL_RE = re.compile(r"([a-z][a-z0-9+.-]*)://(.*)\Z")
OBJECT_PROTOCOLS = ("s3",)  # the object stores factwatch is built and tested on (S3 and compatibles)


class DataLocationError(StorageError, ValueError):
    """A data location that cannot be used (a bad URL, an unknown scheme, refused credentials)."""


@dataclass(frozen=True)
class StorageOptions:
    """The ``[storage]`` table (validated with the sources file, ingest/sources.py):
    how to reach an object store. Every field is optional; the standard AWS
    variables fill what is missing."""

    endpoint_url: str | None = None
    region: str | None = None
    access_key_id: str | None = None
    secret_access_key: str | None = field(default=None, repr=False)

    def s3fs_kwargs(self) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        client: dict[str, Any] = {}
        endpoint = self.endpoint_url or os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
        if endpoint:
            kwargs["endpoint_url"] = endpoint
        region = self.region or os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
        if region:
            client["region_name"] = region
        if self.access_key_id:
            kwargs["key"] = self.access_key_id
        if self.secret_access_key:
            kwargs["secret"] = self.secret_access_key
        if client:
            kwargs["client_kwargs"] = client
        return kwargs


def is_url(location: str | os.PathLike) -> bool:
    return isinstance(location, str) and _URL_RE.match(location) is not None


class Storage:
    """The objects of one data dir (or of one of its parts, see ``sub``)."""

    url: str  # the location as a user writes it: a local path, or s3://bucket/prefix
    local: bool

    def sub(self, name: str) -> Storage:
        raise NotImplementedError

    def full(self, key: str) -> str:
        """The path of ``key`` in ``self.fs`` terms (a local path, or bucket/prefix/key)."""
        raise NotImplementedError

    def url_of(self, key: str) -> str:
        raise NotImplementedError

    @property
    def fs(self):
        raise NotImplementedError

    def read_bytes(self, key: str) -> bytes:
        """The object's bytes; FileNotFoundError when there is none."""
        return self.fs.cat_file(self.full(key))

    def read_text(self, key: str) -> str:
        return self.read_bytes(key).decode("utf-8")

    def write_bytes(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    def write_text(self, key: str, text: str) -> None:
        self.write_bytes(key, text.encode("utf-8"))

    def exists(self, key: str) -> bool:
        return self.fs.exists(self.full(key))

    def listdir(self, key: str = "") -> list[str]:
        """Names directly under ``key`` (files and folders), sorted; [] when there is none."""
        try:
            entries = self.fs.ls(self.full(key), detail=False)
        except (FileNotFoundError, NotADirectoryError):
            return []
        return sorted({posixpath.basename(str(e).rstrip("/")) for e in entries} - {""})

    def delete(self, key: str, recursive: bool = False) -> None:
        try:
            self.fs.rm(self.full(key), recursive=recursive)
        except FileNotFoundError:
            pass

    def open(self, key: str, mode: str = "rb"):
        return self.fs.open(self.full(key), mode)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    def __str__(self) -> str:
        return self.url


class LocalStorage(Storage):
    """A folder; temp files go to ``staging`` (``<data>/.staging``) and are renamed into place."""

    local = True

    def __init__(self, root: Path, staging: Path | None = None):
        self.root = Path(root)
        self.staging = Path(staging) if staging is not None else atomic.staging_dir(self.root)
        self.url = str(self.root)

    def sub(self, name: str) -> LocalStorage:
        return LocalStorage(self.root / name, self.staging)

    def path(self, key: str) -> Path:
        return self.root / key if key else self.root

    def full(self, key: str) -> str:
        return str(self.path(key))

    def url_of(self, key: str) -> str:
        return str(self.path(key))

    @property
    def fs(self):
        from fsspec.implementations.local import LocalFileSystem

        return LocalFileSystem()

    def read_bytes(self, key: str) -> bytes:
        return self.path(key).read_bytes()

    def write_bytes(self, key: str, data: bytes) -> None:
        atomic.write_bytes(self.path(key), data, self.staging)

    def exists(self, key: str) -> bool:
        return self.path(key).exists()

    def listdir(self, key: str = "") -> list[str]:
        folder = self.path(key)
        return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []

    def delete(self, key: str, recursive: bool = False) -> None:
        p = self.path(key)
        if p.is_dir() and not p.is_symlink():
            if recursive:
                shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)

    def open(self, key: str, mode: str = "rb"):
        return open(self.path(key), mode)


class ObjectStorage(Storage):
    """A prefix in a bucket of an S3-compatible store, through s3fs."""

    local = False

    def __init__(self, protocol: str, root: str, options: StorageOptions | None = None, _fs=None):
        self.protocol = protocol
        self.root = root.strip("/")
        self.options = options or StorageOptions()
        self.url = f"{protocol}://{self.root}"
        self._fs = _fs

    def __getstate__(self):  # the filesystem is made again where the storage is unpickled (a Dask worker)
        return {"protocol": self.protocol, "root": self.root, "options": self.options}

    def __setstate__(self, state):
        self.__init__(state["protocol"], state["root"], state["options"])

    @property
    def bucket(self) -> str:
        return self.root.split("/", 1)[0]

    @property
    def fs(self):
        if self._fs is None:
            import s3fs

            # cache_regions off, listings never cached: another process (a worker, the next run) may
            # have written since; every exists/ls asks the store
            self._fs = s3fs.S3FileSystem(use_listings_cache=False, skip_instance_cache=True,
                                         **self.options.s3fs_kwargs())
        return self._fs

    def sub(self, name: str) -> ObjectStorage:
        return ObjectStorage(self.protocol, f"{self.root}/{name}", self.options, self._fs)

    def full(self, key: str) -> str:
        return f"{self.root}/{key}" if key else self.root

    def url_of(self, key: str) -> str:
        return f"{self.protocol}://{self.full(key)}"

    def write_bytes(self, key: str, data: bytes) -> None:
        self.fs.pipe_file(self.full(key), data)  # one PUT: visible whole or not at all

    def exists(self, key: str) -> bool:
        """One HEAD of the object (s3fs's ``exists`` would also list the prefix when there is none)."""
        bucket, path = self._key(key)
        try:
            self._s3_call("head_object", Bucket=bucket, Key=path)
            return True
        except FileNotFoundError:
            return False

    # conditional requests (the store lock)
    def _s3_call(self, method: str, **kwargs):
        from fsspec.asyn import sync

        fs = self.fs
        return sync(fs.loop, fs._call_s3, method, **kwargs)

    def _key(self, key: str) -> tuple[str, str]:
        bucket, _, path = self.full(key).partition("/")
        return bucket, path

    def create(self, key: str, data: bytes) -> str | None:
        """Write ``key`` only if no object has that name (If-None-Match: *); its ETag, or None when one exists."""
        bucket, path = self._key(key)
        try:
            return self._s3_call("put_object", Bucket=bucket, Key=path, Body=data, IfNoneMatch="*")["ETag"]
        except OSError as exc:
            if _precondition_failed(exc):
                return None
            raise

    def replace(self, key: str, data: bytes, etag: str) -> str | None:
        """Overwrite ``key`` only if it is still the version ``etag`` (If-Match); the new ETag, or None."""
        bucket, path = self._key(key)
        try:
            return self._s3_call("put_object", Bucket=bucket, Key=path, Body=data, IfMatch=etag)["ETag"]
        except (OSError, FileNotFoundError) as exc:
            if isinstance(exc, FileNotFoundError) or _precondition_failed(exc):
                return None
            raise

    def stat(self, key: str) -> tuple[bytes, str, float] | None:
        """The object's bytes, ETag and age in seconds by the store's clock; None when missing."""
        bucket, path = self._key(key)
        try:
            out = self._s3_call("get_object", Bucket=bucket, Key=path)
        except FileNotFoundError:
            return None
        from fsspec.asyn import sync

        body = sync(self.fs.loop, out["Body"].read)
        modified = out["LastModified"]
        date = out.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("date")
        from email.utils import parsedate_to_datetime

        now = parsedate_to_datetime(date) if date else None
        age = (now - modified).total_seconds() if now is not None else 0.0
        return body, out["ETag"], age

    def delete_if(self, key: str, etag: str) -> bool:
        bucket, path = self._key(key)
        try:
            self._s3_call("delete_object", Bucket=bucket, Key=path, IfMatch=etag)
            return True
        except (OSError, FileNotFoundError):
            return False


def _precondition_failed(exc: BaseException) -> bool:
    text = f"{exc} {exc.__cause__ or ''}"
    return "PreconditionFailed" in text or "pre-condition" in text or "412" in text


def open_storage(location: str | os.PathLike, options: StorageOptions | None = None) -> Storage:
    """The storage of ``--data``: a local path (relative to the working dir) or an object-store URL."""
    text = str(location)
    m = _URL_RE.match(text)
    if m is None:
        root = Path(text).resolve()
        return LocalStorage(root, root / ".staging")
    protocol, rest = m.group(1), m.group(2)
    if protocol == "file":
        root = Path(rest).resolve()
        return LocalStorage(root, root / ".staging")
    if protocol not in OBJECT_PROTOCOLS:
        raise DataLocationError(f"--data {text}: unsupported scheme {protocol}:// (use a local path or "
                           f"{' or '.join(p + '://bucket/prefix' for p in OBJECT_PROTOCOLS)})")
    rest = rest.strip("/")
    if not rest or not re.fullmatch(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/[^\x00-\x1f\x7f]*)?", rest):
        raise DataLocationError(f"--data {text}: not a bucket URL like {protocol}://bucket/prefix")
    if any(part in ("", ".", "..") for part in rest.split("/")[1:]):
        # a store may or may not resolve "a/../b" as a folder would: the prefix must name one place
        raise DataLocationError(f"--data {text}: a prefix without empty, '.' or '..' parts, like "
                                f"{protocol}://bucket/team/watch")
    return ObjectStorage(protocol, rest, options)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parquet_bytes(table, **kwargs) -> bytes:
    import pyarrow.parquet as pq

    buf = io.BytesIO()
    pq.write_table(table, buf, **kwargs)
    return buf.getvalue()


def walk_keys(storage: Storage, key: str) -> Iterator[str]:
    """Every object key under ``key`` (for tests and tools)."""
    base = storage.full(key)
    for path in storage.fs.find(base):
        yield posixpath.relpath(str(path), storage.full(""))


def store_error_message(exc: BaseException) -> str | None:
    """One line naming what went wrong with an object store (unreachable, no or refused
    credentials, no such bucket), or None when ``exc`` is not that. Never shows a secret."""
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        name = type(e).__name__
        text = str(e).strip().splitlines()[0] if str(e).strip() else name
        if name in ("EndpointConnectionError", "ConnectTimeoutError", "ReadTimeoutError"):
            return (f"cannot reach the object store ({text}); check AWS_ENDPOINT_URL or "
                    "[storage] endpoint_url")
        if name in ("NoCredentialsError", "PartialCredentialsError"):
            return ("no credentials for the object store: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    "(or [storage] access_key_id and secret_access_key)")
        response = getattr(e, "response", None)  # botocore's error dict; other libraries' responses are not
        code = response.get("Error", {}).get("Code") if isinstance(response, dict) else None
        if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "InvalidToken", "ExpiredToken", "403"):
            return f"the object store refused the credentials ({code} {text.rsplit(': ', 1)[-1]}): check AWS_ACCESS_KEY_ID and " \
                   "AWS_SECRET_ACCESS_KEY (or the [storage] table)"
        if code == "NoSuchBucket":
            return f"the bucket does not exist ({text}): create it, or fix the bucket in --data"
        e = e.__cause__ or e.__context__
    return None
