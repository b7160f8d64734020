# fib(30), naive recursion: call/return speed.
import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


t0 = time.perf_counter()
r = fib(30)
t1 = time.perf_counter()
print(r, int((t1 - t0) * 1e6))
