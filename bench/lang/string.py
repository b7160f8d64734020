# One million string concatenations onto an accumulator.
import time

t0 = time.perf_counter()
s = ""
for _ in range(1000000):
    s += "x"
t1 = time.perf_counter()
print(len(s), int((t1 - t0) * 1e6))
