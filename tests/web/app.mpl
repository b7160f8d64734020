# HTTP server fixture for crates/meshc/tests/web_http.rs.
# Arguments: [cert key] to serve over TLS. Prints its port on stderr.

fn text(status :: Int, body :: String) -> Response do
  HTTP.response_with_headers(status, body, %{"Content-Type" => "text/plain; charset=utf-8"})
end

fn opt(o :: Option<String>) -> String do
  case o do
    Some(v) -> "Some(${v})"
    None -> "None"
  end
end

fn user(req :: Request) -> Response do
  text(200, "user ${opt(Request.param(req, "id"))}")
end

fn post(req :: Request) -> Response do
  text(200, "user ${opt(Request.param(req, "id"))} post ${opt(Request.param(req, "post"))}")
end

fn query(req :: Request) -> Response do
  text(200, "a=${opt(Request.query(req, "a"))} b=${opt(Request.query(req, "b"))} flag=${opt(Request.query(req, "flag"))}")
end

fn header(req :: Request) -> Response do
  text(200, opt(Request.header(req, "X-Custom-Header")))
end

fn crash(_req :: Request) -> Response do
  let xs :: List<Int> = []
  text(200, "${List.head(xs)}")
end

fn sleep(req :: Request) -> Response do
  let ms = case Request.query(req, "ms") do
    Some(s) -> case String.to_int(s) do
      Some(n) -> n
      None -> 0
    end
    None -> 0
  end
  Timer.sleep(ms)
  text(200, "slept ${ms}")
end

fn status(req :: Request) -> Response do
  case Request.param(req, "n") do
    Some(s) -> case String.to_int(s) do
      Some(n) -> HTTP.response(n, "{\"status\":${n}}")
      None -> text(400, "bad")
    end
    None -> text(400, "bad")
  end
end

## Appends `name` to the response's `x-trace` header on the way out.
fn tracer(name :: String) -> Fun(Request, Fun(Request) -> Response) -> Response do
  let mw = fn(req, next) do
    let resp = next(req)
    let trail = case HTTP.header(resp, "x-trace") do
      Some(t) -> t <> "," <> name
      None -> name
    end
    HTTP.with_header(resp, "X-Trace", trail)
  end
  mw
end

## Answers 401 for /private/* without an Authorization header (any case).
fn auth(req :: Request, next :: Fun(Request) -> Response) -> Response do
  if String.starts_with(Request.path(req), "/private") do
    case Request.header(req, "authorization") do
      Some(_) -> next(req)
      None -> HTTP.response(401, "{\"error\":\"unauthorized\"}")
    end
  else
    next(req)
  end
end

fn main() do
  let greeting = "closures work"
  let r = HTTP.router()
    |> HTTP.on_get("/hello", fn _ -> HTTP.response(200, "{\"hello\":\"world\"}") end)
    |> HTTP.on_get("/closure", fn _ -> text(200, greeting) end)
    |> HTTP.on_get("/users/:id", user)
    |> HTTP.on_get("/users/me", fn _ -> text(200, "me") end)
    |> HTTP.on_get("/users/:id/posts/:post", post)
    |> HTTP.on_get("/static/*", fn req -> text(200, "static ${Request.path(req)}") end)
    |> HTTP.on_post("/echo", fn req -> text(200, "${Request.method(req)} ${Request.body(req)}") end)
    |> HTTP.on_put("/echo", fn req -> text(200, "${Request.method(req)} ${Request.body(req)}") end)
    |> HTTP.on_patch("/echo", fn req -> text(200, "${Request.method(req)} ${Request.body(req)}") end)
    |> HTTP.on_delete("/echo", fn req -> text(200, "${Request.method(req)}") end)
    |> HTTP.on_options("/echo", fn _ -> HTTP.response_with_headers(204, "", %{"Allow" => "GET, POST"}) end)
    |> HTTP.route("/any", fn req -> text(200, "any ${Request.method(req)}") end)
    |> HTTP.on_get("/query", query)
    |> HTTP.on_get("/header", header)
    |> HTTP.on_get("/headers", fn req -> text(200, "${Map.size(Request.headers(req)) > 0}") end)
    |> HTTP.on_get("/crash", crash)
    |> HTTP.on_get("/sleep", sleep)
    |> HTTP.on_get("/status/:n", status)
    |> HTTP.on_get("/private/data", fn _ -> text(200, "secret") end)
    |> HTTP.on_post("/json", fn req -> HTTP.response(201, Request.body(req)) end)
    |> HTTP.on_get("/redirect", fn _ -> HTTP.response_with_headers(302, "", %{"Location" => "/hello"}) end)
    |> HTTP.on_post("/see-other", fn _ -> HTTP.response_with_headers(303, "", %{"Location" => "/users/after-post"}) end)
    |> HTTP.on_get("/framing", fn _ -> HTTP.response_with_headers(200, "abc", %{"Content-Length" => "99", "Transfer-Encoding" => "chunked"}) end)
    |> HTTP.use(tracer("A"))
    |> HTTP.use(tracer("B"))
    |> HTTP.use(auth)
    |> HTTP.max_body_size(1024)
    |> HTTP.request_timeout(1000)
  let args = Env.args()
  if List.length(args) == 2 do
    HTTP.serve_tls(r, 0, List.get(args, 0), List.get(args, 1))
  else
    HTTP.serve(r, 0)
  end
end
