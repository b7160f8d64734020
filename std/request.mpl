## Request: what an HTTP handler receives (stdlib.md §13.1).
##
## Header names are case-insensitive. Query parameters are percent-decoded (`+` is a space;
## a parameter without `=` has the value `""`; of repeated names the last wins). Path
## parameters (`:name` segments) are percent-decoded too; `path` is the raw request path.

## An HTTP request received by the server.
pub extern type Request

## The method as sent (`"GET"`, `"POST"`, …).
pub extern fn method(req :: Request) -> String

## The request path without the query string, as sent (not percent-decoded).
pub extern fn path(req :: Request) -> String

## The body (empty when there is none).
pub extern fn body(req :: Request) -> String

## The header `name` (case-insensitive); of repeated headers the last one.
pub extern fn header(req :: Request, name :: String) -> Option<String>

## All headers, names in lower case (of repeated headers the last one).
pub extern fn headers(req :: Request) -> Map<String, String>

## The query parameter `name`, percent-decoded.
pub extern fn query(req :: Request, name :: String) -> Option<String>

## The path parameter captured by the route's `:name` segment, percent-decoded.
pub extern fn param(req :: Request, name :: String) -> Option<String>
