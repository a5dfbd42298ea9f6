"""Reading fetched pages — decode, clean, judge relevance — in worker processes.

Cleaning (``clean.html``) and the relevance score are pure CPU work, about 1.5 ms a page.  In
the Scrapy process that time is taken from fetching: the reactor, the frontier and link
reading all share one core.  So a crawl hands the page bytes to ``ANTQ_READERS`` worker
processes (one by default: the other core) and awaits the result, while the reactor goes on
fetching.  ``ANTQ_READERS = 0`` reads in the Scrapy process, as ``antq ingest`` does.

The workers are plain processes talking over a socket pair (a length-prefixed pickle each
way), not a ``ProcessPoolExecutor``: a worker must end by itself when the crawler is killed
(it reads end-of-file on its socket), and the crawler must never block on a full pipe (the
asyncio transport buffers what the worker has not read yet).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import pickle
import signal
import socket
import struct
from dataclasses import dataclass, field, replace
from itertools import count

from clean.page import CleanedPage, CleaningError
from crawler.relevance import Verdict
from crawler.relevance import default as default_relevance

_HEADER = struct.Struct("!I")


@dataclass(frozen=True)
class Reading:
    """What a fetched page is: an article (``page``, ``verdict``) or not (``reason``)."""

    page: CleanedPage | None = None
    verdict: Verdict | None = None
    reason: str = ""


def read_page(body: bytes, url: str, charset: str | None = None) -> Reading:
    """Clean ``body`` (served under ``url``) and judge its relevance.

    ``charset`` is what the HTTP Content-Type declared: a page that is not UTF-8 is decoded
    with it, since the page itself may not repeat it; otherwise the cleaner finds the
    encoding itself, as it does for files (``antq ingest``).
    """
    # Imported here: with worker processes the crawler itself never cleans, and lxml's cleaner
    # and trafilatura take half a second to import.
    from clean.encoding import UndecodableError, decode
    from clean.html import clean_html

    data: bytes | str = body
    if charset:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            try:
                data = decode(body, declared=charset)
            except (UndecodableError, LookupError):
                data = body
    try:
        page = clean_html(data, url)
    except CleaningError as err:
        return Reading(reason=err.reason)
    return Reading(page, default_relevance().judge(page.title, page.text))


class ReaderError(RuntimeError):
    """Reading a page failed in a worker: the cleaner raised, or the worker died.

    The page is recorded as an ``error``; the crawl goes on (a dead worker is replaced).
    """


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    sock: socket.socket
    connecting: asyncio.Future[None] | None = None
    transport: asyncio.Transport | None = None
    waiting: dict[int, tuple[asyncio.Future[Reading], bytes]] = field(default_factory=dict)
    closing: bool = False


class _Replies(asyncio.Protocol):
    """The crawler's end of a worker's socket: frames in, futures resolved."""

    def __init__(self, reader: Reader, worker: _Worker) -> None:
        self.reader = reader
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            if len(self.buffer) < _HEADER.size + size:
                return
            frame = bytes(self.buffer[_HEADER.size : _HEADER.size + size])
            del self.buffer[: _HEADER.size + size]
            self.reader._deliver(self.worker, frame)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.worker.closing:
            self.reader._replace(self.worker)


class Reader:
    """``read_page`` in ``workers`` processes (0: in this process), awaited from the reactor's loop."""

    def __init__(self, workers: int) -> None:
        self.workers = max(0, workers)
        self._pool: list[_Worker] = []
        self._jobs = count()

    def start(self) -> None:
        """Start the workers now (they import the cleaner while Scrapy starts up)."""
        while len(self._pool) < self.workers:
            self._pool.append(self._spawn())

    def _spawn(self) -> _Worker:
        ours, theirs = socket.socketpair()
        process = multiprocessing.get_context("spawn").Process(
            target=_serve, args=(theirs,), name="antq-reader", daemon=True
        )
        process.start()
        theirs.close()
        return _Worker(process, ours)

    async def read(self, body: bytes, url: str, charset: str | None = None) -> Reading:
        if self.workers == 0:
            return read_page(body, url, charset)
        self.start()
        worker = min(self._pool, key=lambda w: len(w.waiting))
        if worker.connecting is None:  # once per worker: a second transport would close the first
            worker.connecting = asyncio.ensure_future(self._connect(worker))
        await worker.connecting
        job = next(self._jobs)
        future: asyncio.Future[Reading] = asyncio.get_running_loop().create_future()
        worker.waiting[job] = (future, body)
        payload = pickle.dumps((job, body, url, charset), protocol=pickle.HIGHEST_PROTOCOL)
        worker.transport.write(_HEADER.pack(len(payload)) + payload)  # type: ignore[union-attr]
        return await future

    async def _connect(self, worker: _Worker) -> None:
        loop = asyncio.get_running_loop()
        worker.transport, _ = await loop.create_unix_connection(
            lambda: _Replies(self, worker), sock=worker.sock
        )

    def _deliver(self, worker: _Worker, frame: bytes) -> None:
        job, reading, error = pickle.loads(frame)
        future, body = worker.waiting.pop(job)
        if future.done():
            return
        if error:
            future.set_exception(ReaderError(error))
        elif reading.page is not None and reading.page.raw is None:
            future.set_result(replace(reading, page=replace(reading.page, raw=body)))
        else:
            future.set_result(reading)

    def _replace(self, worker: _Worker) -> None:
        """A worker died (a page crashed the parser): fail its pages, start another one."""
        worker.process.join(timeout=1)
        message = f"the page reader process died (exit code {worker.process.exitcode}) reading this page"
        for future, _body in worker.waiting.values():
            if not future.done():
                future.set_exception(ReaderError(message))
        worker.waiting.clear()
        if worker in self._pool:
            self._pool[self._pool.index(worker)] = self._spawn()

    def close(self) -> None:
        """Let the workers end and wait for them (they end at end-of-file on their socket)."""
        pool, self._pool, self.workers = self._pool, [], 0
        for worker in pool:
            worker.closing = True
            worker.sock.close()  # the reactor's loop may be stopped already: close the socket itself
        for worker in pool:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()


def _serve(sock: socket.socket) -> None:
    """The worker: read pages until the crawler closes the socket (or dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the crawler, which then closes us
    import clean.html  # noqa: F401  (ready before the first page)

    default_relevance()
    stream = sock.makefile("rb")
    while True:
        header = stream.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        job, body, url, charset = pickle.loads(stream.read(_HEADER.unpack(header)[0]))
        error = ""
        reading = None
        try:
            reading = read_page(body, url, charset)
            if reading.page is not None and reading.page.raw == body:
                reading = replace(reading, page=replace(reading.page, raw=None))  # the crawler has it
        except Exception as err:  # a bug in the cleaner must cost one page, not the crawl
            error = f"{type(err).__name__}: {err}"
            reading = None
        payload = pickle.dumps((job, reading, error), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            sock.sendall(_HEADER.pack(len(payload)) + payload)
        except OSError:
            return


_shared: Reader | None = None


def shared(workers: int) -> Reader:
    """The one reader of this process, shared by every crawler in it (``workers`` on first call)."""
    global _shared
    if _shared is None:
        _shared = Reader(workers)
    return _shared


def shutdown() -> None:
    global _shared
    if _shared is not None:
        _shared.close()
        _shared = None
