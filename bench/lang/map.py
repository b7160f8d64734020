# Insert 1M integer keys into a map (dict), then look every one up.
import time

t0 = time.perf_counter()
m = {}
for i in range(1000000, 0, -1):
    m[i] = i
s = 0
for i in range(1000000, 0, -1):
    s += m[i]
t1 = time.perf_counter()
print(s, int((t1 - t0) * 1e6))
