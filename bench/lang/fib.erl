%% fib(30), naive recursion: call/return speed.
-module(fib).
-export([main/0]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

main() ->
    T0 = erlang:monotonic_time(microsecond),
    R = fib(30),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [R, T1 - T0]).
