"""The time cap (onrecord.deadline): nested caps each catch only their own expiry."""

from __future__ import annotations

import time

import pytest

from onrecord.deadline import DocumentTimeout, deadline


def _spin() -> None:
    while True:
        pass


def test_an_inner_cap_catches_its_own_expiry_only() -> None:
    with deadline(0.2) as inner:
        try:
            _spin()
        except DocumentTimeout:
            assert inner.expired
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout), deadline(0.3) as outer, deadline(30) as inner:
        _spin()
    assert outer.expired and not inner.expired  # the outer one ran out: the inner block must let it through
    assert time.perf_counter() - started < 10


def test_a_cap_that_is_not_reached_leaves_nothing_pending() -> None:
    with deadline(0.2) as cap:
        total = sum(range(1000))
    time.sleep(0.3)
    assert total == 499500 and not cap.expired
    with deadline(0) as none:  # no cap
        time.sleep(0.01)
    assert not none.expired


def test_caps_in_several_threads_each_fire_in_their_own_thread() -> None:
    import threading

    fired: dict[int, bool] = {}

    def run(k: int, seconds: float) -> None:
        with deadline(seconds) as cap:
            try:
                if seconds < 1:
                    _spin()
                time.sleep(0.05)
            except DocumentTimeout:
                pass
        fired[k] = cap.expired

    threads = [threading.Thread(target=run, args=(k, 0.1 + 0.05 * k if k % 2 else 30)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert fired == {0: False, 1: True, 2: False, 3: True, 4: False, 5: True}
