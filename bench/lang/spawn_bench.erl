%% Spawn 1,000,000 processes that each wait for one message, send every one its message,
%% and wait until all have answered (and ended).
-module(spawn_bench).
-export([main/0]).

waiter(Parent) ->
    receive N -> Parent ! N end.

collect(0, Sum) -> Sum;
collect(Left, Sum) ->
    receive K -> collect(Left - 1, Sum + K) end.

main() ->
    N = 1000000,
    T0 = erlang:monotonic_time(microsecond),
    Self = self(),
    Pids = [spawn(fun() -> waiter(Self) end) || _ <- lists:seq(1, N)],
    [P ! 1 || P <- Pids],
    Sum = collect(N, 0),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [Sum, T1 - T0]).
