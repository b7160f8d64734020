# Build a 1M-element list element by element, map it, fold it.
import functools
import time

t0 = time.perf_counter()
xs = []
for i in range(1000000):
    xs.append(i)
ys = list(map(lambda x: x * 2, xs))
s = functools.reduce(lambda acc, x: acc + x, ys, 0)
t1 = time.perf_counter()
print(s, int((t1 - t0) * 1e6))
