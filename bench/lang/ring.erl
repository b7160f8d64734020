%% A ring of 10,000 processes passes a token around 100 times: 1,000,000 messages.
-module(ring).
-export([main/0]).
-compile({no_auto_import, [node/1]}).

node(Next) ->
    receive K -> Next ! K + 1, node(Next) end.

build(0, Next) -> Next;
build(I, Next) -> build(I - 1, spawn(fun() -> node(Next) end)).

lap(First, Left) ->
    receive
        K when Left == 1 -> K;
        K -> First ! K + 1, lap(First, Left - 1)
    end.

main() ->
    First = build(10000 - 1, self()),
    T0 = erlang:monotonic_time(microsecond),
    First ! 1,
    K = lap(First, 100),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [K, T1 - T0]).
