%% Insert 1M integer keys into a map, then look every one up.
-module(map_bench).
-export([main/0]).

fill(0, M) -> M;
fill(I, M) -> fill(I - 1, maps:put(I, I, M)).

sum(0, _M, Acc) -> Acc;
sum(I, M, Acc) -> sum(I - 1, M, Acc + maps:get(I, M)).

main() ->
    T0 = erlang:monotonic_time(microsecond),
    M = fill(1000000, #{}),
    S = sum(1000000, M, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [S, T1 - T0]).
