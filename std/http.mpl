## HTTP: the web server (routers, middleware, responses) and the HTTP client (stdlib.md §13).
##
## A router is an immutable value: `router()`, then `on_get`/`on_post`/…/`route` and `use`
## each return a new router; `serve` runs it. Every request runs in its own process, so a
## handler may block (database calls, `Timer.sleep`, service calls) without holding up other
## requests, and a handler that fails gets its client a 500 while the server keeps serving.
##
## Routing (first hit wins, in three passes over the routes in registration order, each
## skipping routes of another method): exact patterns (`/users/me`), then patterns with
## `:name` segments (`/users/:id`, captured and percent-decoded), then wildcards (`/files/*`
## matches `/files` and everything under it; `/*` matches every path). A HEAD request with
## no HEAD route is answered by the GET route (without the body). No match is a 404 `Not
## Found`.
##
## Middleware (`use`) runs in registration order, the first registered outermost: each gets
## the request and `next`; calling `next(req)` runs the rest of the chain and the handler,
## returning a response without calling it short-circuits. When no route matches and there
## is middleware, the chain still runs, around a handler that answers 404.
##
## Limits (per router): request bodies up to `max_body_size` bytes (default 8 MiB; larger
## ones get 413), `request_timeout` ms to receive the body and produce a response (default
## 30000; a request that takes longer gets 408 or 503 and its process is killed), request
## line and headers up to 16 KiB and 100 header lines (431), URIs up to 8 KiB (414).
## Malformed requests (a method outside GET/HEAD/POST/PUT/DELETE/PATCH/OPTIONS, invalid
## percent-encoding in the query or in a path parameter, a body or header that is not UTF-8)
## get a 4xx with a JSON body `{"error": "…"}`; requests hyper cannot parse at all get its
## bare 400.
##
## On SIGTERM every server stops accepting connections, finishes the requests in flight
## (up to 30 s) and the program exits with code 0.

## An immutable set of routes and middleware with the server's limits.
pub extern type Router

## What a handler returns: a status, headers and a body.
pub extern type Response

## A response received by `request`: the status, the headers (names in lower case) and the
## body.
pub struct ClientResponse do
  status :: Int
  headers :: Map<String, String>
  body :: String
end deriving(Display, Debug)

## A router with no routes and no middleware.
pub extern fn router() -> Router

