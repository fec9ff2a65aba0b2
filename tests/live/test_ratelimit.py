"""The token bucket refuses a flood and refills with time (a fake clock)."""

from personamap.live.ratelimit import RateLimit


def test_burst_then_refill():
    now = [100.0]
    limit = RateLimit(rate=2.0, burst=3.0, clock=lambda: now[0])
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limit.allow("b")
    now[0] += 0.5
    assert limit.allow("a") and not limit.allow("a")
    now[0] += 100
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]
