"""Local engine: N worker processes, each loading the pipeline once, fed chunks of documents.

Why not `multiprocessing.Pool`: when a pool worker dies (killed, out of
memory, a segfault in a C extension) its tasks are lost and the pool hangs or
breaks as a whole. Here each worker has its own pipes and sends one result per
document, so the parent always knows which document a worker was on: when a
worker dies or runs past the per-document timeout, that one document becomes
an error row (stage `worker`), the rest of its chunk goes back in the queue,
and a fresh worker takes its place.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import Connection, wait
from typing import Iterable, Iterator, Optional

from pipelines.batch import work
from pipelines.batch.sources import Item
from pipelines.errors import VigyaptiError

CHUNK_SIZE = 4          # documents sent to a worker at once
CHUNKS_AHEAD = 2        # chunks queued per worker, so it never waits for the parent
# Unanswered bytes a busy worker may be sent: less than a pipe buffer holds, so a send
# never blocks the parent even if the worker's reader thread is starved (a regex holding
# the GIL); then the parent can still enforce --timeout. An idle worker takes any size.
PIPE_BUDGET = 32 * 1024
MAX_START_FAILURES = 3  # workers that die while loading before we give up


def _context():
    """fork where it is safe and cheap (Linux): workers inherit the imported modules; spawn elsewhere."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") and "fork" in methods else "spawn")


