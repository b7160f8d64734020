%% A tight integer loop of 100 million iterations (a tail call).
-module(loop).
-export([main/0]).

loop(0, Acc) -> Acc;
loop(I, Acc) -> loop(I - 1, Acc + I).

main() ->
    T0 = erlang:monotonic_time(microsecond),
    R = loop(100000000, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [R, T1 - T0]).
