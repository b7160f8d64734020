%% Build a 1M-element list element by element, map it, fold it.
-module(list).
-export([main/0]).

build(N, N, Acc) -> lists:reverse(Acc);
build(I, N, Acc) -> build(I + 1, N, [I | Acc]).

main() ->
    T0 = erlang:monotonic_time(microsecond),
    Xs = build(0, 1000000, []),
    Ys = lists:map(fun(X) -> X * 2 end, Xs),
    S = lists:foldl(fun(X, Acc) -> Acc + X end, 0, Ys),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [S, T1 - T0]).
