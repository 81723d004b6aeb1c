"""Dask engine: the same per-document work on a `dask.distributed` cluster.

Without a scheduler address a `LocalCluster` is started on 127.0.0.1 (worker
processes, one thread each, no dashboard). The pipeline is loaded once per
worker (`work.borrowed_pipeline`), warmed on every worker before work starts.
Files are read here and shipped as bytes, so remote workers need no shared
file system, only vigyapti installed.

Nothing lost: documents go in chunks; a chunk whose worker died
(`KilledWorker`) is split and each document retried alone, and a document
that kills its worker alone becomes an error row (stage `worker`).
"""
from __future__ import annotations

import logging
import warnings
from collections import deque
from pathlib import Path
from typing import Iterable, Iterator, Optional

from pipelines.batch import work
from pipelines.batch.sources import Item
from pipelines.errors import VigyaptiError
from pipelines.readers import MAX_FILE_BYTES

CHUNK_SIZE = 8
CHUNKS_PER_WORKER = 3  # in flight at once, so large inputs stream instead of sitting in memory


def _client(workers: int, scheduler: Optional[str]):
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise VigyaptiError("--engine dask needs dask.distributed (pip install 'dask[distributed]')") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise VigyaptiError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
    # one retry for a task whose worker died, then we split the chunk ourselves
    dask.config.set({"distributed.scheduler.allowed-failures": 1})
    with warnings.catch_warnings():
        # the scheduler's HTTP endpoint tries port 8787 first and moves on when another cluster has it
        warnings.filterwarnings("ignore", message="Port .* is already in use")
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def _shippable(item: Item) -> Item:
    """Read a file here, so the worker gets bytes (or the reason the file could not be read)."""
    if item.path is None or item.error is not None:
        return item
    try:
        with open(item.path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return Item(item.doc_id, error=f"{item.doc_id}: cannot read ({exc.strerror or exc})")
    return Item(item.doc_id, path=Path(item.path).name, data=data)


def run_dask(items: Iterable[Item], workers: int, scheduler: Optional[str] = None,
             factory: Optional[work.PipelineFactory] = None) -> Iterator[work.Result]:
    """Process items on a Dask cluster; yield one Result per item, in completion order."""
    from dask.distributed import KilledWorker, as_completed

    client, cluster = _client(workers, scheduler)
    try:
        try:
            client.run(work.warm_up, factory)
        except Exception as exc:
            raise VigyaptiError(f"Dask workers could not load the pipeline: {type(exc).__name__}: {exc}") from None
        capacity = max(1, sum(client.nthreads().values())) * CHUNKS_PER_WORKER
        source = iter(items)
        singles: deque[list[Item]] = deque()  # documents of a chunk whose worker died, retried one by one
        chunks: dict = {}
        alone: set = set()  # futures submitted with nothing else in flight
        running = as_completed()

        def submit(chunk: list[Item]) -> None:
            future = client.submit(work.process_chunk, chunk, factory, pure=False)
            chunks[future] = chunk
            running.add(future)
            if len(chunks) == 1 and len(chunk) == 1:
                alone.add(future)

        def submit_more() -> None:
            if singles:
                # tasks queued on a dying worker are blamed with the one that killed it,
                # so a suspect runs alone: only a death with nothing else in flight convicts
                if not chunks:
                    submit(singles.popleft())
                return
            while len(chunks) < capacity:
                chunk = [_shippable(i) for i in _take(source, CHUNK_SIZE)]
                if not chunk:
                    return
                submit(chunk)

        submit_more()
        for future in running:
            chunk = chunks.pop(future)
            try:
                results = future.result()
            except KilledWorker:
                if future in alone:
                    results = [work.error_result(chunk[0].doc_id, "worker",
                                                 "the Dask worker died while processing this document")]
                else:
                    singles.extend([item] for item in chunk)
                    results = []
            except Exception as exc:  # lost connection, cancelled ...: every document of the chunk gets its row
                results = [work.error_result(i.doc_id, "worker", f"Dask task failed: {type(exc).__name__}: {exc}")
                           for i in chunk]
            finally:
                alone.discard(future)
                future.release()
            yield from results
            submit_more()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _take(source: Iterator[Item], n: int) -> list[Item]:
    chunk = []
    for item in source:
        chunk.append(item)
        if len(chunk) == n:
            break
    return chunk
