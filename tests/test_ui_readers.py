"""The workspaces' reads in reader processes (`dms.apart`, `TaskRunner(readers=N)`), as the
application runs them: the same answers and errors as in a thread, and nothing lost when a
call cannot go there or a reader ends."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from test_ui_infrastructure import Receiver

from dms.auth import authenticate
from dms.crm.customers import customer_file
from dms.crm.find import front_desk_search
from dms.errors import DomainError, NotFound
from dms.ui.tasks import TaskRunner

TESTS = Path(__file__).parent


@pytest.fixture
def runner(qtbot, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        p for p in (str(TESTS), os.environ.get("PYTHONPATH")) if p))  # reader_calls
    made = TaskRunner(readers=2)
    made.start_readers()
    qtbot.waitUntil(lambda: made.readers_ready, timeout=30_000)
    yield made
    made.close()


def _answers(qtbot, receiver, n):
    qtbot.waitUntil(lambda: len(receiver.results) + len(receiver.errors) == n, timeout=30_000)
    return dict(receiver.results), dict(receiver.errors)


def test_a_read_runs_in_a_reader_process_on_a_database_of_its_own(demo_db, runner, qtbot):
    user = authenticate(demo_db, "advisor1", "demo123")
    receiver = Receiver()
    ask = {"on_result": receiver.on_result, "on_error": receiver.on_error, "apart": True}
    pids = [runner.submit(os.getpid, **ask) for _ in range(2)]
    found = runner.submit(front_desk_search, demo_db, user, "京", **ask)
    missing = runner.submit(customer_file, demo_db, user, 10**9, **ask)
    results, errors = _answers(qtbot, receiver, 4)

    assert len({results[p] for p in pids} | {os.getpid()}) == 3  # two readers, neither this
    assert results[found] == front_desk_search(demo_db, user, "京") and results[found]
    with pytest.raises(NotFound) as here:
        customer_file(demo_db, user, 10**9)
    error = errors[missing]
    assert type(error) is NotFound and (error.code, error.params, str(error)) == (
        here.value.code, here.value.params, str(here.value))
    processes = [reader.process for reader in runner._readers]
    runner.close()
    assert all(p.poll() is not None for p in processes)  # the readers ended with the window


def test_what_cannot_go_to_a_reader_runs_here_and_errors_arrive_readable(runner, qtbot):
    import reader_calls

    receiver = Receiver()
    ask = {"on_result": receiver.on_result, "on_error": receiver.on_error, "apart": True}
    here = runner.submit(lambda: os.getpid(), **ask)  # a lambda cannot be pickled
    odd = runner.submit(reader_calls.unpicklable_error, **ask)
    results, errors = _answers(qtbot, receiver, 2)
    assert results[here] == os.getpid()
    assert type(errors[odd]) is DomainError and "ValueError" in str(errors[odd])


def test_a_call_in_flight_when_its_reader_ends_is_answered_here(runner, qtbot):
    import reader_calls

    receiver = Receiver()
    task = runner.submit(reader_calls.stuck_in_a_reader, os.getpid(), **{
        "on_result": receiver.on_result, "on_error": receiver.on_error, "apart": True})
    reader = next(r for r in runner._readers if task in r.calls)
    reader.process.kill()
    results, errors = _answers(qtbot, receiver, 1)
    assert results == {task: os.getpid()} and not errors
    assert reader not in runner._readers and len(runner._readers) == 1


def test_reads_asked_before_the_readers_are_warm_run_here(qtbot):
    made = TaskRunner(readers=1)
    made.start_readers()  # a reader imports the services first, then says it is ready
    receiver = Receiver()
    ask = {"on_result": receiver.on_result, "on_error": receiver.on_error, "apart": True}
    early = made.submit(os.getpid, **ask)
    qtbot.waitUntil(lambda: made.readers_ready, timeout=30_000)
    late = made.submit(os.getpid, **ask)
    results, errors = _answers(qtbot, receiver, 2)
    made.close()
    assert results[early] == os.getpid() != results[late] and not errors
