%% 100 processes make 1,000 gen_server calls each (100,000 calls) to one counter server.
-module(service_bench).
-behaviour(gen_server).
-export([main/0, init/1, handle_call/3, handle_cast/2]).

init(N) -> {ok, N}.
handle_call({add, K}, _From, N) -> {reply, N + K, N + K}.
handle_cast(_, N) -> {noreply, N}.

calls(_S, 0) -> ok;
calls(S, I) -> gen_server:call(S, {add, 1}), calls(S, I - 1).

start(0, _S, _Parent) -> ok;
start(I, S, Parent) ->
    spawn(fun() -> calls(S, 1000), Parent ! done end),
    start(I - 1, S, Parent).

collect(0) -> ok;
collect(N) -> receive done -> collect(N - 1) end.

main() ->
    {ok, S} = gen_server:start(?MODULE, 0, []),
    T0 = erlang:monotonic_time(microsecond),
    start(100, S, self()),
    collect(100),
    Total = gen_server:call(S, {add, 0}),
    T1 = erlang:monotonic_time(microsecond),
    io:format("~p ~p~n", [Total, T1 - T0]).
