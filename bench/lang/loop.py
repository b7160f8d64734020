# A tight integer loop of 100 million iterations.
import time

t0 = time.perf_counter()
i, acc = 100000000, 0
while i != 0:
    acc += i
    i -= 1
t1 = time.perf_counter()
print(acc, int((t1 - t0) * 1e6))
