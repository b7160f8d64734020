%% One million string (binary) concatenations onto an accumulator.
-module(string_cat).
-export([main/0]).

cat(0, Acc) -> Acc;
cat(I, Acc) -> cat(I - 1, <<Acc/binary, "x">>).

main() ->
    T0 = erlang:monotonic_time(microsecond),
    S = cat(1000000, <<>>),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [byte_size(S), T1 - T0]).
