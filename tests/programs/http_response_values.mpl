# Responses are values: constructors, accessors and header updates, without a server.
fn show(o :: Option<String>) -> String do
  case o do
    Some(v) -> v
    None -> "-"
  end
end

fn main() do
  let r = HTTP.response(201, "{\"ok\":true}")
  println("${HTTP.status(r)} ${HTTP.body(r)} ${show(HTTP.header(r, "Content-Type"))}")
  let t = HTTP.response_with_headers(200, "<p>hi</p>", %{"Content-Type" => "text/html", "X-One" => "1"})
  println("${show(HTTP.header(t, "content-type"))} ${show(HTTP.header(t, "x-one"))} ${show(HTTP.header(t, "x-two"))}")
  let u = HTTP.with_header(t, "X-One", "2")
  println("${show(HTTP.header(u, "X-ONE"))} ${show(HTTP.header(t, "X-ONE"))}")
  let r2 = HTTP.router() |> HTTP.on_get("/", fn _ -> r end) |> HTTP.max_body_size(10) |> HTTP.request_timeout(50)
  println("router built")
  HTTP.response(99, "too low")
end
