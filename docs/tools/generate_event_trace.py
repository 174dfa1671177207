#!/usr/bin/env python3
"""Writes the generated event-driven trace of docs/benchmarks.md: events_trace.csv and calendar.csv (seed 42).

28 days at 1-minute steps, a daily cycle of 500-1,500 requests per minute with 5 % noise, and "match" events of
105 minutes at random times, each a 30-minute ramp to x1.5-x2, held, then a 20-minute tail.
"""
import datetime as dt
import math
import random

random.seed(42)
start = dt.datetime(2026, 5, 1)
n = 28 * 1440
events = []
k = 1
for d in range(28):
    for _ in range(random.choice([0, 1, 2, 2, 3])):
        s = (start + dt.timedelta(days=d, hours=random.uniform(10, 20))).replace(second=0, microsecond=0)
        e = s + dt.timedelta(minutes=105)
        if events and s < events[-1][2] + dt.timedelta(minutes=30):
            continue
        events.append((f"match{k}", s, e, random.uniform(1.5, 2.0)))
        k += 1
events.sort(key=lambda x: x[1])
ramp, tail = dt.timedelta(minutes=30), dt.timedelta(minutes=20)
with open("events_trace.csv", "w") as out:
    out.write("timestamp,value\n")
    for i in range(n):
        t = start + dt.timedelta(minutes=i)
        minute = t.hour * 60 + t.minute
        base = 1000 + 500 * math.sin(2 * math.pi * (minute - 9 * 60) / 1440)
        f = 1.0
        for _, s, e, mult in events:
            if s - ramp <= t < s:
                f = max(f, 1 + (mult - 1) * (t - (s - ramp)) / ramp)
            elif s <= t < e:
                f = max(f, mult)
            elif e <= t < e + tail:
                f = max(f, mult - (mult - 1) * (t - e) / tail)
        out.write(f"{t:%Y-%m-%dT%H:%M:%SZ},{max(0.0, base * f * (1 + 0.05 * random.gauss(0, 1))):.1f}\n")
with open("calendar.csv", "w") as out:
    out.write("name,start,end\n")
    for name, s, e, _ in events:
        out.write(f"{name},{s:%Y-%m-%dT%H:%M:%SZ},{e:%Y-%m-%dT%H:%M:%SZ}\n")