## Adds a route for any method.
pub extern fn route(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router

## Adds a route for GET requests (also answering HEAD requests that have no HEAD route).
pub fn on_get(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "GET", pattern, handler)
end

## Adds a route for POST requests.
pub fn on_post(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "POST", pattern, handler)
end

## Adds a route for PUT requests.
pub fn on_put(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "PUT", pattern, handler)
end

## Adds a route for DELETE requests.
pub fn on_delete(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "DELETE", pattern, handler)
end

## Adds a route for PATCH requests.
pub fn on_patch(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "PATCH", pattern, handler)
end

## Adds a route for HEAD requests.
pub fn on_head(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "HEAD", pattern, handler)
end

## Adds a route for OPTIONS requests.
pub fn on_options(r :: Router, pattern :: String, handler :: Fun(Request) -> Response) -> Router do
  route_method(r, "OPTIONS", pattern, handler)
end

## Adds a route for requests whose method is exactly `method` (`"GET"`, `"POST"`, …).
pub extern fn route_method(r :: Router, method :: String, pattern :: String, handler :: Fun(Request) -> Response) -> Router

## Appends a middleware: it receives the request and `next` (the rest of the chain).
pub extern fn use(r :: Router, mw :: Fun(Request, Fun(Request) -> Response) -> Response) -> Router

## Sets the largest accepted request body in bytes (larger ones get 413).
pub extern fn max_body_size(r :: Router, bytes :: Int) -> Router

## Sets how long a request may take, in milliseconds, from its headers to the response.
pub extern fn request_timeout(r :: Router, ms :: Int) -> Router

## Serves `r` on `0.0.0.0:port` (port 0: any free port) until the program ends; prints
## `[mesh-rt] HTTP server listening on <address>` to standard error once bound. A port that
## cannot be bound is a run-time error.
pub fn serve(r :: Router, port :: Int) -> () do
  serve_with(r, port, "", "", dispatch, not_found)
end

## Same as `serve` over TLS: `cert` is the path of a PEM certificate chain, `key` of its PEM
## private key (PKCS#8, PKCS#1 or SEC1). Prints `[mesh-rt] HTTPS server listening on …`.
pub fn serve_tls(r :: Router, port :: Int, cert :: String, key :: String) -> () do
  serve_with(r, port, cert, key, dispatch, not_found)
end

## A response with status `status` (100..999) and body `body`, of type
## `application/json; charset=utf-8`.
pub extern fn response(status :: Int, body :: String) -> Response

## A response with extra headers; a `Content-Type` among them replaces the JSON default.
## An invalid header name or value is a run-time error.
pub extern fn response_with_headers(status :: Int, body :: String, headers :: Map<String, String>) -> Response

## The response's status.
pub extern fn status(resp :: Response) -> Int

## The response's body.
pub extern fn body(resp :: Response) -> String

## The response's header `name` (case-insensitive).
pub extern fn header(resp :: Response, name :: String) -> Option<String>

## The response with header `name` set to `value` (replacing earlier values).
pub extern fn with_header(resp :: Response, name :: String, value :: String) -> Response

## GET `url` (following redirects, 30 s timeout): `Ok(body)` for a status below 400,
## `Err(<message>)` for a higher status or a transport error.
pub extern fn get(url :: String) -> String!String

## POST `body` to `url` as `application/json`, like `get` otherwise.
pub extern fn post(url :: String, body :: String) -> String!String

## Sends one request and returns the response whatever its status (redirects are not
## followed): `method` (`"GET"`, `"POST"`, …), `url` (`http://` or `https://`), extra
## `headers`, a `body` (sent when not empty) and a timeout for the whole exchange in
## milliseconds. `Err(<message>)` for an invalid URL or method, a transport or TLS error, a
## timeout, or a response body that is not UTF-8.
pub fn request(method :: String, url :: String, headers :: Map<String, String>, body :: String, timeout_ms :: Int) -> ClientResponse!String do
  case send_request(method, url, headers, body, timeout_ms) do
    Ok((status, hs, b)) -> Ok(ClientResponse { status: status, headers: hs, body: b })
    Err(e) -> Err(e)
  end
end

## Runs the router's middleware `mws` around `handler` for one request (the server calls
## it in the request's process).
fn dispatch(mws :: List<Fun(Request, Fun(Request) -> Response) -> Response>, handler :: Fun(Request) -> Response, req :: Request) -> Response do
  chain(mws, 0, handler, req)
end

## Runs middleware `i` and the rest after it.
fn chain(mws :: List<Fun(Request, Fun(Request) -> Response) -> Response>, i :: Int, handler :: Fun(Request) -> Response, req :: Request) -> Response do
  if i < List.length(mws) do
    let mw = List.get(mws, i)
    mw(req, fn r -> chain(mws, i + 1, handler, r) end)
  else
    handler(req)
  end
end

## The handler middleware runs around when no route matches.
fn not_found(_req :: Request) -> Response do
  response_with_headers(404, "Not Found", %{"content-type" => "text/plain; charset=utf-8"})
end

## Runs the server (TLS when `cert` is not empty) with the Mesh halves of the dispatch.
extern fn serve_with<D, N>(r :: Router, port :: Int, cert :: String, key :: String, dispatch :: D, not_found :: N) -> ()

## The client call behind `request`: `(status, headers, body)`.
extern fn send_request(method :: String, url :: String, headers :: Map<String, String>, body :: String, timeout_ms :: Int) -> (Int, Map<String, String>, String)!String
