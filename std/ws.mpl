## Ws: the WebSocket server and its rooms (stdlib.md §14).
##
## A connection is identified by an `Int` handle (never 0). Each connection runs in its own
## process: `on_connect(conn, path, headers)` first (`path` is the request target with its
## query string, header names are in lower case); returning 0 rejects the connection (close
## code 1008, reason `rejected`), anything else accepts it. Then `on_message(conn, text)` runs
## once per message, in order, and `on_close(conn, code, reason)` exactly once when an
## accepted connection ends: with the client's close code and reason (1000 and `""` when it
## sent none), 1006 when the connection dropped, 1011 `internal error` when a callback
## failed, or the code of a close the server made (below). Room memberships end before
## `on_close` runs.
##
## Text messages must be UTF-8 (else close 1007); binary messages are delivered as text
## when they are UTF-8 (else close 1003); messages are at most 16 MiB (else close 1009);
## protocol violations close with 1002. The server pings every 30 s and closes with 1001
## `pong timeout` when no pong comes within 10 s. Every connection has a bounded outgoing
## queue (1024 messages, 16 MiB): a client that does not keep up is disconnected with 1008
## `slow consumer` instead of growing memory. On SIGTERM connections close with 1001
## `server shutting down`.

## The incoming side of one connection (owned by its process).
extern type Inbox

## Starts a WebSocket server on `0.0.0.0:port` (0: any free port) and returns at once;
## prints `[mesh-rt] WebSocket server listening on <address>` to standard error. The server
## keeps the program running. A port that cannot be bound is a run-time error.
pub fn serve(on_connect :: Fun(Int, String, Map<String, String>) -> Int, on_message :: Fun(Int, String) -> (), on_close :: Fun(Int, Int, String) -> (), port :: Int) -> () do
  start(fn inbox, conn, path, headers -> run(inbox, conn, path, headers, on_connect, on_message, on_close) end, on_close, port, "", "")
end

## Same as `serve` over TLS (`cert`: PEM certificate chain file, `key`: PEM private key
## file).
pub fn serve_tls(on_connect :: Fun(Int, String, Map<String, String>) -> Int, on_message :: Fun(Int, String) -> (), on_close :: Fun(Int, Int, String) -> (), port :: Int, cert :: String, key :: String) -> () do
  start(fn inbox, conn, path, headers -> run(inbox, conn, path, headers, on_connect, on_message, on_close) end, on_close, port, cert, key)
end

## Queues a text message: 0, or -1 when the connection is closed or its queue is full (the
## connection is then closed as a slow consumer).
pub extern fn send(conn :: Int, text :: String) -> Int

## Queues a binary message holding the bytes of `data`; 0 or -1 as `send`.
pub extern fn send_binary(conn :: Int, data :: String) -> Int

## Closes the connection with `code` (1000..4999) and `reason` (at most 123 bytes): 0, or -1
## when it is already closed or the code is invalid.
pub extern fn close(conn :: Int, code :: Int, reason :: String) -> Int

## Adds the connection to `room`: 0, or -1 when the connection is closed.
pub extern fn join(conn :: Int, room :: String) -> Int

## Removes the connection from `room`: 0, or -1 when the connection is closed.
pub extern fn leave(conn :: Int, room :: String) -> Int

## Queues `text` for every member of `room`; the number of members it could not be queued
## for (0 = all).
pub extern fn broadcast(room :: String, text :: String) -> Int

## Like `broadcast`, skipping `conn`.
pub extern fn broadcast_except(room :: String, text :: String, conn :: Int) -> Int

## The number of connections in `room`.
pub extern fn room_size(room :: String) -> Int

## A connection's process: `on_connect`, then the message loop.
fn run(inbox :: Inbox, conn :: Int, path :: String, headers :: Map<String, String>, on_connect :: Fun(Int, String, Map<String, String>) -> Int, on_message :: Fun(Int, String) -> (), on_close :: Fun(Int, Int, String) -> ()) -> () do
  if on_connect(conn, path, headers) == 0 do
    close(conn, 1008, "rejected")
    ()
  else
    loop(inbox, conn, on_message, on_close)
  end
end

## Delivers messages until the connection ends, then calls `on_close`.
fn loop(inbox :: Inbox, conn :: Int, on_message :: Fun(Int, String) -> (), on_close :: Fun(Int, Int, String) -> ()) -> () do
  let (kind, code, text) = next(inbox)
  if kind == 0 do
    on_message(conn, text)
    loop(inbox, conn, on_message, on_close)
  else
    on_close(conn, code, text)
  end
end

## Starts the server; `entry` runs in each connection's process, `on_close` is called in a
## fresh process when a connection's process fails.
extern fn start<E, C>(entry :: E, on_close :: C, port :: Int, cert :: String, key :: String) -> ()

## The connection's next event: `(0, 0, text)` for a message, `(1, code, reason)` when it
## has ended.
extern fn next(inbox :: Inbox) -> (Int, Int, String)