def _worker_main(tasks: Connection, results: Connection, inherited: list, factory) -> None:
    """Worker process: load the pipeline, then answer every document of every chunk, one message each."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for connection in inherited:  # other workers' pipe ends, copied by fork: close so EOFs arrive
        connection.close()
    chunks: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:  # a reader thread, so the parent's sends never wait on our work
        while True:
            try:
                chunks.put(pickle.loads(tasks.recv_bytes()))
            except (EOFError, OSError):
                chunks.put(None)  # the parent is gone or done
                return

    threading.Thread(target=receive, daemon=True).start()
    try:
        work.warm_up(factory)
    except BaseException as exc:
        results.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    results.send(("ready", os.getpid()))
    while True:
        chunk = chunks.get()
        if chunk is None:
            return
        for item in chunk:
            try:
                results.send(("result", work.process(item, factory)))
            except (BrokenPipeError, OSError):
                return


class _Slot:
    """One worker process and the documents it has been given but not answered."""

    def __init__(self, context, factory, inherited: list[Connection]):
        task_reader, self.tasks = context.Pipe(duplex=False)
        self.results, result_writer = context.Pipe(duplex=False)
        close_in_child = inherited + [self.tasks, self.results] if context.get_start_method() == "fork" else []
        self.process = context.Process(target=_worker_main, name="vigyapti-batch-worker",
                                       args=(task_reader, result_writer, close_in_child, factory), daemon=True)
        self.process.start()
        task_reader.close()
        result_writer.close()
        self.inflight: deque[tuple[Item, int]] = deque()  # (document, its share of the bytes sent)
        self.ready = False
        self.since = time.monotonic()  # when the document it is on now was started (roughly)
        self.timed_out = False

    def offer(self, chunk: list[Item]) -> bool:
        """Send the chunk if that cannot block; False when the worker should finish some work first."""
        data = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        if self.inflight and sum(size for _, size in self.inflight) + len(data) > PIPE_BUDGET:
            return False
        if not self.inflight:
            self.since = time.monotonic()
        self.inflight.extend((item, len(data) // len(chunk)) for item in chunk)
        try:
            self.tasks.send_bytes(data)
        except OSError:
            pass  # the worker is dead: its sentinel says so, and the chunk goes back in the queue
        return True

    def answered(self) -> Item:
        self.since = time.monotonic()
        return self.inflight.popleft()[0]

    def unanswered(self) -> list[Item]:
        items = [item for item, _ in self.inflight]
        self.inflight.clear()
        return items

    def stop(self, kill: bool = False) -> None:
        if kill and self.process.is_alive():
            self.process.kill()
        for connection in (self.tasks, self.results):
            connection.close()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def run_local(items: Iterable[Item], workers: int, timeout: Optional[float] = None,
              factory: Optional[work.PipelineFactory] = None) -> Iterator[work.Result]:
    """Process items on `workers` local processes; yield one Result per item, in completion order."""
    context = _context()
    source = iter(items)
    requeued: deque[Item] = deque()
    exhausted = False
    start_failures = 0
    slots: list[_Slot] = []

    def start_slot() -> _Slot:
        inherited = [c for s in slots for c in (s.tasks, s.results)]
        return _Slot(context, factory, inherited)

    def next_chunk() -> list[Item]:
        nonlocal exhausted
        chunk = []
        while len(chunk) < CHUNK_SIZE:
            if requeued:
                chunk.append(requeued.popleft())
            elif not exhausted:
                item = next(source, None)
                if item is None:
                    exhausted = True
                else:
                    chunk.append(item)
            else:
                break
        return chunk

    try:
        for _ in range(max(1, workers)):
            slots.append(start_slot())
        while True:
            for slot in slots:
                while len(slot.inflight) < CHUNK_SIZE * CHUNKS_AHEAD:
                    chunk = next_chunk()
                    if not chunk:
                        break
                    if not slot.offer(chunk):
                        requeued.extendleft(reversed(chunk))
                        break
            if exhausted and not requeued and not any(slot.inflight for slot in slots):
                return
            waitables = {slot.results: slot for slot in slots}
            waitables.update({slot.process.sentinel: slot for slot in slots})
            for ready in wait(list(waitables), timeout=_wait_time(slots, timeout)):
                slot = waitables[ready]
                if ready is slot.results:
                    message = _receive(slot)
                    if message is None:
                        continue  # the worker died; its sentinel reports it
                    if message[0] == "result":
                        slot.answered()
                        yield message[1]
                    elif message[0] == "ready":
                        slot.ready, slot.since = True, time.monotonic()
                    elif message[0] == "failed":
                        raise VigyaptiError(f"a batch worker could not load the pipeline: {message[1]}")
            for index, slot in enumerate(slots):
                if timeout and slot.ready and slot.inflight and time.monotonic() - slot.since > timeout:
                    slot.timed_out = True
                    slot.process.kill()
                if slot.process.is_alive() or slot.process.exitcode is None:
                    continue
                for message in _drain(slot):  # answers sent just before it died still count
                    if message[0] == "result":
                        slot.answered()
                        yield message[1]
                    elif message[0] == "ready":
                        slot.ready = True
                if not slot.ready:
                    start_failures += 1
                    if start_failures >= MAX_START_FAILURES:
                        raise VigyaptiError(f"batch workers keep dying while loading the pipeline "
                                            f"(exit code {slot.process.exitcode})")
                elif slot.inflight:
                    yield _casualty(slot, timeout)
                requeued.extendleft(reversed(slot.unanswered()))
                slot.stop()
                slots[index] = start_slot()
    finally:
        for slot in slots:
            slot.stop(kill=True)


def _wait_time(slots: list[_Slot], timeout: Optional[float]) -> float:
    if not timeout:
        return 1.0
    busy = [slot.since + timeout - time.monotonic() for slot in slots if slot.ready and slot.inflight]
    return max(0.05, min([1.0] + busy))


def _receive(slot: _Slot):
    try:
        return slot.results.recv()
    except (EOFError, OSError):
        return None


def _drain(slot: _Slot) -> list:
    messages = []
    try:
        while slot.results.poll():
            messages.append(slot.results.recv())
    except (EOFError, OSError):
        pass
    return messages


def _casualty(slot: _Slot, timeout: Optional[float]) -> work.Result:
    """The error row for the document a worker was on when it died."""
    item = slot.answered()
    if slot.timed_out:
        reason = f"took longer than {timeout:g} s (the worker was stopped; see --timeout)"
    else:
        code = slot.process.exitcode
        how = f"signal {signal.Signals(-code).name}" if code and code < 0 and -code in signal.valid_signals() else f"exit code {code}"
        reason = f"the worker process died ({how}) while processing this document"
    return work.error_result(item.doc_id, "worker", reason)
