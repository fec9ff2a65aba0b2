"""The join client's state file: what it keeps, written whole or not at all, and old sessions
forgotten."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from personamap.live.join_state import (
    ENV,
    KEEP_DAYS,
    JoinState,
    StateBusy,
    Wanted,
    held,
    load_state,
    save_state,
    state_path,
)


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(ENV, str(tmp_path / "state"))
    return tmp_path / "state" / "live"


def test_the_state_comes_back_as_it_was_saved(state_dir: Path) -> None:
    state = JoinState("10.0.0.5:8765", "Ana", pid="p3", token="t0k", doc=b"\x00\x01", acked=b"\x02")
    state.want("Queue is long", "Buy")
    state.want("Queue is long", "Buy")  # asked twice: one note
    state.outbox.append(Wanted("Typed", None, "n1", {"kind": "board", "id": "B"}))
    save_state(state)
    assert state_path("10.0.0.5:8765", "Ana").parent == state_dir
    assert load_state("10.0.0.5:8765", "Ana") == state
    assert load_state("10.0.0.5:8765", "Bo") == JoinState("10.0.0.5:8765", "Bo")


def test_a_new_token_is_a_new_session(state_dir: Path) -> None:
    state = JoinState("h:1", "Ana", pid="p1", token="old", doc=b"doc", acked=b"sv")
    state.outbox.append(Wanted("Sent?", None, "n1"))
    state.became("p1", "old")
    assert (state.doc, state.outbox[0].note_id) == (b"doc", "n1")
    state.became("p1", "new")  # the host was restarted: ids start again at p1
    assert (state.doc, state.acked, state.outbox[0].note_id) == (b"", b"", None)


def test_an_unreadable_state_is_a_fresh_start(state_dir: Path) -> None:
    path = state_path("h:1", "Ana")
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert load_state("h:1", "Ana") == JoinState("h:1", "Ana")


def test_states_untouched_for_long_are_forgotten(state_dir: Path) -> None:
    save_state(JoinState("h:1", "Old"))
    old = state_path("h:1", "Old")
    then = time.time() - (KEEP_DAYS + 1) * 86400
    os.utime(old, (then, then))
    save_state(JoinState("h:1", "Recent"))
    save_state(JoinState("h:2", "New"))
    assert not old.exists()
    assert state_path("h:1", "Recent").exists() and state_path("h:2", "New").exists()
    assert sorted(p.name for p in state_dir.glob("*.json")) == sorted(
        [state_path("h:1", "Recent").name, state_path("h:2", "New").name]
    )


def test_one_process_at_a_time_is_a_participant() -> None:
    with held("h:1", "Ana", 0):
        with pytest.raises(StateBusy), held("h:1", "Ana", 0.2):
            pass
        with held("h:1", "Bo", 0):  # another participant: no wait
            pass
    with held("h:1", "Ana", 0):  # let go
        pass
