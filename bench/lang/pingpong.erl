%% Two processes bounce a counter 100,000 times: the latency of one round trip.
-module(pingpong).
-export([main/0]).

ponger() ->
    receive {From, K} -> From ! K + 1, ponger() end.

pinger(P, Left) ->
    P ! {self(), Left},
    receive
        K when Left == 1 -> K;
        _ -> pinger(P, Left - 1)
    end.

main() ->
    P = spawn(fun ponger/0),
    T0 = erlang:monotonic_time(microsecond),
    K = pinger(P, 100000),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [K, T1 - T0]).
